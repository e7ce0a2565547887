"""Tests for the benchmark scripts: the accuracy benchmark's `--oracle-joins` (the gold
joins as the repair's), the generator's house styles and grid layout, the speed
benchmark's stages."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import newspage
from newspage.stages.blocks import Block, split_blocks
from newspage.stages.normalize import normalize
from newspage.stages.roles import classify, line_kind

from .conftest import load_script

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    return load_script(BENCHMARKS / "accuracy.py")


def blocks_of(text: str) -> tuple[Block, ...]:
    return classify(split_blocks(normalize(text)[0], line_kind=line_kind))


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
    oracle = accuracy.parse_with_oracles(text, gold, name).to_dict()
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


# A story with a byline, then a title line the heads phase has to weigh: the subhead of
# the story, or the headline of a story with no byline of its own.
_WEIGHED_PAGE = (
    "山区村道通到家门口\n\n本报记者 王大海\n\n"
    + "全县今年新修村道三十多公里，群众出行更方便了，沿路的果园也有了新的销路。\n\n" * 3
    + "果园有了新销路\n\n"
    + "岭下村的果农林知夏说，往年果子卖不出去，今年客商开着车进了村。\n\n" * 3
)


@pytest.mark.parametrize("opens_story", [True, False])
def test_the_title_oracle_decides_a_weighed_title_line(
    accuracy: ModuleType, opens_story: bool
) -> None:
    line = "果园有了新销路"
    if opens_story:
        gold = {"articles": [{"headline": "山区村道通到家门口"}, {"headline": line}]}
    else:
        gold = {
            "articles": [
                {"headline": "山区村道通到家门口", "sections": [{"heading": line}]},
            ]
        }
    page = accuracy.parse_with_oracles(_WEIGHED_PAGE, gold, "p.txt", joins=False, titles=True)
    headlines = [a.headline for a in page.articles]
    headings = [s.heading for a in page.articles for s in a.sections if s.heading]
    assert (line in headlines, line in headings) == (opens_story, not opens_story)


def test_the_title_oracle_weighs_a_line_the_gold_does_not_know(accuracy: ModuleType) -> None:
    decide = accuracy.gold_title_decision({"articles": [{"headline": "甲", "kicker": "乙"}]})
    blocks = blocks_of("甲\n\n乙\n\n丙")
    assert [decide(b) for b in blocks] == [True, True, None]


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
    generate: ModuleType, n: int, house: str = "local", layout: str = "frames"
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
            layout=layout,
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


# The generator's grid layout (`--layout grid`): modules on a page of columns, read as a PDF
# text extractor reads it.
def fingerprint(pages: list[tuple[str, dict[str, Any]]]) -> str:
    """One hash of the dumps and gold answers of some pages."""
    digest = hashlib.sha256()
    for text, gold in pages:
        digest.update(text.encode())
        digest.update(json.dumps(gold, ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def made_up_pages(generate: ModuleType, **layout: str) -> list[tuple[str, dict[str, Any]]]:
    """24 pages of the made-up articles: four variants (none needs OpenCC), two houses."""
    pages = []
    for house in ("rmrb", "local"):
        for seed in range(12):
            page = generate.generate(
                ROWS,
                random.Random(seed),
                ("plain", "halfwidth", "hardwrap", "indent")[seed % 4],
                source=f"{seed}.txt",
                house=house,
                house_rng=random.Random(f"house:{seed}"),
                **layout,
            )
            pages.append((page.text, page.gold))
    return pages


def test_the_frames_layout_prints_what_it_printed_before_the_grid(generate: ModuleType) -> None:
    """The published figures were measured on frames pages: the grid must not change a
    byte of them. The fingerprint was taken before the grid existed; a deliberate change
    of the frames layout must measure the figures again and update it."""
    default = made_up_pages(generate)
    assert made_up_pages(generate, layout="frames") == default
    assert fingerprint(default) == "e6e3a3ce7057be48"
    assert all("layout" not in gold for _, gold in default)


@pytest.mark.parametrize("house", ["rmrb", "local", "hktw"])
def test_grid_pages_keep_the_gold_sound(generate: ModuleType, house: str) -> None:
    for text, gold in house_pages(generate, 30, house, layout="grid"):
        assert generate.check_page(text, gold) == []
        assert gold["layout"] == "grid"


def test_a_grid_page_prints_the_plan_of_its_frames_page(generate: ModuleType) -> None:
    # Same seed, same stories, roles and conventions: only where the pieces go differs.
    def stories(gold: dict[str, Any]) -> dict[str, Any]:
        return {
            a["headline"]: (a["byline"], a["dateline"], a["sections"], len(a["captions"]))
            for a in gold["articles"]
        }

    grid = made_up_pages(generate, layout="grid")
    for (_, frames_gold), (_, grid_gold) in zip(made_up_pages(generate), grid, strict=True):
        assert stories(grid_gold) == stories(frames_gold)
        assert grid_gold["variant"] == frames_gold["variant"]


def test_the_grid_pours_a_story_down_its_columns(generate: ModuleType) -> None:
    unit = generate.Unit
    text = "全县今年新修村道三十多公里，群众出行更方便了，沿路的果园也有了新的销路。"
    units = [unit(text * 3, "para", 0), unit("路通了以后", "heading"), unit(text, "para", 1)]
    paragraphs = {u.key: u.text for u in units if u.role == "para"}
    cut = 0
    for height in range(3, 12):
        columns = generate.grid_pour(0, units, [], 3, height, 12)
        if columns is None:  # too little room: the caller tries taller columns
            continue
        blocks = [b for column in columns for b in column]
        # Every character once, in reading order; the pieces of a paragraph numbered.
        assert "".join(b.text for b in blocks) == "".join(u.text for u in units)
        pieces = [b.piece for b in blocks if b.piece and b.piece[1] == 0]
        assert pieces == [(0, 0, k) for k in range(len(pieces))]
        cut += len(pieces) > 1
        for column in columns:
            assert not column or column[-1].role != "heading"  # a subhead never ends one
            for b in column[:-1]:  # only a column's last block may end mid-paragraph
                assert b.role != "para" or paragraphs[b.piece[1]].endswith(b.text)
    assert cut
    assert generate.grid_pour(0, units, [], 1, 3, 12) is None  # too much for one column


CORPUS_DATES = ("20190201", "20190228")


@pytest.fixture(scope="module")
def corpus(generate: ModuleType) -> list[dict[str, Any]]:
    if not generate.DEFAULT_CORPUS.exists():
        pytest.skip(f"{generate.DEFAULT_CORPUS} not found (the corpus sits beside the repo)")
    rows: list[dict[str, Any]] = generate.load_corpus(generate.DEFAULT_CORPUS)
    return rows


def test_frames_pages_of_the_corpus_are_unchanged(
    generate: ModuleType, corpus: list[dict[str, Any]]
) -> None:
    """As the made-up pages' fingerprint above, on the first pages of two runs."""
    found = []
    for variant, house in (("hardwrap", "rmrb"), ("plain", "local")):
        run = generate.generate_run(corpus, 10, 1, variant, CORPUS_DATES, house)
        found.append(fingerprint([(page.text, page.gold) for _, page in run]))
    assert found == ["96b8b5d655bf4253", "ba698b50a3d6f708"]


def test_grid_pages_interleave_the_columns_of_their_stories(
    generate: ModuleType, corpus: list[dict[str, Any]]
) -> None:
    """On a page read column by column, a paragraph cut at the bottom of a module column
    continues after what lies below it: blocks of another story come between the pieces."""
    interleaved = 0
    by_module = 0
    for _, page in generate.generate_run(corpus, 30, 1, "mixed", CORPUS_DATES, "rmrb", "grid"):
        assert generate.check_page(page.text, page.gold) == []
        blocks = [generate.bare(b) for b in generate.dump_blocks(page.text)]
        owner: dict[int, int] = {}  # block -> the article whose text holds it
        for n, article in enumerate(page.gold["articles"]):
            texts = [
                article["headline"],
                *(p for s in article["sections"] for p in s["paragraphs"]),
            ]
            for i, block in enumerate(blocks):
                if any(block in generate.bare(t) for t in texts):
                    owner.setdefault(i, n)
        for n, article in enumerate(page.gold["articles"]):
            for tail, head in article["joins"]:
                first = next(i for i, b in enumerate(blocks) if b.endswith(generate.bare(tail)))
                second = next(
                    i
                    for i, b in enumerate(blocks)
                    if i != first and b.startswith(generate.bare(head))
                )
                assert first < second  # the next column is read later, never earlier
                between = {owner.get(i) for i in range(first + 1, second)} - {n, None}
                interleaved += bool(between)
        by_module += page.stats.by_module
        assert page.stats.columns >= 5
    assert interleaved >= 20
    assert 0 < by_module < 30


def test_the_accuracy_benchmark_scores_grid_pages(
    accuracy: ModuleType, corpus: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    if not accuracy.generate.SCORER.exists():
        pytest.skip(f"{accuracy.generate.SCORER} not found")
    assert accuracy.main(["--pages", "3", "--layout", "grid", "--variant", "plain"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].startswith("plain ")
    assert rows[2].startswith("all ")
    assert rows[2].split()[-1] == "3"


def test_the_accuracy_benchmark_prints_pages_without_blank_lines(
    accuracy: ModuleType,
    corpus: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """`--no-blank-lines`: the dumps it keeps (and parses) have no blank line left, and
    the same printed characters as the pages with blank lines."""
    if not accuracy.generate.SCORER.exists():
        pytest.skip(f"{accuracy.generate.SCORER} not found")
    argv = ["--pages", "3", "--variant", "hardwrap"]
    assert accuracy.main([*argv, "--keep", str(tmp_path / "with")]) == 0
    assert accuracy.main([*argv, "--no-blank-lines", "--keep", str(tmp_path / "without")]) == 0
    assert capsys.readouterr().out.splitlines()[-3].split()[-1] == "3"
    names = sorted(p.name for p in (tmp_path / "with").glob("*.txt"))
    assert len(names) == 3
    assert names == sorted(p.name for p in (tmp_path / "without").glob("*.txt"))
    for name in names:
        with_blanks = (tmp_path / "with" / name).read_text("utf-8")
        without = (tmp_path / "without" / name).read_text("utf-8")
        assert "\n\n" not in without
        assert without.split() == with_blanks.split()
