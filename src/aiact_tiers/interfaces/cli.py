"""The ``aiact-tiers`` command line: classify, batch, questions, interview, compare, history, explain,
rulesets, schema, and the services serve (HTTP) and mcp.

Every command goes through :func:`aiact_tiers.classify` and offers its choices (``--ruleset``,
``--as-of``, ``--role``). Errors print one line naming the field, line or file, and exit with 2.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import inspect
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import yaml
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Column, Table

from ..analysis.history import HISTORY_RULESETS, History, history, history_html, history_markdown
from ..decision.classify import classify
from ..documents import read_yaml
from ..errors import AiactTiersError, DescriptionError, import_extra
from ..facts.descriptions import (
    ModelDescription,
    SystemDescription,
    fact_info,
    load_description,
    read_description_data,
)
from ..facts.descriptions import _read_description as read_description_file
from ..facts.vocabulary import Role
from ..law.ruleset import DEFAULT_RULESET, list_rulesets, load_ruleset
from ..render import report
from ..results.classification import Assumption, Classification, OpenQuestion, Tier
from . import files
from .batch import Outcome, Summary, classify_rendered, read_path
from .inventory import Item, RowError, csv_facts
from .records import FLAT_COLUMNS, compact_record, csv_record, jsonl_record

if TYPE_CHECKING:
    from ..analysis.compare import Comparison

__all__ = ["app", "main"]

app = typer.Typer(
    name="aiact-tiers",
    help="Where an AI system stands under the EU AI Act: tier, legal basis, obligations, dates.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)
GATE_FAILED = 1
STOPPED = 1
USAGE_ERROR = 2
INTERRUPTED = 130
FIELDS = SystemDescription.model_fields.keys() | ModelDescription.model_fields.keys()


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


class DataFormat(StrEnum):
    """The formats of a command without reports: a table, or the API's JSON."""

    TABLE = "table"
    JSON = "json"


class OutputFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"


SUFFIXES = {".json": Format.JSON, ".md": Format.MARKDOWN, ".html": Format.HTML}
"""The formats `--output` writes, by the file's suffix."""

FileArg = Annotated[str, typer.Argument(
    metavar="FILE", help="Description as YAML or JSON; `-` for stdin.")]
RulesetOpt = Annotated[str, typer.Option(
    "--ruleset", "-r", metavar="ID", help="Ruleset id (see `rulesets`).")]
StrictOpt = Annotated[bool, typer.Option(
    "--strict", help="No presumptions: an exception whose facts are unknown stays open.")]
AsOfOpt = Annotated[str | None, typer.Option(
    "--as-of", metavar="DATE", help="Date the law is applied on, YYYY-MM-DD (default today).")]
RoleOpt = Annotated[str | None, typer.Option(
    "--role", metavar="ROLE", help="Only this role's obligations: " + ", ".join(Role) + ".")]
FormatOpt = Annotated[Format | None, typer.Option(
    "--format", "-f", help="Output format (default: table, or the suffix of --output).")]
DataFormatOpt = Annotated[DataFormat | None, typer.Option(
    "--format", "-f", help="Output format (default: table, or the suffix of --output).")]
ReportOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write the report here, in the format of its suffix: "
    ".json, .md or .html. Written whole or not at all.")]
JsonOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write the JSON here (suffix .json). Written whole or "
    "not at all.")]


class CliError(Exception):
    """A usage error to report on one line."""


@contextlib.contextmanager
def _one_line_errors() -> Iterator[None]:
    """Turn the library's errors into one line on stderr and exit code 2."""
    try:
        yield
    except ValidationError as exc:
        _fail(str(DescriptionError.from_validation(exc, FIELDS)))
    except (AiactTiersError, CliError) as exc:
        _fail(str(exc))
    except files.WriteError as exc:
        _fail(exc.message)
    except OSError as exc:
        _fail(f"cannot read `{exc.filename}`: {exc.strerror}")
    except UnicodeDecodeError as exc:
        _fail(f"not UTF-8 text: {exc.reason}")


def _fail(message: str) -> None:
    typer.echo(f"error: {' '.join(terminal_text(message).split())}", err=True)
    raise typer.Exit(USAGE_ERROR)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters but tab and newline, and the bidirectional overrides: removed from user
text before it reaches the terminal, so it cannot move the cursor, retitle the window or reorder
what is shown."""


def terminal_text(text: object) -> str:
    """Text from a description or rule file with control characters removed."""
    return _CONTROL.sub("", str(text))


def _m(text: object) -> str:
    """User text inside rich markup: shown literally, `[` and all."""
    return escape(terminal_text(text))


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"`--as-of` must be a date YYYY-MM-DD (got `{text}`)") from None


def _role(text: str | None) -> Role | None:
    if text is None:
        return None
    try:
        return Role(text)
    except ValueError:
        raise CliError(f"`--role` must be one of {', '.join(Role)} (got `{text}`)") from None


def _read_description(file: str) -> dict[str, Any]:
    """The facts in a YAML or JSON file, or on standard input for ``-``, at most as large as
    :func:`~aiact_tiers.load_description` reads."""
    source = "<stdin>" if file == "-" else file
    if file == "-":
        data = read_description_data(sys.stdin.buffer, source)
    else:
        data = read_description_file(Path(file))
    if not isinstance(data, dict):
        raise DescriptionError(f"`{source}` must hold a mapping of facts")
    return data


def _classify(file: str, ruleset: str, as_of: str | None, role: str | None, strict: bool
              ) -> Classification:
    return classify(_read_description(file), ruleset=ruleset, as_of=_date(as_of), role=_role(role),
                    presume=not strict)


# --- output: --format and --output --------------------------------------------------------


def _chosen(fmt: StrEnum | None, output: Path | None, formats: type[StrEnum]) -> Format:
    """The format of ``--format``, or of the suffix of ``--output``, or the table; a suffix the
    command does not write, or one that contradicts ``--format``, is refused before any work."""
    choice = Format(fmt.value) if fmt is not None else None
    if output is None:
        return choice or Format.TABLE
    allowed = {suffix: f for suffix, f in SUFFIXES.items() if f.value in {m.value for m in formats}}
    by_suffix = allowed.get(output.suffix.lower())
    if by_suffix is None:
        raise _unwritable(output, allowed)
    if choice is not None and choice is not by_suffix:
        raise CliError(f"`--format {choice}` and `--output` `{output}` disagree; give one of them")
    files.check_writable(output)
    return by_suffix


def _unwritable(output: Path, suffixes: Mapping[str, object]) -> CliError:
    """The one line refusing an ``--output`` whose suffix names no format the command writes."""
    return CliError(f"`--output` `{output}`: cannot write a `{output.suffix or 'suffix-less'}` "
                    f"file; use {' or '.join(suffixes)}")


def _emit(fmt: Format, output: Path | None, table: Callable[[], None],
          renders: Mapping[Format, Callable[[], str]]) -> None:
    """Print the table, or the text of the format chosen, on stdout or whole into ``output``."""
    if fmt is Format.TABLE:
        table()
        return
    text = renders[fmt]().rstrip("\n") + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return
    with _one_line_errors(), files.atomic_text(output) as stream:
        stream.write(text)


# --- classify -------------------------------------------------------------------------------


TIER_STYLE = {
    Tier.OUT_OF_SCOPE: "green", Tier.PROHIBITED: "bold red", Tier.HIGH_RISK: "bold yellow",
    Tier.LIMITED: "cyan", Tier.MINIMAL: "green",
}


def _print_table(result: Classification, *, full: bool = True) -> None:
    """The result as a summary (tier, basis, obligations counted per phase, questions), and
    with ``full`` its tables: basis, ruled out, presumptions, obligations, open questions."""
    style = TIER_STYLE.get(result.tier, "magenta") if result.tier else "magenta"
    title = result.name or result.id or "AI system"
    out.print(f"[bold]{_m(title)}[/]: [{style}]{report.tier_label(result)}[/]")
    out.print(f"ruleset {_m(result.ruleset)} ({_m(result.ruleset_version)}), as of {result.as_of}")
    summary = Table.grid(padding=(0, 1))
    summary.add_column(style="bold", no_wrap=True)
    summary.add_column(overflow="fold")
    for label, text in report.summary_rows(result):
        summary.add_row(label, _m(text))
    out.print(summary)
    if full:
        _print_details(result)
    else:
        out.print("[dim]--full lists every obligation, presumption and question.[/]")
    out.print(f"[dim]{report.DISCLAIMER}[/]")


def _print_details(result: Classification) -> None:
    basis = Table("provision", "rule", "why", title="Legal basis", title_justify="left")
    for hit in result.basis:
        basis.add_row(_m(hit.citation.provision), _m(hit.title), _m(hit.message))
    out.print(basis)
    rows = report.ruled_out_rows(result)
    if rows:
        table = Table("provision", "would be", "ruled out by", "why", title="Ruled out",
                      title_justify="left")
        for row in rows:
            table.add_row(*map(_m, row))
        out.print(table)
    _print_facts("Presumptions the result rests on", [
        (f"{a.fact} presumed {str(a.value).lower()} ({a.provision})", a.question)
        for a in result.assumptions])
    for role, phase, obligations in report.grouped(result):
        table = Table("provision", "obligation", "applies from", "status",
                      title=f"{role}: {report.PHASE_TITLES[phase].lower()}", title_justify="left")
        for o in obligations:
            when = f"{o.applies_from}" + ("" if o.in_force else " (not yet)")
            table.add_row(_m(o.citation.provision), _m(o.title), when, o.status.value)
        out.print(table)
    _print_questions(result.open_questions)


def _print_facts(title: str, items: list[tuple[str, str]]) -> None:
    """A titled list of facts, each head on its own line (a fact name is never cut), the
    question under it, wrapped at words."""
    if not items:
        return
    out.print(f"[bold]{title}[/]")
    for head, text in items:
        out.print(_m(head))
        out.print(Padding(_m(text), (0, 0, 0, 4)))


def _print_questions(questions: list[OpenQuestion]) -> None:
    _print_facts("Open questions", [(f"{q.fact} ({q.provision})", q.question) for q in questions])


@app.command("classify")
def classify_command(
    file: FileArg,
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: FormatOpt = None,
    output: ReportOpt = None,
    full: Annotated[bool, typer.Option(
        "--full", help="With the table: every obligation, presumption and question, not only "
        "their counts.")] = False,
    strict: StrictOpt = False,
) -> None:
    """Classify one AI system or general-purpose model.

    The table is a summary: tier, basis, obligations counted per phase, open questions; --full
    adds the checklist. JSON, Markdown and HTML always hold everything.
    """
    with _one_line_errors():
        chosen = _chosen(fmt, output, Format)
        result = _classify(file, ruleset, as_of, role, strict)
    _emit(chosen, output, lambda: _print_table(result, full=full), {
        Format.JSON: lambda: result.model_dump_json(indent=2),
        Format.MARKDOWN: lambda: report.classification_markdown(result),
        Format.HTML: lambda: report.classification_html(result),
    })


# --- batch ----------------------------------------------------------------------------------


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
        from .excel import WorkbookWriter

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
    from .batch_view import expected_rows, progress_bar

    with progress_bar(err, expected_rows(inventory)) as advance:
        yield advance


@app.command("batch")
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
        from . import batch_view

        rows = read_path(inventory)
        table = output is None and out.is_terminal  # a summary table, not every record
        with _results(output) as writer, _progress(inventory) as advance:
            render = batch_view.no_text if table else compact_record if compact else writer.render
            for line, item, text in classify_rendered(
                rows, render, jobs=_jobs(jobs), compact=compact, ruleset=rules, as_of=day,
                role=who, presume=not strict,
            ):
                writer.write(line, item, text)
                summary.add(item)
                if isinstance(item, RowError):
                    err.print(terminal_text(f"{inventory}:{item}"), markup=False)
                if advance:
                    advance()
    if table:
        out.print(batch_view.summary_view(summary, rules.act))
    counts = ", ".join(f"{tier} {n}" for tier, n in summary.counts().items())
    err.print(f"{summary.total} rows: {counts}", markup=False)
    if fail_on is not None:
        reasons = summary.gate(fail_on, undetermined=not allow_undetermined, errors=not allow_errors)
        if reasons:
            err.print(f"gate --fail-on {fail_on.value} failed: {'; '.join(reasons)}", markup=False)
            raise typer.Exit(GATE_FAILED)


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (the same path, a link to it, or a hard link)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _jobs(jobs: int | None) -> int:
    from .parallel import available_cores

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


# --- questions and interview ----------------------------------------------------------------


@app.command("questions")
def questions_command(
    file: FileArg,
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: DataFormatOpt = None,
    output: JsonOpt = None,
    strict: StrictOpt = False,
) -> None:
    """The unknown facts whose answers could change the result, in the law's order."""
    with _one_line_errors():
        chosen = _chosen(fmt, output, DataFormat)
        result = _classify(file, ruleset, as_of, role, strict)
    _emit(chosen, output, lambda: _print_questions_or_none(result.open_questions), {
        Format.JSON: lambda: json.dumps([q.model_dump(mode="json") for q in result.open_questions],
                                        indent=2),
    })


def _print_questions_or_none(questions: list[OpenQuestion]) -> None:
    _print_questions(questions)
    if not questions:
        out.print("No open questions: the facts decide the result.")


def _answer(fact: str, value: Any) -> Any:
    """An answer typed at the terminal, as a fact value (lists split on `,` or `;`)."""
    if not isinstance(value, str):
        return value
    return csv_facts({fact: value.replace(",", ";")}).get(fact)


@app.command("interview")
def interview_command(
    answers: Annotated[Path | None, typer.Option(
        "--answers", metavar="FILE", help="YAML or JSON mapping of fact to answer.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write the finished description here: .yaml, .yml or .json.")] = None,
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    strict: StrictOpt = False,
    model: Annotated[
        bool, typer.Option("--model", help="Describe a general-purpose AI model, not a system.")
    ] = False,
) -> None:
    """Ask only the questions that can still change the result, and those that confirm the
    presumptions it rests on, in the law's order.

    An empty answer leaves the fact unknown; an invalid one is asked again. With --answers
    the questions are answered from the file (a description; `kind: model` interviews a model);
    facts it does not hold stay unknown. Ctrl-C, Ctrl-D or the end of input stop the interview:
    the answers so far are written to --output, or printed, first.
    """
    with _one_line_errors():
        day, who = _date(as_of), _role(role)
        if output is not None:
            _description_format(output)
            files.check_writable(output)
        scripted = _scripted(answers) if answers else None
        facts: dict[str, Any] = {"kind": "model"} if model else {}
        for key in ("kind", "id", "name", "roles"):
            if scripted is not None and key in scripted:
                facts[key] = scripted[key]
        try:
            if scripted is None:
                _ask_roles(facts)
            result = _interview(facts, scripted, ruleset, day, who, strict)
        except typer.Abort as exc:
            _stopped(facts, output, interrupted=isinstance(exc.__context__, KeyboardInterrupt))
        if output:
            _write_answers(output, facts)
    _print_table(result)


def _law_order(question: OpenQuestion) -> int:
    """Where the law asks a fact: the order of the fact models (scope first)."""
    return _FACT_ORDER.get(question.fact, len(_FACT_ORDER))


_FACT_ORDER = {name: i for i, name in enumerate([*SystemDescription.model_fields,
                                                 *ModelDescription.model_fields])}


def _confirming(assumption: Assumption) -> OpenQuestion:
    """The question that confirms a presumption, asked after the open questions."""
    return OpenQuestion(fact=assumption.fact, question=assumption.question,
                        provision=assumption.provision, rules=assumption.rules)


def _scripted(path: Path) -> dict[str, Any]:
    """The answers of a file, checked as a description: a misspelt fact is an error."""
    data = _read_description(str(path))
    load_description(data)
    return data


def _ask_roles(facts: dict[str, Any]) -> None:
    """Ask for the roles until the answer is valid or empty (every role)."""
    while True:
        text = typer.prompt(f"Your roles ({', '.join(Role)}; empty for all)", default="",
                            show_default=False)
        if not text.strip():
            return
        try:
            facts["roles"] = _validated(facts, "roles", _answer("roles", text))
            return
        except DescriptionError as exc:
            err.print(f"{terminal_text(exc.message)}; please answer again", markup=False)


def _interview(facts: dict[str, Any], scripted: dict[str, Any] | None, ruleset: str,
               day: dt.date | None, who: Role | None, strict: bool) -> Classification:
    """Ask the first question not yet skipped, open or confirming a presumption, in the law's
    order, until none is left; ``facts`` gains each valid answer as it is given."""
    skipped: set[str] = set()
    while True:
        result = classify(facts, ruleset=ruleset, as_of=day, role=who, presume=not strict)
        pending = sorted((q for q in [*result.open_questions, *map(_confirming, result.assumptions)]
                          if q.fact not in skipped), key=_law_order)
        if not pending:
            return result
        question = pending[0]
        value = _ask(question, scripted)
        if value is None:
            skipped.add(question.fact)
            continue
        try:
            facts[question.fact] = _validated(facts, question.fact, value)
        except DescriptionError as exc:
            if scripted is not None:
                raise
            err.print(f"{terminal_text(exc.message)}; please answer again", markup=False)


def _description_format(output: Path) -> str:
    """`json` or `yaml`, by the suffix of the file the description is written to."""
    formats = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}
    if output.suffix.lower() not in formats:
        raise _unwritable(output, formats)
    return formats[output.suffix.lower()]


def _write_answers(output: Path, facts: dict[str, Any]) -> None:
    as_json = _description_format(output) == "json"
    with files.atomic_text(output) as stream:
        stream.write(json.dumps(facts, indent=2, ensure_ascii=False) + "\n" if as_json
                     else yaml.safe_dump(facts, sort_keys=False, allow_unicode=True))


def _stopped(facts: dict[str, Any], output: Path | None, *, interrupted: bool) -> None:
    """Keep the answers of an interview stopped early, say where, and exit (130 on Ctrl-C)."""
    count = len(facts.keys() - {"kind"})
    answered = f"{count} {'answer' if count == 1 else 'answers'}"
    if output is not None:
        _write_answers(output, facts)
        err.print(terminal_text(f"interview stopped: {answered} written to {output}"), markup=False)
    else:
        err.print(f"interview stopped: {answered} so far, as YAML on standard output", markup=False)
        typer.echo(yaml.safe_dump(facts, sort_keys=False, allow_unicode=True), nl=False)
    raise typer.Exit(INTERRUPTED if interrupted else STOPPED)


def _validated(facts: dict[str, Any], fact: str, value: Any) -> Any:
    """The answer as the description holds it (`no` becomes false); DescriptionError if invalid."""
    try:
        description = load_description({**facts, fact: value})
    except ValidationError as exc:
        raise DescriptionError.from_validation(exc, FIELDS) from None
    return description.model_dump(mode="json", include={fact})[fact]


def _ask(question: OpenQuestion, scripted: dict[str, Any] | None) -> Any:
    info = fact_info(question.fact)
    out.print(f"\n[bold]{_m(question.provision)}[/] {_m(question.question)}", markup=True)
    out.print(f"[dim]{_m(info['description'])}[/]")
    if scripted is not None:
        value = scripted.get(question.fact)
        out.print(terminal_text(f"> {'(unknown)' if value is None else value}"), markup=False)
        return value
    text = typer.prompt(f"{question.fact}", default="", show_default=False)
    return _answer(question.fact, text) if text.strip() else None


# --- compare --------------------------------------------------------------------------------


@app.command("compare")
def compare_command(
    file: FileArg,
    text_a: Annotated[str, typer.Option("--from", metavar="ID", help="The first ruleset.")],
    text_b: Annotated[str, typer.Option("--to", metavar="ID", help="The second ruleset.")],
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: DataFormatOpt = None,
    output: JsonOpt = None,
    strict: StrictOpt = False,
) -> None:
    """One description under two versions of the law: tiers, and obligations that differ."""
    from ..analysis.compare import compare

    with _one_line_errors():
        chosen = _chosen(fmt, output, DataFormat)
        diff = compare(_read_description(file), text_a, text_b, as_of=_date(as_of), role=_role(role),
                       presume=not strict)
    _emit(chosen, output, lambda: _print_comparison(diff), {
        Format.JSON: lambda: diff.model_dump_json(indent=2),
    })


def _print_comparison(diff: Comparison) -> None:
    out.print(terminal_text(f"as of {diff.as_of}: {diff.ruleset_a} {diff.tier_a or 'undetermined'} -> "
                            f"{diff.ruleset_b} {diff.tier_b or 'undetermined'}"), markup=False)
    table = Table("obligation", "role", _m(diff.ruleset_a), _m(diff.ruleset_b), "because of")
    for d in (*diff.only_in_a, *diff.only_in_b, *diff.applies_from_differs):
        table.add_row(_m(d.title), d.role.value, str(d.applies_from_a or "-"),
                      str(d.applies_from_b or "-"), _m(", ".join(d.provisions)))
    out.print(table if table.rows else "Same obligations and dates under both texts.")
    if diff.crosswalk:
        walk = Table("duty", "provision", "nearest in the 2024 text", "obligations there", "change",
                     title="Foundation-model duties (EP Art 28b) and their counterparts",
                     title_justify="left")
        for c in diff.crosswalk:
            walk.add_row(*map(_m, (c.title, c.duty, ", ".join(c.counterparts) or "none",
                                   ", ".join(c.obligations) or "-", c.change)))
        out.print(walk)


# --- history --------------------------------------------------------------------------------


@app.command("history")
def history_command(
    file: FileArg,
    rulesets: Annotated[
        list[str] | None,
        typer.Option("--ruleset", "-r", metavar="ID",
                     help="A text to include; repeat it (default: all three)."),
    ] = None,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: FormatOpt = None,
    output: ReportOpt = None,
    strict: StrictOpt = False,
) -> None:
    """One description under the 2023 Parliament text, the 2024 act and the amended act."""
    with _one_line_errors():
        chosen = _chosen(fmt, output, Format)
        result = history(_read_description(file), rulesets or HISTORY_RULESETS,
                         as_of=_date(as_of), role=_role(role), presume=not strict)
    _emit(chosen, output, lambda: _print_history(result), {
        Format.JSON: lambda: result.model_dump_json(indent=2),
        Format.MARKDOWN: lambda: history_markdown(result),
        Format.HTML: lambda: history_html(result),
    })


def _print_history(result: History) -> None:
    texts = result.texts
    out.print(f"[bold]{_m(result.name or result.id or 'Description')}[/], as of {result.as_of}")
    table = Table("", *(Column(_m(t.ruleset), overflow="fold") for t in texts), title="Across the texts",
                  title_justify="left")
    table.add_row("system tier", *(_m(t.tier_label) for t in texts))
    table.add_row("model class", *(_m(t.model_class_label) for t in texts))
    for phase, title in report.PHASE_TITLES.items():
        table.add_row(title.lower(), *(_m("\n".join(
            f"{o.citation.provision} ({o.applies_from})" for o in t.model_duties if o.phase is phase
        ) or "-") for t in texts))
    out.print(table)
    out.print(f"[dim]{report.DISCLAIMER}[/]")


# --- explain, rulesets, schema --------------------------------------------------------------


@app.command("explain")
def explain_command(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. annex_iii_4_a.")],
    ruleset: RulesetOpt = DEFAULT_RULESET,
    cases: Annotated[
        Path | None,
        typer.Option("--cases", help="Folder of legal cases to draw examples from (default: those bundled)."),
    ] = None,
) -> None:
    """A provision: its citation, predicate, outcome, dates and example cases."""
    from .bundled import folder

    cases = cases or folder("cases")
    with _one_line_errors():
        rules = load_ruleset(ruleset)
        try:
            rule = rules.rule(rule_id)
        except KeyError as exc:
            raise CliError(str(exc.args[0])) from None
    until = rule.effective_until.isoformat() if rule.effective_until else "open"
    table = Table(show_header=False, title=_m(f"{rule.id}: {rule.title}"), title_justify="left")
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")  # a link or a fact name wraps whole, never cut
    rows = [
        ("citation", f"{rule.citation.provision}, {rule.citation.act}"),
        ("link", rule.citation.url),
        ("in force", f"{rule.effective_from.isoformat()} to {until}"),
        ("when", rule.when.text or "(always)"),
        ("outcome", rule.outcome),
        ("role, phase", f"{rule.role.value}, {rule.phase.value}" if rule.role and rule.phase else ""),
        ("regimes", ", ".join(rule.regimes or rule.opens)),
        ("overrides", ", ".join(rule.overrides)),
        ("yields to", ", ".join(rule.yields_to)),
        ("confidence", rule.confidence),
        ("note", rule.note),
        ("message", rule.message),
    ]
    for key, value in rows:
        if value:
            table.add_row(key, _m(value))
    out.print(table)
    with _one_line_errors():
        examples = _examples(cases / ruleset, rule.id)
    for label, names in examples.items():
        if names:
            out.print(f"[bold]{label}[/]")
            for name in names:
                out.print(terminal_text(f"  - {name}"), markup=False)


def _examples(folder: Path, rule_id: str, limit: int = 5) -> dict[str, list[str]]:
    """Names of legal cases where the rule fires, and near misses, from a cases folder; a case
    without a name, or a file that is not a mapping of cases, is passed over."""
    found: dict[str, list[str]] = {"fires in": [], "near misses": []}
    for path in sorted(folder.rglob("*.yaml")) if folder.is_dir() else []:
        data = read_yaml(path.read_text(encoding="utf-8"), str(path))
        cases = data.get("cases") if isinstance(data, dict) else None
        for case in cases if isinstance(cases, list) else []:
            if not isinstance(case, dict) or not isinstance(case.get("name"), str):
                continue
            if rule_id in _listed(case, "basis") or rule_id in _listed(case, "fires"):
                found["fires in"].append(case["name"])
            elif rule_id in _listed(case, "not_fires"):
                found["near misses"].append(case["name"])
    return {label: names[:limit] for label, names in found.items()}


def _listed(case: dict[str, Any], key: str) -> list[Any]:
    value = case.get(key)
    return value if isinstance(value, list) else []


@app.command("rulesets")
def rulesets_command() -> None:
    """The rulesets shipped with the package."""
    table = Table("id", "default", "title", "version", "in force from", "extends")
    table.columns[0].no_wrap = True
    for ruleset_id in list_rulesets():
        rules = load_ruleset(ruleset_id)
        default = "yes" if ruleset_id == DEFAULT_RULESET else ""
        table.add_row(rules.id, default, rules.title, rules.version,
                      rules.in_force_from.isoformat(), rules.extends or "")
    out.print(table)


@app.command("schema")
def schema_command(
    model: Annotated[bool, typer.Option("--model", help="The schema of a model description.")] = False,
) -> None:
    """The JSON Schema of a system description (or, with --model, of a model description)."""
    kind = ModelDescription if model else SystemDescription
    typer.echo(json.dumps(kind.model_json_schema(), indent=2))


# --- services: HTTP API and MCP server ---------------------------------------------------


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to bind; another than 127.0.0.1 only when asked.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    max_request_bytes: Annotated[
        int | None, typer.Option(help="Largest request body accepted (default 64 MiB).")
    ] = None,
    max_batch_rows: Annotated[
        int | None, typer.Option(help="Most rows a POST /batch may hold (default 100,000).")
    ] = None,
) -> None:
    """Serve the HTTP API (POST /classify, /questions, /batch; GET /rules/{id}, /schema, /rulesets)."""
    with _one_line_errors():
        uvicorn = import_extra("uvicorn", "http")
        http_api = import_extra("aiact_tiers.interfaces.http_api", "http")
    limits = {"max_request_bytes": max_request_bytes, "max_batch_rows": max_batch_rows}
    api = http_api.create_app(**{name: value for name, value in limits.items() if value is not None})
    uvicorn.run(api, host=host, port=port, log_level="warning")


@app.command("mcp")
def mcp_command() -> None:
    """Serve MCP tools over stdio: classify, questions, explain, compare, history, schema, rulesets."""
    with _one_line_errors():
        mcp_server = import_extra("aiact_tiers.interfaces.mcp_server", "mcp")
    mcp_server.run_stdio()


# --- examples -------------------------------------------------------------------------------


@app.command("examples")
def examples_command(
    name: Annotated[str | None, typer.Argument(help="The example to write out; none: list them.")] = None,
    target: Annotated[Path, typer.Option("--dir", "-d", help="The folder to write it into.")] = Path("."),
) -> None:
    """The worked examples shipped with the package: list them, or write one out to run it."""
    from . import bundled

    with _one_line_errors():
        if name is None:
            for example, title in bundled.examples().items():
                typer.echo(f"{example}: {title}")
            return
        for path in bundled.write_example(name, target):
            typer.echo(f"wrote {path}")


# --- the version -----------------------------------------------------------------------------


def _print_version(asked: bool) -> None:
    if asked:
        from .. import __version__

        typer.echo(f"aiact-tiers {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Options of the command itself, before any subcommand."""


def _short_helps() -> None:
    """Each command's first paragraph, whole, as its line in the command list (wrapped at words
    rather than cut at 45 characters)."""
    for info in app.registered_commands:
        if info.callback is not None and info.callback.__doc__:
            info.short_help = " ".join(inspect.cleandoc(info.callback.__doc__).split("\n\n")[0].split())


_short_helps()


def main() -> None:
    """Entry point of the ``aiact-tiers`` console script."""
    app()

