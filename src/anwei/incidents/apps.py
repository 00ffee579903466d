from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "anwei.incidents"
    label = "incidents"
    verbose_name = "狀況通報"

    def ready(self) -> None:
        from anwei.documents.builders import builder_register
        from anwei.incidents import documents
        from anwei.incidents.obligations import PROVIDER
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register

        builder_register("incidents.report", documents.incident_document)
        builder_register("incidents.register", documents.register_document)
        obligation_register(PROVIDER)
        from anwei.incidents import workreport
        from anwei.portal.workreport import provider_register

        provider_register(workreport.PROVIDER)  # its section of the work report (工作報告)
        from anwei.incidents.selectors import period_count_sentence
        from anwei.plans.periodcounts import period_counter_register

        period_counter_register(period_count_sentence)  # a special plan's results count its period's incidents
        # Everyone may have to report one, so everyone sees the entry.
        nav_register(NavEntry("狀況通報", "incidents:index", visible=lambda person: True, order=75))
        _register_sources()
        from anwei.incidents import searchable

        searchable.register()  # incidents in the one search


def _register_sources() -> None:
    """A follow-up's tracked item links back to its incident; its history is shown to who may see it."""
    from django.utils import timezone

    from anwei.incidents import selectors
    from anwei.incidents.models import Incident
    from anwei.lib import rocdate
    from anwei.portal.obligations import link
    from anwei.portal.selectors import audit_guard_from_getter, audit_guard_register
    from anwei.tracking.sources import SourceKind, source_register

    def may_view(person, incident) -> bool:
        return selectors.incident_list(person=person).filter(pk=incident.pk).exists()

    source_register(SourceKind(
        key="incident", model=Incident,
        label=lambda i: f"{rocdate.format_short(timezone.localtime(i.discovered_at).date())}狀況通報（{i.number}）",
        url=lambda i: link("incidents:detail", i.pk), may_view=may_view))
    audit_guard_register("incidents.incident", audit_guard_from_getter(selectors.incident_get))
