from __future__ import annotations

from django import forms

from anwei.awareness.models import Case
from anwei.core.forms import RocDateField, VersionForm


class ComposeForm(VersionForm):
    """The period and cases of a meeting's work report; `version` is the report's, as previewed."""

    start = RocDateField(label="期間起日")
    end = RocDateField(label="期間迄日")
    cases = forms.ModelMultipleChoiceField(label="引用的宣導案例（全文）", queryset=Case.objects.none(),
                                           required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = cases

    def clean(self):
        c = super().clean()
        if c.get("start") and c.get("end") and c["end"] < c["start"]:
            self.add_error("end", "期間迄日不得早於起日。")
        return c


class CountsForm(forms.Form):
    start = RocDateField(label="期間起日")
    end = RocDateField(label="期間迄日")

    def clean(self):
        c = super().clean()
        if c.get("start") and c.get("end") and c["end"] < c["start"]:
            self.add_error("end", "期間迄日不得早於起日。")
        return c
