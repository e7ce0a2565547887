"""PDF e-paper pages in, page dumps out (the optional extra `pip install 'newspage[pdf]'`).

An e-paper PDF holds its text as glyphs placed on the page. pdfminer.six reads them and
groups them into lines and text boxes (its layout analysis); this module turns each PDF
page into the page dump `newspage.parse` reads:

* **Order.** Text boxes come in *content-stream order*: the order the typesetting system
  drew them, which is the column order a page dump has. A box's place is that of its
  first glyph in the stream. (pdfminer's own orders do not keep it: with
  `boxes_flow=None` it sorts boxes top to bottom across the columns, otherwise it guesses
  a reading order.) Lines inside a box run top to bottom, glyphs as drawn.
* **Runs of a column.** pdfminer puts two lines in one box only when their edges align,
  so the indented first line of a paragraph often lands in a box of its own. A box that
  comes next in the stream, directly below the previous one (less than 0.75 of a line
  apart), in the same font size and overlapping it, continues it. A box that starts
  elsewhere, such as the top of the next column, does not: the column-break repair of
  the parser decides whether its text continues a paragraph.
* **Blocks.** A run of lines is cut into paragraphs, one block each, where a line
  starts right of the run's left edge (by about one character or more: an indented
  first line, or a credit line set flush right) or the font size changes (a headline
  over its byline). In a run whose lines are all centred, as headlines are, lines are
  not cut. An indentation of up to four characters is written as that many ideographic
  spaces, as a text export has it, so the repair can tell a new paragraph from the rest
  of a cut one at the top of the next column.
* **Lines.** The hard-wrapped lines of one block are joined as the parser joins the lines
  of a block: nothing between CJK characters or two digits, one space between Latin
  letters or a letter and a digit.
  A gap of half a character or more between two glyphs of a line is a space
  (`本报记者 王 某`); smaller gaps are the letter spacing of justified text.
* Blocks are separated by one blank line. Pictures, rules and vertical text are not
  read; a scanned page without a text layer gives an empty dump.

pdfminer.six is imported only when a PDF is read, so `import newspage` does not need it.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import attrs

from ._cjk import space_at_line_break
from .decode import PDF_MAGIC, read_bytes
from .errors import InputError
from .model import Page
from .parser import parse

if TYPE_CHECKING:
    from pdfminer.layout import (
        LTContainer,
        LTItem,
        LTPage,
        LTTextBoxHorizontal,
        LTTextLineHorizontal,
    )

PdfSource = Union[str, "os.PathLike[str]", bytes]
"""A PDF file's path, or the bytes of a PDF."""

INSTALL_HINT = "reading PDF needs the optional extra: pip install 'newspage[pdf]'"

_WORD_GAP = 0.5
"""A gap between two glyphs of a line wider than this share of the font size is a space.
pdfminer's default (0.1) suits Latin text; justified CJK text spreads its characters
by more than that, and would come out as `会 议 召 开`."""

_LINE_GAP = 0.75
"""Lines less than this share of the font size apart (bottom of one to top of the next)
are lines of one run: leading up to 1.75 times the font size."""

_MIN_INDENT, _MAX_INDENT = 0.75, 4.5
"""A line that starts this many characters (font sizes) right of its run's left edge is
an indented first line. From `_MIN_INDENT` on it starts a block; up to `_MAX_INDENT` its
indentation is written out, farther in it is laid out some other way (flush right)."""

_CENTRED = 0.5
"""A line whose left and right margins in its run differ by less than this many
characters is centred."""

_SIZE_STEP = 0.15
"""Lines whose font sizes differ by more than this share are different blocks."""


@attrs.frozen
class _Line:
    """One line of text, as pdfminer reads it; coordinates in points, y upwards."""

    text: str
    """The glyphs, with pdfminer's spaces for wide gaps, without the line end."""
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    """The font size (median over the glyphs): the width of one CJK character."""


@attrs.frozen
class _Box:
    """Lines that belong together: a pdfminer text box, or a run of them."""

    lines: tuple[_Line, ...]
    """Top to bottom."""
    first: int
    """Where the box's first glyph is in the page's content stream."""

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)


def pdf_to_text(source: PdfSource, *, page: int = 1) -> str:
    """The page dump of one page of a PDF: text boxes in content-stream order, one block
    per paragraph, blocks separated by blank lines (see the module docstring).

    Args:
        source: The PDF file, or its bytes.
        page: The page number, counting from 1.

    Returns:
        The text for `newspage.parse`; empty for a page without text.

    Raises:
        InputError: The file cannot be read, is not a PDF or is broken, has no such page,
            or pdfminer.six is not installed; the message names the file.
        ValueError: `page` is less than 1.
    """
    if page < 1:
        raise ValueError(f"page numbers count from 1, not {page}")
    data, label = _read(source)
    (text,) = _page_texts(data, label, wanted=page)
    return text


def parse_pdf(source: PdfSource, *, name: str | None = None) -> list[Page]:
    """Parse every page of a PDF, one `Page` per PDF page, in page order.

    Each page's `source` is `NAME#pN` for page N (from 1), NAME the file name, so
    `page.pdf` gives `page.pdf#p1`, `page.pdf#p2`, …

    Args:
        source: The PDF file, or its bytes.
        name: The NAME in `source`; default: the file name, or empty for bytes (`#p1`).

    Returns:
        The pages; an empty list for a PDF without pages.

    Raises:
        InputError: The file cannot be read, is not a PDF or is broken, or pdfminer.six
            is not installed; the message names the file.
    """
    data, label = _read(source)
    if name is None:
        name = "" if isinstance(source, bytes) else Path(os.fsdecode(source)).name
    texts = _page_texts(data, label)
    return [parse(text, source=f"{name}#p{n}") for n, text in enumerate(texts, start=1)]


def is_pdf_file(path: str | os.PathLike[str]) -> bool:
    """Whether a file is to be read as a PDF: its name ends in `.pdf` (any case) or it
    starts with `%PDF-`. A file that cannot be opened is not (reading it says why)."""
    if os.fspath(path).lower().endswith(".pdf"):
        return True
    try:
        with open(path, "rb") as file:
            return file.read(len(PDF_MAGIC)) == PDF_MAGIC
    except OSError:
        return False


def _read(source: PdfSource) -> tuple[bytes, str]:
    """The bytes of a PDF and the name messages give it."""
    if isinstance(source, bytes):
        return source, "<bytes>"
    return read_bytes(source), os.fsdecode(source)


def _page_texts(data: bytes, label: str, *, wanted: int | None = None) -> list[str]:
    """The page dump of every page, or of page `wanted` (from 1) only."""
    if not data.startswith(PDF_MAGIC):
        raise InputError(label, "not a PDF: the file does not start with %PDF-")
    layouts = _layouts(data, label, wanted)
    return [_page_dump(_text_boxes(layout, order)) for layout, order in layouts]


def _layouts(
    data: bytes, label: str, wanted: int | None
) -> Iterator[tuple[LTPage, dict[int, int]]]:
    """pdfminer's analysed layout of each page, or of page `wanted` only, with the place
    of each glyph in the content stream, by its `id`."""
    try:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LAParams
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
    except ImportError as exc:
        raise InputError(label, INSTALL_HINT) from exc

    # The aggregator gets no parameters, so it returns the glyphs as drawn; the layout
    # analysis runs once they are numbered.
    laparams = LAParams(
        line_margin=_LINE_GAP, word_margin=_WORD_GAP, boxes_flow=None, all_texts=True
    )
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    with _reading(label):
        pages = list(PDFPage.get_pages(io.BytesIO(data)))
    if wanted is not None:
        if wanted > len(pages):
            raise InputError(label, f"has no page {wanted}: it has {len(pages)}")
        pages = pages[wanted - 1 : wanted]
    for pdf_page in pages:
        with _reading(label):
            interpreter.process_page(pdf_page)
            layout: LTPage = device.get_result()
            order = {id(glyph): index for index, glyph in enumerate(_glyphs(layout))}
            layout.analyze(laparams)  # the glyphs move into lines and boxes
        yield layout, order


@contextlib.contextmanager
def _reading(label: str) -> Iterator[None]:
    """Turn whatever pdfminer raises into an `InputError`: it parses untrusted bytes, and
    fails on damaged ones with anything from its own `PSException` to `KeyError`."""
    try:
        yield
    except Exception as exc:
        from pdfminer.pdfdocument import PDFEncryptionError

        what = "encrypted PDF" if isinstance(exc, PDFEncryptionError) else "broken PDF"
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        raise InputError(label, f"{what}: {detail}") from exc


def _text_boxes(layout: LTPage, order: dict[int, int]) -> list[_Box]:
    """The horizontal text boxes of an analysed page, in content-stream order."""
    boxes = [_box(box, order) for box in _horizontal_boxes(layout)]
    return sorted(boxes, key=lambda box: box.first)


def _glyphs(container: LTContainer[Any]) -> Iterator[LTItem]:
    """The glyphs (`LTChar`) of a page not yet analysed, in drawing order, also those
    inside form XObjects (`LTFigure`)."""
    from pdfminer.layout import LTChar, LTContainer

    for item in container:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            yield from _glyphs(item)


def _horizontal_boxes(container: LTContainer[Any]) -> Iterator[LTTextBoxHorizontal]:
    """The horizontal text boxes of an analysed page, also those inside figures."""
    from pdfminer.layout import LTContainer, LTTextBoxHorizontal

    for item in container:
        if isinstance(item, LTTextBoxHorizontal):
            yield item
        elif isinstance(item, LTContainer):
            yield from _horizontal_boxes(item)


def _box(box: LTTextBoxHorizontal, order: dict[int, int]) -> _Box:
    """pdfminer's text box as plain values, placed by its first glyph in the stream."""
    from pdfminer.layout import LTChar, LTTextLineHorizontal

    lines = [item for item in box if isinstance(item, LTTextLineHorizontal)]
    glyphs = [g for line in lines for g in line if isinstance(g, LTChar)]
    first = min((order.get(id(g), len(order)) for g in glyphs), default=len(order))
    return _Box(tuple(_line(line) for line in lines), first)


def _line(line: LTTextLineHorizontal) -> _Line:
    from pdfminer.layout import LTChar

    sizes = sorted(g.size for g in line if isinstance(g, LTChar))
    # The median, so that a few glyphs of another size (a footnote mark) do not count.
    size = sizes[len(sizes) // 2] if sizes else line.height
    return _Line(line.get_text().rstrip("\n"), line.x0, line.x1, line.y0, line.y1, size)


def _page_dump(boxes: Sequence[_Box]) -> str:
    """The page dump: the blocks of every run, in order, separated by blank lines."""
    blocks = [block for run in _runs(boxes) for block in _blocks(run)]
    return "".join(block + "\n\n" for block in blocks if block)


def _runs(boxes: Sequence[_Box]) -> list[_Box]:
    """Merge each box into the one before it in the stream when it continues it below."""
    runs: list[_Box] = []
    for box in boxes:
        if runs and _continues(runs[-1], box):
            runs[-1] = _Box(runs[-1].lines + box.lines, runs[-1].first)
        else:
            runs.append(box)
    return runs


def _continues(above: _Box, below: _Box) -> bool:
    """`below` starts right under `above`'s last line, in its font size and its column."""
    last, first = above.lines[-1], below.lines[0]
    gap = last.y0 - first.y1
    return (
        0 <= gap < _LINE_GAP * last.size
        and not _size_changes(last, first)
        and below.x0 < above.x1
        and above.x0 < below.x1
    )


def _blocks(run: _Box) -> list[str]:
    """Cut a run into paragraphs where a line is indented or the font size changes."""
    centred = all(_is_centred(run, line) for line in run.lines)
    paragraphs: list[list[_Line]] = []
    for i, line in enumerate(run.lines):
        indented = not centred and line.x0 - run.x0 >= _MIN_INDENT * line.size
        if i == 0 or indented or _size_changes(run.lines[i - 1], line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [_join(lines, 0 if centred else _indent(run, lines[0])) for lines in paragraphs]


def _indent(run: _Box, line: _Line) -> int:
    """How many characters `line` is indented by in its run; 0 if it is not, or if it
    starts too far right for an indentation."""
    left = line.x0 - run.x0
    if line.size <= 0 or not _MIN_INDENT * line.size <= left <= _MAX_INDENT * line.size:
        return 0
    return round(left / line.size)


def _is_centred(run: _Box, line: _Line) -> bool:
    return abs((line.x0 - run.x0) - (run.x1 - line.x1)) < _CENTRED * line.size


def _size_changes(above: _Line, below: _Line) -> bool:
    return abs(above.size - below.size) > _SIZE_STEP * max(above.size, below.size)


def _join(lines: Sequence[_Line], indent: int) -> str:
    """One paragraph from its hard-wrapped lines, led by `indent` ideographic spaces.

    Joined as the parser joins the lines of a block (`_cjk.space_at_line_break`): nothing
    between CJK characters or two digits, one space between Latin words (`2024` / `年`
    stays `2024年`).
    """
    text = lines[0].text.rstrip()
    for line in lines[1:]:
        more = line.text.strip()
        if text and more and space_at_line_break(text[-1], more[0]):
            text += " "
        text += more
    if not text.strip():
        return ""
    return "\u3000" * indent + text  # ideographic spaces: the paragraph indent
