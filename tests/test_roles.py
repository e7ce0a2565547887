"""Stage roles: context-free rules and the caption revision."""

from __future__ import annotations

import pytest

from newspage._cjk import shadow
from newspage.stages.blocks import Block, LineKind, Role
from newspage.stages.people import credit_people
from newspage.stages.roles import line_kind

from .conftest import blocks_of


def role_of(text: str) -> Role:
    return blocks_of(text)[0].role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("责任编辑：张三", Role.FURNITURE),
        ("本版责编：李四 版式设计：王五", Role.FURNITURE),
        ("本版责任编辑：李四 版式设计：王五", Role.FURNITURE),
        ("版式、制图：王五", Role.FURNITURE),  # two desks' words before one colon
        ("2019年2月15日 星期五", Role.FURNITURE),
        ("（下转第二版）", Role.FURNITURE),
        ("·广告·", Role.FURNITURE),
        ("-- 3 --", Role.FURNITURE),  # a page number as a text extractor prints it
        ("青山报 2024年7月5日 星期五", Role.FURNITURE),  # the paper before the date
        ("明報　2025年4月17日（星期四）", Role.FURNITURE),
        ("城事·民生 2025年9月8日 星期一 责编:孙海川", Role.FURNITURE),  # the desk first
        ("副刊 责任编辑：林知夏 版式设计：赵一鸣", Role.FURNITURE),
        ("责任编辑 王 海 美 编 李小川", Role.FURNITURE),  # editors with no colon
        ("責任編輯／陳曉燕", Role.FURNITURE),
        ("本版图片除署名外均为资料图片", Role.FURNITURE),
        ("主办：青山集团有限公司党委", Role.FURNITURE),  # an in-house paper's imprint
        ("准印证号：（青）0127", Role.FURNITURE),
        ("教育周刊", Role.FURNITURE),  # the desk's name
        ("副刊", Role.FURNITURE),
        ("他主办了一场音乐会。", Role.BODY),
        ("男子60米 决赛 王大海 6秒55", Role.BODY),  # a row of results, never a title
        ("女子800米 决赛 林知夏 2分01秒37", Role.BODY),
        ("上半年青山县投资 同比增8.7%", Role.TITLE),  # two words: a headline may so read
        ("抓项目 稳增长 惠民生", Role.TITLE),
        ("促消费 二十四条新举措来了", Role.TITLE),
        ("青山县春运发送旅客同比增 6.5%南湖区客流同比增长 3.9%", Role.TITLE),
        ("本版图片来源：视觉中国", Role.CREDIT),  # a credit of the page's photos
        ("記者林知夏／攝影", Role.CREDIT),
        ("溪口濕地秋日傍晚，候鳥群聚覓食。記者林知夏／攝影", Role.CAPTION),
        ("林知夏 摄影", Role.CREDIT),
        ("他从小就喜欢摄影", Role.TITLE),  # no credit without a space or slash before it
        ("（青山县融媒体中心 李小川）", Role.BYLINE),
        ("明報記者", Role.BYLINE),  # the paper's staff, no one named
        ("据中新社报道", Role.BYLINE),  # the agency the story was taken from
        ("致敬一线记者", Role.TITLE),
        ("据了解", Role.TITLE),
        ("— 12 —", Role.FURNITURE),
        ("本地快讯 KUAIXUN", Role.RUBRIC),
        ("图说 TU SHUO", Role.RUBRIC),
        ("核心提示", Role.LEAD_LABEL),
        ("编者按：这是一段编者的话。", Role.LEAD_LABEL),
        ("——沿江古镇的文旅融合之路", Role.SUBHEADLINE),
        ("本报特约记者 乔 黎 摄", Role.CREDIT),
        ("张三摄（人民视觉）", Role.CREDIT),
        ("本文图片由本报记者李四摄", Role.CREDIT),
        ("本报记者 舒 岚 祁望舟", Role.BYLINE),
        ("（新华社记者 张三）", Role.BYLINE),
        ("图为工人在车间里检查设备。", Role.CAPTION),
        ("废弃矿坑改造后变身湿地。（资料片）", Role.CAPTION),
        ("废弃矿坑改造后变身湿地。（本报资料图片）", Role.CAPTION),
        ("废弃矿坑改造后变身湿地。 新华社发", Role.CAPTION),
        ("本报讯 今年全市新增湿地两千亩。（来源：某某网）", Role.BODY),
        ("全市新增湿地两千亩。合作社发", Role.BODY),  # cut: `合作社发` + `放补贴…`
        ("让志愿精神在新时代处处生根", Role.TITLE),
        ("垃圾分类难在哪里？", Role.TITLE),
        ("这个周末，带上孩子去植物园里看花吧！", Role.BODY),
        ("（作者为西岭大学经济学院教授）", Role.BODY),
        ("村里对这批返乡创业的青年寄予了厚望，新", Role.BODY),
        ("第十二届滨江国际论坛闭幕，多方嘉宾呼吁——", Role.TITLE),
        ("本报讯 今年以来，全市新增就业岗位一千个。", Role.BODY),
        ("他说，这是一个很长的句子，结束于句号。", Role.BODY),
        ("目前，", Role.BODY),
        ("，这半句是续行", Role.BODY),
        ("2.3万起", Role.BODY),
        ("3600多亿元", Role.BODY),
        ("53.7万人次", Role.BODY),
        ("4100多万人受益", Role.TITLE),
        ("2025年3月1日", Role.BODY),  # the date that signs a document
        ("二〇二五年三月一日", Role.BODY),
        ("2025年3月1日起施行", Role.TITLE),
        ("王小明图 李大华文", Role.BODY),
        ("李大华文 王小明图", Role.BODY),
        ("看图说话 新春作文", Role.TITLE),
        # The turns of an interview are lines of its text, however short.
        ("问：施肥有什么讲究？", Role.BODY),
        ("记者：合作社现在最大的变化是什么？", Role.BODY),
        ("主持人：年轻人回乡最担心什么？", Role.BODY),
        ("嘉宾：果园合作社理事长 王大海", Role.BODY),
        ("主持人：本报记者 孙海川", Role.BYLINE),
        ("本报编辑部", Role.BYLINE),  # signs a notice for the paper
        ("编辑：王大海", Role.FURNITURE),
        ("人民日报海外版", Role.FURNITURE),
        ("中共青山县委机关报", Role.FURNITURE),  # a county paper's masthead
        ("今日4版", Role.FURNITURE),
        ("新华社发（李小川摄）", Role.CREDIT),  # an agency sent it, he took it
        ("中新社发（王大海摄）", Role.CREDIT),
        ("青山日报·南湖城市版", Role.FURNITURE),  # a paper's edition
        ("RENMIN RIBAO", Role.FURNITURE),  # the masthead in pinyin
        ("乙巳年二月初三", Role.FURNITURE),  # the lunar date
        ("农历腊月廿八", Role.TITLE),  # no year: a title may read so
        ("邮发代号1-1", Role.FURNITURE),
        ("代号1-1", Role.FURNITURE),
        ("A6 生活新闻 2024年3月2日／星期六", Role.FURNITURE),  # page, desk and date
        ("A6 | 新闻", Role.FURNITURE),
        ("南岛早报 | 2026年3月5日 星期四", Role.FURNITURE),
        ("第12345号　今日8版", Role.FURNITURE),  # the issue number
        ("第703号", Role.TITLE),  # a decree's number, under its 令
        ("A07 民生·社会", Role.FURNITURE),  # a page, its desks
        ("經濟 B3 2026年3月5日（星期四）", Role.FURNITURE),  # desk before page
        ("新闻热线：0793-1234567", Role.FURNITURE),
        ("法治热线：0793-1234567 电子信箱：fz@example.com", Role.FURNITURE),
        ("地址：青山市南湖路8号 邮编：330100 电话：0793-1234567", Role.FURNITURE),
        ("内部资料 免费交流", Role.FURNITURE),  # an in-house paper's imprint
        ("青山集团党委主办", Role.FURNITURE),
        ("热线电话要接得通", Role.TITLE),
        ("天气：晴 8℃～18℃ 南风2级", Role.FURNITURE),  # a front page's weather box
        ("—— ——  ·  ·", Role.FURNITURE),  # an OCR engine's reading of rules and dots
        ("本报地址：青山县南湖路8号 邮政编码：330100 广告热线：0793-1234567", Role.FURNITURE),
        ("本版邮箱：nanhu@example.com", Role.FURNITURE),
        ("林知夏 报道", Role.BYLINE),
        ("唐小蕾 作", Role.CREDIT),  # a cartoon's
        ("唐小蕾 作（国画）", Role.CREDIT),  # a painting's
        ("插图：唐小蕾", Role.CREDIT),  # an essay's drawing
        ("携手合作", Role.TITLE),
        ("相关新闻见A3", Role.BODY),  # a pointer to another page: the story's last line
        ("（相关报道见第五版）", Role.BODY),
        ("上证指数 3286.45点 涨0.82%", Role.BODY),  # a market box's line
        ("岭下村梨园迎来丰收季 2版", Role.BODY),  # a 导读 box's line
        ("▶ 青山县建成全省首个县域算力中心（第3版）", Role.BODY),
        # Lines of a programme listing or a forecast are no titles.
        ("19:35 青山新闻联播", Role.BODY),
        ("2023年 48.2%　2024年 76.5%　2025年 91.6%", Role.BODY),  # a chart's row
        ("GDP增长6.6% CPI上涨2.1%", Role.TITLE),  # a headline of two figures
        ("明天 晴转多云 3℃～15℃", Role.BODY),
        ("气温将升至38℃", Role.TITLE),
        # ...but an editor's reply on a letters page is text
        ("编辑：读者反映的问题，县里已派人核实，我们将继续关注。", Role.BODY),
        # A line with the grammar of a sentence is text cut at a column's foot...
        ("据介绍，今年岭下村计划新建", Role.BODY),
        ("青山县县长王大海表示，全县果品", Role.BODY),
        ("数据显示，河东镇果品销量", Role.BODY),
        ("此外，南湖区还将", Role.BODY),
        ("24日上午，河东镇的果农们", Role.BODY),
        ("2017年7月1日，在青山县", Role.BODY),
        ("第八条 县级以上人民政府应当", Role.BODY),  # an article of a regulation
        ("2018年，全县果品产量增长12%", Role.TITLE),  # a data box's title
        ("第一章 总则", Role.TITLE),
        # ...not a title that quotes with a colon or names a novel
        ("王大海：果品产业要走品牌路", Role.TITLE),
        ("乡土小说，写活新山乡", Role.TITLE),
        # A title opens and closes its marks; a line that leaves one open is a piece.
        ("（作者为青山县", Role.BODY),
        ("《关于进一步加强", Role.BODY),
        ("《青山县志》出版", Role.TITLE),
    ],
)
def test_context_free_roles(text: str, role: Role) -> None:
    """Each pattern of the trade gives its role."""
    assert role_of(text) is role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("責任編輯：張三", Role.FURNITURE),
        ("本報記者 舒 嵐 祁望舟", Role.BYLINE),
        ("新華社記者 張三攝", Role.CREDIT),
        ("編者按", Role.LEAD_LABEL),
        ("2.3萬起", Role.BODY),
        ("王小明圖 李大華文", Role.BODY),
        ("問：施肥有什麼講究？", Role.BODY),
        ("A6 生活新聞 2024年3月2日／星期六", Role.FURNITURE),
        ("相關新聞見A3", Role.BODY),
        ("新華社發（李小川攝）", Role.CREDIT),
        ("據了解，今年嶺下村計劃新建", Role.BODY),
    ],
)
def test_traditional_characters(text: str, role: Role) -> None:
    """Traditional input is matched on its simplified shadow."""
    assert role_of(text) is role


def test_a_credit_in_brackets_after_a_caption() -> None:
    """`（图：李小川）`, as Hong Kong papers print it, is a credit on its own line and after
    the caption's last sentence; the person named is its photographer."""
    text = "岭下村果园合作社成立于2019年，入社农户已有三百多户，年产值二百万元。"
    for credit in ("（图：李小川）", "（圖：李小川）"):
        alone = blocks_of(text, "居民搬进新屋。", credit, gaps=[1, 3, 1])
        assert [b.role for b in alone] == [Role.BODY, Role.CAPTION, Role.CREDIT]
        assert credit_people(alone[2].shadow, alone[2].text) == ("李小川",)
        inline = blocks_of(text, "居民搬进新屋。" + credit, gaps=[1, 3])
        assert inline[1].role is Role.CAPTION


def test_block_above_credit_is_caption() -> None:
    """A short sentence right above a credit line is that photo's caption."""
    blocks = blocks_of("青溪苑鸟瞰。", "本报记者 张三 摄")
    assert [b.role for b in blocks] == [Role.CAPTION, Role.CREDIT]


def test_long_paragraph_above_credit_is_not_caption() -> None:
    """A long multi-sentence paragraph above a credit stays body text."""
    long = "这是一段很长的正文。" * 20
    assert blocks_of(long, "本报记者 张三 摄")[0].role is Role.BODY


def test_short_sentence_after_photo_gap_is_caption() -> None:
    """A photo leaves a gap of blank lines; the short sentence under it is a caption."""
    blocks = blocks_of("上一段正文结束了。", "柳河机械厂的智能车间今年投入使用。", gaps=[1, 3])
    assert blocks[1].role is Role.CAPTION


def test_piece_after_photo_gap_is_not_caption() -> None:
    """A piece of a cut paragraph after a gap is not a caption: it starts mid-sentence."""
    blocks = blocks_of("上一段正文结束了。", "，并表示将继续努力。", gaps=[1, 3])
    assert blocks[1].role is Role.BODY


LIST_LEAD = "发展社区居家养老服务，要尊重老人意愿，不搞一刀切。"


def test_a_dash_line_after_body_text_is_a_list_item() -> None:
    """`——就近就便、分类施` after a paragraph: an item of a list printed as paragraphs
    (here cut by a column break), not a 副题, which stands under its headline."""
    blocks = blocks_of(
        "办好家门口的养老服务",
        LIST_LEAD,
        "——就近就便、分类施",
        "策。就近就便办好社区居家养老服务。",
    )
    assert [b.role for b in blocks] == [Role.TITLE, Role.BODY, Role.BODY, Role.BODY]
    assert blocks[2].reason == "dash_item"
    under_headline = blocks_of("办好家门口的养老服务", "——就近就便、分类施策", LIST_LEAD)
    assert under_headline[1].role is Role.SUBHEADLINE


def test_a_short_dash_line_after_body_text_signs_it() -> None:
    """`——编 者` under an editor's note signs it: no list item, no piece of a paragraph."""
    blocks = blocks_of("办好家门口的养老服务", LIST_LEAD, "——编 者", LIST_LEAD)
    assert blocks[2].role is Role.SUBHEADLINE


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("本报讯 今年春天，岭下村的果园扩种", LineKind.OPENS),
        ("新华社北京3月4日电（记者 王大海）", LineKind.OPENS),
        ("編者按：這是一段編者的話，", LineKind.OPENS),
        ("本报记者 王大海 林知夏", LineKind.BYLINE),
        ("本報記者 王大海", LineKind.BYLINE),
        ("本报特约记者 林知夏摄", LineKind.ALONE),
        ("责任编辑：王大海", LineKind.ALONE),
        ("核心提示", LineKind.ALONE),
        ("（作者为岭南大学教授）", LineKind.ALONE),
        ("（林知夏）", LineKind.ALONE),
        ("果园扩种 果农增收", LineKind.TEXT),
        ("村党支部书记说，新品种挂果早、", LineKind.TEXT),
        ("者王大海）今年春天，岭下村", LineKind.TEXT),
    ],
)
def test_line_kind(line: str, kind: LineKind) -> None:
    """On a page wrapped without blank lines, a dateline opens a block and a line that
    is a byline, a credit, furniture, a lead label or a closing note whole is a block of
    its own; running text and title lines are left to the widths."""
    assert line_kind(Block(index=0, text=line, shadow=shadow(line), line=1)) is kind


def test_the_signer_of_a_notice_is_its_text() -> None:
    """`青山县果园合作社` over the date, after a text that ends: who signs it, the end of
    its text, not a title."""
    blocks = blocks_of(
        "林大山同志一生扎根果园，为家乡的果业发展作出了贡献。特此讣告。",
        "青山县果园合作社",
        "2025年3月13日",
    )
    assert [(b.role, b.reason) for b in blocks[1:]] == [
        (Role.BODY, "signer"),
        (Role.BODY, "signer"),
    ]
    # Over no date, or after a piece that does not end, the line stays a title.
    assert (
        blocks_of("特此讣告。", "青山县果园合作社", "林大山同志追悼会定于周五举行。")[1].role
        is Role.TITLE
    )
    assert blocks_of("合作社决定，", "青山县果园合作社", "2025年3月13日")[1].role is Role.TITLE
    # The signer and the date on one line.
    one_line = blocks_of("特此公告。", "青山县果园合作社 2025年3月13日", "岭下村梨花节开幕")
    assert (one_line[1].role, one_line[1].reason) == (Role.BODY, "signer")
    assert blocks_of("合作社决定，", "青山县果园合作社 2025年3月13日")[1].role is Role.TITLE


def test_a_photo_reports_byline_under_its_title() -> None:
    """`本报记者 王大海 摄影报道` right under a title is the photo report's byline; after a
    photo gap it is a photo's credit."""
    under = blocks_of("梨花深处是我家", "本报记者 王大海 摄影报道", "三月的岭下村，梨花开满山坡。")
    assert [b.role for b in under] == [Role.TITLE, Role.BYLINE, Role.BODY]
    after_photo = blocks_of(
        "三月的岭下村，梨花开满山坡。", "梨花开满山坡。", "本报记者 王大海摄影报道", gaps=[1, 3, 1]
    )
    assert after_photo[2].role is Role.CREDIT


def test_a_table_of_contents_is_furniture() -> None:
    """`导读` over lines that each name a story and its page is the front page's table of
    contents: furniture, not a lead box. Over text, the label opens a lead box."""
    text = "岭下村果园合作社成立于2019年，入社农户已有三百多户，年产值二百万元。"
    contents = blocks_of(
        "梨花开了",
        "导读",
        "▶ 青山县建成全省首个县域算力中心（第3版）",
        "南湖区老旧小区改造惠及居民 5版",
        "果园丰收",
        text,
    )
    assert [b.role for b in contents[1:4]] == [Role.FURNITURE] * 3
    assert contents[5].role is Role.BODY
    lead = blocks_of("果园丰收", "导读", text, text)
    assert lead[1].role is Role.LEAD_LABEL


def test_the_running_head_at_an_end_of_the_dump_is_furniture() -> None:
    """The page's number and desk (`2 综合新闻`, with the date and editors or not) and a
    paper's name over its furniture (`青山报`) at the top or the foot of the dump are
    furniture; inside the page the same shapes are text (a numbered subhead)."""
    text = "岭下村果园合作社成立于2019年，入社农户已有三百多户，年产值二百万元。"
    top = blocks_of("青山报", "中共青山县委机关报", "2 综合新闻", "责任编辑：王大海", "梨花开了")
    assert [b.role for b in top][:4] == [Role.FURNITURE] * 4
    assert top[4].role is Role.TITLE
    head = blocks_of("8 经济 2026年3月5日 星期四 责任编辑：王大海 美编：李小川", "梨花开了", text)
    assert head[0].role is Role.FURNITURE
    foot = blocks_of("梨花开了", text, "6 人物·访谈")
    assert foot[2].role is Role.FURNITURE
    inside = blocks_of(
        "梨花开了", text, "3 做强产业", "地址：青山县南湖路8号", text, "本版邮箱：nanhu@example.com"
    )
    assert inside[2].role is not Role.FURNITURE
    assert inside[3].role is not Role.FURNITURE  # a notice's address, not the imprint
    assert inside[5].role is Role.FURNITURE
    alone = blocks_of("青山报", "梨花开了", text)  # a title, with no furniture under it
    assert alone[0].role is Role.TITLE
    # The page's name over its date and editors at the top; the same line over text is a
    # title.
    named = blocks_of("科技前沿", "2024年6月18日 星期二 责任编辑 王大海", "梨花开了", text)
    assert [b.role for b in named][:3] == [Role.FURNITURE, Role.FURNITURE, Role.TITLE]
    assert blocks_of("科技前沿", "梨花开了", text)[0].role is Role.TITLE
    # The desk under the page number: two names joined by a middle dot.
    desk = blocks_of("5", "法治·案件", "2025年6月12日 星期四", "梨花开了", text)
    assert [b.role for b in desk][:4] == [Role.FURNITURE] * 3 + [Role.TITLE]
    # A section's letter before the page number: `B8`, `A12 要闻`.
    lettered = blocks_of("青山晚报", "B8", "南湖·副刊", "梨花开了", text)
    assert [b.role for b in lettered][:4] == [Role.FURNITURE] * 3 + [Role.TITLE]
    assert blocks_of("A12 要闻", "梨花开了", text)[0].role is Role.FURNITURE
    # The page's name over its number.
    named = blocks_of("青山日报", "评论", "4", "梨花开了", text)
    assert [b.role for b in named][:4] == [Role.FURNITURE] * 3 + [Role.TITLE]
    paper = blocks_of("青山报", "2　综合新闻", "2025年10月15日 星期三", "梨花开了", text)
    assert [b.role for b in paper][:4] == [Role.FURNITURE] * 3 + [Role.TITLE]


def test_a_number_alone_at_an_end_of_the_dump_is_its_page_number() -> None:
    """`11` under the last furniture line (or over the first) is the page number; a
    number alone inside the page is a figure set large beside its text."""
    text = "岭下村果园合作社成立于2019年，入社农户已有三百多户，年产值二百万元。"
    blocks = blocks_of("2025年3月2日 星期日", "11", "36", text, "11", "责任编辑：王大海", "8")
    assert [b.role for b in blocks] == [
        Role.FURNITURE,
        Role.FURNITURE,
        Role.BODY,
        Role.BODY,
        Role.BODY,
        Role.FURNITURE,
        Role.FURNITURE,
    ]
