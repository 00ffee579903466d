from __future__ import annotations

import datetime as dt

from django import forms

from anwei.core.forms import RocDateField
from anwei.notifications.models import Preference, ReminderRule
from anwei.portal.obligations import obligation_kinds


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


class RuleForm(forms.ModelForm):
    effective_from = RocDateField(label="生效日")
    sample_due = RocDateField(label="試算：期限為", required=False, help_text="預覽此規則對這個期限會在哪些日子提醒與陳報")

    class Meta:
        model = ReminderRule
        fields = ["kind", "effective_from", "remind_before", "remind_on_due", "overdue_every", "escalate_unit_after",
                  "escalate_agency_after", "escalate_superior_after", "note"]
        error_messages = {"note": {"max_length": "說明最多 200 字。"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"] = forms.ChoiceField(label="適用事項", required=False,
                                                choices=[("", "所有事項")] + obligation_kinds())
        for name in ("remind_before", "overdue_every", "escalate_unit_after", "escalate_agency_after",
                     "escalate_superior_after"):
            self.fields[name].widget.attrs.update({"min": 0, "max": 60})
            self.fields[name].error_messages.update({"required": "請填工作日數。", "invalid": "請填整數。"})

    def sample(self, today: dt.date) -> dt.date:
        return self.cleaned_data.get("sample_due") or today + dt.timedelta(days=14)
