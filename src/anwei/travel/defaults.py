"""The default travel rules, as seed 000 (秘書單位工作報告 一) states them.

Pure data: the data migration and `travel_rules_seed_defaults()` both create rows from it,
so that no deadline lives in code. Later changes are new TravelRule rows with a start date.
"""

from __future__ import annotations

import datetime as dt

# The earliest day the system's working-day calendar is checked against (DGPA 2017–2026).
DEFAULT_START = dt.date(2017, 1, 1)

BASIS = ("臺灣地區與大陸地區人民關係條例；臺灣地區公務員及特定身分人員進入大陸地區許可辦法；"
         "簡任第十職等及警監四階以下未涉及國家安全利益或機密之公務員及警察人員赴大陸地區作業要點")

APPLICATION_DECLARATIONS = [
    "本人已詳閱「公務員及特定身分人員進入大陸地區注意事項」，並願遵守。",
    "本人瞭解不論「過境轉機」或「入境轉機」，經大陸地區機場均屬進入大陸地區，應事先申請許可。",
    "本人在大陸地區將維護政府形象，不涉足不正當場所，不洩漏國家或公務機密。",
    "本人將於返臺後7個工作日內填具赴陸人員返臺通報表，送交所屬機關。",
]

RETIREE_DECLARATIONS = [
    "本人為涉及國家安全、利益或機密業務之退離職人員，於原服務機關核定之申報期間內進入大陸地區。",
    "本人將於返臺後7個工作日內向原服務機關申報。",
]

HKMO_DECLARATIONS = [
    "本人已知悉赴香港、澳門應遵守香港澳門關係條例及相關通報規定，並維護國家機密及公務機密。",
    "本人在港澳期間如與特定人士有非預期之接觸，將於返臺後依規定通報。",
]

# kind, working days, approval, declarations, note
DEFAULT_RULES = [
    ("application_lead", 5, "unit_head_and_ethics", APPLICATION_DECLARATIONS,
     "申請人應於預定赴大陸地區當日之五個工作日前填具申請表；機關首長應向直屬上級機關申請；"
     "有急迫情形者不受五個工作日前申請之限制。"),
    ("return_report", 7, "", [], "赴陸人員於返臺後七個工作日內，應填具赴陸人員返臺通報表，送交所屬機關（構）；"
     "機關首長應送交直屬上級機關備查。"),
    ("retiree_lead", 2, "", RETIREE_DECLARATIONS,
     "涉密退離職人員於原服務機關核定之申報期間（最短1年、最長3年）內，應在預定進入大陸地區當日之2個工作日前申報。"),
    ("retiree_report", 7, "", [], "涉密退離職人員返臺後7個工作天內，向原服務機關申報。"),
    # Hong Kong and Macau (香港澳門關係條例 and the notification rules under it): a notice before exit, earlier
    # when meeting specified persons, and a report after return of an unplanned meeting. The numbers are
    # defaults for the administrator to set from the agency's current rule.
    ("hkmo_notice", 1, "ethics_only", HKMO_DECLARATIONS, "赴香港或澳門，應於出境前向服務機關通報（預設出境前1個工作日）。"),
    ("hkmo_meeting", 7, "unit_head_and_ethics", HKMO_DECLARATIONS,
     "赴港澳期間預定與特定人士（大陸地區黨政軍機關或其派駐人員等）會面者，應於出境前7個工作日通報。"),
    ("hkmo_unplanned", 7, "", [], "赴港澳期間與特定人士有非預期之接觸者，應於返臺後7個工作日內通報。"),
]
