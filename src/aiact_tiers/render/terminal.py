"""A classification for the terminal, as rich renderables: what ``aiact-tiers classify`` prints,
and what a result shows as under rich (``rich.print(result)``, rich's IPython extension).

User text (names, rule titles, questions) is shown literally: control characters are removed and
rich markup is escaped, so a description cannot restyle, move the cursor or reorder the output.
"""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from ..results.classification import Classification, OpenQuestion, Tier
from . import report

__all__ = ["classification_renderable", "markup_text", "questions_renderable", "terminal_text"]

_TIER_STYLE = {
    Tier.OUT_OF_SCOPE: "green", Tier.PROHIBITED: "bold red", Tier.HIGH_RISK: "bold yellow",
    Tier.LIMITED: "cyan", Tier.MINIMAL: "green",
}

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters but tab and newline, and the bidirectional overrides: removed from user
text before it reaches the terminal, so it cannot move the cursor, retitle the window or reorder
what is shown."""


def terminal_text(text: object) -> str:
    """Text from a description or rule file with control characters removed."""
    return _CONTROL.sub("", str(text))


def markup_text(text: object) -> str:
    """User text inside rich markup: shown literally, `[` and all."""
    return escape(terminal_text(text))


_m = markup_text


def classification_renderable(result: Classification, *, full: bool = True) -> Group:
    """The result as a summary (tier, basis, obligations counted per phase, questions), and
    with ``full`` its tables: basis, ruled out, presumptions, obligations, open questions."""
    style = _TIER_STYLE.get(result.tier, "magenta") if result.tier else "magenta"
    title = result.name or result.id or "AI system"
    parts: list[RenderableType] = [
        f"[bold]{_m(title)}[/]: [{style}]{report.tier_label(result)}[/]",
        f"ruleset {_m(result.ruleset)} ({_m(result.ruleset_version)}), as of {result.as_of}",
    ]
    summary = Table.grid(padding=(0, 1))
    summary.add_column(style="bold", no_wrap=True)
    summary.add_column(overflow="fold")
    for label, text in report.summary_rows(result):
        summary.add_row(label, _m(text))
    parts.append(summary)
    if full:
        parts += _details(result)
    else:
        parts.append("[dim]--full lists every obligation, presumption and question.[/]")
    parts.append(f"[dim]{report.DISCLAIMER}[/]")
    return Group(*parts)


def _details(result: Classification) -> list[RenderableType]:
    basis = Table("provision", "rule", "why", title="Legal basis", title_justify="left")
    for hit in result.basis:
        basis.add_row(_m(hit.citation.provision), _m(hit.title), _m(hit.message))
    parts: list[RenderableType] = [basis]
    rows = report.ruled_out_rows(result)
    if rows:
        table = Table("provision", "would be", "ruled out by", "why", title="Ruled out",
                      title_justify="left")
        for row in rows:
            table.add_row(*map(_m, row))
        parts.append(table)
    parts += _facts("Presumptions the result rests on", [
        (f"{a.fact} presumed {str(a.value).lower()} ({a.provision})", a.question)
        for a in result.assumptions])
    for role, phase, obligations in report.grouped(result):
        table = Table("provision", "obligation", "applies from", "status",
                      title=f"{role}: {report.PHASE_TITLES[phase].lower()}", title_justify="left")
        for o in obligations:
            when = f"{o.applies_from}" + ("" if o.in_force else " (not yet)")
            table.add_row(_m(o.citation.provision), _m(o.title), when, o.status.value)
        parts.append(table)
    parts += _facts("Open questions", _asked(result.open_questions))
    return parts


def questions_renderable(questions: list[OpenQuestion]) -> Group:
    """The open questions, each fact on its own line with its question under it; a line saying
    that none is open when the facts decide the result."""
    if not questions:
        return Group("No open questions: the facts decide the result.")
    return Group(*_facts("Open questions", _asked(questions)))


def _asked(questions: list[OpenQuestion]) -> list[tuple[str, str]]:
    return [(f"{q.fact} ({q.provision})", q.question) for q in questions]


def _facts(title: str, items: list[tuple[str, str]]) -> list[RenderableType]:
    """A titled list of facts, each head on its own line (a fact name is never cut), the
    question under it, wrapped at words."""
    if not items:
        return []
    parts: list[RenderableType] = [f"[bold]{title}[/]"]
    for head, text in items:
        parts += [_m(head), Padding(_m(text), (0, 0, 0, 4))]
    return parts
