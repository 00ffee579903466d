from __future__ import annotations

from django import forms

from anwei.core.forms import RocDateField, VersionForm
from anwei.duties.models import Kind
from anwei.duties.services import UNITS, DefaultInput, DutyInput
from anwei.lib.periods import LABELS

EVERY_ERRORS = {"required": "請填寫期間。", "min_value": "期間應為1至400。", "max_value": "期間應為1至400。",
                "invalid": "請填寫整數。"}
FIXED_HELP = "勾選後，所屬機關一律依此頻率辦理，只能登錄辦理情形，不能另訂頻率"


def _every() -> forms.IntegerField:
    return forms.IntegerField(label="至少每隔", min_value=1, max_value=400, error_messages=EVERY_ERRORS)


def _unit() -> forms.ChoiceField:
    return forms.ChoiceField(label="單位", choices=[(u.value, LABELS[u]) for u in UNITS], initial="months",
                             error_messages={"required": "請選擇單位。", "invalid_choice": "請選擇週、月、年或日。"})


class DutyForm(forms.Form):
    kind = forms.ChoiceField(label="類別", choices=Kind.choices, error_messages={"required": "請選擇類別。"})
    name = forms.CharField(label="名稱", max_length=100, error_messages={"required": "請填寫名稱。"})
    every = _every()
    unit = _unit()
    starts_on = RocDateField(label="起算日", help_text="第一次應於起算日後一個期間內辦理")
    basis = forms.CharField(label="依據", max_length=300, required=False)

    def duty_input(self) -> DutyInput:
        c = self.cleaned_data
        return DutyInput(kind=c["kind"], name=c["name"], every=c["every"], unit=c["unit"], starts_on=c["starts_on"],
                         basis=c["basis"])


class DefaultForm(DutyForm):
    """A duty for the office's whole subtree."""

    fixed = forms.BooleanField(label="所屬機關不得另訂頻率", required=False, help_text=FIXED_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].help_text = "本機關及各所屬機關第一次應於起算日後一個期間內辦理"

    def default_input(self) -> DefaultInput:
        c = self.cleaned_data
        return DefaultInput(kind=c["kind"], name=c["name"], every=c["every"], unit=c["unit"],
                            starts_on=c["starts_on"], basis=c["basis"], fixed=c["fixed"])


class FrequencyForm(forms.Form):
    """From a date, how often: the office's new default, or an agency's own frequency where the office allows."""

    every = _every()
    unit = _unit()
    starts_on = RocDateField(label="生效日", help_text="自生效日起依此頻率計算下次期限（不得早於今天）")

    def __init__(self, *args, owner: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if owner:
            self.fields["fixed"] = forms.BooleanField(label="所屬機關不得另訂頻率", required=False, help_text=FIXED_HELP)


class DoneForm(forms.Form):
    done_on = RocDateField(label="辦理日期")
    note = forms.CharField(label="辦理情形", max_length=500, required=False)


class StopForm(VersionForm):
    ends_on = RocDateField(label="停止日")
