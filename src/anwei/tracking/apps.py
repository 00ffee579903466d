from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "anwei.tracking"
    label = "tracking"
    verbose_name = "列管"
