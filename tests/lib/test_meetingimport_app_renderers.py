"""The app's own renderers' output read back: a packet and minutes in the app's layout, rendered
to DOCX, ODT and PDF, give the same draft as the hand-built lines (sources aside)."""

import pytest

from anwei.documents.render_docx import render_docx
from anwei.documents.render_odt import render_odt
from anwei.documents.render_pdf import render_pdf
from anwei.lib.docextract import extract
from anwei.lib.meetingimport import parse_meeting
from tests.lib.app_layout import as_lines, minutes_document, packet_document

RENDER = {"docx": render_docx, "odt": render_odt, "pdf": render_pdf}


def _values(draft):
    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k != "source"}
        return [strip(v) for v in x] if isinstance(x, list) else x
    return strip(draft.as_dict())


@pytest.fixture(scope="module")
def documents():
    return {"packet": packet_document(), "minutes": minutes_document()}


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf"])
@pytest.mark.parametrize("which", ["packet", "minutes"])
def test_rendered_document_reads_back_as_the_hand_built_lines(documents, which, fmt):
    doc = documents[which]
    data = RENDER[fmt](doc)
    extracted = extract(data, f"{which}.{fmt}")
    assert extracted.kind == fmt
    assert _values(parse_meeting(extracted)) == _values(parse_meeting(as_lines(doc)))
