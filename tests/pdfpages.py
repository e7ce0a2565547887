"""Draw small newspaper pages as PDF, the way e-paper exports set them, for the PDF tests.

reportlab (the `test` extra) draws them with its built-in CID font `STSong-Light`, which
pdfminer.six maps back to Unicode through the Adobe-GB1 CMaps it ships. Body text is set
in columns of a fixed number of characters, justified with letter spacing (as a
typesetting system does, so lines with half-width digits still fill the column), the
first line of a paragraph indented by two characters.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

FONT = "STSong-Light"
INDENT = "\u3000\u3000"  # two ideographic spaces: how a text export writes the indent


@dataclass(frozen=True)
class Line:
    """One printed line."""

    text: str
    indent: int = 0
    """Characters of indentation before it."""
    justified: bool = False
    """Stretched by letter spacing to the full column width."""


@dataclass(frozen=True)
class Frame:
    """Lines drawn as one text object: a column piece, a headline, a caption."""

    x: float
    top: float
    size: float
    width: int
    """The column width in characters."""
    lines: Sequence[Line]
    align: Literal["left", "centre"] = "left"
    leading: float = 1.4
    """Baseline distance, in font sizes."""


def set_paragraph(text: str, width: int, *, indent: int = 2) -> list[Line]:
    """Hard-wrap a paragraph into a column `width` characters wide; every line but the
    last is justified."""
    lines: list[Line] = []
    rest, first = text, True
    while rest:
        room = width - (indent if first else 0)
        lines.append(Line(rest[:room], indent if first else 0, justified=len(rest) > room))
        rest, first = rest[room:], False
    return lines


def flush_right(text: str, width: int) -> Line:
    """A line set flush right in its column, as credit lines are."""
    return Line(text, width - len(text))


def pdf_bytes(pages: Sequence[Sequence[Frame]], *, size: tuple[float, float] = (440, 640)) -> bytes:
    """A PDF with one page per item of `pages`, frames drawn in the order given."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=size, invariant=True)
    for frames in pages:
        for frame in frames:
            _draw(pdf, frame, size[0], pdfmetrics.stringWidth)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw(
    pdf: Any, frame: Frame, page_width: float, width_of: Callable[[str, str, float], float]
) -> None:
    text = pdf.beginText()
    text.setFont(FONT, frame.size)
    for i, line in enumerate(frame.lines):
        natural = width_of(line.text, FONT, frame.size)
        room = (frame.width - line.indent) * frame.size
        spacing = 0.0
        if line.justified and len(line.text) > 1:
            spacing = (room - natural) / (len(line.text) - 1)
        if frame.align == "centre":
            x = (page_width - natural) / 2
        else:
            x = frame.x + line.indent * frame.size
        text.setCharSpace(spacing)
        text.setTextOrigin(x, frame.top - i * frame.leading * frame.size)
        text.textOut(line.text)
    pdf.drawText(text)
