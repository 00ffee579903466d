"""A superior office's register: its own agency first, any agency of its subtree, or all of them;
the unit and meeting menus belong to the chosen agency."""

import re

import pytest
from django.urls import reverse

from anwei.tracking import services as ts
from anwei.tracking.models import TrackedItem
from tests.tracking.conftest import make_item

pytestmark = pytest.mark.django_db


def _selected(page: str, name: str) -> str:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    found = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return found.group(1) if found else ""


@pytest.fixture
def items(world):
    city_unit = world.city.units.get(name="政風處")
    city = ts.tracked_item_create(actor=world.superior, agency=world.city, source_kind=TrackedItem.Source.OTHER,
                                  text="市府政風處彙整各機關春節專案成果。", lead_unit=city_unit, origin_label="本府")
    bureau = make_item(world, text="請秘書室研擬門禁管制規定。")
    return city, bureau


def test_the_register_starts_with_the_superior_offices_own_agency(world, client, items):
    client.force_login(world.superior)
    page = client.get(reverse("tracking:register")).content.decode()
    assert "彙整各機關春節專案成果" in page and "門禁管制規定" not in page
    assert _selected(page, "agency") == str(world.city.pk)
    # the unit menu lists the city's units only
    assert "政風處" in page and "秘書室" not in page


def test_choosing_a_subordinate_agency_or_all_of_them(world, client, items):
    client.force_login(world.superior)
    url = reverse("tracking:register")
    page = client.get(url, {"agency": world.bureau.pk}).content.decode()
    assert "門禁管制規定" in page and "彙整各機關春節專案成果" not in page
    assert "秘書室" in page
    everything = client.get(url, {"agency": "all"}).content.decode()
    assert "門禁管制規定" in everything and "彙整各機關春節專案成果" in everything
    assert re.search(r'<select name="unit"[^>]*disabled', everything) and "請先選擇機關" in everything
    # export links keep the choice
    assert f"agency={world.bureau.pk}" in page


def test_an_agency_outside_the_subtree_is_never_shown(world, client, items):
    outsider = ts.tracked_item_create(actor=world.other_officer, agency=world.county,
                                      source_kind=TrackedItem.Source.OTHER, text="遠山縣另案。",
                                      lead_unit=world.other_unit, origin_label="遠山縣")
    client.force_login(world.superior)
    page = client.get(reverse("tracking:register"), {"agency": world.county.pk}).content.decode()
    assert outsider.text not in page and _selected(page, "agency") == str(world.city.pk)
    assert f'value="{world.county.pk}"' not in page


def test_someone_of_one_agency_gets_no_agency_menu(world, client, items):
    client.force_login(world.officer)
    page = client.get(reverse("tracking:register")).content.decode()
    assert 'name="agency"' not in page and "門禁管制規定" in page
