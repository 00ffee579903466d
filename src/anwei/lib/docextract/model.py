"""What an extraction gives: numbered lines, each a paragraph or a table row of cells.

A line number is the line's place in the extracted text (1-based), so a review screen can
show the text with numbers beside the draft and point at the lines a value came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    no: int
    cells: tuple[str, ...]  # one cell for a paragraph; a table row's cells (a cell may hold "\n")
    table: int | None = None  # which table of the document (0-based), None outside tables
    page: int | None = None  # PDF page (1-based)

    @property
    def text(self) -> str:
        return "\t".join(self.cells)

    @property
    def is_row(self) -> bool:
        return self.table is not None or len(self.cells) > 1


@dataclass(frozen=True)
class Extracted:
    kind: str  # "docx" | "odt" | "pdf" | "text"
    lines: tuple[Line, ...]
    # True where a line break inside a paragraph or cell may only be where the page ran out of
    # width (PDF, text copied out of a PDF); False where it is a paragraph the author made.
    wrapped: bool = False
    encoding: str | None = None  # plain text only
    pages: int | None = None  # PDF only
    notes: tuple[str, ...] = field(default_factory=tuple)  # said to the user, e.g. the name did not fit the content

    def text(self) -> str:
        """The text a review screen shows: one line per Line, cells separated by tabs."""
        return "\n".join(line.text.replace("\n", " ") for line in self.lines)


class ExtractError(Exception):
    """A file that cannot be read; str(error) is the Chinese message for the user."""

    code = "unreadable"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EmptyFile(ExtractError):
    code = "empty"


class TooLarge(ExtractError):
    code = "too_large"


class Encrypted(ExtractError):
    code = "encrypted"


class NoTextLayer(ExtractError):
    code = "no_text_layer"


class Corrupt(ExtractError):
    code = "corrupt"


class Unsupported(ExtractError):
    code = "unsupported"
