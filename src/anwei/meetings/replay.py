"""The water-resources bureau's meeting cycle of seeds 001 and 000, replayed through the services:
108年第1次 (six directives) → 108年第2次 (decisions, agenda, four proposals, a special report,
eight directives) → 109年第1次 (its packet: those eight, the items still tracked, three proposals).

Directive and proposal texts are the agency's own (seeds 000/001); every person is invented.
Used by the demo data and by the acceptance test.
"""

from __future__ import annotations

import datetime as dt

from anwei.meetings import demo_files
from anwei.meetings import services as ms
from anwei.meetings.models import Proposal, Report, Ruling, SecurityMeeting
from anwei.orgs.models import Agency, Person, Unit
from anwei.tracking import services as ts
from anwei.tracking.models import ProgressReport

SECRETARIAT, SEWER, HR, ETHICS = "秘書室", "污水養護工程科", "人事室", "政風室"
ALL = "各科室"

# seed 001: 108年第1次會議主席裁（指）示事項, with the progress reported for 108年第2次 and the decision.
DIRECTIVES_108_1 = [
    ("有關逾保存期限資料、檔案之銷毀，請秘書室研議統一做法。", SECRETARIAT,
     "業於108年6月19日簽准本局檔案銷毀作業流程，以策進檔案管理業務。", "release"),
    ("請秘書室通知同仁，安平水資源回收中心辦公室晚上6點後僅能由大門出入，請同仁攜帶識別證刷卡進出。", SECRETARIAT,
     "已確實辦理，同仁下班後憑員工識別證刷卡進入各屬辦公區。", "release"),
    ("請秘書室研提本局安平水資源回收中心辦公大樓門禁安全維護管理規定。", SECRETARIAT,
     "本次會議提報本局安平水資源回收中心辦公區管理大樓監視錄影系統管理注意事項（草案）審議。", "release"),
    ("下班時間及假日加班時，請同仁注意辦公場所門窗關妥及門禁管制，以維安全。", ALL,
     "各單位主管皆向同仁加強宣導、要求。", "continue"),
    ("處理民眾陳情事項應注意相關保密作為，內部簽辦資料不可外漏。", ALL, "各單位主管皆向同仁加強宣導、要求。", "continue"),
    ("發現辦公廳舍公物設施損害或不堪使用，請立即通報秘書室及政風室協助處理。", ALL, "均確實轉知同仁遵照辦理。", "continue"),
]

SPECIAL_108_2 = "本局安平水資源回收中心辦公區管理大樓監視錄影系統管理報告"

WORK_REPORT_108_2 = """一、辦理本局防災資訊及水情系統資訊稽核案
為了解本局防災資訊及水情系統資訊整合使用及維護管理現況，並檢視委外資訊服務廠商之資訊利用及保密維護措施執行情形，爰訂定「108年度防災資訊及水情系統資訊稽核專報編撰計畫」，會同本局綜合企劃科執行。
二、辦理本局安平水資源回收中心門禁使用自動控制系統執行成效探討
目前本局使用於107年底建置完成之電子門禁系統，以電磁鎖管控非上班時段之人員出入，並持續由秘書室每日上班前定時巡檢各系統是否正常運作。
三、本局安全維護工作推動情形
（一）108年9月辦理本局公務文書處理、個人電腦資訊使用管理稽核及機關設施安全維護檢查。
（二）108年9月份配合市府108年度資訊安全內部稽核作業辦理資訊安全內部稽核，並先期通知各單位自主檢查以維電腦使用安全。
（三）由政風室派員辦理個人資料維護及機關安全維護宣導計8場次，並不定期刊登相關宣導資料於本局網站廉政宣導專區宣導。"""

# seed 001: the four proposals of 108年第2次, and the resolutions the replay records.
PROPOSALS_108_2 = [
    (SECRETARIAT, "審議本局安平水資源回收中心辦公區管理大樓監視錄影系統管理注意事項(草案)案",
     "為訂定本局安平水資源回收中心辦公區管理大樓監視錄影系統設置管理及攝錄影像之調閱、複製作業規範，俾供遵循。",
     "審議通過後，函發各科、室知照。", Proposal.Resolution.AMENDED, "修正通過，請秘書室更正文字後續行簽辦陳核。"),
    (SECRETARIAT, "有關本局安平水資源回收中心辦公區管理大樓內監視錄影設備之攝錄資料統一管理案",
     "本局安平水資源回收中心管理大樓已由秘書室新建置16支監視錄影鏡頭，惟該大樓內原有代操作廠商裝設之攝錄鏡頭5支仍正常運作，"
     "攝錄影像儲存於代操作廠商辦公室，建議協請代操作廠商提供攝錄影像畫面以利秘書室統一管理。",
     "審議通過後，請污水養護工程科洽詢代操作廠商移轉攝錄影像予秘書室俾統一管理。", Proposal.Resolution.PASSED, "照案通過。"),
    (ETHICS, "辦理本局108年十月慶典期間維護工作案",
     "108年十月慶典重點維護工作期程，將自108年10月9日起迄同年月11日止(國慶日前後一日)，為維護機關整體安全，"
     "先期規劃推動各項維護措施，機先防處危安及洩密事件，期程內倘發生重大危安狀況或重大洩密事件應即時通報秘書室及政風室協處。",
     "審議通過後，由政風室簽訂計畫，函請各單位配合辦理。", Proposal.Resolution.PASSED, "照案通過。"),
    (ETHICS, "建立本局安平水資源回收中心辦公區管理大樓門禁管制規定案",
     "本局安平水資源回收中心進出人員包含廠區代操作工作人員、廠商駐點人員、保全人員、本局員工及不時出入之洽公民眾、"
     "租借場地外賓及參訪民眾等等，人員出入複雜，且於防汛期間配合應變中心開設亦有輪值人員進駐，實有訂定門禁管制規定之需要。",
     "決議後，請秘書室提報門禁管理規定草案，於下次會議中審議。", Proposal.Resolution.DEFERRED,
     "請秘書室提報門禁管理規定草案，於下次會議中審議。"),
]

# seed 000: the eight directives of 108年第2次 — (where given, text, lead unit, progress for 109年第1次).
DIRECTIVES_108_2 = [
    ("previous", "請秘書室賡續依簽訂之檔案銷毀作業流程，辦理逾保存期限檔案銷毀。", SECRETARIAT,
     "預計本(109)年底前辦理(1)檔案清查、編制檔案銷毀目錄、彙送各科室審核，簽陳長官核准後制定檔案銷毀計畫及目錄，"
     "(2)續送本府秘書處審核通過後，(3)再層送國家發展委員會檔案管理局審核，(4)最後依審核結果判定可銷毀之檔案、辦理銷毀。"),
    (1, "請秘書室修正本次會議審議「本局安平水資源回收中心辦公區管理大樓監視錄影系統管理注意事項(草案)」更正文字後，續行簽辦陳核。",
     SECRETARIAT, "業以本局108年10月30日函發各單位知照。"),
    (2, "請污水養護工程科與惠民公司協調將建置於安污辦公室之監視攝錄影像介接本局秘書室統一管理。", SEWER,
     "已完成監視攝錄影像共計7支畫面介接可由收發窗口監看。"),
    (4, "請秘書室研擬本局安平水資源回收中心辦公區管理大樓門禁管制規定。", SECRETARIAT,
     "本次會議中提報本局安污辦公室門禁管理計畫（草案）審議。"),
    ("conclusion", "處理公務應注意保密事項，涉及個人資料部分應注意維護。", ALL, "各單位主管皆向同仁加強宣導、要求。"),
    ("conclusion", "辦公廳舍周遭發現有異常情事請儘速通報秘書室及政風室協助處理。", ALL, "均確實轉知同仁遵照辦理。"),
    ("conclusion", "安污辦公室監視錄影系統攝錄影像資料調閱請依規定申請辦理。", ALL, "均確實轉知同仁遵照辦理。"),
    (3, "十月國慶日假期間注意辦公廳舍安全維護，遇有重大危安狀況應即時通報處理。", ALL, "均確實轉知同仁遵照辦理。"),
]

# seed 000: the three proposals of 109年第1次 (the first is 108年第2次 第4案 carried over).
PROPOSALS_109_1 = [
    (SECRETARIAT, "審議本局安污辦公室門禁管理計畫（草案）",
     "本局安污辦公室業於各辦公區域設置自動門禁電子感應門鎖，於門禁管制時間進出應憑員工識別證進入，"
     "為強化本局安平水資源回收中心人員進出管理大樓之門禁管制，訂定本案管理計畫，俾供遵循。",
     "審議通過後，函發各科、室知照。"),
    (ETHICS, "辦理本局水情中心暨機房資訊設備維護管理資訊稽核案",
     "為了解本局水情中心暨機房資訊設備使用管理維護現況及檢視勞務委外辦理廠商之資訊安全作為，擬辦理專案資訊稽核。",
     "審議通過後，由政風室洽同綜合企劃科簽訂計畫辦理。"),
    (ETHICS, "請秘書室於下次會議提報本局資通安全維護專題報告。",
     "本局廉政會報109年第2次會議預訂於109年9月間召開，為增進各科、室對於本局資通安全維護應辦理事項及發生異常或緊急資安事件"
     "通報機制之瞭解，爰擬請秘書室提報報告。",
     "審議通過後，請秘書室配合辦理。"),
]

SPECIAL_109_1 = "本局因應嚴重特殊傳染性肺炎安全維護措施專題報告"

WORK_REPORT_109_1 = """一、公務員赴大陸地區管理機制宣導
兩岸人民關係條例於108年9月1日修正施行，明定公務員赴陸返臺後須通報，且涉密退離職人員許可管制期屆滿後，涉密程度較高者赴陸仍須申報。
（一）公務員赴陸為事先申請許可制，「轉機」亦為赴陸申請的事由之一。
（二）涉及國家安全、利益或機密業務的重要人員，退離職且管制赴陸期間屆滿後，應在預定進入大陸地區當日之2個工作日前，及返臺後7個工作天內向原服務機關申報。
（三）申請人應於預定赴大陸地區當日之五個工作日前填具申請表，向所屬機關（構）申請；但有急迫情形者，不受限制。
（四）赴陸人員於返臺後七個工作日內，應填具赴陸人員返臺通報表，送交所屬機關（構）。"""


def _unit(units: dict[str, Unit], name: str) -> dict:
    if name == ALL:
        return {"all_units": True}
    return {"lead_unit": units[name]}


def replay_bureau_cycle(*, agency: Agency, units: dict[str, Unit], officer: Person,
                        liaisons: dict[str, Person], chair: str, recorder: str) -> dict[str, SecurityMeeting]:
    """Run the cycle through the services. `units` must hold 秘書室, 政風室, 人事室, 污水養護工程科;
    `liaisons` maps a unit name to the person who reports for it (the officer reports for the rest)."""
    def reporter(unit_name):
        return liaisons.get(unit_name, officer)

    # 108年第1次: six directives (seed 001's table).
    m1 = ms.meeting_create(actor=officer, agency=agency, date=dt.date(2019, 4, 24), place="本局101會議室",
                           chair_name=chair, recorder_name=recorder)
    for text, unit, _, _ in DIRECTIVES_108_1:
        ms.ruling_add(actor=officer, meeting=m1, section=Ruling.Section.CONCLUSION, text=text, actionable=True,
                      **_unit(units, unit))

    # 108年第2次: created, progress collected on the six, decided at the meeting.
    m2 = ms.meeting_create(actor=officer, agency=agency, date=dt.date(2019, 10, 2), place="本局101會議室",
                           chair_name=chair, recorder_name=recorder)
    special = next(a for a in m2.agenda_items.all() if a.title == "專題報告")
    ms.agenda_item_update(actor=officer, item=special, expected_version=special.version,
                          title=f"專題報告：{SPECIAL_108_2}", minutes=10, presenter=SECRETARIAT)
    ms.report_add(actor=officer, meeting=m2, kind=Report.Kind.WORK, title="秘書單位工作報告", unit=units[ETHICS],
                  body=WORK_REPORT_108_2)
    ms.report_add(actor=officer, meeting=m2, kind=Report.Kind.SPECIAL, title=SPECIAL_108_2, unit=units[SECRETARIAT],
                  presenter="秘書室專員 何振宇", body=demo_files.SPECIAL_REPORT_BODY)
    # seed 001: after 第1案 the draft rules and the request form
    drafts = [f for f in (demo_files.draft_rules_odt(agency.name), demo_files.request_form_pdf(agency.name)) if f]
    proposals = [ms.proposal_add(actor=officer, meeting=m2, unit=units[u], subject=s, explanation=e, method=mth,
                                 files=drafts if i == 0 else ())
                 for i, (u, s, e, mth, _, _) in enumerate(PROPOSALS_108_2)]
    r2 = ms.meeting_round_open(actor=officer, meeting=m2, deadline=dt.date(2019, 9, 20))
    _report_all(r2, officer, reporter, [d[2] for d in DIRECTIVES_108_1])
    for item, (_, _, _, decision) in zip(_round_items(r2), DIRECTIVES_108_1):
        ts.tracking_decide(actor=officer, rnd=r2, item=item, decision=decision)
    for p, (*_, resolution, text) in zip(proposals, PROPOSALS_108_2):
        p.refresh_from_db()
        ms.proposal_resolve(actor=officer, proposal=p, expected_version=p.version, resolution=resolution,
                            resolution_text=text)
    for where, text, unit, _ in DIRECTIVES_108_2:
        where_kw = ({"proposal": proposals[where - 1]} if isinstance(where, int) else {"section": where})
        ms.ruling_add(actor=officer, meeting=m2, text=text, actionable=True, **where_kw, **_unit(units, unit))
    ms.meeting_update(actor=officer, meeting=m2, expected_version=m2.version, opening_remarks="（略）",
                      conclusion="請各單位依本次會議裁示事項確實辦理。", adjourned_at=dt.time(12, 30))

    # 109年第1次: 第4案 carries over by itself; the officer rewrites it as the draft to review.
    m3 = ms.meeting_create(actor=officer, agency=agency, date=dt.date(2020, 4, 22), place="本局101會議室",
                           chair_name=chair, recorder_name=recorder)
    special = next(a for a in m3.agenda_items.all() if a.title == "專題報告")
    ms.agenda_item_update(actor=officer, item=special, expected_version=special.version,
                          title=f"專題報告：{SPECIAL_109_1}", minutes=10, presenter=HR)
    ms.report_add(actor=officer, meeting=m3, kind=Report.Kind.WORK, title="秘書單位工作報告", unit=units[ETHICS],
                  body=WORK_REPORT_109_1)
    ms.report_add(actor=officer, meeting=m3, kind=Report.Kind.SPECIAL, title=SPECIAL_109_1, unit=units[HR],
                  presenter="人事室主任 蔡宜君")
    carried = m3.proposals.get(origin__isnull=False)
    unit, subject, explanation, method = PROPOSALS_109_1[0]
    ms.proposal_update(actor=officer, proposal=carried, expected_version=carried.version, subject=subject,
                       unit=units[unit], explanation=explanation, method=method)
    for unit, subject, explanation, method in PROPOSALS_109_1[1:]:
        ms.proposal_add(actor=officer, meeting=m3, unit=units[unit], subject=subject, explanation=explanation,
                        method=method)
    r3 = ms.meeting_round_open(actor=officer, meeting=m3, deadline=dt.date(2020, 4, 10))
    progress = {d[1]: d[3] for d in DIRECTIVES_108_2}
    progress.update({d[0]: STILL_TRACKED_PROGRESS for d in DIRECTIVES_108_1 if d[3] == "continue"})
    _report_all(r3, officer, reporter, [progress.get(i.text, "") for i in _round_items(r3)])
    return {"108-1": m1, "108-2": m2, "109-1": m3}


STILL_TRACKED_PROGRESS = "各單位主管持續於科、室務會議向同仁宣導。"


def _round_items(rnd) -> list:
    return sorted(rnd.items.select_related("lead_unit"), key=lambda i: (i.origin_date, i.number))


def _report_all(rnd, officer, reporter, texts: list[str]) -> None:
    """Each unit's item reported by its unit's liaison; 各科室 items consolidated by the officer."""
    for item, text in zip(_round_items(rnd), texts):
        if not text:
            continue
        if item.all_units:
            report, actor = ProgressReport.objects.get(round=rnd, item=item, unit__isnull=True), officer
        else:
            report = ProgressReport.objects.get(round=rnd, item=item, unit=item.lead_unit)
            actor = reporter(item.lead_unit.name)
        ts.progress_report_save(actor=actor, report=report, expected_version=report.version, text=text)
