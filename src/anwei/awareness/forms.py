"""Forms: they parse and check input; services decide."""

from __future__ import annotations

from django import forms

from anwei.awareness.models import Case, Form, Topic
from anwei.core.forms import RocDateField, VersionForm
from anwei.core.uploads import UploadField
from anwei.orgs.models import Agency, Unit


class OriginChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        text = obj.text if len(obj.text) <= 40 else obj.text[:40] + "…"
        return f"{obj}：{text}"


class EventForm(VersionForm):
    title = forms.CharField(label="名稱", max_length=200, error_messages={"required": "請填寫名稱。"},
                            help_text="例如：公務機密維護講習")
    topic = forms.ModelChoiceField(label="主題", queryset=Topic.objects.none(),
                                   error_messages={"required": "請選擇主題。"})
    form = forms.ChoiceField(label="方式", choices=Form.choices)
    start_date = RocDateField(label="日期（起）")
    end_date = RocDateField(label="日期（迄）", required=False, help_text="只有一天者免填")
    audience_units = forms.ModelMultipleChoiceField(label="對象單位", queryset=Unit.objects.none(), required=False,
                                                    widget=forms.CheckboxSelectMultiple)
    audience_agencies = forms.ModelMultipleChoiceField(label="對象所屬機關", queryset=Agency.objects.none(),
                                                       required=False, widget=forms.SelectMultiple)
    audience_note = forms.CharField(label="對象說明", max_length=200, required=False, help_text="例如：全體同仁")
    audience_count = forms.IntegerField(label="參加（宣導）人數", required=False,
                                        error_messages={"invalid": "請填寫整數。"})
    speaker = forms.CharField(label="講座／資料來源", max_length=100, required=False)
    summary = forms.CharField(label="內容摘要", max_length=2000, required=False, widget=forms.Textarea({"rows": 4}))
    cases = forms.ModelMultipleChoiceField(label="使用的案例", queryset=Case.objects.none(), required=False,
                                           widget=forms.CheckboxSelectMultiple)
    file = UploadField(label="教材檔案", required=False)
    origin = OriginChoiceField(label="來源（列管事項）", queryset=Case.objects.none(), required=False,
                               empty_label="（無）", help_text="例如會議主席裁示要求加強宣導的列管事項")

    plan_duty = forms.ChoiceField(label="辦理的專案計畫工作重點", required=False,
                                  help_text="例如計畫中「請適時提醒員工赴陸有關之風險」；計畫的執行成果會列出本活動")

    def __init__(self, *args, topics, units, agencies, cases, origins=None, plan_duties=None, **kwargs):
        super().__init__(*args, **kwargs)
        if origins is None:
            del self.fields["origin"]
        else:
            self.fields["origin"].queryset = origins
        self._duties = {d.value: d for d in plan_duties or []}
        if self._duties:
            self.fields["plan_duty"].choices = [("", "（無）")] + [(v, d.label) for v, d in self._duties.items()]
        else:
            del self.fields["plan_duty"]
        self.fields["topic"].queryset = topics
        self.fields["audience_units"].queryset = units
        self.fields["audience_agencies"].queryset = agencies
        self.fields["cases"].queryset = cases
        if not agencies.exists():
            del self.fields["audience_agencies"]
        if not cases.exists():
            del self.fields["cases"]


    def clean_plan_duty(self):
        value = self.cleaned_data.get("plan_duty")
        return self._duties.get(value) if value else None


class TopicForm(forms.Form):
    name = forms.CharField(label="新增主題", max_length=50, error_messages={"required": "請填寫主題名稱。"})


class CaseForm(VersionForm):
    title = forms.CharField(label="案例名稱", max_length=200, error_messages={"required": "請填寫案例名稱。"})
    topic = forms.ModelChoiceField(label="主題", queryset=Topic.objects.none(),
                                   error_messages={"required": "請選擇主題。"})
    incident = forms.CharField(label="【實際案例】", max_length=4000, widget=forms.Textarea({"rows": 6}),
                               error_messages={"required": "請填寫【實際案例】。"})
    analysis = forms.CharField(label="【問題解析】", max_length=4000, required=False, widget=forms.Textarea({"rows": 5}))
    prevention = forms.CharField(label="【防範措施】", max_length=4000, required=False,
                                 widget=forms.Textarea({"rows": 5}))
    source = forms.CharField(label="資料來源", max_length=100, required=False, help_text="例如：法務部廉政署")
    source_date = RocDateField(label="資料日期", required=False)
    published = forms.BooleanField(label="提供所屬機關使用", required=False)

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics


class DutyWordsForm(forms.Form):
    """The agency's awareness duty words; `version` is the row's as shown (0: the agency had none)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    words = forms.CharField(label="宣導工作關鍵字", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 6}),
                            help_text="一行一個。計畫的工作重點含任一關鍵字者，列為本機關應辦的宣導工作；"
                                      "留空則適用全國預設。",
                            error_messages={"max_length": "關鍵字合計請勿超過500字（目前%(show_value)d字）。"})
