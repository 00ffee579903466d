from django.apps import AppConfig


class MeetingImportsConfig(AppConfig):
    name = "anwei.meetingimports"
    label = "meetingimports"
    verbose_name = "會議文件匯入"

    def ready(self):
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register

        nav_register(NavEntry("匯入會議文件", "meetingimports:list",
                              visible=lambda p: policy.holds_anywhere(p, "meetingimport.manage"), order=12))
