"""The yearly review (a rule: the month the agency sets) and the access-control plan document."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from anwei.access import services
from anwei.access.documents import plan_document
from anwei.access.models import YearlyReview
from anwei.access.obligations import access_owed
from anwei.documents.render import render
from tests.access.factories import area, badge, setup


def test_unit_heads_confirm_once_a_year(world, settings, as_):
    settings.ANWEI_TODAY = "2024-12-02"
    badge(world, "A1", holder=world.liaison)
    owed = [o for o in access_owed(world.unithead) if o.kind == "access.review"]
    assert owed and owed[0].due == dt.date(2024, 12, 31) and "秘書室" in owed[0].title
    with pytest.raises(ValidationError):
        services.yearly_review_confirm(actor=world.liaison, unit=world.units["秘書室"], year=113)
    assert "尚未確認" in as_(world.officer).get("/access/").content.decode()
    row = services.yearly_review_confirm(actor=world.unithead, unit=world.units["秘書室"], year=113, note="無誤")
    overview = as_(world.officer).get("/access/").content.decode()
    assert "尚未確認" not in overview and "測主管" in overview
    assert "A1" in row.listing and "機房" in row.listing
    assert not [o for o in access_owed(world.unithead) if o.kind == "access.review"]
    assert YearlyReview.objects.count() == 1


def test_no_review_owed_before_the_month(world, settings):
    settings.ANWEI_TODAY = "2024-06-03"
    badge(world, "A1", holder=world.liaison)
    assert not [o for o in access_owed(world.unithead) if o.kind == "access.review"]


def test_plan_is_written_from_the_data(world):
    s = setup(world)
    s.replacement_fee = 200
    s.save()
    area(world)
    doc = plan_document(agency_id=world.bureau.pk)
    html = render(doc, "html").decode()
    for text in ("門禁管理計畫", "機房", "08:00至18:00", "秘書室", "工本費新臺幣200元", "末四碼"):
        assert text in html, text
    assert render(doc, "odt")[:2] == b"PK"


def test_plan_becomes_a_proposal_of_the_coming_meeting(world, as_):
    from anwei.meetings.services import meeting_create
    from anwei.core import clock

    setup(world)
    area(world)
    meeting = meeting_create(actor=world.officer, agency=world.bureau, date=clock.today() + dt.timedelta(days=14))
    page = as_(world.officer).get("/access/").content.decode()
    assert "列為提案" in page
    response = as_(world.officer).post("/access/plan/propose/", {"meeting": meeting.pk})
    assert response.status_code == 302
    proposal = meeting.proposals.get()
    assert "門禁管理計畫" in proposal.subject and proposal.unit == world.units["秘書室"]
    assert proposal.attachments.get().name.endswith(".odt")
    assert as_(world.liaison).post("/access/plan/propose/", {"meeting": meeting.pk}).status_code == 404


def test_a_unit_head_confirms_on_the_units_review_page(world, settings, as_):
    settings.ANWEI_TODAY = "2024-12-02"
    badge(world, "A1", holder=world.liaison)
    url = f"/access/review/{world.units['秘書室'].pk}/"
    response = as_(world.unithead).post(url, {"note": "無誤"})
    assert response.status_code == 302 and response.url == url  # back to the page, which now says it is done
    assert YearlyReview.objects.get().note == "無誤"
    page = as_(world.unithead).get(url).content.decode()
    assert 'id="confirmed"' in page and "意見：無誤" in page
