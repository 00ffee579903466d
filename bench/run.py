"""The whole benchmark in one process tree: `anwei bench [--quick|--smoke]` (or `make bench`).

1. Scratch databases (never the developer's): SQLite files in a temporary directory, or on
   PostgreSQL (when ANWEI_DATABASE_URL names one) `<name>_small`, `<name>_big` and (full run)
   `<name>_county`, created from the migrated `<name>` as a template. `anwei synth` fills them (at once).
2. bench.pages times every main page on small and big, interleaved, plus the bare floor view; and the
   superior's board on the county data (the synthetic default: its first county has 399 agencies below it).
3. bench.docs: the 30-page packet as ODT/DOCX/PDF and LibreOffice's conversion of the same ODT; a 200-page register as PDF.
4. bench.load: gunicorn (2 workers) on 127.0.0.1 with the big data, wrk with 50 connections.

Prints one JSON object per line {"name", "value", "unit"}, then a summary table with targets.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.pages import COUNTY_PAGES

REPO = Path(__file__).resolve().parent.parent
PAGES = ["register", "unit_page", "meeting", "packet", "matrix", "rollup", "superior_board", "head_board", "home"]
# How often each page is opened in the load mix (per 15 requests).
MIX = {"register": 3, "unit_page": 2, "meeting": 2, "packet": 1, "matrix": 1, "rollup": 1, "superior_board": 1,
       "head_board": 1, "home": 3}


@dataclass(frozen=True)
class Mode:
    name: str
    small: tuple[int, int]  # agencies, years
    big: tuple[int, int]
    rounds: int  # interleaved rounds of page timings
    per_round: int  # requests per page per round
    load_seconds: int
    docs_repeat: int
    overlap_docs: bool
    door_events: int = 1_000_000  # the door-log import (bench.doorlog)
    # the synthetic default, whose first county has 399 agencies below it: the superior's board alone (COUNTY_PAGES)
    county: tuple[int, int] | None = None


MODES = {
    # small: one county of 55 agencies in its first year, so that every list fills its first page;
    # big: 100x (10x) the agency-years, the county grown to 183 (61) agencies with 10 (3) years of history.
    # county: the largest synthetic county (399 agencies below it, 10 years) for the superior's board.
    "full": Mode("full", (55, 1), (550, 10), rounds=6, per_round=4, load_seconds=30, docs_repeat=3,
                 overlap_docs=False, county=(1200, 10)),
    "quick": Mode("quick", (55, 1), (183, 3), rounds=2, per_round=3, load_seconds=10, docs_repeat=1,
                  overlap_docs=True, door_events=100_000),
    "smoke": Mode("smoke", (3, 1), (6, 1), rounds=1, per_round=1, load_seconds=1, docs_repeat=1,
                  overlap_docs=True, door_events=2_000, county=(6, 1)),
}

# name → (limit, comparison) for the summary table
TARGETS = {"_growth": (1.3, "≤"), "_vs_floor": (2.0, "≤"), "load_errors": (0, "="), "load_p99_ms": (250, "≤"),
           "packet_pdf_vs_libreoffice": (0.5, "≤"), "packet_odt_ms": (150, "≤"), "worker_rss_mb": (150, "≤"),
           "search_p50_big_ms": (50, "≤"), "search_scan_over_index": (50, "≥")}


def emit(out: list[dict], name: str, value, unit: str) -> None:
    row = {"name": name, "value": value, "unit": unit}
    out.append(row)
    print(json.dumps(row, ensure_ascii=False), flush=True)


SECRET = secrets.token_urlsafe(50)  # one per run: sessions made by bench.pages must be valid under gunicorn


def _child_env(database_url: str, data_dir: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "ANWEI_DATABASE_URL": database_url, "ANWEI_DATA_DIR": str(data_dir), "ANWEI_DEBUG": "false",
        "ANWEI_SECRET_KEY": SECRET, "ANWEI_AUDIT_KEY": SECRET, "ANWEI_HTTPS": "false",
        "ANWEI_ALLOWED_HOSTS": "127.0.0.1,localhost", "DJANGO_SETTINGS_MODULE": "anwei.perf.settings_bench",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")])),
    })
    return env


def _anwei(*args: str, env: dict, timeout: float) -> subprocess.CompletedProcess:
    p = subprocess.run([str(Path(sys.executable).with_name("anwei")), *args], env=env, cwd=REPO,
                       capture_output=True, text=True, timeout=timeout)
    if p.returncode:
        raise RuntimeError(f"anwei {' '.join(args)} failed:\n{p.stderr[-3000:]}")
    return p


def _schema_hash() -> str:
    h = hashlib.sha1()
    for f in sorted((REPO / "src" / "anwei").glob("*/migrations/*.py")):
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:16]


class Databases:
    """The scratch databases (small, big, and the county's when the mode has one) and their URLs."""

    def __init__(self, work: Path, sizes: tuple[str, ...] = ("small", "big")) -> None:
        import dj_database_url

        self.work = work
        self.base_url = os.environ.get("ANWEI_DATABASE_URL", "")
        self.pg = self.base_url.startswith(("postgres://", "postgresql://"))
        if self.pg:
            cfg = dj_database_url.parse(self.base_url)
            self.cfg = cfg
            stem = self.base_url.rsplit("/", 1)[0]
            self.names = {k: f"{cfg['NAME']}_{k}" for k in sizes}
            self.urls = {k: f"{stem}/{v}" for k, v in self.names.items()}
        else:
            self.names = {k: str(work / f"{k}.sqlite3") for k in sizes}
            self.urls = {k: f"sqlite:///{v}" for k, v in self.names.items()}

    @property
    def engine(self) -> str:
        return "postgresql" if self.pg else "sqlite"

    def create(self) -> None:
        if self.pg:
            with self._admin() as conn:  # the template database, created on a new server
                if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.cfg["NAME"]]).fetchone():
                    conn.execute(f'CREATE DATABASE "{self.cfg["NAME"]}"')
            _anwei("migrate", "--noinput", "-v0", env=_child_env(self.base_url, self.work), timeout=900)
            with self._admin() as conn:
                for name in self.names.values():
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                    conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.cfg["NAME"]}"')
            return
        # SQLite: migrate once per set of migrations, then copy the empty schema.
        cache = Path(os.environ.get("ANWEI_BENCH_CACHE", Path(tempfile.gettempdir()) / "anwei-bench-cache"))
        cache.mkdir(parents=True, exist_ok=True)
        schema = cache / f"schema-{_schema_hash()}.sqlite3"
        if not schema.exists():
            tmp = cache / f"{schema.name}.{os.getpid()}.tmp"
            _anwei("migrate", "--noinput", "-v0", env=_child_env(f"sqlite:///{tmp}", self.work), timeout=900)
            _sqlite_checkpoint(tmp)
            tmp.replace(schema)
        for name in self.names.values():
            shutil.copyfile(schema, name)

    def drop(self) -> None:
        if self.pg:
            with self._admin() as conn:
                for name in self.names.values():
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')

    def _admin(self):
        import psycopg

        c = self.cfg
        return psycopg.connect(host=c["HOST"] or None, port=c["PORT"] or None, user=c["USER"] or None,
                               password=c["PASSWORD"] or None, dbname="postgres", autocommit=True)


def _loadavg() -> float:
    """Other processes' load: these machines are shared, and absolute times depend on it."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def _sqlite_checkpoint(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _synth(dbs: Databases, mode: Mode) -> dict[str, tuple[float, int]]:
    procs = {}
    for size, (agencies, years) in _sizes(mode).items():
        procs[size] = subprocess.Popen(
            [str(Path(sys.executable).with_name("anwei")), "synth", "--agencies", str(agencies), "--years", str(years)],
            env=_child_env(dbs.urls[size], dbs.work), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
    result = {}
    for size, p in procs.items():
        out, err = p.communicate(timeout=3600)
        if p.returncode:
            raise RuntimeError(f"synth {size} failed: {err[-2000:]}")
        total = next(int(line.split()[-1].replace(",", "")) for line in out.splitlines() if line.startswith("合計"))
        seconds = float(next(line.split()[1] for line in out.splitlines() if line.startswith("耗時")))
        result[size] = (seconds, total)
    return result


def _sizes(mode: Mode) -> dict[str, tuple[int, int]]:
    return {"small": mode.small, "big": mode.big, **({"county": mode.county} if mode.county else {})}


def _pages(dbs: Databases, mode: Mode) -> list[dict]:
    env = _child_env(dbs.urls["small"], dbs.work)
    p = subprocess.run([sys.executable, "-m", "bench.pages", dbs.names["small"], dbs.names["big"], str(mode.rounds),
                        str(mode.per_round), *([dbs.names["county"]] if "county" in dbs.names else [])],
                       env=env, cwd=REPO, capture_output=True, text=True, timeout=900)
    if p.returncode:
        raise RuntimeError(f"bench.pages failed: {p.stderr[-3000:]}")
    return [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]


DOCS = """
import json
from bench.docs import run
for row in run(repeat=%(repeat)d):
    print(json.dumps(row))
"""
# --smoke only checks that every figure is produced: a 4-item packet, without LibreOffice.
DOCS_SMOKE = """
import io, json
from bench.docs import _best_of, _setup_django
_setup_django()
from pypdf import PdfReader
from anwei.documents.render import render
from anwei.documents.specimen import packet
from anwei.documents.specimen import register
doc = packet(directives=4, proposals=1)
pdf_ms, pdf = _best_of(lambda: render(doc, "pdf"), 1)
reg_ms, reg = _best_of(lambda: render(register(10), "pdf"), 1)
for name, value in [("docs.pages", len(PdfReader(io.BytesIO(pdf)).pages)), ("docs.pdf", pdf_ms),
                    ("docs.register_pages", len(PdfReader(io.BytesIO(reg)).pages)), ("docs.register_pdf", reg_ms),
                    ("docs.odt", _best_of(lambda: render(doc, "odt"), 1)[0]),
                    ("docs.docx", _best_of(lambda: render(doc, "docx"), 1)[0])]:
    print(json.dumps({"name": name, "value": value}))
"""


def _doorlog(dbs: Databases, mode: Mode) -> dict:
    """The door-log import at its size and the review page's queries before and after (bench.doorlog)."""
    p = subprocess.run([sys.executable, "-m", "bench.doorlog", str(mode.door_events)],
                       env=_child_env(dbs.urls["small"], dbs.work), cwd=REPO, capture_output=True, text=True,
                       timeout=3600)
    if p.returncode:
        raise RuntimeError(f"bench.doorlog failed: {p.stderr[-3000:]}")
    return json.loads(next(line for line in p.stdout.splitlines() if line.startswith("{")))


def _docs_start(dbs: Databases, mode: Mode) -> subprocess.Popen:
    code = DOCS_SMOKE if mode.name == "smoke" else DOCS % {"repeat": mode.docs_repeat}
    return subprocess.Popen([sys.executable, "-c", code], env=_child_env(dbs.urls["small"], dbs.work), cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _docs_result(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=900)
    if proc.returncode:
        raise RuntimeError(f"bench.docs failed: {err[-3000:]}")
    return {r["name"]: r["value"] for r in map(json.loads, (x for x in out.splitlines() if x.startswith("{")))}


def run(mode_name: str = "full", keep: bool = False) -> list[dict]:
    from bench import load

    mode = MODES[mode_name]
    out: list[dict] = []
    work = Path(tempfile.mkdtemp(prefix="anwei-bench-"))
    dbs = Databases(work, tuple(_sizes(mode)))
    started = time.monotonic()
    docs_proc = None
    try:
        emit(out, "engine", dbs.engine, "")
        emit(out, "mode", mode.name, "")
        dbs.create()
        # --quick and --smoke render the documents while the data is generated (time is short);
        # the full run renders them alone.
        docs_proc = _docs_start(dbs, mode) if mode.overlap_docs else None
        synth = _synth(dbs, mode)
        docs = _docs_result(docs_proc or _docs_start(dbs, mode))
        emit(out, "data_small_rows", synth["small"][1], "rows")
        emit(out, "data_big_rows", synth["big"][1], "rows")
        emit(out, "data_ratio", round(synth["big"][1] / synth["small"][1], 1), "x")
        emit(out, "synth_big_s", synth["big"][0], "s")
        if "county" in synth:
            emit(out, "data_county_rows", synth["county"][1], "rows")

        emit(out, "cpus", os.cpu_count(), "cores")
        emit(out, "loadavg_before_pages", _loadavg(), "")
        rows = _pages(dbs, mode)
        p50 = {(r["size"], r["name"], r["cold"]): r["p50"] for r in rows if r["kind"] == "page"}
        queries = {(r["size"], r["name"], r["cold"]): r["queries"] for r in rows if r["kind"] == "queries"}
        status = {(r["size"], r["name"], r["cold"]): r["status"] for r in rows if r["kind"] == "queries"}
        bad = {k: v for k, v in status.items() if v != 200}
        if bad:
            raise RuntimeError(f"pages did not answer 200: {bad}")
        floor = p50[("small", "floor", False)]
        emit(out, "floor_p50_ms", floor, "ms")
        # <page>_…: as served (a repeated request); <page>_cold_…: rendered afresh (page cache emptied).
        for page in PAGES:
            for cold, infix in ((False, ""), (True, "_cold")):
                small, big = p50[("small", page, cold)], p50[("big", page, cold)]
                emit(out, f"{page}{infix}_p50_small_ms", small, "ms")
                emit(out, f"{page}{infix}_p50_big_ms", big, "ms")
                emit(out, f"{page}{infix}_growth", round(big / small, 2), "ratio")
                emit(out, f"{page}{infix}_vs_floor", round(small / floor, 2), "ratio")
                emit(out, f"{page}{infix}_queries_small", queries[("small", page, cold)], "queries")
                emit(out, f"{page}{infix}_queries_big", queries[("big", page, cold)], "queries")
        # county_<page>_…: the same page for the largest synthetic county (399 agencies, 10 years) against the small
        if mode.county:
            emit(out, "county_agencies", next(r["agencies"] for r in rows if r["kind"] == "county"), "agencies")
        for page in COUNTY_PAGES if mode.county else ():
            for cold, infix in ((False, ""), (True, "_cold")):
                small, county = p50[("small", page, cold)], p50[("county", page, cold)]
                emit(out, f"county_{page}{infix}_p50_big_ms", county, "ms")
                emit(out, f"county_{page}{infix}_growth", round(county / small, 2), "ratio")
                emit(out, f"county_{page}{infix}_queries_small", queries[("small", page, cold)], "queries")
                emit(out, f"county_{page}{infix}_queries_big", queries[("county", page, cold)], "queries")

        rem = {r["size"]: r for r in rows if r["kind"] == "reminders"}
        emit(out, "reminders_pass_s", rem["big"]["seconds"], "s")
        emit(out, "reminders_pass_queries", rem["big"]["queries"], "queries")
        emit(out, "reminders_pass_queries_small", rem["small"]["queries"], "queries")
        emit(out, "reminders_pass_s_small", rem["small"]["seconds"], "s")
        emit(out, "reminders_obligations_big", rem["big"]["obligations"], "obligations")
        emit(out, "reminders_notices_big", rem["big"]["notices"], "notices")
        emit(out, "reminders_write_statements_big", rem["big"]["writes"], "statements")

        wr = {r["size"]: r for r in rows if r["kind"] == "workreport"}
        for key in ("compose", "counts"):
            emit(out, f"workreport_{key}_small_ms", wr["small"][f"{key}_ms"], "ms")
            emit(out, f"workreport_{key}_big_ms", wr["big"][f"{key}_ms"], "ms")
            emit(out, f"workreport_{key}_growth", round(wr["big"][f"{key}_ms"] / wr["small"][f"{key}_ms"], 2), "ratio")
            emit(out, f"workreport_{key}_queries_small", wr["small"][f"{key}_queries"], "queries")
            emit(out, f"workreport_{key}_queries_big", wr["big"][f"{key}_queries"], "queries")

        door = _doorlog(dbs, mode)
        emit(out, "access_import_events", door["events"], "events")
        emit(out, "access_import_s", door["seconds"], "s")
        emit(out, "access_import_events_per_s", door["events_per_s"], "events/s")
        emit(out, "access_import_rss_growth_mb", round(door["rss_after_big_mb"] - door["rss_after_small_mb"], 1), "MB")
        emit(out, "access_review_queries_small", door["review_queries_small"], "queries")
        emit(out, "access_review_queries_big", door["review_queries_big"], "queries")
        se = {r["size"]: r for r in rows if r["kind"] == "search"}
        if se:  # the one search (bench/search.py): the index is built from the bulk-written data first
            emit(out, "search_rows_big", se["big"]["rows"], "rows")
            emit(out, "search_build_big_s", se["big"]["build_s"], "s")
            emit(out, "search_size_big_mb", se["big"]["size_mb"], "MB")
            emit(out, "search_p50_big_ms", se["big"]["p50_ms"], "ms")
            emit(out, "search_scan_big_ms", se["big"]["scan_ms"], "ms")
            emit(out, "search_scan_over_index", se["big"]["ratio"], "ratio")
            emit(out, "search_scan_first_big_ms", se["big"]["scan_first_ms"], "ms")
            emit(out, "search_scan_first_over_index", se["big"]["ratio_first"], "ratio")
            emit(out, "search_queries_small", se["small"]["queries"], "queries")
            emit(out, "search_queries_big", se["big"]["queries"], "queries")

        emit(out, "packet_pages", docs.get("docs.pages"), "pages")
        for fmt in ("odt", "docx", "pdf"):
            emit(out, f"packet_{fmt}_ms", round(docs[f"docs.{fmt}"], 1), "ms")
        emit(out, "packet_pdf_first_ms", docs.get("docs.pdf_first"), "ms")
        emit(out, "packet_pdf_weasyprint_ms", docs.get("docs.pdf_weasyprint"), "ms")
        emit(out, "libreoffice_ms", docs.get("docs.libreoffice_odt_to_pdf"), "ms")
        emit(out, "packet_pdf_vs_libreoffice", docs.get("docs.pdf_over_libreoffice"), "ratio")
        emit(out, "register_pages", docs.get("docs.register_pages"), "pages")
        emit(out, "register_pdf_ms", docs.get("docs.register_pdf"), "ms")

        session = next(r for r in rows if r["kind"] == "session")
        cookies, paths = session["cookies"], session["paths"]
        mix = [(paths[page][1], cookies[paths[page][0]]) for page in PAGES for _ in range(MIX[page])]
        emit(out, "loadavg_before_load", _loadavg(), "")
        result = load.run(env=_child_env(dbs.urls["big"], dbs.work), mix=mix,
                          floor=(paths["floor"][1], cookies["officer"]), seconds=mode.load_seconds)
        app, bare = result["app"], result["floor"]
        emit(out, "load_seconds", mode.load_seconds, "s")
        emit(out, "load_clients", 50, "connections")
        emit(out, "load_rps", app["rps"], "req/s")
        emit(out, "load_p50_ms", app["p50"], "ms")
        emit(out, "load_p99_ms", app["p99"], "ms")
        emit(out, "load_errors", app["errors"], "requests")
        emit(out, "floor_load_rps", bare["rps"], "req/s")
        emit(out, "floor_load_p99_ms", bare["p99"], "ms")
        emit(out, "floor_load_errors", bare["errors"], "requests")
        emit(out, "load_vs_floor", round(bare["rps"] / app["rps"], 2) if app["rps"] and bare["rps"] else None,
             "ratio")
        cold = result["cold"]
        emit(out, "load_cold_rps", cold["rps"], "req/s")
        emit(out, "load_cold_p50_ms", cold["p50"], "ms")
        emit(out, "load_cold_p99_ms", cold["p99"], "ms")
        emit(out, "load_cold_errors", cold["errors"], "requests")
        emit(out, "worker_rss_mb", round(result["rss_mb"], 1), "MB")
        emit(out, "bench_seconds", round(time.monotonic() - started, 1), "s")
    finally:
        if docs_proc is not None and docs_proc.poll() is None:
            docs_proc.kill()
            docs_proc.wait(timeout=10)
        if not keep:
            dbs.drop()
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"# kept {work} {dbs.urls}", file=sys.stderr)
    return out


def _target(name: str) -> str:
    if name.startswith(("load_cold_", "floor_load_")):  # shown for comparison: only errors have a target
        return "= 0" if name.endswith("_errors") else ""
    for suffix, (limit, op) in TARGETS.items():
        if name.endswith(suffix) and not (suffix == "_vs_floor" and (name.startswith("load_") or "_cold" in name)):
            return f"{op} {limit}"
    return ""


def summary(rows: list[dict]) -> str:
    values = {r["name"]: r["value"] for r in rows}
    lines = [f"{'figure':<40} {'value':>10} {'unit':<11} {'target':<8} ok"]
    for r in rows:
        target = _target(r["name"])
        ok = ""
        v = r["value"]
        if target and isinstance(v, (int, float)):
            op, limit = target.split()
            ok = "✓" if (v <= float(limit) if op == "≤" else v >= float(limit) if op == "≥" else
                         v == float(limit)) else "✗"
        if r["name"].endswith("_queries_big"):
            target = "= small"
            ok = "✓" if v == values.get(r["name"].removesuffix("_big") + "_small") else "✗"
        if r["name"] == "reminders_pass_queries":
            target = "= small"
            ok = "✓" if v == values.get("reminders_pass_queries_small") else "✗"
        shown = v if not isinstance(v, float) else f"{v:g}"
        lines.append(f"{r['name']:<40} {shown!s:>10} {r['unit']:<11} {target:<8} {ok}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    rows = run("smoke" if args.smoke else "quick" if args.quick else "full", keep=args.keep)
    print(summary(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
