from django.apps import AppConfig


class PerfConfig(AppConfig):
    name = "anwei.perf"
    label = "perf"
    verbose_name = "效能量測"
