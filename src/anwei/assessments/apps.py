from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "anwei.assessments"
    label = "assessments"
    verbose_name = "自評"

    def ready(self) -> None:
        from anwei.assessments.inbox import assessments_inbox
        from anwei.portal.inbox import inbox_register

        inbox_register(assessments_inbox)
