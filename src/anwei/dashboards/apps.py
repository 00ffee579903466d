from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "anwei.dashboards"
    label = "dashboards"
    verbose_name = "儀表板"

    def ready(self) -> None:
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register

        nav_register(NavEntry("機關儀表板", "dashboards:agency", order=5,
                              visible=lambda p: policy.holds_anywhere(p, "dashboards.agency")))
        nav_register(NavEntry("所屬機關儀表板", "dashboards:superior", order=14,
                              visible=lambda p: bool(policy.scope(p, "rollup.view").subtree_paths)))
