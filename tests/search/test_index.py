"""The index follows every change in the writer's transaction: created, edited, released, deleted."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection

from anwei.meetings import services as ms
from anwei.search import selectors
from anwei.search.models import Entry
from anwei.tracking import services as ts
from tests.search.factories import item, meeting


def _titles(person, q, **filters):
    return [h.entry.title for h in selectors.search(person, q, selectors.Filters(**filters)).hits]


def test_a_record_is_findable_the_moment_it_is_saved_and_gone_when_deleted(world):
    it = item(world, "請研擬門禁管制規定。")
    assert _titles(world.officer, "門禁") == ["請研擬門禁管制規定。"]
    ts.tracked_item_update(actor=world.officer, item=it, expected_version=it.version, text="請研擬監視系統規定。",
                           lead_unit=world.units["秘書室"], all_units=False, co_units=[], due_date=None)
    assert _titles(world.officer, "門禁") == [] and _titles(world.officer, "监视") == ["請研擬監視系統規定。"]
    ts.tracked_item_delete(actor=world.officer, item=it)
    assert not Entry.objects.filter(kind="tracking.item").exists()


def test_released_items_are_filtered_by_status(world):
    it = item(world, "門禁卡清查。")
    assert _titles(world.officer, "門禁", status="open") == ["門禁卡清查。"]
    ts.tracked_item_decide(actor=world.head, item=it, decision="release", note="已完成")
    assert _titles(world.officer, "門禁", status="open") == []
    assert _titles(world.officer, "門禁", status="released") == ["門禁卡清查。"]


def test_meeting_parts_carry_their_place_in_the_minutes(world):
    m = meeting(world)
    p = ms.proposal_add(actor=world.officer, meeting=m, subject="訂定門禁管理計畫案", explanation="說明：人員出入複雜",
                        method="提會審議")
    r = ms.report_add(actor=world.officer, meeting=m, kind="work", title="政風工作報告", body="本季檢查門禁三次。")
    ms.ruling_add(actor=world.officer, meeting=m, text="請秘書室加強門禁。")
    ms.ruling_add(actor=world.officer, meeting=m, text="請各單位注意門禁。")
    hits = selectors.search(world.officer, "門禁").hits
    where = {h.entry.location for h in hits}
    assert f"{m.label}會議 · 第1案" in where
    assert f"{m.label}會議 · 主席裁示第2項" in where
    # a title match ranks before a body match
    assert (hits[-1].entry.kind, hits[-1].entry.object_id) == ("meetings.report", r.pk)
    assert p.pk in [h.entry.object_id for h in hits if h.entry.kind == "meetings.proposal"]
    ms.meeting_delete(actor=world.officer, meeting=m)
    assert selectors.search(world.officer, "門禁").count == 0


def test_rebuild_gives_back_the_same_rows(world):
    item(world, "門禁卡清查。")
    m = meeting(world)
    ms.ruling_add(actor=world.officer, meeting=m, text="請秘書室加強門禁。")
    before = sorted(Entry.objects.values_list("kind", "object_id", "location", "tokens"))
    Entry.objects.all().delete()
    call_command("search_rebuild")
    assert sorted(Entry.objects.values_list("kind", "object_id", "location", "tokens")) == before
    assert selectors.search(world.officer, "門禁").count == 2


def test_filters_year_kind_unit_and_dates(world):
    item(world, "門禁甲。", unit="秘書室")
    item(world, "門禁乙。", unit="綜合企劃科")
    assert _titles(world.officer, "門禁", unit_id=world.units["秘書室"].pk) == ["門禁甲。"]
    assert _titles(world.officer, "門禁", kind="meetings.proposal") == []
    assert len(_titles(world.officer, "門禁", kind="tracking.item")) == 2


@pytest.mark.parametrize("raw", ["", "門" * 1000, '"', "NEAR(門禁 OR 監視)", "-門禁*", "😀😀", "𠀀𠀁𠀂", "a AND b",
                                 "'; DROP TABLE search_entry; --", "%_\\"])
def test_bad_input_is_never_a_server_error(world, as_, raw):
    item(world, "門禁卡清查。")
    response = as_(world.officer).get("/search/", {"q": raw, "year": "abc", "date_from": "113/13/40"})
    assert response.status_code == 200
    response = as_(world.officer).get("/search/", {"q": raw})
    assert response.status_code == 200


def test_unusable_query_says_why(world, as_):
    html = as_(world.officer).get("/search/", {"q": "😀"}).content.decode()
    assert "符號與表情符號無法搜尋" in html


def test_query_count_does_not_grow_with_the_data(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            selectors.search(world.officer, "門禁")
        return len(ctx)

    item(world, "門禁一。")
    count()  # the person's grants, once per request
    few = count()
    assert few <= 2  # the count and the page
    for n in range(30):
        item(world, f"門禁第{n}件。", origin_label="112年第1次會議")
    assert count() == few


def test_beyond_the_cap_the_newest_are_ranked_and_the_page_says_so(world, as_, monkeypatch):
    monkeypatch.setattr(selectors, "CAP", 3)
    old = item(world, "門禁舊案。", origin_date=dt.date(2020, 1, 6))
    for day in (2, 3, 4):
        item(world, f"本案涉及門禁（{day}）。", origin_date=dt.date(2024, 1, day))
    titled = item(world, "門禁新案。", origin_date=dt.date(2024, 1, 1))  # a title match, but not among the newest
    result = selectors.search(world.officer, "門禁")
    assert result.more and result.count == 3
    assert old.pk not in [h.entry.object_id for h in result.hits] and titled.pk not in [
        h.entry.object_id for h in result.hits]
    assert [h.entry.date for h in result.hits] == [dt.date(2024, 1, 4), dt.date(2024, 1, 3), dt.date(2024, 1, 2)]
    html = as_(world.officer).get("/search/", {"q": "門禁"}).content.decode()
    assert "3 筆以上，以下列出最新的 3 筆" in html
    assert len(selectors.search(world.officer, "門禁", selectors.Filters(year=109)).hits) == 1  # narrowed: found


@pytest.mark.parametrize("cap, dropped", [(4, {2000}), (2, {2000, 2019, 2024})])
def test_the_newest_are_found_across_years_far_back_and_ahead(world, monkeypatch, cap, dropped):
    """PostgreSQL reads a year at a time (next year and fifteen back) and the years beyond in two arms of their
    own; the newest are the same on both databases, whichever arm holds them."""
    monkeypatch.setattr(selectors, "CAP", cap)
    if connection.vendor == "postgresql":  # tempt the planner into a Parallel Append, whose arms run out of order
        with connection.cursor() as c:
            c.execute("SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; "
                      "SET LOCAL min_parallel_table_scan_size = 0; SET LOCAL min_parallel_index_scan_size = 0")
    years = [2000, 2019, 2024, 2030, 2045]
    for year in years:
        item(world, f"門禁（{year}）。", origin_date=dt.date(year, 6, 1))
    result = selectors.search(world.officer, "門禁")
    assert result.more == bool(dropped)
    assert [h.entry.date.year for h in result.hits] == [y for y in reversed(years) if y not in dropped][:cap]
    within = selectors.search(world.officer, "門禁", selectors.Filters(date_from=dt.date(2019, 1, 1),
                                                                       date_to=dt.date(2030, 12, 31)))
    assert [h.entry.date.year for h in within.hits][:2] == [2030, 2024]


def test_the_rebuild_command_on_its_own_builds_the_index_once_and_leaves_it(transactional_db, world):
    """Outside any transaction (as `anwei search_rebuild` runs) PostgreSQL's GIN index is dropped for the bulk
    write and built again at the end: afterwards it is there and the search finds what it found before."""
    item(world, "門禁卡清查。")
    call_command("search_rebuild")
    assert [h.entry.title for h in selectors.search(world.officer, "門禁").hits] == ["門禁卡清查。"]
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_terms_gin'")
            assert "gin" in c.fetchone()[0]
