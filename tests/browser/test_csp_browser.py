"""Under the Content-Security-Policy the pages still work in the browser: a filter applies as soon as
a choice is made (our own script), and the browser reports no blocked script or style."""

import pytest

from tests.browser.helpers import login
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_applies_on_choice_and_nothing_is_blocked(live_server, page):
    build_world()
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    login(page, live_server, "officer")
    page.goto(live_server.url + "/inspections/inspections/")
    page.select_option("#kind", index=1)
    page.wait_for_url("**kind=*")
    assert not blocked
