from __future__ import annotations

from django import forms

from anwei.core import forms as core_forms
from anwei.core.forms import RocDateField
from anwei.lib.periods import PeriodUnit
from anwei.orgs.models import Agency, Grade
from anwei.portal.rulepages import RuleFormMixin, amount_field, fixed_field_help, start_field, unit_choice_field
from anwei.travel.models import HKMO, Approval, ClassifiedRetiree, Purpose, Region, RuleKind
from anwei.travel.services import Decision, ReportInput, RuleInput, TripInput

# A trip is planned by dates: clock units make no sense for travel rules.
DATE_UNITS = [PeriodUnit.WORKDAYS, PeriodUnit.DAYS, PeriodUnit.WEEKS, PeriodUnit.MONTHS]

REQUIRED = {"required": "此欄必填。"}


class TripForm(forms.Form):
    """An application (or a retiree's declaration). The declarations to tick come from the rule in force."""

    purpose = forms.ChoiceField(label="事由", choices=Purpose.choices, widget=forms.RadioSelect,
                                error_messages={"required": "請選擇事由。"})
    purpose_detail = forms.CharField(label="事由說明", max_length=200, required=False,
                                     help_text="例如探視之親屬、旅遊行程、公務名稱")
    destinations = forms.CharField(label="前往地區", widget=forms.Textarea(attrs={"rows": 2}),
                                   error_messages={"required": "請填寫前往地區。"},
                                   help_text="例如：上海市、江蘇省蘇州市")
    transit_stops = forms.CharField(label="轉機地點", max_length=200, required=False,
                                    help_text="經第三地或大陸地區轉機者填寫")
    transit_mainland = forms.BooleanField(
        label="經大陸地區機場轉機（過境轉機或入境轉機）", required=False,
        help_text="經大陸地區機場轉機，即使未出機場，也屬進入大陸地區，須事先申請。")
    departure_on = RocDateField(label="出發日期")
    return_on = RocDateField(label="返臺日期")
    urgent = forms.BooleanField(label="急迫情形（未能於期限前申請）", required=False)
    urgent_reason = forms.CharField(label="急迫情形說明", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    declarations = forms.MultipleChoiceField(label="聲明事項", widget=forms.CheckboxSelectMultiple, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    region = forms.ChoiceField(label="前往地區別", choices=Region.choices, initial=Region.MAINLAND,
                               widget=forms.HiddenInput, required=False)
    meets_specified = forms.BooleanField(
        label="預定與特定人士會面（赴港澳）", required=False,
        help_text="在港澳期間預定與大陸地區黨政軍機關或其派駐人員等特定人士會面者勾選，適用較長的出境前期間")

    def __init__(self, *args, declarations: list[str], region: str = Region.MAINLAND, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].initial = region
        if region not in HKMO:
            del self.fields["meets_specified"]
        self.declaration_texts = declarations
        self.fields["declarations"].choices = [(str(i), text) for i, text in enumerate(declarations)]

    def clean(self):
        data = super().clean()
        dep, ret = data.get("departure_on"), data.get("return_on")
        if dep and ret and ret < dep:
            self.add_error("return_on", "返臺日期不能早於出發日期。")
        if self.declaration_texts and len(data.get("declarations") or []) < len(self.declaration_texts):
            self.add_error("declarations", "請逐項勾選聲明事項。")
        return data

    def trip(self) -> TripInput:
        d = self.cleaned_data
        return TripInput(
            purpose=d["purpose"], purpose_detail=d["purpose_detail"].strip(), destinations=d["destinations"].strip(),
            transit_stops=d["transit_stops"].strip(), transit_mainland=d["transit_mainland"],
            departure_on=d["departure_on"], return_on=d["return_on"], urgent=d["urgent"],
            urgent_reason=d["urgent_reason"].strip(),
            declarations_accepted=tuple(self.declaration_texts[int(i)] for i in d["declarations"]),
            region=d.get("region") or Region.MAINLAND, meets_specified=d.get("meets_specified", False))

    @staticmethod
    def initial_from(app) -> dict:
        return {
            "purpose": app.purpose, "purpose_detail": app.purpose_detail, "destinations": app.destinations,
            "transit_stops": app.transit_stops, "transit_mainland": app.transit_mainland,
            "departure_on": app.departure_on, "return_on": app.return_on, "urgent": app.urgent,
            "urgent_reason": app.urgent_reason, "version": app.version,
        }


class RetireeDeclarationForm(TripForm):
    received_on = RocDateField(label="收件日期", help_text="退離職人員申報送達本機關之日（以此日判斷是否逾期）")


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label="審核結果", choices=Decision.CHOICES, widget=forms.RadioSelect,
                                 error_messages={"required": "請選擇審核結果。"})
    handles_classified = forms.ChoiceField(
        label="申請人是否涉及國家安全、利益或機密業務（涉密）", required=False, widget=forms.RadioSelect,
        choices=[("yes", "是，涉密人員"), ("no", "否，未涉密")])
    note = forms.CharField(label="審核意見／理由", widget=forms.Textarea(attrs={"rows": 3}), required=False,
                           help_text="退回補正或不予同意時必填")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, ethics_step: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not ethics_step:
            del self.fields["handles_classified"]

    def clean(self):
        data = super().clean()
        if data.get("decision") in (Decision.RETURN, Decision.REFUSE) and not (data.get("note") or "").strip():
            self.add_error("note", "退回或不予同意時，請填寫理由。")
        if ("handles_classified" in self.fields and data.get("decision") == Decision.APPROVE
                and not data.get("handles_classified")):
            self.add_error("handles_classified", "請判定申請人是否涉及國家安全、利益或機密業務。")
        return data

    def classified(self) -> bool | None:
        value = self.cleaned_data.get("handles_classified")
        return {"yes": True, "no": False}.get(value or "")


class ReturnReportForm(forms.Form):
    actual_departure_on = RocDateField(label="實際出發日期")
    actual_return_on = RocDateField(label="實際返臺日期")
    places = forms.CharField(label="實際停留地區", widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "請填寫實際停留地區。"})
    contacted_officials = forms.BooleanField(label="在大陸地區期間曾與大陸地區官方、黨務或軍方人員接觸",
                                             required=False)
    contact_detail = forms.CharField(label="接觸情形", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    incidents = forms.BooleanField(label="曾遭受盤查、留置、威脅利誘或其他異常情形", required=False)
    incident_detail = forms.CharField(label="異常情形說明", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    note = forms.CharField(label="其他應說明事項", widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean(self):
        data = super().clean()
        dep, ret = data.get("actual_departure_on"), data.get("actual_return_on")
        if dep and ret and ret < dep:
            self.add_error("actual_return_on", "返臺日期不能早於出發日期。")
        return data

    def report(self) -> ReportInput:
        d = self.cleaned_data
        return ReportInput(actual_departure_on=d["actual_departure_on"], actual_return_on=d["actual_return_on"],
                           places=d["places"].strip(), contacted_officials=d["contacted_officials"],
                           contact_detail=d["contact_detail"].strip(), incidents=d["incidents"],
                           incident_detail=d["incident_detail"].strip(), note=d["note"].strip())


class RetireeReturnReportForm(ReturnReportForm):
    received_on = RocDateField(label="收件日期", help_text="返臺後申報送達本機關之日（以此日判斷是否逾期）")


class RetireeForm(forms.Form):
    full_name = forms.CharField(label="姓名", max_length=50, error_messages=REQUIRED)
    former_title = forms.CharField(label="原職稱", max_length=50, required=False)
    former_unit = forms.CharField(label="原服務單位", max_length=50, required=False)
    left_on = RocDateField(label="退離職日")
    control_ends_on = RocDateField(label="管制赴陸期間屆滿日")
    declaration_years = forms.TypedChoiceField(label="申報期間（由機關核定）", coerce=int,
                                               choices=ClassifiedRetiree._meta.get_field("declaration_years").choices,
                                               error_messages={"required": "請選擇申報期間。"})
    contact = forms.CharField(label="聯絡方式", max_length=100, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if data.get("left_on") and data.get("control_ends_on") and data["control_ends_on"] < data["left_on"]:
            self.add_error("control_ends_on", "管制期間屆滿日不能早於退離職日。")
        return data


class PeriodForm(core_forms.PeriodForm):
    subtree = forms.BooleanField(label="含所屬機關", required=False)


class RuleForm(RuleFormMixin, forms.Form):
    """A new travel rule of the agency, from a start date. Optional parts left empty are inherited."""

    kind = forms.ChoiceField(label="規定類別", choices=RuleKind.choices, error_messages={"required": "請選擇規定類別。"})
    amount = amount_field()
    unit = unit_choice_field(DATE_UNITS, PeriodUnit.WORKDAYS.value)
    starts_on = start_field("此日（含）以後提出的申請適用本規定")
    approval = forms.ChoiceField(label="審核流程（僅赴陸申請）", choices=[("", "沿用上級或預設規定")] + Approval.choices,
                                 required=False)
    head_to_superior = forms.BooleanField(label="機關首長向直屬上級機關申請", required=False, initial=True)
    declarations = forms.CharField(label="應勾選之聲明事項", required=False, max_length=4000,
                                   widget=forms.Textarea(attrs={"rows": 4}),
                                   help_text="一行一項；空白表示沿用上級或預設規定的聲明事項")
    note = forms.CharField(label="規定內容", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    basis = forms.CharField(label="依據", required=False, max_length=300)
    fixed = forms.BooleanField(label="所屬機關不得另訂", required=False, help_text=fixed_field_help)
    grade = forms.ChoiceField(label="僅適用官等", choices=[("", "全部人員")] + Grade.choices, required=False)
    rank_min = forms.IntegerField(label="僅適用職等（以上）", min_value=1, max_value=14, required=False,
                                  error_messages={"min_value": "職等應為1至14。", "max_value": "職等應為1至14。",
                                                  "invalid": "請填寫整數。"})
    agency_kind = forms.ChoiceField(label="僅適用機關類別", choices=[("", "全部機關")] + Agency.Kind.choices,
                                    required=False)
    purpose = forms.ChoiceField(label="僅適用事由", choices=[("", "全部事由")] + Purpose.choices, required=False)

    def rule_input(self) -> RuleInput:
        c = self.cleaned_data
        return RuleInput(kind=c["kind"], amount=c["amount"], unit=c["unit"], starts_on=c["starts_on"],
                         approval=c["approval"], head_to_superior=c["head_to_superior"],
                         declarations=c["declarations"], note=c["note"], basis=c["basis"], fixed=c["fixed"],
                         grade=c["grade"], rank_min=c["rank_min"], agency_kind=c["agency_kind"], purpose=c["purpose"])

