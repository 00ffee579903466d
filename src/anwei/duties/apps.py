from django.apps import AppConfig


class DutiesConfig(AppConfig):
    """Recurring duties (定期工作): rules that are frequencies, not deadlines — a confidentiality inspection at
    least every half-year, a security meeting at least once a year, a yearly review of CCTV accounts and door
    badges. Each is a rule per agency; the notification engine reminds of the next one when it comes due."""

    name = "anwei.duties"
    label = "duties"
    verbose_name = "定期工作"

    def ready(self) -> None:
        from anwei.duties.obligations import PROVIDER
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register

        obligation_register(PROVIDER)
        nav_register(NavEntry("定期工作", "duties:index", order=85,
                              visible=lambda p: policy.holds_anywhere(p, "duties.manage")))
