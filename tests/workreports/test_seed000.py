"""Acceptance: the work report of seed 000's meeting (109年第1次), composed from the replayed demo data,
states the travel count as the seed does, and the demo's awareness events of that period."""

import datetime as dt

import pytest

from anwei.awareness import demo as awareness_demo
from anwei.meetings import demo as meetings_demo
from anwei.orgs import demo as orgs_demo
from anwei.travel.selectors import work_report_period
from anwei.workreports import selectors, services

pytestmark = pytest.mark.django_db


def test_seed_000_work_report_from_the_demo():
    ctx: dict = {}
    orgs_demo.load(ctx)
    meetings_demo.load(ctx)
    awareness_demo.load(ctx)
    meeting = ctx["meetings"]["109-1"]
    start, end = selectors.default_period(meeting)
    assert (start, end) == (dt.date(2019, 10, 3), dt.date(2020, 4, 22))
    comp = services.work_report_compose(actor=ctx["people"]["officer"], meeting=meeting, start=start, end=end)
    body = comp.report.body
    assert "公務員赴大陸地區返臺通報案件計0件" in body
    assert "108年10月3日至109年4月22日辦理宣導活動計2場次，參加（宣導）人數計340人次" in body
    # The seed's own words for the year so far.
    assert work_report_period(dt.date(2020, 1, 1), dt.date(2020, 4, 22), dt.date(2020, 4, 22)) == "109年度迄今"
    # The replay's hand-written text stays first; the composed text follows it.
    assert body.index("公務員赴大陸地區返臺通報案件計0件") > 0 and comp.report.title == "秘書單位工作報告"
