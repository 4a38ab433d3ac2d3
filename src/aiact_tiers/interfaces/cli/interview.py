"""The interview command: the questions that can still change the result asked one by one, at the
terminal or from a file of answers, and the description written as it grows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from ...decision.classify import classify
from ...engine.predicates import FACT_TYPES
from ...errors import DescriptionError
from ...facts.descriptions import ModelDescription, SystemDescription, fact_info, load_description
from ...facts.vocabulary import Role
from ...law.ruleset import DEFAULT_RULESET
from ...render.terminal import classification_renderable, terminal_text
from ...render.terminal import markup_text as _m
from ...results.classification import Assumption, Classification, OpenQuestion
from .. import files
from ..inventory import csv_facts
from .common import (
    FIELDS,
    INTERRUPTED,
    STOPPED,
    AsOfOpt,
    RoleOpt,
    RulesetOpt,
    StrictOpt,
    _date,
    _one_line_errors,
    _read_description,
    _role,
    _unwritable,
    err,
    out,
)


def _answer(fact: str, value: Any) -> Any:
    """An answer typed at the terminal, as a fact value (lists split on `,` or `;`)."""
    if not isinstance(value, str):
        return value
    return csv_facts({fact: value.replace(",", ";")}).get(fact)


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
    out.print(classification_renderable(result))


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


def _as_yaml(facts: dict[str, Any]) -> str:
    """The answers as a YAML description, in the order they were given (PyYAML loads here,
    not with the command line)."""
    import yaml

    return yaml.safe_dump(facts, sort_keys=False, allow_unicode=True)


def _write_answers(output: Path, facts: dict[str, Any]) -> None:
    as_json = _description_format(output) == "json"
    with files.atomic_text(output) as stream:
        stream.write(json.dumps(facts, indent=2, ensure_ascii=False) + "\n" if as_json
                     else _as_yaml(facts))


def _stopped(facts: dict[str, Any], output: Path | None, *, interrupted: bool) -> None:
    """Keep the answers of an interview stopped early, say where, and exit (130 on Ctrl-C)."""
    count = len(facts.keys() - {"kind"})
    answered = f"{count} {'answer' if count == 1 else 'answers'}"
    if output is not None:
        _write_answers(output, facts)
        err.print(terminal_text(f"interview stopped: {answered} written to {output}"), markup=False)
    else:
        err.print(f"interview stopped: {answered} so far, as YAML on standard output", markup=False)
        typer.echo(_as_yaml(facts), nl=False)
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
    text = typer.prompt(f"{question.fact} ({_hint(question.fact)}; empty: unknown)", default="",
                        show_default=False)
    return _answer(question.fact, text) if text.strip() else None


def _hint(fact: str) -> str:
    """What an answer to the fact looks like, for the prompt."""
    kind = FACT_TYPES[fact]
    if kind.kind == "set":
        return "values separated by commas, or none"
    if kind.enum is not None:
        return "one of " + ", ".join(member.value for member in kind.enum)
    return {"boolean": "yes or no", "float": "a number", "datetime": "a date, YYYY-MM-DD"}.get(
        kind.kind, "text")
