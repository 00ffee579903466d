from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "anwei.core"
    label = "core"
    verbose_name = "系統核心"
