"""The upload form, and the review: one form for the meeting and one per row of each table, each field
shown with the source lines it was read from and what could not be read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms

from anwei.core.forms import RocDateField, VersionForm
from anwei.documents import limits
from anwei.documents.limits import limited
from anwei.meetings.models import Proposal, Report, Ruling

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TIME_ERRORS = {"invalid": "請輸入時間，例如 11:30。"}
AREA = forms.Textarea(attrs={"rows": 3})
ACCEPT = ".docx,.odt,.pdf,.txt"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files at once; their kind and content are checked by the import service, file by file."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        files = [single(d, initial) for d in data if d] if isinstance(data, (list, tuple)) else (
            [single(data, initial)] if data else [])
        if not files:
            raise forms.ValidationError("請選擇要匯入的檔案。", code="required")
        return files


class UploadForm(forms.Form):
    agency = forms.TypedChoiceField(label="機關", coerce=int, error_messages={"required": "請選擇機關。"})
    files = FilesField(label="會議資料或會議紀錄檔案（可一次選多個）",
                       help_text="DOCX、ODT、有文字層的 PDF，或由 PDF 複製出的純文字（.txt）；每個檔案上限 20 MB。",
                       error_messages={"empty": "上傳的檔案是空的。"})

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [(a.pk, a.name) for a in agencies]
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0].pk


class UnitMapForm(forms.Form):
    """One choice per name the documents print and the agency's units do not match."""

    NONE, ALL = "none", "all"

    def __init__(self, *args, names: list[str], units, **kwargs):
        super().__init__(*args, **kwargs)
        self.names = names
        choices = [("", "（請選擇）"), *((str(u.pk), u.name) for u in units), (self.ALL, "各科室（所有單位）"),
                   (self.NONE, "不指定單位")]
        for k, name in enumerate(names):
            self.fields[f"n{k}"] = forms.ChoiceField(label=f"「{name}」是", choices=choices, required=False)

    def mappings(self) -> list[tuple[str, str]]:
        return [(name, self.cleaned_data.get(f"n{k}") or "") for k, name in enumerate(self.names)
                if self.cleaned_data.get(f"n{k}")]


# --- review ----------------------------------------------------------------------------------------

class MeetingForm(VersionForm):
    roc_year = forms.IntegerField(label="年度（民國）", min_value=1, max_value=300, required=False)
    sequence = forms.IntegerField(label="第幾次", min_value=1, max_value=99, required=False)
    date = RocDateField(label="會議日期", required=False)
    start_time = forms.TimeField(label="開始時間", widget=TIME, required=False, error_messages=TIME_ERRORS)
    end_time = forms.TimeField(label="散會時間", widget=TIME, required=False, error_messages=TIME_ERRORS)
    place = forms.CharField(label="地點", max_length=200, required=False)
    chair = forms.CharField(label="主席", max_length=100, required=False)
    recorder = forms.CharField(label="紀錄", max_length=100, required=False)
    attendees_note = forms.CharField(label="出席", max_length=200, required=False)
    attendees = forms.CharField(label="出席人員（一行一位）", widget=AREA, required=False,
                                **limited("出席人員", limits.ITEM))
    absentees = forms.CharField(label="請假人員（一行一位）", widget=AREA, required=False,
                                **limited("請假人員", limits.ITEM))
    opening_remarks = forms.CharField(label="主席致詞", widget=AREA, required=False,
                                      **limited("主席致詞", limits.SECTION))
    conclusion = forms.CharField(label="主席結論", widget=AREA, required=False, **limited("主席結論", limits.SECTION))

    def values(self) -> dict:
        c = self.cleaned_data
        out = {k: c.get(k) for k in ("roc_year", "sequence", "date", "start_time", "end_time")}
        out |= {k: (c.get(k) or "").strip() for k in ("place", "chair", "recorder", "attendees_note",
                                                       "opening_remarks", "conclusion")}
        out["attendees"] = _lines(c.get("attendees"))
        out["absentees"] = _lines(c.get("absentees"))
        return out


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class RowForm(forms.Form):
    drop = forms.BooleanField(label="不匯入此列", required=False)
    section = ""  # agenda, directives, …
    list_fields: tuple[str, ...] = ()

    def values(self) -> dict:
        out = {k: v for k, v in self.cleaned_data.items() if k != "drop"}
        for k in self.list_fields:
            out[k] = [n.strip() for n in re.split(r"[、，,\n]", out.get(k) or "") if n.strip()]
        for k, v in out.items():
            if isinstance(v, str):
                out[k] = v.strip()
        out["key"] = self.prefix
        return out


class AgendaRowForm(RowForm):
    section = "agenda"
    title = forms.CharField(label="議程", max_length=200, required=False)
    minutes = forms.IntegerField(label="使用時間（分鐘）", min_value=0, max_value=600, required=False)
    presenter = forms.CharField(label="主持（報告）人", max_length=100, required=False)
    note = forms.CharField(label="備考", max_length=200, required=False)


DECISIONS = [("", "（未勾選）"), ("continue", "繼續列管"), ("release", "解除列管")]


class DirectiveRowForm(RowForm):
    section = "directives"
    list_fields = ("co_units",)
    origin = forms.CharField(label="裁示的會議", max_length=20, required=False, help_text="例如：108年第1次")
    number = forms.IntegerField(label="項次", min_value=1, max_value=999, required=False)
    text = forms.CharField(label="主席裁（指）示事項", widget=AREA, required=False,
                           **limited("主席裁（指）示事項", limits.ITEM))
    lead_unit = forms.CharField(label="主辦單位", max_length=100, required=False)
    co_units = forms.CharField(label="協辦單位（以頓號分隔）", max_length=300, required=False)
    progress = forms.CharField(label="執行情形", widget=AREA, required=False, **limited("執行情形", limits.PROGRESS))
    decision = forms.ChoiceField(label="是否列管", choices=DECISIONS, required=False)


class ReportRowForm(RowForm):
    section = "reports"
    kind = forms.ChoiceField(label="類別", choices=Report.Kind.choices)
    title = forms.CharField(label="題目", max_length=200, required=False)
    unit = forms.CharField(label="報告單位", max_length=100, required=False)
    presenter = forms.CharField(label="報告人", max_length=100, required=False)
    text = forms.CharField(label="內容", widget=forms.Textarea(attrs={"rows": 5}), required=False,
                           **limited("報告內容", limits.REPORT))


class ProposalRowForm(RowForm):
    section = "proposals"
    kind = forms.ChoiceField(label="類別", choices=Proposal.Kind.choices)
    number = forms.IntegerField(label="案號", min_value=1, max_value=99, required=False)
    unit = forms.CharField(label="提案單位", max_length=100, required=False)
    subject = forms.CharField(label="案由", widget=forms.Textarea(attrs={"rows": 2}), required=False,
                              **limited("案由", limits.TITLE))
    explanation = forms.CharField(label="說明", widget=AREA, required=False, **limited("說明", limits.SECTION))
    method = forms.CharField(label="辦法", widget=AREA, required=False, **limited("辦法", limits.SECTION))
    resolution = forms.CharField(label="決議", widget=AREA, required=False, **limited("決議", limits.ITEM))


class RulingRowForm(RowForm):
    section = "rulings"
    section_choice = forms.ChoiceField(label="所屬議程", choices=Ruling.Section.choices)
    subject = forms.CharField(label="標題", max_length=300, required=False)
    text = forms.CharField(label="裁示內容", widget=AREA, required=False, **limited("裁示內容", limits.ITEM))
    proposal_number = forms.IntegerField(label="提案案號", min_value=1, max_value=99, required=False)
    actionable = forms.BooleanField(label="需列管（本次會議的裁示事項）", required=False)
    lead_unit = forms.CharField(label="主辦單位", max_length=100, required=False, help_text="需列管時必填")

    def values(self) -> dict:
        out = super().values()
        out["section"] = out.pop("section_choice")
        return out


ROW_FORMS = [("agenda", "a", AgendaRowForm), ("directives", "d", DirectiveRowForm), ("reports", "r", ReportRowForm),
             ("proposals", "p", ProposalRowForm), ("rulings", "u", RulingRowForm)]


@dataclass
class Shown:
    """A field of the review with where it was read and what went wrong reading it."""

    field: forms.BoundField
    source: dict | None
    unread: bool
    problems: list[str]


def _initial(name: str, value):
    if name in ("attendees", "absentees", "co_units"):
        return "\n".join(value or []) if name != "co_units" else "、".join(value or [])
    return value


def review_forms(imp, values: dict, data=None) -> tuple[MeetingForm, dict[str, list[RowForm]]]:
    """The meeting form and the row forms, bound to `data` after a POST, else filled from `values`."""
    meeting = MeetingForm(data, initial={**{k: _initial(k, values.get(k)) for k in MeetingForm.base_fields},
                                         "version": imp.version})
    rows: dict[str, list[RowForm]] = {}
    for name, prefix, cls in ROW_FORMS:
        forms_ = []
        for k, row in enumerate(values.get(name, [])):
            initial = {f: _initial(f, row.get(f)) for f in cls.base_fields}
            if name == "rulings":
                initial["section_choice"] = row.get("section")
            forms_.append(cls(data, prefix=f"{prefix}{k}", initial=initial))
        rows[name] = forms_
    return meeting, rows


def review_values(meeting: MeetingForm, rows: dict[str, list[RowForm]]) -> dict | None:
    """The corrected values, or None while a form is not valid."""
    if not meeting.is_valid() or not all(f.is_valid() for fs in rows.values() for f in fs):
        return None
    values = meeting.values()
    for name, forms_ in rows.items():
        values[name] = [f.values() for f in forms_ if not f.cleaned_data.get("drop")]
    return values


def annotate(form: forms.Form, draft_part: dict | None, problems: dict[str, list[str]]) -> list[Shown]:
    """Each visible field of a form beside the source of its value in the draft."""
    shown = []
    for bf in form.visible_fields():
        name = "section" if bf.name == "section_choice" else bf.name
        part = (draft_part or {}).get(name)
        source = part.get("source") if isinstance(part, dict) else None
        unread = isinstance(part, dict) and part.get("value") in (None, []) and bf.name != "drop"
        key = f"{form.prefix}-{bf.name}" if form.prefix else bf.name
        shown.append(Shown(bf, source, unread, problems.get(key, [])))
    return shown


_WHERE = re.compile(r"^(agenda|directives|reports|proposals|rulings)\[(\d+)\](?:\.(\w+))?$")
_PREFIX = {"agenda": "a", "directives": "d", "reports": "r", "proposals": "p", "rulings": "u"}
_FIELD = {"start": "minutes", "end": "minutes", "units": "lead_unit", "all_units": "lead_unit"}


def problems_by_field(draft: dict) -> dict[str, list[str]]:
    """The parser's problems keyed as the review names its fields: directives[2].lead_unit → d2-lead_unit."""
    out: dict[str, list[str]] = {}
    for p in draft.get("problems", []):
        where = p.get("where") or ""
        m = _WHERE.match(where)
        if m:
            field = _FIELD.get(m.group(3) or "", m.group(3) or "drop")
            key = f"{_PREFIX[m.group(1)]}{m.group(2)}-{field}"
        else:
            key = {"document": "", "agency": ""}.get(where, where)
        out.setdefault(key, []).append(("（請核對）" if p.get("level") == "warning" else "") + p["message"])
    return out
