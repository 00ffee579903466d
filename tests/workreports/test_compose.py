"""The work report composed from the records: counts across period boundaries, official numbering and ROC
dates, empty sections that say so, re-composing without losing the officer's edits, the packet, and the
superior office's counts per subordinate agency."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from anwei.core.forms import ConflictError
from anwei.meetings import services as ms
from anwei.meetings.models import Report
from anwei.portal.workreport import count_columns, count_rows, providers, render_text, sections
from anwei.travel import services as ts
from anwei.workreports import selectors, services
from anwei.awareness import services as services_aw
from tests.awareness import factories as f
from tests.travel.conftest import approve

pytestmark = pytest.mark.django_db

END = dt.date(2024, 3, 31)  # the last day of the period
NEXT = dt.date(2024, 4, 1)  # the first day of the next


def _lines(agency, start, end):
    return render_text(sections(agency, start, end)).splitlines()


def test_every_app_provides_a_section():
    assert [p.name for p in providers()] == ["awareness", "inspections", "devicechecks", "footage", "travel", "plans",
                                             "incidents"]


def test_counts_across_the_period_boundary(world, make_trip):
    f.event(world, day=END, count=30, title="期末講習")
    f.event(world, day=NEXT, count=12, title="期初宣導")
    f.event(world, day=dt.date(2024, 3, 30), count=None, title="跨期講習", end_date=NEXT)  # counts where it starts
    services_aw.event_create(actor=world.other_officer, agency=world.county, title="他縣講習", topic=f.topic(),
                             form="training", start_date=END, audience_count=99)  # another agency: not counted
    a = approve(make_trip(world.staff), world.officer)  # back 2024-03-22, report due inside the period (04-02 is after)
    b = approve(make_trip(world.liaison, departure_on=dt.date(2024, 3, 18), return_on=dt.date(2024, 3, 19)),
                world.unithead, world.officer)  # due 2024-03-28: inside the period, filed after it (late)
    ts.return_report_file(actor=a.traveller, application=a, today=dt.date(2024, 3, 25), report=ts.ReportInput(
        actual_departure_on=a.departure_on, actual_return_on=a.return_on, places="上海市"))
    ts.return_report_file(actor=b.traveller, application=b, today=NEXT, report=ts.ReportInput(
        actual_departure_on=b.departure_on, actual_return_on=b.return_on, places="上海市"))
    march = count_rows([world.bureau.pk], dt.date(2024, 3, 1), END)[world.bureau.pk]
    april = count_rows([world.bureau.pk], NEXT, dt.date(2024, 4, 30))[world.bureau.pk]
    keys = [f"{p.name}.{c.key}" for p, c in count_columns()]
    m, a_ = dict(zip(keys, march)), dict(zip(keys, april))
    assert (m["awareness.events"], m["awareness.people"]) == (2, 30)
    assert (a_["awareness.events"], a_["awareness.people"]) == (1, 12)
    assert (m["travel.applications"], m["travel.reports"], m["travel.late"]) == (2, 1, 0)
    assert (a_["travel.applications"], a_["travel.reports"], a_["travel.late"]) == (0, 1, 1)
    text = _lines(world.bureau, dt.date(2024, 3, 1), END)
    assert text[0] == "一、宣導活動"
    assert text[1] == "（一）113年3月1日至3月31日辦理宣導活動計2場次，參加（宣導）人數計30人次；資通安全2場次。"
    assert text[2].startswith("1、113年3月30日至4月1日辦理「跨期講習」")
    assert text[3].startswith("2、113年3月31日辦理「期末講習」（講習/訓練，資通安全，講座／資料來源：測試講座），參加")
    assert "公務員赴大陸地區返臺通報案件計1件。" in "\n".join(text)
    april_text = "\n".join(_lines(world.bureau, NEXT, dt.date(2024, 4, 30)))
    assert "公務員赴大陸地區返臺通報案件計1件，其中逾期通報1件。" in april_text


def test_an_empty_period_says_so_in_every_section(world):
    text = _lines(world.bureau, dt.date(2020, 1, 1), dt.date(2020, 4, 22))
    assert text[0] == "一、宣導活動：109年1月1日至4月22日未辦理宣導活動。"
    assert any(line.startswith("二、安全維護檢查及自評") for line in text)
    assert "三、門禁及監視系統每日檢查：109年1月1日至4月22日無每日檢查紀錄。" in text
    assert "四、監視錄影資料調閱（複製）申請：109年1月1日至4月22日未受理監視錄影資料調閱（複製）申請。" in text
    assert "（一）109年1月1日至4月22日公務員赴大陸地區返臺通報案件計0件。" in text
    assert "六、專案安全維護計畫：109年1月1日至4月22日無專案安全維護計畫。" in text
    assert "七、狀況通報：109年1月1日至4月22日無狀況通報案件。" in text
    with pytest.raises(ValidationError) as exc:
        sections(world.bureau, dt.date(2020, 4, 22), dt.date(2020, 1, 1))
    assert exc.value.message_dict == {"end": ["期間迄日不得早於起日。"]}


def _meetings(world):
    first = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2026, 1, 15))
    second = ms.meeting_create(actor=world.officer, agency=world.bureau, date=dt.date(2026, 6, 30))
    return first, second


def test_compose_edit_and_recompose_keeps_the_edit(world):
    first, meeting = _meetings(world)
    assert selectors.default_period(meeting) == (dt.date(2026, 1, 16), dt.date(2026, 6, 30))
    assert selectors.default_period(first) == (dt.date(2026, 1, 1), dt.date(2026, 1, 15))
    f.event(world, day=dt.date(2026, 3, 10), count=40, title="資通安全講習")
    case = f.case(world)
    comp = services.work_report_compose(actor=world.officer, meeting=meeting, start=dt.date(2026, 1, 16),
                                        end=dt.date(2026, 6, 30), cases=[case])
    report = comp.report
    assert report.kind == Report.Kind.WORK and report.title == "秘書單位工作報告"
    assert "【實際案例】" in report.body and "八、案例宣導" in report.body  # after the providers' seven
    # The officer edits a sentence.
    edited = report.body.replace("門禁及監視系統每日檢查：", "門禁及監視系統每日檢查（本室補充）：")
    ms.report_update(actor=world.officer, report=report, expected_version=report.version, title=report.title,
                     unit=report.unit, presenter=report.presenter, body=edited, kind=report.kind)
    f.event(world, day=dt.date(2026, 5, 2), count=20, title="反詐騙宣導", topic=f.topic("反詐騙"))
    comp.refresh_from_db()
    report.refresh_from_db()
    preview = selectors.recompose_preview(comp, comp.start, comp.end, [case])
    assert not preview.unchanged and not preview.clashes
    assert any("反詐騙宣導" in line for ch in preview.changes for line in ch.added)
    assert "本室補充" in preview.merged and "反詐騙宣導" in preview.merged
    with pytest.raises(ConflictError):  # the report changed since the preview the officer saw
        services.work_report_recompose(actor=world.officer, composition=comp, expected_version=report.version - 1,
                                       start=comp.start, end=comp.end, cases=[case])
    clashes = services.work_report_recompose(actor=world.officer, composition=comp, expected_version=report.version,
                                             start=comp.start, end=comp.end, cases=[case])
    report.refresh_from_db()
    assert clashes == [] and "本室補充" in report.body and "反詐騙宣導" in report.body
    comp.refresh_from_db()
    assert selectors.recompose_preview(comp, comp.start, comp.end, [case]).unchanged
    # The report is in the packet.
    from anwei.meetings.documents import packet_build
    from anwei.documents.render import render_html_fragment

    assert "反詐騙宣導" in render_html_fragment(packet_build(meeting_id=meeting.pk))
    with pytest.raises(ValidationError):  # composed once: from now on, re-compose
        services.work_report_compose(actor=world.officer, meeting=meeting, start=comp.start, end=comp.end)


def test_an_edit_of_the_same_sentence_is_kept_and_the_clash_shown(world, as_):
    _, meeting = _meetings(world)
    f.event(world, day=dt.date(2026, 3, 10), count=40)
    c = as_(world.officer)
    url = reverse("workreports:compose", args=[meeting.pk])
    assert "產生工作報告" in c.get(url).content.decode()
    assert c.post(url, {"start": "115/1/16", "end": "115/6/30", "version": 0, "apply": "1"}).status_code == 302
    comp = selectors.composition_for(meeting)
    report = comp.report
    summary = report.body.splitlines()[1]
    ms.report_update(actor=world.officer, report=report, expected_version=report.version, title=report.title,
                     unit=report.unit, presenter=report.presenter, kind=report.kind,
                     body=report.body.replace(summary, summary + "同仁反應良好。"))
    f.event(world, day=dt.date(2026, 4, 10), count=10, title="第二場講習")
    page = c.get(url).content.decode()
    assert "紀錄有下列變動" in page and "您修改過的文字與紀錄的變動重疊" in page and "同仁反應良好" in page
    report.refresh_from_db()
    c.post(url, {"start": "115/1/16", "end": "115/6/30", "version": report.version, "apply": "1"})
    report.refresh_from_db()
    assert "同仁反應良好" in report.body and "第二場講習" in report.body
    # A stale preview (someone saved the report since) applies nothing: 409.
    response = c.post(url, {"start": "115/1/16", "end": "115/6/30", "version": 1, "apply": "1"})
    assert response.status_code == 409
    bad = c.post(url, {"start": "115/6/30", "end": "115/1/16", "version": report.version, "preview": "1"})
    assert "期間迄日不得早於起日。" in bad.content.decode()


def test_existing_text_of_the_work_report_is_kept(world):
    _, meeting = _meetings(world)
    ms.report_add(actor=world.officer, meeting=meeting, kind=Report.Kind.WORK, title="秘書單位工作報告",
                  body="一、本室自行撰寫的段落。")
    comp = services.work_report_compose(actor=world.officer, meeting=meeting, start=dt.date(2026, 1, 16),
                                        end=dt.date(2026, 6, 30))
    assert comp.report.body.startswith("一、本室自行撰寫的段落。\n一、宣導活動")


def test_superior_counts_per_subordinate_agency(world, as_, django_assert_max_num_queries):
    f.event(world, day=dt.date(2026, 3, 10), count=40)
    type(world.bureau).objects.filter(pk=world.bureau.pk).update(code="0376550000")  # digits: must stay text
    c = as_(world.superior)
    page = c.get(reverse("workreports:counts"), {"start": "115/1/1", "end": "115/6/30"}).content.decode()
    assert "海濱市政府測試局" in page and "宣導場次" in page and "測同仁" not in page
    response = c.get(reverse("workreports:counts_xlsx"), {"start": "115/1/1", "end": "115/6/30"})
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    header = rows[2]
    row = rows[3]
    assert row[0] == "海濱市政府測試局" and row[1] == "0376550000"
    assert row[header.index("宣導場次")] == 1 and row[header.index("宣導人次")] == 40
    bad = c.get(reverse("workreports:counts"), {"start": "115/6/30", "end": "115/1/1"}).content.decode()
    assert "期間迄日不得早於起日。" in bad
    with django_assert_max_num_queries(12):
        count_rows([world.bureau.pk, world.city.pk], dt.date(2026, 1, 1), dt.date(2026, 6, 30))
