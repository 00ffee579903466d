from __future__ import annotations

from django import forms

from anwei.awareness.models import Case
from anwei.core.forms import PeriodForm, RocDateField, VersionForm


class ComposeForm(PeriodForm, VersionForm):
    """The period and cases of a meeting's work report; `version` is the report's, as previewed."""

    cases = forms.ModelMultipleChoiceField(label="引用的宣導案例（全文）", queryset=Case.objects.none(),
                                           required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = cases


class CountsForm(PeriodForm):
    """The period of the superior office's counts."""


class RequestForm(PeriodForm):
    """The period the agencies below are asked to report on, and by when."""

    due = RocDateField(label="報送期限")
