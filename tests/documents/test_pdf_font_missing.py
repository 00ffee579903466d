import pytest

from anwei.documents import fonts
from anwei.documents.fonts import FontMissingError
from anwei.documents.http import document_response
from anwei.documents.render import render
from anwei.documents.specimen import short


@pytest.fixture
def no_fonts(monkeypatch):
    monkeypatch.setattr(fonts, "tc_font_families", lambda: ())


def test_render_refuses_instead_of_printing_boxes(no_fonts):
    with pytest.raises(FontMissingError, match="fonts-cns11643-kai"):
        render(short(), "pdf")
    assert render(short(), "odt").startswith(b"PK")  # editable formats still work


@pytest.mark.django_db
def test_download_answers_with_a_chinese_message(no_fonts, world, rf_user):
    response = document_response(rf_user(world.officer), builder="specimen.short", kwargs={},
                                 fmt="pdf", filename="測試")
    assert response.status_code == 503
    body = response.content.decode()
    assert "伺服器未安裝繁體中文字型" in body and "ODT" in body
    assert response["Content-Type"].startswith("text/html")


def test_fontconfig_reports_a_traditional_chinese_font():
    fonts.tc_font_families.cache_clear()
    assert fonts.tc_font_available(), "需要 Debian 套件 fonts-cns11643-kai 或 fonts-noto-cjk"
    assert "TW-Kai" in fonts.tc_font_families() or "Noto Sans CJK TC" in fonts.tc_font_families()
