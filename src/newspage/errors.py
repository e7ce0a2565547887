"""Exceptions raised by newspage.

* NewspageError
  * InputError      -- a file cannot be read as a page dump at all (missing, a directory,
                       unreadable, binary, undecodable)
    * DecodeError   -- the bytes do not decode with any encoding newspage recognises

`newspage.parse()` on a `str` never raises these: odd pages give warnings instead.
"""

from __future__ import annotations


class NewspageError(Exception):
    """Base class for every exception newspage raises on purpose."""


class InputError(NewspageError, ValueError):
    """A file cannot be read as a page dump.

    Attributes:
        path: The file concerned, as given.
        reason: The message without the file name.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Rebuild from the constructor's arguments, so the error survives pickling
        # (worker processes of `newspage parse --jobs N` send errors back).
        return (type(self), (self.path, self.reason))


class DecodeError(InputError):
    """The bytes of a file do not decode as UTF-8, UTF-16 or GB18030.

    Attributes:
        offset: Byte offset of the first byte that does not decode.
        encoding: The encoding that was tried last (or the one asked for).
    """

    def __init__(self, path: str, offset: int, encoding: str, reason: str | None = None) -> None:
        self.offset = offset
        self.encoding = encoding
        super().__init__(path, reason or f"cannot decode byte at offset {offset} as {encoding}")

    def __reduce__(self) -> tuple[type[DecodeError], tuple[str, int, str, str]]:  # type: ignore[override]
        return (type(self), (self.path, self.offset, self.encoding, self.reason))
