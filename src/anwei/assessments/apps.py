from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "anwei.assessments"
    label = "assessments"
    verbose_name = "自評"

    def ready(self) -> None:
        from anwei.assessments.obligations import PROVIDER
        from anwei.portal.obligations import obligation_register

        obligation_register(PROVIDER)
        _register_answer_source()
        from anwei.assessments import searchable

        searchable.register()  # self-assessment answers in the one search


def _register_answer_source() -> None:
    """A 不符合 answer's tracked item links back to the self-assessment form (tracking.sources)."""
    from django.urls import reverse

    from anwei.assessments.models import Answer
    from anwei.orgs import policy
    from anwei.tracking.sources import SourceKind, source_register

    source_register(SourceKind(
        key="answer", model=Answer,
        label=lambda a: f"{a.assessment.round.title}：{a.assessment.respondent_label()}自評表",
        url=lambda a: reverse("assessments:assessment_detail", args=[a.assessment_id]),
        may_view=lambda person, a: policy.may(person, "assessments.assessment.view", a.assessment)))
