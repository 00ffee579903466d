"""The one search (issue #19) over a database as it stands: `python -m bench.search` (with the usual
ANWEI_DATABASE_URL / ANWEI_DATA_DIR). `anwei bench` runs it on its small and big data (figures search_*).

Synthetic data is written in bulk, not through the services, so the index starts empty: the index is
built first (timed, with its row count and size). Then, as the superior ethics office of the first county
searching its whole subtree for a two-character word: the result page (its candidates — the newest 1,000
matches — and its first page, median of several); the same word as a plain LIKE '%…%' scan over the same
rows in the same run (every row the office may open whose text holds it, newest first: what a result page
without the index reads to count and rank) and the ratio scan ÷ index; the same scan stopped at the page's
own result (the newest 1,001 matches: cheaper, only because rows are keyed in date order) and its ratio;
and the number of queries the result page makes. `python -m bench.search --as-is` measures the index as it stands
(no rebuild: build figures absent)."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

WORD = "門禁"  # the headline figures; the others show a middling and a rarer word
WORDS = (WORD, "監視", "滅火")


def _median_ms(fn, repeat: int) -> float:
    fn()  # warm-up
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(samples), 2)


def _size_bytes() -> int | None:
    from django.db import connection

    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute("SELECT pg_total_relation_size('search_entry')")
            return c.fetchone()[0]
        try:  # needs SQLite's dbstat table (compiled in by Debian and the Python wheels)
            c.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_%'")
            return c.fetchone()[0]
        except Exception:  # noqa: BLE001 - a missing figure, not a failure
            return None


def measure(repeat: int = 7, rebuild: bool = True) -> dict:
    from django.db import connection

    from anwei.orgs import policy
    from anwei.orgs.models import Agency, Person
    from anwei.search import index, selectors
    from anwei.search.models import Entry

    t0 = time.perf_counter()
    rows = index.rebuild() if rebuild else Entry.objects.count()
    build_s = round(time.perf_counter() - t0, 1) if rebuild else None
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("ANALYZE search_entry")

    county = Agency.objects.filter(parent=None).order_by("path").first()
    office = next(p for p in Person.objects.filter(agency=county).order_by("pk")
                  if policy.scope(p, "tracking.view").subtree_paths)
    selectors.visible_keys(office)  # the person's grants, read once
    figures = {word: _word(office, word, repeat) for word in WORDS}
    main = figures[WORD]
    return {"kind": "search", "build_s": build_s, "rows": rows, "size_mb": round((_size_bytes() or 0) / 2**20, 1),
            **main, "words": figures}


def _word(office, word: str, repeat: int) -> dict:
    """One word's figures: the result page by the index, the plain scan, the scan stopped at the page's result."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from anwei.search import selectors, text
    from anwei.search.models import Entry

    query = text.parse(word)

    def page():
        result = selectors.search(office, word)
        return result.count, len(result.hits)

    scan_qs = Entry.objects.filter(selectors.visible(office), folded__contains=query.terms[0])

    def scan():  # the plain LIKE scan: every row the office may open holding the word, newest first
        return list(scan_qs.order_by("-id").values_list("pk", flat=True))

    def scan_first():  # the same result as the page (the newest CAP + 1), by LIKE, stopping there
        return list(scan_qs.order_by("-id").values_list("pk", flat=True)[:selectors.CAP + 1])

    ids, more = selectors.candidates(office, query)
    found = scan()
    assert set(ids) == set(found[:selectors.CAP]) and more == (len(found) > selectors.CAP), \
        f"the index and the scan must find the same rows ({word})"
    with CaptureQueriesContext(connection) as q:
        shown = page()
    index_ms = _median_ms(page, repeat)
    scan_ms = _median_ms(scan, 3)
    first_ms = _median_ms(scan_first, max(3, repeat // 2))
    return {"p50_ms": index_ms, "scan_ms": scan_ms, "ratio": round(scan_ms / index_ms, 1) if index_ms else None,
            "scan_first_ms": first_ms, "ratio_first": round(first_ms / index_ms, 1) if index_ms else None,
            "queries": len(q), "found": shown[0], "more": more, "matches": len(found)}


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anwei.settings")
    import django

    django.setup()
    print(json.dumps(measure(rebuild="--as-is" not in sys.argv[1:]), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
