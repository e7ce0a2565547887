"""Shared helpers for the per-stage tests."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

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


def load_script(path: Path) -> ModuleType:
    """Import a script of the repository (`benchmarks/`, `tools/`) as a module, with its
    folder on `sys.path` while it loads (for its sibling imports) and the module in
    `sys.modules` (its dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module
