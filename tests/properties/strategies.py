"""Hypothesis strategies that build descriptions from the fact models themselves."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from typing import Any

from hypothesis import strategies as st

from aiact_tiers import SystemDescription, load_ruleset
from aiact_tiers.engine.predicates import DT, FACT_TYPES, FactType
from aiact_tiers.facts.vocabulary import IMPLIED_MEMBERS

SYSTEM_FACTS = sorted(n for n, t in FACT_TYPES.items() if t.subject == "system")


def known_value(fact: FactType) -> st.SearchStrategy[Any]:
    if fact.data_type == DT.BOOLEAN:
        return st.booleans()
    if fact.data_type == DT.FLOAT:
        return st.floats(min_value=0, max_value=1e30, allow_nan=False)
    if fact.data_type == DT.DATETIME:
        return st.dates(dt.date(2020, 1, 1), dt.date(2032, 12, 31))
    assert fact.enum is not None
    values = [m.value for m in fact.enum]
    if fact.data_type == DT.STRING:
        return st.sampled_from(values)
    members = [m.value for m in fact.enum if m not in IMPLIED_MEMBERS]  # known: no area alone
    return st.lists(st.sampled_from(members), max_size=3, unique=True)


@st.composite
def system_facts(draw: st.DrawFn, unknown: float = 0.5) -> dict[str, Any]:
    """A system description as a dict; each fact unknown with probability ``unknown``."""
    facts: dict[str, Any] = {}
    for name in SYSTEM_FACTS:
        if draw(st.floats(0, 1)) >= unknown:
            facts[name] = draw(known_value(FACT_TYPES[name]))
    return facts


@functools.cache
def _literals(ruleset_id: str) -> frozenset[str]:
    texts = " ".join(rule.when.text for rule in load_ruleset(ruleset_id))
    return frozenset(texts.split('"')[1::2])


def completion_count(name: str, ruleset_id: str) -> int:
    """How many values :func:`completions` gives, without building them."""
    fact = FACT_TYPES[name]
    if fact.data_type in (DT.BOOLEAN, DT.FLOAT, DT.DATETIME, DT.STRING):
        return len(completions(name, ruleset_id))
    assert fact.enum is not None
    members = [m for m in fact.enum if m not in IMPLIED_MEMBERS]
    named = sum(1 for m in members if m.value in _literals(ruleset_id))
    return 2**named * (2 if named < len(members) else 1)


def completions(name: str, ruleset_id: str) -> list[Any]:
    """Every value of a fact that a predicate can tell apart.

    Predicates only test set facts for membership of the literals they name and for emptiness,
    so the subsets of the named literals, plus one unnamed value, cover every case.
    """
    fact = FACT_TYPES[name]
    if fact.data_type == DT.BOOLEAN:
        return [True, False]
    if fact.data_type == DT.FLOAT:
        return [0.0, 1e25, 1.0000001e25, 1e26]
    if fact.data_type == DT.DATETIME:
        return [dt.date(2024, 1, 1), dt.date(2025, 8, 1), dt.date(2026, 8, 2), dt.date(2028, 1, 1)]
    assert fact.enum is not None
    values = [m.value for m in fact.enum if m not in IMPLIED_MEMBERS]
    if fact.data_type == DT.STRING:
        return values
    named = [v for v in values if v in _literals(ruleset_id)]
    other = [v for v in values if v not in named][:1]
    subsets = []
    for size in range(len(named) + 1):
        for combo in itertools.combinations(named, size):
            subsets.append(list(combo))
            if other:
                subsets.append([*combo, *other])
    return subsets


def validate(facts: dict[str, Any]) -> SystemDescription:
    return SystemDescription.model_validate(facts)
