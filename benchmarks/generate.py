"""Lay real 人民日报 articles out as synthetic page dumps, with gold answers.

usage: generate.py --out DIR --pages N --seed S [--variant V] [--house H] [--layout L]
                   [--dates A-B] [--corpus FILE]
       generate.py --check --pages N --seed S [--variant V] [--house H] [--layout L]

Each generated page is a pair ``DIR/NAME.txt`` (the dump a parser reads) and ``DIR/NAME.json``
(the answer, in the ``newspage/1`` shape of ``../shared/spec/page-json.md`` plus the per-article
``joins`` the sample gold files carry and a page-level ``variant``). The corpus text is read at
run time and never stored in the repository; so are the generated pages.

Layout model
============
A printed page is a set of stories, each a *head group* over a run of *text frames* (the
story's pieces of columns). A dump lists the blocks of the page in column order, which is
not reading order. The generator reproduces that in four steps:

1. **Head group.** Kicker (引题), headline, subheadline (副题) and byline each print as one
   block; the lead box (its label such as ``核心阅读``, then the lead paragraphs) follows.
2. **Frames.** The body (paragraphs and subheads) is poured into frames of 120-900
   characters. A paragraph that does not fit is cut where the frame ends, at any character
   a typesetter could break a line at (never before ``，。」`` and the like, never between two
   Latin letters or digits), and continues at the top of the story's next frame; those cuts
   are the gold ``joins`` (``[last 8 chars of the first piece, first 8 of the second]``). A
   subhead never ends a frame. Photo captions (+ credit, sometimes in the same block after a
   space) sit at frame boundaries after a photo gap of three blank lines, so a caption can
   fall between the two pieces of a cut paragraph.
3. **Column order.** Frames are laid out story by story, then perturbed as real pages are:
   a story's later frames printed after the next story's head group, a story's last frame
   printed before its head group, two middle frames swapped, one continuation moved 5-15
   blocks further down.
4. **Side columns and furniture.** Sometimes (p=0.35) a column of 2-4 briefs (``kind
   "brief"``) under a made-up rubric with a pinyin decoration (``本地快讯 KUAIXUN``): headline,
   paragraphs (the first opens with ``本报讯`` when it has no dateline of its own), a closing
   author line. Short credited articles become picture stories (``kind "photo"``, rubric
   ``图说``/``图片新闻``): headline, photo gap, text, credit. Page furniture (masthead date,
   ``责任编辑：``, ``版式设计：``) prints at the page start or end and is gold ``unplaced``.

Grid layout (``--layout grid``)
-------------------------------
A second, geometric model of the same plan (`lay_out_grid`): a broadsheet page as a PDF
text extractor reads it. The page has 5-8 columns of lines of 10-16 characters, at least
as many as its text needs at ``GRID_TALL`` lines a column (up to 8: a page of more text
has taller columns); the columns are as tall as the packing makes them. Each main story
gets a rectangular *module*: a span of 1-4 adjacent columns (the page's first story 2-6),
placed by a skyline packing, where the module ends highest (with its wanted span or one
column fewer, to fill a gap). Its head group (kicker, headline, subheadline, byline, lead
box) sits at the top across its columns; the body is poured line by line down the module's
first column, then the next (`grid_pour`): a paragraph that does not fit the lines left is
cut at the last line end ``can_cut`` allows and continues at the top of the next module
column, a subhead never ends a column. A photo takes some lines of one module column
(under the head group 35% of the time, else anywhere), the text flowing around it: its
caption and credit (after a photo gap) print where it stands, sometimes between the two
pieces of a paragraph it cuts. Briefs and picture stories fill one whole side column at
the left or right edge, one block per paragraph. The extractor reads the page column by
column, left to right, each column top to bottom, printing every block it meets (a head
group when it reaches the module's first column): the pieces of different stories
interleave as the geometry puts them, and a paragraph cut at the bottom of a module column
continues after whatever lies below it in that page column. On 30% of the pages it follows
the text boxes instead, module by module (top to bottom, left to right), each module's
columns in order, which gives mostly adjacent joins. The plan, the house restyling, the
variants (``hardwrap`` wraps at the page's line width), the furniture and the gold (joins
from the pieces, as in frames) are those of the frames model; the gold gains ``layout``:
``grid``, and ``move_captions`` is not applied (the grid's photos already stand inside
their columns). The grid draws its randomness from the page's ``rng`` after the plan, so a
frames page is byte for byte what it was.

Gold roles of corpus paragraphs
===============================
Whitespace runs (NBSP padding included) print as one space. Rules, in order:

- furniture (``版式设计：``, ``制图：``, ``数据来源：``, ``·广告·`` ...) -> page ``unplaced``;
- a byline paragraph first (``本报记者 何 川``) -> ``byline``, printed under the headline,
  ``authors`` from it with padding removed (``何川``). A byline paragraph anywhere else
  marks a multi-story feature, which is skipped: the contract has one byline per article.
  A last paragraph that is only names in parentheses (``（本报记者王大海、李小川）``,
  ``（黄 秋）``) is the byline too, printed last as a brief's ``（张三）`` is; notes such as
  ``（作者为…）``, ``（…整理）``, ``（新华社北京2月1日电）`` stay paragraphs;
- the box printed above the text -> ``lead_label`` + ``lead``: a label (``核心阅读``,
  ``编者按``, ``内容提要``, ``导读``, ``核心提示``, ``编者的话``, ``开栏的话``; the inline
  ``编者按：…`` prints the label as its own block, without the colon) over a run of ``■●``
  bullets, or up to a ``——编 者`` signature within 5 paragraphs, or one paragraph. News
  text starts at its dateline, so whatever precedes a dateline paragraph within the first 6
  (a summary, a data box, key quotes) is the box; without label or dateline a leading run
  of ``■`` bullets, or of data-box lines with a figure (``252件``), is an unlabelled box;
- a credit (``…摄``, ``…摄（人民视觉）``, ``…摄影报道``, ``新华社发``, ``图片来源：…``) and a
  caption text (``图为…``, ``图①：…``, ``上图…``, or an event then ``。图为…``) -> ``captions``;
  a credit right after its caption text joins it, a credit alone has ``text: null``;
  ``photographers`` are the names before ``摄`` (``何远山文`` before another name is the
  writer, not a photographer);
- a short line (<= 30 characters, not ending in ``。！？…；，、：——``, not a bullet,
  signature, date, parenthesis or figure such as ``2140亿元``) that leads into body text
  and is not the article's first paragraph -> a section ``heading``; two in a row print as
  one block joined by a space; three or more in a row (verse, lists) stay paragraphs;
- everything else is a paragraph. The first body paragraph's dateline (``本报北京2月1日电
  （记者赵明远）``, up to and including a ``（记者…）`` parenthesis) is the ``dateline`` and
  stays in the paragraph; its people are ``authors`` (role ``记者`` after ``记者``, else null).

Articles whose headline ends in a series tag (``…（人民论坛）``) print without it: the paper
prints that as a logo, not as text. Articles of at most 3 paragraphs with a credit become
picture stories; their text is body paragraphs (only a line opening as a caption is one)
and the credit a caption. Stories with neither byline nor dateline get an invented byline
block 35% of the time, and 20% of articles an invented photo credit (the corpus kept few
of the page's pictures).

Variants (dump and gold change together): ``plain`` (one block per paragraph piece,
punctuation as in the corpus), ``halfwidth`` (``，：；（）！？`` -> ``,:;()!?`` as the sample pages
print), ``traditional`` (OpenCC ``s2t``), ``hardwrap`` (each block wrapped into lines of 12-24
characters; a cut paragraph's first piece ends on a full line), ``indent`` (paragraph starts
get two ideographic spaces, continuation pieces do not), and ``mixed`` (one of these per
page, recorded in the gold's ``variant``). ``ascii`` is drawn only when asked for by name:
``halfwidth`` and ``。“”‘’`` -> ``.""''``, the look of a dump passed through a
"to half-width" conversion; so is ``ocr``: ``halfwidth`` with a space between every two
Chinese characters or marks, as Tesseract's ``chi_sim`` prints a page.

House styles (``--house``): ``rmrb`` prints the page as 人民日报 does (the default, and the
pages every figure before the twenty-fifth session was measured on); ``local`` prints the
same plan in the conventions of a local or metropolitan daily (``restyle_page``): dated
datelines of the paper's own reporters as ``本报讯（记者…）``, head bylines moved into such
a dateline (``本报讯（记者 王大海 通讯员 李小川）``, ``本报讯 记者王大海报道``) or printed
after a marker (``■本报记者 王大海``) or as ``文/王大海``, briefs' closing author lines as
a ``本报讯（记者…）`` dateline, lead labels in brackets (``【编者按】``, ``■核心提示``),
credits as ``图/王大海``, ``王大海 摄``, ``记者 王大海 摄`` and source credits naming no
photographer (``（图片由受访者提供）``), editors' lines as ``本版责编：``/``美编：``, a page
number, a jump marker after one story's text (``（下转第2版）``, gold ``unplaced``), and
photos set inside a frame of their story (``move_captions``: after a subhead, between two
paragraphs, or between the two pieces of a paragraph the picture cuts). ``hktw`` prints it
as a Hong Kong or Taiwan paper would (``restyle_page_hktw``): in Traditional characters
(OpenCC ``s2tw``) with corner quotes ``「」『』``, bylines ``記者王大海、李小川／台北報導``,
bracketed datelines ``〔記者王大海／台北報導〕``, agency copy ``（中央社記者王大海北京1日電）``,
``【本報訊】``, credits in brackets after the caption (``…。（記者王大海攝）``, ``（中央社）``) or
as ``圖／王大海``, the Republic's year and a page label (``A4 焦點``) in the masthead, jump
markers to ``A`` pages, and photos inside frames as ``local``. ``mixed`` draws one of the
three per page. The house style has its own randomness (``house_rng``, seeded apart),
so a page of either house has the same plan and frames.

Every call of the generator takes its randomness from the ``random.Random`` passed in, so
a seed gives byte-identical pages; ``--check`` verifies that and the gold's invariants.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import itertools
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "rmrb-2019-02.jsonl"
SCORER = SHARED / "tools" / "score.py"
DEFAULT_OUT = Path(tempfile.gettempdir()) / "newspage-bench" / "pages"

BASE_VARIANTS = ("plain", "halfwidth", "traditional", "hardwrap", "indent")
# Asked for by name only, never drawn for ``mixed``: the pages of a seed stay as they were.
VARIANTS = (*BASE_VARIANTS, "mixed", "ascii", "ocr")

# How often the optional page elements appear.
BRIEFS_P = 0.35
EXTRA_PHOTO_P = 0.15
INVENTED_BYLINE_P = 0.35
INVENTED_CREDIT_P = 0.2
# Column-order perturbations, tuned so that a quarter to a third of the joins are not
# adjacent blocks, as on the two sample pages.
INTERLEAVE_P = 0.4  # per story: its later frames after the next story's head group
LAST_FIRST_P = 0.15  # per story: its last frame before its head group
SWAP_P = 0.2  # per story: two middle frames swapped
FAR_P = 0.5  # per page: one continuation 5-15 blocks further down
SUBTITLE_DASH_P = 0.3
MAX_ARTICLE_CHARS = 9000  # the few longer texts (full documents) would fill a page alone

# ---------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------

WS_RE = re.compile(r"\s+")  # str patterns: \s covers NBSP (\xa0) and the ideographic space
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def squash(text: str) -> str:
    """Whitespace runs (the corpus pads names and datelines with NBSP) become one space."""
    return WS_RE.sub(" ", text).strip()


def bare(text: str) -> str:
    """The text without any whitespace, the way score.py compares strings."""
    return WS_RE.sub("", text)


# 避头尾 (kinsoku): a line never starts with closing punctuation nor ends with an opening one.
NO_LINE_START = frozenset("，。、；：！？）》」』”’〉】〕,.;:!?)]%…—·")
NO_LINE_END = frozenset("（《「『“‘〈【〔([")


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def can_wrap(text: str, i: int) -> bool:
    """May a line end between text[i-1] and text[i]? Words and numbers stay whole."""
    if not 0 < i < len(text):
        return False
    before, after = text[i - 1], text[i]
    return not (
        (_ascii_alnum(before) and _ascii_alnum(after))
        or after in NO_LINE_START
        or before in NO_LINE_END
    )


def can_cut(text: str, i: int) -> bool:
    """May a column end between text[i-1] and text[i]? As a line end, but never at a space."""
    return can_wrap(text, i) and not text[i - 1].isspace() and not text[i].isspace()


def wrap_breaks(text: str, start: int, width: int) -> list[int]:
    """Line starts after `start` when text[start:] is set in lines of `width` characters."""
    breaks: list[int] = []
    pos = start
    while len(text) - pos > width:
        end = pos + width
        while end > pos + width // 2 and not can_wrap(text, end):
            end -= 1
        if not can_wrap(text, end):
            end = pos + width  # no legal break nearby: break hard, as OCR output does
        breaks.append(end)
        pos = end
    return breaks


def wrap(text: str, width: int) -> str:
    """Hard-wrap one block for the ``hardwrap`` variant."""
    edges = [0, *wrap_breaks(text, 0, width), len(text)]
    lines = (text[a:b].strip() for a, b in itertools.pairwise(edges))
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------------------------
# Gold roles of corpus paragraphs
# ---------------------------------------------------------------------------------------

FURNITURE_RE = re.compile(
    r"^(?:本版|本期)?(?:版式设计|版式|制图|美编|责编|责任编辑|校对|统筹|稿件统筹|栏目投稿邮箱|投稿邮箱"
    r"|数据来源|资料整理)\s*[：:]|^·?\s*广告\s*·?$"
)
CREDIT_RE = re.compile(
    r"(?<!拍)(?:摄|摄影|摄影报道)(?:\s*[（(][^）)]{1,12}[）)])?$"
    r"|^(?:本版)?图片来源\s*[：:]|^(?:新华社|中新社)发$|^人民视觉$|^[（(]?资料图片[）)]?$|供图$"
)
CAPTION_START_RE = re.compile(
    r"^(?:图为|图\s*[①-⑳]|[①-⑳]\s*[：:]|图\s*\d+\s*[：:]|[上下左右中题]图|图片说明|图[一二三四五六七八九十]\s*[：:])"
)
CAPTION_INSIDE_RE = re.compile(r"[。！？]图为")  # 2月9日，伦敦…。图为一名女孩…
# Longest first, so that 本报记者 is not read as 本报 + 记者.
ROLES = (
    "本报特约记者", "本报通讯员", "本报实习生", "本报记者", "新华社记者",
    "人民网记者", "特约记者", "通讯员", "实习生", "记者",
)  # fmt: skip
ROLE_PREFIX_RE = re.compile("^(" + "|".join(ROLES) + ")")
NAME_RE = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
NOT_NAMES = (  # words that make a "name" an agency or a note
    "新华社", "中新社", "人民视觉", "视觉中国", "影像中国", "资料", "供图", "本报", "来源",
    "电", "整理", "报道", "采写", "综合", "待续", "未完", "结束",
)  # fmt: skip
LEAD_LABELS = ("核心阅读", "编者按", "内容提要", "导读", "核心提示", "编者的话", "开栏的话")
LEAD_INLINE_RE = re.compile(r"^(核心阅读|编者按|内容提要|导读|核心提示)\s*[：:]\s*(\S.*)$")
BULLETS = ("■", "●", "▲", "◆", "★")
NUMBERED_ITEM_RE = re.compile(r"^[（(][一二三四五六七八九十\d]{1,3}[）)]")  # （一）引导…
SIGNATURE_RE = re.compile(r"^——\s*\S(?:\s*\S){0,5}$")  # ——编 者
SENTENCE_END_RE = re.compile(r"[。！？!?…；;，,、：:—][”’」』）)]*$")  # —— introduces a list
DATE_ONLY_RE = re.compile(
    r"^[\d〇一二三四五六七八九十]{2,4}年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$"
)
DATELINE_RE = re.compile(  # 本报北京2月1日电 （记者赵明远）
    r"^(?:据)?(?:本报|新华社|人民日报|中新社)[^\s，。（(]{0,16}?电"
    r"(?: ?[（(](?P<who>[^）)]{1,30})[）)])?"
)
CLOSING_BYLINE_RE = re.compile(  # （本报记者王大海、李小川）, （陈一帆）: a byline printed last
    r"^[（(](?:(?:本报记者|新华社记者|本报特约记者|记者) ?)?"
    r"[\u4e00-\u9fff]{1,4}(?:[、 ][\u4e00-\u9fff]{1,4})*[）)]$"
)
WHO_RE = re.compile(  # the parenthesis of a dateline: 记者周启航、吴若溪
    r"^(?:(?P<role>本报记者|记者|通讯员) ?)?"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}(?:、[\u4e00-\u9fff·]{2,4})*)$"
)

Authors = list[tuple[str, str | None]]  # (name, role)


@dataclass
class Caption:
    """A photo caption: the text under the picture and/or the credit line."""

    text: str | None
    credit: str | None
    photographers: list[str]
    inline: bool = False  # printed as one block, the credit right after the text


@dataclass
class Item:
    """One unit of a story body in reading order: a paragraph, a subhead or a caption."""

    kind: str  # "para" | "heading" | "caption"
    text: str = ""
    caption: Caption | None = None


@dataclass
class Story:
    """A story as the generator prints it, in gold terms (see the contract)."""

    kind: str = "article"
    column: str | None = None
    kicker: str | None = None
    headline: str = ""
    subheadline: str | None = None
    byline: str | None = None
    byline_last: bool = False  # printed after the text: （张三）, （本报记者…）
    authors: Authors = field(default_factory=list)
    dateline: str | None = None
    lead_label: str | None = None
    lead: list[str] = field(default_factory=list)
    body: list[Item] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)  # page furniture found in the text
    jump: str | None = None  # a jump marker after the text: （下转第2版）

    @property
    def paragraphs(self) -> list[str]:
        return [it.text for it in self.body if it.kind == "para"]


def strip_series_tag(headline: str) -> str:
    """``要把握好时与势…（望海楼）`` -> ``要把握好时与势…``: the crawl appends the rubric the
    paper prints as a logo. One-character tags such as ``（下）`` are part of the headline
    and stay."""
    if not headline.endswith(("）", ")")):
        return headline
    depth = 0
    for i in range(len(headline) - 1, -1, -1):
        depth += headline[i] in "）)"
        depth -= headline[i] in "（("
        if depth == 0:
            inner, rest = headline[i + 1 : -1], headline[:i].strip()
            keep = len(inner) < 2 or len(rest) < 2
            return headline if keep else rest
    return headline


def split_names(tokens: Iterable[str]) -> list[str]:
    """Tokens of a byline to names: ``周 航 吴若溪`` pads two-character names with a space."""
    names: list[str] = []
    pending = ""
    for tok in tokens:
        if len(tok) == 1 and CJK_RE.match(tok):
            if pending:
                names.append(pending + tok)
                pending = ""
            else:
                pending = tok
        else:
            if pending:
                names.append(pending)
                pending = ""
            names.append(tok)
    if pending:
        names.append(pending)
    return names


def parse_byline(text: str) -> Authors:
    """People of a byline with their roles; padded names (``周 明``) are rejoined.

    ``刘青禾 本报记者 孙望舒`` -> [(刘青禾, None), (孙望舒, 本报记者)];
    ``（张三）`` -> [(张三, None)].
    """
    role: str | None = None
    authors: Authors = []
    run: list[str] = []

    def flush() -> None:
        authors.extend((name, role) for name in split_names(run))
        run.clear()

    for tok in re.split(r"[\s、]+", text.strip("（）() ")):
        m = ROLE_PREFIX_RE.match(tok)
        if m:
            flush()
            role, tok = m.group(1), tok[m.end() :]
        if tok:
            run.append(tok)
    flush()
    return authors


def is_byline(text: str) -> bool:
    """``本报记者 周启航 吴若溪 郑 墨``: roles and short names only."""
    if len(text) > 40 or not ROLE_PREFIX_RE.match(text):
        return False
    tokens = [t for t in text.split() if t not in ROLES]
    if not tokens or any(ROLE_PREFIX_RE.match(t) and t not in ROLES for t in text.split()[1:]):
        return False
    return all(NAME_RE.match(name) for name in split_names(tokens))


def is_closing_byline(text: str) -> bool:
    """``（本报记者王大海、李小川）``, ``（黄 秋）``: names only.

    Not ``（新华社电）`` nor ``（本报记者 林 夏整理）``: those stay paragraphs.
    """
    if not CLOSING_BYLINE_RE.match(text):
        return False
    names = [name for name, _ in parse_byline(text)]
    return bool(names) and all(
        NAME_RE.match(n) and not any(w in n for w in NOT_NAMES) for n in names
    )


def is_credit(text: str) -> bool:
    return len(text) <= 45 and not text.endswith("。") and bool(CREDIT_RE.search(text))


def photographers(credit: str) -> list[str]:
    """Names that took the picture: ``本报记者 何远山文 马晓岚摄`` -> [马晓岚]."""
    text = re.sub(r"\s*[（(][^）)]*[）)]$", "", credit)
    text = re.sub(r"^(?:本版)?图片来源\s*[：:]", "", text)
    text = text.split("由", 1)[1] if "由" in text else text  # 本文图片由本报记者钱江月摄
    text = re.sub(r"(?:摄影报道|摄影|摄|供图)$", "", text).strip()
    tokens = [t for t in (ROLE_PREFIX_RE.sub("", tok) for tok in text.split()) if t]
    # 何远山文 马晓岚摄: a name + 文 before the photographer's is the writer (王立文摄 is not)
    tokens = [
        t
        for n, t in enumerate(tokens)
        if not (n + 1 < len(tokens) and len(t) >= 3 and t.endswith("文"))
    ]
    return [
        n for n in split_names(tokens) if NAME_RE.match(n) and not any(w in n for w in NOT_NAMES)
    ]


def is_caption_text(text: str) -> bool:
    """``图为…``, ``图①：…``, or an event then ``。图为…``. (A paragraph that merely precedes
    a credit is body text: the credit then stands alone, as 图片来源 lines do.)"""
    return len(text) <= 300 and bool(CAPTION_START_RE.match(text) or CAPTION_INSIDE_RE.search(text))


def is_short_line(text: str) -> bool:
    """Could be a subhead: short, no sentence end, not a signature, date, parenthesis,
    bullet or figure (``2140亿元``: a number over its unit is a data box)."""
    cjk = len(CJK_RE.findall(text))
    return (
        len(bare(text)) <= 30
        and not SENTENCE_END_RE.search(text)
        and not text.startswith(("——", "（", "(", "…", *BULLETS))
        and not DATE_ONLY_RE.match(bare(text))
        and cjk >= 2
        and not (text[0].isdigit() and cjk < 6)
    )


def is_box_line(text: str) -> bool:
    """A line of a data box: ``186件``, ``2018年，市环保局共办理市人大代表建议186件``."""
    return len(text) <= 60 and not SENTENCE_END_RE.search(text)


def split_lead(paras: list[str]) -> tuple[str | None, list[str], list[str]]:
    """(label, lead paragraphs, rest): the box printed above the text, if any.

    A labelled box (核心阅读…) holds a run of bullets, or everything up to a ``——编 者``
    signature, or one paragraph. News text starts at its dateline, so whatever precedes a
    dateline paragraph (a summary box, a data box, key quotes) is the box. Without label
    or dateline, a leading run of ``■`` bullets, or of data-box lines with a figure, is an
    unlabelled box.
    """
    label: str | None = None
    lead: list[str] = []
    rest = paras
    first = paras[0].rstrip("：: ")
    inline = LEAD_INLINE_RE.match(paras[0])
    if first in LEAD_LABELS:
        label, rest = first, paras[1:]
    elif inline:
        label, lead, rest = inline.group(1), [inline.group(2)], paras[1:]
    dated = next((i for i, p in enumerate(rest[:6]) if DATELINE_RE.match(p)), None)
    if dated:
        return label, lead + rest[:dated], rest[dated:]
    bullets = next((i for i, p in enumerate(rest) if not p.startswith(BULLETS)), len(rest))
    if label is None:
        if not bullets:  # a data box: figures over their explanations, then the text
            box = next((i for i, p in enumerate(rest) if not is_box_line(p)), len(rest))
            if 2 <= box < len(rest) and any(p[0].isdigit() for p in rest[:box]):
                bullets = box
        return None, rest[:bullets], rest[bullets:]
    if bullets:
        return label, lead + rest[:bullets], rest[bullets:]
    signed = next((j for j in range(min(5, len(rest))) if SIGNATURE_RE.match(rest[j])), None)
    if signed is not None:
        return label, lead + rest[: signed + 1], rest[signed + 1 :]
    if lead or not rest:
        return label, lead, rest
    return label, rest[:1], rest[1:]


def classify_body(paras: list[str], has_lead: bool, photo: bool = False) -> list[Item]:
    """Paragraphs after the head and lead -> paragraphs, subheads and captions. A picture
    story's text has no subheads, and only lines opening as a caption are captions."""
    seq: list[tuple[str, str | Caption]] = []
    for text in paras:
        last = seq[-1][1] if seq else None
        if is_credit(text):
            if isinstance(last, Caption) and last.text and last.credit is None:
                last.credit, last.photographers = text, photographers(text)
            else:
                seq.append(("cap", Caption(None, text, photographers(text))))
        elif CAPTION_START_RE.match(text) if photo else is_caption_text(text):
            seq.append(("cap", Caption(text, None, [])))
        else:
            seq.append(("short" if not photo and is_short_line(text) else "para", text))

    items: list[Item] = []
    seen_text = has_lead  # the article's first paragraph is never a subhead
    i = 0
    while i < len(seq):
        kind, value = seq[i]
        if isinstance(value, Caption):
            items.append(Item("caption", caption=value))
            i += 1
            continue
        j = i
        while j < len(seq) and seq[j][0] == "short":
            j += 1
        run = [str(v) for _, v in seq[i:j]] or [value]
        following = next(((k, v) for k, v in seq[max(i + 1, j) :] if k != "cap"), None)
        # A subhead leads into text; a letter's signature (何远山) precedes a note such as
        # （作者为…） or a date. A numbered item (（一）完善服务体系…) is text.
        into_text = (
            following is not None
            and following[0] == "para"
            and (
                not str(following[1]).startswith(("（", "("))
                or bool(NUMBERED_ITEM_RE.match(str(following[1])))
            )
            and not DATE_ONLY_RE.match(bare(str(following[1])))
        )
        if kind == "short" and seen_text and into_text and len(run) <= 2:
            items.append(Item("heading", " ".join(run)))
        else:
            items.extend(Item("para", text) for text in run)
        seen_text = True
        i = max(i + 1, j)
    return items


def find_dateline(text: str) -> tuple[str | None, Authors]:
    """The dateline at the start of a first paragraph, and the people in its parenthesis."""
    m = DATELINE_RE.match(text)
    if not m:
        return None, []
    who = m.group("who")
    w = WHO_RE.match(who) if who else None
    if who and not w:
        return text[: m.start("who") - 1].rstrip(), []
    if not w:
        return m.group(0), []
    role = w.group("role")
    return m.group(0), [(name, role) for name in w.group("names").split("、")]


def add_authors(story: Story, people: Authors) -> None:
    known = [name for name, _ in story.authors]
    story.authors.extend(p for p in people if p[0] not in known)


def read_article(row: Mapping[str, Any]) -> Story | None:
    """One corpus article -> a Story with gold roles, or None when it cannot be printed
    faithfully (no headline, no text, a multi-story feature, a whole document)."""
    headline = strip_series_tag(squash(row.get("headline") or ""))
    if not headline:
        return None
    story = Story(
        headline=headline,
        kicker=squash(row.get("kicker") or "") or None,
        subheadline=squash(row.get("subtitle") or "") or None,
    )
    paras: list[str] = []
    for raw in row.get("paragraphs") or []:
        text = squash(raw)
        if text:
            (story.furniture if FURNITURE_RE.search(text) else paras).append(text)
    if not paras or sum(map(len, paras)) > MAX_ARTICLE_CHARS:
        return None
    if is_byline(paras[0]):
        story.byline = paras.pop(0)
        story.authors = parse_byline(story.byline)
    if not paras or any(is_byline(p) for p in paras):
        return None
    if len(paras) <= 3 and any(is_credit(p) for p in paras):
        # A picture story: its text is body text, as in the sample pages; only a line that
        # opens as a caption (图为…) and the credit are captions.
        story.kind = "photo"
        story.body = classify_body(paras, has_lead=False, photo=True)
    else:
        if not story.byline and len(paras) > 1 and is_closing_byline(paras[-1]):
            story.byline, story.byline_last = paras.pop(), True
            story.authors = parse_byline(story.byline)
        story.lead_label, story.lead, paras = split_lead(paras)
        if story.lead_label and not story.lead:  # a label over nothing: print it as text
            paras, story.lead_label = [story.lead_label, *paras], None
        story.body = classify_body(paras, has_lead=bool(story.lead))
    first = next((it for it in story.body if it.kind == "para"), None)
    if first:
        story.dateline, people = find_dateline(first.text)
        add_authors(story, people)
    return story


def brief_ok(story: Story) -> bool:
    """Short plain news that a side column of briefs could carry: no subheads, captions,
    lead box, byline, signature (——编 者) or other short lines."""
    paras = story.paragraphs
    return (
        story.kind == "article"
        and 1 <= len(paras) <= 6
        and len(paras) == len(story.body)
        and all(len(p) >= 15 for p in paras)
        and not story.lead
        and not story.byline
        and 60 <= sum(map(len, paras)) <= 900
        and len(story.headline) <= 30
    )


# ---------------------------------------------------------------------------------------
# Invented page matter: names, bylines, rubrics, furniture
# ---------------------------------------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华玉萍红玲芬燕春凤洁梅琳雪荣瑞佳嘉琼珍莉璐琦晶妍倩"
    "婷颖露瑶怡丹蓉君琴薇岚馨悦冰宁欣晓欢枫芸菲亚宜舒阳思博斌鹏辉飞宇浩然凯旭峰晨琪昊翔泽航志建新"
    "海波川林森松柏立成"
)
SAMPLE_NAMES = ("崔振波", "周明", "门莹", "陈肖可", "王荣刚", "王丽哲", "张毅臣", "王吉勇")
BRIEF_RUBRICS = (  # made up: never the sample pages' own rubrics
    ("本地快讯", "KUAIXUN"), ("要闻简报", "JIANBAO"), ("新闻速递", "SUDI"),
    ("综合新闻", "ZONGHE"), ("城乡动态", "DONGTAI"), ("经济简讯", "JIANXUN"),
    ("民生速览", "SULAN"), ("社会传真", "CHUANZHEN"), ("文化短波", "DUANBO"),
    ("一周要闻", "YAOWEN"), ("区县快报", "KUAIBAO"), ("基层来风", "LAIFENG"),
)  # fmt: skip
PHOTO_RUBRICS = (("图说", "TUSHUO"), ("图片新闻", "TUPIAN XINWEN"))
WEEKDAYS = "一二三四五六日"


def invent_name(rng: random.Random) -> str:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in SAMPLE_NAMES:
            return name


def print_name(name: str, pad: bool) -> str:
    """Two-character names are often padded to the width of three: ``周 明``."""
    return f"{name[0]} {name[1]}" if pad and len(name) == 2 else name


def invent_byline(rng: random.Random, closing: bool) -> tuple[str, Authors]:
    """A head byline (``本报记者 周 航 李四``) or a brief's closing line (``（张三）``)."""
    a, b = invent_name(rng), invent_name(rng)
    pad = rng.random() < 0.5
    pa, pb = print_name(a, pad), print_name(b, pad)
    styles: list[tuple[str, Authors]] = [
        (f"{pa} 本报记者 {pb}", [(a, None), (b, "本报记者")]),
        (f"本报记者 {pb}", [(b, "本报记者")]),
    ]
    if closing:
        styles += [
            (f"（{a}）", [(a, None)]),
            (f"通讯员 {pa} 记者 {pb}", [(a, "通讯员"), (b, "记者")]),
        ]
    else:
        styles += [
            (f"本报记者 {pa} {pb}", [(a, "本报记者"), (b, "本报记者")]),
            (f"本报记者 {pa} 通讯员 {pb}", [(a, "本报记者"), (b, "通讯员")]),
            (f"本报特约记者 {pb}", [(b, "本报特约记者")]),
        ]
    return rng.choice(styles)


def invent_credit(rng: random.Random) -> Caption:
    """A photo credit for an article whose picture the corpus did not keep."""
    a, b = invent_name(rng), invent_name(rng)
    pa, pb = print_name(a, rng.random() < 0.5), print_name(b, rng.random() < 0.5)
    credit, people = rng.choice(
        [
            (f"本报记者 {pa}摄", [a]),
            (f"{a}摄", [a]),
            (f"新华社记者 {pa}摄", [a]),
            (f"{a}摄（人民视觉）", [a]),
            (f"本报记者 {pa} {pb}摄", [a, b]),
            (f"{a}摄（新华社发）", [a]),
        ]
    )
    return Caption(None, credit, people)


def rubric_line(name: str, decoration: str, rng: random.Random, bare_ok: bool) -> str:
    """The printed rubric: ``本地快讯 KUAIXUN``, sometimes indented. Only a rubric that
    names itself (图说) may print bare: a bare 本地快讯 would read as a kicker."""
    style = rng.random()
    if bare_ok and style < 0.2:
        return name
    return f" {name} {decoration}" if style < 0.4 else f"{name} {decoration}"


CLOSING_CREDIT_RE = re.compile(r"^[（(].*(?:电|记者|报道|整理|采写|作者).*[）)]$")


def credited(story: Story) -> bool:
    """Does the text close with its own credit (（新华社北京2月1日电 记者…）, （作者为…））?"""
    paras = story.paragraphs
    return bool(paras) and bool(CLOSING_CREDIT_RE.match(paras[-1]))


def make_brief(story: Story, column: str, rng: random.Random) -> Story:
    """A short article as a brief: headline, ``本报讯`` text, closing author line."""
    brief = Story(kind="brief", column=column, headline=story.headline, body=list(story.body))
    brief.dateline, brief.authors = story.dateline, list(story.authors)
    if not brief.dateline:
        if rng.random() < 0.25:
            # 本报讯 记者张三报道: the reporter is in the dateline, no closing line
            name = invent_name(rng)
            brief.dateline, brief.authors = f"本报讯 记者{name}报道", [(name, "记者")]
        else:
            brief.dateline = "本报讯"
            brief.byline, brief.authors = invent_byline(rng, closing=True)
            brief.byline_last = True
        first = brief.body[0]
        brief.body[0] = Item("para", f"{brief.dateline} {first.text}")
    return brief


def page_furniture(date: str, rng: random.Random) -> tuple[list[str], list[str]]:
    """Invented furniture for the page start and end: masthead date, editors."""
    head: list[str] = []
    tail: list[str] = []
    ymd = re.fullmatch(r"(\d{4})(\d\d)(\d\d)", date)
    if ymd and rng.random() < 0.3:
        day = datetime.date(*map(int, ymd.groups()))
        head.append(f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}")
    if rng.random() < 0.45:
        editor, designer = f"责任编辑：{invent_name(rng)}", f"版式设计：{invent_name(rng)}"
        lines = [f"{editor} {designer}"] if rng.random() < 0.3 else [editor, designer]
        (head if rng.random() < 0.25 else tail).extend(lines)
    return head, tail


# ---------------------------------------------------------------------------------------
# House styles: the conventions of papers other than 人民日报
# ---------------------------------------------------------------------------------------

HOUSES = ("rmrb", "local", "hktw", "mixed")
BYLINE_MARKERS = ("■", "□", "◎", "●")
LABEL_FORMS = ("【{}】", "■{}", "[{}]")  # 【编者按】 ■核心提示 [导读]
# 本报北京2月1日电（记者赵明远）: the dated dateline of a national paper's own reporters
RMRB_DATELINE_RE = re.compile(r"^本报[^\s，。（(]{0,16}?电(?P<paren> ?[（(][^）)]*[）)])?$")
LOCAL_ROLES = {"本报记者": "记者", "本报特约记者": "特约记者", "本报通讯员": "通讯员"}
SOURCE_CREDITS = ("（图片由受访者提供）", "（受访者供图）", "（资料图片）", "（视频截图）")
EDITOR_WORDS = {"责任编辑": ("本版责编", "责编"), "版式设计": ("美编", "版式")}


def who_text(people: Authors, spaced: bool) -> str:
    """``记者 王大海 李小川 通讯员 陈一帆`` (spaced) or ``记者王大海 李小川 通讯员陈一帆``."""
    parts: list[str] = []
    role: str | None = None
    for name, r in people:
        if r != role or not parts:
            parts.append(f"{r} {name}" if spaced and r else f"{r or ''}{name}")
            role = r
        else:
            parts.append(name)
    return " ".join(parts)


def restyle_head(story: Story, rng: random.Random) -> None:
    """A story's byline and dateline as another paper prints them.

    - ``本报北京2月1日电（记者赵明远）`` -> ``本报讯（记者赵明远）``: a local paper's own news;
    - the head byline moved into the dateline: ``本报讯（记者 王大海 通讯员 李小川）``
      or ``本报讯 记者王大海 通讯员李小川报道``, its roles without 本报;
    - a marker before the byline: ``■本报记者 王大海``, ``□ 本报记者 王大海``;
    - ``文/王大海 李小川``: the writers, without their roles.
    """
    first = next((it for it in story.body if it.kind == "para"), None)
    if first is None:
        return
    if story.dateline and (m := RMRB_DATELINE_RE.match(story.dateline)) and rng.random() < 0.5:
        local = "本报讯" + (m.group("paren") or "").lstrip()
        first.text = local + first.text[len(story.dateline) :]
        story.dateline = local
    if not story.byline or story.byline_last or story.kind != "article":
        return
    people = [(name, LOCAL_ROLES.get(role or "", role)) for name, role in story.authors]
    style = rng.random()
    if style < 0.3 and not story.dateline and all(role for _, role in people):
        if rng.random() < 0.65:
            story.dateline = f"本报讯（{who_text(people, rng.random() < 0.5)}）"
            first.text = story.dateline + first.text
        else:
            story.dateline = f"本报讯 {who_text(people, False)}报道"
            first.text = f"{story.dateline} {first.text}"
        story.byline, story.authors = None, people
    elif style < 0.6:
        story.byline = rng.choice(BYLINE_MARKERS) + " " * (rng.random() < 0.4) + story.byline
    elif style < 0.7:
        story.byline = "文/" + " ".join(name for name, _ in story.authors)
        story.authors = [(name, None) for name, _ in story.authors]


def restyle_brief(story: Story, rng: random.Random) -> None:
    """A brief's closing author line ``（王大海）`` as ``本报讯（记者 王大海）`` up front."""
    first = next((it for it in story.body if it.kind == "para"), None)
    if not (story.byline_last and story.byline and first and story.dateline == "本报讯"):
        return
    if rng.random() < 0.5 and first.text.startswith("本报讯 "):
        people = [(name, role or "记者") for name, role in story.authors]
        story.dateline = f"本报讯（{who_text(people, rng.random() < 0.5)}）"
        first.text = story.dateline + first.text[len("本报讯 ") :]
        story.byline, story.byline_last, story.authors = None, False, people


def restyle_credits(story: Story, rng: random.Random) -> None:
    """Credits as ``图/王大海``, ``王大海 摄``, ``记者 王大海 摄``; sometimes a source credit
    (``（图片由受访者提供）``) that names no photographer."""
    for it in story.body:
        c = it.caption
        if c is None or not c.credit or not c.photographers or "（" in c.credit:
            continue
        style = rng.random()
        names = " ".join(c.photographers)
        if style < 0.3:
            c.credit = f"图/{names}"
        elif style < 0.5:
            c.credit = f"{names} 摄"
        elif style < 0.6:
            c.credit = f"记者 {names} 摄"
    if story.kind == "article" and rng.random() < 0.1:
        story.body.append(Item("caption", caption=Caption(None, rng.choice(SOURCE_CREDITS), [])))


def restyle_furniture(line: str, rng: random.Random) -> str:
    """``责任编辑：王大海`` -> ``本版责编：王大海``, ``版式设计：李小川`` -> ``美编：李小川``."""
    for word, others in EDITOR_WORDS.items():
        if word in line and rng.random() < 0.7:
            line = line.replace(word, rng.choice(others))
    return line


def restyle_page(plan: PagePlan, rng: random.Random) -> None:
    """Print the plan in the conventions of a local or metropolitan daily (in place; the
    gold follows): bylines, datelines, lead labels, credits, editors' lines, a page
    number, and a jump marker (``（下转第2版）``) after one story's text. The frames are
    not touched (`move_captions` moves photos after the layout)."""
    for story in plan.mains:
        restyle_head(story, rng)
        if story.lead_label and rng.random() < 0.6:
            story.lead_label = rng.choice(LABEL_FORMS).format(story.lead_label)
    for story in plan.briefs:
        restyle_brief(story, rng)
    for story in plan.stories:
        restyle_credits(story, rng)
    plan.head_furniture = [restyle_furniture(f, rng) for f in plan.head_furniture]
    plan.tail_furniture = [restyle_furniture(f, rng) for f in plan.tail_furniture]
    if plan.mains and rng.random() < 0.3:
        page = rng.choice("2345678")
        marker = rng.choice((f"（下转第{page}版）", f"下转{page}版", f"（转第{page}版）"))
        rng.choice(plan.mains).jump = marker
    if rng.random() < 0.3:
        plan.head_furniture.insert(0, f"第{rng.randint(2, 16)}版")


# Hong Kong and Taiwan papers print in Traditional characters with corner quotes (「」『』),
# sign their own reporters' stories `記者王大海／台北報導` under the headline or as a
# bracketed dateline `〔記者王大海／台北報導〕`, print agency copy as `（中央社記者王大海北京
# 1日電）` or a Hong Kong paper's `【本報訊】`, and credit photos in brackets after the
# caption, `市民排隊登記。（記者王大海攝）`, or as `圖／王大海`. The restyling below is done in
# simplified characters; `_after_hktw` converts the page (OpenCC `s2tw`).
FILED_FROM = ("台北", "新北", "台中", "台南", "高雄", "桃园", "香港", "综合")
# 本报北京2月1日电（记者赵明远）, 新华社北京2月1日电 （记者 赵明远 李小川）
DATED_RE = re.compile(
    r"^(?P<agency>本报|新华社)(?P<place>[^\s，。（(\d]{0,12}?)(?:\d{1,2}月)?(?P<day>\d{1,2})日电"
    r"(?: ?[（(](?P<who>[^）)]*)[）)])?$"
)
AGENCY_CREDITS = ("（中央社）", "（资料照片）", "（法新社）", "（路透）", "（美联社）")
TW_DESKS = ("焦点", "要闻", "国际", "两岸", "地方", "生活", "财经")


def filed_from(place: str, rng: random.Random) -> str:
    """``台北报导``; ``综合报导`` for a story put together from several sources."""
    return f"{place or rng.choice(FILED_FROM)}报导"


def restyle_head_hktw(story: Story, rng: random.Random) -> None:
    """A story's dateline and byline as a Hong Kong or Taiwan paper prints them.

    - ``本报北京2月1日电（记者赵明远）`` -> a byline ``记者赵明远／北京报导``, a bracketed
      dateline ``〔记者赵明远／北京报导〕``, or agency copy ``（中央社记者赵明远北京1日电）``;
      without reporters ``【本报讯】`` or ``（中央社北京1日电）``;
    - ``新华社北京2月1日电（记者 赵明远）`` stays (Hong Kong papers print it) or becomes
      ``（中央社记者赵明远北京1日电）``;
    - a head byline ``本报记者 王大海 李小川`` -> ``记者王大海、李小川／台北报导``, a bracketed
      dateline, ``文／王大海、李小川``, or stays (``本報記者 王大海`` in Hong Kong).
    """
    first = next((it for it in story.body if it.kind == "para"), None)
    if first is None:
        return
    m = DATED_RE.match(story.dateline or "")
    if story.dateline and m and not story.byline:
        who = m.group("who")
        people = [(n, r) for n, r in story.authors if who and n in who]
        text = first.text[len(story.dateline) :].lstrip()
        names = "、".join(n for n, _ in people)
        place, day = m.group("place"), m.group("day")
        own = m.group("agency") == "本报"
        style = rng.random()
        if own and people and style < 0.45 and story.kind == "article":
            story.byline = f"记者{names}／{filed_from(place, rng)}"
            story.dateline, first.text = None, text
            story.authors = [(n, "记者") for n, _ in people]
        elif own and people and style < 0.8:
            story.dateline = f"〔记者{names}／{filed_from(place, rng)}〕"
            first.text = story.dateline + text
            story.authors = [(n, "记者") for n, _ in people]
        elif people and (own or style < 0.4) and place:
            story.dateline = f"（中央社记者{names}{place}{day}日电）"
            first.text = story.dateline + text
            story.authors = [(n, "中央社记者") for n, _ in people]
        elif own and not who:
            wired = f"（中央社{place}{day}日电）"
            story.dateline = "【本报讯】" if style < 0.5 or not place else wired
            first.text = story.dateline + text
        return
    if not story.byline or story.byline_last or story.kind != "article":
        return
    if not all(role and "记者" in role for _, role in story.authors):
        return
    names = "、".join(n for n, _ in story.authors)
    style = rng.random()
    if style < 0.4:
        story.byline = f"记者{names}／{filed_from('', rng)}"
        story.authors = [(n, "记者") for n, _ in story.authors]
    elif style < 0.6 and not story.dateline:
        story.dateline = f"〔记者{names}／{filed_from('', rng)}〕"
        first.text = story.dateline + first.text
        story.byline, story.authors = None, [(n, "记者") for n, _ in story.authors]
    elif style < 0.75:
        story.byline = f"文／{names}"
        story.authors = [(n, None) for n, _ in story.authors]


def restyle_brief_hktw(story: Story, rng: random.Random) -> None:
    """A brief's ``本报讯 …（王大海）`` as ``〔记者王大海／台北报导〕…`` or as
    ``【本报讯】…（王大海）``."""
    first = next((it for it in story.body if it.kind == "para"), None)
    if not (first and story.dateline == "本报讯" and first.text.startswith("本报讯 ")):
        return
    text = first.text[len("本报讯 ") :]
    if story.byline_last and story.byline and rng.random() < 0.5:
        names = "、".join(n for n, _ in story.authors)
        story.dateline = f"〔记者{names}／{filed_from('', rng)}〕"
        story.byline, story.byline_last = None, False
        story.authors = [(n, "记者") for n, _ in story.authors]
    else:
        story.dateline = "【本报讯】"
    first.text = story.dateline + text


def restyle_credits_hktw(story: Story, rng: random.Random) -> None:
    """Credits in brackets after the caption (``…。（记者王大海摄）``, ``…。（中央社）``) or
    as ``图／王大海``."""
    for it in story.body:
        c = it.caption
        if c is None or "（" in (c.credit or ""):
            continue
        names = "、".join(c.photographers)
        style = rng.random()
        if c.text and c.photographers and style < 0.45:
            c.credit, c.inline = f"（记者{names}摄）", True
        elif c.photographers and style < 0.75:
            c.credit = f"图／{names}"
        elif c.text and not c.credit and style < 0.5:
            c.credit, c.inline = rng.choice(AGENCY_CREDITS), True


def roc_date(line: str) -> str:
    """``2019年2月16日 星期六`` -> ``中华民国108年2月16日 星期六`` (the year of the Republic)."""
    m = re.match(r"(\d{4})(年.*)", line)
    return f"中华民国{int(m.group(1)) - 1911}{m.group(2)}" if m else line


def restyle_page_hktw(plan: PagePlan, rng: random.Random) -> None:
    """Print the plan as a Hong Kong or Taiwan paper would (in place; the gold follows):
    datelines, bylines, briefs, credits, lead labels in brackets, the date of the Republic
    and a page label (``A4 焦点``) in the masthead, a jump marker (``（下转A5版）``)."""
    for story in plan.mains:
        restyle_head_hktw(story, rng)
        if story.lead_label and rng.random() < 0.6:
            story.lead_label = f"【{story.lead_label}】"
    for story in plan.briefs:
        restyle_brief_hktw(story, rng)
    for story in plan.stories:
        restyle_credits_hktw(story, rng)
    if rng.random() < 0.5:
        plan.head_furniture = [roc_date(f) for f in plan.head_furniture]
    if plan.mains and rng.random() < 0.3:
        page = f"A{rng.randint(2, 16)}"
        rng.choice(plan.mains).jump = rng.choice((f"（下转{page}版）", f"（接{page}版）"))
    if rng.random() < 0.4:
        plan.head_furniture.insert(0, f"A{rng.randint(2, 16)} {rng.choice(TW_DESKS)}")


CORNER_QUOTES = str.maketrans("“”‘’", "「」『』")


def _after_hktw(variant: Callable[[str], str], text: str) -> str:
    """`text` in Taiwan's characters and corner quotes, then in the page's variant."""
    return variant(_opencc("s2tw")(text).translate(CORNER_QUOTES))


# ---------------------------------------------------------------------------------------
# Variants: character-level conversions applied to everything printed
# ---------------------------------------------------------------------------------------

HALFWIDTH = str.maketrans("，：；（）！？", ",:;()!?")
# Where an OCR engine that spaces out Chinese (Tesseract's `chi_sim`) prints a space:
# between two Chinese characters or marks.
_CJK_MARK = "\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e“”…—"
BETWEEN_CJK_RE = re.compile(f"(?<=[{_CJK_MARK}])(?=[{_CJK_MARK}])")
# A "to half-width" conversion that leaves no Chinese mark with an ASCII look-alike.
ASCII = str.maketrans("，：；（）！？。“”‘’", ",:;()!?.\"\"''")


@functools.cache
def _opencc(config: str) -> Callable[[str], str]:
    """OpenCC's conversion `config` (``s2t``, ``s2tw``), made once."""
    try:
        import opencc  # only the traditional variant and the hktw house need it
    except ImportError as exc:
        raise ImportError("Traditional pages need OpenCC: pip install opencc") from exc
    convert: Callable[[str], str] = opencc.OpenCC(config).convert
    return convert


def converter(variant: str) -> Callable[[str], str]:
    """The character conversion of a variant (identity for layout-only variants)."""
    if variant == "halfwidth":
        return lambda s: s.translate(HALFWIDTH)
    if variant == "traditional":
        return _opencc("s2t")
    return lambda s: s


def convert_name(name: str, source: str, converted: str, conv: Callable[[str], str]) -> str:
    """A name as it reads inside the converted line it was taken from. OpenCC converts by
    phrase, so 于飞 alone and 于飞 inside a byline can differ; s2t keeps lengths."""
    at = bare(source).find(name)
    target = bare(converted)
    if at < 0 or len(target) != len(bare(source)):
        return conv(name)
    return target[at : at + len(name)]


def convert_story(story: Story, conv: Callable[[str], str]) -> Story:
    """The story in the variant's characters; the dateline stays a prefix of its paragraph."""

    def opt(s: str | None) -> str | None:
        return conv(s) if s is not None else None

    def item(it: Item) -> Item:
        if it.caption is None:
            return Item(it.kind, conv(it.text))
        c = it.caption
        credit = opt(c.credit)
        names = [convert_name(n, c.credit or "", credit or "", conv) for n in c.photographers]
        return Item("caption", caption=Caption(opt(c.text), credit, names, c.inline))

    body = [item(it) for it in story.body]
    dateline = opt(story.dateline)
    first = next((it.text for it in body if it.kind == "para"), "")
    if story.dateline and not first.startswith(dateline or ""):
        dateline = first[: len(story.dateline)]  # OpenCC converts by phrase; keep the prefix
    byline = opt(story.byline)
    people = (story.byline or "") + (story.dateline or "")
    converted = (byline or "") + (dateline or "")
    return replace(
        story,
        column=opt(story.column),
        kicker=opt(story.kicker),
        headline=conv(story.headline),
        subheadline=opt(story.subheadline),
        byline=byline,
        authors=[(convert_name(n, people, converted, conv), opt(r)) for n, r in story.authors],
        dateline=dateline,
        lead_label=opt(story.lead_label),
        lead=[conv(p) for p in story.lead],
        body=body,
        furniture=[conv(f) for f in story.furniture],
        jump=opt(story.jump),
    )


# ---------------------------------------------------------------------------------------
# Layout: blocks, frames, segments
# ---------------------------------------------------------------------------------------

HEAD_ROLES = frozenset({"kicker", "headline", "subheadline", "byline"})


@dataclass
class Block:
    """One printed block of the dump (blocks are separated by a blank line)."""

    text: str
    role: str  # kicker headline subheadline byline label lead para heading caption credit ...
    story: int = -1  # index into the page's stories; -1 for page furniture
    width: int = 18  # line width for the hardwrap variant
    indent: bool = False  # starts a paragraph (indent variant)
    gap: bool = False  # a photo gap (3 blank lines) precedes it
    glue: bool = False  # must stay right after the previous block
    piece: tuple[int, int, int] | None = None  # (story, paragraph, piece number)
    caption: tuple[int, int] | None = None  # (story, caption number)


@dataclass
class Unit:
    """Something poured into frames: a paragraph (cuttable) or a line that is not."""

    text: str
    role: str
    key: int = -1  # paragraph number within the story, for joins


@dataclass
class Frame:
    width: int
    pieces: list[tuple[int, int, int]]  # (unit index, start, end)


@dataclass
class Segment:
    """A run of blocks that moves as one when the page is arranged."""

    story: int
    kind: str  # head | frame | column
    blocks: list[Block]


def cut_point(text: str, start: int, room: int, width: int | None) -> int | None:
    """Where a frame with `room` characters left ends a paragraph printed from `start`."""
    if width is not None:  # hardwrap: the column ends after a full line
        fits = [
            b for b in wrap_breaks(text, start, width) if b - start <= room and can_cut(text, b)
        ]
        return fits[-1] if fits else None
    pos = min(start + room, len(text) - 1)
    while pos > start and not can_cut(text, pos):
        pos -= 1
    return pos if pos > start and can_cut(text, pos) else None


def pour(units: Sequence[Unit], base: int, rng: random.Random, hardwrap: bool) -> list[Frame]:
    """Fill frames of about `base` characters; cut paragraphs where a frame ends."""
    frames: list[Frame] = []

    def new_frame() -> int:
        carry: list[tuple[int, int, int]] = []
        if frames and len(frames[-1].pieces) > 1 and units[frames[-1].pieces[-1][0]].role != "para":
            carry = [frames[-1].pieces.pop()]  # a subhead never ends a frame
        frames.append(Frame(rng.randint(12, 24), carry))
        room = max(120, min(900, int(base * rng.uniform(0.7, 1.3))))
        return room - sum(end - start for _, start, end in carry)

    room = new_frame()
    i, start = 0, 0
    while i < len(units):
        unit, frame = units[i], frames[-1]
        rest = len(unit.text) - start
        if rest <= room or (not frame.pieces and unit.role != "para"):
            frame.pieces.append((i, start, len(unit.text)))
            room -= rest + rng.randint(0, 12)  # a paragraph's last line is rarely full
            i, start = i + 1, 0
            continue
        cut = None
        if unit.role == "para" and rng.random() > 0.12:  # sometimes the frame ends at a paragraph
            cut = cut_point(unit.text, start, room, frame.width if hardwrap else None)
        if cut is None and not frame.pieces:
            cut = cut_point(unit.text, start, max(room, 60), None) or len(unit.text)
        if cut is not None:
            frame.pieces.append((i, start, cut))
            i, start = (i + 1, 0) if cut == len(unit.text) else (i, cut)
        room = new_frame()
    return [f for f in frames if f.pieces]


def caption_blocks(si: int, ci: int, cap: Caption, rng: random.Random, width: int) -> list[Block]:
    """Photo gap, then caption text and credit (sometimes one block: ``text credit``)."""
    ident = (si, ci)
    if cap.text and cap.credit and cap.inline:  # 市民排队登记。（记者王大海摄）
        return [Block(cap.text + cap.credit, "caption", si, width, gap=True, caption=ident)]
    if cap.text and cap.credit and rng.random() < 0.25:
        return [Block(f"{cap.text} {cap.credit}", "caption", si, width, gap=True, caption=ident)]
    blocks = [
        Block(t, r, si, width, caption=ident)
        for t, r in ((cap.text, "caption"), (cap.credit, "credit"))
        if t
    ]
    blocks[0].gap = True
    for b in blocks[1:]:
        b.glue = True
    return blocks


def frame_blocks(si: int, units: Sequence[Unit], frame: Frame, counts: Counter[int]) -> list[Block]:
    blocks = []
    for ui, start, end in frame.pieces:
        unit = units[ui]
        piece = None
        if unit.role == "para":
            piece = (si, unit.key, counts[unit.key])
            counts[unit.key] += 1
        blocks.append(
            Block(
                unit.text[start:end],
                unit.role,
                si,
                frame.width,
                indent=start == 0 and unit.role == "para",
                piece=piece,
            )
        )
    return blocks


def head_blocks(si: int, story: Story, width: int) -> list[Block]:
    lines = [
        ("kicker", story.kicker),
        ("headline", story.headline),
        ("subheadline", story.subheadline),
    ]
    if not story.byline_last:
        lines.append(("byline", story.byline))
    blocks = [Block(text, role, si, width, glue=True) for role, text in lines if text]
    blocks[0].glue = False
    return blocks


def head_group(si: int, story: Story, width: int) -> list[Block]:
    """A main story's head lines (`head_blocks`) with its lead box under them."""
    head = head_blocks(si, story, width)
    if story.lead_label:
        head.append(Block(story.lead_label, "label", si, width, glue=True))
    head.extend(Block(p, "lead", si, width, indent=True, glue=True) for p in story.lead)
    return head


def body_units(story: Story) -> list[Unit]:
    """What is poured into frames: paragraphs, subheads, and a byline printed last."""
    units = []
    key = 0
    for it in story.body:
        if it.kind == "para":
            units.append(Unit(it.text, "para", key))
            key += 1
        elif it.kind == "heading":
            units.append(Unit(it.text, "heading"))
    if story.byline_last and story.byline:
        units.append(Unit(story.byline, "closing"))
    return units


def layout_story(
    si: int, story: Story, rng: random.Random, hardwrap: bool
) -> tuple[Segment, list[Segment]]:
    """Head group + lead box, body frames, captions at frame boundaries."""
    width = rng.randint(12, 24)
    head = head_group(si, story, width)
    units = body_units(story)
    frames = pour(units, rng.randint(180, 800), rng, hardwrap)
    counts: Counter[int] = Counter()
    segs = [Segment(si, "frame", frame_blocks(si, units, f, counts)) for f in frames]
    if story.jump and segs:  # page furniture, glued to the text it follows
        segs[-1].blocks.append(Block(story.jump, "furniture", glue=True))
    captions = [it.caption for it in story.body if it.caption]
    for ci, cap in enumerate(captions):
        # boundary 0: under the head group; k: between frame k and k+1; n: after the last
        at = 0 if not segs or rng.random() < 0.35 else rng.randint(1, len(segs))
        blocks = caption_blocks(si, ci, cap, rng, width)
        if at == 0:
            head.extend(blocks)
        elif at == len(segs):
            segs[-1].blocks.extend(blocks)
        else:
            segs[at].blocks[:0] = blocks
    return Segment(si, "head", head), segs


def layout_column(
    stories: Sequence[tuple[int, Story]], rubric: str, rng: random.Random, hardwrap: bool
) -> Segment:
    """A side column (briefs or picture stories) under one rubric, printed contiguously."""
    width = rng.randint(12, 24)
    blocks = [Block(rubric, "rubric", stories[0][0], width)]
    for si, story in stories:
        blocks.extend(head_blocks(si, story, width))
        units = body_units(story)
        frames = pour(units, rng.randint(250, 700), rng, hardwrap)
        counts: Counter[int] = Counter()
        text = [b for f in frames for b in frame_blocks(si, units, f, counts)]
        caps = [it.caption for it in story.body if it.caption]
        credits = [b for ci, c in enumerate(caps) for b in caption_blocks(si, ci, c, rng, width)]
        blocks.extend(picture_order(text, credits, rng))
    for b in blocks[1:]:
        b.glue = True
    return Segment(stories[0][0], "column", blocks)


def picture_order(text: list[Block], credits: list[Block], rng: random.Random) -> list[Block]:
    """A side-column story's text and photo blocks in print order. A picture story:
    headline, the picture (a photo gap), text, credit; some papers print the credit right
    under the picture."""
    if credits and (not text or rng.random() < 0.3):
        return credits + text
    if credits:
        credits[0].gap = False
        text[0].gap = True
        return text + credits
    return text


# ---------------------------------------------------------------------------------------
# Column order: how the dump interleaves the stories
# ---------------------------------------------------------------------------------------


def arrange(order: list[Segment], rng: random.Random) -> list[Segment]:
    """Perturb story-by-story order the way column order does on real pages."""
    frames_of: dict[int, list[Segment]] = {}
    for seg in order:
        if seg.kind == "frame":
            frames_of.setdefault(seg.story, []).append(seg)
    heads = [s for s in order if s.kind == "head"]

    def index(seg: Segment) -> int:
        return next(i for i, s in enumerate(order) if s is seg)

    for n, a in enumerate(heads):
        frames = frames_of.get(a.story, [])
        # A story's later frames continue under a later story's head group (the columns
        # beside it), usually the next one's.
        if n + 1 < len(heads) and len(frames) >= 2 and rng.random() < INTERLEAVE_P:
            b = heads[n + 1] if rng.random() < 0.7 else rng.choice(heads[n + 1 :])
            k = rng.randint(1, len(frames) - 1)
            moved = frames[k:] if rng.random() < 0.7 else [frames[k]]
            for seg in moved:
                order.remove(seg)
            at = index(b) + 1
            b_frames = frames_of.get(b.story, [])
            if b_frames and at < len(order) and order[at] is b_frames[0] and rng.random() < 0.5:
                at += 1
            order[at:at] = moved
        # The end of a story printed before its headline.
        if len(frames) >= 3 and rng.random() < LAST_FIRST_P:
            order.remove(frames[-1])
            order.insert(index(a), frames[-1])
        # Two middle frames of a story in swapped columns.
        pairs = [(f, g) for f, g in itertools.pairwise(frames[1:]) if index(g) == index(f) + 1]
        if pairs and rng.random() < SWAP_P:
            f, g = rng.choice(pairs)
            i = index(f)
            order[i], order[i + 1] = g, f
    return order


def move_captions(blocks: list[Block], rng: random.Random) -> list[Block]:
    """Print some photos inside a frame of their story, as papers that set a picture in
    the middle of a column do: its caption (and credit) between two paragraphs, after a
    subhead, or between the two pieces of a paragraph the picture cuts."""
    groups: list[list[Block]] = []
    for b in blocks:
        if b.caption and b.gap:
            groups.append([b])
        elif b.caption and groups and groups[-1][-1].caption == b.caption:
            groups[-1].append(b)
    for group in groups:
        if rng.random() >= 0.5:
            continue
        rest = [b for b in blocks if all(b is not g for g in group)]
        story = group[0].story
        spots = [
            i + 1
            for i, (b, c) in enumerate(itertools.pairwise(rest))
            if b.story == c.story == story
            and b.role in ("para", "heading")
            and c.role == "para"
            and not c.glue
            and not c.gap
        ]
        if spots:
            at = rng.choice(spots)
            blocks = rest[:at] + group + rest[at:]
    return blocks


def move_far(blocks: list[Block], rng: random.Random) -> list[Block]:
    """Continue one cut paragraph 5-15 blocks further down (a jump across columns)."""
    starts = [i for i, b in enumerate(blocks) if b.piece and b.piece[2] > 0 and not b.glue]
    if not starts or rng.random() >= FAR_P:
        return blocks
    i = rng.choice(starts)
    j = i + 1  # the moved run: this continuation and the rest of its frame's paragraphs
    while (
        j < len(blocks)
        and blocks[j].story == blocks[i].story
        and blocks[j].role in ("para", "heading", "closing")
        and not blocks[j].gap
    ):
        j += 1
    run, rest = blocks[i:j], blocks[:i] + blocks[j:]
    at = i + rng.randint(5, 15)
    while at < len(rest) and rest[at].glue:
        at += 1
    if at >= len(rest):
        return blocks
    return rest[:at] + run + rest[at:]


# ---------------------------------------------------------------------------------------
# Grid layout: a broadsheet page as a PDF text extractor reads it (``--layout grid``)
# ---------------------------------------------------------------------------------------

LAYOUTS = ("frames", "grid")
GRID_COLUMNS = (5, 8)  # page columns
GRID_TALL = 180  # lines of text a page column holds, at most, before the page has more
GRID_WIDTH = (10, 16)  # characters a line of a page column
GRID_MAX_SPAN = 4  # page columns of a story's module
GRID_LEAD_SPAN = 6  # ... of the page's first story, which may run wide
GRID_BY_MODULE_P = 0.3  # per page: the extractor follows the text boxes, module by module
GRID_PICTURE_LINES = (6, 18)  # a picture's height in lines of text, its caption not counted
GRID_UNDER_HEAD_P = 0.35  # a photo right under the head group (frames' boundary 0)
TEXT = frozenset({"para", "closing"})  # the roles a jump marker follows
# The head group's type against the body's: how many body characters one of its takes.
HEAD_SCALE = {"kicker": 1.5, "headline": 3.0, "subheadline": 1.5, "lead": 1.2}


@dataclass
class Photo:
    """A picture set in one column of a module, the text flowing around it."""

    across: float  # which module column, as a fraction of the module's span
    at: float  # where its top sits, as a fraction of the column's height
    lines: int  # lines of text it takes, caption included
    blocks: list[Block]  # its caption and credit, the first after a photo gap


@dataclass
class Cell:
    """What the extractor meets at one place of the page: a head group, one column of a
    module, or a side column; its blocks from line `top` of page column `column` down."""

    column: int
    top: int
    module: tuple[int, int]  # (top, first column) of its module: the module reading order
    part: int  # 0 for the head group, j + 1 for the module's column j
    blocks: list[Block]


@dataclass
class GridPage:
    """The geometry a grid page was laid out with (for the run's description)."""

    columns: int
    width: int
    height: int  # lines of the longest page column
    by_module: bool  # read module by module rather than page column by page column


def text_lines(text: str, start: int, width: int) -> int:
    """Lines that text[start:] takes in a column `width` characters wide."""
    return len(wrap_breaks(text, start, width)) + 1


def head_lines(head: Sequence[Block], span: int, width: int) -> int:
    """Lines of body text a head group takes across `span` columns (its type is larger,
    and a line of space follows each of its blocks)."""
    room = span * width
    total = 0
    for b in head:
        scale = HEAD_SCALE.get(b.role, 1.0)
        total += math.ceil(scale) * math.ceil(len(b.text) * scale / room) + 1
    return total


def grid_pour(
    si: int,
    units: Sequence[Unit],
    photos: Sequence[Photo],
    span: int,
    height: int,
    width: int,
) -> list[list[Block]] | None:
    """A story's body poured line by line down `span` columns of `height` lines, around its
    photos; None when it does not fit.

    A paragraph that does not fit the lines left above a column's end (or above a photo)
    is cut at the last line end it may be cut at (`can_cut`) and continues at the top of
    the next column (or under the photo); a subhead never ends a column nor stands over a
    photo, it moves on with its text; a subhead or a closing byline that does not fit moves
    whole."""
    columns: list[list[Block]] = []
    counts: Counter[int] = Counter()
    i, start = 0, 0
    for col in range(span):
        blocks: list[Block] = []
        here = [p for p in photos if min(span - 1, int(p.across * span)) == col]
        stops = sorted(
            (min(int(p.at * height), max(0, height - p.lines)), n) for n, p in enumerate(here)
        )
        y = 0
        for top, n in [*stops, (height, -1)]:
            room, first = top - y, len(blocks)
            while i < len(units) and room > 0:
                unit = units[i]
                lines = text_lines(unit.text, start, width)
                end = len(unit.text)
                if lines > room:
                    if unit.role != "para":
                        break
                    breaks = wrap_breaks(unit.text, start, width)[:room]
                    cuts = [k for k, b in enumerate(breaks) if can_cut(unit.text, b)]
                    if not cuts:
                        break
                    end, lines = breaks[cuts[-1]], cuts[-1] + 1
                blocks += frame_blocks(si, units, Frame(width, [(i, start, end)]), counts)
                room -= lines
                if end < len(unit.text):
                    start = end
                    break
                i, start = i + 1, 0
            if i < len(units) and len(blocks) > first and blocks[-1].role == "heading":
                blocks.pop()  # the subhead goes on with its text
                i, start = i - 1, 0
            if n >= 0:
                blocks += here[n].blocks
                y = max(y, top) + here[n].lines
        columns.append(blocks)
    return columns if i == len(units) else None


def grid_side_column(
    groups: Sequence[tuple[Sequence[tuple[int, Story]], str]], rng: random.Random, width: int
) -> list[Block]:
    """A side column of the grid page: each group (briefs, picture stories) under its
    rubric, one block per paragraph (a single column has no column break to cut at)."""
    blocks: list[Block] = []
    for stories, rubric in groups:
        blocks.append(Block(rubric, "rubric", stories[0][0], width))
        for si, story in stories:
            blocks.extend(head_blocks(si, story, width))
            units = body_units(story)
            whole = Frame(width, [(i, 0, len(u.text)) for i, u in enumerate(units)])
            text = frame_blocks(si, units, whole, Counter()) if units else []
            caps = [it.caption for it in story.body if it.caption]
            credits = [
                b for ci, c in enumerate(caps) for b in caption_blocks(si, ci, c, rng, width)
            ]
            blocks.extend(picture_order(text, credits, rng))
    for b in blocks[1:]:
        b.glue = True
    return blocks


def grid_module(
    si: int, story: Story, rng: random.Random, width: int
) -> tuple[list[Block], list[Unit], list[Photo]]:
    """A main story's head group (kicker, headline, subheadline, byline, lead box), body
    units and photos (each in a random module column at a random height, or under the
    head group), before its module is placed."""
    head = head_group(si, story, width)
    photos = []
    for ci, cap in enumerate(it.caption for it in story.body if it.caption):
        blocks = caption_blocks(si, ci, cap, rng, width)
        under_head = rng.random() < GRID_UNDER_HEAD_P
        across, at = (0.0, 0.0) if under_head else (rng.random(), rng.random())
        lines = rng.randint(*GRID_PICTURE_LINES) + sum(text_lines(b.text, 0, width) for b in blocks)
        photos.append(Photo(across, at, lines, blocks))
    return head, body_units(story), photos


def lay_out_grid(
    plan: PagePlan, stories: Sequence[Story], rng: random.Random
) -> tuple[list[Block], GridPage]:
    """The page's blocks as an extractor reads a page of 5-8 columns (see the module
    docstring): modules packed by a skyline, each page column read top to bottom, page
    columns left to right (or, on some pages, module by module)."""
    n_mains, n_briefs = len(plan.mains), len(plan.briefs)
    width = rng.randint(*GRID_WIDTH)
    groups = [
        ([(i, stories[i]) for i in ids], rubric)
        for ids, rubric in (
            (range(n_mains, n_mains + n_briefs), plan.brief_rubric),
            (range(n_mains + n_briefs, len(stories)), plan.photo_rubric),
        )
        if ids
    ]
    parts = [grid_module(si, stories[si], rng, width) for si in range(n_mains)]
    body = [
        sum(text_lines(u.text, 0, width) for u in units) + sum(p.lines for p in photos)
        for _, units, photos in parts
    ]
    total = sum(body) + sum(head_lines(head, 1, width) for head, _, _ in parts)
    # A page of much text has more columns; beyond 8 its columns grow taller.
    fewest = math.ceil(total / GRID_TALL) + bool(groups)
    n_columns = rng.randint(min(GRID_COLUMNS[1], max(GRID_COLUMNS[0], fewest)), GRID_COLUMNS[1])
    side = (0 if rng.random() < 0.5 else n_columns - 1) if groups else -1
    mains = n_columns - bool(groups)  # page columns for the main stories
    offset = int(side == 0)
    page_height = max(1.0, total / mains)  # what a page column would hold, about

    sky = [0] * mains  # the lowest used line of each main column
    cells: list[Cell] = []
    for si, (head, units, photos) in enumerate(parts):
        hi = min(mains, GRID_LEAD_SPAN if si == 0 else GRID_MAX_SPAN)
        lo = min(2, hi) if si == 0 else 1
        want = math.ceil(body[si] / (page_height * rng.uniform(0.35, 0.9)))
        want = min(hi, max(lo, want))
        # Where the module ends highest: `want` columns, or one fewer (a gap it fills).
        places = [
            (max(sky[x : x + s]) + head_lines(head, s, width) + math.ceil(body[si] / s), x, s)
            for s in range(max(lo, want - 1), want + 1)
            for x in range(mains - s + 1)
        ]
        bottom = min(p[0] for p in places)
        _, x, span = rng.choice([p for p in places if p[0] == bottom])
        top = max(sky[x : x + span])
        head_height = head_lines(head, span, width)
        height = max(4, math.ceil(body[si] / span))
        while (columns := grid_pour(si, units, photos, span, height, width)) is None:
            height += max(1, height // 20)
        text = [(j, n) for j, c in enumerate(columns) for n, b in enumerate(c) if b.role in TEXT]
        jump = stories[si].jump
        if jump and text:  # page furniture, glued to the text it follows
            j, n = text[-1]
            columns[j].insert(n + 1, Block(jump, "furniture", glue=True))
        left = offset + x
        cells.append(Cell(left, top, (top, left), 0, head))
        cells += [
            Cell(left + j, top + head_height, (top, left), j + 1, blocks)
            for j, blocks in enumerate(columns)
        ]
        sky[x : x + span] = [top + head_height + height] * span
    if groups:
        cells.append(Cell(side, 0, (0, side), 0, grid_side_column(groups, rng, width)))
    by_module = rng.random() < GRID_BY_MODULE_P
    cells.sort(key=(lambda c: (c.module, c.part)) if by_module else (lambda c: (c.column, c.top)))
    blocks = [b for c in cells for b in c.blocks]
    return blocks, GridPage(n_columns, width, max(sky, default=0), by_module)


# ---------------------------------------------------------------------------------------
# A page: stories -> blocks -> dump text + gold
# ---------------------------------------------------------------------------------------


@dataclass
class PageStats:
    """What one generated page contains (for the benchmark's description)."""

    variant: str = ""
    house: str = ""
    layout: str = "frames"
    blocks: int = 0
    chars: int = 0
    articles: int = 0
    briefs: int = 0
    photos: int = 0
    joins: int = 0
    joins_adjacent: int = 0  # continuation is the next block
    joins_near: int = 0  # 2-4 blocks later (a caption between, a swapped frame)
    joins_far: int = 0  # 5 or more blocks away, or printed before the first piece
    captions: int = 0
    headings: int = 0
    leads: int = 0
    datelines: int = 0
    bylines: int = 0
    unplaced: int = 0
    columns: int = 0  # grid pages: page columns, characters a line, lines a column,
    line_width: int = 0  # and whether the extractor read it module by module
    height: int = 0
    by_module: int = 0


@dataclass
class GeneratedPage:
    text: str
    gold: dict[str, Any]
    stats: PageStats


def render(blocks: Sequence[Block], variant: str, rng: random.Random) -> str:
    """The dump: blocks separated by a blank line, three before a photo; the variant's
    indent or hard wrap; sometimes blank lines before the first block, a final newline."""
    parts = ["\n\n" if rng.random() < 0.5 else ""]
    for n, b in enumerate(blocks):
        text = b.text
        if variant == "indent" and b.indent:
            text = "\u3000\u3000" + text  # two ideographic spaces: the paragraph indent
        elif variant == "hardwrap":
            text = wrap(text, b.width)
        if n:
            parts.append("\n\n\n\n" if b.gap else "\n\n")
        parts.append(text)
    parts.append("\n" if rng.random() < 0.5 else "")
    return "".join(parts)


def gold_article(story: Story, captions: list[Caption], joins: list[list[str]]) -> dict[str, Any]:
    sections: list[dict[str, Any]] = []
    for it in story.body:
        if it.kind == "heading":
            sections.append({"heading": it.text, "paragraphs": []})
        elif it.kind == "para":
            if not sections:
                sections.append({"heading": None, "paragraphs": []})
            sections[-1]["paragraphs"].append(it.text)
    return {
        "kind": story.kind,
        "column": story.column,
        "kicker": story.kicker,
        "headline": story.headline,
        "subheadline": story.subheadline,
        "byline": story.byline,
        "authors": [{"name": n, "role": r} for n, r in story.authors],
        "dateline": story.dateline,
        "lead_label": story.lead_label,
        "lead": list(story.lead),
        "sections": sections,
        "captions": [
            {"text": c.text, "credit": c.credit, "photographers": c.photographers} for c in captions
        ],
        "joins": joins,
    }


def pick_extras(
    pools: Sequence[Sequence[Mapping[str, Any]]],
    taken: set[tuple[Any, ...]],
    want: Callable[[Story], bool],
    k: int,
    rng: random.Random,
) -> list[Story]:
    """Up to k stories from other pages that satisfy `want`: random tries in each pool in
    turn (the page's own date first). `taken` holds (date, page, order) of rows used."""
    found: list[Story] = []
    for pool in pools:
        for _ in range(40 if pool else 0):
            if len(found) >= k:
                return found
            row = pool[rng.randrange(len(pool))]
            key = (row.get("date"), row.get("page"), row.get("order"))
            if key in taken:
                continue
            taken.add(key)
            story = read_article(row)
            if story and want(story):
                found.append(story)
    return found


@dataclass
class PagePlan:
    """What a page prints, before the variant's conversion and the layout."""

    mains: list[Story]
    briefs: list[Story]
    photos: list[Story]
    brief_rubric: str
    photo_rubric: str
    head_furniture: list[str]  # page start: masthead date, sometimes editors
    tail_furniture: list[str]  # page end: furniture found in the text, editors

    @property
    def stories(self) -> list[Story]:
        return [*self.mains, *self.briefs, *self.photos]


def plan_page(
    articles: Sequence[Mapping[str, Any]],
    rng: random.Random,
    extras: Sequence[Mapping[str, Any]],
) -> PagePlan:
    """Choose the page's stories, its side columns and furniture; invent what the corpus
    lacks (bylines, photo credits, dashes before subtitles)."""
    stories = [s for s in map(read_article, articles) if s]
    if not stories:
        raise ValueError("no printable article on this page")
    taken = {(a.get("date"), a.get("page"), a.get("order")) for a in articles}
    date = str(articles[0].get("date", "20190201"))
    pools = ([r for r in extras if r.get("date") == date], extras)
    mains = [s for s in stories if s.kind == "article"]
    photos = [s for s in stories if s.kind == "photo"]

    briefs: list[Story] = []
    brief_rubric = photo_rubric = ""
    if rng.random() < BRIEFS_P:
        name, decoration = rng.choice(BRIEF_RUBRICS)
        k = rng.randint(2, 4)
        spare = [s for s in mains if brief_ok(s)][: max(0, len(mains) - 2)]
        chosen = rng.sample(spare, min(len(spare), rng.randint(0, k))) if spare else []
        chosen += pick_extras(pools, taken, brief_ok, k - len(chosen), rng)
        if len(chosen) >= 2:
            mains = [s for s in mains if all(s is not c for c in chosen)]
            briefs = [make_brief(s, name, rng) for s in chosen]
            brief_rubric = rubric_line(name, decoration, rng, bare_ok=False)
    if not photos and rng.random() < EXTRA_PHOTO_P:
        photos = pick_extras(pools, taken, lambda s: s.kind == "photo", 1, rng)
    if photos:
        name, decoration = rng.choice(PHOTO_RUBRICS)
        photo_rubric = rubric_line(name, decoration, rng, bare_ok=True)
        for s in photos:
            s.column = name

    for s in mains:
        dashes = s.subheadline and not s.subheadline.startswith("—") and len(s.subheadline) <= 40
        if dashes and rng.random() < SUBTITLE_DASH_P:
            s.subheadline = f"——{s.subheadline}"
        if not (s.byline or s.dateline or credited(s)) and rng.random() < INVENTED_BYLINE_P:
            s.byline, people = invent_byline(rng, closing=False)
            s.authors = people + s.authors
        if rng.random() < INVENTED_CREDIT_P:
            s.body.append(Item("caption", caption=invent_credit(rng)))
    head, tail = page_furniture(date, rng)
    furniture = [f for s in stories for f in s.furniture]
    return PagePlan(mains, briefs, photos, brief_rubric, photo_rubric, head, furniture + tail)


def lay_out(
    plan: PagePlan, stories: Sequence[Story], rng: random.Random, hardwrap: bool
) -> list[Block]:
    """The page's blocks in column order (`stories` are the plan's, converted)."""
    n_mains, n_briefs = len(plan.mains), len(plan.briefs)
    order: list[Segment] = []
    for si in range(n_mains):
        head, frames = layout_story(si, stories[si], rng, hardwrap)
        order += [head, *frames]
    order = arrange(order, rng)
    columns = [
        (range(n_mains, n_mains + n_briefs), plan.brief_rubric),
        (range(n_mains + n_briefs, len(stories)), plan.photo_rubric),
    ]
    for ids, rubric in columns:
        if ids:
            seg = layout_column([(i, stories[i]) for i in ids], rubric, rng, hardwrap)
            slots = [0, len(order)] + [i for i, s in enumerate(order) if s.kind == "head"]
            order.insert(rng.choice(slots), seg)
    return move_far([b for seg in order for b in seg.blocks], rng)


def page_gold(
    stories: Sequence[Story], blocks: Sequence[Block], source: str | None, variant: str
) -> tuple[dict[str, Any], PageStats]:
    """The gold page (articles in the order of their head groups, captions and joins in
    print order) and the statistics of what the page contains."""
    first_seen: dict[int, int] = {}
    cap_seen: dict[tuple[int, int], int] = {}
    piece_at: dict[tuple[int, int, int], int] = {}
    for n, b in enumerate(blocks):
        if b.role in HEAD_ROLES or b.role == "rubric":
            first_seen.setdefault(b.story, n)
        if b.caption:
            cap_seen.setdefault(b.caption, n)
        if b.piece:
            piece_at[b.piece] = n
    # A column break cut paragraph `key` of story `si` after piece k if piece k+1 exists.
    cuts = sorted(p for p in piece_at if (p[0], p[1], p[2] + 1) in piece_at)
    unplaced = [b.text for b in blocks if b.role == "furniture"]
    stats = PageStats(variant=variant, blocks=len(blocks), unplaced=len(unplaced))
    stats.chars = sum(len(bare(b.text)) for b in blocks)

    articles = []
    for si in sorted(range(len(stories)), key=first_seen.__getitem__):
        story = stories[si]
        caps = [it.caption for it in story.body if it.caption]
        printed = sorted((n, ci) for (s, ci), n in cap_seen.items() if s == si)
        joins = []
        for _, key, k in (c for c in cuts if c[0] == si):
            first, second = piece_at[(si, key, k)], piece_at[(si, key, k + 1)]
            joins.append([blocks[first].text[-8:], blocks[second].text[:8]])
            distance = second - first
            stats.joins += 1
            stats.joins_adjacent += distance == 1
            stats.joins_near += 1 < distance < 5
            stats.joins_far += not 0 < distance < 5
        articles.append(gold_article(story, [caps[ci] for _, ci in printed], joins))
        stats.articles += story.kind == "article"
        stats.briefs += story.kind == "brief"
        stats.photos += story.kind == "photo"
        stats.captions += len(caps)
        stats.headings += sum(it.kind == "heading" for it in story.body)
        stats.leads += bool(story.lead)
        stats.datelines += bool(story.dateline)
        stats.bylines += bool(story.byline)
    gold = {
        "schema": "newspage/1",
        "source": source,
        "articles": articles,
        "unplaced": unplaced,
        "variant": variant,
    }
    return gold, stats


def generate(
    articles: Sequence[Mapping[str, Any]],
    rng: random.Random,
    variant: str,
    *,
    extras: Sequence[Mapping[str, Any]] = (),
    source: str | None = None,
    house: str = "rmrb",
    house_rng: random.Random | None = None,
    layout: str = "frames",
) -> GeneratedPage:
    """Lay the corpus articles of one printed page out as a dump, with its gold.

    Args:
        articles: the corpus rows of one page (``date``, ``page``, ``order``, ``kicker``,
            ``headline``, ``subtitle``, ``paragraphs``), in page order.
        rng: the only source of randomness; the same seed gives the same page.
        variant: one of ``plain halfwidth traditional hardwrap indent mixed ascii ocr``.
        extras: other corpus rows to draw briefs and picture stories from.
        source: the file name recorded in the gold's ``source``.
        house: ``rmrb`` (人民日报's conventions), ``local`` (another paper's bylines,
            datelines, labels, credits and furniture: `restyle_page`), ``hktw`` (a Hong
            Kong or Taiwan paper's, in Traditional characters: `restyle_page_hktw`) or
            ``mixed`` (one of the three per page).
        house_rng: the randomness of the house style, apart from `rng` so that a page
            of either house is laid out alike (default: seeded from `source`).
        layout: ``frames`` (stories poured into frames, then put into column order:
            `lay_out`) or ``grid`` (modules on a page of columns, read as a PDF text
            extractor reads it: `lay_out_grid`). The grid draws its randomness from `rng`
            after the plan, so a frames page is what it was before the grid existed.

    Returns:
        The dump (``text``), its gold (``gold``) and what the layout did (``stats``); see
        the module docstring for the model.
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; choose from {', '.join(VARIANTS)}")
    if variant == "mixed":
        variant = rng.choice(BASE_VARIANTS)
    if house not in HOUSES:
        raise ValueError(f"unknown house {house!r}; choose from {', '.join(HOUSES)}")
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    house_rng = house_rng or random.Random(f"house:{source}")
    if house == "mixed":
        house = house_rng.choice(HOUSES[:3])
    plan = plan_page(articles, rng, extras)
    if house == "local":
        restyle_page(plan, house_rng)
    elif house == "hktw":
        restyle_page_hktw(plan, house_rng)
    # The ascii and ocr pages are the halfwidth page changed after the layout: it was set
    # with `“` and `。`, which never start a line, and then converted or read by an OCR.
    conv = converter("halfwidth" if variant in ("ascii", "ocr") else variant)
    if house == "hktw":  # the variant's conversion applies to the page in Traditional
        conv = functools.partial(_after_hktw, conv)
    stories = [convert_story(s, conv) for s in plan.stories]
    plan.brief_rubric, plan.photo_rubric = conv(plan.brief_rubric), conv(plan.photo_rubric)
    grid: GridPage | None = None
    if layout == "grid":  # its photos already sit inside their columns: no move_captions
        blocks, grid = lay_out_grid(plan, stories, rng)
    else:
        blocks = lay_out(plan, stories, rng, variant == "hardwrap")
        if house in ("local", "hktw"):
            blocks = move_captions(blocks, house_rng)
    blocks = [
        *(Block(conv(t), "furniture") for t in plan.head_furniture),
        *blocks,
        *(Block(conv(t), "furniture") for t in plan.tail_furniture),
    ]
    text = render(blocks, variant, rng)
    gold, stats = page_gold(stories, blocks, source, variant)
    gold["house"] = stats.house = house
    if grid:  # frames pages keep the gold they always had
        gold["layout"] = stats.layout = layout
        stats.columns, stats.line_width, stats.height = grid.columns, grid.width, grid.height
        stats.by_module = int(grid.by_module)
    if variant == "ascii":
        text, gold = text.translate(ASCII), _translated(gold, ASCII)
    elif variant == "ocr":  # the gold stays: the scorer ignores whitespace
        text = BETWEEN_CJK_RE.sub(" ", text)
    return GeneratedPage(text, gold, stats)


def _translated(value: Any, table: dict[int, int | str]) -> Any:
    """Every string inside `value` (a gold page) translated with `table`; keys stay."""
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, list):
        return [_translated(v, table) for v in value]
    if isinstance(value, dict):
        return {k: _translated(v, table) for k, v in value.items()}
    return value


# ---------------------------------------------------------------------------------------
# Corpus and command line
# ---------------------------------------------------------------------------------------


def load_corpus(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parse_dates(spec: str) -> tuple[str, str]:
    m = re.fullmatch(r"(\d{8})(?:-(\d{8}))?", spec)
    if not m:
        raise argparse.ArgumentTypeError(f"expected YYYYMMDD-YYYYMMDD, got {spec!r}")
    return m.group(1), m.group(2) or m.group(1)


def printed_pages(
    rows: Sequence[dict[str, Any]], dates: tuple[str, str]
) -> list[list[dict[str, Any]]]:
    """Pages (date + 版) in the date range with at least two printable articles."""
    pages: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in rows:
        if dates[0] <= row["date"] <= dates[1]:
            pages.setdefault((row["date"], row["page"]), []).append(row)
    out = []
    for key in sorted(pages):
        page = sorted(pages[key], key=lambda r: r["order"])
        if sum(read_article(r) is not None for r in page) >= 2:
            out.append(page)
    return out


def pages_of_run(
    n_pages: int, seed: int, pages: Sequence[list[dict[str, Any]]]
) -> list[list[dict[str, Any]]]:
    """Page i of the run: a fresh shuffle of the printed pages per cycle, so that the first
    k pages of a run of N are the pages of a run of k."""
    plan: list[list[dict[str, Any]]] = []
    cycle = 0
    while len(plan) < n_pages:
        shuffled = list(pages)
        random.Random(f"{seed}:order:{cycle}").shuffle(shuffled)
        plan.extend(shuffled)
        cycle += 1
    return plan[:n_pages]


def page_name(i: int, page: Sequence[Mapping[str, Any]]) -> str:
    return f"{i:04d}_{page[0]['date']}_{int(page[0]['page']):02d}"


def generate_run(
    rows: Sequence[dict[str, Any]],
    n_pages: int,
    seed: int,
    variant: str,
    dates: tuple[str, str],
    house: str = "rmrb",
    layout: str = "frames",
) -> Iterable[tuple[str, GeneratedPage]]:
    """(name, page) for every page of a run; page i depends only on (seed, i)."""
    pages = printed_pages(rows, dates)
    if not pages:
        raise SystemExit(f"no page with two printable articles between {dates[0]} and {dates[1]}")
    extras = [r for r in rows if dates[0] <= r["date"] <= dates[1]]
    for i, page in enumerate(pages_of_run(n_pages, seed, pages)):
        name = page_name(i, page)
        rng, house_rng = random.Random(f"{seed}:page:{i}"), random.Random(f"{seed}:house:{i}")
        yield (
            name,
            generate(
                page,
                rng,
                variant,
                extras=extras,
                source=name + ".txt",
                house=house,
                house_rng=house_rng,
                layout=layout,
            ),
        )


def write_page(out: Path, name: str, page: GeneratedPage) -> None:
    (out / f"{name}.txt").write_text(page.text, encoding="utf-8")
    (out / f"{name}.json").write_text(
        json.dumps(page.gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


PER_PAGE = (
    "blocks", "chars", "articles", "briefs", "photos", "captions", "headings", "leads",
    "datelines", "bylines", "unplaced",
)  # fmt: skip


def describe(stats: Sequence[PageStats]) -> str:
    """What the pages of a run contain, on average per page."""
    n = len(stats) or 1
    total: Counter[str] = Counter()
    for s in stats:
        total.update({k: v for k, v in vars(s).items() if isinstance(v, int)})
    kinds = Counter(s.variant for s in stats) + Counter(f"house {s.house}" for s in stats)
    variants = ", ".join(f"{v} {c}" for v, c in sorted(kinds.items()))
    sizes = [s.blocks for s in stats] or [0]
    return "\n".join(
        [
            f"{len(stats)} pages ({variants}); blocks per page {min(sizes)}-{max(sizes)}",
            "per page: " + ", ".join(f"{k} {total[k] / n:.1f}" for k in PER_PAGE),
            f"joins per page {total['joins'] / n:.1f}: adjacent {total['joins_adjacent'] / n:.1f}, "
            f"2-4 blocks on {total['joins_near'] / n:.1f}, "
            f"5+ blocks on or backwards {total['joins_far'] / n:.1f}",
            f"pages with briefs {sum(s.briefs > 0 for s in stats)}, "
            f"with a picture story {sum(s.photos > 0 for s in stats)}, "
            f"with a far join {sum(s.joins_far > 0 for s in stats)}",
            *describe_grid([s for s in stats if s.layout == "grid"]),
        ]
    )


def describe_grid(stats: Sequence[PageStats]) -> list[str]:
    """The geometry of a run's grid pages (nothing for a run of frames pages)."""
    if not stats:
        return []
    n = len(stats)

    def spread(key: str) -> str:
        values = [getattr(s, key) for s in stats]
        return f"{min(values)}-{max(values)} (mean {sum(values) / n:.1f})"

    return [
        f"grid pages {n}: columns {spread('columns')}, characters a line "
        f"{spread('line_width')}, lines a column {spread('height')}; "
        f"read module by module {sum(s.by_module for s in stats)}"
    ]


# ---------------------------------------------------------------------------------------
# Self-checks (--check)
# ---------------------------------------------------------------------------------------

OPTIONAL_STR = (str, type(None))
ARTICLE_KEYS = {
    "kind": (str,), "column": OPTIONAL_STR, "kicker": OPTIONAL_STR, "headline": OPTIONAL_STR,
    "subheadline": OPTIONAL_STR, "byline": OPTIONAL_STR, "authors": (list,),
    "dateline": OPTIONAL_STR, "lead_label": OPTIONAL_STR, "lead": (list,), "sections": (list,),
    "captions": (list,), "joins": (list,),
}  # fmt: skip


def dump_blocks(text: str) -> list[str]:
    """Blocks of a dump as a parser splits them: at blank lines."""
    return [b for b in re.split(r"\n[ \t\u3000]*\n", text) if b.strip()]


def printed_fields(gold: Mapping[str, Any]) -> Counter[str]:
    """Characters of every place the contract lets printed text go (dateline and authors
    repeat text, so they are not counted; a rubric counts once per run of its articles)."""
    chars: Counter[str] = Counter()
    previous_column = None
    for a in gold["articles"]:
        if a["column"] and a["column"] != previous_column:
            chars.update(bare(a["column"]))
        previous_column = a["column"]
        for key in ("kicker", "headline", "subheadline", "byline", "lead_label"):
            chars.update(bare(a[key] or ""))
        for p in a["lead"]:
            chars.update(bare(p))
        for s in a["sections"]:
            chars.update(bare(s["heading"] or ""))
            for p in s["paragraphs"]:
                chars.update(bare(p))
        for c in a["captions"]:
            chars.update(bare(c["text"] or "") + bare(c["credit"] or ""))
    for u in gold["unplaced"]:
        chars.update(bare(u))
    return chars


def check_page(text: str, gold: Mapping[str, Any]) -> list[str]:
    """Problems with one generated page (an empty list when it is sound)."""
    problems = []
    for key in ("schema", "source", "articles", "unplaced"):
        if key not in gold:
            problems.append(f"gold lacks {key!r}")
    for n, a in enumerate(gold.get("articles", [])):
        for key, types in ARTICLE_KEYS.items():
            if not isinstance(a.get(key, ...), types):
                problems.append(f"article {n}: {key} is {type(a.get(key)).__name__}")
        texts = [a["headline"], *a["lead"], *(p for s in a["sections"] for p in s["paragraphs"])]
        if any(not t or t != squash(t) for t in texts):
            problems.append(f"article {n}: empty or unsquashed text")
    if problems:
        return problems

    # 1. Every printed character is in the gold exactly once; only decorations are missing.
    blocks = [bare(b) for b in dump_blocks(text)]
    columns = [a["column"] for a in gold["articles"] if a["column"]]
    decoration: Counter[str] = Counter()
    for b in blocks:
        for c in columns:
            if b.startswith(bare(c)) and re.fullmatch(r"[A-Z]+", b[len(bare(c)) :]):
                decoration.update(b[len(bare(c)) :])
                break
    dumped, printed = Counter(bare(text)), printed_fields(gold)
    if dumped - printed != decoration:
        stray = "".join(sorted((dumped - printed - decoration).elements()))
        problems.append(f"printed but not in gold: {stray!r}")
    if printed - dumped:
        problems.append(
            f"in gold but not printed: {''.join(sorted((printed - dumped).elements()))!r}"
        )

    for n, a in enumerate(gold["articles"]):
        paras = [p for s in a["sections"] for p in s["paragraphs"]]
        every = [bare(p) for p in (*a["lead"], *paras)]
        # 2. The dateline opens the first paragraph; authors come from byline or dateline.
        if a["dateline"] and not (paras and bare(paras[0]).startswith(bare(a["dateline"]))):
            problems.append(f"article {n}: dateline {a['dateline']!r} does not open its text")
        people = bare((a["byline"] or "") + (a["dateline"] or ""))
        for person in a["authors"]:
            if bare(person["name"]) not in people:
                problems.append(f"article {n}: author {person['name']!r} not in byline/dateline")
        for c in a["captions"]:
            if not (c["text"] or c["credit"]):
                problems.append(f"article {n}: empty caption")
            for name in c["photographers"]:
                if bare(name) not in bare(c["credit"] or ""):
                    problems.append(f"article {n}: photographer {name!r} not in credit")
        # 3. Each join is a block end + a block start, and joined they are in a paragraph.
        for tail, head in a["joins"]:
            t, h = bare(tail), bare(head)
            if not any(b.endswith(t) for b in blocks) or not any(b.startswith(h) for b in blocks):
                problems.append(f"article {n}: join {tail!r}+{head!r} is not a block end/start")
            if not any(t + h in p for p in every):
                problems.append(f"article {n}: join {tail!r}+{head!r} is in no paragraph")
    return problems


def load_scorer() -> Any:
    """``../shared/tools/score.py`` (a script, not a package), imported by path."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("newspage_score", SCORER)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_checks(args: argparse.Namespace, rows: Sequence[dict[str, Any]]) -> int:
    """Invariants of N generated pages, gold scored against itself, and determinism."""
    failures: list[str] = []
    stats: list[PageStats] = []
    scorer = load_scorer() if SCORER.exists() else None
    total: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "a", Path(tmp) / "b"
        first.mkdir()
        for name, page in generate_run(
            rows, args.pages, args.seed, args.variant, args.dates, args.house, args.layout
        ):
            write_page(first, name, page)
            stats.append(page.stats)
            failures += [f"{name}: {p}" for p in check_page(page.text, page.gold)]
            if scorer:
                total += scorer.score_page(page.gold, page.gold)
        # Determinism across processes (a different hash seed catches set-order leaks).
        cmd = [
            sys.executable, str(Path(__file__).resolve()), "--out", str(second),
            "--pages", str(args.pages), "--seed", str(args.seed), "--variant", args.variant,
            "--house", args.house, "--layout", args.layout,
            "--dates", "-".join(args.dates), "--corpus", str(args.corpus), "--quiet",
        ]  # fmt: skip
        env = {**os.environ, "PYTHONHASHSEED": "12345"}
        subprocess.run(cmd, check=True, env=env)
        names = sorted(p.name for p in first.iterdir())
        if names != sorted(p.name for p in second.iterdir()):
            failures.append("determinism: a second run wrote other files")
        else:
            failures += [
                f"determinism: {n} differs"
                for n in names
                if (first / n).read_bytes() != (second / n).read_bytes()
            ]
    print(describe(stats))
    if scorer:
        score = scorer.summarize(total)
        print(f"gold scored against itself: {' '.join(f'{k}={v:.3f}' for k, v in score.items())}")
        if score["score"] < 0.9999:
            failures.append(f"gold against itself scores {score['score']:.4f}, not 1")
    for f in failures[:40]:
        print("FAIL", f)
    print(f"checked {len(stats)} pages: {'OK' if not failures else f'{len(failures)} problems'}")
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output directory (default {DEFAULT_OUT})"
    )
    ap.add_argument("--pages", type=int, default=20, help="number of pages (default 20)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variant", choices=VARIANTS, default="mixed")
    ap.add_argument(
        "--house",
        choices=HOUSES,
        default="rmrb",
        help="conventions: rmrb (人民日报's, default), local (another paper's), mixed",
    )
    ap.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="frames",
        help="frames (stories in frames put into column order, default) or grid (modules "
        "on a page of columns, read as a PDF text extractor reads it)",
    )
    ap.add_argument(
        "--dates",
        type=parse_dates,
        default=("20190201", "20190228"),
        help="corpus date range YYYYMMDD-YYYYMMDD (default the whole month)",
    )
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument(
        "--check", action="store_true", help="self-check N pages instead of writing them"
    )
    ap.add_argument("--quiet", action="store_true", help="no summary")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (use --corpus)", file=sys.stderr)
        return 2
    rows = load_corpus(args.corpus)
    if args.check:
        return run_checks(args, rows)
    args.out.mkdir(parents=True, exist_ok=True)
    stats = []
    for name, page in generate_run(
        rows, args.pages, args.seed, args.variant, args.dates, args.house, args.layout
    ):
        write_page(args.out, name, page)
        stats.append(page.stats)
    if not args.quiet:
        print(f"wrote {len(stats)} pages to {args.out}")
        print(describe(stats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
