"""The `newspage` command: `newspage parse INPUT... [-f FORMAT] [-o OUT] [-j N]` and
`newspage score GOLD PRED`.

Inputs are files, directories (every `*.txt` and `*.pdf` below them, sorted) and glob
patterns (`**` allowed, sorted); `-` is standard input. A PDF (named `*.pdf`, or starting
with `%PDF-`) gives one page per PDF page (`newspage.pdf`, the extra `newspage[pdf]`);
any other file is a page dump. Each input fails or succeeds on its own:
a failure is one line `newspage: FILE: reason` on stderr, the other inputs go on, and the
exit status is 1 at the end. Output goes to stdout, or to OUT:

* OUT is an existing directory or ends in `/`: one file per input, named after it
  (`page.txt` gives `OUT/page.json`, `.jsonl`, `.md` or `.txt` by format; files found
  in a directory input keep their path below it).
* any other OUT: one file holding what stdout would have received.

Files are written atomically (a temporary file in the same directory, then a rename), so
OUT is either the old file or the complete new one. With `--format json`, a single page
dump or `-` gives one JSON object; several inputs, a directory, a pattern or a PDF give
an array of the pages that parsed, whatever their number. `jsonl` gives one page per
line, `markdown` and `text` concatenate the pages.

`--jobs N` parses in N worker processes; the output, messages and exit status are those of
one job, in input order. A batch shows a progress line on stderr when stderr is a terminal.
`newspage score` is in `newspage.score`.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import itertools
import os
import pickle
import signal
import stat
import sys
import tempfile
import textwrap
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import BinaryIO, Literal, TextIO

import attrs

from . import __version__
from .decode import PDF_MAGIC, decode_bytes
from .errors import InputError, NewspageError
from .model import Page
from .parser import parse, parse_file
from .pdf import is_pdf_file, parse_pdf
from .render import ARTICLE_RULE, to_json, to_jsonl, to_markdown, to_text
from .score import score_command

Format = Literal["json", "jsonl", "markdown", "text"]
FORMATS: tuple[Format, ...] = ("json", "jsonl", "markdown", "text")
SUFFIXES: dict[Format, str] = {
    "json": ".json",
    "jsonl": ".jsonl",
    "markdown": ".md",
    "text": ".txt",
}
STDIN = "-"

Outcome = tuple[Page, ...] | Exception
"""What reading one input gives: its pages (one for a page dump, one per PDF page), or
the error it failed with."""

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C

CHUNK = 8
"""Most files a worker process parses per task with `--jobs N`."""

_EPILOG = """\
output:
  without -o          stdout
  -o DIR/ or -o DIR   one file per input in DIR (when DIR exists or ends in /)
  -o FILE             one file, written atomically
  --format json gives one object for a single page dump or -, else an array of pages
  (a PDF gives one page per PDF page).

  -j N parses in N processes (0: one per CPU); output and messages are those of -j 1.
  A batch shows "newspage: DONE/TOTAL pages" on stderr when stderr is a terminal.

exit status: 0 all inputs parsed, 1 some input or the output failed, 2 usage error,
  130 interrupted
"""

_SCORE_EPILOG = """\
pairing:
  GOLD a file         compared with PRED (a file, or PRED/NAME.json if PRED is a directory)
  GOLD a directory    its *.gold.json files (if it has any, else its *.json files), each
                      NAME.gold.json or NAME.json compared with PRED/NAME.json
  A missing prediction counts as a page without articles.

output:
  with --verbose one row per page, then "summary" with the metrics over all pages
  (micro-averaged), and last "score: X"; --json prints each of these as one JSON object
  per line.

exit status: 0 scored, 1 a file could not be read, 2 usage error
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
        input or the output failed, 2 for a usage error, 130 if interrupted.
    """
    parser = _arg_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors end here
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command == "score":
        return score_command(args.gold, args.pred, verbose=args.verbose, as_json=args.json)
    fmt: Format = args.format
    out: str | None = args.output
    sources = expand_inputs(args.inputs)
    if out is not None and any(_same_file(out, s.path) for s in sources):
        print(f"newspage: {out}: the output would overwrite an input", file=sys.stderr)
        return EXIT_USAGE
    many = len(args.inputs) > 1 or any(_is_batch(arg) for arg in args.inputs)

    report = Reporter(len(sources), quiet=args.quiet, bar=len(sources) > 1 and _is_tty(sys.stderr))
    results = iter_results(sources, args.encoding, jobs=args.jobs)
    pages = _pages(results, report)
    try:
        try:
            if out is None:
                _pump(_chunks(_flat(pages), fmt, many=many), _stdout())
            elif out.endswith(("/", os.sep)) or os.path.isdir(out):
                _write_each(pages, out, fmt, report)
            else:
                _write_atomic(out, _chunks(_flat(pages), fmt, many=many))
        finally:
            report.close()
            results.close()  # stops the worker processes at once, also on errors
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
    failures = report.failures
    if failures and not args.quiet and len(sources) > 1:
        print(f"newspage: {len(failures)} of {len(sources)} inputs failed", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


class Reporter:
    """The failures of a run, and what stderr shows of them and of the progress.

    The progress line `newspage: DONE/TOTAL pages` is rewritten in place (`\\r`) as inputs
    are done; a failure message first clears it, then the line is drawn again below.
    """

    def __init__(self, total: int, *, quiet: bool, bar: bool) -> None:
        """
        Args:
            total: How many inputs the run has.
            quiet: Print nothing (failures are still recorded).
            bar: Show the progress line (ignored when `quiet`).
        """
        self.failures: list[Source] = []
        """The inputs that failed, in the order they were reported."""
        self.total = total
        self.done = 0
        """Inputs finished so far, parsed or failed."""
        self._quiet = quiet
        self._bar = bar and not quiet
        self._shown = 0  # length of the progress line on screen, 0 when none is

    def fail(self, source: Source, reason: str) -> None:
        """Record that `source` failed, and say why on stderr unless quiet."""
        self.failures.append(source)
        if not self._quiet:
            self._clear()
            print(f"newspage: {source.label}: {reason}", file=sys.stderr, flush=True)
            if self._bar and self.done:
                self._draw()

    def step(self) -> None:
        """Count one more input as done."""
        self.done += 1
        if self._bar:
            self._draw()

    def close(self) -> None:
        """End the progress line, leaving its last state on screen."""
        if self._shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self._shown = 0

    def _draw(self) -> None:
        line = f"newspage: {self.done}/{self.total} pages"
        sys.stderr.write("\r" + line)
        sys.stderr.flush()
        self._shown = len(line)

    def _clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r" + " " * self._shown + "\r")
            self._shown = 0


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


def expand_inputs(inputs: Iterable[str]) -> list[Source]:
    """Turn command line inputs into the files to read, in order, each once.

    Args:
        inputs: Files, directories, glob patterns and `-`, as given.

    Returns:
        One `Source` per file; a directory without `*.txt` or `*.pdf` files or a pattern
        matching no file gives a `Source` with a `problem`. A path that does not exist is
        passed on, so that reading it reports the error.
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
    sources: Sequence[Source], encoding: str | None, *, jobs: int = 1
) -> Generator[tuple[Source, Outcome], None, None]:
    """Parse each source, in order, yielding its pages or the error it failed with.

    With more than one job the sources are parsed in worker processes, a few (`CHUNK`) per
    task, with at most two tasks per worker ahead of what has been yielded, so memory does
    not grow with the number of sources; standard input is read in this process. Closing
    the generator stops the workers.

    Args:
        sources: What to read, from `expand_inputs`.
        encoding: The codec to decode with, or None to detect it.
        jobs: How many processes parse: 1 parses here, 0 means one per CPU.

    Yields:
        Each source with its pages, or with the exception that reading or parsing raised,
        in the order of `sources` whatever `jobs` is.
    """
    workers = min(jobs if jobs > 0 else os.cpu_count() or 1, len(sources))
    if workers <= 1:
        for source in sources:
            yield source, load(source, encoding)
        return
    size = max(1, min(CHUNK, len(sources) // (workers * 4)))
    chunks = iter(_chunked(sources, size))
    pending: deque[tuple[list[Source], Future[list[Outcome]] | None]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        while True:
            while len(pending) < 2 * workers:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                local = chunk[0].path == STDIN  # _chunked gives `-` a chunk of its own
                pending.append((chunk, None if local else pool.submit(_load_all, chunk, encoding)))
            if not pending:
                break
            chunk, future = pending.popleft()
            if future is None:
                outcomes = [load(chunk[0], encoding)]
            else:
                try:
                    outcomes = future.result()
                except Exception as exc:  # a worker died (BrokenProcessPool) or similar
                    outcomes = [exc] * len(chunk)
            yield from zip(chunk, outcomes, strict=True)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chunked(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    """`sources` in lists of up to `size`; `-` (standard input) alone in its list."""
    chunk: list[Source] = []
    for source in sources:
        if source.path == STDIN:
            if chunk:
                yield chunk
                chunk = []
            yield [source]
            continue
        chunk.append(source)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _worker_init() -> None:
    # Ctrl-C reaches every process of the terminal's group: the main process handles it
    # and stops the pool, so a worker must not die with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _load_all(chunk: list[Source], encoding: str | None) -> list[Outcome]:
    """`load` each source in a worker process, with errors made fit to send back."""
    return [_portable(load(source, encoding)) for source in chunk]


def _portable(outcome: Outcome) -> Outcome:
    """The outcome itself if it survives pickling, else a `WorkerError` that says the same."""
    if isinstance(outcome, tuple):
        return outcome
    try:
        pickle.loads(pickle.dumps(outcome))
    except Exception:
        return WorkerError(type(outcome).__name__, str(outcome))
    return outcome


class WorkerError(Exception):
    """Stands for an exception of a worker process that cannot be pickled.

    Attributes:
        kind: The name of the original exception's class.
        message: `str()` of the original exception.
    """

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        self.message = message
        super().__init__(kind, message)

    def __reduce__(self) -> tuple[type[WorkerError], tuple[str, str]]:
        return (type(self), (self.kind, self.message))


def load(source: Source, encoding: str | None) -> Outcome:
    """Read and parse one source; return the error instead of raising it.

    Args:
        source: What to read.
        encoding: The codec to decode with, or None to detect it.

    Returns:
        The parsed pages (see `parse_input`), or the exception raised on the way:
        `InputError`/`DecodeError` for unreadable input, anything else for a bug in the
        parser.
    """
    if source.problem is not None:
        return InputError(source.path, source.problem)
    try:
        if source.path == STDIN:
            data = sys.stdin.buffer.read()
            if data.startswith(PDF_MAGIC):
                # A PDF makes an array of `--format json`, and that shape must be known
                # from the command line before anything is read.
                return InputError(source.label, "a PDF: give its file name instead of -")
            return (parse(decode_bytes(data, encoding=encoding, path=source.label)),)
        return parse_input(source.path, encoding=encoding)
    except Exception as exc:
        # One bad page must not stop a batch of thousands: report it and go on.
        return exc


def parse_input(path: str | os.PathLike[str], *, encoding: str | None = None) -> tuple[Page, ...]:
    """Parse one file as `newspage parse` does.

    A PDF (`is_pdf_file`: named `*.pdf`, or starting with `%PDF-`) gives one page per PDF
    page, as `newspage.parse_pdf` reads them; any other file is a page dump and gives
    one page, as `newspage.parse_file` reads it.

    Args:
        path: The file.
        encoding: For a page dump, the codec to decode with, or None to detect it. A PDF
            names its own encodings.

    Returns:
        The pages, in page order.

    Raises:
        InputError: The file cannot be read (see `parse_file` and `parse_pdf`).
    """
    if is_pdf_file(path):
        return tuple(parse_pdf(path))
    return (parse_file(path, encoding=encoding),)


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
        help="a file, a directory (every *.txt and *.pdf below it), a glob pattern (** allowed) "
        "or -",
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
        "-q",
        "--quiet",
        action="store_true",
        help="do not report failed inputs or progress on stderr",
    )
    cmd.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parse in N processes, 0 for one per CPU (default: 1)",
    )
    score = commands.add_parser(
        "score",
        help="score page JSON against gold pages",
        description=(
            "Score predicted page JSON against hand-checked gold pages with the metrics "
            "the parser is judged by."
        ),
        epilog=_SCORE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    score.add_argument("gold", metavar="GOLD", help="a gold page JSON file, or a directory of them")
    score.add_argument(
        "pred", metavar="PRED", help="the predicted page JSON file, or a directory of them"
    )
    score.add_argument("-v", "--verbose", action="store_true", help="also print a row per page")
    score.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text}")
    return jobs


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


def _is_batch(arg: str) -> bool:
    """Whether an input can give any number of pages: a directory, a pattern or a PDF."""
    kind = _kind(arg)
    return kind in ("dir", "pattern") or (kind == "file" and is_pdf_file(arg))


def _expand_one(arg: str) -> list[Source]:
    kind = _kind(arg)
    if kind == "stdin":
        return [Source(STDIN, "stdin")]
    if kind == "file":
        return [Source(arg, _stem(os.path.basename(arg)))]
    if kind == "dir":
        below = os.path.join(glob.escape(arg), "**")
        found = sorted(f for name in ("*.txt", "*.pdf") for f in _files(os.path.join(below, name)))
        problem = "no .txt or .pdf files in this directory"
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
    results: Iterable[tuple[Source, Outcome]], report: Reporter
) -> Iterator[tuple[Source, tuple[Page, ...]]]:
    """Pass the pages of each source on; report each failure as it comes.

    An input counts as done for the progress line once its pages have been written.
    """
    for source, outcome in results:
        if isinstance(outcome, tuple):
            yield source, outcome
        else:
            report.fail(source, _reason(outcome))
        report.step()


def _flat(results: Iterable[tuple[Source, tuple[Page, ...]]]) -> Iterator[Page]:
    return (page for _, pages in results for page in pages)


def _reason(error: Exception) -> str:
    if isinstance(error, InputError):
        return error.reason  # already says the offset for a DecodeError
    if isinstance(error, NewspageError):
        return str(error)
    if isinstance(error, WorkerError):
        return f"internal error, please report it: {error.kind}: {error.message}"
    return f"internal error, please report it: {type(error).__name__}: {error}"


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _chunks(pages: Iterable[Page], fmt: Format, *, many: bool) -> Iterator[str]:
    """The output text in pieces, one per page, so that it can be written as it comes."""
    if fmt == "jsonl":
        yield from map(to_jsonl, pages)
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
    results: Iterable[tuple[Source, tuple[Page, ...]]], out: str, fmt: Format, report: Reporter
) -> None:
    """Write one file per input into directory `out` (a PDF's pages go into one file, as
    an array for `json`); an input whose file cannot be written fails."""
    os.makedirs(out, exist_ok=True)
    written: dict[str, Source] = {}
    for source, pages in results:
        target = os.path.join(out, source.name + SUFFIXES[fmt])
        key = os.path.realpath(target)
        if key in written:
            report.fail(source, f"{target} was already written for {written[key].label}")
        elif _same_file(target, source.path):
            report.fail(source, f"{target} would overwrite the input")
        else:
            try:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                _write_atomic(target, _chunks(pages, fmt, many=is_pdf_file(source.path)))
            except OSError as exc:
                report.fail(source, f"cannot write {target}: {_os_reason(exc)}")
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
