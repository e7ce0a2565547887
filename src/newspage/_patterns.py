"""Every pattern of the trade newspage recognises, in one place.

All patterns run on the *shadow* of a block (see `_cjk.shadow`): Simplified characters,
half-width punctuation (`，：（）` are `,:()` here), every space-like character a plain
space. Each pattern is anchored and free of nested quantifiers over the same characters,
so matching is linear in the length of the block (no catastrophic backtracking);
`tests/test_patterns.py` runs each of them on adversarial text with a time-out.
"""

from __future__ import annotations

import re

import regex

# The words a role ends with.
ROLE_WORDS = ("记者", "通讯员", "实习生", "评论员", "撰稿人", "撰稿", "编辑", "摄影")
# After a paper's name, where its reporter is stationed (`本报驻京记者`)...
_STATIONED = r"(?:驻[\p{Han}]{1,6})?"
# ...and in every role, the grade and the role word (`特约记者`, `通讯员`).
_ROLE_TAIL = (
    r"(?:首席|高级|特约|特派|见习|实习|摄影|全媒体|融媒体|学生|校园)?"
    r"(?:" + "|".join(ROLE_WORDS) + ")"
)
# Roles in bylines and datelines: `本报记者`, `新华社记者`, `本报特约记者`, `通讯员`, `学生记者`,
# `本报驻京记者`, `实习生`, `见习记者`, `特约撰稿人`.
ROLE = (
    r"(?:(?:本报|本刊|新华社|中新社|人民日报|光明日报|经济日报|人民网|新华网|央视|本台)"
    + _STATIONED
    + r")?"
    + _ROLE_TAIL
)
ROLE_RE = regex.compile(ROLE)
# A role of any other paper, agency or station, read only as a whole token of a byline
# and before a name: `中国青年报记者 王大海`, `南方日报首席记者`, `香港文汇报记者`,
# `联合报记者`. (Inside a token printed without spaces `陈一帆本报记者` would read as a
# paper's name; `（综合本报记者王大海、李小川报道）` is a closing note.)
PAPER_ROLE = r"(?!综合|据)[\p{Han}]{1,8}(?:报|社|网|台|刊)" + _STATIONED + _ROLE_TAIL
PAPER_ROLE_RE = regex.compile(PAPER_ROLE)
# ...and glued to a name: `中国青年报记者王大海`.
PAPER_ROLE_NAME_RE = regex.compile(rf"({PAPER_ROLE})([\p{{Han}}]{{2,3}})")
# Where a Taiwan paper's byline says its reporter filed from, after a slash:
# `記者王大海／台北報導`.
FILED_FROM_RE = regex.compile(r"[\p{Han}]{1,6}报[导道]")
# A text without a role word holds no role: the byline parser asks this first.
ROLE_WORD_RE = re.compile("|".join(ROLE_WORDS))

# The 200 commonest surnames of mainland China, commonest first (public rankings of the
# household registers, e.g. the Ministry of Public Security's 2020 report; a list of
# facts). A byline printed without spaces (`本报记者马岚何远山`, OCR or an extractor
# that drops them) is cut into names that each open with one of them.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余"
    "于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷"
    "龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄樊葛邢安齐伍庞颜倪"
    "聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮纪梅童凌毕单季裴霍涂成苗谷盛曲翁"
    "冉骆蓝路游靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚"
)

# Rarer surnames (beyond the commonest 200), for telling a name printed alone or after a
# symbol (`□ 邝以宁`, `◎ 温知许`) from a label (`■小贴士`). Only surnames that seldom
# open a word are listed (no `明`, `国`, `公`, `东`). Not used to cut glued bylines.
RARER_SURNAMES = (
    "温邝岑闵晏储景伏宫桂佟苟邬嵇糜阚缑巫卞邸昝亢鄢郁浦隋雍訾漆贝臧芮甄巩蔺辜仇栾厉戎"
    "刁钮阎闻莘姬郦濮牛寿扈燕冀郏瞿慕茹宦庾暨匡寇禄阙殳蔚夔晁敖鞠竺逯桓"
)

# A token that is a role glued to a name: `记者李小明`, `本报记者刘洋`, `通讯员钟` (the
# first half of a padded name `钟 川`). Names are 1-4 Han characters, or transliterated
# with a middle dot (`阿不都·热合曼`); the byline parser merges padded halves (`刘 洋`).
ROLE_NAME_RE = regex.compile(
    rf"({ROLE})([\p{{Han}}]{{1,4}}|[\p{{Han}}]{{1,6}}[·•][\p{{Han}}·•]{{1,12}})"
)

# What a byline may end with after the names: `文并图` (text and photos), `文/图`,
# `摄影报道` (a photo report's byline); a bare `文` (text) only after a space and a name
# of two characters or more (`王大海 文`): glued or after one character it is the name's
# own (`本报记者 李文`, the padded `李 文`); and,
# after a space, how and where the story was got: `本报记者 王大海 报道`, `… 北京报道`,
# `… 摄影报道`, `… 发自北京`, `… 采写`, `… 整理`.
BYLINE_SUFFIX_RE = regex.compile(
    r"\ ?(?:文并图|文/图|图文|撰文|摄影报道)$"
    r"|(?<=\p{Han}{2})\ 文$"
    r"|\ (?:\p{Han}{0,6}(?<!摄影)报道|发自\p{Han}{1,8}|采写|采访整理|整理)$"
)

# The words an institution's name ends with (`青山县融媒体中心`, `青山县人民医院`): a
# contributor's unit, who gave a photo.
INSTITUTION_ENDINGS = "中心|政府|委|局|站|所|院|队|公司|社区|学校|中学|小学|大学|医院|协会"

# The unit a county paper's contributor signs for, before the name in a brief's closing
# brackets: `（青山县融媒体中心 李小川）`, `（南湖镇人民政府 赵一鸣）`, `（县人武部 王 海）`.
SIGNING_UNIT_RE = regex.compile(
    r"\p{Han}{1,14}(?:" + INSTITUTION_ENDINGS + r"|委员会|办|部|街道|学会|联合会|支行|分行)"
    r"\ (?=\p{Han})"
)

# Markers that open a byline without a role word: `□ 张三`, `■本报记者 李四`, `◎ 王五`,
# `文/张三`, `文·图/李四`, `作者：赵六`, an interview's `主持人：本报记者 王大海`, and the
# `口` an OCR engine reads for `□` before a role (`口本报记者王大海`).
BYLINE_SYMBOLS = "□■◇◆●◎○▲△★☆▪"
BYLINE_MARKER_RE = regex.compile(
    rf"^(?:[{BYLINE_SYMBOLS}]|(?:文|图|文图|文·图|文/图|作者|主持人|主持)\s*[/|:]"
    r"|口(?=\ ?(?:本报|本刊|记者|通讯员|特约|实习生)))\s*"
)

# The rubric of a reporter's or editor's own column, which a role word opens and no name
# follows: `记者手记`, `■记者观察`, `编辑手记`, `记者调查`, `评论员观察`. Never a byline.
REPORTER_RUBRIC_RE = regex.compile(
    r"(?:记者|编辑|编者|评论员)(?:手记|观察|调查|札记|随笔|感言|点评|述评|视点|连线|体验|探访|采访|追踪)"
)


# The label of a box set inside a story: `相关链接`, `【背景】`, `小资料`, `嘉宾名片`,
# `温馨提示`, `专家提醒`. The box's lines follow it; the label never continues into them as
# the first piece of a cut paragraph (`嘉宾名片` + `林知夏，1986年生…`), and alone over
# them it divides the story, as a subhead does.
BOX_LABEL_RE = regex.compile(
    r"[【\[]?(?:(?:相关|知识|背景|新闻)?链接|背景(?:资料)?|小资料|小贴士|小知识|温馨提示"
    r"|名词解释|嘉宾名片|人物名片|人物简介|延伸阅读|(?:专家|医生|温馨|特别)提醒)[】\]]?"
)


def is_reporter_rubric(shadow: str) -> bool:
    """Is the line a reporter's column rubric, after a marker or not (`■记者手记`)? It
    stands whole on its line: no byline, title or piece of a cut paragraph."""
    return REPORTER_RUBRIC_RE.fullmatch(shadow.lstrip(BYLINE_SYMBOLS + " ")) is not None


def is_box_label(shadow: str) -> bool:
    """Is the line the label of a box (`相关链接`, `■小资料`, `【背景】`)? It stands whole
    on its line: never the first piece of a cut paragraph."""
    return BOX_LABEL_RE.fullmatch(shadow.lstrip(BYLINE_SYMBOLS + " ")) is not None


# A byline that names no one: the paper's commentator signs its editorials and comments,
# `本报评论员`, `本报特约评论员`, `新华社评论员`, `光明网评论员`, its editorial
# department its long commentaries, `本报评论部`, and its editors their notices,
# `本报编辑部`.
COMMENTATOR_RE = regex.compile(
    r"^(?:本报|本刊|新华社|[\p{Han}]{1,8}?(?:报|社|网|台|刊))?(?:特约)?评论员$"
    r"|^(?:本报|本刊|[\p{Han}]{1,8}?(?:报|刊))(?:评论部|编辑部)$"
)

# ...and a story's, where a paper prints its staff's role without a name or the agency it
# took the story from on a line of their own: `明報記者`, `本报记者`, `据中新社报道`,
# `据新华社电`.
NAMELESS_BYLINE_RE = regex.compile(
    r"(?:" + ROLE + "|" + PAPER_ROLE + r")"
    r"|据\p{Han}{1,10}?(?:社|报|网|台)(?:报道|电|消息)"
)

# 电头, the dateline that opens the first paragraph of a news story. Examples:
#   `本报讯`                         `本报讯（记者张三 通讯员李四）`
#   `本报讯 记者李小明报道`            `本报北京2月1日电（记者 王某某）`
#   `新华社北京11月21日电`             `新华社北京2月19日电 （记者赵明远）`
#   `本报电`                          `中新社香港3月5日电`
# and those of other papers and agencies, in Hong Kong and Taiwan too:
#   `光明日报讯（记者 李四）`          `香港文汇报讯（记者 张三）`    `经济日报北京2月1日电`
#   `中通社香港3月5日电`               `【本报讯】记者 李明 报道：`    `【大公报讯】`
#   `（中央社记者陈家伦台北2日电）`    `〔记者王小明、李小川／台北报导〕`  # noqa: RUF003
#   `（中央社台北2日电）`    `〔本报讯〕`    `【星岛日报报道】`  # noqa: RUF003
#   `央视网消息（记者 王大海）`    `综合新华社电`    `本报综合报道`    `【本報消息】`
#   `本报青山3月2日电 记者林知夏 2日晚，…` (the reporters without brackets, before a space)
# Group `lead` is the agency/paper part, `paren` the parenthesised reporters, `reported`
# the `记者X报道` form, `wired` an agency's reporters glued to the place they filed from.
# Another paper's name is any 1-8 Han characters ending in 报, 社, 网 or 台; such a lead
# needs a date before 电, or a space, bracket, colon or the end after 讯 or 消息, so that
# a sentence (`合作社通讯员说…`) never reads as one.
DATELINE_RE = regex.compile(
    r"""
    ^(?:
        (?P<lead>
            (?:据|综合)?(?:本报|本刊|新华社|中新社|人民网|新华网|央视网|本台)
            [\p{Han}]{0,10}?                    # place: 北京, 香港, 沈阳
            (?:\d{1,2}月\d{1,2}日)?             # date: 2月1日
            (?:电|讯)
          | (?:据|综合)?[\p{Han}]{1,8}?(?:报|社|网|台)  # 光明日报, 香港文汇报, 中通社
            (?:讯 | 消息 | [\p{Han}]{0,10}?(?:\d{1,2}月)?\d{1,2}日电)
            (?=[\ (:【]|$)
          | (?:本报|本刊)综合(?:报道|消息)(?=[\ (:]|$)  # 本报综合报道
          | 据[\p{Han}]{1,10}?社(?:\d{1,2}月)?\d{1,2}日报道(?=,)  # 据英国路透社3月4日报道，
          | [【\u3014](?!记者)[^【】\u3014\u3015]{1,16}?(?:讯|电|报道|消息)[】\u3015]
            # 【本报讯】, 【新华社北京2月1日电】, 【星岛日报报道】, 【本報消息】, and in
            # tortoise-shell brackets (U+3014, U+3015) too
        )
        (?:
            \ ?\((?P<paren>[^()]{1,40})\)       # （记者 张三 通讯员 李四）
          | \ ?(?P<reported>[\p{Han}·][\p{Han}·\ 、]{0,40}?报道)(?=[\ :]|$)  # 记者李小明报道
          | \ (?P<reported>记者\ ?[\p{Han}·]{2,4}(?:[、\ ][\p{Han}·]{2,4}){0,3})(?=\ )
            # 本报青山3月2日电 记者林知夏 2日晚，…: the reporters without brackets
        )?
      | (?P<lead>\((?P<wired>[\p{Han}]{1,4}社记者[\p{Han}·、\ ]{3,30}?)(?:\d{1,2}月)?\d{1,2}日电\))
        # `wired`: the agency's reporters and the place, `中央社记者王大海、李小川北京`;
        # without a reporter only with the text after it: alone, `（新华社北京2月18日电）`
        # closes a story
      | (?P<lead>\([\p{Han}]{1,4}社[\p{Han}]{2,10}?(?:\d{1,2}月)?\d{1,2}日电\))(?=\ ?\S)
      | (?P<lead>[\u3014【](?P<reported>记者[\p{Han}·、\ ]{1,30}?)/[\p{Han}]{1,8}?报[导道]
          [\u3015】])
    )
    """,
    regex.VERBOSE,
)

# A closing dateline at the end of a story, printed as its own paragraph:
# `（本报科伦坡电）`, `（据新华社伦敦电 记者陈一帆）`, and a round-up from several places
# with every correspondent named: `（本报伦敦、巴黎、曼谷2月8日电 记者王大海、李小川、刘青禾）`.
CLOSING_DATELINE_RE = regex.compile(r"^\((?:据)?(?:本报|新华社|中新社)[^()]{0,40}电[^()]{0,60}\)$")

# A date in full, in Arabic or Chinese numerals: `2025年3月1日`, `二〇二五年三月一日`.
_DATE_DIGITS = "\\d\u3007\u25cb零一二三四五六七八九十"  # zero: U+3007, U+25CB
_DATE = rf"(?:\d{{4}}|[{_DATE_DIGITS}]{{4}})年[{_DATE_DIGITS}]{{1,3}}月[{_DATE_DIGITS}]{{1,3}}日"

# The date line under the title of a document printed in full (a law, a decision, a
# speech): when it was adopted, issued or delivered, in parentheses, as a line of its own.
# The title's 副题: `（2025年3月1日）`, `（二〇二五年三月一日）`, `（2025年3月2日岭下村第三届
# 村民代表大会第二次会议通过）`. (A closing dateline names a paper or agency, not a year.)
DOCUMENT_DATE_RE = regex.compile(rf"^\({_DATE}[^()]{{0,80}}\)$")

# A date alone on a line (`fullmatch`): the date a document is signed, under the name of
# who signed it (`岭下村村民委员会` / `2025年3月1日`), part of its text, never a title.
DATE_LINE_RE = regex.compile(_DATE)
# ...or after the signer's name on the same line: `岭下村村民委员会 2025年3月1日`.
SIGNER_DATE_LINE_RE = regex.compile(rf"[\p{{Han}}·]{{2,30}}\ ?{_DATE}")

# A figure printed as a line of its own in a data box or next to a chart: `2.6万起`,
# `5100亿元`, `1800多亿元`, `53.7万人次`, a share `1/4`. Part of the story's text, never a
# title.
FIGURE_LINE_RE = regex.compile(r"\d[\d.,]*(?:/\d[\d.,]*)?\ ?\p{Han}{0,4}%?")
# ...except a year printed alone, `2018`: the first piece of a paragraph cut right after
# the year it opens with (`2018` + `年，…`), continued only by a piece opening with `年`.
YEAR_LINE_RE = regex.compile(r"(?:19|20)\d\d")

# The credit line of a cartoon or a picture printed with a verse or a short commentary:
# who drew it and who wrote the words, `王小明图 李大华文`, `张 三图（新华社发） 李 四文`,
# `李大华文 王小明图`. It ends its story like a closing note and is never a title.
PICTURE_TEXT_CREDIT_RE = regex.compile(
    r"(?:\p{Han}\ ?){2,4}图(?:\([^()]{1,12}\))?\ +(?:\p{Han}\ ?){2,4}文"
    r"|(?:\p{Han}\ ?){2,4}文\ +(?:\p{Han}\ ?){2,4}图"
)

# A numbered section heading of a document or a long story: `二、总体要求`,
# `（一）指导思想`, `第三部分`, a point of a report's list printed as a heading
# (`二是强化品牌建设`). It divides a text and never heads a story of its own.
NUMBERED_HEADING_RE = regex.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十]{1,3}[章节部分篇]"
    r"|[一二三四五六七八九十]{1,3}是(?=\p{Han}))"
)

# A section's number printed as a line of its own over the section: `二`, `十一`.
SECTION_NUMBER_RE = regex.compile(r"[一二三四五六七八九十]{1,3}")

_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def section_number(shadow: str) -> tuple[str, int] | None:
    """The style and number of a numbered section heading: `三、打响品牌` gives ("、", 3),
    `（十二）…` ("()", 12), `第二部分` ("第", 2); None for any other line. Headings of one
    style number the sections of one text in order."""
    heading = NUMBERED_HEADING_RE.match(shadow)
    if heading is None:
        return None
    text = heading.group()
    number = SECTION_NUMBER_RE.search(text)
    if number is None:
        return None
    digits = number.group()
    tens, _, units = digits.rpartition("十")
    if "十" in digits:
        value = (_DIGITS.get(tens, 0) if tens else 1) * 10 + _DIGITS.get(units, 0)
    else:
        value = _DIGITS.get(digits, 0)
    if value == 0 or (len(digits) > 1 and "十" not in digits):
        return None  # `二三`: no numeral
    style = "()" if text.startswith("(") else "第" if text.startswith("第") else text[-1]
    return style, value


# A closing note that says who wrote the story up or helped write it: `（本报记者 王 海
# 整理）`, `（本报记者王大海采访整理）`, `（王小明 李大华参与采写）`. It stays the story's
# last paragraph, as the newspaper's own text keeps it; it is no byline (`people`).
WRITTEN_UP_NOTE_RE = regex.compile(r"\(.*(?:整理|采写)\)")

# A note that closes a story, printed as its own paragraph: the closing dateline above,
# the author's note `（作者为某师范大学校长）`, `（作者单位：中国社会科学院）`,
# `（作者工作于某研究所）`, `（执笔：王 鹏）`, `（编译/王大海）` (who translated a foreign
# paper's report), a closing author line `（张三）`,
# `（新华社记者 李四）`, `（本报记者王大海、李小川）`, `（王小明 李大华）`, who wrote it
# down or helped (`（本报记者 张 三整理）`, `（王小明 李大华参与采写）`, `（实习生王五对本
# 文亦有贡献）`, `（综合本报记者张三、李四报道）`), where it comes from (`（摘编自2月11日
# 《某某日报》）`, `（本文节选自…的讲话）`, `（稿件来源：某某工作室）`), and `（完）`. One
# level of brackets may stand inside: `（作者为某某大学（厦门）教授）`.
CLOSING_NOTE_RE = regex.compile(
    r"""
    ^\(
    (?: (?:本文)?作者(?:[为系是:]|单位|工作于)(?&inner){1,80}
      | (?:执笔|编译|编译者)[:/](?&inner){1,40}
      | (?:[^()]{0,12}记者\ ?)?[\p{Han}·][\p{Han}·\ ]{1,8}(?:、[\p{Han}·][\p{Han}·\ ]{1,8}){0,15}
      | [\p{Han}·][\p{Han}·\ ]{1,40}
      | [\p{Han}·\ 、,:]{2,120}?(?:整理|参与采写|对本文亦有贡献|报道)
      | (?:摘编自|(?:本文)?节选自|(?:稿件)?来源[:])(?&inner){1,120}
      | 完
    )\)$
    (?(DEFINE)(?P<inner>[^()]|\([^()]{1,40}\)))
    """,
    regex.VERBOSE,
)

# 摄影 credits. Examples:
#   `本报特约记者 陈 帆 摄`       `新华社记者 张三摄`        `张三摄（人民视觉）`
#   `王 海 孙 川摄影报道（影像中国）` `本文图片由本报记者陈一帆摄`
#   `本版图片来源：人民视觉`       `（资料图片）`   `新华社发`  `张三 供图`   `图：李四`
#   `（视频截图）`   `新华社发（李小川摄）` (an agency sent it, the photographer in brackets)
#   Hong Kong and Taiwan: `（記者王小明攝）`  `圖／記者王小明攝`  `照片：王小明提供`  `（資料照片）`
#   `（圖：王小明）`   `記者王小明／攝影`   a cartoon's: `唐小蕾 作`, `漫画：唐小蕾`
#   a painting's or a drawing's: `唐小蕾 作（国画）`, `插图：唐小蕾`, `题图：唐小蕾`
CREDIT_RE = regex.compile(
    r"""
    ^(?:
        (?:本文|本版|本组|上|下|左|右)?图片?(?:均)?由[^。]{1,40}(?:摄|提供)
      | [^\s。,;:!?()][^。,;:!?()]{0,40}?(?:摄影?报道|摄|供图)(?:\ ?\([^()]{2,12}\))?
      | [^\s。,;:!?()/][^。,;:!?()/]{0,30}?(?:\ |\ ?/\ ?)摄影    # 林知夏 摄影, 記者林知夏／攝影
      | (?:本版|本文)?图片来源:.{1,30}
      | (?:摄影|图片|视觉|图|照片)\ ?[:/]\ ?[^\s。,]{1,20}(?:\ [^\s。,]{1,20}){0,3}
      | \((?:摄影|图片|图|照片)\ ?[:/]\ ?[^\s。,()]{1,20}(?:\ [^\s。,()]{1,20}){0,3}\)
      | \([^()。,;:!?]{1,30}?(?:摄影?|供图|提供)\)
      | \(?(?:资料图片|资料图|资料片|资料照片|新华社发|中新社发|人民视觉|影像中国|视觉中国
             |网络图片|受访者供图|视频截图|网络截图|截图)\)?
      | (?:新华社|中新社|\p{Han}{1,4}通讯社)发\ ?\([^()]{1,20}?摄影?\)   # 新华社发（李小川摄）
      | (?:\p{Han}\ ?){1,3}\p{Han}\ 作(?:\ ?\([\p{Han}]{1,6}\))?   # 唐小蕾 作（国画）
      | (?:漫画|插图|插画|题图|配图)\ ?[:/]\ ?[\p{Han}·\ ]{2,12}
    )$
    """,
    regex.VERBOSE,
)
# Every credit holds one of these characters (摄, 供图, 提供, 图, 视觉, 资料, 发, 影像, 作,
# 漫画);
# most blocks hold none, which one search of this class finds out faster than the pattern.
# (Hints like this are plain character classes, for the faster `re` module.)
CREDIT_HINT_RE = re.compile("[摄供图视资发影作画]")

# A caption with its credit in the same block: `湿地公园一角。 本报特约记者 陈 帆 摄`, and the
# bracketed credit of Taiwan and Hong Kong papers, `南科新厂示意图。（台积电提供）`,
# `市民排队登记。（记者王小明摄）`, `…覓食。記者王小明／攝影`. Group `credit` starts
# after the last sentence end (or closing bracket) before the credit; inside it, group
# `bracketed` holds the bracketed form and group `source` a credit that names an agency
# or a source, not a photographer: `新华社发`, `新华社发（王大海摄）`, `CFP供图`,
# `图/王大海 李小川`, `（图片来源：某某图库）`; a text's source, `（来源：某某网）`, is no
# photo credit, nor is a piece cut after `…社发` (`合作社发` + `放补贴`): only agencies
# send photos.
TRAILING_CREDIT_RE = regex.compile(
    r"(?<=[。!?)”])\ ?(?P<credit>"
    r"(?P<source>\(?(?:新华社|中新社|\p{Han}{1,4}通讯社|法新社|美联社|路透社|共同社|塔斯社|韩联社)发"
    r"(?:\ ?\([^()]{1,20}?摄影?\)|(?<=\(\p{Han}{2,6}发)\))?"
    r"|[A-Za-z]{2,10}\ ?(?:供图|图片|photo)"
    r"|(?:图|摄影|照片)\ ?/\ ?[^\s。,:/()]{1,20}(?:\ [^\s。,:/()]{1,20}){0,3}"
    r"|\(图片来源:[^()]{1,20}\))"
    r"|[^。!?]{2,40}?(?:摄影?报道|摄|供图)(?:\ ?\([^()]{2,12}\))?"
    r"|[^。!?/]{2,30}/\ ?摄影"  # Taiwan's `記者林知夏／攝影`
    r"|(?P<bracketed>\([^()。!?]{1,30}?(?:摄影?|供图|提供)\)"
    r"|\((?:图|摄影|照片)\ ?[:/]\ ?[^()。!?,]{1,20}\)))$"
)
# Every trailing credit holds one of these. The search above tries every position of a
# block; most blocks hold neither, which one search for them finds out many times faster.
TRAILING_CREDIT_WORDS = ("摄", "供图", "提供)", "社发", "photo", "图片", "图/", "图:", "照片:")
TRAILING_CREDIT_HINT_RE = re.compile("|".join(map(re.escape, TRAILING_CREDIT_WORDS)))

# The agency a photo came from, in brackets after a caption's last sentence:
# `…在北冰洋海域作业。（路透社）`. After a photo gap it credits the photo; after a brief's
# text it names where the text came from (`…正式通车。（中通社）`), so only the gap says so.
AGENCY_NOTE_RE = regex.compile(r"(?<=[。!?”])\((?:\p{Han}{1,6}社|视觉中国|东方IC)\)$")

# Marks that make a block a photo caption wherever it stands: `图为…`, `(资料片)`,
# `（本报资料图片）`, `（新华社发）`, `上图：`, `（2月6日摄）`.
CAPTION_MARK_RE = regex.compile(
    r"^(?:图为|上图|下图|左图|右图|图[一二三四五六1-9]?:)"
    r"|图为"
    r"|\((?:本报|本刊)?(?:资料片|资料图片|资料图|资料照片|新华社发|人民视觉|影像中国|视觉中国"
    r"|\d{1,2}月\d{1,2}日摄)\)\s*$"
)
# Every caption mark holds `图` or a closing bracket; `CAPTION_MARK_RE` searches every
# position of a block, this class is searched first.
CAPTION_MARK_HINT_RE = re.compile("[图)]")

# Labels of a lead box: `核心提示`, `编者按`, `导读`, `核心阅读`; alone, or followed by
# a colon and the lead text (`编者按：…`); in brackets or after a marker, as other papers
# print them (`【编者按】…`, `[核心提示]`, `■编者按：…`). A block that does not start with
# one of `LEAD_LABELS`, after such a bracket or marker (`str.startswith` says so quicker
# than the pattern), is not a lead label.
LEAD_LABELS = (
    "核心提示",
    "编者按",
    "编者的话",
    "导读",
    "核心阅读",
    "阅读提示",
    "内容提要",
    "提要",
    "开栏的话",
    "题记",
    "前言",
)
LEAD_LABEL_OPENERS = "【[\u3014(■□◆●◇ "  # U+3014: the tortoise-shell bracket
LEAD_LABEL_RE = regex.compile(
    r"^(?:[【\[\u3014(]|[■□◆●◇]\ ?)?(?P<label>"
    + "|".join(LEAD_LABELS)
    + r")(?:(?P<close>[】\]\u3015)])\ ?|(?P<colon>\ ?[::]\ ?))?"
)

# A rubric with pinyin decoration, the header of a side column: `XX时讯 SHI XUN`,
# `图说 TU SHUO`, `本地快讯 KUAIXUN`.
RUBRIC_PINYIN_RE = regex.compile(r"^\ ?(?P<name>[\p{Han}]{2,8})\ ?(?P<deco>[A-Z][A-Z ]{2,24})$")

# A rubric without decoration, recognised by the words column headers are made of:
# `本地快讯`, `新闻速递`, `图片新闻`, `经济简讯`, `财经短波`, `基层传真`, `生活资讯`,
# `晚报快递`, `基层动态`, `出行提示`, `侨讯`, the columns of commentaries, `南湖微评`,
# `短评`, `快评`, `经济时评`, `城市评论`, `国际观察`, `书评`, `学习笔记`, the label of a
# box over its own title (`相关链接`, `新闻辞典`, `小词典`, `健康小贴士`), and, shorter,
# the few words a column names its beat with: `外媒关注`, `侨乡新貌`.
# Of them, the words of rubrics that head one story (a commentary, a review, a beat's
# story, a box), never a column of untitled briefs: `经济时评`, `书评`, `学习笔记`, `链接`,
# `外媒关注`;
# the last two only after at most four characters.
_STORY_RUBRIC_WORDS = "时评|评论|书评|影评|剧评|观察|笔记|链接|辞典|词典|贴士"
_SHORT_STORY_RUBRIC_WORDS = "关注|新貌"
RUBRIC_WORD_RE = regex.compile(
    r"^[\p{Han}]{0,6}(?:时讯|快讯|简讯|短讯|短波|速递|速览|简报|集萃|扫描|一览|资讯|播报|传真|微评|短评|快评"
    r"|动态|快递|提示|图说|图片新闻|图片报道|新闻眼|" + _STORY_RUBRIC_WORDS + r")$"
    r"|^[\p{Han}]{1,4}(?:讯|" + _SHORT_STORY_RUBRIC_WORDS + r")$"
)
STORY_RUBRIC_RE = regex.compile(
    r"(?:" + _STORY_RUBRIC_WORDS + "|" + _SHORT_STORY_RUBRIC_WORDS + r")$"
)

# Column names that hold picture stories rather than briefs.
PHOTO_RUBRIC_RE = regex.compile(r"图说|图片|图闻|影像|视觉")

# Page furniture: editors, designers, masthead lines, page numbers, ads, jump markers.
#   `责任编辑：张三`   `本版责编：李四 版式设计：王五`   `2019年2月15日 星期五`
#   `中华民国108年2月15日 星期五` (Taiwan's calendar)   `A4 焦点`   `（接A3版）`
#   `制图：赵六` (a chart's maker, named like the page's editors)
#   `第3版`   `·广告·`   `（下转第二版）`   `上接第一版`   `第25965期`
#   `国内统一连续出版物号 CN11-0065`   `人民日报`   `本版制图：赵六` (every graphic of the
#   page)   `栏目投稿邮箱：…`   `数据来源：国家统计局`   `A6 生活新闻 2024年3月2日/星期六`
#   (a page's letter, desk and date on one line)   `青山日报·南湖城市版` (a paper's
#   edition)   `RENMIN RIBAO` (the masthead in pinyin)   `乙巳年二月初三` (the lunar date)
#   `邮发代号1-1`   `本报地址：…  邮政编码：…  广告热线：…` (the imprint)
#   `本版邮箱：wang@example.com` (where to send letters)   `A6 | 新闻`   `第12345号 今日8版`
#   `新闻热线：0793-1234567`   `地址：… 邮编：…`   `A07 民生·社会`   `經濟 B3 …`
#   `内部资料 免费交流`   `青山集团党委主办`, `主办：青山集团党委`, `准印证号：…` (an
#   in-house paper's imprint)   `教育周刊`, `副刊` (the desk's name)
#   `天气：晴 8℃-18℃`   `—— ——  ·  ·` (an OCR engine's reading of the page's rules,
#   dashes and dots between spaces)
FURNITURE_RE = regex.compile(
    r"""
    ^(?:
        (?:\p{Han}{2,4}\ )?      # the desk may come first: `副刊 责任编辑：…`
        (?:(?:本版)?责任编辑|本版责编|本版编辑|责编|版式设计|版式|美编|美术编辑|图片编辑|校对|
           版面设计|本版统筹|统筹|值班编辑|签发|本版制图|本期制图|制图|(?:栏目)?投稿邮箱|数据来源
        )\ ?[::].{0,60}
      | (?:版式|制图|美编|校对|摄影|图片)(?:、(?:版式|制图|美编|校对|摄影|图片)){1,3}
        \ ?[::].{0,60}                              # `版式、制图：王大海`
      | (?:责任编辑|本版责编|责编|美术编辑|美编)       # `责任编辑 王大海 美 编 李小川`,
        (?:\ ?/\ ?|\ )\p{Han}.{0,50}                  # `責任編輯／王大海`: no colon
      | 本版(?:图片|照片)除[^。]{0,30}                 # 本版图片除署名外均为资料图片
      | (?:本报|报社|本社)地址\ ?[::].{0,120}     # the imprint at the foot: address, post
      | \p{Han}{0,4}热线\ ?[::]\ ?[\d()-]{5,}.{0,80}   # 新闻热线：0793-1234567
      | (?:电子信箱|电子邮箱|E-?mail)\ ?[::]\ ?[\w.-]+@[\w.-]+(?:\ .{0,40})?
      | 地址\ ?[::].{1,60}\ (?:邮编|邮政编码)\ ?[::].{0,60}   # 地址：… 邮编：…
      | 内部资料(?:\ ?[,·]?\ ?免费交流)?                   # an in-house paper's imprint
      | \p{Han}{2,12}(?:主办|主管)(?:\ .{0,30})?           # 青山集团党委主办
      | (?:主办|主管|承办|协办)\ ?[::].{1,40}             # 主办：青山集团党委
      | (?:内部资料)?准印证号?\ ?[::]?.{1,30}               # 准印证号：（青）0127
      | \p{Han}{0,6}(?:周刊|专刊|副刊|特刊)(?:\ .{0,30})?   # the desk: 教育周刊
      | (?:本版|栏目)?(?:邮箱|信箱|投稿信箱)\ ?[::]\ ?[\w.-]+@[\w.-]+(?:\ .{0,40})?
      | 编辑\ ?[::][^,。!?]{0,60}    # 编辑：王大海, not an editor's reply `编辑：读者反映的…，…`
      | (?:中华民国\ ?)?\d{2,4}年\d{1,2}月\d{1,2}日\ ?(?:星期|周)[一二三四五六日天](?:\ .{0,30})?
      | [^\ 。!?]{1,12}\ (?:\S{1,12}\ )?          # the paper or the desk before the date:
        \d{4}年\d{1,2}月\d{1,2}日\ ?\(?(?:星期|周)   # `青山报 2024年7月5日 星期五`,
        [一二三四五六日天]\)?(?:\ .{0,40})?          # `城事·民生 2025年9月8日 星期一 责编:…`
      | (?:第\ ?)?[\dA-Z]{1,3}\ ?版(?:\ .{0,20})?
      | [A-Z]\d{1,2}\ (?:\|\ )?\p{Han}{2,6}(?:[·•]\p{Han}{2,6})?(?:\ .{0,30})?  # A4 焦点
      | \p{Han}{2,6}(?:[·•]\p{Han}{2,6})?\ [A-Z]\d{1,2}(?:\ .{0,30})?   # desk first: 經濟 B3
      | [·•]?\ ?广告\ ?[·•]?
      | \(?(?:下转|上接|转|接)(?:第\ ?)?(?:[\d一二三四五六七八九十]{1,3}|[A-Z]\d{1,2})\ ?版\)?
      | 第\ ?(?:\d{3,6}\ ?期|\d{5,6}\ ?号)(?:\ .{0,40})?   # issue: 第25965期, 第12345号
                                                       # (第703号 numbers a decree: text)
      | 天气\ ?[::].{1,40}                             # the weather box of a front page
      | (?=[^\ ]*\ )(?=\ *[^\ ])[-—\u2013~·•.|_\ ]{3,30}      # OCR's rules and dots: `—— ——  ·  ·`
      | .{0,30}(?:CN\ ?\d{2}\ ?-\ ?\d{4}|邮发代号|代号\ ?\d{1,2}-\d{1,3}
                 |国内统一连续出版物号).{0,40}
      | [\p{Han}]{2,6}(?:日报|晚报|晨报|早报|时报|商报)        # masthead: 人民日报, and its
        (?:海外版|[·•]\p{Han}{2,8})?(?:\ (?:\|\ )?.{0,30})?    # edition: 青山日报·南湖城市版
      | [A-Z]{2,12}(?:\ [A-Z]{2,12}){1,3}               # the masthead in pinyin
      | (?:农历\ ?)?[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年    # the lunar date:
        [正腊冬一二三四五六七八九十]{1,2}月                              # 乙巳年二月初三
        (?:初|十|廿|二十|三十)[一二三四五六七八九十]?
      | [\p{Han}]{2,12}机关报                          # 中共青山县委机关报
      | 今日\ ?\d{1,2}\ ?版                            # 今日4版
      | [-—\u2013]{1,3}\ ?\d{1,3}\ ?[-—\u2013]{1,3}    # a page number: -- 3 --
    )$
    """,
    regex.VERBOSE,
)
# The running head or foot of a page, furniture only at the top or the foot of the dump
# (`roles`): inside a page the same shapes are text, a figure set large beside what it
# counts, or a numbered subhead. `EDGE_NAME_RE` is furniture only over other furniture.
#   `11` (the page number)   `2 综合新闻`   `6 人物·访谈` (the page's number and desk)
#   `8 经济 2026年3月5日 星期四 责任编辑：王大海` (...with the date and editors)
#   `B8`, `A12 要闻` (a section's letter before the number)
EDGE_FURNITURE_RE = regex.compile(
    r"[A-Z]?\d{1,3}"
    r"|[A-Z]?\d{1,2}\ (?:\|\ )?\p{Han}{2,6}(?:[·•]\p{Han}{2,6})?(?:\ .{1,80})?"
)
#   `青山报`, `明報` (a paper's name, over its 机关报 line, date or issue number),
#   `科技前沿`, `城事·民生` (the page's name, over its date and editors)
EDGE_NAME_RE = regex.compile(r"\p{Han}{2,6}(?:[·•]\p{Han}{2,6})?")
#   `法治·案件`, `城事·民生` (the desk under other furniture at the top)
DESK_NAME_RE = regex.compile(r"\p{Han}{2,4}[·•]\p{Han}{2,4}")

# A page named by a line that points to it: `第二`, `5`, `A5`.
_PAGE_NAME = r"(?:第\ ?)?(?:[\d一二三四五六七八九十]{1,3}|[A-Z]\d{1,2})"
# The page a jump line names, after its verb: `第二版）`, `A5版`.
_JUMP_PAGE = _PAGE_NAME + r"\ ?版\)?"
# A jump line over text continued from another page: `（上接第一版）`, `上接A1版`. (Page
# furniture too; what follows it is a story whose head is printed on that page. A bare
# `（接A9版）` is printed after a story's text as well, meaning "continued on".)
JUMP_IN_RE = regex.compile(r"\(?上接" + _JUMP_PAGE)
# ...and one under a paragraph cut by it, which goes on on another page: `（下转第二版）`,
# `转A5版`. (`（接A9版）` says "continued from" in some papers, "continued on" in others.)
JUMP_OUT_RE = regex.compile(r"\(?(?:下转|转)" + _JUMP_PAGE)

# Every furniture line holds one of these characters: the colon of an editors' line, 星期
# or 周 of a date, 版, 广告, 期, CN / 邮发代号 / 国内统一连续出版物号, 报 of a masthead, the
# letter of a page (`A4 焦点`), the dashes around a page number (`-- 3 --`), 年 of a
# lunar date, 号 of an issue, the marks of an OCR engine's rules (`—— ·  ·`), 资料 and 主办
# of an in-house paper's imprint, 编 of an editors' line printed without a colon, 刊 of
# a desk's name (`教育周刊`).
FURNITURE_HINT_RE = re.compile("[:星周版广期邮国报号资主编刊A-Z—\u2013年·.|_~/-]")

# A line that opens with dashes: the 副题 under a headline, `——老工业城市的转型之路`.
DASH_LINE_RE = regex.compile(r"^(?:—{1,3}|-{2,4}|－{2})\ ?\S")

# Sentence-final punctuation, optionally followed by closing quotes/brackets.
SENTENCE_END_RE = regex.compile(r"[。!?…](?:[”’」』)\]]{0,3})$|……$")

# Marks that open an item of a list: `■建起冷库，延长果品销售期` (a lead box's items, a
# line of text among the subheads).
BULLETS = ("■", "●", "◆", "▲", "★", "•", "·")

# A summary point: a bullet, then a sentence of clauses (`■岭下村果园扩种三百亩，全村果农
# 人均增收两千元`). Printed right under a headline, two or three of them are a lead box
# without a label (commentaries and foreign news print one so); a bulleted item without a
# clause mark (`◆选苗 粗壮均匀`) is no such point, nor is one of a figure (`●增长7.2%`).
SUMMARY_POINT_RE = regex.compile(r"^[■●◆▲★•·](?:[^,;:。.]|\.(?=\d))*+[,;:。.]")

# Where a sentence stops inside a text, for the pull-quote test of the column-break
# repair: `…一天比一天红火。如今…` (the `。`).
SENTENCE_STOP_RE = re.compile("[。!?…;]")

# An attribution that continues a quotation printed elsewhere: the piece after a column
# break that reads `赵建华说。接下来…` continues `…订单排到了年底。”`. The sentence ends
# right after the verb; `张三说，…` or `张三指出，…` open a paragraph of their own.
ATTRIBUTION_START_RE = regex.compile(
    r"^[^,。!?;:“”\"]{1,30}?(?:说|表示|介绍|指出|认为|强调|坦言|感慨|告诉记者|笑着说)(?:道)?。"
)

# Who said the quotation a line closes, opening the line under it: `局长王大海说，…`,
# `王大海告诉记者：…`. A paragraph that is one quotation is rare; the speaker follows
# the words in the same paragraph.
SPEAKER_AFTER_QUOTE_RE = regex.compile(
    r"[^,。!?;:“”\"]{1,24}?(?:说|表示|介绍|指出|认为|强调|坦言|感慨|告诉记者|笑着说)(?:道)?[,:]"
)

# An essay's closing note that names its author: `（作者：王大海，系青山大学教授）`,
# `（作者：王大海、李小川）`. (`（作者为青山大学教授）` names nobody.)
AUTHOR_NOTE_RE = regex.compile(
    r"^\(作者:\ ?(?P<who>[\p{Han}·]{2,8}(?:、[\p{Han}·]{2,8}){0,3})(?:,|\)$)"
)

# Who wrote a brief or a story, in brackets after its last sentence in the same
# paragraph: `…排查火灾隐患三十余处。（李小川）`, `…好去处。（记者 王大海）`.
TRAILING_AUTHOR_RE = regex.compile(r"[。!?”](?P<who>\([^()]{2,30}\))$")

# An e-mail address alone on its line, where a story or an essay prints its author's
# address (`wangdahai@example.com`): a line of the text that ends its story, never the
# first piece of a cut paragraph.
EMAIL_LINE_RE = regex.compile(r"[\w.+-]{1,40}@[\w-]{1,40}(?:\.[\w-]{1,20}){1,4}")

# A pointer to a story on another page, printed under the story it relates to and kept
# as its last line (the corpus does so), never a title: `相关新闻见A3`,
# `（相关报道见第五版）`, `详见第3版`.
CROSS_REFERENCE_RE = regex.compile(
    r"^\(?(?:相关|详见|更多)\p{Han}{0,6}?见?" + _PAGE_NAME + r"\ ?版?\)?$"
)

# A line of a page's table of contents (a 导读 box on the front page): a story's title and
# the page it is printed on, `岭下村梨园迎来丰收季 2版`, `▶ 青山县建成算力中心（第3版）`,
# `…（A5版）`.
CONTENTS_LINE_RE = regex.compile(r"(?:\ |\p{Han}\()" + _PAGE_NAME + r"\ ?版\)?$")

# A line of a listing or a forecast, never a title: a clock time before a programme
# (`19:35 青山新闻联播`), a range of temperatures (`多云转晴 3℃~14℃`, `5~16℃`; the
# shadow folds the full-width tilde), an index in points (`上证指数 3286.45点`), a line of
# contents (`CONTENTS_LINE_RE`), a chart's row of three shares or more
# (`2023年 48.2% 2024年 76.5% 2025年 91.6%`; a headline may hold two), a row of results,
# three words or more whose last holds a figure (`男子60米 决赛 王大海 6秒55`; two of
# 7,659 title lines of the corpus are so printed, with a word longer than ten characters).
# (Two words are not enough: a headline may read `上半年投资 同比增8.7%`.)
RESULT_ROW_RE = regex.compile(r"^(?:[^\ ]{1,10}\ ){2,6}[^\ ]{0,5}\d[^\ ]{0,5}$")
LISTING_LINE_RE = regex.compile(
    r"\d{1,2}:\d{2}\ ?\p{Han}|-?\d{1,2}\ ?℃?\ ?[~—-]\ ?-?\d{1,2}\ ?℃|\d\.\d{2}点"
    r"|(?:\d%[^%]{1,20}){2}\d%"
    r"|" + RESULT_ROW_RE.pattern + r"|" + CONTENTS_LINE_RE.pattern
)

# The title of a notice, which heads an item of its own however short its text is:
# `讣告`, `更正`, `遗失声明`, `招生启事`, `公告`.
NOTICE_TITLE_RE = regex.compile(r"\p{Han}{0,6}(?:讣告|更正|启事|声明|公告|通告)")

# The label of a line of an interview, a turn or its guests, which opens a line of its
# text, never a title: `问：施肥有什么讲究？`, `答：…`, `记者：…`, `主持人：…`,
# `嘉宾：…`, `Q：…`.
SPEAKER_LABEL_RE = regex.compile(r"^(?:问|答|记者|本报记者|主持人|嘉宾|Q|A)\ ?:")

# The paired marks a piece of text opens and closes: quotation marks, parentheses, book
# titles. A title line closes all it opens (`（作者为青山县` is a cut piece); the repair
# weighs a piece that leaves one open with the piece that closes it (`quotes_balance`).
PAIRED_MARKS = (("“", "”"), ("(", ")"), ("《", "》"))

# A reader's letter signed with the writer's place and name on a line of its own under
# its text (`青山县南湖镇 王大海`, `河东市 林 夏`): the place ends with the word of its
# level, one space sets the name apart (the name is checked by `people.signed_name`).
# On the generated pages all 83 such lines are the last paragraph of a letter.
PLACE_SIGNATURE_RE = regex.compile(
    r"^\p{Han}{1,10}(?:省|市|县|区|州|旗|盟|镇|乡|村)\ (?P<name>\p{Han}(?:\ ?\p{Han}){1,3})$"
)

# The grammar of a sentence, which a title line does not have: a verb of saying or
# reporting with the comma after it and text following (`据介绍，今年将…`, `王大海表示，
# 我们…`, `数据显示，…`; not `小说，`, `传说，`), or a connective opening a clause with
# its comma (`此外，`, `对此，`, `近年来，`), or the day a narrative sentence opens with
# (`24日上午，`, `2017年7月1日，`; a year alone opens data-box titles, `2018年，…`). On
# the corpus, none of 2,471 kickers, headlines and subtitles has one but a subtitle of 70
# characters; of the title lines the heads phase weighs on seven generated sets, 48 do,
# all of them text (40 had been read as subheads). A headline may quote with a colon
# (`王大海：…`) and a kicker end with one, so a colon is left alone; words that open
# titles too (`如今，`, `当前，`, `…的同时，`) are left out.
SENTENCE_CLAUSE_RE = regex.compile(
    r"(?:(?<![小传学演游解听])说|表示|认为|指出|介绍|强调|透露|坦言|直言|称|提到|告诉记者|据悉|据了解"
    r"|据统计|显示|表明|看来|获悉|了解到),(?=.)"
    r"|(?:^|[,:])(?:但是|然而|因此|所以|不过|此外|另外|其中|对此|为此|比如|例如|事实上|与此同时"
    r"|近日|日前|随后|此前|此后|近年来),"
    r"|^(?:(?:\d{4}年|今年|去年)?\d{1,2}月)?\d{1,2}日(?:上午|中午|下午|傍晚|晚上|夜里|凌晨|早上)?,"
)

# An article of a regulation printed in full, its number then its text (`第八条 县级以上
# 人民政府应当…`): text, never a title (a chapter's heading reads `第一章 总则`). None of
# the corpus's titles opens so; 6 title lines weighed on seven generated sets do, pieces
# of such articles all.
LAW_ARTICLE_RE = regex.compile(r"^第[一二三四五六七八九十百零〇]+条\ ")

# An entry of the notes or references under an essay, numbered in brackets (`［1］` folds
# to `[1]`, and tortoise-shell brackets, U+3014 and U+3015, are read alike):
# `[1]王大海：《乡村治理研究》，…第12页。`,
# `[2]李小川.基层治理现代化[M].北京:青山出版社,2020.`. It opens a line of its own and
# continues nothing, and one that ends with a full stop of either width is whole.
NOTE_ENTRY_RE = regex.compile(r"^[\[\u3014]\d{1,3}[\]\u3015]")

# A clause mark inside a title-shaped line: a headline seldom has one, a piece of a cut
# paragraph often does (`果品公司，向负责人询问`, shadow `…公司,向…`).
CLAUSE_MARK_RE = regex.compile(r"[,.;:。]")

# A comma or stop in a title-shaped line over a brief's text and its author: the end of
# a cut paragraph more often than a brief's title (`…合作社的果子，`); a colon may set a
# speaker apart in a title (`警方提醒：谨防新骗局`).
CUT_TITLE_MARK_RE = regex.compile(r"[,;。]")

# Body paragraphs never start with these; a piece that does was cut from a paragraph.
# Nor with a sentence of one or two characters (`箱。村里还计划…`: the end of `…好几`
# + `箱。`): on 1,400 generated pages, 914 blocks that open so are second pieces and 18
# open a paragraph (`真美。岭下村的梨花…`, one of a series of such openings). Nor with one
# character and an enumeration comma that is no number (`秧、统一机插…`: the end of
# `…统一育` + `秧、`): 3 of the corpus's 25,198 paragraphs open so, `一、…` aside.
CONTINUATION_START_RE = regex.compile(
    r"^(?:[,。、;:!?)\]”’」』%…]|\p{Han}{1,2}。|[^\P{Han}一二三四五六七八九十零〇两]、)"
)

# A piece ending with these was cut in the middle of a sentence.
_OPEN_LAST = frozenset(",、;([“‘「『《〈—-")
OPEN_END_RE = regex.compile("[" + regex.escape("".join(sorted(_OPEN_LAST))) + "]$")


# The last character of a match of `SENTENCE_END_RE` (before a final line break).
_SENTENCE_LAST = frozenset("。!?…”’」』)]")


# `search` tries a pattern at every position of a text; the two patterns above match only
# at its end (four characters at most, and `$` may stand before a final line break), so
# a search of the last five characters says the same, in a fraction of the time. A text
# whose last character cannot end a match (and is no line break) is not searched at all.
def ends_sentence(s: str) -> bool:
    """`SENTENCE_END_RE.search(s)`, as a bool, looking at the end of `s` only."""
    if s[-1:] not in _SENTENCE_LAST and not s.endswith("\n"):
        return False
    return SENTENCE_END_RE.search(s, max(0, len(s) - 5)) is not None


def ends_open(s: str) -> bool:
    """`OPEN_END_RE.search(s)`, as a bool, looking at the end of `s` only."""
    if s[-1:] not in _OPEN_LAST and not s.endswith("\n"):
        return False
    return OPEN_END_RE.search(s, max(0, len(s) - 2)) is not None


# A title line that reports an event done (`岭下村果品节开幕`, `全市春耕工作会议召开`,
# `果园管理新规出台`): the headline, which states the fact, not a kicker, which sets the
# scene. A line under it is its 副题 (`首批果品发往外地`), unless it names the document
# the first line says was issued (`关于加强果园管理的意见`, `《…》`) or is two phrases set
# apart by a space, as headlines are (`抓项目 稳增长`); see `heads._head_roles`.
EVENT_HEADLINE_RE = regex.compile(
    r"(?:举行|召开|发布|公布|截止|出台|开幕|闭幕|启用|举办|揭牌|成立|结束|开通|启动|印发"
    r"|签署|上线|落幕|亮相|实施|施行|发生事故)$"
)

# A title line that reports a meeting, a visit or a message between leaders
# (`王大海会见青山县代表团`, `王大海同李小川举行会谈`, `县委常委会召开会议`,
# `赵一鸣看望慰问老党员`, `两县县长互致贺信`): the headline, as an event done is; the line
# under it says what was discussed or who else took part (`听取…汇报`, `李小川出席`).
# A line that leads into the next (`王大海会见代表团时强调`) stays a kicker.
MEETING_HEADLINE_RE = regex.compile(
    r"^\p{Han}{2,4}(?:同志)?(?:会见|看望|接见|集体会见|视察|视察看望)"
    r"|(?:会谈|会晤|通电话|互致贺电|互致贺信|团拜会)$"
    r"|(?:召开|主持)[^，,]{0,30}(?:会议|座谈会|讨论会)$"
)

# A title line that opens with a document (`《果园管理条例》…`, `关于加强果园管理的意见`,
# `印发果园管理办法`) or a bracketed tag (`【人物】岭下村的守园人`): under a line that says
# the document was issued, it is the headline; a tag heads a title of its own. Neither is
# a 副题, however long (see `heads._head_roles`).
DOCUMENT_LINE_RE = regex.compile(r"《|关于|发布|印发|【")

# A title line that leads into the line under it: `王大海在岭下村调研时强调`, `专家认为——`,
# `林知夏：`. It is a kicker however long the line under it, and never a 副题.
LEAD_IN_LINE_RE = regex.compile(r"(?:强调|指出|表示|认为|希望|说|称|时|—|:)$")

# A 副题 printed without dashes under the headline of a meeting or policy report:
# `王大海主持`, `李小川出席并讲话`, `赵明远陈一帆参加会见`, `强调…`, `决定…`.
SUBTITLE_LINE_RE = regex.compile(
    r"(?:主持|主持会议|出席|出席并讲话|参加|参加会见|会见|讲话|致辞|宣读|作报告)$"
    r"|^(?:强调|指出|要求|决定|提出|表示|听取|审议|讨论|部署)"
)
