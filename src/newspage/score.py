"""Score page JSON against hand-checked gold pages: the metrics the parser is judged by.

Both sides are pages in the JSON contract `newspage/1` (`Page.to_dict()`); a gold page's
articles may also carry `joins`, the column breaks that had to be repaired, as
`[end of first piece, start of second piece]`, and `unscored`, fields not to score.

Every text is compared after `normalize`: NFKC, whitespace removed. The metrics:

* Articles are paired greedily (`match_articles`) by the characters of the paragraphs they
  share, plus a large bonus when their titles agree (`titles_match`).
* `title_f1`: articles with a title, a true positive for each pair whose titles agree.
* `para_f1`: paragraphs (lead and sections); a true positive for each paragraph of a gold
  article also found in its paired article; every predicted paragraph counts as predicted.
* `order`: mean over paired articles of the share of paragraph pairs in gold order
  (`concordance`); 0 when there is nothing to compare.
* `join_recall`: gold joins whose two pieces are found together in some predicted paragraph.
* `auth_f1`, `cap_f1`, `head_f1`, `byl_f1`: authors' names, caption texts and credits,
  section headings and bylines, compared between paired articles as multisets.
* `subheadline_acc`, `dateline_acc`, `column_acc`, `kind_acc`: paired articles (and gold
  articles left unpaired) where the field agrees, leading dashes ignored; an article where
  both sides are null does not count.
* `score`: 0.35 para_f1 + 0.2 join_recall + 0.15 title_f1 + 0.1 order + 0.2 x the mean of
  the eight field metrics above.

Counts are added over the pages before the ratios are taken (micro-averaging).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

JSONDict = Mapping[str, Any]
"""A page or an article as `json.load` gives it."""

FIELDS: tuple[str, ...] = ("subheadline", "dateline", "column", "kind")
"""Single-valued article fields scored by accuracy."""

TITLE_BONUS = 10_000
"""Added to the overlap of two articles whose titles agree, so that titles pair first."""

_SPACE = re.compile(r"\s+")
_DASHES = "\u2014-\u2013"  # em dash, hyphen, en dash


def normalize(text: str | None, *, strip_dash: bool = False) -> str:
    """`text` as compared: NFKC, without whitespace; "" for None or "".

    Args:
        text: A string from a page, or None.
        strip_dash: Also drop leading dashes (a subheadline's `——`).
    """
    if not text:
        return ""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    return text.lstrip(_DASHES) if strip_dash else text


def title(article: JSONDict) -> str:
    """Kicker and headline, normalized."""
    return normalize((article.get("kicker") or "") + (article.get("headline") or ""))


def full_title(article: JSONDict) -> str:
    """Kicker, headline and subheadline, normalized."""
    return normalize(
        (article.get("kicker") or "")
        + (article.get("headline") or "")
        + (article.get("subheadline") or "")
    )


def titles_match(gold: JSONDict, pred: JSONDict) -> bool:
    """Whether a gold article with a title has the same title as `pred`.

    Kicker and headline must agree, or else the whole title with the subheadline, so that
    lines split differently between kicker, headline and subheadline still agree.
    """
    gold_title = title(gold)
    return bool(gold_title) and (gold_title == title(pred) or full_title(gold) == full_title(pred))


def paragraphs(article: JSONDict) -> list[str]:
    """The lead paragraphs then those of every section, normalized, empty ones dropped."""
    texts: list[str] = list(article.get("lead") or [])
    for section in article.get("sections") or []:
        texts += section.get("paragraphs") or []
    return [p for p in map(normalize, texts) if p]


@dataclass
class Tally:
    """True positives, predicted and gold items of one metric."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        """Add `other`'s counts to these."""
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def f1(self) -> float:
        """The F1 measure; precision (recall) is 1 when nothing was predicted (expected)
        and nothing was expected (predicted), else 0."""
        precision = _ratio(self.tp, self.predicted, empty=1.0 if self.gold == 0 else 0.0)
        recall = _ratio(self.tp, self.gold, empty=1.0 if self.predicted == 0 else 0.0)
        total = precision + recall
        return 2 * precision * recall / total if total else 0.0


def _ratio(part: float, whole: int, *, empty: float) -> float:
    return part / whole if whole else empty


@dataclass
class Hits:
    """How many of `n` cases were right (`hits` may be a sum of fractions)."""

    hits: float = 0
    n: int = 0

    def add(self, other: Hits) -> None:
        """Add `other`'s counts to these."""
        self.hits += other.hits
        self.n += other.n

    def ratio(self, empty: float) -> float:
        """hits / n, or `empty` when there were no cases."""
        return _ratio(self.hits, self.n, empty=empty)


@dataclass
class Counts:
    """Everything counted on one page or, added up, on many."""

    title: Tally = field(default_factory=Tally)
    para: Tally = field(default_factory=Tally)
    auth: Tally = field(default_factory=Tally)
    cap: Tally = field(default_factory=Tally)
    head: Tally = field(default_factory=Tally)
    byl: Tally = field(default_factory=Tally)
    joins: Hits = field(default_factory=Hits)
    order: Hits = field(default_factory=Hits)
    """Sum of per-article concordances over the number of articles that had one."""
    fields: dict[str, Hits] = field(default_factory=lambda: {f: Hits() for f in FIELDS})

    def add(self, other: Counts) -> None:
        """Add `other`'s counts to these."""
        for name in ("title", "para", "auth", "cap", "head", "byl"):
            getattr(self, name).add(getattr(other, name))
        self.joins.add(other.joins)
        self.order.add(other.order)
        for name in FIELDS:
            self.fields[name].add(other.fields[name])


def multiset_tally(gold: Iterable[str], pred: Iterable[str]) -> Tally:
    """Compare two multisets of strings, empty strings left out."""
    gold_counts = Counter(x for x in gold if x)
    pred_counts = Counter(x for x in pred if x)
    return Tally(
        tp=sum((gold_counts & pred_counts).values()),
        predicted=sum(pred_counts.values()),
        gold=sum(gold_counts.values()),
    )


def concordance(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """The share of pairs of paragraphs found on both sides that `pred` has in gold order.

    Each paragraph counts once, at its first place. None when fewer than two are shared.
    """
    position: dict[str, int] = {}
    for i, text in enumerate(pred):
        position.setdefault(text, i)
    shared = [text for text in dict.fromkeys(gold) if text in position]
    pairs = list(itertools.combinations(shared, 2))
    if not pairs:
        return None
    return sum(position[a] < position[b] for a, b in pairs) / len(pairs)


def match_articles(gold: Sequence[JSONDict], pred: Sequence[JSONDict]) -> dict[int, int]:
    """Pair gold articles with predicted ones, each at most once.

    The weight of a pair is the number of characters of the paragraphs they share, plus
    `TITLE_BONUS` if `titles_match`; pairs are taken greedily, heaviest first (ties: the
    later gold, then the later predicted article first). Pairs of weight 0 are never made.

    Returns:
        The index of the paired predicted article for each paired gold article's index.
    """
    pred_paragraphs = [Counter(paragraphs(p)) for p in pred]
    weighted: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        gold_paragraphs = Counter(paragraphs(g))
        for pi, p in enumerate(pred):
            shared = gold_paragraphs & pred_paragraphs[pi]
            weight = sum(len(text) * n for text, n in shared.items())
            if titles_match(g, p):
                weight += TITLE_BONUS
            if weight:
                weighted.append((weight, gi, pi))
    weighted.sort(reverse=True)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, gi, pi in weighted:
        if gi not in pairs and pi not in taken:
            pairs[gi] = pi
            taken.add(pi)
    return pairs


def score_page(gold: JSONDict, pred: JSONDict | None) -> Counts:
    """Count what `pred` got right of `gold`; None stands for a page without articles."""
    gold_articles: list[JSONDict] = gold["articles"]
    pred_articles: list[JSONDict] = (pred or {}).get("articles", [])
    pairs = match_articles(gold_articles, pred_articles)
    counts = Counts()

    counts.title.gold = sum(1 for a in gold_articles if title(a))
    counts.title.predicted = sum(1 for a in pred_articles if title(a))
    counts.title.tp = sum(
        titles_match(gold_articles[g], pred_articles[p]) for g, p in pairs.items()
    )

    for gi, g in enumerate(gold_articles):
        gold_paras = paragraphs(g)
        counts.para.gold += len(gold_paras)
        if gi in pairs:
            pred_paras = paragraphs(pred_articles[pairs[gi]])
            counts.para.tp += multiset_tally(gold_paras, pred_paras).tp
            share = concordance(gold_paras, pred_paras)
            if share is not None:
                counts.order.hits += share
                counts.order.n += 1
    counts.para.predicted = sum(len(paragraphs(p)) for p in pred_articles)

    everywhere = [text for p in pred_articles for text in paragraphs(p)]
    for g in gold_articles:
        for end, start in g.get("joins", []):
            joined = normalize(end) + normalize(start)
            counts.joins.n += 1
            counts.joins.hits += any(joined in text for text in everywhere)

    for gi, g in enumerate(gold_articles):
        p: JSONDict = pred_articles[pairs[gi]] if gi in pairs else {}
        _count_fields(g, p, counts)
    return counts


def _count_fields(gold: JSONDict, pred: JSONDict, counts: Counts) -> None:
    """The field metrics of one gold article and its paired article (or `{}`)."""
    for name in FIELDS:
        if gold.get(name) is None and pred.get(name) is None:
            continue
        hits = counts.fields[name]
        hits.n += 1
        hits.hits += normalize(gold.get(name), strip_dash=True) == normalize(
            pred.get(name), strip_dash=True
        )
    if "authors" not in gold.get("unscored", []):
        counts.auth.add(
            multiset_tally(
                [normalize(a["name"]) for a in gold.get("authors", [])],
                [normalize(a.get("name")) for a in pred.get("authors", []) or []],
            )
        )
    counts.cap.add(
        multiset_tally(
            [normalize(c.get(k)) for c in gold.get("captions", []) for k in ("text", "credit")],
            [
                normalize(c.get(k))
                for c in pred.get("captions", []) or []
                for k in ("text", "credit")
            ],
        )
    )
    counts.head.add(
        multiset_tally(
            [normalize(s["heading"]) for s in gold.get("sections", [])],
            [normalize(s.get("heading")) for s in pred.get("sections", []) or []],
        )
    )
    counts.byl.add(multiset_tally([normalize(gold.get("byline"))], [normalize(pred.get("byline"))]))


def summarize(counts: Counts) -> dict[str, float]:
    """The metrics of `counts`, in a fixed order, ending with the weighted `score`."""
    metrics: dict[str, float] = {
        "title_f1": counts.title.f1(),
        "para_f1": counts.para.f1(),
        "auth_f1": counts.auth.f1(),
        "cap_f1": counts.cap.f1(),
        "head_f1": counts.head.f1(),
        "byl_f1": counts.byl.f1(),
        "join_recall": counts.joins.ratio(empty=1.0),
        "order": counts.order.ratio(empty=0.0),
    }
    for name in FIELDS:
        metrics[f"{name}_acc"] = counts.fields[name].ratio(empty=1.0)
    names = ("auth_f1", "cap_f1", "head_f1", "byl_f1", *(f"{name}_acc" for name in FIELDS))
    field_metrics = [metrics[k] for k in names]
    metrics["score"] = (
        0.35 * metrics["para_f1"]
        + 0.2 * metrics["join_recall"]
        + 0.15 * metrics["title_f1"]
        + 0.1 * metrics["order"]
        + 0.2 * sum(field_metrics) / len(field_metrics)
    )
    return metrics


def format_metrics(label: str, metrics: Mapping[str, float]) -> str:
    """One text row: `label k=v ...` with three decimals."""
    return " ".join([label, *(f"{k}={v:.3f}" for k, v in metrics.items())])


class ScoreError(Exception):
    """A gold or predicted file cannot be read as a page."""


def gold_name(path: str) -> str:
    """The page name of a gold file: `NAME.gold.json` and `NAME.json` give `NAME`."""
    base = os.path.basename(path)
    for suffix in (".gold.json", ".json"):
        if base.endswith(suffix):
            return base[: -len(suffix)]
    return os.path.splitext(base)[0]


def pair_files(gold: str, pred: str) -> list[tuple[str, str, str]]:
    """The (name, gold file, predicted file) to compare, sorted by gold file.

    Args:
        gold: A gold file, or a directory whose `*.gold.json` files (if it has any, else
            its `*.json` files) are gold pages.
        pred: The predicted file, or a directory holding `NAME.json` for each gold page.

    Raises:
        ScoreError: `gold` does not exist or has no pages, or `gold` is a directory and
            `pred` is not.
    """
    if os.path.isdir(gold):
        names = sorted(n for n in os.listdir(gold) if n.endswith(".json"))
        golds = [n for n in names if n.endswith(".gold.json")] or names
        files = [os.path.join(gold, n) for n in golds if os.path.isfile(os.path.join(gold, n))]
        if not files:
            raise ScoreError(f"{gold}: no .json files in this directory")
        if not os.path.isdir(pred):
            raise ScoreError(f"{pred}: not a directory (GOLD is one)")
    elif os.path.exists(gold):
        files = [gold]
    else:
        raise ScoreError(f"{gold}: no such file")
    result = []
    for path in files:
        name = gold_name(path)
        target = os.path.join(pred, name + ".json") if os.path.isdir(pred) else pred
        result.append((name, path, target))
    return result


def read_page(path: str, *, missing_ok: bool) -> JSONDict | None:
    """The page in JSON file `path`; None if it does not exist and `missing_ok`.

    Raises:
        ScoreError: The file cannot be read or is not a JSON object with `articles`
            (a predicted page may lack `articles`).
    """
    try:
        with open(path, encoding="utf-8") as file:
            page = json.load(file)
    except FileNotFoundError:
        if missing_ok:
            return None
        raise ScoreError(f"{path}: no such file") from None
    except OSError as exc:
        raise ScoreError(f"{path}: cannot read: {(exc.strerror or str(exc)).lower()}") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        raise ScoreError(f"{path}: not JSON: {exc}") from None
    if not isinstance(page, dict) or (not missing_ok and "articles" not in page):
        raise ScoreError(f"{path}: not a page (a JSON object with articles)")
    return page


def score_files(gold: str, pred: str) -> tuple[list[tuple[str, dict[str, float]]], Counts]:
    """Score every gold page under `gold` against its prediction under `pred`.

    Returns:
        The metrics of each page with its name, and the counts over all pages.

    Raises:
        ScoreError: As `pair_files` and `read_page` say.
    """
    total = Counts()
    rows = []
    for name, gold_file, pred_file in pair_files(gold, pred):
        gold_page = read_page(gold_file, missing_ok=False)
        assert gold_page is not None
        pred_page = read_page(pred_file, missing_ok=True)
        if pred_page is None:
            print(
                f"newspage: {pred_file}: missing, scored as a page without articles",
                file=sys.stderr,
            )
        counts = score_page(gold_page, pred_page)
        total.add(counts)
        rows.append((name, summarize(counts)))
    return rows, total


def score_command(gold: str, pred: str, *, verbose: bool = False, as_json: bool = False) -> int:
    """`newspage score GOLD PRED`: print the metrics; return the exit status (0 or 1)."""
    try:
        rows, total = score_files(gold, pred)
    except ScoreError as exc:
        print(f"newspage: {exc}", file=sys.stderr)
        return 1
    summary = summarize(total)
    lines: list[str] = []
    if as_json:
        if verbose:
            lines += [json.dumps({"page": name, **m}, ensure_ascii=False) for name, m in rows]
        lines.append(json.dumps({"pages": len(rows), **summary}))
    else:
        if verbose:
            lines += [format_metrics(name, m) for name, m in rows]
        lines.append(format_metrics("summary", summary))
        lines.append(f"score: {summary['score']:.3f}")
    print("\n".join(lines))
    return 0
