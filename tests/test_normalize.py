"""Stage normalize: line ends, BOM, control characters, surrogates, OCR spaces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newspage.stages.normalize import (
    _CONTROL_RE,
    _LINE_BREAK_OR_CONTROL_RE,
    _ODD_LINE_BREAK_RE,
    normalize,
)


def test_crlf_and_cr_become_lf() -> None:
    """Windows and old Mac line ends become \\n."""
    assert normalize("甲\r\n乙\r丙")[0] == "甲\n乙\n丙"


def test_leading_bom_removed() -> None:
    """A BOM left by the decoder is not text."""
    assert normalize("\ufeff标题")[0] == "标题"


def test_control_characters_removed_with_diagnostic() -> None:
    """NUL and other controls disappear and are reported."""
    text, diags = normalize("标\x00题\x07")
    assert text == "标题"
    assert [d.code for d in diags] == ["control-characters"]


def test_surrogates_replaced() -> None:
    """Unpaired surrogates become U+FFFD so the result can be written as UTF-8."""
    text, diags = normalize("甲\ud800乙")
    assert text == "甲\ufffd乙"
    assert diags[0].code == "surrogates"
    text.encode("utf-8")


def test_clean_text_untouched() -> None:
    """Printed characters, tabs and newlines pass unchanged, with no diagnostics."""
    assert normalize("标题\n\n　　正文，“引号”。\tA B") == ("标题\n\n　　正文，“引号”。\tA B", ())


OCR_LINE = "本 报 讯 （ 记 者 王 大 海 ） 今 年 ， 全 市 新 增 就 业 岗 位 1 2 万 个 。"


def test_ocr_spaces_between_chinese_characters_removed_with_diagnostic() -> None:
    """A space after most Chinese characters is OCR output: the single spaces between
    Chinese characters and marks go, others stay, and a warning says so."""
    text, diags = normalize(OCR_LINE + "\n\nAI 技 术  5G and 6G")
    assert text.startswith("本报讯（记者王大海）今年，全市新增就业岗位 1 2 万个。\n\n")
    assert text.endswith("AI 技术  5G and 6G")  # next to Latin or digits: kept
    assert [d.code for d in diags] == ["ocr-spaces"]


def test_typeset_spaces_stay() -> None:
    """A typeset page pads names and parts title halves: a few spaces, all kept."""
    page = "本报记者 王 海 李小川\n\n兴产业 美乡村 富农家\n\n" + "正文一句话。" * 200
    assert normalize(page) == (page, ())
    few = OCR_LINE[:20]  # too few spaces to tell, whatever their share
    assert normalize(few) == (few, ())


@given(st.text())
def test_idempotent(text: str) -> None:
    """normalize(normalize(t)) == normalize(t)."""
    once = normalize(text)[0]
    assert normalize(once)[0] == once


def test_one_search_finds_what_the_steps_change() -> None:
    """The quick class holds every line break to unify and every control character."""
    for c in map(chr, [*range(0x200), 0x2028, 0x2029, 0xFEFF]):
        expected = bool(_ODD_LINE_BREAK_RE.search(c) or _CONTROL_RE.search(c))
        assert bool(_LINE_BREAK_OR_CONTROL_RE.search(c)) == expected
