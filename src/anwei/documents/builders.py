"""Document builders, by name. Each app registers its builders in its AppConfig.ready(); a view or a
background job asks for one by name (kwargs stay JSON, so a job can rerun the builder later)."""

from __future__ import annotations

from collections.abc import Callable

from anwei.documents.model import Document

Builder = Callable[..., Document]
_builders: dict[str, Builder] = {}


class BuilderError(ValueError):
    pass


def builder_register(name: str, builder: Builder) -> None:
    """name: "<app>.<document>", e.g. "meetings.packet"."""
    if _builders.get(name, builder) is not builder:
        raise BuilderError(f"document builder {name!r} is registered twice")
    _builders[name] = builder


def builder_names() -> list[str]:
    return sorted(_builders)


def document_build(name: str, kwargs: dict) -> Document:
    builder = _builders.get(name)
    if builder is None:
        raise BuilderError(f"no document builder named {name!r}")
    doc = builder(**kwargs)
    if not isinstance(doc, Document):
        raise BuilderError(f"{name!r} returned {type(doc).__name__}, not a Document")
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
