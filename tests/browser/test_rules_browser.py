"""The ethics officer previews a travel rule in the browser (the date it gives shows before saving), then adds it
and sees it among the rules that apply."""

import pytest

from tests.browser.helpers import login
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_previews_and_adds_a_travel_rule(live_server, page):
    from anwei.travel import services

    build_world()
    services.travel_rules_seed_defaults()
    login(page, live_server, "officer")
    page.goto(live_server.url + "/travel/rules/")
    page.select_option("#id_kind", "return_report")
    page.fill("#id_amount", "10")
    page.select_option("#id_unit", "days")
    page.click("button[name=preview]")
    assert "返臺者，應於" in page.inner_text("#preview")
    page.click("button.primary")
    page.wait_for_url("**/travel/rules/")
    assert "10日" in page.inner_text("#rows")
