"""Normalize a raw page dump so later phases see one spelling of line structure.

Only invisible things change here: line ends, a leading BOM, control characters,
unpaired surrogates, and the spaces an OCR engine prints between Chinese characters.
Every printed character stays where it is.
"""

from __future__ import annotations

import re

import regex

from ..model import Diagnostic

# Line breaks other than `\n`: `\r` (alone, after `\r\n` became `\n`), vertical tab and
# form feed (line and page breaks from PDF extractors), U+2028/U+2029 and NEL.
_ODD_LINE_BREAKS = "\r\x0b\x0c\u2028\u2029\x85"
_LINE_BREAKS = str.maketrans(dict.fromkeys(_ODD_LINE_BREAKS, "\n"))
# C0/C1 control characters other than tab, newline and the line breaks above.
_CONTROLS = "\x00-\x08\x0e-\x1f\x7f-\x9f"
# `str.translate` looks up every character of the page; most pages have none to change,
# which one search over a character class finds out about twenty times faster. (The `re`
# module searches a plain character class twice as fast as `regex`.)
_ODD_LINE_BREAK_RE = re.compile(f"[{_ODD_LINE_BREAKS}]")
_CONTROL_RE = re.compile(f"[{_CONTROLS}]")
# Both classes in one: most pages hold neither, which one search finds out.
_LINE_BREAK_OR_CONTROL_RE = re.compile(f"[{_ODD_LINE_BREAKS}{_CONTROLS}]")
# An unpaired UTF-16 surrogate cannot be written as UTF-8; it arrives from lax decoders.
_SURROGATE_RE = regex.compile(r"[\ud800-\udfff]")


# OCR engines (Tesseract's `chi_sim` among them) print a space between Chinese
# characters: `本 报 讯  记 者 王 大 海`. The patterns of the trade, the statistics and the
# repair read characters side by side, so on such a page a single space between two
# Chinese characters or marks goes. One next to a digit or a Latin letter may be the
# text's own (`本报讯 记者王大海报道 7月21日`, `5G and 6G`) and stays. A page set by a
# newspaper has a few spaces between Chinese characters (name padding `王 海`, the two
# halves of a title): at most 0.9% of its Han characters are followed by one on 500
# generated pages and the samples, so from 5% on the spaces are the OCR's.
_CJK = "\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e“”‘’…—"
# (The literal space first lets the engine skip to each space; the look-behind then
# checks the character before it.)
_SPACE_IN_CJK_RE = re.compile(f" (?=[{_CJK}])(?<=[{_CJK}] )")
_HAN_RE = re.compile("[\u4e00-\u9fff]")
OCR_SPACE_SHARE = 0.05
# Fewer such spaces than this on a page are a newspaper's, whatever their share.
_OCR_SPACE_FLOOR = 20


def normalize(text: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """Unify line ends and remove what cannot be printed; idempotent.

    Returns the text and a diagnostic per kind of removal (`control-characters`,
    `ocr-spaces`, `surrogates`), so a caller can see that the input was not clean.
    """
    diags: list[Diagnostic] = []
    odd = _LINE_BREAK_OR_CONTROL_RE.search(text) is not None
    if odd:
        text = text.replace("\r\n", "\n")
        if _ODD_LINE_BREAK_RE.search(text):
            text = text.translate(_LINE_BREAKS)
    if text.startswith("\ufeff"):
        text = text[1:]
    if odd and _CONTROL_RE.search(text):
        n = len(_CONTROL_RE.findall(text))
        text = _CONTROL_RE.sub("", text)
        diags.append(Diagnostic("control-characters", f"removed {n} control character(s)"))
    if (
        text.count(" ") >= _OCR_SPACE_FLOOR
        and len(spaces := _SPACE_IN_CJK_RE.findall(text)) >= _OCR_SPACE_FLOOR
    ):
        han = len(_HAN_RE.findall(text))
        if len(spaces) > OCR_SPACE_SHARE * han:
            text = _SPACE_IN_CJK_RE.sub("", text)
            diags.append(
                Diagnostic(
                    "ocr-spaces",
                    f"removed {len(spaces)} spaces between Chinese characters"
                    f" ({len(spaces)} on {han} Han characters: OCR output, not typesetting)",
                )
            )
    if _SURROGATE_RE.search(text):
        n = len(_SURROGATE_RE.findall(text))
        text = _SURROGATE_RE.sub("\ufffd", text)
        diags.append(Diagnostic("surrogates", f"replaced {n} unpaired surrogate(s) with U+FFFD"))
    return text, tuple(diags)
