from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "anwei.plans"
    label = "plans"
    verbose_name = "專案安全維護計畫"
