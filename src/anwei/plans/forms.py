"""Forms: every message in Chinese, next to its field; nothing typed is lost on error."""

from __future__ import annotations

from django import forms

from anwei.lib.periods import LABELS, PeriodUnit

# A plan period starts some days (or working days, or weeks) before a holiday block.
LEAD_UNITS = (PeriodUnit.DAYS, PeriodUnit.WORKDAYS, PeriodUnit.WEEKS)
from django.utils import timezone

from anwei.core.forms import RocDateField
from anwei.core.uploads import UploadField
from anwei.lib import rocdate
from anwei.orgs.models import Agency
from anwei.plans.models import Letter, Occasion, PlanReference
from anwei.plans.outline import HELP_TEXT
from anwei.documents import limits
from anwei.documents.limits import limited, limit_field

REQUIRED = {"required": "此欄為必填。"}


def _version_field() -> forms.IntegerField:
    return forms.IntegerField(widget=forms.HiddenInput, required=False)


GENERATED_SECTIONS = {"basis", "period", "contacts"}  # their content is partly generated; they stay


class SectionsMixin:
    """Per section a heading and a textarea (`heading_<key>`, `section_<key>`); required sections may
    not be left empty; an optional section whose heading is cleared is removed; one blank pair at
    the end adds a section."""

    def add_sections(self, sections: list[dict]) -> None:
        self.sections_in = sections
        self.section_names = []
        for s in sections:
            removable = not s.get("required") and s["key"] not in GENERATED_SECTIONS
            self.fields[f"heading_{s['key']}"] = forms.CharField(
                label="章節名稱", max_length=30, initial=s["heading"], required=not removable,
                help_text="清空名稱即刪除此章節" if removable else "",
                error_messages={"required": "此章節不能刪除，請填寫章節名稱。"})
            name = f"section_{s['key']}"
            self.fields[name] = forms.CharField(
                label=s["heading"], required=bool(s.get("required")), initial=s.get("body", ""),
                widget=forms.Textarea(attrs={"rows": 8}), max_length=limits.SECTION,
                error_messages={"required": f"「{s['heading']}」是必填章節，請填寫內容。",
                                **limited(s["heading"], limits.SECTION)["error_messages"]}, strip=True)
            self.section_names.append(name)
        self.fields["new_heading"] = forms.CharField(label="新增章節：名稱", max_length=30, required=False,
                                                     help_text="例如「其他」；留空則不新增")
        self.fields["new_body"] = forms.CharField(label="新增章節：內容", required=False,
                                                  widget=forms.Textarea(attrs={"rows": 4}),
                                                  **limited("新增章節：內容", limits.SECTION))

    def section_fields(self):
        return [(self[f"heading_{n.removeprefix('section_')}"], self[n]) for n in self.section_names]

    def clean_new_body(self):
        body = self.cleaned_data.get("new_body", "")
        if body and not self.cleaned_data.get("new_heading"):
            raise forms.ValidationError("請填寫新增章節的名稱。")
        return body

    def sections_result(self) -> list[dict]:
        c = self.cleaned_data
        out = []
        for s in self.sections_in:
            heading = c.get(f"heading_{s['key']}", "").strip()
            if heading:
                out.append({**s, "heading": heading, "body": c.get(f"section_{s['key']}", "")})
        if c.get("new_heading"):
            keys = {s["key"] for s in self.sections_in}
            n = 1
            while f"extra{n}" in keys:
                n += 1
            out.append({"key": f"extra{n}", "heading": c["new_heading"].strip(), "body": c.get("new_body", ""),
                        "required": False})
        return out


class PeriodMixin:
    def clean_period(self, cleaned: dict) -> None:
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "工作期間迄日不能早於起日。")


class PlanCreateForm(PeriodMixin, forms.Form):
    occasion = forms.ChoiceField(label="節日／專案", choices=Occasion.choices, error_messages=REQUIRED)
    year = forms.IntegerField(label="民國年", min_value=100, max_value=200, error_messages={
        **REQUIRED, "min_value": "請輸入民國年（例如 114）。", "max_value": "請輸入民國年（例如 114）。",
        "invalid": "請輸入數字。"})
    election_name = forms.CharField(label="選舉名稱", required=False, max_length=100,
                                    help_text="選舉專案必填，例如 第15任總統副總統及第10屆立法委員選舉")
    period_start = RocDateField(label="工作期間起日", required=False,
                                help_text="節日專案可留空：依行事曆自動帶入（連續假期前數日至假期後第一個上班日）")
    period_end = RocDateField(label="工作期間迄日", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = rocdate.roc_year(timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        occasion = cleaned.get("occasion")
        if occasion == Occasion.ELECTION and not cleaned.get("election_name"):
            self.add_error("election_name", "選舉專案請填寫選舉名稱。")
        if occasion in (Occasion.ELECTION, Occasion.OTHER):
            for f in ("period_start", "period_end"):
                if not cleaned.get(f) and f not in self.errors:
                    self.add_error(f, "選舉及其他專案請輸入工作期間起迄日。")
        elif bool(cleaned.get("period_start")) != bool(cleaned.get("period_end")):
            self.add_error("period_end", "起迄日請都填寫，或都留空由行事曆帶入。")
        self.clean_period(cleaned)
        return cleaned


class PlanEditForm(SectionsMixin, PeriodMixin, forms.Form):
    version = _version_field()
    title = forms.CharField(label="計畫名稱", max_length=200, error_messages=REQUIRED)
    election_name = forms.CharField(label="選舉名稱", required=False, max_length=100)
    period_start = RocDateField(label="工作期間起日")
    period_end = RocDateField(label="工作期間迄日", help_text="日數含首尾兩日，系統自動計算")
    result_workdays = forms.IntegerField(label="成果報送期限（期間結束後幾個工作日）", min_value=0, max_value=60,
                                         error_messages={**REQUIRED, "invalid": "請輸入數字。",
                                                         "min_value": "不能小於 0。", "max_value": "不能大於 60。"})

    def __init__(self, *args, sections: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.add_sections(sections)

    def clean(self):
        cleaned = super().clean()
        self.clean_period(cleaned)
        return cleaned


class ReferenceForm(forms.Form):
    issuer = forms.CharField(label="發文機關", max_length=100, required=False)
    date = RocDateField(label="發文日期", required=False)
    number = forms.CharField(label="文號", max_length=100, required=False, help_text="例如 廉政字第10807018360號")
    kind = forms.ChoiceField(label="文別", choices=PlanReference.Kind.choices, initial=PlanReference.Kind.LETTER,
                             required=False)

    def clean(self):
        cleaned = super().clean()
        filled = [cleaned.get(f) for f in ("issuer", "date", "number")]
        if any(filled) and not all(filled):
            for f in ("issuer", "date", "number"):
                if not cleaned.get(f) and f not in self.errors:
                    self.add_error(f, "引用函文請填寫發文機關、日期與文號。")
        return cleaned

    def row(self) -> dict | None:
        c = self.cleaned_data
        return ({"issuer": c["issuer"], "date": c["date"], "number": c["number"],
                 "kind": c.get("kind") or PlanReference.Kind.LETTER}
                if c.get("issuer") and c.get("date") and c.get("number") else None)


class DutyForm(forms.Form):
    party = forms.CharField(label="單位／機關", max_length=100, required=False)
    duties = forms.CharField(label="分工事項", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             **limited("分工事項", limits.ITEM))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("party") and not cleaned.get("duties"):
            self.add_error("duties", "請填寫分工事項。")
        if cleaned.get("duties") and not cleaned.get("party"):
            self.add_error("party", "請填寫單位或機關。")
        return cleaned

    def row(self) -> dict | None:
        c = self.cleaned_data
        return {"party": c["party"], "duties": c["duties"]} if c.get("party") and c.get("duties") else None


class ContactForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=50, required=False)
    role = forms.CharField(label="職稱／任務", max_length=60, required=False)
    office_phone = forms.CharField(label="辦公室電話", max_length=50, required=False)
    mobile = forms.CharField(label="行動電話", max_length=50, required=False)
    fax = forms.CharField(label="傳真", max_length=50, required=False)

    def clean(self):
        cleaned = super().clean()
        others = any(cleaned.get(f) for f in ("role", "office_phone", "mobile", "fax"))
        if others and not cleaned.get("name"):
            self.add_error("name", "請填寫姓名。")
        return cleaned

    def row(self) -> dict | None:
        c = self.cleaned_data
        return {k: c.get(k, "") for k in ("name", "role", "office_phone", "mobile", "fax")} if c.get("name") else None


ReferenceFormSet = forms.formset_factory(ReferenceForm, extra=2)
DutyFormSet = forms.formset_factory(DutyForm, extra=2)
ContactFormSet = forms.formset_factory(ContactForm, extra=2)


def formset_rows(formset) -> list[dict]:
    return [r for f in formset.forms if (r := f.row())]


class TemplateEditForm(SectionsMixin, forms.Form):
    version = _version_field()
    name = forms.CharField(label="範本名稱", max_length=100, error_messages=REQUIRED)
    title_pattern = forms.CharField(label="計畫名稱格式", max_length=200, error_messages=REQUIRED,
                                    help_text="可用 {agency}（機關名稱）、{year}（民國年）、{election}（選舉名稱）")
    lead_days = forms.IntegerField(label="連續假期前提前期間", min_value=0, max_value=30,
                                   error_messages={**REQUIRED, "invalid": "請輸入數字。", "min_value": "不能小於 0。",
                                                   "max_value": "不能大於 30。"})
    lead_unit = forms.ChoiceField(label="提前期間單位", choices=[(u.value, LABELS[u]) for u in LEAD_UNITS],
                                  initial=PeriodUnit.DAYS.value, required=False,
                                  help_text="空白表示不變更")
    result_workdays = forms.IntegerField(label="成果報送期限（期間結束後幾個工作日）", min_value=0, max_value=60,
                                         error_messages={**REQUIRED, "invalid": "請輸入數字。",
                                                         "min_value": "不能小於 0。", "max_value": "不能大於 60。"})

    def __init__(self, *args, sections: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.add_sections(sections)

    def clean_title_pattern(self):
        value = self.cleaned_data["title_pattern"]
        try:
            value.format_map({"agency": "", "year": 0, "election": ""})
        except (KeyError, ValueError, IndexError):
            raise forms.ValidationError("格式只能使用 {agency}、{year}、{election}。") from None
        return value


class GroupForm(forms.Form):
    version = _version_field()
    name = forms.CharField(label="群組名稱", max_length=100, error_messages=REQUIRED,
                           help_text="發文時顯示的名稱，例如「本縣各公立國民中小學」")
    agency_kind = forms.ChoiceField(label="自動納入所屬全部此類機關", required=False,
                                    choices=[("", "（不自動納入）"), *Agency.Kind.choices])
    agencies = forms.ModelMultipleChoiceField(label="所屬機關", required=False, queryset=Agency.objects.none(),
                                              widget=forms.SelectMultiple(attrs={"size": 12}))
    units = forms.ModelMultipleChoiceField(label="本機關單位", required=False, queryset=None,
                                           widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = choices["agencies"]
        self.fields["units"].queryset = choices["units"]

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("agency_kind") or cleaned.get("agencies") or cleaned.get("units")):
            self.add_error("agencies", "群組至少要有一個機關或單位，或選擇自動納入的機關類別。")
        return cleaned


LETTER_TEXT_FIELDS = ["subject", "explanation", "speed", "secrecy", "file_no", "retention", "contact_name",
                      "contact_phone", "contact_email", "extra_cc", "decision_level"]


class LetterForm(forms.ModelForm):
    version = _version_field()
    due = RocDateField(label="執行成果報送期限", help_text="預設為工作期間結束後依範本設定的工作日數；維持預設時，"
                       "各受文機關依其行事曆計算（所在縣市停止上班則順延），改為其他日期則一律適用該日期")
    main_groups = forms.ModelMultipleChoiceField(label="正本：受文者群組", required=False, queryset=None,
                                                 widget=forms.CheckboxSelectMultiple)
    main_units = forms.ModelMultipleChoiceField(label="正本：本機關單位", required=False, queryset=None,
                                                widget=forms.CheckboxSelectMultiple)
    main_agencies = forms.ModelMultipleChoiceField(label="正本：所屬機關", required=False, queryset=None,
                                                   widget=forms.SelectMultiple(attrs={"size": 8}))
    cc_groups = forms.ModelMultipleChoiceField(label="副本：受文者群組", required=False, queryset=None,
                                               widget=forms.CheckboxSelectMultiple)
    cc_units = forms.ModelMultipleChoiceField(label="副本：本機關單位", required=False, queryset=None,
                                              widget=forms.CheckboxSelectMultiple)
    cc_agencies = forms.ModelMultipleChoiceField(label="副本：所屬機關", required=False, queryset=None,
                                                 widget=forms.SelectMultiple(attrs={"size": 8}))

    class Meta:
        model = Letter
        fields = LETTER_TEXT_FIELDS
        widgets = {"subject": forms.Textarea(attrs={"rows": 3}), "explanation": forms.Textarea(attrs={"rows": 8}),
                   "extra_cc": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"subject": REQUIRED}

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["explanation"].help_text = HELP_TEXT
        limit_field(self.fields["subject"], "主旨", limits.TITLE)
        limit_field(self.fields["explanation"], "說明", limits.SECTION)
        limit_field(self.fields["extra_cc"], "其他副本", limits.ITEM)
        for copy in ("main", "cc"):
            self.fields[f"{copy}_groups"].queryset = choices["groups"]
            self.fields[f"{copy}_units"].queryset = choices["units"]
            self.fields[f"{copy}_agencies"].queryset = choices["agencies"]

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f) for f in ("main_groups", "main_units", "main_agencies")):
            self.add_error("main_groups", "請至少選擇一個正本受文者（群組、單位或所屬機關）。")
        return cleaned

    def text_fields(self) -> dict:
        return {**{f: self.cleaned_data[f] for f in LETTER_TEXT_FIELDS}, "due": self.cleaned_data["due"]}


class ResultForm(forms.Form):
    version = _version_field()
    result_text = forms.CharField(label="執行成果", widget=forms.Textarea(attrs={"rows": 8}), max_length=limits.REPORT,
                                  error_messages={"required": "請填寫執行成果。",
                                                  "max_length": f"執行成果最多{limits.REPORT:,}字。"})
    file = UploadField(label="附件（選填）", required=False)
