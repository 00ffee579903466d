"""Free text keeps its official numbering (documents.outline) and a plan uses all five levels."""

import pytest

from anwei.documents.model import Numbered, Paragraph
from anwei.documents.outline import blocks, numeral, parse
from anwei.documents.render import render

WORK_REPORT = """一、公務員赴大陸地區管理機制宣導
兩岸人民關係條例修正施行，明定公務員赴陸返臺後須通報。
(一) 公務員赴陸為事先申請許可制。
(三) 申請人應於五個工作日前填具申請表：
1、所任職務之職務列等在簡任第十職等以下。
2.未涉及國家安全機密。
(1)立即協調資訊單位檢查所有服務主機。
【實際案例】
某市政府之全球資訊網無法連線。
壹、附則"""


def test_numerals():
    assert [numeral(t) for t in ("一", "十", "十五", "二十一", "一百零五", "３", "壹拾", "貳")] == \
        [1, 10, 15, 21, 105, 3, 10, 2]


def test_levels_and_numbers_are_kept_as_typed():
    items = parse(WORK_REPORT)
    assert [(i.level, i.number) for i in items] == [
        (2, 1), (None, 0), (3, 1), (3, 3), (4, 1), (4, 2), (5, 1), (None, 0), (None, 0), (1, 1)]
    assert [(i.level, i.number) for i in parse(WORK_REPORT, renumber=True)][3] == (3, 2)
    assert parse("3.5公尺圍牆")[0].level is None  # a decimal is not a label


def test_paragraphs_align_under_their_item_with_a_first_line_indent():
    out = blocks(WORK_REPORT)
    assert isinstance(out[0], Numbered) and out[0].label == "一、"
    para = out[1]
    assert isinstance(para, Paragraph) and para.indent == 3 and para.first_line_indent == 2  # under 「一、」 text
    case = out[7]
    assert case.text == "【實際案例】" and case.first_line_indent == 0
    labels = [b.label for b in out if isinstance(b, Numbered)]
    assert labels == ["一、", "（一）", "（三）", "1、", "2、", "（1）", "壹、"]


def test_every_level_prints_with_its_label_in_every_format():
    from anwei.documents.model import Document

    doc = Document(title="五層").add(*blocks(WORK_REPORT))
    html = render(doc, "html").decode()
    for label in ("壹、", "一、", "（一）", "1、", "（1）"):
        assert label in html


@pytest.mark.django_db
def test_a_plan_uses_all_five_levels(world):
    from anwei.plans.documents import plan_document
    from tests.plans import factories as f

    plan = f.plan_make(world)
    sections = [dict(s) for s in plan.sections]
    target = next(s for s in sections if s.get("key") not in ("basis", "period", "contacts"))
    target["body"] = "一、工作要項\n（一）公務機密維護\n1、遵守保密措施\n（1）機敏案件不得攜出"
    plan.sections = sections
    plan.save(update_fields=["sections"])
    labels = [b.label for b in plan_document(plan_id=plan.pk).blocks if isinstance(b, Numbered)]
    at = labels.index("（一）")
    assert labels[0] == "壹、" and labels[at - 1:at + 3] == ["一、", "（一）", "1、", "（1）"]
