"""One part of the parse at a time: if hostile input trips a part, the draft says so and the
other parts still come through. The part that failed is marked for the officer, not guessed."""

from __future__ import annotations

from collections.abc import Callable

from anwei.lib.meetingimport.draft import MeetingDraft, Problem


def guarded(draft: MeetingDraft, where: str, run: Callable[[], None]) -> None:
    try:
        run()
    except RecursionError:
        draft.problems.append(Problem("文件結構過於複雜，這部分無法解析，請對照原文補正", where))
    except Exception as exc:  # noqa: BLE001 — see the docstring; the type name is kept for the developers
        draft.problems.append(Problem(f"這部分內容無法解析，請對照原文補正（{type(exc).__name__}）", where))
