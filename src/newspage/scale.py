"""Parse many files on a cluster engine and get what `newspage parse --format jsonl` writes.

The functions here are plain Python over file paths, made to be handed to an engine that
runs a function over each partition of a collection: Dask bag's `map_partitions`, Spark's
`mapPartitions`. Reading, parsing and serializing are those of the command line
(`newspage.cli.parse_input`, `newspage.render.to_jsonl`), so the engine's output, its
partitions taken in order, is byte for byte the command's output for the same files in the
same order. `input_files` gives that order. The recipes are in docs/scale-out.md.

Nothing here imports an engine: `pip install 'newspage[scale]'` adds Dask for the recipes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator

from .cli import STDIN, expand_inputs, parse_input
from .errors import InputError
from .render import to_jsonl

_log = logging.getLogger(__name__)


def input_files(inputs: Iterable[str]) -> list[str]:
    """The files `newspage parse INPUTS...` reads, in the order it reads them.

    Directories give every `*.txt` and `*.pdf` below them, patterns the files they match,
    both sorted; a file named twice is read once.

    Args:
        inputs: Files, directories and glob patterns, as on the command line.

    Returns:
        The paths, ready for `dask.bag.from_sequence` or `SparkContext.parallelize`.

    Raises:
        InputError: An input names no file (a pattern matching nothing, a directory
            without page files), or is `-`: standard input cannot be shared out.
    """
    paths: list[str] = []
    for source in expand_inputs(inputs):
        if source.problem is not None:
            raise InputError(source.path, source.problem)
        if source.path == STDIN:
            raise InputError(source.label, "standard input cannot be shared out; name files")
        paths.append(source.path)
    return paths


def jsonl_lines(
    paths: Iterable[str | os.PathLike[str]],
    *,
    encoding: str | None = None,
    skip_failed: bool = False,
) -> Iterator[str]:
    """Parse each file and yield its pages as JSON Lines, as `newspage parse` writes them.

    A page dump gives one line, a PDF one line per PDF page. Joined, the lines are the
    output of `newspage parse PATHS... --format jsonl` byte for byte.

    Args:
        paths: The files, in the order their lines are wanted.
        encoding: For page dumps, the codec to decode with (`--encoding`), or None to
            detect it.
        skip_failed: Leave out a file that cannot be read or parsed, with a warning on the
            `newspage.scale` logger, as the command line leaves it out with a message on
            stderr; by default its exception propagates and stops the partition.

    Yields:
        One line per page, each ending in `\\n`.

    Raises:
        InputError: A file cannot be read (unless `skip_failed`).
    """
    for path in paths:
        try:
            pages = parse_input(path, encoding=encoding)
        except Exception as exc:
            if not skip_failed:
                raise
            _log.warning("skipped %s: %s: %s", os.fspath(path), type(exc).__name__, exc)
            continue
        yield from map(to_jsonl, pages)


def jsonl_partition(
    paths: Iterable[str | os.PathLike[str]],
    *,
    encoding: str | None = None,
    skip_failed: bool = False,
) -> list[str]:
    """The JSON Lines of one partition as a single string, in a list of one.

    Made for `map_partitions` followed by Dask bag's `to_textfiles`, which puts a newline
    between the elements of a partition: with the whole partition as one element, each
    file written is exactly the command line's output for that partition's files, and
    the files in partition order add up to its output for all of them. An empty partition
    gives an empty file.

    Args:
        paths: The files of the partition, in order.
        encoding: As for `jsonl_lines`.
        skip_failed: As for `jsonl_lines`.

    Returns:
        `["".join(jsonl_lines(paths))]`.
    """
    return ["".join(jsonl_lines(paths, encoding=encoding, skip_failed=skip_failed))]
