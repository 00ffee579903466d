from urllib.parse import quote

import pytest

from anwei.documents.builders import BuilderError
from anwei.documents.http import document_response

pytestmark = pytest.mark.django_db

NAME = "安全維護會報108年第2次會議資料"


@pytest.mark.parametrize("fmt, ctype, magic", [
    ("odt", "application/vnd.oasis.opendocument.text", b"PK"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
    ("pdf", "application/pdf", b"%PDF-"),
])
def test_download_has_utf8_filename(world, rf_user, fmt, ctype, magic):
    response = document_response(rf_user(world.officer), builder="specimen.short", kwargs={},
                                 fmt=fmt, filename=NAME)
    assert response.status_code == 200
    assert response["Content-Type"] == ctype
    assert response.content.startswith(magic)
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=utf-8''{quote(NAME + '.' + fmt)}" in disposition


def test_html_is_inline(world, rf_user):
    response = document_response(rf_user(world.officer), builder="specimen.short", kwargs={},
                                 fmt="html", filename=NAME)
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
    assert "簡短文件" in response.content.decode()


def test_filename_cannot_escape(world, rf_user):
    response = document_response(rf_user(world.officer), builder="specimen.short", kwargs={},
                                 fmt="odt", filename='../etc/"passwd"\n')
    assert "/" not in response["Content-Disposition"].split("filename", 1)[1].replace("%2F", "/").split("''")[0]
    assert "\n" not in response["Content-Disposition"]
    assert "%2F" not in response["Content-Disposition"]


def test_only_registered_builders_are_used(world, rf_user):
    for builder in ("os.system", "subprocess.run", "anwei.documents.specimen.short", "specimen._private", "x"):
        with pytest.raises(BuilderError):
            document_response(rf_user(world.officer), builder=builder, kwargs={}, fmt="odt", filename="x")


def test_unknown_format_is_404(world, rf_user):
    from django.http import Http404

    with pytest.raises(Http404):
        document_response(rf_user(world.officer), builder="specimen.short", kwargs={},
                          fmt="exe", filename="x")
