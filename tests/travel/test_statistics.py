"""Counts for the work report, as a function, a page and a ready sentence."""

import datetime as dt

from django.urls import reverse

from anwei.travel import services
from anwei.travel.selectors import travel_statistics
from tests.travel.conftest import approve

REPORT = dict(places="上海市")


def _report(world, app, today):
    services.return_report_file(actor=app.traveller, application=app, today=today, report=services.ReportInput(
        actual_departure_on=app.departure_on, actual_return_on=app.return_on, **REPORT))


def test_counts_per_period(world, make_trip, django_assert_max_num_queries):
    a = approve(make_trip(world.staff), world.officer)  # back 2024-03-22, due 2024-04-02
    b = approve(make_trip(world.liaison), world.unithead, world.officer)
    make_trip(world.unithead)  # pending
    c = approve(make_trip(world.head), world.superior)  # the head's own, reviewed by the superior agency
    _report(world, a, dt.date(2024, 3, 25))
    _report(world, b, dt.date(2024, 4, 8))  # late
    make_trip(world.other_officer)  # another agency: not counted
    with django_assert_max_num_queries(3):
        stats = travel_statistics(world.bureau, dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    assert stats["applications"] == 4 and stats["approved"] == 3
    assert stats["return_reports"] == 2 and stats["late_reports"] == 1
    assert stats["overdue_unreported"] == 1  # the head's, due 2024-04-02, never filed
    assert stats["sentence"] == "公務員赴大陸地區返臺通報案件計2件"
    march = travel_statistics(world.bureau, dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    assert march["return_reports"] == 1 and march["late_reports"] == 0
    assert c.agency == world.bureau


def test_an_empty_period_reads_like_seed_000(world, rules):
    stats = travel_statistics(world.bureau, dt.date(2020, 1, 1), dt.date(2020, 4, 22))
    assert stats["sentence"] == "公務員赴大陸地區返臺通報案件計0件"
    assert stats["applications"] == 0


def test_statistics_page(client, world, make_trip):
    a = approve(make_trip(world.staff), world.officer)
    _report(world, a, dt.date(2024, 3, 25))
    client.force_login(world.officer)
    url = reverse("travel:statistics", args=[world.bureau.pk])
    page = client.get(url, {"start": "113/1/1", "end": "113/12/31"}).content.decode()
    assert "公務員赴大陸地區返臺通報案件計1件" in page
    response = client.get(url, {"start": "113/12/31", "end": "113/1/1"})
    assert response.context["form"].errors["end"] == ["期間迄日不得早於起日。"]
    client.force_login(world.superior)  # the superior office sees counts (no names) of its subtree
    assert client.get(url).status_code == 200
    client.force_login(world.other_officer)
    assert client.get(url).status_code == 404


def test_work_report_sentence_with_its_period(world, rules):
    from anwei.travel.selectors import travel_work_report_sentence

    assert (travel_work_report_sentence(world.bureau, dt.date(2020, 1, 1), dt.date(2020, 4, 22),
                                        today=dt.date(2020, 4, 22))
            == "109年度迄今公務員赴大陸地區返臺通報案件計0件")
    assert (travel_work_report_sentence(world.bureau, dt.date(2019, 7, 1), dt.date(2019, 12, 31))
            == "108年7月1日至108年12月31日公務員赴大陸地區返臺通報案件計0件")


def test_superior_counts_its_subtree(client, world, make_trip):
    a = approve(make_trip(world.staff), world.officer)
    _report(world, a, dt.date(2024, 3, 25))
    period = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert travel_statistics(world.city, *period)["return_reports"] == 0
    assert travel_statistics(world.city, *period, include_subtree=True)["return_reports"] == 1
    assert travel_statistics(world.county, *period, include_subtree=True)["return_reports"] == 0
    client.force_login(world.superior)
    page = client.get(reverse("travel:statistics", args=[world.city.pk]),
                      {"start": "113/1/1", "end": "113/12/31", "subtree": "on"}).content.decode()
    assert "公務員赴大陸地區返臺通報案件計1件" in page and "含所屬機關" in page
