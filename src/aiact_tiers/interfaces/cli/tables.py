"""The tables printed on the terminal: a classification, open questions, a comparison of two texts
and a history across the texts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.table import Column, Table

from ...render import report
from ...results.classification import Classification, OpenQuestion, Tier
from .common import _m, out, terminal_text

if TYPE_CHECKING:
    from ...analysis.compare import Comparison
    from ...analysis.history import History

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


def _print_questions_or_none(questions: list[OpenQuestion]) -> None:
    _print_questions(questions)
    if not questions:
        out.print("No open questions: the facts decide the result.")


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
