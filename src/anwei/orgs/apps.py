from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "anwei.orgs"
    label = "orgs"
    verbose_name = "機關與人員"
