"""The pipeline: normalize -> blocks -> roles -> column-break repair -> articles.

Each phase is a pure function in `newspage.stages`; this module only runs them in order.
"""

from __future__ import annotations

import os
from pathlib import Path

from ._cjk import TopicBigrams, char_stats
from .model import Page
from .stages.assemble import assemble
from .stages.blocks import split_blocks
from .stages.heads import resolve_titles
from .stages.normalize import normalize
from .stages.repair import find_breaks
from .stages.roles import classify, line_kind


def parse(text: str, *, source: str | None = None) -> Page:
    """Parse the text of one page dump into articles.

    Args:
        text: The whole page, blocks separated by blank lines, in column order.
        source: A name for the page (usually its file name), copied into the result.

    Returns:
        The page: articles in reading order, unplaced blocks, warnings.

    Raises:
        TypeError: `text` is not a `str` (decode bytes first, or use `parse_file`).
    """
    if not isinstance(text, str):
        raise TypeError(
            f"parse() expects str, not {type(text).__qualname__}; use parse_file() for files"
        )
    clean, warnings = normalize(text)
    blocks = classify(split_blocks(clean, line_kind=line_kind))
    # The topic bigrams of the blocks, which three phases compare: each block read once.
    bigrams = TopicBigrams(char_stats())
    breaks = find_breaks(blocks, bigrams=bigrams)
    blocks = resolve_titles(blocks, breaks, bigrams=bigrams)
    return assemble(blocks, breaks, source=source, warnings=warnings, bigrams=bigrams)


def parse_file(path: str | os.PathLike[str], *, encoding: str | None = None) -> Page:
    """Read a page dump file and parse it.

    Args:
        path: The file. UTF-8 (with or without BOM), UTF-16 and GB18030 are recognised.
        encoding: Force an encoding instead of recognising it.

    Raises:
        InputError: The file is missing, a directory, or unreadable.
        DecodeError: The bytes do not decode; the message names the file and byte offset.
    """
    from .decode import read_text

    return parse(read_text(path, encoding=encoding), source=Path(path).name)
