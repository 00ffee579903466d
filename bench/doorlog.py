"""Door-log import and the review page at scale: `python -m bench.doorlog [events]` (with the usual
ANWEI_DATABASE_URL / ANWEI_DATA_DIR). `anwei bench` runs it on its scratch database (figures access_*).

Streams a synthetic door-controller export (generated line by line, never held in memory) through the
import service, and prints one JSON line: events per second, the peak resident memory before and after
(constant memory: it must not grow with the log), and the review page's query count after a small and
after the big import (it must not grow either)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import resource
import sys
import time

DOORS = 40
BADGES = 2000


def _world():
    from anwei.access import services
    from anwei.access.models import AccessSettings
    from anwei.orgs.models import Agency, Person, Role
    from anwei.orgs.services import agency_create, membership_grant, person_create, unit_create

    found = AccessSettings.objects.filter(agency__name="門禁效能測試局").select_related("agency").first()
    if found is not None:
        person = Person.objects.get(username="bench.access")
        return found, person
    agency = agency_create(actor=None, name="門禁效能測試局", kind=Agency.Kind.BUREAU)
    unit = unit_create(actor=None, agency=agency, name="秘書室")
    person = person_create(actor=None, username="bench.access", password="bench-access-2026!", full_name="效能測試",
                           agency=agency, unit=unit)
    membership_grant(actor=None, person=person, agency=agency, role=Role.UNIT_LIAISON, unit=unit)
    settings = services.access_setup(actor=None, agency=agency, managing_unit=unit)
    for a in range(DOORS // 2):
        area = services.area_create(actor=person, settings=settings, data=services.AreaInput(
            name=f"區域{a}", kind="office", level=1))
        services.area_hours_add(actor=person, area=area, data=services.HoursInput(
            starts_on=dt.date(2020, 1, 1), workday_open=dt.time(7, 30), workday_close=dt.time(19)))
        for d in range(2):
            services.door_add(actor=person, area=area, name=f"門{d}", code=f"D{a:02d}{d}")
    for b in range(BADGES):
        services.badge_issue(actor=person, settings=settings, data=services.BadgeInput(
            number=f"B{b:05d}", kind="contractor", issued_on=dt.date(2024, 1, 1), holder_name=f"持卡人{b}",
            organisation="廠商", ends_on=dt.date(2026, 12, 31)))
    return settings, person


def _lines(n: int, seed: int):
    rnd = random.Random(seed)
    start = dt.datetime(2025, 1, 1, 6, 0)
    yield "時間,門號,卡號,結果\n".encode()
    for i in range(n):
        t = start + dt.timedelta(seconds=i * 30 + rnd.randint(0, 29))
        door = f"D{rnd.randrange(DOORS // 2):02d}{rnd.randrange(2)}"
        result = "通過" if rnd.random() > 0.01 else "失敗"
        yield f"{t:%Y/%m/%d %H:%M:%S},{door},B{rnd.randrange(BADGES):05d},{result}\n".encode()


def _import(settings, person, n: int, seed: int) -> float:
    """Keep the generated file (as an upload would be), then read it as the background worker does."""
    from anwei.access import services
    from anwei.access.tasks import door_log_run

    digest = hashlib.sha256(f"bench-{n}-{seed}-{time.time()}".encode()).hexdigest()
    log = services.door_log_start(actor=person, settings=settings, upload=_lines(n, seed), filename=f"bench{n}.csv",
                                  digest=digest)
    t0 = time.perf_counter()
    log = door_log_run(log)
    seconds = time.perf_counter() - t0
    assert log.status == log.Status.DONE and log.rows == n, (log.status, log.rows, log.error)
    return seconds


def _review_queries(person) -> int:
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.force_login(person)
    count = [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    from django.core.cache import caches

    from anwei.core import pagecache
    from anwei.orgs import policy

    client.get("/access/events/")  # the first request after a login settles the session: not the page's work
    caches[pagecache.ALIAS].clear()  # a cold render, as tests/cold.py measures pages
    caches[policy.GRANTS_CACHE].clear()
    with connection.execute_wrapper(counter):
        response = client.get("/access/events/")
    assert response.status_code == 200, response.status_code
    return count[0]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(events: int = 1_000_000) -> dict:
    settings, person = _world()
    small = max(events // 100, 1000)
    _import(settings, person, small, 1)
    rss_small = _rss_mb()
    queries_small = _review_queries(person)
    seconds = _import(settings, person, events, 2)
    return {"kind": "doorlog", "events": events, "seconds": round(seconds, 1),
            "events_per_s": round(events / seconds), "rss_after_small_mb": round(rss_small, 1),
            "rss_after_big_mb": round(_rss_mb(), 1), "review_queries_small": queries_small,
            "review_queries_big": _review_queries(person)}


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anwei.settings")
    import django

    django.setup()
    print(json.dumps(measure(int(argv[0]) if argv else 1_000_000), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
