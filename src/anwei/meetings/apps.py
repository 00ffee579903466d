from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "anwei.meetings"
    label = "meetings"
    verbose_name = "安全維護會報"
