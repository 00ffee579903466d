import datetime as dt

import pytest

from anwei.lib import rocdate


def test_formats_match_the_seeds():
    d = dt.date(2019, 11, 12)
    assert rocdate.format_long(d) == "中華民國108年11月12日"
    assert rocdate.format_short(dt.date(2019, 10, 2)) == "108年10月2日"
    assert rocdate.format_with_weekday(dt.date(2019, 10, 2)) == "108年10月2日(星期三)"
    assert rocdate.format_slash(dt.date(2019, 10, 2)) == "108/10/02"
    assert rocdate.format_compact(dt.date(2020, 4, 22)) == "1090422"


@pytest.mark.parametrize("text", ["113/2/5", "113/02/05", "113年2月5日", "中華民國113年2月5日", "民國113年2月5日",
                                  "1130205", "2024-02-05", "113.2.5", "113-2-5", "１１３／２／５", " 113 年 2 月 5 日 "])
def test_accepts_what_people_type(text):
    assert rocdate.parse(text) == dt.date(2024, 2, 5)


def test_two_digit_roc_years():
    assert rocdate.parse("990101") == dt.date(2010, 1, 1)
    assert rocdate.parse("99/1/1") == dt.date(2010, 1, 1)


@pytest.mark.parametrize("text,fragment", [
    ("113/2/30", "不存在"),
    ("2024-13-01", "不存在"),
    ("明天", "無法辨識"),
    ("", "請輸入日期"),
    ("0/1/1", "大於 0"),
    ("12345", "無法辨識"),
])
def test_rejects_with_a_chinese_message(text, fragment):
    with pytest.raises(rocdate.RocDateError) as exc:
        rocdate.parse(text)
    assert fragment in str(exc.value)
