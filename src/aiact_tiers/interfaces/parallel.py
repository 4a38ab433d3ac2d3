"""Worker processes: an inventory's rows classified in chunks on several cores, in input order.

The parent hands out chunks and writes the output; each worker classifies a chunk and, when
asked, renders each result as the text the output holds, so the parent only copies text. A
JSON Lines file goes out as blocks of raw bytes that the workers read themselves, so the parent
parses nothing; other inputs go out as rows. Chunks come back in the order they were sent, so
lines, order and every row's outcome are what one process gives.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from .inventory import JsonLines, Row, block_rows

if TYPE_CHECKING:
    from .batch import Compact, Outcome
    from .inventory import Item

__all__ = ["available_cores", "classify_in_workers"]

CHUNK_ROWS = 64
"""Rows sent to a worker at a time: enough to make the hand-over cheap, few enough to stream."""

BLOCK_BYTES = 256 * 1024
"""Bytes of JSON Lines sent to a worker at a time (a hundred rows or more)."""


Render = Callable[[int, Any], str]
Rendered = tuple[int, "Item | Compact | Outcome", str]
Work = Callable[..., Iterable[Rendered]]
"""What one process does with rows: ``work(rows, render, **options)``, as
:func:`~aiact_tiers.interfaces.batch.classify_rendered` with one job."""

_work: tuple[dict[str, Any], Render | None, Work] | None = None  # set in each worker


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _start(options: dict[str, Any], render: Render | None, work: Work) -> None:
    global _work
    _work = (options, render, work)


def _classify_chunk(chunk: list[Row] | tuple[int, bytes]) -> list[Rendered]:
    assert _work is not None, "the worker was started without its options"
    return _classified(chunk, *_work)


def _classified(chunk: list[Row] | tuple[int, bytes], options: dict[str, Any],
                render: Render | None, work: Work) -> list[Rendered]:
    """What one process gives for a chunk of rows or a block of JSON Lines."""
    rows = block_rows(*chunk) if isinstance(chunk, tuple) else chunk
    return list(work(rows, render, **options))


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def classify_in_workers(
    rows: Iterable[Row], options: dict[str, Any], jobs: int, render: Render | None, work: Work,
) -> Iterator[Rendered]:
    """What ``work`` gives for every row (:func:`~aiact_tiers.interfaces.batch.classify_rendered`),
    the rows classified by ``jobs`` processes with the keyword ``options`` of ``classify_many``.

    At most two chunks per worker are in flight, so memory stays flat however long the input.
    An input of one chunk is classified in this process: starting workers would cost more.
    """
    chunks: Iterator[list[Row] | tuple[int, bytes]] = (
        rows.blocks(BLOCK_BYTES) if isinstance(rows, JsonLines) else _chunks(rows, CHUNK_ROWS))
    first, second = next(chunks, []), next(chunks, None)
    if second is None:
        yield from _classified(first, options, render, work)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start,
                             initargs=(options, render, work)) as pool:
        pending: deque[Future[list[Rendered]]] = deque()
        for chunk in chain([first, second], chunks):
            pending.append(pool.submit(_classify_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
