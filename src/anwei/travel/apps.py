from django.apps import AppConfig


class TravelConfig(AppConfig):
    name = "anwei.travel"
    label = "travel"
    verbose_name = "赴陸申請"
