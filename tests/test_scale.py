"""Scale-out: the Dask bag recipe of docs/scale-out.md gives the command line's JSON Lines.

The recipe runs here on the local process scheduler with two workers, over the golden
pages and a few generated ones in several encodings; its output must be byte for byte
what `newspage parse DIR --format jsonl` writes.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

import newspage
from newspage.cli import main
from newspage.scale import input_files, jsonl_lines, jsonl_partition

from .pdfpages import Frame, Line, pdf_bytes, set_paragraph

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.txt"))
assert GOLDEN, "no golden pages found"

PLACES = ("东城", "西城", "南湖")
ENCODINGS = ("utf-8", "gb18030", "utf-16")


def generated_page(place: str, number: int) -> str:
    """A small page: headline, dateline paragraph, a paragraph cut in two, a caption."""
    return "\n\n".join(
        [
            f"{place}新建{number}座口袋公园",
            f"本报讯（记者 李某）今年以来，{place}区新建口袋公园{number}座，居民出门就能见绿。",
            "公园建设充分听取居民意见，因地制宜布置健身步道、儿童游乐设施和休",
            "憩座椅，受到周边群众欢迎。",
            f"居民在{place}一处新建的口袋公园里散步。",
            "本报记者 赵某 摄",
        ]
    )


@pytest.fixture
def pages_dir(tmp_path: Path) -> Path:
    """The golden pages and three generated ones, in UTF-8, GB18030 and UTF-16."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for path in GOLDEN:
        shutil.copy(path, folder / path.name)
    for number, (place, encoding) in enumerate(zip(PLACES, ENCODINGS, strict=True), start=3):
        text = generated_page(place, number)
        (folder / f"gen_{number}.txt").write_bytes(text.encode(encoding))
    return folder


def cli_jsonl(inputs: list[str], capsys: pytest.CaptureFixture[bytes]) -> tuple[int, bytes]:
    """The exit status and standard output of `newspage parse INPUTS --format jsonl`."""
    status = main(["parse", *inputs, "--format", "jsonl"])
    return status, capsys.readouterr().out


def test_dask_bag_gives_the_command_lines_bytes(
    pages_dir: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """map_partitions(jsonl_partition) on a bag of the files, computed in two processes,
    gives the command's output: collected in order, and as files written per partition."""
    db = pytest.importorskip("dask.bag", reason="the recipe needs dask: newspage[scale]")
    status, expected = cli_jsonl([str(pages_dir)], capsysbinary)
    assert status == 0
    assert expected.count(b"\n") == len(GOLDEN) + len(PLACES)

    paths = input_files([str(pages_dir)])
    bag = db.from_sequence(paths, npartitions=3).map_partitions(jsonl_partition)
    assert bag.npartitions == 3
    out = tmp_path / "out"
    with_processes = {"scheduler": "processes", "num_workers": 2}
    bag.to_textfiles(str(out / "*.jsonl"), name_function="{:05d}".format, **with_processes)
    written = b"".join(path.read_bytes() for path in sorted(out.glob("*.jsonl")))
    assert written == expected
    assert "".join(bag.compute(**with_processes)).encode("utf-8") == expected


def test_lines_are_the_command_lines(
    pages_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """`jsonl_lines` over `input_files` is the command's output, without any engine."""
    _, expected = cli_jsonl([str(pages_dir)], capsysbinary)
    lines = list(jsonl_lines(input_files([str(pages_dir)])))
    assert len(lines) == len(GOLDEN) + len(PLACES)
    assert "".join(lines).encode("utf-8") == expected


def test_failed_file_skipped_like_the_command(
    pages_dir: Path, capsysbinary: pytest.CaptureFixture[bytes], caplog: pytest.LogCaptureFixture
) -> None:
    """With skip_failed a file that cannot be read is left out, as the command leaves it
    out, and logged; without, its error stops the run."""
    bad = pages_dir / "bad.txt"
    bad.write_bytes("标题".encode() + b"\xff\xff\xff\xff")  # not UTF-8, nor GB18030
    paths = [str(GOLDEN[0]), str(bad), str(GOLDEN[1])]
    status, expected = cli_jsonl(paths, capsysbinary)
    assert status == 1
    with caplog.at_level(logging.WARNING, logger="newspage.scale"):
        got = "".join(jsonl_lines(paths, skip_failed=True))
    assert got.encode("utf-8") == expected
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [f"skipped {bad}"]
    with pytest.raises(newspage.InputError, match=r"bad\.txt"):
        list(jsonl_lines(paths))


def test_pdf_pages_in_the_stream(
    pages_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A PDF in the batch gives its pages in page order, as the command does."""
    pytest.importorskip("reportlab", reason="the PDF is drawn with reportlab")
    pytest.importorskip("pdfminer", reason="reading PDF needs pdfminer.six: newspage[pdf]")
    frames = [
        [
            Frame(0, 600, 18.0, 0, [Line(f"{place}新建口袋公园")], align="centre"),
            Frame(30, 540, 10.0, 18, set_paragraph(generated_page(place, 1).split("\n\n")[1], 18)),
        ]
        for place in PLACES
    ]
    (pages_dir / "epaper.pdf").write_bytes(pdf_bytes(frames))
    _, expected = cli_jsonl([str(pages_dir)], capsysbinary)
    lines = jsonl_partition(input_files([str(pages_dir)]))
    assert lines[0].encode("utf-8") == expected
    assert [f"epaper.pdf#p{n}" in lines[0] for n in (1, 2, 3)] == [True, True, True]


def test_input_files_refuse_what_names_nothing(tmp_path: Path) -> None:
    """A pattern matching nothing or `-` cannot be shared out: an error, not a silent gap."""
    with pytest.raises(newspage.InputError, match="no file matches"):
        input_files([str(tmp_path / "*.txt")])
    with pytest.raises(newspage.InputError, match="standard input"):
        input_files(["-"])
