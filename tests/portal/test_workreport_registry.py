"""The statistics registry renders sections in the official numbering and says when a section is empty."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.portal.workreport import Line, Section, period_check, period_label, render_text, section_text


def test_official_numbering_four_levels():
    text = render_text([
        Section("宣導活動", [Line("辦理2場次。", children=[Line("甲講習。", children=[Line("第一節。")]),
                                                         Line("乙宣導。")])]),
        Section("專案安全維護計畫"),
        Section("案例宣導", [Line("網站遭攻擊：", body="【實際案例】\n某機關網站中斷。")]),
    ])
    assert text.splitlines() == [
        "一、宣導活動", "（一）辦理2場次。", "1、甲講習。", "（1）第一節。", "2、乙宣導。",
        "二、專案安全維護計畫：本期間無相關紀錄。",
        "三、案例宣導", "（一）網站遭攻擊：", "【實際案例】", "某機關網站中斷。"]
    assert section_text(Section("自評與檢查", [Line("甲。")])) == "自評與檢查\n（一）甲。"


def test_period_in_roc_dates():
    assert period_label(dt.date(2020, 1, 1), dt.date(2020, 4, 22)) == "109年1月1日至4月22日"
    assert period_label(dt.date(2019, 10, 3), dt.date(2020, 4, 22)) == "108年10月3日至109年4月22日"
    assert period_label(dt.date(2020, 4, 22), dt.date(2020, 4, 22)) == "109年4月22日"
    with pytest.raises(ValidationError) as exc:
        period_check(dt.date(2020, 4, 22), dt.date(2020, 4, 21))
    assert exc.value.message_dict == {"end": ["期間迄日不得早於起日。"]}
