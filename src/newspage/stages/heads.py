"""Decide what each title line is: kicker, headline, subhead, brief headline, rubric.

A short title-shaped line means different things by what surrounds it:

* before a byline, a 副题 (`——…`), a lead label or a dateline paragraph (`本报讯…`) it
  is a headline, and a title line right above it is the kicker (引题);
* under a side-column rubric (`XX时讯 PINYIN`) it is the headline of a brief;
* inside the flow of a story it is a subhead (小标题), unless the text after it shares
  nothing with the story so far: then a new story begins (lexical cohesion).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from .._cjk import CharStats, char_stats
from .._patterns import DATELINE_RE, RUBRIC_WORD_RE
from .blocks import Block, Role

# Skipped when looking for the block after a title: photos sit anywhere.
_TRANSPARENT = (Role.CAPTION, Role.CREDIT, Role.FURNITURE)
# The text after a title line continues the story when it shares at least this many of
# its rarer bigrams (names, places, topic words) with the story so far...
COHESION_SHARED = 4
# ...or at least this share of them.
COHESION_SHARE = 0.1
_HAN_RUN_RE = regex.compile(r"\p{Han}{2,}")
# Fewer topic bigrams than this on either side is too little text to call a new story.
_MIN_EVIDENCE = 12
# How much text on each side the cohesion test reads.
_COHESION_WINDOW = 600


def is_dateline_paragraph(block: Block) -> bool:
    return block.role is Role.BODY and bool(DATELINE_RE.match(block.shadow))


def is_anchor(block: Block) -> bool:
    """Blocks that only follow a headline: byline, 副题, lead label, dateline paragraph."""
    return block.role in (Role.BYLINE, Role.SUBHEADLINE, Role.LEAD_LABEL) or is_dateline_paragraph(
        block
    )


def resolve_titles(blocks: Sequence[Block], joined: frozenset[int]) -> tuple[Block, ...]:
    """Turn every TITLE into KICKER, HEADLINE, SUBHEAD, RUBRIC or BODY, in context.

    `joined` holds the blocks that the column-break repair made part of a paragraph;
    a title-shaped piece among them is body text.
    """
    out = list(blocks)
    stats = char_stats()
    sig = [b.index for b in out if b.role not in _TRANSPARENT]
    in_column = False
    story_text: list[str] = []  # shadow text of the current story, for cohesion
    have_story = False
    p = 0
    while p < len(sig):
        b = out[sig[p]]
        if b.index in joined and b.role is Role.TITLE:
            out[b.index] = attrs.evolve(b, role=Role.BODY, reason="joined_piece")
            b = out[b.index]
        if b.role is Role.RUBRIC:
            in_column, have_story, story_text = True, False, []
            p += 1
            continue
        if b.role is not Role.TITLE:
            if b.role is Role.BODY:
                story_text.append(b.shadow)
            p += 1
            continue
        q = p
        while q < len(sig) and out[sig[q]].role is Role.TITLE and sig[q] not in joined:
            q += 1
        titles = sig[p:q]
        after = out[sig[q]] if q < len(sig) else None
        if len(titles) >= 2 and RUBRIC_WORD_RE.fullmatch(out[titles[0]].shadow):
            out[titles[0]] = attrs.evolve(out[titles[0]], role=Role.RUBRIC, reason="rubric_word")
            in_column, have_story, story_text = True, False, []
            titles = titles[1:]
        anchored = after is not None and is_anchor(after)
        if (
            anchored
            and after is not None
            and after.role in (Role.BYLINE, Role.SUBHEADLINE, Role.LEAD_LABEL)
        ):
            in_column = False  # a full story head ends a side column
        if anchored or in_column or not have_story:
            new_story = True
        else:
            following = _text_after(out, sig, q)
            new_story = not same_story("".join(story_text), following, stats)
        if new_story:
            roles = _head_roles(len(titles))
            full = anchored and after is not None and after.role is not Role.BODY
            reason = "head_full" if full else ("head_column" if in_column else "head")
            story_text = []
            have_story = True
        else:
            roles = [Role.SUBHEAD] * len(titles)
            reason = "subhead_cohesion"
        for idx, role in zip(titles, roles, strict=True):
            out[idx] = attrs.evolve(out[idx], role=role, reason=reason)
        p = q
    return tuple(out)


def _head_roles(n: int) -> list[Role]:
    """One title line is a headline; two are kicker + headline; more add subheadlines."""
    if n == 1:
        return [Role.HEADLINE]
    return [Role.KICKER, Role.HEADLINE] + [Role.SUBHEADLINE] * (n - 2)


def _text_after(blocks: Sequence[Block], sig: Sequence[int], q: int) -> str:
    parts: list[str] = []
    size = 0
    while q < len(sig) and size < _COHESION_WINDOW:
        b = blocks[sig[q]]
        if b.role is not Role.BODY:
            break
        parts.append(b.shadow)
        size += b.size
        q += 1
    return "".join(parts)


def topic_bigrams(text: str, stats: CharStats) -> set[str]:
    """The rarer Han bigrams of `text`: names, places, topic words."""
    pairs: set[str] = set()
    for run in _HAN_RUN_RE.findall(text):
        pairs.update(run[i : i + 2] for i in range(len(run) - 1))
    return pairs - stats.common


def cohesion(story: str, following: str, stats: CharStats) -> tuple[int, float]:
    """How many of the topic bigrams of `following` the story used already, and what
    share of them that is."""
    after = topic_bigrams(following[:_COHESION_WINDOW], stats)
    if not after:
        return 0, 0.0
    before = topic_bigrams(story[-4 * _COHESION_WINDOW :], stats)
    shared = len(after & before)
    return shared, shared / len(after)


def same_story(story: str, following: str, stats: CharStats) -> bool:
    """Does `following` read as more of `story`? Too little text to tell says yes."""
    after = topic_bigrams(following[:_COHESION_WINDOW], stats)
    if (
        len(after) < _MIN_EVIDENCE
        or len(topic_bigrams(story[-4 * _COHESION_WINDOW :], stats)) < _MIN_EVIDENCE
    ):
        return True
    shared, share = cohesion(story, following, stats)
    return shared >= COHESION_SHARED or share >= COHESION_SHARE
