"""The tables printed on the terminal for a comparison of two texts and a history across the
texts (a classification's come from :mod:`aiact_tiers.render.terminal`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Column, Table

from ...render import report
from ...render.terminal import markup_text as _m
from ...render.terminal import terminal_text
from .common import out

if TYPE_CHECKING:
    from ...analysis.compare import Comparison
    from ...analysis.history import History


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
