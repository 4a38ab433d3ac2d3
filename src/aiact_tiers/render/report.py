"""Reports: Markdown and self-contained HTML for one classification or for an inventory.

A report gives the tier, the legal basis with citations and links, the obligations by role and
lifecycle phase with their dates, the open questions, the ruleset and date, and says that it is
not legal advice.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..results.classification import Classification, Obligation, Phase, Tier
from .path_svg import decision_path_svg

if TYPE_CHECKING:
    from ..interfaces.batch import BatchResult

__all__ = ["classification_html", "classification_markdown", "inventory_html", "inventory_markdown"]

DISCLAIMER = (
    "This report applies the text of the EU AI Act to the facts given. It is a structured reading "
    "of the law, not legal advice."
)
PHASE_TITLES = {
    Phase.BEFORE_MARKET: "Before placing on the market",
    Phase.AT_MARKET: "At placing on the market",
    Phase.AFTER_MARKET: "After placing on the market",
}
SOONEST = 10


def tier_label(result: Classification) -> str:
    """The tier of the roles described, or the tiers still possible while facts are unknown."""
    return _label(result.tier, result.possible_tiers)


def system_tier_label(result: Classification) -> str:
    """The tier of the system itself, or those still possible."""
    return _label(result.system_tier, result.possible_system_tiers)


def _label(tier: Tier | None, possible: list[Tier]) -> str:
    if tier is not None:
        return tier.value
    return "undetermined: " + " or ".join(t.value for t in possible)


def ruled_out_rows(result: Classification) -> list[tuple[str, str, str, str]]:
    """Each rule ruled out as provision, tier it would reach, what defeated it, and why."""
    return [(r.citation.provision, r.tier.value, r.by_provision, r.message) for r in result.ruled_out]


def assumption_rows(result: Classification) -> list[tuple[str, str, str, str]]:
    """Each presumption the result rests on as fact, value, provision and question."""
    return [(a.fact, str(a.value).lower(), a.provision, a.question) for a in result.assumptions]


def summary_rows(result: Classification) -> list[tuple[str, str]]:
    """The result in a few labelled lines: the system's own tier, the model class, the basis,
    what was ruled out, the presumptions, the obligations counted per phase (Art 16 to Art 27
    by the lifecycle of placing on the market), and the open questions by fact name."""
    rows = [("system tier", system_tier_label(result))] if result.possible_system_tiers else []
    if result.model_class is not None:
        rows.append(("model class", result.model_class.value))
    rows.append(("basis", ", ".join(h.citation.provision for h in result.basis)
                 or "no provision decided the tier yet"))
    if result.ruled_out:
        rows.append(("ruled out", "; ".join(f"{provision} ({tier}) by {by}"
                                            for provision, tier, by, _ in ruled_out_rows(result))))
    if result.assumptions:
        provisions = ", ".join(dict.fromkeys(a.provision for a in result.assumptions))
        count = len(result.assumptions)
        rows.append(("presumed", f"{count} {'fact' if count == 1 else 'facts'}, under {provisions}"))
    counts = [f"{len(obs)} {PHASE_TITLES[phase].lower()}"
              for phase, obs in result.checklist().items() if obs]
    in_force = sum(o.in_force for o in result.obligations)
    rows.append(("obligations", f"{', '.join(counts)}; {in_force} in force on "
                 f"{result.as_of.isoformat()}" if counts else "none"))
    questions = result.open_questions
    rows.append(("open questions", f"{len(questions)}: {', '.join(q.fact for q in questions)}"
                 if questions else "none"))
    return rows


def _when(obligation: Obligation) -> str:
    state = "in force" if obligation.in_force else "not yet in force"
    return f"{obligation.applies_from.isoformat()} ({state})"


def grouped(result: Classification) -> list[tuple[str, Phase, list[Obligation]]]:
    """The obligations by role, then by lifecycle phase, leaving out empty groups."""
    roles = sorted({o.role.value for o in result.obligations})
    return [
        (role, phase, obs)
        for role in roles
        for phase in Phase
        if (obs := [o for o in result.obligations if o.role.value == role and o.phase is phase])
    ]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- Markdown -------------------------------------------------------------------------------


def classification_markdown(result: Classification) -> str:
    """A Markdown report of one classification."""
    title = result.name or result.id or "AI system"
    lines = [
        f"# {_md(title)}: {tier_label(result)}",
        "",
        f"Ruleset `{result.ruleset}` ({result.ruleset_version}), as of {result.as_of.isoformat()}.",
    ]
    if result.possible_system_tiers != result.possible_tiers:
        lines.append(f"The system itself: {system_tier_label(result)}.")
    if result.model_class is not None:
        lines.append(f"General-purpose model class: {result.model_class.value}.")
    lines += ["", "## Legal basis", ""]
    lines += [
        f"- [{h.citation.provision}]({h.citation.url}) {_md(h.title)}: {_md(h.message)}"
        for h in result.basis
    ] or ["- No provision decided the tier yet."]
    if result.ruled_out:
        lines += ["", "## Ruled out", ""]
        lines += [f"- {p} ({tier}), ruled out by {by}: {_md(why)}"
                  for p, tier, by, why in ruled_out_rows(result)]
    if result.assumptions:
        lines += ["", "## Presumptions the result rests on", ""]
        lines += [f"- **{fact}** presumed {value} ({p}): {_md(question)}"
                  for fact, value, p, question in assumption_rows(result)]
    lines += ["", "## Obligations", ""]
    if not result.obligations:
        lines.append("No obligations follow from this classification.")
    for role, phase, obligations in grouped(result):
        lines += [f"### {role}: {PHASE_TITLES[phase].lower()}", ""]
        lines += ["| provision | obligation | applies from | status |", "|---|---|---|---|"]
        lines += [
            f"| [{o.citation.provision}]({o.citation.url}) | {_md(o.title)} | {_when(o)} "
            f"| {o.status.value} |"
            for o in obligations
        ]
        lines.append("")
    if result.open_questions:
        lines += ["", "## Open questions", ""]
        lines += [
            f"- **{q.fact}** ({q.provision}): {_md(q.question)}" for q in result.open_questions
        ]
    lines += ["", f"*{DISCLAIMER}*", ""]
    return "\n".join(lines)


def _counts_markdown(counts: dict[str, int]) -> list[str]:
    return ["| tier | systems |", "|---|---|", *(f"| {k} | {v} |" for k, v in counts.items())]


def inventory_markdown(batch: BatchResult) -> str:
    """A Markdown report of an inventory: counts per tier, the systems, the soonest obligations."""
    lines = ["# AI system inventory", "", *_counts_markdown(batch.summary.counts()), ""]
    lines += ["## Systems", "", "| id | name | tier | basis |", "|---|---|---|---|"]
    lines += [
        f"| {_md(r.id or '')} | {_md(r.name or '')} | {tier_label(r)} "
        f"| {', '.join(h.citation.provision for h in r.basis)} |"
        for r in batch.results
    ]
    lines += ["", "## Obligations that apply soonest", ""]
    lines += ["| system | role | provision | obligation | applies from |", "|---|---|---|---|---|"]
    lines += [
        f"| {_md(r.id or r.name or '')} | {o.role.value} | {o.citation.provision} | {_md(o.title)} "
        f"| {_when(o)} |"
        for r, o in soonest(batch.results)
    ]
    if batch.errors:
        lines += ["", "## Rows not classified", ""]
        lines += [f"- {_md(str(e))}" for e in batch.errors]
    lines += ["", f"*{DISCLAIMER}*", ""]
    return "\n".join(lines)


def soonest(
    results: Sequence[Classification], limit: int = SOONEST
) -> list[tuple[Classification, Obligation]]:
    """The obligations not yet in force that apply soonest, across all systems."""
    pending = [(r, o) for r in results for o in r.obligations if not o.in_force]
    pending.sort(key=lambda pair: (pair[1].applies_from, pair[1].citation.provision))
    return pending[:limit]


# --- HTML -----------------------------------------------------------------------------------

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60em;margin:1em auto;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;"
    "text-align:left}.tier{font-weight:bold}.prohibited{color:#b00}.high_risk{color:#c60}"
    ".limited{color:#06c}.minimal,.out_of_scope{color:#080}.disclaimer{font-style:italic;color:#555}"
)


def _e(text: object) -> str:
    return html.escape(str(text))


_DISCLAIMER_HTML = f'<p class="disclaimer">{_e(DISCLAIMER)}</p>'


def _link(provision: str, url: str) -> str:
    return f'<a href="{_e(url)}">{_e(provision)}</a>'


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An HTML table; cells are already escaped."""
    header = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f"<style>{_STYLE}</style></head><body>{body}</body></html>"
    )


def _tier_span(result: Classification) -> str:
    css = result.tier.value if result.tier else "undetermined"
    return f'<span class="tier {css}">{_e(tier_label(result))}</span>'


def classification_fragment(result: Classification) -> str:
    """The body of the HTML report of one classification (also its notebook display)."""
    title = result.name or result.id or "AI system"
    parts = [
        f"<h2>{_e(title)}: {_tier_span(result)}</h2>",
        f"<p>Ruleset <code>{_e(result.ruleset)}</code> ({_e(result.ruleset_version)}), "
        f"as of {result.as_of.isoformat()}.</p>",
    ]
    if result.possible_system_tiers != result.possible_tiers:
        parts.append(f"<p>The system itself: {_e(system_tier_label(result))}.</p>")
    if result.model_class is not None:
        parts.append(f"<p>General-purpose model class: {_e(result.model_class.value)}.</p>")
    parts.append(f"<h3>Decision path</h3><figure>{decision_path_svg(result)}</figure>")
    parts.append("<h3>Legal basis</h3>")
    parts.append(
        _table(
            ["provision", "rule", "why"],
            [[_link(h.citation.provision, h.citation.url), _e(h.title), _e(h.message)]
             for h in result.basis],
        )
    )
    for title, head, rows in (
        ("Ruled out", ["provision", "would be", "ruled out by", "why"], ruled_out_rows(result)),
        ("Presumptions the result rests on", ["fact", "presumed", "provision", "to confirm"],
         assumption_rows(result)),
    ):
        if rows:
            parts.append(f"<h3>{title}</h3>")
            parts.append(_table(head, [[_e(cell) for cell in row] for row in rows]))
    parts.append("<h3>Obligations</h3>")
    for role, phase, obligations in grouped(result):
        parts.append(f"<h4>{_e(role)}: {_e(PHASE_TITLES[phase].lower())}</h4>")
        parts.append(
            _table(
                ["provision", "obligation", "applies from", "status"],
                [[_link(o.citation.provision, o.citation.url), _e(o.title), _e(_when(o)),
                  _e(o.status.value)] for o in obligations],
            )
        )
    if result.open_questions:
        parts.append("<h3>Open questions</h3><ul>")
        parts += [
            f"<li><code>{_e(q.fact)}</code> ({_e(q.provision)}): {_e(q.question)}</li>"
            for q in result.open_questions
        ]
        parts.append("</ul>")
    parts.append(_DISCLAIMER_HTML)
    return "".join(parts)


def classification_html(result: Classification) -> str:
    """A self-contained HTML page reporting one classification."""
    return _page(f"{result.name or result.id or 'AI system'}: {tier_label(result)}",
                 classification_fragment(result))


def inventory_fragment(batch: BatchResult) -> str:
    """The body of the HTML report of an inventory (also its notebook display)."""
    counts = batch.summary.counts()
    parts = [
        "<h2>AI system inventory</h2>",
        _table(["tier", "systems"], [[_e(k), _e(v)] for k, v in counts.items()]),
        "<h3>Systems</h3>",
        _table(
            ["id", "name", "tier", "basis"],
            [[_e(r.id or ""), _e(r.name or ""), _tier_span(r),
              ", ".join(_link(h.citation.provision, h.citation.url) for h in r.basis)]
             for r in batch.results],
        ),
        "<h3>Obligations that apply soonest</h3>",
        _table(
            ["system", "role", "provision", "obligation", "applies from"],
            [[_e(r.id or r.name or ""), _e(o.role.value), _link(o.citation.provision, o.citation.url),
              _e(o.title), _e(_when(o))] for r, o in soonest(batch.results)],
        ),
    ]
    if batch.errors:
        parts.append("<h3>Rows not classified</h3><ul>")
        parts += [f"<li>{_e(e)}</li>" for e in batch.errors]
        parts.append("</ul>")
    parts.append(_DISCLAIMER_HTML)
    return "".join(parts)


def inventory_html(batch: BatchResult) -> str:
    """A self-contained HTML page reporting an inventory."""
    return _page("AI system inventory", inventory_fragment(batch))

