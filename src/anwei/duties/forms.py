from __future__ import annotations

from django import forms

from anwei.core.forms import RocDateField
from anwei.duties.models import Kind
from anwei.duties.services import UNITS, DutyInput
from anwei.lib.periods import LABELS


class DutyForm(forms.Form):
    kind = forms.ChoiceField(label="類別", choices=Kind.choices, error_messages={"required": "請選擇類別。"})
    name = forms.CharField(label="名稱", max_length=100, error_messages={"required": "請填寫名稱。"})
    every = forms.IntegerField(label="至少每隔", min_value=1, max_value=400,
                               error_messages={"required": "請填寫期間。", "min_value": "期間應為1至400。",
                                               "max_value": "期間應為1至400。", "invalid": "請填寫整數。"})
    unit = forms.ChoiceField(label="單位", choices=[(u.value, LABELS[u]) for u in UNITS], initial="months")
    starts_on = RocDateField(label="起算日", help_text="第一次應於起算日後一個期間內辦理")
    basis = forms.CharField(label="依據", max_length=300, required=False)

    def duty_input(self) -> DutyInput:
        c = self.cleaned_data
        return DutyInput(kind=c["kind"], name=c["name"], every=c["every"], unit=c["unit"], starts_on=c["starts_on"],
                         basis=c["basis"])


class DoneForm(forms.Form):
    done_on = RocDateField(label="辦理日期")
    note = forms.CharField(label="辦理情形", max_length=500, required=False)
