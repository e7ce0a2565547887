"""Names and roles from bylines, datelines and credits."""

from __future__ import annotations

import pytest

from newspage import Author
from newspage._cjk import shadow
from newspage.stages.people import byline_people, credit_people, parse_people, signed_name


def people(text: str) -> tuple[Author, ...] | None:
    return byline_people(shadow(text), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本报记者 舒 岚 祁望舟", [("舒岚", "本报记者"), ("祁望舟", "本报记者")]),
        ("邝立恒 本报记者 祁望舟", [("邝立恒", None), ("祁望舟", "本报记者")]),
        ("本报记者 张三 李四", [("张三", "本报记者"), ("李四", "本报记者")]),
        ("新华社记者 简 枫", [("简枫", "新华社记者")]),
        ("本报通讯员 李四", [("李四", "本报通讯员")]),
        ("本报特约记者 赵一", [("赵一", "本报特约记者")]),
        ("□ 张三", [("张三", None)]),
        ("文/李四", [("李四", None)]),
        ("（张三）", [("张三", None)]),
        ("（邝 岚）", [("邝岚", None)]),  # a rare surname, but padded as names are
        ("◎ 阿不都·热合曼", [("阿不都·热合曼", None)]),
        ("■本报特约记者 钱江月", [("钱江月", "本报特约记者")]),
        ("● 黄立秋 林知夏", [("黄立秋", None), ("林知夏", None)]),
        ("（記者 吳若溪）", [("吳若溪", "記者")]),
        ("□ 張三", [("張三", None)]),  # the surname is read on the simplified shadow
        ("（新华社记者 张三）", [("张三", "新华社记者")]),
        ("本報記者 舒 嵐", [("舒嵐", "本報記者")]),
        # printed without spaces (OCR, or an extractor that drops them)
        ("陈一帆本报记者王大海", [("陈一帆", None), ("王大海", "本报记者")]),
        ("本报记者林知夏何远山", [("林知夏", "本报记者"), ("何远山", "本报记者")]),
        ("本报记者马岚何远山", [("马岚", "本报记者"), ("何远山", "本报记者")]),
        ("本報記者林知夏何遠山", [("林知夏", "本報記者"), ("何遠山", "本報記者")]),
        ("主持人：本报记者 孙海川", [("孙海川", "本报记者")]),  # who hosts an interview
        ("主持人：王大海", [("王大海", None)]),
        ("口本报记者王大海", [("王大海", "本报记者")]),  # OCR reads `□` as `口`
        ("本报记者 王大海摄影报道", [("王大海", "本报记者")]),  # a photo report's byline
        # a surname spaced from a given name of two characters (OCR) is one name
        ("本报记者 王 大海 通讯员 赵 一鸣", [("王大海", "本报记者"), ("赵一鸣", "通讯员")]),
        ("本報記者 陳 曉燕 李小川", [("陳曉燕", "本報記者"), ("李小川", "本報記者")]),
        ("本报记者 刘 洋 王 大海", [("刘洋", "本报记者"), ("王大海", "本报记者")]),
        # a name that ends in `文` keeps it; only `文` spaced after a name is "text by"
        ("本报记者 李文", [("李文", "本报记者")]),
        ("本报记者 周小文", [("周小文", "本报记者")]),
        ("通讯员 李 文", [("李文", "通讯员")]),
        ("（李文）", [("李文", None)]),
        ("（周 文）", [("周文", None)]),
        ("本報記者 林文", [("林文", "本報記者")]),
        ("本报记者 王大海 文", [("王大海", "本报记者")]),
        ("本报记者 王大海文并图", [("王大海", "本报记者")]),
        ("学生记者 王大海 见习记者 李小川", [("王大海", "学生记者"), ("李小川", "见习记者")]),
        ("（学生记者 陈晓燕）", [("陈晓燕", "学生记者")]),  # a campus paper's
        ("读者 孙海川", [("孙海川", None)]),  # signs a reader's letter
        ("河东镇读者 林知夏", [("林知夏", None)]),
        ("青山市南湖区 读者 林知夏", [("林知夏", None)]),  # the district, then a space
        # names alone and `报道` (reported), as Singapore and Malaysia papers sign
        ("林知夏 报道", [("林知夏", None)]),
        ("林知夏、王大海 报道", [("林知夏", None), ("王大海", None)]),
        # after a symbol, a name with a rarer surname (a label would be `■小贴士`)
        ("□ 邝以宁", [("邝以宁", None)]),
        ("◎ 温知许", [("温知许", None)]),
        # a county paper's contributor signs a brief for the unit they work in
        ("（青山县融媒体中心 李小川）", [("李小川", None)]),
        ("（南湖镇人民政府 赵一鸣）", [("赵一鸣", None)]),
        ("（县人武部 王 海）", [("王海", None)]),
    ],
)
def test_bylines(text: str, expected: list[tuple[str, str | None]]) -> None:
    """Bylines give names without padding and the role printed before them."""
    got = people(text)
    assert got is not None
    assert [(a.name, a.role) for a in got] == expected


@pytest.mark.parametrize(
    "text",
    [
        "兴产业 美乡村 富农家",
        "张三 李四",
        "本报讯",
        "（本报内罗毕电）",
        "保供应 开通12条绿色通道",
        "致敬一线记者",  # no name before the role opens with a surname
        "他对记者说",
        "（本报记者 王大海整理）",  # a closing note: `王大海整理` is no two names
        # ...nor one name, however short or padded: who wrote the story up closes it
        "（本报记者 王海整理）",
        "（本报记者 王 海整理）",
        "（本報記者 王 海採訪整理）",
        "（王小明 李大华参与采写）",
        "（综合本报记者王大海、李小川报道）",  # ...nor is a round-up's
        "王大海 本报评论员 李小川 某某日报评论员",  # who talks in a dialogue
        "致敬南方日报记者",  # another paper's role with no name after it
        # A symbol or brackets alone mark boxes and list numbers too: without a role,
        # the names must read as names.
        "■小贴士",
        "■小知识·节气的由来",
        "（五）",
        "（一）",
        # A reporter's or editor's column, with no name after the role word.
        "■记者手记",
        "记者观察",
        "主持人：年轻人回乡，最担心的是什么？",  # a turn of the interview
        "本报编辑部",  # the paper signs, no one's name (`部`)
        "评论员观察",  # a commentary column's rubric
        "深度观察 报道",  # no name before `报道`
        "读者来信",  # a rubric, no one's name
        "读者 来信选登",
        "（青山县人民医院 心内科）",  # a unit and its department, no one's name
        "（南湖区教育局 供稿）",
    ],
)
def test_not_bylines(text: str) -> None:
    """Headlines, bare names without a role or marker, datelines are not bylines."""
    assert people(text) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本报特约记者 乔 黎 摄", ("乔黎",)),
        ("本文图片由本报特约记者乔黎摄", ("乔黎",)),
        ("新华社记者 宋砚秋摄", ("宋砚秋",)),
        ("邵景澄摄（人民视觉）", ("邵景澄",)),
        ("裴 翔 蔺 翔摄影报道（影像中国）", ("裴翔", "蔺翔")),
        ("本报记者 邵景澄 拍摄", ("邵景澄",)),
        ("邵景澄拍摄", ("邵景澄",)),
        ("新华社发 宋砚秋 摄", ("宋砚秋",)),  # the agency released it, she took it
        ("本报记者 陈 晓燕 摄", ("陈晓燕",)),  # a spaced name of three characters
        ("（资料图片）", ()),
        ("（图：李小川）", ("李小川",)),  # Hong Kong papers bracket the credit
        ("受访者供图", ()),  # the person interviewed gave it: no name
        ("唐小蕾 作", ("唐小蕾",)),  # who drew a cartoon
        ("漫画：唐小蕾", ("唐小蕾",)),
        ("唐小蕾 作（国画）", ("唐小蕾",)),  # who painted a picture
        ("插图：唐小蕾", ("唐小蕾",)),  # who drew an essay's illustration
        ("题图：唐小蕾", ("唐小蕾",)),
        ("本人提供", ()),
        ("（法院供图）", ()),  # an institution gave it: no one is named
        ("青山县人民医院供图", ()),
        ("王小院摄", ("王小院",)),  # a name that ends as a unit's may still be a name
        ("記者林知夏／攝影", ("林知夏",)),  # Taiwan papers' credit
        ("林知夏 摄影", ("林知夏",)),
    ],
)
def test_credit_photographers(text: str, names: tuple[str, ...]) -> None:
    """Credit lines give the photographers' names."""
    assert credit_people(shadow(text), text) == names


def test_dateline_parenthesis() -> None:
    """`记者张三 通讯员李四` gives two people with their roles."""
    text = "记者张三 通讯员李四"
    got = parse_people(shadow(text), text)
    assert got == (Author("张三", "记者"), Author("李四", "通讯员"))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("李小川", ["李小川"]),
        ("李 川", ["李川"]),
        ("陳萬年", ["陳萬年"]),  # printed Traditional, the surname read on the shadow
        ("高质量", None),  # a word of the dictionary
        ("高山梨园", None),  # four characters: a title
        ("图说", None),
        ("数读", None),
        ("李小川 孙海川", ["李小川", "孙海川"]),  # co-authors of an essay
        ("李小川　陳曉燕 赵一鸣", ["李小川", "陳曉燕", "赵一鸣"]),
        ("李小川 高质量", None),  # every part must read as a name
        ("李小川 孙海川 陈晓燕 赵一鸣", None),  # four: a list, not a signature
        ("春风 化雨", None),
        ("本报评论员", None),
    ],
)
def test_signed_name(text: str, names: list[str] | None) -> None:
    """A line that is one name alone signs a commentary, two or three set apart by
    spaces an essay written together; titles that open with a surname are no name."""
    got = signed_name(shadow(text), text)
    assert (None if got is None else [a.name for a in got]) == names
