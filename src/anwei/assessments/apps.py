from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "anwei.assessments"
    label = "assessments"
    verbose_name = "自評"

    def ready(self) -> None:
        from anwei.assessments.obligations import PROVIDER
        from anwei.portal.obligations import obligation_register

        obligation_register(PROVIDER)
