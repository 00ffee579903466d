"""The officer searches 門禁 from the header box and finds seed 000's directive and the access-control
proposal; the 秘書室 liaison's results hold only 秘書室's tracked items; a result opens its record."""

import re

import pytest

from anwei.meetings.replay import replay_bureau_cycle
from anwei.orgs.models import Role
from anwei.orgs.services import membership_grant, person_create, unit_create
from tests.browser.helpers import login
from tests.world import PASSWORD, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_header_filter_and_open(live_server, page):
    world = build_world()
    sewer = unit_create(actor=None, agency=world.bureau, name="污水養護工程科", order=9)
    world.units[sewer.name] = sewer
    sewer_liaison = person_create(actor=None, username="liaison.sewer", password=PASSWORD, full_name="測污水",
                                  agency=world.bureau, unit=sewer)
    membership_grant(actor=None, person=sewer_liaison, agency=world.bureau, role=Role.UNIT_LIAISON, unit=sewer)
    replay_bureau_cycle(agency=world.bureau, units=world.units, officer=world.officer,
                        liaisons={"秘書室": world.liaison, "污水養護工程科": sewer_liaison},
                        chair="局長 測首長", recorder="測政風")
    base = live_server.url

    login(page, base, "officer")
    page.fill("header input[name=q]", "門禁")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("#search-count")
    hits = page.inner_text("#search-list")
    assert "請秘書室研擬本局安平水資源回收中心辦公區管理大樓門禁管制規定。" in hits  # seed 000's directive (item 4)
    assert "建立本局安平水資源回收中心辦公區管理大樓門禁管制規定案" in hits  # the proposal
    assert "108年第2次會議 · 列管第" in hits and page.locator("#search-list mark").count() > 0

    # a filter narrows the page in place (htmx) and the URL follows, so it can be bookmarked
    page.select_option("#id_kind", "meetings.proposal")
    page.wait_for_url(re.compile(r"kind=meetings\.proposal"))
    page.locator("#search-list .tag:has-text('列管事項')").first.wait_for(state="detached")
    page.click("#search-list a:has-text('門禁管制規定案')")
    page.wait_for_selector("h1")
    assert "/meetings/" in page.url

    # the 秘書室 liaison: tracked items of 秘書室 (or every unit), never 污水養護工程科's alone
    login(page, base, "liaison")
    page.goto(base + "/search/?q=監視&kind=tracking.item")
    page.wait_for_selector("#search-count")
    hits = page.inner_text("#search-list")
    assert "請秘書室修正本次會議審議" in hits
    assert "請污水養護工程科與惠民公司協調" not in hits
