from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The home page, the inbox, navigation and each record's history: above orgs (it asks the
    policy), below the domain apps (they register their inbox providers and menu entries here)."""

    name = "anwei.portal"
    label = "portal"
    verbose_name = "入口"
