"""Conventions of the trade, each in Simplified and in Traditional characters.

Every case is a tiny page; the Traditional variant is the same page through OpenCC
`s2t`, and must give the same structure with the text returned as printed.
"""

from __future__ import annotations

from collections.abc import Callable

import opencc
import pytest

import newspage

S2T = opencc.OpenCC("s2t")


@pytest.fixture(params=["simplified", "traditional"])
def conv(request: pytest.FixtureRequest) -> Callable[[str], str]:
    """The test's text as written, or through OpenCC s2t."""
    if request.param == "traditional":
        return S2T.convert  # type: ignore[no-any-return]
    return lambda text: text


def parse(*blocks: str) -> newspage.Page:
    return newspage.parse("\n\n".join(blocks))


DATELINES = [
    ("本报北京3月4日电（记者 王某某）", "本报北京3月4日电（记者 王某某）", [("王某某", "记者")]),
    ("新华社北京3月4日电（记者 李某）", "新华社北京3月4日电（记者 李某）", [("李某", "记者")]),
    (
        "本报讯（记者张三 通讯员李四）",
        "本报讯（记者张三 通讯员李四）",
        [("张三", "记者"), ("李四", "通讯员")],
    ),
    ("本报讯 记者张三报道", "本报讯 记者张三报道", [("张三", "记者")]),
    ("本报讯", "本报讯", []),
    ("新华社东京2月3日电", "新华社东京2月3日电", []),
    # Other papers and agencies, in Hong Kong and Taiwan too.
    ("光明日报讯（记者 李四）", "光明日报讯（记者 李四）", [("李四", "记者")]),
    ("香港文汇报讯（记者 张三）", "香港文汇报讯（记者 张三）", [("张三", "记者")]),
    ("经济日报北京2月1日电", "经济日报北京2月1日电", []),
    ("中通社香港3月5日电", "中通社香港3月5日电", []),
    ("【本报讯】记者 李明 报道：", "【本报讯】记者 李明 报道", [("李明", "记者")]),
    ("（中央社记者林知夏台北2日电）", "（中央社记者林知夏台北2日电）", [("林知夏", "中央社记者")]),
    (  # the last reporter runs into the place: the place is a word of the lexicon
        "（中央社记者王大海、李小川北京1日电）",
        "（中央社记者王大海、李小川北京1日电）",
        [("王大海", "中央社记者"), ("李小川", "中央社记者")],
    ),
    (
        "（中央社记者马岚哈尔滨17日电）",
        "（中央社记者马岚哈尔滨17日电）",
        [("马岚", "中央社记者")],
    ),
    ("〔记者王小明／台北报导〕", "〔记者王小明／台北报导〕", [("王小明", "记者")]),
    (
        "〔记者王大海、李小川／高雄报导〕",
        "〔记者王大海、李小川／高雄报导〕",
        [("王大海", "记者"), ("李小川", "记者")],
    ),
    ("【记者陈一帆／综合报导】", "【记者陈一帆／综合报导】", [("陈一帆", "记者")]),
    ("（中央社台北2日电）", "（中央社台北2日电）", []),
    ("〔本报讯〕", "〔本报讯〕", []),
    ("【星岛日报报道】", "【星岛日报报道】", []),
    # Online and broadcast news, round-ups.
    ("央视网消息（记者 王大海）", "央视网消息（记者 王大海）", [("王大海", "记者")]),
    ("综合新华社电", "综合新华社电", []),
]


@pytest.mark.parametrize(("lead", "dateline", "people"), DATELINES)
def test_datelines(
    lead: str, dateline: str, people: list[tuple[str, str]], conv: Callable[[str], str]
) -> None:
    """The dateline is read from the first paragraph, with its reporters as authors."""
    page = parse(conv("会议在京召开"), conv(lead + " 会议今天在京召开，各方代表参加。"))
    (a,) = page.articles
    assert a.dateline == conv(dateline)
    assert [(x.name, x.role) for x in a.authors] == [(conv(n), conv(r)) for n, r in people]
    assert a.paragraphs[0].startswith(conv(lead))


BYLINES = [
    ("本报记者 张三 李四", [("张三", "本报记者"), ("李四", "本报记者")]),
    ("□ 张三", [("张三", None)]),
    ("本报通讯员 王五", [("王五", "本报通讯员")]),
    ("特约记者 赵六", [("赵六", "特约记者")]),
    ("本报记者 舒 岚", [("舒岚", "本报记者")]),
    ("新华社记者 钱七 孙八", [("钱七", "新华社记者"), ("孙八", "新华社记者")]),
    ("作者：张三", [("张三", None)]),
    ("◎本报记者 李四", [("李四", "本报记者")]),
    # An editorial's byline names no one.
    ("本报评论员", []),
    ("本报特约评论员", []),
    ("光明网评论员", []),
    ("本报评论部", []),
    # Other papers, agencies and stations, in Hong Kong and Taiwan too.
    ("中国青年报记者 王大海", [("王大海", "中国青年报记者")]),
    ("南方日报记者 李小川 通讯员 赵明远", [("李小川", "南方日报记者"), ("赵明远", "通讯员")]),
    ("香港文汇报记者 陈一帆", [("陈一帆", "香港文汇报记者")]),
    ("联合报记者王大海／台北报导", [("王大海", "联合报记者")]),
    ("记者李小川／高雄报导", [("李小川", "记者")]),
    # How and where the story was got, after the names.
    ("本报记者 王大海 报道", [("王大海", "本报记者")]),
    ("南方日报记者 李小川 广州报道", [("李小川", "南方日报记者")]),
    ("本报记者 王大海 李小川 发自北京", [("王大海", "本报记者"), ("李小川", "本报记者")]),
    ("本报记者 王大海 通讯员 李小川 采写", [("王大海", "本报记者"), ("李小川", "通讯员")]),
    # Printed without spaces (OCR, or an extractor that drops them).
    ("陈一帆本报记者王大海", [("陈一帆", None), ("王大海", "本报记者")]),
    ("本报记者林知夏何远山", [("林知夏", "本报记者"), ("何远山", "本报记者")]),
]


NOT_DATELINES = [
    "合作社通讯员说",
    "据报道",
    "简报讯息显示",
    "省台办2月1日电话采访时说",
    "网友留言消息很多",
]


@pytest.mark.parametrize("opening", NOT_DATELINES)
def test_sentences_that_are_no_datelines(opening: str, conv: Callable[[str], str]) -> None:
    """A paper's or agency's name needs a date before 电, or a break after 讯."""
    page = parse(conv("会议在京召开"), conv(opening + "，会议今天在京召开，各方代表参加。"))
    (a,) = page.articles
    assert a.dateline is None


@pytest.mark.parametrize(("byline", "people"), BYLINES)
def test_bylines_under_headline(
    byline: str, people: list[tuple[str, str | None]], conv: Callable[[str], str]
) -> None:
    """A byline under the headline: printed as is, names without padding, roles."""
    page = parse(conv("乡村振兴的新路子"), conv(byline), conv("今年以来，全县农民收入稳步增长。"))
    (a,) = page.articles
    assert a.byline == conv(byline)
    assert [(x.name, x.role) for x in a.authors] == [
        (conv(n), conv(r) if r else None) for n, r in people
    ]


@pytest.mark.parametrize("closing", ["（张三）", "（新华社记者 张三）", "王五 本报记者 张三"])
def test_closing_author_lines(closing: str, conv: Callable[[str], str]) -> None:
    """A closing author line after the body of a brief is its byline."""
    page = parse(
        conv("本地快讯 KUAIXUN"),
        conv("全市新增就业岗位"),
        conv("本报讯 今年全市新增就业岗位一万个。"),
        conv(closing),
    )
    (a,) = page.articles
    assert a.byline == conv(closing)
    assert conv("张三") in [x.name for x in a.authors]


CREDITS = [
    ("新华社记者 张三摄", ("张三",)),
    ("张三摄（人民视觉）", ("张三",)),
    ("（资料图片）", ()),
    ("本报记者 李 四 摄", ("李四",)),
    # Hong Kong and Taiwan forms.
    ("（记者王小明摄）", ("王小明",)),
    ("图／记者王小明摄", ("王小明",)),
    ("照片：王小明提供", ("王小明",)),
    ("（记者王小明／摄影）", ("王小明",)),
    ("（资料照片）", ()),
    ("（视频截图）", ()),
]


@pytest.mark.parametrize(("credit", "names"), CREDITS)
def test_photo_credits(credit: str, names: tuple[str, ...], conv: Callable[[str], str]) -> None:
    """A caption above a credit line: one caption entry with the photographers."""
    page = parse(
        conv("春耕时节"), conv("本报讯 各地抓紧春耕。"), conv("农民在田间劳作。"), conv(credit)
    )
    (a,) = page.articles
    assert [(c.text, c.credit, c.photographers) for c in a.captions] == [
        (conv("农民在田间劳作。"), conv(credit), tuple(conv(n) for n in names))
    ]


def test_caption_marked_by_tuwei(conv: Callable[[str], str]) -> None:
    """`图为…` makes a caption wherever it stands."""
    page = parse(
        conv("春耕时节"),
        conv("本报讯 各地抓紧春耕。"),
        conv("图为农民在田间劳作。"),
        conv("各地还加强了农技服务。"),
    )
    (a,) = page.articles
    assert [c.text for c in a.captions] == [conv("图为农民在田间劳作。")]
    assert len(a.paragraphs) == 2


@pytest.mark.parametrize(
    "label", ["核心提示", "编者按", "导读", "【编者按】", "[核心提示]", "〔导读〕", "■编者按"]
)
def test_lead_labels(label: str, conv: Callable[[str], str]) -> None:
    """A lead label and the paragraph under it form the lead box."""
    page = parse(
        conv("乡村振兴的新路子"),
        conv("本报记者 张三"),
        conv(label),
        conv("这是导语。"),
        conv("产业兴旺"),
        conv("正文开始。"),
    )
    (a,) = page.articles
    assert a.lead_label == conv(label)
    assert a.lead == (conv("这是导语。"),)


@pytest.mark.parametrize("label", ["编者按：", "【编者按】", "■编者按："])
def test_lead_label_opening_the_lead_text(label: str, conv: Callable[[str], str]) -> None:
    """A label printed at the head of the lead text: the label, then the text."""
    page = parse(
        conv("乡村振兴的新路子"),
        conv("本报记者 张三"),
        conv(label + "这是导语。"),
        conv("产业兴旺"),
        conv("正文开始。"),
    )
    (a,) = page.articles
    assert a.lead_label == conv(label)
    assert a.lead == (conv("这是导语。"),)


@pytest.mark.parametrize(
    "furniture",
    [
        "（下转第二版）",
        "上接第一版",
        "责任编辑：张三",
        "版式设计：李四",
        "本版责编：王五",
        "2019年2月15日 星期五",
        "第25965期",
        "人民日报",
        "本版制图：赵六",
        "制图：赵六",
        "栏目投稿邮箱：abc@example.com",
        "数据来源：市统计局",
        # Taiwan's and Hong Kong's: the Republic's year, a page and its desk, jumps.
        "中华民国108年2月16日 星期六",
        "A4 焦点",
        "（接A3版）",
        "（下转A12版）",
    ],
)
def test_furniture_unplaced(furniture: str, conv: Callable[[str], str]) -> None:
    """Jump markers, editors, masthead, dates and issue numbers go to `unplaced`."""
    page = parse(conv(furniture), conv("会议召开"), conv("本报讯 会议召开了。"))
    assert page.unplaced == (conv(furniture),)
    assert page.articles[0].headline == conv("会议召开")


def test_hard_wrapped_ocr_lines() -> None:
    """Lines wrapped inside a block are rejoined without spaces between CJK."""
    page = newspage.parse("会议\n召开\n\n本报讯 会议今天\n在京召开，各方\n代表参加。")
    (a,) = page.articles
    assert a.headline == "会议召开"
    assert a.paragraphs == ("本报讯 会议今天在京召开，各方代表参加。",)


def _wrapped(paragraph: str, width: int = 12) -> list[str]:
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]


def test_page_wrapped_without_blank_lines(conv: Callable[[str], str]) -> None:
    """pdftotext prints a page's lines with no blank line between its blocks: the
    headline, the byline and the dateline are told apart by what they say, the
    paragraphs by their short last lines and, when the last line is full, by its full
    stop."""
    paragraphs = [
        "本报讯 今年春天，岭下村的果园扩种了三百亩新品种梨树，收购商在开花时就来村里订货。",
        "过去村里的果树品种老化，产量低，价格也上不去。"
        "去年秋天，村里请来专家逐户调查，定下了改良的方案。",
        "村民林大姐算了一笔账：一亩地能多挣两千多元，明年还要再扩种五亩。",
        "如今，不少村民已经成了种果的行家里手。",
    ]
    lines = ["果园扩种 果农增收", "本报记者 王大海", *(x for p in paragraphs for x in _wrapped(p))]
    (a,) = newspage.parse(conv("\n".join(lines))).articles
    assert (a.headline, a.byline, a.dateline) == tuple(
        map(conv, ["果园扩种 果农增收", "本报记者 王大海", "本报讯"])
    )
    assert [(p.name, p.role) for p in a.authors] == [(conv("王大海"), conv("本报记者"))]
    assert a.paragraphs == tuple(map(conv, paragraphs))


@pytest.mark.parametrize(("indent", "joined"), [("", True), ("\u3000\u3000", False)])
def test_indentation_as_evidence(indent: str, joined: bool) -> None:
    """On a page that indents paragraphs, an indented block after an open end starts a
    new paragraph, and an unindented one continues it."""
    text = "\n\n".join(
        [
            "会议召开",
            "\u3000\u3000本报讯 会议今天在京召开。",
            "\u3000\u3000来自各地的代表和特邀嘉宾共三百余人出席了会议，并听取了工作报告，各方代表",
            indent + "在会上发言，提出意见建议。",
            "\u3000\u3000会议还审议了其他事项。",
        ]
    )
    (a,) = newspage.parse(text).articles
    assert (len(a.paragraphs) == 3) is joined
    assert any(p.endswith("各方代表在会上发言，提出意见建议。") for p in a.paragraphs) is joined


@pytest.mark.parametrize("comma", ["，", ","])
def test_full_and_half_width_punctuation(comma: str) -> None:
    """Full-width and half-width punctuation are read the same; text stays as printed."""
    page = newspage.parse(
        f"会议召开\n\n本报讯 会议今天在京召开{comma}各方代表参加{comma}加快推进信\n\n息化建设。"
    )
    (a,) = page.articles
    assert a.paragraphs == (
        f"本报讯 会议今天在京召开{comma}各方代表参加{comma}加快推进信息化建设。",
    )


def test_traditional_text_returned_as_printed() -> None:
    """Matching happens on a simplified shadow; output keeps the Traditional text."""
    page = newspage.parse("經濟發展新動能\n\n本報記者 張 三\n\n本報訊 今年以來，經濟運行穩中向好。")
    (a,) = page.articles
    assert (a.headline, a.byline, a.dateline) == ("經濟發展新動能", "本報記者 張 三", "本報訊")
    assert a.authors[0].name == "張三"


def test_reporters_of_a_dateline_listed_with_an_ideographic_comma() -> None:
    """`本报讯 王大海、特约记者李小川报道：` (a military paper's dateline): both reporters."""
    page = newspage.parse(
        "青山县强化基层武装工作\n\n本报讯 王大海、特约记者李小川报道：今年以来，"
        "青山县人武部扎实推进基层武装工作。\n"
    )
    (a,) = page.articles
    assert a.dateline == "本报讯 王大海、特约记者李小川报道"
    assert [(x.name, x.role) for x in a.authors] == [("王大海", None), ("李小川", "特约记者")]


def test_vertical_presentation_forms_read_as_their_marks() -> None:
    """A dump of a page set vertically may keep the marks' vertical forms: `︰` is the
    colon of an editor's line and of a byline, `﹁﹂` are corner quotes."""
    page = newspage.parse(
        "長者日間中心下月啟用\n\n【本報訊】記者 林知夏 報道︰青山區首間長者日間中心下月啟用。"
        "\n\n區議員表示︰﹁中心可照顧三十名長者，"
        "\n\n責任編輯︰孫海川\n\n日間服務明年擴展到全區。﹂"
    )
    (a,) = page.articles
    assert [x.name for x in a.authors] == ["林知夏"]
    assert page.unplaced == ("責任編輯︰孫海川",)
    assert a.paragraphs[-1] == "區議員表示︰﹁中心可照顧三十名長者，日間服務明年擴展到全區。﹂"


@pytest.mark.parametrize(("open_", "close"), [("「", "」"), ("“", "”")])
def test_corner_quotes_read_as_quotation_marks(open_: str, close: str) -> None:
    """Hong Kong and Taiwan papers quote with `「」`: a quotation cut by a column break
    joins the piece that closes it, not the next block, with either kind of mark."""
    page = newspage.parse(
        "經濟發展新動能\n\n本報記者 張 三"
        f"\n\n本報訊 局長表示：{open_}今年要把握機遇，堅定信心，推動"
        "\n\n全區建設形成連片大棚園區，成效明顯。\n\n其他工作也在有序推進之中。"
        f"\n\n產業轉型升級，{close}會議還部署了其他工作。"
    )
    (a,) = page.articles
    assert a.paragraphs == (
        f"本報訊 局長表示：{open_}今年要把握機遇，堅定信心，推動"
        f"產業轉型升級，{close}會議還部署了其他工作。",
        "全區建設形成連片大棚園區，成效明顯。",
        "其他工作也在有序推進之中。",
    )


def test_caption_and_credit_in_one_block(conv: Callable[[str], str]) -> None:
    """`text。 credit摄` in one block is split into caption text and credit."""
    page = parse(
        conv("春耕时节"), conv("本报讯 各地抓紧春耕。"), conv("新城区鸟瞰。 本报记者 李 四 摄")
    )
    (a,) = page.articles
    assert [(c.text, c.credit, c.photographers) for c in a.captions] == [
        (conv("新城区鸟瞰。"), conv("本报记者 李 四 摄"), (conv("李四"),))
    ]


@pytest.mark.parametrize(
    ("block", "caption", "credit", "names"),
    [
        # Taiwan and Hong Kong papers print the credit in brackets after the caption.
        ("南科新厂示意图。（台积电提供）", "南科新厂示意图。", "（台积电提供）", ("台积电",)),
        (
            "市民在中环排队登记。（记者王小明摄）",
            "市民在中环排队登记。",
            "（记者王小明摄）",
            ("王小明",),
        ),
        # An agency's or a source's credit, with or without a photographer.
        ("新城区鸟瞰。 新华社发（王大海摄）", "新城区鸟瞰。", "新华社发（王大海摄）", ("王大海",)),
        ("新城区鸟瞰。 新华社发", "新城区鸟瞰。", "新华社发", ()),
        ("新城区鸟瞰。 CFP供图", "新城区鸟瞰。", "CFP供图", ()),
        ("新城区鸟瞰。 图/李小川", "新城区鸟瞰。", "图/李小川", ("李小川",)),
        (
            "新城区鸟瞰。 图/李小川 赵明远",
            "新城区鸟瞰。",
            "图/李小川 赵明远",
            ("李小川", "赵明远"),
        ),
        ("新城区鸟瞰。（图片来源：某某图库）", "新城区鸟瞰。", "（图片来源：某某图库）", ()),
    ],
)
def test_caption_with_bracketed_credit_in_one_block(
    block: str, caption: str, credit: str, names: tuple[str, ...], conv: Callable[[str], str]
) -> None:
    """`text。（…提供）` or `text。（记者…摄）` in one block: caption text and credit."""
    page = parse(conv("春耕时节"), conv("本报讯 各地抓紧春耕。"), conv(block))
    (a,) = page.articles
    assert [(c.text, c.credit, c.photographers) for c in a.captions] == [
        (conv(caption), conv(credit), tuple(conv(n) for n in names))
    ]
    assert a.paragraphs == (conv("本报讯 各地抓紧春耕。"),)


def test_bracketed_note_that_is_no_credit_stays_in_its_paragraph(
    conv: Callable[[str], str],
) -> None:
    """A paragraph ending with a bracket that credits no photo keeps it."""
    text = "春耕由各地农技站组织。（数据来源：农业农村部）（来源：某某网）"
    page = parse(conv("春耕时节"), conv("本报讯 各地抓紧春耕。"), conv(text))
    (a,) = page.articles
    assert a.captions == ()
    assert a.paragraphs[-1] == conv(text)


def test_sentence_ending_in_photograph_verb_is_not_a_credit() -> None:
    """`…他拿起相机拍摄` ends a sentence, not a credit line: it stays body text."""
    page = parse("春耕时节", "本报讯 各地抓紧春耕。", "大家在广场上合影留念。他拿起相机拍摄")
    assert page.articles[0].captions == ()


STORY = "抚远市大力发展稻米产业，抚远市的稻米远销各地，抚远市乡村振兴有了产业支撑。"
OTHER_STORY = (
    "午休时分，王大海在装配车间里和工友们聊起职业培训的事。他说，去年以来，他走访了"
    "十几家工厂，听取青年技工的意见，准备把这些意见写进今年的建议里。"
)


@pytest.mark.parametrize(
    "note",
    [
        "（作者为抚远市农业大学教授）",
        "（作者单位：抚远市稻米研究所）",
        "（新华社哈尔滨2月1日电）",
        "（张三）",
        "（本报记者 张 三整理）",
        "（王小明 李大华参与采写）",
        "（摘编自3月12日《某某日报》）",
        "（作者为某某大学（北方校区）教授）",
    ],
)
def test_title_after_a_closing_note_opens_a_story(note: str, conv: Callable[[str], str]) -> None:
    """A note that closes a story ends it: the title line after it is the next story's
    headline, even when the text under it shares the story's topic words."""
    page = parse(
        conv("抚远市推进乡村振兴"),
        conv("本报记者 李四"),
        conv(STORY),
        conv(note),
        conv("抚远稻米走出新路子"),
        conv(STORY),
    )
    assert [a.headline for a in page.articles] == [
        conv("抚远市推进乡村振兴"),
        conv("抚远稻米走出新路子"),
    ]
    assert page.articles[0].paragraphs[-1] == conv(note)


def test_without_a_closing_note_the_title_is_a_subhead(conv: Callable[[str], str]) -> None:
    """The same page without the note: the title line is a subhead of the story."""
    page = parse(
        conv("抚远市推进乡村振兴"),
        conv("本报记者 李四"),
        conv(STORY),
        conv("抚远稻米走出新路子"),
        conv(STORY),
    )
    (a,) = page.articles
    assert [s.heading for s in a.sections] == [None, conv("抚远稻米走出新路子")]


@pytest.mark.parametrize("heading", ["二、保障措施", "（三）组织实施", "第四部分 附则"])
def test_numbered_heading_never_opens_a_story(heading: str, conv: Callable[[str], str]) -> None:
    """A numbered heading divides the text it stands in, whatever words follow it."""
    other = (
        "各地要加强组织领导，明确责任分工，强化督促检查，确保各项任务落到实处、见到实效。"
        "有关部门要密切配合，完善配套政策，及时研究解决推进过程中出现的各类难题。"
        "要加大宣传力度，总结推广典型经验，营造全社会关心支持的良好氛围。"
    )
    page = parse(
        conv("抚远市推进乡村振兴"),
        conv("本报记者 李四"),
        conv(STORY),
        conv(heading),
        *[conv(other)] * 4,
    )
    (a,) = page.articles
    assert [s.heading for s in a.sections] == [None, conv(heading)]


def test_long_kicker_ending_in_dashes(conv: Callable[[str], str]) -> None:
    """A line too long for a title, ending in dashes, right above a title line: the
    kicker of a new story, not the last paragraph of the story before."""
    kicker = "2018年抚远市稻米产量达到历史最高水平，全市稻农的人均收入比上一年增长了一成以上——"
    page = parse(
        conv("抚远市推进乡村振兴"),
        conv("本报记者 李四"),
        conv(STORY),
        conv(kicker),
        conv("稻米产业走出新路子"),
        conv(STORY),
    )
    assert [(a.kicker, a.headline) for a in page.articles] == [
        (None, conv("抚远市推进乡村振兴")),
        (conv(kicker), conv("稻米产业走出新路子")),
    ]


def test_thin_story_claims_text_that_repeats_its_words(conv: Callable[[str], str]) -> None:
    """A head group whose text stands apart (another story's text continues under it)
    gets the later paragraphs that repeat its words, in either script."""
    page = parse(
        *map(
            conv,
            (
                "全市新增就业岗位十万个",
                "本报记者 张三",
                "今年以来，全市就业形势总体稳定，城镇新增就业人数超过预期，新增岗位主要来自服务业和制造",
                "春运返程高峰到来",
                "本报记者 李四",
                "业，其中服务业占六成。",
                "就业服务中心负责人说，明年还将继续扩大岗位供给。",
                "春运返程客流持续增长，各地铁路部门加开返程列车。",
                "铁路部门提醒旅客错峰出行。",
            ),
        )
    )
    jobs, trains = page.articles
    assert len(jobs.paragraphs) == 2
    assert trains.headline == conv("春运返程高峰到来")
    assert trains.paragraphs == (
        conv("春运返程客流持续增长，各地铁路部门加开返程列车。"),
        conv("铁路部门提醒旅客错峰出行。"),
    )


@pytest.mark.parametrize("credit", ["王小明图 李大华文", "张 三图（新华社发） 李 四文"])
def test_picture_and_words_credit_closes_its_story(credit: str, conv: Callable[[str], str]) -> None:
    """`王小明图 李大华文` (who drew a cartoon, who wrote its verse) ends its story's
    text: a short line without punctuation, it must not open a story of its own."""
    page = parse(
        conv("图片报道"),
        conv("春节假期，城里的商场推出了不少新玩法，年轻人排起了长队。"),
        conv("这正是："),
        conv("新春新景新气象，"),
        conv("万家灯火万家欢。"),
        conv(credit),
        conv("抚远稻米走出新路子"),
        conv(STORY),
    )
    assert [a.headline for a in page.articles] == [conv("图片报道"), conv("抚远稻米走出新路子")]
    assert page.articles[0].paragraphs[-1] == conv(credit)


def test_list_of_short_lines_ends_at_a_kicker_ending_in_dashes(conv: Callable[[str], str]) -> None:
    """Under a list of short lines (no byline or dateline under any of them) a line ending
    in dashes over a title line is the head of the next story, not one more list item."""
    listed = ["江北区第一中学", "城南街道幸福社区", "市急救中心调度科", "江北公交集团第三车队"]
    page = parse(
        conv("第三批文明服务示范单位名单公布"),
        conv("本报记者 李四"),
        conv("经过评审，第三批文明服务示范单位名单近日公布，共有四家单位入选，名单如下。"),
        *map(conv, listed),
        conv("全国人大代表王大海——"),
        conv("车间里听民声"),
        conv(OTHER_STORY),
        conv(OTHER_STORY),
    )
    first, second = page.articles
    assert first.paragraphs[1:] == tuple(map(conv, listed))
    assert (second.kicker, second.headline) == (conv("全国人大代表王大海——"), conv("车间里听民声"))
    assert second.paragraphs == (conv(OTHER_STORY), conv(OTHER_STORY))


@pytest.mark.parametrize("rubric", ["■记者手记", "记者观察", "◆编辑手记"])
def test_reporters_notes_rubric_stays_in_its_story(rubric: str, conv: Callable[[str], str]) -> None:
    """`■记者手记` opens a reporter's notes inside the story: no byline, no new story."""
    page = parse(
        conv("会议召开"),
        conv("本报记者 王大海"),
        conv("本报讯 会议今天在京召开，各方代表参加。"),
        conv(rubric),
        conv("会上，代表们围绕发展议题展开讨论，提出了不少建议。"),
    )
    (a,) = page.articles
    assert a.byline == conv("本报记者 王大海")
    assert [x.name for x in a.authors] == [conv("王大海")]
    assert conv(rubric) in a.paragraphs


@pytest.mark.parametrize("rubric", ["财经短波", "新闻速递"])
def test_titled_briefs_closed_by_their_authors(rubric: str, conv: Callable[[str], str]) -> None:
    """A rubric over briefs with a title each and no dateline, each closed by its author
    on a line of its own (`（林知夏）`, `记者 王大海`) or after its last sentence: every
    item is a brief of the column, not a story whose later titles are subheads."""
    items = [
        ("南湖区新增十处自助图书馆", "南湖区在公园和地铁站新建十处自助图书馆，市民刷卡即可借阅。"),
        ("（林知夏）",),
        ("河东镇组织万人义务植树", "河东镇组织干部群众一万余人在南山植树，共栽下苗木四万株。"),
        ("记者 王大海",),
        ("社区食堂接待老人三千人次", "首批八家社区食堂试运营，首周接待老人三千余人次。（李小川）"),
    ]
    page = parse(
        *map(
            conv,
            [
                "岭下村果园合作社带富一方",
                "本报记者 孙海川",
                "岭下村果园合作社成立于2019年，由村党支部领办，入社农户已有三百多户。",
                rubric,
                *(line for item in items for line in item),
            ],
        )
    )
    story, *briefs = page.articles
    assert story.kind == "article"
    assert [(a.kind, a.column) for a in briefs] == [("brief", conv(rubric))] * 3
    assert [a.headline for a in briefs] == [conv(items[k][0]) for k in (0, 2, 4)]
    assert [[x.name for x in a.authors] for a in briefs] == [
        [conv("林知夏")],
        ["王大海"],
        ["李小川"],
    ]


def test_a_short_line_over_signed_text_is_no_brief(conv: Callable[[str], str]) -> None:
    """In a column of briefs, a short line (`在果园里`: the end of a cut paragraph)
    over text and a byline does not make a brief: the column has ended."""
    page = parse(
        *map(
            conv,
            [
                "新闻速递",
                "南湖区新增十处自助图书馆",
                "本报讯 南湖区在公园和地铁站新建十处自助图书馆，市民刷卡即可借阅。",
                "在果园里",
                "摘下的苹果个头大、颜色好，合作社当天就收购了两千斤。",
                "王大海 本报记者 李小川",
            ],
        )
    )
    assert [a.kind for a in page.articles].count("brief") == 1


def test_an_essay_signed_by_a_name_over_its_abstract(conv: Callable[[str], str]) -> None:
    """A headline over a name alone over `内容提要`: the essay's author, not its
    subheadline."""
    page = parse(
        *map(
            conv,
            [
                "以数字化赋能乡村治理",
                "王大海",
                "内容提要",
                "数字技术正在改变乡村社会的组织方式，为乡村治理提供了新的手段。",
                "一、数字技术提供新支撑",
                "数字技术拓展了乡村治理的信息基础，村级事务办理时间明显缩短。",
            ],
        )
    )
    (essay,) = page.articles
    assert (essay.headline, essay.subheadline) == (conv("以数字化赋能乡村治理"), None)
    assert [a.name for a in essay.authors] == [conv("王大海")]
    assert essay.lead_label == conv("内容提要")
