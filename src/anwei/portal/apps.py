from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The home page, the inbox, navigation and each record's history: above orgs (it asks the
    policy), below the domain apps (they register their inbox providers and menu entries here)."""

    name = "anwei.portal"
    label = "portal"
    verbose_name = "入口"

    def ready(self) -> None:
        from anwei.orgs.services import SIGNIN_ACTIONS
        from anwei.portal.history import history_labels_register

        _name_third_party_apps()
        history_labels_register(SIGNIN_ACTIONS)  # orgs records sign-ins; their names in a person's history


# Libraries that ship no Traditional Chinese names: what administrators see in the admin instead.
THIRD_PARTY_NAMES = {
    "axes": ("登入失敗鎖定", {"AccessFailureLog": "登入失敗紀錄", "AccessAttempt": "登入嘗試",
                             "AccessAttemptExpiration": "登入嘗試到期", "AccessLog": "登入紀錄"}),
    "django_tasks_database": ("背景工作", {"DBTaskResult": "背景工作結果"}),
    "sessions": ("工作階段", {"Session": "工作階段"}),
}


def _name_third_party_apps() -> None:
    from django.apps import apps

    for label, (app_name, models) in THIRD_PARTY_NAMES.items():
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        config.verbose_name = app_name
        for model_name, name in models.items():
            meta = config.get_model(model_name)._meta
            meta.verbose_name = meta.verbose_name_plural = name
