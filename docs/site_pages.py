"""The site's generated pages: one per rule of every ruleset with the rule indexes and their nav,
the facts reference and the JSON Schemas, the command line, the error codes, the worked
examples and the notebook, and the diagrams hand-written pages ask for.

``gen_pages.py`` writes them on every build; nothing here is kept as a page in the repository,
so the pages cannot drift from the rule files, the fact models, ``interfaces/cli/``, ``errors.py`` or
``examples/``.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

import diagrams
import facts_page
import yaml

from aiact_tiers import errors, load_ruleset
from aiact_tiers.law.rule import Rule
from aiact_tiers.law.ruleset import RuleSet, list_rulesets

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CASES = ROOT / "tests" / "cases"
EXAMPLES = ROOT / "examples"
HELP_COLUMNS = 80
"""The width the command line's help is captured at: what fits the site's content column."""
DIAGRAM = re.compile(r"^<!-- diagram: (?P<name>[\w-]+) -->$", re.M)
"""A line of a hand-written page that the build replaces with a diagram drawn from the rules."""


def rule_page(ruleset_id: str, rule_id: str) -> str:
    """The path of a rule's generated page inside the site."""
    return f"reference/rules/{ruleset_id}/{rule_id}.md"


@cache
def _cases(ruleset_id: str) -> tuple[dict[str, Any], ...]:
    """Every legal case of a ruleset, read once."""
    out: list[dict[str, Any]] = []
    for path in sorted((CASES / ruleset_id).rglob("*.yaml")):
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out += data.get("cases", [])
    return tuple(out)


def cases_naming(ruleset_id: str, rule_id: str) -> Iterator[tuple[str, str]]:
    """(kind, case name) for every legal case whose fires/not_fires/basis names the rule."""
    for case in _cases(ruleset_id):
        for kind in ("fires", "basis", "not_fires"):
            if rule_id in case.get(kind, []):
                yield kind, case["name"]
                break


def _outcome(rule: Rule) -> str:
    if rule.is_obligation:
        return f"obligation of the **{rule.role}**, {rule.phase}, triggered by {', '.join(rule.regimes)}"
    return f"`{rule.outcome}`"


def _rule_links(rule_ids: Iterable[str]) -> str:
    """Links to the pages of rules of the same ruleset."""
    return ", ".join(f"[`{r}`]({r}.md)" for r in rule_ids) or "none"


def _fact_links(rule: Rule) -> str:
    """Links to the facts-reference entries of the facts a rule reads."""
    return ", ".join(f"[`{f}`](../../facts.md#{facts_page.anchor(rule.subject, f)})"
                     for f in rule.when.facts) or "none"


def _confidence(rule: Rule, ruleset: RuleSet) -> list[str]:
    """A warning for a rule, or a regime it opens or depends on, not read with high confidence."""
    regimes = [ruleset.regimes[r] for r in (*rule.opens, *rule.regimes)]
    doubts = [f"The rule is read with **{rule.confidence}** confidence."] if rule.confidence != "high" else []
    doubts += [f"Regime `{r.id}` ({r.citation}) is read with **{r.confidence}** confidence"
               + (f": {r.note}" if r.note else ".") for r in regimes if r.confidence != "high"]
    if not doubts:
        return []
    return ['!!! warning "Low-confidence reading"', "", *(f"    {d}" for d in doubts), ""]


def render_rule(ruleset: RuleSet, rule: Rule) -> str:
    until = f"until {rule.effective_until}" if rule.effective_until else "with no end date"
    lines = [
        f"# {rule.citation.provision}: {rule.title} ({ruleset.id})",
        "",
        f"Rule `{rule.id}` of ruleset [`{ruleset.id}`](index.md) ({ruleset.title}).",
        "",
        *_confidence(rule, ruleset),
        "| Field | Value |",
        "|---|---|",
        f"| Citation | [{rule.citation.provision}]({rule.citation.url}), {rule.citation.act} |",
        f"| Outcome | {_outcome(rule)} |",
        f"| In force | from {rule.effective_from}, {until} |",
        f"| Facts read | {_fact_links(rule)} |",
        f"| Opens regimes | {', '.join(f'`{r}`' for r in rule.opens) or 'none'} |",
        f"| Overrides | {_rule_links(ruleset.overridden.get(rule.id, ()))} |",
        f"| Overridden by | {_rule_links(ruleset.defeaters.get(rule.id, ()))} |",
        f"| Confidence | {rule.confidence} |",
        "",
    ]
    for verb, regime_ids in (("Opens", rule.opens), ("Triggered by", rule.regimes)):
        for regime_id in regime_ids:
            regime = ruleset.regimes[regime_id]
            lines += [f"{verb} regime `{regime_id}`: {regime.title} ({regime.citation}), "
                      f"which applies from {regime.applies_from}.", ""]
    if rule.applies_from:
        lines += [f"Applies from the date of regime `{rule.applies_from}`.", ""]
    if ruleset.overridden.get(rule.id) or ruleset.defeaters.get(rule.id):
        lines += ["## Overrides", "", diagrams.fence(diagrams.override_graph(ruleset, rule))]
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
    lines += [f"- {name} ({label[kind]})" for kind, name in found]
    return "\n".join(lines) + "\n"


def render_index(ruleset: RuleSet) -> str:
    lines = [f"# Ruleset `{ruleset.id}`", "", f"{ruleset.title}, version {ruleset.version}.", ""]
    if ruleset.description:
        about = textwrap.indent(ruleset.description, "    ")
        lines += ['!!! abstract "The text this ruleset holds"', "", about, ""]
    if ruleset.extends:
        lines += [f"Extends [`{ruleset.extends}`](../{ruleset.extends}/index.md).", ""]
    lines += ["## Decision order", "",
              "The tiers in the order the law asks them; a dotted arrow is a rule that overrides others.",
              "", diagrams.fence(diagrams.decision_order(ruleset)), "## Rules", ""]
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

    from aiact_tiers.interfaces.cli import app

    runner = CliRunner()
    lines = ["# Command line", "", "The `aiact-tiers` command; each section is its `--help`.", ""]
    for args in ([], *([name] for name in sorted(get_command(app).commands))):  # type: ignore[attr-defined]
        env = {"COLUMNS": str(HELP_COLUMNS), "NO_COLOR": "1"}
        help_text = runner.invoke(app, [*args, "--help"], env=env).output
        text = "\n".join(line.rstrip() for line in help_text.strip("\n").splitlines())
        lines += [f"## aiact-tiers {' '.join(args)}".rstrip(), "", "```text", text, "```", ""]
    return "\n".join(lines)


def example_files(path: Path) -> list[Path]:
    """The example's file and the data files of the examples folder that its code names."""
    code = path.read_text(encoding="utf-8")
    return [path, *(p for p in sorted(EXAMPLES.glob("*.yaml")) if f'"{p.name}"' in code)]


def render_example(path: Path) -> str:
    """An example's page: its docstring as text, then its code, the files it reads and its output."""
    module = ast.parse(path.read_text(encoding="utf-8"))
    doc = ast.get_docstring(module) or path.stem
    heading, _, body = doc.partition("\n")
    title, _, lead = heading.rstrip(".").partition(": ")
    code = "\n".join(path.read_text(encoding="utf-8").splitlines()[module.body[0].end_lineno or 0:]).strip()
    run = subprocess.run(
        [sys.executable, path.name], cwd=path.parent, capture_output=True, text=True, check=True
    )
    lines = [f"# {title}", "", f"{lead[:1].upper()}{lead[1:]}." if lead else "", "", body.strip(), ""]
    lines += [f"`aiact-tiers examples {path.stem}` writes the files below into the current folder; "
              f"run `python {path.name}` there.", "", f"```python title=\"{path.name}\"", code, "```", ""]
    for data in example_files(path)[1:]:
        lines += [f"```yaml title=\"{data.name}\"", data.read_text(encoding="utf-8").rstrip(), "```", ""]
    lines += ["It prints:", "", "```text", run.stdout.rstrip(), "```", ""]
    return "\n".join(lines)


def _output(output: dict[str, Any]) -> str:
    """One saved output of a notebook cell: its HTML if it has some, else its text."""
    data = output.get("data", {})
    if "text/html" in data:
        return f'<div class="notebook-output">{"".join(data["text/html"])}</div>\n'
    text = "".join(output.get("text") or data.get("text/plain", ""))
    return f"```text\n{text.rstrip()}\n```\n"


def render_notebook(path: Path) -> str:
    """A notebook as a page: its text, its code and the outputs it was saved with."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = []
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            lines.append(source + "\n")
            continue
        lines.append(f"```python\n{source}\n```\n")
        lines += [_output(o) for o in cell.get("outputs", [])]
    lines.append(f"The notebook is `{path.name}` among the [bundled examples](index.md).\n")
    return "\n".join(lines)


def render_rulesets() -> str:
    lines = ["# Rules", "", "One page per rule, generated from the rule files when the site builds.", ""]
    lines += [f"- [`{r}`]({r}/index.md): {load_ruleset(r).title}" for r in list_rulesets()]
    return "\n".join(lines) + "\n"


def render_rules_nav() -> str:
    """The navigation of the rule pages (read by the literate-nav plugin): one section per ruleset."""
    lines = ["- [Rules](index.md)"]
    for ruleset_id in list_rulesets():
        ruleset = load_ruleset(ruleset_id)
        lines += [f"- {ruleset_id}", f"    - [All rules of {ruleset_id}]({ruleset_id}/index.md)"]
        lines += [f"    - [{r.citation.provision}: {r.id} ({ruleset_id})]({ruleset_id}/{r.id}.md)"
                  for r in ruleset.rules]
    return "\n".join(lines) + "\n"


def _diagram(name: str) -> str:
    """A diagram a hand-written page asks for by name."""
    if name == "decision-order":
        return diagrams.fence(diagrams.decision_order(load_ruleset()))
    if name == "application-dates":
        adopted, amended = load_ruleset("eu-2024"), load_ruleset()
        return "\n".join(diagrams.fence(diagrams.application_dates(a, b))
                         for a, b in ((adopted, amended), (amended, adopted)))
    raise KeyError(f"no diagram named `{name}`")


def with_diagrams(text: str) -> str:
    """A hand-written page with each diagram marker replaced by the diagram."""
    return DIAGRAM.sub(lambda m: _diagram(m.group("name")), text)


def pages_with_diagrams() -> list[Path]:
    """The hand-written pages that ask for a diagram."""
    return [p for p in sorted(DOCS.rglob("*.md")) if DIAGRAM.search(p.read_text(encoding="utf-8"))]


def examples() -> list[Path]:
    """The runnable example files."""
    return sorted(EXAMPLES.glob("*.py"))


def edit_path(path: str) -> str:
    """The file a generated page is drawn from, relative to the docs folder, for its edit link."""
    parts = path.split("/")
    if path.startswith("reference/rules/") and len(parts) == 4 and parts[3] != "index.md":
        rule = load_ruleset(parts[2]).rule(parts[3].removesuffix(".md"))
        return "../src/aiact_tiers/law/" + rule.source.split(":")[0]
    if path.startswith("examples/"):
        notebook = EXAMPLES / f"{Path(path).stem}.ipynb"
        return f"../examples/{notebook.name if notebook.exists() else Path(path).stem + '.py'}"
    sources = {"reference/facts.md": "facts/descriptions.py",
               "reference/cli.md": "interfaces/cli/__init__.py", "reference/errors.md": "errors.py"}
    if path in sources:
        return f"../src/aiact_tiers/{sources[path]}"
    return path if (DOCS / path).exists() else "site_pages.py"


def pages(site_url: str = "") -> Iterator[tuple[str, Callable[[], str]]]:
    """(path in the site, renderer) for every generated page; nothing is rendered until called.

    The hand-written pages that ask for diagrams are among them, with the diagrams drawn in.
    """
    yield "reference/rules/index.md", render_rulesets
    yield "reference/rules/SUMMARY.md", render_rules_nav
    yield "reference/facts.md", facts_page.render_facts
    for model in facts_page.MODELS:
        yield f"schema/{facts_page.SCHEMA_FILES[model]}", partial(facts_page.schema, model, site_url)
    for page in pages_with_diagrams():
        yield str(page.relative_to(DOCS)), partial(with_diagrams, page.read_text(encoding="utf-8"))
    for ruleset_id in list_rulesets():
        ruleset = load_ruleset(ruleset_id)
        yield f"reference/rules/{ruleset_id}/index.md", partial(render_index, ruleset)
        for rule in ruleset.rules:
            yield rule_page(ruleset_id, rule.id), partial(render_rule, ruleset, rule)
    yield "reference/cli.md", render_cli
    yield "reference/errors.md", render_errors
    for example in examples():
        yield f"examples/{example.stem}.md", partial(render_example, example)
    yield "examples/inventory.md", partial(render_notebook, EXAMPLES / "inventory.ipynb")
