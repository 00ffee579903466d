from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "anwei.inspections"
    label = "inspections"
    verbose_name = "自評與檢查"
