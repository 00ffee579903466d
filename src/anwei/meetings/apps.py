from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "anwei.meetings"
    label = "meetings"
    verbose_name = "安全維護會報"

    def ready(self):
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.orgs import policy

        nav_register(NavEntry("會報", "meetings:list", visible=lambda p: not policy.scope(p, "meeting.view").empty,
                              order=10))
