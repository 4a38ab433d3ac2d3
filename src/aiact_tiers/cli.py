"""The ``aiact-tiers`` command line: classify, batch, questions, interview, compare, history, explain,
rulesets, schema.

Every command goes through :func:`aiact_tiers.classify` and offers its choices (``--ruleset``,
``--as-of``, ``--role``). Errors print one line naming the field, line or file, and exit with 2.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
import yaml
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from . import batch as _batch
from . import report
from ._loader import read_yaml
from .classify import classify
from .errors import AiactTiersError, DescriptionError
from .facts import ModelDescription, Role, SystemDescription, fact_info, load_description
from .history import HISTORY_RULESETS, History, history, history_html, history_markdown
from .result import Classification, OpenQuestion, Tier
from .ruleset import DEFAULT_RULESET, list_rulesets, load_ruleset

__all__ = ["app", "main"]

app = typer.Typer(
    name="aiact-tiers",
    help="Where an AI system stands under the EU AI Act: tier, legal basis, obligations, dates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
USAGE_ERROR = 2
FIELDS = SystemDescription.model_fields.keys() | ModelDescription.model_fields.keys()


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


class OutputFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"


RulesetOpt = Annotated[str, typer.Option("--ruleset", "-r", help="Ruleset id (see `rulesets`).")]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="Date the law is applied on, YYYY-MM-DD (default today).")
]
RoleOpt = Annotated[
    str | None, typer.Option("--role", help="Only this role's obligations: " + ", ".join(Role) + ".")
]


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
    except OSError as exc:
        _fail(f"cannot read `{exc.filename}`: {exc.strerror}")
    except UnicodeDecodeError as exc:
        _fail(f"not UTF-8 text: {exc.reason}")


def _fail(message: str) -> None:
    typer.echo(f"error: {' '.join(message.split())}", err=True)
    raise typer.Exit(USAGE_ERROR)


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
    """The facts in a YAML or JSON file, or on standard input for ``-``."""
    source = "<stdin>" if file == "-" else file
    text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    data = read_yaml(text, source)
    if not isinstance(data, dict):
        raise DescriptionError(f"`{source}` must hold a mapping of facts")
    return data


def _classify(file: str, ruleset: str, as_of: str | None, role: str | None) -> Classification:
    return classify(_read_description(file), ruleset=ruleset, as_of=_date(as_of), role=_role(role))


# --- classify -------------------------------------------------------------------------------


TIER_STYLE = {
    Tier.OUT_OF_SCOPE: "green", Tier.PROHIBITED: "bold red", Tier.HIGH_RISK: "bold yellow",
    Tier.LIMITED: "cyan", Tier.MINIMAL: "green",
}


def _print_table(result: Classification) -> None:
    style = TIER_STYLE.get(result.tier, "magenta") if result.tier else "magenta"
    title = result.name or result.id or "AI system"
    out.print(f"[bold]{title}[/]: [{style}]{report.tier_label(result)}[/]")
    out.print(f"ruleset {result.ruleset} ({result.ruleset_version}), as of {result.as_of}")
    if result.model_class:
        out.print(f"general-purpose model class: {result.model_class.value}")
    basis = Table("provision", "rule", "why", title="Legal basis", title_justify="left")
    for hit in result.basis:
        basis.add_row(hit.citation.provision, hit.title, hit.message)
    out.print(basis)
    for phase, obligations in result.checklist().items():
        if not obligations:
            continue
        table = Table("role", "provision", "obligation", "applies from", "status",
                      title=report.PHASE_TITLES[phase], title_justify="left")
        for o in obligations:
            when = f"{o.applies_from}" + ("" if o.in_force else " (not yet)")
            table.add_row(o.role.value, o.citation.provision, o.title, when, o.status.value)
        out.print(table)
    _print_questions(result.open_questions)
    out.print(f"[dim]{report.DISCLAIMER}[/]")


def _print_questions(questions: list[OpenQuestion]) -> None:
    if not questions:
        return
    table = Table("fact", "provision", "question", title="Open questions", title_justify="left")
    for q in questions:
        table.add_row(q.fact, q.provision, q.question)
    out.print(table)


@app.command("classify")
def classify_command(
    file: Annotated[str, typer.Argument(help="Description as YAML or JSON; `-` for stdin.")],
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TABLE,
) -> None:
    """Classify one AI system or general-purpose model."""
    with _one_line_errors():
        result = _classify(file, ruleset, as_of, role)
    if fmt is Format.JSON:
        typer.echo(result.model_dump_json(indent=2))
    elif fmt is Format.MARKDOWN:
        typer.echo(report.classification_markdown(result))
    elif fmt is Format.HTML:
        typer.echo(report.classification_html(result))
    else:
        _print_table(result)


# --- batch ----------------------------------------------------------------------------------


class _Writer:
    """Writes one result or error per row as JSON Lines or CSV, as it comes."""

    def __init__(self, stream: TextIO, fmt: OutputFormat) -> None:
        self.stream = stream
        self.csv = csv.DictWriter(stream, _batch.FLAT_COLUMNS) if fmt is OutputFormat.CSV else None
        if self.csv:
            self.csv.writeheader()

    def write(self, line: int, item: _batch.Item) -> None:
        if self.csv:
            self.csv.writerow(_batch.flat_row(item, line))
        elif isinstance(item, _batch.RowError):
            self.stream.write(json.dumps({"line": line, "id": item.id, "error": item.message}) + "\n")
        else:
            self.stream.write(json.dumps({"line": line, **item.model_dump(mode="json")}) + "\n")


@contextlib.contextmanager
def _progress(enabled: bool) -> Iterator[Any]:
    """A progress counter on a terminal; a no-op elsewhere."""
    if not enabled:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} rows"), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        yield progress


@app.command("batch")
def batch_command(
    inventory: Annotated[Path, typer.Argument(help="Inventory: .csv, .jsonl, .yaml or .json list.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write results here (.jsonl or .csv).")
    ] = None,
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fail_on: Annotated[
        Tier | None, typer.Option("--fail-on", help="Exit 1 when any system reaches this tier.")
    ] = None,
) -> None:
    """Classify every system of an inventory; one result or error per row, then a summary."""
    summary = _batch.Summary()
    with _one_line_errors():
        day, who = _date(as_of), _role(role)
        rules = load_ruleset(ruleset)
        fmt = OutputFormat.CSV if output and output.suffix.lower() == ".csv" else OutputFormat.JSONL
        rows = _batch.read_path(inventory)
        with (output.open("w", encoding="utf-8", newline="") if output else _stdout()) as stream,\
                _progress(sys.stderr.isatty()) as progress:
            writer = _Writer(stream, fmt)
            task = progress.add_task("classify") if progress else None
            for line, item in _batch.classify_many(rows, ruleset=rules, as_of=day, role=who):
                writer.write(line, item)
                summary.add(item)
                if isinstance(item, _batch.RowError):
                    err.print(f"{inventory}:{item}", markup=False)
                if progress:
                    progress.advance(task)
    counts = ", ".join(f"{tier} {n}" for tier, n in summary.counts().items())
    err.print(f"{summary.total} rows: {counts}", markup=False)
    if fail_on is not None and summary.reached(fail_on):
        raise typer.Exit(1)


@contextlib.contextmanager
def _stdout() -> Iterator[TextIO]:
    yield sys.stdout
    sys.stdout.flush()


# --- questions and interview ----------------------------------------------------------------


@app.command("questions")
def questions_command(
    file: Annotated[str, typer.Argument(help="Description as YAML or JSON; `-` for stdin.")],
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The unknown facts whose answers could change the result, in the law's order."""
    with _one_line_errors():
        result = _classify(file, ruleset, as_of, role)
    if as_json:
        typer.echo(json.dumps([q.model_dump(mode="json") for q in result.open_questions], indent=2))
    elif result.open_questions:
        _print_questions(result.open_questions)
    else:
        out.print("No open questions: the facts decide the result.")


def _answer(fact: str, value: Any) -> Any:
    """An answer typed at the terminal, as a fact value (lists split on `,` or `;`)."""
    if not isinstance(value, str):
        return value
    return _batch.csv_facts({fact: value.replace(",", ";")}).get(fact)


@app.command("interview")
def interview_command(
    answers: Annotated[
        Path | None, typer.Option("--answers", help="YAML or JSON mapping of fact to answer.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the finished description here.")
    ] = None,
    ruleset: RulesetOpt = DEFAULT_RULESET,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
) -> None:
    """Ask only the questions that can still change the result, in the law's order.

    An empty answer leaves the fact unknown. With ``--answers`` the questions are answered from
    the file; facts it does not hold stay unknown.
    """
    with _one_line_errors():
        day, who = _date(as_of), _role(role)
        scripted = _read_description(str(answers)) if answers else None
        facts: dict[str, Any] = {}
        for key in ("id", "name", "roles"):
            if scripted is not None and key in scripted:
                facts[key] = scripted[key]
        if scripted is None:
            roles = typer.prompt(f"Your roles ({', '.join(Role)}; empty for all)", default="",
                                 show_default=False)
            if roles.strip():
                facts["roles"] = _answer("roles", roles)
        skipped: set[str] = set()
        while True:
            result = classify(facts, ruleset=ruleset, as_of=day, role=who)
            pending = [q for q in result.open_questions if q.fact not in skipped]
            if not pending:
                break
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
                err.print(f"{exc.message}; please answer again", markup=False)
        if output:
            output.write_text(yaml.safe_dump(facts, sort_keys=False, allow_unicode=True),
                              encoding="utf-8")
    _print_table(result)


def _validated(facts: dict[str, Any], fact: str, value: Any) -> Any:
    """The answer as the description holds it (`no` becomes false); DescriptionError if invalid."""
    try:
        description = load_description({**facts, fact: value})
    except ValidationError as exc:
        raise DescriptionError.from_validation(exc, FIELDS) from None
    return description.model_dump(mode="json", include={fact})[fact]


def _ask(question: OpenQuestion, scripted: dict[str, Any] | None) -> Any:
    info = fact_info(question.fact)
    out.print(f"\n[bold]{question.provision}[/] {question.question}", markup=True)
    out.print(f"[dim]{info['description']}[/]")
    if scripted is not None:
        value = scripted.get(question.fact)
        out.print(f"> {'(unknown)' if value is None else value}", markup=False)
        return value
    text = typer.prompt(f"{question.fact}", default="", show_default=False)
    return _answer(question.fact, text) if text.strip() else None


# --- compare --------------------------------------------------------------------------------


@app.command("compare")
def compare_command(
    file: Annotated[str, typer.Argument(help="Description as YAML or JSON; `-` for stdin.")],
    text_a: Annotated[str, typer.Option("--from", help="The first ruleset.")],
    text_b: Annotated[str, typer.Option("--to", help="The second ruleset.")],
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One description under two versions of the law: tiers, and obligations that differ."""
    from .compare import compare

    with _one_line_errors():
        diff = compare(_read_description(file), text_a, text_b, as_of=_date(as_of), role=_role(role))
    if as_json:
        typer.echo(diff.model_dump_json(indent=2))
        return
    out.print(f"as of {diff.as_of}: {diff.ruleset_a} {diff.tier_a or 'undetermined'} -> "
              f"{diff.ruleset_b} {diff.tier_b or 'undetermined'}", markup=False)
    table = Table("obligation", "role", diff.ruleset_a, diff.ruleset_b, "because of")
    for d in (*diff.only_in_a, *diff.only_in_b, *diff.applies_from_differs):
        table.add_row(d.title, d.role.value, str(d.applies_from_a or "-"), str(d.applies_from_b or "-"),
                      ", ".join(d.provisions))
    out.print(table if table.rows else "Same obligations and dates under both texts.")
    if diff.crosswalk:
        walk = Table("duty", "provision", "nearest in the 2024 text", "obligations there", "change",
                     title="Foundation-model duties (EP Art 28b) and their counterparts",
                     title_justify="left")
        for c in diff.crosswalk:
            walk.add_row(c.title, c.duty, ", ".join(c.counterparts) or "none",
                         ", ".join(c.obligations) or "-", c.change)
        out.print(walk)


# --- history --------------------------------------------------------------------------------


@app.command("history")
def history_command(
    file: Annotated[str, typer.Argument(help="Description as YAML or JSON; `-` for stdin.")],
    rulesets: Annotated[
        list[str] | None,
        typer.Option("--ruleset", "-r", help="A text to include; repeat it (default: all three)."),
    ] = None,
    as_of: AsOfOpt = None,
    role: RoleOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.TABLE,
) -> None:
    """One description under the 2023 Parliament text, the 2024 act and the amended act."""
    with _one_line_errors():
        result = history(_read_description(file), rulesets or HISTORY_RULESETS,
                         as_of=_date(as_of), role=_role(role))
    if fmt is Format.JSON:
        typer.echo(result.model_dump_json(indent=2))
    elif fmt is Format.MARKDOWN:
        typer.echo(history_markdown(result))
    elif fmt is Format.HTML:
        typer.echo(history_html(result))
    else:
        _print_history(result)


def _print_history(result: History) -> None:
    texts = result.texts
    out.print(f"[bold]{result.name or result.id or 'Description'}[/], as of {result.as_of}")
    table = Table("", *(t.ruleset for t in texts), title="Across the texts", title_justify="left")
    table.add_row("system tier", *(t.tier_label for t in texts))
    table.add_row("model class", *(t.model_class_label for t in texts))
    for phase, title in report.PHASE_TITLES.items():
        table.add_row(title.lower(), *("\n".join(
            f"{o.citation.provision} ({o.applies_from})" for o in t.model_duties if o.phase is phase
        ) or "-" for t in texts))
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
    table = Table(show_header=False, title=f"{rule.id}: {rule.title}", title_justify="left")
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
            table.add_row(key, value)
    out.print(table)
    for label, names in _examples(cases / ruleset, rule.id).items():
        if names:
            out.print(f"[bold]{label}[/]")
            for name in names:
                out.print(f"  - {name}", markup=False)


def _examples(folder: Path, rule_id: str, limit: int = 5) -> dict[str, list[str]]:
    """Names of legal cases where the rule fires, and near misses, from a cases folder."""
    found: dict[str, list[str]] = {"fires in": [], "near misses": []}
    for path in sorted(folder.rglob("*.yaml")) if folder.is_dir() else []:
        data = read_yaml(path.read_text(encoding="utf-8"), str(path))
        for case in data.get("cases", []) if isinstance(data, dict) else []:
            if rule_id in case.get("basis", []) or rule_id in case.get("fires", []):
                found["fires in"].append(case["name"])
            elif rule_id in case.get("not_fires", []):
                found["near misses"].append(case["name"])
    return {label: names[:limit] for label, names in found.items()}


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
        from . import __version__

        typer.echo(f"aiact-tiers {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Options of the command itself, before any subcommand."""


def main() -> None:
    """Entry point of the ``aiact-tiers`` console script."""
    app()

