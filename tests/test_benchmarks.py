"""Tests for the benchmark scripts: the accuracy benchmark's `--oracle-joins` (the gold
joins as the repair's), the generator's house styles, the speed benchmark's stages."""

from __future__ import annotations

import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

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


# The generator's house styles, on made-up articles (the corpus is not needed).
_PARAGRAPH = "全县今年新修村道三十多公里，群众出行更方便了，沿路的果园也有了新的销路。"
ROWS = [
    {
        "date": "20190301",
        "page": 5,
        "order": 1,
        "headline": "山区村道通到家门口",
        "paragraphs": [
            "本报记者 王大海 李小川",
            *(_PARAGRAPH for _ in range(4)),
            "路通了以后",
            *(_PARAGRAPH for _ in range(3)),
            "图为村民在新修的道路上散步。",
            "赵明远摄",
        ],
    },
    {
        "date": "20190301",
        "page": 5,
        "order": 2,
        "headline": "春耕备耕有序推进",
        "paragraphs": [
            "本报南宁2月28日电 （记者陈一帆）" + _PARAGRAPH,
            *(_PARAGRAPH for _ in range(3)),
        ],
    },
]


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return load_script(BENCHMARKS / "generate.py")


def house_pages(
    generate: ModuleType, n: int, house: str = "local"
) -> list[tuple[str, dict[str, Any]]]:
    pages = []
    for seed in range(n):
        page = generate.generate(
            ROWS,
            random.Random(seed),
            "plain",
            source=f"{seed}.txt",
            house=house,
            house_rng=random.Random(f"house:{seed}"),
        )
        pages.append((page.text, page.gold))
    return pages


@pytest.mark.parametrize("house", ["local", "hktw"])
def test_house_pages_keep_the_gold_sound(generate: ModuleType, house: str) -> None:
    # Every printed character in the gold once, datelines opening their text, authors in
    # the byline or dateline, photographers in their credit, joins on block edges.
    for text, gold in house_pages(generate, 40, house):
        assert generate.check_page(text, gold) == []
        assert gold["house"] == house


def test_local_house_prints_other_papers_conventions(generate: ModuleType) -> None:
    bylines, datelines, credits = set(), set(), set()
    for _, gold in house_pages(generate, 40):
        for article in gold["articles"]:
            bylines.add(article["byline"])
            datelines.add(article["dateline"])
            credits.update(c["credit"] for c in article["captions"])
    assert {"■本报记者 王大海 李小川", "文/王大海 李小川"} <= bylines
    # The byline moved into the dateline, with its roles as a local paper prints them.
    assert datelines & {"本报讯（记者 王大海 李小川）", "本报讯（记者王大海 李小川）"}
    assert "本报讯（记者陈一帆）" in datelines  # 本报南宁2月28日电 as local news
    assert {"图/赵明远", "赵明远 摄"} <= credits


def test_hktw_house_prints_hong_kong_and_taiwan_conventions(generate: ModuleType) -> None:
    bylines, datelines, credits, captions = set(), set(), set(), set()
    texts = []
    for text, gold in house_pages(generate, 40, "hktw"):
        texts.append(text)
        for article in gold["articles"]:
            bylines.add(article["byline"])
            datelines.add(article["dateline"])
            credits.update(c["credit"] for c in article["captions"])
            captions.update((c["text"], c["credit"]) for c in article["captions"])
    assert "文／王大海、李小川" in bylines
    assert any(b and b.startswith("記者王大海、李小川／") for b in bylines)
    assert any(d and d.startswith("〔記者王大海、李小川／") for d in datelines)
    # 本报南宁2月28日电（记者陈一帆） as Taiwan's papers print their own or agency copy
    assert {"（中央社記者陳一帆南寧28日電）", "〔記者陳一帆／南寧報導〕"} & datelines
    assert {"圖／趙明遠", "（記者趙明遠攝）"} <= credits
    # A bracketed credit is printed right after its caption, in the same block.
    inline = ("圖為村民在新修的道路上散步。", "（記者趙明遠攝）")
    assert inline in captions
    assert any("".join(inline) in text.split("\n\n") for text in texts)
    assert not any(mark in text for text in texts for mark in "记图“”")  # Traditional, 「」


def test_moved_captions_sit_inside_their_story(generate: ModuleType) -> None:
    block = generate.Block
    frame = [block(f"第{i}段。", "para", 0) for i in range(4)]
    caption = [block("图为村道。", "caption", 0, gap=True, caption=(0, 0))]
    caption.append(block("赵明远摄", "credit", 0, glue=True, caption=(0, 0)))
    other = [block("另一篇。", "para", 1)]
    for seed in range(20):
        out = generate.move_captions([*frame, *caption, *other], random.Random(seed))
        at = out.index(caption[0])
        assert out[at + 1] is caption[1]  # the credit stays under its caption
        assert (out[at - 1] in frame and out[at + 2] in frame) or out[at + 2] is other[0]
        assert sorted(map(id, out)) == sorted(map(id, [*frame, *caption, *other]))


def test_the_speed_benchmark_times_the_stages_parse_runs() -> None:
    """`speed.py` times each phase by running the stages itself: the page they make must
    be the page `parse` makes, or the per-phase table would time another pipeline."""
    speed = load_script(BENCHMARKS / "speed.py")
    for path in sorted(GOLDEN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        page, seconds = speed.staged_parse(text)
        assert page.to_dict() == newspage.parse(text).to_dict()
        assert len(seconds) == len(speed.PHASES)
        assert all(s >= 0 for s in seconds)
