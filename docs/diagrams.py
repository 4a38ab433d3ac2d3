"""Mermaid diagrams drawn from the rule files when the site builds, so they cannot drift.

- the decision order of the tiers (Art 2 and 3(1), Art 5, Art 6 with Annex I and Annex III,
  Art 50, minimal), with the exceptions that override whole groups of rules;
- the days each regime applies from, with the days another ruleset sets apart (Art 113, Art 111);
- the rules a rule overrides and the rules that override it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from aiact_tiers.law.rule import Rule
from aiact_tiers.law.ruleset import RuleSet
from aiact_tiers.results.classification import TIER_ORDER

TIER_LABEL = {
    "out_of_scope": "out of scope",
    "prohibited": "prohibited",
    "high_risk": "high-risk",
    "limited": "limited (transparency)",
    "minimal": "minimal",
}


def fence(diagram: Iterable[str]) -> str:
    """A Mermaid diagram as a Markdown code fence that the theme renders."""
    return "```mermaid\n" + "\n".join(diagram) + "\n```\n"


def _text(label: str) -> str:
    """A label Mermaid accepts inside quotes."""
    return label.replace('"', "'")


def family(rule: Rule) -> str:
    """The part of the Act a rule belongs to: ``Annex III`` for its points, else the article."""
    provision = rule.citation.provision
    if provision.startswith("Annex"):
        return " ".join(provision.split()[:2])
    return re.sub(r"\(.*", "", provision)


def _provisions(rules: list[Rule]) -> str:
    """The distinct provisions of a group of rules, first and last only when there are many."""
    provisions = list(dict.fromkeys(r.citation.provision for r in rules))
    if len(provisions) <= 4:
        return ", ".join(provisions)
    return f"{provisions[0]} … {provisions[-1]}"


def decision_order(ruleset: RuleSet) -> Iterator[str]:
    """The tiers in the order the law asks them; a dotted arrow is an exception overriding rules."""
    rules = {r.id: r for r in ruleset.rules}
    groups: dict[tuple[str, str], list[Rule]] = {}
    for tier in TIER_ORDER:
        for rule in ruleset.rules:
            if rule.tier == tier:
                groups.setdefault((tier.value, family(rule)), []).append(rule)
    node = {key: f"g{i}" for i, key in enumerate(groups)}
    node_of = {r.id: node[key] for key, members in groups.items() for r in members}
    yield "flowchart TD"
    yield '  start[/"System description"/]'
    previous = "start"
    for key, members in groups.items():
        count = f"<br/>{len(members)} rules" if len(members) > 1 else ""
        yield f'  {node[key]}("{_text(_provisions(members))}{count}")'
    for tier, part in groups:
        step = "-->" if previous == "start" else "-- no -->"
        yield f"  {previous} {step} {node[(tier, part)]}"
        yield f'  {node[(tier, part)]} -- fires --> t_{tier}(["{TIER_LABEL[tier]}"])'
        previous = node[(tier, part)]
    yield from _overrides(ruleset, rules, node_of)


def _overrides(ruleset: RuleSet, rules: dict[str, Rule], node_of: dict[str, str]) -> Iterator[str]:
    """The exceptions that override tier rules, or an exception that does (drawn dotted)."""
    exceptions = [r for r in ruleset.rules if r.exception]
    reaching: set[str] = set()
    while True:  # an exception to an exception that reaches a tier rule is drawn too
        found = {r.id for r in exceptions
                 if set(ruleset.overridden.get(r.id, ())) & (node_of.keys() | reaching)}
        if found == reaching:
            break
        reaching = found
    edges: dict[tuple[str, str], list[str]] = {}
    for rule in exceptions:
        if rule.id not in reaching:
            continue
        since = f"<br/>from {rule.effective_from}" if rule.effective_from > ruleset.in_force_from else ""
        yield f'  x_{rule.id}["{_text(rule.citation.provision)}: {_text(rule.title)}{since}"]'
        for target in ruleset.overridden.get(rule.id, ()):
            end = f"x_{target}" if target in reaching else node_of.get(target)
            if end is not None:
                edges.setdefault((f"x_{rule.id}", end), []).append(rules[target].citation.provision)
    for (source, end), provisions in edges.items():
        cited = list(dict.fromkeys(provisions))
        label = "overrides" if len(cited) > 4 else "overrides " + ", ".join(cited)
        yield f'  {source} -. "{_text(label)}" .-> {end}'


def _timeline_text(title: str) -> str:
    """A title as timeline text: no colon or semicolon, no parenthesised remark."""
    return re.sub(r"[:;#]", "", title.split(" (")[0]).strip()


def application_dates(ruleset: RuleSet, other: RuleSet) -> Iterator[str]:
    """The days a ruleset's regimes apply from, as a timeline; a day ``other`` sets apart is named."""
    moved = {rid: reg.applies_from for rid, reg in other.regimes.items()}
    days: dict[str, list[str]] = {}
    for regime in sorted(ruleset.regimes.values(), key=lambda r: (r.applies_from, r.id)):
        before = moved.get(regime.id)
        note = (f", not in {other.id}" if before is None
                else f", {before} under {other.id}" if before != regime.applies_from else "")
        days.setdefault(regime.applies_from.isoformat(), []).append(
            f"{_timeline_text(regime.title)} ({regime.citation}{note})")
    yield "timeline"
    yield f"  title {ruleset.id}, {re.sub(r'[:;#]', '', ruleset.title)}"
    for day, events in days.items():
        yield f"  {day} : " + " : ".join(events)


def override_graph(ruleset: RuleSet, rule: Rule) -> Iterator[str]:
    """The rules that override ``rule`` (left) and those it overrides (right), by part of the Act."""
    rules = {r.id: r for r in ruleset.rules}
    yield "flowchart LR"
    yield f'  this[["{_text(rule.citation.provision)}<br/>{rule.id}"]]'
    sides = (("by", ruleset.defeaters.get(rule.id, ())), ("of", ruleset.overridden.get(rule.id, ())))
    for side, ids in sides:
        groups: dict[str, list[Rule]] = {}
        for other in ids:
            groups.setdefault(family(rules[other]), []).append(rules[other])
        for i, members in enumerate(groups.values()):
            label = members[0].id if len(members) == 1 else f"{len(members)} rules"
            yield f'  {side}{i}["{_text(_provisions(members))}<br/>{label}"]'
            yield f"  {side}{i} -- overrides --> this" if side == "by" else f"  this -- overrides --> of{i}"
