from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "anwei.access"
    label = "access"
    verbose_name = "門禁管理"

    def ready(self) -> None:
        from anwei.access import documents
        from anwei.access.obligations import PROVIDER
        from anwei.access.tasks import visitor_retention_step
        from anwei.documents.builders import builder_register
        from anwei.footage.tasks import retention_step_register
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register

        obligation_register(PROVIDER)
        retention_step_register("訪客登記資料", visitor_retention_step)
        builder_register("access.plan", documents.plan_document)

        # Everyone may pre-register their guests (the page shows each person only what they may see), so
        # everyone sees the entry — decided without a query, as it is drawn on every page.
        nav_register(NavEntry("門禁管理", "access:index", visible=lambda person: True, order=65))
        _register_sources()


def _register_sources() -> None:
    """A deficiency from a door event links back to the event, for those who review events."""
    from django.utils import timezone

    from anwei.access import selectors
    from anwei.access.models import DoorEvent
    from anwei.lib import rocdate
    from anwei.portal.obligations import link
    from anwei.tracking.sources import SourceKind, source_register

    def may_view(person, event) -> bool:
        return selectors.may(person, "access.events.review", selectors.settings_for(event.agency))

    source_register(SourceKind(
        key="door_event", model=DoorEvent,
        label=lambda e: f"{rocdate.format_slash(timezone.localtime(e.at).date())}門禁紀錄（{e.door_code}）",
        url=lambda e: link("access:events"), may_view=may_view))
