"""Page timings at two data sizes, in one process, interleaved so that machine noise hits both.

Run by bench.run as a child process:  python -m bench.pages SMALL_DB_NAME BIG_DB_NAME ROUNDS PER_ROUND [COUNTY_DB_NAME]
with ANWEI_DATABASE_URL pointing at the server (its database name is swapped between them)
and DJANGO_SETTINGS_MODULE=anwei.perf.settings_bench. The county database is timed for COUNTY_PAGES only.
Prints JSON lines:
  {"kind": "page", "size": "small"|"big"|"county", "name": ..., "p50": ms, "cold": bool}
  {"kind": "county", "agencies": n}   (the agencies below the county whose superior is timed)
  {"kind": "queries", "size": ..., "name": ..., "queries": n, "cold": bool, "status": code}
  {"kind": "session", "cookies": {role: "sessionid=…; csrftoken=…"}, "paths": {...}}   (for the load test, big data)
  {"kind": "reminders", "size": ..., "seconds": s, "queries": n, "obligations": n, "notices": n}
  {"kind": "workreport", "size": ..., "compose_ms": ms, "compose_queries": n, "counts_ms": ms, "counts_queries": n}

Each page is timed twice: as served (a repeated request, answered from the page cache while the
data is unchanged) and cold (the page cache emptied before every request: the page's whole work).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

# The pages timed on the county data too: those whose work grows with a county's agencies.
COUNTY_PAGES = ["superior_board"]
PAGES = ["register", "unit_page", "meeting", "packet", "matrix", "rollup", "superior_board", "head_board", "home"]


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anwei.perf.settings_bench")
    import django

    django.setup()


def _use(name: str) -> None:
    from django.db import connections

    conn = connections["default"]
    if conn.settings_dict["NAME"] != name:
        conn.close()
        conn.settings_dict["NAME"] = name


def subjects() -> dict:
    """Who looks at what, found in the synthetic data: the first county's superior officer,
    its first bureau's ethics officer and one unit liaison, the bureau's latest meeting, and
    the county's latest plan dispatched to its whole subtree."""
    from django.urls import reverse

    from anwei.meetings.models import SecurityMeeting
    from anwei.orgs.models import Agency, Membership, Role
    from anwei.plans.models import Letter, Occasion

    county = Agency.objects.filter(kind=Agency.Kind.COUNTY, parent=None).order_by("path").first()
    bureau = Agency.objects.filter(parent=county, kind=Agency.Kind.BUREAU).order_by("path").first()

    def holder(agency, role):
        return Membership.objects.filter(agency=agency, role=role).select_related("person").order_by("pk")[0].person

    meeting = SecurityMeeting.objects.filter(agency=bureau).order_by("-date", "-pk").first()
    letter = (Letter.objects.filter(agency=county, plan__occasion=Occasion.LUNAR_NEW_YEAR, dispatched_at__isnull=False)
              .order_by("-date", "-pk").first())
    officer, liaison, superior = (holder(bureau, Role.ETHICS_OFFICER), holder(bureau, Role.UNIT_LIAISON),
                                  holder(county, Role.SUPERIOR_OFFICER))
    head = holder(bureau, Role.AGENCY_HEAD)
    return {
        "county_agencies": Agency.objects.filter(path__startswith=county.path).exclude(pk=county.pk).count(),
        "people": {"officer": officer, "liaison": liaison, "superior": superior, "head": head},
        "pages": {
            "register": ("officer", reverse("tracking:register")),
            "unit_page": ("liaison", reverse("tracking:my_items")),
            "meeting": ("officer", reverse("meetings:detail", args=[meeting.pk])),
            "packet": ("officer", reverse("meetings:packet", args=[meeting.pk])),
            "matrix": ("superior", reverse("plans:matrix", args=[letter.pk])),
            "rollup": ("superior", reverse("rollup:overview")),
            # the dashboards, charts included: every subordinate agency of the county for this year, ten years' trend
            "superior_board": ("superior", reverse("dashboards:superior")),
            "head_board": ("head", reverse("dashboards:agency")),
            "home": ("officer", reverse("home")),
            "floor": ("officer", reverse("bench_floor")),
        },
    }


def measure(small: str, big: str, rounds: int, per_round: int, county: str | None = None) -> list[dict]:
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def caches_clear() -> None:  # a cold render: pages and people's grants gathered afresh
        caches["pages"].clear()
        caches["grants"].clear()

    sizes = {"small": small, "big": big, **({"county": county} if county else {})}
    setups = {}
    out = []
    for size, name in sizes.items():
        _use(name)
        s = subjects()
        if size == "county":
            s["pages"] = {k: v for k, v in s["pages"].items() if k in COUNTY_PAGES}
            out.append({"kind": "county", "agencies": s["county_agencies"]})
        clients = {}
        for role, person in s["people"].items():
            clients[role] = Client(HTTP_HOST="127.0.0.1")
            clients[role].force_login(person)
        setups[size] = (s["pages"], clients)

    samples: dict[tuple[str, str], list[float]] = {}
    for size, name in sizes.items():  # warm-up (template loading, first connection) and query counts
        _use(name)
        pages, clients = setups[size]
        for page, (role, url) in pages.items():
            for cold in (True, False):
                clients[role].get(url)
                if cold:
                    caches_clear()
                with CaptureQueriesContext(connection) as q:
                    response = clients[role].get(url)
                out.append({"kind": "queries", "size": size, "name": page, "queries": len(q), "cold": cold,
                            "status": response.status_code})
    deadline = time.monotonic() + 600  # bounded whatever happens
    for _ in range(rounds):
        for size, name in sizes.items():
            _use(name)
            pages, clients = setups[size]
            for page, (role, url) in pages.items():
                for cold in (False, True):
                    if not cold:  # the previous page's cold samples emptied the cache: re-fill it, untimed
                        clients[role].get(url)
                    for _ in range(per_round):
                        if cold:
                            caches_clear()
                        t0 = time.perf_counter()
                        clients[role].get(url)
                        samples.setdefault((size, page, cold), []).append((time.perf_counter() - t0) * 1000)
        if time.monotonic() > deadline:
            break
    for (size, page, cold), values in samples.items():
        out.append({"kind": "page", "size": size, "name": page, "cold": cold,
                    "p50": round(statistics.median(values), 2), "n": len(values)})
    for size, name in (("small", small), ("big", big)):  # after the pages: the pass writes notices (and bells)
        _use(name)
        out.append(reminders(size))
        out.append(workreport(size))
        out.append(search(size))
    # sessions on the big data for the load test
    _use(big)
    pages, clients = setups["big"]
    # (a browser sends its CSRF cookie too; without it every answer would set a new one)
    out.append({"kind": "session",
                "cookies": {role: "; ".join(f"{k}={c.cookies[k].value}" for k in ("sessionid", "csrftoken"))
                            for role, c in clients.items()},
                "paths": {page: [role, url] for page, (role, url) in pages.items()}})
    return out


def reminders(size: str) -> dict:
    """The daily reminder pass over the whole dataset (bench.reminders)."""
    from bench.reminders import measure

    return {**measure(), "size": size}


def workreport(size: str) -> dict:
    """The work report composed from the records, and the superior office's counts (bench.workreport)."""
    from bench.workreport import measure

    return {**measure(), "size": size}


def search(size: str) -> dict:
    """The one search: index build, a two-character query against a LIKE scan (bench.search)."""
    from bench.search import measure

    return {**measure(), "size": size}


def main(argv: list[str]) -> int:
    _setup()
    small, big, rounds, per_round = argv[0], argv[1], int(argv[2]), int(argv[3])
    for row in measure(small, big, rounds, per_round, argv[4] if len(argv) > 4 else None):
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
