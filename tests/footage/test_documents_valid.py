"""Our three documents render as strict ODF 1.3 and as DOCX."""

import datetime as dt
import io

import docx
import pytest
from django.utils import timezone

from anwei.documents.render import render
from anwei.footage import documents, services
from anwei.footage.models import Decision
from tests.documents.conftest import jing_validate
from tests.footage import factories as f


@pytest.fixture
def history(world, fs, planhead, monkeypatch):
    """One request destroyed last year's way, one refused, one completed with a copy."""
    real = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real() - dt.timedelta(days=380))
    old = f.approve_all(world, f.file(world))
    monkeypatch.setattr(timezone, "now", real)
    services.request_destroy(actor=world.liaison, req=old, method="碎紙")
    refused = f.file(world)
    f.decide(refused, planhead, Decision.Action.REFUSE, refusal_ground="investigation", reason="偵查中")
    done = f.approve_all(world, f.file(world, purpose="copy", copy_reason="提供警方"))
    done = f.view(world, done, copied=True, copied_items="CH01 <10:00> & 10:10", medium="disc")
    return old, refused, done


@pytest.mark.django_db
def test_the_footage_documents_are_valid_odf_and_open_as_docx(world, history, tmp_path):
    old, refused, done = history
    year = done.number_year
    docs = [documents.request_form(request_id=r.pk) for r in history] + [
        documents.register(agency_id=world.bureau.pk, year=year),
        documents.register(agency_id=world.bureau.pk, year=old.number_year),
        documents.destruction_list(agency_id=world.bureau.pk, year=year)]
    for n, doc in enumerate(docs):
        jing_validate(render(doc, "odt"), tmp_path / str(n))
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(render(doc, "docx"))).paragraphs)
        assert doc.blocks and text is not None
