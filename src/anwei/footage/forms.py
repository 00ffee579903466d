"""Forms: the request form of seed 001, the decision, the viewing record, hold and destruction."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from anwei.core.forms import RocDateField, RocDateInput
from anwei.core.templatetags.roc import roc_datetime
from anwei.core.uploads import UploadField
from anwei.footage.models import (Decision, Device, FootageRequest, RefusalGround, RequestAttachment, RequestKind,
                                  RetentionRule, Site, StepRole, ViewingRecord)
from anwei.footage.services import CHAIN_MAX_STEPS, ChainInput, RequestData, RuleInput, ViewingData
from anwei.lib.periods import PeriodUnit
from anwei.portal.rulepages import (RuleFormMixin, amount_field, basis_field, fixed_field_help, start_field,
                                    unit_choice_field)


class MinuteWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        super().__init__([RocDateInput({"class": "minute-date"}),
                          forms.TimeInput(attrs={"type": "time", "class": "minute-time"}, format="%H:%M")], attrs)

    def id_for_label(self, id_):
        return f"{id_}_0" if id_ else id_  # the label names the date box; the time box has its own aria-label

    def decompress(self, value):
        if isinstance(value, dt.datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            return [local.date(), local.time().replace(second=0, microsecond=0)]
        return [None, None]


class MinuteField(forms.MultiValueField):
    """A date (any form RocDateField accepts) and a time to the minute, as one aware datetime."""

    widget = MinuteWidget
    default_error_messages = {"required": "請填寫日期與時間。", "incomplete": "請同時填寫日期與時間（時、分）。"}

    def __init__(self, **kwargs):
        fields = (RocDateField(), forms.TimeField(input_formats=["%H:%M", "%H:%M:%S", "%H%M"],
                                                  error_messages={"invalid": "時間格式錯誤，請輸入如 14:30。"}))
        super().__init__(fields, require_all_fields=True, **kwargs)
        # The label points at the date box; the time box beside it needs its own name.
        self.widget.widgets[1].attrs["aria-label"] = f"{self.label or ''}（時:分）"

    def compress(self, data_list):
        if not data_list:
            return None
        day, time = data_list
        return timezone.make_aware(dt.datetime.combine(day, time.replace(second=0, microsecond=0)))


_ACK = ("以上（個人資料保護注意事項）已閱讀並願遵守：如非必要以「調閱」為原則；所複製資料用畢自行銷毀，"
        "違反個資法規定致個人資料遭不法蒐集、處理、利用或其他侵害當事人權利者，自負相關損害賠償責任。")


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label="申請類別", choices=RequestKind.choices, initial=RequestKind.INTERNAL,
                             widget=forms.RadioSelect)
    purpose = forms.ChoiceField(label="申請項目", choices=FootageRequest.Purpose.choices,
                                initial=FootageRequest.Purpose.VIEW, widget=forms.RadioSelect,
                                help_text="因應個人資料保護法，如非必要，請以「調閱」為原則。")
    applicant_name = forms.CharField(label="申請人", max_length=50)
    outside_body = forms.CharField(label="單位（機關名稱）", max_length=100, required=False,
                                   help_text="局外或司法機關申請時填寫；局內申請以您的單位為準。")
    extension = forms.CharField(label="分機", max_length=20, required=False)
    phone = forms.CharField(label="聯絡電話", max_length=50, required=False)
    reason = forms.CharField(label="申請事由", widget=forms.Textarea(attrs={"rows": 4}),
                             error_messages={"required": "請填寫申請事由。"})
    copy_reason = forms.CharField(label="複製理由", widget=forms.Textarea(attrs={"rows": 2}), required=False,
                                  help_text="申請複製時必填：為何調閱不足以達成目的。")
    window_start = MinuteField(label="調閱時段（自）")
    window_end = MinuteField(label="調閱時段（至）")
    cameras = forms.ModelMultipleChoiceField(label="攝影機", queryset=None, required=False,
                                             widget=forms.CheckboxSelectMultiple)
    areas = forms.CharField(label="其他區域說明", max_length=200, required=False)
    letter_reference = forms.CharField(label="來文字號", max_length=100, required=False,
                                       help_text="司法機關以公文申請時必填，例如「○○地檢署○年○月○日○字第○號函」。")
    police_report = UploadField(label="報案三聯單", required=False,
                                help_text="局外調閱必須檢附警政單位報案三聯單（掃描檔或照片）。")
    letter_file = UploadField(label="來文掃描檔", required=False)
    consent_file = UploadField(label="當事人書面同意書", required=False,
                               help_text="影像涉及第三人時，檢附其書面同意書（注意事項十(三)但書）。")
    other_file = UploadField(label="其他附件", required=False)
    acknowledged = forms.BooleanField(label=_ACK, error_messages={"required": "請勾選已閱讀個人資料保護注意事項。"})
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, cameras_qs, footage_earliest, may_take_outside: bool, has_police_report: bool = False,
                 now: dt.datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cameras"].queryset = cameras_qs
        self.fields["cameras"].label_from_instance = lambda d: f"{d.code} {d.location}".strip()
        # (earliest moment still on the recorder, retention period), from the agency's retention rule
        self.footage_earliest = footage_earliest
        self.footage_kept = footage_earliest(now or timezone.now())[1].spaced()
        self.may_take_outside = may_take_outside
        self.has_police_report = has_police_report
        self.now = now or timezone.now()

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in (RequestKind.EXTERNAL, RequestKind.JUDICIAL):
            if not self.may_take_outside:
                self.add_error("kind", "局外調閱及司法機關申請由管理單位受理登錄，請洽管理單位。")
            if not (data.get("outside_body") or "").strip():
                self.add_error("outside_body", "局外或司法機關申請必須填寫單位（機關名稱）；民眾申請請填「民眾」。")
        if kind == RequestKind.EXTERNAL and not data.get("police_report") and not self.has_police_report:
            self.add_error("police_report", "局外調閱必須檢附警政單位報案三聯單。")
        if kind == RequestKind.JUDICIAL and not (data.get("letter_reference") or "").strip():
            self.add_error("letter_reference", "司法機關申請必須填寫來文字號（以公文申請，由管理單位函覆）。")
        if data.get("purpose") == FootageRequest.Purpose.COPY and not (data.get("copy_reason") or "").strip():
            self.add_error("copy_reason", "申請複製必須說明理由；如非必要，請改以「調閱」申請。")
        if "cameras" in data and not data["cameras"] and not (data.get("areas") or "").strip():
            self.add_error("cameras", "請勾選要調閱的攝影機，或在「其他區域說明」寫明區域。")
        self._clean_window(data)
        return data

    def _clean_window(self, data):
        start, end = data.get("window_start"), data.get("window_end")
        now = self.now.replace(second=0, microsecond=0)
        earliest_at, kept = self.footage_earliest(now)
        earliest = earliest_at.replace(second=0, microsecond=0)
        if start and start > now:
            self.add_error("window_start", f"調閱時段不能在未來（現在是 {roc_datetime(now)}）。")
        elif start and start < earliest:
            self.add_error("window_start", f"監視錄影資料只保存 {kept.spaced()}，{roc_datetime(earliest)} "
                                           "以前的影像已被覆寫，無法調閱；請確認時段。")
        if end and end > now:
            self.add_error("window_end", f"調閱時段不能在未來（現在是 {roc_datetime(now)}）。")
        if start and end and end <= start:
            self.add_error("window_end", "結束時間必須晚於開始時間。")

    def request_data(self) -> RequestData:
        d = self.cleaned_data
        uploads = [(kind, d[name]) for name, kind in (("police_report", RequestAttachment.Kind.POLICE_REPORT),
                                                      ("letter_file", RequestAttachment.Kind.LETTER),
                                                      ("consent_file", RequestAttachment.Kind.CONSENT),
                                                      ("other_file", RequestAttachment.Kind.OTHER)) if d.get(name)]
        return RequestData(
            kind=d["kind"], purpose=d["purpose"], applicant_name=d["applicant_name"].strip(),
            window_start=d["window_start"], window_end=d["window_end"], reason=d["reason"].strip(),
            acknowledged=d["acknowledged"], outside_body=d["outside_body"].strip(), extension=d["extension"].strip(),
            phone=d["phone"].strip(), copy_reason=d["copy_reason"].strip(), areas=d["areas"].strip(),
            letter_reference=d["letter_reference"].strip(), cameras=list(d["cameras"]), uploads=uploads)

    @staticmethod
    def initial_from(req: FootageRequest) -> dict:
        return {name: getattr(req, name) for name in RequestData.FIELDS} | {
            "cameras": list(req.cameras.all()), "version": req.version}


class DecisionForm(forms.Form):
    action = forms.ChoiceField(label="決定", choices=Decision.Action.choices, widget=forms.RadioSelect,
                               error_messages={"required": "請選擇決定。"})
    conditions = forms.CharField(label="附款或注意事項", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    refusal_ground = forms.ChoiceField(label="不予核准理由（注意事項十）", required=False,
                                       choices=[("", "（請選擇）"), *RefusalGround.choices])
    reason = forms.CharField(label="說明", widget=forms.Textarea(attrs={"rows": 3}), required=False,
                             help_text="退回補正時寫明需補正的事項；不予核准時可補充說明（選「其他理由」時必填）。")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, has_consent: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_consent = has_consent

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == Decision.Action.APPROVE_CONDITIONS and not data.get("conditions", "").strip():
            self.add_error("conditions", "附款核准必須寫明附款或注意事項。")
        if action == Decision.Action.RETURN and not data.get("reason", "").strip():
            self.add_error("reason", "退回補正必須說明需補正的事項。")
        if action == Decision.Action.REFUSE:
            if not data.get("refusal_ground"):
                self.add_error("refusal_ground", "不予核准必須選擇理由。")
            elif data["refusal_ground"] == RefusalGround.OTHER and not data.get("reason", "").strip():
                self.add_error("reason", "選擇「其他理由」時必須說明理由。")
            elif data["refusal_ground"] == RefusalGround.PRIVACY and self.has_consent:
                self.add_error("refusal_ground", "申請已檢附當事人書面同意書，依注意事項十(三)但書不得以侵害第三人隱私"
                                                 "為由不予核准；如有其他理由請改選。")
        return data


class ViewingForm(forms.Form):
    performed_at = MinuteField(label="調閱（複製）時間")
    viewer_name = forms.CharField(label="調閱人", max_length=100)
    accompanied_by = forms.ModelChoiceField(label="陪同人員（管理單位）", queryset=None,
                                            error_messages={"required": "請選擇陪同的管理單位人員。"})
    copied = forms.BooleanField(label="已複製影音資料", required=False)
    copied_items = forms.CharField(label="複製內容", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                   help_text="例如：CH03 一樓正門內側 113/2/5 14:00–14:30")
    medium = forms.ChoiceField(label="儲存媒體", required=False, choices=ViewingRecord.Medium.choices)
    medium_note = forms.CharField(label="媒體說明", max_length=100, required=False, help_text="例如：光碟1片，已標示編號")
    applicant_signed = forms.BooleanField(label="申請人已於申請表「調閱（複製）完畢後簽名確認欄」簽名",
                                          error_messages={"required": "請確認申請人已簽名。"})
    reply_letter_reference = forms.CharField(label="函覆文號", max_length=100, required=False)
    allocate_number = forms.BooleanField(label="由系統依本機關發文字號格式取號", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, people_qs, req: FootageRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.req = req
        self.fields["accompanied_by"].queryset = people_qs
        self.fields["accompanied_by"].label_from_instance = lambda p: p.display_with_title()

    def clean(self):
        data = super().clean()
        if data.get("copied"):
            if self.req.purpose != FootageRequest.Purpose.COPY:
                self.add_error("copied", "此申請只核准調閱，不能複製。")
            if not data.get("copied_items", "").strip():
                self.add_error("copied_items", "請記錄複製了哪些影像。")
            if not data.get("medium"):
                self.add_error("medium", "請選擇儲存媒體。")
        if (self.req.kind == RequestKind.JUDICIAL and not data.get("reply_letter_reference", "").strip()
                and not data.get("allocate_number")):
            self.add_error("reply_letter_reference", "司法機關申請由管理單位函覆，請填寫函覆文號或勾選由系統取號。")
        performed = data.get("performed_at")
        if performed and performed > timezone.now():
            self.add_error("performed_at", "調閱時間不能在未來。")
        return data

    def viewing_data(self) -> ViewingData:
        d = self.cleaned_data
        return ViewingData(performed_at=d["performed_at"], viewer_name=d["viewer_name"].strip(),
                           accompanied_by=d["accompanied_by"], copied=d["copied"], copied_items=d["copied_items"],
                           medium=d["medium"], medium_note=d["medium_note"], applicant_signed=d["applicant_signed"],
                           reply_letter_reference=d["reply_letter_reference"].strip(),
                           allocate_number=d["allocate_number"])


class HoldForm(forms.Form):
    hold = forms.BooleanField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(label="保全原因", max_length=200, required=False,
                             help_text="例如：配合○○地檢署偵查案件，暫停銷毀。")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("hold") and not data.get("reason", "").strip():
            self.add_error("reason", "請說明保全原因（例如偵查案號）。")
        return data


class DestroyForm(forms.Form):
    method = forms.CharField(label="銷毀方式", max_length=200,
                             initial="申請表個人資料及附件刪除；複製媒體以碎紙機銷毀",
                             error_messages={"required": "請寫明銷毀方式。"})


class SiteForm(forms.Form):
    name = forms.CharField(label="場所名稱", max_length=100, error_messages={"required": "請填寫場所名稱。"})
    address = forms.CharField(label="地址", max_length=200, required=False)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Site.objects.filter(agency=self.agency, name=name).exists():
            raise forms.ValidationError("已有同名的場所。")
        return name


class DeviceForm(forms.Form):
    site = forms.ModelChoiceField(label="場所", queryset=None, error_messages={"required": "請選擇場所。"})
    kind = forms.ChoiceField(label="設備類別", choices=Device.Kind.choices)
    code = forms.CharField(label="編號", max_length=20, required=False, help_text="例如 CH01")
    location = forms.CharField(label="設置地點", max_length=100, error_messages={"required": "請填寫設置地點。"})
    active = forms.BooleanField(label="使用中", required=False, initial=True)
    order = forms.IntegerField(label="排序", min_value=0, initial=0, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = Site.objects.filter(agency=agency).order_by("order", "id")

    def values(self) -> dict:
        d = self.cleaned_data
        return {"site": d["site"], "kind": d["kind"], "code": d["code"].strip(), "location": d["location"].strip(),
                "active": d["active"], "order": d["order"] or 0}


# Retention and decision periods count dates, never clock time.
RULE_UNITS = [PeriodUnit.DAYS, PeriodUnit.WORKDAYS, PeriodUnit.WEEKS, PeriodUnit.MONTHS, PeriodUnit.YEARS]


class RuleForm(RuleFormMixin, forms.Form):
    """A new retention or decision rule of the agency, from a start date."""

    kind = forms.ChoiceField(label="規定類別", choices=RetentionRule.Record.choices,
                             error_messages={"required": "請選擇規定類別。", "invalid_choice": "請選擇規定類別。"})
    amount = amount_field(maximum=3650)
    unit = unit_choice_field(RULE_UNITS, PeriodUnit.DAYS.value)
    starts_on = start_field("此日（含）以後錄得、送出或結案者適用本規定")
    basis = basis_field(max_length=200)
    fixed = forms.BooleanField(label="所屬機關不得另訂", required=False, help_text=fixed_field_help)

    def rule_input(self) -> RuleInput:
        c = self.cleaned_data
        return RuleInput(kind=c["kind"], amount=c["amount"], unit=c["unit"], starts_on=c["starts_on"],
                         basis=c["basis"], fixed=c["fixed"])


class ChainForm(forms.Form):
    """A new approval chain of the agency from a start date: the kind it is for and up to six steps, in the order
    of the rows (empty rows are left out)."""

    kind = forms.ChoiceField(label="適用申請類別", required=False, choices=[("", "所有類別")] + RequestKind.choices,
                             error_messages={"invalid_choice": "請選擇適用申請類別。"},
                             help_text="選特定類別時，該類別的申請優先適用此流程")
    starts_on = start_field("此日（含）以後送出的申請適用此流程；已送出的申請仍依原流程")
    name = forms.CharField(label="名稱", required=False, max_length=100,
                           error_messages={"max_length": "名稱請在100字以內。"},
                           help_text="空白時自動命名，例如「監視錄影調閱核決流程（所有類別，116年1月1日起）」")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, CHAIN_MAX_STEPS + 1):
            self.fields[f"step_{i}_role"] = forms.ChoiceField(
                label=f"第{i}關核決者", required=False, choices=[("", "—")] + StepRole.choices,
                error_messages={"invalid_choice": "請選擇核決者。"})
            self.fields[f"step_{i}_label"] = forms.CharField(
                label=f"第{i}關名稱", required=False, max_length=50,
                error_messages={"max_length": "關卡名稱請在50字以內。"})

    def top_fields(self):
        return [self[name] for name in ("kind", "starts_on", "name")]

    def step_rows(self):
        return [(i, self[f"step_{i}_role"], self[f"step_{i}_label"]) for i in range(1, CHAIN_MAX_STEPS + 1)]

    def clean(self):
        c = super().clean()
        for i in range(1, CHAIN_MAX_STEPS + 1):
            if c.get(f"step_{i}_label", "").strip() and not c.get(f"step_{i}_role"):
                self.add_error(f"step_{i}_role", "已填關卡名稱，請選擇核決者。")
        return c

    def chain_input(self) -> ChainInput:
        c = self.cleaned_data
        steps = [(c[f"step_{i}_role"], c[f"step_{i}_label"]) for i in range(1, CHAIN_MAX_STEPS + 1)
                 if c.get(f"step_{i}_role")]
        return ChainInput(request_kind=c["kind"], starts_on=c["starts_on"], steps=steps, name=c["name"])
