"""Speed of newspage, in one process and one run: the figures of docs/speed.md.

    .venv/bin/python benchmarks/speed.py [--pages 100] [--seed 1] [--repeat 5] [--markdown]

Prints, for the sample pages and for generated corpus pages (see `generate.py`):

* ms per page and pages per second of `newspage.parse(text)` (best of `--repeat` rounds,
  warm: the one-time loading of OpenCC and the statistics is reported apart);
* the ratio to OpenCC's `t2s` conversion of the same texts, the floor of any parser that
  reads the text once;
* the import time of `newspage` and the one-time cost of the first parse, each in a
  fresh interpreter;
* the peak memory of a process that parses all the pages;
* the same pages per phase: each stage function timed on its own (best of `--repeat`
  rounds, per stage), with one `TopicBigrams` per page passed through the repair, heads
  and assemble phases as `parse` passes it;
* scaling: one sample page repeated 1, 10, 100 and 200 times as one page, ms and ms per
  1,000 characters (linear cost keeps the second figure flat);
* the command line over a directory of `--batch` generated pages (default 1,000), end to
  end: `newspage parse DIR --format jsonl` with `--jobs 1` and with `--jobs 2`, the
  speed-up, and whether the two outputs are byte-identical (`--batch 0` skips it).
"""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import opencc  # noqa: E402

import newspage  # noqa: E402
from newspage import Page  # noqa: E402
from newspage._cjk import TopicBigrams, char_stats  # noqa: E402
from newspage.stages.assemble import assemble  # noqa: E402
from newspage.stages.blocks import split_blocks  # noqa: E402
from newspage.stages.heads import resolve_titles  # noqa: E402
from newspage.stages.normalize import normalize  # noqa: E402
from newspage.stages.repair import find_breaks  # noqa: E402
from newspage.stages.roles import classify, line_kind  # noqa: E402

SAMPLES = sorted((ROOT / "tests" / "golden").glob("*.txt"))


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """Seconds of the fastest of `repeat` calls."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def in_fresh_process(code: str) -> float:
    """Run `code` in a new interpreter; it prints one float, which is returned."""
    out = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT / 'src')!r})\n{code}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def batch_run(texts: Sequence[str], jobs: Sequence[int]) -> list[tuple[int, float, bytes]]:
    """Write `texts` as files of one directory and run `newspage parse DIR --format jsonl
    --jobs N` on it for each N: (N, seconds, output), start-up of the command included."""
    out = []
    with tempfile.TemporaryDirectory(prefix="newspage-speed-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for i, text in enumerate(texts):
            (pages / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "newspage", "parse", str(pages), "--format", "jsonl"]
        for n in jobs:
            start = time.perf_counter()
            run = subprocess.run(
                [*command, "--jobs", str(n)],
                capture_output=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            )
            out.append((n, time.perf_counter() - start, run.stdout))
    return out


def rows_for(texts: Sequence[str], repeat: int) -> tuple[float, float]:
    """(ms per page for parse, ms per page for OpenCC t2s)."""
    converter = opencc.OpenCC("t2s")
    parse = best_of(repeat, lambda: [newspage.parse(t).to_dict() for t in texts])
    t2s = best_of(repeat, lambda: [converter.convert(t) for t in texts])
    return 1000 * parse / len(texts), 1000 * t2s / len(texts)


PHASES = ("normalize", "blocks", "roles", "repair", "heads", "assemble")


def staged_parse(text: str) -> tuple[Page, list[float]]:
    """`newspage.parse(text)` stage by stage: the page, and the seconds of each of
    `PHASES` (one `TopicBigrams` passed through the repair, heads and assemble phases,
    as `parse` passes it)."""
    clock = time.perf_counter
    t0 = clock()
    clean, warnings = normalize(text)
    t1 = clock()
    raw = split_blocks(clean, line_kind=line_kind)
    t2 = clock()
    blocks = classify(raw)
    t3 = clock()
    bigrams = TopicBigrams(char_stats())
    breaks = find_breaks(blocks, bigrams=bigrams)
    t4 = clock()
    resolved = resolve_titles(blocks, breaks, bigrams=bigrams)
    t5 = clock()
    page = assemble(resolved, breaks, warnings=warnings, bigrams=bigrams)
    t6 = clock()
    marks = (t0, t1, t2, t3, t4, t5, t6)
    return page, [marks[k + 1] - marks[k] for k in range(len(PHASES))]


def phase_ms(texts: Sequence[str], repeat: int) -> dict[str, float]:
    """ms per page of each stage of `parse`, the best round of each stage."""
    best = [float("inf")] * len(PHASES)
    for _ in range(repeat):
        spent = [0.0] * len(PHASES)
        for text in texts:
            for k, seconds in enumerate(staged_parse(text)[1]):
                spent[k] += seconds
        best = [min(b, s) for b, s in zip(best, spent, strict=True)]
    return {name: 1000 * b / len(texts) for name, b in zip(PHASES, best, strict=True)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=100, help="generated pages (default 100)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5, help="rounds; the best is kept")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument(
        "--batch",
        type=int,
        default=1000,
        help="generated pages for the command-line run with --jobs 1 and 2 (default 1000; 0: skip)",
    )
    args = ap.parse_args(argv)

    rows = generate.load_corpus(generate.DEFAULT_CORPUS)
    generated = [
        page.text
        for _, page in generate.generate_run(
            rows, args.pages, args.seed, "mixed", ("20190215", "20190228")
        )
    ]
    samples = [p.read_text("utf-8") for p in SAMPLES]

    import_ms = 1000 * in_fresh_process(
        "import time; t = time.perf_counter(); import newspage; print(time.perf_counter() - t)"
    )
    first_ms = 1000 * in_fresh_process(
        "import time, newspage\n"
        f"text = open({str(SAMPLES[0])!r}, encoding='utf-8').read()\n"
        "t = time.perf_counter(); newspage.parse(text); print(time.perf_counter() - t)"
    )
    peak_mb = in_fresh_process(
        "import resource, newspage, glob\n"
        f"texts = [open(p, encoding='utf-8').read() for p in {[str(p) for p in SAMPLES]!r}]\n"
        "[newspage.parse(t).to_dict() for t in texts * 50]\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )

    newspage.parse(samples[0])  # warm: OpenCC, statistics, word list loaded
    table = []
    for name, texts in (
        ("sample pages", samples),
        (f"generated pages ({len(generated)})", generated),
    ):
        ms, t2s = rows_for(texts, args.repeat)
        chars = sum(len(t) for t in texts) / len(texts)
        table.append(
            (
                name,
                f"{chars:,.0f}",
                f"{ms:.2f}",
                f"{1000 / ms:,.0f}",
                f"{t2s:.3f}",
                f"{ms / t2s:.0f}x",
            )
        )

    phases = [phase_ms(generated, args.repeat), phase_ms(samples, args.repeat)]
    phase_rows = [(name, *(f"{p[name]:.2f}" for p in phases)) for name in PHASES] + [
        ("total", *(f"{sum(p.values()):.2f}" for p in phases))
    ]

    scaling = []
    base = samples[0]
    for factor in (1, 10, 100, 200):
        text = "\n\n".join([base] * factor)
        seconds = best_of(
            max(1, args.repeat // (1 + factor // 10)), functools.partial(newspage.parse, text)
        )
        scaling.append(
            (
                f"{factor}x",
                f"{len(text):,}",
                f"{1000 * seconds:.1f}",
                f"{1e6 * seconds / len(text):.3f}",
            )
        )

    header = ("pages", "chars/page", "ms/page", "pages/s", "OpenCC t2s ms/page", "ratio")
    print_table(header, table, args.markdown)
    print()
    print_table(("phase", "generated ms/page", "sample ms/page"), phase_rows, args.markdown)
    print()
    print_table(("size", "chars", "ms", "ms per 1,000 chars"), scaling, args.markdown)
    print()
    print(
        f"import newspage: {import_ms:.0f} ms; first parse (loads OpenCC, statistics, "
        f"word list): {first_ms:.0f} ms; peak memory parsing 100 pages: {peak_mb:.0f} MB"
    )
    if args.batch:
        batch = [
            page.text
            for _, page in generate.generate_run(
                rows, args.batch, args.seed + 1, "mixed", ("20190201", "20190228")
            )
        ]
        runs = batch_run(batch, (1, 2))
        (_, one, first_out), *others = runs
        print()
        print_table(
            ("command", "pages", "s", "pages/s", "speed-up", "output"),
            [
                (
                    f"newspage parse DIR --format jsonl --jobs {n}",
                    f"{len(batch):,}",
                    f"{seconds:.2f}",
                    f"{len(batch) / seconds:,.0f}",
                    f"{one / seconds:.2f}x",
                    "identical" if out == first_out else "DIFFERENT",
                )
                for n, seconds, out in runs
            ],
            args.markdown,
        )
        if any(out != first_out for *_, out in others):
            return 1
    return 0


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> None:
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in rows:
            print("| " + " | ".join(r) + " |")
        return
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    for r in (header, *rows):
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths, strict=True)))


if __name__ == "__main__":
    raise SystemExit(main())
