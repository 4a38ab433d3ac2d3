"""The commands on what the package ships: explain a rule, the rulesets, the schema of a
description, the worked examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ...documents import read_yaml
from ...law.ruleset import DEFAULT_RULESET, NamedPredicate, RuleSet, list_rulesets, load_ruleset
from ...render.terminal import markup_text as _m
from ...render.terminal import terminal_text
from .common import CliError, RulesetOpt, _one_line_errors, out


def explain_command(
    rule_id: Annotated[str, typer.Argument(
        help="A rule id, e.g. annex_iii_4_a, or the name of a predicate rules share, e.g. art_49_4_area.")],
    ruleset: RulesetOpt = DEFAULT_RULESET,
    cases: Annotated[
        Path | None,
        typer.Option("--cases", help="Folder of legal cases to draw examples from (default: those bundled)."),
    ] = None,
) -> None:
    """A provision: its citation, predicate, outcome, dates and example cases."""
    from ..bundled import folder

    with _one_line_errors():
        if cases is not None and not cases.is_dir():
            raise CliError(f"`--cases` `{cases}` is not a folder of legal cases")
        cases = cases or folder("cases")
        rules = load_ruleset(ruleset)
        if rule_id in rules.predicates:
            _explain_predicate(rules.predicates[rule_id], rules)
            return
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


def _explain_predicate(named: NamedPredicate, rules: RuleSet) -> None:
    """A condition the ruleset names: its citation, the predicate and the rules that read it."""
    written = f"({named.when})"
    table = Table(show_header=False, title=_m(f"{named.id}: a condition the rules of {rules.id} share"),
                  title_justify="left")
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for key, value in (("citation", f"{named.citation}, {rules.act}"), ("when", named.when),
                       ("used by", ", ".join(r.id for r in rules
                                             if r.derived_from is None and written in r.when.text))):
        table.add_row(key, _m(value))
    out.print(table)


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


def schema_command(
    model: Annotated[bool, typer.Option("--model", help="The schema of a model description.")] = False,
) -> None:
    """The JSON Schema of a system description (or, with --model, of a model description)."""
    from ...law.catalog import description_schema  # its models load with the command, not the CLI

    typer.echo(json.dumps(description_schema("model" if model else "system"), indent=2))


def examples_command(
    name: Annotated[str | None, typer.Argument(help="The example to write out; none: list them.")] = None,
    target: Annotated[Path, typer.Option("--dir", "-d", help="The folder to write it into.")] = Path("."),
) -> None:
    """The worked examples shipped with the package: list them, or write one out to run it."""
    from .. import bundled

    with _one_line_errors():
        if name is None:
            for example, title in bundled.examples().items():
                typer.echo(f"{example}: {title}")
            return
        for path in bundled.write_example(name, target):
            typer.echo(f"wrote {path}")
