"""Derive the character statistics newspage ships as package data.

    python tools/derive_stats.py [--corpus PATH] [--until 20190214] [--out PATH]

Reads the development corpus (人民日报 articles, one JSON per line, see
`../shared/corpus/README.md`) and counts, over the paragraphs of articles dated up to
`--until` (the rest of the month is held out for the accuracy benchmark):

* `unigram`: how often each character occurs;
* `start` / `end`: how often each character opens / closes a paragraph;
* `start2` / `end2`: how often each pair of characters opens / closes a paragraph;
* `bigram`: how often each pair of adjacent characters occurs;
* `trigram`: how often each run of three characters occurs, of those seen at least
  `--trigram-min-count` times (2: those seen once would double the file for little).

Every pair is kept by default. Pairs seen fewer than `--min-count` times (here and in
`start2` / `end2`) can be dropped, and smoothing covers them, but a pair seen once
already says much: with those dropped, as until the forty-second session, the thirteen
generated sets of docs/accuracy.md scored 0.86169 instead of 0.86333.

Only counts are written, never text. Whitespace is removed before counting, full-width
forms are folded to half-width and Traditional characters to Simplified, the same shadow
the parser matches on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newspage._cjk import shadow  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/rmrb-2019-02.jsonl")
    ap.add_argument("--until", default="20190214", help="last date (YYYYMMDD) counted")
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--trigram-min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "src/newspage/data/charstats.json.gz")
    args = ap.parse_args()

    unigram: Counter[str] = Counter()
    start: Counter[str] = Counter()
    end: Counter[str] = Counter()
    start2: Counter[str] = Counter()
    end2: Counter[str] = Counter()
    bigram: Counter[str] = Counter()
    trigram: Counter[str] = Counter()
    articles = paragraphs = 0
    with args.corpus.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["date"] > args.until:
                continue
            articles += 1
            for raw in row["paragraphs"]:
                text = "".join(shadow(raw).split())
                if len(text) < 2:
                    continue
                paragraphs += 1
                unigram.update(text)
                start[text[0]] += 1
                end[text[-1]] += 1
                start2[text[:2]] += 1
                end2[text[-2:]] += 1
                bigram.update(text[i : i + 2] for i in range(len(text) - 1))
                trigram.update(text[i : i + 3] for i in range(len(text) - 2))

    kept = sorted((k, v) for k, v in bigram.items() if v >= args.min_count)
    kept3 = sorted((k, v) for k, v in trigram.items() if v >= args.trigram_min_count)
    data = {
        "source": f"{args.corpus.name}, articles dated up to {args.until}",
        "articles": articles,
        "paragraphs": paragraphs,
        "unigram": dict(sorted(unigram.items())),
        "start": dict(sorted(start.items())),
        "end": dict(sorted(end.items())),
        "start2": {k: v for k, v in sorted(start2.items()) if v >= args.min_count},
        "end2": {k: v for k, v in sorted(end2.items()) if v >= args.min_count},
        "bigram_keys": "".join(k for k, _ in kept),
        "bigram_counts": [v for _, v in kept],
        "trigram_keys": "".join(k for k, _ in kept3),
        "trigram_counts": [v for _, v in kept3],
    }
    raw_json = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 and no file name in the header keep the file byte-identical between runs
    # and output paths.
    with (
        args.out.open("wb") as raw_out,
        gzip.GzipFile(filename="", fileobj=raw_out, mode="wb", mtime=0) as gz,
    ):
        gz.write(raw_json)
    print(
        f"{articles} articles, {paragraphs} paragraphs, {len(unigram)} chars, "
        f"{len(kept)} bigrams, {len(kept3)} trigrams -> {args.out} "
        f"({args.out.stat().st_size} bytes)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
