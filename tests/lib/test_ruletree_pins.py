"""When a superior's rows become its subtree's default, each agency under it keeps what it had: the dates at which
it needs its own copy (anwei.lib.ruletree.pins)."""

import datetime as dt

from anwei.lib.ruletree import pins

D1, D2 = dt.date(2024, 1, 1), dt.date(2025, 1, 1)


def test_agencies_under_a_superior_with_rows_are_pinned_on_its_dates_only():
    paths = {1: "000001.", 2: "000001.000002.", 3: "000001.000002.000003.", 4: "000004."}
    starts = {(1, "footage"): {D1, D2}, (2, "footage"): {D2}, (4, "copy"): {D1}}
    assert pins(paths, starts) == [(2, "footage", D1), (3, "footage", D1), (3, "footage", D2)]


def test_nothing_to_pin_without_superior_rows():
    assert pins({1: "000001.", 2: "000001.000002."}, {(2, "footage"): {D1}}) == []
