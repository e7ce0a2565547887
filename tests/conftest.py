"""Shared helpers for the per-stage tests."""

from __future__ import annotations

from collections.abc import Sequence

from newspage.stages.blocks import Block, split_blocks
from newspage.stages.roles import classify


def blocks_of(*texts: str, gaps: Sequence[int] | None = None) -> tuple[Block, ...]:
    """Classified blocks of a page made of `texts`, one block each, separated by one
    blank line (or by `gaps[i]` blank lines before block i)."""
    parts = []
    for i, t in enumerate(texts):
        gap = gaps[i] if gaps is not None else 1
        parts.append("\n" * (gap + 1) + t if i else t)
    return classify(split_blocks("".join(parts)))


def page_text(*texts: str) -> str:
    """A page dump: the blocks separated by blank lines."""
    return "\n\n".join(texts) + "\n"
