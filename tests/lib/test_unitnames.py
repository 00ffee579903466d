"""Unit names as documents print them, matched to the agency's units."""

import pytest

from anwei.lib.unitnames import ALL_UNITS, UnitMatcher, normalise, split_units

UNITS = ["秘書室", "政風室", "人事室", "會計室", "污水養護工程科", "水利行政科", "綜合企劃科"]


@pytest.fixture
def matcher():
    return UnitMatcher(UNITS, agency_names=["臺南市政府水利局"])


@pytest.mark.parametrize("name", ["秘書室", "本局秘書室", "秘書單位", "臺南市政府水利局秘書室", "台南市政府水利局秘書室",
                                  " 秘 書 室 ", "秘書室："])
def test_one_unit_under_many_names(matcher, name):
    assert matcher.match(name) == "秘書室"


@pytest.mark.parametrize("name", ["各科室", "各單位", "本局各科室", "各科、室", "本府各處暨所屬各機關", "各處室"])
def test_all_units(matcher, name):
    assert matcher.match(name) == ALL_UNITS


def test_how_it_matched_is_told(matcher):
    assert matcher.match_detail("秘書室").how == "exact"
    assert matcher.match_detail("本局秘書室").how == "exact"
    assert matcher.match_detail("秘書單位").how == "stem"
    assert matcher.match_detail("污養科").unit == "污水養護工程科"
    assert matcher.match_detail("污養科").how == "abbreviation"


def test_learned_aliases_come_first():
    m = UnitMatcher(UNITS, aliases={"水門科": "水利行政科", "安污辦公室": ALL_UNITS, "不存在": "沒有這個單位"})
    assert m.match_detail("水門科").how == "alias" and m.match("水門科") == "水利行政科"
    assert m.match("本局安污辦公室") == ALL_UNITS
    assert m.match("不存在") is None  # an alias to a unit the agency no longer has is ignored


@pytest.mark.parametrize("name", ["", "   ", "資訊室", "工務局", "行政單位", "科"])
def test_no_match_is_none_not_a_guess(matcher, name):
    assert matcher.match(name) is None


def test_an_ambiguous_stem_is_no_match():
    m = UnitMatcher(["行政科", "行政處"])
    assert m.match("行政單位") is None


def test_normalise():
    assert normalise("本局 秘書室（二）", ["臺南市政府水利局"]) == "秘書室(二)"
    assert normalise("台南市政府水利局政風室", ["臺南市政府水利局"]) == "政風室"


@pytest.mark.parametrize("text,lead,co,all_units", [
    ("秘書室", "秘書室", (), False),
    ("秘書室（協辦：人事室、政風室）", "秘書室", ("人事室", "政風室"), False),
    ("秘書室、人事室", "秘書室", ("人事室",), False),
    ("主辦：秘書室\n協辦：人事室", "秘書室", ("人事室",), False),
    ("各科室", "各科室", (), True),
    ("本府各處暨所屬各機關", "本府各處暨所屬各機關", (), True),
    ("", None, (), False),
])
def test_a_units_cell_read_apart(text, lead, co, all_units):
    cell = split_units(text)
    assert (cell.lead, cell.co, cell.all_units) == (lead, co, all_units)
