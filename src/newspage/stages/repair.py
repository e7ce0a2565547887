"""Column-break repair: find the pieces of paragraphs cut by the layout and pair them.

A column or frame break cuts a paragraph at any character: `…加快推进信` ends one
column, `息化与工业化…` opens another, next to it or many blocks away, and sometimes
printed *before* the first piece. The repair

1. rates how open each piece's end is (no sentence-final punctuation, an unclosed
   quote, a comma) and how much each piece's start looks like the middle of a sentence
   (a leading comma or closing quote, a character that rarely opens a paragraph, a
   missing indent on a page that indents paragraphs, an attribution `王某说。`);
2. scores every pairing of an open end with a later or earlier start on the whole page,
   adding the language evidence at the cut (does `信`+`息` form a word?) and the layout
   (next block, across a photo caption, far away);
3. picks pairs greedily from the best score down, each piece used once, never closing
   a cycle, and never below `JOIN_THRESHOLD`: a wrong join is worse than a missed one.

Pieces left open are reported by the assemble phase as `unresolved-break` warnings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from .._cjk import CharStats, char_stats, is_han
from .._patterns import (
    ATTRIBUTION_START_RE,
    CONTINUATION_START_RE,
    DATELINE_RE,
    OPEN_END_RE,
    SENTENCE_END_RE,
)
from .blocks import Block, Role

# Sum of the evidence (log-odds-like points) a pairing needs to be made...
JOIN_THRESHOLD = 5.0
# ...of which at least this much must say that the second piece continues the first in
# particular, not only that the first is cut: an open end alone joins nothing.
MIN_FIT = 1.5
# A title-shaped line (`…带领下，社区`) is the first piece of a paragraph only when the
# next block continues it this well.
TITLE_PIECE_FIT = 7.0
# Points for a closed quotation (`…控制。”`) when the candidate is an attribution.
QUOTE_CLOSED_END = 3.0
# An open end or an open start at least this strong is reported when left unpaired.
REPORT_OPEN = 3.0

# Roles whose blocks can be pieces of a paragraph; TITLE lines only with strong evidence.
_PIECE_ROLES = (Role.BODY, Role.TITLE)
# Roles skipped when asking "is this the next block of the text flow?".
_TRANSPARENT = (Role.CAPTION, Role.CREDIT, Role.FURNITURE)


@attrs.frozen
class ColumnBreak:
    """A proposed join: block `second` continues block `first`."""

    first: int
    second: int
    score: float
    evidence: tuple[str, ...]

    @property
    def confidence(self) -> float:
        """The score mapped to (0, 1) around the threshold."""
        return 1.0 / (1.0 + math.exp(-(self.score - JOIN_THRESHOLD + 2.0)))


@attrs.frozen
class Openness:
    """How much a piece looks cut at its end and at its start, with the reasons."""

    end: float
    start: float
    end_why: tuple[str, ...] = ()
    start_why: tuple[str, ...] = ()
    quote_closed: bool = False
    """Ends with a closed quotation (`…控制。”`), which an attribution may continue."""
    attribution: bool = False
    """Starts with an attribution (`王吉勇说。`)."""


def end_openness(block: Block) -> tuple[float, tuple[str, ...], bool]:
    """Points for "this block stops in the middle of a paragraph"."""
    s = block.shadow.rstrip()
    why: list[str] = []
    quote_open = s.count("“") > s.count("”")
    if SENTENCE_END_RE.search(s) and not quote_open:
        quote_closed = s.endswith(("”", "’", "」", "』"))
        return -10.0, (), quote_closed
    points = 0.0
    if OPEN_END_RE.search(s):
        points += 4.0
        why.append("open-punctuation-end")
    elif s.endswith(":"):
        points += 1.0
        why.append("colon-end")
    elif SENTENCE_END_RE.search(s):
        points += 0.0
    else:
        points += 3.0 if block.role is Role.BODY or _clause_inside(s) else 1.0
        why.append("no-final-punctuation")
    if quote_open:
        points += 2.0
        why.append("unclosed-quote")
    return points, tuple(why), False


def start_openness(
    block: Block, stats: CharStats, indented_page: bool
) -> tuple[float, tuple[str, ...], bool]:
    """Points for "this block starts in the middle of a paragraph"."""
    s = block.shadow.lstrip()
    why: list[str] = []
    if not s or DATELINE_RE.match(s):
        return -10.0, (), False
    points = 0.0
    attribution = False
    first_close, first_open = s.find("”"), s.find("“")
    if CONTINUATION_START_RE.match(s):
        points += 5.0
        why.append("punctuation-start")
    elif first_close >= 0 and (first_open < 0 or first_close < first_open):
        points += 4.0
        why.append("unopened-quote")
    elif ATTRIBUTION_START_RE.match(s):
        points += 3.0
        attribution = True
        why.append("attribution-start")
    else:
        ratio = -stats.start_ratio(s[0])
        points += max(-3.0, min(3.0, ratio))
        if ratio > 1.0:
            why.append("rare-paragraph-opener")
    if indented_page and block.role is Role.BODY:  # titles are never indented
        if block.indented:
            points -= 5.0
        else:
            points += 3.0
            why.append("no-indent")
    return points, tuple(why), attribution


def find_breaks(blocks: Sequence[Block], stats: CharStats | None = None) -> tuple[ColumnBreak, ...]:
    """Propose the column-break joins of a classified page, best first, each piece once."""
    stats = char_stats() if stats is None else stats
    pieces = [b for b in blocks if b.role in _PIECE_ROLES]
    if len(pieces) < 2:
        return ()
    body = [b for b in pieces if b.role is Role.BODY]
    indented_page = sum(b.indented for b in body) >= max(2, len(body) // 4)

    ends: dict[int, tuple[float, tuple[str, ...], bool]] = {}
    starts: dict[int, tuple[float, tuple[str, ...], bool]] = {}
    for b in pieces:
        e = end_openness(b)
        if e[0] > 0 or e[2]:
            ends[b.index] = e
        st = start_openness(b, stats, indented_page)
        if st[0] > -3:
            starts[b.index] = st
    nxt = _flow_successors(blocks)

    zones = _zones(blocks)
    candidates: list[tuple[float, int, int, tuple[str, ...]]] = []
    by_index = {b.index: b for b in pieces}
    for ai, (end_pts, end_why, quote_closed) in ends.items():
        a = by_index[ai]
        a_quote_open = a.shadow.count("“") > a.shadow.count("”")
        for bi, (start_pts, start_why, attribution) in starts.items():
            if bi == ai:
                continue
            b = by_index[bi]
            adjacent = nxt.get(ai) == bi
            if quote_closed and end_pts <= 0:
                # A closed quotation only continues with its attribution.
                if not attribution:
                    continue
                end_pts, end_why = QUOTE_CLOSED_END, ("closed-quote-end",)
            # How much `b` continues `a` in particular: its start, the words across the
            # cut, quotes that balance, the layout.
            fit = start_pts
            why = end_why + start_why
            pmi = _cut_pmi(a, b, stats)
            if pmi is not None:
                fit += max(-2.0, min(6.0, pmi))  # unseen pairs say little: the table is finite
                if pmi > 2.0:
                    why += ("inside-word",)
                elif pmi < -1.0:
                    why += ("unlikely-cut",)
            if a_quote_open and _unopened_quote(b.shadow):
                fit += 3.0
                why += ("quotes-balance",)
            if adjacent:
                fit += 5.0  # most column breaks continue in the very next block
                why += ("adjacent",)
            elif bi < ai:
                fit -= 0.5
                why += ("printed-before",)
            elif _follows_open_end(blocks, bi, ends):
                fit += 1.5
                why += ("frame-top",)
            if zones[ai] != zones[bi] and (zones[ai] % 2 or zones[bi] % 2):
                fit -= 5.0  # a side column's briefs do not continue into other stories
                why += ("other-zone",)
            if (
                a.role is Role.TITLE
                and not (adjacent and fit >= TITLE_PIECE_FIT)
                and not (pmi is not None and pmi > 3.0 and start_pts > 1.0)
                and not (_clause_inside(a.shadow) and fit >= MIN_FIT + 1.5)
            ):
                continue  # a title-shaped line is a piece only on strong evidence
            if b.role is Role.TITLE and start_pts < 3:
                continue
            score = end_pts + fit
            if fit >= MIN_FIT and score >= JOIN_THRESHOLD:
                candidates.append((score, ai, bi, why))

    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    succ: dict[int, int] = {}
    pred: dict[int, int] = {}
    chosen: list[ColumnBreak] = []
    for score, ai, bi, why in candidates:
        if ai in succ or bi in pred or _closes_cycle(succ, ai, bi):
            continue
        succ[ai] = bi
        pred[bi] = ai
        chosen.append(ColumnBreak(ai, bi, score, why))
    return tuple(sorted(chosen, key=lambda j: j.first))


def open_pieces(
    blocks: Sequence[Block], breaks: Sequence[ColumnBreak]
) -> tuple[tuple[Block, str], ...]:
    """Body pieces that look cut but found no partner: (block, "end" | "start")."""
    joined_first = {j.first for j in breaks}
    joined_second = {j.second for j in breaks}
    out: list[tuple[Block, str]] = []
    for b in blocks:
        if b.role is not Role.BODY:
            continue
        if b.index not in joined_first and end_openness(b)[0] >= REPORT_OPEN:
            out.append((b, "end"))
        s = b.shadow
        if b.index not in joined_second and (CONTINUATION_START_RE.match(s) or _unopened_quote(s)):
            out.append((b, "start"))
    return tuple(out)


def _clause_inside(s: str) -> bool:
    """A comma or enumeration comma inside: more often a cut sentence than a title."""
    return "," in s or "、" in s


def _unopened_quote(s: str) -> bool:
    close, open_ = s.find("”"), s.find("“")
    return close >= 0 and (open_ < 0 or close < open_)


def _cut_pmi(a: Block, b: Block, stats: CharStats) -> float | None:
    x, y = a.shadow.rstrip()[-1:], b.shadow.lstrip()[:1]
    if x and y and is_han(x) and is_han(y):
        return stats.pmi(x, y)
    return None


def _flow_successors(blocks: Sequence[Block]) -> dict[int, int]:
    """For each piece, the next piece of the text flow: captions, credits and furniture
    are skipped; a title, byline or rubric in between ends the flow."""
    out: dict[int, int] = {}
    last: int | None = None
    for b in blocks:
        if b.role in _TRANSPARENT:
            continue
        if b.role in _PIECE_ROLES:
            if last is not None:
                out[last] = b.index
            last = b.index
        else:
            last = None
    return out


def _follows_open_end(
    blocks: Sequence[Block], i: int, ends: dict[int, tuple[float, tuple[str, ...], bool]]
) -> bool:
    """The block before `i` (skipping captions) ends open: `i` starts a new frame."""
    j = i - 1
    while j >= 0 and blocks[j].role in _TRANSPARENT:
        j -= 1
    return j >= 0 and j in ends and ends[j][0] > 0


def _zones(blocks: Sequence[Block]) -> list[int]:
    """Number the stretches of the page: odd numbers are side columns (after a rubric,
    until a headline with a byline or 副题 ends them), even numbers the rest."""
    zones: list[int] = []
    zone = 0
    for i, b in enumerate(blocks):
        if b.role is Role.RUBRIC:
            zone += 1 if zone % 2 == 0 else 2
        elif (
            zone % 2
            and b.role is Role.TITLE
            and i + 1 < len(blocks)
            and blocks[i + 1].role in (Role.BYLINE, Role.SUBHEADLINE, Role.LEAD_LABEL)
        ):
            zone += 1
        zones.append(zone)
    return zones


def _closes_cycle(succ: dict[int, int], a: int, b: int) -> bool:
    node: int | None = b
    while node is not None:
        if node == a:
            return True
        node = succ.get(node)
    return False
