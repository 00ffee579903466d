from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Accounts as the 資通系統防護基準 asks: a person changes their own password (a first or reset password
    at once, any password after its maximum age, never one of the last few), unused accounts are disabled,
    and each agency's ethics officer reviews its people and roles once a year."""

    name = "anwei.accounts"
    label = "accounts"
    verbose_name = "帳號管理"

    def ready(self) -> None:
        from anwei.accounts.obligations import PROVIDER
        from anwei.accounts.tasks import accounts_idle_run
        from anwei.notifications.schedule import job_register
        from anwei.orgs import policy
        from anwei.portal.navigation import NavEntry, nav_register
        from anwei.portal.obligations import obligation_register

        obligation_register(PROVIDER)
        nav_register(NavEntry("帳號檢視", "accounts:review", order=90,
                              visible=lambda p: policy.holds_anywhere(p, "accounts.review")))
        job_register("accounts_idle", accounts_idle_run, "停用長期未使用的帳號")
