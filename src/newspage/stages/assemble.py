"""Assemble articles from classified blocks and column-break joins, in reading order.

The dump is in column order. It is cut into *runs*, stretches of blocks that read on
from one another: a run ends where a story's head begins, at a rubric, after a piece
whose continuation is printed elsewhere, and before a piece that continues one printed
elsewhere, and before a dateline paragraph (`本报北京2月1日电…`), which opens a story's
text. A run belongs to the story whose head opens it, to the story of the piece it
continues, to a head group still waiting for its text when it opens with a dateline
(a head group followed at once by another story's continued text has its own text
further on), to a story with almost no text yet whose head group's words the run repeats
(its text was printed after another story's; such a stretch may also start inside a run,
after a full stop), or else to the story of the run before it, unless it continues no piece
and its words are clearly another story's; a stretch inside a run, from a paragraph after
a full stop, moves on the same evidence. A picture story ends with its credit: a run
printed after it that continues nothing goes to the story whose words it shares. A
story's runs are then read in the order the joins link them: `…各部门齐心协` +
`力推进改革…` puts the run that starts with `力推进改革` right after the run that ends with
`齐心协`, wherever it was printed.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from .._cjk import TopicBigrams, char_stats, shadow
from .._patterns import (
    AGENCY_NOTE_RE,
    AUTHOR_NOTE_RE,
    BULLETS,
    CONTINUATION_START_RE,
    DATELINE_RE,
    LEAD_LABEL_RE,
    PHOTO_RUBRIC_RE,
    RUBRIC_PINYIN_RE,
    TRAILING_AUTHOR_RE,
    TRAILING_CREDIT_RE,
    ends_sentence,
    section_number,
)
from ..model import Article, ArticleKind, Author, Caption, Diagnostic, Join, Page, Section
from .blocks import TRANSPARENT, Block, Role, is_dateline_paragraph, is_summary_point
from .heads import closes_story, cohesion_of, following_topics, same_story_of, story_topics
from .people import (
    byline_people,
    credit_people,
    parse_people,
    reported_people,
    signed_name,
    wired_people,
)
from .repair import ColumnBreak, end_features, jumps_in, open_pieces

_HEAD_ROLES = (Role.KICKER, Role.HEADLINE)
_PHOTO_ROLES = (Role.CAPTION, Role.CREDIT)
# The lines of a head group: a photo printed under them belongs to their story.
_HEAD_GROUP_ROLES = (Role.KICKER, Role.HEADLINE, Role.SUBHEADLINE, Role.BYLINE)


@attrs.define
class _Run:
    blocks: list[int]
    owner: int | None = None  # index into the story list
    starts_story: bool = False


def _first_text(run: _Run, blocks: Sequence[Block]) -> int:
    """The run's first block that is not a photo caption or credit: photos printed at
    the top of a frame wait for the text under them, and go first in its run."""
    return next((i for i in run.blocks if blocks[i].role not in _PHOTO_ROLES), run.blocks[0])


def _last_text(run: _Run, blocks: Sequence[Block]) -> int:
    """The run's last block that is not a photo caption or credit (a credit under a
    frame's text is added to its run)."""
    return next(
        (i for i in reversed(run.blocks) if blocks[i].role not in _PHOTO_ROLES), run.blocks[-1]
    )


@attrs.define
class _Story:
    kind: ArticleKind
    column: str | None
    runs: list[int] = attrs.field(factory=list)

    @property
    def is_item(self) -> bool:
        """Is it an item of a side column (a brief, a picture story), printed whole under
        its rubric? A story under a rubric of its own (`外媒关注`) is not."""
        return self.kind != "article"


def assemble(
    blocks: Sequence[Block],
    breaks: Sequence[ColumnBreak],
    *,
    source: str | None = None,
    warnings: Sequence[Diagnostic] = (),
    bigrams: TopicBigrams | None = None,
) -> Page:
    """Build the `Page` from resolved blocks (no TITLE left) and the chosen joins.

    `bigrams`: the topic bigrams of the page's blocks, shared with the earlier phases
    (made here if not given).
    """
    succ = {j.first: j for j in breaks}
    pred = {j.second: j for j in breaks}
    flow_next = _flow_next(blocks)
    runs, stories, idle_rubrics = _cut_runs(blocks, succ, pred, flow_next)
    # Furniture, and rubrics no item was printed under, belong to no article.
    unplaced = [b.text for b in blocks if b.role is Role.FURNITURE or b.index in idle_rubrics]
    run_of = {i: r for r, run in enumerate(runs) for i in run.blocks}
    _assign_owners(runs, stories, blocks, pred, run_of, bigrams)

    runs_of: dict[int | None, list[int]] = {}
    for r, run in enumerate(runs):
        runs_of.setdefault(run.owner, []).append(r)
    articles: list[Article] = []
    for story_id, story in enumerate(stories):
        order = _reading_order(runs_of.get(story_id, []), runs, blocks, succ, run_of)
        if not order:
            continue
        articles.append(
            _build_article(story, [i for r in order for i in runs[r].blocks], blocks, succ, pred)
        )

    diags = list(warnings)
    for block, side in open_pieces(blocks, breaks):
        what = "ends" if side == "end" else "starts"
        text = block.text[-12:] if side == "end" else block.text[:12]
        diags.append(
            Diagnostic(
                "unresolved-break",
                f"line {block.line}: a paragraph {what} mid-sentence and no piece continues it",
                text,
            )
        )
    if not blocks:
        diags.append(Diagnostic("empty-page", "the page has no text"))
    elif not any(a.headline for a in articles):
        diags.append(Diagnostic("no-headline", "no headline found on the page"))
    diags.extend(_shape_warnings(blocks))
    return Page(
        source=source, articles=tuple(articles), unplaced=tuple(unplaced), warnings=tuple(diags)
    )


# A block longer than this is not one paragraph: the dump lost its blank lines.
GIANT_BLOCK = 10_000
# More than this share of blocks of one or two characters: OCR noise or a broken dump.
TINY_SHARE = 0.5


def _shape_warnings(blocks: Sequence[Block]) -> list[Diagnostic]:
    """Warnings about the shape of the dump itself, whatever its articles."""
    out = [
        Diagnostic(
            "giant-block",
            f"line {b.line}: a block of {b.size} characters; are blank lines missing?",
            b.text[:12],
        )
        for b in blocks
        if b.size > GIANT_BLOCK
    ]
    tiny = sum(b.size <= 2 for b in blocks)
    if len(blocks) >= 20 and tiny > TINY_SHARE * len(blocks):
        out.append(
            Diagnostic("tiny-blocks", f"{tiny} of {len(blocks)} blocks hold one or two characters")
        )
    return out


def _flow_next(blocks: Sequence[Block]) -> dict[int, int]:
    """Next block in dump order that is not a caption, credit or furniture."""
    out: dict[int, int] = {}
    last: int | None = None
    for b in blocks:
        if b.role in TRANSPARENT:
            continue
        if last is not None:
            out[last] = b.index
        last = b.index
    return out


def _cut_runs(
    blocks: Sequence[Block],
    succ: dict[int, ColumnBreak],
    pred: dict[int, ColumnBreak],
    flow_next: dict[int, int],
) -> tuple[list[_Run], list[_Story], set[int]]:
    runs: list[_Run] = []
    stories: list[_Story] = []
    idle_rubrics: set[int] = set()
    rubric: int | None = None  # the rubric no story has been opened under yet
    column: str | None = None
    kind: ArticleKind = "article"
    cut_after = False
    prev_role: Role | None = None
    # A photo between two head lines: the lines head two stories (`heads` splits title
    # groups at photos too), such as a picture story's title over its photo, then the
    # head group of the next story.
    photo_after_head = False
    # Captions and credits after a photo gap wait for the next block: a photo stands at
    # the top of the column or frame it illustrates, so it goes with the run that follows.
    held: list[int] = []
    first_of = {j.second: j.first for j in pred.values()}
    prev_body: int | None = None  # the block before, if body text or a byline

    def ends_item(i: int) -> bool:
        """Does block `i` close a brief: a closing note, or its author after its text?"""
        return closes_story(blocks, i, first_of) or bool(
            TRAILING_AUTHOR_RE.search(blocks[i].shadow)
        )

    for b in blocks:
        if b.role is Role.FURNITURE:
            continue
        # `图说` over a photo's caption and credit, with no title: the picture column's
        # item is the photo itself, and the photo opens its story (below).
        photo_item = b.role in _PHOTO_ROLES and kind == "photo" and prev_role is Role.RUBRIC
        if b.role in _PHOTO_ROLES and not photo_item:
            photo_after_head = photo_after_head or prev_role in _HEAD_ROLES
            if held or (b.gap_before >= 2 and runs):
                held.append(b.index)  # a photo gap opens the group
            elif runs:
                runs[-1].blocks.append(b.index)  # a credit under the text it ends
                # ...and a picture story's credit ends the story: what follows is text
                # of another (`_assign_owners` looks past the picture for its owner).
                cut_after = cut_after or (kind == "photo" and b.role is Role.CREDIT)
            else:
                held.append(b.index)
            continue
        if b.role is Role.RUBRIC:
            if rubric is not None:
                idle_rubrics.add(rubric)
            rubric = b.index
            column, kind = _rubric(b)
            cut_after = True
            prev_role = b.role
            continue
        opens_story = (
            (b.role in _HEAD_ROLES and (prev_role not in _HEAD_ROLES or photo_after_head))
            or (b.role is Role.HEADLINE and prev_role is Role.HEADLINE)
            # a kicker under a headline: the next story's head group, stacked under it
            or (b.role is Role.KICKER and prev_role is Role.HEADLINE)
        )
        photo_after_head = False
        if photo_item or (
            b.role in (Role.SUBHEADLINE, Role.BYLINE) and prev_role in (None, Role.RUBRIC)
        ):
            opens_story = True
        # Text under a jump line continues a story headed on another page: a story of its
        # own here, without a head (unless the line stands over a head group).
        continued_story = b.role is Role.BODY and b.index not in pred and jumps_in(blocks, b.index)
        after_item = (
            kind == "brief"
            and column is not None
            and b.role is Role.BODY
            and b.index not in pred
            and (prev_role is Role.RUBRIC or (prev_body is not None and ends_item(prev_body)))
        )
        # Briefs printed without titles: the first paragraph under the rubric, and each
        # after one its author closes (`…。（李小川）`, or `（李小川）` alone); a piece that
        # opens mid-sentence there (`秧、统一机插…`) is another story's, a run of its own.
        foreign_piece = after_item and _foreign_to_brief(b)
        if after_item and not foreign_piece:
            opens_story = True
        if column is not None and is_dateline_paragraph(b) and prev_role is not Role.HEADLINE:
            # In a column of briefs, a dateline under no headline (or 副题 of one) opens
            # the next brief.
            opens_story = prev_role not in (*_HEAD_ROLES, Role.SUBHEADLINE)
        continues_far = b.index in pred and flow_next.get(pred[b.index].first) != b.index
        # A dateline paragraph opens a story's text: below its head group, or at the top
        # of a frame when the head group stands elsewhere.
        story_text_starts = (
            column is None
            and prev_role is Role.BODY
            and b.index not in pred
            and is_dateline_paragraph(b)
        )
        if held and prev_role in _HEAD_GROUP_ROLES and runs:
            # A photo under a head group illustrates that story, whatever text the
            # column prints under it (often another story's continued paragraph).
            runs[-1].blocks.extend(held)
            held = []
        if continued_story:
            stories.append(_Story(kind="article", column=None))
            if runs:
                runs[-1].blocks.extend(held)
            elif held:
                runs.append(_Run(held))
            runs.append(_Run([b.index], owner=len(stories) - 1, starts_story=True))
        elif opens_story:
            story_column = column
            if b.role in _HEAD_ROLES and b.reason != "head_column":
                # The side column has ended, or never began: a story's head right under
                # a rubric (`外媒关注` over a headline and its byline) is printed under it.
                under_rubric = prev_role is Role.RUBRIC and kind == "brief"
                story_column = column if under_rubric else None
                column, kind = None, "article"
            if story_column is not None:
                rubric = None
            stories.append(_Story(kind=kind, column=story_column))
            if runs:  # photos printed above a headline end the story before it
                runs[-1].blocks.extend(held)
            elif held:
                runs.append(_Run(held))
            runs.append(_Run([b.index], owner=len(stories) - 1, starts_story=True))
        elif (
            not runs
            or cut_after
            or continues_far
            or story_text_starts
            or foreign_piece
            or (b.role is Role.SUBHEAD and column is not None)
        ):
            # (A brief has no subheads: one in a side column heads a frame of a story
            # printed beside the column, which `_assign_owners` finds by its words.)
            runs.append(_Run([*held, b.index]))
        else:
            runs[-1].blocks.extend((*held, b.index))
        held = []
        if b.index in succ:
            cut_after = flow_next.get(b.index) != succ[b.index].second
        else:
            # A piece that stops mid-sentence with no continuation found: a column or
            # frame ends here, and what follows may belong to any story.
            cut_after = b.role is Role.BODY and bool(set(end_features(b)[0]) - {"end_colon"})
            # A note that closes a story (`（记者 张三）`): what follows is not its text.
            cut_after = cut_after or closes_story(blocks, b.index, first_of)
        prev_role = b.role
        prev_body = b.index if b.role in (Role.BODY, Role.BYLINE) else None
    if held:
        if runs:
            runs[-1].blocks.extend(held)
        else:
            runs.append(_Run(held))
    if rubric is not None:
        idle_rubrics.add(rubric)
    return runs, stories, idle_rubrics


def _rubric(block: Block) -> tuple[str, ArticleKind]:
    m = RUBRIC_PINYIN_RE.fullmatch(block.shadow)
    name = block.text[m.start("name") : m.end("name")] if m else block.text.strip()
    kind: ArticleKind = "photo" if PHOTO_RUBRIC_RE.search(block.shadow) else "brief"
    return name, kind


# A dateline opens a story's text. A run that opens with one goes to a head group waiting
# for its text, else to the nearest of the last DATELINE_REACH stories opened before it
# that has no dateline paragraph, if that story has less than DATELINE_THIN characters of
# text so far (text read on from other stories' frames); else it is a story of its own,
# whose head group is not on the page. It used to read on from the run before it, which
# put 52 dateline paragraphs in the middle of other stories on 200 generated pages.
DATELINE_REACH = 2
DATELINE_THIN = 1000


def _foreign_to_brief(first: Block) -> bool:
    """Can a run opening with block `first` not read on from a brief: a subhead (a brief
    has none) or a piece that opens mid-sentence (`秧、统一机插…`; a brief is printed
    whole in its column)?"""
    return first.role is Role.SUBHEAD or bool(CONTINUATION_START_RE.match(first.shadow))


def _assign_owners(
    runs: list[_Run],
    stories: list[_Story],
    blocks: Sequence[Block],
    pred: dict[int, ColumnBreak],
    run_of: dict[int, int],
    bigrams: TopicBigrams | None = None,
) -> None:
    """Owner of each run: its own head, the story of the piece it continues, a head
    group waiting for its text when the run opens with a dateline (else a story without
    a dateline and with little text, else a story of its own), the one story with the
    section before it when the run opens with a later numbered section
    (`_section_claims`, then the owners are resolved again), a thin story whose
    words the run repeats (`_thin_story_claims`, then the owners are resolved again),
    else the story of the run before it, unless the run's words are clearly another
    story's (`_topic_moves`, resolved again), or those of a stretch of it after a full
    stop are (`_topic_splits`: the run is cut there, and resolved again); runs before any
    story, and runs that would read on from a picture story, go to the story whose topic
    words they share most, as a share of the story's (a run that continues a piece of
    such a run, wherever printed, goes with it)."""

    # A head group followed at once by text continued from another story has its own
    # text printed further on: the first run after it that opens with a dateline.
    waiting: list[int] = []  # such head groups met so far, still without text
    claims: dict[int, int] = {}  # run -> the thin story that claims it

    # Runs whose owner this pass of `resolve` has settled, also those left without one: a
    # page of thousands of runs before any story would otherwise walk back to its start
    # from every run (quadratic, and deeper than Python's recursion limit).
    settled: set[int] = set()

    # Set by `resolve`: the stories with their dateline paragraph, the characters of body
    # text each story has so far, the runs of the head groups in order and their stories.
    dated: set[int] = set()
    text_of: dict[int, int] = {}
    head_runs: list[int] = []
    head_stories: list[int] = []

    def undated_before(r: int) -> int | None:
        """The story a run opening with a dateline (run `r`) goes to: the nearest of the
        last `DATELINE_REACH` stories opened before it that has no dateline paragraph,
        if it has little text yet; None if there is none (the run's head group is not on
        the page: the run will be a story of its own)."""
        k = bisect.bisect_left(head_runs, r)
        for s in reversed(head_stories[max(0, k - DATELINE_REACH) : k]):
            if s not in dated and not stories[s].is_item:
                return s if text_of.get(s, 0) < DATELINE_THIN else None
        return None

    def owner(r: int) -> int | None:
        """Follow the runs `r` takes its owner from (the run of the piece it continues, or
        the run before it) back to one whose owner is known; all of them get it."""
        chain: list[int] = []
        on_chain: set[int] = set()
        o: int | None = None
        stepped = False  # `r` is the run before the last one on the chain
        while True:
            run = runs[r]
            if (
                stepped
                and run.owner is not None
                and (
                    stories[run.owner].kind == "photo"
                    or (
                        stories[run.owner].is_item
                        and _foreign_to_brief(blocks[runs[chain[-1]].blocks[0]])
                    )
                )
            ):
                # Text that continues nothing reads on from neither a picture story (it
                # ends with its credit) nor a brief when a subhead heads it (a brief has
                # none) or it opens mid-sentence (a brief is whole): an orphan, placed by
                # its words.
                o = None
                break
            if run.owner is not None or r in settled or r in on_chain:
                o = run.owner  # known, or a cycle of joins: no owner
                break
            chain.append(r)
            on_chain.add(r)
            first = _first_text(run, blocks)
            stepped = False
            if first in pred:
                r = run_of[pred[first].first]
            elif r in claims:
                o = claims[r]
                break
            elif r > 0:
                if DATELINE_RE.match(blocks[first].shadow):
                    # A dateline opens a story's text: a head group waiting for its
                    # text, or a story with none of its own yet, or a story of its own.
                    o = waiting[-1] if waiting else undated_before(r)
                    if o is not None:
                        dated.add(o)
                    break
                r -= 1
                stepped = True
            else:
                break  # the first run, before any story
        if not chain:
            return o  # settled before: a head group keeps waiting
        for c in chain:
            runs[c].owner = o
            settled.add(c)
            if o is not None:
                text_of[o] = text_of.get(o, 0) + _body_size(runs[c].blocks, blocks)
        if o in waiting:
            waiting.remove(o)  # the head group has found its text
        return o

    def resolve() -> None:
        """The owners of all runs but the heads', from scratch."""
        settled.clear()
        waiting.clear()
        dated.clear()
        head_runs.clear()
        head_stories.clear()
        text_of.clear()
        for r, run in enumerate(runs):
            if run.starts_story and run.owner is not None:
                head_runs.append(r)
                head_stories.append(run.owner)
                text_of[run.owner] = _body_size(run.blocks, blocks)
                if any(is_dateline_paragraph(blocks[i]) for i in run.blocks):
                    dated.add(run.owner)
        for run in runs:
            if not run.starts_story:
                run.owner = None
        for r, run in enumerate(runs):
            if (
                run.starts_story
                and run.owner is not None
                and not any(blocks[i].role is Role.BODY for i in run.blocks)
            ):
                waiting.append(run.owner)
            owner(r)

    block_topics = _BlockTopics(blocks, TopicBigrams(char_stats()) if bigrams is None else bigrams)
    resolve()
    stacked = _stacked_heads(runs, blocks)
    if stacked:
        _split_runs(runs, run_of, claims, stacked)
        resolve()
    sections = _section_claims(runs, blocks, pred)
    if sections:
        claims.update(sections)
        resolve()
    claimed = _thin_story_claims(runs, stories, blocks, pred, block_topics)
    if claimed:
        # A claimed stretch inside a run becomes a run of its own; the owners of all runs
        # but the heads' are then resolved again.
        _split_runs(runs, run_of, claims, claimed)
        resolve()
    moved = _topic_moves(runs, stories, blocks, pred, run_of, claims, block_topics)
    if moved:
        claims.update(moved)
        resolve()
    splits = _topic_splits(runs, stories, blocks, pred, claims, block_topics)
    if splits:
        _split_runs(runs, run_of, claims, splits)
        resolve()
    orphans = [r for r, run in enumerate(runs) if run.owner is None]
    if not orphans:
        return
    parts: list[list[str]] = [[] for _ in stories]
    for run in runs:
        if run.owner is not None:
            parts[run.owner].extend(blocks[i].shadow for i in run.blocks)
    topics = [story_topics(p, block_topics.bigrams) for p in parts]
    orphan_set = set(orphans)

    def place_by_words(r: int) -> int:
        """The story of orphan `r` by the topic words its text shares with each story."""
        first = _first_text(runs[r], blocks)
        # A run opening with a dateline that no story took is a story of its own.
        own_story = bool(DATELINE_RE.match(blocks[first].shadow))
        text = [blocks[i].shadow for i in runs[r].blocks if blocks[i].role is Role.BODY]
        has_text = any(text)
        best: int | None = None
        best_share = -1.0
        after = following_topics(text, block_topics.bigrams)
        weighed = topics if has_text and not own_story else []
        for s, before in enumerate(weighed):
            if same_story_of(before, after):
                # The topic bigrams shared over the square root of the story's (the
                # cosine of the two sets, the run's size being the same for every story):
                # a long story shares a few words with any text by chance.
                share = cohesion_of(before, after)[0] / math.sqrt(max(1, len(before)))
                if share > best_share:
                    best, best_share = s, share
        if best is None and not has_text and stories:
            best = 0  # photos above the first headline belong to the first story
        if best is None:
            stories.append(_Story(kind="article", column=None))
            topics.append(story_topics(text, block_topics.bigrams))
            best = len(stories) - 1
        return best

    # The orphan an orphan takes its story from: the orphan holding the piece it
    # continues (one paragraph, one story: placed by their own words, the two pieces could
    # go to two), or the orphan before it, which it reads on from. The others, and one
    # orphan of each cycle, are placed by their words.
    source: dict[int, int] = {}
    for r in orphans:
        first = _first_text(runs[r], blocks)
        if first in pred:
            if (q := run_of[pred[first].first]) in orphan_set and q != r:
                source[r] = q
        elif r > 0 and r - 1 in orphan_set and not DATELINE_RE.match(blocks[first].shadow):
            source[r] = r - 1
    for r in orphans:
        chain: list[int] = []
        on_chain: set[int] = set()
        q = r
        while runs[q].owner is None and q in source and q not in on_chain:
            chain.append(q)
            on_chain.add(q)
            q = source[q]
        story = runs[q].owner
        if story is None:
            story = runs[q].owner = place_by_words(q)
        for c in chain:
            runs[c].owner = story


def _stacked_heads(runs: Sequence[_Run], blocks: Sequence[Block]) -> dict[int, int]:
    """Two stories' head groups printed one over the other, then their texts, each
    opening with its dateline (`翠岭邨下月入伙` + 副题 over `业界促简化审批程序` + headline,
    then `【大公报讯】…` and later `【大公报讯】…`): the first dated text under the second
    group is the first group's, and the next run that opens with a dateline, before any
    other head, the second group's, in the order the groups are printed. Returns the
    first block of each such stretch -> its story."""
    out: dict[int, int] = {}
    for r in range(1, len(runs)):
        first, second = runs[r - 1], runs[r]
        if not (first.starts_story and second.starts_story):
            continue
        if first.owner is None or second.owner is None:
            continue
        if any(blocks[i].role not in (*_HEAD_GROUP_ROLES, *_PHOTO_ROLES) for i in first.blocks):
            continue  # the first group has text of its own under it
        text = [i for i in second.blocks if blocks[i].role is Role.BODY]
        if not text or not is_dateline_paragraph(blocks[text[0]]):
            continue
        for later in runs[r + 1 :]:
            if later.starts_story:
                break
            opening = next((i for i in later.blocks if blocks[i].role is Role.BODY), None)
            if opening is not None and is_dateline_paragraph(blocks[opening]):
                out[text[0]] = first.owner
                out[later.blocks[0]] = second.owner
                break
    return out


def _section_claims(
    runs: Sequence[_Run], blocks: Sequence[Block], pred: dict[int, ColumnBreak]
) -> dict[int, int]:
    """Runs that open with a numbered section heading (`三、打响区域品牌`) and continue no
    piece, each with the story it goes to: the one story that has the section before it
    in the same style (`二、…`), when the run would read on from another. A text numbers
    its sections in order, across the columns and frames it is printed in."""
    numbered: dict[tuple[str, int], set[int]] = {}
    for run in runs:
        if run.owner is None:
            continue
        for i in run.blocks:
            if blocks[i].role is Role.SUBHEAD and (number := section_number(blocks[i].shadow)):
                numbered.setdefault(number, set()).add(run.owner)
    out: dict[int, int] = {}
    for r, run in enumerate(runs):
        first = next((i for i in run.blocks if blocks[i].role not in _PHOTO_ROLES), None)
        if run.starts_story or first is None or first in pred:
            continue
        number = section_number(blocks[first].shadow)
        if blocks[first].role is not Role.SUBHEAD or number is None or number[1] < 2:
            continue
        owners = numbered.get((number[0], number[1] - 1), set())
        if len(owners) == 1 and run.owner not in owners:
            out[r] = min(owners)
    return out


# A run that continues no piece reads on from the run before it by default. It goes to
# another story when its text, with the runs that read on from it, is clearly that
# story's: the cosine similarity of their topic-bigram counts is at least MOVE_SIMILARITY
# and MOVE_RATIO times that with the text the default story has besides. Both stories
# need MOVE_MIN_TEXT characters of such text, the run MOVE_MIN_TOPICS topic bigrams; the
# text compared is at most the first MOVE_WINDOW characters of the run and its followers,
# the stories compared those at most MOVE_REACH heads before or after the default story
# (a frame stands near its head group; the cost stays linear on pages of many stories).
MOVE_SIMILARITY = 0.1
MOVE_RATIO = 2.0
MOVE_MIN_TEXT = 200
MOVE_MIN_TOPICS = 12
MOVE_WINDOW = 2000
MOVE_WINDOW_RUNS = 20
MOVE_REACH = 10


def _topic_moves(
    runs: Sequence[_Run],
    stories: Sequence[_Story],
    blocks: Sequence[Block],
    pred: dict[int, ColumnBreak],
    run_of: dict[int, int],
    claims: dict[int, int],
    block_topics: _BlockTopics,
) -> dict[int, int]:
    """Runs that went to the story of the run before them but read as another story's:
    a frame that starts with a whole paragraph after another story's frame, say the
    continuation of `稳就业` printed after the closing line of `春运`. On held-out
    generated pages, 38 of the 56 moves that change whether a run is in the right story
    make it right. Returns run -> the story it moves to. Side columns keep their items."""
    # The run each run takes its owner from, when both have the same owner.
    kids: dict[int, list[int]] = {}
    for r, run in enumerate(runs):
        if run.starts_story or r in claims or run.owner is None:
            continue
        first = _first_text(run, blocks)
        parent = run_of[pred[first].first] if first in pred else r - 1
        if parent >= 0 and runs[parent].owner == run.owner:
            kids.setdefault(parent, []).append(r)
    candidates = [
        r
        for r, run in enumerate(runs)
        if not run.starts_story
        and r > 0
        and r not in claims
        and run.owner is not None
        and not stories[run.owner].is_item
        and _first_text(run, blocks) not in pred
    ]
    if not candidates:
        return {}
    size = [_body_size(run.blocks, blocks) for run in runs]
    story_blocks = _story_blocks(runs, len(stories))
    story_size = [_body_size(b, blocks) for b in story_blocks]

    def subtree(r: int) -> tuple[list[int], int]:
        """The run and the runs that read on from it, which would move with it: the
        first MOVE_WINDOW characters of them, at most MOVE_WINDOW_RUNS runs (enough
        evidence, and linear cost also on a page of thousands of runs without text)."""
        out: list[int] = []
        total = 0
        stack = [r]
        while stack and total < MOVE_WINDOW and len(out) < MOVE_WINDOW_RUNS:
            q = stack.pop()
            out.append(q)
            total += size[q]
            stack.extend(reversed(kids.get(q, ())))
        return out, total

    def rivals(o: int) -> list[int]:
        return _rivals(o, stories, story_size)

    def owner_of(r: int) -> int:
        o = runs[r].owner
        assert o is not None  # candidates have owners
        return o

    # Before counting any words: runs with enough text, in a story with enough besides,
    # on a page with another story to compare with.
    moving = {r: subtree(r) for r in candidates}
    candidates = [
        r
        for r in candidates
        if (size_r := moving[r][1]) >= MOVE_MIN_TOPICS
        and story_size[owner_of(r)] - size_r >= MOVE_MIN_TEXT
        and rivals(owner_of(r))
    ]
    if not candidates:
        return {}
    story_counts, norm2 = block_topics.stories(story_blocks)
    moves: dict[int, int] = {}
    for r in candidates:
        o = owner_of(r)
        mine = block_topics.total(i for q in moving[r][0] for i in runs[q].blocks)
        if len(mine) < MOVE_MIN_TOPICS:
            continue
        mine2 = _norm2(mine)
        # The default story without this text: its counts less `mine`.
        mine_in_own = _dot(mine, story_counts[o])
        rest2 = norm2[o] - 2 * mine_in_own + mine2
        own = (mine_in_own - mine2) / math.sqrt(mine2 * rest2) if rest2 > 0 else 0.0
        compared = rivals(o)
        best, best_sim = _closest(
            compared, [_dot(mine, story_counts[st]) for st in compared], mine2, norm2
        )
        if best is not None and best_sim >= MOVE_SIMILARITY and best_sim >= MOVE_RATIO * own:
            moves[r] = best
    return moves


def _split_runs(
    runs: list[_Run], run_of: dict[int, int], claims: dict[int, int], at: dict[int, int]
) -> None:
    """Cut the runs before the blocks of `at` (block -> story); each stretch cut off, or
    run that opens with such a block, is claimed by its story. Earlier claims stay with
    the runs they were made for."""
    by_block = {runs[r].blocks[0]: o for r, o in claims.items()}
    by_block.update(at)
    split: list[_Run] = []
    for run in runs:
        cuts = [k for k, i in enumerate(run.blocks) if k and i in at]
        for lo, hi in itertools.pairwise([0, *cuts, len(run.blocks)]):
            split.append(_Run(run.blocks[lo:hi], run.owner, run.starts_story and not lo))
    runs[:] = split
    run_of.clear()
    run_of.update((i, r) for r, run in enumerate(runs) for i in run.blocks)
    claims.clear()
    claims.update(
        (r, by_block[run.blocks[0]]) for r, run in enumerate(runs) if run.blocks[0] in by_block
    )


class _BlockTopics:
    """The topic bigrams of body blocks, each block read once, when first asked for;
    the counts of a run or story are made from them (a bigram across two blocks is not
    counted: the blocks may have been printed apart)."""

    def __init__(self, blocks: Sequence[Block], bigrams: TopicBigrams):
        self.blocks = blocks
        self.bigrams = bigrams
        self.kept: dict[tuple[int, ...], tuple[Counter[str], int]] = {}

    def stories(
        self, story_blocks: Sequence[Sequence[int]]
    ) -> tuple[list[Counter[str]], list[int]]:
        """The counts of the body blocks of each story (`story_blocks`) and their squared
        norms. Kept for each story's blocks: the topic moves and the topic splits count
        every story, most often with the same blocks."""
        counts, norm2 = [], []
        for b in story_blocks:
            key = tuple(b)
            got = self.kept.get(key)
            if got is None:
                c = self.total(key)
                got = self.kept[key] = c, _norm2(c)
            counts.append(got[0])
            norm2.append(got[1])
        return counts, norm2

    def of(self, i: int) -> list[str]:
        """The topic bigrams of block `i`, in order."""
        return self.bigrams.of(self.blocks[i].shadow)

    def total(self, indices: Iterable[int]) -> Counter[str]:
        """The counts of the body blocks among `indices`, together."""
        body = (i for i in indices if self.blocks[i].role is Role.BODY)
        return Counter(itertools.chain.from_iterable(self.of(i) for i in body))


# A stretch of a run, from a paragraph after one that ends a sentence to the run's end,
# can also be another story's frame: a story's later columns printed after the first
# column of the next story, `…春耕…开了个好头。` then `新建的数据中心…` of a story on
# technology. It moves to the story its words are closest to when the cosine similarity of
# its topic-bigram counts (its first MOVE_WINDOW characters) with that story is at least
# SPLIT_SIMILARITY and SPLIT_RATIO times that with the rest of its own story, with the
# stories compared and the text they need as for a run (`MOVE_*`). Of several such
# stretches in a run, the one with the clearest margin moves.
SPLIT_SIMILARITY = 0.15
SPLIT_RATIO = 1.5


def _topic_splits(
    runs: Sequence[_Run],
    stories: Sequence[_Story],
    blocks: Sequence[Block],
    pred: dict[int, ColumnBreak],
    claims: dict[int, int],
    block_topics: _BlockTopics,
) -> dict[int, int]:
    """Stretches inside runs whose words are clearly another story's: first block ->
    story. Each run is walked once from its end, the stretch a sliding window whose
    counts and norm are updated block by block, so the cost is linear in the text."""
    todo: list[tuple[int, list[int], list[int]]] = []  # run, its body blocks, split points
    for r, run in enumerate(runs):
        o = run.owner
        if o is None or stories[o].is_item or r in claims:
            continue
        text = [i for i in run.blocks if blocks[i].role is Role.BODY]
        ks = [
            k
            for k in range(1, len(text))
            if text[k] not in pred and ends_sentence(blocks[text[k - 1]].shadow)
        ]
        if ks:
            todo.append((r, text, ks))
    if not todo:
        return {}
    story_blocks = _story_blocks(runs, len(stories))
    story_size = [_body_size(b, blocks) for b in story_blocks]
    story_counts, norm2 = block_topics.stories(story_blocks)
    out: dict[int, int] = {}
    for r, text, ks in todo:
        o = runs[r].owner
        assert o is not None
        rivals = _rivals(o, stories, story_size)
        if not rivals:
            continue
        compared = [o, *rivals]
        counts = [story_counts[st] for st in compared]
        # Per block in the window: its dot product with each story compared (the first
        # block of the run never enters it).
        dots: list[list[int]] = [[] for _ in text]
        window: Counter[str] = Counter()  # no zero counts: its length is the distinct bigrams
        mine2 = 0
        sums = [0] * len(compared)
        size = 0
        end = len(text)  # the window is text[k:end]
        best_pick: tuple[float, int, int] | None = None  # (margin, block, story)
        split_points = set(ks)
        for k in range(len(text) - 1, 0, -1):
            # |w + v|^2 = |w|^2 + 2 w.v + |v|^2, and w.v + (w + v).v = 2 w.v + |v|^2.
            v = block_topics.of(text[k])
            mine2 += _dot_grams(v, window)
            window.update(v)  # counted in C
            mine2 += _dot_grams(v, window)
            dots[k] = [_dot_grams(v, c) for c in counts]
            sums = [a + d for a, d in zip(sums, dots[k], strict=True)]
            size += blocks[text[k]].size
            # Keep the first MOVE_WINDOW characters: drop the last block while the rest
            # still holds that many.
            while end - 1 > k and size - blocks[text[end - 1]].size >= MOVE_WINDOW:
                end -= 1
                u = block_topics.of(text[end])
                # |w - u|^2 = |w|^2 - 2 w.u + |u|^2, and w.u + (w - u).u = 2 w.u - |u|^2.
                mine2 -= _dot_grams(u, window)
                for g in u:
                    if window[g] == 1:
                        del window[g]
                    else:
                        window[g] -= 1
                mine2 -= _dot_grams(u, window)
                sums = [a - d for a, d in zip(sums, dots[end], strict=True)]
                size -= blocks[text[end]].size
            if (
                k not in split_points
                or len(window) < MOVE_MIN_TOPICS
                or story_size[o] - size < MOVE_MIN_TEXT
            ):
                continue
            rest2 = norm2[o] - 2 * sums[0] + mine2
            own = (sums[0] - mine2) / math.sqrt(mine2 * rest2) if rest2 > 0 else 0.0
            best, best_sim = _closest(rivals, sums[1:], mine2, norm2)
            margin = best_sim - SPLIT_RATIO * own
            if (
                best is not None
                and best_sim >= SPLIT_SIMILARITY
                and margin >= 0
                and (best_pick is None or margin >= best_pick[0])
            ):
                best_pick = (margin, text[k], best)
        if best_pick is not None:
            out[best_pick[1]] = best_pick[2]
    return out


def _story_blocks(runs: Sequence[_Run], n: int) -> list[list[int]]:
    """The blocks of each of the `n` stories' runs, in dump order."""
    out: list[list[int]] = [[] for _ in range(n)]
    for run in runs:
        if run.owner is not None:
            out[run.owner].extend(run.blocks)
    return out


def _body_size(indices: Iterable[int], blocks: Sequence[Block]) -> int:
    """Characters of body text among the blocks `indices`."""
    return sum(blocks[i].size for i in indices if blocks[i].role is Role.BODY)


def _rivals(o: int, stories: Sequence[_Story], story_size: Sequence[int]) -> list[int]:
    """The stories a text of story `o` is compared with: at most MOVE_REACH heads away,
    with MOVE_MIN_TEXT characters of text, not items of a side column."""
    near = range(max(0, o - MOVE_REACH), min(len(stories), o + MOVE_REACH + 1))
    return [
        st for st in near if st != o and story_size[st] >= MOVE_MIN_TEXT and not stories[st].is_item
    ]


def _closest(
    rivals: Sequence[int], dots: Sequence[int], mine2: int, norm2: Sequence[int]
) -> tuple[int | None, float]:
    """The story of `rivals` whose topic-bigram counts are closest to a text's (cosine),
    from the text's dot product with each of them and its squared norm; None if it
    shares no bigram with any."""
    best, best_sim = None, 0.0
    for st, dot in zip(rivals, dots, strict=True):
        sim = dot / math.sqrt(mine2 * norm2[st])
        if sim > best_sim:
            best, best_sim = st, sim
    return best, best_sim


def _dot(a: Counter[str], b: Counter[str]) -> int:
    """The dot product of two counts: a look-up in the larger per key of the smaller,
    the loop in C (the topic moves and splits take thousands of them per page)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(operator.mul, a.values(), map(b.get, a.keys(), _ZEROS)))


def _dot_grams(grams: list[str], counts: Counter[str]) -> int:
    """The dot product of the counts of `grams` (a text's bigrams, each time it occurs)
    with `counts`: a look-up per occurrence, in C, without counting `grams` first."""
    return sum(map(counts.get, grams, _ZEROS))


_ZEROS = itertools.repeat(0)  # the default of each look-up of `_dot` and `_dot_grams`


def _norm2(a: Counter[str]) -> int:
    """The squared norm of counts."""
    return sum(map(operator.mul, a.values(), a.values()))


# A story with less body text than this (characters) is thin: its head group stands
# apart from its text, which column order printed after some other story's runs...
THIN_STORY = 300
# ...and it claims a run that continues no piece when at least this many of its topic
# bigrams (names, places, topic words of its head group) reappear in the run...
CLAIM_SHARED = 2
# ...and they are at least this share of the story's topic bigrams, in the paragraphs
# of the first this many characters of the stretch.
CLAIM_SHARE = 0.2
CLAIM_WINDOW = 600
# A thin story claims text printed at most this many head groups after its own.
CLAIM_REACH = 10


def _thin_story_claims(
    runs: Sequence[_Run],
    stories: Sequence[_Story],
    blocks: Sequence[Block],
    pred: dict[int, ColumnBreak],
    block_topics: _BlockTopics,
) -> dict[int, int]:
    """Stretches of text that read on from the text before them by default, but whose
    words are a thin story's: under `春运返程高峰到来`, with another story's continued text
    below it, a later paragraph about 春运 and 返程. A stretch starts a run that continues
    nothing, or a paragraph after a full stop inside a run, and goes to the run's end; it
    is weighed for the thin stories of the last `CLAIM_REACH` head groups before it.
    Returns the first block of each claimed stretch -> story."""
    body = [_body_size(b, blocks) for b in _story_blocks(runs, len(stories))]
    words: dict[int, set[str]] = {}  # the topic bigrams of a block, as a set

    def words_of(i: int) -> set[str]:
        if i not in words:
            words[i] = set(block_topics.of(i))
        return words[i]

    # A side column's item is printed in one piece under its rubric: short, not thin.
    topics: dict[int, set[str]] = {
        s: set() for s, story in enumerate(stories) if body[s] < THIN_STORY and not story.is_item
    }
    for run in runs:
        if run.owner in topics:
            for i in run.blocks:
                if blocks[i].role not in (Role.CAPTION, Role.CREDIT):
                    topics[run.owner] |= words_of(i)
    thin = [s for s, seen in topics.items() if seen]
    claims: dict[int, int] = {}
    if not thin:
        return claims
    # A thin story claims text printed after its head group, within CLAIM_REACH head
    # groups of it (and the cost stays linear on a page of thousands of stories).
    thin_set = set(thin)
    heads = [(r, run.owner) for r, run in enumerate(runs) if run.starts_story]
    head_at = [r for r, _ in heads]
    for r, run in enumerate(runs):
        if run.owner is None:
            continue
        h = bisect.bisect_left(head_at, r)  # the head groups printed before run r
        after = [
            s for _, s in heads[max(0, h - CLAIM_REACH) : h] if s in thin_set and s != run.owner
        ]
        if not after:
            continue
        text = [i for i in run.blocks if blocks[i].role is Role.BODY]
        for k, i in enumerate(text):
            if i in pred or (k == 0 and run.starts_story):
                continue
            if k and not ends_sentence(blocks[text[k - 1]].shadow):
                continue
            stretch: set[str] = set()
            size = 0
            for j in text[k:]:
                if size >= CLAIM_WINDOW:
                    break
                stretch |= words_of(j)
                size += blocks[j].size
            best, best_share = None, CLAIM_SHARE
            for s in after:
                shared = len(stretch & topics[s])
                share = shared / len(topics[s])
                if shared >= CLAIM_SHARED and share >= best_share:
                    best, best_share = s, share
            if best is not None:
                # The stretch starts at the first paragraph that shares a word with it.
                while (
                    k + 1 < len(text)
                    and text[k + 1] not in pred
                    and ends_sentence(blocks[text[k]].shadow)
                    and not words_of(text[k]) & topics[best]
                ):
                    k += 1
                claims[run.blocks[0] if k == 0 else text[k]] = best
                break
    return claims


def _reading_order(
    story_runs: list[int],
    runs: list[_Run],
    blocks: Sequence[Block],
    succ: dict[int, ColumnBreak],
    run_of: dict[int, int],
) -> list[int]:
    """Chains of runs linked by joins, the chain with the head first, then dump order."""
    mine = set(story_runs)
    nxt: dict[int, int] = {}
    has_pred: set[int] = set()
    for r in story_runs:
        last = _last_text(runs[r], blocks)
        if last in succ:
            r2 = run_of[succ[last].second]
            if r2 in mine and r2 != r and _first_text(runs[r2], blocks) == succ[last].second:
                nxt[r] = r2
                has_pred.add(r2)
    heads = [r for r in story_runs if r not in has_pred]
    heads.sort(key=lambda r: (not runs[r].starts_story, r))
    order: list[int] = []
    seen: set[int] = set()
    for h in heads + story_runs:  # story_runs again: runs caught in a cycle
        node: int | None = h
        while node is not None and node not in seen:
            seen.add(node)
            order.append(node)
            node = nxt.get(node)
    return order


def _build_article(
    story: _Story,
    order: list[int],
    blocks: Sequence[Block],
    succ: dict[int, ColumnBreak],
    pred: dict[int, ColumnBreak],
) -> Article:
    kicker: list[str] = []
    headline: list[str] = []
    subheadline: list[str] = []
    byline: str | None = None
    authors: list[Author] = []
    lead_label: str | None = None
    lead: list[str] = []
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    captions: list[Caption] = []
    joins: list[Join] = []
    in_lead = False
    body_seen = False
    pending_caption: Block | None = None

    def flush_caption() -> None:
        nonlocal pending_caption
        if pending_caption is not None:
            captions.append(Caption(pending_caption.text, None, ()))
            pending_caption = None

    mine = set(order)
    lead_blocks = _lead_box(order, blocks)
    points = _summary_points(order, blocks)
    placed: set[int] = set()
    for i in order:
        if i in placed or (i in pred and pred[i].first in mine):
            continue  # a continuation piece: its first piece's paragraph takes it
        b = blocks[i]
        role = b.role
        if role is not Role.CREDIT:
            flush_caption()
        if role is Role.KICKER:
            kicker.append(b.text)
        elif role is Role.HEADLINE:
            headline.append(b.text)
        elif role is Role.SUBHEADLINE and not body_seen:
            subheadline.append(b.text)
        elif role is Role.BYLINE and byline is None:
            byline = b.text
            authors.extend(byline_people(b.shadow, b.text) or signed_name(b.shadow, b.text) or ())
        elif role is Role.LEAD_LABEL and lead_label is None:
            m = LEAD_LABEL_RE.match(b.shadow)
            cut = m.end() if m else len(b.text)
            lead_label = b.text[:cut].rstrip()
            rest = b.text[cut:].strip()
            if rest:
                lead.append(rest)
            in_lead = True
        elif role is Role.CAPTION and b.reason == "caption_with_credit":
            m = TRAILING_CREDIT_RE.search(b.shadow)
            cut = m.start("credit") if m else len(b.text)
            credit = b.text[cut:]
            names = credit_people(b.shadow[cut:], credit)
            if story.kind == "photo":
                # A picture story's text is the story, the credit its only caption.
                sections[-1][1].append(b.text[:cut].rstrip())
                body_seen = True
                captions.append(Caption(None, credit, names))
            else:
                captions.append(Caption(b.text[:cut].rstrip(), credit, names))
        elif (
            role is Role.CAPTION
            and story.kind != "photo"
            and (m := AGENCY_NOTE_RE.search(b.shadow))
        ):
            # `…作业。（路透社）` after a photo gap: the agency credits the photo.
            flush_caption()
            captions.append(Caption(b.text[: m.start()].rstrip(), b.text[m.start() :], ()))
        elif role is Role.CAPTION:
            pending_caption = b
        elif role is Role.CREDIT:
            names = credit_people(b.shadow, b.text)
            if pending_caption is not None and not b.shadow.startswith(("本文", "本版", "本组")):
                captions.append(Caption(pending_caption.text, b.text, names))
                pending_caption = None
            else:
                flush_caption()
                captions.append(Caption(None, b.text, names))
        elif role is Role.SUBHEAD:
            in_lead = False
            if sections[-1][0] is not None and not sections[-1][1]:
                # Two title lines in a row: one subhead printed on two lines.
                sections[-1] = (f"{sections[-1][0]} {b.text}", [])
            else:
                sections.append((b.text, []))
        else:  # BODY, and heads or bylines that came late: keep their text as body
            text, chain = _paragraph(i, blocks, succ, mine)
            placed.update(chain)
            for first, second in itertools.pairwise(chain):
                j = succ[first]
                joins.append(
                    Join(blocks[first].text[-8:], blocks[second].text[:8], j.confidence, j.evidence)
                )
            if in_lead and i not in lead_blocks:
                in_lead = False
            if i in points and not body_seen:
                in_lead = True  # a lead box printed without its label
            if in_lead:
                lead.append(text)
            else:
                sections[-1][1].append(text)
                body_seen = True
    flush_caption()

    # 电头 opens the story proper, which a summary or key quotes may precede.
    opening = next(
        (
            p
            for p in [p for _, ps in sections for p in ps][:_DATELINE_WITHIN]
            if DATELINE_RE.match(shadow(p))
        ),
        None,
    )
    dateline: str | None = None
    if opening is not None and (m := DATELINE_RE.match(shadow(opening))):
        # 电头 opens the first paragraph and stays in it; the field repeats it.
        dateline = opening[: m.end()].rstrip()
        for group in ("paren", "reported"):
            if m.group(group):
                printed = opening[m.start(group) : m.end(group)]
                authors.extend(reported_people(m.group(group), printed))
        if m.group("wired"):
            printed = opening[m.start("wired") : m.end("wired")]
            authors.extend(wired_people(m.group("wired"), printed))
    paragraphs = [p for _, ps in sections for p in ps]
    if paragraphs and (m := TRAILING_AUTHOR_RE.search(shadow(paragraphs[-1]))):
        # `…排查火灾隐患三十余处。（李小川）`: who wrote it, after its last sentence.
        printed = paragraphs[-1][m.start("who") : m.end("who")]
        authors.extend(byline_people(m.group("who"), printed) or ())
    for p in paragraphs[-2:]:
        if m := AUTHOR_NOTE_RE.match(shadow(p)):
            # `（作者：王大海，系青山大学教授）` closes an essay signed at its end (a funding
            # note may follow it or stand before it).
            printed = p[m.start("who") : m.end("who")]
            authors.extend(parse_people(m.group("who"), printed) or ())
    seen_names: set[str] = set()
    unique: list[Author] = []
    for a in authors:
        if a.name not in seen_names:
            seen_names.add(a.name)
            unique.append(a)
    return Article(
        kind=story.kind,
        column=story.column,
        kicker=" ".join(kicker) or None,
        headline=" ".join(headline) or None,
        subheadline=" ".join(subheadline) or None,
        byline=byline,
        authors=tuple(unique),
        dateline=dateline,
        lead_label=lead_label,
        lead=tuple(lead),
        sections=tuple(Section(h, tuple(ps)) for h, ps in sections if h is not None or ps),
        captions=tuple(captions),
        joins=tuple(joins),
    )


def _paragraph(
    i: int, blocks: Sequence[Block], succ: dict[int, ColumnBreak], mine: set[int]
) -> tuple[str, list[int]]:
    """The paragraph that starts with block `i`, following its joins within the story."""
    chain = [i]
    while chain[-1] in succ and (nxt := succ[chain[-1]].second) in mine and nxt not in chain:
        chain.append(nxt)
    return "".join(blocks[c].text for c in chain), chain


def _lead_box(order: Sequence[int], blocks: Sequence[Block]) -> set[int]:
    """The body blocks inside a lead box (核心提示, 编者按) in reading order.

    A lead box holds bulleted points, or the paragraphs up to a subhead that follows
    within `_MAX_LEAD` paragraphs; otherwise only its first paragraph. A dateline
    paragraph is the story proper and never in the box.
    """
    out: set[int] = set()
    for k, i in enumerate(order):
        if blocks[i].role is not Role.LEAD_LABEL:
            continue
        body: list[int] = []
        for j in order[k + 1 :]:
            b = blocks[j]
            if b.role in (Role.CAPTION, Role.CREDIT):
                continue
            if b.role is not Role.BODY or DATELINE_RE.match(b.shadow):
                break
            body.append(j)
            if len(body) > _MAX_LEAD:
                break
        bullets = [j for j in body if blocks[j].shadow.startswith(BULLETS)]
        if bullets:
            out.update(j for j in body[: len(bullets)] if j in bullets)
        elif len(body) <= _MAX_LEAD:
            out.update(body)
        elif body:
            out.add(body[0])
    return out


def _summary_points(order: Sequence[int], blocks: Sequence[Block]) -> set[int]:
    """The bulleted summary points (`is_summary_point`) a story's text opens with, in
    reading order: a lead box printed without its label (`■…，…` under the head)."""
    out: set[int] = set()
    for i in order:
        b = blocks[i]
        if b.role is Role.BODY:
            if not is_summary_point(b):
                break
            out.add(i)
        elif b.role in (Role.SUBHEAD, Role.LEAD_LABEL):
            break
    return out


_MAX_LEAD = 3
# The dateline is looked for in this many first paragraphs.
_DATELINE_WITHIN = 4
