"""The README's performance tables from saved `anwei bench` outputs (their JSON lines).

    anwei bench > sqlite.txt
    ANWEI_DATABASE_URL=postgres://… anwei bench > postgresql.txt
    python -m bench.table sqlite.txt postgresql.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.run import COUNTY_PAGES, PAGES, _target

NAMES = {"register": "列管事項一覽", "unit_page": "本單位填報", "meeting": "會議頁", "packet": "會議資料預覽",
         "matrix": "計畫執行情形", "rollup": "所屬機關總覽",
         "superior_board": "所屬機關儀表板", "head_board": "機關儀表板", "home": "首頁"}
FIGURES = ["floor_p50_ms", "data_small_rows", "data_big_rows", "data_ratio", "synth_big_s", "data_county_rows",
           "county_agencies", "packet_pages",
           "packet_odt_ms", "packet_docx_ms", "packet_pdf_ms", "packet_pdf_first_ms", "packet_pdf_weasyprint_ms", "libreoffice_ms",
           "packet_pdf_vs_libreoffice", "register_pages", "register_pdf_ms",
           "load_rps", "load_p50_ms", "load_p99_ms", "load_errors", "floor_load_rps", "floor_load_p99_ms",
           "load_vs_floor", "load_cold_rps", "load_cold_p50_ms", "load_cold_p99_ms", "load_cold_errors",
           "worker_rss_mb", "cpus", "loadavg_before_pages", "loadavg_before_load", "bench_seconds"]


def read(path: str) -> dict:
    rows = (json.loads(line) for line in Path(path).read_text().splitlines() if line.startswith("{"))
    return {r["name"]: r["value"] for r in rows}


def _fmt(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def pages_table(runs: dict[str, dict]) -> str:
    head = "| 頁面 | " + " | ".join(f"{e} 小 / 大 p50 (ms) | 成長 | ÷ floor | 查詢數 小/大" for e in runs) + " |"
    lines = [head, "| --- |" + " --- | --- | --- | --- |" * len(runs)]
    for page in PAGES:
        for infix, label in (("", ""), ("_cold", "（重新產生）")):
            cells = []
            for v in runs.values():
                f = lambda s: v.get(f"{page}{infix}_{s}")  # noqa: E731
                cells.append(f"{_fmt(f('p50_small_ms'))} / {_fmt(f('p50_big_ms'))} | {_fmt(f('growth'))} | "
                             f"{_fmt(f('vs_floor'))} | {f('queries_small')} / {f('queries_big')}")
            lines.append(f"| {NAMES[page]}{label}（{page}{infix}） | " + " | ".join(cells) + " |")
    for page in COUNTY_PAGES:  # the county data against the small: ÷ floor as for the small data
        for infix, label in (("", ""), ("_cold", "（重新產生）")):
            cells = []
            for v in runs.values():
                f = lambda s: v.get(f"county_{page}{infix}_{s}")  # noqa: E731
                cells.append(f"{_fmt(v.get(f'{page}{infix}_p50_small_ms'))} / {_fmt(f('p50_big_ms'))} | "
                             f"{_fmt(f('growth'))} | {_fmt(v.get(f'{page}{infix}_vs_floor'))} | "
                             f"{f('queries_small')} / {f('queries_big')}")
            lines.append(f"| {NAMES[page]}{label}，最大縣市（county_{page}{infix}） | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def figures_table(runs: dict[str, dict]) -> str:
    lines = ["| 指標 | 目標 | " + " | ".join(runs) + " |", "| --- | --- |" + " --- |" * len(runs)]
    for name in FIGURES:
        lines.append(f"| `{name}` | {_target(name)} | " + " | ".join(_fmt(v.get(name, "")) for v in runs.values())
                     + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    runs = {}
    for path in argv:
        values = read(path)
        runs[{"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(values.get("engine"), path)] = values
    print(pages_table(runs), "", figures_table(runs), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
