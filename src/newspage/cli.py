"""The `newspage` command: `newspage parse INPUT... [-f FORMAT] [-o OUT]`.

Inputs are files, directories (every `*.txt` below them, sorted) and glob patterns
(`**` allowed, sorted); `-` is standard input. Each input fails or succeeds on its own:
a failure is one line `newspage: FILE: reason` on stderr, the other inputs go on, and the
exit status is 1 at the end. Output goes to stdout, or to OUT:

* OUT is an existing directory or ends in `/`: one file per input, named after it
  (`page.txt` gives `OUT/page.json`, `.jsonl`, `.md` or `.txt` by format; files found
  in a directory input keep their path below it).
* any other OUT: one file holding what stdout would have received.

Files are written atomically (a temporary file in the same directory, then a rename), so
OUT is either the old file or the complete new one. With `--format json`, a single file
or `-` gives one JSON object; several inputs, a directory or a pattern give an array of
the pages that parsed, whatever their number. `jsonl` gives one page per line,
`markdown` and `text` concatenate the pages.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import itertools
import os
import stat
import sys
import tempfile
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO, Literal

import attrs

from . import __version__
from .decode import decode_bytes
from .errors import InputError, NewspageError
from .model import Page
from .parser import parse, parse_file
from .render import ARTICLE_RULE, to_json, to_markdown, to_text

Format = Literal["json", "jsonl", "markdown", "text"]
FORMATS: tuple[Format, ...] = ("json", "jsonl", "markdown", "text")
SUFFIXES: dict[Format, str] = {
    "json": ".json",
    "jsonl": ".jsonl",
    "markdown": ".md",
    "text": ".txt",
}
STDIN = "-"

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C

_EPILOG = """\
output:
  without -o          stdout
  -o DIR/ or -o DIR   one file per input in DIR (when DIR exists or ends in /)
  -o FILE             one file, written atomically
  --format json gives one object for a single file or -, else an array of pages.

exit status: 0 all inputs parsed, 1 some input or the output failed, 2 usage error,
  130 interrupted
"""


@attrs.frozen
class Source:
    """One input to read, after directories and patterns are expanded."""

    path: str
    """The file to read, or `-` for standard input."""
    name: str
    """Output name for `-o DIR`, without suffix: the path below a directory input,
    otherwise the file name without its suffix."""
    problem: str | None = None
    """Why this input names nothing to read (a pattern that matches no file), or None."""

    @property
    def label(self) -> str:
        """How messages name the input."""
        return "<stdin>" if self.path == STDIN else self.path


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments without the program name; None reads `sys.argv`.

    Returns:
        The exit status: 0 if every input parsed and the output was written, 1 if any
        input or the output failed, 2 for a usage error.
    """
    parser = _arg_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors end here
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    fmt: Format = args.format
    out: str | None = args.output
    sources = expand_inputs(args.inputs)
    if out is not None and any(_same_file(out, s.path) for s in sources):
        print(f"newspage: {out}: the output would overwrite an input", file=sys.stderr)
        return EXIT_USAGE
    many = len(args.inputs) > 1 or any(_kind(arg) in ("dir", "pattern") for arg in args.inputs)

    failures: list[Source] = []
    pages = _pages(iter_results(sources, args.encoding), failures, args.quiet)
    try:
        if out is None:
            _pump(_chunks((page for _, page in pages), fmt, many=many), _stdout())
        elif out.endswith(("/", os.sep)) or os.path.isdir(out):
            _write_each(pages, out, fmt, failures, args.quiet)
        else:
            _write_atomic(out, _chunks((page for _, page in pages), fmt, many=many))
    except BrokenPipeError:
        # The reader went away (`newspage parse ... | head`): stop quietly, and keep the
        # interpreter from complaining when it flushes stdout at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except OSError as exc:
        print(f"newspage: {out or '<stdout>'}: cannot write: {_os_reason(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("newspage: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    if failures and not args.quiet and len(sources) > 1:
        print(f"newspage: {len(failures)} of {len(sources)} inputs failed", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


def expand_inputs(inputs: Iterable[str]) -> list[Source]:
    """Turn command line inputs into the files to read, in order, each once.

    Args:
        inputs: Files, directories, glob patterns and `-`, as given.

    Returns:
        One `Source` per file; a directory without `*.txt` files or a pattern matching no
        file gives a `Source` with a `problem`. A path that does not exist is passed on,
        so that reading it reports the error.
    """
    sources: list[Source] = []
    seen: set[str] = set()
    for arg in inputs:
        for source in _expand_one(arg):
            key = source.path if source.path == STDIN else os.path.realpath(source.path)
            if source.problem is None and key in seen:
                continue
            seen.add(key)
            sources.append(source)
    return sources


def iter_results(
    sources: Iterable[Source], encoding: str | None
) -> Iterator[tuple[Source, Page | Exception]]:
    """Parse each source, in order, yielding the page or the error it failed with.

    A `--jobs N` option can replace the loop by `ProcessPoolExecutor.map(load, ...)`, which
    keeps input order (stdin must then be read in this process, and the returned errors
    must pickle); a progress bar can wrap this iterator.

    Args:
        sources: What to read, from `expand_inputs`.
        encoding: The codec to decode with, or None to detect it.

    Yields:
        Each source with its `Page`, or with the exception that reading or parsing raised.
    """
    for source in sources:
        yield source, load(source, encoding)


def load(source: Source, encoding: str | None) -> Page | Exception:
    """Read and parse one source; return the error instead of raising it.

    Args:
        source: What to read.
        encoding: The codec to decode with, or None to detect it.

    Returns:
        The parsed page, or the exception raised on the way: `InputError`/`DecodeError`
        for unreadable input, anything else for a bug in the parser.
    """
    if source.problem is not None:
        return InputError(source.path, source.problem)
    try:
        if source.path == STDIN:
            data = sys.stdin.buffer.read()
            return parse(decode_bytes(data, encoding=encoding, path=source.label))
        return parse_file(source.path, encoding=encoding)
    except Exception as exc:
        # One bad page must not stop a batch of thousands: report it and go on.
        return exc


def _arg_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newspage", description="Chinese newspaper page dumps in, structured articles out."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    cmd = commands.add_parser(
        "parse",
        help="parse page dumps",
        description="Parse page dumps into articles.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmd.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a file, a directory (every *.txt below it), a glob pattern (** allowed) or -",
    )
    cmd.add_argument("-f", "--format", choices=FORMATS, default="json", help="default: json")
    cmd.add_argument("-o", "--output", metavar="OUT", help="a file, or a directory")
    cmd.add_argument(
        "--encoding",
        type=_encoding,
        metavar="ENC",
        help="decode with ENC (default: detect UTF-8/16/32 with BOM, UTF-16, UTF-8, GB18030)",
    )
    cmd.add_argument(
        "-q", "--quiet", action="store_true", help="do not report failed inputs on stderr"
    )
    return parser


def _encoding(name: str) -> str:
    """Check `--encoding` before any file is read, so a typo is one usage error."""
    try:
        # Decoding a byte (b"" skips the lookup) also refuses codecs that are not text
        # encodings, such as base64.
        b" ".decode(name)
    except UnicodeError:
        pass  # a real codec that cannot decode a space (utf-16): fine here
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding: {name}") from None
    return name


def _kind(arg: str) -> Literal["stdin", "dir", "file", "pattern"]:
    """What a command line input names; an existing file wins over a pattern."""
    if arg == STDIN:
        return "stdin"
    if os.path.isdir(arg):
        return "dir"
    if not os.path.exists(arg) and any(c in arg for c in "*?["):
        return "pattern"
    return "file"


def _expand_one(arg: str) -> list[Source]:
    kind = _kind(arg)
    if kind == "stdin":
        return [Source(STDIN, "stdin")]
    if kind == "file":
        return [Source(arg, _stem(os.path.basename(arg)))]
    if kind == "dir":
        found = _files(os.path.join(glob.escape(arg), "**", "*.txt"))
        problem = "no .txt files in this directory"
        return [Source(f, _stem(os.path.relpath(f, arg))) for f in found] or [
            Source(arg, "", problem)
        ]
    found = _files(arg)
    return [Source(f, _stem(os.path.basename(f))) for f in found] or [
        Source(arg, "", "no file matches this pattern")
    ]


def _files(pattern: str) -> list[str]:
    return sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))


def _stem(path: str) -> str:
    return os.path.splitext(path)[0]


def _pages(
    results: Iterable[tuple[Source, Page | Exception]], failures: list[Source], quiet: bool
) -> Iterator[tuple[Source, Page]]:
    """Pass the pages on; report each failure as it comes and record it in `failures`."""
    for source, outcome in results:
        if isinstance(outcome, Page):
            yield source, outcome
        else:
            _fail(source, _reason(outcome), failures, quiet)


def _fail(source: Source, reason: str, failures: list[Source], quiet: bool) -> None:
    failures.append(source)
    if not quiet:
        print(f"newspage: {source.label}: {reason}", file=sys.stderr, flush=True)


def _reason(error: Exception) -> str:
    if isinstance(error, InputError):
        return error.reason  # already says the offset for a DecodeError
    if isinstance(error, NewspageError):
        return str(error)
    return f"internal error, please report it: {type(error).__name__}: {error}"


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _chunks(pages: Iterable[Page], fmt: Format, *, many: bool) -> Iterator[str]:
    """The output text in pieces, one per page, so that it can be written as it comes."""
    if fmt == "jsonl":
        yield from (to_json(page, indent=None) + "\n" for page in pages)
    elif fmt == "json" and not many:
        yield from (to_json(page) + "\n" for page in pages)
    elif fmt == "json":
        # Written piece by piece, the array is still what json.dumps(list, indent=2) gives.
        yield "["
        sep = "\n"
        for page in pages:
            yield sep + textwrap.indent(to_json(page), "  ")
            sep = ",\n"
        yield "]\n" if sep == "\n" else "\n]\n"
    else:
        # Pages are set apart like the articles inside one page; empty renderings are
        # skipped so that no two separators meet.
        render = to_markdown if fmt == "markdown" else to_text
        sep = "\n---\n\n" if fmt == "markdown" else f"\n{ARTICLE_RULE}\n\n"
        texts = (text for text in map(render, pages) if text)
        yield from (text if i == 0 else sep + text for i, text in enumerate(texts))


def _write_each(
    pages: Iterable[tuple[Source, Page]], out: str, fmt: Format, failures: list[Source], quiet: bool
) -> None:
    """Write one file per page into directory `out`; a page that cannot be written fails."""
    os.makedirs(out, exist_ok=True)
    written: dict[str, Source] = {}
    for source, page in pages:
        target = os.path.join(out, source.name + SUFFIXES[fmt])
        key = os.path.realpath(target)
        if key in written:
            _fail(source, f"{target} was already written for {written[key].label}", failures, quiet)
        elif _same_file(target, source.path):
            _fail(source, f"{target} would overwrite the input", failures, quiet)
        else:
            try:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                _write_atomic(target, _chunks([page], fmt, many=False))
            except OSError as exc:
                _fail(source, f"cannot write {target}: {_os_reason(exc)}", failures, quiet)
            else:
                written[key] = source


def _write_atomic(path: str, chunks: Iterable[str]) -> bool:
    """Write `chunks` to `path` through a temporary file that is renamed over it.

    Returns:
        False, leaving `path` alone, when there is nothing to write (a single input that
        failed); True once `path` holds the complete new text.
    """
    pieces = iter(chunks)
    first = next(pieces, None)
    if first is None:
        return False
    mode = _file_mode(path)
    name = os.path.basename(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=os.path.dirname(path) or ".")
    try:
        with os.fdopen(fd, "wb") as file:
            _pump(itertools.chain([first], pieces), file)
            os.fsync(file.fileno())  # the rename must not reach the disk before the data
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        # Also on Ctrl-C: never leave the temporary file behind.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def _pump(chunks: Iterable[str], stream: BinaryIO) -> None:
    """Write UTF-8 whatever the locale, and flush each piece so `jsonl` streams."""
    for chunk in chunks:
        stream.write(chunk.encode("utf-8"))
        stream.flush()


def _stdout() -> BinaryIO:
    sys.stdout.flush()
    return sys.stdout.buffer


def _file_mode(path: str) -> int:
    """Permissions for a new `path`: the old file's, else what open() would give.

    mkstemp creates files readable by their owner only; the output should not be.
    """
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False
