from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "anwei.meetings"
    label = "meetings"
    verbose_name = "安全維護會報"

    def ready(self):
        from anwei.documents.builders import builder_register
        from anwei.meetings import documents
        from anwei.meetings import sources
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register

        builder_register("meetings.packet", documents.packet_build)
        builder_register("meetings.minutes", documents.minutes_build)
        builder_register("meetings.signin", documents.signin_build)

        nav_register(NavEntry("會報", "meetings:list", visible=lambda p: policy.holds_anywhere(p, "meeting.view"),
                              order=10))
        sources.register()
        from anwei.meetings import searchable

        searchable.register()  # meetings, reports, proposals and rulings in the one search

        from anwei.meetings.calendar import meeting_events
        from anwei.notifications.calendar import calendar_register

        calendar_register(meeting_events)  # the meetings a person attends, in their calendar feed
