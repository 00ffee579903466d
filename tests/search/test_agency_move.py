"""A superior office finds its subtree's records by keys naming the agencies above each record's agency:
when an agency moves in the tree, its records follow at once (search.index.rekey)."""

import datetime as dt

from anwei.orgs.services import agency_move
from anwei.search import selectors
from tests.search.factories import item


def test_records_follow_their_agency_when_it_moves(world):
    item(world, "門禁卡清查。")
    assert selectors.search(world.superior, "門禁").count == 1  # 海濱市政府 above the bureau
    agency_move(actor=None, agency=world.bureau, parent=world.county)
    assert selectors.search(world.superior, "門禁").count == 0
    assert selectors.search(world.officer, "門禁").count == 1  # within the agency: unchanged
    agency_move(actor=None, agency=world.bureau, parent=world.city)
    assert selectors.search(world.superior, "門禁").count == 1


def test_date_range_and_phrase(world):
    item(world, "門禁管制區域清查。", origin_date=dt.date(2024, 3, 1))
    item(world, "管制門禁。", origin_date=dt.date(2023, 3, 1))
    f = selectors.Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 3, 1))
    assert [h.entry.title for h in selectors.search(world.officer, "門禁", f).hits] == ["門禁管制區域清查。"]
    assert [h.entry.title for h in selectors.search(world.officer, '"門禁管制"').hits] == ["門禁管制區域清查。"]
    assert [h.entry.title for h in selectors.search(world.officer, "管制門禁").hits] == ["管制門禁。"]
    assert selectors.search(world.officer, "門禁", selectors.Filters(date_to=dt.date(2023, 2, 28))).count == 0
