"""Derive the word counts the column-break repair uses to see a cut inside a word.

    pip download --no-deps jieba==0.42.1 -d /tmp/jieba
    tar xzf /tmp/jieba/jieba-0.42.1.tar.gz -C /tmp/jieba
    python tools/derive_lexicon.py /tmp/jieba/jieba-0.42.1/jieba/dict.txt [--min-freq 10]

Source: the dictionary of jieba 0.42.1 (https://github.com/fxsjy/jieba), MIT licence,
copyright Sun Junyi. Kept: words of 1 to 4 Han characters, converted to Simplified (the
parser's matching shadow), with their frequency (the counts of entries that convert to
the same word added up), those of at least `--min-freq`; one `word<TAB>count` per line,
sorted, gzip-compressed without a time stamp (byte-identical between runs).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newspage._cjk import to_simplified  # noqa: E402

HAN_WORD = re.compile(r"[\u4e00-\u9fff]{1,4}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dict_txt", type=Path, help="jieba's dict.txt")
    ap.add_argument("--min-freq", type=int, default=10)
    ap.add_argument("--out", type=Path, default=ROOT / "src/newspage/data/lexicon.tsv.gz")
    args = ap.parse_args()
    counts: dict[str, int] = {}
    for line in args.dict_txt.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and HAN_WORD.fullmatch(parts[0]):
            word = to_simplified(parts[0])
            counts[word] = counts.get(word, 0) + int(parts[1])
    kept = sorted(w for w, c in counts.items() if c >= args.min_freq)
    data = "".join(f"{w}\t{counts[w]}\n" for w in kept).encode("utf-8")
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data)
    print(f"{len(kept)} words -> {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
