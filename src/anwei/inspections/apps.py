from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "anwei.inspections"
    label = "inspections"
    verbose_name = "自評與檢查"

    def ready(self) -> None:
        from anwei.inspections.workreport import PROVIDER as STATISTICS
        from anwei.portal.workreport import provider_register

        provider_register(STATISTICS)  # its section of the work report (工作報告)
        from anwei.documents.builders import builder_register
        from anwei.inspections import documents
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register

        builder_register("inspections.report", documents.inspection_report)

        def visible(person) -> bool:  # whoever sees some inspection sees the section's pages
            return policy.holds_anywhere(person, "inspections.inspection.view")

        # One menu entry for the section; its pages (index.html, _tabs.html) lead to the assessments and
        # devicechecks apps' pages too.
        nav_register(NavEntry("自評與檢查", "inspections:index", visible=visible, order=40))
        _register_deficiency_source()
        from anwei.inspections import searchable

        searchable.register()  # inspections and findings in the one search


def _register_deficiency_source() -> None:
    """A deficiency's tracked item links back to its inspection (tracking.sources)."""
    from django.urls import reverse

    from anwei.inspections.models import Finding
    from anwei.lib import rocdate
    from anwei.orgs import policy
    from anwei.tracking.sources import SourceKind, source_register

    source_register(SourceKind(
        key="finding", model=Finding, label=lambda f: f"{rocdate.format_short(f.inspection.date)}{f.inspection.title}",
        url=lambda f: reverse("inspections:inspection_detail", args=[f.inspection_id]),
        may_view=lambda person, f: policy.may(person, "inspections.inspection.view", f.inspection)))
