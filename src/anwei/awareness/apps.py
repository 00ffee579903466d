from django.apps import AppConfig


class AwarenessConfig(AppConfig):
    name = "anwei.awareness"
    label = "awareness"
    verbose_name = "宣導"

    def ready(self) -> None:
        from anwei.awareness.workreport import PROVIDER
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.workreport import provider_register

        provider_register(PROVIDER)
        from anwei.awareness.planduties import duty_marks
        from anwei.plans.periodcounts import duty_marker_register

        duty_marker_register(duty_marks)  # a plan's 宣導 lines, ticked off by the events recorded for them
        nav_register(NavEntry("宣導", "awareness:event_list", order=45,
                              visible=lambda p: policy.holds_anywhere(p, "awareness.view")))
        from anwei.awareness import searchable

        searchable.register()  # events and cases in the one search
