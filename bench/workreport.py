"""The work report composed from the records (issue #17), over a database as it stands:
`python -m bench.workreport` (with the usual ANWEI_DATABASE_URL / ANWEI_DATA_DIR). `anwei bench` runs it
on its small and big data (figures workreport_*): the query count must be the same at both sizes and
the time must not grow with the agency's history.

Prints one JSON line: milliseconds (median of five) and queries to compose the work report of the first
county's first bureau for the period since its previous meeting (every provider's section), and to
count one page of the county's subordinate agencies for the superior office's table."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time


def _timed(fn, repeat: int = 5) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()  # warm-up
    with CaptureQueriesContext(connection) as q:
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(samples), 2), len(q)


def measure() -> dict:
    from anwei.meetings.models import SecurityMeeting
    from anwei.orgs.models import Agency
    from anwei.workreports import selectors

    county = Agency.objects.filter(kind=Agency.Kind.COUNTY, parent=None).order_by("path").first()
    bureau = Agency.objects.filter(parent=county, kind=Agency.Kind.BUREAU).order_by("path").first()
    meeting = SecurityMeeting.objects.filter(agency=bureau).order_by("-date", "-pk").first()
    start, end = selectors.default_period(meeting)
    compose_ms, compose_q = _timed(lambda: selectors.compose_text(bureau, start, end))
    counts_ms, counts_q = _timed(lambda: selectors.counts_page(office=county, start=start, end=end))
    return {"kind": "workreport", "compose_ms": compose_ms, "compose_queries": compose_q,
            "counts_ms": counts_ms, "counts_queries": counts_q,
            "characters": len(selectors.compose_text(bureau, start, end))}


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anwei.settings")
    import django

    django.setup()
    print(json.dumps(measure(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
