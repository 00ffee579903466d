from django.apps import AppConfig


class DevicechecksConfig(AppConfig):
    name = "anwei.devicechecks"
    label = "devicechecks"
    verbose_name = "每日設備檢查"

    def ready(self) -> None:
        from anwei.devicechecks import documents
        from anwei.devicechecks.obligations import PROVIDER
        from anwei.documents.builders import builder_register
        from anwei.portal.obligations import obligation_register

        builder_register("devicechecks.month", documents.device_month)

        obligation_register(PROVIDER)
