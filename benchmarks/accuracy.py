"""Score newspage on generated page dumps: the accuracy table of the benchmark.

usage: accuracy.py [--pages N] [--seed S] [--variant V] [--house H] [--layout L]
                   [--no-blank-lines] [--dates A-B] [--keep DIR | --gold DIR]
                   [--sample-pages] [--markdown] [--worst K] [--oracle-joins]
                   [--oracle-titles]

Generates N pages with ``generate.py`` (or reads the pages of ``--gold DIR``), parses every
dump with ``newspage.parse(text, source=name).to_dict()``, scores the result with
``../shared/tools/score.py`` and prints one row per variant plus ``all`` (and ``samples``
for the two real sample pages with ``--sample-pages``). Pages and predictions go to a
temporary directory; ``--keep DIR`` keeps them (``DIR/NAME.txt``, ``DIR/NAME.json``,
``DIR/pred/NAME.json``, ready for ``score.py DIR DIR/pred --verbose``); ``--worst K`` names
the pages a developer should open first (and keeps them).

``--layout grid`` generates the pages with the generator's second layout model (modules on
a page of columns, read as a PDF text extractor reads it) in place of ``frames``: the
same stories and conventions, laid out otherwise, to see how the parser generalizes.

``--no-blank-lines`` prints the generated pages without their blank lines, as e-paper text
exports and some extractors do (a block per line, or lines wrapped at a fixed width with
nothing between the paragraphs); the gold stays, as the scorer ignores whitespace.

``--oracle-joins`` runs the pipeline with the gold column-break joins in place of the
repair's (`gold_breaks`): the score it gives is the ceiling of everything after the repair
(titles, ownership, fields), which tells the cost of the joins apart from the rest.
``--oracle-titles`` gives the heads phase the gold answer for every title line it would
weigh (headline or subhead, `gold_title_decision`); with both, what is left is the cost of
the run owners and the fields.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(HERE) not in sys.path:  # generate.py sits next to this script
    sys.path.insert(0, str(HERE))

import generate  # noqa: E402

SAMPLE_PAGES = generate.SHARED / "pages"

METRICS = (
    "score", "para_f1", "join_recall", "title_f1", "order", "auth_f1", "cap_f1", "head_f1",
    "byl_f1", "subheadline_acc", "dateline_acc", "column_acc", "kind_acc",
)  # fmt: skip


def import_newspage() -> ModuleType:
    """The library under test: installed, or else from this checkout's src/."""
    try:
        import newspage
    except ImportError as exc:
        src = REPO / "src"
        if not (src / "newspage").is_dir():
            raise _cannot_import(exc) from None
        sys.path.insert(0, str(src))
        try:
            import newspage
        except ImportError as again:
            raise _cannot_import(again) from None
    if not callable(getattr(newspage, "parse", None)):
        raise _cannot_import(AttributeError("newspage has no parse()"))
    return newspage


def _cannot_import(exc: BaseException) -> SystemExit:
    print(
        f"accuracy.py: cannot import newspage ({type(exc).__name__}: {exc}).\n"
        "Install it into this interpreter (pip install -e .) or run the project's "
        ".venv/bin/python.",
        file=sys.stderr,
    )
    return SystemExit(2)


@dataclass
class Page:
    name: str  # the file name the parser is told (NAME.txt)
    text: str
    gold: dict[str, Any]
    group: str  # the table row: the variant, or "samples"
    path: Path | None = None  # where a developer can open the dump


def generated_pages(args: argparse.Namespace, out: Path) -> Iterator[Page]:
    """Generate the run's pages into `out` (NAME.txt + NAME.json), one at a time."""
    rows = generate.load_corpus(args.corpus)
    pages = generate.generate_run(
        rows, args.pages, args.seed, args.variant, args.dates, args.house, args.layout
    )
    for name, page in pages:
        if args.no_blank_lines:
            text = "\n".join(line for line in page.text.splitlines() if line.strip())
            page = replace(page, text=text + "\n")
        generate.write_page(out, name, page)
        variant = page.gold.get("variant", "?")
        if args.house == "mixed":  # a row per house: hktw, local, rmrb
            variant = page.gold["house"]
        elif args.house != "rmrb":  # a row per variant: local/plain, hktw/traditional
            variant = f"{args.house}/{variant}"
        yield Page(f"{name}.txt", page.text, page.gold, variant, out / f"{name}.txt")


def pages_in(directory: Path, group: str | None = None) -> Iterator[Page]:
    """NAME.txt with NAME.json (generated) or NAME.gold.json (the sample pages)."""
    for txt in sorted(directory.glob("*.txt")):
        for gold_path in (txt.with_suffix(".json"), txt.with_name(txt.stem + ".gold.json")):
            if gold_path.exists():
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                text = txt.read_text(encoding="utf-8")
                label = group or gold.get("variant") or "gold"  # the sample pages have none
                yield Page(txt.name, text, gold, label, txt)
                break


@dataclass
class Result:
    page: Page
    counts: Counter[str]
    seconds: float
    error: str | None


def gold_breaks(blocks: Sequence[Any], gold: dict[str, Any]) -> tuple[Any, ...]:
    """The gold joins of a page as the repair's `ColumnBreak`s: each (tail, head) of the
    gold's `joins` on the first block not yet used that ends with the tail and the first
    that starts with the head (whitespace ignored, as score.py compares)."""
    from newspage.stages.repair import ColumnBreak

    texts = [generate.bare(b.text) for b in blocks]
    used_first: set[int] = set()
    used_second: set[int] = set()
    breaks = []
    for article in gold.get("articles", []):
        for tail, head in article.get("joins", []):
            tail, head = generate.bare(tail), generate.bare(head)
            first = next(
                (i for i, t in enumerate(texts) if i not in used_first and t.endswith(tail)), None
            )
            second = next(
                (
                    i
                    for i, t in enumerate(texts)
                    if i not in used_second and i != first and t.startswith(head)
                ),
                None,
            )
            if first is None or second is None:
                continue  # a piece the page lost (never in a generated page)
            used_first.add(first)
            used_second.add(second)
            breaks.append(ColumnBreak(first, second, 10.0, ("gold",)))
    return tuple(sorted(breaks, key=lambda j: j.first))


def gold_title_decision(gold: dict[str, Any]) -> Callable[[Any], bool | None]:
    """The gold's answer to the heads phase's weighed question "does this title line open
    a story?": yes for a kicker or headline of the gold, no for a section heading, and
    None (weigh it as shipped) for a line the gold has as neither."""
    heads = {
        generate.bare(line)
        for article in gold.get("articles", [])
        for line in (article.get("kicker"), article.get("headline"))
        if line
    }
    subheads = {
        generate.bare(section["heading"])
        for article in gold.get("articles", [])
        for section in article.get("sections", [])
        if section.get("heading")
    } - heads

    def decide(block: Any) -> bool | None:
        text = generate.bare(block.text)
        return True if text in heads else False if text in subheads else None

    return decide


def parse_with_oracles(
    text: str, gold: dict[str, Any], name: str, *, joins: bool = True, titles: bool = False
) -> Any:
    """`newspage.parse`, with the gold joins in place of the column-break repair
    (`joins`) and the gold answer to every weighed title decision (`titles`)."""
    from newspage._cjk import TopicBigrams, char_stats
    from newspage.stages.assemble import assemble
    from newspage.stages.blocks import split_blocks
    from newspage.stages.heads import resolve_titles
    from newspage.stages.normalize import normalize
    from newspage.stages.repair import find_breaks
    from newspage.stages.roles import classify, line_kind

    clean, warnings = normalize(text)
    blocks = classify(split_blocks(clean, line_kind=line_kind))
    bigrams = TopicBigrams(char_stats())
    breaks = gold_breaks(blocks, gold) if joins else find_breaks(blocks, bigrams=bigrams)
    decide = gold_title_decision(gold) if titles else None
    blocks = resolve_titles(blocks, breaks, bigrams=bigrams, decide=decide)
    return assemble(blocks, breaks, source=name, warnings=warnings, bigrams=bigrams)


def run(
    pages: Iterator[Page],
    newspage: ModuleType,
    score: ModuleType,
    pred_dir: Path | None,
    oracle_joins: bool = False,
    oracle_titles: bool = False,
) -> list[Result]:
    results = []
    for page in pages:
        start = time.perf_counter()
        try:
            if oracle_joins or oracle_titles:
                pred = parse_with_oracles(
                    page.text, page.gold, page.name, joins=oracle_joins, titles=oracle_titles
                ).to_dict()
            else:
                pred = newspage.parse(page.text, source=page.name).to_dict()
            error = None
        except Exception as exc:  # a crash scores as an empty page; report it, go on
            pred, error = None, f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        if pred_dir is not None and pred is not None:
            stem = page.name.removesuffix(".txt")
            (pred_dir / f"{stem}.json").write_text(
                json.dumps(pred, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        results.append(Result(page, score.score_page(page.gold, pred), seconds, error))
    return results


def table(rows: Sequence[tuple[str, dict[str, float], int]], markdown: bool) -> str:
    header = ["variant", *METRICS, "pages"]
    cells = [[label, *(f"{summary[m]:.3f}" for m in METRICS), str(n)] for label, summary, n in rows]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return "\n".join(fmt.format(*r) for r in (header, *cells))


def report(results: Sequence[Result], score: ModuleType, args: argparse.Namespace) -> None:
    groups: dict[str, Counter[str]] = {}
    sizes: Counter[str] = Counter()
    everything: Counter[str] = Counter()
    for r in results:
        groups.setdefault(r.page.group, Counter()).update(r.counts)
        sizes[r.page.group] += 1
        if r.page.group != "samples":
            everything.update(r.counts)
    rows = [(g, score.summarize(groups[g]), sizes[g]) for g in sorted(groups) if g != "samples"]
    generated = sum(n for g, n in sizes.items() if g != "samples")
    if generated:
        rows.append(("all", score.summarize(everything), generated))
    if "samples" in groups:
        rows.append(("samples", score.summarize(groups["samples"]), sizes["samples"]))
    print(table(rows, args.markdown))

    seconds = sum(r.seconds for r in results)
    ms = seconds / max(1, len(results)) * 1000
    print(f"\nparsed {len(results)} pages in {seconds:.2f}s ({ms:.1f} ms/page)")
    errors = [r for r in results if r.error]
    if errors:
        print(f"{len(errors)} pages raised (scored as empty):")
        for r in errors[:10]:
            print(f"  {r.page.name}: {r.error}")
    if args.worst:
        print(f"\nworst {args.worst} pages by score:")
        ranked = sorted(
            ((score.summarize(r.counts), r) for r in results),
            key=lambda x: (x[0]["score"], x[1].page.name),
        )
        for summary, r in ranked[: args.worst]:
            weakest = sorted(METRICS[1:], key=lambda m: summary[m])[:3]
            detail = ", ".join(f"{m} {summary[m]:.2f}" for m in weakest)
            where = r.page.path or r.page.name
            print(f"  {summary['score']:.3f}  {r.page.group:<11} {where}  ({detail})")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--pages", type=int, default=200, help="generated pages (default 200)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variant", choices=generate.VARIANTS, default="mixed")
    ap.add_argument(
        "--house",
        choices=generate.HOUSES,
        default="rmrb",
        help="conventions of the generated pages: rmrb (default), local, mixed",
    )
    ap.add_argument(
        "--layout",
        choices=generate.LAYOUTS,
        default="frames",
        help="layout model of the generated pages: frames (default) or grid",
    )
    ap.add_argument(
        "--no-blank-lines",
        action="store_true",
        help="print the generated pages without blank lines (a block per line, or wrapped lines)",
    )
    ap.add_argument(
        "--dates",
        type=generate.parse_dates,
        default=("20190215", "20190228"),
        help=(
            "corpus date range YYYYMMDD-YYYYMMDD (default 20190215-20190228, the half of "
            "the month the shipped statistics and join weights never saw)"
        ),
    )
    ap.add_argument("--corpus", type=Path, default=generate.DEFAULT_CORPUS)
    ap.add_argument("--keep", type=Path, metavar="DIR", help="keep pages, gold and DIR/pred/ here")
    ap.add_argument("--gold", type=Path, metavar="DIR", help="score the pages in DIR instead")
    ap.add_argument("--sample-pages", action="store_true", help=f"also score {SAMPLE_PAGES}")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--worst", type=int, default=0, metavar="K", help="list the K worst pages")
    ap.add_argument(
        "--oracle-joins",
        action="store_true",
        help="parse with the gold joins in place of the repair's (the ceiling of the rest)",
    )
    ap.add_argument(
        "--oracle-titles",
        action="store_true",
        help="give the heads phase the gold answer to every headline-or-subhead decision",
    )
    args = ap.parse_args(argv)

    newspage = import_newspage()
    if not generate.SCORER.exists():
        print(f"accuracy.py: scorer not found at {generate.SCORER}", file=sys.stderr)
        return 2
    score = generate.load_scorer()

    if args.gold is None and not args.corpus.exists():
        print(f"accuracy.py: no corpus at {args.corpus} (use --corpus or --gold)", file=sys.stderr)
        return 2
    with contextlib.ExitStack() as cleanup:
        if args.keep:
            out = args.keep
        elif args.worst and not args.gold:  # the worst pages must still be there to open
            out = Path(tempfile.mkdtemp(prefix="newspage-bench-"))
            print(f"(pages kept in {out} for --worst)")
        else:
            out = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="newspage-bench-")))
        (out / "pred").mkdir(parents=True, exist_ok=True)
        pages = pages_in(args.gold) if args.gold else generated_pages(args, out)
        oracles = (args.oracle_joins, args.oracle_titles)
        results = run(pages, newspage, score, out / "pred", *oracles)
        if args.sample_pages:
            results += run(pages_in(SAMPLE_PAGES, "samples"), newspage, score, None, *oracles)
    if not results:
        print("accuracy.py: no pages to score", file=sys.stderr)
        return 2
    report(results, score, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
