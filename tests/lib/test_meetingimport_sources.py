"""Every value says where it came from, so a review screen can show it beside the source text:
the lines it was read from hold it."""

import json

import pytest

from anwei.lib.docextract import extract
from anwei.lib.meetingimport import parse_meeting
from anwei.lib.meetingimport.rows import clean_cell
from tests.lib.conftest import DATA
from tests.lib.meeting_expected import SEED_000, SEED_001, SEED_002


def _squash(text):
    return "".join(str(text).split())


def _lines(extracted, source):
    """The source lines as the parser sees them: markup a converter left (<p>, **) removed."""
    return "".join(clean_cell(line.text) for line in extracted.lines
                   if source.first_line <= line.no <= source.last_line)


@pytest.mark.parametrize("name", [SEED_000, SEED_001, SEED_002])
def test_text_values_are_found_in_their_source_lines(name):
    extracted = extract((DATA / name).read_bytes(), name)
    draft = parse_meeting(extracted)
    fields = [(f"directives[{i}].{n}", getattr(d, n)) for i, d in enumerate(draft.directives)
              for n in ("text", "lead_unit", "progress")]
    fields += [(f"proposals[{i}].{n}", getattr(p, n)) for i, p in enumerate(draft.proposals)
               for n in ("unit", "subject", "explanation", "method", "resolution")]
    fields += [(f"agenda[{i}].title", a.title) for i, a in enumerate(draft.agenda)]
    checked = 0
    for where, field in fields:
        if not field.value:
            continue
        assert field.source is not None, where
        # a paragraph break the parser put back is not in the source; spaces a PDF spread out are
        assert _squash(field.value).replace("\n", "") in _squash(_lines(extracted, field.source)), where
        checked += 1
    assert checked >= 30


def test_a_source_has_a_short_snippet_of_the_lines(seed_text):
    draft = parse_meeting(seed_text(SEED_001))
    src = draft.directives[0].source
    assert (src.first_line, src.last_line) == (35, 35)
    assert src.snippet.startswith("有關逾保存期限資料") and len(src.snippet) <= 160


def test_the_draft_is_plain_json(seed_text):
    data = parse_meeting(seed_text(SEED_002)).as_dict()
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again["date"]["value"] == "2016-10-19" and again["start_time"]["value"] == "15:10:00"
    assert again["directives"][0]["text"]["source"]["first_line"] == 20
