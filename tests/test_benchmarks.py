"""Tests for the accuracy benchmark's `--oracle-joins`: the gold joins as the repair's."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import newspage
from newspage.stages.blocks import Block, split_blocks
from newspage.stages.normalize import normalize
from newspage.stages.roles import classify

from .conftest import load_script

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    return load_script(BENCHMARKS / "accuracy.py")


def blocks_of(text: str) -> tuple[Block, ...]:
    return classify(split_blocks(normalize(text)[0]))


def test_gold_joins_land_on_the_blocks_they_name(accuracy: ModuleType) -> None:
    page = (
        "两地合作持续推进，全力推动新能源汽\n\n"
        "另一篇报道的一段，与上面无关。\n\n"
        "车产业链加快成型，取得新进展。\n\n"
        "企业负责人表示，将继续加大投\n\n"
        "入，扩大生产。"
    )
    gold = {
        "articles": [
            {"joins": [["推动新能源汽", "车产业链加快"], ["继续加大投", "入，扩大生产"]]},
        ]
    }
    breaks = accuracy.gold_breaks(blocks_of(page), gold)
    assert [(j.first, j.second) for j in breaks] == [(0, 2), (3, 4)]


def test_a_gold_join_whose_piece_is_missing_is_left_out(accuracy: ModuleType) -> None:
    gold = {"articles": [{"joins": [["推动新能源汽", "不在本版的下半"]]}]}
    assert accuracy.gold_breaks(blocks_of("两地合作持续推进，全力推动新能源汽"), gold) == ()


@pytest.mark.parametrize("gold_path", sorted(GOLDEN.glob("*.gold.json")), ids=lambda p: p.stem)
def test_sample_pages_parse_the_same_with_their_gold_joins(
    accuracy: ModuleType, gold_path: Path
) -> None:
    # The repair gets every join of the sample pages right, so the oracle changes nothing.
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text("utf-8")
    name = gold_path.name.replace(".gold.json", ".txt")
    oracle = accuracy.parse_with_gold_joins(text, gold, name).to_dict()
    parsed = newspage.parse(text, source=name).to_dict()
    assert sum(len(a["joins"]) for a in gold["articles"]) > 0
    evidence = [e["evidence"] for a in oracle["articles"] for e in a["join_evidence"]]
    assert evidence
    assert all(e == ["gold"] for e in evidence)  # the oracle's joins, not the repair's
    # Only what the repair says of its joins differs: their score and evidence.
    for page in (oracle, parsed):
        for article in page["articles"]:
            article.pop("join_evidence")
    assert oracle == parsed
