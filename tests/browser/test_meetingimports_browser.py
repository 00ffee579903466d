"""Importing a past packet in a real browser: the officer uploads seed 001's text as a file, reviews the
draft beside the source, maps the one unit name the agency does not use, confirms, and finds the directives
still under tracking in the next meeting's packet. Expected texts come from the parser reading the seed."""

import datetime as dt

import pytest

from anwei.lib.docextract import extract
from anwei.lib.meetingimport import parse_meeting
from anwei.meetings import services as ms
from anwei.meetings.models import SecurityMeeting
from tests.browser.helpers import login
from tests.meetingimports.conftest import seed_path
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_seed_001_review_map_confirm_next_packet(live_server, page):
    world = build_world()
    secretariat = world.units["秘書室"]
    secretariat.name = "行政室"  # this agency's secretariat: the seed's 秘書室 must be mapped to it
    secretariat.save()
    path = seed_path("001")
    draft = parse_meeting(extract(path.read_bytes(), path.name))
    base = live_server.url

    login(page, base, "officer")
    page.click("nav >> text=匯入會議文件")
    page.set_input_files("#id_files", str(path))
    page.click("button:has-text('上傳並讀取')")
    page.wait_for_selector("h1:has-text('核對匯入')")
    assert page.locator(".import-source li").count() > 100  # the source text beside the draft
    assert page.input_value("#id_sequence") == str(draft.sequence.value)
    page.select_option("label:has-text('「秘書室」是') + select", label="行政室")
    page.click("button:has-text('儲存對應')")
    page.wait_for_selector("text=已記住 1 個單位名稱的對應")
    assert page.locator("text=「秘書室」→ 行政室").count() == 1
    page.click("button:has-text('確認匯入')")
    label = f"{draft.roc_year.value}年第{draft.sequence.value}次"
    page.wait_for_selector(f"h1:has-text('{label}會議')")

    imported = SecurityMeeting.objects.get(agency=world.bureau)
    ms.meeting_create(actor=world.officer, agency=world.bureau, date=imported.date + dt.timedelta(days=180))
    nxt = SecurityMeeting.objects.exclude(pk=imported.pk).get()
    page.goto(f"{base}/meetings/{nxt.pk}/packet/")
    text = page.inner_text(".document-preview")
    for d in draft.directives:
        first = d.text.value[:20]
        if d.decision.value == "release":
            assert first not in text
        else:
            assert first in text
    assert f"{d.origin.value}會議" in text
