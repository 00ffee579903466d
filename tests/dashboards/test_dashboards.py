"""The dashboards: every figure agrees with the list it links to; the superior sees numbers, never names;
the number of queries does not grow with the data."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest
from django.utils import timezone

from anwei.assessments import services as sa_services
from anwei.assessments.models import AssessmentRound, SelfAssessment
from anwei.dashboards import summary
from anwei.duties import services as duty_services
from anwei.incidents.selectors import incident_filtered
from anwei.orgs.models import Agency, Role
from anwei.orgs.services import agency_create, membership_grant, person_create, unit_create
from anwei.tracking.models import TrackedItem
from anwei.tracking.selectors import RegisterFilters, tracked_item_list
from anwei.tracking.services import tracked_item_create
from tests.cold import cold_count
from tests.assessments import factories as sa_factories
from tests.incidents import factories as inc
from tests.submissions import factories as sf
from tests.world import PASSWORD

TODAY = "2023-06-30"
FIG = re.compile(r'<a href="([^"]+)"[^>]*(?:data-fig|id)="([^"]+)"[^>]*>(?:<strong[^>]*>)?(\d+)')


@pytest.fixture(autouse=True)
def _today(settings):
    settings.ANWEI_TODAY = TODAY


def _items(w, agency=None, n_overdue=2, n_open=1):
    agency = agency or w.bureau
    unit = w.units["秘書室"] if agency == w.bureau else agency.units.first()
    for i in range(n_overdue):
        tracked_item_create(actor=None, agency=agency, source_kind=TrackedItem.Source.OTHER, text=f"逾期事項{i}",
                            lead_unit=unit, due_date=dt.date(2023, 5, 1), origin_label="測試", roc_year=112)
    for i in range(n_open):
        tracked_item_create(actor=None, agency=agency, source_kind=TrackedItem.Source.OTHER, text=f"列管事項{i}",
                            all_units=True, due_date=dt.date(2023, 12, 1), origin_label="測試", roc_year=112)


def _incidents(w):
    """Two this year (one of them 洩密, which the superior may see too), one last year (not counted)."""
    for category, day in (("security", dt.date(2023, 2, 1)), ("leak", dt.date(2023, 6, 1)),
                          ("security", dt.date(2022, 12, 30))):
        inc.report(w, category, discovered=inc.at(day, 10))


def _duties_and_assessments(w):
    """A half-yearly confidentiality inspection never done (overdue), a yearly review in its first year (due), and
    a self-assessment round of two units whose deadline has passed, one of them sent."""
    for kind, every, unit, start in (("confidentiality_inspection", 6, "months", dt.date(2022, 1, 1)),
                                     ("cctv_accounts", 1, "years", dt.date(2023, 6, 1))):
        duty_services.duty_create(actor=w.officer, agency=w.bureau, data=duty_services.DutyInput(
            kind=kind, name=f"測試{kind}", every=every, unit=unit, starts_on=start))
    rnd = sa_services.round_create(actor=w.officer, agency=w.bureau, title="上半年自評",
                                   deadline=timezone.localdate() + dt.timedelta(days=7),
                                   templates=sa_factories.checklists(w)[:1],
                                   units=[w.units["秘書室"], w.units["綜合企劃科"]])
    # (round_create refuses a past deadline by the real date: the round is moved back into the test's year)
    AssessmentRound.objects.filter(pk=rnd.pk).update(deadline=dt.date(2023, 6, 1))
    SelfAssessment.objects.filter(round=rnd, unit=w.units["秘書室"]).update(status=SelfAssessment.Status.SUBMITTED)
    summary.refresh([w.bureau.pk])  # (the updates above are the test's own: no service refreshed the bureau's row)


def _school(w, i: int) -> Agency:
    school = agency_create(actor=None, name=f"海濱市立測試{i}國民小學", parent=w.city, kind=Agency.Kind.SCHOOL)
    unit = unit_create(actor=None, agency=school, name="總務處")
    p = person_create(actor=None, username=f"dash_school{i}", password=PASSWORD, full_name=f"校長{i}", agency=school,
                      unit=unit)
    membership_grant(actor=None, person=p, agency=school, role=Role.ETHICS_OFFICER)
    return school


def _count_listed(client, person, href: str) -> int:
    """How many records the linked list holds, with the link's own filters."""
    url = urlparse(unescape(href))
    q = {k: v[0] for k, v in parse_qs(url.query).items()}
    if url.path.startswith("/tracking/"):
        return tracked_item_list(person=person, filters=RegisterFilters(
            agency=int(q["agency"]), unit=int(q["unit"]) if "unit" in q else None, status=q.get("status", ""),
            overdue=q.get("overdue") == "on")).count()
    if url.path.startswith("/incidents/"):
        return incident_filtered(person=person, category=q["category"], year=int(q["year"]) + 1911,
                                 agency_id=int(q["agency"])).count()
    page = client.get(unescape(href)).content.decode()
    return page.count("data-state=")


def _check_figures(client, person, html: str) -> int:
    found = FIG.findall(html)
    for href, name, number in found:
        assert _count_listed(client, person, href) == int(number), (name, href)
    return len(found)


def test_superior_figures_match_their_lists_and_hold_no_names(world, client):
    _items(world)
    _incidents(world)
    _duties_and_assessments(world)
    sf.minutes_sent(world, dt.date(2023, 3, 10))
    sf.meeting_held(world, dt.date(2023, 5, 2))  # owed, never sent: missing
    school = _school(world, 1)
    _items(world, school, n_overdue=1, n_open=0)
    client.force_login(world.superior)
    html = client.get("/dashboards/superior/").content.decode()
    assert _check_figures(client, world.superior, html) >= 18
    assert re.search(r'data-fig="incidents-leak">1<', html)
    for fig in ("duties-overdue", "duties-due", "assessments-overdue", "assessments-done"):
        assert re.search(rf'data-fig="{fig}">(<strong[^>]*>)?1<', html), fig
    assert "（50%）" in html  # one of the two self-assessments sent
    assert "<svg" in html and 'role="img"' in html
    # worst first: the bureau (missing filing, two overdue items) before the school
    assert html.index(f'data-agency="{world.bureau.pk}"') < html.index(f'data-agency="{school.pk}"')
    for name in ("測政風", "測首長", "測承辦", "校長1"):
        assert name not in html
    html = client.get("/dashboards/superior/?kind=school").content.decode()
    assert f'data-agency="{world.bureau.pk}"' not in html and f'data-agency="{school.pk}"' in html
    r = client.get("/dashboards/superior.xlsx")
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_agency_figures_match_their_lists(world, client):
    _items(world)
    _incidents(world)
    sf.submitted_plan(world)
    client.force_login(world.head)
    html = client.get("/dashboards/").content.decode()
    assert _check_figures(client, world.head, html) >= 9
    assert re.search(r'data-fig="incidents-security">1<', html)
    assert "核定專案計畫" in html  # awaiting the head's decision
    assert client.get("/dashboards/agency.xlsx").status_code == 200


def _queries(client, url: str) -> int:
    response, n = cold_count(client, url)
    assert response.status_code == 200
    return n


def test_the_number_of_queries_does_not_grow_with_the_data(world, client):
    _items(world)
    _duties_and_assessments(world)
    sf.minutes_sent(world, dt.date(2023, 3, 10))
    _school(world, 1)
    client.force_login(world.superior)
    small = (_queries(client, "/dashboards/superior/"), _queries(client, "/dashboards/"))
    for i in range(2, 8):
        school = _school(world, i)
        _items(world, school, n_overdue=2, n_open=2)
        duty_services.duty_create(actor=school.memberships.first().person, agency=school, data=duty_services.DutyInput(
            kind="door_badges", name="門禁卡清查", every=1, unit="years", starts_on=dt.date(2022, 3, 1)))
    for d in (dt.date(2023, 4, 10), dt.date(2023, 5, 10)):
        sf.meeting_held(world, d)
    _items(world, n_overdue=5, n_open=5)
    big = (_queries(client, "/dashboards/superior/"), _queries(client, "/dashboards/"))
    assert big == small, (small, big)
