from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "anwei.dashboards"
    label = "dashboards"
    verbose_name = "儀表板"

    def ready(self) -> None:
        from anwei.core.audit import audit_listen
        from anwei.core.service import service_finish_register
        from anwei.dashboards import summary
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register

        # the per-agency summaries move with each change, at the end of its service, in its transaction
        audit_listen(summary.on_audit)
        service_finish_register(summary.on_service_finish)
        _register_summary_job()
        nav_register(NavEntry("機關儀表板", "dashboards:agency", order=5,
                              visible=lambda p: policy.holds_anywhere(p, "dashboards.agency")))
        nav_register(NavEntry("所屬機關儀表板", "dashboards:superior", order=14,
                              visible=lambda p: bool(policy.scope(p, "rollup.view").subtree_paths)))


def _register_summary_job() -> None:
    """The daily refresh of summaries kept for another year and of the day's figures, run by the scheduler (anwei
    scheduler)."""
    from anwei.dashboards.tasks import dashboards_summary_run
    from anwei.notifications.schedule import job_register

    job_register("dashboards_summary", dashboards_summary_run, "儀表板摘要：換年重算、每日數字")
