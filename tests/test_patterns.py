"""Every pattern of the trade finishes quickly on adversarial text (no catastrophic
backtracking). The time-out is a hang detector, generous by orders of magnitude, not a
speed goal."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newspage import _cjk, _patterns

PATTERNS = sorted(
    (name, value)
    for name, value in vars(_patterns).items()
    if name.endswith("_RE") and isinstance(value, regex.Pattern)
)

# Long runs that make nested quantifiers explode: one character class repeated, spaces
# between, openers without closers, a near-match missing its last piece.
ADVERSARIAL = [
    "字" * 3000,
    "字 " * 1500,
    "字" * 3000 + "摄",
    "本报讯 " + "字" * 3000,
    "本报北京2月1日电 " + "（记者" * 500,
    "（" * 2000,
    "“" * 2000 + "字",
    "张三 " * 1000 + "说",
    "责任编辑：" + "字" * 3000,
    "A " * 1500,
]


def test_patterns_found() -> None:
    """The module holds the patterns (guards the test against an empty list)."""
    assert len(PATTERNS) >= 15


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_no_catastrophic_backtracking(name: str, pattern: regex.Pattern[str]) -> None:
    """match, fullmatch and search return on 3,000-character adversarial text."""
    for text in ADVERSARIAL:
        pattern.match(text, timeout=2.0)
        pattern.fullmatch(text, timeout=2.0)
        pattern.search(text, timeout=2.0)


CREDIT_PARTS = [
    "。",
    "!",
    ")",
    "”",
    " ",
    "张三",
    "新华社记者",
    "摄",
    "摄影",
    "报道",
    "供图",
    "供",
    "图",
    "(人民视觉)",
    "(",
    ")",
    "提供",
    "摄影",
    "文",
]


@given(st.lists(st.sampled_from(CREDIT_PARTS), max_size=12))
def test_every_trailing_credit_holds_a_credit_word(parts: list[str]) -> None:
    """`TRAILING_CREDIT_WORDS`, the quick test before the search, misses no credit."""
    text = "".join(parts)
    if _patterns.TRAILING_CREDIT_RE.search(text):
        assert any(word in text for word in _patterns.TRAILING_CREDIT_WORDS)


# Pieces of furniture lines, credits, caption marks, bylines and lead labels, and
# near-misses, for the hint tests below.
HINT_PARTS = [
    "责任编辑",
    "本版责编",
    ":",
    " ",
    "张三",
    "2019年2月15日",
    "星期五",
    "周五",
    "第",
    "3",
    "A",
    "版",
    "·",
    "广告",
    "下转",
    "25965",
    "期",
    "CN",
    "11-0065",
    "邮发代号",
    "国内统一连续出版物号",
    "人民",
    "日报",
    "本文",
    "图片",
    "由",
    "摄",
    "提供",
    "供图",
    "影报道",
    "来源",
    "制图",
    "/",
    "(",
    ")",
    "资料图片",
    "新华社发",
    "人民视觉",
    "影像中国",
    "受访者供图",
    "图为",
    "2月6日摄",
    "新华社记者",
    "通讯员",
    "撰稿人",
    "核心提示",
    "编者按",
    "。",
    "字",
]


@given(st.lists(st.sampled_from(HINT_PARTS), max_size=8))
@example(["新华社发"])
@example(["(", "资料片", ")"])
@example(["本版", "图片", "来源", ":", "人民视觉"])
@example(["第", "25965", "期"])
@example(["(", "核心提示"])  # a label in brackets (found by hypothesis in CI)
@example([" ", " ", " "])  # spaces alone are no OCR rule (found by hypothesis)
def test_hints_miss_no_match(parts: list[str]) -> None:
    """The quick tests tried before a pattern (`*_HINT_RE`, `ROLE_WORD_RE`,
    `LEAD_LABELS`) pass every text the pattern matches."""
    text = "".join(parts)
    if _patterns.FURNITURE_RE.fullmatch(text):
        assert _patterns.FURNITURE_HINT_RE.search(text)
    if _patterns.CREDIT_RE.fullmatch(text):
        assert _patterns.CREDIT_HINT_RE.search(text)
    if _patterns.CAPTION_MARK_RE.search(text):
        assert _patterns.CAPTION_MARK_HINT_RE.search(text)
    if _patterns.ROLE_RE.search(text) or _patterns.ROLE_NAME_RE.search(text):
        assert _patterns.ROLE_WORD_RE.search(text)
    if _patterns.LEAD_LABEL_RE.match(text):
        # `roles.lead_label` strips the brackets and markers a label may open with.
        assert text.lstrip(_patterns.LEAD_LABEL_OPENERS).startswith(_patterns.LEAD_LABELS)


END_PARTS = ["字", "。", "!", "?", "…", "”", "’", ")", "]", ",", "、", "“", "—", "-", "\n", " "]


@given(st.lists(st.sampled_from(END_PARTS), max_size=10))
@example(["字", "。", "”", "”", ")", "\n"])  # the longest match, before a final line break
@example(["字", ",", "\n"])
@example(["字", "…", "…", "\n"])
def test_end_tests_look_only_at_the_end(parts: list[str]) -> None:
    """`ends_sentence` and `ends_open` say what a search of the whole text says."""
    text = "".join(parts)
    assert _patterns.ends_sentence(text) == bool(_patterns.SENTENCE_END_RE.search(text))
    assert _patterns.ends_open(text) == bool(_patterns.OPEN_END_RE.search(text))


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("(作者为西岭农业大学校长、南方乡村发展研究会副会长)", True),
        ("(作者单位:东江海洋大学港口经济与物流管理研究中心)", True),
        ("(执笔:简 枫)", True),
        ("(编译/王大海)", True),  # who translated a foreign paper's report
        ("(编译:王大海)", True),
        ("(张三)", True),
        ("(新华社记者 李四)", True),
        ("(完)", True),
        ("(本报记者钟晓岚、柏文涛)", True),
        ("(本报记者骆思琪、韦承远、麦洁、詹北)", True),
        ("(王小明  李 华  赵大伟)", True),
        ("(作者工作于某某研究所)", True),
        ("(作者为某某大学(北方校区)教授)", True),
        ("(本报记者 张 三采访整理)", True),
        ("(王小明 李大华参与采写)", True),
        ("(实习生王五对本文亦有贡献)", True),
        ("(综合本报记者张三、李四、王五报道)", True),
        ("(摘编自3月12日《某某日报》,原题为《某某》)", True),
        ("(本文节选自某某同志在某会议上的讲话)", True),
        ("(稿件来源:某某工作室)", True),
        ("(图片由受访者提供)。", False),
        ("(一)", False),
        ("(2019年2月11日)", False),
        ("(据统计,全年增长6%)", False),
        ("(张三、李四说)。", False),
        ("(2019年3月26日某某市第五届人大常委会第三十一次会议修订)", False),
        ("(下称《意见》)。会议指出,要抓好落实", False),
    ],
)
def test_closing_note(text: str, closes: bool) -> None:
    """Notes that close a story, in the shadow's half-width punctuation."""
    assert bool(_patterns.CLOSING_NOTE_RE.match(text)) is closes


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("(本报内罗毕电)", True),
        ("(据新华社开罗电 记者邬晨阳)", True),
        (
            "(本报罗马、柏林、圣地亚哥、河内3月6日电 记者易岚、储凡、蓝海川、苗禾、卢定邦)",
            True,
        ),
        ("(新华社北京3月4日电)此前,双方已举行两轮会谈", False),
    ],
)
def test_closing_dateline(text: str, closes: bool) -> None:
    """A closing dateline, also of a round-up from several places with every
    correspondent named."""
    assert bool(_patterns.CLOSING_DATELINE_RE.match(text)) is closes


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("(2025年3月1日)", True),
        ("(二〇二五年三月一日)", True),
        ("(2025年3月2日岭下村第三届村民代表大会第二次会议通过)", True),
        ("(新华社北京3月4日电)", False),  # a closing dateline
        ("(2025年3月)", False),  # no day: a note, not a document's date
        ("(2025年3月1日)岭下村召开村民大会", False),  # a paragraph's text follows
    ],
)
def test_document_date(text: str, dates: bool) -> None:
    """The date line of a document printed in full, in the shadow's half-width marks."""
    assert bool(_patterns.DOCUMENT_DATE_RE.match(text)) is dates


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("■岭下村果园扩种三百亩,全村果农人均增收两千元", True),
        ("●河东镇修通产业路。", True),
        ("●增长7.2%,全县果品销往各地", True),  # a decimal, then a clause mark
        ("◆选苗 粗壮均匀无病虫", False),  # an item without a clause: a subhead-like line
        ("●城市居民收入同比增长7.2%", False),  # a figure, not a sentence
        ("岭下村果园扩种三百亩,全村增收", False),  # no bullet
    ],
)
def test_summary_point(text: str, point: bool) -> None:
    """A summary point is a bullet and a sentence of clauses (matched on the shadow)."""
    assert bool(_patterns.SUMMARY_POINT_RE.match(text)) is point


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("(中央社台北2日电)台北市政府今天宣布", True),
        ("(中央社记者林书衡台北2日电)台北市政府今天宣布", True),
        # Alone, the same form closes a story: `（新华社北京3月18日电）`.
        ("(新华社北京3月18日电)", False),
    ],
)
def test_bracketed_agency_dateline(text: str, opens: bool) -> None:
    """A dateline in brackets opens a paragraph only with the paragraph's text after it."""
    assert bool(_patterns.DATELINE_RE.match(text)) is opens


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("三、打响区域品牌", ("、", 3)),
        ("(十二)加强组织领导", ("()", 12)),
        ("第二部分", ("第", 2)),
        ("十一、附则", ("、", 11)),
        ("二十、其他", ("、", 20)),
        ("二十一、其他", ("、", 21)),
        ("一、总体要求", ("、", 1)),
        ("二三、", None),
        ("三亚的春天", None),
    ],
)
def test_section_number(text: str, number: tuple[str, int] | None) -> None:
    """The style and number of a numbered heading, which orders a text's sections."""
    assert _patterns.section_number(text) == number


@pytest.mark.parametrize(
    "text", ["本报综合报道 近日，青山县各地抓紧春耕。", "本报综合报道（记者 王大海）近日，…"]
)
def test_a_combined_report_opens_with_a_dateline(text: str) -> None:
    """`本报综合报道`: the paper combined its reports; it opens the text as 本报讯 does."""
    m = _patterns.DATELINE_RE.match(_cjk.shadow(text))
    assert m is not None
    assert m.group("lead") == "本报综合报道"


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("据英国路透社3月4日报道，英国央行可能下月降息。", "据英国路透社3月4日报道"),
        ("据法新社3日报道，欧洲多地农民进城抗议。", "据法新社3日报道"),
        ("据了解，今年青山县新建冷库十座。", None),
        ("据合作社社员介绍，今年梨子丰收。", None),
    ],
)
def test_a_foreign_agencys_report_opens_with_a_dateline(text: str, lead: str | None) -> None:
    """`据英国路透社3月4日报道，…` opens a report translated from an agency's."""
    m = _patterns.DATELINE_RE.match(_cjk.shadow(text))
    assert (m.group("lead") if m else None) == lead


@pytest.mark.parametrize(
    ("text", "dateline", "reported"),
    [
        ("【本報消息】南湖輕軌新站將於月底通車。", "【本报消息】", None),
        # the reporters after the dateline without brackets, before a space
        (
            "本报青山3月2日电 记者林知夏 2日晚，比赛在青山体育馆进行。",
            "本报青山3月2日电 记者林知夏",
            "记者林知夏",
        ),
        ("本报讯 记者王大海 李小川 今年以来，", "本报讯 记者王大海 李小川", "记者王大海 李小川"),
        ("本报讯 记者王大海说，今年以来", "本报讯", None),  # no space after the name
    ],
)
def test_datelines_of_other_papers(text: str, dateline: str, reported: str | None) -> None:
    """Macau's `【本報消息】`, and reporters printed after the dateline without brackets."""
    m = _patterns.DATELINE_RE.match(_cjk.shadow(text))
    assert m is not None
    assert (m.group(0), m.group("reported")) == (dateline, reported)
