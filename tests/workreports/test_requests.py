"""A superior office asks its agencies for their work report of a period through the plans' dispatch; each
agency answers with a draft written from its own records, edits it and reports; the office sees who did."""

import datetime as dt

import pytest
from django.urls import reverse

from anwei.plans import services as plans
from anwei.plans.models import Letter
from anwei.workreports.models import ReportRequest
from tests.awareness import factories as af
from tests.plans import factories as pf

pytestmark = pytest.mark.django_db


def _ask(c, world, **data):
    return c.post(reverse("workreports:request_create") + f"?office={world.city.pk}",
                  {"start": "115/1/1", "end": "115/6/30", "due": "115/7/15", **data})


def test_the_office_asks_and_an_agency_answers_from_its_records(world, client_of, settings):
    settings.ANWEI_TODAY = dt.date(2026, 7, 1)
    af.event(world, day=dt.date(2026, 6, 30), title="年中公務機密講習", count=25)  # last day of the period
    af.event(world, day=dt.date(2026, 7, 1), title="下期的講習")  # first day after it: not in the answer
    office = client_of(world.superior)

    response = _ask(office, world)
    request = ReportRequest.objects.get()
    assert response.status_code == 302 and response.url == reverse("plans:letter_edit", args=[request.plan_id])
    letter = Letter.objects.get(plan=request.plan)
    assert "115年7月15日前報送" in letter.subject and letter.due == dt.date(2026, 7, 15)
    assert world.bureau.name in [r.label() for r in letter.recipients.all()]

    pf.pattern_for(world.city, "市政字第{year:03}{serial:07}號")
    plans.letter_dispatch(actor=world.superior, letter=letter, on=dt.date(2026, 7, 1))
    assignment = letter.assignments.get(agency=world.bureau)

    agency = client_of(world.officer)
    page = agency.get(reverse("plans:assignment_detail", args=[assignment.pk])).content.decode()
    assert "由本機關紀錄產生工作報告草稿" in page
    draft = agency.get(reverse("plans:assignment_detail", args=[assignment.pk]) + "?draft=1").content.decode()
    textarea = draft.split('name="result_text"')[1].split("</textarea>")[0]
    assert "年中公務機密講習" in textarea and "下期的講習" not in textarea
    assignment.refresh_from_db()
    assert assignment.result_text == ""  # a draft is only in the form until the agency reports it

    agency.post(reverse("plans:assignment_detail", args=[assignment.pk]), {
        "version": assignment.version, "result_text": "一、宣導：辦理年中公務機密講習1場，計25人。"})
    assignment.refresh_from_db()
    assert assignment.reported_at is not None
    matrix = office.get(reverse("plans:matrix", args=[letter.pk])).content.decode()
    assert world.bureau.name in matrix
    counts = office.get(reverse("workreports:counts")).content.decode()
    assert request.plan.title in counts and "報送情形" in counts


def test_bad_requests_are_refused_next_to_the_fields(world, as_, settings):
    settings.ANWEI_TODAY = dt.date(2026, 7, 1)
    c = as_(world.superior)
    response = _ask(c, world, due="115/6/1")
    assert response.status_code == 400 and "報送期限不能早於今天。" in response.content.decode()
    response = _ask(c, world, end="114/12/31")
    assert response.status_code == 400 and "期間迄日不得早於起日。" in response.content.decode()
    assert not ReportRequest.objects.exists()


def test_an_ordinary_plan_offers_no_report_draft(world, as_):
    assignment = pf.city_to_bureau(world)
    page = as_(world.officer).get(reverse("plans:assignment_detail", args=[assignment.pk])).content.decode()
    assert "由本機關紀錄產生" not in page


def test_the_counts_page_shows_the_latest_requests_and_leads_to_all_of_them(world, as_, settings):
    settings.ANWEI_TODAY = dt.date(2026, 7, 1)
    c = as_(world.superior)
    for month in range(1, 12):  # eleven requests, one per month's period
        assert _ask(c, world, start=f"115/{month}/1", end=f"115/{month}/28").status_code == 302
    first = ReportRequest.objects.order_by("created_at", "id").first()
    page = c.get(reverse("workreports:counts")).content.decode()
    assert page.count(reverse("plans:plan_detail", args=[first.plan_id]) + '"') == 0  # the eleventh is not shown
    link = reverse("plans:plan_list") + "?occasion=other"
    assert f'href="{link}"' in page
    listing = c.get(link).content.decode()
    assert reverse("plans:plan_detail", args=[first.plan_id]) in listing
