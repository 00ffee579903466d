"""Forms: they parse and check input; services decide."""

from __future__ import annotations

from django import forms

from anwei.assessments.forms import CheckboxMultiple
from anwei.assessments.models import ChecklistTemplate, Verdict
from anwei.core.forms import RocDateField, VersionForm
from anwei.core.uploads import MultipleUploadField
from anwei.inspections.models import Finding, Inspection
from anwei.orgs.models import Agency, Unit


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


EvidenceField = MultipleUploadField  # (core.uploads: several files at once, each checked)


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


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:20] + "…"


class InspectionCheckForm(VersionForm):
    """Per checklist row: v_<item> (符合/不符合/不適用) and note_<item>; one due date for new deficiencies."""

    due_date = RocDateField(label="不符合項目的改善期限", required=False)

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for n, r in enumerate(rows, start=1):
            name = f"第{n}項「{_short(r.item_text)}」"
            self.fields[f"v_{r.item_id}"] = forms.ChoiceField(choices=Verdict.choices, required=False,
                                                              widget=forms.RadioSelect, initial=r.verdict,
                                                              label=f"{name}結果")
            self.fields[f"note_{r.item_id}"] = forms.CharField(required=False, max_length=500, initial=r.note,
                                                               label=f"{name}說明")

    def values(self) -> dict[int, dict]:
        c = self.cleaned_data
        return {r.item_id: {"verdict": c.get(f"v_{r.item_id}", ""), "note": c.get(f"note_{r.item_id}", "")}
                for r in self.rows}

    def bound_rows(self):
        return [(r, self[f"v_{r.item_id}"], self[f"note_{r.item_id}"]) for r in self.rows]
