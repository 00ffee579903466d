from __future__ import annotations

import hashlib

from django import forms

from anwei.access.models import AfterHours, AreaKind, BadgeKind, IdType, Level
from anwei.core.forms import RocDateField, VersionForm

TIME = {"invalid": "請填寫時間，例如 08:00。", "required": "請填寫時間。"}


def _time(label: str, required: bool = True, help_text: str = "") -> forms.TimeField:
    return forms.TimeField(label=label, required=required, error_messages=TIME, help_text=help_text,
                           widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))


def _units(field: forms.ModelChoiceField, units) -> None:
    field.queryset = units
    field.label_from_instance = lambda u: u.name


class SetupForm(forms.Form):
    managing_unit = forms.ModelChoiceField(label="管理單位", queryset=None, help_text="負責管制區域、門禁卡的單位（如秘書室）")
    desk_unit = forms.ModelChoiceField(label="訪客登記單位", queryset=None, required=False,
                                       help_text="辦理訪客登記的單位；空白表示管理單位")

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        _units(self.fields["managing_unit"], units)
        _units(self.fields["desk_unit"], units)


class SettingsForm(SetupForm, VersionForm):
    replacement_fee = forms.IntegerField(label="補發工本費（元）", min_value=0, max_value=100000)
    closing_time = _time("訪客清點時間")
    review_month = forms.IntegerField(label="年度權限清查月份", min_value=1, max_value=12)


class RetentionForm(forms.Form):
    starts_on = RocDateField(label="生效日")
    days = forms.IntegerField(label="保存日數", min_value=1, max_value=3650)
    basis = forms.CharField(label="依據", max_length=200, required=False)


class AreaForm(VersionForm):
    name = forms.CharField(label="區域名稱", max_length=60)
    kind = forms.ChoiceField(label="類別", choices=AreaKind.choices)
    level = forms.TypedChoiceField(label="管制等級", choices=Level.choices, coerce=int)
    location = forms.CharField(label="位置", max_length=100, required=False)
    note = forms.CharField(label="備註", max_length=200, required=False)
    is_active = forms.BooleanField(label="使用中", required=False, initial=True)


class HoursForm(forms.Form):
    starts_on = RocDateField(label="生效日", help_text="此日（含）起適用；已有規定時不得早於今天")
    workday_open = _time("上班日開放")
    workday_close = _time("上班日關閉")
    makeup_open = _time("補行上班日開放", False, "空白表示同上班日")
    makeup_close = _time("補行上班日關閉", False)
    dayoff_open = _time("放假日開放", False, "空白表示放假日不開放")
    dayoff_close = _time("放假日關閉", False)
    after_hours = forms.ChoiceField(label="開放時間外", choices=AfterHours.choices, initial=AfterHours.LOG)
    after_hours_note = forms.CharField(label="開放時間外說明", max_length=200, required=False,
                                       help_text="例如：須經單位主管同意並於加班登記簿簽名")


class DoorForm(forms.Form):
    door_name = forms.CharField(label="門名稱", max_length=60)
    code = forms.CharField(label="門禁控制器代碼", max_length=40)


class BadgeForm(forms.Form):
    number = forms.CharField(label="卡號", max_length=30)
    kind = forms.ChoiceField(label="類別", choices=BadgeKind.choices)
    holder = forms.ModelChoiceField(label="持卡同仁", queryset=None, required=False, help_text="員工卡必選")
    holder_name = forms.CharField(label="持卡人姓名", max_length=50, required=False, help_text="委外廠商及臨時通行證填寫")
    organisation = forms.CharField(label="廠商／單位名稱", max_length=100, required=False)
    unit = forms.ModelChoiceField(label="所屬單位", queryset=None, required=False, help_text="空白表示持卡同仁的單位")
    issued_on = RocDateField(label="核發日")
    ends_on = RocDateField(label="有效期限", required=False, help_text="委外廠商卡及臨時通行證必填")
    areas = forms.ModelMultipleChoiceField(label="授權區域", queryset=None, required=False,
                                           widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label="備註", max_length=200, required=False)

    def __init__(self, *args, people, units, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = people
        self.fields["holder"].label_from_instance = lambda p: f"{p.full_name}（{p.unit.name if p.unit_id else '未設單位'}）"
        _units(self.fields["unit"], units)
        self.fields["areas"].queryset = areas
        self.fields["areas"].label_from_instance = lambda a: f"{a.name}（{a.get_level_display()}）"


class BadgeGrantForm(VersionForm):
    unit = forms.ModelChoiceField(label="所屬單位", queryset=None, required=False)
    ends_on = RocDateField(label="有效期限", required=False)
    areas = forms.ModelMultipleChoiceField(label="授權區域", queryset=None, required=False,
                                           widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label="備註", max_length=200, required=False)

    def __init__(self, *args, units, areas, **kwargs):
        super().__init__(*args, **kwargs)
        _units(self.fields["unit"], units)
        self.fields["areas"].queryset = areas
        self.fields["areas"].label_from_instance = lambda a: f"{a.name}（{a.get_level_display()}）"


class BadgeStatusForm(VersionForm):
    action = forms.ChoiceField(label="辦理事項", choices=[("return", "繳回"), ("lost", "報遺失"), ("suspend", "停用"),
                                                       ("resume", "恢復使用"), ("expire", "屆期停用")])
    on = RocDateField(label="日期")
    note = forms.CharField(label="說明", max_length=200, required=False)


class BadgeReplaceForm(VersionForm):
    number = forms.CharField(label="新卡號", max_length=30)
    on = RocDateField(label="補發日")
    note = forms.CharField(label="說明", max_length=200, required=False)


class VisitorForm(forms.Form):
    name = forms.CharField(label="訪客姓名", max_length=50)
    organisation = forms.CharField(label="服務單位", max_length=100, required=False)
    host = forms.ModelChoiceField(label="受訪人", queryset=None, required=False)
    host_label = forms.CharField(label="受訪人（不在名單時）", max_length=60, required=False)
    purpose = forms.CharField(label="事由", max_length=200)
    pass_number = forms.CharField(label="臨時通行證號", max_length=20, required=False)
    id_type = forms.ChoiceField(label="換證種類", choices=IdType.choices, initial=IdType.NATIONAL_ID)
    id_last4 = forms.CharField(label="證件末四碼", max_length=4, required=False, help_text="只記末四碼，不留存完整號碼")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = people
        self.fields["host"].label_from_instance = lambda p: f"{p.full_name}（{p.unit.name if p.unit_id else ''}）"


class PreregisterForm(forms.Form):
    visit_on = RocDateField(label="來訪日期")
    meeting = forms.CharField(label="會議名稱", max_length=100, required=False)
    purpose = forms.CharField(label="事由", max_length=200)
    guests = forms.CharField(label="來賓名單", max_length=10000, widget=forms.Textarea(attrs={"rows": 8}),
                             help_text="一行一位：姓名，服務單位（可直接貼上簽到表）")


class CheckInForm(VersionForm):
    pass_number = forms.CharField(label="臨時通行證號", max_length=20, required=False)
    id_type = forms.ChoiceField(label="換證種類", choices=IdType.choices, initial=IdType.NATIONAL_ID)
    id_last4 = forms.CharField(label="證件末四碼", max_length=4, required=False)


class MappingForm(VersionForm):
    time_column = forms.CharField(label="時間欄", max_length=40)
    door_column = forms.CharField(label="門代碼欄", max_length=40)
    badge_column = forms.CharField(label="卡號欄", max_length=40)
    result_column = forms.CharField(label="結果欄", max_length=40, required=False, help_text="空白表示全部視為通過")
    granted_values = forms.CharField(label="通過的結果值", max_length=100, help_text="以逗號分隔")


class ImportForm(forms.Form):
    file = forms.FileField(label="門禁系統匯出檔（CSV）", help_text="UTF-8 或 Big5 編碼皆可",
                           error_messages={"required": "請選擇檔案。"})

    def digest(self) -> str:
        upload = self.cleaned_data["file"]
        h = hashlib.sha256()
        for chunk in upload.chunks():
            h.update(chunk)
        upload.seek(0)
        return h.hexdigest()


class ExplainForm(forms.Form):
    explanation = forms.CharField(label="說明", max_length=200)


class DeficiencyForm(forms.Form):
    text = forms.CharField(label="缺失內容", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    lead_unit = forms.ModelChoiceField(label="改善單位", queryset=None)
    due_date = RocDateField(label="完成期限", required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        _units(self.fields["lead_unit"], units)


class ReviewConfirmForm(forms.Form):
    note = forms.CharField(label="意見", max_length=200, required=False)
