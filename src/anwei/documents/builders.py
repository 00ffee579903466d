"""Builders are named by dotted path (kwargs stay JSON, so a background task can rerun them)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from anwei.documents.model import Document


class BuilderError(ValueError):
    pass


def builder_resolve(path: str) -> Callable[..., Document]:
    """Import `anwei.<module>.<function>`; anything outside the project is refused."""
    module_name, _, func_name = path.rpartition(".")
    if not path.startswith("anwei.") or not module_name or not func_name.isidentifier() or func_name.startswith("_"):
        raise BuilderError(f"builder must be a public function in an anwei module, not {path!r}")
    module = importlib.import_module(module_name)
    func = getattr(module, func_name, None)
    if not callable(func):
        raise BuilderError(f"{path!r} is not a function")
    return func


def document_build(builder: str, kwargs: dict) -> Document:
    doc = builder_resolve(builder)(**kwargs)
    if not isinstance(doc, Document):
        raise BuilderError(f"{builder!r} returned {type(doc).__name__}, not a Document")
    return doc


def document_weight(doc: Document) -> int:
    """Blocks plus table rows: a rough measure of how long a PDF takes to lay out."""
    from anwei.documents.model import Table

    return sum(1 + (len(b.rows) + len(b.header) if isinstance(b, Table) else 0) for b in doc.blocks)


def document_chars(doc: Document) -> int:
    """Characters of text: what the layout time grows with (a row can hold 100,000 of them)."""
    from anwei.documents.model import Attachments, Field, Heading, Numbered, Paragraph, Table, Title

    total = len(doc.title) + len(doc.header_text)
    for b in doc.blocks:
        if isinstance(b, Table):
            total += len(b.caption) + sum(len(c.text) for row in b.header + b.rows for c in row)
        elif isinstance(b, (Paragraph, Numbered, Heading)):
            total += len(b.text)
        elif isinstance(b, Field):
            total += len(b.label) + len(b.value)
        elif isinstance(b, Title):
            total += sum(len(line) for line in b.lines)
        elif isinstance(b, Attachments):
            total += sum(len(i) for i in b.items)
    return total


def needs_conversion(doc: Document) -> bool:
    """True when printing the document first needs LibreOffice to convert an enclosed file."""
    from pathlib import Path

    from anwei.documents import libreoffice
    from anwei.documents.model import Enclosure

    return any(isinstance(b, Enclosure) and b.path and libreoffice.available()
               and not libreoffice.is_cached(Path(b.path), b.key or b.path, Path(b.name).suffix.lower())
               for b in doc.blocks)
