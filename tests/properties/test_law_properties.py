"""Invariants of the law, checked over generated descriptions."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import SYSTEM_FACTS, completion_count, completions, known_value, system_facts

from aiact_tiers import Classification, RuleSet, Tier, classify, list_rulesets
from aiact_tiers.engine.predicates import FACT_TYPES

DAY = dt.date(2026, 12, 15)
RULESETS = st.sampled_from(list_rulesets())
MAX_COMPLETIONS = 64
SAMPLED_COMPLETIONS = 16


@given(system_facts(), RULESETS)
def test_never_crashes_and_is_deterministic(facts: dict[str, Any], ruleset: str) -> None:
    first = classify(facts, ruleset=ruleset, as_of=DAY)
    assert first == classify(facts, ruleset=ruleset, as_of=DAY)
    assert Classification.model_validate_json(first.model_dump_json()) == first
    assert first.possible_tiers
    assert (first.tier is None) == (len(first.possible_tiers) > 1)


@given(system_facts(unknown=0.0), RULESETS)
def test_exactly_one_tier_when_all_facts_are_known(facts: dict[str, Any], ruleset: str) -> None:
    result = classify(facts, ruleset=ruleset, as_of=DAY)
    assert result.tier is not None
    assert result.possible_tiers == [result.tier]
    assert result.open_questions == []


@given(system_facts(unknown=0.0), st.data(), RULESETS)
def test_three_valued_soundness(facts: dict[str, Any], data: st.DataObject, ruleset: str) -> None:
    """Read strictly, every completion of the unknown facts reaches a possible tier; with few
    completions, each possible tier is reached by one and a hidden fact is asked."""
    hidden = data.draw(st.lists(st.sampled_from(SYSTEM_FACTS), min_size=1, max_size=3, unique=True))
    partial = {k: v for k, v in facts.items() if k not in hidden}
    result = classify(partial, ruleset=ruleset, as_of=DAY, presume=False)
    exhaustive = math.prod(completion_count(name, ruleset) for name in hidden) <= MAX_COMPLETIONS
    if exhaustive:
        fillings = list(itertools.product(*(completions(name, ruleset) for name in hidden)))
    else:
        values = st.tuples(*(known_value(FACT_TYPES[name]) for name in hidden))
        fillings = [data.draw(values) for _ in range(SAMPLED_COMPLETIONS)]
    reached = {
        classify({**partial, **dict(zip(hidden, filling, strict=True))}, ruleset=ruleset, as_of=DAY,
                 presume=False).tier
        for filling in fillings
    }
    assert reached <= set(result.possible_tiers)
    if exhaustive:
        assert reached == set(result.possible_tiers)
        if len(reached) > 1:
            assert {q.fact for q in result.open_questions} & set(hidden)


@given(system_facts(), RULESETS)
def test_adding_a_prohibited_practice_never_lowers_the_tier(facts: dict[str, Any], ruleset: str) -> None:
    before = classify(facts, ruleset=ruleset, as_of=DAY)
    practices = set(facts.get("practices") or []) | {"untargeted_facial_scraping"}
    after = classify({**facts, "practices": sorted(practices)}, ruleset=ruleset, as_of=DAY)
    if Tier.OUT_OF_SCOPE not in after.possible_tiers:
        assert after.tier is Tier.PROHIBITED
    assert set(after.possible_tiers) <= set(before.possible_tiers) | {Tier.PROHIBITED}


def profiling_removes_high_risk(facts: dict[str, Any], ruleset: str | RuleSet) -> bool:
    """A counterexample: high-risk without profiling, no longer high-risk with it."""
    before = classify({**facts, "profiling": False}, ruleset=ruleset, as_of=DAY)
    after = classify({**facts, "profiling": True}, ruleset=ruleset, as_of=DAY)
    return before.tier is Tier.HIGH_RISK and after.tier is not Tier.HIGH_RISK


@given(system_facts(), RULESETS)
def test_profiling_never_removes_high_risk(facts: dict[str, Any], ruleset: str) -> None:
    assert not profiling_removes_high_risk(facts, ruleset)


@given(system_facts(), st.randoms(use_true_random=False), RULESETS)
def test_order_of_list_facts_is_irrelevant(facts: dict[str, Any], rng: random.Random, ruleset: str) -> None:
    shuffled = {k: rng.sample(v, len(v)) if isinstance(v, list) else v for k, v in facts.items()}
    assert classify(shuffled, ruleset=ruleset, as_of=DAY) == classify(facts, ruleset=ruleset, as_of=DAY)


@given(system_facts(), RULESETS)
def test_every_obligation_and_basis_entry_is_cited(facts: dict[str, Any], ruleset: str) -> None:
    result = classify(facts, ruleset=ruleset, as_of=DAY)
    for item in [*result.basis, *result.obligations]:
        assert item.citation.provision and item.citation.url.startswith("https://")
