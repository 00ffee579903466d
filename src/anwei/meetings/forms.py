from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import Case, When

from anwei.core.forms import RocDateField, VersionForm
from anwei.core.uploads import UploadField
from anwei.meetings.models import Attendance, Proposal, Report, Ruling
from anwei.orgs.models import Unit
from anwei.tracking.forms import UnitsMixin
from anwei.documents import limits
from anwei.documents.limits import limited

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TIME_ERRORS = {"invalid": "請輸入時間，例如 11:30。", "required": "請填寫時間。"}


def _units(agency):
    return Unit.objects.filter(agency=agency).order_by("order", "id")


class AgencyForm(forms.Form):
    """A form whose unit choices are the meeting's agency's units."""

    unit_fields: tuple[str, ...] = ("unit",)

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.unit_fields:
            if name in self.fields:
                self.fields[name].queryset = _units(agency)


class MeetingCreateForm(forms.Form):
    date = RocDateField(label="會議日期")
    start_time = forms.TimeField(label="開始時間", widget=TIME, initial=dt.time(11, 30), error_messages=TIME_ERRORS)
    place = forms.CharField(label="地點", max_length=200, required=False)
    chair_name = forms.CharField(label="主席", max_length=100, required=False)
    recorder_name = forms.CharField(label="紀錄", max_length=100, required=False)


class MeetingEditForm(MeetingCreateForm, VersionForm):
    attendees_note = forms.CharField(label="出席（未逐一登錄簽到時）", max_length=200, required=False)
    opening_remarks = forms.CharField(label="主席致詞", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                      help_text="紀錄中只寫「略」時請填「略」或留空", **limited("主席致詞", limits.SECTION))
    conclusion = forms.CharField(label="主席結論", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                 **limited("主席結論", limits.SECTION))
    adjourned_at = forms.TimeField(label="散會時間", widget=TIME, required=False, error_messages=TIME_ERRORS)


class AgendaItemForm(forms.Form):
    title = forms.CharField(label="議程", max_length=200, error_messages={"required": "請填寫議程名稱。"})
    minutes = forms.IntegerField(label="使用時間（分鐘）", min_value=0, max_value=24 * 60, required=False,
                                 error_messages={"min_value": "使用時間不能是負數。", "invalid": "請輸入分鐘數。"})
    end = forms.TimeField(label="或結束時間", widget=TIME, required=False, error_messages=TIME_ERRORS)
    presenter = forms.CharField(label="主持（報告）人", max_length=100, required=False)
    note = forms.CharField(label="備考", max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("minutes") is None and not data.get("end") and not self.errors:
            self.add_error("minutes", "請填寫使用時間或結束時間。")
        return data


class AgendaItemEditForm(AgendaItemForm, VersionForm):
    """One row of the agenda table, carrying the version it was shown at."""


class StandInMixin(forms.Form):
    represented_by = forms.CharField(label="代理人", max_length=100, required=False)

    def clean(self):
        data = super().clean()
        if data.get("status") == Attendance.Status.REPRESENTED and not (data.get("represented_by") or "").strip():
            self.add_error("represented_by", "代理出席時，請填寫代理人。")
        return data


class AttendanceForm(StandInMixin, AgencyForm):
    prefix = "att"  # several forms share the meeting page: keep their ids apart
    unit = forms.ModelChoiceField(label="單位", queryset=Unit.objects.none(), required=False)
    name = forms.CharField(label="姓名（職稱）", max_length=100, error_messages={"required": "請填寫姓名。"})
    status = forms.ChoiceField(label="出席情形", choices=Attendance.Status.choices)
    field_order = ["unit", "name", "status", "represented_by"]


STATUS_CHOICES = [("", "（未登錄）"), *Attendance.Status.choices]


class AttendanceRowForm(StandInMixin):
    """One line of the attendance table (its prefix is the line's key)."""

    status = forms.ChoiceField(label="出席情形", choices=STATUS_CHOICES, required=False)
    name = forms.CharField(label="姓名（職稱）", max_length=100, required=False)


class AttendanceTableForm(VersionForm):
    """The attendance table as a whole: the version it was shown at."""

    prefix = "attendance"


class ReportForm(AgencyForm, VersionForm):
    prefix = "rep"
    kind = forms.ChoiceField(label="類別", choices=Report.Kind.choices)
    title = forms.CharField(label="題目", max_length=200, error_messages={"required": "請填寫題目。"})
    unit = forms.ModelChoiceField(label="報告單位", queryset=Unit.objects.none(), required=False)
    presenter = forms.CharField(label="報告人", max_length=100, required=False)
    body = forms.CharField(label="內容", required=False, widget=forms.Textarea(attrs={"rows": 6}),
                           **limited("內容", limits.REPORT))
    file = UploadField(label="附件（簡報等）", required=False)


class ProposalForm(AgencyForm, VersionForm):
    prefix = "prop"
    kind = forms.ChoiceField(label="類別", choices=Proposal.Kind.choices, initial=Proposal.Kind.REGULAR)
    unit = forms.ModelChoiceField(label="提案單位", queryset=Unit.objects.none(), required=False)
    subject = forms.CharField(label="案由", widget=forms.Textarea(attrs={"rows": 2}), max_length=limits.TITLE,
                              error_messages={"required": "請填寫案由。",
                                              **limited("案由", limits.TITLE)["error_messages"]})
    explanation = forms.CharField(label="說明", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                  **limited("說明", limits.SECTION))
    method = forms.CharField(label="辦法", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                             **limited("辦法", limits.ITEM))
    file = UploadField(label="附件", required=False)


class ResolveForm(VersionForm):
    """The 決議, and (until it is tracked) whether it becomes a tracked item, by which units, by when. The units
    are choices from one list for the whole page (`units`): the meeting page has one such form per proposal."""

    resolution = forms.ChoiceField(label="決議結果", choices=[("", "（請選擇）"), *Proposal.Resolution.choices[1:]],
                                   error_messages={"required": "請選擇決議結果。"})
    resolution_text = forms.CharField(label="決議", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                      **limited("決議", limits.ITEM))
    track = forms.BooleanField(label="列管此決議（成為本次會議列管事項）", required=False)
    lead_unit = forms.TypedChoiceField(label="主辦單位", required=False, coerce=int, empty_value=None)
    all_units = forms.BooleanField(label="各科室（所有單位）", required=False)
    co_units = forms.TypedMultipleChoiceField(label="協辦單位", required=False, coerce=int,
                                              widget=forms.CheckboxSelectMultiple)
    due_date = RocDateField(label="完成期限", required=False)
    TRACKING = ("track", "lead_unit", "all_units", "co_units", "due_date")

    def __init__(self, *args, units=(), tracked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {u.pk: u for u in units}
        self.fields["lead_unit"].choices = [("", "---------"), *((u.pk, u.name) for u in units)]
        self.fields["co_units"].choices = [(u.pk, u.name) for u in units]
        if tracked:  # its units and due date are the tracked item's now, edited on its page
            for name in self.TRACKING:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if "track" not in self.fields:
            return {k: v for k, v in data.items() if k not in self.TRACKING}
        if data.get("track") and not data.get("all_units") and not data.get("lead_unit"):
            self.add_error("lead_unit", "請選擇主辦單位，或勾選「各科室」。")
        data["lead_unit"] = self.units.get(data.get("lead_unit"))
        data["co_units"] = [self.units[pk] for pk in data.get("co_units") or []]
        return data


class RulingForm(UnitsMixin):
    prefix = "rul"
    section = forms.ChoiceField(label="議程", choices=Ruling.Section.choices, initial=Ruling.Section.CONCLUSION)
    report = forms.ModelChoiceField(label="針對報告", queryset=Report.objects.none(), required=False)
    proposal = forms.ModelChoiceField(label="針對提案", queryset=Proposal.objects.none(), required=False)
    subject = forms.CharField(label="標題（選填）", max_length=300, required=False)
    text = forms.CharField(label="裁示（指示）內容", widget=forms.Textarea(attrs={"rows": 3}), max_length=limits.ITEM,
                           error_messages={"required": "請填寫裁示內容。",
                                           **limited("裁示內容", limits.ITEM)["error_messages"]})
    actionable = forms.BooleanField(label="需列管（成為本次會議主席裁(指)示事項）", required=False, initial=True)
    field_order = ["section", "report", "proposal", "subject", "text", "actionable", "lead_unit", "all_units",
                   "co_units", "due_date"]

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, agency=meeting.agency if meeting else None, **kwargs)
        if meeting is not None:
            self.fields["report"].queryset = meeting.reports.all()
            # 第1案, 第2案 … before 臨時動議第1案, as the agenda has them
            self.fields["proposal"].queryset = meeting.proposals.order_by(
                Case(When(kind=Proposal.Kind.EXTEMPORE, then=1), default=0), "number")

    def units_required(self, data: dict) -> bool:
        return bool(data.get("actionable"))


TRACKING_FIELDS = ("actionable", "lead_unit", "all_units", "co_units", "due_date")


class RulingEditForm(RulingForm, VersionForm):
    """Correcting a ruling. Once it is tracked, its units and due date belong to the tracked item
    (edited on the item's page), so those fields are left out."""

    def __init__(self, *args, tracked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if tracked:
            for name in TRACKING_FIELDS:
                del self.fields[name]
