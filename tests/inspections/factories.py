"""Objects for the inspections tests, built through the services (so audit and rules apply)."""

from __future__ import annotations

import datetime as dt
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from anwei.inspections import selectors, services
from anwei.inspections.models import ChecklistTemplate, Finding, Inspection

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def png(name: str = "門窗.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def checklists(w) -> list[ChecklistTemplate]:
    if "checklists" not in w.extra:
        services.checklist_defaults_install(actor=w.officer, agency=w.bureau)
        w.extra["checklists"] = list(ChecklistTemplate.objects.filter(agency=w.bureau).order_by("order"))
    return w.extra["checklists"]


def checklist(w) -> ChecklistTemplate:
    return checklists(w)[0]


def item(w):
    return checklist(w).items.filter(is_current=True).order_by("order").first()


def round_(w, units=("秘書室", "綜合企劃科")):
    if "round" not in w.extra:
        w.extra["round"] = services.round_create(
            actor=w.officer, agency=w.bureau, title="春節期間自評", deadline=timezone.localdate() + dt.timedelta(days=7),
            templates=checklists(w), units=[w.units[u] for u in units])
    return w.extra["round"]


def assessment(w, unit="秘書室"):
    return round_(w).assessments.get(unit=w.units[unit])


def inspection(w):
    if "inspection" not in w.extra:
        w.extra["inspection"] = services.inspection_create(
            actor=w.officer, agency=w.bureau, title="春節前機關安全狀況檢查", kind=Inspection.Kind.SECURITY,
            mode=Inspection.Mode.UNANNOUNCED, date=timezone.localdate(), inspectors="政風室測政風",
            units=[w.units["秘書室"]], template=checklist(w))
    return w.extra["inspection"]


def deficiency(w) -> Finding:
    if "deficiency" not in w.extra:
        w.extra["deficiency"] = services.finding_add(
            actor=w.officer, inspection=inspection(w), kind=Finding.Kind.DEFICIENCY, text="檔案室門窗未上鎖",
            unit=w.units["秘書室"], due_date=timezone.localdate() + dt.timedelta(days=14), uploads=[png()])
    return w.extra["deficiency"]


def strength(w) -> Finding:
    if "strength" not in w.extra:
        w.extra["strength"] = services.finding_add(actor=w.officer, inspection=inspection(w),
                                                   kind=Finding.Kind.STRENGTH, text="門禁管理落實")
    return w.extra["strength"]


def evidence(w):
    return deficiency(w).evidence.first()


def system(w):
    if "system" not in w.extra:
        w.extra["system"] = services.device_system_create(
            actor=w.officer, agency=w.bureau, unit=w.units["秘書室"], name="管理大樓門禁系統", kind="door_access",
            location="一樓正門", vendor="測試保全公司", in_service_from=timezone.localdate() - dt.timedelta(days=40))
    return w.extra["system"]


def day_record(*, actor, date, entries):
    """Record a day's checks as someone who has just opened that day's form."""
    opened = selectors.day_checks(systems=[e[0] for e in entries], date=date)
    return services.daily_checks_record(actor=actor, date=date, expected_version=opened.version, entries=entries)


def repair(w):
    if "repair" not in w.extra:
        day = timezone.localdate() - dt.timedelta(days=1)
        day_record(actor=w.liaison, date=day, entries=[(system(w), False, "主機無法開機")])
        w.extra["repair"] = system(w).repairs.get()
    return w.extra["repair"]


def work_report(w):
    """A meeting of the bureau with its 秘書單位工作報告."""
    if "work_report" not in w.extra:
        from anwei.meetings import services as meetings
        from anwei.meetings.models import Report

        m = meetings.meeting_create(actor=w.officer, agency=w.bureau,
                                    date=timezone.localdate() + dt.timedelta(days=20))
        w.extra["work_report"] = meetings.report_add(actor=w.officer, meeting=m, kind=Report.Kind.WORK,
                                                     title="秘書單位工作報告", unit=w.units["政風室"],
                                                     body="一、辦理資訊稽核。")
    return w.extra["work_report"]


def second_officer(w):
    """Another ethics officer of the bureau, so that two people can edit the same record."""
    if "second_officer" not in w.extra:
        from anwei.orgs.models import Role
        from anwei.orgs.services import membership_grant, person_create
        from tests.world import PASSWORD

        p = person_create(actor=None, username="officer_b", password=PASSWORD, full_name="測政風乙",
                          agency=w.bureau, unit=w.units["政風室"], title="專員")
        membership_grant(actor=None, person=p, agency=w.bureau, role=Role.ETHICS_OFFICER)
        membership_grant(actor=None, person=p, agency=w.bureau, role=Role.STAFF)
        w.extra["second_officer"] = p
    return w.extra["second_officer"]


def form_version(html: str) -> int:
    """The version a rendered form carries (what the next save will expect)."""
    return int(re.search(r'<input[^>]*name="version"[^>]*value="(\d+)"', html).group(1))


def conflict_notice(html: str) -> str:
    """The conflict notice of a page, where the other person's saved values are listed."""
    return html.split('id="conflict"', 1)[1].split("</div>", 1)[0]
