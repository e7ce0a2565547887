"""Stages heads + assemble: what a title line is, runs, reading order, article fields."""

from __future__ import annotations

import pytest

import newspage
from newspage.stages.assemble import CLAIM_REACH, assemble
from newspage.stages.blocks import Role
from newspage.stages.heads import resolve_titles

from .conftest import blocks_of, page_text


def test_headline_with_kicker_subheadline_byline() -> None:
    """Two title lines above a byline are kicker + headline; `——…` is the 副题."""
    page = newspage.parse(
        page_text(
            "民生答卷看基层",
            "全市新增就业岗位十万个",
            "——来自基层的报告",
            "本报记者 柯 闻 苗禾",
            "今年以来，全市就业形势稳定。",
        )
    )
    (a,) = page.articles
    assert (a.kicker, a.headline, a.subheadline) == (
        "民生答卷看基层",
        "全市新增就业岗位十万个",
        "——来自基层的报告",
    )
    assert a.byline == "本报记者 柯 闻 苗禾"
    assert [(x.name, x.role) for x in a.authors] == [("柯闻", "本报记者"), ("苗禾", "本报记者")]
    assert a.paragraphs == ("今年以来，全市就业形势稳定。",)


def test_dateline_and_its_reporters() -> None:
    """`本报北京2月1日电（记者 王五）` is the dateline; 王五 is an author; text keeps it."""
    page = newspage.parse(
        page_text("会议在京召开", "本报北京2月1日电（记者 王五）会议1日在京召开。")
    )
    (a,) = page.articles
    assert a.dateline == "本报北京2月1日电（记者 王五）"
    assert [(x.name, x.role) for x in a.authors] == [("王五", "记者")]
    assert a.paragraphs[0].startswith("本报北京2月1日电")


def test_xinhua_dateline_traditional() -> None:
    """Traditional datelines are recognised and returned as printed."""
    page = newspage.parse(
        page_text("會議在京召開", "新華社北京2月1日電（記者 王五）會議1日在京召開。")
    )
    assert page.articles[0].dateline == "新華社北京2月1日電（記者 王五）"
    assert page.articles[0].authors[0].name == "王五"


FUYUAN_HEAD = (
    "抚远市推进乡村振兴",
    "本报记者 柯闻",
    "抚远市地处黑龙江与乌苏里江交汇处，抚远市的乡村振兴工作成效明显。",
    "稻米产业走出新路子",
)
FUYUAN_RICE = "抚远市大力发展稻米产业，抚远市的稻米远销各地，乡村振兴有了产业支撑。"


def test_subheads_inside_a_story() -> None:
    """A title line between paragraphs of the same story is a subhead, not a new story."""
    page = newspage.parse(page_text(*FUYUAN_HEAD, FUYUAN_RICE))
    (a,) = page.articles
    assert [s.heading for s in a.sections] == [None, "稻米产业走出新路子"]


def test_a_line_of_clauses_under_a_subhead_is_a_paragraph() -> None:
    """A long title-shaped line with commas under a title line is a paragraph printed
    without its full stop, not a headline under a kicker."""
    line = "守住稻米产业金字招牌，抚远市的种植合作社越办越多，订单农业越做越大"
    page = newspage.parse(page_text(*FUYUAN_HEAD, line, FUYUAN_RICE))
    (a,) = page.articles
    assert [s.heading for s in a.sections] == [None, "稻米产业走出新路子"]
    assert a.sections[1].paragraphs[0] == line


def test_a_numbered_heading_divides_its_story() -> None:
    """`二、总体要求` is a section heading of the document it stands in, even over text
    that shares no words with the section before it."""
    page = newspage.parse(
        page_text(
            "两部门印发关于加强乡村图书室建设的意见",
            "新华社北京2月21日电 文化和旅游部会同农业农村部，日前下发《关于加强乡村图书室"
            "建设的意见》，就乡村图书室的改造提升、图书配送和日常管理作出具体安排。",
            "一、重要意义",
            "乡村图书室是农民读书看报的重要场所，一些村的图书室藏书陈旧，开放时间不固定，"
            "群众借阅不方便，作用没有充分发挥出来，亟须补齐短板。",
            "二、总体要求",
            "以丰富基层精神文化生活为目标，坚持政府引导、多方参与、共建共享，统筹城乡公共文化"
            "资源，推动县级馆藏资源下沉，与乡镇综合文化站联网，实现通借通还，到2025年每个"
            "行政村都有一间设施齐全、书目常换常新的阅览室，让好书走进千家万户。",
        )
    )
    (a,) = page.articles
    assert [s.heading for s in a.sections] == [None, "一、重要意义", "二、总体要求"]


def test_the_points_of_a_report_printed_as_headings_divide_its_story() -> None:
    """`一是…`, `二是…` printed as lines of their own are the headings of a report's
    points, not headlines of stories."""
    page = newspage.parse(
        page_text(
            "河东镇特色农业跑出加速度",
            "本报记者 李小川",
            "今年以来，河东镇坚持把发展特色农业作为富民强镇的主抓手，全镇农产品销售额同比增长两成。",
            "一是强化龙头带动",
            "全镇培育市级以上农业产业化龙头企业八家，推行企业加合作社加农户的模式，户均增收万余元。",
            "二是强化品牌建设",
            "河东镇整合全镇农产品资源，打造区域公用品牌，统一标准、统一包装，产品售价提高三成。",
        )
    )
    (a,) = page.articles
    assert [s.heading for s in a.sections] == [None, "一是强化龙头带动", "二是强化品牌建设"]


def test_a_later_numbered_section_goes_to_the_story_of_the_section_before_it() -> None:
    """`三、打响区域品牌` printed after another story's text, under a piece of a cut
    paragraph of that story: the piece is no kicker (no story opens at its third section),
    and the section goes to the document that has `二、…`."""
    page = newspage.parse(
        page_text(
            "青山县出台果业三年行动方案",
            "本报讯（记者 王大海）近日，青山县印发果业高质量发展三年行动方案，提出三方面举措。",
            "一、推进品种改良",
            "方案提出，三年内完成老果园改造两万亩，推广矮砧密植等新模式，提高优果率。",
            "二、完善设施配套",
            "方案明确，到2027年全县新建果品冷库容量五万吨，每个乡镇建成一个分拣中心。",
            "春耕时节话农机",
            "本报记者 林知夏",
            "一场春雨过后，青山县的田野里处处是忙碌的景象，农机手们驾驶着拖拉机来回穿梭。",
            "近年来，青山县大力推广果园机械化，购机补贴比例最高可达",
            "三、打响区域品牌",
            "方案提出，统一使用区域公用品牌，制定果品分级标准，支持合作社开设直营店。",
        )
    )
    plan, machines = page.articles
    assert plan.headline == "青山县出台果业三年行动方案"
    assert [s.heading for s in plan.sections] == [
        None,
        "一、推进品种改良",
        "二、完善设施配套",
        "三、打响区域品牌",
    ]
    assert machines.headline == "春耕时节话农机"
    assert machines.kicker is None
    assert machines.sections[0].paragraphs[-1].startswith("近年来")


def test_commentaries_signed_by_name_alone() -> None:
    """A commentary page: rubric, title, the author's name alone, the text. Each name is
    its piece's byline, and each piece a story of its own."""
    page = newspage.parse(
        page_text(
            "乡村论坛",
            "让好果子走出大山",
            "李小川",
            "岭下村的苹果，十年前烂在树下没人要，如今通过合作社和电商卖到了全国各地。",
            "这给我们一个启示：农产品卖难，难在流通，更难在组织，合作社把农户组织了起来。",
            "一张明白纸的分量",
            "孙海川",
            "青山县把惠农政策印成一张明白纸，补贴标准、申领流程、咨询电话一目了然。",
            "政策好不好，关键看群众知不知道、会不会用，这张纸打通了最后一公里。",
        )
    )
    assert [(a.headline, a.byline, [x.name for x in a.authors]) for a in page.articles] == [
        ("让好果子走出大山", "李小川", ["李小川"]),
        ("一张明白纸的分量", "孙海川", ["孙海川"]),
    ]


def test_an_essay_signed_by_two_names_alone() -> None:
    """A theory page's essay: its title, then its two authors' names set apart by a
    space, then the text. The names are the byline, not the headline under a kicker."""
    (essay,) = newspage.parse(
        page_text(
            "让乡村文化在数字时代焕发新活力",
            "李小川　陈晓燕",
            "乡村是优秀传统文化的重要发源地。随着网络向乡村延伸，乡村文化迎来了新机遇。",
            "一、数字技术拓展了乡村文化的传播空间",
            "过去，许多乡村文化资源藏在深山人未识，如今一部手机就能让它们走出大山。",
        )
    ).articles
    assert (essay.kicker, essay.headline, essay.byline) == (
        None,
        "让乡村文化在数字时代焕发新活力",
        "李小川 陈晓燕",
    )
    assert [a.name for a in essay.authors] == ["李小川", "陈晓燕"]


def test_an_essay_signed_in_its_closing_note() -> None:
    """`（作者：王大海，系青山大学教授）` after an essay's last paragraph (before or after
    a funding note) names its author; `（作者为青山大学教授）` names nobody. The note stays
    a paragraph of the text."""
    note = "（作者：王大海，系青山大学文学院教授）"
    funding = "（本文系青山省社会科学基金项目阶段性成果）"

    def essay(*closing: str) -> newspage.Article:
        (article,) = newspage.parse(
            page_text(
                "乡村文化振兴要接地气",
                "近年来，各地乡村文化建设投入不断加大，文化广场、农家书屋遍地开花。",
                "此外，还要善于挖掘本地的文化资源，让老民谣唱出新味道。",
                *closing,
            )
        ).articles
        return article

    assert [a.name for a in essay(note).authors] == ["王大海"]
    assert [a.name for a in essay(note, funding).authors] == ["王大海"]
    assert essay(note).paragraphs[-1] == note
    assert essay("（作者为青山大学文学院教授）").authors == ()
    assert [a.name for a in essay("（作者：王大海、李小川）").authors] == ["王大海", "李小川"]


def test_two_head_groups_printed_one_over_the_other() -> None:
    """Two stories' head groups of two lines each, one over the other, then the first
    story's dated text, then the second's: each text goes to its own head group, in the
    order the groups are printed."""
    first = "【本报讯】记者林知夏报道：河东镇新建的屋邨下月入伙，三千户居民将陆续迁入。"
    second = "【本报讯】记者王大海报道：政府推出的中小企数码转型资助计划反应热烈，申请增三成。"
    page = newspage.parse(
        page_text(
            "河东新屋邨下月入伙",
            "街市诊所同步开业",
            "业界促简化审批程序",
            "中小企数码转型资助申请增三成",
            first,
            "屋邨共有五座住宅大厦，区内设有街市、诊所及幼儿园，方便居民日常生活。",
            second,
            "青山中小企联盟主席表示，不少小店近年积极转型，资助计划来得及时。",
        )
    )
    assert [(a.headline, a.paragraphs[0]) for a in page.articles] == [
        ("街市诊所同步开业", first),
        ("中小企数码转型资助申请增三成", second),
    ]
    assert [a.authors[0].name for a in page.articles] == ["林知夏", "王大海"]


def test_notices_each_head_an_item() -> None:
    """`讣告` and `遗失声明` under a story's text: each notice is an item of its own, and the
    signer and date close the obituary's text (no open end is reported)."""
    page = newspage.parse(
        page_text(
            "岭下村的老园长",
            "本报记者 王大海",
            "七十八岁的孙海川，在岭下村的果园里守了整整五十年，村里人都叫他老园长。",
            "讣告",
            "青山县果园合作社原技术顾问林大山同志，因病医治无效，于3月12日逝世，享年八十二岁。",
            "特此讣告。",
            "青山县果园合作社",
            "2025年3月13日",
            "遗失声明",
            "青山县岭下村果园合作社不慎遗失公章一枚，声明作废。",
        )
    )
    assert [a.headline for a in page.articles] == ["岭下村的老园长", "讣告", "遗失声明"]
    obituary = page.articles[1]
    assert obituary.sections[0].paragraphs[-2:] == ("青山县果园合作社", "2025年3月13日")
    assert not [w for w in page.warnings if w.code == "unresolved-break"]


def test_a_letters_salutation_opens_its_text() -> None:
    """`编辑同志：` under a letter's title: the first line of its text, not the headline
    under the title read as its kicker (nor the third of a list of short lines)."""
    page = newspage.parse(
        page_text(
            "岭下村的老园长",
            "本报记者 王大海",
            "七十八岁的孙海川，在岭下村的果园里守了整整五十年，村里人都叫他老园长。",
            "读者来信",
            "村口的路灯何时能亮起来",
            "编辑同志：",
            "我是青山县岭下村的村民。去年秋天，村里装了二十盏太阳能路灯，没亮几天就坏了。",
        )
    )
    letter = page.articles[-1]
    assert (letter.kicker, letter.headline) == ("读者来信", "村口的路灯何时能亮起来")
    assert letter.sections[0].paragraphs[0] == "编辑同志："


@pytest.mark.parametrize("jump", ["（上接第一版）", "上接A1版"])
def test_text_under_a_jump_line_is_a_story_headed_elsewhere(jump: str) -> None:
    """Under `（上接第一版）` the page prints the rest of a story headed on page one: a
    story of its own without a head, not the text of the story beside it, however many
    words they share."""
    page = newspage.parse(
        page_text(
            "2025年3月7日 星期五",
            jump,
            "水池，村里通了硬化路，岭下村的果园里装上了滴灌，果农的日子越过越红火。",
            "去年，岭下村集体经济收入突破一百万元，果园合作社给每户分红三千元。",
            "岭下村梨园迎来丰收",
            "本报记者 林知夏",
            "岭下村的梨园今年迎来丰收，果园合作社的梨销往全国各地，果农笑开了颜。",
        )
    )
    assert [(a.headline, len(a.paragraphs)) for a in page.articles] == [
        (None, 2),
        ("岭下村梨园迎来丰收", 1),
    ]
    assert jump in page.unplaced


def test_a_column_of_briefs_without_titles() -> None:
    """`简讯` over paragraphs each closed by its author (`…。（李小川）`): every paragraph is
    a brief of the column, and the name in brackets its author."""
    briefs = [
        "县消防大队日前开展春季防火宣传进乡村活动，向村民发放宣传资料两千余份。（李小川）",
        "青山县图书馆近日新增图书五千册，并开设少儿阅读专区，每周六举办亲子阅读活动。（孙海川）",
        "岭下村近日建成村级文化广场，配备健身器材二十套，成为村民休闲娱乐的好去处。（李小川）",
    ]
    page = newspage.parse(
        page_text(
            "岭下村果园合作社带富一方",
            "本报记者 王大海",
            "岭下村果园合作社成立于2019年，由村党支部领办，入社农户已有三百多户。",
            "简讯",
            *briefs,
        )
    )
    story, *items = page.articles
    assert story.headline == "岭下村果园合作社带富一方"
    assert [(a.kind, a.column, a.paragraphs) for a in items] == [
        ("brief", "简讯", (b,)) for b in briefs
    ]
    assert [[x.name for x in a.authors] for a in items] == [["李小川"], ["孙海川"], ["李小川"]]


def test_a_piece_cut_mid_sentence_opens_no_brief() -> None:
    """After a brief its author closes, a block that opens mid-sentence (`秧、…`) is
    another story's text cut by a column, not a brief of the column."""
    briefs = (
        "县消防大队日前开展春季防火宣传进乡村活动，向村民发放宣传资料两千余份。（李小川）",
        "青山县图书馆近日新增图书五千册，并开设少儿阅读专区，每周六举办亲子阅读活动。（孙海川）",
    )
    first = (
        "岭下村果园合作社成立于2019年，由村党支部领办，入社农户已有三百多户。今年春耕，"
        "合作社统一供种、统一育"
    )
    second = "秧、统一机插，秧苗成活率提高了一成，每亩节约成本六十元。"
    page = newspage.parse(
        page_text("岭下村果园合作社带富一方", "本报记者 王大海", first, "简讯", *briefs, second)
    )
    assert [a.paragraphs for a in page.articles if a.kind == "brief"] == [(b,) for b in briefs]
    assert page.articles[0].paragraphs[0] == first
    assert [a.kind for a in page.articles if second in a.text] == ["article"]


def test_a_story_with_a_photo_after_a_column_of_briefs_ends_the_column() -> None:
    """A title over a photo and more text than a brief holds, after a column of briefs,
    heads a story printed after the column, not a brief of it."""
    brief = "县消防大队日前开展春季防火宣传进乡村活动，向村民发放宣传资料两千余份。（李小川）"
    text = "青山县首条城乡公交环线昨日开通，全长六十公里，沿途设站二十八个，每天发车十八班次。"
    page = newspage.parse(
        page_text("镇村速递", "防火宣传进乡村", brief, "青山县开通城乡公交环线")
        + "\n\n\n市民在河东镇站乘坐新开通的公交车。 王大海 摄\n\n"
        + page_text("本报讯 " + text, text, text, text, "（通讯员 赵一鸣）")
    )
    item, story = page.articles
    assert (item.kind, item.column, item.paragraphs) == ("brief", "镇村速递", (brief,))
    assert (story.kind, story.column, story.headline) == ("article", None, "青山县开通城乡公交环线")
    assert len(story.paragraphs) == 4


def test_an_agency_credit_in_brackets_after_a_caption_is_its_credit() -> None:
    """`…移栽油菜苗。（新华社发）`: the agency that sent the photo is the caption's credit,
    not the end of its text."""
    text = "岭下村果园合作社成立于2019年，入社农户已有三百多户，年产值二百万元。"
    caption = "3月3日，岭下村村民在田间移栽油菜苗。"
    page = newspage.parse(f"果园丰收\n\n{text}\n\n\n\n{caption}（新华社发）\n\n{text}\n")
    (story,) = page.articles
    assert [(c.text, c.credit, c.photographers) for c in story.captions] == [
        (caption, "（新华社发）", ())
    ]


def test_an_agency_in_brackets_after_a_photo_gap_credits_the_photo() -> None:
    """`…作业。（路透社）` after a photo gap is a caption credited to the agency, not a piece
    of the paragraph the photo cut. After a brief's text, the same
    brackets name where the text came from and stay in it."""
    first = "设在青山县的一家冰雪数据机构说，今年二月下旬的海冰面积比往年同期少了一成五，许多海域"
    second = "只剩下当年冬天才结成的薄冰，研究人员认为这种薄冰在春季会更快破碎。"
    caption = "3月2日，一艘破冰船在海域作业。"
    page = newspage.parse(
        f"北极航道通航季或提前\n\n{first}\n\n\n\n{caption}（路透社）\n\n{second}\n"
    )
    (story,) = page.articles
    assert [(c.text, c.credit) for c in story.captions] == [(caption, "（路透社）")]
    assert not [p for p in story.paragraphs if "路透社" in p]
    brief = "青山县首座跨江大桥昨日正式通车，两岸车程缩短至十分钟。（中通社）"
    page = newspage.parse(page_text("快讯", "跨江大桥通车", brief))
    assert [(a.kind, a.paragraphs, a.captions) for a in page.articles] == [("brief", (brief,), ())]


def test_a_picture_column_of_several_items() -> None:
    """`图片新闻` over items of a title, a short text and the photo's credit each: every
    item is a picture story of the column, its text its paragraph."""
    page = newspage.parse(
        "图片新闻\n\n梨花节开幕\n\n3月1日，岭下村第五届梨花节开幕，吸引了上万名游客。"
        "\n\n（王大海 摄）\n\n春耕备耕忙\n\n连日来，青山县各地农民抢抓农时，平整土地。"
        "\n\n（李小川 摄）\n\n义诊进乡村\n\n县人民医院组织医疗队走进山后村，为村民义诊。"
        "\n\n（林知夏 摄）\n"
    )
    assert [
        (a.kind, a.column, a.headline, len(a.paragraphs), [c.credit for c in a.captions])
        for a in page.articles
    ] == [
        ("photo", "图片新闻", "梨花节开幕", 1, ["（王大海 摄）"]),
        ("photo", "图片新闻", "春耕备耕忙", 1, ["（李小川 摄）"]),
        ("photo", "图片新闻", "义诊进乡村", 1, ["（林知夏 摄）"]),
    ]


def test_a_question_said_in_quotes_is_a_line_of_the_text() -> None:
    """`“爹呢？”` on a line of its own inside a story: what someone asked, not a subhead."""
    page = newspage.parse(
        page_text(
            "梨花开时",
            "林知夏",
            "三月的岭下村，梨花开满了山坡。小满放学回家，看见娘一个人在院子里剪枝。",
            "“爹呢？”",
            "娘说，你爹去合作社开会了，今年的梨要卖到省城去。小满听了，高兴得跳了起来。",
        )
    )
    (story,) = page.articles
    assert [s.heading for s in story.sections] == [None]
    assert story.paragraphs[1] == "“爹呢？”"


def test_dash_line_over_a_subhead_inside_a_story() -> None:
    """`抚远市江边——` over a subhead inside a story leads into the subhead: the two lines
    are not the kicker and headline of a new story."""
    page = newspage.parse(
        page_text(
            "抚远市推进乡村振兴",
            "本报记者 柯闻",
            "抚远市地处黑龙江与乌苏里江交汇处，抚远市的乡村振兴工作成效明显。",
            "抚远市江边——",
            "稻米产业走出新路子",
            "抚远市大力发展稻米产业，抚远市的稻米远销各地，乡村振兴有了产业支撑。",
        )
    )
    (a,) = page.articles
    assert [s.heading for s in a.sections] == [None, "稻米产业走出新路子"]
    assert a.sections[0].paragraphs[-1] == "抚远市江边——"


def test_dash_line_over_a_headline_opens_a_story() -> None:
    """The same two lines at the top of a page are the kicker and headline."""
    page = newspage.parse(
        page_text(
            "抚远市江边——",
            "稻米产业走出新路子",
            "抚远市大力发展稻米产业，抚远市的稻米远销各地，乡村振兴有了产业支撑。",
        )
    )
    (a,) = page.articles
    assert (a.kicker, a.headline) == ("抚远市江边——", "稻米产业走出新路子")


def test_side_column_briefs() -> None:
    """A rubric opens a column: each brief gets the column name, its headline, the
    dateline and its closing author line; the pinyin decoration is dropped."""
    page = newspage.parse(
        page_text(
            "本地快讯 KUAIXUN",
            "护春耕 开设田间课堂",
            "本报讯 开春以来，全县围绕保春耕，组织农技培训。",
            "王五 本报记者 赵六",
            "便民利企 上线办事专窗",
            "本报讯 记者赵六报道 3月12日，全县开通企业开办一窗通办。",
        )
    )
    a, b = page.articles
    assert (a.kind, a.column, a.headline, a.dateline) == (
        "brief",
        "本地快讯",
        "护春耕 开设田间课堂",
        "本报讯",
    )
    assert a.byline == "王五 本报记者 赵六"
    assert [(x.name, x.role) for x in a.authors] == [("王五", None), ("赵六", "本报记者")]
    assert (b.dateline, [x.name for x in b.authors]) == ("本报讯 记者赵六报道", ["赵六"])


def test_a_brief_with_a_subheadline_keeps_its_dateline() -> None:
    """In a column of briefs, a dateline paragraph opens the next brief unless a head
    group stands right above it: under a brief's 副题 it is that brief's text."""
    page = newspage.parse(
        page_text(
            "本地快讯 KUAIXUN",
            "岭下村召开果园管理座谈会",
            "王大海出席并讲话",
            "本报讯 3月12日，岭下村召开果园管理座谈会，村民代表发言。",
            "本报讯 3月13日，岭下村的果园开始春季修剪。",
        )
    )
    a, b = page.articles
    assert (a.headline, a.subheadline, a.dateline) == (
        "岭下村召开果园管理座谈会",
        "王大海出席并讲话",
        "本报讯",
    )
    assert a.paragraphs == ("本报讯 3月12日，岭下村召开果园管理座谈会，村民代表发言。",)
    assert (b.headline, b.dateline, b.column) == (None, "本报讯", "本地快讯")


def test_picture_story_under_picture_rubric() -> None:
    """Under `图说`, the item is a photo story; its credit stands alone."""
    page = newspage.parse(
        page_text(
            "图说 TUSHUO",
            "社保卡补办不用等",
            "市民在社区服务站的自助机上刷脸，十分钟就能拿到新卡。",
            "本报记者 赵六 摄",
        )
    )
    (a,) = page.articles
    assert (a.kind, a.column) == ("photo", "图说")
    assert [(c.text, c.credit) for c in a.captions] == [(None, "本报记者 赵六 摄")]
    assert a.paragraphs == ("市民在社区服务站的自助机上刷脸，十分钟就能拿到新卡。",)


@pytest.mark.parametrize("rubric", ["图说 TUSHUO", "图说", "图片新闻"])
def test_a_picture_column_of_a_photo_alone(rubric: str) -> None:
    """A picture column whose item is a photo with no title and no text: the caption
    and credit under the rubric are its story, not the story printed before it."""
    page = newspage.parse(
        page_text(
            "果园扩种 果农增收",
            "本报讯 今年春天，岭下村的果园扩种了三百亩新品种梨树。",
            rubric,
            "岭下村的梨花开了，吸引了不少游客前来赏花。",
            "林知夏 摄",
        )
    )
    story, photo = page.articles
    assert story.captions == ()
    assert (photo.kind, photo.column, photo.headline) == ("photo", rubric.split()[0], None)
    assert [(c.text, c.credit) for c in photo.captions] == [
        ("岭下村的梨花开了，吸引了不少游客前来赏花。", "林知夏 摄")
    ]
    assert page.unplaced == ()


def test_a_photo_above_a_picture_rubric_ends_the_story_before_it() -> None:
    """A photo printed above the rubric of a picture column is not the column's."""
    page = newspage.parse(
        "果园扩种 果农增收\n\n本报讯 今年春天，岭下村的果园扩种了三百亩新品种梨树。"
        "\n\n\n\n王大海 摄\n\n图说 TUSHUO\n\n岭下村的梨花开了，吸引了不少游客前来赏花。"
        "\n\n林知夏 摄\n"
    )
    story, photo = page.articles
    assert [c.credit for c in story.captions] == ["王大海 摄"]
    assert [c.credit for c in photo.captions] == ["林知夏 摄"]


def test_a_title_named_as_a_picture_column_over_a_photo_and_text() -> None:
    """`图片报道` over a photo (its gap, its credit) and the text beside it titles that
    story: no picture column of a photo alone."""
    text = "岭下村的梨花开了，吸引了不少游客前来赏花，村里的民宿也热闹起来。"
    page = newspage.parse(f"图片报道\n\n\n\n林知夏 摄\n\n{text}\n")
    (a,) = page.articles
    assert (a.kind, a.headline, a.paragraphs) == ("article", "图片报道", (text,))


STORY = "浙江舟山改造老旧渔船，为远洋捕捞装上“千里眼”。"


@pytest.mark.parametrize(
    ("printed", "paragraph", "credit"),
    [
        # `图为…` inside the text marks a caption elsewhere, not in a picture story.
        (
            [STORY + "图为改造后的渔船。", "韦澄川摄（影像中国）"],
            STORY + "图为改造后的渔船。",
            "韦澄川摄（影像中国）",
        ),
        # The credit printed in the same block as the text.
        ([STORY + " 韦澄川摄"], STORY, "韦澄川摄"),
    ],
)
def test_picture_story_text_is_its_story(printed: list[str], paragraph: str, credit: str) -> None:
    """Under a picture rubric without decoration (`图片新闻`), the text is the story's
    paragraph, whatever marks it holds; the credit is its only caption."""
    page = newspage.parse(page_text("图片新闻", "改造渔船 安全出海", *printed))
    (a,) = page.articles
    assert (a.kind, a.column, a.headline) == ("photo", "图片新闻", "改造渔船 安全出海")
    assert a.paragraphs == (paragraph,)
    assert [(c.text, c.credit) for c in a.captions] == [(None, credit)]


def test_a_line_opening_as_a_caption_in_a_picture_story_stays_one() -> None:
    """`图为…` at the start of a line under a picture rubric captions the photo."""
    page = newspage.parse(
        page_text("图片新闻", "改造渔船 安全出海", STORY, "图为改造后的渔船。", "韦澄川摄")
    )
    (a,) = page.articles
    assert a.paragraphs == (STORY,)
    assert [(c.text, c.credit) for c in a.captions] == [("图为改造后的渔船。", "韦澄川摄")]


def test_a_caption_marked_as_such_outside_a_picture_story() -> None:
    """The same text under an ordinary headline is a photo caption."""
    page = newspage.parse(
        page_text(
            "渔船改造保障安全出海",
            "本报讯 浙江舟山改造老旧渔船。",
            "图为改造后的渔船。",
            "韦澄川摄（影像中国）",
        )
    )
    (a,) = page.articles
    assert [(c.text, c.credit) for c in a.captions] == [
        ("图为改造后的渔船。", "韦澄川摄（影像中国）")
    ]


def test_lead_box() -> None:
    """`核心提示` and the paragraphs up to the first subhead are the lead box."""
    page = newspage.parse(
        page_text(
            "逐浪向前 培育产业新动能",
            "本报记者 柯闻",
            "核心提示",
            "新春伊始，再鼓干劲。",
            "规划落地，恰逢其时。",
            "双城联动",
            "正文从这里开始。",
        )
    )
    (a,) = page.articles
    assert a.lead_label == "核心提示"
    assert a.lead == ("新春伊始，再鼓干劲。", "规划落地，恰逢其时。")
    assert a.sections[0].heading == "双城联动"


def test_far_continuation_read_after_its_first_piece() -> None:
    """Runs that continue pieces printed earlier are read right after those pieces: the
    layout of the sample page, two far joins crossing each other."""
    page = newspage.parse(
        page_text(
            "老工业城的新活力",
            "本报记者 柯闻",
            "围绕老矿区的土地复垦与生态修复，统筹推进荒坡绿化、水系整治、道路改造、老厂房改建等工程，全区上下齐心协",
            "老厂房里长出新产业",
            "培育新产业方面，加快完善基础设",
            "力推进五年攻坚计划，首批生态修复工程已经完工。",
            "施配套，一批智能装备、新材料领域的重点项目落地。",
        )
    )
    (a,) = page.articles
    assert (
        a.sections[0]
        .paragraphs[0]
        .endswith("全区上下齐心协力推进五年攻坚计划，首批生态修复工程已经完工。")
    )
    assert a.sections[1].heading == "老厂房里长出新产业"
    assert a.sections[1].paragraphs == (
        "培育新产业方面，加快完善基础设施配套，一批智能装备、新材料领域的重点项目落地。",
    )
    assert [(j.first, j.second) for j in a.joins] == [
        ("，全区上下齐心协", "力推进五年攻坚计"),
        ("，加快完善基础设", "施配套，一批智能"),
    ]


def test_unresolved_piece_is_kept_and_reported() -> None:
    """A piece whose other half is missing is kept as printed and warned about."""
    piece = (
        "滨河老街文旅综合体项目正式开工，通过改造街区内的旧仓库和闲置厂房，建成集餐饮、展览、演艺"
    )
    page = newspage.parse(
        page_text(
            "文旅综合体开工",
            "本报记者 柯闻",
            piece,
            "“两岸”联动发展谋新求变",
            # A dateline opens its story: no piece can go on there.
            "本报讯 抓住机遇，新区主动靠前服务。",
        )
    )
    assert piece in page.articles[0].paragraphs
    assert [w.code for w in page.warnings] == ["unresolved-break"]
    assert page.warnings[0].text is not None
    assert page.warnings[0].text.endswith("演艺")


def test_furniture_is_unplaced() -> None:
    """Editors' lines and masthead dates belong to no article."""
    page = newspage.parse(
        page_text("2019年2月15日 星期五", "会议召开", "本报讯 会议召开了。", "责任编辑：柯闻")
    )
    assert page.unplaced == ("2019年2月15日 星期五", "责任编辑：柯闻")
    assert page.articles[0].headline == "会议召开"


def test_captions_with_credit() -> None:
    """A caption and the credit under it are one caption entry with the photographer."""
    page = newspage.parse(
        page_text(
            "会议召开",
            "本报讯 会议召开了。",
            "\n\n滨江公园夜景。",
            "本报特约记者 阮 汀 摄",
            "会议还听取了有关情况汇报。",
        )
    )
    (a,) = page.articles
    assert [(c.text, c.credit, c.photographers) for c in a.captions] == [
        ("滨江公园夜景。", "本报特约记者 阮 汀 摄", ("阮汀",))
    ]
    assert a.paragraphs == ("本报讯 会议召开了。", "会议还听取了有关情况汇报。")


def test_empty_page() -> None:
    """An empty page is an empty result with a warning, not an error."""
    page = newspage.parse("")
    assert page.articles == ()
    assert [w.code for w in page.warnings] == ["empty-page"]


# Two head groups; the first story's text is cut right under the second's head group,
# where its later frames continue (an L-shaped layout): the second head group's text is
# printed further on.
TWO_HEADS_CUT = (
    "全市新增就业岗位十万个",
    "本报记者 柯闻",
    "今年以来，全市就业形势总体稳定，城镇新增就业人数超过预期，新增岗位主要来自服务业和制造",
    "春运返程高峰到来",
    "本报记者 苗禾",
)
JOBS_FIRST = "今年以来，全市就业形势总体稳定，城镇新增就业人数超过预期，"
# The jobs story's text goes on after the trains story's head, and is cut once more.
JOBS_CUT_AGAIN = "业，其中服务业占六成。就业服务中心负责人说，明年还将继续扩"
JOBS_LAST = "大岗位供给，稳住就业基本盘。"
TRAINS_TEXT = (
    "春运返程客流持续增长，各地铁路部门加开返程列车，春运返程高峰预计持续一周。",
    "铁路部门提醒旅客错峰出行。",
)


def test_head_group_whose_text_is_printed_after_another_story() -> None:
    """A head group directly followed by another story's continued text: its own text,
    opening with its dateline, comes after that story's and goes to it."""
    page = newspage.parse(
        page_text(
            *TWO_HEADS_CUT,
            "业，其中服务业占六成。",
            "就业服务中心负责人说，明年还将继续扩大岗位供给。",
            "本报北京2月1日电 春运返程高峰1日到来，各地铁路部门加开列车。",
            "铁路部门提醒旅客错峰出行。",
        )
    )
    jobs, trains = page.articles
    assert jobs.headline == "全市新增就业岗位十万个"
    assert jobs.paragraphs == (
        JOBS_FIRST + "新增岗位主要来自服务业和制造业，其中服务业占六成。",
        "就业服务中心负责人说，明年还将继续扩大岗位供给。",
    )
    assert trains.headline == "春运返程高峰到来"
    assert trains.dateline == "本报北京2月1日电"
    assert trains.paragraphs == (
        "本报北京2月1日电 春运返程高峰1日到来，各地铁路部门加开列车。",
        "铁路部门提醒旅客错峰出行。",
    )


def test_thin_story_claims_its_text_by_its_words() -> None:
    """A head group with no text of its own claims a later run that repeats its words,
    even without a dateline; the story printed before keeps its own text."""
    page = newspage.parse(
        page_text(
            *TWO_HEADS_CUT,
            JOBS_CUT_AGAIN,
            *TRAINS_TEXT,
            JOBS_LAST,
        )
    )
    jobs, trains = page.articles
    assert jobs.paragraphs == (
        JOBS_FIRST
        + "新增岗位主要来自服务业和制造业，其中服务业占六成。"
        + "就业服务中心负责人说，明年还将继续扩大岗位供给，稳住就业基本盘。",
    )
    assert trains.headline == "春运返程高峰到来"
    assert trains.paragraphs == TRAINS_TEXT


def test_thin_story_does_not_claim_text_of_other_words() -> None:
    """Text that repeats none of a thin story's words reads on from the run before it."""
    page = newspage.parse(
        page_text(
            *TWO_HEADS_CUT,
            JOBS_CUT_AGAIN,
            "全市就业服务中心举办招聘会，就业岗位供不应求，企业用工需求旺盛。",
            JOBS_LAST,
        )
    )
    jobs, trains = page.articles
    assert len(jobs.paragraphs) == 2
    assert jobs.paragraphs[1].startswith("全市就业服务中心")
    assert trains.paragraphs == ()


def _stories_between(n: int) -> list[str]:
    """`n` stories with a byline and a paragraph each, about other things than jobs and
    trains (and each other)."""
    topics = ["湿地候鸟", "古城书院", "冰雪旅游", "港口吞吐", "稻米种植", "非遗剪纸"]
    out = []
    for k in range(n):
        t = topics[k % len(topics)]
        out += [f"{t}第{k + 1}期观察", "本报记者 王五", f"{t}持续升温，{t}成为当地的一张名片。"]
    return out


def test_thin_story_claims_text_only_near_its_head_group() -> None:
    """A thin story claims text a few head groups after its own, not a whole page later
    (`CLAIM_REACH`): that text reads on from the story printed before it."""
    trains_words = "春运返程客流持续增长，各地铁路部门加开返程列车，春运返程高峰预计持续一周。"
    for between, claimed in ((2, True), (CLAIM_REACH + 1, False)):
        page = newspage.parse(
            page_text(
                *TWO_HEADS_CUT, JOBS_CUT_AGAIN, JOBS_LAST, *_stories_between(between), trains_words
            )
        )
        trains = page.articles[1]
        assert trains.headline == "春运返程高峰到来"
        assert (trains.paragraphs == (trains_words,)) is claimed, between
        assert (page.articles[-1].paragraphs[-1] == trains_words) is not claimed


def test_thin_story_claims_the_rest_of_a_run_after_a_full_stop() -> None:
    """Inside a run, after a paragraph that ends a sentence, the paragraphs that repeat a
    thin story's words go to it."""
    page = newspage.parse(
        page_text(
            *TWO_HEADS_CUT,
            "业，其中服务业占六成。",
            "就业服务中心负责人说，明年还将继续扩大岗位供给。",
            *TRAINS_TEXT,
        )
    )
    jobs, trains = page.articles
    assert jobs.paragraphs == (
        JOBS_FIRST + "新增岗位主要来自服务业和制造业，其中服务业占六成。",
        "就业服务中心负责人说，明年还将继续扩大岗位供给。",
    )
    assert trains.paragraphs == TRAINS_TEXT


SORTING = (
    "小区垃圾减量见成效",
    "社区推行垃圾分类已满一年，居民在家把厨余垃圾和其他垃圾分开，志愿者在垃圾箱房旁"
    "值守，指导居民分类投放。小区垃圾箱房定时开放，湿垃圾破袋后倒进棕色垃圾桶，"
    "干垃圾投入黑色垃圾桶。",
    "居委会每月把各楼栋垃圾减量的情况画成柱状图，张贴在公示栏里，居民分类投放的准确率"
    "逐月提高，志愿者队伍也从十几人扩大到上百人。",
    "街道还定制了家用分类垃圾桶，免费发给每户居民，让大家在厨房里就能先分好类。"
    "物业公司调整了垃圾清运时间，清运车辆按干湿垃圾分车运输，杜绝前端分类、"
    "后端混装，居民看到分好的垃圾分开运走，参与分类的积极性更高了。",
)
HARBOUR = (
    "港口吞吐量再创新高",
    "本报天津2月1日电 今年前两个月，港口集装箱吞吐量增长一成，远洋航线新增五条，码头作业效率"
    "持续提高。港口集团负责人介绍，新建的自动化码头已投入使用，岸桥和堆场实现"
    "远程操控，每个泊位的装卸时间缩短三成，货主和船公司的等待时间明显减少，"
    "港口物流成本随之下降。港口还开通了直达内陆的集装箱班列，铁路和水运无缝衔接，"
    "内陆城市的货物经港口出海更加便利，新开的海关查验中心让通关时间缩短一半，"
    "外贸企业的出",
)
HARBOUR_END = "口货物当天就能装船。"
SORTING_FRAME = (
    "垃圾分类志愿者每天早晚在小区垃圾箱房值守，居民分类投放厨余垃圾和其他垃圾，"
    "志愿者发现混投就上门讲解，垃圾减量的数字贴在公示栏，居民的分类准确率越来越高。"
)


def test_a_frame_goes_to_the_story_whose_words_it_repeats() -> None:
    """A frame that opens with a whole paragraph after another story's cut piece reads
    on from that story by default; when its words are clearly another story's, it goes
    to that story."""
    page = newspage.parse(page_text(*SORTING, *HARBOUR, SORTING_FRAME, HARBOUR_END))
    sorting, harbour = page.articles
    assert sorting.paragraphs == (*SORTING[1:], SORTING_FRAME)
    assert harbour.paragraphs == (HARBOUR[1] + HARBOUR_END,)


def test_a_frame_of_shared_words_stays_with_the_story_before_it() -> None:
    """A frame whose words are not clearly another story's reads on from the run
    before it."""
    frame = "物流企业纷纷在港区设立仓库，运输成本下降，外贸订单增加，集装箱运输更加便捷。"
    page = newspage.parse(page_text(*SORTING, *HARBOUR, frame, HARBOUR_END))
    sorting, harbour = page.articles
    assert sorting.paragraphs == SORTING[1:]
    assert harbour.paragraphs == (HARBOUR[1] + HARBOUR_END, frame)


# The harbour story's first column, ending with its paragraph.
HARBOUR_COLUMN = (HARBOUR[0], HARBOUR[1] + HARBOUR_END)


def test_a_frame_after_a_closed_paragraph_goes_to_the_story_whose_words_it_repeats() -> None:
    """A story's later frame printed after the next story's first column, both cut at
    the end of a paragraph, is part of that column's run; the stretch from the frame's
    first paragraph on goes to the story whose words it repeats."""
    page = newspage.parse(page_text(*SORTING, *HARBOUR_COLUMN, SORTING_FRAME))
    sorting, harbour = page.articles
    assert sorting.paragraphs == (*SORTING[1:], SORTING_FRAME)
    assert harbour.paragraphs == HARBOUR_COLUMN[1:]


def test_a_closed_paragraph_of_shared_words_stays_in_its_run() -> None:
    """A paragraph after a full stop whose words are not clearly another story's stays
    with the text printed before it."""
    more = "港口还将新建两个泊位，码头作业更加高效，集装箱吞吐量有望继续增长，物流成本继续下降。"
    page = newspage.parse(page_text(*SORTING, *HARBOUR_COLUMN, more))
    sorting, harbour = page.articles
    assert sorting.paragraphs == SORTING[1:]
    assert harbour.paragraphs == (*HARBOUR_COLUMN[1:], more)


def test_a_photo_above_a_continued_piece_does_not_hide_the_join() -> None:
    """A photo printed at the top of a frame waits for the text under it; when that text
    continues another story's paragraph, the run still follows the join, and the piece,
    though right under a headline and above a dateline, is no deck."""
    cut = "全市制造企业去年新上技术改造项目三百多个，今年将加快建设智能工"
    rest = (
        "厂和数字化车间，制造企业的生产线将陆续接入工业互联网，设备联网率提高到"
        "六成以上，技术改造投资继续保持两位数增长。"
    )
    page = newspage.parse(
        page_text(SORTING[0], cut, *HARBOUR[:1])
        + "\n\n\n柯闻摄\n\n"
        + page_text(rest, "本报天津2月1日电 今年前两个月，港口集装箱吞吐量增长一成。")
    )
    first, second = page.articles
    assert first.paragraphs == (cut + rest,)
    assert second.headline == HARBOUR[0]
    assert second.paragraphs == ("本报天津2月1日电 今年前两个月，港口集装箱吞吐量增长一成。",)
    assert [c.credit for c in first.captions + second.captions] == ["柯闻摄"]


def test_a_photo_under_a_head_group_belongs_to_that_story() -> None:
    """A photo printed right under a head group illustrates that story, even when the
    text the column prints under it continues another story's paragraph."""
    page = newspage.parse(
        page_text(*TWO_HEADS_CUT)
        + "\n\n\n苗禾摄\n\n"
        + page_text(
            "业，其中服务业占六成。",
            "本报北京2月1日电 春运返程高峰1日到来，各地铁路部门加开列车。",
            "铁路部门提醒旅客错峰出行。",
        )
    )
    jobs, trains = page.articles
    assert jobs.paragraphs == (JOBS_FIRST + "新增岗位主要来自服务业和制造业，其中服务业占六成。",)
    assert jobs.captions == ()
    assert trains.headline == "春运返程高峰到来"
    assert [c.credit for c in trains.captions] == ["苗禾摄"]


def test_a_figure_line_stays_in_its_story() -> None:
    """A figure printed as a line of its own (`2.6万起`) is part of the story's text:
    no headline, and no piece of a paragraph to join."""
    figure = "2.6万起"
    page = newspage.parse(
        page_text(
            "严打电信诈骗 守护百姓钱袋",
            "本报记者 柯闻",
            "一年来，全省公安机关共捣毁诈骗窝点三百多个，追回一批涉案资金。",
            figure,
            "全省各银行网点共拦截可疑转账和异常汇款，劝阻了一批受骗群众。",
        )
    )
    (a,) = page.articles
    assert figure in a.paragraphs
    assert not any(figure in w.message or figure == w.text for w in page.warnings)


SECOND_DATELINE = (
    "本报上海2月1日电 元宵灯会1日开幕，三百组花灯点亮老城厢。",
    "灯会将持续到2月底，每晚开放至十点。",
)


def test_a_second_dateline_opens_a_story_of_its_own() -> None:
    """A dateline opens a story's text: a dateline paragraph after a story that has its
    own is the text of a story whose head group is not on the page, not more of it."""
    first = ("港口吞吐量再创新高", HARBOUR[1] + HARBOUR_END, "港口集团表示，今年将再开三条航线。")
    page = newspage.parse(page_text(*first, *SECOND_DATELINE))
    harbour, lanterns = page.articles
    assert harbour.paragraphs == first[1:]
    assert (lanterns.headline, lanterns.dateline) == (None, "本报上海2月1日电")
    assert lanterns.paragraphs == SECOND_DATELINE


def test_a_dateline_after_a_long_story_without_one_opens_a_story_of_its_own() -> None:
    """A story printed without a dateline takes a dateline paragraph as its first text
    only while it has little text; after a thousand characters it is another story's."""
    feature = tuple(
        f"第{n}站，记者沿着江岸走进村庄，渔民上岸后种茶养蜂，村里办起合作社，"
        "茶园和蜂场连成一片，游客也多了起来，村民的收入一年比一年高，日子越过越红火。"
        for n in "一二三四五六七八九十东南西北中"
    )
    assert sum(map(len, feature)) > 1000
    page = newspage.parse(page_text("江边村庄的新生活", *feature, *SECOND_DATELINE))
    village, lanterns = page.articles
    assert village.paragraphs == feature
    assert lanterns.paragraphs == SECOND_DATELINE
    # With little text before it, the dateline paragraph is the story's own.
    short = newspage.parse(page_text("江边村庄的新生活", *feature[:2], *SECOND_DATELINE))
    assert [a.paragraphs for a in short.articles] == [(*feature[:2], *SECOND_DATELINE)]


def test_text_after_a_note_that_closes_a_story_is_a_frame_of_its_own() -> None:
    """A closing author line ends its story's run, as a piece stopping mid-sentence
    does: the paragraph printed after it is weighed as a frame of its own, and goes to
    the story whose words it repeats rather than reading on after the note."""
    closed = (HARBOUR[0], HARBOUR[1] + HARBOUR_END, "（记者 柯闻）")
    frame = (
        "湿垃圾破袋后倒进棕色垃圾桶。春节过后，天气渐渐暖和起来。大家都说，日子越过越有奔头。"
        "这件事说起来并不复杂。到了晚上，街上依旧热闹。老人们坐在一起聊天。"
    )
    page = newspage.parse(page_text(*SORTING, *closed, frame))
    sorting, harbour = page.articles
    assert sorting.paragraphs == (*SORTING[1:], frame)
    assert harbour.paragraphs == closed[1:2]
    assert [a.name for a in harbour.authors] == ["柯闻"]


ROADS = (
    "山区村道通到家门口",
    "本报讯 全县今年新修村道三十多公里，村道连起了山里的果园，群众出行更方便了。",
)
PICTURE = ("图片新闻", "雪后校园", "学生们在校园里堆雪人、打雪仗，笑声不断。", "王大海摄")


def test_text_after_a_picture_story_goes_to_the_story_of_its_words() -> None:
    """A picture story ends with its credit: a frame printed after it that continues
    nothing is no text of the picture's, and goes to the story whose words it repeats."""
    frame = "村道修通以后，山里果园的果子有了销路，村道两旁还建起了果园采摘点。"
    page = newspage.parse(page_text(*ROADS, *PICTURE, frame))
    roads, picture = page.articles
    assert roads.paragraphs == (ROADS[1], frame)
    assert (picture.kind, picture.paragraphs) == ("photo", (PICTURE[2],))


WATER_WORKS = (
    "青山县冬季农田水利建设全面铺开",
    "本报讯 入冬以来，青山县组织群众兴修水利，清淤沟渠两百多公里，加固堤坝四十多处，"
    "新建泵站十二座。",
    "在岭下村，村民们冒着严寒平整土地，疏浚灌渠，村道两旁堆满了新挖的泥土。"
    "县水利局的技术员驻村指导，帮助村里规划高标准农田。",
    "据介绍，全县今年计划改造中低产田三万亩，配套建设滴灌设施，推广节水灌溉技术，"
    "让旱地变成水浇地，粮食亩产可望提高一成以上。",
    "水利设施完善以后，乡村旅游也带火了，游客多了，果农和菜农建起了采摘园。",
    "青山县还整合涉农资金，采取以奖代补的办法，鼓励合作社和种粮大户参与工程建设与管护，"
    "确保工程建得成、管得好、长受益。",
)


@pytest.mark.parametrize("long_first", [True, False])
def test_text_after_a_picture_story_weighs_the_words_it_shares_by_the_storys(
    long_first: bool,
) -> None:
    """The frame shares six topic words with a long story (of some 150) and three with a
    short one (of 20): it goes to the short story, whose words it repeats (`村道`,
    `果园`); a long story shares a few words with any text by chance."""
    frame = "果园采摘点建起来以后，村道上的游客多了，果农的果子不愁卖了。"
    stories = (*WATER_WORKS, *ROADS) if long_first else (*ROADS, *WATER_WORKS)
    page = newspage.parse(page_text(*stories, *PICTURE, frame))
    by_headline = {a.headline: a.paragraphs for a in page.articles}
    assert by_headline[ROADS[0]] == (ROADS[1], frame)
    assert by_headline[WATER_WORKS[0]] == WATER_WORKS[1:]


@pytest.mark.parametrize("first_on_top", [True, False])
def test_a_paragraph_of_two_placed_pieces_stays_in_one_story(first_on_top: bool) -> None:
    """Text before the first head and text after a picture story are both placed by their
    words; when one continues the other (`…加快推进信` + `息化建设…`), printed after it or
    before it, the two go to one story, though the second piece's own words are another
    story's (`水利局`, `灌溉`): the paragraph is never split between two articles, and its
    join is kept."""
    first = "山里的村道修通以后，果园的果子有了销路，果农们商量着办合作社，还要加快推进信"
    second = "息化建设，在县水利局技术员指导下给果园配上节水灌溉设施，沟渠清淤，泵站也建起来了。"
    top, bottom = (first, second) if first_on_top else (second, first)
    page = newspage.parse(page_text(top, *ROADS, *WATER_WORKS, *PICTURE, bottom))
    by_headline = {a.headline: a for a in page.articles}
    roads = by_headline[ROADS[0]]
    assert roads.paragraphs == (ROADS[1], first + second)
    assert [(j.first, j.second) for j in roads.joins] == [(first[-8:], second[:8])]
    assert by_headline[WATER_WORKS[0]].paragraphs == WATER_WORKS[1:]


def test_a_title_after_a_picture_story_heads_a_story() -> None:
    """A picture story has no subheads: a title under its text opens a story."""
    page = newspage.parse(
        page_text(*PICTURE, "果园迎来采摘季", "入冬以来，村里的果园游客络绎不绝，果农忙着采摘。")
    )
    picture, orchard = page.articles
    assert (picture.kind, picture.paragraphs) == ("photo", (PICTURE[2],))
    assert (orchard.kind, orchard.headline) == ("article", "果园迎来采摘季")


def test_a_head_group_after_a_picture_storys_photo_opens_a_story() -> None:
    """A picture story's title, its photo (caption and credit after a photo gap), then
    a head group: the photo ends the picture story's head lines, and the next lines head
    a story of their own."""
    text = (
        page_text("图说", "图片报道")
        + "\n"
        + page_text(
            "2月10日，游客在江边观赏灯会。图为灯会一角。",
            "王大海摄（影像中国）",
            "看乡村新变化",
            "村道修到家门口",
            "本报记者 林知夏",
            "本报讯 全县今年新修村道三十多公里，群众出行更方便了。",
        )
    )
    picture, roads = newspage.parse(text).articles
    assert (picture.kind, picture.headline, picture.paragraphs) == ("photo", "图片报道", ())
    assert [c.credit for c in picture.captions] == ["王大海摄（影像中国）"]
    assert (roads.kind, roads.column, roads.kicker, roads.headline, roads.byline) == (
        "article",
        None,
        "看乡村新变化",
        "村道修到家门口",
        "本报记者 林知夏",
    )
    assert roads.paragraphs == ("本报讯 全县今年新修村道三十多公里，群众出行更方便了。",)


def test_a_subhead_after_a_brief_heads_a_frame_of_another_story() -> None:
    """A brief has no subheads: a section whose subhead is printed under a side
    column's last item goes to the story its words repeat, not to the brief. (The
    heads phase weighs such a title as any other; here it has made it a subhead.)"""
    story = (
        "果园迎来采摘季",
        "本报记者 林知夏",
        "入冬以来，山里果园的果子有了销路，果农忙着采摘，果园采摘点游客络绎不绝。",
    )
    column = (
        "本地快讯 KUAIXUN",
        "稳就业 举办线上招聘会",
        "本报讯 近日，全县启动春季招聘活动，多家企业现场提供就业岗位。",
    )
    section = ("果园采摘点建起来", "果园采摘点建起来以后，山里的果子不愁销路，果农的收入年年增加。")
    blocks = list(resolve_titles(blocks_of(*story, *column, *section), []))
    blocks[6] = blocks[6].with_role(Role.SUBHEAD, "subhead")
    orchard, brief = assemble(blocks, []).articles
    assert brief.paragraphs == (column[2],)
    assert orchard.paragraphs == (story[2], section[1])
    assert [s.heading for s in orchard.sections] == [None, section[0]]


def test_bulleted_lines_in_a_row_are_items_of_a_list() -> None:
    """Two lines with bullets one over the other are items of a list, text of the story;
    under a lead label they are the lead box."""
    items = ("■岭下村果园建起冷库", "■河东镇修通产业路")
    page = newspage.parse(
        page_text("果园迎来采摘季", "本报记者 林知夏", ORCHARD * 3, *items, COLD_STORE)
    )
    (a,) = page.articles
    assert [s.heading for s in a.sections] == [None]
    assert a.paragraphs == (ORCHARD * 3, *items, COLD_STORE)
    page = newspage.parse(
        page_text("果园迎来采摘季", "本报记者 林知夏", "核心提示", *items, ORCHARD)
    )
    (a,) = page.articles
    assert a.lead == items


def test_summary_points_under_the_head_are_the_lead_box() -> None:
    """Bulleted points of clauses that open a story's text are its lead box, with no
    label; such a point further down is a paragraph of the text."""
    points = ("■岭下村果园扩种三百亩，全村果农增收。", "■河东镇修通产业路，果品运到省城。")
    page = newspage.parse(page_text("果园迎来采摘季", "本报记者 林知夏", *points, ORCHARD))
    (a,) = page.articles
    assert a.lead_label is None
    assert a.lead == points
    assert [s.paragraphs for s in a.sections] == [(ORCHARD,)]
    page = newspage.parse(page_text("果园迎来采摘季", "本报记者 林知夏", ORCHARD, *points))
    (a,) = page.articles
    assert a.lead == ()
    assert a.paragraphs == (ORCHARD, *points)


ORCHARD = "入冬以来，岭下村果园的苹果有了销路，岭下村果农忙着采摘，岭下村果园采摘点游客络绎不绝。"
COLD_STORE = "岭下村果园建起冷库以后，岭下村的苹果可以存到春节再卖，岭下村果农收入年年增加。"


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("岭下村果园建起冷库", "岭下村果园建起冷库"),  # a subhead
        ("岭下村果园的苹果怎么卖？", None),  # a question of the text
        ("■岭下村果园建起冷库、修通产业路", None),  # an item of a list
        ("■岭下村果园建起冷库", "■岭下村果园建起冷库"),  # a bullet alone marks a subhead
        ("▲ 岭下村果园建起冷库", "▲ 岭下村果园建起冷库"),
        ("岭下村果园建起冷库以后岭下村的苹果可以一直存到明年春节再拿出来卖", None),  # too long
    ],
)
def test_a_question_a_bulleted_or_a_long_line_in_a_story_is_text(
    line: str, heading: str | None
) -> None:
    """A title-shaped line inside a story that asks a question, opens with a bullet and
    reads as a clause, or runs past `MAX_SUBHEAD_LINE` characters is a paragraph of the
    text, where a short line of the same words is a subhead, with or without a bullet."""
    page = newspage.parse(
        page_text("果园迎来采摘季", "本报记者 林知夏", ORCHARD * 3, line, COLD_STORE * 2)
    )
    (a,) = page.articles
    if heading is None:
        assert [s.heading for s in a.sections] == [None]
        assert a.paragraphs == (ORCHARD * 3, line, COLD_STORE * 2)
    else:
        assert [s.heading for s in a.sections] == [None, heading]
        assert a.paragraphs == (ORCHARD * 3, COLD_STORE * 2)
