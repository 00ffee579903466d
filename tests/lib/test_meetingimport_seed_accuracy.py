"""Accuracy on the real documents: the fields a careful reader takes from seeds 000, 001
(packets) and 002 (minutes), as given, with their broken columns. Prints a table per seed."""

import pytest

from anwei.lib.docextract import extract
from anwei.lib.meetingimport import parse_meeting
from tests.lib.accuracy import compare, rate, table
from tests.lib.conftest import DATA
from tests.lib.meeting_expected import SEED_001, SEEDS


def _draft(name):
    path = DATA / name
    return parse_meeting(extract(path.read_bytes(), path.name))


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_field_accuracy_is_at_least_95_percent(name, capsys):
    checks = compare(_draft(name), SEEDS[name])
    with capsys.disabled():
        print("\n" + table(f"seed {name}", checks))
    assert rate(checks) >= 0.95, table(name, checks)


def test_seed_001_directives_text_and_units_are_all_right():
    checks = [c for c in compare(_draft(SEED_001), SEEDS[SEED_001])
              if c.group in ("directives.count", "directives.text", "directives.lead_unit", "directives.co_units",
                             "directives.all_units")]
    assert len(checks) == 1 + 6 * 4
    assert all(c.ok for c in checks), [c for c in checks if not c.ok]
