"""The optional unit-head review of a unit's 執行情形 (#22 point 4): a per-agency rule with an effective date,
off by default; when on, the liaison's report waits for the unit head (or their deputy), who passes it on
to the ethics officer or returns it; only then does it count for the round and the packet."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from anwei.core import clock
from anwei.orgs.models import Deputy, Membership
from anwei.portal.obligations import obligations_for
from anwei.tracking import services as ts
from anwei.tracking.models import ProgressReport
from anwei.tracking.selectors import round_rows, round_unit_status
from tests.tracking.conftest import make_item, open_round

pytestmark = pytest.mark.django_db
RS = ProgressReport.Status


@pytest.fixture
def report(world):
    item = make_item(world)
    rnd = open_round(world)
    return ProgressReport.objects.get(round=rnd, item=item, unit=world.units["秘書室"])


def _save(world, report, who=None, text="已研擬門禁管制規定草案。"):
    report.refresh_from_db()
    return ts.progress_report_save(actor=who or world.liaison, report=report, expected_version=report.version,
                                   text=text)


def test_off_by_default_the_report_goes_straight_to_the_officer(world, report):
    assert _save(world, report).status == RS.SUBMITTED


def test_a_rule_from_a_later_date_does_not_apply_yet(world, report):
    ts.review_rule_create(actor=world.officer, agency=world.bureau, effective_from=clock.today() + dt.timedelta(days=3),
                          unit_head_review=True)
    assert _save(world, report).status == RS.SUBMITTED
    with pytest.raises(ValidationError):  # and none takes effect in the past
        ts.review_rule_create(actor=world.officer, agency=world.bureau,
                              effective_from=clock.today() - dt.timedelta(days=1), unit_head_review=True)


def test_with_the_rule_the_head_reviews_before_the_officer_sees_it(client, world, report):
    client.force_login(world.officer)
    r = client.post(reverse("tracking:review_rules"), {"effective_from": clock.today().isoformat(),
                                                       "unit_head_review": "on", "note": "依本局規定"})
    assert r.status_code == 302
    assert "須經單位主管核閱" in client.get(reverse("tracking:review_rules")).content.decode()

    client.force_login(world.liaison)
    r = client.post(reverse("tracking:report_edit", args=[report.pk]),
                    {"version": report.version, "text": "已研擬門禁管制規定草案。"}, follow=True)
    assert "送單位主管核閱" in r.content.decode()
    report.refresh_from_db()
    assert report.status == RS.AWAITING_HEAD
    rows = round_rows(report.round)
    assert rows[0].progress_text() == ""  # not in the packet before the review
    assert not round_unit_status(rows)[0].done
    assert any("待主管核閱" in o.title for o in obligations_for(world.unithead))

    # the head returns it with a comment; the liaison corrects it; the head passes it on
    client.force_login(world.unithead)
    page = client.get(reverse("tracking:my_items")).content.decode()
    assert "核閱</a>" in page
    r = client.post(reverse("tracking:report_review", args=[report.pk]), {"version": report.version,
                                                                        "decision": "return", "comment": ""})
    report.refresh_from_db()
    assert report.status == RS.AWAITING_HEAD  # a return needs a comment
    client.post(reverse("tracking:report_review", args=[report.pk]), {"version": report.version,
                                                                    "decision": "return", "comment": "請補充完成日期"})
    report.refresh_from_db()
    assert report.status == RS.RETURNED and "請補充完成日期" in report.return_comment
    _save(world, report, text="已研擬門禁管制規定草案，預定5月底公告。")
    report.refresh_from_db()
    r = client.post(reverse("tracking:report_review", args=[report.pk]), {"version": report.version,
                                                                        "decision": "approve"})
    report.refresh_from_db()
    assert r.status_code == 302 and report.status == RS.SUBMITTED and report.reviewed_by == world.unithead
    assert round_rows(report.round)[0].progress_text() == "已研擬門禁管制規定草案，預定5月底公告。"


def test_the_head_writing_it_and_a_unit_without_a_head_skip_the_step(world, report):
    ts.review_rule_create(actor=world.officer, agency=world.bureau, effective_from=clock.today(),
                          unit_head_review=True)
    saved = _save(world, report, who=world.unithead)
    assert saved.status == RS.SUBMITTED and saved.reviewed_by == world.unithead
    Membership.objects.filter(person=world.unithead).delete()
    assert _save(world, report).status == RS.SUBMITTED


def test_the_heads_deputy_reviews_recorded_as_such(world, report):
    ts.review_rule_create(actor=world.officer, agency=world.bureau, effective_from=clock.today(),
                          unit_head_review=True)
    Deputy.objects.create(person=world.unithead, deputy=world.staff, starts_on=clock.today(), ends_on=clock.today(),
                          reason="休假")
    report = _save(world, report)
    assert report.status == RS.AWAITING_HEAD
    ts.progress_report_review(actor=world.staff, report=report, expected_version=report.version, approve=True)
    assert report.status == RS.SUBMITTED and "代理" in report.reviewed_label
