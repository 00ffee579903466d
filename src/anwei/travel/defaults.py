"""The default travel rules: the mainland ones as seed 000 (秘書單位工作報告 一) states them, Hong Kong and Macau
from the Executive Yuan's published rule (see HKMO_BASIS below).

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

# Hong Kong and Macau: 行政院及所屬各機關（構）人員赴香港或澳門注意事項 第3點第1項第7款、第3點第2項、第4點第9款, as amended
# by 行政院114年9月10日院臺法字第1141019811號函 (in force at once; 115年6月30日以前為宣導期): a trip for other than
# official business with no meeting: notify the agency 出境日3日前 (calendar days); meeting or contacting specified
# persons (港澳官方人士、港澳民意代表、大陸地區黨政軍機關(構)之成員或中共駐港澳機構人員、海協會駐港澳人員): notify
# 出境日1週前, the agency tells 大陸委員會; an unplanned meeting not notified before: 返回臺灣後1週內. The law
# above them is 香港澳門關係條例.
HKMO_BASIS = ("行政院及所屬各機關（構）人員赴香港或澳門注意事項第3點、第4點（行政院114年9月10日院臺法字第1141019811號函修正）；"
              "香港澳門關係條例")

HKMO_DECLARATIONS = [
    "本人已知悉赴香港、澳門應遵守香港澳門關係條例及相關通報規定，並維護國家機密及公務機密。",
    "本人行前已至人事差勤系統及大陸委員會「國人赴陸港澳動態登錄系統」完成登錄。",
    "本人在港澳期間如臨時會見或聯繫特定身分人員，將於返回臺灣後1週內主動通報。",
]

# kind, amount (counted in unit_of(kind)), approval, declarations, note
DEFAULT_RULES = [
    ("application_lead", 5, "unit_head_and_ethics", APPLICATION_DECLARATIONS,
     "申請人應於預定赴大陸地區當日之五個工作日前填具申請表；機關首長應向直屬上級機關申請；"
     "有急迫情形者不受五個工作日前申請之限制。"),
    ("return_report", 7, "", [], "赴陸人員於返臺後七個工作日內，應填具赴陸人員返臺通報表，送交所屬機關（構）；"
     "機關首長應送交直屬上級機關備查。"),
    ("retiree_lead", 2, "", RETIREE_DECLARATIONS,
     "涉密退離職人員於原服務機關核定之申報期間（最短1年、最長3年）內，應在預定進入大陸地區當日之2個工作日前申報。"),
    ("retiree_report", 7, "", [], "涉密退離職人員返臺後7個工作天內，向原服務機關申報。"),
    ("hkmo_notice", 3, "ethics_only", HKMO_DECLARATIONS,
     "非因公務事由赴香港或澳門，且未會見或聯繫特定身分人員者，除緊急臨時之情形外，應於出境日3日前填具通報表通報所屬機關（構）。"),
    ("hkmo_meeting", 1, "unit_head_and_ethics", HKMO_DECLARATIONS,
     "赴港澳如有會見或聯繫特定身分人員，除具機密性質或緊急臨時之情形外，應於出境日1週前填具通報表通報所屬機關（構），"
     "由所屬機關（構）通報大陸委員會。"),
    ("hkmo_unplanned", 1, "", [], "臨時會見或聯繫未經事前通報之特定身分人員者，應於返回臺灣後1週內主動填具通報表通報所屬機關（構），"
     "由所屬機關（構）通報大陸委員會。"),
]

# The unit of each default's number (the mainland rules count working days).
UNITS = {"hkmo_notice": "days", "hkmo_meeting": "weeks", "hkmo_unplanned": "weeks"}


def unit_of(kind: str) -> str:
    return UNITS.get(kind, "workdays")


def basis_of(kind: str) -> str:
    return HKMO_BASIS if kind.startswith("hkmo_") else BASIS


# What migration 0003 seeded for Hong Kong and Macau before the real numbers were set (working days, with this
# basis and these texts): migrations 0003 and 0004 only. Rows still equal to these are moved to the rules above.
HKMO_PLACEHOLDER_BASIS = "香港澳門關係條例及相關通報規定"
HKMO_PLACEHOLDER_DECLARATIONS = [
    "本人已知悉赴香港、澳門應遵守香港澳門關係條例及相關通報規定，並維護國家機密及公務機密。",
    "本人在港澳期間如與特定人士有非預期之接觸，將於返臺後依規定通報。",
]
HKMO_PLACEHOLDERS = [
    ("hkmo_notice", 1, "ethics_only", HKMO_PLACEHOLDER_DECLARATIONS, "赴香港或澳門，應於出境前向服務機關通報（預設出境前1個工作日）。"),
    ("hkmo_meeting", 7, "unit_head_and_ethics", HKMO_PLACEHOLDER_DECLARATIONS,
     "赴港澳期間預定與特定人士（大陸地區黨政軍機關或其派駐人員等）會面者，應於出境前7個工作日通報。"),
    ("hkmo_unplanned", 7, "", [], "赴港澳期間與特定人士有非預期之接觸者，應於返臺後7個工作日內通報。"),
]
