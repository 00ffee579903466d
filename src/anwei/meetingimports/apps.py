from django.apps import AppConfig


class MeetingImportsConfig(AppConfig):
    name = "anwei.meetingimports"
    label = "meetingimports"
    verbose_name = "會議文件匯入"

    def ready(self):
        from anwei.meetingimports.obligations import PROVIDER
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register

        obligation_register(PROVIDER)  # files read and awaiting the officer's review, on the home page

        nav_register(NavEntry("匯入會議文件", "meetingimports:list",
                              visible=lambda p: policy.holds_anywhere(p, "meetingimport.manage"), order=12))
