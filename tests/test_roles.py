"""Stage roles: context-free rules and the caption revision."""

from __future__ import annotations

import pytest

from newspage.stages.blocks import Role

from .conftest import blocks_of


def role_of(text: str) -> Role:
    return blocks_of(text)[0].role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("责任编辑：张三", Role.FURNITURE),
        ("本版责编：李四 版式设计：王五", Role.FURNITURE),
        ("2019年2月15日 星期五", Role.FURNITURE),
        ("（下转第二版）", Role.FURNITURE),
        ("·广告·", Role.FURNITURE),
        ("本地快讯 KUAIXUN", Role.RUBRIC),
        ("图说 TU SHUO", Role.RUBRIC),
        ("核心提示", Role.LEAD_LABEL),
        ("编者按：这是一段编者的话。", Role.LEAD_LABEL),
        ("——资源型城市的转型发展之路", Role.SUBHEADLINE),
        ("本报特约记者 门 莹 摄", Role.CREDIT),
        ("张三摄（人民视觉）", Role.CREDIT),
        ("本文图片由本报记者李四摄", Role.CREDIT),
        ("本报记者 周 明 崔振波", Role.BYLINE),
        ("（新华社记者 张三）", Role.BYLINE),
        ("图为工人在车间里检查设备。", Role.CAPTION),
        ("采沉区复垦后变身花海。（资料片）", Role.CAPTION),
        ("让雷锋精神在新时代熠熠闪光", Role.TITLE),
        ("巡察重点是什么？", Role.TITLE),
        ("这个春节，一起去博物馆里过大年吧！", Role.BODY),
        ("（作者为中国驻葡萄牙大使）", Role.BODY),
        ("习主席对联勤保障部队赋予了重任和厚望，新", Role.BODY),
        ("第五十五届慕尼黑安全会议落幕，多国代表呼吁——", Role.TITLE),
        ("本报讯 今年以来，全市新增就业岗位一千个。", Role.BODY),
        ("他说，这是一个很长的句子，结束于句号。", Role.BODY),
        ("目前，", Role.BODY),
        ("，这半句是续行", Role.BODY),
        ("1.4万起", Role.BODY),
        ("2700多亿元", Role.BODY),
        ("53.7万人次", Role.BODY),
        ("5300多万人受益", Role.TITLE),
        ("王小明图 李大华文", Role.BODY),
        ("李大华文 王小明图", Role.BODY),
        ("看图说话 新春作文", Role.TITLE),
    ],
)
def test_context_free_roles(text: str, role: Role) -> None:
    """Each pattern of the trade gives its role."""
    assert role_of(text) is role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("責任編輯：張三", Role.FURNITURE),
        ("本報記者 周 明 崔振波", Role.BYLINE),
        ("新華社記者 張三攝", Role.CREDIT),
        ("編者按", Role.LEAD_LABEL),
        ("1.4萬起", Role.BODY),
        ("王小明圖 李大華文", Role.BODY),
    ],
)
def test_traditional_characters(text: str, role: Role) -> None:
    """Traditional input is matched on its simplified shadow."""
    assert role_of(text) is role


def test_block_above_credit_is_caption() -> None:
    """A short sentence right above a credit line is that photo's caption."""
    blocks = blocks_of("东华园鸟瞰。", "本报记者 张三 摄")
    assert [b.role for b in blocks] == [Role.CAPTION, Role.CREDIT]


def test_long_paragraph_above_credit_is_not_caption() -> None:
    """A long multi-sentence paragraph above a credit stays body text."""
    long = "这是一段很长的正文。" * 20
    assert blocks_of(long, "本报记者 张三 摄")[0].role is Role.BODY


def test_short_sentence_after_photo_gap_is_caption() -> None:
    """A photo leaves a gap of blank lines; the short sentence under it is a caption."""
    blocks = blocks_of("上一段正文结束了。", "抚顺新钢铁智检中心让转型成为现实。", gaps=[1, 3])
    assert blocks[1].role is Role.CAPTION


def test_piece_after_photo_gap_is_not_caption() -> None:
    """A piece of a cut paragraph after a gap is not a caption: it starts mid-sentence."""
    blocks = blocks_of("上一段正文结束了。", "，并表示将继续努力。", gaps=[1, 3])
    assert blocks[1].role is Role.BODY


LIST_LEAD = "培育新型农业经营主体，要防止人为垒大户，排挤小农户。"


def test_a_dash_line_after_body_text_is_a_list_item() -> None:
    """`——统筹推进、协调发` after a paragraph: an item of a list printed as paragraphs
    (here cut by a column break), not a 副题, which stands under its headline."""
    blocks = blocks_of(
        "推进农业农村现代化", LIST_LEAD, "——统筹推进、协调发", "展。统筹兼顾培育新型农业经营主体。"
    )
    assert [b.role for b in blocks] == [Role.TITLE, Role.BODY, Role.BODY, Role.BODY]
    assert blocks[2].reason == "dash_item"
    under_headline = blocks_of("推进农业农村现代化", "——统筹推进、协调发展", LIST_LEAD)
    assert under_headline[1].role is Role.SUBHEADLINE


def test_a_short_dash_line_after_body_text_signs_it() -> None:
    """`——编 者` under an editor's note signs it: no list item, no piece of a paragraph."""
    blocks = blocks_of("推进农业农村现代化", LIST_LEAD, "——编 者", LIST_LEAD)
    assert blocks[2].role is Role.SUBHEADLINE
