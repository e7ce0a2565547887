"""Decide what each title line is: kicker, headline, subhead, brief headline, rubric.

A short title-shaped line means different things by what surrounds it:

* before a byline, a 副题 (`——…`), a lead label or a dateline paragraph (`本报讯…`) it
  is a headline, and a title line right above it is the kicker (引题);
* under a side-column rubric (`XX时讯 PINYIN`) it is the headline of a brief;
* inside the flow of a story it is a subhead (小标题) or the headline of a story with no
  byline or dateline, as a small fitted model weighs the topic words the text after it
  shares with the story, the layout and the title itself (`title_features`);
* two title lines are kicker + headline, or headline + 副题 when the second reads like
  one (`…主持`, `…出席并讲话`); inside a story, a line ending in dashes over a title
  line (`江南小镇——`) is weighed as the second line alone, and leads into it when
  that is a subhead; a summary line between a headline and its byline is a
  副题 (deck); three or more short lines with no byline under them are a list;
* a title over bulleted summary points (`■…，…`, a lead box printed without its label)
  heads a story;
* a title followed by text continued from elsewhere heads a story whose text is
  printed elsewhere; a title after a note that closes a story (`（作者为…）`,
  `（新华社北京2月20日电）`, `（张三）`) heads the next one, and a body line ending in
  dashes right above a title (`…新增就业岗位120万个——`) is its kicker.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Mapping, Sequence, Set

from .._cjk import TopicBigrams, char_stats, load_weights
from .._patterns import (
    BULLETS,
    CAPTION_MARK_RE,
    CLOSING_DATELINE_RE,
    CLOSING_NOTE_RE,
    CUT_TITLE_MARK_RE,
    DATELINE_RE,
    DOCUMENT_DATE_RE,
    DOCUMENT_LINE_RE,
    EVENT_HEADLINE_RE,
    LEAD_IN_LINE_RE,
    MEETING_HEADLINE_RE,
    NOTICE_TITLE_RE,
    NUMBERED_HEADING_RE,
    PHOTO_RUBRIC_RE,
    PLACE_SIGNATURE_RE,
    RUBRIC_WORD_RE,
    SENTENCE_END_RE,
    SPEAKER_LABEL_RE,
    STORY_RUBRIC_RE,
    SUBTITLE_LINE_RE,
    TRAILING_AUTHOR_RE,
    ends_open,
    ends_sentence,
    is_box_label,
    section_number,
)
from .blocks import (
    TRANSPARENT,
    Block,
    Role,
    is_anchor,
    is_dateline_paragraph,
    is_summary_point,
)
from .people import byline_people, signed_name
from .repair import BRIEF_MAX_CHARS, ColumnBreak, end_features

# Text with no head of its own (printed before any headline) joins the story it shares at
# least this many of its rarer bigrams (names, places, topic words) with...
COHESION_SHARED = 3
# ...or at least this share of them.
COHESION_SHARE = 0.1
# Fewer topic bigrams than this on either side is too little text to call a new story.
_MIN_EVIDENCE = 12
# Longest summary line (deck) read as a 副题 between a headline and its byline.
MAX_DECK = 120
# A deck this short (characters) under one title line is the headline, the title line
# its kicker: a 副题 tells the details at length, a headline is short and may hold a
# comma (`这份成绩单，亮点多`). On the thirteen generated sets, 18 pages gain, none lose.
MAX_HEADLINE_DECK = 14
# ...and of one that says what a meeting discussed or a leader said (`听取…汇报；要求…`,
# `指出…`, `SUBTITLE_LINE_RE`): the 副题 of a meeting report runs to 160 characters.
MAX_REPORT_DECK = 200
# Log-odds a weighed title line needs to open a new story. The weights are fitted with
# each decision weighed by the paragraphs it puts at stake (`tools/fit_title_weights.py`):
# a headline read as a subhead merges two stories, costlier than a story cut in two at a
# subhead, and the fit has learnt that, so the bar sits at even odds (mean score of the
# four held-out generated page sets: 0.84286 at 0, 0.84265 at -0.25, 0.84157 at +0.25).
NEW_STORY_THRESHOLD = 0.0
# How much text on each side the cohesion test reads.
_COHESION_WINDOW = 600
# ...but of the story so far, its last this many characters.
_STORY_WINDOW = 4 * _COHESION_WINDOW
# Two title lines of one series differ in length by this many characters at most.
SAME_SHAPE_SLACK = 5
# Quotation marks a title line may open with (the shadow's, simplified and full-width).
OPENING_QUOTES = frozenset('“‘《「『"')


def resolve_titles(
    blocks: Sequence[Block],
    breaks: Sequence[ColumnBreak],
    record: list[tuple[int, dict[str, float]]] | None = None,
    *,
    bigrams: TopicBigrams | None = None,
    weights: Mapping[str, float] | None = None,
    decide: Callable[[Block], bool | None] | None = None,
) -> tuple[Block, ...]:
    """Turn every TITLE into KICKER, HEADLINE, SUBHEAD, RUBRIC or BODY, in context.

    `breaks` are the joins of the column-break repair: a title-shaped piece they join is
    body text, and a title followed by a piece continuing text printed elsewhere has
    its own text elsewhere (a subhead is followed by its section). `record`, if given,
    receives (title block, features) of every weighed subhead-or-headline decision
    (`tools/fit_title_weights.py` fits the weights on them). `bigrams`: the topic bigrams
    of the page's blocks, shared with the other phases (made here if not given).
    `weights`: those of the decision (the shipped `title_weights()` if not given; the
    fitting tool reads the pages with the weights it is fitting). `decide`, for
    measurement only (`benchmarks/accuracy.py --oracle-titles`): says of a title line
    that would be weighed whether it opens a story, or None to weigh it.
    """
    joined = frozenset(i for j in breaks for i in (j.first, j.second))
    continues = frozenset(j.second for j in breaks)
    first_of = {j.second: j.first for j in breaks}
    firsts = frozenset(first_of.values())
    out = _picture_story_text(list(blocks))
    # The story so far is read again at each title.
    topics = TopicBigrams(char_stats()) if bigrams is None else bigrams
    if weights is None:
        weights = title_weights()
    sig = [b.index for b in out if b.role not in TRANSPARENT]
    column: str | None = None  # "photo" or "brief" inside a side column
    item_text = 0  # characters of body text in the column's current item
    story_text: list[str] = []  # shadow text of the current story, for cohesion
    subheads: list[str] = []  # the shadows of the current story's subheads so far
    earlier: list[set[str]] = []  # the topics of the last stories before the current one
    earlier_topics: set[str] = set()  # ...together
    have_story = False
    story_bylined = False  # the current story prints a byline under its head
    p = 0
    while p < len(sig):
        b = out[sig[p]]
        if b.index in joined and b.role is Role.TITLE:
            out[b.index] = b.with_role(Role.BODY, "joined_piece")
            b = out[b.index]
        if b.role is Role.RUBRIC:
            column = "photo" if PHOTO_RUBRIC_RE.search(b.shadow) else "brief"
            have_story, story_text, item_text = False, [], 0
            p += 1
            continue
        if b.role is not Role.TITLE:
            if b.role is Role.BODY:
                if b.index in continues and column == "photo":
                    # A picture story is printed whole under its photo: a piece continued
                    # from elsewhere after it is another story's frame, and the picture
                    # column has ended.
                    column, story_text, item_text = None, [], 0
                story_text.append(b.shadow)
                item_text += b.size
                if b.index in continues and column is None:
                    # Text continued from elsewhere: inside a story's frame, whose head
                    # group is printed elsewhere on the page.
                    have_story = True
            p += 1
            continue
        q = p
        while (
            q < len(sig)
            and out[sig[q]].role is Role.TITLE
            and sig[q] not in joined
            and (q == p or not _photo_between(out, sig[q - 1], sig[q]))
        ):
            if q > p and _reads_as_sentence(out[sig[q]]):
                # `这三年，小城变了什么` over `守住“一城两带”发展定位，产业结构持续优化，…`:
                # a long line of clauses under a title line is a paragraph printed
                # without its full stop, not the headline under a kicker.
                out[sig[q]] = out[sig[q]].with_role(Role.BODY, "sentence_line")
                break
            q += 1
        titles = sig[p:q]
        after = out[sig[q]] if q < len(sig) else None
        previous = out[sig[p - 1]] if p > 0 else None
        after_sentence = (
            previous is not None and previous.role is Role.BODY and ends_sentence(previous.shadow)
        )
        if after_sentence and _place_signature(out[titles[0]].shadow):
            # `青山县南湖镇 王大海` under a letter's last sentence: the writer signs the
            # letter with place and name, its last paragraph; the letter ends there.
            out[titles[0]] = out[titles[0]].with_role(Role.BODY, "place_signature")
            continue
        if (
            after_sentence
            and len(titles) == 1
            and after is not None
            and closes_story(out, after.index, first_of)
            and not _is_document_date(after, joined)
        ):
            # `王大海` over `（作者为青山大学教授）`: a line between a story's last sentence
            # and the note that closes it is part of that close (the author's name), never
            # a head, whose text would follow it.
            out[titles[0]] = out[titles[0]].with_role(Role.BODY, "over_closing_note")
            continue
        if (
            len(titles) >= 2
            and out[titles[-1]].shadow.endswith(":")
            and after is not None
            and after.role is Role.BODY
        ):
            # `编辑同志：` under a letter's title: the salutation opens its text, as a
            # line ending so leads into the text under it (`lead_in` below).
            q -= 1
            out[sig[q]] = out[sig[q]].with_role(Role.BODY, "lead_in")
            titles, after = titles[:-1], out[sig[q]]
        if (
            (len(titles) >= 2 or (previous is not None and previous.role is Role.SUBHEADLINE))
            and after is not None
            and after.role in (Role.BODY, Role.LEAD_LABEL)
            and signed_name(out[titles[-1]].shadow, out[titles[-1]].text) is not None
        ):
            # `让好果子走出大山` (or a 副题, `——评…`) over `李小川` over the text (or over
            # the label of an essay's abstract, `内容提要`): a commentary or an essay
            # signed by its author's name alone, where a story prints its byline.
            q -= 1
            out[sig[q]] = out[sig[q]].with_role(Role.BYLINE, "signed_name")
            titles, after = titles[:-1], out[sig[q]]
            if not titles:
                p = q
                continue
        alone = _column_alone(out, titles, after, previous)
        if alone is not None:
            out[titles[0]] = out[titles[0]].with_role(Role.RUBRIC, "rubric_word")
            column = alone
            have_story, story_text, item_text = False, [], 0
            p = q
            continue
        if (
            len(titles) >= 2
            and RUBRIC_WORD_RE.fullmatch(out[titles[0]].shadow)
            and (previous is None or previous.role is not Role.RUBRIC)
        ):
            out[titles[0]] = out[titles[0]].with_role(Role.RUBRIC, "rubric_word")
            column = "photo" if PHOTO_RUBRIC_RE.search(out[titles[0]].shadow) else "brief"
            have_story, story_text, item_text = False, [], 0
            titles = titles[1:]
        if (
            len(titles) == 1
            and out[titles[0]].shadow.endswith(("—", ":"))
            and not (after is not None and is_anchor(after))
        ):
            # `从长远发展的角度看——`, `网友“青青草”：` lead into the text under them; a
            # kicker ending so stands above a headline, and this one does not.
            out[titles[0]] = out[titles[0]].with_role(Role.BODY, "lead_in")
            continue
        if (
            len(titles) >= 2
            and _later_section(out[titles[-1]].shadow)
            and not NUMBERED_HEADING_RE.match(out[titles[0]].shadow)
        ):
            # `三、打响区域品牌` under lines with no number: no story opens at its third
            # section, so the heading divides a story and the lines over it are its text
            # (a piece of a cut paragraph, `…补贴比例最高可达`), not a kicker.
            for idx in titles[:-1]:
                out[idx] = out[idx].with_role(Role.BODY, "above_section")
            titles = titles[-1:]
        long_kicker = previous is not None and _long_kicker(previous, joined)
        if long_kicker and previous is not None:  # (narrows `previous` for the checker)
            # `2018年全省新增就业岗位120万个——` over a title line: a kicker too long
            # for a title line, and the line under it the headline.
            out[previous.index] = previous.with_role(Role.KICKER, "long_kicker")
            story_text = story_text[:-1]
        after_closing = previous is not None and closes_story(out, previous.index, first_of)
        anchored = after is not None and is_anchor(after)
        dash_first = out[titles[0]].shadow.endswith("—")
        # A piece of a joined paragraph is no deck, whatever its shape.
        deck = (
            q + 1 < len(sig)
            and _is_deck(
                after,
                out[sig[q + 1]],
                out[sig[q + 2]] if q + 2 < len(sig) else None,
                report=_reports_event(out[titles[-1]].shadow),
            )
            and after is not None
            and after.index not in joined
        )
        if deck and after is not None:
            # A summary line between the headline and the byline or dateline: the 副题
            # (deck) of the story, printed without dashes.
            out[after.index] = after.with_role(Role.SUBHEADLINE, "deck")
            anchored = True
            after = out[after.index]
        elif after is not None and _is_document_date(after, joined):
            # `（2025年3月1日）` under a title: a document printed in full begins, and the
            # date line is the 副题 of its headline (read past, as a deck is).
            out[after.index] = after.with_role(Role.SUBHEADLINE, "document_date")
            anchored = deck = True
            after = out[after.index]
        following = _text_after(out, sig, q + 1 if deck else q, joined)
        # A picture story has no subheads: a title after its text heads a story, the
        # column's next item when a photo's text and credit follow it as they did.
        after_picture = column == "photo" and item_text > 0
        if column is not None and (
            (anchored and after is not None and after.role is not Role.BODY)
            or (after_picture and not _picture_item_under(out, titles[-1]))
            or (
                column == "brief"
                and not anchored
                and not _brief_item(
                    out, titles, following, sig, q + len(following), first_of, firsts
                )
            )
            or sum(map(len, following)) > BRIEF_MAX_CHARS
            or (
                column == "brief"
                and len(following) > MAX_BRIEF_PARAGRAPHS
                and q < len(sig)
                and _photo_between(out, titles[-1], sig[q])
            )
        ):
            # A story with a byline or 副题, a second item after a picture story, a
            # title with neither the dateline a brief opens with (本报讯…) nor the
            # author line it may close with (`（李小川）`), or a text longer than any
            # brief: the side column has ended.
            column = None
        if len(titles) >= 3 and not anchored:
            # A line ending in dashes stands over the line it leads into, and those two
            # are the head (or a lead-in and a subhead). First in the group, the lines
            # under them open the text: `一封写给远方家人的信——` over `守好一方平安，记挂
            # 一家冷暖` over `亲爱的爸爸妈妈：`. Last but one, the lines above them are a
            # list that ends there: names, then `全国人大代表王某——` over `车间里听民声`.
            k = 0 if dash_first else len(titles) - 2
            if out[titles[k]].shadow.endswith("—"):
                for idx in titles[:k]:
                    out[idx] = out[idx].with_role(Role.BODY, "short_lines")
                for idx in titles[k + 2 :]:
                    out[idx] = out[idx].with_role(Role.BODY, "under_head")
                titles = titles[k : k + 2]
                dash_first = True
        # `江南小镇——` over one title line: a kicker over a headline, or, inside a story,
        # a lead-in over a subhead; the line under it decides.
        lead_in = len(titles) == 2 and dash_first
        if len(titles) >= 3 and not anchored:
            # Three short lines or more with no byline or dateline under them: a list
            # (names, figures, slogans), not a head group.
            for idx in titles:
                out[idx] = out[idx].with_role(Role.BODY, "short_lines")
            p = q
            continue
        if (
            len(titles) >= 2
            and not anchored
            and have_story
            and all(out[i].shadow.startswith(BULLETS) for i in titles)
        ):
            # `■建起冷库` over `■修通产业路` inside a story: items of a list, not a kicker
            # over a headline (a head group prints no bullets on both lines).
            for idx in titles:
                out[idx] = out[idx].with_role(Role.BODY, "short_lines")
            p = q
            continue
        if anchored or column is not None or not have_story or after_picture:
            new_story = True
        elif NUMBERED_HEADING_RE.match(out[titles[0]].shadow):
            new_story = False  # `二、总体要求` divides the story it stands in
        elif NOTICE_TITLE_RE.fullmatch(out[titles[-1]].shadow):
            new_story = True  # `讣告`, `遗失声明`: a notice of its own
        elif after is not None and after.index in continues:
            new_story = True  # its text is elsewhere: a head, not a subhead
        elif long_kicker or after_closing:
            new_story = True  # under a kicker, or after a note that closes a story
        elif story_bylined and _signed_at_end(out, sig, q + len(following), following):
            # A story bylined over its text is not signed again at its end: a title over
            # text closed by its author (`…。（記者林知夏）`) heads a story of its own.
            new_story = True
        elif _picture_item_under(out, titles[-1]):
            # A title over a short text and then its photo's caption or credit, and no
            # more text: a picture story (`图片新闻` printed without its rubric), no
            # section of the story before it.
            new_story = True
        elif len(titles) == 1 and is_box_label(out[titles[0]].shadow):
            new_story = False  # `专家提醒`, `相关链接` over a box's lines inside the story
        elif len(titles) == 1 and _interview_goes_on(after, story_text):
            new_story = False  # `从卖茶叶到卖风景` over `记者：…` inside an interview
        elif len(titles) >= 2 and not lead_in:
            new_story = True  # kicker + headline: a subhead is printed on one line
        elif after is not None and is_summary_point(after):
            # `■岭下村果园扩种三百亩，…` under it: the points that sum up a story, a lead
            # box printed without its label; a section opens with its text.
            new_story = True
        elif decide is not None and (verdict := decide(out[titles[-1]])) is not None:
            new_story = verdict
        else:
            # A subhead or the headline of a story with no byline or dateline: weigh the
            # evidence (`title_features`) with the fitted weights.
            features = title_features(
                out[titles[-1]],
                story_text,
                following,
                after_open_end=previous is not None
                and previous.role is Role.BODY
                and bool(end_features(previous)[0]),
                subheads=subheads,
                later=_later_titles(out, sig, q, joined),
                after_lead=_after_lead_box(out, sig, p),
                bigrams=topics,
                above=previous.shadow if previous is not None else "",
                earlier=earlier_topics,
            )
            if record is not None:
                record.append((titles[-1], features))
            new_story = title_score(features, weights) >= NEW_STORY_THRESHOLD
        if new_story:
            subtitled = after is not None and after.role is Role.SUBHEADLINE
            roles = _head_roles([out[i].shadow for i in titles], subtitled=subtitled)
            if (
                after is not None
                and after.reason == "deck"
                and len(titles) == 1
                and after.size <= MAX_HEADLINE_DECK
            ):
                # `青山县发布2024年教育发展情况` over `这份成绩单，亮点多`: a line of clauses
                # this short is the headline, the title line over it its kicker.
                roles = [Role.KICKER]
                out[after.index] = after.with_role(Role.HEADLINE, "short_deck")
            if len(titles) == STACKED_TITLES and _dated_texts(out, sig, q) >= 2:
                # Two stories' head groups printed one over the other, then their texts,
                # each opening with its dateline: two lines each.
                roles = [
                    *_head_roles([out[i].shadow for i in titles[:2]]),
                    *_head_roles([out[i].shadow for i in titles[2:]], subtitled=subtitled),
                ]
            reason = "head_column" if column is not None else "head"
            if story_text and column is None:
                earlier = [*earlier[1 - EARLIER_STORIES :], story_topics(story_text, topics)]
                earlier_topics = set().union(*earlier)
            story_text, item_text, subheads = [], 0, []
            have_story = True
            # (Under its 副题 or deck, if any.)
            story_bylined = any(
                out[sig[j]].role is Role.BYLINE for j in range(q, min(q + 2, len(sig)))
            )
        else:
            roles = [Role.SUBHEAD] * len(titles)
            reason = "subhead"
            if lead_in:
                out[titles[0]] = out[titles[0]].with_role(Role.BODY, "lead_in")
                titles, roles = titles[1:], roles[1:]
            if len(titles) == 1 and _text_line(out[titles[0]].shadow, previous, after):
                roles, reason = [Role.BODY], "text_line"
            else:
                subheads.append(out[titles[-1]].shadow)
        for idx, role in zip(titles, roles, strict=True):
            out[idx] = out[idx].with_role(role, reason)
        p = q
    return tuple(out)


# How many paragraphs back a story's text is read for turns of an interview.
INTERVIEW_TURNS_BACK = 12


def _interview_goes_on(after: Block | None, story_text: Sequence[str]) -> bool:
    """Is a title line over a turn of an interview (`记者：…`, `问：…`) inside a story whose
    text holds turns already: a subhead of the interview, which groups its questions
    under headings, not a story of its own?"""
    return (
        after is not None
        and after.role is Role.BODY
        and bool(SPEAKER_LABEL_RE.match(after.shadow))
        and any(SPEAKER_LABEL_RE.match(t) for t in story_text[-INTERVIEW_TURNS_BACK:])
    )


# Most paragraphs of a brief printed with a photo under its title: a title over a photo
# and more text than this heads a story printed after the column.
MAX_BRIEF_PARAGRAPHS = 3


def _place_signature(s: str) -> bool:
    """Is the title-shaped line `s` a letter's signature, place and name
    (`PLACE_SIGNATURE_RE`, the name one as `signed_name` reads it)?"""
    m = PLACE_SIGNATURE_RE.match(s)
    return m is not None and signed_name(m["name"], m["name"]) is not None


def _later_section(s: str) -> bool:
    """A numbered heading of a section after the first (`二、…`, `（三）…`, `第四部分`):
    the text of its story is printed already."""
    number = section_number(s)
    return number is not None and number[1] > 1


# Longest line of a subhead: a title-shaped line inside a story longer than this (one
# line, no space between two phrases) is a sentence of the text printed without its
# stop. Of 241 such lines read as subheads on 1,495 generated pages, 3 are subheads.
MAX_SUBHEAD_LINE = 30


def _text_line(s: str, previous: Block | None, after: Block | None) -> bool:
    """A title-shaped line inside a story that is a line of its text, not a subhead: a
    question (`果子卖不出去怎么办？`, an interviewer's or a reader's, or one said in a
    story, `“爹呢？”`), an item of a list, a sentence too long for a subhead. A subhead
    names what its section is about, in a line or two. A line after a bullet is an item
    when it reads as a clause (`■建起冷库，延长果品销售期`) or stands in a list of them (a
    bullet line over or under it, or the label of a lead box over it); alone, the bullet
    marks a subhead (`■ 产业升级`, `▲项目建设提速`)."""
    if s.startswith(BULLETS):
        return (
            any(c in s for c in ",;、")
            or (previous is not None and _item_neighbour(previous))
            or (after is not None and after.shadow.startswith(BULLETS))
        )
    return s.endswith(("?", "?”")) or (" " not in s and len(s) > MAX_SUBHEAD_LINE)


def _item_neighbour(block: Block) -> bool:
    """A block over a line with a bullet that makes that line an item of a list: another
    item, or the label of the lead box the items sum up."""
    return block.shadow.startswith(BULLETS) or block.role is Role.LEAD_LABEL


# Longest kicker printed as a block of its own that is too long for a title line.
MAX_LONG_KICKER = 80


def _long_kicker(block: Block, joined: frozenset[int]) -> bool:
    """A body block that reads as a kicker: one clause ending in dashes, no full stop,
    not indented (an indented line is a paragraph, such as the lead-in `看前景——` over
    a subhead)."""
    s = block.shadow
    return (
        block.role is Role.BODY
        and not block.indented
        and block.index not in joined
        and block.size <= MAX_LONG_KICKER
        and s.endswith("—")
        and not any(c in s for c in "。!?;")
        and not DATELINE_RE.match(s)
    )


def closes_story(blocks: Sequence[Block], i: int, first_of: dict[int, int]) -> bool:
    """Does block `i` end the paragraph of a note that closes a story?"""
    if blocks[i].role not in (Role.BODY, Role.BYLINE):
        return False
    if blocks[i].reason in ("picture_text_credit", "place_signature"):
        # `王小明图 李大华文` under a cartoon and its words; a letter's writer
        return True
    pieces = [blocks[i].shadow]
    while i in first_of and len(pieces) < 4:
        i = first_of[i]
        pieces.append(blocks[i].shadow)
    text = "".join(reversed(pieces)).strip()
    return bool(CLOSING_NOTE_RE.match(text) or CLOSING_DATELINE_RE.match(text))


# A title-shaped line this long with a comma, semicolon or colon inside reads as a
# sentence when it stands under another title line: kicker + headline pairs of the
# generated training pages never have one as the headline, title + one-line paragraph
# pairs mostly do (33 of 52).
MIN_SENTENCE_LINE = 20


def _reads_as_sentence(block: Block) -> bool:
    s = block.shadow
    return block.size >= MIN_SENTENCE_LINE and any(c in s for c in ",;:")


def _reports_event(title: str) -> bool:
    """Does a headline report a meeting or an event done (`县政府召开常务会议`,
    `岭下村果品节开幕`)? Its 副题 says what was decided or said, at length and often
    without a stop. (A document's news, `…印发《…》`, prints its summary as text: taken
    for a deck, it cost 0.0006 on the generated sets.)"""
    return bool(MEETING_HEADLINE_RE.search(title) or EVENT_HEADLINE_RE.search(title))


def _is_deck(
    block: Block | None, next_block: Block, then: Block | None, *, report: bool = False
) -> bool:
    """A body block right under a headline that reads as a summary, with the story's
    byline, lead label (`核心阅读`) or dateline paragraph printed after it (`next_block`,
    and `then` the block after that).

    Over a byline or a lead label, the block may end without a stop, as a 副题 does
    (`新品种试种成功，全村三百户果农人均增收两千元`): only the head group stands between a
    headline and its byline or lead box, so no column break cut it there, unless it ends
    open (`…，`). The story's text must follow, and the byline must not be one that
    closes a story (`（王大海）`): else the block is the text of a story of one paragraph
    over its closing author line. Over a dateline paragraph it must end a sentence
    somewhere, unless it opens as the 副题 of a meeting report does (`听取…`, `指出…`) or
    the headline reports a meeting or an event (`report`, `_reports_event`): a piece that
    stops short there may be the last of another story's frame. Such a 副题 may run to
    `MAX_REPORT_DECK` characters."""
    if block is None or block.role is not Role.BODY:
        return False
    s = block.shadow
    opens_report = report or SUBTITLE_LINE_RE.search(s) is not None
    if block.size > (MAX_REPORT_DECK if opens_report else MAX_DECK):
        return False
    if DATELINE_RE.match(s):
        return False  # the story proper
    if next_block.role in (Role.BYLINE, Role.LEAD_LABEL):
        return (
            not ends_open(s)
            and not next_block.shadow.startswith("(")
            and then is not None
            and then.role in (Role.BODY, Role.LEAD_LABEL)
        )
    if end_features(block)[0] and not SENTENCE_END_RE.search(s) and not opens_report:
        return False  # a piece cut by a column break
    return is_dateline_paragraph(next_block)


def _is_document_date(block: Block, joined: Set[int]) -> bool:
    """A body block that is a document's date line (`DOCUMENT_DATE_RE`), not a piece of a
    joined paragraph."""
    return (
        block.role is Role.BODY
        and block.index not in joined
        and DOCUMENT_DATE_RE.match(block.shadow) is not None
    )


def _photo_between(blocks: Sequence[Block], i: int, j: int) -> bool:
    """A caption or credit stands between blocks i and j: they are not one title group."""
    return any(blocks[k].role in (Role.CAPTION, Role.CREDIT) for k in range(i + 1, j))


def _picture_story_text(out: list[Block]) -> list[Block]:
    """Under a picture rubric (`图说`), the text under the photo is the story's body,
    not a caption: the credit line is the photo's only caption."""
    photo = False
    seen_title = seen_text = False
    for i, b in enumerate(out):
        if b.role is Role.RUBRIC or _photo_rubric_word(out, i):
            photo = bool(PHOTO_RUBRIC_RE.search(b.shadow))
            seen_title = seen_text = False
        elif not photo:
            continue
        elif b.role is Role.TITLE:
            if seen_text and not _picture_item_under(out, i):
                photo = False  # a story after the item: the picture column has ended
            seen_title, seen_text = True, False
        elif b.role is Role.CAPTION and seen_title:
            # A line opening as a caption (`图为…`) stays one; a caption with its credit
            # in the same block is split by the assemble phase.
            if b.reason != "caption_with_credit" and not CAPTION_MARK_RE.match(b.shadow):
                out[i] = b.with_role(Role.BODY, "picture_story_text")
            seen_text = True
        elif b.role is Role.BODY:
            seen_text = True
    return out


def _column_alone(
    out: Sequence[Block], titles: Sequence[int], after: Block | None, previous: Block | None
) -> str | None:
    """The kind of column ("photo" or "brief") a title line alone names without
    decoration, or None: `图说` right over a photo's caption or credit (a picture column
    whose item is the photo alone), `简讯` right over a paragraph that ends (briefs
    printed without titles, each closed by its author, `…。（李小川）`, which the assembly
    tells apart). Under a rubric such a line is an item's title (`图片报道`), and so is a
    column word over a line that ends no sentence (an indented item title)."""
    if len(titles) != 1 or (previous is not None and previous.role is Role.RUBRIC):
        return None
    if _names_photo_column(out, titles[0]):
        return "photo"
    s = out[titles[0]].shadow
    if (
        RUBRIC_WORD_RE.fullmatch(s)
        and not PHOTO_RUBRIC_RE.search(s)
        and not STORY_RUBRIC_RE.search(s)
        and after is not None
        and after.role is Role.BODY
        and (SENTENCE_END_RE.search(after.shadow) or TRAILING_AUTHOR_RE.search(after.shadow))
    ):
        return "brief"
    return None


def _names_photo_column(out: Sequence[Block], i: int) -> bool:
    """A title line that names a picture column without decoration (`图说`, `图片新闻`)
    right over a photo's caption or credit, with no text under them: text there would
    make the line the title of a story told beside its photo."""
    b = out[i]
    if not (
        i + 1 < len(out)
        and out[i + 1].role in (Role.CAPTION, Role.CREDIT)
        and PHOTO_RUBRIC_RE.search(b.shadow)
        and RUBRIC_WORD_RE.fullmatch(b.shadow)
    ):
        return False
    k = i + 1
    while k < len(out) and out[k].role in TRANSPARENT:
        k += 1
    return k == len(out) or out[k].role is not Role.BODY


# An item of a picture column: at most this many paragraphs and characters of text
# between its title and its photo's credit.
MAX_PICTURE_ITEM_TEXT = 2
MAX_PICTURE_ITEM_CHARS = 200


def _picture_item_under(out: Sequence[Block], i: int) -> bool:
    """Does an item of a picture column follow title line `i`: a short text, its photo's
    caption or credit, and then no more text (`梨花节开幕` / `3月1日，…` /
    `（王大海 摄）`, then the next item's title)? A story that opens with a photo prints
    it under its head, or goes on with its text after it."""
    paragraphs = chars = 0
    photo = False
    for b in out[i + 1 :]:
        if b.role is Role.FURNITURE:
            continue
        # The item's text right under its title reads as a caption over the credit.
        text = b.role is Role.BODY or (b.role is Role.CAPTION and not paragraphs and not photo)
        if not text and b.role in (Role.CAPTION, Role.CREDIT):
            if not paragraphs:
                return False  # a photo under the head of a story, then its text
            photo = True
            continue
        if photo:
            return b.role in (Role.TITLE, Role.RUBRIC)
        if not text:
            return False
        paragraphs, chars = paragraphs + 1, chars + b.size
        if paragraphs > MAX_PICTURE_ITEM_TEXT or chars > MAX_PICTURE_ITEM_CHARS:
            return False
    return photo


def _photo_rubric_word(out: list[Block], i: int) -> bool:
    """A title line that names a picture column without decoration (`图片新闻`), with the
    item's title under it: the rubric the loop of `resolve_titles` will find there."""
    b = out[i]
    if b.role is not Role.TITLE or not PHOTO_RUBRIC_RE.search(b.shadow):
        return False
    if not RUBRIC_WORD_RE.fullmatch(b.shadow):
        return False
    # The nearest blocks that are no caption, credit or furniture, each way (walked by
    # index: a page of many such lines costs no more than its length).
    j = i - 1
    while j >= 0 and out[j].role in TRANSPARENT:
        j -= 1
    if j >= 0 and out[j].role is Role.RUBRIC:
        return False  # `图说` / `图片报道`: the item's title under a rubric
    k = i + 1
    while k < len(out) and out[k].role in TRANSPARENT:
        k += 1
    return k < len(out) and out[k].role is Role.TITLE


TITLE_FEATURES = (
    "bias",
    "after_open_end",  # the text before the title stops mid-sentence (a frame ends)
    "shared",  # log(1 + topic bigrams shared by the text after it and the story so far)
    "share",  # ...as a share of the text after it
    "shared_other",  # log(1 + those shared with the `EARLIER_STORIES` stories before it)
    "after_topics",  # log(1 + topic bigrams of the text after it)
    "story_topics",  # log(1 + topic bigrams of the story so far)
    "after_length",  # log(1 + characters of text after it, up to the next title)
    "story_length",  # log(1 + characters of the story so far)
    "title_length",  # characters of the title / 10
    "title_question",  # the title ends with a question mark
    "title_digit",  # the title holds a digit
    "subheads",  # log(1 + subheads the story has had so far)
    "title_in_story",  # log(1 + topic bigrams of the title the story so far used already)
    "like_subhead",  # shaped like one of the story's subheads so far (`_same_shape`)
    "like_later",  # ...like one of the next title lines set alone (`_later_titles`)
    "like_series",  # ...like either
    "after_lead",  # the text above it is a lead box's (`核心提示`, `编者按`): the body begins
    "title_long",  # the title has LONG_TITLE characters or more
    "title_short",  # ...fewer than SHORT_TITLE
    "title_comma",  # the title holds a comma (`守住水土，带富乡亲`): a subhead's two clauses
    "title_space",  # ...a space between two phrases (`抓项目 稳增长`)
    "title_book",  # ...a book title (`《…》`): the news of a document, a work
    "title_dash",  # ...a dash inside (`老街——新景`)
    "above_exclaim",  # the text above it ends with an exclamation mark
    "above_quote",  # ...with a closing quotation mark (a quote closes a section)
    "after_quote",  # the text under it opens with a quotation mark
)

# A title line this long or longer, with no byline or dateline under it, is rarely a
# story's headline: 5 of 1,155 such lines of 1,500 generated pages of the training dates
# are, 32% of the lines of 8 to 19 characters, 22% of the shorter ones.
LONG_TITLE = 20
SHORT_TITLE = 8


def title_features(
    title: Block,
    story: Sequence[str],
    following: Sequence[str],
    *,
    after_open_end: bool,
    subheads: Sequence[str],
    later: Sequence[str] = (),
    after_lead: bool = False,
    bigrams: TopicBigrams,
    above: str = "",
    earlier: Set[str] = frozenset(),
) -> dict[str, float]:
    """What speaks for "this title line opens a new story" rather than a subhead.

    `story` and `following` are the shadows of the blocks of the story so far and of the
    text under the title; the story is read to its last `_STORY_WINDOW` characters, the
    topics of the text under the title in its first `_COHESION_WINDOW`. `subheads` are
    the shadows of the story's subheads so far, `later` those of the next title lines
    set alone (`_later_titles`); `after_lead`: the text above the title is that of a lead
    box (`_after_lead_box`); `above`: the shadow of the block above the title;
    `earlier`: the topic bigrams of the stories before the current one.
    """
    before, after = story_topics(story, bigrams), following_topics(following, bigrams)
    shared = len(after & before)
    s = title.shadow
    like_subhead = any(_same_shape(s, other) for other in subheads)
    like_later = any(_same_shape(s, other) for other in later)
    return {
        "bias": 1.0,
        "after_open_end": float(after_open_end),
        "shared": math.log1p(shared),
        "share": shared / len(after) if after else 0.0,
        "shared_other": math.log1p(len(after & earlier)),
        "after_topics": math.log1p(len(after)),
        "story_topics": math.log1p(len(before)),
        "after_length": math.log1p(sum(map(len, following))),
        "story_length": math.log1p(_size_of_tail(story, _STORY_WINDOW)),
        "title_length": title.size / 10,
        "title_question": float(s.endswith("?")),
        "title_digit": float(any(c.isdigit() for c in s)),
        "subheads": math.log1p(len(subheads)),
        "like_subhead": float(like_subhead),
        "like_later": float(like_later),
        "like_series": float(like_subhead or like_later),
        "after_lead": float(after_lead),
        "title_in_story": math.log1p(len(set(bigrams.of(s)) & before)),
        "title_long": float(title.size >= LONG_TITLE),
        "title_short": float(title.size < SHORT_TITLE),
        "title_comma": float("," in s),
        "title_space": float(" " in s),
        "title_book": float("《" in s),
        "title_dash": float("—" in s),
        "above_exclaim": float(above.endswith("!")),
        "above_quote": float(above.endswith("”")),
        "after_quote": float(bool(following) and following[0].startswith("“")),
    }


# How many stories before the current one `shared_other` reads: their topic bigrams
# together. (Eight give the same figures; the cost stays bounded on a page of hundreds.)
EARLIER_STORIES = 4

# How many of the next title lines set alone `like_later` compares a title with, and how
# many blocks ahead it looks for them.
LATER_TITLES = 3
LATER_REACH = 60


def _later_titles(
    blocks: Sequence[Block], sig: Sequence[int], q: int, joined: frozenset[int]
) -> list[str]:
    """The shadows of the next `LATER_TITLES` title lines after position `q` of `sig`
    (within `LATER_REACH` blocks) that stand alone in the text: no other title line, byline,
    副题, lead label or dateline paragraph next to them, no column-break piece; a lead-in
    ending in dashes above one (`看变化——`) is part of the series. A story's subheads are
    set as a series, so a title shaped like the subheads still to come is likelier one of
    them; the headline of another story is set otherwise."""
    out: list[str] = []
    start = sig[q - 1] if q > 0 else 0
    for k in range(q, len(sig)):
        i = sig[k]
        if i - start > LATER_REACH or len(out) == LATER_TITLES:
            break
        b = blocks[i]
        if b.role is not Role.TITLE or i in joined:
            continue
        before = blocks[sig[k - 1]] if k > 0 else None
        after = blocks[sig[k + 1]] if k + 1 < len(sig) else None
        if (
            before is not None and before.role is Role.TITLE and not before.shadow.endswith("—")
        ) or (after is not None and (after.role is Role.TITLE or is_anchor(after))):
            continue
        out.append(b.shadow)
    return out


def _after_lead_box(blocks: Sequence[Block], sig: Sequence[int], p: int) -> bool:
    """Is the text above position `p` of `sig` the text of a lead box: body blocks under a
    lead label (`核心提示`, `编者按`)? A lead box stands between a story's head group and
    its body, so a title line under it opens the body (a subhead), not another story.
    (Each body block is walked once, by the title after it.)"""
    k = p - 1
    while k >= 0 and blocks[sig[k]].role is Role.BODY:
        k -= 1
    return k >= 0 and k < p - 1 and blocks[sig[k]].role is Role.LEAD_LABEL


def _same_shape(title: str, other: str) -> bool:
    """Two title lines set alike: the subheads of one story are printed as a series
    (`“一线”攻坚克难 守护青山绿水`, `“三新”协同发力 激活发展动能`): both open with a
    quotation mark or neither, both have a space between two phrases or neither, and
    their lengths differ by `SAME_SHAPE_SLACK` characters at most."""
    return (
        (title[:1] in OPENING_QUOTES) == (other[:1] in OPENING_QUOTES)
        and (" " in title) == (" " in other)
        and abs(len(title) - len(other)) <= SAME_SHAPE_SLACK
    )


@functools.lru_cache(maxsize=1)
def title_weights() -> dict[str, float]:
    """The fitted weights of `TITLE_FEATURES` (package data), loaded once."""
    return load_weights("title_weights.json", TITLE_FEATURES)


def title_score(features: dict[str, float], weights: Mapping[str, float]) -> float:
    """Log-odds that the title opens a new story."""
    return sum(weights[k] * v for k, v in features.items())


def _size_of_tail(parts: Sequence[str], size: int) -> int:
    """len("".join(parts)[-size:]), reading only the last parts (a story with many
    subheads is weighed at each of them)."""
    total = 0
    for part in reversed(parts):
        total += len(part)
        if total >= size:
            return size
    return total


# Two title lines are headline + 副题 when the second is much the longer: a headline
# states the news in a few words, the 副题 under it tells the details (`岭下村果园扩种
# 三百亩` over `新品种试种成功，全村果农人均增收两千元`), and a kicker is seldom much
# longer than the headline under it. The second line must be at least SUBTITLE_RATIO
# times as long as the first and SUBTITLE_MIN_CHARS long, the first HEADLINE_MIN_CHARS
# long: a short first line is a label over the headline (`数读`, `两部门`), a kicker.
# On the two-line head groups of 1,617 stories of held-out generated pages (dashed 副题
# aside), the roles are right for 94.4% instead of 90.6%.
SUBTITLE_RATIO = 1.5
SUBTITLE_MIN_CHARS = 16
HEADLINE_MIN_CHARS = 8


def _head_roles(lines: Sequence[str], *, subtitled: bool = False) -> list[Role]:
    """The roles of the lines of a story's title group (their shadows); `subtitled`: a
    副题 stands under them (dashed, a deck or a document's date).

    One line is a headline; two are kicker + headline, or headline + 副题 when the
    second reads as the 副题 of a meeting or policy report (`王大海出席并讲话`), or the
    first reports an event done (`岭下村果品节开幕` over `首批果品发往外地`) and the
    second is neither the document it issued nor two phrases set apart by a space
    (`EVENT_HEADLINE_RE`), or the second is much the longer (`_long_under`) and neither
    line leads into the next (`LEAD_IN_LINE_RE`), the second names no document
    (`DOCUMENT_LINE_RE`) and no 副题 follows (over one, two lines are kicker +
    headline); more add subheadlines."""
    if len(lines) == 1:
        return [Role.HEADLINE]
    if len(lines) == 2:
        first, second = lines
        if SUBTITLE_LINE_RE.search(second) or (
            (EVENT_HEADLINE_RE.search(first) or MEETING_HEADLINE_RE.search(first))
            and not LEAD_IN_LINE_RE.search(first)
            and not second.startswith(("《", "关于"))
            and " " not in second
        ):
            return [Role.HEADLINE, Role.SUBHEADLINE]
        if (
            not subtitled
            and _long_under(first, second)
            and not LEAD_IN_LINE_RE.search(first)
            and not LEAD_IN_LINE_RE.search(second)
            and not DOCUMENT_LINE_RE.match(second)
        ):
            return [Role.HEADLINE, Role.SUBHEADLINE]
    return [Role.KICKER, Role.HEADLINE] + [Role.SUBHEADLINE] * (len(lines) - 2)


# Title lines of two stories' head groups printed one over the other (two each).
STACKED_TITLES = 4


def _dated_texts(blocks: Sequence[Block], sig: Sequence[int], q: int) -> int:
    """How many paragraphs opening with a dateline the text from position `q` holds, up
    to the next title line or rubric."""
    n = 0
    while q < len(sig) and blocks[sig[q]].role not in (Role.TITLE, Role.RUBRIC):
        n += blocks[sig[q]].role is Role.BODY and is_dateline_paragraph(blocks[sig[q]])
        q += 1
    return n


def _long_under(first: str, second: str) -> bool:
    """Is the title line `second` much longer than `first` above it (spaces aside)?"""
    head, size = len(first.replace(" ", "")), len(second.replace(" ", ""))
    return head >= HEADLINE_MIN_CHARS and size >= max(SUBTITLE_MIN_CHARS, SUBTITLE_RATIO * head)


# The shortest title of a brief without a dateline (`_brief_item`), in characters.
MIN_SIGNED_TITLE = 6
# The text of a brief printed unsigned under its title (`_brief_item`), in characters:
# a sentence or two; shorter, it is more often the rest of a cut paragraph.
MIN_UNSIGNED_ITEM = 30
MAX_UNSIGNED_ITEM = 300


def _brief_item(
    blocks: Sequence[Block],
    titles: Sequence[int],
    text: Sequence[str],
    sig: Sequence[int],
    k: int,
    first_of: Mapping[int, int],
    firsts: Set[int],
) -> bool:
    """Is the title line over `text` (`_text_after`, which position `k` follows) a
    brief's, one whose text is closed by its author, as the briefs of a column without
    datelines are: in brackets after its last sentence (`…。（李小川）`) or on a line of its
    own (`（李小川）`, `记者 王大海`)? Or one printed unsigned over one short paragraph
    and the next item's title (`first_of`, `firsts`: the page's joins, second piece ->
    first, and the first pieces, which tell a paragraph in pieces)? A brief's title is
    one line of six characters or more with no comma or stop (a colon may set a speaker
    apart, `警方提醒：…`): a shorter line, or one with such a mark, is more often the end
    of a cut paragraph (`在果园里`). (A text longer than a brief ends the column
    anyway.)"""
    title = blocks[titles[0]]
    if len(titles) != 1 or title.size < MIN_SIGNED_TITLE or CUT_TITLE_MARK_RE.search(title.shadow):
        return False
    if not text:
        return False
    if TRAILING_AUTHOR_RE.search(text[-1]):
        return True
    if k < len(sig) and blocks[sig[k]].role is Role.BYLINE:
        return True
    # Unsigned, as an evening paper prints its briefs: one short paragraph, whole (its
    # pieces, if a column cut it, joined to one another and to nothing else), then the
    # next item's title (or the column's end).
    pieces = sig[k - len(text) : k]
    one_paragraph = pieces[0] not in first_of and all(
        first_of.get(b) == a for a, b in itertools.pairwise(pieces)
    )
    return (
        one_paragraph
        and pieces[-1] not in firsts
        and MIN_UNSIGNED_ITEM <= sum(map(len, text)) <= MAX_UNSIGNED_ITEM
        and ends_sentence(text[-1])
        and (k >= len(sig) or blocks[sig[k]].role in (Role.TITLE, Role.RUBRIC))
    )


def _signed_at_end(
    blocks: Sequence[Block], sig: Sequence[int], k: int, text: Sequence[str]
) -> bool:
    """Does `text` (`_text_after`, which position `k` follows) end with its author, in
    brackets after its last sentence (`…。（記者林知夏）`) or on a line of its own in
    brackets (`（記者 林知夏）`)?"""
    if not text:
        return False
    if TRAILING_AUTHOR_RE.search(text[-1]):
        return True
    if k < len(sig):
        # One or two names: a roundup's sections close with their reporters' names,
        # `（本报记者王大海、李小川、林知夏）`, inside a story bylined over its text.
        b = blocks[sig[k]]
        bracketed = b.shadow.startswith("(") and b.shadow.endswith(")")
        people = byline_people(b.shadow, b.text) if bracketed else None
        return b.role is Role.BYLINE and people is not None and len(people) <= 2
    return False


def _text_after(blocks: Sequence[Block], sig: Sequence[int], q: int, joined: Set[int]) -> list[str]:
    """Body text after position `q` up to the next title line, at most a brief's length
    (the shadows of its blocks). A title-shaped piece of a joined paragraph (`joined`) is
    text (`…防范电讯诈`), as the loop of `resolve_titles` will make it."""
    parts: list[str] = []
    size = 0
    while q < len(sig) and size <= BRIEF_MAX_CHARS:
        b = blocks[sig[q]]
        if b.role is not Role.BODY and not (b.role is Role.TITLE and b.index in joined):
            break
        parts.append(b.shadow)
        size += b.size
        q += 1
    return parts


def story_topics(story: Sequence[str], bigrams: TopicBigrams) -> set[str]:
    """The topic bigrams of the end of a story (the shadows of its blocks), as the
    cohesion tests read it."""
    return bigrams.tail(story, _STORY_WINDOW)


def following_topics(following: Sequence[str], bigrams: TopicBigrams) -> set[str]:
    """The topic bigrams of the start of a text (the shadows of its blocks), as the
    cohesion tests read it."""
    return bigrams.head(following, _COHESION_WINDOW)


def cohesion_of(before: set[str], after: set[str]) -> tuple[int, float]:
    """How many of the topic bigrams `after` of a following text the story (`before`)
    used already, and what share of them that is."""
    if not after:
        return 0, 0.0
    shared = len(after & before)
    return shared, shared / len(after)


def same_story_of(before: set[str], after: set[str]) -> bool:
    """Does the following text read as more of the story? Too little text to tell
    says yes."""
    if len(after) < _MIN_EVIDENCE or len(before) < _MIN_EVIDENCE:
        return True
    shared, share = cohesion_of(before, after)
    return shared >= COHESION_SHARED or share >= COHESION_SHARE
