"""Bytes to text: find the encoding of a page dump and decode it strictly.

Page dumps come as UTF-8 (with or without a byte order mark), as UTF-16 from Windows tools,
or as GB18030/GBK/GB2312 from older Chinese publishing systems. Without an explicit
encoding the order of trust is:

1. a byte order mark (UTF-32, UTF-8, UTF-16, in an order that keeps UTF-32 LE from
   being read as UTF-16 LE);
2. UTF-16 without a mark, when NUL bytes gather at odd (LE) or even (BE) positions;
3. strict UTF-8;
4. strict GB18030, a superset of GBK and GB2312.

GB18030 maps almost any byte string to *some* characters, so every guess is checked: a NUL
byte outside UTF-16/32, or a high share of control, private-use or unassigned code points,
means binary data, and `DecodeError` is raised instead of returning junk.

The text is returned as decoded: the byte order mark is removed, but line ends and spaces
are kept, since normalising them is the parser's job.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

from .errors import DecodeError, InputError

PDF_MAGIC = b"%PDF-"
"""How every PDF file starts: `read_text` refuses it, `newspage.pdf` reads it."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE first: its mark FF FE 00 00 starts with the UTF-16 LE mark FF FE.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_NUL_BIAS = 3
"""How many times more NULs one byte parity needs than the other to suggest UTF-16.

Text in UTF-16 LE has a NUL at every odd position of an ASCII character (newlines, digits)
and almost none at even positions; binary data spreads its NULs over both."""

_TEXT_CONTROLS = frozenset("\t\n\r\v\f")
"""Control characters that page dumps do contain (\\f is a page break in some exports)."""

_JUNK_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})
"""Control, unassigned, private-use and surrogate code points: what binary data decodes to."""

_MAX_JUNK_SHARE = 0.05
"""Above this share of junk characters the input is refused as binary. Not zero: 方正-era
typesetting systems put rare characters (造字) in the private-use area, and a few stray
control characters survive many exports."""


def decode_bytes(data: bytes, *, encoding: str | None = None, path: str = "<bytes>") -> str:
    """Decode the bytes of a page dump.

    Args:
        data: The raw bytes.
        encoding: A codec name to decode with strictly, or None to detect the encoding
            (byte order mark, UTF-16, UTF-8, GB18030; see the module docstring).
        path: The name to use in error messages.

    Returns:
        The text, without a byte order mark; line ends are left as they are.

    Raises:
        InputError: `encoding` is not a known text encoding.
        DecodeError: The bytes do not decode with `encoding`, or, when detecting, with any
            encoding tried, or they look like binary data. `offset` is the byte offset
            where decoding failed; when detecting, where UTF-8 failed.
    """
    if encoding is not None:
        return _strip_bom(_decode_as(data, encoding, path))
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_after_bom(data, bom, name, path)
    return _detect(data, path)


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """Read a page dump file and decode it with `decode_bytes`.

    Args:
        path: The file to read.
        encoding: A codec name, or None to detect the encoding.

    Returns:
        The text of the file, without a byte order mark.

    Raises:
        InputError: The file is missing, a directory or unreadable, or `encoding` is
            unknown; `reason` says which (`no such file`, `is a directory`,
            `permission denied`).
        DecodeError: The bytes do not decode (see `decode_bytes`).
    """
    data = read_bytes(path)
    if encoding is None and data.startswith(PDF_MAGIC):
        # A PDF decodes as junk; say what it is and what reads it.
        raise InputError(
            os.fspath(path),
            "is a PDF, not a page dump: use newspage.parse_pdf() "
            "(pip install 'newspage[pdf]'), or `newspage parse` which reads both",
        )
    return decode_bytes(data, encoding=encoding, path=os.fspath(path))


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file whole, with the errors of `read_text`.

    Raises:
        InputError: The file is missing, a directory or unreadable; `reason` says which
            (`no such file`, `is a directory`, `permission denied`).
    """
    name = os.fspath(path)
    try:
        return Path(name).read_bytes()
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise InputError(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(name, "is a directory") from exc
    except PermissionError as exc:
        # Windows reports opening a directory as a permission error.
        reason = "is a directory" if os.path.isdir(name) else "permission denied"
        raise InputError(name, reason) from exc
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc


def _decode_as(data: bytes, encoding: str, path: str) -> str:
    """Decode strictly with a codec the caller named."""
    try:
        name = codecs.lookup(encoding).name
        return data.decode(name)
    except LookupError as exc:
        # Also raised for codecs that exist but are not text encodings, e.g. "base64".
        raise InputError(path, f"unknown encoding {encoding!r}") from exc
    except UnicodeDecodeError as exc:
        raise _error_at(path, exc, exc.encoding) from exc
    except UnicodeError as exc:
        # A few codecs (idna, punycode) fail without saying where.
        raise DecodeError(path, 0, encoding, f"cannot decode as {encoding}: {exc}") from exc


def _decode_after_bom(data: bytes, bom: bytes, encoding: str, path: str) -> str:
    """Decode what follows a byte order mark; the mark is trusted, so no fallback."""
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as exc:
        raise _error_at(
            path, exc, encoding, shift=len(bom), note=" after its byte order mark"
        ) from exc
    _refuse_junk(text, path, encoding, [encoding], skip=len(bom))
    return text


def _detect(data: bytes, path: str) -> str:
    """Try UTF-16 (when the NULs say so), UTF-8, then GB18030; refuse binary data."""
    tried: list[str] = []
    utf16 = _sniff_utf16(data)
    if utf16 is not None:
        tried.append(utf16)
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            pass  # NULs by accident: UTF-8 and the binary checks below decide.
        else:
            if _junk(text)[0] <= _MAX_JUNK_SHARE * len(text):
                return _strip_bom(text)

    tried.append("utf-8")
    nul = data.find(b"\0")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if nul >= 0:
            raise DecodeError(path, nul, "utf-8", _binary(f"NUL byte at offset {nul}", tried))
        _refuse_junk(text, path, "utf-8", tried)
        return text

    # From here on the error points at the first byte that is not UTF-8: most files are
    # meant to be UTF-8, and that byte is where a user should look.
    tried.append("gb18030")
    offset = utf8_error.start

    def fail(why: str) -> DecodeError:
        reason = f"cannot decode: byte {_hex(data, offset)} at offset {offset} is not UTF-8"
        return DecodeError(path, offset, "gb18030", f"{reason}, and {why}{_tried(tried)}")

    if nul >= 0:
        raise fail(f"NUL bytes (first at offset {nul}) mark binary data, not GB18030 text")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise fail("the bytes are not GB18030 either") from exc
    bad, _ = _junk(text)
    if bad > _MAX_JUNK_SHARE * len(text):
        raise fail(f"as GB18030 {_share(bad, len(text))}, so it is binary data, not text")
    return _strip_bom(text)


def _sniff_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order that the NUL bytes of BOM-less `data` suggest, if any."""
    if len(data) < 2 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    # U+0041 is 41 00 in LE and 00 41 in BE: ASCII puts its NUL on one side only.
    if odd > _NUL_BIAS * even:
        return "utf-16-le"
    if even > _NUL_BIAS * odd:
        return "utf-16-be"
    return None


def _junk(text: str) -> tuple[int, int]:
    """Count the characters binary data decodes to; also return the index of the first."""
    bad = 0
    first = -1
    for i, char in enumerate(text):
        if char not in _TEXT_CONTROLS and unicodedata.category(char) in _JUNK_CATEGORIES:
            bad += 1
            if first < 0:
                first = i
    return bad, first


def _refuse_junk(text: str, path: str, encoding: str, tried: list[str], skip: int = 0) -> None:
    """Raise `DecodeError` if cleanly decoded `text` is still mostly binary junk."""
    bad, first = _junk(text)
    if bad <= _MAX_JUNK_SHARE * len(text):
        return
    # Re-encoding the prefix gives the byte offset of the first junk character.
    offset = skip + len(text[:first].encode(encoding))
    detail = f"{_share(bad, len(text))}, the first at offset {offset}"
    raise DecodeError(path, offset, encoding, _binary(detail, tried))


def _error_at(
    path: str, exc: UnicodeDecodeError, encoding: str, *, shift: int = 0, note: str = ""
) -> DecodeError:
    """Turn a codec error into a `DecodeError` with the offset in the whole input."""
    offset = exc.start + shift
    byte = _hex(exc.object, exc.start)
    reason = f"cannot decode byte {byte} at offset {offset} as {encoding}{note} ({exc.reason})"
    return DecodeError(path, offset, encoding, reason)


def _strip_bom(text: str) -> str:
    """Drop one leading U+FEFF: a byte order mark the codec did not consume."""
    return text[1:] if text.startswith("\ufeff") else text


def _hex(data: bytes, offset: int) -> str:
    return f"0x{data[offset]:02x}" if offset < len(data) else "end of data"


def _share(bad: int, total: int) -> str:
    return f"{bad} of {total} characters are control, private-use or unassigned code points"


def _binary(detail: str, tried: list[str]) -> str:
    return f"binary data, not text: {detail}{_tried(tried)}"


def _tried(tried: list[str]) -> str:
    return f" (tried {', '.join(tried)})"
