from django.apps import AppConfig


class FootageConfig(AppConfig):
    name = "anwei.footage"
    label = "footage"
    verbose_name = "監視器錄影調閱"
