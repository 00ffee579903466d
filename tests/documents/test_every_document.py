"""Every document kind in every format, from the demo data, looked at the way a person would:
the PDF's fonts (pdffonts), its text in reading order and its page numbers (pdftotext), the ODT
against ODF 1.3; and, with LibreOffice on two machines (fontconfig set-ups: TW-Kai only, and a
PC whose only 楷書 face is named 標楷體), that no row of the directives table splits across pages
and that official text, bold headings too, is set in the 楷書 face. No picture is kept."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from anwei.documents.model import Document, Heading, Paragraph, Title, checkbox
from anwei.documents.render import render
from tests.documents.conftest import jing_validate
from tests.documents.fontsetups import BIAUKAI_PS, font_setups, soffice_pdf  # noqa: F401 (fixture)

CJK = re.compile(r"[\u3400-\u9fff]")


def pdf_pages_text(data: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    n = len(PdfReader(io.BytesIO(data)).pages)
    out = []
    for i in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        out.append(re.sub(r"\s+", "", text))
    return out


def fonts_of_text(data: bytes) -> dict[str, str]:
    """Base font → the CJK text drawn in it (from the content streams, as pypdf reads them)."""
    found: dict[str, list[str]] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text, cm, tm, font, size):
            if font is not None and CJK.search(text or ""):
                found.setdefault(str(font.get("/BaseFont")), []).append(text)
        page.extract_text(visitor_text=visit)
    return {k: "".join(v) for k, v in found.items()}


def embedded_fonts(data: bytes, tmp_path: Path) -> dict[str, bool]:
    """pdffonts: every font of the file (enclosed pages' too) → embedded?"""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout.splitlines()[2:]
    return {line.split()[0]: line.split()[-5] == "yes" for line in out if line.strip()}


# --- every kind, every format, from the demo ------------------------------------------------------

def _kinds():
    """(name, builder path, kwargs, official) for every document kind, from the demo data."""
    from anwei.footage.models import FootageRequest
    from anwei.inspections.models import Inspection
    from anwei.meetings.models import SecurityMeeting
    from anwei.orgs.models import Person
    from anwei.plans.models import Letter
    from anwei.travel.models import TravelApplication

    m108 = SecurityMeeting.objects.get(date="2019-10-02")
    m109 = SecurityMeeting.objects.get(date="2020-04-22")
    letter = Letter.objects.exclude(number="").order_by("id").first()
    req = FootageRequest.objects.order_by("id").first()
    travel = TravelApplication.objects.filter(return_report__isnull=False).first()
    officer = Person.objects.get(username="officer")
    kinds = [
        ("packet108", "meetings.packet", {"meeting_id": m108.pk}, True),
        ("packet109", "meetings.packet", {"meeting_id": m109.pk}, True),
        ("minutes108", "meetings.minutes", {"meeting_id": m108.pk}, True),
        ("signin109", "meetings.signin", {"meeting_id": m109.pk}, True),
        ("register", "tracking.register", {"person_id": officer.pk}, False),
        ("plan", "plans.plan", {"plan_id": letter.plan_id}, True),
        ("duties", "plans.duties", {"plan_id": letter.plan_id}, True),
        ("letter", "plans.letter", {"letter_id": letter.pk}, True),
        ("footage_form", "footage.request_form", {"request_id": req.pk}, True),
        ("footage_register", "footage.register",
         {"agency_id": req.agency_id, "year": req.submitted_at.year - 1911}, False),
        ("inspection", "inspections.report",
         {"inspection_id": Inspection.objects.order_by("id").first().pk}, True),
    ]
    from anwei.access.models import AccessSettings

    access = AccessSettings.objects.order_by("id").first()
    if access:  # the 門禁管理計畫 of the demo agency
        kinds.append(("access_plan", "access.plan", {"agency_id": access.agency_id}, True))
    if travel:
        kinds += [("travel", "travel.application", {"application_id": travel.pk}, True),
                  ("travel_return", "travel.return_report",
                   {"application_id": travel.pk}, True)]
    return kinds


@pytest.mark.django_db
def test_every_kind_in_every_format(tmp_path):
    from anwei.documents.builders import document_build

    call_command("demo")
    for name, builder, kwargs, official in _kinds():
        doc = document_build(builder, kwargs)
        assert doc.official == official, name
        for fmt in ("html", "odt", "docx"):
            assert render(doc, fmt), (name, fmt)
        jing_validate(render(doc, "odt"), tmp_path / f"odt-{name}")
        pdf = render(doc, "pdf")
        pages = pdf_pages_text(pdf, tmp_path, name)
        n = len(pages)
        for i, text in enumerate(pages, start=1):  # 第X頁，共Y頁 on every page, continuous
            assert f"第{i}頁，共{n}頁" in text, (name, i, text[-40:])
        fonts = embedded_fonts(pdf, tmp_path)
        used = fonts_of_text(pdf)
        if official:  # every Chinese character (bold titles too) in 楷書
            assert all("TW-Kai" in f for f in used), (name, {k: v[:30] for k, v in used.items()})
        assert fonts and all(fonts.values()), (name, fonts)  # every font embedded
        if name == "packet108":
            whole = "".join(pages)
            # the special report's text, and after 第1案 its draft rules and the request form, in place
            assert "專題報告" in whole and "整合與改善建議" in whole
            assert whole.index("第1案提案單位") < whole.index("特訂定本注意事項") < \
                whole.index("監視器攝錄資料調閱（複製）申請表（稿）") < whole.index("第2案提案單位")
            # the work report keeps its numbering, in reading order
            marks = ["一、辦理本局防災資訊", "二、辦理本局安平", "三、本局安全維護", "（一）108年9月辦理"]
            assert [whole.index(m) for m in marks] == sorted(whole.index(m) for m in marks)
        if name == "letter":
            whole = "".join(pages)
            order = [whole.index(s) for s in ("檔號：", "函", "地址：", "受文者：", "發文日期：", "發文字號：", "速別：",
                                               "附件：", "主旨：", "說明：", "一、", "正本：")]
            assert order == sorted(order), whole[:400]
        if name == "footage_register":
            assert all("/" in p for p in pages)
            dates = re.findall(r"\d{3}/\d{2}/\d{2}", "".join(pages))
            assert dates  # each date stays whole (a wrapped date would not read as one)


@pytest.mark.django_db
def test_every_kind_has_a_letter_exchange_file(tmp_path):
    from anwei.plans.documents import letter_exchange_zip
    from anwei.plans.models import Letter

    call_command("demo")
    county_letter = next(lt for lt in Letter.objects.exclude(number="").select_related("agency")
                         if lt.agency.name == "山城縣政府")
    assert letter_exchange_zip(letter_id=county_letter.pk).startswith(b"PK")  # validated inside


# --- rows never split, 楷書 on both machines -----------------------------------------------------

def _long_packet() -> Document:
    """The packet's directives table (the builder's own table) with rows of very different heights,
    each row's first and last words unique, so that a split row shows on two pages."""
    from anwei.meetings.documents import directive_table

    rows = []
    for i in range(1, 31):
        directive = f"甲{i}始請秘書室賡續依簽訂之檔案銷毀作業流程辦理逾保存期限檔案銷毀。" * (1 + i % 3)
        progress = "預計本年底前辦理檔案清查、編製檔案銷毀目錄、彙送各科室審核。" * (1 + (i * 7) % 6) + f"乙{i}終"
        rows.append((str(i), directive, "秘書室", progress, checkbox("繼續列管", i % 2 == 0) + "\n"
                     + checkbox("解除列管", i % 2 == 1)))
    doc = Document(title="列管事項", header_text="海港市政府水利局安全維護會報")
    doc.add(Title(["海港市政府水利局安全維護會報", "主席裁（指）示事項辦理情形"]), Heading("壹、報告事項"),
            Paragraph("粗體段落", bold=True), directive_table("主席裁（指）示事項辦理情形", rows))
    return doc


def _assert_rows_whole(pages: list[str], label: str) -> None:
    for i in range(1, 31):
        start = [n for n, p in enumerate(pages) if f"甲{i}始" in p]
        end = [n for n, p in enumerate(pages) if f"乙{i}終" in p]
        assert start and end and start[0] == end[-1], f"{label}: row {i} on pages {start} and {end}"
    # each page's check boxes belong to the rows that start on it
    for n, p in enumerate(pages):
        starts = len({i for i in range(1, 31) if f"甲{i}始" in p})
        assert p.count("繼續列管") == starts, f"{label}: page {n + 1}"


def test_typst_pdf_keeps_rows_whole_and_pages_numbered(tmp_path):
    pdf = render(_long_packet(), "pdf")
    pages = pdf_pages_text(pdf, tmp_path, "typst")
    assert len(pages) > 3
    _assert_rows_whole(pages, "PDF")
    assert all(f"第{i}頁，共{len(pages)}頁" in p for i, p in enumerate(pages, 1))


@pytest.mark.parametrize("fmt", ["odt", "docx"])
@pytest.mark.parametrize("machine", ["kai", "biaukai"])
def test_libreoffice_keeps_rows_whole_in_kai_on_both_machines(tmp_path, font_setups, fmt, machine):  # noqa: F811
    src = tmp_path / f"packet.{fmt}"
    src.write_bytes(render(_long_packet(), fmt))
    pdf = soffice_pdf(font_setups[machine], src, tmp_path / "out", tmp_path / "profile").read_bytes()
    pages = pdf_pages_text(pdf, tmp_path, f"lo-{fmt}")
    assert len(pages) > 3
    _assert_rows_whole(pages, f"{machine} {fmt}")
    face = "TW-Kai" if machine == "kai" else BIAUKAI_PS
    used = fonts_of_text(pdf)
    assert used and all(face in f for f in used), {k: v[:40] for k, v in used.items()}
    assert "粗體段落" in "".join(v for k, v in used.items() if face in k)  # bold, still 楷書


def test_agenda_last_row_never_stands_alone(tmp_path, font_setups):  # noqa: F811
    """The agenda as a whole on one page: pushed down to the foot of a page, it moves to the next
    page with its last row (九 散會) rather than leave that row alone."""
    from anwei.documents.model import Cell, Table

    rows = [[Cell(n), Cell(f"{t}\n│\n{t}"), Cell("5分鐘"), Cell(f"議程{n}"), Cell("政風室"), Cell("")]
            for n, t in zip("一二三四五六七八", ["11:30"] * 8)]
    rows.append([Cell("九"), Cell("12:30"), Cell(""), Cell("散會"), Cell(""), Cell("")])
    agenda = Table(header=[[Cell(h) for h in ["項次", "時間", "使用時間", "議程", "主持(報告)人", "備考"]]], rows=rows,
                   widths=[0.7, 1.2, 1, 3, 1.4, 1], keep_together=True)
    doc = Document(title="程序表").add(*[Paragraph(f"前文第{i}行") for i in range(30)], agenda)
    for fmt in ("odt", "docx"):
        src = tmp_path / f"agenda.{fmt}"
        src.write_bytes(render(doc, fmt))
        pdf = soffice_pdf(font_setups["kai"], src, tmp_path / f"out-{fmt}", tmp_path / "profile").read_bytes()
        pages = pdf_pages_text(pdf, tmp_path, f"agenda-{fmt}")
        page_of = next(n for n, p in enumerate(pages) if "散會" in p)
        assert "議程一" in pages[page_of] and "議程八" in pages[page_of], fmt
    pages = pdf_pages_text(render(doc, "pdf"), tmp_path, "agenda-typst")
    page_of = next(n for n, p in enumerate(pages) if "散會" in p)
    assert "議程一" in pages[page_of]
