from django.apps import AppConfig


class TravelConfig(AppConfig):
    name = "anwei.travel"
    label = "travel"
    verbose_name = "赴陸申請"

    def ready(self) -> None:
        from anwei.travel import searchable

        searchable.register()  # applications, by traveller only, in the one search
        from anwei.travel.workreport import PROVIDER as STATISTICS
        from anwei.portal.workreport import provider_register

        provider_register(STATISTICS)  # its section of the work report (工作報告)
        from anwei.documents.builders import builder_register
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register
        from anwei.travel import documents
        from anwei.travel.obligations import PROVIDER

        builder_register("travel.application", documents.application_document)
        builder_register("travel.return_report", documents.return_report_document)

        obligation_register(PROVIDER)
        _register_audit_guards()
        # Every public servant may have to apply, so everyone sees the entry.
        nav_register(NavEntry("赴陸申請", "travel:index", visible=lambda person: True, order=70))


def _register_audit_guards() -> None:
    """Travel records are personal data: their history is shown only to those who may see the record."""
    from anwei.portal.selectors import audit_guard_from_getter, audit_guard_register
    from anwei.travel import selectors
    from anwei.travel.models import ReturnReport

    def return_report_guard(person, object_id: str) -> bool:
        application_id = ReturnReport.objects.filter(pk=object_id).values_list("application_id", flat=True).first()
        return application_id is not None and audit_guard_from_getter(selectors.application_get)(
            person, str(application_id))

    audit_guard_register("travel.travelapplication", audit_guard_from_getter(selectors.application_get))
    audit_guard_register("travel.classifiedretiree", audit_guard_from_getter(selectors.retiree_get))
    audit_guard_register("travel.returnreport", return_report_guard)
