from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from anwei.core import forms as core_forms
from anwei.core.forms import RocDateField
from anwei.core.uploads import MultipleUploadField
from anwei.core.periods import Period
from anwei.incidents.models import PERIOD_UNITS, Category, Method, Party, PeriodKind, Stage
from anwei.incidents.services import CategoryRuleInput, ChainRuleInput, IncidentInput
from anwei.portal.rulepages import RuleFormMixin, amount_field, basis_field, fixed_field_help, start_field

REQUIRED = {"required": "此欄必填。"}


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


def _moment(day: dt.date, time: dt.time) -> dt.datetime:
    """A date and a time typed in Asia/Taipei."""
    return timezone.make_aware(dt.datetime.combine(day, time))


def _time_field(label: str) -> forms.TimeField:
    return forms.TimeField(label=label, widget=TimeInput, input_formats=["%H:%M", "%H:%M:%S", "%H%M"],
                           error_messages={"required": "請填寫時間。", "invalid": "時間格式為 時:分，例如 16:40。"})


class IncidentForm(forms.Form):
    """One column, few required fields: a guard on the night shift files it from a phone in two minutes."""

    category = forms.ChoiceField(label="類別", choices=Category.choices, widget=forms.RadioSelect,
                                 error_messages={"required": "請選擇類別。"})
    level = forms.ChoiceField(label="資安事件等級", required=False, help_text="資安事件必填；不確定時先選較高等級")
    title = forms.CharField(label="事由（一句話）", max_length=100, error_messages={"required": "請簡述事由。"})
    occurred_on = RocDateField(label="發生日期")
    occurred_time = _time_field("發生時間")
    discovered_on = RocDateField(label="發現日期")
    discovered_time = _time_field("發現時間")
    place = forms.CharField(label="地點", max_length=200, error_messages={"required": "請填寫地點。"},
                            widget=forms.TextInput(attrs={"list": "places", "autocomplete": "off"}),
                            help_text="例如：本局大樓1樓大廳、地下停車場B1")
    description = forms.CharField(label="發生經過", max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                                  error_messages={"required": "請填寫發生經過。"})
    involved = forms.CharField(label="涉及單位或人員", max_length=1000, required=False,
                               widget=forms.Textarea(attrs={"rows": 2}),
                               help_text="單位、外部人士；個人資料以必要者為限")
    actions = forms.CharField(label="已採取之處置", max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    files = MultipleUploadField(label="照片或附件", required=False)

    def __init__(self, *args, levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [("", "（請選擇）")] + [(text, text) for text in levels]

    def clean(self):
        data = super().clean()
        # The same checks as the service, so that every reason shows at once.
        occurred, discovered = self.occurred_at(data), self.discovered_at(data)
        from anwei.core import clock

        now = clock.now()
        if occurred and occurred > now:
            self.add_error("occurred_on", "發生時間不能晚於現在。")
        if discovered and discovered > now:
            self.add_error("discovered_on", "發現時間不能晚於現在。")
        elif occurred and discovered and discovered < occurred:
            self.add_error("discovered_on", "發現時間不能早於發生時間。")
        if data.get("category") == Category.INFOSEC and not data.get("level"):
            self.add_error("level", "資安事件請判定等級。")
        return data

    @staticmethod
    def occurred_at(data) -> dt.datetime | None:
        if data.get("occurred_on") and data.get("occurred_time") is not None:
            return _moment(data["occurred_on"], data["occurred_time"])
        return None

    @staticmethod
    def discovered_at(data) -> dt.datetime | None:
        if data.get("discovered_on") and data.get("discovered_time") is not None:
            return _moment(data["discovered_on"], data["discovered_time"])
        return None

    def incident(self) -> IncidentInput:
        d = self.cleaned_data
        return IncidentInput(category=d["category"], title=d["title"], description=d["description"],
                             place=d["place"], occurred_at=self.occurred_at(d), discovered_at=self.discovered_at(d),
                             level=d.get("level") or "", involved=d["involved"], actions=d["actions"])


class EditForm(forms.Form):
    level = forms.ChoiceField(label="資安事件等級", required=False)
    title = IncidentForm.base_fields["title"]
    place = IncidentForm.base_fields["place"]
    description = IncidentForm.base_fields["description"]
    involved = IncidentForm.base_fields["involved"]
    actions = IncidentForm.base_fields["actions"]
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, levels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        if levels:
            self.fields["level"].choices = [("", "（請選擇）")] + [(text, text) for text in levels]
        else:
            del self.fields["level"]


class NotificationForm(forms.Form):
    party = forms.ChoiceField(label="通報對象", choices=Party.choices, error_messages={"required": "請選擇通報對象。"})
    recipient = forms.CharField(label="受通報人（職稱姓名或單位）", max_length=100, error_messages=REQUIRED)
    method = forms.ChoiceField(label="方式", choices=Method.choices, widget=forms.RadioSelect,
                               error_messages={"required": "請選擇通報方式。"})
    notified_on = RocDateField(label="通報日期")
    notified_time = _time_field("通報時間")
    note = forms.CharField(label="備註", max_length=300, required=False)

    def notified_at(self) -> dt.datetime:
        return _moment(self.cleaned_data["notified_on"], self.cleaned_data["notified_time"])


class _OwnIds(forms.Form):
    """The detail page holds several forms with a `text` field: each names its ids after itself."""

    id_prefix = "id"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class EntryForm(_OwnIds):
    id_prefix = "entry"
    stage = forms.ChoiceField(label="階段", choices=Stage.choices, widget=forms.RadioSelect,
                              error_messages={"required": "請選擇階段。"})
    text = forms.CharField(label="內容", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "請填寫內容。"})


class CommentForm(_OwnIds):
    id_prefix = "comment"
    text = forms.CharField(label="意見", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "請填寫意見。"})
    asks_more = forms.BooleanField(label="請機關補充續報", required=False)


class FollowUpForm(_OwnIds):
    id_prefix = "follow"
    text = forms.CharField(label="後續改善事項", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": "請填寫後續改善事項。"},
                           help_text="例如：加強門禁管制並檢討監視系統死角")
    lead_unit = forms.ModelChoiceField(label="主辦單位", queryset=None, error_messages={"required": "請指定主辦單位。"})
    due_date = RocDateField(label="完成期限")

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units


class CloseForm(forms.Form):
    conclusion = forms.CharField(label="結案說明", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                                 error_messages={"required": "請填寫結案說明。"})
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReopenForm(forms.Form):
    reason = forms.CharField(label="重新開啟理由", max_length=500, error_messages={"required": "請說明重新開啟的理由。"})
    version = forms.IntegerField(widget=forms.HiddenInput)


class PeriodForm(core_forms.PeriodForm):
    subtree = forms.BooleanField(label="含所屬機關", required=False)


class ChainRuleForm(RuleFormMixin, forms.Form):
    """A new row of the agency's notification chain: one party of one category, how soon, from a start date."""

    kind = forms.ChoiceField(label="類別與通報對象", choices=[
        (f"{c}:{p}", f"{Category(c).label} → {Party(p).label}") for c in Category.values for p in Party.values],
        error_messages={"required": "請選擇類別與通報對象。", "invalid_choice": "請選擇類別與通報對象。"})
    amount = amount_field(label="期限數值")
    unit = forms.ChoiceField(label="期限計算方式", choices=PeriodKind.choices, initial=PeriodKind.HOURS.value,
                             error_messages={"required": "請選擇期限計算方式。", "invalid_choice": "請選擇期限計算方式。"})
    starts_on = start_field("此日（含）以後發現的狀況適用本規定")
    required = forms.BooleanField(label="應通報此對象", required=False, initial=True,
                                  help_text="取消勾選表示自生效日起不必通報此對象")
    basis = basis_field(max_length=200)
    fixed = forms.BooleanField(label="所屬機關不得另訂", required=False, help_text=fixed_field_help)

    def period(self) -> Period:
        return Period(self.cleaned_data["amount"], PERIOD_UNITS[self.cleaned_data["unit"]])

    def rule_input(self) -> ChainRuleInput:
        c = self.cleaned_data
        return ChainRuleInput(kind=c["kind"], amount=c["amount"], unit=c["unit"], starts_on=c["starts_on"],
                              required=c["required"], basis=c["basis"], fixed=c["fixed"])


class CategoryRuleForm(forms.Form):
    """A new row of how one category's incidents are handled, from a start date. Shown beside the chain form, so its
    fields carry the prefix "cat"; prefilled from the row in force for the chosen category."""

    prefix = "cat"

    category = forms.ChoiceField(label="類別", choices=Category.choices,
                                 error_messages={"required": "請選擇類別。", "invalid_choice": "請選擇類別。"})
    starts_on = start_field("此日（含）以後發現的狀況適用本規定")
    restricted = forms.BooleanField(label="保密處理", required=False,
                                    help_text="僅通報人、政風單位、機關首長及上級政風機構可閱覽；通知不寫事由")
    superior_sees = forms.BooleanField(label="上級政風機構可閱覽", required=False)
    needs_level = forms.BooleanField(label="須判定等級", required=False)
    levels = forms.CharField(label="等級（一行一級）", required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             error_messages={"max_length": "等級合計請在2000字以內。"})
    examples = forms.CharField(label="範圍", required=False, max_length=200,
                               error_messages={"max_length": "範圍請在200字以內。"})
    basis = basis_field(max_length=300)
    fixed = forms.BooleanField(label="所屬機關不得另訂", required=False, help_text=fixed_field_help)

    def rule_input(self) -> CategoryRuleInput:
        c = self.cleaned_data
        return CategoryRuleInput(category=c["category"], starts_on=c["starts_on"], restricted=c["restricted"],
                                 superior_sees=c["superior_sees"], needs_level=c["needs_level"], levels=c["levels"],
                                 examples=c["examples"], basis=c["basis"], fixed=c["fixed"])
