"""The default plan templates, one per occasion (rules as data: shipped as rows with
agency=None by the data migration; an agency adopts and edits its own copy).

Section keys with generated content: "basis" (plus the structured letter references),
"period" (the period sentence), "contacts" (the 狀況通報 contacts). Bodies use the
outline convention of plans.outline.
"""

from __future__ import annotations

from anwei.plans.models import Occasion

HOLIDAY_NAMES = {
    Occasion.LUNAR_NEW_YEAR: "春節",
    Occasion.TOMB_SWEEPING: "清明節",
    Occasion.DRAGON_BOAT: "端午節",
    Occasion.MID_AUTUMN: "中秋節",
    Occasion.NATIONAL_DAY: "國慶日（十月慶典）",
    Occasion.NEW_YEAR: "元旦",
}

BASIS = ("一、法務部廉政署「政風機構預防危害或破壞本機關事件作業要點」、「政風機構強化機關安全及公務機密維護實施方案」辦理。")

SAFETY = """一、安全維護：
（一）預先執行機關設施安全狀況檢查，先期發掘潛存危安漏洞，迅謀改善。
（二）適時召開安全維護會報並提報執行成果，建立共識，協同各單位維護機關安全。
（三）針對機關內重要設施及資訊機房、檔案庫等處所，強化門禁管理，檢視監視系統監視範圍、清晰度及消防設備等安全維護設施，隨時與轄區警方聯繫，防範竊盜、破壞、縱火、爆炸及恐怖攻擊等危害情事。
（四）密切防範假冒身分至機關內施行詐騙，並加強對員工宣導。"""

SECRECY = """二、公務機密維護：
（一）加強宣導保密規定，公務機密資料非經權責主管人員核准，不得複製及攜出辦公處所。
（二）辦理公務機密維護檢查，針對公文書製作、複製、保管、傳輸及個資管理等實施檢核。
（三）加強蒐報疑似洩漏國家機密或一般公務機密案件情資，查明洩密管道，防堵危害擴大。"""

INFOSEC = """三、資通安全：
（一）協調資訊單位加強稽核及資通安全管理、電腦週邊設備檢管等措施。
（二）遇有重大資安異常案件，通報資訊單位、政風單位及調查機關，並循資安事件通報應變作業流程辦理。"""

ELECTION_SAFETY = """四、選務安全：
（一）提報影響選舉、破壞選務、意圖危害候（助）選人及特勤警衛對象人身安全之預警資料，並通報權責機關因應防處。
（二）評估影響選舉安全之各項危安因素，預先採取防範措施，強化選務作業專用網路安全。
（三）蒐報危害選務單位、投開票所人員、設施安全及選票印製、包裝、運送、分發、保管等危安預警情資。"""

CLOSING = """一、本計畫未規定者，依本機關「預防危害或破壞本機關事件工作計畫」、「緊急應變計畫」等規定辦理。
二、執行本計畫認真負責有助機關安全維護者，由政風單位簽報從優獎勵；未依規定辦理而發生危安事故者，查明簽報議處。
三、本計畫奉核後實施，如有未盡事宜得隨時修正補充之。"""


def _sections(occasion: str, event: str) -> list[dict]:
    focus = "\n".join([SAFETY, SECRECY, INFOSEC] + ([ELECTION_SAFETY] if occasion == Occasion.ELECTION else []))
    return [
        {"key": "basis", "heading": "依據", "required": False, "body": BASIS},
        {"key": "purpose", "heading": "目的", "required": True, "body": (
            f"為防範{event}期間發生危安事件，由政風單位協調相關單位共同落實預防性檢查及其他必要安全維護工作，"
            "以確實維護公務機密與機關安全，避免發生重大危安、資安、洩密等事件，特訂定本計畫，據以執行。")},
        {"key": "tasks", "heading": "任務", "required": True, "body": (
            "一、檢討加強各項安全維護措施，先期辦理安全維護設施狀況檢查及強化公務機密維護，"
            "防範竊盜、破壞、縱火、工安爆炸及恐怖攻擊等危害狀況。\n"
            "二、蒐報危安、破壞、洩密、資安及重大陳情請願等情資，聯繫通報並協同權責單位（機關）處理。")},
        {"key": "period", "heading": "專案工作期間" if occasion != Occasion.ELECTION else "工作期間",
         "required": False, "body": ""},
        {"key": "duties", "heading": "權責分工", "required": True, "body": (
            "一、各單位：於連續假期屆至前落實自主檢查，確實填列機關安全、公務機密維護、資安自評表，"
            "並配合政風單位進行各項維護檢查，檢討改善相關缺失。\n"
            "二、政風單位：訂定本計畫並會同相關單位落實檢查，針對發現之缺失簽報首長並移請相關單位檢討改善。"
            if occasion != Occasion.ELECTION else
            "各單位（機關）依分工表辦理，請加強公務機密及機關安全維護措施。")},
        {"key": "focus", "heading": "工作重點", "required": True, "body": focus},
        {"key": "contacts", "heading": "狀況通報", "required": False,
         "body": "遇有危安、資安、洩密或重大陳情抗議狀況，請立即通報下列人員："},
        {"key": "closing", "heading": "附則", "required": False, "body": CLOSING},
    ]


def default_templates() -> list[dict]:
    out = []
    for occasion, label in Occasion.choices:
        if occasion == Occasion.ELECTION:
            title = "{agency}辦理{election}期間專案安全維護計畫"
            event = "選舉"
        elif occasion == Occasion.OTHER:
            title = "{agency}{year}年專案安全維護計畫"
            event = "專案"
        else:
            name = HOLIDAY_NAMES[occasion]
            title = "{agency}{year}年重要節日" + name + "期間專案安全維護計畫"
            event = f"{name}連續假期"
        out.append({"occasion": occasion, "name": f"{label}專案安全維護計畫（預設範本）", "title_pattern": title,
                    "sections": _sections(occasion, event), "lead_days": 4, "result_workdays": 5})
    return out


def templates_seed(template_model) -> int:
    """Create the missing default rows (agency=None). Used by the data migration and, if a
    test database was flushed, lazily by the selectors. Returns how many were created."""
    have = set(template_model.objects.filter(agency__isnull=True).values_list("occasion", flat=True))
    rows = [template_model(agency=None, **t) for t in default_templates() if t["occasion"] not in have]
    template_model.objects.bulk_create(rows)
    return len(rows)
