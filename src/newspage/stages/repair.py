"""Column-break repair: find the pieces of paragraphs cut by the layout and pair them.

A column or frame break cuts a paragraph at any character: `…推动数字经` ends one
column, `济与实体经济…` opens another, next to it or many blocks away, and sometimes
printed *before* the first piece. The repair

1. describes every candidate pairing (an open end, any later or earlier piece within
   `WINDOW` blocks) by a handful of named features: how the first piece ends (a comma,
   no punctuation, an unclosed quote), how the second starts (a comma or closing quote,
   a character that rarely opens a paragraph, a missing indent on a page that indents),
   the language at the cut (does `信`+`息` form a word? the PMI of the two characters)
   and the layout (the very next block, across a photo caption, the top of a new frame,
   far away, printed before, another zone of the page);
2. scores each pairing as log-odds, a weighted sum of its features; the weights are
   package data (`data/join_weights.json`), fitted by `tools/fit_join_weights.py` on
   generated pages whose joins are known. Most pairings of a page score far below the
   threshold: a cheap upper bound of the score rules them out before they are described
   in full (`promising`), which leaves the joins chosen unchanged;
3. chooses the set of joins with the highest total score, each piece used once, no
   cycle, no join below `JOIN_THRESHOLD`: a wrong join is worse than a missed one, and
   the best partner of a piece is decided on the whole page, not piece by piece;
4. looks at that first choice once more: a piece printed right after an open end that
   is continued *elsewhere* stands at the top of a new column or frame
   (`frame_top_confirmed`), which makes it likelier to continue some other open end;
   the choice is then made again, with the pairings of those pieces that only this
   bonus lifts to the threshold described now (`_Pairings.lifted`).

Pieces left open are reported by the assemble phase as `unresolved-break` warnings.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections.abc import Iterator, Sequence

import attrs
import regex

from .._cjk import CharStats, TopicBigrams, char_stats, is_han, lexicon, load_weights
from .._patterns import (
    ATTRIBUTION_START_RE,
    CLAUSE_MARK_RE,
    CONTINUATION_START_RE,
    CROSS_REFERENCE_RE,
    DATELINE_RE,
    EMAIL_LINE_RE,
    FIGURE_LINE_RE,
    JUMP_IN_RE,
    JUMP_OUT_RE,
    MEETING_HEADLINE_RE,
    NOTE_ENTRY_RE,
    NUMBERED_HEADING_RE,
    PAIRED_MARKS,
    PHOTO_RUBRIC_RE,
    RUBRIC_WORD_RE,
    SECTION_NUMBER_RE,
    SENTENCE_STOP_RE,
    SPEAKER_LABEL_RE,
    YEAR_LINE_RE,
    ends_open,
    ends_sentence,
    is_box_label,
    is_reporter_rubric,
    section_number,
)
from .blocks import ANCHOR_ROLES, TRANSPARENT, Block, Role, is_anchor, is_dateline_paragraph

# Log-odds (against leaving the first piece unpaired) a pairing needs to be made: odds of
# 1.65 to 1 (a confidence of 0.622). A wrong join is worse than a missed one. At 0 (even
# odds), the character statistics smoothed towards "no evidence" for rare characters
# (`CharStats`) make 429 more right joins than before on the thirteen generated sets and
# 636 more wrong ones; at 0.5, 212 more right ones and 23 more wrong ones (see
# docs/accuracy.md, forty-second session).
JOIN_THRESHOLD = 0.5
# A hard-wrapped block whose last line is this many characters shorter than its other
# lines ends a paragraph (on the generated training pages, 14 of 2,991 such blocks are cut
# pieces; of the blocks whose last line is full, 481 of 668).
LINE_SLACK = 2
# How far apart, in blocks, two pieces of one paragraph may be printed. The sample
# pages have one 40 blocks apart (a story's end printed before its head); of the joins
# of 300 generated pages, 99% lie within 43 blocks and 99.9% within 64. About one page
# of blocks on each side keeps the cost of a page in proportion to its size.
WINDOW = 70
# Log-odds added to every pairing whose second piece cannot open a paragraph.
SURE_CONTINUATION = 2.0
# A side column's brief is shorter than this (characters); a longer text is a story.
BRIEF_MAX_CHARS = 1500
# Components of the candidate graph up to this many first pieces are matched exactly;
# larger ones (rare) greedily, best score first.
_EXACT_MATCHING = 10

# The word gain at a cut counts up to this many nats (a word about 160,000 times likelier
# whole than as its parts): beyond, the layout should still decide.
_MAX_LEX_GAIN = 12.0

# How much text on each side of a pairing the topic features read, in characters.
TOPIC_WINDOW = 200
# Fewer topic bigrams than this on either side say nothing about the topic.
MIN_TOPICS = 12
# A bigram the statistics saw fewer times than this is a name, a place, a term.
_RARE_BIGRAM = 5
# `topic_rare` counts up to this many shared rare bigrams.
_MAX_RARE_SHARED = 3.0

# Characters that end a clause only when it goes on: particles, prepositions,
# conjunctions, pronouns (`…向`, `…的`, `…和`). A headline or subhead almost never
# ends with one (39 of 2,956 title lines of the generated training pages, against 47 of
# 329 title-shaped cut pieces).
FUNCTION_CHARS = frozenset(
    "的地得了着过和与及或在对向从把被将为以于而并且但是也都就还又再等之其所这那每各该我你他她它"
)
# A title-shaped piece this long is as often a cut clause as a title.
MIN_LONG_TITLE_PIECE = 20

# Roles whose blocks can be pieces of a paragraph.
_PIECE_ROLES = (Role.BODY, Role.TITLE)
# Punctuation before the cut whose following character the statistics know well.
_PMI_PUNCT = frozenset(",、;:“")

FEATURES = (
    "bias",
    "end_open_punct",  # `…采购数量，` `…、` `…“`
    "end_colon",  # `…重点任务：` (often a list follows: weak)
    "end_bare",  # `…推动数字经`: no punctuation at the end of a body block
    "end_bare_title",  # the same on a title-shaped line (`…购物、餐饮、休`)
    "a_quote_open",  # more `“` than `”` in the first piece
    "a_quote_closed",  # `…订单排到了年底。”`, paired with an attribution only
    "b_punct_start",  # `，并协助…` `、市社会…`
    "b_unopened_quote",  # `最”。…`: a `”` before any `“`
    "b_attribution",  # `赵建华说。接下来…` after a closed quotation
    "b_rare_opener",  # -log(P(opens a paragraph)/P(anywhere)) of the first character
    "b_no_indent",  # not indented, on a page that indents paragraphs
    "b_indented",  # indented, on a page that indents paragraphs
    "b_title",  # the second piece is title-shaped
    "pmi",  # PMI of the two characters that meet at the cut
    "pmi_missing",  # no PMI (a digit, Latin, a quote at the cut)
    "quotes_balance",  # `“四` + `最”`, `（记者张` + `三）`: a quotation, bracket or book
    # title opened in one closes in the other (named for quotes: `join_evidence` names it)
    "adjacent",  # the very next block of the text flow
    "across_caption",  # next in the flow, with a photo caption or credit between
    "printed_before",  # the second piece is printed before the first
    "frame_top",  # printed after an open end elsewhere: the top of a new frame
    "distance",  # log(1 + blocks between them), for pieces not adjacent
    "other_zone",  # one of them in a side column of briefs, the other not
    "b_after_closed",  # the block before the second piece ends a paragraph
    "a_end_ratio",  # log(P(closes a paragraph)/P(anywhere)) of the last character
    "a_title_clause",  # a title-shaped first piece with a comma inside: a cut sentence
    "a_title_short",  # a title-shaped first piece of five characters or fewer
    "a_title_space",  # a title-shaped first piece with a space inside: `两句 标题`
    "a_title_function",  # ...ending with a function word (`的`, `向`, `和`): a cut clause
    "a_title_long",  # ...of MIN_LONG_TITLE_PIECE characters or more
    "a_title_opener",  # ...opening as paragraphs do (`据介绍，…`): log-ratio of its first two
    "a_title_after_open",  # ...printed after an open end: a head or subhead at a frame top
    "across_head",  # the first piece, title lines, the second: a story's columns go on
    # beside the head of the next story
    "cut_in_word",  # PMI at the cut minus the stronger PMI inside either piece
    "adjacent_bare",  # next in the flow and no punctuation at the end
    "b_rare_opener2",  # the same as b_rare_opener for the first two characters
    "a_end2_ratio",  # the same as a_end_ratio for the last two characters
    "lex_span",  # a dictionary word runs across the cut: `信`+`息化`
    "lex_boundary",  # both sides end and start with a word, none runs across
    "lex_gain",  # how much likelier a word across the cut reads: `图书室拥`+`有上万册` (nats)
    "frame_top_confirmed",  # after an open end that a first matching continued elsewhere
    "topic_none",  # the text before the first piece and after the second share no topic
    "topic_none_adjacent",  # the same for the very next block of the flow
    "topic_rare",  # names and places (rare bigrams) on both sides of the cut, up to 3
    "a_line_full",  # hard-wrapped, the first piece's last line is full: a column ends there
    "a_line_short",  # ...it falls short by LINE_SLACK characters or more: a paragraph ends
    "lm_cross",  # for pieces printed apart, the trigram model read across the cut:
    # `…总书` + `记…` (`CharStats.cross_gain`)
    "a_title_series",  # a title-shaped first piece set like another title line of the page
    # (`_title_series`): one of a story's subheads, not a cut line
    "skip_one",  # the piece after the next boundary of the flow (`_skips`): another
    # module's column printed between the two pieces
)


@attrs.frozen
class ColumnBreak:
    """A proposed join: block `second` continues block `first`."""

    first: int
    second: int
    score: float
    """Log-odds that the two pieces are one paragraph."""
    evidence: tuple[str, ...]
    """The features that spoke most for the join, strongest first."""

    @property
    def confidence(self) -> float:
        """The score as a probability."""
        return 1.0 / (1.0 + math.exp(-self.score))


@attrs.define
class Piece:
    """What the pairing needs to know of one block, computed once per block.

    Never changed once made, but not frozen: a frozen class sets each field through
    `object.__setattr__`, which doubles the cost of the eighty pieces of a page.
    """

    block: Block
    end: dict[str, float]
    """End features; empty when the block ends a paragraph."""
    quote_closed: bool
    start: dict[str, float]
    """Start features; None-like (empty with `can_continue` False) for a dateline."""
    can_continue: bool
    attribution: bool
    open_marks: int
    """The kinds of paired marks (`PAIRED_MARKS`, one bit each) the block leaves open."""
    closing_marks: int
    """The kinds of paired marks the block closes before it opens them."""
    zone: int
    after_open: bool
    """The block before this one in dump order ends open."""
    after_closed: bool
    """The block before this one in dump order ends a paragraph."""
    inside_end: float = -3.0
    """PMI of the last two characters (how tightly the first piece's end holds); only
    for a piece that ends open, -3.0 for others."""
    inside_start: float = -3.0
    """PMI of the first two characters (how tightly the second piece's start holds)."""
    under_head: int | None = None
    """The block before the title lines printed right above this one (another story's
    head group), if there are any."""
    skip_to: int | None = None
    """For an open end at a boundary of the flow, the second piece of the next boundary
    (`_skips`)."""
    text_top: int = -1
    """The first block of the stretch of body text this block stands in (`_text_tops`)."""
    opens_text: bool = False
    """The block stands right under head lines (title, byline, 副题, lead label)."""


@functools.lru_cache(maxsize=1)
def join_weights() -> dict[str, float]:
    """The fitted feature weights (package data), loaded once."""
    return load_weights("join_weights.json", FEATURES)


# The paired marks (`PAIRED_MARKS`) are weighed one bit per kind, as they stand in the
# shadow (brackets width-folded, corner quotes `「」` read as `“”`). A cut inside a
# quotation, a bracket or a book title leaves it open in the first piece and closes it in
# the second: `…（记者张` + `三）…`, `…《关于` + `…的意见》…`.

# Closing quotation marks, which a cut after a quoted phrase leaves at the end of a piece.
CLOSING_QUOTES = "”’」』"
# The bit of quotation marks, which some features weigh on their own.
QUOTES = 1


def open_marks(s: str) -> int:
    """The kinds of `PAIRED_MARKS` opened in `s` more often than closed (a bit per kind)."""
    out = 0
    for bit, (open_, close) in enumerate(PAIRED_MARKS):
        if open_ in s and s.count(open_) > s.count(close):
            out |= 1 << bit
    return out


def closing_marks(s: str) -> int:
    """The kinds of `PAIRED_MARKS` that `s` closes before it opens any of them."""
    out = 0
    for bit, (open_, close) in enumerate(PAIRED_MARKS):
        c = s.find(close)
        if c >= 0 and not 0 <= s.find(open_) < c:
            out |= 1 << bit
    return out


def end_features(block: Block) -> tuple[dict[str, float], bool]:
    """Features of how `block` ends, and whether it ends with a closed quotation."""
    return _end_features(block, open_marks(block.shadow))


def _title_words(s: str) -> str:
    """A title line without its section number: `一、重要意义` -> `重要意义`."""
    numbered = NUMBERED_HEADING_RE.match(s)
    return s[numbered.end() :] if numbered else s


def _end_features(block: Block, marks: int) -> tuple[dict[str, float], bool]:
    """`end_features`, given the block's `open_marks`."""
    s = block.shadow
    quote_open = bool(marks & QUOTES)
    closed = ends_sentence(s)
    if closed and not quote_open:
        return {}, s.endswith(("”", "’", "」", "』"))
    if s.endswith(")") and s.count("(") == s.count(")") and not quote_open:
        return {}, False  # `…（完）`, `（本报科伦坡电）`: a closed unit
    if FIGURE_LINE_RE.fullmatch(s) and not YEAR_LINE_RE.fullmatch(s):
        return {}, False  # `1.4万起`: a figure of a data box stands alone
    if block.reason in ("picture_text_credit", "signer"):
        # `王小明图 李大华文`, `县长 王大海` over the date: a line that ends its text
        return {}, False
    if SECTION_NUMBER_RE.fullmatch(s):
        return {}, False  # `二`, `十一`: the number of the section under it
    if (
        block.role is Role.TITLE
        and (meeting := MEETING_HEADLINE_RE.search(s)) is not None
        and meeting.end() == len(s)
        and not CLAUSE_MARK_RE.search(s)
    ):
        # `县政府召开常务会议`, `王大海同李小川举行会谈`: a headline that ends reporting a
        # meeting is a whole statement, whatever is printed under it.
        return {}, False
    if CROSS_REFERENCE_RE.match(s):
        return {}, False  # `相关新闻见A3`: a pointer that ends the story above
    if s.endswith(";") and not quote_open:
        # `——加快果园改造，推广节水灌溉；`: an item of a list ends with a semicolon, and
        # the next item opens a paragraph of its own (200 of the corpus's 25,055
        # paragraphs end so). A column break rarely falls right after one: of 429 blocks
        # ending so on four generated sets, 5 are cut pieces.
        return {}, False
    if EMAIL_LINE_RE.fullmatch(s):
        return {}, False  # `wangdahai@example.com`: the author's address, a whole line
    if s.endswith(".") and NOTE_ENTRY_RE.match(s):
        return {}, False  # `[2]李小川.基层治理现代化[M].…,2020.`: a whole entry
    f: dict[str, float] = {}
    if ends_open(s):
        f["end_open_punct"] = 1.0
    elif s.endswith(":"):
        f["end_colon"] = 1.0
    elif not closed:
        f["end_bare" if block.role is Role.BODY else "end_bare_title"] = 1.0
    if quote_open:
        f["a_quote_open"] = 1.0
    if block.role is Role.TITLE:
        # The `、` of a section number (`一、重要意义`) divides no clauses.
        words = _title_words(s)
        if "," in words or "、" in words:
            f["a_title_clause"] = 1.0
        if block.size <= 5:
            f["a_title_short"] = 1.0
        if " " in s:
            f["a_title_space"] = 1.0
        if s[-1] in FUNCTION_CHARS:
            f["a_title_function"] = 1.0
        if block.size >= MIN_LONG_TITLE_PIECE:
            f["a_title_long"] = 1.0
    room = block.last_line_room
    if room is not None:
        # A line one character short says neither: a line may not start with `，` and
        # the like, so the typesetter (or the wrapping) may pull a character of a full
        # line over to the next.
        if room <= 0:
            f["a_line_full"] = 1.0
        elif room >= LINE_SLACK:
            f["a_line_short"] = 1.0
    return f, False


def cannot_open(features: dict[str, float]) -> bool:
    """Do the start features (of a piece, or of a pairing) say its second piece cannot
    open a paragraph: continuation punctuation or a sentence of a character or two
    (`，并协助…`, `箱。…`), or a quotation closed before it opens (`最”。…`)?"""
    return "b_punct_start" in features or "b_unopened_quote" in features


def start_features(
    block: Block, stats: CharStats, indented_page: bool, closing: int
) -> dict[str, float]:
    """Features of how `block` starts (`closing`: its `closing_marks`)."""
    s = block.shadow
    f: dict[str, float] = {}
    if CONTINUATION_START_RE.match(s):
        f["b_punct_start"] = 1.0
    elif closing & QUOTES:
        f["b_unopened_quote"] = 1.0
    else:
        f["b_rare_opener"] = max(-3.0, min(3.0, -stats.start_ratio(s[0])))
        if len(s) > 1:
            f["b_rare_opener2"] = max(-3.0, min(4.0, -stats.start2_ratio(s[:2])))
    if indented_page and block.role is Role.BODY:  # titles are never indented
        f["b_indented" if block.indented else "b_no_indent"] = 1.0
    if block.role is Role.TITLE:
        f["b_title"] = 1.0
    return f


def describe(blocks: Sequence[Block], stats: CharStats | None = None) -> dict[int, Piece]:
    """The `Piece` of every block that can be part of a paragraph."""
    stats = char_stats() if stats is None else stats
    pieces = [b for b in blocks if b.role in _PIECE_ROLES]
    body = [b for b in pieces if b.role is Role.BODY]
    indented_page = sum(b.indented for b in body) >= max(2, len(body) // 4)
    zones = _zones(blocks)
    previous = _previous_in_flow(blocks)
    above = _under_head(blocks)
    marks = {b.index: (open_marks(b.shadow), closing_marks(b.shadow)) for b in pieces}
    # A title over a byline heads a story, a reporter's column rubric (`■记者手记`) and
    # the points of a report set as headings stand whole: no piece of a cut paragraph
    # is printed so.
    whole = {
        b.index
        for b in pieces
        if (
            b.role is Role.TITLE
            and b.index + 1 < len(blocks)
            and blocks[b.index + 1].role is Role.BYLINE
        )
        or _label_line(b.shadow)
    } | _point_series(pieces)
    ends = {b.index: _end_features(b, marks[b.index][0]) for b in pieces}
    series = _title_series(pieces)
    # A paragraph cut over a jump line goes on on another page: no piece here continues it.
    jumped = {i for i, (end, _) in ends.items() if end and jumps_out(blocks, i)}
    whole |= _pull_quotes(blocks, [i for i, (end, _) in ends.items() if end])
    # A dateline opens a story's text, the label of a turn its line of an interview
    # (`主持人：…`), a bracketed number an entry of the notes (`[1]…`), and a headline
    # over a 副题, a lead label or a dateline paragraph its head (`_heads_story`): they
    # continue nothing, and neither does text under a jump line (`（上接第一版）`), which
    # goes on from another page. Nor does a column's rubric (`财经快讯`, `RUBRIC_WORD_RE`).
    continuing = {
        b.index
        for b in pieces
        if b.index not in whole
        and not DATELINE_RE.match(b.shadow)
        and not SPEAKER_LABEL_RE.match(b.shadow)
        and not NOTE_ENTRY_RE.match(b.shadow)
        and not _heads_story(b, blocks, marks[b.index][1])
        and not jumps_in(blocks, b.index)
        and not (b.role is Role.TITLE and RUBRIC_WORD_RE.fullmatch(b.shadow))
    }
    open_ends = {i for i, (end, _) in ends.items() if end and i not in whole | jumped}
    skips = _skips(blocks, previous, open_ends, continuing)
    tops = _text_tops(blocks, {i for i, (end, _) in ends.items() if not end})
    out: dict[int, Piece] = {}
    for b in pieces:
        end, quote_closed = ends[b.index]
        if b.index in whole or b.index in jumped:
            end = {}
        opened, closing = marks[b.index]
        sh = b.shadow
        inside_end = -3.0  # asked only of an open end
        if end:
            end = {**end, "bias": 1.0}
            # Punctuation too: `；` closes one paragraph in twenty where it stands, `，`
            # almost none, and a cut falls after either as often as they are printed.
            # A quotation inside a quotation closed after no stop closes a phrase, not
            # the paragraph (`…装上了‘双层捕光网’”`): the words before say how it ends.
            # (A title line so quoted is a subhead: `“一村一策，一户一张‘处方’”`.)
            core = sh.rstrip(CLOSING_QUOTES)
            nested = len(sh) - len(core) >= 2 and b.role is Role.BODY
            core = core if core and nested else sh
            end["a_end_ratio"] = max(-3.0, min(3.0, stats.end_ratio(core[-1])))
            if len(core) > 1:
                end["a_end2_ratio"] = max(-4.0, min(3.0, stats.end2_ratio(core[-2:])))
            if len(sh) > 1:
                inside_end = _pmi_han(sh[-2], sh[-1], stats)
                if b.role is Role.TITLE:
                    # After a section number the words say how it opens: numbered
                    # paragraphs open as numbered headings do.
                    opener = _title_words(sh)[:2]
                    end["a_title_opener"] = max(-3.0, min(4.0, stats.start2_ratio(opener)))
        before = previous[b.index]
        before_end = ends.get(before) if before is not None else None
        if end and b.role is Role.TITLE and before_end is not None and before_end[0]:
            end["a_title_after_open"] = 1.0
        if end and b.index in series:
            end["a_title_series"] = 1.0
        out[b.index] = Piece(
            block=b,
            end=end,
            quote_closed=quote_closed,
            start=start_features(b, stats, indented_page, closing),
            can_continue=b.index in continuing,
            attribution=bool(ATTRIBUTION_START_RE.match(sh)),
            open_marks=opened,
            closing_marks=closing,
            zone=zones[b.index],
            after_open=before_end is not None and bool(before_end[0]),
            after_closed=before_end is not None and not before_end[0],
            inside_end=inside_end,
            inside_start=_pmi_han(sh[0], sh[1], stats) if len(sh) > 1 else -3.0,
            under_head=above.get(b.index),
            skip_to=skips.get(b.index),
            text_top=tops.get(b.index, b.index),
            opens_text=before is not None and blocks[before].role in _HEAD_LINES,
        )
    return out


# Title lines of one series differ in length by this many characters at most.
SERIES_SLACK = 3


def _title_series(pieces: Sequence[Block]) -> set[int]:
    """The title-shaped pieces set like another title line of the page: both with a
    comma or neither, both with a space or neither, both opening with a quotation mark
    or a book title or neither, and their lengths within `SERIES_SLACK`. A story's
    subheads are printed as a series (`守住水土，带富乡亲` and `抓好产业，富了农民`); a
    paragraph cut after a short line is not (`河东镇修路架桥，还要加` + `大投入…`). Of the
    pairings of a title-shaped piece with the block under it on the generated pages of
    seeds 1 and 5, 12% of those in a series are joins, 37% of the others. (Sorted by
    length within each shape: linear after the sort.)"""
    shapes: dict[tuple[bool, bool, bool], list[tuple[int, int]]] = {}
    for b in pieces:
        if b.role is Role.TITLE:
            s = b.shadow
            shape = ("," in s, " " in s, s.startswith(("“", "《")))
            shapes.setdefault(shape, []).append((len(s), b.index))
    out: set[int] = set()
    for group in shapes.values():
        group.sort()
        for (n, i), (m, j) in itertools.pairwise(group):
            if m - n <= SERIES_SLACK:
                out.update((i, j))
    return out


def _point_series(pieces: Sequence[Block]) -> set[int]:
    """The title-shaped lines of one numbered series (`一是强化龙头带动`, `二是强化品牌建设`;
    `一、…`, `二、…`), each a single phrase: a report's points printed as headings. Set
    alike, they end their lines; no paragraph was cut after one of them."""
    numbered: dict[str, dict[int, int]] = {}
    for b in pieces:
        if b.role is Role.TITLE and not CLAUSE_MARK_RE.search(b.shadow):
            number = section_number(b.shadow)
            if number is not None:
                numbered.setdefault(number[0], {})[b.index] = number[1]
    return {i for series in numbered.values() if len(set(series.values())) > 1 for i in series}


def _label_line(s: str) -> bool:
    """A reporter's column rubric (`■记者手记`) or a box's label (`相关链接`): a line that
    stands whole, ending without punctuation by design."""
    return is_reporter_rubric(s) or is_box_label(s)


def _text_tops(blocks: Sequence[Block], closed: set[int]) -> dict[int, int]:
    """Body block -> the first block of the stretch of body text it stands in: the blocks
    before it, back to that one, are body paragraphs that end (`closed`), with photos and
    furniture between them at most."""
    out: dict[int, int] = {}
    top: int | None = None
    for b in blocks:
        if b.role in TRANSPARENT:
            continue
        if b.role is not Role.BODY:
            top = None
            continue
        if top is None:
            top = b.index
        out[b.index] = top
        if b.index not in closed:
            top = None
    return out


def _heads_story(block: Block, blocks: Sequence[Block], closing: int) -> bool:
    """A title line right over a 副题, a lead label or a dateline paragraph that reads as a
    headline (`青山铁路支线通车 通勤时间缩短半小时` over `本报讯（记者…）…`): no clause mark
    inside and no mark closed that it did not open (`closing`). It heads the story under
    it, though its words could go on with a sentence cut before it (`…合作社与`). A piece
    printed over the next story's dateline has them (`果品公司，向负责人…`), and may itself
    stop mid-sentence and go on elsewhere."""
    i = block.index
    return (
        block.role is Role.TITLE
        and i + 1 < len(blocks)
        and is_anchor(blocks[i + 1])
        and not CLAUSE_MARK_RE.search(block.shadow)
        and not closing
    )


def _skips(
    blocks: Sequence[Block], previous: Sequence[int | None], open_ends: set[int], starts: set[int]
) -> dict[int, int]:
    """For each open end at a *boundary* of the flow, the second piece of the next one.

    A boundary is a body block that ends open followed in the flow by a body block that
    may continue it. Where a page is read column by column across stories set as
    modules, every column holds a stretch of each module, and each stretch starts and
    ends mid-paragraph: `…推动数` (X) then `产业链…` (Y) then, in the next column,
    `字经济…` (X). The continuation of X's open end is then not the next piece but the
    second piece of the next boundary, with a stretch of Y's between (`skip_one`)."""
    bounds = [
        (j, i)
        for i in sorted(starts)
        if (j := previous[i]) is not None
        and j in open_ends
        and blocks[i].role is Role.BODY
        and blocks[j].role is Role.BODY
    ]
    return {a: b2 for (a, _), (_, b2) in itertools.pairwise(bounds)}


# A pull quote is recognised by its last PULL_QUOTE_KEY characters at least (fewer
# repeat by chance: `的发展`), compared over its last PULL_QUOTE_TAIL characters.
PULL_QUOTE_KEY = 8
PULL_QUOTE_TAIL = 30
# The sentence stops after one same PULL_QUOTE_KEY characters compared with an open end:
# a page that repeats a phrase before hundreds of stops (generated junk) stays linear.
_MAX_STOPS_PER_KEY = 16


def _pull_quotes(blocks: Sequence[Block], open_ends: Sequence[int]) -> set[int]:
    """The open ends that are pull quotes: a sentence of a story printed a second time,
    large, beside its head or between its columns, without its full stop. The page prints
    the same words once more where a sentence stops (`…日子会一天比一天红火` and, in the
    story, `…日子会一天比一天红火。如今…`); a piece cut by a column break ends where the
    column does, almost never where the same words end a sentence elsewhere (1 of the 207
    open ends so found on the 300 generated training pages)."""
    # A block's lines are joined already (a hard-wrapped dump breaks the two copies at
    # other places), so a line break separates blocks here and no match runs across two.
    flat = [b.shadow for b in blocks]
    page = "\n".join(flat)
    stops: dict[str, list[int]] = {}  # the characters before a stop -> where it stands
    for m in SENTENCE_STOP_RE.finditer(page):
        at = m.start()
        if at >= PULL_QUOTE_KEY:
            seen = stops.setdefault(page[at - PULL_QUOTE_KEY : at], [])
            if len(seen) < _MAX_STOPS_PER_KEY:
                seen.append(at)
    out: set[int] = set()
    for i in open_ends:
        sh = flat[i].rstrip()
        if len(sh) < PULL_QUOTE_KEY:
            continue
        tail = sh[-PULL_QUOTE_TAIL:]
        size = len(tail)
        if any(
            at >= size and page.startswith(tail, at - size)
            for at in stops.get(sh[-PULL_QUOTE_KEY:], ())
        ):
            out.add(i)
    return out


# Lines of a head group, printed between a story's frames when its columns go on beside
# the next story's head.
_HEAD_LINES = (Role.TITLE, *ANCHOR_ROLES)


def _under_head(blocks: Sequence[Block]) -> dict[int, int]:
    """Body block -> the block before the title lines (and byline, 副题) printed right
    above it, photos and furniture aside."""
    out: dict[int, int] = {}
    last_text: int | None = None  # the last block neither head line nor transparent
    titles = False  # title lines since then
    rubric = False  # ...one of them a picture column's rubric (`图说`, `图片新闻`)
    for b in blocks:
        if b.role in TRANSPARENT:
            continue
        if b.role in _HEAD_LINES or b.role is Role.RUBRIC:
            titles = titles or b.role is Role.TITLE
            rubric = rubric or bool(PHOTO_RUBRIC_RE.search(b.shadow))
            continue
        # A picture column's rubric stands over its own item, not beside another
        # story's columns: the text over the item's photo is no story's going on.
        if (
            titles
            and last_text is not None
            and b.role is Role.BODY
            and not (rubric and _photo_soon(blocks, b.index))
        ):
            out[b.index] = last_text
        last_text, titles, rubric = b.index, False, False
    return out


# A picture item's text stands right over its photo's caption or credit: at most this
# many blocks of text before it.
PICTURE_ITEM_BLOCKS = 2


def _photo_soon(blocks: Sequence[Block], i: int) -> bool:
    """Is a caption or credit printed within `PICTURE_ITEM_BLOCKS` blocks from block `i`?"""
    return any(
        b.role in (Role.CAPTION, Role.CREDIT) for b in blocks[i + 1 : i + 1 + PICTURE_ITEM_BLOCKS]
    )


def _weighs_end(x: str) -> bool:
    """Is the last character `x` of a first piece weighed with the character after the
    cut (`pmi`)? A Chinese character, a mark of `_PMI_PUNCT`, or a digit: `…2018年12` +
    `月，…` (the statistics count `2月` hundreds of times)."""
    return is_han(x) or x in _PMI_PUNCT or (x.isascii() and x.isdigit())


def _weighs_start(y: str) -> bool:
    """Is the first character `y` of a second piece weighed with the character before the
    cut? A Chinese character or a digit: `…全县共有` + `12家企业…`."""
    return is_han(y) or (y.isascii() and y.isdigit())


def _pmi_han(x: str, y: str, stats: CharStats) -> float:
    return stats.pmi(x, y) if is_han(x) and is_han(y) else -3.0


def pair_features(
    a: Piece, b: Piece, flow_next: int | None, stats: CharStats, topics: Topics, words: Words
) -> dict[str, float] | None:
    """Features of "`b` continues `a`", or None when it cannot."""
    if b.block.index == a.block.index or not b.can_continue:
        return None
    if (
        b.opens_text
        and a.text_top == b.block.index
        and b.block.index < a.block.index
        and not cannot_open(b.start)
    ):
        # `…属于正常` printed below the paragraph that opens under a head, with only whole
        # paragraphs between them: the text reads on from that opening to this piece, and
        # a join back to it would make the text continue itself. (Unless that paragraph
        # cannot open one: `好”。…` under a head is the rest of a quotation cut elsewhere.)
        return None
    if a.end:
        f = {**a.end, **b.start}
    elif a.quote_closed and b.attribution:
        # A pairing of its own kind: only the layout is weighed with it, and the
        # first character says nothing (names open many paragraphs).
        f = {"a_quote_closed": 1.0, "b_attribution": 1.0}
        _layout(f, a, b, flow_next)
        return f
    else:
        return None
    sa, sb = a.block.shadow, b.block.shadow
    if _verse_lines(sa, sb) or (YEAR_LINE_RE.fullmatch(sa) and not sb.startswith("年")):
        return None
    x, y = sa[-1], sb[0]
    if _weighs_end(x) and _weighs_start(y):
        pmi = stats.pmi(x, y)
        if a.block.role is Role.TITLE and stats.bigram.get(x + y, 0) < TITLE_PAIR_SEEN:
            # A title line goes on only where the two characters surely meet: a pair seen
            # once (`物`+`市` of `购物市场`) may stand across a word boundary.
            pmi = min(pmi, stats.unseen_pmi(x))
        f["pmi"] = max(-3.0, min(7.0, pmi))
        f["cut_in_word"] = max(-6.0, min(6.0, pmi - max(a.inside_end, b.inside_start)))
    else:
        f["pmi_missing"] = 1.0
    if is_han(x) and is_han(y):
        f.update(words.at_cut(a.block, b.block))
    if a.open_marks & b.closing_marks:
        f["quotes_balance"] = 1.0
    _layout(f, a, b, flow_next)
    if "pmi" in f and "adjacent" not in f and (cross := _lm_cross(sa, sb, stats)) is not None:
        f["lm_cross"] = cross
    if "adjacent" in f and "end_bare" in f:
        f["adjacent_bare"] = 1.0
    _topic(f, topics.before(a.block.index), topics.after(b.block.index), stats)
    return f


# `lm_cross` is clipped to this many nats either way: a character never seen makes
# the ratio as wild as the counts are thin.
CROSS_CLIP = 10.0


def _lm_cross(sa: str, sb: str, stats: CharStats) -> float | None:
    """`lm_cross` of a pairing of pieces printed apart (both weighed by `pmi`), or None
    when the trigrams do not weigh it.

    Only between pieces printed apart, where several open ends compete for one piece and
    the pair at the cut often fits more than one of them (next to each other, the layout
    says more, and the trigrams added wrong joins there); and only where the statistics
    saw the pair at the cut together: an unseen pair has its `pmi` at the floor already,
    the trigrams would count the same evidence twice, and a coinage cut in a quotation,
    `“四` + `最”`, would stay apart."""
    if len(sa) < 2 or len(sb) < 2 or sa[-1] + sb[0] not in stats.bigram:
        return None
    return max(-CROSS_CLIP, min(CROSS_CLIP, stats.cross_gain(sa, sb)))


# How often the two characters at the cut must have been seen together for their `pmi`
# to speak for a title-shaped first piece going on (`pair_features`).
TITLE_PAIR_SEEN = 2


# Longest line of verse `_verse_lines` knows, in characters with its mark.
MAX_VERSE_LINE = 12


def _verse_lines(sa: str, sb: str) -> bool:
    """Are `sa` and `sb` two lines of a couplet, each printed as a paragraph of its own:
    `春风吹绿江南岸，` over `万家灯火庆团圆。`? Short, of one length, the first ending
    in a comma and the second in a full stop. A column break falls exactly at the
    comma of such a pair too rarely to weigh against the verse a page prints."""
    return len(sa) == len(sb) <= MAX_VERSE_LINE and sa[-1] in ",;" and ends_sentence(sb)


def _topic(f: dict[str, float], before: set[str], after: set[str], stats: CharStats) -> None:
    """The topic features of a pairing: does the text after the cut go on with the
    topic words, names and places of the text before it?"""
    if len(before) < MIN_TOPICS or len(after) < MIN_TOPICS:
        return  # too little text to tell
    shared = before & after
    if not shared:
        f["topic_none_adjacent" if "adjacent" in f else "topic_none"] = 1.0
        return
    rare = sum(1 for x in shared if stats.bigram.get(x, 0) < _RARE_BIGRAM)
    if rare:
        f["topic_rare"] = min(_MAX_RARE_SHARED, rare)


class Topics:
    """The topic bigrams of the text around each piece of a page, read when first asked.

    `before(i)`: of the last `TOPIC_WINDOW` characters of body text up to the end of
    block `i`, going back in dump order; `after(i)`: of the first `TOPIC_WINDOW`
    characters from block `i` on, along the text flow. A pairing whose two sides share
    none of them most likely joins two stories: two in five candidate pairings of the
    generated training pages, one true join in seventeen (mostly adjacent ones). Either
    walk passes at most `TOPIC_WINDOW` blocks (a list of one-character lines still fills
    its window), so that a page of thousands of title lines costs no more per piece than
    a real one. The windows are made from the bigrams of their blocks (`bigrams`, which
    the later phases read too), not tokenized again.
    """

    def __init__(
        self,
        blocks: Sequence[Block],
        stats: CharStats,
        successors: dict[int, int],
        bigrams: TopicBigrams | None = None,
    ):
        self.blocks = blocks
        self.bigrams = TopicBigrams(stats) if bigrams is None else bigrams
        self.previous = _previous_in_flow(blocks)
        self.successors = successors  # `_flow_successors(blocks)`, which the caller has
        self._before: dict[int, set[str]] = {}
        self._after: dict[int, set[str]] = {}

    def before(self, i: int) -> set[str]:
        got = self._before.get(i)
        if got is None:
            blocks, previous = self.blocks, self.previous
            parts, size = [blocks[i].shadow], len(blocks[i].shadow)
            j, steps = previous[i], 0
            while j is not None and size < TOPIC_WINDOW and steps < TOPIC_WINDOW:
                if blocks[j].role is Role.BODY:
                    parts.append(blocks[j].shadow)
                    size += len(blocks[j].shadow)
                j, steps = previous[j], steps + 1
            parts.reverse()
            got = self._before[i] = self.bigrams.tail(parts, TOPIC_WINDOW)
        return got

    def after(self, i: int) -> set[str]:
        got = self._after.get(i)
        if got is None:
            blocks, successors = self.blocks, self.successors
            parts, size = [blocks[i].shadow], len(blocks[i].shadow)
            j, steps = successors.get(i), 0
            while j is not None and size < TOPIC_WINDOW and steps < TOPIC_WINDOW:
                if blocks[j].role is Role.BODY:
                    parts.append(blocks[j].shadow)
                    size += len(blocks[j].shadow)
                j, steps = successors.get(j), steps + 1
            got = self._after[i] = self.bigrams.head(parts, TOPIC_WINDOW)
        return got


def _lex_features(
    sa: str, sb: str, segmented: dict[str, list[float]] | None = None
) -> dict[str, float]:
    """The dictionary features of a cut between two Han characters (`segmented`: the
    segmentations of the sides already computed, see `Lexicon.cut_gain`)."""
    words = lexicon()
    if words.spans_word(sa[-3:], sb[:3]):
        # Without a word across the cut the gain is 0: asked only here.
        gain = words.cut_gain(sa[-4:], sb[:4], segmented)
        return {"lex_span": 1.0, "lex_gain": min(_MAX_LEX_GAIN, gain)}
    if sa[-2:] in words and sb[:2] in words:
        return {"lex_boundary": 1.0}
    return {}


class Words:
    """The dictionary features of the cuts of a page, computed when first asked: the bound
    asks them of the pairings they can decide, `pair_features` of those it describes.
    The segmentation of the end or start of a piece, which the word gain reads, is
    computed once for all the cuts of the piece."""

    def __init__(self) -> None:
        self._cuts: dict[tuple[int, int], dict[str, float]] = {}
        self._segmented: dict[str, list[float]] = {}

    def at_cut(self, a: Block, b: Block) -> dict[str, float]:
        """`_lex_features` of the cut between the end of `a` and the start of `b`."""
        got = self._cuts.get((a.index, b.index))
        if got is None:
            got = _lex_features(a.shadow, b.shadow, self._segmented)
            self._cuts[a.index, b.index] = got
        return got


def _layout(f: dict[str, float], a: Piece, b: Piece, flow_next: int | None) -> None:
    """The layout features of a pairing: where the second piece stands."""
    ai, bi = a.block.index, b.block.index
    if flow_next == bi:
        f["adjacent"] = 1.0
        if bi != ai + 1:
            f["across_caption"] = 1.0
    else:
        if a.skip_to == bi:
            f["skip_one"] = 1.0
        f["distance"] = math.log1p(abs(bi - ai))
        if bi < ai:
            f["printed_before"] = 1.0
        elif b.after_open:
            f["frame_top"] = 1.0
        if b.under_head == ai:
            f["across_head"] = 1.0
        if b.after_closed:
            f["b_after_closed"] = 1.0
    if a.zone != b.zone and (a.zone % 2 or b.zone % 2):
        f["other_zone"] = 1.0


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    """Log-odds of a pairing: the weighted sum of its features."""
    return sum(weights[k] * v for k, v in features.items())


def candidates(
    blocks: Sequence[Block], stats: CharStats | None = None
) -> Iterator[tuple[int, int, dict[str, float]]]:
    """Every pairing that could be a join, with its features: (first, second, features)."""
    stats = char_stats() if stats is None else stats
    pieces = describe(blocks, stats)
    flow = _flow_successors(blocks)
    topics, words = Topics(blocks, stats, flow), Words()
    starts = [p for p in pieces.values() if p.can_continue]  # in dump order
    for a, lo, hi in _open_ends(pieces, starts):
        for b in starts[lo:hi]:
            if a.end or b.attribution:
                f = pair_features(a, b, flow.get(a.block.index), stats, topics, words)
                if f is not None:
                    yield a.block.index, b.block.index, f


def promising(
    blocks: Sequence[Block],
    stats: CharStats | None = None,
    weights: dict[str, float] | None = None,
) -> list[tuple[int, int, dict[str, float]]]:
    """The pairings of `candidates` that can reach `JOIN_THRESHOLD`, with their features.

    A pairing left out scores below the threshold even with the bonus of the second pass
    (`frame_top_confirmed`), so `find_breaks` chooses the same joins from these as from
    all candidates. Most pairings of a page are left out by an upper bound of their score
    (`_Ceiling`), without a feature dict or a dictionary look-up. (`find_breaks` asks for
    the pairings that only the bonus lifts to the threshold once it knows which pieces
    get it.)
    """
    stats = char_stats() if stats is None else stats
    weights = join_weights() if weights is None else weights
    pairings = _Pairings(blocks, stats, weights)
    unlifted = pairings.without_bonus()
    # Every piece that can get the bonus (see `_confirmed_frame_tops`) as if it did.
    return unlifted + pairings.lifted({p.block.index for p in pairings.starts if p.after_open})


class _Pairings:
    """The pairings of one page that can reach `JOIN_THRESHOLD`, described in two rounds:
    those that can without the bonus of the second pass (`without_bonus`), then, once a
    first matching says which pieces get the bonus, those only the bonus lifts to the
    threshold (`lifted`). On the generated pages of seed 1, about 68 pairings a page are
    described in the first round (79 before the trigrams of `lm_cross`, which bound many
    far pairings lower) and 3 in the second; bounding every pairing with the
    bonus instead would describe many that need it, and few pieces get it."""

    def __init__(
        self,
        blocks: Sequence[Block],
        stats: CharStats,
        weights: dict[str, float],
        bigrams: TopicBigrams | None = None,
    ):
        self.stats = stats
        pieces = describe(blocks, stats)
        self.flow = _flow_successors(blocks)
        self.starts = [p for p in pieces.values() if p.can_continue]  # in dump order
        self.ends = list(_open_ends(pieces, self.starts))
        self.topics, self.words = Topics(blocks, stats, self.flow, bigrams), Words()
        self.ceiling = _Ceiling(self.starts, stats, weights, self.words)
        self.described: set[tuple[int, int]] = set()

    def without_bonus(self) -> list[tuple[int, int, dict[str, float]]]:
        """The pairings that can reach the threshold without the bonus of the second pass."""
        out = []
        for a, lo, hi in self.ends:
            flow_next = self.flow.get(a.block.index)
            if a.end:
                partners = self.ceiling.partners(a, lo, hi, flow_next)
            else:  # a closed quotation: only an attribution continues it
                partners = [b for b in self.starts[lo:hi] if b.attribution]
            out += self._described(a, partners, flow_next)
        return out

    def lifted(self, tops: set[int]) -> list[tuple[int, int, dict[str, float]]]:
        """The pairings with a piece of `tops` that only the bonus of a confirmed frame top
        can lift to the threshold (asked after `without_bonus`)."""
        top_starts = [j for j, p in enumerate(self.starts) if p.block.index in tops]
        out = []
        for a, lo, hi in self.ends:
            ai, flow_next = a.block.index, self.flow.get(a.block.index)
            if not a.end:
                continue  # every partner of a closed quotation is described already
            apart = [
                j
                for j in top_starts
                if lo <= j < hi
                and (bi := self.starts[j].block.index) != flow_next  # never a frame top
                and (ai, bi) not in self.described
            ]
            if apart:
                out += self._described(a, self.ceiling.lifted(a, apart, flow_next), flow_next)
        return out

    def _described(
        self, a: Piece, partners: list[Piece], flow_next: int | None
    ) -> list[tuple[int, int, dict[str, float]]]:
        out = []
        for b in partners:
            f = pair_features(a, b, flow_next, self.stats, self.topics, self.words)
            if f is not None:
                self.described.add((a.block.index, b.block.index))
                out.append((a.block.index, b.block.index, f))
        return out


def _open_ends(pieces: dict[int, Piece], starts: list[Piece]) -> Iterator[tuple[Piece, int, int]]:
    """Each piece that can be continued, with the slice `starts[lo:hi]` of the pieces
    that may continue it."""
    positions = [p.block.index for p in starts]
    for a in pieces.values():
        if not a.end and not a.quote_closed:
            continue
        # Only pieces within `WINDOW` blocks: a page holds a few hundred blocks, and the
        # window keeps the cost linear on pathological input (a dump of a whole issue).
        lo = bisect.bisect_left(positions, a.block.index - WINDOW)
        hi = bisect.bisect_right(positions, a.block.index + WINDOW)
        yield a, lo, hi


# A bound adds the terms of a score in another order, and so may round differently in
# the last bits: a pairing is ruled out only when its bound misses by more than this.
_ROUNDING_SLACK = 1e-6


class _Ceiling:
    """Upper bounds of the final scores of the pairings of an open end, cheaply.

    The score of "`b` continues `a`" adds terms of `a` alone (how it ends), of `b` alone
    (how it starts), of the layout and of the language at the cut. The first three are a
    few numbers computed once per piece. Of the language, the PMI of the two characters
    at the cut needs their bigram count: a pair of characters never seen together has a
    low PMI known from the first character alone, and a pair seen together a PMI of at
    most `CharStats.max_pmi` of the first, so one set look-up bounds it. A
    dictionary word across the cut is taken at its best (or computed, where it decides),
    and so are the topic features; the bonus of the second pass is added only for the
    pieces that get it (`lifted`).

    Every term mirrors a line of `pair_features`, `_layout` or `_edge_score`: a change
    there must be made here too (`tests/test_repair.py` checks the bounds against the
    scores of every pairing of the sample pages).
    """

    def __init__(
        self, starts: list[Piece], stats: CharStats, weights: dict[str, float], words: Words
    ):
        self.stats = stats
        self.w = weights
        self.words = words
        self.starts = starts
        self.positions = [p.block.index for p in starts]
        self.first = [p.block.shadow[0] for p in starts]
        self.first_weighed = [_weighs_start(c) for c in self.first]
        self.zone = [p.zone for p in starts]
        self.closing = [p.closing_marks for p in starts]
        self.inside_start = [p.inside_start for p in starts]
        self.start_score = [_start_score(p, weights) for p in starts]
        # The terms a start piece brings with the layout when it is printed after the
        # open end but not next to it (frame top, the block before it closed), or before
        # it; for an open end that leaves a mark open, also the mark the piece may close.
        after_closed = [weights["b_after_closed"] if p.after_closed else 0.0 for p in starts]
        across_head = max(0.0, weights["across_head"])
        after = [
            s
            + c
            + (weights["frame_top"] if p.after_open else 0.0)
            + (across_head if p.under_head is not None else 0.0)
            for s, c, p in zip(self.start_score, after_closed, starts, strict=True)
        ]
        before = [
            s + c + weights["printed_before"]
            for s, c in zip(self.start_score, after_closed, strict=True)
        ]
        balance = max(0.0, weights["quotes_balance"])
        closes = [balance if p.closing_marks else 0.0 for p in starts]
        self.apart = {  # (printed after the open end, the open end leaves a mark open)
            (False, False): before,
            (True, False): after,
            (False, True): [s + q for s, q in zip(before, closes, strict=True)],
            (True, True): [s + q for s, q in zip(after, closes, strict=True)],
        }
        self.distance = [weights["distance"] * math.log1p(d) for d in range(WINDOW + 1)]
        self.zone_best = max(0.0, weights["other_zone"])
        self.lex_plain = max(0.0, weights["lex_boundary"])  # no word across the cut
        self.lex_best = max(
            0.0,
            weights["lex_span"] + max(0.0, _MAX_LEX_GAIN * weights["lex_gain"]),
            weights["lex_boundary"],
        )
        self.cut_best = max(-6.0 * weights["cut_in_word"], 6.0 * weights["cut_in_word"])
        self.cross_best = abs(weights["lm_cross"]) * CROSS_CLIP
        self.confirmed = max(0.0, weights["frame_top_confirmed"])  # the second pass's bonus
        # The topic features, at their best whatever the layout.
        self.topic_best = max(
            0.0,
            weights["topic_none"],
            weights["topic_none_adjacent"],
            _MAX_RARE_SHARED * weights["topic_rare"],
        )

    def partners(self, a: Piece, lo: int, hi: int, flow_next: int | None) -> list[Piece]:
        """The pieces of `starts[lo:hi]` whose pairing with the open end `a` may reach
        `JOIN_THRESHOLD` without the bonus of the second pass."""
        ai, x = a.block.index, a.block.shadow[-1]
        need = self._need(a)

        # 1. One comparison per piece printed apart from `a`: its own and layout terms
        # against what the language at the cut can add at best, by whether the corpus
        # saw its two characters together and whether they meet inside a dictionary word.
        bars = self._bars(x, need)
        # The look-ups (large tables: the dearest part) only between the highest and the
        # lowest bar.
        highest, lowest = bars[False][False], bars[True][True]
        bigram, pairs = self.stats.bigram, lexicon().pairs
        first, pos, dist = self.first, self.positions, self.distance
        mid = bisect.bisect_right(pos, ai, lo, hi)
        side = self.apart[False, bool(a.open_marks)]
        near = [
            j
            for j in range(lo, mid)
            if (v := side[j] + dist[ai - pos[j]]) >= highest
            or (v >= lowest and v >= bars[(c := x + first[j]) in bigram][c in pairs])
        ]
        side = self.apart[True, bool(a.open_marks)]
        near += [
            j
            for j in range(mid, hi)
            if (v := side[j] + dist[pos[j] - ai]) >= highest
            or (v >= lowest and v >= bars[(c := x + first[j]) in bigram][c in pairs])
        ]
        # The next piece of the flow (`adjacent`) and the piece after the next boundary
        # (`skip_one`) are not weighed above.
        for forced in (flow_next, a.skip_to):
            if forced is not None:
                k = bisect.bisect_left(pos, forced, lo, hi)
                if k < hi and pos[k] == forced and k not in near:
                    bisect.insort(near, k)
        return self._reaching(a, near, flow_next, need)

    def _bars(self, x: str, need: float) -> list[list[float]]:
        """What the terms of a piece and its layout must reach for a pairing with an open
        end whose last character is `x`: `need` less what the language at the cut can add
        at best, by [the corpus saw the two characters together][they meet inside a
        dictionary word] (indexed by the answers of the two look-ups)."""
        w, stats = self.w, self.stats
        if not _weighs_end(x):
            bar = need - self.zone_best - w["pmi_missing"]
            return [[bar, bar], [bar, bar]]
        w_pmi, lex = w["pmi"], self.lex_best if is_han(x) else 0.0
        # The PMI of a pair never seen together is known from `x` alone; that of a pair
        # seen together is at most `max_pmi(x)`, well below the clip for a common `x`.
        pmi_unseen = w_pmi * max(-3.0, min(7.0, stats.unseen_pmi(x)))
        pmi_seen = max(-3.0 * w_pmi, w_pmi * max(-3.0, min(7.0, stats.max_pmi(x))))
        bars = [[0.0, 0.0], [0.0, 0.0]]
        for seen in (False, True):
            for in_word in (False, True):
                pmi = pmi_seen if seen else pmi_unseen
                words = lex if in_word else self.lex_plain
                language = max(w["pmi_missing"], pmi + self.cut_best + self.cross_best + words)
                bars[seen][in_word] = need - self.zone_best - language
        return bars

    def lifted(self, a: Piece, apart: list[int], flow_next: int | None) -> list[Piece]:
        """The pieces `starts[j]`, j in `apart` (printed apart from `a`, in the window),
        whose pairing with `a` may reach `JOIN_THRESHOLD` with the bonus of a confirmed
        frame top."""
        return self._reaching(a, apart, flow_next, self._need(a) - self.confirmed)

    def _need(self, a: Piece) -> float:
        """What the terms of a pairing with `a` other than its own and the topic's must add
        up to, at least, to reach `JOIN_THRESHOLD`."""
        own = sum(self.w[k] * v for k, v in a.end.items())
        return JOIN_THRESHOLD - _ROUNDING_SLACK - own - self.topic_best

    def _reaching(
        self, a: Piece, near: list[int], flow_next: int | None, need: float
    ) -> list[Piece]:
        """2. The bound of each pairing of `a` with `starts[j]`, j in `near` (ascending),
        with its PMI: the pieces whose bound reaches `need`."""
        w, stats = self.w, self.stats
        ai, sa = a.block.index, a.block.shadow
        x = sa[-1]
        pmi_at_cut = _weighs_end(x)
        lex = self.lex_best if is_han(x) else 0.0
        first, pos, dist, pairs = self.first, self.positions, self.distance, lexicon().pairs
        adjacent = w["adjacent"] + (w["adjacent_bare"] if "end_bare" in a.end else 0.0)
        balance = w["quotes_balance"] if a.open_marks else 0.0
        w_pmi, w_cut, w_missing, w_zone, w_cross = (
            w["pmi"],
            w["cut_in_word"],
            w["pmi_missing"],
            w["other_zone"],
            w["lm_cross"],
        )
        before, after = self.apart[False, False], self.apart[True, False]
        zone, closing, inside = self.zone, self.closing, self.inside_start
        out: list[Piece] = []
        for j in near:
            bi = pos[j]
            if bi == ai:
                continue
            if bi == flow_next:
                rest = self.start_score[j] + adjacent
                if bi != ai + 1:
                    rest += w["across_caption"]
            elif bi > ai:
                rest = after[j] + dist[bi - ai]
            else:
                rest = before[j] + dist[ai - bi]
            if bi == a.skip_to:
                rest += w["skip_one"]
            if zone[j] != a.zone and (a.zone % 2 or zone[j] % 2):
                rest += w_zone
            if balance and a.open_marks & closing[j]:
                rest += balance
            if pmi_at_cut and self.first_weighed[j]:
                pmi = stats.pmi(x, first[j])
                rest += w_pmi * max(-3.0, min(7.0, pmi))
                rest += w_cut * max(-6.0, min(6.0, pmi - max(a.inside_end, inside[j])))
                if (
                    bi != flow_next
                    and (cross := _lm_cross(sa, self.starts[j].block.shadow, stats)) is not None
                ):
                    rest += w_cross * cross
                # The words at the cut, only when they can matter (`lex` bounds them);
                # no word runs across where the two characters never meet in one.
                if lex and rest + lex >= need:
                    if x + first[j] in pairs:
                        cut = self.words.at_cut(a.block, self.starts[j].block)
                        rest += sum(w[k] * v for k, v in cut.items())
                    else:
                        rest += self.lex_plain
            else:
                rest += w_missing
            if rest >= need:
                out.append(self.starts[j])
        return out


def _start_score(b: Piece, weights: dict[str, float]) -> float:
    """The terms of `b`'s start features in the score of a pairing (see `_edge_score`)."""
    s = sum(weights[k] * v for k, v in b.start.items())
    if cannot_open(b.start):
        s += SURE_CONTINUATION
    return s


def find_breaks(
    blocks: Sequence[Block],
    stats: CharStats | None = None,
    *,
    bigrams: TopicBigrams | None = None,
) -> tuple[ColumnBreak, ...]:
    """The column-break joins of a classified page: the best set, each piece once.

    `bigrams`: the topic bigrams of the page's blocks, shared with the later phases
    (`parse` passes one for the page; made here if not given).
    """
    weights = join_weights()
    pairings = _Pairings(blocks, char_stats() if stats is None else stats, weights, bigrams)
    scored = _scored(pairings.without_bonus(), weights)
    first = _best_matching([e for e in scored if e[0] >= JOIN_THRESHOLD])
    # What `choose` does, with the pairings that only the second pass's bonus lifts to
    # the threshold described once the first matching says which pieces get it.
    tops = _confirmed_frame_tops(blocks, first, {p.block.index for p in pairings.starts})
    if tops:
        scored += _scored(pairings.lifted(tops), weights)
    return _choose_again(scored, first, tops, weights)


def _scored(
    pairs: list[tuple[int, int, dict[str, float]]], weights: dict[str, float]
) -> list[tuple[float, int, int, dict[str, float]]]:
    return [(_edge_score(f, weights), ai, bi, f) for ai, bi, f in pairs]


def choose(
    blocks: Sequence[Block],
    scored: list[tuple[float, int, int, dict[str, float]]],
    weights: dict[str, float],
) -> tuple[ColumnBreak, ...]:
    """The best set of joins among scored pairings (score, first, second, features): a
    first matching, the bonus of the frame tops it confirms, then the matching again."""
    first = _best_matching([e for e in scored if e[0] >= JOIN_THRESHOLD])
    tops = _confirmed_frame_tops(blocks, first, {e[2] for e in scored})
    return _choose_again(scored, first, tops, weights)


def _choose_again(
    scored: list[tuple[float, int, int, dict[str, float]]],
    first: list[tuple[float, int, int, dict[str, float]]],
    tops: set[int],
    weights: dict[str, float],
) -> tuple[ColumnBreak, ...]:
    """The joins of `choose`, given its first matching and the frame tops it confirms."""
    chosen = first
    if tops:
        bonus = weights["frame_top_confirmed"]
        scored = [
            (s + bonus, ai, bi, {**f, "frame_top_confirmed": 1.0})
            if _is_top(bi, f, tops)
            else (s, ai, bi, f)
            for s, ai, bi, f in scored
        ]
        chosen = _best_matching([e for e in scored if e[0] >= JOIN_THRESHOLD])
    out = []
    for s, ai, bi, f in chosen:
        contributions = sorted(
            ((weights[k] * v, k) for k, v in f.items() if k != "bias"), key=lambda c: (-c[0], c[1])
        )
        evidence = tuple(k.replace("_", "-") for c, k in contributions if c >= 0.5)
        out.append(ColumnBreak(ai, bi, s, evidence))
    return tuple(sorted(out, key=lambda j: j.first))


def second_pass(
    blocks: Sequence[Block],
    pairs: list[tuple[int, int, dict[str, float]]],
    weights: dict[str, float],
) -> list[tuple[int, int, dict[str, float]]]:
    """The pairings with `frame_top_confirmed` set as `find_breaks` sets it (for fitting)."""
    edges = [(_edge_score(f, weights), ai, bi, f) for ai, bi, f in pairs]
    first = _best_matching([e for e in edges if e[0] >= JOIN_THRESHOLD])
    tops = _confirmed_frame_tops(blocks, first, {bi for _, bi, _ in pairs})
    return [
        (ai, bi, {**f, "frame_top_confirmed": 1.0} if _is_top(bi, f, tops) else f)
        for ai, bi, f in pairs
    ]


def _confirmed_frame_tops(
    blocks: Sequence[Block],
    first: list[tuple[float, int, int, dict[str, float]]],
    seconds: set[int],
) -> set[int]:
    """Pieces whose predecessor in the dump stops mid-sentence and was continued
    *elsewhere* by a first matching: they open a new column or frame, and usually
    continue some other open end (`…推动数字经` / `济与实体经济…`). A
    quotation continued by its attribution ends nothing a frame boundary explains."""
    continued = {ai: bi for _, ai, bi, f in first if "bias" in f}
    previous = _previous_in_flow(blocks)
    tops: set[int] = set()
    for bi in seconds:
        before = previous[bi]
        if before is not None and before in continued and continued[before] != bi:
            tops.add(bi)
    return tops


def _is_top(bi: int, f: dict[str, float], tops: set[int]) -> bool:
    return bi in tops and "adjacent" not in f


def _edge_score(f: dict[str, float], weights: dict[str, float]) -> float:
    s = score(f, weights)
    if cannot_open(f):
        # `最”。…`, `，并协助…` cannot open a paragraph: leaving such a piece unpaired is
        # itself unlikely, which the per-end score does not know.
        s += SURE_CONTINUATION
    return s


def _best_matching(
    edges: list[tuple[float, int, int, dict[str, float]]],
) -> list[tuple[float, int, int, dict[str, float]]]:
    """The set of edges with the highest total score, each first and second piece used
    once and no cycle; exact on small components of the candidate graph."""
    edges = sorted(edges, key=lambda e: (-e[0], e[1], e[2]))
    chosen: list[tuple[float, int, int, dict[str, float]]] = []
    for component in _components(edges):
        firsts = sorted({e[1] for e in component})
        exact = len(firsts) <= _EXACT_MATCHING
        chosen.extend(_exact(component, firsts) if exact else _greedy(component))
    # A cycle (A continues B continues A) is no paragraph: drop its weakest join.
    while cycle := _find_cycle(chosen):
        chosen.remove(min(cycle, key=lambda e: (e[0], e[1], e[2])))
    return chosen


def _components(
    edges: list[tuple[float, int, int, dict[str, float]]],
) -> list[list[tuple[float, int, int, dict[str, float]]]]:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, ai, bi, _f in edges:
        parent[find(("a", ai))] = find(("b", bi))
    groups: dict[tuple[str, int], list[tuple[float, int, int, dict[str, float]]]] = {}
    for e in edges:
        groups.setdefault(find(("a", e[1])), []).append(e)
    return list(groups.values())


def _exact(
    component: list[tuple[float, int, int, dict[str, float]]], firsts: list[int]
) -> list[tuple[float, int, int, dict[str, float]]]:
    """Branch and bound over the first pieces: join each to a free second piece or not,
    maximising the total of (score - threshold), every edge worth more than nothing."""
    options = {a: [e for e in component if e[1] == a] for a in firsts}
    # Each edge's gain, keyed by its two pieces (a pairing is one edge). Not by `id(e)`:
    # a compiled build reboxes the tuples, and the look-up must not depend on identity.
    gain = {(e[1], e[2]): e[0] - JOIN_THRESHOLD + 1e-6 for e in component}
    best_rest = [0.0] * (len(firsts) + 1)
    for k in range(len(firsts) - 1, -1, -1):
        best_rest[k] = best_rest[k + 1] + max(gain[e[1], e[2]] for e in options[firsts[k]])
    best: tuple[float, list[tuple[float, int, int, dict[str, float]]]] = (-1.0, [])

    def search(
        k: int, used: set[int], total: float, picked: list[tuple[float, int, int, dict[str, float]]]
    ) -> None:
        nonlocal best
        if total + best_rest[k] <= best[0]:
            return
        if k == len(firsts):
            best = (total, list(picked))
            return
        for e in options[firsts[k]]:
            if e[2] not in used:
                used.add(e[2])
                picked.append(e)
                search(k + 1, used, total + gain[e[1], e[2]], picked)
                picked.pop()
                used.discard(e[2])
        search(k + 1, used, total, picked)

    search(0, set(), 0.0, [])
    return best[1]


def _greedy(
    component: list[tuple[float, int, int, dict[str, float]]],
) -> list[tuple[float, int, int, dict[str, float]]]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for e in component:  # sorted best first
        if e[1] not in used_a and e[2] not in used_b:
            used_a.add(e[1])
            used_b.add(e[2])
            out.append(e)
    return out


def _find_cycle(
    chosen: list[tuple[float, int, int, dict[str, float]]],
) -> list[tuple[float, int, int, dict[str, float]]]:
    succ = {e[1]: e for e in chosen}
    for start in sorted(succ):
        seen: list[tuple[float, int, int, dict[str, float]]] = []
        node = start
        while node in succ:
            e = succ[node]
            seen.append(e)
            node = e[2]
            if node == start:
                return seen
            if len(seen) > len(succ):
                break
    return []


def jumps_out(blocks: Sequence[Block], i: int) -> bool:
    """Is block `i` printed over a jump line (`（下转第二版）`), its text going on on
    another page?"""
    return _jump_line(blocks, i + 1, JUMP_OUT_RE)


def jumps_in(blocks: Sequence[Block], i: int) -> bool:
    """Is block `i` printed under a jump line (`（上接第一版）`), its text going on from
    another page?"""
    return _jump_line(blocks, i - 1, JUMP_IN_RE)


def _jump_line(blocks: Sequence[Block], j: int, pattern: regex.Pattern[str]) -> bool:
    return (
        0 <= j < len(blocks)
        and blocks[j].role is Role.FURNITURE
        and pattern.fullmatch(blocks[j].shadow) is not None
    )


def open_pieces(
    blocks: Sequence[Block], breaks: Sequence[ColumnBreak]
) -> tuple[tuple[Block, str], ...]:
    """Body pieces that look cut but found no partner: (block, "end" | "start")."""
    joined_first = {j.first for j in breaks}
    joined_second = {j.second for j in breaks}
    out: list[tuple[Block, str]] = []
    for b in blocks:
        if (
            b.role is not Role.BODY
            or b.reason in ("short_lines", "lead_in")
            or _label_line(b.shadow)
        ):
            # Lines of a list, a lead-in, a reporter's column (`■记者手记`), a box's
            # label (`相关链接`): they end without punctuation by design.
            continue
        end = end_features(b)[0]
        if (
            b.index not in joined_first
            and (set(end) - {"end_colon"})
            and not jumps_out(blocks, b.index)
        ):
            out.append((b, "end"))
        s = b.shadow
        if (
            b.index not in joined_second
            and (CONTINUATION_START_RE.match(s) or closing_marks(s) & QUOTES)
            and not jumps_in(blocks, b.index)
        ):
            out.append((b, "start"))
    return tuple(out)


def _previous_in_flow(blocks: Sequence[Block]) -> list[int | None]:
    """For each block, the block before it in dump order, captions, credits and
    furniture skipped."""
    out: list[int | None] = []
    last: int | None = None
    for i, b in enumerate(blocks):
        out.append(last)
        if b.role not in TRANSPARENT:
            last = i
    return out


def _flow_successors(blocks: Sequence[Block]) -> dict[int, int]:
    """For each piece, the next piece of the text flow: captions, credits and furniture
    are skipped; a title, byline or rubric in between ends the flow."""
    out: dict[int, int] = {}
    last: int | None = None
    for b in blocks:
        if b.role in TRANSPARENT:
            continue
        if b.role in _PIECE_ROLES:
            if last is not None:
                out[last] = b.index
            last = b.index
        else:
            last = None
    return out


def _zones(blocks: Sequence[Block]) -> list[int]:
    """Number the stretches of the page: odd numbers are side columns, even numbers the
    rest. A side column starts at a rubric and ends where the heads phase will end it
    (`heads.resolve_titles`): at a title with a byline, 副题 or lead label under it; in
    a column of briefs, at a title whose text does not open with a dateline (every brief
    does: `本报讯…`); in a picture column, at a title after the text of an item; at a
    title over more text than any brief holds; and at body text after an item's closing
    author line that does not open with a dateline."""
    zones: list[int] = []
    zone = 0
    photo = False  # the current side column is a picture column
    item_text = 0  # characters of body text in the column since its last title
    signed = False  # the column's last item has had its text and its author line
    for i, b in enumerate(blocks):
        if b.role is Role.RUBRIC:
            zone += 1 if zone % 2 == 0 else 2
            photo, item_text, signed = bool(PHOTO_RUBRIC_RE.search(b.shadow)), 0, False
        elif zone % 2 and b.role is Role.BYLINE:
            signed = item_text > 0
        elif zone % 2 and signed and b.role is Role.BODY and not is_dateline_paragraph(b):
            # Every item of a side column opens with a title or a dateline: text after
            # an item's closing author line is the page's other text again.
            zone += 1
            signed = False
        elif zone % 2 and b.role is Role.TITLE:
            if (i == 0 or blocks[i - 1].role is not Role.TITLE) and _ends_column(
                blocks, i, photo=photo, item_text=item_text
            ):
                zone += 1
            item_text, signed = 0, False
        elif b.role is Role.BODY or (photo and b.role is Role.CAPTION):
            # (The text of a picture story reads as a caption until the heads phase.)
            item_text += b.size
        zones.append(zone)
    return zones


def _ends_column(blocks: Sequence[Block], i: int, *, photo: bool, item_text: int) -> bool:
    """Does the title group starting at block `i` end the side column it stands in?"""
    j = i
    while j < len(blocks) and blocks[j].role is Role.TITLE:
        j += 1
    while j < len(blocks) and blocks[j].role in TRANSPARENT:
        j += 1
    after = blocks[j] if j < len(blocks) else None
    if photo:
        # A second item after a picture story's text, or a story with its own byline or 副题.
        return item_text > 0 or (after is not None and after.role in ANCHOR_ROLES)
    if after is None or not is_dateline_paragraph(after):
        return True  # a title without the dateline every brief opens with
    text = 0
    for k in range(j, len(blocks)):
        if blocks[k].role is Role.TITLE or blocks[k].role is Role.RUBRIC:
            break
        if blocks[k].role is Role.BODY:
            text += blocks[k].size
            if text > BRIEF_MAX_CHARS:
                return True  # longer than any brief: a story
    return False
