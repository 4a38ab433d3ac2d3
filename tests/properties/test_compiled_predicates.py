"""The compiled predicates agree with the reference tree-walking evaluation on every rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import known_value

from aiact_tiers import list_rulesets, load_ruleset
from aiact_tiers.engine.deciders import decider
from aiact_tiers.engine.predicates import BOOLEAN_FACTS, FACT_TYPES, normalise

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
        closures = rule.when.compiled(facts, params)
        assert (None if closures is None else bool(closures)) is expected, (ruleset_id, rule.id)


@given(any_facts(), st.dates(dt.date(2024, 8, 1), dt.date(2032, 12, 31)))
def test_three_valued_deciders_equal_reference_on_every_rule(facts: dict[str, Any], day: dt.date) -> None:
    for ruleset_id in list_rulesets():
        rules = list(load_ruleset(ruleset_id))
        params = load_ruleset(ruleset_id).at(day).params
        for booleans in (frozenset(), BOOLEAN_FACTS):
            together = decider([rule.when.tree for rule in rules], many=True, kleene=True, booleans=booleans)
            assert together is not None
            for rule, answer in zip(rules, together(facts, params), strict=True):
                expected = rule.when.reference(facts, params)
                assert answer is expected, (ruleset_id, rule.id, rule.when.text)


@st.composite
def known_facts(draw: st.DrawFn) -> dict[str, Any]:
    """Every fact known, normalised: the case the generated two-valued deciders are for."""
    return {name: normalise(draw(known_value(fact))) for name, fact in FACT_TYPES.items()}


@given(known_facts(), st.dates(dt.date(2024, 8, 1), dt.date(2032, 12, 31)))
def test_two_valued_deciders_equal_reference_when_all_facts_are_known(
    facts: dict[str, Any], day: dt.date
) -> None:
    for ruleset_id in list_rulesets():
        rules = list(load_ruleset(ruleset_id))
        params = load_ruleset(ruleset_id).at(day).params
        plain = decider([rule.when.tree for rule in rules], many=True)
        together = decider([rule.when.tree for rule in rules], many=True, booleans=BOOLEAN_FACTS)
        assert plain is not None and together is not None
        for rule, answer, without in zip(rules, together(facts, params), plain(facts, params), strict=True):
            expected = rule.when.reference(facts, params)
            assert rule.when.decide is not None
            assert rule.when.decide(facts, params) is expected, (ruleset_id, rule.id)
            assert answer is expected, (ruleset_id, rule.id, rule.when.text)
            assert without is expected, (ruleset_id, rule.id, rule.when.text)
