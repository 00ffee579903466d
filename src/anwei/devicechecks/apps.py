from django.apps import AppConfig


class DevicechecksConfig(AppConfig):
    name = "anwei.devicechecks"
    label = "devicechecks"
    verbose_name = "每日設備檢查"

    def ready(self) -> None:
        from anwei.devicechecks.workreport import PROVIDER as STATISTICS
        from anwei.portal.workreport import provider_register

        provider_register(STATISTICS)  # its section of the work report (工作報告)
        from anwei.devicechecks import documents
        from anwei.devicechecks.obligations import PROVIDER
        from anwei.documents.builders import builder_register
        from anwei.portal.obligations import obligation_register

        builder_register("devicechecks.month", documents.device_month)

        obligation_register(PROVIDER)
