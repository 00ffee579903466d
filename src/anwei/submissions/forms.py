from __future__ import annotations

from django import forms

from anwei.core.forms import RocDateField, VersionForm
from anwei.submissions.models import Kind


class ApprovalSubmitForm(forms.Form):
    note = forms.CharField(label="簽陳說明", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DecideForm(VersionForm):
    """Approve / acknowledge, or return with a comment (the button pressed says which)."""

    comment = forms.CharField(label="意見", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class SendForm(forms.Form):
    kind = forms.ChoiceField(choices=Kind.choices, widget=forms.HiddenInput)
    target = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    note = forms.CharField(label="說明", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ApprovalRuleForm(forms.Form):
    required = forms.BooleanField(label="專案計畫須經首長核定後始得發文", required=False)
    effective_from = RocDateField(label="生效日")


class ReportRuleForm(forms.Form):
    kind = forms.ChoiceField(label="陳報事項", choices=Kind.choices)
    workdays = forms.IntegerField(label="期限（工作日）", min_value=1, max_value=60,
                                  error_messages={"min_value": "期限須為 1 至 60 個工作日。",
                                                  "max_value": "期限須為 1 至 60 個工作日。"})
    per_year = forms.IntegerField(label="每年應開會次數（會議紀錄）", min_value=1, max_value=12, initial=2)
    effective_from = RocDateField(label="生效日")


class InboxFilterForm(forms.Form):
    STATUS = [("", "全部"), ("sent", "待上級核閱"), ("acknowledged", "已備查／核備"), ("returned", "退回補正")]
    status = forms.ChoiceField(label="狀態", choices=STATUS, required=False)
    kind = forms.ChoiceField(label="陳報事項", choices=[("", "全部"), *Kind.choices], required=False)
