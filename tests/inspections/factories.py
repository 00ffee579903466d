"""Objects for the inspections tests, built through the services (so audit and rules apply)."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from anwei.inspections import services
from anwei.inspections.models import Finding, Inspection
from tests.assessments.factories import checklist

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def png(name: str = "門窗.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


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
