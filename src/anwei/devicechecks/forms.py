"""Forms: they parse and check input; services decide."""

from __future__ import annotations

from django import forms

from anwei.core.forms import RocDateField, VersionForm
from anwei.devicechecks.models import DeviceSystem
from anwei.orgs.models import Agency, Unit


class DeviceSystemForm(VersionForm):
    name = forms.CharField(label="名稱", max_length=100, error_messages={"required": "請填寫名稱。"},
                           help_text="例如：管理大樓門禁系統")
    kind = forms.ChoiceField(label="類別", choices=DeviceSystem.Kind.choices)
    unit = forms.ModelChoiceField(label="負責單位", queryset=Unit.objects.none(),
                                  error_messages={"required": "請選擇負責每日檢查的單位。"})
    site = forms.ModelChoiceField(label="場所", queryset=Agency.objects.none(), required=False,
                                  empty_label="（未指定）", help_text="場所與攝影機清冊在「監視器調閱」的設備登錄")
    location = forms.CharField(label="位置", max_length=200, required=False)
    vendor = forms.CharField(label="維修廠商", max_length=100, required=False)
    in_service_from = RocDateField(label="開始檢查日期")
    is_active = forms.BooleanField(label="使用中", required=False, initial=True)

    def __init__(self, *args, agency: Agency, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency).order_by("order", "id")
        self.fields["site"].queryset = sites


class DailyCheckForm(VersionForm):
    """A date and, per system, √/× and the problem; `version` is the day's (selectors.day_checks)."""

    date = RocDateField(label="檢查日期")

    def __init__(self, *args, systems, existing: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.systems = systems
        existing = existing or {}
        for s in systems:
            check = existing.get(s.pk)
            self.fields[f"working_{s.pk}"] = forms.ChoiceField(
                choices=[("1", "√ 正常"), ("0", "× 異常")], widget=forms.RadioSelect,
                label=f"{s.name}當天是否正常運作",
                initial=None if check is None else ("1" if check.working else "0"),
                error_messages={"required": "請選擇 √ 或 ×。"})
            self.fields[f"problem_{s.pk}"] = forms.CharField(required=False, max_length=300,
                                                             label=f"{s.name}當天的問題",
                                                             initial=check.problem if check else "")

    def entries(self):
        c = self.cleaned_data
        return [(s, c[f"working_{s.pk}"] == "1", c.get(f"problem_{s.pk}", "")) for s in self.systems]

    def bound_rows(self):
        return [(s, self[f"working_{s.pk}"], self[f"problem_{s.pk}"]) for s in self.systems]


class RepairForm(VersionForm):
    reported_on = RocDateField(label="通報廠商日期", required=False)
    vendor = forms.CharField(label="維修廠商", max_length=100, required=False)
    repaired_on = RocDateField(label="修復日期", required=False)
    note = forms.CharField(label="備註", max_length=300, required=False)
