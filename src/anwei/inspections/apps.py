from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "anwei.inspections"
    label = "inspections"
    verbose_name = "自評與檢查"

    def ready(self) -> None:
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.orgs import policy
        from anwei.orgs.models import Role

        def visible(person) -> bool:
            return policy.has_role(person, Role.ETHICS_OFFICER, Role.UNIT_LIAISON, Role.UNIT_HEAD, Role.AGENCY_HEAD,
                                   Role.SUPERIOR_OFFICER)

        # One menu entry for the section; its pages (index.html, _tabs.html) lead to the assessments and
        # devicechecks apps' pages too.
        nav_register(NavEntry("自評與檢查", "inspections:index", visible=visible, order=40))
