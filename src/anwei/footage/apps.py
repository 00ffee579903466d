from django.apps import AppConfig


class FootageConfig(AppConfig):
    name = "anwei.footage"
    label = "footage"
    verbose_name = "監視器錄影調閱"

    def ready(self) -> None:
        from anwei.footage import searchable

        searchable.register()  # requests, by case number and applicant only, in the one search
        from anwei.footage.workreport import PROVIDER as STATISTICS
        from anwei.portal.workreport import provider_register

        provider_register(STATISTICS)  # its section of the work report (工作報告)
        from anwei.documents.builders import builder_register
        from anwei.footage import documents
        from anwei.footage.obligations import PROVIDER
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register

        builder_register("footage.request_form", documents.request_form)
        builder_register("footage.register", documents.register)
        builder_register("footage.destruction_list", documents.destruction_list)

        obligation_register(PROVIDER)
        _register_retention_job()
        _register_audit_guards()
        # Everyone may file a request; the list shows only what each person may see.
        nav_register(NavEntry("監視錄影調閱", "footage:request_list", visible=lambda person: True, order=60))


def _register_audit_guards() -> None:
    """Footage requests are personal data: their history is shown only to those who may see the request."""
    from anwei.portal.selectors import audit_guard_from_getter, audit_guard_register
    from anwei.footage import selectors

    audit_guard_register("footage.footagerequest", audit_guard_from_getter(selectors.request_get))


def _register_retention_job() -> None:
    """The daily destruction of what reached its retention date, run by the scheduler (anwei scheduler)."""
    from anwei.footage.tasks import footage_retention_run
    from anwei.notifications.schedule import job_register

    job_register("retention", footage_retention_run, "監視錄影資料保存期限到期銷毀")
