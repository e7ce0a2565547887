"""Split a normalized page into blocks, the units every later phase works on.

A block is what the dump separates by blank lines: a headline, a byline, a paragraph or
a piece of one. Lines hard-wrapped inside a block (OCR and pdftotext output) are joined
back: nothing between two CJK characters, one space between Latin letters or digits. In
dumps that mark paragraphs by indentation instead of blank lines, an indented line starts
a new block.
"""

from __future__ import annotations

import enum

import attrs
import regex

from .._cjk import is_wordish, shadows

_SPACE_RUN_RE = regex.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff]+")
# Paragraph indentation: ideographic spaces, or two or more ordinary spaces.
_INDENT_RE = regex.compile(r"^(?:\u3000+|[ \u00a0]{2,})")


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
    role: Role = Role.BODY
    """What the block is, once the roles phase has run."""
    reason: str = ""
    """The name of the rule that gave the role, for explanations and debugging."""

    @property
    def size(self) -> int:
        """Printed characters, spaces not counted."""
        return len(self.shadow) - self.shadow.count(" ")


def join_lines(lines: list[str]) -> str:
    """Join the lines of one block: CJK+CJK without a space, Latin/digit pairs with one."""
    out = ""
    for raw in lines:
        line = _SPACE_RUN_RE.sub(" ", raw).strip()
        if not line:
            continue
        if out and is_wordish(out[-1]) and is_wordish(line[0]):
            out += " "
        out += line
    return out


def split_blocks(text: str) -> tuple[Block, ...]:
    """Cut `text` (already normalized, `\\n` line ends) into blocks."""
    found: list[tuple[str, int, int, bool]] = []  # text, line, gap before, indented
    pending: list[str] = []
    start_line = 1
    blanks = 0
    gap = 0

    def flush() -> None:
        for lineno, group, indented in _paragraph_groups(pending, start_line):
            joined = join_lines(group)
            if joined:
                found.append((joined, lineno, gap if lineno == start_line else 1, indented))

    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not pending:
                start_line = lineno
                gap = blanks if found else max(blanks, 1)
            pending.append(line)
            blanks = 0
        else:
            if pending:
                flush()
                pending = []
            blanks += 1
    if pending:
        flush()
    # The shadows of all blocks at once: one call to OpenCC per page, not per block.
    matched = shadows([joined for joined, *_ in found])
    return tuple(
        Block(index=i, text=t, shadow=sh, line=line, gap_before=before, indented=indented)
        for i, ((t, line, before, indented), sh) in enumerate(zip(found, matched, strict=True))
    )


def _paragraph_groups(lines: list[str], first_line: int) -> list[tuple[int, list[str], bool]]:
    """Split one blank-line-separated chunk at indented lines, if it has several lines.

    Returns (line number, lines, indented) per paragraph. A chunk of one line, or one
    whose later lines are never indented, is one paragraph.
    """
    indents = [bool(_INDENT_RE.match(x)) for x in lines]
    groups: list[tuple[int, list[str], bool]] = []
    for i, line in enumerate(lines):
        if i == 0 or indents[i]:
            groups.append((first_line + i, [line], indents[i]))
        else:
            groups[-1][1].append(line)
    return groups
