"""List the lines of the repository that quote the development corpus or the sample pages.

The project ships no text of the 人民日报 articles it measures itself on (the corpus,
``../shared/corpus/rmrb-2019-02.jsonl``), and its code, tests and docs use invented
examples rather than the sample pages' text (which lives in ``tests/golden/`` only, read
by the golden tests; the docs may show the parse of a sample page). This script finds the
lines that break the rule: a line sharing a run of ``--length`` characters or more
(default 12, widths folded and whitespace removed) with an article of the corpus, or, in
code and tests, with a sample page; and, in the library code, a line that names one of
the sample pages' people. The trade's formulas are masked
first, since every paper prints them (``新华社北京2月1日电``, ``本文图片由本报特约记者``,
``摄影报道（影像中国）``): they are conventions, not quotations.

Cost: one pass over the corpus, looking up its windows among those of the repository's
lines (about 60,000 strings), about a second.

    python tools/check_quotes.py            # exit 1 and list the lines if any quote
    python tools/check_quotes.py --length 10
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "rmrb-2019-02.jsonl"
SAMPLES = ROOT / "tests" / "golden"
# What is checked: the project's own text. The sample pages and the tests that read
# them as a whole (`test_golden.py` asserts on their gold answers) are where they belong.
CHECKED = ("src", "tests", "docs", "benchmarks", "tools", "README.md", "CHANGELOG.md")
# Checked against the sample pages too: the code and the tests (the docs show the parse of
# a sample page as the README's first command prints it).
CODE = ("src", "tests", "benchmarks", "tools")
EXEMPT = ("tests/golden/", "tests/test_golden.py")
# Searched for the names of the sample pages' people: the library code.
LIBRARY = ("src",)
SUFFIXES = (".py", ".md", ".toml", ".yml", ".json", ".txt")

# The trade's formulas, masked before the look-up (matched on the folded text).
FORMULA_RE = regex.compile(
    r"""
      \(?据?(?:本报|新华社|中新社)[\p{Han}、]{0,12}?(?:\d{1,2}月\d{1,2}日)?电\)?
        (?:\(?记者)?                                  # (新华社北京2月18日电) 本报北京2月1日电(记者
    | 本文图片由本报(?:特约)?记者                      # 本文图片由本报特约记者…摄
    | 摄影报道\((?:影像中国|人民视觉|新华社发)\)       # …摄影报道(影像中国)
    | (?:本版)?图片来源:人民视觉                       # 本版图片来源:人民视觉
    | 数据来源:国家统计局                              # a chart's source line
    | \(作者单位:[\p{Han}]{2,20}\)                    # (作者单位:中国社会科学院)
    | \(摘编自\d{1,2}月\d{1,2}日《                     # (摘编自2月11日《…》)
    """,
    regex.VERBOSE,
)


def fold(text: str) -> str:
    """Full-width forms to half-width, whitespace removed: how a quotation is compared."""
    return regex.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def checked_files(root: Path = ROOT, names: tuple[str, ...] = CHECKED) -> list[Path]:
    """The repository's text files under `names`, less `EXEMPT`, in a fixed order."""
    out: list[Path] = []
    for name in names:
        path = root / name
        found = [path] if path.is_file() else sorted(path.rglob("*"))
        for p in found:
            rel = p.relative_to(root).as_posix()
            if p.is_file() and p.suffix in SUFFIXES and not rel.startswith(EXEMPT):
                out.append(p)
    return out


def sample_texts() -> list[str]:
    """The text of each sample page."""
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def sample_names() -> set[str]:
    """The people the sample pages name: the authors and photographers of their answers.
    A name is shorter than a quotation, so the library code is searched for them apart:
    its examples name invented people (`王大海`), never the sample pages' reporters, nor
    anyone whose name holds one (`周明` in `周明远`)."""
    names: set[str] = set()
    for path in sorted(SAMPLES.glob("*.gold.json")):
        for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            names.update(a["name"] for a in article.get("authors") or ())
            for caption in article.get("captions") or ():
                names.update(caption.get("photographers") or ())
    return {fold(n) for n in names if n}


def namings(
    files: Iterable[Path], names: Iterable[str], root: Path = ROOT
) -> list[tuple[str, int, str]]:
    """(file, line number, name) for each line of `files` that holds one of `names`."""
    found: list[tuple[str, int, str]] = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = fold(line)
            found.extend((rel, number, n) for n in sorted(names) if n in text)
    return found


def corpus_texts(path: Path = CORPUS) -> Iterator[str]:
    """Every title and paragraph of the corpus."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            yield article.get("kicker") or ""
            yield article.get("headline") or ""
            yield article.get("subtitle") or ""
            yield from article.get("paragraphs") or ()


def quotations(
    files: Iterable[Path], sources: Iterable[str], length: int, root: Path = ROOT
) -> list[tuple[str, int, str]]:
    """(file, line number, quoted run) for each line of `files` that shares a run of
    `length` characters or more with one of `sources` (formulas masked)."""
    windows: dict[str, list[tuple[str, int]]] = {}
    for path in files:
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # A masked formula is a gap no window crosses.
            text = FORMULA_RE.sub("\0", fold(line))
            if not regex.search(r"\p{Han}", text):
                continue
            for i in range(len(text) - length + 1):
                w = text[i : i + length]
                if "\0" not in w:
                    windows.setdefault(w, []).append((rel, number))
    found: dict[tuple[str, int], set[str]] = {}
    for source in sources:
        s = fold(source)
        for i in range(len(s) - length + 1):
            hit = windows.get(s[i : i + length])
            if hit:
                for where in hit:
                    found.setdefault(where, set()).add(s[i : i + length])
    return [(rel, n, min(found[rel, n])) for rel, n in sorted(found)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--length", type=int, default=12, help="shortest quoted run")
    args = parser.parse_args(argv)
    hits = quotations(checked_files(names=CODE), sample_texts(), args.length)
    hits += namings(checked_files(names=LIBRARY), sample_names())
    if CORPUS.exists():
        hits += quotations(checked_files(), corpus_texts(), args.length)
    else:
        print(f"note: {CORPUS} not found; checked against the sample pages only", file=sys.stderr)
    hits = sorted(set(hits))
    for rel, n, run in hits:
        print(f"{rel}:{n}: quotes or names {run!r}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
