from django.apps import AppConfig


class RollupConfig(AppConfig):
    name = "anwei.rollup"
    label = "rollup"
    verbose_name = "上級政風機構總覽"

    def ready(self):
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.orgs import policy

        nav_register(NavEntry("所屬機關總覽", "rollup:overview",
                              visible=lambda p: bool(policy.scope(p, "rollup.view").subtree_paths), order=15))
