"""電子公文 exchange files for a 函: `<stem>.di` (the letter, per 104_2_utf8.dtd), `<stem>.sw` (the
交換表單: every recipient with its 機關代碼, per 104_roster_utf8.dtd) and the attachments, in one ZIP,
so the letter can be imported into an agency's 公文系統 instead of being retyped.

Recipients without a 機關代碼 (an own unit, a free-text copy) are printed on the letter but left
out of the 交換表單, which can only name agencies it can reach. Every file is validated against
the official DTDs (data/gov-doc-dtd/) before it is handed out.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from anwei.documents.letter import OfficialLetter
from anwei.documents.text import clean

DTD_DIR = Path(__file__).resolve().parent / "data" / "gov-doc-dtd"
DI_DTD = "104_2_utf8.dtd"
SW_DTD = "104_roster_utf8.dtd"
SPEEDS = {"普通件", "速件", "最速件"}
SECRECY = {"密", "機密", "極機密", "絕對機密"}


class ExchangeInvalid(ValueError):
    """A file does not follow its DTD (the message is lxml's)."""


def _t(text: str) -> str:
    return escape(clean(text))


def stem(letter: OfficialLetter) -> str:
    digits = "".join(ch for ch in letter.number if ch.isdigit())
    return f"{letter.sender_code}{digits}" if letter.number else f"{letter.sender_code or 'draft'}_draft"


def _items(entries: list[tuple[str, str, int]]) -> str:
    """Numbered lines as nested 條列 (序號 = the printed label); unlabelled lines join the item above."""
    out: list[str] = []
    stack: list[int] = []  # levels of the open 條列
    for label, text, level in entries:
        if not level:  # a paragraph (of the open item, if any): a 條列 without a 序號
            out.append(f'<條列 序號=""><文字>{_t(text)}</文字></條列>')
            continue
        while stack and stack[-1] >= level:
            out.append("</條列>")
            stack.pop()
        out.append(f"<條列 序號={quoteattr(label)}><文字>{_t(text)}</文字>")
        stack.append(level)
    out.extend("</條列>" for _ in stack)
    return "".join(out)


def _party(p) -> str:
    return f"<全銜>{_t(p.name)}</全銜>"


def di_xml(letter: OfficialLetter, entries: list[tuple[str, str, int]]) -> str:
    name = stem(letter)
    attach_entities = [(f"ATTCH{i}", a.filename) for i, a in enumerate(letter.attachments, 1)]
    decl = [f'<!ENTITY 表單 SYSTEM {quoteattr(name + ".sw")} NDATA DI>']
    decl += [f"<!ENTITY {ent} SYSTEM {quoteattr(fn)} NDATA _X>" for ent, fn in attach_entities]
    decl += ['<!NOTATION DI SYSTEM "">', '<!NOTATION _X SYSTEM "">']
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<!DOCTYPE 函 SYSTEM "{DI_DTD}" [\n' + "\n".join(decl) + "\n]>\n",
        "<函>",
        f"<發文機關><全銜>{_t(letter.sender)}</全銜><機關代碼>{_t(letter.sender_code)}</機關代碼></發文機關>",
        '<函類別 代碼="函"/>',
        f"<地址>{_t(letter.address)}</地址>",
    ]
    contact = [f"{label}：{value}" for label, value in letter.contact if value] or [letter.sender]
    parts += [f"<聯絡方式>{_t(c)}</聯絡方式>" for c in contact]
    parts.append('<受文者><交換表 交換表單="表單">如正本及副本</交換表></受文者>')
    parts.append(f"<發文日期><年月日>{_t(letter.date_text)}</年月日></發文日期>")
    number = letter.number_parts()
    if number:
        word, year, serial = number
        parts.append(f"<發文字號><字>{_t(word)}</字><文號><年度>{year}</年度><流水號>{serial}</流水號></文號></發文字號>")
    else:
        parts.append(f"<發文字號><文字>{_t(letter.number)}</文字></發文字號>")
    if letter.speed in SPEEDS:
        parts.append(f'<速別 代碼="{letter.speed}"/>')
    secrecy = clean(letter.secrecy).strip()
    if secrecy:
        level = next((s for s in sorted(SECRECY, key=len, reverse=True) if secrecy.startswith(s)), None)
        code = f' 代碼="{level}"' if level else ""
        condition = secrecy[len(level):].lstrip("，, ") if level else secrecy
        parts.append(f"<密等及解密條件或保密期限><密等{code}/><解密條件或保密期限>{_t(condition)}"
                     "</解密條件或保密期限></密等及解密條件或保密期限>")
    if letter.attachments:
        names = " ".join(ent for ent, _ in attach_entities)
        titles = "、".join(a.title for a in letter.attachments)
        parts.append(f"<附件><文字>{_t(titles)}</文字><附件檔名 附件名={quoteattr(names)}/></附件>")
    parts.append(f"<主旨><文字>{_t(letter.subject)}</文字></主旨>")
    if entries:
        parts.append(f'<段落 段名="說明：">{_items(entries)}</段落>')
    main = letter.main or []
    parts.append("<正本>" + ("".join(_party(p) for p in main) or f"<總稱>{_t(letter.addressee)}</總稱>") + "</正本>")
    if letter.cc:
        parts.append("<副本>" + "".join(_party(p) for p in letter.cc) + "</副本>")
    if letter.signature:
        parts.append(f"<署名>{_t(letter.signature)}</署名>")
    parts.append("</函>\n")
    return "".join(parts)


def sw_xml(letter: OfficialLetter) -> str:
    rows = []
    roster = letter.roster or [("正本", p) for p in letter.main] + [("副本", p) for p in letter.cc]
    for copy, p in roster:
        if not p.code:
            continue
        attach = "<含附件>含附件</含附件>" if letter.attachments else ""
        rows.append(f"<全銜>{_t(p.name)}</全銜><機關代碼>{_t(p.code)}</機關代碼>{attach}"
                    f'<本別><收發處理本別 代碼="{copy}"/></本別>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<!DOCTYPE 交換表單 SYSTEM "{SW_DTD}">\n'
            f"<交換表單>{''.join(rows)}</交換表單>\n")


def validate(files: dict[str, bytes]) -> None:
    """Validate every .di and .sw among `files` (name → bytes) against the DTDs; raise ExchangeInvalid."""
    from lxml import etree

    with tempfile.TemporaryDirectory(prefix="anwei-di-") as tmp:
        root = Path(tmp)
        for dtd in DTD_DIR.iterdir():
            if dtd.suffix in (".dtd", ".ent"):
                shutil.copyfile(dtd, root / dtd.name)
        for name, data in files.items():
            (root / Path(name).name).write_bytes(data)
        parser = etree.XMLParser(dtd_validation=True, load_dtd=True, resolve_entities=True, no_network=True)
        for name in files:
            if not name.endswith((".di", ".sw")):
                continue
            try:
                etree.parse(str(root / Path(name).name), parser)
            except etree.XMLSyntaxError as exc:
                raise ExchangeInvalid(f"{name}: {exc}") from exc


def exchange_files(letter: OfficialLetter, entries: list[tuple[str, str, int]]) -> dict[str, bytes]:
    name = stem(letter)
    files = {f"{name}.di": di_xml(letter, entries).encode("utf-8"), f"{name}.sw": sw_xml(letter).encode("utf-8")}
    for a in letter.attachments:
        files[a.filename] = a.data
    return files


def exchange_zip(letter: OfficialLetter, entries: list[tuple[str, str, int]]) -> bytes:
    if not letter.number:
        raise ExchangeInvalid("此函尚未發文（沒有發文字號與日期），不能產生電子公文交換檔。")
    if not letter.sender_code:
        raise ExchangeInvalid("本機關尚未設定機關代碼，請洽系統管理者於「機關」設定後再下載。")
    roster = letter.roster or [("正本", p) for p in letter.main] + [("副本", p) for p in letter.cc]
    if not any(p.code for _, p in roster):
        raise ExchangeInvalid("正本與副本受文者都沒有機關代碼，電子公文無法交換；請洽系統管理者設定受文機關的機關代碼。")
    files = exchange_files(letter, entries)
    validate(files)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for fname, data in files.items():
            z.writestr(fname, data)
    return buf.getvalue()
