"""Seed 002's minutes (a county government, 105年) are enterable through the services and
come out laid out as the seed: header, 壹 … 柒, rulings on two reports, six resolutions."""

import datetime as dt

import pytest

from anwei.documents.model import Field, Heading, Numbered, Table
from anwei.meetings import services as ms
from anwei.meetings.documents import minutes_build
from anwei.meetings.models import Proposal, Report, Ruling
from anwei.orgs.services import unit_create
from anwei.tracking import services as ts
from anwei.tracking.models import ProgressReport, TrackedItem

pytestmark = pytest.mark.django_db

PROPOSALS = [
    ("政風處", "為確保本府公告事項上傳於公開網站之資訊係屬正確，且無其他非本公告事由之資料一併夾帶上傳，建請各單位於辦理資訊公告前進行「複核」，以避免公務機密及個人資料外洩，提請討論。",
     "請各單位依建議事項辦理，於上傳或公告公務資訊時，增加「複核」程序，本案照案通過。"),
    ("政風處", "有關加強督導同仁危安意識及保密觀念，提請討論。", "照案通過。"),
    ("政風處", "有關本府及本縣各機關資訊安全維護工作，擬於每年度辦理稽核時，增加抽查本縣各機關稽核項目，以提升本縣資訊安全之品質。", "照案通過。"),
    ("政風處", "為增進機關同仁及用路人安全，建請本府各所屬機關自主檢查機關周邊之路燈或號誌螺栓是否超長並予改善案，提請討論。",
     "有關本縣路燈或號誌螺栓過長情形，請建設處及教育處轉知鄉鎮公所及各學校注意周邊路燈或號誌等螺絲外露情況或螺栓帽套遺失情形，並請各單位配合回報建設處，使該處得即時改善之；本案照案通過。"),
    ("綜合規劃處", "為確保各機關網站系統維護及資訊安全，請各機關加強維護及管理，提請討論。",
     "請各單位因應辦理各式活動之宣傳(導)而架設之網站(頁)，於活動結束後應撤下該網站(頁)，以避免淪為本府資訊安全之漏洞；本案照案通過。"),
    ("綜合規劃處", "有關行政院推動試行「政府機關(構)資安事件數位證據保全標準作業程序」，因涉及調查權，擬成立本府資安事件「數位證據保全工作小組」，提請討論。",
     "照案通過。"),
]


@pytest.fixture
def county(world):
    units = {name: unit_create(actor=None, agency=world.county, name=name, order=i)
             for i, name in enumerate(["行政處", "綜合規劃處", "建設處", "教育處"], start=1)}
    units["政風處"] = world.other_unit
    return units


def test_seed_002_minutes_can_be_entered_and_read_back(world, county):
    officer = world.other_officer
    prev = ms.meeting_create(actor=officer, agency=world.county, date=dt.date(2015, 10, 21))
    item = ms.ruling_add(actor=officer, meeting=prev, actionable=True, lead_unit=county["政風處"],
                         text="有關公務員進入大陸地區需辦理赴陸申請手續，乙節，請本府政風處向上反映及詢問。").tracked_items.get()
    m = ms.meeting_create(actor=officer, agency=world.county, date=dt.date(2016, 10, 19), start_time=dt.time(15, 10),
                          place="本府4樓402會議室", chair_name="副縣長（虛構）", recorder_name="紀錄（虛構）")
    rnd = ms.meeting_round_open(actor=officer, meeting=m, deadline=dt.date(2016, 10, 5))
    report = ProgressReport.objects.get(round=rnd, item=item, unit=county["政風處"])
    ts.progress_report_save(actor=officer, report=report, expected_version=report.version,
                            text="本處經詢內政部移民署復以：公務員進入大陸地區應依相關許可辦法辦理。")
    ts.tracking_decide(actor=officer, rnd=rnd, item=item, decision="release")
    ms.ruling_add(actor=officer, meeting=m, section=Ruling.Section.PREVIOUS, subject="決議事項第四點",
                  text="有關公務員進入大陸地區需辦理赴陸申請手續部分，請本府政風處暨各政風機構加強宣導同仁應依相關規定辦理赴大陸地區之申請手續。",
                  actionable=True, lead_unit=county["政風處"])
    ms.ruling_add(actor=officer, meeting=m, section=Ruling.Section.PREVIOUS, text="其餘決議事項，准予備查。")
    reports = [ms.report_add(actor=officer, meeting=m, kind=Report.Kind.WORK, title=title, unit=county[unit])
               for unit, title in [("政風處", "政風處工作報告－安全、機密維護工作執行成果"),
                                   ("行政處", "行政處工作報告－安全維護工作執行成果"),
                                   ("綜合規劃處", "綜合規劃處工作報告－安全維護工作執行成果")]]
    fire = ms.report_add(actor=officer, meeting=m, kind=Report.Kind.SPECIAL, title="社會局928火災事件因應措施專題報告")
    ms.ruling_add(actor=officer, meeting=m, report=reports[2], actionable=True, lead_unit=county["綜合規劃處"],
                  subject="有關綜合規劃處所提「本縣105年電子郵件社交工程演練」部分",
                  text="請綜合規劃處將本次演練成果與前次進行比對，紀錄開啟及點選人員(不合格人員)，並針對缺失辦理相關教育訓練，以提高本縣同仁對於資安認知與防範。")
    ms.ruling_add(actor=officer, meeting=m, report=fire, actionable=True, all_units=True,
                  subject="以社會局928火災事件為例",
                  text="請各單位均應加強宣導同仁確實將未使用之電氣電源切斷，以共同維護辦公處所之安全。")
    ms.ruling_add(actor=officer, meeting=m, section=Ruling.Section.REPORTS, text="其餘工作報告事項，洽悉。")
    for unit, subject, resolution in PROPOSALS:
        p = ms.proposal_add(actor=officer, meeting=m, unit=county[unit], subject=subject)
        ms.proposal_resolve(actor=officer, proposal=p, expected_version=p.version,
                            resolution=Proposal.Resolution.PASSED, resolution_text=resolution)
        if p.number == 4:
            ms.ruling_add(actor=officer, meeting=m, proposal=p, actionable=True, lead_unit=county["建設處"],
                          co_units=[county["教育處"]], text="請建設處及教育處轉知鄉鎮公所及各學校注意周邊路燈或號誌螺絲外露情況。")
    ms.meeting_update(actor=officer, meeting=m, expected_version=m.version, opening_remarks="略",
                      adjourned_at=dt.time(16, 0))

    given = list(TrackedItem.objects.filter(origin_meeting=m).order_by("number"))
    assert [(i.number, i.source_kind, i.units_label()) for i in given] == [
        (1, "directive", "政風處"), (2, "report_ruling", "綜合規劃處"), (3, "report_ruling", "各科室"),
        (4, "resolution", "建設處（協辦：教育處）")]

    doc = minutes_build(m.pk)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == ["壹、主席致詞（略）", "貳、上次會議主席裁(指)示事項辦理情形報告：", "參、報告事項", "肆、提案討論",
                        "伍、臨時動議（無）", "陸、主席結論（略）", "柒、散會（下午4時00分）"]
    fields = {b.label: b.value for b in doc.blocks if isinstance(b, Field)}
    assert fields["時間"] == "105年10月19日(星期三)下午3時10分" and fields["地點"] == "本府4樓402會議室"
    assert fields["出席"] == "（如簽到簿）" and fields["主席"] == "副縣長（虛構）"
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.rows[0][0].text.startswith("一、有關公務員進入大陸地區") and table.rows[0][1].text == "政風處"
    assert table.rows[0][2].text.startswith("本處經詢內政部移民署") and table.rows[0][3].text == "解除列管"
    assert "一、政風處工作報告－安全、機密維護工作執行成果" in [f"{b.label}{b.text}" for b in doc.blocks
                                                      if isinstance(b, Numbered)]
    numbered = [b.text for b in doc.blocks if isinstance(b, Numbered)]
    assert "有關綜合規劃處所提「本縣105年電子郵件社交工程演練」部分：" in numbered
    assert "其餘工作報告事項，洽悉。" in numbered and "其餘決議事項，准予備查。" in numbered
    proposals = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 2]
    assert proposals == ["提案一", "提案二", "提案三", "提案四", "提案五", "提案六"]
    resolutions = [b.value for b in doc.blocks if isinstance(b, Field) and b.label == "決議"]
    assert resolutions == [r for _, _, r in PROPOSALS]
