"""The repository quotes neither the development corpus nor, in code and tests, the sample
pages (`tools/check_quotes.py`): examples are invented, only the trade's formulas recur."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from .conftest import load_script

TOOL = Path(__file__).resolve().parents[1] / "tools" / "check_quotes.py"


@pytest.fixture(scope="module")
def check() -> ModuleType:
    return load_script(TOOL)


def test_code_and_tests_do_not_quote_the_sample_pages(check: ModuleType) -> None:
    samples = check.sample_texts()
    assert samples
    assert check.quotations(check.checked_files(names=check.CODE), samples, 12) == []


def test_the_library_names_no_one_of_the_sample_pages(check: ModuleType) -> None:
    names = check.sample_names()
    assert len(names) >= 5
    assert check.namings(check.checked_files(names=check.LIBRARY), names) == []


def test_a_name_inside_a_longer_one_is_found(check: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("# `读者 李小川` signs a letter\nx = 1\n", encoding="utf-8")
    hits = check.namings([tmp_path / "a.py"], {"小川"}, root=tmp_path)
    assert hits == [("a.py", 1, "小川")]


def test_nothing_quotes_the_corpus(check: ModuleType) -> None:
    if not check.CORPUS.exists():
        pytest.skip(f"{check.CORPUS} not found (the development corpus sits beside the repo)")
    assert check.quotations(check.checked_files(), check.corpus_texts(), 12) == []


def test_a_quotation_is_found_and_a_formula_is_not(check: ModuleType, tmp_path: Path) -> None:
    source = "本报北京3月1日电（记者 王大海）河畔新建的湿地公园昨天向市民开放，游客络绎不绝。"
    (tmp_path / "a.py").write_text(
        "# 本报北京3月1日电（记者 王大海）\n"  # a formula, with the reporter's name
        "x = '新建的湿地公园昨天向市民开放，'\n",  # a quotation
        encoding="utf-8",
    )
    hits = check.quotations([tmp_path / "a.py"], [source], 12, root=tmp_path)
    assert [(f, n) for f, n, _ in hits] == [("a.py", 2)]
