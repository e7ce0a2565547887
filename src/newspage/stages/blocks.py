"""Split a normalized page into blocks, the units every later phase works on.

A block is what the dump separates by blank lines: a headline, a byline, a paragraph or
a piece of one. Lines hard-wrapped inside a block (OCR and pdftotext output) are joined
back: nothing between two CJK characters or two digits, one space between Latin words. In
dumps that mark paragraphs by indentation instead of blank lines, an indented line starts
a new block.
"""

from __future__ import annotations

import enum
import re
from collections import Counter

import attrs

from .._cjk import shadows, space_at_line_break
from .._patterns import DATELINE_RE

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


def split_blocks(text: str) -> tuple[Block, ...]:
    """Cut `text` (already normalized, `\\n` line ends) into blocks."""
    # text, line, gap before, indented, last line room
    found: list[tuple[str, int, int, bool, int | None]] = []
    raw = text.split("\n")
    collapsed = raw  # line for line with `raw`, space runs collapsed
    if any(mark in text for mark in _SPACE_RUN_MARKS):
        collapsed = _SPACE_RUN_RE.sub(" ", text).split("\n")
    start = 0  # index of the first line of the pending chunk
    pending = False
    blanks = 0
    gap = 0

    def flush(end: int) -> None:
        """The chunk of lines start..end-1 (no blank line among them) into blocks."""
        if end - start == 1:  # most chunks are one line: one paragraph
            line = collapsed[start].strip()
            if line:
                found.append((line, start + 1, gap, bool(_INDENT_RE.match(raw[start])), None))
            return
        for first, last, indented in _paragraph_groups(raw[start:end]):
            lines = collapsed[start + first : start + last]
            joined = _join_collapsed(lines)
            if joined:
                found.append(
                    (joined, start + first + 1, gap if first == 0 else 1, indented, _room(lines))
                )

    for i, line in enumerate(raw):
        if line.strip():
            if not pending:
                start, pending = i, True
                gap = blanks if found else max(blanks, 1)
            blanks = 0
        else:
            if pending:
                flush(i)
                pending = False
            blanks += 1
    if pending:
        flush(len(raw))
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
    widths = [len(x) - x.count(" ") for x in (line.strip() for line in lines) if x]
    if len(widths) < 2:
        return None
    return max(widths[:-1]) - widths[-1]


def _paragraph_groups(lines: list[str]) -> list[tuple[int, int, bool]]:
    """Split one blank-line-separated chunk at indented lines, if it has several lines.

    Returns (first line, end, indented) per paragraph, as offsets into `lines`. A chunk
    of one line, or one whose later lines are never indented, is one paragraph.
    """
    groups: list[tuple[int, int, bool]] = []
    first, indented = 0, bool(_INDENT_RE.match(lines[0]))
    for i in range(1, len(lines)):
        if _INDENT_RE.match(lines[i]):
            groups.append((first, i, indented))
            first, indented = i, True
    groups.append((first, len(lines), indented))
    return groups
