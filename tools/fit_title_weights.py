"""Fit the weights of the subhead-or-headline decision on generated pages.

    python tools/fit_title_weights.py --train /tmp/train --test /tmp/test \\
        [--out src/newspage/data/title_weights.json]

(the pages as `tools/fit_join_weights.py` describes them). Every title line the heads
phase has to weigh (one line, no byline, 副题, lead label or dateline under it, not in a
side column) is an example: its features (`heads.TITLE_FEATURES`) and whether the gold
lists it as a headline or kicker (1) or a section heading (0). An L2-regularised
logistic regression (Newton's method, numpy) gives the weights. The script prints the
accuracy of the decision on the training and the held-out pages.

The weight of `after_open_end` is set by hand (`FIXED`): on generated pages every story
starts a new frame, so a title after a column break is nearly always a headline there;
on real pages a column break often falls just before a subhead (both sample pages), so
the fitted weight (about +1.3) would learn the generator, not the newspapers. At +0.8 a
subhead of sample page 001 under a piece that stops mid-sentence opens a story; +0.2
keeps it a subhead.

numpy is needed here only; the library reads the weights from the JSON file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from _weights import fit_with_fixed, parse_args, print_weights, write_weights  # noqa: E402

from newspage.stages import heads  # noqa: E402
from newspage.stages.blocks import split_blocks  # noqa: E402
from newspage.stages.normalize import normalize  # noqa: E402
from newspage.stages.repair import find_breaks  # noqa: E402
from newspage.stages.roles import classify  # noqa: E402

DEFAULT_OUT = ROOT / "src/newspage/data/title_weights.json"

# Hand-set weights (log-odds), kept out of the fit; see the module docstring.
FIXED = {"after_open_end": 0.2}


def examples(folder: Path) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every weighed title decision in `folder`."""
    rows: list[list[float]] = []
    labels: list[float] = []
    for path in sorted(folder.glob("*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text("utf-8"))
        heads_ = {a["headline"] for a in gold["articles"]} | {
            a["kicker"] for a in gold["articles"] if a["kicker"]
        }
        headings = {s["heading"] for a in gold["articles"] for s in a["sections"] if s["heading"]}
        blocks = classify(split_blocks(normalize(path.read_text("utf-8"))[0]))
        record: list[tuple[int, dict[str, float]]] = []
        heads.resolve_titles(blocks, find_breaks(blocks), record)
        for index, features in record:
            text = blocks[index].text
            if text in heads_ or text in headings:
                rows.append([features[name] for name in heads.TITLE_FEATURES])
                labels.append(1.0 if text in heads_ else 0.0)
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray, l2: float, offset: np.ndarray) -> np.ndarray:
    """Logistic regression with a fixed offset (the hand-set features' contribution)."""
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w + offset)))
        grad = x.T @ (p - y) + l2 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def accuracy(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    return float((((x @ w) >= 0) == (y == 1)).mean())


def main() -> int:
    args = parse_args(__doc__ or "", DEFAULT_OUT)

    x, y = examples(args.train)
    print(f"{len(y)} decisions, {int(y.sum())} of them headlines")
    weights = fit_with_fixed(
        heads.TITLE_FEATURES, FIXED, x, lambda xf, offset: fit(xf, y, args.l2, offset)
    )
    print_weights(weights, FIXED)
    w = np.array(list(weights.values()))
    print(f"train accuracy {accuracy(x, y, w):.3f}")
    if args.test:
        xt, yt = examples(args.test)
        print(f"held-out accuracy {accuracy(xt, yt, w):.3f} ({len(yt)} decisions)")
    source = (
        "tools/fit_title_weights.py: logistic regression on the weighed title decisions of "
        f"the generated pages in {args.train.name} ({len(y)} decisions), l2={args.l2}"
    )
    write_weights(args.out, source, weights, FIXED)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
