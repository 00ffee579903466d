"""Acceptance: the bureau's cycle of seeds 001 → 000, replayed through the services."""

import pytest

from anwei.documents.model import Table, Title
from anwei.meetings.documents import directive_tables, packet_build
from anwei.meetings.replay import DIRECTIVES_108_1, DIRECTIVES_108_2, PROPOSALS_109_1
from anwei.meetings.selectors import agenda_timed
from anwei.tracking.models import TrackedItem

pytestmark = pytest.mark.django_db


def test_108_1_gives_the_six_directives_of_seed_001(cycle):
    items = list(TrackedItem.objects.filter(origin_meeting=cycle["108-1"]).order_by("number"))
    assert [(i.number, i.text, i.units_label()) for i in items] == [
        (n, text, unit) for n, (text, unit, _, _) in enumerate(DIRECTIVES_108_1, start=1)]


def test_108_2_decides_on_them_items_1_to_3_released_4_to_6_kept(cycle):
    tables = directive_tables(cycle["108-2"])
    assert len(tables) == 1 and "108年第1次會議" in tables[0].caption
    boxes = [row[4].text for row in tables[0].rows]
    assert boxes[:3] == ["□繼續列管\n■解除列管"] * 3
    assert boxes[3:] == ["■繼續列管\n□解除列管"] * 3
    assert tables[0].rows[0][3].text == "業於108年6月19日簽准本局檔案銷毀作業流程，以策進檔案管理業務。"
    statuses = list(TrackedItem.objects.filter(origin_meeting=cycle["108-2"]).values_list("status", flat=True))
    assert len(statuses) == 8


def test_108_2_has_seed_001s_agenda_and_four_proposals(cycle):
    m = cycle["108-2"]
    timed = agenda_timed(m)
    assert timed[4].item.title.startswith("專題報告：本局安平水資源回收中心") and timed[4].item.presenter == "秘書室"
    assert f"{timed[-1].start:%H:%M}" == "12:30"
    assert [(p.number, p.unit.name, p.get_resolution_display()) for p in m.proposals.all()] == [
        (1, "秘書室", "修正通過"), (2, "秘書室", "通過"), (3, "政風室", "通過"), (4, "政風室", "下次會議續審")]
    assert m.reports.filter(kind="special", unit__name="秘書室").exists()


def _text(doc):
    out = []
    for b in doc.blocks:
        if isinstance(b, Table):
            out += [c.text for row in b.rows for c in row] + [b.caption]
        elif isinstance(b, Title):
            out += b.lines
        else:
            out.append(getattr(b, "text", ""))
    return "\n".join(out)


def test_109_1_packet_shows_the_eight_directives_then_the_items_still_tracked(cycle):
    doc = packet_build(cycle["109-1"].pk)
    tables = [b for b in doc.blocks if isinstance(b, Table) and "辦理情形" in b.caption]
    assert "108年第2次會議" in tables[0].caption and "108年第1次會議" in tables[1].caption
    eight = [(r[0].text, r[1].text, r[2].text, r[3].text) for r in tables[0].rows]
    assert eight == [(str(n), text, unit, progress)
                     for n, (_, text, unit, progress) in enumerate(DIRECTIVES_108_2, start=1)]
    assert [r[0].text for r in tables[1].rows] == ["4", "5", "6"]  # 繼續列管 at 108年第2次
    assert all(r[4].text == "□繼續列管\n□解除列管" for t in tables for r in t.rows)  # not decided yet


def test_109_1_packet_has_seed_000s_three_proposals_the_first_carried_from_108_2(cycle):
    m = cycle["109-1"]
    proposals = list(m.proposals.all())
    assert [(p.number, p.unit.name, p.subject) for p in proposals] == [
        (n, unit, subject) for n, (unit, subject, _, _) in enumerate(PROPOSALS_109_1, start=1)]
    assert proposals[0].origin.meeting == cycle["108-2"] and proposals[0].origin.number == 4
    text = _text(packet_build(m.pk))
    for p in proposals:
        assert p.subject in text
    assert "109年第1次會議提案討論表" in text
    assert "本案為108年第2次會議第4案續審。" in text
    assert "（109年4月22日(星期三)11時30分至12時30分）" in text
    assert "本局因應嚴重特殊傳染性肺炎安全維護措施專題報告" in text


def test_the_109_1_packet_has_cover_agenda_and_is_renderable(cycle):
    doc = packet_build(cycle["109-1"].pk)
    assert doc.title == "海濱市政府測試局安全維護會報109年第1次會議資料"
    assert doc.blocks[0].lines == ["海濱市政府測試局", "安全維護會報 109 年第 1 次會議", "會議資料"]
    from anwei.documents.render import render_html_fragment
    html = render_html_fragment(doc)
    assert "請污水養護工程科與惠民公司協調" in html and "□繼續列管" in html


def test_packet_and_minutes_render_to_odt_and_docx(cycle):
    import io
    import zipfile

    from anwei.documents.render import render
    from anwei.meetings.documents import minutes_build

    for doc in (packet_build(cycle["109-1"].pk), minutes_build(cycle["108-2"].pk)):
        for fmt in ("odt", "docx"):
            data = render(doc, fmt)
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
            assert ("content.xml" if fmt == "odt" else "word/document.xml") in names


def test_packet_download_link_names_the_meeting(client, world, cycle):
    from django.urls import reverse

    client.force_login(world.officer)
    r = client.get(reverse("meetings:packet_document", args=[cycle["108-2"].pk, "odt"]))
    assert r.status_code == 200
    assert "%E5%AE%89%E5%85%A8%E7%B6%AD%E8%AD%B7%E6%9C%83%E5%A0%B1108" in r["Content-Disposition"]  # 安全維護會報108…
