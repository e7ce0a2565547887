"""Odd pages: every one parses, keeps its text, and says what was odd."""

from __future__ import annotations

import newspage

from .test_properties import assert_conserved


def test_single_giant_block() -> None:
    """One block of 200,000 characters is one paragraph, nothing lost."""
    text = "这是一段很长的正文，没有分段。" * 14000
    page = newspage.parse(text)
    assert_conserved(text, page)
    assert sum(len(p) for a in page.articles for p in a.paragraphs) == len(text)
    assert "giant-block" in [w.code for w in page.warnings]


def test_thousands_of_tiny_blocks() -> None:
    """Two thousand one-character blocks parse, and every character is kept."""
    text = "\n\n".join("甲乙丙丁戊己庚辛壬癸"[i % 10] for i in range(2000))
    page = newspage.parse(text)
    assert_conserved(text, page)
    assert "tiny-blocks" in [w.code for w in page.warnings]


def test_thousands_of_title_lines_before_any_story() -> None:
    """Five thousand short title-shaped lines: thousands of runs, none under a story's
    head. Each run takes its owner from the run before it; the chain is followed
    iteratively (this page went past Python's recursion limit), and nothing is lost."""
    words = "转型发展推动创新驱动绿色低碳扩大开放深化改革"
    lines = [words[i % 13 : i % 13 + 6] + str(i) for i in range(5000)]
    text = "\n\n".join(lines)
    page = newspage.parse(text)
    assert_conserved(text, page)


def test_only_captions_and_credits() -> None:
    """A page of photos only: the captions are kept, with a no-headline warning."""
    text = "\n\n\n\n".join(["图为春耕时节的田野。", "新华社记者 张三摄", "图为山区小学的孩子们。"])
    page = newspage.parse(text)
    assert_conserved(text, page)
    assert "no-headline" in [w.code for w in page.warnings]


def test_only_furniture() -> None:
    """Editors' lines and a date alone: all unplaced, no article."""
    text = "责任编辑：张三\n\n2019年2月15日 星期五\n\n版式设计：李四"
    page = newspage.parse(text)
    assert page.articles == ()
    assert page.unplaced == ("责任编辑：张三", "2019年2月15日 星期五", "版式设计：李四")


def test_control_characters_and_mixed_scripts() -> None:
    """Controls are removed with a warning; Latin, digits and CJK stay as printed."""
    text = "Global Times 环球\x00时报\n\n本报讯 5G networks 覆盖全国\x07。"
    page = newspage.parse(text)
    assert "control-characters" in [w.code for w in page.warnings]
    assert_conserved(text, page)
    assert page.articles[0].paragraphs == ("本报讯 5G networks 覆盖全国。",)
