"""Tests for newspage.decode: encoding detection, strict decoding and file errors."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, reject
from hypothesis import strategies as st

from newspage.decode import decode_bytes, read_text
from newspage.errors import DecodeError, InputError

PAGE = "转动能 护生态\n\n本报讯 抚顺市今年新增绿地120公顷，“一区两坑”治理完成。\n"


class TestDetect:
    """Decoding without an explicit encoding."""

    def test_utf8(self) -> None:
        """Plain UTF-8 decodes as it is."""
        assert decode_bytes(PAGE.encode("utf-8")) == PAGE

    def test_utf8_bom_removed(self) -> None:
        """A UTF-8 byte order mark is dropped from the text."""
        assert decode_bytes(codecs.BOM_UTF8 + PAGE.encode("utf-8")) == PAGE

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
    def test_utf16_and_utf32_with_bom(self, codec: str) -> None:
        """UTF-16 and UTF-32 in either byte order are recognised by their BOM."""
        data = "\ufeff".encode(codec) + PAGE.encode(codec)
        assert decode_bytes(data) == PAGE

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
    def test_utf16_without_bom(self, codec: str) -> None:
        """UTF-16 without BOM is recognised by the NUL bytes of its ASCII characters."""
        assert decode_bytes(PAGE.encode(codec)) == PAGE

    @pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
    def test_gb18030_family(self, codec: str) -> None:
        """GB18030, GBK and GB2312 files decode through the GB18030 fallback."""
        data = PAGE.encode(codec)
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")  # the test only means something if UTF-8 fails
        assert decode_bytes(data) == PAGE

    def test_crlf_kept(self) -> None:
        """Line ends are the parser's business: CRLF comes back unchanged."""
        text = "标题\r\n\r\n本报讯 正文。\r\n"
        assert decode_bytes(text.encode("utf-8")) == text
        assert decode_bytes(text.encode("gb18030")) == text
        assert decode_bytes(text.encode("utf-16")) == text

    def test_empty(self) -> None:
        """No bytes is an empty page, not an error."""
        assert decode_bytes(b"") == ""

    def test_undecodable_reports_utf8_offset(self) -> None:
        """Bytes that are neither UTF-8 nor GB18030 name the offset where UTF-8 failed."""
        data = "标题".encode() + b"\xff\xff" + "正文".encode()
        with pytest.raises(DecodeError) as info:
            decode_bytes(data, path="page.txt")
        error = info.value
        assert error.offset == 6
        assert error.path == "page.txt"
        message = str(error)
        assert message.startswith("page.txt: ")
        assert "offset 6" in message
        assert "utf-8" in message
        assert "gb18030" in message

    def test_binary_with_nul_refused(self) -> None:
        """A PNG header is refused, not read as GB18030, and the UTF-8 offset is given."""
        data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
        with pytest.raises(DecodeError) as info:
            decode_bytes(data, path="photo.png")
        assert info.value.offset == 0
        assert "NUL" in str(info.value)

    def test_nul_in_valid_utf8_refused(self) -> None:
        """Valid UTF-8 with even one NUL byte is binary data; the offset points at the NUL."""
        data = "正文".encode() * 100 + b"\x00" + "正文".encode() * 100
        with pytest.raises(DecodeError) as info:
            decode_bytes(data)
        assert info.value.offset == 600
        assert "NUL byte at offset 600" in str(info.value)

    def test_control_characters_refused(self) -> None:
        """Input that decodes to mostly control characters is refused as binary."""
        data = bytes(range(1, 9)) * 8
        with pytest.raises(DecodeError) as info:
            decode_bytes(data)
        assert info.value.offset == 0
        assert "control" in str(info.value)

    def test_junk_as_gb18030_refused(self) -> None:
        """Non-UTF-8 bytes that GB18030 only maps to controls and private use are refused."""
        # 0x80-0x9F lead bytes break UTF-8; A1A1-A1FE area plus controls and the
        # GB18030 user-defined area (AAA1, which maps to private use) make junk.
        data = b"\x01\x02\x03\xaa\xa1\xaa\xa2\xaa\xa3\x04\x05\x06" * 4
        assert data.decode("gb18030")  # GB18030 alone would accept it
        with pytest.raises(DecodeError) as info:
            decode_bytes(data, path="junk.bin")
        assert info.value.offset == 3  # 0xAA is where UTF-8 fails
        assert "gb18030" in str(info.value)

    def test_a_few_private_use_characters_accepted(self) -> None:
        """Rare characters typeset in the private-use area (造字) do not make a page binary."""
        text = "本报讯 " + "正文内容" * 20 + "\ue000。"
        assert decode_bytes(text.encode("gb18030")) == text

    def test_bad_bytes_after_bom_offset_counts_bom(self) -> None:
        """A broken UTF-8 file with BOM reports the offset in the whole file."""
        data = codecs.BOM_UTF8 + b"ab\xffcd"
        with pytest.raises(DecodeError) as info:
            decode_bytes(data)
        assert info.value.offset == 5


class TestExplicitEncoding:
    """Decoding with the encoding the caller names."""

    def test_decodes_strictly(self) -> None:
        """The named codec is used, even where detection would choose another."""
        data = "標題".encode("big5")
        assert decode_bytes(data) != "標題"  # detection reads Big5 bytes as GB18030
        assert decode_bytes(data, encoding="big5") == "標題"

    def test_bom_removed(self) -> None:
        """A BOM is dropped even when the encoding is given."""
        assert decode_bytes(codecs.BOM_UTF8 + "正文".encode(), encoding="utf-8") == "正文"

    def test_error_offset_from_codec(self) -> None:
        """The offset is where the named codec failed."""
        data = "标题".encode() + b"\xff"
        with pytest.raises(DecodeError) as info:
            decode_bytes(data, encoding="utf-8", path="x.txt")
        assert info.value.offset == 6
        assert info.value.encoding == "utf-8"
        assert "offset 6" in str(info.value)

    def test_gbk_text_with_wrong_encoding(self) -> None:
        """GBK bytes read as UTF-8 on request fail, instead of falling back."""
        with pytest.raises(DecodeError):
            decode_bytes("标题".encode("gbk"), encoding="utf-8")

    @pytest.mark.parametrize("name", ["no-such-codec", "base64"])
    def test_unknown_encoding(self, name: str) -> None:
        """An unknown or non-text codec is an InputError, not a LookupError."""
        with pytest.raises(InputError) as info:
            decode_bytes(b"abc", encoding=name, path="x.txt")
        assert not isinstance(info.value, DecodeError)
        assert name in info.value.reason


class TestReadText:
    """Reading files."""

    def test_reads_file(self, tmp_path: Path) -> None:
        """A GB18030 file is read and decoded."""
        path = tmp_path / "page.txt"
        path.write_bytes(PAGE.encode("gb18030"))
        assert read_text(path) == PAGE
        assert read_text(str(path), encoding="gb18030") == PAGE

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is an InputError naming the path."""
        path = tmp_path / "nope.txt"
        with pytest.raises(InputError) as info:
            read_text(path)
        assert info.value.path == str(path)
        assert info.value.reason == "no such file"
        assert str(path) in str(info.value)

    def test_directory(self, tmp_path: Path) -> None:
        """A directory is an InputError, not an IsADirectoryError."""
        with pytest.raises(InputError) as info:
            read_text(tmp_path)
        assert info.value.reason == "is a directory"

    @pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
    def test_permission_denied(self, tmp_path: Path) -> None:
        """An unreadable file is an InputError saying permission denied."""
        path = tmp_path / "secret.txt"
        path.write_text("正文", encoding="utf-8")
        path.chmod(0)
        try:
            with pytest.raises(InputError) as info:
                read_text(path)
        finally:
            path.chmod(0o644)
        assert info.value.reason == "permission denied"

    def test_decode_error_names_file(self, tmp_path: Path) -> None:
        """A file that does not decode gives a DecodeError with its path and offset."""
        path = tmp_path / "bad.txt"
        path.write_bytes(b"ok\n\xff\xfe\x00\x01")
        with pytest.raises(DecodeError) as info:
            read_text(path)
        assert info.value.path == str(path)
        assert info.value.offset == 3


# Characters a page can hold: no controls but tab and line ends, no surrogates (they
# cannot be encoded), no private-use or unassigned code points (the binary check counts
# them).
TEXT = st.text(
    st.characters(exclude_categories=["Cc", "Cs", "Co", "Cn"], include_characters="\t\n\r")
)


@given(TEXT)
def test_utf8_round_trip(text: str) -> None:
    """Any text encoded as UTF-8 decodes back to itself."""
    assume(not text.startswith("\ufeff"))  # that would be a BOM
    assert decode_bytes(text.encode("utf-8")) == text


@given(TEXT)
def test_utf16_round_trip(text: str) -> None:
    """Any text encoded as UTF-16 with BOM decodes back to itself."""
    assert decode_bytes(text.encode("utf-16")) == text


@given(TEXT)
def test_gb18030_round_trip(text: str) -> None:
    """Text representable in GB18030 decodes back with the encoding named, and also
    when detected if the bytes are not valid UTF-8 as well."""
    assume(not text.startswith("\ufeff"))
    try:
        data = text.encode("gb18030")
    except UnicodeEncodeError:
        reject()
    assume(data.decode("gb18030") == text)  # Python's codec round-trips it
    assert decode_bytes(data, encoding="gb18030") == text
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_bytes(data) == text


def test_errors_survive_pickling() -> None:
    """Errors cross process boundaries (batch workers) with all their attributes."""
    import pickle

    from newspage.errors import DecodeError, InputError

    e = pickle.loads(pickle.dumps(DecodeError("a.txt", 17, "utf-8")))
    assert (e.path, e.offset, e.encoding, str(e)) == (
        "a.txt",
        17,
        "utf-8",
        "a.txt: cannot decode byte at offset 17 as utf-8",
    )
    i = pickle.loads(pickle.dumps(InputError("b.txt", "no such file")))
    assert (type(i), i.path, i.reason) == (InputError, "b.txt", "no such file")


def test_pdf_given_to_parse_file_says_how_to_read_it(tmp_path: Path) -> None:
    """A PDF read as a page dump names the file and points to `parse_pdf`."""
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    with pytest.raises(InputError, match="parse_pdf") as info:
        read_text(pdf)
    assert str(pdf) in str(info.value)
