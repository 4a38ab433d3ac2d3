"""Invariants of the general-purpose-model axis (Chapter V), over generated descriptions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import known_value, system_facts

from aiact_tiers import ModelClass, classify, list_rulesets
from aiact_tiers.engine.predicates import FACT_TYPES

DAY = dt.date(2026, 12, 15)
RULESETS = st.sampled_from(list_rulesets())
MODEL_FACTS = sorted(n for n, t in FACT_TYPES.items() if t.subject == "model")


@st.composite
def model_facts(draw: st.DrawFn) -> dict[str, Any]:
    """A model description as a dict; each fact unknown with probability one half."""
    facts: dict[str, Any] = {"kind": "model"}
    for name in MODEL_FACTS:
        if draw(st.booleans()):
            facts[name] = draw(known_value(FACT_TYPES[name]))
    return facts


@given(system_facts(), model_facts(), RULESETS)
def test_the_model_a_system_is_built_on_never_changes_its_tier(
    system: dict[str, Any], model: dict[str, Any], ruleset: str
) -> None:
    alone = classify(system, ruleset=ruleset, as_of=DAY)
    built_on = classify({**system, "model": model}, ruleset=ruleset, as_of=DAY)
    assert built_on.possible_tiers == alone.possible_tiers
    assert built_on.tier == alone.tier


@given(model_facts(), RULESETS)
def test_a_model_alone_has_no_tier(model: dict[str, Any], ruleset: str) -> None:
    result = classify(model, ruleset=ruleset, as_of=DAY)
    assert result.tier is None and result.possible_tiers == []
    assert result.possible_model_classes


@given(model_facts(), st.floats(min_value=0, max_value=1e30, allow_nan=False))
def test_more_training_compute_never_removes_systemic_risk(model: dict[str, Any], extra: float) -> None:
    facts = {**model, "training_compute_flop": model.get("training_compute_flop") or 0.0}
    before = classify(facts, as_of=DAY)
    after = classify({**facts, "training_compute_flop": facts["training_compute_flop"] + extra}, as_of=DAY)
    if before.model_class is ModelClass.GPAI_SYSTEMIC_RISK:
        assert after.model_class is ModelClass.GPAI_SYSTEMIC_RISK
