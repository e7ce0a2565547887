"""Split a normalized page into blocks, the units every later phase works on.

A block is what the dump separates by blank lines: a headline, a byline, a paragraph or
a piece of one. Lines hard-wrapped inside a block (OCR and pdftotext output) are joined
back: nothing between two CJK characters or two digits, one space between Latin words.
Dumps without a blank line between their blocks are read by their lines instead: an
indented line starts a new block; where the lines' widths vary from line to line, each
line is a block (e-paper text exports print a paragraph per line); where they are wrapped
at a fixed width, a line shorter than the full lines around it ends a paragraph, and so
does a line that ends a sentence; a line that is a block by what it says (a byline, a
credit, `责任编辑：…`, told by the roles phase's `line_kind`) stands alone, and a dateline
opens a block.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence

import attrs

from .._cjk import shadows, space_at_line_break
from .._patterns import DATELINE_RE, SENTENCE_END_RE, SPEAKER_AFTER_QUOTE_RE, SUMMARY_POINT_RE

# Runs of space-like characters, collapsed to one space. No line break among them, so the
# whole page is collapsed at once and then split into lines. (The `re` module searches a
# plain character class about twice as fast as `regex`.)
_SPACES = " \t\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff"
_SPACE_RUN_RE = re.compile(f"[{_SPACES}]+")
# A text holding none of these has no run to collapse (a single space stays as it is);
# most pages hold none, which these substring tests find out in a third of the time the
# substitution takes to scan the page.
_SPACE_RUN_MARKS = ("  ", *_SPACES[1:])
# Paragraph indentation: ideographic spaces, or two or more ordinary spaces.
_INDENT_RE = re.compile(r"^(?:\u3000+|[ \u00a0]{2,})")


class Role(str, enum.Enum):
    """What a block is on the page. `TITLE` is a short title-shaped line whose part
    (headline, kicker, subhead, brief headline) the assemble phase decides in context."""

    BODY = "body"
    TITLE = "title"
    KICKER = "kicker"
    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"
    SUBHEAD = "subhead"
    BYLINE = "byline"
    LEAD_LABEL = "lead_label"
    CAPTION = "caption"
    CREDIT = "credit"
    RUBRIC = "rubric"
    FURNITURE = "furniture"


# Roles that stand beside the text flow rather than in it: photos and furniture. Asking
# "what is the next block of the text?" skips them.
TRANSPARENT = (Role.CAPTION, Role.CREDIT, Role.FURNITURE)


def is_dateline_paragraph(block: Block) -> bool:
    """A body block opening with a dateline (`本报讯…`, `新华社北京2月1日电…`): the start of
    a story's text."""
    return block.role is Role.BODY and bool(DATELINE_RE.match(block.shadow))


def is_summary_point(block: Block) -> bool:
    """A body block that is a bulleted summary point (`■岭下村果园扩种三百亩，…`,
    `SUMMARY_POINT_RE`): under a headline, a lead box printed without its label."""
    return block.role is Role.BODY and bool(SUMMARY_POINT_RE.match(block.shadow))


# The lines of a head group under its title lines: byline, 副题, lead label.
ANCHOR_ROLES = (Role.BYLINE, Role.SUBHEADLINE, Role.LEAD_LABEL)


def is_anchor(block: Block) -> bool:
    """Blocks that only follow a headline: byline, 副题, lead label, dateline paragraph."""
    return block.role in ANCHOR_ROLES or is_dateline_paragraph(block)


@attrs.frozen
class Block:
    """One block of the dump, as printed, with its matching shadow."""

    index: int
    """Position in dump order."""
    text: str
    """The printed text: whitespace collapsed, line breaks joined, indentation removed."""
    shadow: str
    """`_cjk.shadow(text)`: Simplified, half-width; same length as `text`."""
    line: int
    """1-based line number of the block's first line in the input."""
    gap_before: int = 1
    """Blank lines before the block; 2 or more is a gap such as a photo leaves."""
    indented: bool = False
    """The block started with paragraph indentation (U+3000 or several spaces)."""
    last_line_room: int | None = None
    """For a block hard-wrapped into lines (OCR, pdftotext): how many characters its last
    line is shorter than the longest of the others (None for one line). A paragraph's
    last line is usually short; a column break cuts a paragraph after a full line."""
    role: Role = Role.BODY
    """What the block is, once the roles phase has run."""
    reason: str = ""
    """The name of the rule that gave the role, for explanations and debugging."""
    size: int = attrs.field(init=False, eq=False, repr=False)
    """Printed characters, spaces not counted. Every phase asks it, a thousand times a
    page, so it is counted once, when the block is made."""

    @size.default
    def _count_size(self) -> int:
        return len(self.shadow) - self.shadow.count(" ")

    def with_role(self, role: Role, reason: str) -> Block:
        """The block with another role: `attrs.evolve(self, role=role, reason=reason)`,
        without evolve's walk over the fields (the roles phase makes a hundred a page)."""
        return Block(
            index=self.index,
            text=self.text,
            shadow=self.shadow,
            line=self.line,
            gap_before=self.gap_before,
            indented=self.indented,
            last_line_room=self.last_line_room,
            role=role,
            reason=reason,
        )


class LineKind(enum.Enum):
    """What one line says about where blocks begin, on a page wrapped at a fixed width
    without blank lines between its blocks (`split_blocks`' `line_kind`)."""

    TEXT = "text"
    """Running text: the widths and sentence ends of the lines place the bounds."""
    OPENS = "opens"
    """Opens a block: a dateline (`本报北京2月1日电（记者 王大海）今年…`)."""
    ALONE = "alone"
    """A block of its own: a credit, a lead label, `责任编辑：…`, `（王大海）`."""
    BYLINE = "byline"
    """A block of its own under a story's head: a byline (`本报记者 王大海`)."""


# Tells the `LineKind` of a line, given as a block of its own.
LineClassifier = Callable[["Block"], LineKind]


def join_lines(lines: list[str]) -> str:
    """Join the lines of one block: a space only where `space_at_line_break` says so."""
    return _join_collapsed([_SPACE_RUN_RE.sub(" ", raw) for raw in lines])


def _join_collapsed(lines: list[str]) -> str:
    """`join_lines` of lines whose space runs are already collapsed."""
    out = ""
    for collapsed in lines:
        line = collapsed.strip()
        if not line:
            continue
        if out and space_at_line_break(out[-1], line[0]):
            out += " "
        out += line
    return out


def split_blocks(text: str, *, line_kind: LineClassifier | None = None) -> tuple[Block, ...]:
    """Cut `text` (already normalized, `\\n` line ends) into blocks.

    `line_kind` tells which lines of a page wrapped without blank lines are blocks of
    their own or open one (the parser passes `roles.line_kind`); without it only widths,
    sentence ends and indentation place the bounds on such a page.
    """
    raw = text.split("\n")
    collapsed = raw  # line for line with `raw`, space runs collapsed
    if any(mark in text for mark in _SPACE_RUN_MARKS):
        collapsed = _SPACE_RUN_RE.sub(" ", text).split("\n")
    chunks = _chunks(raw)
    # The widths of the lines of each chunk of several lines, by its first line.
    widths = {a: [_width(x) for x in collapsed[a:b]] for a, b, _ in chunks if b - a > 1}
    per_line = _lines_are_blocks(widths)
    # A page that indents its paragraphs inside its chunks says where they start.
    indented = sum(
        1 for a, b, _ in chunks if b - a > 1 for line in raw[a + 1 : b] if _INDENT_RE.match(line)
    )
    width_ends = (
        {}
        if per_line
        else _width_ends(collapsed, chunks, widths, line_kind, by_stops=indented < _MIN_INDENTS)
    )
    # text, line, gap before, indented, last line room
    found: list[tuple[str, int, int, bool, int | None]] = []
    for start, end, blanks in chunks:
        gap = blanks if found else max(blanks, 1)
        if end - start == 1:  # most chunks are one line: one paragraph
            line = collapsed[start].strip()
            if line:
                found.append((line, start + 1, gap, bool(_INDENT_RE.match(raw[start])), None))
            continue
        if per_line:
            bounds = list(range(end - start + 1))
        else:
            bounds = _paragraph_bounds(raw[start:end], width_ends.get(start, ()))
        groups = [
            (a, b, bool(_INDENT_RE.match(raw[start + a]))) for a, b in itertools.pairwise(bounds)
        ]
        # A chunk whose every line opens an item (a results list, a box of numbered
        # points) is one block, its lines no wraps of each other: a space between them.
        listed = all(_ITEM_LINE_RE.match(line) for line in collapsed[start:end])
        for first, last, indented in groups:
            lines = collapsed[start + first : start + last]
            joined = (
                " ".join(x.strip() for x in lines if x.strip())
                if listed
                else _join_collapsed(lines)
            )
            if joined:
                found.append(
                    (joined, start + first + 1, gap if first == 0 else 1, indented, _room(lines))
                )
    found = _relative_gaps(found)
    # The shadows of all blocks at once: one call to OpenCC per page, not per block.
    matched = shadows([joined for joined, *_ in found])
    return tuple(
        Block(
            index=i,
            text=t,
            shadow=sh,
            line=line,
            gap_before=before,
            indented=indented,
            last_line_room=room,
        )
        for i, ((t, line, before, indented, room), sh) in enumerate(
            zip(found, matched, strict=True)
        )
    )


def _chunks(raw: list[str]) -> list[tuple[int, int, int]]:
    """The runs of non-blank lines: (first line, end, blank lines before), offsets into
    `raw`."""
    chunks: list[tuple[int, int, int]] = []
    start: int | None = None
    blanks = 0
    for i, line in enumerate(raw):
        if line.strip():
            if start is None:
                start = i
        elif start is not None:
            chunks.append((start, i, blanks))
            start, blanks = None, 1
        else:
            blanks += 1
    if start is not None:
        chunks.append((start, len(raw), blanks))
    return chunks


# A page whose chunks of several lines hold at least this many lines can tell...
_MIN_LINES_TO_TELL = 12
# ...by the share of those lines as wide as a line next to them (within `WRAP_SLACK`)
# whether it wraps its paragraphs at a fixed width (most lines are, in runs) or prints
# one block per line with no blank line between (e-paper text exports do; few are).
_WRAPPED_SHARE = 0.5
# Two lines wrapped at one width differ by this many characters at most (a wrap never
# splits a Latin word or puts `，` at a line start).
WRAP_SLACK = 2


def _lines_are_blocks(widths: dict[int, list[int]]) -> bool:
    """Does the page print one block per line, without blank lines between them? Read
    from the `widths` of the lines in its chunks of several lines (`_WRAPPED_SHARE`)."""
    runs = widths.values()
    total = sum(map(len, runs))
    if total < _MIN_LINES_TO_TELL:
        return False
    alike = sum(
        1
        for run in runs
        for i, w in enumerate(run)
        if (i > 0 and abs(w - run[i - 1]) <= WRAP_SLACK)
        or (i + 1 < len(run) and abs(w - run[i + 1]) <= WRAP_SLACK)
    )
    return alike < _WRAPPED_SHARE * total


# How many times a page must show a wider separator for it to count as its own: a gap
# before a block or two (`正文` / three blank lines / `图片说明`) is a photo's.
_MIN_SEPARATORS = 4


def _relative_gaps(
    found: list[tuple[str, int, int, bool, int | None]],
) -> list[tuple[str, int, int, bool, int | None]]:
    """Gaps counted from the page's own separator. Some extractors put two or three blank
    lines between all blocks; when most gaps after the first block are that wide, a gap
    one wider is what a photo leaves, and the usual separator counts as one blank line."""
    gaps = Counter(g for _, _, g, _, _ in found[1:])
    usual, count = max(gaps.items(), key=lambda kv: (kv[1], -kv[0]), default=(1, 0))
    if usual <= 1 or count < _MIN_SEPARATORS or 2 * count <= len(found) - 1:
        return found
    shift = usual - 1
    return [(t, line, max(g - shift, 1), ind, room) for t, line, g, ind, room in found]


def _room(lines: list[str]) -> int | None:
    """How much shorter the last of a block's lines is than the longest of the others
    (characters, spaces not counted); None for a block of one line."""
    widths = [w for w in map(_width, lines) if w]
    if len(widths) < 2:
        return None
    room = max(widths[:-1]) - widths[-1]
    if room <= WRAP_SLACK:
        return room
    printed = [w for w in map(_printed_width, lines) if w]
    return min(room, _printed_room(max(printed[:-1]), 0, printed[-1]))


# Where a page wraps its lines at a fixed width, a line shorter than a line next to it
# ends a paragraph (`_short_line_ends`)... but only on a page with at least this many of
# them, and one for every two blank-line-separated chunks of several lines: a page that
# separates its blocks by blank lines has a stray one in a few hundred paragraphs
# (a wrap that carried a long unit over), a page that does not has dozens.
_MIN_WIDTH_ENDS = 3
# A line that opens an item of a list: a label and a colon (`男子100米：1.王大海 10秒21`,
# `地址：…`), or a number (`1.`, `2、`, `（3）`, `①`). A chunk of such lines only is a list
# (a wrapped paragraph's lines do not all open so), its lines joined with a space.
_ITEM_LINE_RE = re.compile(
    r"\s*(?:[^\s:：，。,]{1,10}[:：]|\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])"
)
# Indented lines inside chunks that make a wrapped page one that marks its paragraphs
# by indentation.
_MIN_INDENTS = 3
# What a wrap cannot split at the start of a line: opening marks, then a Latin word or
# number or one character, then the marks that may not open a line (`99%。`, `（女）、`).
_LEADING_UNIT_RE = re.compile(
    r"[（《「『“‘(\[]*(?:[0-9A-Za-z][0-9A-Za-z.%/_-]*|.)[,.;:!?)\]，。、；：！？）》」』”’…—]*"
)


def _width_ends(
    lines: list[str],
    chunks: list[tuple[int, int, int]],
    widths: dict[int, list[int]],
    line_kind: LineClassifier | None,
    *,
    by_stops: bool = True,
) -> dict[int, list[int]]:
    """The block bounds inside each chunk of several lines of a page that wraps its
    lines without blank lines between blocks (offsets into the chunk, keyed by the
    chunk's first line, as its `widths` are): the paragraph ends its line widths show,
    then the lines that end a sentence (unless `by_stops` is false: on a page that
    indents its paragraphs, a sentence ending at a line's end is no paragraph end) and
    those `line_kind` sets apart. Empty if the
    widths show too few ends for such a page (`_MIN_WIDTH_ENDS`)."""
    several = [(a, b) for a, b, _ in chunks if b - a > 1]
    ends = {a: _short_line_ends(lines[a:b], widths[a]) for a, b in several}
    found = sum(map(len, ends.values()))
    if found < max(_MIN_WIDTH_ENDS, len(ends) / 2):
        return {}
    # The shadows of all those lines at once: one call to OpenCC per page.
    matched = iter(shadows([line.strip() for a, b in several for line in lines[a:b]]))
    for a, b in several:
        lined = [(line.strip(), next(matched)) for line in lines[a:b]]
        stops = _stop_ends(lined) if by_stops else []
        ends[a] = sorted({*ends[a], *stops, *_kind_ends(lined, a, line_kind, widths[a])})
    return ends


def _stop_ends(lined: list[tuple[str, str]]) -> list[int]:
    """Where paragraphs start after a line that ends a sentence (`…高出三成。`).

    A paragraph whose last line is full shows no end by its width. On 200 generated
    pages wrapped without blank lines, 1,798 of the lines ending with `。` that the
    widths leave in a paragraph end one, 949 do not. An end read where there is none
    cuts one paragraph in two; an end missed makes one of two, and its second paragraph
    may be another story's. A line that closes a quotation over a line that names who
    said it (`…抱团发展。”` / `局长王大海说，…`) is inside its paragraph: the attribution
    follows the words it attributes."""
    return [
        i
        for i in range(1, len(lined))
        if SENTENCE_END_RE.search(lined[i - 1][1])
        and not (lined[i - 1][1].endswith("”") and SPEAKER_AFTER_QUOTE_RE.match(lined[i][1]))
    ]


def _kind_ends(
    lined: list[tuple[str, str]],
    first: int,
    line_kind: LineClassifier | None,
    widths: Sequence[int],
) -> list[int]:
    """The bounds around the lines `line_kind` sets apart: before and after a block of
    its own, before a line that opens one (`first`: the chunk's first line, 0-based).

    Over such a line, a line shorter than the one above it that ends no sentence is a
    block of its own too: the headline over a byline or a dateline, printed at the top
    of a column under a paragraph that goes on in another (`…去年合作` / `青山县新建十座
    冷库` / `本报记者 李小川`). A paragraph's last line ends a sentence, and a column ends
    after a full line."""
    if line_kind is None:
        return []
    bounds: list[int] = []
    for i, (text, shadow) in enumerate(lined):
        kind = line_kind(Block(index=i, text=text, shadow=shadow, line=first + i + 1))
        if kind is not LineKind.TEXT:
            bounds.append(i)
        if (
            kind is LineKind.BYLINE
            and i >= 2
            and widths[i - 2] - widths[i - 1] > WRAP_SLACK
            and not SENTENCE_END_RE.search(lined[i - 1][1])
        ):
            bounds.append(i - 1)
        if kind in (LineKind.ALONE, LineKind.BYLINE):
            bounds.append(i + 1)
    return [i for i in bounds if 0 < i < len(lined)]


def _short_line_ends(lines: list[str], widths: list[int]) -> list[int]:
    """Where paragraphs start inside a chunk of lines wrapped at a fixed width: after a
    line shorter than a line next to it (in its paragraph) by more than `WRAP_SLACK`.
    Lines wrapped at one width are full but for a paragraph's last, and a column of
    another width starts another block. A unit the wrap carried to the next line
    (`_LEADING_UNIT_RE`) leaves a short line inside a paragraph: no end there."""
    ends: list[int] = []
    printed = [_printed_width(line) for line in lines]
    for i in range(1, len(lines)):
        w = widths[i - 1]
        inside = i >= 2 and (not ends or ends[-1] <= i - 2)
        previous = widths[i - 2] if inside else 0
        room = max(previous, widths[i]) - w
        if room > WRAP_SLACK:
            # ...and shorter by its printed width too: a line of digits or Latin letters
            # holds more characters in the same width (`点项目120个，年度计划投资310`).
            room = min(
                room, _printed_room(printed[i - 2] if inside else 0, printed[i], printed[i - 1])
            )
        if room > WRAP_SLACK:
            unit = _LEADING_UNIT_RE.match(lines[i].strip())
            if unit is None or len(unit.group()) + WRAP_SLACK <= room:
                ends.append(i)
    return ends


def _paragraph_bounds(lines: list[str], width_ends: Sequence[int]) -> list[int]:
    """The paragraph bounds of a chunk of several lines (offsets, 0 and its end
    included): an indented line starts a paragraph, and so does each of `width_ends`."""
    starts = {i for i in range(1, len(lines)) if _INDENT_RE.match(lines[i])}
    return [0, *sorted(starts.union(width_ends)), len(lines)]


def _printed_width(line: str) -> int:
    """Printed width of a line in half-widths: a digit, Latin letter or ASCII mark takes
    one, a Han character or full-width mark two; spaces not counted. A column wraps by
    this width, so a line of figures holds more characters than a line of Han."""
    line = line.strip()
    return 2 * len(line) - sum(1 for c in line if c < "\x7f") - line.count(" ")


def _printed_room(above: int, below: int, line: int) -> int:
    """How many full-width characters a line of printed width `line` is short of the
    wider of its neighbours (half-widths), as `room` is counted in characters."""
    return (max(above, below) - line) // 2


def _width(line: str) -> int:
    """Printed characters of a line, spaces not counted."""
    line = line.strip()
    return len(line) - line.count(" ")
