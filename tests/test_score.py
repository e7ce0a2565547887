"""Tests for `newspage score` and `newspage.score`: the metrics the parser is judged by."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newspage
from newspage.cli import main
from newspage.score import score_page, summarize

GOLDEN = Path(__file__).parent / "golden"
GOLD_FILES = sorted(GOLDEN.glob("*.gold.json"))
# The project's reference scorer, beside the checkout (present for developers and CI).
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"


def load(path: Path) -> dict[str, Any]:
    page: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return page


def dump(page: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")


def page_name(gold: Path) -> str:
    return gold.name.removesuffix(".gold.json")


def write_predictions(folder: Path) -> None:
    """What the parser makes of each golden page, as `folder/NAME.json`."""
    folder.mkdir()
    for gold in GOLD_FILES:
        page = newspage.parse_file(GOLDEN / f"{page_name(gold)}.txt")
        dump(page.to_dict(), folder / f"{page_name(gold)}.json")


def test_golden_pages_exist() -> None:
    assert GOLD_FILES


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_gold_against_itself_is_perfect(gold: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A gold page scored against itself gets 1.000 for every metric."""
    assert main(["score", str(gold), str(gold)]) == 0
    summary, score = capsys.readouterr().out.splitlines()
    assert summary.startswith("summary title_f1=1.000 para_f1=1.000 ")
    assert all(item.endswith("=1.000") for item in summary.split()[1:])
    assert score == "score: 1.000"
    assert main(["score", str(gold), str(gold), "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics.pop("pages") == 1
    assert set(metrics.values()) == {1.0}


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference score.py is not here")
def test_same_as_reference_script(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On the parser's own output, every row is what the reference script prints."""
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for gold in GOLD_FILES:  # the reference pairs NAME.json with PRED/NAME.json
        shutil.copy(gold, gold_dir / f"{page_name(gold)}.json")
    write_predictions(tmp_path / "pred")
    done = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold_dir), str(tmp_path / "pred"), "--verbose"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.splitlines()[-1].startswith("score: ")

    assert main(["score", str(gold_dir), str(tmp_path / "pred"), "--verbose"]) == 0
    assert capsys.readouterr().out == done.stdout
    # NAME.gold.json files pair with PRED/NAME.json too.
    assert main(["score", str(GOLDEN), str(tmp_path / "pred"), "--verbose"]) == 0
    assert capsys.readouterr().out == done.stdout


def test_one_paragraph_removed_by_hand() -> None:
    """One of three paragraphs missing: precision 1, recall 2/3, F1 0.8."""
    article: dict[str, Any] = {
        "kind": "article",
        "headline": "标题",
        "lead": [],
        "sections": [{"heading": None, "paragraphs": ["第一段。", "第二段。", "第三段。"]}],
    }
    gold: dict[str, Any] = {"articles": [article]}
    pred = copy.deepcopy(gold)
    del pred["articles"][0]["sections"][0]["paragraphs"][1]
    metrics = summarize(score_page(gold, pred))
    assert metrics["para_f1"] == pytest.approx(0.8)
    assert metrics["title_f1"] == 1.0
    assert metrics["order"] == 1.0


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_golden_page_missing_a_paragraph(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A gold page less one paragraph: para_f1 = 2 (N-1) / (2N-1) for N gold paragraphs."""
    page = load(gold)
    n = sum(
        len(a["lead"]) + sum(len(s["paragraphs"]) for s in a["sections"]) for a in page["articles"]
    )
    pred = copy.deepcopy(page)
    article = next(a for a in pred["articles"] if len(a["sections"][0]["paragraphs"]) > 1)
    article["sections"][0]["paragraphs"].pop()
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    dump(pred, pred_dir / f"{page_name(gold)}.json")
    assert main(["score", str(gold), str(pred_dir), "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["para_f1"] == pytest.approx(2 * (n - 1) / (2 * n - 1))
    assert metrics["title_f1"] == 1.0


def test_missing_prediction_is_an_empty_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No PRED/NAME.json: scored as a page without articles, and said on stderr."""
    (tmp_path / "pred").mkdir()
    assert main(["score", str(GOLDEN), str(tmp_path / "pred"), "--json", "-v"]) == 0
    captured = capsys.readouterr()
    *rows, summary = map(json.loads, captured.out.splitlines())
    assert [row["page"] for row in rows] == [page_name(g) for g in GOLD_FILES]
    assert summary["pages"] == len(GOLD_FILES)
    assert summary["para_f1"] == summary["title_f1"] == summary["join_recall"] == 0.0
    assert "missing, scored as a page without articles" in captured.err


@pytest.mark.parametrize(
    ("pred_text", "message"),
    [("{not json", "not JSON"), ("[1, 2]", "not a page")],
)
def test_unreadable_prediction_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pred_text: str, message: str
) -> None:
    """A prediction that is not a page JSON object is an error, exit status 1."""
    pred = tmp_path / "pred.json"
    pred.write_text(pred_text, encoding="utf-8")
    assert main(["score", str(GOLD_FILES[0]), str(pred)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"newspage: {pred}: {message}" in captured.err


def test_missing_gold_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A GOLD that does not exist is an error, exit status 1."""
    assert main(["score", str(tmp_path / "nope.json"), str(tmp_path)]) == 1
    assert "no such file" in capsys.readouterr().err
