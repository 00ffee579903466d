"""Plain text: UTF-8 (with or without BOM), Big5 (cp950), UTF-16; tabs separate a row's cells."""

import pytest

from anwei.lib.docextract import Unsupported, extract
from tests.lib.conftest import DATA
from tests.lib.meeting_expected import SEED_002


@pytest.mark.parametrize("encoding,name", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("cp950", "big5"),
                                           ("utf-16", "utf-16")])
def test_encodings(encoding, name):
    text = (DATA / SEED_002).read_text(encoding="utf-8")
    e = extract(text.encode(encoding), "紀錄.txt")
    assert e.kind == "text" and e.encoding == name and e.wrapped
    assert e.lines[2].text == "# 嘉義縣政府 105 年安全維護會報會議紀錄"
    assert e.lines[19].cells[1] == "行政處"  # line 20: a directive row, cells split at the tabs


def test_big5_hkscs_characters_are_read():
    e = extract("臺南市政府\t堃".encode("big5hkscs"))
    assert e.lines[0].cells == ("臺南市政府", "堃")


def test_line_numbers_are_the_files():
    e = extract("第一行\r\n\r\n第三行\r第四行\n".encode())
    assert [(line.no, line.text) for line in e.lines] == [(1, "第一行"), (2, ""), (3, "第三行"), (4, "第四行"), (5, "")]


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"\x00\x01\x02abc" * 100, b"\xff\xfe\xfd\x80\x81" * 300])
def test_binary_noise_is_not_text(data):
    with pytest.raises(Unsupported) as exc:
        extract(data, "x.txt")
    assert "無法" in str(exc.value)
