"""What a batch shows on a terminal: a progress bar, and a summary table instead of the records.

The bar gives the rows done of the rows expected, the rate and the time left. The summary counts
the rows per tier and explains the undetermined ones: the unknown facts that leave most rows
open, with how many rows each leaves open and the question that settles it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ..facts.descriptions import fact_info
from .batch import Summary

__all__ = ["expected_rows", "no_text", "progress_bar", "summary_view"]

OPEN_FACTS_SHOWN = 10
"""The open facts the summary lists, those leaving the most rows open first."""


def expected_rows(path: Path) -> int | None:
    """The rows a CSV or JSON Lines inventory is expected to hold: its lines not blank (less the
    CSV header); a cell spanning lines makes it an overestimate. None for other formats."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".ndjson"):
        return None
    with path.open("rb") as stream:
        rows = sum(1 for line in stream if line.strip())
    return max(rows - 1, 0) if suffix == ".csv" else rows


class _Rate(ProgressColumn):
    """Rows per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} rows/s")


@contextlib.contextmanager
def progress_bar(console: Console, total: int | None) -> Iterator[Callable[[], None]]:
    """A progress bar of ``total`` rows on ``console``, cleared when done; it yields the call
    that counts one row done."""
    with Progress(TextColumn("classifying"), BarColumn(), MofNCompleteColumn(), _Rate(),
                  TextColumn("left"), TimeRemainingColumn(), console=console,
                  transient=True) as progress:
        task = progress.add_task("rows", total=total)
        yield lambda: progress.advance(task)


def no_text(line: int, item: object) -> str:
    """A row's output when only the summary is shown: nothing."""
    return ""


def summary_view(summary: Summary, act: str | None = None) -> RenderableType:
    """The rows per tier, then the facts that leave the undetermined rows open (at most
    :data:`OPEN_FACTS_SHOWN`), each with its rows and its question in the words of ``act``."""
    total = summary.total
    tiers = Table(title=f"{total:,} rows", title_justify="left")
    tiers.add_column("tier")
    tiers.add_column("rows", justify="right")
    tiers.add_column("share", justify="right")
    for name, count in summary.counts().items():
        tiers.add_row(name, f"{count:,}", f"{count / total:.0%}" if total else "")
    if not summary.open_facts:
        return tiers
    facts = Table(title=f"What leaves the {summary.undetermined:,} undetermined rows open",
                  title_justify="left", caption="a row counts once for each fact it is asked",
                  caption_justify="left")
    facts.add_column("fact", overflow="fold")
    facts.add_column("rows", justify="right")
    facts.add_column("question", overflow="fold")
    for fact, count in summary.open_facts.most_common(OPEN_FACTS_SHOWN):
        facts.add_row(fact, f"{count:,}", _question(fact, act))
    if len(summary.open_facts) > OPEN_FACTS_SHOWN:
        facts.add_row(f"and {len(summary.open_facts) - OPEN_FACTS_SHOWN} more facts", "", "")
    return Group(tiers, facts)


def _question(fact: str, act: str | None) -> str:
    try:
        return fact_info(fact.rsplit(".", 1)[-1], act)["question"]
    except KeyError:
        return ""
