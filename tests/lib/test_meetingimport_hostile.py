"""Hostile text never makes the parser raise anything but NotAMeetingDocument: shuffled,
cut and garbled seeds, huge tables, one enormous line. A part that fails anyway is marked."""

import random

import pytest

from anwei.lib.meetingimport import NotAMeetingDocument, packet, parse_meeting
from tests.lib.meeting_expected import SEED_000, SEED_001, SEED_002

GARBAGE = ["□", "■", "\t\t\t", "一、", "（一）", "第1案", "案號", "決議：", "主席裁示：", "壹、", "柒、散會(下午99時99分)",
           "109年13月45日", "11:99", "<p>", "</p>", "**", "#", "- ", "\u200b", "\ufffd", "𠀀", "\x00", "9" * 400,
           "安全維護會報第999次會議", "主(協)辦單位", "程序表", "專題報告", "提案討論表", "辦理情形"]


def _variants(text: str, rng: random.Random):
    lines = text.splitlines()
    yield "\n".join(rng.sample(lines, len(lines)))  # shuffled
    cut = rng.randrange(len(lines))
    yield "\n".join(lines[:cut])  # cut short
    yield "\n".join(lines[cut:])  # its start missing
    noisy = list(lines)
    for _ in range(60):
        noisy.insert(rng.randrange(len(noisy) + 1), rng.choice(GARBAGE) * rng.randint(1, 3))
    yield "\n".join(noisy)
    yield "\n".join(line.replace("\t", rng.choice(["", " ", "\t\t"])) for line in lines)
    yield "\n".join("".join(rng.sample(line, len(line))) for line in lines)  # every line scrambled


def _survives(text: str) -> None:
    try:
        draft = parse_meeting(text)
    except NotAMeetingDocument:
        return
    draft.as_dict()


@pytest.mark.parametrize("name", [SEED_000, SEED_001, SEED_002])
def test_garbled_seeds_never_raise(seed_text, name):
    rng = random.Random(name)
    text = seed_text(name)
    for _ in range(8):
        for variant in _variants(text, rng):
            _survives(variant)


def test_random_text_never_raises():
    rng = random.Random(20)
    alphabet = "安全維護會報程序表提案討論表決議案由說明辦法主席裁示一二三、（）()□■\t\n 0123456789:：年月日時分第次"
    for _ in range(300):
        _survives("某局安全維護會報110年第1次會議資料\n" + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 800))))


def test_huge_inputs_are_parsed(seed_text):
    """A pathological pattern would hang here (and the suite with it); how long it takes is measured by bench,
    not asserted: a busy machine made a time limit fail on correct code."""
    rows = "\n".join(f"{i}\t請秘書室辦理第{i}項。\t秘書室\t已辦理。\t□繼續列管 ■解除列管" for i in range(1, 5001))
    table = ("某機關安全維護會報110年第1次會議程序表\n某機關安全維護會報109年第2次會議\n主席裁（指）示事項辦理情形\n"
             "項次\t主席裁（指）示事項\t主(協)辦單位\t執行情形\t是否列管\n" + rows)
    for text in (seed_text(SEED_000) * 20, table, "某機關安全維護會報110年第1次會議資料\n" + "□" * 300_000):
        _survives(text)


def test_a_part_that_fails_is_marked_and_the_rest_comes_through(seed_text, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("boom")
    monkeypatch.setattr(packet, "work_report", broken)
    draft = parse_meeting(seed_text(SEED_001))
    assert len(draft.directives) == 6 and len(draft.proposals) == 4
    problem = next(p for p in draft.problems if p.where.startswith("work"))
    assert "無法解析" in problem.message and "ValueError" in problem.message


@pytest.mark.parametrize("name", [SEED_000, SEED_001, SEED_002])
def test_the_seeds_trip_no_part(seed_text, name):
    assert not [p for p in parse_meeting(seed_text(name)).problems if "無法解析" in p.message]
