"""What the weight-fitting tools share: fitting with hand-set weights, writing the file."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np


def parse_args(doc: str, default_out: Path) -> argparse.Namespace:
    """The command line both fitting tools take: --train, --test, --l2, --out."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--train", type=Path, required=True, help="generated pages to fit on")
    ap.add_argument("--test", type=Path, help="held-out generated pages to report on")
    ap.add_argument("--l2", type=float, default=1.0, help="L2 regularisation")
    ap.add_argument("--out", type=Path, default=default_out, help="weights file to write")
    return ap.parse_args()


def fit_with_fixed(
    names: Sequence[str],
    fixed: Mapping[str, float],
    x: np.ndarray,
    fit: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> dict[str, float]:
    """All weights: `fixed` ones as given, the others from `fit(x_free, offset)`, where
    the offset is what the fixed features add to each example's score."""
    free = [i for i, name in enumerate(names) if name not in fixed]
    offset = x @ np.array([fixed.get(name, 0.0) for name in names])
    fitted = dict(zip([names[i] for i in free], fit(x[:, free], offset), strict=True))
    return {name: round(float(fitted.get(name, fixed.get(name, 0.0))), 3) for name in names}


def print_weights(weights: Mapping[str, float], fixed: Mapping[str, float]) -> None:
    for name, v in weights.items():
        print(f"  {name:20s} {v:+.3f}{'  (fixed)' if name in fixed else ''}")


def write_weights(
    path: Path, source: str, weights: Mapping[str, float], fixed: Mapping[str, float]
) -> None:
    """The package-data file the library reads (`_cjk.load_weights`)."""
    data = {"source": source, "fixed": sorted(fixed), "weights": dict(weights)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
