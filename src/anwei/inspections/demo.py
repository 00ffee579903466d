"""Demo data: the bureau's default checklists, a self-assessment round with some units done, an
unannounced inspection with a deficiency under tracking, and a month of daily device checks with
one × and its repair. Every name is invented."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.core.workdays import is_workday
from anwei.inspections import selectors, services
from anwei.inspections.models import AnswerKind, DeviceSystem, Finding, Inspection, Verdict


def _fill(person, assessment, nonconform: dict[int, tuple[str, str]] | None = None):
    values = {}
    for row in services.assessment_rows(assessment):
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
    officer, liaison, unithead = people["officer"], people["liaison"], people["unithead"]
    today = timezone.localdate()

    templates = services.checklist_defaults_install(actor=officer, agency=bureau)
    security = templates[0]
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

    inspection = services.inspection_create(
        actor=officer, agency=bureau, title="連續假期前機關安全狀況不定期抽查", kind=Inspection.Kind.SECURITY,
        mode=Inspection.Mode.UNANNOUNCED, date=today - dt.timedelta(days=2), inspectors="政風室林專員、秘書室王主任",
        units=[units["秘書室"], units["污水養護工程科"]], template=security,
        scope_note="會同秘書室抽查管理大樓各出入口門禁、監視系統、檔案室及辦公處所下班後門窗電器關閉情形。")
    services.finding_add(actor=officer, inspection=inspection, kind=Finding.Kind.STRENGTH,
                         text="管理大樓主要出入口及停車場均設有監視錄影系統，畫面清晰並由秘書室每日巡檢。")
    # The inspectors go through the checklist in each unit; 秘書室's one 不符合 becomes a tracked deficiency.
    for unit_name, problem in (("污水養護工程科", None), ("秘書室", "一樓檔案室門扇未關妥，電子門禁未能自動上鎖")):
        rows = services.inspection_check_rows(inspection, units[unit_name])
        values = {r.item_id: {"verdict": Verdict.CONFORM} for r in rows}
        if problem:
            values[rows[0].item_id] = {"verdict": Verdict.NONCONFORM, "note": problem}
        inspection.refresh_from_db()
        services.inspection_checks_save(actor=officer, inspection=inspection, expected_version=inspection.version,
                                        unit=units[unit_name], values=values, due_date=today + dt.timedelta(days=14))
    services.finding_add(actor=officer, inspection=inspection, kind=Finding.Kind.RECOMMENDATION,
                         text="持續辦理安全維護宣導，提醒同仁隨手關門，下班前巡視門窗電器。")
    services.inspection_report_mark(actor=officer, inspection=inspection)

    start = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    site = ctx.get("footage_site")  # footage's demo loads first: its site holds the cameras
    door = services.device_system_create(actor=officer, agency=bureau, unit=units["秘書室"], name="門禁系統",
                                         kind=DeviceSystem.Kind.DOOR_ACCESS, location="管理大樓一樓正門、後門及三樓正門",
                                         vendor="海港保全股份有限公司", in_service_from=start, site=site)
    cctv = services.device_system_create(actor=officer, agency=bureau, unit=units["秘書室"], name="監視系統",
                                         kind=DeviceSystem.Kind.CCTV, location="管理大樓（16具攝影機，主機於一樓檔案室）",
                                         vendor="濱海室內裝修有限公司", in_service_from=start, site=site)
    days = (start + dt.timedelta(days=n) for n in range((today - start).days))
    workdays = [d for d in days if is_workday(d)]
    broken = workdays[len(workdays) // 3] if workdays else None
    for day in workdays:
        cctv_ok = day != broken
        services.daily_checks_record(actor=liaison, date=day, expected_version=selectors.day_checks(
            systems=[door, cctv], date=day).version, entries=[
            (door, True, ""), (cctv, cctv_ok, "" if cctv_ok else "第7路攝影機（地下停車場）無畫面")])
    if broken:
        repair = cctv.repairs.get()
        services.repair_update(actor=unithead, repair=repair, expected_version=repair.version, reported_on=broken,
                               vendor="濱海室內裝修有限公司", repaired_on=min(broken + dt.timedelta(days=1), today),
                               note="更換攝影機電源供應器")
    ctx["inspection"] = inspection
