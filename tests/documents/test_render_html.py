from anwei.documents.model import Document, Numbered, Paragraph
from anwei.documents.render import render, render_html_fragment
from tests.documents.samples import HEADER, every_block, hostile


def test_standalone_html_has_print_css_and_every_block():
    html = render(every_block(), "html").decode("utf-8")
    assert html.startswith("<!doctype html>")
    assert '<html lang="zh-Hant-TW">' in html
    assert "size: A4;" in html
    assert 'counter(page) "頁，共" counter(pages)' in html
    assert HEADER in html  # page header in the @top-center box
    assert '"TW-Kai", "全字庫正楷體", "標楷體", "DFKai-SB", "BiauKai"' in html
    for text in ("壹、", "一、", "（十一）", "2、", "（3）", "■繼續列管", "□解除列管", "附件一名稱",
                 "一般段落第一行<br>一般段落第二行"):
        assert text in html
    assert "<thead>" in html and 'colspan="2"' in html and 'rowspan="2"' in html
    assert "aw-pagebreak" in html


def test_fragment_is_scoped_and_embeddable():
    frag = render_html_fragment(every_block())
    assert frag.startswith("<style>") and "<html" not in frag and "@page" not in frag
    css = frag.split("</style>")[0]
    # every rule is scoped to the document container
    rules = [r.strip() for r in css.replace("<style>", "").split("}") if "{" in r and not r.strip().startswith("@")]
    assert all(r.startswith(".aw-doc") or r.startswith("}") or "aw-doc" in r.split("{")[0] for r in rules)
    assert HEADER in frag


def test_plain_documents_use_sans_and_landscape_page():
    doc = Document(title="橫式", official=False, landscape=True, page_numbers=False).add(Paragraph("內容"))
    html = render(doc, "html").decode()
    assert "size: A4 landscape" in html
    assert '"Noto Sans CJK TC", sans-serif' in html and "TW-Kai" not in html
    assert "counter(pages)" not in html


def test_text_is_escaped_and_control_characters_dropped():
    html = render(hostile(), "html").decode("utf-8")
    assert "a &lt; b &amp; c &gt; d" in html
    assert "\x00" not in html and "\x1b" not in html and "\ufffe" not in html
    assert "保留𠀋字<br>與換行" in html
    assert "第一行<br>第二行<br>第三行" in html


def test_numbered_label_hangs_by_its_width():
    frag = render_html_fragment(Document(title="t").add(Numbered(3, 11, "文字")))
    assert "（十一）" in frag and "--aw-hang:4em" in frag
