"""The officer types numbered lines; the system renumbers them at the official levels."""

from anwei.plans.outline import outline_parse, outline_render


def test_labels_are_renumbered_per_level():
    text = "一、安全維護：\n(一)預先檢查\n(一)強化門禁\n1、門禁\n1、監視器\n(1)畫面清晰\n三、公務機密維護：\n(五)宣導"
    assert outline_render(text).splitlines() == [
        "一、安全維護：", "（一）預先檢查", "（二）強化門禁", "1、門禁", "2、監視器", "（1）畫面清晰",
        "二、公務機密維護：", "（一）宣導"]


def test_unlabelled_lines_continue_the_item_above_or_stand_alone():
    lines = outline_parse("為防範危安事件，特訂定本計畫。\n一、第一項\n接續的文字")
    assert [(ln.level, ln.text) for ln in lines] == [(None, "為防範危安事件，特訂定本計畫。"), (2, "第一項接續的文字")]


def test_arabic_dot_is_a_top_item_and_blank_lines_are_ignored():
    assert outline_render("1. 甲\n\n2. 乙") == "一、甲\n二、乙"


def test_decimal_numbers_in_text_are_not_labels():
    assert outline_parse("3.5公尺圍牆")[0].level is None
