"""The unit filter offers the units of the agency searched: one agency's at once, a superior office's only after it
picks an agency (its subtree's units would be thousands of options)."""

from django.urls import reverse


def _unit_options(page: str) -> str:
    return page.split('name="unit"')[1].split("</select>")[0]


def test_one_agency_offers_its_units(world, as_):
    page = as_(world.officer).get(reverse("search:results"), {"q": "門禁"}).content.decode()
    assert "秘書室" in _unit_options(page)


def test_a_superior_office_picks_an_agency_first(world, as_):
    c = as_(world.superior)
    page = c.get(reverse("search:results"), {"q": "門禁"}).content.decode()
    assert "秘書室" not in _unit_options(page) and "選定機關後可依單位篩選" in page
    chosen = _unit_options(c.get(reverse("search:results"), {"q": "門禁", "agency": world.bureau.pk}).content.decode())
    assert f"{world.bureau.name} 秘書室" in chosen
