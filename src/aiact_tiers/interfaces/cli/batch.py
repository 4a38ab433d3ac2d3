"""The batch command: an inventory classified row by row, its results written as they come, a
summary, and the gate of ``--fail-on``."""

from __future__ import annotations

import contextlib
import csv
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ...law.ruleset import DEFAULT_RULESET, load_ruleset
from ...render.terminal import terminal_text
from ...results.classification import Tier
from .. import files
from ..batch import Outcome, Summary, classify_rendered, gate_failure, outcome, read_path
from ..inventory import Item, RowError
from ..junit import GateCase, JUnitReport
from ..records import FLAT_COLUMNS, compact_record, csv_record, jsonl_record
from .common import (
    GATE_FAILED,
    AsOfOpt,
    CliError,
    RoleOpt,
    RulesetOpt,
    StrictOpt,
    _date,
    _one_line_errors,
    _role,
    _unwritable,
    err,
    out,
)


class OutputFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"


class _Writer:
    """Writes one result or error per row as JSON Lines or CSV, as it comes.

    CSV cells that would start a spreadsheet formula are neutralised with a leading `'`.
    """

    def __init__(self, stream: files.Writable, fmt: OutputFormat) -> None:
        self.stream = stream
        self.render = csv_record if fmt is OutputFormat.CSV else jsonl_record
        if fmt is OutputFormat.CSV:
            csv.DictWriter(stream, FLAT_COLUMNS).writeheader()

    def write(self, line: int, item: Item | Outcome, text: str) -> None:
        """Write a row's text, rendered by :attr:`render` where the row was classified."""
        self.stream.write(text)


_BATCH_SUFFIXES = dict.fromkeys((".jsonl", ".csv", ".xlsx"))
"""The suffixes `batch --output` writes by: JSON Lines, CSV, a workbook."""


@contextlib.contextmanager
def _results(output: Path | None) -> Iterator[Any]:
    """The writer of ``--output`` by its suffix (.jsonl, .csv or .xlsx), or JSON Lines on stdout;
    a file is written whole when the run completes, or not at all."""
    suffix = output.suffix.lower() if output else ""
    if output and suffix not in _BATCH_SUFFIXES and not output.is_dir():  # a folder: its own error
        raise _unwritable(output, _BATCH_SUFFIXES)
    if output and suffix == ".xlsx":
        from ..excel import WorkbookWriter

        workbook = WorkbookWriter(output)
        yield workbook
        workbook.close()
        return
    fmt = OutputFormat.CSV if suffix == ".csv" else OutputFormat.JSONL
    with files.atomic_text(output) if output else _stdout() as stream:
        yield _Writer(stream, fmt)


@contextlib.contextmanager
def _progress(inventory: Path) -> Iterator[Any]:
    """The counter of a progress bar of the inventory's rows when stderr is a terminal (a call
    counting one row done); None elsewhere."""
    if not err.is_terminal:
        yield None
        return
    from ..batch_view import expected_rows, progress_bar

    with progress_bar(err, expected_rows(inventory)) as advance:
        yield advance


def batch_command(
    inventory: Annotated[
        Path, typer.Argument(help="Inventory: .csv, .jsonl, .yaml or .json list, or .xlsx workbook.")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write results here (.jsonl, .csv or .xlsx).")
    ] = None,
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fail_on: Annotated[
        Tier | None,
        typer.Option("--fail-on", help="Exit 1 when a system reaches this tier or a more severe one "
                     "(out_of_scope < minimal < limited < high_risk < prohibited), may reach it while "
                     "undetermined, or could not be read."),
    ] = None,
    allow_undetermined: Annotated[
        bool, typer.Option("--allow-undetermined",
                           help="With --fail-on: pass undetermined systems that may reach the tier.")
    ] = False,
    allow_errors: Annotated[
        bool, typer.Option("--allow-errors", help="With --fail-on: pass rows that could not be read.")
    ] = False,
    strict: StrictOpt = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: the cores available).")
    ] = None,
    compact: Annotated[
        bool, typer.Option("--compact", help="Write compact records instead of whole results: id, "
                           "tier, possible tiers, basis and obligation rule ids, as POST /batch "
                           "gives them (JSON Lines only; no explanation, several times faster).")
    ] = False,
    junit: Annotated[
        Path | None, typer.Option("--junit", metavar="FILE", help="With --fail-on: write the gate's "
                                  "verdict on each row as a JUnit XML report (.xml), for the test "
                                  "views of CI services.")
    ] = None,
) -> None:
    """Classify every system of an inventory; one result or error per row, then a summary.

    The output file is written whole when the run completes, or not at all.
    """
    summary = Summary()
    with _one_line_errors():
        day, who = _date(as_of), _role(role)
        rules = load_ruleset(ruleset)
        if output is not None and _same_file(output, inventory):
            raise CliError(f"`--output` `{output}` is the inventory; write the results elsewhere")
        if compact and output is not None and output.suffix.lower() != ".jsonl":
            raise CliError(f"`--compact` writes JSON Lines: name a .jsonl output, not `{output.name}`")
        report = _junit_report(junit, fail_on, inventory, output, rules.id)
        from .. import batch_view

        rows = read_path(inventory)
        table = output is None and out.is_terminal  # a summary table, not every record
        with _results(output) as writer, _progress(inventory) as advance:
            render = batch_view.no_text if table else compact_record if compact else writer.render
            for line, item, text in classify_rendered(
                rows, render, jobs=_jobs(jobs), compact=compact, ruleset=rules, as_of=day,
                role=who, presume=not strict,
            ):
                writer.write(line, item, text)
                kept = outcome(item)
                summary.add(kept)
                if report is not None and fail_on is not None:
                    report.add(GateCase(line, kept.id, gate_failure(
                        kept, fail_on, undetermined=not allow_undetermined, errors=not allow_errors)))
                if isinstance(item, RowError):
                    err.print(terminal_text(f"{inventory}:{item}"), markup=False)
                if advance:
                    advance()
    if table:
        out.print(batch_view.summary_view(summary, rules.act))
    counts = ", ".join(f"{tier} {n}" for tier, n in summary.counts().items())
    err.print(f"{summary.total} rows: {counts}", markup=False)
    if report is not None:
        with _one_line_errors():
            report.write()
    if fail_on is not None:
        reasons = summary.gate(fail_on, undetermined=not allow_undetermined, errors=not allow_errors)
        if reasons:
            err.print(f"gate --fail-on {fail_on.value} failed: {'; '.join(reasons)}", markup=False)
            raise typer.Exit(GATE_FAILED)


def _junit_report(junit: Path | None, fail_on: Tier | None, inventory: Path,
                  output: Path | None, ruleset: str) -> JUnitReport | None:
    """The report the rows' verdicts go to for ``--junit``, after checking its path; None
    without ``--junit``."""
    if junit is None:
        return None
    if fail_on is None:
        raise CliError("`--junit` reports the gate of `--fail-on`: name the tier it fails on")
    if junit.suffix.lower() != ".xml":
        raise CliError(f"`--junit` `{junit}`: a JUnit report is an .xml file")
    if _same_file(junit, inventory) or (output is not None and _same_file(junit, output)):
        raise CliError(f"`--junit` `{junit}` is the inventory or the output; write it elsewhere")
    files.check_writable(junit)
    return JUnitReport(junit, suite=f"aiact-tiers batch --fail-on {fail_on.value} ({ruleset})",
                       inventory=inventory.name)


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (the same path, a link to it, or a hard link)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _jobs(jobs: int | None) -> int:
    from ..parallel import available_cores

    if jobs is None:
        return available_cores()
    if jobs < 1:
        raise CliError(f"`--jobs` must be at least 1 (got {jobs})")
    return jobs


@contextlib.contextmanager
def _stdout() -> Iterator[files.Writable]:
    yield files.NamedStream(sys.stdout, "<stdout>")
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise files.WriteError("<stdout>", exc) from None

