"""Normalize a raw page dump so later phases see one spelling of line structure.

Only invisible things change here: line ends, a leading BOM, control characters and
unpaired surrogates. Every printed character stays where it is.
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


def normalize(text: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """Unify line ends and remove what cannot be printed; idempotent.

    Returns the text and a diagnostic per kind of removal (`control-characters`,
    `surrogates`), so a caller can see that the input was not clean.
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
    if _SURROGATE_RE.search(text):
        n = len(_SURROGATE_RE.findall(text))
        text = _SURROGATE_RE.sub("\ufffd", text)
        diags.append(Diagnostic("surrogates", f"replaced {n} unpaired surrogate(s) with U+FFFD"))
    return text, tuple(diags)
