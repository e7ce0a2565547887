"""Tests for the command line: inputs, formats, output files, errors and exit codes.

These test the plumbing, not the parser: expected outputs are built by calling the
library on the same files.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newspage
from newspage import cli
from newspage.cli import main
from newspage.model import Page
from newspage.render import to_json, to_jsonl, to_markdown, to_text

PAGE_A = "标题\n\n本报讯 正文。\n"
PAGE_B = "另一个标题\n\n新华社北京3月1日电 内容。\n"


Pages = tuple[Path, Path]


@pytest.fixture
def pages(tmp_path: Path) -> Pages:
    """Two small page files, one UTF-8 and one GB18030."""
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(PAGE_A, encoding="utf-8")
    b.write_bytes(PAGE_B.encode("gb18030"))
    return a, b


def expected_json(path: Path) -> dict[str, object]:
    return newspage.parse_file(path).to_dict()


class TestFormats:
    """What each --format writes to stdout."""

    def test_json_single_file_is_object(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One file gives one JSON object: the page's to_dict()."""
        a, _ = pages
        assert main(["parse", str(a)]) == 0
        out = capsys.readouterr().out
        assert json.loads(out) == expected_json(a)
        assert out == to_json(newspage.parse_file(a)) + "\n"

    def test_json_several_files_is_array(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Several files give an array in input order, as json.dumps would write it."""
        a, b = pages
        assert main(["parse", str(b), str(a)]) == 0
        out = capsys.readouterr().out
        dicts = [expected_json(b), expected_json(a)]
        assert json.loads(out) == dicts
        assert out == json.dumps(dicts, ensure_ascii=False, indent=2) + "\n"

    def test_jsonl_one_page_per_line(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """jsonl writes one compact page per line, in input order."""
        a, b = pages
        assert main(["parse", str(a), str(b), "--format", "jsonl"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert [json.loads(line) for line in lines] == [expected_json(a), expected_json(b)]

    def test_markdown(self, pages: Pages, capsys: pytest.CaptureFixture[str]) -> None:
        """markdown writes to_markdown of the page."""
        a, _ = pages
        assert main(["parse", str(a), "--format", "markdown"]) == 0
        out = capsys.readouterr().out
        assert out == to_markdown(newspage.parse_file(a))
        assert out.startswith("# a.txt\n")

    def test_text(self, pages: Pages, capsys: pytest.CaptureFixture[str]) -> None:
        """text writes to_text of the page."""
        a, _ = pages
        assert main(["parse", str(a), "-f", "text"]) == 0
        assert capsys.readouterr().out == to_text(newspage.parse_file(a))

    def test_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`-` reads standard input; the page has no source name."""
        stdin = io.TextIOWrapper(io.BytesIO(PAGE_A.encode("gb18030")))
        monkeypatch.setattr(sys, "stdin", stdin)
        assert main(["parse", "-"]) == 0
        page = json.loads(capsys.readouterr().out)
        assert page == newspage.parse(PAGE_A).to_dict()
        assert page["source"] is None


class TestInputs:
    """Directories and patterns."""

    def test_directory_is_every_txt_below_sorted(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A directory gives its *.txt files, recursively and sorted; hidden and other files not."""
        (tmp_path / "sub").mkdir()
        for name in ("b.txt", "a.txt", "sub/c.txt"):
            (tmp_path / name).write_text(PAGE_A, encoding="utf-8")
        (tmp_path / "notes.md").write_text("不是版面", encoding="utf-8")
        (tmp_path / ".hidden.txt").write_text(PAGE_A, encoding="utf-8")
        assert main(["parse", str(tmp_path), "-f", "jsonl"]) == 0
        sources = [json.loads(line)["source"] for line in capsys.readouterr().out.splitlines()]
        assert sources == ["a.txt", "b.txt", "c.txt"]

    def test_directory_with_one_file_is_still_array(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format json on a directory always gives an array, even of one page."""
        (tmp_path / "a.txt").write_text(PAGE_A, encoding="utf-8")
        assert main(["parse", str(tmp_path)]) == 0
        assert isinstance(json.loads(capsys.readouterr().out), list)

    def test_glob_pattern(self, pages: Pages, capsys: pytest.CaptureFixture[str]) -> None:
        """A glob pattern is expanded and sorted."""
        a, _ = pages
        assert main(["parse", str(a.parent / "*.txt"), "-f", "jsonl"]) == 0
        sources = [json.loads(line)["source"] for line in capsys.readouterr().out.splitlines()]
        assert sources == ["a.txt", "b.txt"]

    def test_pattern_matching_nothing_fails(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A pattern that matches nothing is an error for that input."""
        a, _ = pages
        pattern = str(a.parent / "*.none")
        assert main(["parse", str(a), pattern, "-f", "jsonl"]) == 1
        captured = capsys.readouterr()
        assert len(captured.out.splitlines()) == 1
        assert f"newspage: {pattern}: no file matches" in captured.err

    def test_same_file_twice_is_parsed_once(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file named directly and through a pattern is parsed once."""
        a, _ = pages
        assert main(["parse", str(a), str(a.parent / "a.*"), "-f", "jsonl"]) == 0
        assert len(capsys.readouterr().out.splitlines()) == 1


class TestErrors:
    """Failing inputs and exit codes."""

    def test_missing_file_among_good_ones(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing file is reported on stderr, the others are output, exit 1."""
        a, b = pages
        missing = a.parent / "missing.txt"
        assert main(["parse", str(a), str(missing), str(b), "-f", "jsonl"]) == 1
        captured = capsys.readouterr()
        assert [json.loads(x)["source"] for x in captured.out.splitlines()] == ["a.txt", "b.txt"]
        assert f"newspage: {missing}: no such file\n" in captured.err

    def test_undecodable_file_reports_offset(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that does not decode is reported with the byte offset."""
        a, _ = pages
        bad = a.parent / "bad.txt"
        bad.write_bytes("标题".encode() + b"\xff\xff\xff\xff")
        assert main(["parse", str(bad), str(a)]) == 1
        captured = capsys.readouterr()
        assert f"newspage: {bad}: " in captured.err
        assert "offset 6" in captured.err
        assert [p["source"] for p in json.loads(captured.out)] == ["a.txt"]

    def test_binary_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Binary junk is refused, not parsed as GB18030."""
        junk = tmp_path / "photo.txt"
        junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        assert main(["parse", str(junk)]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "offset 0" in captured.err

    def test_quiet_silences_reports_not_status(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--quiet keeps stderr empty but the exit status still says 1."""
        a, _ = pages
        assert main(["parse", str(a), str(a.parent / "missing.txt"), "--quiet"]) == 1
        assert capsys.readouterr().err == ""

    def test_parser_bug_is_reported_per_file(
        self, pages: Pages, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unexpected exception from parse_file fails that file only."""
        a, b = pages

        def parse_file(path: str, *, encoding: str | None = None) -> Page:
            if Path(path).name == "a.txt":
                raise IndexError("boom")
            return newspage.parse_file(path, encoding=encoding)

        monkeypatch.setattr(cli, "parse_file", parse_file)
        assert main(["parse", str(a), str(b), "-f", "jsonl"]) == 1
        captured = capsys.readouterr()
        assert "IndexError: boom" in captured.err
        assert json.loads(captured.out)["source"] == "b.txt"

    @pytest.mark.parametrize(
        "argv",
        [
            [],
            ["parse"],
            ["parse", "x.txt", "--format", "xml"],
            ["parse", "x", "--encoding", "nope"],
            ["parse", "x", "--jobs", "-1"],
            ["parse", "x", "--jobs", "two"],
            ["score", "gold"],
        ],
    )
    def test_usage_errors_exit_2(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """Usage errors return 2 with argparse's message."""
        assert main(argv) == 2
        assert "usage:" in capsys.readouterr().err

    def test_explicit_encoding(self, pages: Pages, capsys: pytest.CaptureFixture[str]) -> None:
        """--encoding is used instead of detection."""
        _, b = pages
        assert main(["parse", str(b), "--encoding", "utf-8"]) == 1
        assert "utf-8" in capsys.readouterr().err
        assert main(["parse", str(b), "--encoding", "gbk"]) == 0
        assert json.loads(capsys.readouterr().out) == expected_json(b)


class TestOutputFile:
    """-o OUT."""

    def test_writes_file_not_stdout(
        self, pages: Pages, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o FILE writes what stdout would have received, and nothing to stdout."""
        a, b = pages
        out = tmp_path / "out.json"
        assert main(["parse", str(a), str(b), "-o", str(out)]) == 0
        assert capsys.readouterr().out == ""
        assert json.loads(out.read_text(encoding="utf-8")) == [expected_json(a), expected_json(b)]

    def test_no_temporary_files_left(self, pages: Pages, tmp_path: Path) -> None:
        """Only OUT remains in its directory after writing."""
        a, _ = pages
        out_dir = tmp_path / "o"
        out_dir.mkdir()
        assert main(["parse", str(a), "-o", str(out_dir / "page.json")]) == 0
        assert os.listdir(out_dir) == ["page.json"]

    def test_replaces_existing_file_with_its_permissions(
        self, pages: Pages, tmp_path: Path
    ) -> None:
        """An existing OUT is replaced whole and keeps its permissions."""
        a, _ = pages
        out = tmp_path / "out.json"
        out.write_text("old " * 1000, encoding="utf-8")
        out.chmod(0o640)
        assert main(["parse", str(a), "-o", str(out)]) == 0
        assert json.loads(out.read_text(encoding="utf-8")) == expected_json(a)
        assert out.stat().st_mode & 0o777 == 0o640

    @pytest.mark.parametrize(
        ("failure", "status"),
        [(OSError(28, "No space left on device"), 1), (KeyboardInterrupt(), 130)],
    )
    def test_failure_during_write_keeps_old_file(
        self,
        pages: Pages,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        failure: BaseException,
        status: int,
    ) -> None:
        """If writing stops midway, OUT keeps its old content and no temp file is left."""
        a, b = pages
        out = tmp_path / "out"
        out.mkdir()
        target = out / "all.jsonl"
        target.write_text("old\n", encoding="utf-8")
        calls: list[Page] = []

        def failing_to_jsonl(page: Page) -> str:
            calls.append(page)
            if len(calls) == 2:  # the first page is already in the temporary file
                raise failure
            return to_jsonl(page)

        monkeypatch.setattr(cli, "to_jsonl", failing_to_jsonl)
        assert main(["parse", str(a), str(b), "-f", "jsonl", "-o", str(target)]) == status
        assert target.read_text(encoding="utf-8") == "old\n"
        assert os.listdir(out) == ["all.jsonl"]
        assert capsys.readouterr().err.startswith("newspage: ")

    def test_single_failed_input_leaves_out_alone(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With nothing parsed, -o FILE is neither created nor emptied."""
        out = tmp_path / "out.json"
        assert main(["parse", str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
        assert not out.exists()
        assert "missing.txt: no such file" in capsys.readouterr().err

    def test_good_pages_written_despite_failure(
        self, pages: Pages, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A failing input does not stop the good ones from being written to OUT."""
        a, b = pages
        out = tmp_path / "out.jsonl"
        argv = ["parse", str(a), str(tmp_path / "missing.txt"), str(b), "-f", "jsonl"]
        assert main([*argv, "-o", str(out)]) == 1
        lines = out.read_text(encoding="utf-8").splitlines()
        assert [json.loads(x)["source"] for x in lines] == ["a.txt", "b.txt"]
        assert "missing.txt" in capsys.readouterr().err

    def test_output_that_is_an_input_is_refused(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o naming one of the inputs is a usage error and the input is untouched."""
        a, _ = pages
        assert main(["parse", str(a), "-o", str(a)]) == 2
        assert a.read_text(encoding="utf-8") == PAGE_A
        assert "overwrite" in capsys.readouterr().err

    def test_unwritable_output(
        self, pages: Pages, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An OUT in a missing directory fails with exit 1 and a message, no traceback."""
        a, _ = pages
        out = tmp_path / "no" / "such" / "out.json"
        assert main(["parse", str(a), "-o", str(out)]) == 1
        assert f"newspage: {out}: cannot write" in capsys.readouterr().err


class TestOutputDirectory:
    """-o DIR: one file per input."""

    def test_one_file_per_input(self, pages: Pages, tmp_path: Path) -> None:
        """Each input gets NAME.json in DIR with its page."""
        a, b = pages
        out = tmp_path / "out"
        out.mkdir()
        assert main(["parse", str(a), str(b), "-o", str(out)]) == 0
        assert sorted(os.listdir(out)) == ["a.json", "b.json"]
        assert json.loads((out / "b.json").read_text(encoding="utf-8")) == expected_json(b)

    def test_trailing_slash_creates_directory(self, pages: Pages, tmp_path: Path) -> None:
        """A new OUT ending in / is created; the suffix follows the format."""
        a, _ = pages
        out = tmp_path / "new"
        assert main(["parse", str(a), "-f", "markdown", "-o", f"{out}/"]) == 0
        assert (out / "a.md").read_text(encoding="utf-8") == to_markdown(newspage.parse_file(a))

    def test_directory_input_keeps_subpaths(self, tmp_path: Path) -> None:
        """Files of a directory input keep their path below it, so equal names do not clash."""
        src = tmp_path / "src"
        for sub in ("d1", "d2"):
            (src / sub).mkdir(parents=True)
            (src / sub / "p.txt").write_text(PAGE_A, encoding="utf-8")
        out = tmp_path / "out"
        assert main(["parse", str(src), "-f", "text", "-o", f"{out}/"]) == 0
        assert (out / "d1" / "p.txt").exists()
        assert (out / "d2" / "p.txt").exists()

    def test_name_clash_fails_second_input(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Two inputs that would write the same file: the second fails, the first stays."""
        for sub in ("d1", "d2"):
            (tmp_path / sub).mkdir()
            (tmp_path / sub / "p.txt").write_text(PAGE_A, encoding="utf-8")
        out = tmp_path / "out"
        first, second = tmp_path / "d1" / "p.txt", tmp_path / "d2" / "p.txt"
        assert main(["parse", str(first), str(second), "-o", f"{out}/"]) == 1
        assert os.listdir(out) == ["p.json"]
        assert f"newspage: {second}: " in capsys.readouterr().err

    def test_text_output_never_overwrites_input(
        self, pages: Pages, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format text into the input's own directory would overwrite it: refused."""
        a, _ = pages
        assert main(["parse", str(a), "-f", "text", "-o", str(a.parent)]) == 1
        assert a.read_text(encoding="utf-8") == PAGE_A
        assert "overwrite" in capsys.readouterr().err

    def test_failed_input_writes_nothing(self, pages: Pages, tmp_path: Path) -> None:
        """Good inputs are written, a failing one leaves no file."""
        a, _ = pages
        out = tmp_path / "out"
        out.mkdir()
        assert main(["parse", str(a), str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
        assert os.listdir(out) == ["a.json"]


def write_batch(folder: Path, n: int = 12) -> list[Path]:
    """`n` small page files in `folder`, each with its own headline and text."""
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"p{i:02d}.txt"
        path.write_text(f"标题{i}\n\n本报讯 正文{i}。\n", encoding="utf-8")
        paths.append(path)
    return paths


class TestJobs:
    """--jobs N: the same output, messages and status as one job."""

    @pytest.mark.parametrize("fmt", ["jsonl", "json", "markdown"])
    def test_two_jobs_give_the_same_bytes(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
    ) -> None:
        """A directory of 12 pages parsed by 2 processes gives what 1 gives, byte for byte."""
        write_batch(tmp_path / "in")
        outputs = []
        for jobs in ("1", "2"):
            out = tmp_path / f"out{jobs}"
            assert main(["parse", str(tmp_path / "in"), "-f", fmt, "-o", str(out), "-j", jobs]) == 0
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1]
        assert capsys.readouterr().err == ""
        if fmt == "jsonl":
            sources = [json.loads(line)["source"] for line in outputs[0].splitlines()]
            assert sources == [f"p{i:02d}.txt" for i in range(12)]

    def test_bad_file_is_reported_as_with_one_job(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A bad file among the others fails alone with the same message, exit status 1."""
        folder = tmp_path / "in"
        write_batch(folder)
        bad = folder / "p05b.txt"
        bad.write_bytes("标题".encode() + b"\xff\xff\xff\xff")
        results = []
        for jobs in ("1", "2"):
            status = main(["parse", str(folder), "-f", "jsonl", "--jobs", jobs])
            results.append((status, capsys.readouterr()))
        (status1, one), (status2, two) = results
        assert status1 == status2 == 1
        assert two.out == one.out
        assert two.err == one.err
        assert f"newspage: {bad}: " in two.err
        assert "offset 6" in two.err
        assert "newspage: 1 of 13 inputs failed" in two.err
        assert len(two.out.splitlines()) == 12

    def test_stdin_and_missing_file_keep_their_place(
        self, pages: Pages, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`-` is read by the main process; the order is the command line's."""
        a, b = pages
        missing = a.parent / "missing.txt"
        outs = []
        for jobs in ("1", "0"):
            stdin = io.TextIOWrapper(io.BytesIO(PAGE_A.encode("utf-8")))
            monkeypatch.setattr(sys, "stdin", stdin)
            argv = ["parse", str(b), "-", str(missing), str(a), "-f", "jsonl", "-j", jobs]
            assert main(argv) == 1
            outs.append(capsys.readouterr())
        assert outs[0] == outs[1]
        sources = [json.loads(line)["source"] for line in outs[1].out.splitlines()]
        assert sources == ["b.txt", None, "a.txt"]

    def test_unpicklable_error_is_reported_alike(self) -> None:
        """An exception that cannot travel between processes is replaced by one that says
        the same."""

        class OddError(Exception):
            def __init__(self, a: str, b: str) -> None:
                super().__init__(f"{a} {b}")

        error = OddError("no", "pickle")
        portable = cli._portable(error)
        assert isinstance(portable, cli.WorkerError)
        assert cli._reason(portable) == cli._reason(error)
        kept = cli._portable(IndexError("boom"))
        assert isinstance(kept, IndexError)
        assert kept.args == ("boom",)


class StringTTY(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class TestProgress:
    """The progress line on stderr."""

    def test_shown_on_a_terminal(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A batch on a terminal shows `newspage: DONE/TOTAL pages`, ending with the total."""
        write_batch(tmp_path / "in", 5)
        err = StringTTY()
        monkeypatch.setattr(sys, "stderr", err)
        assert main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "out.json")]) == 0
        shown = err.getvalue()
        assert shown.startswith("\rnewspage: 1/5 pages")
        assert shown.endswith("\rnewspage: 5/5 pages\n")

    def test_failure_gets_a_line_of_its_own(
        self, pages: Pages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A failure message clears the progress line and is followed by it."""
        a, b = pages
        missing = tmp_path / "missing.txt"
        err = StringTTY()
        monkeypatch.setattr(sys, "stderr", err)
        argv = ["parse", str(a), str(missing), str(b), "-o", str(tmp_path / "out.json")]
        assert main(argv) == 1
        shown = err.getvalue()
        assert f"\rnewspage: {missing}: no such file\n" in shown
        assert "\rnewspage: 3/3 pages\nnewspage: 1 of 3 inputs failed\n" in shown

    @pytest.mark.parametrize(
        ("stream", "extra"),
        [(io.StringIO, []), (StringTTY, ["--quiet"]), (StringTTY, ["--single"])],
    )
    def test_quiet_otherwise(
        self,
        pages: Pages,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        stream: type[io.StringIO],
        extra: list[str],
    ) -> None:
        """Nothing is shown when stderr is not a terminal, with --quiet, or for one input."""
        a, b = pages
        err = stream()
        monkeypatch.setattr(sys, "stderr", err)
        inputs = [str(a)] if extra == ["--single"] else [str(a), str(b)]
        options = [x for x in extra if x != "--single"]
        assert main(["parse", *inputs, *options, "-o", str(tmp_path / "out.json")]) == 0
        assert err.getvalue() == ""


def test_version_subprocess() -> None:
    """`python -m newspage --version` prints the version and exits 0."""
    done = subprocess.run(
        [sys.executable, "-m", "newspage", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"newspage {newspage.__version__}"
