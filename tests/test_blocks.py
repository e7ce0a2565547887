"""Stage blocks: splitting, line joining, gaps, indentation, the shadow."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from newspage import _cjk
from newspage._cjk import shadow, shadows
from newspage.stages.blocks import Block, LineKind, Role, join_lines, split_blocks


def test_blank_lines_separate_blocks() -> None:
    """One blank line or more separates blocks; the gap is counted."""
    blocks = split_blocks("标题\n\n正文一。\n\n\n\n图片说明。")
    assert [b.text for b in blocks] == ["标题", "正文一。", "图片说明。"]
    assert [b.gap_before for b in blocks] == [1, 1, 3]
    assert [b.line for b in blocks] == [1, 3, 7]


def test_hard_wrapped_lines_join_without_space_between_cjk() -> None:
    """OCR-style wrapped lines rejoin: no space between CJK characters."""
    assert split_blocks("加快推进信\n息化与工业化")[0].text == "加快推进信息化与工业化"


def test_line_break_between_latin_becomes_space() -> None:
    """Between Latin letters or digits a line break is a space."""
    assert join_lines(["5G and", "AI技术"]) == "5G and AI技术"
    assert join_lines(["共计2100", "人"]) == "共计2100人"


def test_inner_spaces_collapse_to_one() -> None:
    """Runs of spaces (NBSP, U+3000) inside a line become one space."""
    assert split_blocks("本报记者\u00a0\u00a0周\u3000明")[0].text == "本报记者 周 明"


def test_indentation_is_evidence_and_removed() -> None:
    """A leading U+3000 indent is recorded and stripped from the text."""
    b = split_blocks("\u3000\u3000正文开始。")[0]
    assert b.indented
    assert b.text == "正文开始。"


def test_indented_lines_start_new_paragraphs_in_wrapped_dumps() -> None:
    """pdftotext style: indented lines inside one chunk are separate paragraphs."""
    blocks = split_blocks("\u3000\u3000第一段开\n始的续行。\n\u3000\u3000第二段。")
    assert [b.text for b in blocks] == ["第一段开始的续行。", "第二段。"]
    assert all(b.indented for b in blocks)


def test_shadow_is_simplified_halfwidth_same_length() -> None:
    """The shadow folds width and script but keeps offsets."""
    b = split_blocks("本報訊（記者張三）")[0]
    assert b.shadow == "本报讯(记者张三)"
    assert len(b.shadow) == len(b.text)
    assert b.text == "本報訊（記者張三）"


def test_gaps_count_from_the_pages_own_separator() -> None:
    """Where most blocks stand two blank lines apart, that is the page's separator and a
    wider gap is a photo's; where most stand one apart, two is already a photo's; and a
    wide gap seen once or twice is a photo's whatever the page."""
    texts = ["正文一。", "正文二。", "正文三。", "图片说明。", "正文四。", "正文五。"]
    wide = "\n\n\n".join(texts[:3]) + "\n\n\n\n\n" + "\n\n\n".join(texts[3:])
    assert [b.gap_before for b in split_blocks(wide)] == [1, 1, 1, 3, 1, 1]
    usual = "\n\n".join(texts[:3]) + "\n\n\n" + "\n\n".join(texts[3:])
    assert [b.gap_before for b in split_blocks(usual)] == [1, 1, 1, 2, 1, 1]
    few = "正文一。\n\n\n\n图片说明。\n\n\n\n正文二。"
    assert [b.gap_before for b in split_blocks(few)] == [1, 3, 3]


def test_no_space_where_a_wrap_cut_a_number() -> None:
    """A line break between two digits is a number cut by a fixed-width wrap; between
    Latin words it is a space."""
    assert split_blocks("修建步道6\n00米")[0].text == "修建步道600米"
    assert split_blocks("5G and\nAI技术\n2019\nGDP")[0].text == "5G and AI技术2019 GDP"


def test_empty_and_blank_input() -> None:
    """No text, no blocks."""
    assert split_blocks("") == ()
    assert split_blocks("\n \n\u3000\n") == ()


SHADOW_TEXTS = [
    "本報訊（記者 張三）",
    "ASCII only, 2019",
    "ＡＢＣ１２３，全形",
    "於是乎他們發現了這個問題",  # phrases of the conversion tables
    "發",  # a cut inside a phrase: `發` + `現了…`
    "現了這個問題",
    "\u3000\u3000臺灣",
    '他說:"好."',  # straight quotes and a full stop as `.`
    '"',
    "",
]


def test_shadows_of_many_texts_are_the_shadows_of_each() -> None:
    """Converting the blocks of a page in one call gives each block's own shadow."""
    assert shadows(SHADOW_TEXTS) == [shadow(t) for t in SHADOW_TEXTS]
    assert shadows([]) == []


def test_shadows_with_a_line_break_inside_a_text() -> None:
    """A text holding a line break (not a block) is converted alone."""
    texts = ["本報\n訊", "記者"]
    assert shadows(texts) == [shadow(t) for t in texts]


def test_shadows_when_a_conversion_changes_the_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text whose conversion is longer or shorter is converted character by character,
    as `shadow` does it, and the others keep their phrase conversion."""

    class Stretching:
        def convert(self, text: str) -> str:
            return text.replace("長", "长长").replace("說", "说")

    monkeypatch.setattr(_cjk, "_converter", lambda: Stretching())
    texts = ["很長的話", "他說", "ABC"]
    assert shadows(texts) == [shadow(t) for t in texts] == ["很長的話", "他说", "ABC"]


def test_fold_width_folds_every_character_at_once() -> None:
    """`fold_width` is a translation: no folded character is folded again."""
    every = "".join(_cjk._FOLD_CHAR) + "".join(_cjk._FOLD_CHAR.values())
    table = str.maketrans(_cjk._FOLD_CHAR)
    assert _cjk.fold_width(every) == every.translate(table)
    assert not set(_cjk._FOLD_CHAR.values()) & set(_cjk._FOLD_CHAR)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推动高质量发展.", "推动高质量发展。"),  # a "to half-width" conversion
        ("推动高质量发展．下一步", "推动高质量发展。下一步"),  # the full-width dot
        ("成效明显.2020年", "成效明显。2020年"),
        ("增长5%.同时", "增长5%。同时"),
        ('叫它"新城".', "叫它“新城”。"),
        ("等等...", "等等………"),
        ("增长2.5倍", "增长2.5倍"),  # a decimal point
        ("增长6.", "增长6."),  # ...cut by a column break: `增长6.` + `8%`
        ("1.加强组织领导", "1.加强组织领导"),  # a list number
        ("见www.people.com.cn", "见www.people.com.cn"),
        ("No.1", "No.1"),
        # An OCR engine reads `。` as a Latin `o` after Han text
        ("推着小车进来也方便o", "推着小车进来也方便。"),
        ("完成o市民", "完成。市民"),
        ("乘坐MRTo", "乘坐MRTo"),
        ("去Tokyo", "去Tokyo"),
    ],
)
def test_a_dot_after_chinese_text_is_a_full_stop(text: str, expected: str) -> None:
    """The shadow reads `.` as `。` where Chinese text would print one, and nowhere else."""
    assert shadow(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('他说:"今年要干好。"', "他说:“今年要干好。”"),
        ('实施"一号工程"的', "实施“一号工程”的"),
        ('"四个全面","五位一体"', "“四个全面”,“五位一体”"),
        ('最"。志愿服务', "最”。志愿服务"),  # a piece that closes a quotation
        ('难关。"那段时间', "难关。”那段时间"),  # ...after the end of a sentence
        ('。"十四五"期间', "。“十四五”期间"),  # ...unless a pair follows
        ("他说:＂好。＂", "他说:“好。”"),  # the full-width form
    ],
)
def test_straight_quotes_read_as_opening_or_closing(text: str, expected: str) -> None:
    """Each straight `"` reads as `“` or `”` in the shadow, so quote balance works."""
    assert shadow(text) == expected
    assert len(shadow(text)) == len(text)


def test_with_role_keeps_every_other_field() -> None:
    """`Block.with_role` lists the fields by hand (it is on the hot path): it must give
    what `attrs.evolve` gives, for a block whose every field differs from its default.
    A field added to `Block` fails here until `with_role` and this test know it."""
    attrs.resolve_types(Block)
    sample: dict[Any, Any] = {int: 7, str: "字", bool: True, Role: Role.CAPTION, int | None: 3}
    kwargs = {f.name: sample[f.type] for f in attrs.fields(Block) if f.init}
    block = Block(**kwargs)
    assert block.with_role(Role.HEADLINE, "head") == attrs.evolve(
        block, role=Role.HEADLINE, reason="head"
    )


def test_last_line_room_of_hard_wrapped_blocks() -> None:
    """How much shorter a block's last line is than its other lines; None for one line."""
    a, b, c = split_blocks(
        "各地加快推进乡村\n振兴战略\n\n各地加快推进\n乡村振兴战略\n\n一行写完。\n"
    )
    assert (a.last_line_room, b.last_line_room, c.last_line_room) == (4, 0, None)
    assert a.text == "各地加快推进乡村振兴战略"


# An invented story, one paragraph per entry: the lines of a page printed without blank
# lines. Neighbouring paragraphs differ in length, as a page's do.
STORY = [
    "岭下村的果园又丰收了",
    "本报记者 王大海",
    "今年秋天，岭下村的苹果园迎来了丰收，村民们忙着采摘、分拣和装箱。",
    "村党支部书记林知夏说，合作社去年引进了新品种，今年的亩产比往年高出三成，收入也跟着涨了，"
    "大家干劲更足了。",
    "新品种带来新收入",
    "果园里，几位老人正在修剪枝条。",
    "他们说，过去果子卖不上价，如今有了合作社，销路不用发愁，城里的超市上门来收。",
    "合作社还请来农技员，教大家科学施肥、防治病虫害，一年下来，果子个头大了，口感也好了。",
    "冷库建起来了",
    "去年冬天，村里建起一座冷库，能存放两百吨苹果。",
    "有了冷库，果子可以错峰销售，价格比集中上市时高出不少，村民们算了一笔账，每亩能多收一千多元。",
    "林知夏说，明年还打算开网店，让岭下村的苹果卖到更远的地方。",
    "游客多了，村里的民宿也热闹起来。",
]


def test_a_page_without_blank_lines_prints_a_block_per_line() -> None:
    """E-paper text exports print each paragraph on one line with no blank line between
    them: their widths vary from line to line, which no wrap at a fixed width does."""
    blocks = split_blocks("\n".join(STORY))
    assert [b.text for b in blocks] == STORY
    assert [b.line for b in blocks] == list(range(1, len(STORY) + 1))


def _wrapped(paragraph: str, width: int) -> list[str]:
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]


def _wrapped_story() -> tuple[list[str], list[str]]:
    """The paragraphs of `STORY` whose last line falls short, and their lines wrapped at
    twelve characters."""
    paragraphs = [p for p in STORY if len(p) > 12 and 0 < len(p) % 12 <= 8]
    return paragraphs, [line for p in paragraphs for line in _wrapped(p, 12)]


def _assert_one_paragraph_over_the_story(first: list[str]) -> None:
    """The lines `first`, over the wrapped lines of `STORY` on a page without blank
    lines, are read as one paragraph, and the story's paragraphs after it."""
    paragraphs, lines = _wrapped_story()
    blocks = split_blocks("\n".join(first + lines))
    assert [b.text for b in blocks] == ["".join(first), *paragraphs]


def test_a_page_wrapped_without_blank_lines_ends_paragraphs_at_short_lines() -> None:
    """Wrapped at a fixed width with no blank line anywhere, a paragraph ends at a line
    shorter than the full lines around it."""
    paragraphs, lines = _wrapped_story()
    blocks = split_blocks("\n".join(lines))
    assert [b.text for b in blocks] == paragraphs
    assert [b.line for b in blocks] == [
        1 + sum(len(_wrapped(p, 12)) for p in paragraphs[:k]) for k in range(len(paragraphs))
    ]


def test_a_latin_word_carried_to_the_next_line_ends_no_paragraph() -> None:
    """A wrap that cannot split `example.cn，` leaves a short line inside its
    paragraph."""
    carried = [
        "岭下村合作社开了网店，网",
        "址是",
        "example.cn，欢",
        "迎大家上网订购岭下村的苹",
        "果。",
    ]
    _assert_one_paragraph_over_the_story(carried)


def test_a_stray_short_line_splits_nothing_on_a_page_with_blank_lines() -> None:
    """Where blank lines separate the blocks, a wrapped block with one short line inside
    (a unit the wrap carried over) stays whole: too few short lines to read the page as
    one printed without blank lines."""
    page = "各地加快推进乡村\n振兴战\n略，各地加快推进\n乡村振兴战略。\n\n一行写完。"
    assert [b.text for b in split_blocks(page)] == [
        "各地加快推进乡村振兴战略，各地加快推进乡村振兴战略。",
        "一行写完。",
    ]


def test_a_full_line_ending_a_sentence_ends_a_paragraph_on_a_wrapped_page() -> None:
    """A paragraph whose last line is full shows no end by the widths; on a page
    wrapped without blank lines its full stop ends it."""
    full = (
        "过去村里的果树品种老化，产量低，价格也上不去。"
        "去年秋天，村里请来专家逐户调查，定下了改良的方案。"
    )
    assert len(full) % 12 == 0
    paragraphs, lines = _wrapped_story()
    blocks = split_blocks("\n".join([*_wrapped(full, 12), *lines]))
    assert [b.text for b in blocks] == [full, *paragraphs]


def test_the_lines_of_a_list_are_joined_with_a_space() -> None:
    """A block whose every line opens an item (a label and a colon, or a number) is a
    list, not a wrapped paragraph: its lines are kept apart by a space."""
    results = [
        "男子100米：1.王大海 10秒21 2.李小川 10秒34",
        "女子200米：1.陈晓燕 23秒85",
        "男子跳远：1.赵一鸣 7米86 2.孙海川 7米71",
    ]
    points = ["1.岭下村建成冷库两座", "2.河东镇修通产业路"]
    wrapped = ["各地加快推进乡村", "振兴：各地加快推进"]
    blocks = split_blocks("\n\n".join("\n".join(x) for x in (results, points, wrapped)))
    assert [b.text for b in blocks] == [
        " ".join(results),
        " ".join(points),
        "各地加快推进乡村振兴：各地加快推进",
    ]


def test_a_line_ending_a_sentence_splits_nothing_on_a_page_with_blank_lines() -> None:
    """Where blank lines separate the blocks, a line of a wrapped block may end with a
    full stop and the block goes on."""
    page = "各地加快推进乡村振兴。\n各地加快推进乡村振兴。\n\n一行写完。"
    assert [b.text for b in split_blocks(page)] == [
        "各地加快推进乡村振兴。各地加快推进乡村振兴。",
        "一行写完。",
    ]


def test_a_line_of_figures_is_as_wide_as_a_line_of_han() -> None:
    """Digits take half the width of a Han character: a line that holds figures holds
    more characters in the same width, and the full lines around it are not short."""
    figures = [
        "据了解，今年岭下村计划实施重",
        "点项目120个，年度计划投资310",
        "亿元，截至目前已开工项目占比",
        "达到六成。",
    ]
    _assert_one_paragraph_over_the_story(figures)
    (block,) = split_blocks("\n".join(figures[:3]) + "\n\n")
    assert block.last_line_room == 0  # a full line: the column ended after it


def test_a_quotation_and_who_said_it_are_one_paragraph_on_a_wrapped_page() -> None:
    """A line that closes a quotation with a full stop, over a line that names who said
    it, goes on: the attribution follows the words it attributes."""
    quoted = [
        "“过去是单打独斗，现在是抱团",
        "发展，订单一年比一年多。”",
        "合作社理事长王大海说，今年合",
        "作社又添了两台分拣机。",
    ]
    _assert_one_paragraph_over_the_story(quoted)


def test_a_page_that_indents_its_paragraphs_ends_them_where_it_indents() -> None:
    """On a wrapped page that marks its paragraphs by indentation, a line ending with a
    full stop at a full line is no paragraph end: the next indented line is."""
    indent = "\u3000\u3000"
    paragraphs, _ = _wrapped_story()
    lines = [
        indent + line if k == 0 else line
        for p in paragraphs
        for k, line in enumerate(_wrapped(p, 12))
    ]
    cut = [
        indent + "岭下村果园建于上世纪九十",
        "年代，每天来客约五百人次。",
        "由于设施老化，果园曾长期存",
        "在排水不畅的问题，村民意见",
        "较大。",
    ]
    blocks = split_blocks("\n".join(lines + cut))
    assert [b.text for b in blocks] == [*paragraphs, "".join(cut).lstrip(indent)]


def _kind(line: Block) -> LineKind:
    """A stand-in for `roles.line_kind`: bylines stand alone, datelines open a block."""
    if line.text.startswith("本报记者"):
        return LineKind.BYLINE
    return LineKind.OPENS if line.text.startswith("本报讯") else LineKind.TEXT


def test_line_kind_sets_lines_apart_on_a_wrapped_page() -> None:
    """The lines `line_kind` sets apart are blocks of their own or open one, where their
    widths alone would join them to the lines around (a title line as wide as the
    byline under it, a dateline under a full line)."""
    paragraphs, lines = _wrapped_story()
    dated = "本报讯 今年春天，岭下村的苹果园迎来了丰收，村民忙着采摘装箱。"
    head = ["果园丰收 果农增收", "本报记者 王大海", *_wrapped(dated, 12)]
    k = len(_wrapped(paragraphs[0], 12))
    page = "\n".join([*lines[:k], *head, *lines[k:]])
    without = [b.text for b in split_blocks(page)]
    assert "果园丰收 果农增收本报记者 王大海" in without
    blocks = split_blocks(page, line_kind=_kind)
    texts = [b.text for b in blocks]
    assert texts[1:4] == ["果园丰收 果农增收", "本报记者 王大海", dated]
    assert "".join(texts) == "".join(without)
    assert blocks[2].line == k + 2  # the byline, under the headline


def test_a_headline_under_a_paragraph_that_goes_on_elsewhere() -> None:
    """A column ends after a full line of a paragraph that goes on in another column, and
    the next column opens with a headline over its byline: the headline, shorter than
    the full line above it and ending no sentence, is a block of its own."""
    paragraphs, lines = _wrapped_story()
    cut = _wrapped(paragraphs[0], 12)[:2]  # two full lines, the paragraph goes on
    page = "\n".join([*cut, "新建十座冷库", "本报记者 王大海", *lines])
    texts = [b.text for b in split_blocks(page, line_kind=_kind)]
    assert texts[:3] == ["".join(cut), "新建十座冷库", "本报记者 王大海"]
