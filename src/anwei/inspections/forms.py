"""Forms: they parse and check input; services decide."""

from __future__ import annotations

from django import forms

from anwei.core.forms import RocDateField, VersionForm
from anwei.core.uploads import UploadField
from anwei.inspections.models import (
    AnswerKind, ChecklistItem, ChecklistTemplate, DeviceSystem, Finding, Inspection, Verdict,
)
from anwei.orgs.models import Agency, Unit


class ChecklistForm(VersionForm):
    name = forms.CharField(label="名稱", max_length=100, error_messages={"required": "請填寫名稱。"})
    kind = forms.ChoiceField(label="類別", choices=ChecklistTemplate.Kind.choices)
    description = forms.CharField(label="說明", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    is_active = forms.BooleanField(label="使用中", required=False, initial=True)


class ChecklistItemForm(VersionForm):
    """Carries the item's 版次 as its version: a revision made since opening is a conflict."""

    section = forms.CharField(label="分類", max_length=50, required=False)
    text = forms.CharField(label="檢查項目", widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": "請填寫檢查項目。"})
    answer_kind = forms.ChoiceField(label="作答方式", choices=AnswerKind.choices, initial=AnswerKind.VERDICT)
    corrective_required = forms.BooleanField(label="不符合時須填改善措施", required=False, initial=True)
    order = forms.IntegerField(label="排序", min_value=0, max_value=32000, required=False)

    @classmethod
    def for_item(cls, item: ChecklistItem, data=None):
        return cls(data, initial={f: getattr(item, f) for f in ["section", "text", "answer_kind",
                                                                 "corrective_required", "order", "version"]})


class CheckboxMultiple(forms.CheckboxSelectMultiple):
    option_template_name = "django/forms/widgets/checkbox_option.html"


class RoundForm(forms.Form):
    title = forms.CharField(label="名稱", max_length=150, error_messages={"required": "請填寫名稱。"},
                            help_text="例如：113年春節期間自評")
    deadline = RocDateField(label="填報期限")
    instructions = forms.CharField(label="說明", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    templates = forms.ModelMultipleChoiceField(label="檢查表", queryset=ChecklistTemplate.objects.none(),
                                               widget=CheckboxMultiple, required=False)
    units = forms.ModelMultipleChoiceField(label="本機關單位", queryset=Unit.objects.none(), widget=CheckboxMultiple,
                                           required=False)
    agencies = forms.ModelMultipleChoiceField(label="所屬機關", queryset=Agency.objects.none(),
                                              widget=CheckboxMultiple, required=False)
    plan_assignment = forms.ModelChoiceField(label="依據計畫（上級來函）", queryset=Agency.objects.none(),
                                             required=False, empty_label="（無）",
                                             help_text="本次自評是執行上級所函送專案計畫時，請選擇該計畫")

    def __init__(self, *args, agency: Agency, templates, assignments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_assignment"].queryset = assignments
        self.fields["templates"].queryset = templates
        self.fields["units"].queryset = Unit.objects.filter(agency=agency).order_by("order", "id")
        self.fields["agencies"].queryset = Agency.objects.filter(path__startswith=agency.path).exclude(
            pk=agency.pk).order_by("path")


class AssessmentForm(VersionForm):
    """One set of fields per answer row: v_<item>, n_<item>, t_<item>, note_<item>, ca_<item>."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for r in rows:
            i = r.item_id
            if r.answer_kind == AnswerKind.VERDICT:
                self.fields[f"v_{i}"] = forms.ChoiceField(choices=Verdict.choices, required=False,
                                                          widget=forms.RadioSelect, initial=r.verdict)
            elif r.answer_kind == AnswerKind.NUMBER:
                self.fields[f"n_{i}"] = forms.DecimalField(required=False, max_digits=12, decimal_places=2,
                                                           initial=r.number,
                                                           error_messages={"invalid": "請填寫數字。"})
            else:
                self.fields[f"t_{i}"] = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                                        initial=r.text)
            self.fields[f"note_{i}"] = forms.CharField(required=False, max_length=500, initial=r.note)
            self.fields[f"ca_{i}"] = forms.CharField(required=False, initial=r.corrective_action,
                                                     widget=forms.Textarea(attrs={"rows": 2}))

    def values(self) -> dict[int, dict]:
        c = self.cleaned_data
        return {r.item_id: {"verdict": c.get(f"v_{r.item_id}", ""), "number": c.get(f"n_{r.item_id}"),
                            "text": c.get(f"t_{r.item_id}", ""), "note": c.get(f"note_{r.item_id}", ""),
                            "corrective_action": c.get(f"ca_{r.item_id}", "")} for r in self.rows}

    def bound_rows(self):
        """(row, answer field, note field, corrective-action field) for the template."""
        out = []
        for r in self.rows:
            i = r.item_id
            main = next(self[f"{p}_{i}"] for p in ("v", "n", "t") if f"{p}_{i}" in self.fields)
            out.append((r, main, self[f"note_{i}"], self[f"ca_{i}"]))
        return out


class InspectionForm(VersionForm):
    title = forms.CharField(label="名稱", max_length=150, error_messages={"required": "請填寫名稱。"},
                            help_text="例如：113年春節前機關安全狀況檢查")
    kind = forms.ChoiceField(label="檢查類別", choices=Inspection.Kind.choices)
    mode = forms.ChoiceField(label="方式", choices=Inspection.Mode.choices, widget=forms.RadioSelect,
                             initial=Inspection.Mode.SCHEDULED)
    date = RocDateField(label="檢查日期")
    inspectors = forms.CharField(label="檢查人員", max_length=300, error_messages={"required": "請填寫檢查人員。"})
    units = forms.ModelMultipleChoiceField(label="受檢單位", queryset=Unit.objects.none(), widget=CheckboxMultiple,
                                           required=False)
    template = forms.ModelChoiceField(label="使用檢查表", queryset=ChecklistTemplate.objects.none(), required=False,
                                      empty_label="（未使用檢查表）")
    scope_note = forms.CharField(label="檢查範圍與說明", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = Unit.objects.filter(agency=agency).order_by("order", "id")
        self.fields["template"].queryset = ChecklistTemplate.objects.filter(agency=agency).order_by("order", "id")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(UploadField):
    """Several photos or files at once; each goes through the same type and size checks."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,.pdf,.odt,.ods,.odp,.doc,.docx,"
                                                                       ".xls,.xlsx,.ppt,.pptx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class FindingForm(forms.Form):
    kind = forms.ChoiceField(label="類別", choices=Finding.Kind.choices, widget=forms.RadioSelect,
                             initial=Finding.Kind.DEFICIENCY)
    unit = forms.ModelChoiceField(label="主辦（改善）單位", queryset=Unit.objects.none(), required=False,
                                  empty_label="（請選擇）")
    item_text = forms.CharField(label="對應檢查項目", max_length=500, required=False,
                                widget=forms.TextInput(attrs={"list": "checklist-items"}))
    text = forms.CharField(label="內容", widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": "請填寫內容。"})
    due_date = RocDateField(label="改善期限", required=False, help_text="缺失必填")
    files = EvidenceField(label="照片或檔案（佐證）", required=False)
    caption = forms.CharField(label="佐證說明", max_length=200, required=False)

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency).order_by("order", "id")


class EvidenceForm(forms.Form):
    files = EvidenceField(label="照片或檔案", required=True)
    caption = forms.CharField(label="說明", max_length=200, required=False)


class DeviceSystemForm(VersionForm):
    name = forms.CharField(label="名稱", max_length=100, error_messages={"required": "請填寫名稱。"},
                           help_text="例如：管理大樓門禁系統")
    kind = forms.ChoiceField(label="類別", choices=DeviceSystem.Kind.choices)
    unit = forms.ModelChoiceField(label="負責單位", queryset=Unit.objects.none(),
                                  error_messages={"required": "請選擇負責每日檢查的單位。"})
    site = forms.ModelChoiceField(label="場所", queryset=Agency.objects.none(), required=False,
                                  empty_label="（未指定）", help_text="場所與攝影機清冊在「監視器調閱」的設備登錄")
    location = forms.CharField(label="位置", max_length=200, required=False)
    vendor = forms.CharField(label="維修廠商", max_length=100, required=False)
    in_service_from = RocDateField(label="開始檢查日期")
    is_active = forms.BooleanField(label="使用中", required=False, initial=True)

    def __init__(self, *args, agency: Agency, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency).order_by("order", "id")
        self.fields["site"].queryset = sites


class DailyCheckForm(VersionForm):
    """A date and, per system, √/× and the problem; `version` is the day's (selectors.day_checks)."""

    date = RocDateField(label="檢查日期")

    def __init__(self, *args, systems, existing: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.systems = systems
        existing = existing or {}
        for s in systems:
            check = existing.get(s.pk)
            self.fields[f"working_{s.pk}"] = forms.ChoiceField(
                choices=[("1", "√ 正常"), ("0", "× 異常")], widget=forms.RadioSelect,
                initial=None if check is None else ("1" if check.working else "0"),
                error_messages={"required": "請選擇 √ 或 ×。"})
            self.fields[f"problem_{s.pk}"] = forms.CharField(required=False, max_length=300,
                                                             initial=check.problem if check else "")

    def entries(self):
        c = self.cleaned_data
        return [(s, c[f"working_{s.pk}"] == "1", c.get(f"problem_{s.pk}", "")) for s in self.systems]

    def bound_rows(self):
        return [(s, self[f"working_{s.pk}"], self[f"problem_{s.pk}"]) for s in self.systems]


class RepairForm(VersionForm):
    reported_on = RocDateField(label="通報廠商日期", required=False)
    vendor = forms.CharField(label="維修廠商", max_length=100, required=False)
    repaired_on = RocDateField(label="修復日期", required=False)
    note = forms.CharField(label="備註", max_length=300, required=False)


class PeriodForm(forms.Form):
    start = RocDateField(label="起")
    end = RocDateField(label="迄")
    agency = forms.ModelChoiceField(label="機關", queryset=Agency.objects.none(), required=False, empty_label=None,
                                    error_messages={"invalid_choice": "請選擇您可檢視的機關。"})

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def clean(self):
        c = super().clean()
        if c.get("start") and c.get("end") and c["end"] < c["start"]:
            self.add_error("end", "結束日期不能早於開始日期。")
        return c


class FindingEditForm(VersionForm):
    unit = forms.ModelChoiceField(label="主辦（改善）單位", queryset=Unit.objects.none(), required=False,
                                  empty_label="（無）")
    item_text = forms.CharField(label="對應檢查項目", max_length=500, required=False)
    text = forms.CharField(label="內容", widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": "請填寫內容。"})
    due_date = RocDateField(label="改善期限", required=False)

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency).order_by("order", "id")


class InspectionCheckForm(VersionForm):
    """Per checklist row: v_<item> (符合/不符合/不適用) and note_<item>; one due date for new deficiencies."""

    due_date = RocDateField(label="不符合項目的改善期限", required=False)

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for r in rows:
            self.fields[f"v_{r.item_id}"] = forms.ChoiceField(choices=Verdict.choices, required=False,
                                                              widget=forms.RadioSelect, initial=r.verdict)
            self.fields[f"note_{r.item_id}"] = forms.CharField(required=False, max_length=500, initial=r.note)

    def values(self) -> dict[int, dict]:
        c = self.cleaned_data
        return {r.item_id: {"verdict": c.get(f"v_{r.item_id}", ""), "note": c.get(f"note_{r.item_id}", "")}
                for r in self.rows}

    def bound_rows(self):
        return [(r, self[f"v_{r.item_id}"], self[f"note_{r.item_id}"]) for r in self.rows]
