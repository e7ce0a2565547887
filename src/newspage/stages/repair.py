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
# Points for a closed quotation (`…控制。”`) when the candidate is an attribution...
QUOTE_CLOSED_END = 3.0
# ...and for the attribution (`王吉勇说。`) as its continuation.
ATTRIBUTION_START = 3.0
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
    if s.endswith(")") and s.count("(") == s.count(")") and not quote_open:
        return -10.0, (), False  # `…（完）`, `（本报科伦坡电）`: a closed unit
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
    else:
        # An attribution (`王吉勇说。`) is scored as any start here; it earns its
        # points only against a closed quotation (see `_score_pair`).
        attribution = bool(ATTRIBUTION_START_RE.match(s))
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


@attrs.frozen
class _Piece:
    """What the pairing loop needs to know of one block, computed once."""

    block: Block
    end: float
    end_why: tuple[str, ...]
    quote_closed: bool
    start: float
    start_why: tuple[str, ...]
    attribution: bool
    quote_open: bool
    unopened_quote: bool
    frame_top: bool
    zone: int


def find_breaks(blocks: Sequence[Block], stats: CharStats | None = None) -> tuple[ColumnBreak, ...]:
    """Propose the column-break joins of a classified page, best first, each piece once."""
    stats = char_stats() if stats is None else stats
    pieces = [b for b in blocks if b.role in _PIECE_ROLES]
    if len(pieces) < 2:
        return ()
    body = [b for b in pieces if b.role is Role.BODY]
    indented_page = sum(b.indented for b in body) >= max(2, len(body) // 4)
    nxt = _flow_successors(blocks)
    zones = _zones(blocks)

    info: dict[int, _Piece] = {}
    for b in pieces:
        end, end_why, quote_closed = end_openness(b)
        start, start_why, attribution = start_openness(b, stats, indented_page)
        info[b.index] = _Piece(
            b,
            end,
            end_why,
            quote_closed,
            start,
            start_why,
            attribution,
            quote_open=b.shadow.count("“") > b.shadow.count("”"),
            unopened_quote=_unopened_quote(b.shadow),
            frame_top=False,
            zone=zones[b.index],
        )
    open_ends = {i for i, p in info.items() if p.end > 0}
    for i, p in info.items():
        if _follows_open_end(blocks, i, open_ends):
            info[i] = attrs.evolve(p, frame_top=True)
    ends = [p for p in info.values() if p.end > 0 or p.quote_closed]
    starts = [p for p in info.values() if p.start > -3]

    attributions = [p for p in starts if p.attribution]
    candidates: list[tuple[float, int, int, tuple[str, ...]]] = []
    for a in ends:
        # A closed quotation (`…控制。”`) is only continued by an attribution.
        for b in starts if a.end > 0 else attributions:
            if b.block.index != a.block.index:
                scored = _score_pair(a, b, nxt.get(a.block.index) == b.block.index, stats)
                if scored is not None:
                    candidates.append((scored[0], a.block.index, b.block.index, scored[1]))

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


def _score_pair(
    a: _Piece, b: _Piece, adjacent: bool, stats: CharStats
) -> tuple[float, tuple[str, ...]] | None:
    """Score `b` as the continuation of `a`, or None when it cannot be one."""
    end, end_why = a.end, a.end_why
    start, start_why = b.start, b.start_why
    if a.quote_closed and end <= 0:
        if not b.attribution:
            return None  # a closed quotation only continues with its attribution
        end, end_why = QUOTE_CLOSED_END, ("closed-quote-end",)
        # Names open many paragraphs, so the first character says nothing here.
        start, start_why = max(start, 0.0) + ATTRIBUTION_START, ("attribution-start",)
    # How much `b` continues `a` in particular: its start, the words across the cut,
    # quotes that balance, the layout.
    fit = start
    pmi = _cut_pmi(a.block, b.block, stats)
    if pmi is not None:
        fit += max(-2.0, min(6.0, pmi))  # unseen pairs say little: the table is finite
    quotes = a.quote_open and b.unopened_quote
    if quotes:
        fit += 3.0
    ai, bi = a.block.index, b.block.index
    if adjacent:
        fit += 5.0  # most column breaks continue in the very next block
    elif bi < ai:
        fit -= 0.5
    elif b.frame_top:
        fit += 1.5
    other_zone = a.zone != b.zone and bool(a.zone % 2 or b.zone % 2)
    if other_zone:
        fit -= 5.0  # a side column's briefs do not continue into other stories
    if (
        a.block.role is Role.TITLE
        and not (adjacent and fit >= TITLE_PIECE_FIT)
        and not (pmi is not None and pmi > 3.0 and start > 1.0)
        and not (_clause_inside(a.block.shadow) and fit >= MIN_FIT + 1.5)
    ):
        return None  # a title-shaped line is a piece only on strong evidence
    if b.block.role is Role.TITLE and start < 3:
        return None
    score = end + fit
    if fit < MIN_FIT or score < JOIN_THRESHOLD:
        return None
    why = end_why + start_why
    if pmi is not None and pmi > 2.0:
        why += ("inside-word",)
    elif pmi is not None and pmi < -1.0:
        why += ("unlikely-cut",)
    if quotes:
        why += ("quotes-balance",)
    if adjacent:
        why += ("adjacent",)
    elif bi < ai:
        why += ("printed-before",)
    elif b.frame_top:
        why += ("frame-top",)
    if other_zone:
        why += ("other-zone",)
    return score, why


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
    """PMI of the two characters that meet at the cut: Han with Han (`信`+`息`), or a
    comma with what follows it (`，`+`并` is common, `，`+`议` is not)."""
    x, y = a.shadow[-1], b.shadow[0]  # blocks are stripped and never empty
    if (is_han(x) or x in _PMI_PUNCT) and is_han(y):
        return stats.pmi(x, y)
    return None


# Punctuation before the cut whose following character the statistics know well.
_PMI_PUNCT = frozenset(",、;:“")


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


def _follows_open_end(blocks: Sequence[Block], i: int, open_ends: set[int]) -> bool:
    """The block before `i` (skipping captions) ends open: `i` starts a new frame."""
    j = i - 1
    while j >= 0 and blocks[j].role in _TRANSPARENT:
        j -= 1
    return j >= 0 and j in open_ends


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
