from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "anwei.core"
    label = "core"
    verbose_name = "系統核心"

    def ready(self) -> None:
        from anwei.core import dataversion, service  # noqa: F401 (service subscribes its audit counter)
        from anwei.core.audit import audit_listen

        audit_listen(dataversion.on_audit)
