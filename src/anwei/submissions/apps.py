from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "anwei.submissions"
    label = "submissions"
    verbose_name = "核定與陳報"

    def ready(self) -> None:
        from anwei.orgs import policy
        from anwei.plans.gates import dispatch_gate_register
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register
        from anwei.submissions.obligations import PROVIDER
        from anwei.submissions.selectors import plan_gate, reporting_agency

        dispatch_gate_register(plan_gate)  # the head's 核定 before a plan's letter is issued, where the rule asks
        obligation_register(PROVIDER)
        nav_register(NavEntry("核定與陳報", "submissions:index", order=32, visible=lambda p: (
            reporting_agency(p) is not None or policy.holds_anywhere(p, "submissions.acknowledge")
            or policy.holds_anywhere(p, "submissions.approval.decide"))))
