"""PDF e-paper pages: text boxes in drawing order, paragraphs rejoined, parsed as pages.

The PDFs are drawn here (`pdfpages.py`, with reportlab) from the texts below, so every
expected block and paragraph is derived from what was drawn.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newspage
from newspage import cli
from newspage.cli import main
from newspage.pdf import parse_pdf, pdf_to_text
from newspage.render import to_jsonl

from .pdfpages import INDENT, Frame, Line, flush_right, pdf_bytes, set_paragraph

COLUMN = 18  # characters per line
SIZE = 10.0
LEADING = 1.4 * SIZE
LEFT, RIGHT = 30.0, 230.0  # the two columns; the gutter is two characters wide
TOP = 540.0

HEADLINE = ("春耕备耕正当时", "田间地头处处农事繁忙")  # two centred lines
DATELINE = "本报北京3月4日电（记者 王某某）"
BODY = (
    DATELINE + "各地抓紧春耕备耕，田间地头一派繁忙景象。农业农村部门组织农技人员深入一线，"
    "指导农民科学施肥、适时播种。",
    "今年以来，各地加大农资供应保障力度，化肥、种子等储备充足，价格总体平稳，确保不误农时。",
    "记者在多个乡镇看到，新建的高标准农田连片成方，机耕道路四通八达，灌溉设施配套齐全，"
    "种粮大户纷纷表示对今年的收成充满信心。",
    "据了解，今年全省计划新建高标准农田一百万亩。",  # two lines, the second short
)
CUT = 2
"""The third paragraph's first CUT lines end the first column; the rest opens the second."""
CAPTION = "农民在田间查看麦苗长势。"
CREDIT = "新华社记者 张三摄"
PHOTOGRAPHER = "张三"

SECOND_HEADLINE = "社区食堂开张"
SECOND_BODY = "本报讯 社区食堂今天开张，附近的老人可以就近用上热乎饭菜，价格实惠。"


def front_page(*, second_column_first: bool = False) -> list[Frame]:
    """The headline, two columns of body text with a paragraph cut by the column break,
    and a caption with its credit line flush right."""
    first, second, third, fourth = (set_paragraph(text, COLUMN) for text in BODY)
    column1 = Frame(LEFT, TOP, SIZE, COLUMN, [*first, *second, *third[:CUT]])
    column2 = Frame(RIGHT, TOP, SIZE, COLUMN, [*third[CUT:], *fourth])
    below_column2 = TOP - (len(column2.lines) + 2) * LEADING
    caption = Frame(RIGHT, below_column2, 9.0, COLUMN, [Line(CAPTION), flush_right(CREDIT, COLUMN)])
    headline = Frame(0, 600, 18.0, 0, [Line(line) for line in HEADLINE], align="centre")
    columns = [column2, column1] if second_column_first else [column1, column2]
    return [headline, *columns, caption]


def second_page() -> list[Frame]:
    headline = Frame(0, 600, 18.0, 0, [Line(SECOND_HEADLINE)], align="centre")
    return [headline, Frame(LEFT, TOP, SIZE, COLUMN, set_paragraph(SECOND_BODY, COLUMN))]


def column_pieces() -> tuple[str, str]:
    """The two pieces of the paragraph cut by the column break, as printed."""
    lines = set_paragraph(BODY[2], COLUMN)
    return "".join(x.text for x in lines[:CUT]), "".join(x.text for x in lines[CUT:])


def blocks(dump: str) -> list[str]:
    return [block for block in dump.split("\n\n") if block.strip()]


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PDF of two pages: the front page and a short second one."""
    pytest.importorskip("reportlab", reason="the PDF tests draw their pages with reportlab")
    pytest.importorskip("pdfminer", reason="reading PDF needs pdfminer.six: newspage[pdf]")
    path = tmp_path_factory.mktemp("pdf") / "page.pdf"
    path.write_bytes(pdf_bytes([front_page(), second_page()]))
    return path


class TestText:
    """`pdf_to_text`: the page dump of one PDF page."""

    def test_blocks_in_drawing_order(self, two_pages: Path) -> None:
        """Headline, paragraphs, the two pieces of the cut paragraph, caption and credit,
        one block each, in the order they were drawn; indented paragraphs keep an indent."""
        first_piece, second_piece = column_pieces()
        assert blocks(pdf_to_text(two_pages)) == [
            "".join(HEADLINE),
            INDENT + BODY[0],
            INDENT + BODY[1],
            INDENT + first_piece,
            second_piece,
            INDENT + BODY[3],
            CAPTION,
            CREDIT,
        ]

    def test_order_is_the_content_stream(self, tmp_path: Path) -> None:
        """Drawn second column first, the dump starts with it: order is the stream's, not
        the page position's."""
        path = tmp_path / "reversed.pdf"
        path.write_bytes(pdf_bytes([front_page(second_column_first=True)]))
        first_piece, second_piece = column_pieces()
        got = blocks(pdf_to_text(path))
        assert got[1:6] == [
            second_piece,
            INDENT + BODY[3],
            INDENT + BODY[0],
            INDENT + BODY[1],
            INDENT + first_piece,
        ]

    def test_hard_wrapped_lines_joined_without_spaces(self, two_pages: Path) -> None:
        """Lines justified with letter spacing come back as the text drawn, no spaces
        added; the padding space printed in the dateline stays."""
        dump = pdf_to_text(two_pages)
        assert BODY[1] in dump
        assert DATELINE + "各地" in dump
        wrapped = set_paragraph(BODY[1], COLUMN)
        assert len(wrapped) > 2
        assert any(line.justified and not line.text.isascii() for line in wrapped)

    def test_pages_by_number(self, two_pages: Path) -> None:
        """`page=` picks a page, counting from 1; a page that is not there is an error."""
        assert blocks(pdf_to_text(two_pages, page=2)) == [SECOND_HEADLINE, INDENT + SECOND_BODY]
        with pytest.raises(newspage.InputError, match="has no page 3: it has 2"):
            pdf_to_text(two_pages, page=3)

    def test_bytes_in(self, two_pages: Path) -> None:
        """The bytes of a PDF read like the file."""
        assert pdf_to_text(two_pages.read_bytes()) == pdf_to_text(two_pages)


class TestParse:
    """`parse_pdf`: one parsed page per PDF page."""

    def test_front_page(self, two_pages: Path) -> None:
        """Headline, dateline with its reporter, every paragraph whole (wrapped lines and the
        column break joined), the caption with its photographer."""
        front, _ = parse_pdf(two_pages)
        (article,) = front.articles
        assert article.headline == "".join(HEADLINE)
        assert article.dateline == DATELINE
        assert [(a.name, a.role) for a in article.authors] == [("王某某", "记者")]
        assert article.paragraphs == BODY
        assert len(article.joins) == 1
        assert [(c.text, c.credit, c.photographers) for c in article.captions] == [
            (CAPTION, CREDIT, (PHOTOGRAPHER,))
        ]
        assert not [w for w in front.warnings if w.code == "unresolved-break"]

    def test_one_page_per_pdf_page(self, two_pages: Path) -> None:
        """Pages come in order, named `FILE#pN`."""
        pages = parse_pdf(two_pages)
        assert [p.source for p in pages] == ["page.pdf#p1", "page.pdf#p2"]
        assert pages[1].articles[0].headline == SECOND_HEADLINE
        assert pages[1] == newspage.parse(pdf_to_text(two_pages, page=2), source="page.pdf#p2")

    def test_bytes_name(self, two_pages: Path) -> None:
        """Bytes have no file name: `#pN`, or `NAME#pN` with `name=`."""
        data = two_pages.read_bytes()
        assert [p.source for p in parse_pdf(data)] == ["#p1", "#p2"]
        assert parse_pdf(data, name="x.pdf")[0].source == "x.pdf#p1"


class TestErrors:
    """What cannot be read says so, naming the file."""

    def test_without_the_extra(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pdfminer.six the error says how to install it."""
        path = tmp_path / "page.pdf"
        path.write_bytes(b"%PDF-1.4\n%%EOF\n")
        for module in ["pdfminer", *[m for m in sys.modules if m.startswith("pdfminer.")]]:
            monkeypatch.setitem(sys.modules, module, None)  # makes `import` fail
        with pytest.raises(newspage.InputError) as info:
            parse_pdf(path)
        assert info.value.path == str(path)
        assert "pip install 'newspage[pdf]'" in str(info.value)

    def test_not_a_pdf(self, tmp_path: Path) -> None:
        """A text file named .pdf is refused as not a PDF."""
        fake = tmp_path / "fake.pdf"
        fake.write_text("标题\n\n本报讯 正文。\n", encoding="utf-8")
        with pytest.raises(newspage.InputError, match=r"fake\.pdf: not a PDF"):
            parse_pdf(fake)

    def test_broken_pdf(self, two_pages: Path, tmp_path: Path) -> None:
        """A PDF cut short is a broken PDF, not an internal error."""
        broken = tmp_path / "broken.pdf"
        broken.write_bytes(two_pages.read_bytes()[:300])
        with pytest.raises(newspage.InputError, match=r"broken\.pdf: broken PDF"):
            parse_pdf(broken)

    def test_password_protected(self, tmp_path: Path) -> None:
        """A PDF that needs a password says it is encrypted."""
        pytest.importorskip("pdfminer", reason="reading PDF needs pdfminer.six: newspage[pdf]")
        canvas = pytest.importorskip("reportlab.pdfgen.canvas")
        from reportlab.lib.pdfencrypt import StandardEncryption

        locked = tmp_path / "locked.pdf"
        pdf = canvas.Canvas(str(locked), encrypt=StandardEncryption("secret"))
        pdf.drawString(100, 100, "text")
        pdf.save()
        with pytest.raises(newspage.InputError, match=r"locked\.pdf: encrypted PDF"):
            parse_pdf(locked)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is reported as for page dumps."""
        with pytest.raises(newspage.InputError, match="no such file"):
            pdf_to_text(tmp_path / "missing.pdf")

    def test_import_stays_light(self) -> None:
        """`import newspage` does not import pdfminer."""
        code = "import sys, newspage; print('pdfminer' in sys.modules)"
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        )
        assert done.stdout.strip() == "False"


class TestCommandLine:
    """`newspage parse` on PDFs."""

    def test_jsonl_one_line_per_pdf_page(
        self, two_pages: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each PDF page is one line, as `parse_pdf` parses it."""
        assert main(["parse", str(two_pages), "-f", "jsonl"]) == 0
        assert capsys.readouterr().out == "".join(map(to_jsonl, parse_pdf(two_pages)))

    def test_json_of_a_pdf_is_an_array(
        self, two_pages: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A single PDF gives an array of its pages: it may have any number."""
        assert main(["parse", str(two_pages)]) == 0
        got = json.loads(capsys.readouterr().out)
        assert got == [p.to_dict() for p in parse_pdf(two_pages)]

    def test_directory_mixes_text_and_pdf(
        self, two_pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A directory gives its *.txt and *.pdf files sorted, PDF pages in page order;
        two jobs write the same bytes."""
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "b.pdf").write_bytes(two_pages.read_bytes())
        for name in ("a.txt", "c.txt"):
            (folder / name).write_text(f"{name}标题\n\n本报讯 正文。\n", encoding="utf-8")
        outputs = []
        for jobs in ("1", "2"):
            assert main(["parse", str(folder), "-f", "jsonl", "-j", jobs]) == 0
            outputs.append(capsys.readouterr().out)
        assert outputs[0] == outputs[1]
        sources = [json.loads(line)["source"] for line in outputs[0].splitlines()]
        assert sources == ["a.txt", "b.pdf#p1", "b.pdf#p2", "c.txt"]

    def test_output_directory(
        self, two_pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With -o DIR/ a PDF's pages go into one file, an array."""
        out = tmp_path / "out"
        assert main(["parse", str(two_pages), "-o", f"{out}/"]) == 0
        got = json.loads((out / "page.json").read_text(encoding="utf-8"))
        assert [p["source"] for p in got] == ["page.pdf#p1", "page.pdf#p2"]

    def test_pdf_found_by_its_header(
        self, two_pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A PDF without the .pdf suffix is still read as one."""
        renamed = tmp_path / "page.bin"
        renamed.write_bytes(two_pages.read_bytes())
        assert main(["parse", str(renamed), "-f", "jsonl"]) == 0
        sources = [json.loads(x)["source"] for x in capsys.readouterr().out.splitlines()]
        assert sources == ["page.bin#p1", "page.bin#p2"]

    def test_bad_pdf_among_good_inputs(
        self, two_pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A .pdf that is not a PDF fails alone, named on stderr; exit status 1."""
        fake = tmp_path / "fake.pdf"
        fake.write_text("不是PDF", encoding="utf-8")
        assert main(["parse", str(fake), str(two_pages), "-f", "jsonl"]) == 1
        captured = capsys.readouterr()
        assert f"newspage: {fake}: not a PDF" in captured.err
        assert len(captured.out.splitlines()) == 2

    def test_pdf_on_standard_input_is_refused(
        self, two_pages: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`-` holding a PDF asks for the file name."""
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(two_pages.read_bytes())))
        assert main(["parse", "-"]) == 1
        assert "newspage: <stdin>: a PDF: give its file name" in capsys.readouterr().err

    def test_parse_input_is_what_the_command_reads(self, two_pages: Path) -> None:
        """`cli.parse_input` gives the pages the command writes."""
        assert list(cli.parse_input(two_pages)) == parse_pdf(two_pages)
