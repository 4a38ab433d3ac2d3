"""The site's generated pages: one per rule of every ruleset, the rule indexes, the command
line, the error codes and the worked examples.

``gen_pages.py`` writes them on every build; nothing here is kept as a page in the repository,
so the pages cannot drift from the rule files, ``cli.py``, ``errors.py`` or ``examples/``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

import yaml

from aiact_tiers import errors, load_ruleset
from aiact_tiers._loader import Rule
from aiact_tiers.ruleset import RuleSet, list_rulesets

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
EXAMPLES = ROOT / "examples"


def rule_page(ruleset_id: str, rule_id: str) -> str:
    """The path of a rule's generated page inside the site."""
    return f"reference/rules/{ruleset_id}/{rule_id}.md"


@cache
def _cases(ruleset_id: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """(file, case) for every legal case of a ruleset, read once."""
    out = []
    for path in sorted((CASES / ruleset_id).rglob("*.yaml")):
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out += [(str(path.relative_to(ROOT)), case) for case in data.get("cases", [])]
    return tuple(out)


def cases_naming(ruleset_id: str, rule_id: str) -> Iterator[tuple[str, str, str]]:
    """(file, kind, case name) for every legal case whose fires/not_fires/basis names the rule."""
    for file, case in _cases(ruleset_id):
            for kind in ("fires", "basis", "not_fires"):
                if rule_id in case.get(kind, []):
                    yield file, kind, case["name"]
                    break


def _outcome(rule: Rule) -> str:
    if rule.is_obligation:
        return f"obligation of the **{rule.role}**, {rule.phase}, triggered by {', '.join(rule.regimes)}"
    return f"`{rule.outcome}`"


def render_rule(ruleset: RuleSet, rule: Rule) -> str:
    until = f"until {rule.effective_until}" if rule.effective_until else "with no end date"
    lines = [
        f"# {rule.citation.provision}: {rule.title}",
        "",
        f"Rule `{rule.id}` of ruleset [`{ruleset.id}`](index.md) ({ruleset.title}).",
        "",
        "| | |",
        "|---|---|",
        f"| Citation | [{rule.citation.provision}]({rule.citation.url}), {rule.citation.act} |",
        f"| Outcome | {_outcome(rule)} |",
        f"| In force | from {rule.effective_from}, {until} |",
        f"| Facts read | {', '.join(f'`{f}`' for f in rule.when.facts) or 'none'} |",
        f"| Opens regimes | {', '.join(f'`{r}`' for r in rule.opens) or 'none'} |",
        f"| Overrides | {', '.join(f'`{r}`' for r in ruleset.overridden.get(rule.id, ())) or 'none'} |",
        f"| Overridden by | {', '.join(f'`{r}`' for r in ruleset.defeaters.get(rule.id, ())) or 'none'} |",
        f"| Confidence | {rule.confidence} |",
        f"| Defined in | `{rule.source.split(':')[0]}` |",
        "",
    ]
    for verb, regime_ids in (("Opens", rule.opens), ("Triggered by", rule.regimes)):
        for regime_id in regime_ids:
            regime = ruleset.regimes[regime_id]
            lines += [f"{verb} regime `{regime_id}`: {regime.title} ({regime.citation}), "
                      f"which applies from {regime.applies_from}.", ""]
    if rule.applies_from:
        lines += [f"Applies from the date of regime `{rule.applies_from}`.", ""]
    lines += ["## Predicate", "", "```text", rule.when.text, "```", ""]
    if rule.when.params:
        lines += [f"Parameters: {', '.join(f'`${p}`' for p in rule.when.params)}.", ""]
    lines += ["## Message", "", rule.message, ""]
    if rule.note:
        lines += ["## Note", "", rule.note, ""]
    lines += ["## Legal cases", ""]
    found = list(cases_naming(ruleset.id, rule.id))
    if not found:
        lines.append("No case names this rule.")
    label = {"fires": "fires", "basis": "in the basis", "not_fires": "near miss: does not fire"}
    lines += [f"- {name} ({label[kind]}; `{file}`)" for file, kind, name in found]
    return "\n".join(lines) + "\n"


def render_index(ruleset: RuleSet) -> str:
    lines = [f"# Ruleset `{ruleset.id}`", "", f"{ruleset.title}, version {ruleset.version}.", ""]
    if ruleset.description:
        lines += [ruleset.description, ""]
    if ruleset.extends:
        lines += [f"Extends [`{ruleset.extends}`](../{ruleset.extends}/index.md).", ""]
    lines += ["| Rule | Provision | Title | Outcome |", "|---|---|---|---|"]
    lines += [
        f"| [`{r.id}`]({r.id}.md) | {r.citation.provision} | {r.title} | {r.outcome} |"
        for r in ruleset.rules
    ]
    return "\n".join(lines) + "\n"


def error_classes(base: type[errors.AiactTiersError] = errors.AiactTiersError
                  ) -> list[type[errors.AiactTiersError]]:
    """The error class and every class below it."""
    return [base, *(c for sub in base.__subclasses__() for c in error_classes(sub))]


def render_errors() -> str:
    lines = [
        "# Error codes",
        "",
        "Every error the library raises on purpose is an `AiactTiersError` whose message ends with "
        "its code in brackets.",
        "",
    ]
    for cls in sorted(error_classes(), key=lambda c: c.code):
        lines += [f"## {cls.code}", "", f"`{cls.__name__}`: {cls.__doc__ or ''}", ""]
    return "\n".join(lines)


def render_cli() -> str:
    from typer.main import get_command
    from typer.testing import CliRunner

    from aiact_tiers.cli import app

    runner = CliRunner()
    lines = ["# Command line", "", "The `aiact-tiers` command; each section is its `--help`.", ""]
    for args in ([], *([name] for name in sorted(get_command(app).commands))):  # type: ignore[attr-defined]
        help_text = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1"}).output
        text = "\n".join(line.rstrip() for line in help_text.strip("\n").splitlines())
        lines += [f"## aiact-tiers {' '.join(args)}".rstrip(), "", "```text", text, "```", ""]
    return "\n".join(lines)


def render_example(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or path.stem
    title, _, body = doc.partition("\n")
    run = subprocess.run(
        [sys.executable, path.name], cwd=path.parent, capture_output=True, text=True, check=True
    )
    return (
        f"# {title}\n\n{body.strip()}\n\nThe file `examples/{path.name}`:\n\n"
        f"```python\n{path.read_text(encoding='utf-8')}```\n\nIt prints:\n\n```text\n{run.stdout}```\n"
    )


def render_rulesets() -> str:
    lines = ["# Rules", "", "One page per rule, generated from the rule files when the site builds.", ""]
    lines += [f"- [`{r}`]({r}/index.md): {load_ruleset(r).title}" for r in list_rulesets()]
    return "\n".join(lines) + "\n"


def examples() -> list[Path]:
    """The runnable example files (``shared_facts.py`` only holds facts they share)."""
    return [p for p in sorted(EXAMPLES.glob("*.py")) if p.stem != "shared_facts"]


def pages() -> Iterator[tuple[str, Callable[[], str]]]:
    """(path in the site, renderer) for every generated page; nothing is rendered until called."""
    yield "reference/rules/index.md", render_rulesets
    for ruleset_id in list_rulesets():
        ruleset = load_ruleset(ruleset_id)
        yield f"reference/rules/{ruleset_id}/index.md", partial(render_index, ruleset)
        for rule in ruleset.rules:
            yield rule_page(ruleset_id, rule.id), partial(render_rule, ruleset, rule)
    yield "reference/cli.md", render_cli
    yield "reference/errors.md", render_errors
    for example in examples():
        yield f"examples/{example.stem}.md", partial(render_example, example)
