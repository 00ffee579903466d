"""The default incident rules (狀況通報): categories, the 資安 levels, and each category's notification
chain — whom to tell and within how long of discovery.

Pure data: the data migration and `incident_rules_seed_defaults()` both create rows from it, so that
no deadline lives in code. A change (an amended regulation, an agency's own practice) is a new row
with a start date; an incident keeps the chain in force on the day it was discovered.

Periods say which kind they count (PeriodKind): clock hours (鐘點, holidays and nights included),
at once (立即: the number is the minutes allowed), or government working days (the end of that day).
"""

from __future__ import annotations

import datetime as dt

DEFAULT_START = dt.date(2017, 1, 1)

INFOSEC_BASIS = "資通安全管理法；資通安全事件通報及應變辦法"

# The four levels of the 資通安全事件通報及應變辦法 (第一級最輕、第四級最重).
INFOSEC_LEVELS = [
    "第一級：非核心業務資訊遭輕微洩漏，或非核心業務運作遭影響、短暫停頓而可於可容忍中斷時間內回復",
    "第二級：非核心業務資訊遭嚴重洩漏，或核心業務資訊遭輕微洩漏；或業務運作停頓而無法於可容忍中斷時間內回復",
    "第三級：未涉及國家機密之核心業務資訊遭嚴重洩漏，或核心業務運作停頓而無法於可容忍中斷時間內回復",
    "第四級：國家機密資料遭洩漏，或關鍵基礎設施之核心業務運作停頓而無法於可容忍中斷時間內回復",
]

# category, label, restricted (洩密: reporter, ethics unit, head, superior office only), superior office sees,
# needs level, examples, basis
CATEGORIES = [
    ("security", "危安", False, True, False,
     "竊盜、破壞、縱火、爆裂物、恐嚇、可疑人員或包裹、未經許可進入管制區域", "機關安全維護作業規定"),
    ("infosec", "資安", False, True, True,
     "資通安全事件（分四級）", INFOSEC_BASIS),
    ("leak", "洩密", True, True, False,
     "機密或公務機密資料外洩（保密處理）", "國家機密保護法；公務機密維護作業規定"),
    ("protest", "陳情抗議", False, True, False,
     "民眾集體陳情、抗議或聚眾活動", "機關安全維護作業規定"),
    ("disaster", "災害及其他偶突發事件", False, True, False,
     "天然災害、火災、停電、重大事故等偶突發事件", "機關安全維護作業規定"),
]

# category, party, period kind, amount, note — the chain each category's incident owes.
CHAINS = [
    ("security", "ethics_unit", "immediate", 30, "發現後立即通報政風單位"),
    ("security", "head", "immediate", 30, "立即陳報機關首長"),
    ("security", "police_fire", "immediate", 30, "竊盜、破壞、縱火、爆裂物、恐嚇等，立即報警（110）或消防（119）"),
    ("security", "superior_ethics", "hours", 24, "24小時內向上級政風機構初報"),
    ("infosec", "infosec_officer", "immediate", 30, "立即通知機關資通安全長（資安窗口）"),
    ("infosec", "ethics_unit", "hours", 1, "知悉後1小時內通報"),
    ("infosec", "superior_ethics", "hours", 1, "知悉後1小時內通報上級機關（鐘點計算，不分上班日）"),
    ("infosec", "head", "hours", 1, "知悉後1小時內陳報機關首長"),
    ("leak", "ethics_unit", "immediate", 30, "立即密報政風單位（保密處理）"),
    ("leak", "head", "immediate", 30, "立即陳報機關首長（保密處理）"),
    ("leak", "superior_ethics", "immediate", 30, "立即密報上級政風機構"),
    ("leak", "investigation", "hours", 24, "涉及國家機密者，24小時內通報當地調查站（處）"),
    ("protest", "ethics_unit", "immediate", 30, "立即通報政風單位"),
    ("protest", "head", "immediate", 30, "立即陳報機關首長"),
    ("protest", "police_fire", "immediate", 30, "聚眾有失序之虞時，立即通知轄區警察機關"),
    ("protest", "superior_ethics", "workdays", 1, "1個工作日內陳報上級政風機構"),
    ("disaster", "ethics_unit", "immediate", 30, "立即通報政風單位"),
    ("disaster", "head", "immediate", 30, "立即陳報機關首長"),
    ("disaster", "police_fire", "immediate", 30, "有人員傷亡或火警時，立即通知消防或警察機關"),
    ("disaster", "superior_ethics", "hours", 24, "24小時內向上級政風機構初報"),
]
