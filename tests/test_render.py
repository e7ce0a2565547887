"""Tests for newspage.render: JSON, Markdown and plain text of hand-built pages."""

from __future__ import annotations

import json

import attrs

from newspage.model import Article, Author, Caption, Diagnostic, Page, Section
from newspage.render import ARTICLE_RULE, to_json, to_markdown, to_text

STORY = Article(
    kicker="绿色发展",
    headline="兴产业 美乡村 富农家",
    subheadline="——沿江古镇的文旅融合之路",
    byline="本报记者 张 三 李四",
    authors=(Author("张三", "本报记者"), Author("李四", "本报记者")),
    dateline="本报讯",
    lead_label="核心提示",
    lead=("这是核心提示的第一段。", "第二段。"),
    sections=(
        Section(None, ("本报讯 开头一段。", "第二段正文。")),
        Section("一、修复废弃矿山", ("小标题下的正文。",)),
    ),
    captions=(
        Caption("青溪苑鸟瞰。", "本报特约记者 王 五 摄", ("王五",)),
        Caption(None, "本文图片由本报记者赵六摄", ("赵六",)),
    ),
)
BRIEF = Article(
    kind="brief",
    column="城市时讯",
    headline="新桥通车",
    sections=(Section(None, ("本报讯 新桥昨日通车。",)),),
)
PAGE = Page(
    source="page-01.txt",
    articles=(STORY, BRIEF),
    unplaced=("2019年2月1日 星期五",),
    warnings=(Diagnostic("unresolved-break", "a paragraph ends open", "修复完成了"),),
)


class TestJson:
    """to_json."""

    def test_round_trips_to_dict(self) -> None:
        """The JSON parses back to exactly page.to_dict()."""
        assert json.loads(to_json(PAGE)) == PAGE.to_dict()
        assert json.loads(to_json(PAGE, indent=None)) == PAGE.to_dict()

    def test_contract_key_order_and_readable_chinese(self) -> None:
        """Keys keep the contract order and Chinese is not escaped."""
        text = to_json(PAGE)
        assert list(json.loads(text)) == ["schema", "source", "articles", "unplaced", "warnings"]
        assert text.index('"kicker"') < text.index('"headline"') < text.index('"subheadline"')
        assert "兴产业" in text
        assert "\\u" not in text

    def test_indent_none_is_one_line(self) -> None:
        """indent=None gives one line, as JSON Lines need."""
        assert "\n" not in to_json(PAGE, indent=None)
        assert to_json(PAGE).count("\n") > 10

    def test_deterministic(self) -> None:
        """The same page gives byte-identical JSON, also for an equal copy."""
        copy = Page(
            source=PAGE.source,
            articles=PAGE.articles,
            unplaced=PAGE.unplaced,
            warnings=PAGE.warnings,
        )
        assert to_json(PAGE).encode() == to_json(PAGE).encode() == to_json(copy).encode()


class TestMarkdown:
    """to_markdown."""

    def test_structure(self) -> None:
        """Headline, kicker, subheadline, column note, byline, subheads and lead are shown."""
        md = to_markdown(PAGE)
        lines = md.splitlines()
        assert lines[0] == "# page-01.txt"
        assert "## 兴产业 美乡村 富农家" in lines
        kicker = lines.index("*绿色发展*")
        assert lines[kicker + 2] == "## 兴产业 美乡村 富农家"
        assert lines[kicker + 4] == "*——沿江古镇的文旅融合之路*"
        assert "本报记者 张 三 李四" in lines
        assert "### 一、修复废弃矿山" in lines
        assert "## 新桥通车" in lines
        assert "**城市时讯** · brief" in lines

    def test_dateline_is_printed_once(self) -> None:
        """A dateline that opens its paragraph is not repeated beside the byline."""
        md = to_markdown(PAGE)
        assert md.count("本报讯") == 2  # the story's first paragraph and the brief's
        away = attrs.evolve(STORY, sections=(Section(None, ("开头一段。",)),))
        assert "本报记者 张 三 李四 · 本报讯" in to_markdown(Page(articles=(away,)))

    def test_lead_box_is_quoted_with_label(self) -> None:
        """The lead box is a blockquote headed by its label."""
        md = to_markdown(PAGE)
        assert "> **核心提示**\n>\n> 这是核心提示的第一段。\n>\n> 第二段。" in md

    def test_a_lead_label_without_lead_text_is_shown(self) -> None:
        """A label whose box holds no paragraph is printed all the same."""
        bare = attrs.evolve(STORY, lead=())
        assert "> **核心提示**" in to_markdown(Page(articles=(bare,)))

    def test_captions(self) -> None:
        """Captions are list items with text and credit; a lone credit stands alone."""
        lines = to_markdown(PAGE).splitlines()
        assert "- 图：青溪苑鸟瞰。 — 本报特约记者 王 五 摄" in lines
        assert "- 图：本文图片由本报记者赵六摄" in lines

    def test_paragraphs_in_order(self) -> None:
        """Paragraphs appear in reading order, each its own block."""
        md = to_markdown(PAGE)
        assert (
            md.index("本报讯 开头一段。") < md.index("第二段正文。") < md.index("小标题下的正文。")
        )
        assert "\n\n第二段正文。\n\n" in md

    def test_unplaced_and_warnings_last(self) -> None:
        """Unplaced blocks and warnings come after every article."""
        md = to_markdown(PAGE)
        assert md.index("新桥昨日通车") < md.index("## Unplaced") < md.index("## Warnings")
        assert "- 2019年2月1日 星期五" in md
        assert "- `unresolved-break`: a paragraph ends open — “修复完成了”" in md

    def test_page_text_cannot_become_markup(self) -> None:
        """Markdown characters in page text are escaped, so no heading or emphasis appears."""
        page = Page(
            articles=(
                Article(
                    headline="*重要*",
                    sections=(Section(None, ("# 不是标题", "1. 不是列表", "a _b_ <c>", "- 项")),),
                ),
            )
        )
        lines = to_markdown(page).splitlines()
        assert "## \\*重要\\*" in lines
        assert "\\# 不是标题" in lines
        assert "1\\. 不是列表" in lines
        assert "a \\_b\\_ \\<c\\>" in lines
        assert "\\- 项" in lines

    def test_harmless_text_is_not_escaped(self) -> None:
        """Numbers, dashes and underscores inside words stay as printed."""
        page = Page(
            source="000_page.txt",
            articles=(Article(headline="3.4万户农家用上了自来水", subheadline="——转型之路"),),
        )
        lines = to_markdown(page).splitlines()
        assert lines[0] == "# 000_page.txt"
        assert "## 3.4万户农家用上了自来水" in lines
        assert "*——转型之路*" in lines

    def test_untitled_and_empty(self) -> None:
        """An article without headline still gets a heading; an empty page renders empty."""
        page = Page(articles=(Article(kind="photo", captions=(Caption("图为新桥。"),)),))
        md = to_markdown(page)
        assert "## (untitled)" in md
        assert "photo story" in md
        assert to_markdown(Page()) == ""

    def test_deterministic(self) -> None:
        """The same page gives byte-identical Markdown."""
        assert to_markdown(PAGE) == to_markdown(PAGE)
        assert to_markdown(PAGE).endswith("\n")
        assert not to_markdown(PAGE).endswith("\n\n")


class TestText:
    """to_text."""

    def test_articles_separated_by_rule(self) -> None:
        """Title lines, a blank line, paragraphs separated by blank lines, a rule between."""
        expected = (
            "绿色发展\n兴产业 美乡村 富农家\n——沿江古镇的文旅融合之路\n\n"
            "这是核心提示的第一段。\n\n第二段。\n\n"
            "本报讯 开头一段。\n\n第二段正文。\n\n"
            "一、修复废弃矿山\n\n小标题下的正文。\n\n"
            f"{ARTICLE_RULE}\n\n"
            "新桥通车\n\n本报讯 新桥昨日通车。\n"
        )
        assert to_text(PAGE) == expected

    def test_leaves_out_furniture(self) -> None:
        """Bylines, captions, unplaced blocks and warnings are not running text."""
        text = to_text(PAGE)
        for absent in ("本报记者 张 三", "青溪苑鸟瞰", "星期五", "unresolved-break", "核心提示\n"):
            assert absent not in text

    def test_article_without_text_is_skipped(self) -> None:
        """An article with neither title nor paragraphs adds no empty entry between rules."""
        photo = Article(kind="photo", captions=(Caption("图为新桥。"),))
        page = Page(articles=(BRIEF, photo, BRIEF))
        assert to_text(page).count(ARTICLE_RULE) == 1

    def test_empty_page(self) -> None:
        """A page without articles gives empty text."""
        assert to_text(Page(unplaced=("页眉",))) == ""

    def test_rule_is_equals_signs(self) -> None:
        """The separator is a line of = signs."""
        assert set(ARTICLE_RULE) == {"="}
        assert len(ARTICLE_RULE) >= 10
