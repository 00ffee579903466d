"""An attachment's text (ODT, DOCX, PDF with text) is found with the record it is attached to; the worker
reads it (at once in tests), a file without text is recorded once and not read again."""

import io

import docx
from django.core.files.uploadedfile import SimpleUploadedFile

from anwei.meetings import services as ms
from anwei.search import selectors
from anwei.search.models import FileText
from tests.search.factories import meeting


def _docx(text: str) -> SimpleUploadedFile:
    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return SimpleUploadedFile("門禁管理要點.docx", buf.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def test_a_proposals_attachment_is_searchable_with_it(world):
    m = meeting(world)
    ms.proposal_add(actor=world.officer, meeting=m, subject="修正門禁管理要點案",
                    files=[_docx("第五點：夜間訪客應於警衛室換證登記。")])
    hits = selectors.search(world.officer, "換證登記").hits
    assert [h.entry.kind for h in hits] == ["meetings.proposal"]
    assert "<mark>換證登記</mark>" in str(hits[0].snippet)
    assert selectors.search(world.other_officer, "換證登記").count == 0


def test_a_file_without_text_is_noted_once(world):
    m = meeting(world)
    png = SimpleUploadedFile("照片.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32, content_type="image/png")
    ms.proposal_add(actor=world.officer, meeting=m, subject="增設監視器案", files=[png])
    row = FileText.objects.get()
    assert row.text == "" and row.error
    assert selectors.search(world.officer, "監視器").count == 1
