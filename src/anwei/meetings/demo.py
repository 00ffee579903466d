"""Demo: the bureau replays the meeting cycle of seeds 001 → 000 (people invented), so that the
demo shows a real 109年第1次 packet with 108年第2次's eight directives and three proposals."""

from __future__ import annotations

from anwei.meetings.replay import replay_bureau_cycle


def load(ctx: dict) -> None:
    people = ctx["people"]
    head = people.get("head")
    officer = people["officer"]
    ctx["meetings"] = replay_bureau_cycle(
        agency=ctx["bureau"], units=ctx["units"], officer=officer,
        liaisons={"秘書室": people["liaison"], "污水養護工程科": people["liaison.sewer"], "人事室": people["liaison.hr"]},
        chair=f"{head.title}{head.full_name}" if head else "局長", recorder=f"{officer.title}{officer.full_name}")
