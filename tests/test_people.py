"""Names and roles from bylines, datelines and credits."""

from __future__ import annotations

import pytest

from newspage import Author
from newspage._cjk import shadow
from newspage.stages.people import byline_people, credit_people, parse_people


def people(text: str) -> tuple[Author, ...] | None:
    return byline_people(shadow(text), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本报记者 周 明 崔振波", [("周明", "本报记者"), ("崔振波", "本报记者")]),
        ("张毅臣 本报记者 崔振波", [("张毅臣", None), ("崔振波", "本报记者")]),
        ("本报记者 张三 李四", [("张三", "本报记者"), ("李四", "本报记者")]),
        ("新华社记者 王 鹏", [("王鹏", "新华社记者")]),
        ("本报通讯员 李四", [("李四", "本报通讯员")]),
        ("本报特约记者 赵一", [("赵一", "本报特约记者")]),
        ("□ 张三", [("张三", None)]),
        ("文/李四", [("李四", None)]),
        ("（张三）", [("张三", None)]),
        ("（新华社记者 张三）", [("张三", "新华社记者")]),
        ("本報記者 周 明", [("周明", "本報記者")]),
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
        "转动能 护生态 惠民生",
        "张三 李四",
        "本报讯",
        "（本报科伦坡电）",
        "稳就业 举办39场线上招聘会",
    ],
)
def test_not_bylines(text: str) -> None:
    """Headlines, bare names without a role or marker, datelines are not bylines."""
    assert people(text) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本报特约记者 门 莹 摄", ("门莹",)),
        ("本文图片由本报特约记者门莹摄", ("门莹",)),
        ("新华社记者 宋为伟摄", ("宋为伟",)),
        ("朱海鹏摄（人民视觉）", ("朱海鹏",)),
        ("王 昊 孙 昊摄影报道（影像中国）", ("王昊", "孙昊")),
        ("（资料图片）", ()),
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
