from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "anwei.meetings"
    label = "meetings"
    verbose_name = "安全維護會報"

    def ready(self):
        from anwei.meetings import sources
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register

        nav_register(NavEntry("會報", "meetings:list", visible=lambda p: policy.holds_anywhere(p, "meeting.view"),
                              order=10))
        sources.register()
