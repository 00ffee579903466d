"""Forms: they parse and check input; services decide."""

from __future__ import annotations

from django import forms

from anwei.assessments.models import AnswerKind, ChecklistItem, ChecklistTemplate, Verdict
from anwei.core.forms import RocDateField, VersionForm
from anwei.documents import limits
from anwei.documents.limits import limited
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


ANSWER_MAX = 2000  # an answer's text or corrective action


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:20] + "…"


class AssessmentForm(VersionForm):
    """One set of fields per answer row: v_<item>, n_<item>, t_<item>, note_<item>, ca_<item>."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for r in rows:
            i = r.item_id
            # Each control is named after its item for screen readers (shown in the table, see core/_cell.html).
            name = f"第{r.seq}項「{_short(r.item_text)}」"
            if r.answer_kind == AnswerKind.VERDICT:
                self.fields[f"v_{i}"] = forms.ChoiceField(choices=Verdict.choices, required=False, label=f"{name}結果",
                                                          widget=forms.RadioSelect, initial=r.verdict)
            elif r.answer_kind == AnswerKind.NUMBER:
                self.fields[f"n_{i}"] = forms.DecimalField(required=False, max_digits=12, decimal_places=2,
                                                           initial=r.number, label=f"{name}數值",
                                                           error_messages={"invalid": "請填寫數字。"})
            else:
                self.fields[f"t_{i}"] = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                                        initial=r.text, max_length=ANSWER_MAX, label=f"{name}內容")
            self.fields[f"note_{i}"] = forms.CharField(required=False, max_length=500, initial=r.note,
                                                       label=f"{name}說明")
            self.fields[f"ca_{i}"] = forms.CharField(required=False, initial=r.corrective_action,
                                                     max_length=ANSWER_MAX, label=f"{name}改善措施",
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


class AnswerTrackForm(forms.Form):
    """A 不符合 answer put under tracking: what is to be corrected, by which unit, by when."""

    text = forms.CharField(label="列管事項", widget=forms.Textarea(attrs={"rows": 3}), max_length=limits.ITEM,
                           error_messages={"required": "請填寫列管事項內容。",
                                           **limited("列管事項", limits.ITEM)["error_messages"]})
    lead_unit = forms.ModelChoiceField(label="主辦改善單位", queryset=Unit.objects.none(),
                                       error_messages={"required": "請選擇主辦改善的單位。"})
    due_date = RocDateField(label="改善期限", error_messages={"required": "請填寫改善期限。"})

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units
