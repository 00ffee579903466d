"""Demo data: an unannounced inspection that goes through the bureau's security checklist (the
assessments demo loads first), with a deficiency under tracking. Every name is invented."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from anwei.assessments.models import Verdict
from anwei.inspections import selectors, services
from anwei.inspections.models import Finding, Inspection


def load(ctx: dict) -> None:
    bureau, units, people = ctx["bureau"], ctx["units"], ctx["people"]
    officer = people["officer"]
    today = timezone.localdate()
    security = ctx["checklists"][0]

    inspection = services.inspection_create(
        actor=officer, agency=bureau, title="連續假期前機關安全狀況不定期抽查", kind=Inspection.Kind.SECURITY,
        mode=Inspection.Mode.UNANNOUNCED, date=today - dt.timedelta(days=2), inspectors="政風室林專員、秘書室王主任",
        units=[units["秘書室"], units["污水養護工程科"]], template=security,
        scope_note="會同秘書室抽查管理大樓各出入口門禁、監視系統、檔案室及辦公處所下班後門窗電器關閉情形。")
    services.finding_add(actor=officer, inspection=inspection, kind=Finding.Kind.STRENGTH,
                         text="管理大樓主要出入口及停車場均設有監視錄影系統，畫面清晰並由秘書室每日巡檢。")
    # The inspectors go through the checklist in each unit; 秘書室's one 不符合 becomes a tracked deficiency.
    for unit_name, problem in (("污水養護工程科", None), ("秘書室", "一樓檔案室門扇未關妥，電子門禁未能自動上鎖")):
        rows = selectors.inspection_check_rows(inspection, units[unit_name])
        values = {r.item_id: {"verdict": Verdict.CONFORM} for r in rows}
        if problem:
            values[rows[0].item_id] = {"verdict": Verdict.NONCONFORM, "note": problem}
        inspection.refresh_from_db()
        services.inspection_checks_save(actor=officer, inspection=inspection, expected_version=inspection.version,
                                        unit=units[unit_name], values=values, due_date=today + dt.timedelta(days=14))
    services.finding_add(actor=officer, inspection=inspection, kind=Finding.Kind.RECOMMENDATION,
                         text="持續辦理安全維護宣導，提醒同仁隨手關門，下班前巡視門窗電器。")
    services.inspection_report_mark(actor=officer, inspection=inspection)
    ctx["inspection"] = inspection
