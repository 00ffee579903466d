from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "anwei.tracking"
    label = "tracking"
    verbose_name = "列管"

    def ready(self):
        from anwei.documents.builders import builder_register
        from anwei.orgs import policy
        from anwei.portal.inbox import inbox_register
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.tracking import documents
        from anwei.tracking import inbox
        from anwei.tracking.selectors import my_unit_ids

        builder_register("tracking.register", documents.register_build)

        nav_register(NavEntry("列管", "tracking:register", visible=lambda p: not policy.scope(p, "tracking.view").empty,
                              order=20))
        nav_register(NavEntry("本單位填報", "tracking:my_items", visible=lambda p: bool(my_unit_ids(p)), order=21))
        nav_register(NavEntry("列管總覽", "tracking:overview",
                              visible=lambda p: not policy.scope(p, "tracking.overview").empty, order=22))
        for provider in (inbox.liaison_items, inbox.officer_items, inbox.head_items):
            inbox_register(provider)
