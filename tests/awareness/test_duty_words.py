"""The words that make a plan's line an awareness duty are rule data: the nationwide default (宣導、提醒、講習、
教育訓練、說明會) until the agency's ethics officer sets the agency's own on its page; an empty row inherits the
default; a stale save is refused; others cannot edit."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from anwei.awareness import selectors, services
from anwei.awareness.models import DEFAULT_DUTY_WORDS, DutyWords
from anwei.core.models import AuditEntry
from tests.awareness.test_plan_duties import _with_mainland_line
from tests.plans import factories as pf

pytestmark = pytest.mark.django_db

URL = reverse("awareness:duty_words")


def _texts(duties):
    return {d.text for d in duties}


def test_the_nationwide_default_applies_until_the_agency_sets_its_own(world, as_, settings):
    settings.ANWEI_TODAY = dt.date(2023, 1, 18)
    assert selectors.duty_words_for(agency_id=world.bureau.pk) == DEFAULT_DUTY_WORDS
    assert DutyWords.objects.filter(agency__isnull=True).get().word_list() == list(DEFAULT_DUTY_WORDS)
    plan = _with_mainland_line(pf.plan_make(world))
    assert any(t.startswith("請適時提醒員工赴陸") for t in _texts(selectors.plan_duties(plan)))

    c = as_(world.officer)
    page = c.get(URL).content.decode()
    assert "目前適用（全國預設）" in page and "宣導、提醒、講習、教育訓練、說明會" in page
    assert c.post(URL, {"version": "0", "words": "宣導\n座談"}).status_code == 302
    assert selectors.duty_words_for(agency_id=world.bureau.pk) == ("宣導", "座談")
    # 「提醒」 is no longer a word of the bureau's: the line leaves its duties (its own plan and the event form)
    assert not any(t.startswith("請適時提醒員工赴陸") for t in _texts(selectors.plan_duties(plan)))
    assert not any(d.text.startswith("請適時提醒員工赴陸")
                   for d in selectors.plan_duties_for(agency=world.bureau, on=dt.date(2023, 1, 18)))
    # another county keeps the default
    assert selectors.duty_words_for(agency_id=world.county.pk) == DEFAULT_DUTY_WORDS
    assert "目前適用（本機關設定）" in c.get(URL).content.decode()
    assert AuditEntry.objects.filter(action="awareness.duty_words_set").count() == 1


def test_an_emptied_row_inherits_the_default_again(world):
    row = services.duty_words_set(actor=world.officer, agency=world.bureau, words="座談", expected_version=0)
    services.duty_words_set(actor=world.officer, agency=world.bureau, words=" \n", expected_version=row.version)
    assert selectors.duty_words_for(agency_id=world.bureau.pk) == DEFAULT_DUTY_WORDS


def test_a_stale_save_and_bad_input_are_refused_next_to_the_field(world, as_):
    c = as_(world.officer)
    assert c.post(URL, {"version": "0", "words": "座談"}).status_code == 302
    stale = c.post(URL, {"version": "0", "words": "研習"})  # saw the page before the first save
    assert stale.status_code == 409 and "研習" in stale.content.decode()
    assert selectors.duty_words_for(agency_id=world.bureau.pk) == ("座談",)
    version = DutyWords.objects.get(agency=world.bureau).version
    r = c.post(URL, {"version": str(version), "words": "座談\n座談"})
    assert r.status_code == 200 and "關鍵字重複" in r.content.decode()
    r = c.post(URL, {"version": str(version), "words": "長" * 21})
    assert "每個關鍵字請勿超過20字" in r.content.decode()


def test_only_the_agencys_ethics_officer_edits(world, as_):
    with pytest.raises(ValidationError):
        services.duty_words_set(actor=world.head, agency=world.bureau, words="座談", expected_version=0)
    assert as_(world.liaison).post(URL, {"version": "0", "words": "座談"}).status_code == 404
    assert not DutyWords.objects.filter(agency=world.bureau).exists()
