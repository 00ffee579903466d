"""Demo data: the bureau's default checklists and a self-assessment round with some units done.
Every name is invented."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.assessments import selectors, services
from anwei.assessments.models import AnswerKind, Verdict


def _fill(person, assessment, nonconform: dict[int, tuple[str, str]] | None = None):
    values = {}
    for row in selectors.assessment_rows(assessment):
        if row.answer_kind == AnswerKind.VERDICT:
            values[row.item_id] = {"verdict": Verdict.CONFORM}
        elif row.answer_kind == AnswerKind.NUMBER:
            values[row.item_id] = {"number": 0}
        else:
            values[row.item_id] = {"text": "無"}
    for item_id, (note, action) in (nonconform or {}).items():
        values[item_id] = {"verdict": Verdict.NONCONFORM, "note": note, "corrective_action": action}
    services.assessment_save(actor=person, assessment=assessment, expected_version=assessment.version, values=values)
    assessment.refresh_from_db()


def load(ctx: dict) -> None:
    bureau, units, people = ctx["bureau"], ctx["units"], ctx["people"]
    officer, liaison = people["officer"], people["liaison"]
    today = timezone.localdate()

    templates = services.checklist_defaults_install(actor=officer, agency=bureau)
    first_items = {t.pk: t.items.filter(is_current=True).order_by("order").first() for t in templates}

    rnd = services.round_create(
        actor=officer, agency=bureau, title=f"{today.year - 1911}年重要節日期間機關安全自評",
        deadline=today + dt.timedelta(days=7), templates=templates,
        instructions="請各單位於連續假期前落實自主檢查，確實填列機關安全、公務機密維護、資安自評表，經單位主管確認後送出。",
        units=[units[n] for n in ("秘書室", "人事室", "綜合企劃科", "污水養護工程科", "水利工程科")])
    forms = {a.unit.name: a for a in rnd.assessments.select_related("unit")}
    # 綜合企劃科: filled and confirmed. 人事室: confirmed with one 不符合. 秘書室: waiting for its head.
    plan_person, hr_person = people["liaison.plan"], people["liaison.hr"]
    _fill(plan_person, forms["綜合企劃科"])
    services.assessment_confirm(actor=plan_person, assessment=forms["綜合企劃科"], expected_version=forms["綜合企劃科"].version)  # the demo has no head there
    secrecy_first = first_items[templates[1].pk]
    _fill(hr_person, forms["人事室"], {secrecy_first.pk: ("人事資料櫃下班後未上鎖", "已加裝鎖具並指定專人下班前檢查")})
    services.assessment_confirm(actor=hr_person, assessment=forms["人事室"], expected_version=forms["人事室"].version)
    _fill(liaison, forms["秘書室"])
    services.assessment_send(actor=liaison, assessment=forms["秘書室"], expected_version=forms["秘書室"].version)

    ctx["checklists"] = templates  # the inspections demo goes through the first (機關安全維護)
