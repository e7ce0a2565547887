"""Stage repair: which pieces are joined across column breaks, and which never are."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import newspage
from newspage._cjk import CharStats, char_stats, lexicon
from newspage.stages import repair
from newspage.stages.blocks import Block
from newspage.stages.repair import find_breaks

from .conftest import blocks_of

HEAD = ("绿色发展的新答卷", "本报记者 柯远帆")


def pairs(*texts: str, gaps: list[int] | None = None) -> list[tuple[int, int]]:
    return [(j.first, j.second) for j in find_breaks(blocks_of(*texts, gaps=gaps))]


def test_adjacent_cut_inside_a_word() -> None:
    """`…老人进行视` + `频问诊…`: the cut splits the word 视频."""
    got = pairs(
        *HEAD, "借助这套系统，社区医生与行动不便的老人进行视", "频问诊，随时了解老人的身体状况。"
    )
    assert got == [(2, 3)]


def test_adjacent_cut_before_punctuation() -> None:
    """`…班子成` + `员、…`: cut one character before a `、`, the second piece continues
    the first."""
    assert pairs(
        *HEAD, "县交通运输局和公路管理站班子成", "员、各乡镇交通管理所负责人参加会议。"
    ) == [(2, 3)]


def test_a_cut_after_a_quotation_inside_a_quotation() -> None:
    """`…装上了‘双层捕光网’”` + `，可以更充分…`: marks closed after no stop close a
    quoted phrase, not the paragraph; the words before them say how it ends."""
    first = (
        "钙钛矿材料吸光能力强、制备工艺简单、成本较低，课题组负责人林知夏介绍，将其与晶硅电池"
        "叠加，“相当于给电池装上了‘双层捕光网’”"
    )
    second = "，可以更充分地利用太阳光谱中不同波段的能量，大幅提升了电池的开路电压。"
    assert pairs(*HEAD, first, second) == [(2, 3)]
    # A subhead so quoted stays whole.
    subhead = "“一村一策，一户一张‘处方’”"
    assert pairs(*HEAD, "岭下村由此把工作重心放到了果园管理上。", subhead, "河东镇山多地少。") == []


def test_a_picture_items_text_goes_on_from_no_story() -> None:
    """`…一直没能` over a picture column's rubric, the item's title, its text and its
    photo's credit: the text is the item's own, no story's going on beside the head of
    the next (`across_head` is not asked); under a story's head it is."""
    cut = (
        "岭下村的冷库去年建成后，果农们多年来想把梨子卖到外地、卖上好价钱的心愿"
        "却因为运输问题一直没能"
    )
    item = "11月19日，青山县迎来今冬首场降雪，南湖公园银装素裹，吸引不少市民前来赏雪。"
    more = "雪后的古城墙格外壮观。"
    picture = blocks_of(*HEAD, cut, "图说", "瑞雪迎冬", item, more, "林知夏 摄")
    assert repair.describe(picture)[5].under_head is None
    story = blocks_of(*HEAD, cut, "瑞雪迎冬", "本报记者 王大海", item, item)
    assert repair.describe(story)[5].under_head == 2


def test_complete_paragraphs_are_not_joined() -> None:
    """Two paragraphs that end and start properly stay apart."""
    assert (
        pairs(*HEAD, "第一段写完了。", "第二段从这里开始，也写完了。", "在第三段里，事情继续。")
        == []
    )


def test_a_title_over_a_byline_continues_no_paragraph() -> None:
    """`…消除了多年存在的` + a headline over its byline: the head of the next story, not
    the rest of the cut paragraph (the open end stays open)."""
    assert (
        pairs(
            *HEAD,
            "三年来，全县上下一心，办成了许多大事，消除了多年存在的",
            "新村道修到群众家门口",
            "本报记者 钱江月",
            "一条条新修的村道连起了山里的村庄，群众出行更方便了。",
        )
        == []
    )


@pytest.mark.parametrize(
    "under",
    [
        "本报讯（记者 王小明）青山铁路支线25日正式通车，全长18.6公里，沿线设置6个车站。",
        "——青山县三年修通村道两百公里",
        "【本報訊】青山鐵路支線25日正式通車，全長18.6公里，沿線設置6個車站。",
    ],
)
def test_a_headline_over_a_dateline_or_deck_continues_no_paragraph(under: str) -> None:
    """`…合作社与` + a headline over a dateline paragraph or a 副题: the head of the next
    story, though its words could go on with the cut sentence."""
    got = pairs(
        "岭下村苹果节开幕 首日迎客两万人",
        "本报讯（记者 林知夏）青山县岭下村第十届苹果节24日开幕，首日吸引约两万人次参观。",
        "合作社理事长孙海川说，今年苹果产量比去年增加约15%，精品果比例有所下降。"
        "为了稳定价格，合作社与",
        "青山铁路支线通车 通勤时间缩短半小时",
        under,
    )
    assert got == []


def test_a_piece_with_a_clause_over_a_dateline_still_continues() -> None:
    """`…询问支持民营` + `企业，向负责人了解` printed right over the next story's dateline
    paragraph: a piece (it has a clause inside), not a head."""
    got = pairs(
        *HEAD,
        "在青山县，王大海来到一家果品公司，向负责人询问支持民营",
        "企业，向负责人了解情况",
        "本报讯（记者 钱江月）一条条新修的村道连起了山里的村庄。",
    )
    assert got == [(2, 3)]


def test_a_piece_over_a_dateline_may_still_go_on_elsewhere() -> None:
    """`…也对青山经` (no clause inside) printed over the next story's dateline: it heads
    nothing as a first piece, and goes on with `济带…` printed later."""
    got = pairs(
        *HEAD,
        "此次规划也对青山经",
        "本报讯（记者 钱江月）一条条新修的村道连起了山里的村庄，群众出行更方便了。",
        "村里的老人说，过去赶集要走两个小时，现在坐上公交二十分钟就到了镇上。",
        "济带的果品物流作出安排，新建冷库五座，分拣中心三个。",
    )
    assert (2, 5) in got


def test_a_paragraph_over_a_jump_line_goes_on_on_another_page() -> None:
    """`…让青山苹果走` over `（下转第三版）`: the rest is on page three. No piece of this
    page continues it (`出大山…` reads on from it, but belongs to the next story), and it
    is not reported as unresolved."""
    blocks = blocks_of(
        *HEAD,
        "方案提出，三年内完成老果园改造两万亩，推广矮砧密植等新模式，"
        "加快建设果品冷链物流体系，让青山苹果走",
        "（下转第三版）",
        "岭下村梨园迎来丰收",
        "本报记者 林知夏",
        "岭下村的梨园今年迎来丰收，果园合作社的梨销往全国各地。",
        "出大山、走向全国的过程中，合作社发挥了重要作用。",
    )
    assert find_breaks(blocks) == ()
    assert repair.open_pieces(blocks, ()) == ()


def test_a_paragraph_under_a_jump_line_goes_on_from_another_page() -> None:
    """`，合作社发挥了…` under `（上接第一版）` continues page one's text: it continues no
    piece of this page and is not reported as unresolved."""
    blocks = blocks_of(
        "（上接第一版）",
        "，合作社发挥了重要作用，果农的收入年年增长，日子越过越红火。",
        *HEAD,
        "岭下村的梨园今年迎来丰收，果园合作社的梨销往全国各地，果农笑开了颜。",
    )
    assert find_breaks(blocks) == ()
    assert repair.open_pieces(blocks, ()) == ()


def test_a_reporters_column_rubric_is_no_unresolved_piece() -> None:
    """`记者手记` inside a story ends without a stop by design: no piece is missing."""
    blocks = blocks_of(
        *HEAD,
        "岭下村果园合作社成立于2019年，由村党支部领办，入社农户已有三百多户。",
        "记者手记",
        "走进岭下村，记者看到的是一张张笑脸。合作社让果农的日子越过越好。",
    )
    assert repair.open_pieces(blocks, find_breaks(blocks)) == ()


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("箱。村里还计划建一座冷库，让梨子错峰上市。", True),  # `…一买就是好几` + `箱。`
        ("能力。与此同时，县里还提高了乡村教师的补助。", True),
        ("好险！岭下村的梨园差一点就遭了霜冻。", False),  # an exclamation
        ("今年，岭下村的梨园迎来丰收。", False),
        ("秧、统一机插，秧苗成活率提高了一成。", True),  # `…统一育` + `秧、`
        ("一、岭下村的梨园迎来丰收。", False),  # a numbered paragraph
    ],
)
def test_a_piece_opening_with_a_sentence_of_one_or_two_characters_continues(
    text: str, cut: bool
) -> None:
    """A block that opens with a sentence of one or two characters (`箱。…`) is the rest
    of a sentence cut before it: it cannot open a paragraph (the pairing gets the bonus
    of a sure continuation), and left unjoined it is reported."""
    (block,) = blocks_of(text)
    start = repair.start_features(block, char_stats(), False, 0)
    assert ("b_punct_start" in start) is cut
    assert (repair.open_pieces((block,), ()) == ((block, "start"),)) is cut


def test_a_piece_does_not_continue_the_paragraph_that_opens_its_own_text() -> None:
    """`…属于正常`, the last of the paragraphs under a head, stops mid-sentence: its rest
    is not the story's own first paragraph printed above it (which shares its names and
    would read on), however well the words meet."""
    blocks = blocks_of(
        "网购七天无理由遭拒 法院判商家退款",
        "记者 王大海 通讯员 李小川",
        "消费者林知夏在网上购买了一台空气净化器，收货后发现噪音过大，申请七天无理由退货，"
        "却被商家以商品已拆封为由拒绝。近日，法院对这起纠纷作出二审判决。",
        "法院审理查明，林知夏在该店铺下单时，商品页面标注支持七天无理由退货。",
        "协商无果，林知夏将商家诉至法院。一审法院认定，消费者为查验商品拆开外包装属于正常",
    )
    assert (4, 2) not in [(j.first, j.second) for j in find_breaks(blocks)]


def test_a_turn_of_an_interview_continues_nothing() -> None:
    """`…林小满` (the guests of an interview, no stop) + `主持人：这几年…`: the turn
    opens its own line of the interview."""
    got = pairs(
        *HEAD,
        "嘉宾：果园合作社理事长 王大海 电商主管 林小满",
        "主持人：这几年，不少年轻人回到村里创业。你们怎么看？",
        "王大海：返乡的年轻人带回来的不只是资金，更是新的理念。",
    )
    assert got == []


@pytest.mark.parametrize("bracket", ["[{}]", "［{}］", "〔{}〕"])
def test_entries_of_references_are_not_joined(bracket: str) -> None:
    """`…出版社,2020.` + `[2]赵一鸣…`: the entries of an essay's references, each
    whole, its half-width full stop a stop and its bracketed number the opening of an
    entry."""
    got = pairs(
        *HEAD,
        "参考文献：",
        bracket.format(1) + "李小川.基层治理现代化[M].北京:青山出版社,2020.",
        bracket.format(2) + "赵一鸣.乡村振兴的实践路径[J].南湖学刊,2022.",
    )
    assert got == []


def test_a_pointer_to_another_page_is_whole() -> None:
    """`相关新闻见A3` after a story's last paragraph ends it: the paragraph under it is
    not its second piece."""
    got = pairs(
        *HEAD,
        "学者认为，容积奖励只是诱因之一，关键在于建立公平透明的分配机制。",
        "相关新闻见A3",
        "疾管署昨日公布最新疫情监测资料，上周类流感门急诊就诊人次明显增加。",
    )
    assert got == []


def test_an_e_mail_address_alone_is_whole() -> None:
    """An author's address on its own line (`wangdahai@example.com`) ends the story: the
    paragraph under it is not its second piece."""
    blocks = (
        *HEAD,
        "（作者为青山县委党校教授）",
        "wangdahai8494@example.com",
        "疾管署昨日公布最新疫情监测资料，上周类流感门急诊就诊人次明显增加。",
    )
    assert pairs(*blocks) == []
    page = newspage.parse("\n\n".join(blocks))
    assert not [w for w in page.warnings if "example.com" in w.text]


@pytest.mark.parametrize("label", ["嘉宾名片", "相关链接", "■小资料", "【背景】"])
def test_a_boxs_label_is_whole(label: str) -> None:
    """The label of a box set inside a story stands whole over the box's lines: not the
    first piece of a paragraph cut before them."""
    got = pairs(*HEAD, label, "林知夏，1986年生，青山县岭下村党支部书记，曾在外经商多年。")
    assert got == []


def test_an_entry_of_references_cut_by_a_column_is_joined() -> None:
    """An entry cut mid-title still continues in the next column (`…乡村振` +
    `兴的实践…`)."""
    got = pairs(
        *HEAD,
        "[1]李小川.基层治理现代化[M].北京:青山出版社,2020.",
        "[2]赵一鸣.乡村振",
        "兴的实践路径[J].南湖学刊,2022.",
    )
    assert got == [(3, 4)]


def test_far_join_inside_a_word() -> None:
    """`…加快推进基础设` continues four blocks later as `施互联互通…`."""
    got = pairs(
        *HEAD,
        "在城市建设方面，加快推进基础设",
        "全省上下积极推进项目建设，成效明显。",
        "目前，各项工作进展顺利。",
        "施互联互通，新建一批停车场和充电站。",
    )
    assert (2, 5) in got


def test_far_join_sixty_blocks_away() -> None:
    """A story's end printed a page of blocks after the cut: the repair still reaches it
    (within `WINDOW` blocks), and not beyond."""
    filler = [f"第{n}段的内容已经写完了。" for n in range(58)]
    cut, tail = "在城市建设方面，加快推进基础设", "施互联互通，新建一批停车场和充电站。"
    assert (2, 61) in pairs(*HEAD, cut, *filler, tail)
    far = [f"第{n}段的内容已经写完了。" for n in range(repair.WINDOW + 5)]
    assert pairs(*HEAD, cut, *far, tail) == []


def test_couplet_lines_are_not_joined() -> None:
    """`…，` over `…。` of the same length: two lines of verse, each its own paragraph."""
    got = pairs(
        *HEAD,
        "春风送暖入万家，",
        "瑞雪迎春兆丰年。",
        "灯火映照新村路，",
        "笑语欢歌庆团圆。",
    )
    assert got == []
    # The same comma end before a longer piece is a cut sentence.
    assert pairs(*HEAD, "春风送暖入万家，", "瑞雪迎春，全村老少都来到广场看演出。") == [(2, 3)]


def test_a_section_number_line_is_no_open_end() -> None:
    """`二` over the section under it: a number, not a piece cut before `年…`."""
    got = pairs(*HEAD, "一年来的工作已经告一段落。", "二", "十年磨一剑，这支队伍越战越勇。")
    assert got == []
    assert not repair.end_features(blocks_of("二")[0])[0]


@pytest.mark.parametrize("figure", ["1.4万起", "5100亿元", "53.7万人次", "1/4", "88.3%"])
def test_a_figure_of_a_data_box_is_no_open_end(figure: str) -> None:
    """A figure printed as a line of its own stands alone: it is not the start of the
    paragraph printed under it."""
    got = pairs(*HEAD, "全省利用外资稳中有进。", figure, "截至目前，全县新建充电桩两百多个。")
    assert got == []


QUOTED = "只要方向对了，路就不怕远，山里的日子会一天比一天红火"


def test_a_pull_quote_is_no_open_end() -> None:
    """A sentence of the story printed again, large and without its full stop, is a pull
    quote: it ends there, and the text printed after it does not continue it."""
    page = (
        *HEAD,
        QUOTED,
        "乡亲们过日子更有盼头，村里的路修好了，村委会门前也热闹起来",
        f"老支书说：“{QUOTED}。”如今，村里的年轻人回来了好几个。",
    )
    assert pairs(*page) == []
    assert not repair.describe(blocks_of(*page))[2].end
    # Without the sentence printed again, the same block is an open end.
    assert repair.describe(blocks_of(*page[:4], "如今，村里的年轻人回来了好几个。"))[2].end


def test_a_cut_piece_repeated_mid_sentence_is_no_pull_quote() -> None:
    """A piece whose words go on elsewhere (`…一天比一天` + `红火。`) stays an open
    end: only the end of a sentence marks a pull quote."""
    piece = QUOTED[:-2]
    blocks = blocks_of(*HEAD, piece, "红火。", f"老支书说：“{QUOTED}。”")
    assert repair._pull_quotes(blocks, [2]) == set()
    assert repair._pull_quotes(blocks_of(*HEAD, QUOTED, f"他说：“{QUOTED}。”"), [2]) == {2}
    assert repair.describe(blocks)[2].end


def test_a_pull_quote_is_found_across_line_breaks() -> None:
    """A hard-wrapped dump breaks the lines of the two differently."""
    wrapped = QUOTED[:10] + "\n" + QUOTED[10:]
    blocks = blocks_of(*HEAD, wrapped, f"他说：“{QUOTED[:7]}\n{QUOTED[7:]}。”")
    assert repair._pull_quotes(blocks, [2]) == {2}


def test_a_year_printed_alone_continues_with_its_character() -> None:
    """`2018` + `年，…`: a paragraph cut right after its opening year. Other bare figures,
    and a year over text that does not go on with `年`, stand alone."""
    text = "年，全县新建充电桩两百多个，覆盖所有乡镇。"
    assert pairs(*HEAD, "全省利用外资稳中有进。", "2018", text) == [(3, 4)]
    assert pairs(*HEAD, "全省利用外资稳中有进。", "375", text) == []
    assert pairs(*HEAD, "全省利用外资稳中有进。", "2018", "全县新建充电桩两百多个。") == []


def test_word_gain_tells_a_cut_word_from_two_words() -> None:
    """`…中心拥` + `有宽敞…` reads the word 拥有 across the cut; `…中心拥` + `而有了…`
    reads nothing better together than apart."""
    words = lexicon()
    assert words.cut_gain("的社区养老中心拥", "有宽敞的活动室") > 5.0
    assert words.cut_gain("的社区养老中心拥", "而有了新的面貌") == 0.0
    assert words.cut_gain("加快推进信", "息化平台建设") > words.cut_gain("加快推进信", "心十足")
    assert words.cut_gain("中心，", "有宽敞") == 0.0  # no Han character at the cut


def test_word_gain_with_known_segmentations() -> None:
    """The segmentations `cut_gain` keeps for a caller give the same gains, to the bit."""
    words = lexicon()
    cuts = [
        ("的社区养老中心拥", "有宽敞的活动室"),
        ("加快推进信", "息化平台建设"),
        ("推进信", "心十足"),
    ]
    known: dict[str, list[float]] = {}
    for _ in range(2):  # the second time from the kept segmentations
        for left, right in cuts:
            assert words.cut_gain(left, right, known) == words.cut_gain(left, right)
    assert known


def test_max_pmi_bounds_every_pmi() -> None:
    """The bound's `max_pmi(a)` is at least `pmi(a, b)` for every pair the statistics
    count; it relies on no pair being counted more often than its second character."""
    stats = char_stats()
    assert all(c <= stats.unigram.get(k[1], 0) for k, c in stats.bigram.items())
    for pair in stats.bigram:
        assert stats.pmi(pair[0], pair[1]) <= stats.max_pmi(pair[0])


def test_cross_gain_reads_two_characters_on_each_side() -> None:
    """The trigram model reads on where the three characters meet in the statistics
    (`总书` + `记`), and not where only the pair at the cut does (`书` + `法`, a word)."""
    stats = char_stats()
    assert len(stats.trigram) > 100_000
    assert stats.pmi("书", "法") > 0
    assert stats.cross_gain("习近平总书", "记强调") > 5
    assert stats.cross_gain("习近平总书", "法作品") < 0


def test_trigrams_find_the_pieces_printed_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without `skip_one`, the trigrams across the cuts (`村口`, `冷库`) still pair the
    stretches of each story across the other's (`lm_cross`, pieces printed apart)."""
    weights = {**repair.join_weights(), "skip_one": 0.0}
    monkeypatch.setattr(repair, "join_weights", lambda: weights)
    got = [(j.first, j.second) for j in find_breaks(blocks_of(*GRID))]
    assert (5, 7) in got
    assert (6, 8) in got


def test_no_trigram_weight_for_a_pair_never_seen() -> None:
    """`lm_cross` weighs only pieces printed apart whose two characters at the cut the
    statistics saw together: an unseen pair is already at the floor of `pmi`."""
    blocks = blocks_of(*GRID)
    stats = char_stats()
    features = {(a, b): f for a, b, f in repair.candidates(blocks, stats)}
    assert "lm_cross" in features[5, 7]  # `村` + `口`, printed apart
    assert "lm_cross" not in features[5, 6]  # the next piece
    for (a, b), f in features.items():
        pair = blocks[a].shadow[-1] + blocks[b].shadow[0]
        if pair not in stats.bigram:
            assert "lm_cross" not in f


def test_far_pieces_pair_by_topic() -> None:
    """Two open ends and two far pieces that fit either (`扩`+`大…`): each end takes the
    piece that goes on with its own story, though the layout slightly prefers the other
    way round."""
    jobs = (
        "今年全市高校毕业生就业工作稳步推进，人社部门组织专场招聘会，"
        "为毕业生提供就业岗位。明年还将继续扩"
    )
    trains = (
        "春运期间，铁路部门加开返程列车，客运站增设售票窗口，旅客出行秩序良好。铁路部门还将持续扩"
    )
    got = pairs(
        *HEAD,
        jobs,
        trains,
        "各地各部门要高度重视，切实抓好落实。",
        "大招聘会规模，帮助高校毕业生找到满意的就业岗位。",
        "大运力投放，增开夜间列车，保障旅客平安返程。",
    )
    assert got == [(2, 5), (3, 6)]


# Two stories set as modules, read column by column: each column holds a stretch of
# each story, and a stretch starts and ends mid-paragraph.
GRID = (
    "岭下村的果园迎来新春",  # 0 head of X
    "本报记者 王大海",
    "开春以来，岭下村的果农们忙着修剪果树、施肥浇水。村里的合作社请来农技员，手把手教大家种",
    "山路修通了 货车开进村",  # 3 head of Y
    "本报记者 林知夏",
    "过去，山里的果子要靠人挑肩扛才能运出去，一到雨天就更难走。去年秋天，一条四米宽的水泥路修到了村",
    # 6: the next column, X's stretch then Y's
    "植新品种，农技员还在地头办起了培训班，今年全村又新栽了两百亩果树，合作社还建起了一座冷",
    "口，货车能直接开到果园边上，村民们再也不用起早贪黑地挑担子下山了，新鲜的山货当天就能运进",
    # 8: the column after it
    "库，果子摘下来不愁放了，错峰上市的果子价钱也好。",
    "城里的超市，价钱比往年高了不少，村民们的腰包鼓了起来。",
)


def test_a_column_read_across_two_modules_skips_the_other_modules_stretch() -> None:
    """`…建起了一座冷` is followed by Y's stretch `口，货车…`, and `…修到了村` by X's:
    the pieces continue across the other story's stretch (`村` + `口`, `冷` + `库`), not
    with the next piece."""
    blocks = blocks_of(*GRID)
    pieces = repair.describe(blocks)
    assert (pieces[5].skip_to, pieces[6].skip_to, pieces[7].skip_to) == (7, 8, None)
    assert [(j.first, j.second) for j in find_breaks(blocks)] == [(2, 6), (5, 7), (6, 8)]
    assert [b.role.value for b in blocks[5:10]] == ["body"] * 5


def test_without_skip_one_the_next_piece_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same page with `skip_one` weighing nothing: the next pieces pair up across
    the two stories (what the feature is for). (The trigrams of `lm_cross` read `村口`
    and `冷库` across the cuts and find the right pieces on their own: they weigh
    nothing here too, as for a text the statistics know less well.)"""
    weights = {**repair.join_weights(), "skip_one": 0.0, "lm_cross": 0.0}
    monkeypatch.setattr(repair, "join_weights", lambda: weights)
    got = [(j.first, j.second) for j in find_breaks(blocks_of(*GRID))]
    assert (6, 7) in got
    assert (5, 7) not in got


def test_join_across_a_caption() -> None:
    """A photo caption printed between the two pieces does not stop the join."""
    got = pairs(
        *HEAD,
        "在楼栋长的组织下，小区",
        "小区志愿者为独居老人送去年货和春联。",
        "居民自发组成巡逻队，每天晚上轮流在楼道和院子里巡查。",
        gaps=[1, 1, 1, 3, 1],
    )
    assert got == [(2, 4)]


def test_second_piece_printed_before_first() -> None:
    """An unclosed quote `“五` pairs with `好”。…` printed earlier on the page."""
    got = pairs(
        *HEAD,
        "好”。文明创建活动已覆盖环境整治、邻里互助等多个方面。",
        "文明创建是这座城市一张亮丽的名片。",
        "该社区连续三年被评为全市文明创建“五",
    )
    assert got == [(4, 2)]


def test_bracket_opened_in_one_piece_closes_in_the_other() -> None:
    """`（记者王小明、` + `李大华）…`: the names of a dateline cut inside its brackets,
    the second piece printed two blocks further on."""
    got = pairs(
        *HEAD,
        "本报南京3月5日电（记者王小明、",
        "面对新的发展任务，园区持续优化营商服务环境。",
        "在特色产业培育方面，全县已建成多个现代农业园。",
        "李大华）记者近日从江苏省农业农村厅获悉，全省粮食生产再获丰收。",
    )
    assert got == [(2, 5)]


@pytest.mark.parametrize(
    ("text", "opened", "closed"),
    [
        ("他说：“今年要", "“", ""),
        ("（记者王小明、", "(", ""),  # width-folded in the shadow
        ("印发了《关于推进", "《", ""),
        ("他說：「今年要", "“", ""),  # corner quotes read as curly ones
        ("好”。文明创建", "", "“"),
        ("李大华）记者近日", "", "("),
        ("的意见》。会议要求（一）", "", "《"),
        ("“五好”的标准", "", ""),  # opened and closed inside the block
        ("（一）加强《规划》落实", "", ""),
    ],
)
def test_open_and_closing_marks(text: str, opened: str, closed: str) -> None:
    """The paired marks a block leaves open, and those it closes before opening (each
    kind named by its opening mark)."""
    (block,) = blocks_of(text)
    kinds = [open_ for open_, _ in repair.PAIRED_MARKS]
    assert repair.open_marks(block.shadow) == sum(1 << kinds.index(m) for m in opened)
    assert repair.closing_marks(block.shadow) == sum(1 << kinds.index(m) for m in closed)


def test_quotation_continues_with_attribution_elsewhere() -> None:
    """`…自动控制。”` + `…韩启越说。接下来…` printed further down."""
    got = pairs(
        *HEAD,
        "“过去，下料、焊接、喷涂等工序分散在好几个车间，如今整条生产线实现了自动控制。”",
        "面对新的发展任务，园区持续优化营商服务环境。",
        "星河机械公司副总经理韩启越说。接下来，企业将再上一条新的生产线。",
    )
    assert got == [(2, 4)]


def test_open_end_without_partner_stays_open() -> None:
    """`…演出、餐饮` has no continuation on the page: no join is forced on it."""
    got = pairs(
        *HEAD,
        "依托闲置老厂房改造，建成集展览、演出、餐饮",
        "面对新的发展任务，园区持续优化营商服务环境。",
        "在特色产业培育方面，全县已建成多个现代农业园。",
    )
    assert got == []


def test_side_column_piece_does_not_continue_another_story() -> None:
    """A brief under a rubric is not the continuation of a story outside the column."""
    got = pairs(
        *HEAD,
        "持续推进老旧小区改造，加快完善社区养老托育设施，全县发",
        "本地快讯 KUAIXUN",
        "稳就业 举办线上招聘会",
        "本报讯 近日，全县启动春季招聘活动，多家企业提供岗位。",
        "动员各方力量，确保求职者应聘有门。",
    )
    assert got == []


def test_a_side_column_ends_at_a_title_whose_text_has_no_dateline() -> None:
    """Every brief opens with a dateline; a title over text without one is a story
    after the column, and its text may continue a story printed before the column."""
    column = (
        "本地快讯 KUAIXUN",
        "稳就业 举办线上招聘会",
        "本报讯 近日，全县启动春季招聘活动，多家企业现场提供就业岗位。",
    )
    story = ("乡村旅游迎来新机遇", "作的重点，推动乡村旅游提质增效。")
    blocks = blocks_of(*HEAD, "当地把发展乡村旅游作为今年工", *column, *story)
    assert repair._zones(blocks) == [0, 0, 0, 1, 1, 1, 2, 2]
    assert (2, 7) in [(j.first, j.second) for j in find_breaks(blocks)]
    # With a dateline under it, the title is the column's next brief.
    briefs = blocks_of(*HEAD, *column, "新春 文化活动丰富多彩", "本报讯 春节期间，全市举办活动。")
    assert repair._zones(briefs) == [0, 0, 1, 1, 1, 1, 1]


def test_a_side_column_ends_after_an_items_author_line() -> None:
    """Every item of a side column opens with a title or a dateline: text after an
    item's closing author line is the page's other text again, and it may continue a
    story printed before the column."""
    column = (
        "本地快讯 KUAIXUN",
        "稳就业 举办线上招聘会",
        "本报讯 近日，全县启动春季招聘活动，多家企业现场提供就业岗位。",
        "本报记者 林知夏",
    )
    blocks = blocks_of(
        *HEAD, "当地把发展乡村旅游作为今年工", *column, "作的重点，推动乡村旅游提质增效。"
    )
    assert [b.role.value for b in blocks][6:8] == ["byline", "body"]
    assert repair._zones(blocks) == [0, 0, 0, 1, 1, 1, 1, 2]
    assert (2, 7) in [(j.first, j.second) for j in find_breaks(blocks)]
    # A dateline after the author line opens the column's next item.
    briefs = blocks_of(*HEAD, *column, "本报讯 春节期间，全市举办文化活动。")
    assert repair._zones(briefs) == [0, 0, 1, 1, 1, 1, 1]


def test_a_picture_column_ends_at_a_title_after_its_text() -> None:
    """A picture column holds one item (title, credit, text under the photo): the next
    title starts the rest of the page."""
    blocks = blocks_of(
        "图说 TUSHUO",
        "春运返程",
        "严清舟摄",
        "2月10日，旅客在火车站候车。图为旅客有序进站。",
        "乡村旅游迎来新机遇",
        "当地把发展乡村旅游作为今年工作的重点。",
    )
    assert repair._zones(blocks) == [1, 1, 1, 1, 2, 2]


def test_each_piece_joined_once() -> None:
    """Two open ends compete for one continuation: only one gets it."""
    got = pairs(*HEAD, "加快推进信", "全面推进信", "息化平台建设，打通数据壁垒。")
    assert len(got) == 1


def test_matching_prefers_two_joins_to_one_stronger_rival() -> None:
    """The matching maximises the total, not each edge: open end 0 could take piece 10
    (the strongest edge), but then end 1 has nothing left; 0 -> 11 and 1 -> 10 together
    are worth more. Greedy on the edges alone would pick 0 -> 10."""
    edges = [(3.0, 0, 10, {}), (2.5, 0, 11, {}), (2.5, 1, 10, {})]
    chosen = repair._best_matching(edges)
    assert sorted((a, b) for _, a, b, _ in chosen) == [(0, 11), (1, 10)]
    # With the rival much stronger, one join is worth more than the two.
    edges = [(9.0, 0, 10, {}), (2.5, 0, 11, {}), (2.5, 1, 10, {})]
    assert [(a, b) for _, a, b, _ in repair._best_matching(edges)] == [(0, 10)]


def test_matching_breaks_a_cycle_at_its_weakest_join() -> None:
    """Piece 0 continued by 1 and 1 by 0 is no paragraph: the weaker join goes."""
    edges = [(4.0, 0, 1, {}), (2.0, 1, 0, {})]
    assert [(a, b) for _, a, b, _ in repair._best_matching(edges)] == [(0, 1)]


GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.txt"))


def cut_pages() -> list[tuple[Block, ...]]:
    """The sample pages, and the same pages with paragraphs cut at random characters and
    blocks shuffled: many open ends and many pairings close to the threshold."""
    pages = []
    for path in GOLDEN:
        texts = [t for t in path.read_text("utf-8").split("\n\n") if t.strip()]
        pages.append(blocks_of(*texts))
        for seed in range(4):
            rng = random.Random(seed)
            pieces: list[str] = []
            for t in texts:
                if len(t) > 12 and rng.random() < 0.5:
                    cut = rng.randrange(4, len(t) - 4)
                    pieces += [t[:cut], t[cut:]]
                else:
                    pieces.append(t)
            for _ in range(len(pieces) // 5):  # some pieces printed elsewhere
                i, j = rng.randrange(len(pieces)), rng.randrange(len(pieces))
                pieces[i], pieces[j] = pieces[j], pieces[i]
            pages.append(blocks_of(*pieces))
    return pages


PAGES = cut_pages()


@pytest.mark.parametrize("threshold", [-9.0, -4.0, -0.5, 1.5])
def test_promising_keeps_every_pairing_that_can_reach_the_threshold(
    threshold: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upper bound never rules out a pairing whose score, with the second pass's
    bonus, reaches the threshold (checked at several thresholds, so that the bound is
    tested against pairings of every score). The bonus can go only to a piece printed
    after an open end (see the next test)."""
    monkeypatch.setattr(repair, "JOIN_THRESHOLD", threshold)
    weights = repair.join_weights()
    bonus = max(0.0, weights["frame_top_confirmed"])
    for blocks in PAGES:
        pieces = repair.describe(blocks)
        kept = {(ai, bi) for ai, bi, _ in repair.promising(blocks)}
        for ai, bi, f in repair.candidates(blocks):
            top = "adjacent" not in f and pieces[bi].after_open
            best = repair._edge_score(f, weights) + (bonus if top else 0.0)
            if best >= threshold:
                assert (ai, bi) in kept, (blocks[ai].text[-8:], blocks[bi].text[:8], f)


def test_confirmed_frame_tops_follow_open_ends() -> None:
    """The second pass's bonus goes only to pieces whose predecessor in the flow ends
    open (`Piece.after_open`), which the upper bound relies on."""
    weights = repair.join_weights()
    for blocks in PAGES:
        pieces = repair.describe(blocks)
        pairs = list(repair.candidates(blocks))
        edges = [(repair._edge_score(f, weights), ai, bi, f) for ai, bi, f in pairs]
        # Every candidate pairing as if chosen: the most frame tops there can be.
        tops = repair._confirmed_frame_tops(blocks, edges, {bi for _, bi, _ in pairs})
        assert all(pieces[bi].after_open for bi in tops)


def test_find_breaks_chooses_as_from_all_candidates() -> None:
    """Choosing among the promising pairings gives the joins, scores and evidence of
    choosing among all candidates."""
    weights = repair.join_weights()
    for blocks in PAGES:
        everything = [
            (repair._edge_score(f, weights), ai, bi, f) for ai, bi, f in repair.candidates(blocks)
        ]
        assert find_breaks(blocks) == repair.choose(blocks, everything, weights)


# A paragraph that stops without punctuation, hard-wrapped (pdftotext, OCR): a column
# break after its last line, or a paragraph printed without its full stop.
BARE_END = "今年以来，各地加快推进乡村振兴战略。农业农村发展的新成效不断显现，农民钱袋子越来越鼓"
NEXT = "钱袋子鼓起来的背后，是全市新建的十万亩高标准农田。"


def wrapped(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def test_a_full_last_line_is_a_column_break() -> None:
    """Hard-wrapped, the piece fills its last line: a column ends there, and the next
    block continues it."""
    blocks = blocks_of(*HEAD, wrapped(BARE_END, 14), NEXT)
    assert blocks[2].last_line_room == 0
    assert "a_line_full" in repair.end_features(blocks[2])[0]
    assert [(j.first, j.second) for j in find_breaks(blocks)] == [(2, 3)]


def test_a_short_last_line_ends_a_paragraph() -> None:
    """The same text whose last line falls short ends its paragraph there."""
    blocks = blocks_of(*HEAD, wrapped(BARE_END, 13), NEXT)
    assert blocks[2].last_line_room == 10
    assert "a_line_short" in repair.end_features(blocks[2])[0]
    assert find_breaks(blocks) == ()


def test_a_colon_end_is_likelier_a_paragraph_end_than_a_comma_end() -> None:
    """The end statistics speak for punctuation too: a paragraph that leads into a list
    ends with `：`, a paragraph almost never ends with `，`."""
    blocks = blocks_of(
        *HEAD,
        "杭州城西，创新企业聚集，不远处的湿地上白鹭成群：",
        "杭州城西，创新企业聚集，不远处的湿地上白鹭成群，",
    )
    pieces = repair.describe(blocks)
    colon, comma = pieces[2].end["a_end_ratio"], pieces[3].end["a_end_ratio"]
    assert colon > 0 > comma


def test_a_character_never_counted_says_nothing_of_paragraph_edges() -> None:
    """A character the statistics never saw (a rare surname) opens and closes paragraphs
    as often as any character; one counted often and never at an edge, far less often;
    one that mostly closes them, far more often."""
    stats = CharStats(
        unigram={"的": 500, "。": 150},
        start={},
        end={"。": 100},
        start2={},
        end2={},
        bigram={},
        total=10_000,
        paragraphs=100,
    )
    assert stats.end_ratio("禚") == pytest.approx(0.0, abs=1e-9)
    assert stats.start_ratio("禚") == pytest.approx(0.0, abs=1e-9)
    assert stats.end_ratio("的") < -2.0 < 2.0 < stats.end_ratio("。")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "今年以来，全县新建改建农村公路三百公里，带动沿线群众增收。谈起这些变化，县交通运输局局长禚",
            "晓峰介绍，明年还将新建一批产业路、旅游路。",
        ),
        ("会上，青山县委书记王大海主持会议并讲话，县长亓", "小川就做好今年重点工作作出部署。"),
    ],
)
def test_a_name_cut_after_a_rare_surname_is_joined(first: str, second: str) -> None:
    """`…局长禚` / `晓峰介绍，…`: a surname the statistics never saw ends no paragraph
    (it once looked as sure an end as `。`)."""
    assert pairs(*HEAD, first, second) == [(2, 3)]


def test_a_number_cut_before_its_unit_is_joined_to_the_unit() -> None:
    """`…到2018年12` goes on with `月，…` two blocks down, not with the paragraph printed
    right after it: a digit at the cut is weighed with the character across it (`2`+`月`
    is common, `2`+`全` rare) instead of saying nothing."""
    first = "青山县新能源产业起步早、发展快，一批重点项目陆续落地。到2018年12"
    other = "全县还新建了三座污水处理厂，城乡环境明显改善。"
    unit = "月，第一批风电项目全部建成投产，年发电量超过两亿千瓦时。"
    assert pairs(*HEAD, first, other, unit) == [(2, 4)]


def test_a_digit_opening_the_second_piece_is_weighed() -> None:
    """`…观影人次达` + `12万，…`: the character before the cut and the digit after it
    give a `pmi`, as two Chinese characters do."""
    blocks = blocks_of(
        *HEAD,
        "今年春节假期，青山县文化市场人气旺盛，各类文化活动精彩纷呈。县城三家影院观影人次达",
        "12万，比去年同期增长两成，票房收入再创新高。",
    )
    ((first, second, features),) = [c for c in repair.candidates(blocks) if c[0] == 2]
    assert (first, second) == (2, 3)
    assert features["pmi"] > 1.0
    assert "pmi_missing" not in features


CLOSED = "全县上下团结一心，各项任务稳步推进。"
GOES_ON = "农村公路建设的投入力度，新改建道路三百公里。"


def join_scores(*texts: str) -> dict[tuple[int, int], float]:
    return {(j.first, j.second): j.score for j in find_breaks(blocks_of(*texts))}


def test_a_title_shaped_piece_ending_with_a_function_word_is_a_cut_clause() -> None:
    """`今年，全市将继续加大对`: a line short enough for a title, but a title does not
    end with `对`; the piece is the start of a paragraph cut at a column's foot."""
    cut = "今年，全市将继续加大对"
    end = repair.describe(blocks_of(*HEAD, CLOSED, cut, GOES_ON))[3].end
    assert {"end_bare_title", "a_title_function", "a_title_clause"} <= end.keys()
    with_function = join_scores(*HEAD, CLOSED, cut, GOES_ON)
    without = join_scores(*HEAD, CLOSED, cut[:-1], GOES_ON)
    assert list(with_function) == [(3, 4)]
    assert with_function[3, 4] > without.get((3, 4), float("-inf")) + 1.0


def test_a_title_line_of_two_phrases_is_not_a_cut_piece() -> None:
    """`“一线”攻坚克难 守护青山绿水`: two phrases set apart by a space, as subheads are
    printed; the paragraph under it is not its continuation."""
    line = "“一线”攻坚克难 守护青山绿水"
    blocks = blocks_of(*HEAD, CLOSED, line, GOES_ON)
    assert "a_title_space" in repair.describe(blocks)[3].end
    assert find_breaks(blocks) == ()


def test_a_title_shaped_piece_set_like_another_title_line_is_a_subhead() -> None:
    """`河东镇修路架桥，还要加大` printed like another title line of the page (a comma in
    both, lengths close) is likelier one of a story's series of subheads than a cut
    line: alone it is joined to the text under it, in a series it is not. The series
    is read by shape, not by words."""
    line = "河东镇修路架桥，还要加大"
    alone = blocks_of(*HEAD, CLOSED, CLOSED, line, GOES_ON)
    in_series = blocks_of(*HEAD, "抓好特色产业，富了农民", CLOSED, line, GOES_ON)
    assert "a_title_series" not in repair.describe(alone)[4].end
    assert "a_title_series" in repair.describe(in_series)[4].end
    assert [(j.first, j.second) for j in find_breaks(alone)] == [(4, 5)]
    assert find_breaks(in_series) == ()
    unlike = blocks_of(*HEAD, "抓好特色产业 富了农民", CLOSED, line, GOES_ON)  # a space
    assert "a_title_series" not in repair.describe(unlike)[4].end
    longer = blocks_of(*HEAD, "抓好特色产业，富了农民增收致富路", CLOSED, line, GOES_ON)
    assert "a_title_series" not in repair.describe(longer)[4].end  # 4 characters more


def test_the_mark_of_a_section_number_divides_no_clauses() -> None:
    """`一、重要意义`: the `、` after a section number is no clause of a cut sentence, as
    the `、` of `果园、菜园和茶园` is; the heading is no piece of the paragraph under it."""
    numbered = repair.describe(blocks_of(*HEAD, CLOSED, "一、重要意义", GOES_ON))[3].end
    listing = repair.describe(blocks_of(*HEAD, CLOSED, "果园、菜园和茶园", GOES_ON))[3].end
    assert "a_title_clause" not in numbered
    assert "a_title_clause" in listing
    assert find_breaks(blocks_of(*HEAD, CLOSED, "一、重要意义", GOES_ON)) == ()


@pytest.mark.parametrize("heading", ["二、重点工作", "三、保障措施", "（一）指导思想"])
def test_a_numbered_heading_opens_as_its_words_do(heading: str) -> None:
    """A numbered paragraph opens with `二、` as a numbered heading does, so the number
    says nothing of a cut piece: its opener is that of the words after it, and the
    heading is no piece of the paragraph under it (the number alone scored it as one)."""
    text = "发展特色产业是增加农民收入的有效途径。"
    words = heading.split("、")[-1].split("）")[-1]
    numbered = repair.describe(blocks_of(*HEAD, CLOSED, heading, text))[3].end
    bare = repair.describe(blocks_of(*HEAD, CLOSED, words, text))[3].end
    assert numbered["a_title_opener"] == bare["a_title_opener"] < 0
    assert find_breaks(blocks_of(*HEAD, CLOSED, heading, text)) == ()


def test_a_title_shaped_piece_after_an_open_end_stands_at_a_frame_top() -> None:
    """A title line printed right after a piece that stops mid-sentence stands at the top
    of a column: most such lines are heads or subheads, few are cut pieces."""
    blocks = blocks_of(*HEAD, "项目能够如期完工，靠的是各方面通力协", "今年，全市将继续加大")
    pieces = repair.describe(blocks)
    assert "a_title_after_open" in pieces[3].end
    assert (
        "a_title_after_open"
        not in repair.describe(blocks_of(*HEAD, CLOSED, "今年，全市将继续加大"))[3].end
    )


CUT_IN_WORD = (
    "会议指出，要坚持以改革促发展，持续优化营商环境，扶持中小企业成长壮大，"
    "加快培育新兴产业集群，推动数字经"
)
GOES_ON_AFTER_HEAD = "济与传统制造业深度融合，持续提升企业的创新能力和竞争力。"


def test_a_story_goes_on_under_the_head_of_the_next() -> None:
    """A piece, another story's head group (title, byline), then the continuation: the
    columns of a story go on beside the head of the story next to it. The pairing gets
    `across_head`, and scores higher than across a paragraph of text."""
    other_head = ("多地迎来降雨天气", "本报记者 童晓岚")
    across = find_breaks(blocks_of(*HEAD, CUT_IN_WORD, *other_head, GOES_ON_AFTER_HEAD))
    assert [(j.first, j.second) for j in across] == [(2, 5)]
    assert "across-head" in across[0].evidence
    text_between = "近日，多地迎来今冬首场降雪，环卫工人连夜清扫积雪，保障市民出行安全。"
    apart = find_breaks(blocks_of(*HEAD, CUT_IN_WORD, text_between, GOES_ON_AFTER_HEAD))
    assert [(j.first, j.second) for j in apart] == [(2, 4)]
    assert "across-head" not in apart[0].evidence
    assert across[0].score > apart[0].score + 1.0


def test_a_headline_ending_with_a_meeting_is_whole() -> None:
    """`青山县政府召开常务会议` over `指出…`: a title line that ends reporting a meeting
    is a whole headline (its 副题 under it), not a piece cut at a column's foot; a title
    line that only names the meeting, or a clause that ends with one, may still be."""
    deck = "指出果品产业是全县农民增收的重要支柱，要求各乡镇抓好春季果园管理"
    meeting = "青山县政府召开常务会议"
    assert repair.describe(blocks_of(*HEAD, CLOSED, meeting, deck))[3].end == {}
    assert find_breaks(blocks_of(*HEAD, CLOSED, meeting, deck)) == ()
    for piece in ("青山县政府常务会议", "据了解，县政府召开常务会议"):
        assert repair.describe(blocks_of(*HEAD, CLOSED, piece, deck))[3].end


def test_a_columns_rubric_continues_no_paragraph() -> None:
    """`…同比分别增长12.5%和24.7%，` over `财经快讯` over a brief's title: the rubric
    heads the side column printed under the story's column; it is no piece of the cut
    paragraph, though it stands next in the flow and a title-shaped piece may be one."""
    cut = "前三季度，全市社会消费品零售总额和网上零售额同比分别增长12.5%和24.7%，"
    blocks = blocks_of(*HEAD, cut, "财经快讯", "青山港集装箱吞吐量增长9.6%", GOES_ON)
    assert not repair.describe(blocks)[3].can_continue
    assert (2, 3) not in [(j.first, j.second) for j in find_breaks(blocks)]


def test_a_piece_with_the_grammar_of_a_sentence_is_no_title() -> None:
    """`据介绍，今年全市将继续加大` at a column's foot: short enough for a title, but a
    verb of saying and its comma make it a sentence, so it is weighed as a cut paragraph
    (and joined to the text that goes on under it), never as a title line."""
    cut = "据介绍，今年全市将继续加大"
    pieces = repair.describe(blocks_of(*HEAD, CLOSED, cut, GOES_ON))
    assert "end_bare" in pieces[3].end
    assert "end_bare_title" not in pieces[3].end
    assert pairs(*HEAD, CLOSED, cut, GOES_ON) == [(3, 4)]
    # The same line without its first clause is a title line, and stays unjoined.
    assert pairs(*HEAD, CLOSED, "今年全市将继续加大", GOES_ON) == []


def test_an_item_ending_with_a_semicolon_is_whole() -> None:
    """`——加快果园改造，推广节水灌溉；`: the items of a list end with semicolons, each a
    paragraph of its own. Such a block is no piece cut mid-sentence: nothing is joined to
    it, and the page reports no unresolved break for it."""
    items = (
        "全县今年将从三个方面推进果品产业升级：",
        "——加快果园改造，推广节水灌溉；",
        "——完善冷链物流，新建冷库十座；",
        "——培育区域品牌，拓宽线上销售渠道。",
    )
    blocks = blocks_of(*HEAD, *items)
    pieces = repair.describe(blocks)
    assert pieces[3].end == {}
    assert pieces[4].end == {}
    assert find_breaks(blocks) == ()
    page = newspage.parse("\n\n".join((*HEAD, *items)) + "\n")
    assert not [w for w in page.warnings if w.code == "unresolved-break"]
