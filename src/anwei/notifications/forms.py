from __future__ import annotations

import datetime as dt

from django import forms

from anwei.core.forms import RocDateField
from anwei.notifications.models import Preference, ReminderRule
from anwei.notifications.services import DAY_FIELDS, ReminderRuleInput
from anwei.portal.obligations import obligation_kinds
from anwei.portal.rulepages import fixed_field_help, start_field


class ProfileForm(forms.Form):
    email = forms.CharField(label="電子郵件", max_length=254, required=False,
                            help_text="提醒與每日摘要寄到這個地址；空白表示不寄送電子郵件")
    email_mode = forms.ChoiceField(label="電子郵件通知方式", choices=Preference.Mode.choices, widget=forms.RadioSelect,
                                   error_messages={"required": "請選擇電子郵件通知方式。"})


class DeputyForm(forms.Form):
    deputy = forms.ModelChoiceField(label="代理人", queryset=None, empty_label="（請選擇）",
                                    error_messages={"required": "請選擇代理人。", "invalid_choice": "請選擇本機關同仁。"})
    starts_on = RocDateField(label="代理起日")
    ends_on = RocDateField(label="代理迄日")
    reason = forms.CharField(label="事由", max_length=50, help_text="例如：休假、公差、病假",
                             error_messages={"required": "請填寫事由。", "max_length": "事由最多 50 字。"})

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deputy"].queryset = people
        self.fields["deputy"].label_from_instance = lambda p: f"{p.unit.name if p.unit_id else ''} {p.display_with_title()}"


def _days(label: str, help_text: str) -> forms.IntegerField:
    message = "請填 0 到 60 之間的工作日數。"
    return forms.IntegerField(label=label, min_value=0, max_value=60, help_text=help_text, error_messages={
        "required": "請填工作日數。", "invalid": "請填整數。", "min_value": message, "max_value": message})


class RuleForm(forms.Form):
    """A new reminder rule of the agency, from its effective date (portal.rulepages' fields: kind, starts_on)."""

    kind = forms.ChoiceField(label="適用事項", required=False)
    starts_on = start_field("此日（含）以後的提醒與陳報適用本規則")
    remind_before = _days("期限前幾個工作日提醒", "0 表示不提前提醒")
    remind_on_due = forms.BooleanField(label="期限當日提醒", required=False)
    overdue_every = _days("逾期後每幾個工作日再提醒", "逾期第1個工作日一定提醒；0 表示之後不再提醒")
    escalate_unit_after = _days("逾期幾個工作日陳報單位主管", "0 表示不陳報")
    escalate_agency_after = _days("逾期幾個工作日陳報機關首長", "0 表示不陳報")
    escalate_superior_after = _days("所屬機關逾期幾個工作日陳報上級政風機構",
                                    "計畫執行成果、自評等所屬機關應報事項；0 表示不陳報")
    note = forms.CharField(label="說明或依據", required=False, max_length=200,
                           error_messages={"max_length": "說明最多 200 字。"})
    fixed = forms.BooleanField(label="所屬機關不得另訂", required=False, help_text=fixed_field_help)
    sample_due = RocDateField(label="試算：期限為", required=False,
                              help_text="預覽此規則對這個期限會在哪些日子提醒與陳報；空白以生效日為期限")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "所有事項")] + obligation_kinds()

    def rule_input(self) -> ReminderRuleInput:
        c = self.cleaned_data
        return ReminderRuleInput(kind=c["kind"], starts_on=c["starts_on"], remind_on_due=c["remind_on_due"],
                                 note=c["note"], fixed=c["fixed"], **{k: c[k] for k in DAY_FIELDS})

    def preview_row(self) -> ReminderRule:
        c = self.cleaned_data
        return ReminderRule(kind=c["kind"], remind_on_due=c["remind_on_due"], **{k: c[k] for k in DAY_FIELDS})

    def example_day(self, day: dt.date) -> dt.date:
        return self.cleaned_data.get("sample_due") or day
