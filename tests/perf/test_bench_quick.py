"""`anwei bench --smoke` runs the whole benchmark tree (synthetic data, pages, documents,
gunicorn under wrk) at the smallest size and prints every figure, so the benchmark cannot rot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.run import COUNTY_PAGES, PAGES

FIGURES = ["floor_p50_ms", "packet_odt_ms", "packet_docx_ms", "packet_pdf_ms", "libreoffice_ms", "register_pdf_ms",
           "packet_pdf_vs_libreoffice", "load_rps", "load_p50_ms", "load_p99_ms", "load_errors", "load_vs_floor",
           "worker_rss_mb", "load_cold_rps", "load_cold_p50_ms", "load_cold_p99_ms", "load_cold_errors", "reminders_pass_s",
           "reminders_pass_queries", "reminders_pass_queries_small", "workreport_compose_small_ms", "workreport_compose_big_ms",
           "workreport_compose_queries_small", "workreport_compose_queries_big", "workreport_counts_queries_small",
           "workreport_counts_queries_big", "search_rows_big", "search_build_big_s", "search_size_big_mb",
           "search_p50_big_ms", "search_scan_big_ms", "search_scan_over_index", "search_queries_small",
           "search_queries_big"] + [
               f"{page}{infix}_{suffix}" for page in PAGES for infix in ("", "_cold") for suffix in (
                   "p50_small_ms", "p50_big_ms", "growth", "vs_floor", "queries_small", "queries_big")] + [
               "county_agencies"] + [f"county_{page}{infix}_{suffix}" for page in COUNTY_PAGES for infix in ("", "_cold")
                                     for suffix in ("p50_big_ms", "growth", "queries_small", "queries_big")]


def test_bench_smoke_prints_every_figure_with_constant_queries(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "ANWEI_DATABASE_URL"}  # scratch SQLite, never the suite's
    env.update(ANWEI_DEBUG="true", ANWEI_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="anwei.settings")
    anwei = Path(sys.executable).with_name("anwei")
    p = subprocess.run([str(anwei), "bench", "--smoke"], env=env, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-3000:]
    rows = {r["name"]: r for r in map(json.loads, (x for x in p.stdout.splitlines() if x.startswith("{")))}
    assert set(FIGURES) <= set(rows), sorted(set(FIGURES) - set(rows))
    assert all(set(r) == {"name", "value", "unit"} for r in rows.values())
    for page in PAGES:
        for infix in ("", "_cold"):
            assert rows[f"{page}{infix}_queries_small"]["value"] == rows[f"{page}{infix}_queries_big"]["value"], page
        # a page served again does less than one rendered afresh
        assert rows[f"{page}_queries_small"]["value"] < rows[f"{page}_cold_queries_small"]["value"], page
    # the superior's board on the county data: as many queries as for the small county
    assert rows["county_agencies"]["value"] > 0
    for page in COUNTY_PAGES:
        for infix in ("", "_cold"):
            assert (rows[f"county_{page}{infix}_queries_small"]["value"]
                    == rows[f"county_{page}{infix}_queries_big"]["value"]), page
    assert rows["load_rps"]["value"] > 0 and rows["load_cold_rps"]["value"] > 0
    # the reminder pass reads open obligations only: its queries do not grow with the history
    assert rows["reminders_pass_queries"]["value"] == rows["reminders_pass_queries_small"]["value"]
    # the work report is composed in the same number of queries whatever the history
    for key in ("compose", "counts"):
        assert rows[f"workreport_{key}_queries_small"]["value"] == rows[f"workreport_{key}_queries_big"]["value"]
    # the door-log review page reads the same whatever the log's size; the import reports its rate
    assert rows["access_review_queries_small"]["value"] == rows["access_review_queries_big"]["value"]
    assert rows["access_import_events_per_s"]["value"] > 0
    # the search result page: the count and the page, whatever the size of the index
    assert rows["search_queries_small"]["value"] == rows["search_queries_big"]["value"] == 2
    assert "figure" in p.stdout.splitlines()[-len(rows) - 1]  # the summary table follows the JSON lines
