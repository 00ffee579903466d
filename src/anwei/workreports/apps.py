from django.apps import AppConfig


class WorkreportsConfig(AppConfig):
    name = "anwei.workreports"
    label = "workreports"
    verbose_name = "工作報告"

    def ready(self) -> None:
        from anwei.orgs import policy
        from anwei.plans.periodcounts import result_drafter_register
        from anwei.workreports.drafts import DRAFTER

        result_drafter_register(DRAFTER)  # a recipient answers its office's request from its own records
        from anwei.portal.navigation import NavEntry, nav_register

        nav_register(NavEntry("所屬機關工作統計", "workreports:counts", order=16,
                              visible=lambda p: bool(policy.scope(p, "workreports.counts").subtree_paths)))
