"""Stage heads: the subhead-or-headline decision and its features."""

from __future__ import annotations

from collections.abc import Sequence

import newspage
from newspage._cjk import TopicBigrams, char_stats, shadow
from newspage.stages import heads
from newspage.stages.blocks import Role
from newspage.stages.heads import title_features, title_score, title_weights

from .conftest import blocks_of, page_text

STORY = "抚远市地处黑龙江与乌苏里江交汇处，抚远市的稻米产业成效明显，抚远市大米远销各地。" * 4
SAME = "抚远市大力发展稻米产业，抚远市的稻米远销各地，黑龙江沿岸的稻田连成一片。" * 6
OTHER = "气象台近日发布预报称，北方将迎来新一轮寒潮，牧区正在抓紧做好防寒保畜准备。" * 6


def weighed(
    title_text: str = "稻米产业走出新路子",
    *,
    following: str = OTHER,
    story: str = STORY,
    subheads: Sequence[str] = (),
    later: Sequence[str] = (),
    after_open_end: bool = False,
    above: str = "",
    earlier: str = "",
) -> dict[str, float]:
    """The features of the title line `title_text` in a story (shadows, as the heads
    phase passes them)."""
    (title,) = blocks_of(title_text)
    bigrams = TopicBigrams(char_stats())
    return title_features(
        title,
        [shadow(story)],
        [shadow(following)],
        after_open_end=after_open_end,
        subheads=subheads,
        later=later,
        bigrams=bigrams,
        above=shadow(above),
        earlier=heads.story_topics([shadow(earlier)], bigrams) if earlier else frozenset(),
    )


def test_features_are_the_declared_ones() -> None:
    """Every feature has a weight, and the same input gives the same features."""
    f = weighed(following=SAME)
    assert set(f) == set(title_weights())
    assert f == weighed(following=SAME)


def test_shared_topic_words_speak_for_a_subhead() -> None:
    """Text sharing the story's names scores lower (subhead) than unrelated text."""
    w = title_weights()
    assert title_score(weighed(following=SAME), w) < title_score(weighed(following=OTHER), w)
    assert weighed(following=SAME)["shared"] > weighed(following=OTHER)["shared"]


def test_text_shared_with_the_stories_before_speaks_for_a_subhead() -> None:
    """Text under a title that repeats the words of the stories before the current one
    scores lower (a subhead: a long report whose sections the parse may have opened
    as stories) than text that repeats none; `shared_other` counts those words."""
    w = title_weights()
    alone = weighed(following=SAME, story=OTHER)
    echoed = weighed(following=SAME, story=OTHER, earlier=STORY)
    assert alone["shared_other"] == 0.0 < echoed["shared_other"]
    assert title_score(echoed, w) < title_score(alone, w)


def test_the_heads_phase_compares_the_text_with_the_stories_before() -> None:
    """`resolve_titles` passes each weighed decision the topics of the stories before the
    current one: the third title's text shares the first story's words only."""
    record: list[tuple[int, dict[str, float]]] = []
    blocks = blocks_of(
        "稻米产业走出新路子", "本报记者 林知夏", STORY,
        "北方牧区防寒保畜", "本报记者 何远山", OTHER,
        "稻田连成一片", SAME,
    )  # fmt: skip
    heads.resolve_titles(blocks, [], record)
    (decision,) = [f for i, f in record if blocks[i].text == "稻田连成一片"]
    assert decision["shared_other"] > 0.0 == decision["shared"]


def test_column_break_before_speaks_for_a_new_story() -> None:
    """A title after a text that stops mid-sentence scores higher than after a full stop."""
    w = title_weights()
    assert title_score(weighed(following=SAME, after_open_end=True), w) > title_score(
        weighed(following=SAME), w
    )


def test_a_title_set_like_the_stories_subheads_speaks_for_a_subhead() -> None:
    """`“三新”协同发力 激活发展动能` after the subhead `“一线”攻坚克难 守护青山绿水`
    is one of a series; a plain line of another length is not."""
    w = title_weights()
    series = weighed("“三新”协同发力 激活发展动能", subheads=["“一线”攻坚克难 守护青山绿水"])
    unlike = weighed("全市绿道建设规划公布", subheads=["“一线”攻坚克难 守护青山绿水"])
    assert series["like_subhead"] == 1.0
    assert unlike["like_subhead"] == 0.0
    assert weighed("“三新”协同发力 激活发展动能", subheads=[])["like_subhead"] == 0.0
    assert title_score(series, w) < title_score({**series, "like_subhead": 0.0}, w)


def test_a_title_naming_the_storys_topic_speaks_for_a_subhead() -> None:
    """A title whose names the story so far used (`抚远市`, `稻米`) reads as its subhead."""
    w = title_weights()
    named = weighed("抚远稻米远销各地", subheads=[])
    other = weighed("北方牧区防寒保畜", subheads=[])
    assert named["title_in_story"] > other["title_in_story"] == 0.0
    assert title_score(named, w) < title_score(other, w)


def test_a_title_set_like_the_titles_to_come_speaks_for_a_subhead() -> None:
    """The first subhead of a series has no earlier one to resemble, but is set like the
    title lines standing alone further down; a title of another shape is not."""
    w = title_weights()
    later = ["“三新”协同发力 激活发展动能", "“多元”融合共进 共建美好家园"]

    def weigh(later: list[str]) -> dict[str, float]:
        return weighed("“一线”攻坚克难 守护青山绿水", later=later)

    series, alone = weigh(later), weigh(["全市绿道建设规划公布"])
    assert series["like_later"] == series["like_series"] == 1.0
    assert alone["like_later"] == alone["like_series"] == 0.0
    assert title_score(series, w) < title_score(alone, w)


def test_later_titles_are_the_title_lines_standing_alone() -> None:
    """`_later_titles` lists the next lone title lines, not a head group's (a title over a
    byline or dateline, two title lines together)."""
    blocks = blocks_of(
        "“一线”攻坚克难 守护青山绿水",
        "正文写到这里。",
        "全省春耕备耕有序推进",
        "本报记者 李四",
        "正文写到这里。",
        "乡村振兴",
        "开局之年开好局",
        "正文写到这里。",
        "“三新”协同发力 激活发展动能",
        "正文写到这里。",
    )
    sig = [b.index for b in blocks]
    assert heads._later_titles(blocks, sig, 1, frozenset()) == ["“三新”协同发力 激活发展动能"]
    assert heads._later_titles(blocks, sig, 1, frozenset({8})) == []


def test_later_titles_count_a_title_under_a_lead_in() -> None:
    """A subhead series may print a lead-in over each subhead (`看变化——` over
    `果农收入稳步增加`): the subhead counts as standing alone, the lead-in does not."""
    series = [("看前景——", "果品销路越走越宽"), ("看变化——", "果农收入稳步增加")]
    # Each section: the lead-in, the subhead, a paragraph.
    blocks = blocks_of(*[line for pair in series for line in (*pair, "正文写到这里。")])
    sig = [b.index for b in blocks]
    assert heads._later_titles(blocks, sig, 2, frozenset()) == ["果农收入稳步增加"]
    features = weighed("果品销路越走越宽", later=heads._later_titles(blocks, sig, 2, frozenset()))
    assert features["like_later"] == 1.0


def test_a_title_under_a_lead_box_opens_the_body() -> None:
    """Under `核心提示` and its text, a title line is the first subhead, even with
    little text to weigh."""
    page = blocks_of(
        "携手奋进 共绘发展新蓝图",
        "本报记者 张三",
        "核心提示",
        "新一年，新气象。",
        "两园联动",
        "正文从这里开始。",
    )
    sig = [b.index for b in page]
    assert heads._after_lead_box(page, sig, 4)
    assert not heads._after_lead_box(page, sig, 3)  # the lead's own text
    out = heads.resolve_titles(page, ())
    assert out[4].role is Role.SUBHEAD


def test_the_shape_of_a_title_line() -> None:
    """Length, commas, spaces, book titles and dashes are read on the shadow: full- or
    half-width, simplified or Traditional."""
    long_line = "守住黑土地，端牢饭碗，稻米产业走出一条新路子"
    assert weighed(long_line)["title_long"] == 1.0
    assert weighed("稻米产业走出新路子")["title_long"] == 0.0
    assert weighed("春耕")["title_short"] == 1.0
    assert weighed("稻米产业走出新路子")["title_short"] == 0.0
    for comma in ("守住水土，带富乡亲", "守住水土, 带富乡亲"):
        assert weighed(comma)["title_comma"] == 1.0
    assert weighed("抓项目 稳增长")["title_space"] == 1.0
    assert weighed("抓项目稳增长")["title_space"] == 0.0
    assert weighed("《北方牧區防寒保畜辦法》施行")["title_book"] == 1.0
    assert weighed("老街——新景")["title_dash"] == 1.0
    assert weighed("稻米产业走出新路子")["title_dash"] == 0.0


def test_the_text_around_a_title_line() -> None:
    """How the text above the title ends and how the text under it opens."""
    assert weighed("稻米产业走出新路子", above="大家都说：“好日子还在后头。”")["above_quote"] == 1.0
    for exclaim in ("好日子还在后头！", "好日子还在后头!"):
        assert weighed("稻米产业走出新路子", above=exclaim)["above_exclaim"] == 1.0
    plain = weighed("稻米产业走出新路子", above="好日子还在后头。")
    assert plain["above_quote"] == plain["above_exclaim"] == 0.0
    assert weighed("稻米产业走出新路子", following="“今年的稻子长得好。”")["after_quote"] == 1.0
    assert plain["after_quote"] == 0.0


def test_the_shape_of_a_title_line_weighs() -> None:
    """A long line, a line of two clauses, a line of two phrases speak for a subhead; a
    book title for a headline (the news of a document or a work)."""
    w = title_weights()
    base = weighed("稻米产业走出新路子")
    for name in ("title_long", "title_comma", "title_space"):
        assert title_score({**base, name: 1.0}, w) < title_score(base, w)
    assert title_score({**base, "title_book": 1.0}, w) > title_score(base, w)


def test_a_long_title_line_of_clauses_inside_a_story_is_a_subhead() -> None:
    """Over text of another topic, a short title line opens a story, and a line of 20
    characters and more with commas stays the story's subhead: such lines are rarely
    the headline of a story with no byline or dateline."""
    head = ("抚远市推进乡村振兴", "本报记者 王大海", STORY)
    short = newspage.parse(page_text(*head, "稻米产业走出新路子", OTHER))
    assert len(short.articles) == 2
    line = "守住黑土地，端牢饭碗，稻米产业走出一条新路子"
    (article,) = newspage.parse(page_text(*head, line, OTHER)).articles
    assert [s.heading for s in article.sections] == [None, line]


def test_a_title_over_summary_points_heads_a_story() -> None:
    """Bulleted points of clauses under a title line sum up a story (a lead box printed
    without its label): the line is its headline, even over words the story before
    shares, which keep the same line without the bullets a subhead."""
    head = ("抚远市推进乡村振兴", "本报记者 王大海", STORY * 2)
    points = ("■抚远市大力发展稻米产业，稻米远销各地。", "■黑龙江沿岸的稻田连成一片，农民增收。")
    text = SAME.split("。")[0] + "。"
    (merged,) = newspage.parse(
        page_text(*head, "稻米产业走出新路子", *(p[1:] for p in points), text)
    ).articles
    assert [s.heading for s in merged.sections] == [None, "稻米产业走出新路子"]
    first, second = newspage.parse(page_text(*head, "稻米产业走出新路子", *points, text)).articles
    assert first.headline == "抚远市推进乡村振兴"
    assert second.headline == "稻米产业走出新路子"
    assert second.lead == points
    assert second.paragraphs == (*points, text)  # the lead box first


def test_an_indented_dash_line_is_no_kicker() -> None:
    """A line ending in dashes over a title line is a kicker when it is body only for
    its length (`_long_kicker`); indented, on a page that indents its paragraphs, it is a
    paragraph leading into the title (`看前景——` over a subhead), and the title under it
    is weighed as any other."""

    def heads_of(lead_in: str) -> tuple[list[Role], list[int]]:
        record: list[tuple[int, dict[str, float]]] = []
        blocks = heads.resolve_titles(
            blocks_of(
                "果园新气象",
                "本报记者 林知夏",
                "\u3000\u3000去年全市消费规模稳步扩大，消费对经济增长的贡献持续提高。",
                lead_in,
                "果品销路越走越宽",
                "\u3000\u3000全市居民收入稳步增长，农村消费增速快于城镇，消费空间还很大。",
            ),
            [],
            record,
        )
        return [b.role for b in blocks[3:5]], [i for i, _ in record]

    long_line = (
        "去年全市社会消费品零售总额连续五年保持两位数增长，网上零售额增长三成，消费结构不断升级——"
    )
    assert heads_of(long_line) == ([Role.KICKER, Role.HEADLINE], [])
    roles, weighed = heads_of("\u3000\u3000看前景——")
    assert roles[0] is Role.BODY
    assert weighed == [4]


def test_a_date_line_under_a_title_is_the_subheadline_of_a_document() -> None:
    """`（2025年3月1日）` under a title line: a document printed in full begins there, and
    the date line is its 副题, not a paragraph; in Traditional characters too. Without
    it, the second title reads as a subhead of the first document."""
    law = "岭下村果园条例"
    date = "（2025年3月2日岭下村第三届村民代表大会第二次会议通过）"
    text = page_text(
        "关于加强果园管理的若干意见",
        "（二〇二五年三月一日）",
        "\u3000\u3000为了加强果园管理，提高果品质量，现提出如下意见。",
        "\u3000\u3000一、总体要求。岭下村的果园要做好规划，统一管理，按时施肥。",
        law,
        date,
        "\u3000\u3000第一条　为了规范果园管理，制定本条例。",
    )
    first, second = newspage.parse(text).articles
    assert (first.subheadline, second.headline, second.subheadline) == (
        "（二〇二五年三月一日）",
        law,
        date,
    )
    assert second.paragraphs[0].startswith("第一条")
    (merged,) = newspage.parse(text.replace(date + "\n\n", "")).articles
    assert [s.heading for s in merged.sections] == [None, law]
    traditional = newspage.parse(text.replace("条例", "條例").replace("会议", "會議")).articles
    assert traditional[1].subheadline == date.replace("会议", "會議")
    # A paragraph that only opens with a date in parentheses is text.
    dated_text = "（2025年3月2日）岭下村召开村民大会，讨论果园管理办法。"
    (story,) = newspage.parse(page_text("果园新气象", dated_text)).articles
    assert story.subheadline is None
    assert story.paragraphs == (dated_text,)


def two_line_head(first: str, second: str) -> tuple[str | None, str | None, str | None]:
    """Kicker, headline and subheadline of a story whose head group is the two title
    lines `first` and `second` over a byline and a paragraph."""
    text = page_text(first, second, "本报记者 林知夏", "\u3000\u3000岭下村的果园迎来丰收。")
    (article,) = newspage.parse(text).articles
    return article.kicker, article.headline, article.subheadline


def test_a_title_line_reporting_an_event_is_the_headline_over_its_subheadline() -> None:
    """Two title lines are kicker + headline, unless the first reports an event done
    (`…开幕`, `…召开`): it states the fact, as a headline does, and the line under it is
    its 副题. Not when the second names the document the first says was issued, or is
    two phrases set apart by a space; in Traditional characters too."""

    assert two_line_head("岭下村果品节开幕", "首批果品发往外地") == (
        None,
        "岭下村果品节开幕",
        "首批果品发往外地",
    )
    assert two_line_head("岭下村果品節開幕", "首批果品發往外地")[2] == "首批果品發往外地"
    assert two_line_head("岭下村果品节热闹非凡", "首批果品发往外地")[0] == "岭下村果品节热闹非凡"
    assert two_line_head("岭下村村委会印发", "关于加强果园管理的意见")[0] == "岭下村村委会印发"
    assert two_line_head("岭下村果品节开幕", "抓管理 促增收")[0] == "岭下村果品节开幕"


def test_a_title_line_reporting_a_meeting_or_visit_is_the_headline_over_its_subheadline() -> None:
    """A first title line that reports a meeting, a visit or talks between leaders
    (`…会见…`, `…举行会谈`, `…召开专题会议`) states the fact, as a headline does; the line
    under it is its 副题. Not when the line leads into the next (`…时希望`)."""

    assert two_line_head("王大海会见青山县考察团", "双方就果品合作深入交流") == (
        None,
        "王大海会见青山县考察团",
        "双方就果品合作深入交流",
    )
    assert (
        two_line_head("王大海同李小川举行会谈", "两县将共建果品物流中心")[2]
        == "两县将共建果品物流中心"
    )
    assert (
        two_line_head("河东镇党委召开专题会议", "研究春季果园管理工作")[2] == "研究春季果园管理工作"
    )
    assert (
        two_line_head("河東鎮黨委召開專題會議", "研究春季果園管理工作")[2] == "研究春季果園管理工作"
    )
    assert (
        two_line_head("王大海会见考察团时希望", "把果品产业做大做强")[0] == "王大海会见考察团时希望"
    )
    assert two_line_head("岭下村果园迎来丰收", "双方就果品合作深入交流")[0] == "岭下村果园迎来丰收"


def test_a_deck_without_a_stop_under_a_meeting_headline() -> None:
    """Under a headline that reports a meeting (`王大海会见青山县考察团`), the line over the
    dateline paragraph is its 副题 even when it ends without a stop and opens with the
    speaker (`王大海表示，…`); under another headline such a line may be the last piece
    of another story's frame, and stays text."""
    deck = "王大海表示，青山县与河东镇山水相连、人文相亲，两地果品产业互补性强，合作前景广阔"
    dated = "本报青山3月1日电 （记者林知夏）青山县县长王大海1日会见了河东镇考察团一行。"

    def story(headline: str) -> newspage.Article:
        text = page_text(headline, deck, dated, "双方就果品物流、品牌共建等深入交流。")
        return newspage.parse(text).articles[0]

    assert story("王大海会见河东镇考察团").subheadline == deck
    assert story("青山果品走俏河东市场").subheadline is None


def test_a_short_line_of_clauses_under_one_title_line_is_the_headline() -> None:
    """`青山县发布2024年教育发展情况` over `这份成绩单，亮点多` over a lead label: the short
    line with a comma is the headline and the title line its kicker; a longer summary
    line there is the story's deck (副题)."""
    lead = "2024年，青山县各级各类教育均取得较大进展，学前教育普及率进一步提高。"
    text = "本报青山3月1日电 （记者林知夏）青山县教育局日前发布2024年全县教育事业发展情况。"

    def story(line: str) -> newspage.Article:
        page = page_text("青山县发布2024年教育发展情况", line, "核心阅读", lead, text)
        (article,) = newspage.parse(page).articles
        return article

    short = story("这份成绩单，亮点多")
    assert (short.kicker, short.headline, short.subheadline) == (
        "青山县发布2024年教育发展情况",
        "这份成绩单，亮点多",
        None,
    )
    deck = "学前教育普及率再创新高，义务教育大班额基本消除"
    long = story(deck)
    assert (long.kicker, long.headline, long.subheadline) == (
        None,
        "青山县发布2024年教育发展情况",
        deck,
    )


def test_a_long_report_deck_over_the_dateline_paragraph_is_the_subheadline() -> None:
    """Between a headline and its dateline paragraph, a long line that says what a
    meeting discussed (`听取…汇报；要求…`) is its 副题, also without a stop: the 副题 of
    such a report runs to 160 characters. Another line of that length and shape there,
    under a headline that reports no meeting, is the last piece of another story's
    frame."""
    deck = (
        "听取全县果品产业发展情况汇报，研究部署春季果园管理和品牌建设工作；要求各乡镇"
        "抓好果树修剪、病虫害防治和技术培训，推动果品产业提质增效，"
        "确保全年果品产量稳定增长、果农收入持续提高，为乡村全面振兴打下坚实基础；"
        "决定设立果品产业发展专项资金，支持新品种引进、冷链物流建设和电商销售平台建设"
    )
    assert 120 < len(deck) <= 200
    dated = "本报青山3月1日电 （记者林知夏）青山县县长王大海3月1日主持召开县政府常务会议。"
    rest = "\u3000\u3000会议指出，果品产业是全县农民增收的重要支柱。"

    def story(block: str, headline: str = "王大海主持召开县政府常务会议") -> newspage.Article:
        text = page_text(headline, block, dated, rest)
        return newspage.parse(text).articles[0]

    assert story(deck).subheadline == deck
    assert story(deck).paragraphs[0] == dated
    # Under a headline that reports no meeting, the line must open as a 副题 does.
    assert story(deck, "青山果品走俏河东市场").subheadline == deck
    other = "全县" + deck[2:]
    assert story(other, "青山果品走俏河东市场").subheadline is None


def test_a_summary_line_over_a_byline_or_lead_label_is_the_subheadline() -> None:
    """A line of text between a headline and its byline or lead label is the story's 副题
    (a deck), also without a stop at its end: no column break cuts a head group. Not
    when it ends open (`…，`), not over a dateline paragraph without any stop (there it
    may be the last piece of another story's frame), and not over a closing author line
    or a byline with no text under it: a story of one paragraph."""
    deck = "新品种试种成功，全村三百户果农人均增收两千元"
    text = "\u3000\u3000岭下村的果园迎来丰收，果农们忙着采摘。"

    def story(*lines: str) -> newspage.Article:
        (article,) = newspage.parse(page_text("果园扩种 果农增收", *lines)).articles
        return article

    assert story(deck, "本报记者 林知夏", text).subheadline == deck
    assert story(deck, "核心提示", "岭下村的果园三年扩种三百亩。", text).subheadline == deck
    assert story(deck + "。", "本报记者 林知夏", text).subheadline == deck + "。"
    assert story(deck + "，", "本报记者 林知夏", text).subheadline is None
    assert story(deck, "本报讯 岭下村的果园迎来丰收。").subheadline is None
    # A story of one paragraph over its closing author line keeps its text.
    for closing in ("（林知夏）", "（本报记者 林知夏）", "本报记者 林知夏"):
        one = story(text, closing)
        assert (one.subheadline, one.byline, one.paragraphs) == (None, closing, (text[2:],))


def test_a_much_longer_second_title_line_is_the_subheadline() -> None:
    """Two title lines, the second much the longer: a headline over the 副题 that tells
    the details; in Traditional characters too. Not under a short label (a kicker), not
    when either line leads into the next (`…时强调`, `…——`), not when the second names a
    document or opens with a tag, and not over a dashed 副题: over one, the two lines
    are kicker + headline."""

    def head(*lines: str) -> tuple[str | None, str | None, str | None]:
        text = page_text(*lines, "本报记者 林知夏", "\u3000\u3000岭下村的果园迎来丰收。")
        (article,) = newspage.parse(text).articles
        return article.kicker, article.headline, article.subheadline

    details = "新品种试种成功，全村果农人均增收两千元"
    assert head("岭下村果园扩种三百亩", details) == (None, "岭下村果园扩种三百亩", details)
    assert head("嶺下村果園擴種三百畝", "新品種試種成功，全村果農人均增收兩千元")[0] is None
    # The second line about as long as the first: kicker + headline.
    assert head("岭下村果园扩种三百亩", "新品种试种成功果农增收")[0] == "岭下村果园扩种三百亩"
    # A short label over the headline.
    assert head("果园新闻", details)[0] == "果园新闻"
    assert head("王大海在岭下村调研时强调", "要把果园产业做大做强让果农的日子越过越红火")[0] == (
        "王大海在岭下村调研时强调"
    )
    assert head("岭下村村委会正式印发实施", "《岭下村果园管理办法（试行）》全文共二十条")[0] == (
        "岭下村村委会正式印发实施"
    )
    assert head("岭下村的果园守护者", "【人物】守园二十年的老党员林知夏和他的果园")[0] == (
        "岭下村的果园守护者"
    )
    assert head("岭下村果园扩种三百亩", details, "——岭下村果园见闻")[:2] == (
        "岭下村果园扩种三百亩",
        details,
    )


def test_a_title_over_a_turn_inside_an_interview_is_a_subhead() -> None:
    """An interview groups its questions under headings: a title line over a turn
    (`记者：…`, `问：…`) inside a story whose text holds turns already is a subhead."""
    turns = (
        "记者：岭下村的茶园这几年有什么变化？",
        "林知夏：茶园从八百亩扩到三千亩，村集体收入翻了好几番，年轻人也愿意回来了。",
    )
    later = (
        "记者：听说村里还办起了民宿，游客多吗？",
        "林知夏：周末基本住满，茶季的时候要提前一个月预订，我们正打算再建一批。",
    )
    page = newspage.parse(
        page_text("把一片茶叶做成一个产业", "本报记者 孙海川", *turns, "从卖茶叶到卖风景", *later)
    )
    (story,) = page.articles
    assert [s.heading for s in story.sections] == [None, "从卖茶叶到卖风景"]
    assert story.paragraphs == (*turns, *later)


def test_a_name_under_a_commentarys_subheadline_is_its_byline() -> None:
    """`——评…` under a commentary's headline, then its author's name alone: the name is
    the byline, not a subhead."""
    text = "南湖区机关大院日前向市民开放，食堂、停车场和图书室在周末对居民免费开放，市民纷纷点赞。"
    page = newspage.parse(
        page_text("开放的大院，拉近的是民心", "——评南湖区机关大院向市民开放", "赵一鸣", text, text)
    )
    (story,) = page.articles
    assert (story.subheadline, story.byline) == ("——评南湖区机关大院向市民开放", "赵一鸣")
    assert [a.name for a in story.authors] == ["赵一鸣"]
    assert story.paragraphs == (text, text)


def test_a_story_printed_under_a_rubric_is_a_story_of_that_column() -> None:
    """`经济时评` over a commentary's headline and its author, `外媒关注` over a story with a
    byline: the rubric is the story's column, the story stays a story (not a brief),
    and the story after it is under no rubric."""
    text = "消费是经济增长的重要引擎。今年以来，各地出台多项举措，居民消费意愿明显回升。"
    other = "今年以来，青山县把农村人居环境整治作为乡村振兴的头号工程，全县村庄面貌焕然一新。"
    for rubric in ("经济时评", "城市评论", "基层动态", "外媒关注", "书评", "学习笔记"):
        page = newspage.parse(
            page_text(
                rubric,
                "以更大力度激发消费潜能",
                "林知夏",
                text,
                text,
                "青山县推进农村人居环境整治",
                "本报记者 王大海",
                other,
            )
        )
        assert [(a.kind, a.column, a.kicker, a.headline) for a in page.articles] == [
            ("article", rubric, None, "以更大力度激发消费潜能"),
            ("article", None, None, "青山县推进农村人居环境整治"),
        ], rubric
        assert page.unplaced == ()


def test_a_boxs_label_over_its_title_is_the_boxs_column() -> None:
    """`相关链接` or `新闻辞典` over a box's title and text, printed after a story: the label
    is the box's column (not a kicker), the box a story of its own."""
    text = "以旧换新补贴按每台家电售价的15%发放，每人最多可领两千元。"
    other = "今年以来，青山县把农村人居环境整治作为乡村振兴的头号工程，全县村庄面貌焕然一新。"
    for label in ("相关链接", "新闻辞典", "链接", "健康小贴士"):
        page = newspage.parse(
            page_text(
                "青山县推进农村人居环境整治",
                "本报记者 王大海",
                other,
                label,
                "以旧换新补贴怎么领",
                text,
                "河东镇开展春季植树活动",
                "本报记者 林知夏",
                other,
            )
        )
        assert [(a.column, a.kicker, a.headline) for a in page.articles] == [
            (None, None, "青山县推进农村人居环境整治"),
            (label, None, "以旧换新补贴怎么领"),
            (None, None, "河东镇开展春季植树活动"),
        ], label


def test_a_boxs_label_alone_divides_the_story_it_stands_in() -> None:
    """`专家提醒` (or `延伸阅读`) alone over a box's lines after a story's text: the box is
    a section of that story, not a story of its own, however it is weighed."""
    text = "入冬以来，呼吸道疾病进入高发期，医院门诊量明显上升，不少患者反复发热咳嗽。"
    tip = "接种疫苗是预防流感最经济有效的手段，老人和儿童应尽早接种。"
    for label in ("专家提醒", "延伸阅读"):
        (story,) = newspage.parse(
            page_text("秋冬呼吸道疾病高发", "本报记者 林知夏", text, text, label, tip, tip)
        ).articles
        assert [s.heading for s in story.sections] == [None, label], label


def test_a_picture_item_ends_where_another_storys_cut_paragraph_goes_on() -> None:
    """`图说` over its title, text and credit, printed inside a story whose paragraph is cut
    across it: the piece after the credit goes on with that story, and the picture
    column has ended there, so a box's label further down divides that story (inside the
    column it would head the column's next item)."""
    page = newspage.parse(
        page_text(
            "秋冬呼吸道疾病高发",
            "本报记者 林知夏",
            "入冬以来，呼吸道疾病进入高发期，医院门诊量明显上升，不少患者反复发热咳嗽。",
            "专家介绍，流感和普通感冒大多由病毒引起，抗生素对病毒无效，只有合并细菌感",
            "图说",
            "义诊送到家门口",
            "11月2日，青山县中医院医护人员在河东社区为居民免费测量血压、讲解养生知识。",
            "通讯员 李小川 摄",
            "染时才需要使用抗生素。盲目用药不仅无益，还可能带来耐药等问题。",
            "患者出现高热不退、呼吸困难等情况时，应当及时到医院就诊，不能硬扛。",
            "专家提醒",
            "接种疫苗是预防流感最经济有效的手段，老人和儿童应尽早接种。",
            "日常生活中，要保持室内空气流通，勤洗手，少去人员密集场所。",
        )
    )
    assert [(a.kind, a.headline) for a in page.articles] == [
        ("article", "秋冬呼吸道疾病高发"),
        ("photo", "义诊送到家门口"),
    ]
    assert [s.heading for s in page.articles[0].sections] == [None, "专家提醒"]


def test_a_byline_that_names_no_one_heads_a_story() -> None:
    """`明報記者` under a headline: the story's byline, with no authors; the headline is
    a new story's, not a subhead of the story before it."""
    text = "岭下村果园合作社成立于2019年，入社农户已有三百多户，年产值二百万元。"
    other = "河东镇旧区重建首阶段涉及四十二幢旧楼，居民最关心补偿如何安排。"
    page = newspage.parse(
        page_text("梨花开了", "本报记者 王大海", text, "河东镇旧区重建展开", "明報記者", other)
    )
    assert [(a.headline, a.byline, len(a.authors)) for a in page.articles] == [
        ("梨花开了", "本报记者 王大海", 1),
        ("河东镇旧区重建展开", "明報記者", 0),
    ]


def test_a_picture_story_without_its_rubric_is_no_section() -> None:
    """A title over a short text, its photo's credit and then the next story's head: a
    picture story printed without its rubric, not a section of the story above."""
    text = "岭下村果园合作社今年春耕备耕有序开展，农技人员深入田间地头指导果农修剪梨树。"
    page = newspage.parse(
        page_text(
            "岭下村春耕忙",
            "本报记者 王大海",
            text,
            text,
            "果园春耕忙",
            "3月5日，岭下村果农在果园里修剪梨树。",
            "林知夏 摄",
            "河东镇推进旧区重建",
            "本报记者 李小川",
            "河东镇旧区重建首阶段涉及四十二幢旧楼。",
        )
    )
    assert [a.headline for a in page.articles] == [
        "岭下村春耕忙",
        "果园春耕忙",
        "河东镇推进旧区重建",
    ]


def test_a_story_rubric_alone_heads_no_column_of_briefs() -> None:
    """`简讯` alone over paragraphs heads a column of untitled briefs; `书评` or `经济时评`
    alone heads one story, never briefs (over text of another story's frame, it reads
    as a title line)."""
    text = "岭下村果园合作社成立于2019年，入社农户已有三百多户，年产值二百万元。（李小川）"
    assert {a.kind for a in newspage.parse(page_text("简讯", text, text)).articles} == {"brief"}
    for rubric in ("书评", "经济时评"):
        page = newspage.parse(page_text(rubric, text, text))
        assert "brief" not in {a.kind for a in page.articles}, rubric


def test_a_story_signed_at_its_end_after_a_bylined_story() -> None:
    """A story bylined over its text is not signed again at its end: a title over text
    closed by its author, in brackets after the last sentence or on a line of its own,
    heads a story of its own rather than a section of the bylined story."""
    lead = "河东镇旧区重建首阶段涉及四十二幢旧楼，居民最关心补偿如何安排，咨询会上气氛一度紧张。"
    text = "河东镇旧区的长者多年来依赖街市和诊所，重建后能否原区安置，是居民最关心的问题。"
    for signed in ((text + "（記者林知夏）",), (text, "（記者 林知夏）")):
        page = newspage.parse(
            page_text("河东镇旧区重建咨询展开", "明報記者", lead, lead, "长者盼原区安置", *signed)
        )
        assert [(a.headline, [x.name for x in a.authors]) for a in page.articles] == [
            ("河东镇旧区重建咨询展开", []),
            ("长者盼原区安置", ["林知夏"]),
        ]


def test_a_column_of_unsigned_briefs() -> None:
    """`晚报快递` over titled items of one short paragraph each, with no dateline and no
    author, as evening papers print them: each item is a brief of the column."""
    items = (
        (
            "市图书馆延长周末开放时间",
            "即日起，市图书馆周六、周日开放时间延长至晚上九点，自习区座位增加两百个。",
        ),
        (
            "滨江绿道夜跑灯光升级",
            "滨江绿道六公里路段完成照明改造，新装地埋灯三百余盏，并增设五处应急呼叫点。",
        ),
        (
            "寒衣捐赠点开始接收衣物",
            "市慈善总会在各街道设立的四十五个寒衣捐赠点即日起接收衣物，物资将送往山区学校。",
        ),
    )
    page = newspage.parse(page_text("晚报快递", *(x for item in items for x in item)))
    assert [(a.kind, a.column, a.headline, a.paragraphs) for a in page.articles] == [
        ("brief", "晚报快递", title, (text,)) for title, text in items
    ]


def test_an_unsigned_brief_cut_by_a_column_break() -> None:
    """An unsigned brief whose paragraph a column cut (`…电讯诈` + `骗讲座…`) is one
    paragraph still: the brief stays an item of the column."""
    items = (
        (
            "市图书馆延长周末开放时间",
            ("即日起，市图书馆周六、周日开放时间延长至晚上九点，自习区座位增加两百个。",),
        ),
        (
            "街坊会举办防诈讲座",
            (
                "街坊会联合总会日前举办防范电讯诈",
                "骗讲座，提醒长者如有怀疑应立即向警方查询或报案。",
            ),
        ),
        (
            "寒衣捐赠点开始接收衣物",
            ("市慈善总会在各街道设立的四十五个寒衣捐赠点即日起接收衣物，物资将送往山区学校。",),
        ),
    )
    page = newspage.parse(page_text("晚报快递", *(x for t, text in items for x in (t, *text))))
    assert [(a.kind, a.column, a.headline, a.paragraphs) for a in page.articles] == [
        ("brief", "晚报快递", title, ("".join(text),)) for title, text in items
    ]


def test_a_column_of_short_commentaries() -> None:
    """`南湖微评` over titled items closed by their authors: a column of items."""
    items = (
        ("小切口也能办大事", "社区把便民服务做到居民家门口，事情虽小，却件件暖心。（孙海川）"),
        ("莫让证明绊住群众的脚", "能用数据共享解决的，就不要再让群众跑腿开证明。（陈晓燕）"),
    )
    page = newspage.parse(page_text("南湖微评", *(x for item in items for x in item)))
    assert [(a.kind, a.column, a.headline, a.paragraphs) for a in page.articles] == [
        ("brief", "南湖微评", title, (text,)) for title, text in items
    ]


LETTERS = (
    "小区路灯该修了",
    "我家住在青山县南湖镇，小区里的路灯坏了两个多月，晚上出门很不方便。希望有关部门尽快派人维修。",
    "物业说已经报修，可至今没有人来。老人孩子晚上出门，只能打着手电筒。",
    "青山县南湖镇 王大海",
    "乡村公交班次要加密",
    "河东镇到县城的公交车一天只有三班，村民进城办事常常要等上半天。建议增加班次，方便群众出行。",
    "河东镇 林知夏",
)


def test_a_letter_signed_with_place_and_name_ends_there() -> None:
    """`青山县南湖镇 王大海` under a letter's last sentence: the writer's signature, the
    letter's last paragraph; the title line under it heads the next letter, with no
    kicker over it."""
    first, second = newspage.parse(page_text(*LETTERS)).articles
    assert (first.headline, second.headline) == (LETTERS[0], LETTERS[4])
    assert second.kicker is None
    assert first.sections[-1].paragraphs[-1] == LETTERS[3]
    assert second.sections[-1].paragraphs[-1] == LETTERS[6]


def test_a_place_and_a_word_is_no_signature() -> None:
    """`青山县 果品飘香` is a place and a phrase, not a name: no signature."""
    assert not heads._place_signature("青山县 果品飘香")
    assert heads._place_signature("青山县南湖镇 王大海")
    assert heads._place_signature("河东市 林 夏")


def test_a_name_over_the_closing_note_is_no_head() -> None:
    """`王大海` between a story's last sentence and `（作者为青山大学教授）`: part of the
    story's close, the author's name, never the headline of a story whose text would be
    that note."""
    blocks = (
        "果园里的新变化",
        "今年，岭下村的梨园又是一个丰收年。村里建起了冷库，果子不愁卖了，村民的日子越过越红火。",
        "果品产业要走得远，还得在品牌上下功夫。",
        "王大海",
        "（作者为青山大学教授）",
        "河东镇新建十座冷库",
        "本报讯 河东镇今年新建冷库十座，果品储存能力翻了一番。",
    )
    articles = newspage.parse(page_text(*blocks)).articles
    assert [a.headline for a in articles] == [blocks[0], blocks[5]]
    assert articles[0].sections[-1].paragraphs[-2:] == blocks[3:5]
