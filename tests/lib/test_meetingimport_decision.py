"""是否列管: which choice is marked, however the boxes came out of the file."""

import pytest

from anwei.lib.meetingimport.decision import read_decision


@pytest.mark.parametrize("text,decision", [
    ("□繼續列管\n■解除列管", "release"),  # the app's cell
    ("■繼續列管\n□解除列管", "continue"),
    ("☐ 繼續列管 ☑ 解除列管", "release"),
    ("☒繼續列管 ☐解除列管", "continue"),
    ("V繼續列管 解除列管", "continue"),
    ("□繼續列\n管\n■解除列\n管", "release"),  # a PDF cell broken inside the words
    ("解除列管", "release"),  # the app's minutes print the choice as text
    ("繼續列管", "continue"),
])
def test_a_marked_choice_is_read_without_warning(text, decision):
    marked = read_decision(text)
    assert (marked.decision, marked.warning) == (decision, None)


def test_nothing_marked_is_no_decision_and_no_warning():
    # seed 000's packet, before the meeting: every box empty
    marked = read_decision("□繼續\n列管\n□解除\n列管")
    assert (marked.decision, marked.warning, marked.boxes) == (None, None, True)


def test_seed_001_scattered_boxes_are_read_with_a_warning():
    released = read_decision("□ 繼續 ■ 列管 ■ 解除 □ 列管")
    kept = read_decision("□ 繼續 ■ 列管 □ 解除 □ 列管")
    assert released.decision == "release" and "請核對" in released.warning
    assert kept.decision == "continue" and "請核對" in kept.warning


@pytest.mark.parametrize("text", ["■繼續列管 ■解除列管", "繼續列管 解除列管"])
def test_both_or_neither_marked_is_no_decision_with_a_reason(text):
    marked = read_decision(text)
    assert marked.decision is None and marked.warning
