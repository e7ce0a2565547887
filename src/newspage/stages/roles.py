"""Give each block a role: first alone, then revised with its neighbours.

The first pass looks at one block and asks the patterns of the trade (`_patterns.py`):
furniture, rubric, lead label, 副题, credit, byline, caption marks, title shape. The
second pass uses neighbours, as a layout editor reads a page: the block above a credit
line is its caption, a short sentence alone after a photo gap is a caption, a line
opening with dashes after body text is an item of a list, not a 副题. Which title
line is a headline, a kicker or a subhead is left to the heads phase (`heads.py`), which
sees the joins and the story structure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from .._patterns import (
    AGENCY_NOTE_RE,
    CAPTION_MARK_HINT_RE,
    CAPTION_MARK_RE,
    CLOSING_DATELINE_RE,
    CLOSING_NOTE_RE,
    COMMENTATOR_RE,
    CONTENTS_LINE_RE,
    CONTINUATION_START_RE,
    CREDIT_HINT_RE,
    CREDIT_RE,
    CROSS_REFERENCE_RE,
    DASH_LINE_RE,
    DATE_LINE_RE,
    DATELINE_RE,
    DESK_NAME_RE,
    EDGE_FURNITURE_RE,
    EDGE_NAME_RE,
    FIGURE_LINE_RE,
    FURNITURE_HINT_RE,
    FURNITURE_RE,
    LAW_ARTICLE_RE,
    LEAD_LABEL_OPENERS,
    LEAD_LABEL_RE,
    LEAD_LABELS,
    LISTING_LINE_RE,
    NAMELESS_BYLINE_RE,
    PAIRED_MARKS,
    PICTURE_TEXT_CREDIT_RE,
    RUBRIC_PINYIN_RE,
    SENTENCE_CLAUSE_RE,
    SIGNER_DATE_LINE_RE,
    SPEAKER_LABEL_RE,
    TRAILING_CREDIT_HINT_RE,
    TRAILING_CREDIT_RE,
    ends_open,
    ends_sentence,
    is_reporter_rubric,
)
from .blocks import TRANSPARENT, Block, LineKind, Role
from .people import byline_people, credit_people

Classifier = Callable[[Block], "Role | None"]
"""Context-free rule: look at one block, return its role or None to pass."""

# Longest title line, in printed characters. Headlines of 人民日报 run to about 30;
# two-part headlines with a space to about 40.
MAX_TITLE = 40
# Fewest Han characters in a title line (`MIN_TITLE_HAN` of them, the first and the last
# with anything but Han between them: one search, not a count of them all).
MIN_TITLE_HAN = 2
_TITLE_HAN_RE = regex.compile(rf"\p{{Han}}(?:\P{{Han}}*\p{{Han}}){{{MIN_TITLE_HAN - 1}}}")
# Longest line of page furniture (an editors' line with several names).
MAX_FURNITURE = 80
# Longest byline or credit line.
MAX_BYLINE = 40
# Longest caption found alone after a photo gap, without a credit or caption mark.
MAX_GAP_CAPTION = 80
# Longest block above a credit line still read as its caption.
MAX_CREDITED_CAPTION = 160


def furniture(block: Block) -> Role | None:
    """`责任编辑：张三`, `2019年2月15日 星期五`, `第3版`, `（下转第二版）`."""
    s = block.shadow
    if block.size <= MAX_FURNITURE and FURNITURE_HINT_RE.search(s) and FURNITURE_RE.fullmatch(s):
        return Role.FURNITURE
    return None


def rubric(block: Block) -> Role | None:
    """A side-column header with pinyin decoration: `XX快讯 KUAIXUN`, `图片新闻 TUPIAN`."""
    if block.size > MAX_TITLE:
        return None
    m = RUBRIC_PINYIN_RE.fullmatch(block.shadow)
    if m and sum(c.isalpha() for c in m.group("deco")) >= 4:
        return Role.RUBRIC
    return None


def lead_label(block: Block) -> Role | None:
    """`核心提示`, `编者按`, alone or opening the lead text (`编者按：…`, `【编者按】…`)."""
    s = block.shadow
    if s[:1] in LEAD_LABEL_OPENERS:
        s = s.lstrip(LEAD_LABEL_OPENERS)
    if not s.startswith(LEAD_LABELS):
        return None
    m = LEAD_LABEL_RE.match(block.shadow)
    if m and (m.end() == len(block.shadow) or m.group("colon") or m.group("close")):
        return Role.LEAD_LABEL
    return None


def dash_line(block: Block) -> Role | None:
    """副题 `——老工业城市的转型发展纪实`: a short line opening with dashes.

    A body paragraph may open with dashes too (`——先易后难。在理顺机制…`); it has a
    full stop inside or an open end.
    """
    s = block.shadow
    if (
        DASH_LINE_RE.match(s)
        and block.size <= 2 * MAX_TITLE
        and "。" not in s
        and not (ends_open(s) and not s.endswith("—"))
    ):
        return Role.SUBHEADLINE
    return None


def credit(block: Block) -> Role | None:
    """`本报特约记者 陈 帆 摄`, `张三摄（人民视觉）`, `本文图片由…摄`, `（资料图片）`."""
    s = block.shadow
    if block.size <= MAX_BYLINE and CREDIT_HINT_RE.search(s) and CREDIT_RE.fullmatch(s):
        return Role.CREDIT
    return None


# The longest byline that names no one: `据新华社北京分社报道`.
MAX_NAMELESS_BYLINE = 16


def byline(block: Block) -> Role | None:
    """`本报记者 刘 川 李小明`, `张三 本报记者 李四`, `□ 张三`, `（新华社记者 张三）`,
    `本报评论员`, `明報記者`, `据中新社报道`."""
    # (Every commentator's byline ends so; most blocks do not, which `endswith` says
    # quicker than the pattern.)
    if block.shadow.endswith(("评论员", "评论部", "编辑部")) and COMMENTATOR_RE.match(block.shadow):
        return Role.BYLINE
    if block.size <= MAX_NAMELESS_BYLINE and NAMELESS_BYLINE_RE.fullmatch(block.shadow):
        return Role.BYLINE
    if (
        block.size <= MAX_BYLINE
        and not CLOSING_DATELINE_RE.match(block.shadow)
        and byline_people(block.shadow, block.text)
    ):
        return Role.BYLINE
    return None


def caption_with_credit(block: Block) -> Role | None:
    """A caption and its credit in one block: `湿地公园一角。 本报特约记者 陈 帆 摄`."""
    if block.size > MAX_CREDITED_CAPTION:
        return None
    if not TRAILING_CREDIT_HINT_RE.search(block.shadow):
        return None
    m = TRAILING_CREDIT_RE.search(block.shadow)
    if (
        m
        and (
            m.group("bracketed")  # a credit in brackets says what it is, names or none
            or m.group("source")  # ...as does an agency's or a source's
            or credit_people(m.group("credit"), block.text[m.start("credit") :])
        )
    ):
        return Role.CAPTION
    return None


def caption_mark(block: Block) -> Role | None:
    """A block that says it is a caption: `图为…`, `…（资料片）`, `…（新华社发）`."""
    if (
        block.size <= MAX_CREDITED_CAPTION
        and CAPTION_MARK_HINT_RE.search(block.shadow)
        and not DATELINE_RE.match(block.shadow)
        and CAPTION_MARK_RE.search(block.shadow)
    ):
        return Role.CAPTION
    return None


def picture_text_credit(block: Block) -> Role | None:
    """`王小明图 李大华文`: who drew a cartoon and who wrote its words. The line closes its
    story's text; short and without punctuation, it would read as a title."""
    s = block.shadow
    if block.size > MAX_BYLINE or not s.endswith(("文", "图")):
        return None
    return Role.BODY if PICTURE_TEXT_CREDIT_RE.fullmatch(s) else None


def title_shape(block: Block) -> Role | None:
    """A short line that does not end a sentence: a headline, kicker or subhead.

    Body text cut by a column break can look like this too (`据了`); the repair and
    heads phases take such pieces back.
    """
    s = block.shadow
    if block.size > MAX_TITLE or block.indented:
        return None
    if not _TITLE_HAN_RE.search(s) or FIGURE_LINE_RE.fullmatch(s):
        return None  # `51万`, `88.3%`, `2.6万起`: figures of a data box, not a title
    if DATE_LINE_RE.fullmatch(s):
        return None  # `2025年3月1日` under the name that signs a document: its text
    if "。" in s or CONTINUATION_START_RE.match(s) or CLOSING_DATELINE_RE.match(s):
        return None
    if ends_open(s) and not s.endswith(("—", ":")):
        return None  # a kicker may end `…与会专家认为——` or `…：`
    if any(s.count(a) != s.count(b) for a, b in PAIRED_MARKS):
        # Titles quote, bracket and name books whole: an unbalanced mark is a cut piece
        # (`（作者为青山县`, `《关于进一步加强`).
        return None
    if s.startswith("(") and s.endswith(")"):
        return None  # `（作者为…）`, `（综合本报和新华社电）`: a note closing a story
    if s.endswith(("?", "!")) and ("," in s or "、" in s):
        return None  # `…，周末一起去公园走走吧！`: a sentence, not a title
    if "," in s and any(c in s[:-1] for c in "?!"):
        return None  # `比如，怎样让老人用得上？眼下…`: sentences of a paragraph
    clauses = s.split(",")
    if len(clauses) > 1 and len(clauses[-1]) <= 3 and not s.endswith(("—", ":")):
        return None  # `…寄予了很高的期望，新`: cut right after a comma
    if ends_sentence(s) and not s.endswith(("?", "!", "”")):
        return None
    if DATELINE_RE.match(s):
        return None
    if SPEAKER_LABEL_RE.match(s):
        return None  # `问：施肥有什么讲究？`: a turn of an interview
    if LAW_ARTICLE_RE.match(s):
        return None  # `第八条 县级以上人民政府应当`: an article of a regulation, its text
    if SENTENCE_CLAUSE_RE.search(s):
        return None  # `据介绍，今年将组织开展`: a sentence (cut by a column break)
    if LISTING_LINE_RE.search(s):
        return None  # `19:35 青山新闻联播`, `晴 5℃~16℃`: a listing's or a forecast's line
    if CROSS_REFERENCE_RE.match(s):
        return None  # `相关新闻见A3`: the last line of the story above
    if is_reporter_rubric(s):
        return None  # `■记者手记` opens a reporter's notes inside the story
    return Role.TITLE


def line_kind(line: Block) -> LineKind:
    """What a line of a page wrapped without blank lines says about its block (the
    `line_kind` of `blocks.split_blocks`): a dateline opens one, a byline is one under a
    head, and a line that would be a credit, a lead label, a rubric, furniture or a
    closing note (`（王大海）`, `（作者为某大学教授）`) as a block of its own is one. A
    wrapped line of running text almost never reads as one of them whole."""
    s = line.shadow
    if DATELINE_RE.match(s):
        return LineKind.OPENS
    if lead_label(line):
        # `核心提示` alone, or `编者按：` opening the lead text
        m = LEAD_LABEL_RE.match(s)
        return LineKind.ALONE if m and m.end() == len(s) else LineKind.OPENS
    signs, credits = byline(line) is not None, credit(line) is not None
    if signs and not credits and not s.startswith("("):
        return LineKind.BYLINE  # `本报记者 王大海`, not a closing `（王大海）` nor a credit
    if (
        furniture(line)
        or rubric(line)
        or credits
        or signs
        or CLOSING_NOTE_RE.match(s)
        or CLOSING_DATELINE_RE.match(s)
    ):
        return LineKind.ALONE
    return LineKind.TEXT


def default_rules() -> tuple[tuple[str, Classifier], ...]:
    """The context-free rules in the order they are tried; the first match wins."""
    return (
        ("furniture", furniture),
        ("rubric", rubric),
        ("lead_label", lead_label),
        ("dash_line", dash_line),
        ("credit", credit),
        ("byline", byline),
        ("caption_with_credit", caption_with_credit),
        ("caption_mark", caption_mark),
        ("picture_text_credit", picture_text_credit),
        ("title_shape", title_shape),
    )


def classify(
    blocks: Sequence[Block], rules: Sequence[tuple[str, Classifier]] | None = None
) -> tuple[Block, ...]:
    """Give every block a role: context-free rules first, then the neighbour revisions."""
    rules = default_rules() if rules is None else rules
    out = [_classify_one(b, rules) for b in blocks]
    _revise_photo_bylines(out)
    _revise_captions(out)
    _revise_dash_lines(out)
    _revise_signers(out)
    _revise_contents(out)
    _revise_page_edges(out)
    return tuple(out)


def _revise_page_edges(out: list[Block]) -> None:
    """The running head and foot of the page, as an extractor prints them at the top or
    the foot of the dump, among the furniture it recognises or alone: the page number
    (`11`), the page's number and desk (`2 综合新闻`, with the date and editors or not), a
    paper's name or the page's over its furniture (`青山报`, `科技前沿` over the date
    and the editors). Inside the page a number alone is a figure
    set large beside the text it counts (`36` over `…培训了36名乡村医生…`), and a number
    before words a numbered subhead; they stay text."""
    for ends in (range(len(out)), range(len(out) - 1, -1, -1)):
        numbered = False
        for i in ends:
            b = out[i]
            if b.role is Role.FURNITURE:
                continue
            if EDGE_FURNITURE_RE.fullmatch(b.shadow) and not (numbered and b.shadow.isdigit()):
                # (One page number an end: a second is a figure of the text.)
                out[i] = b.with_role(Role.FURNITURE, "page_head")
                numbered = numbered or b.shadow.isdigit()
                continue
            if (
                ends.step == 1
                and EDGE_NAME_RE.fullmatch(b.shadow)
                and i + 1 < len(out)
                and (
                    out[i + 1].role is Role.FURNITURE
                    # `评论` over `4`, `青山报` over `2 综合新闻`: a name over the page's
                    # number (and desk)
                    or EDGE_FURNITURE_RE.fullmatch(out[i + 1].shadow) is not None
                )
            ):
                out[i] = b.with_role(Role.FURNITURE, "masthead")
                continue
            if ends.step == 1 and i > 0 and DESK_NAME_RE.fullmatch(b.shadow):
                # `法治·案件` under the page number: the page's desk, two names joined by
                # a middle dot (a kicker so printed would be rare).
                out[i] = b.with_role(Role.FURNITURE, "page_head")
                continue
            break


def _revise_contents(out: list[Block]) -> None:
    """`导读` over lines that each name a story and its page (`▶ 青山县建成算力中心（第3
    版）`): the front page's table of contents, furniture, not the lead box of the story
    printed under it. A lead label over text is a lead box still."""
    for i, b in enumerate(out):
        label = LEAD_LABEL_RE.match(b.shadow) if b.role is Role.LEAD_LABEL else None
        if label is None or label.end() < len(b.shadow.rstrip()):
            continue  # not a label alone: `编者按：…` holds its lead
        j = i + 1
        while j < len(out) and out[j].role is Role.BODY and CONTENTS_LINE_RE.search(out[j].shadow):
            j += 1
        if j > i + 1:
            for k in range(i, j):
                out[k] = out[k].with_role(Role.FURNITURE, "contents")


def _revise_signers(out: list[Block]) -> None:
    """`青山县果园合作社` over `2025年3月13日` (or both on one line), after a text that
    ends: who signs a notice, a letter or a decree (`县长 王大海`), and when. The end of
    the text they sign, not a title, nor pieces of a cut paragraph (`repair` reads the
    reason)."""
    for i in range(1, len(out)):
        b = out[i]
        if b.role is not Role.TITLE or out[i - 1].role is not Role.BODY:
            continue
        if not ends_sentence(out[i - 1].shadow):
            continue
        if i + 1 < len(out) and DATE_LINE_RE.fullmatch(out[i + 1].shadow):
            out[i] = b.with_role(Role.BODY, "signer")
            out[i + 1] = out[i + 1].with_role(Role.BODY, "signer")
        elif SIGNER_DATE_LINE_RE.fullmatch(b.shadow):
            # `岭下村村民委员会 2025年3月1日`: the signer and the date on one line
            out[i] = b.with_role(Role.BODY, "signer")


def _classify_one(block: Block, rules: Sequence[tuple[str, Classifier]]) -> Block:
    for name, rule in rules:
        if (role := rule(block)) is not None:
            return block.with_role(role, name)
    return block.with_role(Role.BODY, "fallback")


def _revise_photo_bylines(out: list[Block]) -> None:
    """`本报记者 王大海 摄影报道` right under a title line, no photo gap between: the
    byline of a photo report, not the credit of a photo (a credit follows its photo, and
    the title over it would read as the photo's caption)."""
    for i in range(1, len(out)):
        b = out[i]
        if (
            b.role is Role.CREDIT
            and b.shadow.endswith("摄影报道")
            and b.gap_before <= 1
            and out[i - 1].role is Role.TITLE
            and byline_people(b.shadow, b.text)
        ):
            out[i] = b.with_role(Role.BYLINE, "photo_byline")


def _revise_captions(out: list[Block]) -> None:
    """Captions known by their neighbours: above a credit line, or alone after a gap."""
    for i, b in enumerate(out):
        if b.role not in (Role.BODY, Role.TITLE):
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        credited = (
            nxt is not None
            and nxt.role is Role.CREDIT
            and nxt.gap_before == 1
            and not _whole_page_credit(nxt)
            and b.size <= MAX_CREDITED_CAPTION
            and (b.gap_before >= 2 or _one_sentence(b))
        )
        if credited or (b.gap_before >= 2 and _gap_caption_shape(b)):
            out[i] = b.with_role(Role.CAPTION, "caption_context")


# Longest signature line under a text (`——编 者`, `——本报评论员`), in characters.
MAX_SIGNATURE = 12


def _revise_dash_lines(out: list[Block]) -> None:
    """A line opening with dashes right after body text, with a clause inside or longer
    than a signature, is an item of a list printed as paragraphs (`……挤占农户的利益。` then
    `——分类指导、稳步实施。…`), not a 副题: a 副题 stands under its headline. A short
    line of one phrase there signs what is above it (`——编 者`, `——@网友`) and stays
    apart from the text."""
    previous: Block | None = None
    for i, b in enumerate(out):
        if b.role in TRANSPARENT:
            continue
        if (
            b.role is Role.SUBHEADLINE
            and b.reason == "dash_line"
            and previous is not None
            and previous.role is Role.BODY
            and (b.size > MAX_SIGNATURE or any(c in b.shadow for c in ",、;:"))
        ):
            out[i] = b = b.with_role(Role.BODY, "dash_item")
        previous = b


def _whole_page_credit(block: Block) -> bool:
    """`本文图片由…摄` credits every photo of a story and stands alone."""
    return block.shadow.startswith(("本文", "本版", "本组"))


def _one_sentence(block: Block) -> bool:
    s = AGENCY_NOTE_RE.sub("", block.shadow).rstrip("。!?”) ")
    return block.size <= MAX_GAP_CAPTION and not any(c in s for c in "。!?")


def _gap_caption_shape(block: Block) -> bool:
    """A complete short sentence after a photo gap, not the piece of a paragraph."""
    s = block.shadow
    return (
        _one_sentence(block)
        and (ends_sentence(s) or s.endswith(")"))
        and not CONTINUATION_START_RE.match(s)
        and s.count("“") == s.count("”")
        and not DATELINE_RE.match(s)
        and not s.startswith("(")  # `（本报开罗电）`, `（作者为…）` close a story
    )
