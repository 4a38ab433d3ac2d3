"""The compiled predicates agree with the reference tree-walking evaluation on every rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import known_value

from aiact_tiers import list_rulesets, load_ruleset
from aiact_tiers._engine import FACT_TYPES, normalise

RULES = [(ruleset_id, rule) for ruleset_id in list_rulesets() for rule in load_ruleset(ruleset_id)]


@st.composite
def any_facts(draw: st.DrawFn) -> dict[str, Any]:
    """Facts of systems and models, normalised as predicates see them; absent ones unknown."""
    facts: dict[str, Any] = {}
    for name, fact in FACT_TYPES.items():
        if draw(st.booleans()):
            facts[name] = normalise(draw(known_value(fact)))
    return facts


@given(any_facts(), st.dates(dt.date(2024, 8, 1), dt.date(2032, 12, 31)))
def test_compiled_equals_reference_on_every_rule(facts: dict[str, Any], day: dt.date) -> None:
    for ruleset_id, rule in RULES:
        params = load_ruleset(ruleset_id).at(day).params
        expected = rule.when.reference(facts, params)
        assert rule.when.evaluate(facts, params) is expected, (ruleset_id, rule.id, rule.when.text)
