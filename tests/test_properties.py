"""Invariants on generated and mutated pages: no crash, nothing lost, determinism."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import opencc
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newspage
from newspage import Page
from newspage._cjk import CharStats, TopicBigrams, char_stats, topic_bigrams

from .conftest import load_script

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.txt"))
GENERATE = load_script(Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py")

# Pieces of newspaper text that exercise every rule, mixed with arbitrary text.
SNIPPETS = [
    "本报讯 ",
    "本报北京3月4日电（记者 王五）",
    "新华社北京11月21日电",
    "本报记者 舒 岚 祁望舟",
    "□ 张三",
    "（张三）",
    "本报特约记者 乔 黎 摄",
    "（资料片）",
    "图为",
    "核心提示",
    "编者按：",
    "——",
    "本地快讯 KUAIXUN",
    "图说 TUSHUO",
    "责任编辑：张三",
    "（下转第二版）",
    "“",
    "”",
    "。",
    "，",
    "、",
    "：",
    "！",
    "？",
    "……",
    "\u3000\u3000",
    " ",
    "\n",
    "\n\n",
    "\n\n\n\n",
    "加快发展数字经",
    "济与实体经济",
    "葛云舟说。",
    "兴产业 美乡村 富农家",
    "2019年2月15日 星期五",
]
page_texts = st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=12)), max_size=60).map(
    "".join
)


# The contract counts the zero-width spaces as whitespace (docs/contract.md).
ZERO_WIDTH_SPACES = "\u200b\ufeff"


def printed(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace() and c not in ZERO_WIDTH_SPACES)


def output_chars(page: Page) -> Counter[str]:
    """Every place the contract keeps printed text; dateline and authors repeat text."""
    out: Counter[str] = Counter()
    for a in page.articles:
        for field in (a.kicker, a.headline, a.subheadline, a.byline, a.lead_label):
            out += printed(field or "")
        for p in a.paragraphs:
            out += printed(p)
        for sec in a.sections:
            out += printed(sec.heading or "")
        for c in a.captions:
            out += printed(c.text or "") + printed(c.credit or "")
    for u in page.unplaced:
        out += printed(u)
    return out


def assert_conserved(text: str, page: Page) -> None:
    """Nothing invented; nothing lost but a rubric's name (kept in `column`) and its
    pinyin decoration, and characters normalization removes (controls, BOM)."""
    clean = printed(newspage.stages.normalize.normalize(text)[0])
    got = output_chars(page)
    assert not got - clean, f"invented: {got - clean}"
    missing = clean - got
    # A rubric's name may stand in `column` only, once per item printed under it.
    columns = "".join(a.column for a in page.articles if a.column)
    allowed = printed(columns) + Counter(dict.fromkeys("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10**6))
    assert not missing - allowed, f"lost: {missing - allowed}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_texts)
def test_any_text_parses_conserved_and_deterministic(text: str) -> None:
    """parse() never raises on a str, loses nothing, and gives the same JSON twice."""
    page = newspage.parse(text)
    assert_conserved(text, page)
    assert json.dumps(page.to_dict(), ensure_ascii=False) == json.dumps(
        newspage.parse(text).to_dict(), ensure_ascii=False
    )


def mutate(text: str, rnd: random.Random) -> str:
    blocks = [b for b in text.split("\n\n") if b.strip()]
    op = rnd.choice(
        ["shuffle", "drop", "duplicate", "cut", "traditional", "ascii", "crlf", "bom", "wrap"]
    )
    if op == "shuffle":
        rnd.shuffle(blocks)
    elif op == "drop" and blocks:
        del blocks[rnd.randrange(len(blocks))]
    elif op == "duplicate" and blocks:
        blocks.insert(rnd.randrange(len(blocks)), rnd.choice(blocks))
    elif op == "cut" and blocks:
        i = rnd.randrange(len(blocks))
        k = rnd.randrange(1, max(2, len(blocks[i])))
        blocks[i : i + 1] = [blocks[i][:k], blocks[i][k:]]
    joined = "\n\n".join(blocks)
    if op == "traditional":
        joined = opencc.OpenCC("s2t").convert(joined)
    elif op == "ascii":
        joined = joined.translate(GENERATE.ASCII)  # a "to half-width" conversion
    elif op == "crlf":
        joined = joined.replace("\n", "\r\n")
    elif op == "bom":
        joined = "\ufeff" + joined
    elif op == "wrap":
        joined = "\n".join(joined[i : i + 17] for i in range(0, len(joined), 17))
    return joined


def assert_joins_kept(text: str, page: Page) -> None:
    """Every join the repair chose is in an article: the two pieces of a paragraph never
    go to two articles (the join would be in neither)."""
    from newspage.stages.blocks import split_blocks
    from newspage.stages.repair import find_breaks
    from newspage.stages.roles import classify, line_kind

    clean = newspage.stages.normalize.normalize(text)[0]
    breaks = find_breaks(classify(split_blocks(clean, line_kind=line_kind)))
    assert sum(len(a.joins) for a in page.articles) == len(breaks)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.sampled_from(GOLDEN))
def test_mutated_sample_pages(seed: int, path: Path) -> None:
    """Sample pages shuffled, cut, converted, re-encoded still parse with nothing lost,
    and every column-break join the repair chose is kept."""
    text = mutate(path.read_text("utf-8"), random.Random(seed))
    page = newspage.parse(text)
    assert_conserved(text, page)
    assert_joins_kept(text, page)


def test_same_json_across_processes() -> None:
    """Byte-identical JSON in a fresh interpreter with another hash seed."""
    import os
    import subprocess
    import sys

    path = GOLDEN[0]
    code = (
        "import newspage, json; "
        f"print(json.dumps(newspage.parse_file({str(path)!r}).to_dict(), ensure_ascii=False))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1
    assert json.loads(outs.pop()) == newspage.parse_file(path).to_dict()


# Pieces of text for the topic-bigram windows: Han runs that a joint extends, rare and
# common bigrams, punctuation and Latin that break runs, and empty pieces.
BIGRAM_PIECES = [
    "",
    "经",
    "济与实体经济",
    "加快发展数字经",
    "广西",
    "，",
    "a1",
    "发展我们",
    "春运返程",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(BIGRAM_PIECES), st.text(alphabet="广西春运，a经济 ", max_size=8)),
        max_size=8,
    ),
    st.integers(min_value=1, max_value=40),
)
def test_topic_bigram_windows_match_the_joined_text(pieces: list[str], size: int) -> None:
    """The windows made from the bigrams of each piece are those of the joined text."""
    stats = char_stats()
    bigrams = TopicBigrams(stats)
    joined = "".join(pieces)
    assert bigrams.head(pieces, size) == topic_bigrams(joined[:size], stats)
    assert bigrams.tail(pieces, size) == topic_bigrams(joined[-size:], stats)
    assert bigrams.of(joined) == _topic_bigram_list(joined, stats)


def _topic_bigram_list(text: str, stats: CharStats) -> list[str]:
    """What `TopicBigrams.of` gives, spelled out: the Han bigrams of `text` not too
    common to carry a topic, each time it occurs, in order."""
    runs = regex.findall(r"\p{Han}{2,}", text)
    return [
        run[i : i + 2]
        for run in runs
        for i in range(len(run) - 1)
        if run[i : i + 2] not in stats.common
    ]
