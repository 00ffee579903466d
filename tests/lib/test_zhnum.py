import pytest

from anwei.lib import zhnum


@pytest.mark.parametrize("n,expected", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (29, "二十九"),
                                        (100, "一百"), (105, "一百零五"), (110, "一百一十"), (376, "三百七十六")])
def test_chinese_numerals(n, expected):
    assert zhnum.chinese(n) == expected


def test_capital_numerals_for_the_first_level():
    assert [zhnum.chinese(n, capital=True) for n in (1, 3, 7, 10, 12)] == ["壹", "參", "柒", "拾", "拾貳"]


def test_five_official_levels():
    assert [zhnum.label(level, 2) for level in range(1, 6)] == ["貳、", "二、", "（二）", "2、", "（2）"]
    with pytest.raises(ValueError):
        zhnum.label(6, 1)
