"""The daily reminder pass over a database as it stands: `python -m bench.reminders` (with the usual
ANWEI_DATABASE_URL / ANWEI_DATA_DIR), e.g. on the national synthetic dataset of `anwei synth`.
`anwei bench` runs the same measure on its small and big data (figures reminders_pass_*).

Prints one JSON line: seconds to plan (read every app's open obligations, rules, calendar, posts) and
to write the notices, the number of read queries (the same at every size: it must not grow with the
closed history) and of write statements (batches of 1,000 notices), and the counts."""

from __future__ import annotations

import json
import os
import sys
import time


def measure() -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from anwei.core import clock
    from anwei.core.workdays import workday_next_or_same
    from anwei.notifications import engine, services

    day = workday_next_or_same(clock.today())  # a day off would send nothing and measure nothing
    t0 = time.perf_counter()
    with CaptureQueriesContext(connection) as reads:
        plan = engine.reminders_plan(day)
    t1 = time.perf_counter()
    with CaptureQueriesContext(connection) as writes:
        services.notices_deliver(plan=plan)
    t2 = time.perf_counter()
    return {"kind": "reminders", "day": day.isoformat(), "seconds": round(t2 - t0, 2), "plan_s": round(t1 - t0, 2),
            "write_s": round(t2 - t1, 2), "queries": len(reads), "writes": len(writes),
            "obligations": plan.obligations, "notices": len(plan.notices)}


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anwei.settings")
    import django

    django.setup()
    print(json.dumps(measure(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
