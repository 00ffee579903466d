from django.apps import AppConfig


class DevicechecksConfig(AppConfig):
    name = "anwei.devicechecks"
    label = "devicechecks"
    verbose_name = "每日設備檢查"

    def ready(self) -> None:
        from anwei.portal.inbox import inbox_register
        from anwei.devicechecks.inbox import devicechecks_inbox

        inbox_register(devicechecks_inbox)
