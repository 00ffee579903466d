from __future__ import annotations

from django import forms
from django.utils import timezone

from anwei.core.forms import RocDateField, VersionForm
from anwei.orgs.models import Unit
from anwei.tracking.models import TrackedItem, TrackingDecision
from anwei.tracking.selectors import SORTS, RegisterFilters
from anwei.documents import limits
from anwei.documents.limits import limited


class RoundOpenForm(forms.Form):
    deadline = RocDateField(label="填報期限")
    title = forms.CharField(label="名稱", max_length=200, required=False,
                            help_text="留空則為「○年第○次會議執行情形填報」")

    def clean_deadline(self):
        d = self.cleaned_data["deadline"]
        if d < timezone.localdate():
            raise forms.ValidationError("填報期限不能早於今天。")
        return d


class ProgressReportForm(VersionForm):
    text = forms.CharField(label="執行情形", widget=forms.Textarea(attrs={"rows": 5}), max_length=limits.PROGRESS,
                           error_messages={"required": "請填寫執行情形。",
                                           **limited("執行情形", limits.PROGRESS)["error_messages"]})
    propose_release = forms.BooleanField(label="建議解除列管", required=False)
    release_reason = forms.CharField(label="建議解除列管理由", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                     **limited("建議解除列管理由", limits.ITEM))

    def clean(self):
        data = super().clean()
        if data.get("propose_release") and not (data.get("release_reason") or "").strip():
            self.add_error("release_reason", "建議解除列管時，請說明理由。")
        return data


class ReturnForm(forms.Form):
    comment = forms.CharField(label="退回補正意見", widget=forms.Textarea(attrs={"rows": 2}),
                              error_messages={"required": "請填寫退回補正的意見。"})


class DecideForm(forms.Form):
    decision = forms.ChoiceField(label="列管決定", choices=TrackingDecision.Decision.choices, widget=forms.RadioSelect,
                                 error_messages={"required": "請選擇繼續列管或解除列管。"})
    note = forms.CharField(label="說明", required=False, max_length=500)


class UnitsMixin(forms.Form):
    lead_unit = forms.ModelChoiceField(label="主辦單位", queryset=Unit.objects.none(), required=False)
    all_units = forms.BooleanField(label="各科室（所有單位）", required=False)
    co_units = forms.ModelMultipleChoiceField(label="協辦單位", queryset=Unit.objects.none(), required=False,
                                              widget=forms.CheckboxSelectMultiple)
    due_date = RocDateField(label="完成期限", required=False)

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(agency=agency).order_by("order", "id")
        self.fields["lead_unit"].queryset = units
        self.fields["co_units"].queryset = units

    def units_required(self, data: dict) -> bool:
        return True

    def clean(self):
        data = super().clean()
        if self.units_required(data) and not data.get("all_units") and not data.get("lead_unit"):
            self.add_error("lead_unit", "請選擇主辦單位，或勾選「各科室」。")
        return data


class ItemEditForm(UnitsMixin, VersionForm):
    text = forms.CharField(label="列管事項", widget=forms.Textarea(attrs={"rows": 3}), **limited("列管事項", limits.ITEM))


ALL_AGENCIES = "all"


class RegisterFilterForm(forms.Form):
    STATUS = [("", "全部"), ("open", "未解除"), *TrackedItem.Status.choices]
    SORT = [("origin", "來源（舊→新）"), ("-origin", "來源（新→舊）"), ("due", "期限（近→遠）"), ("-due", "期限（遠→近）"),
            ("unit", "主辦單位"), ("-unit", "主辦單位（反序）"), ("status", "狀態"), ("-status", "狀態（反序）")]
    agency = forms.ChoiceField(label="機關", required=False)
    q = forms.CharField(label="關鍵字", required=False)
    unit = forms.ModelChoiceField(label="單位", queryset=Unit.objects.none(), required=False, empty_label="全部單位")
    status = forms.ChoiceField(label="狀態", choices=STATUS, required=False)
    origin = forms.ChoiceField(label="來源會議", required=False)
    year = forms.TypedChoiceField(label="年度", required=False, coerce=int, empty_value=None)
    overdue = forms.BooleanField(label="僅逾期", required=False)
    sort = forms.ChoiceField(label="排序", choices=SORT, required=False)

    def __init__(self, *args, agencies=(), agency=None, units=None, origins=(), origin_label="", years=(), **kwargs):
        """agency: the agency the unit and origin menus are for (None: all of `agencies`); origins: the
        registered origins of that agency as ("<kind>:<pk>", label) (tracking.sources); the 機關 menu
        appears only for someone who sees more than one agency."""
        super().__init__(*args, **kwargs)
        self.agency_id = agency
        if len(agencies) > 1:
            top = min(a.depth for a in agencies)
            self.fields["agency"].choices = [(str(a.pk), "　" * (a.depth - top) + a.name) for a in agencies] + [
                (ALL_AGENCIES, "全部所屬機關")]
        else:
            del self.fields["agency"]
        if agency is None:  # a unit or a meeting belongs to one agency: choose the agency first
            for name in ("unit", "origin"):
                self.fields[name].disabled = True
                self.fields[name].help_text = "請先選擇機關"
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        if origin_label:
            self.fields["origin"].label = origin_label
        self.fields["origin"].choices = [("", "全部"), *origins]
        self.fields["year"].choices = [("", "全部年度"), *[(y, f"{y}年") for y in years]]

    def filters(self) -> RegisterFilters:
        if not self.is_valid():
            return RegisterFilters(agency=self.agency_id)
        d = self.cleaned_data
        return RegisterFilters(agency=self.agency_id, unit=d["unit"].pk if d.get("unit") else None,
                               status=d.get("status") or "",
                               origin=d.get("origin") or "", year=d.get("year"), overdue=bool(d.get("overdue")),
                               q=(d.get("q") or "").strip(), sort=d.get("sort") if d.get("sort") in SORTS else "origin")


class ReviewRuleForm(forms.Form):
    effective_from = RocDateField(label="生效日")
    unit_head_review = forms.BooleanField(label="各單位的執行情形須經單位主管核閱，才送到政風人員", required=False)
    note = forms.CharField(label="說明", max_length=200, required=False)
