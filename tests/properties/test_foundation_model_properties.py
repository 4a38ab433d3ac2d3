"""Invariants of the foundation-model axis of the Parliament's 2023 text (EP Art 3(1c), Art 28b)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import system_facts

from aiact_tiers import DistributionChannel, ModelClass, classify, load_ruleset

RULESET = "eu-2023-ep"
DAY = dt.date(2026, 11, 28)
MODEL_REGIMES = {regime for rule in load_ruleset(RULESET) if rule.model_class for regime in rule.opens}
MODEL_DUTIES = {rule.id for rule in load_ruleset(RULESET) if MODEL_REGIMES.intersection(rule.regimes)}
"""The duties of a foundation model's provider: those of the regimes its class opens (EP Art 28b,
and the Art 28(2) hand-over)."""
CHANNELS = st.lists(st.sampled_from([c.value for c in DistributionChannel]), unique=True)


@st.composite
def foundation_model(draw: st.DrawFn) -> dict[str, Any]:
    """A model that meets EP Art 3(1c), generative or not, offered through any channels."""
    facts: dict[str, Any] = {
        "kind": "model",
        "trained_on_broad_data_at_scale": True,
        "designed_for_generality_of_output": True,
        "adaptable_to_wide_range_of_distinctive_tasks": True,
        "intended_to_generate_content": draw(st.none() | st.booleans()),
    }
    if draw(st.booleans()):
        facts["distribution_channels"] = draw(CHANNELS)
    return facts


@given(system_facts(), foundation_model())
def test_a_foundation_models_duties_never_change_the_tier_of_a_system_built_on_it(
    system: dict[str, Any], model: dict[str, Any]
) -> None:
    alone = classify(system, ruleset=RULESET, as_of=DAY)
    built_on = classify({**system, "model": model}, ruleset=RULESET, as_of=DAY)
    assert (built_on.tier, built_on.possible_tiers) == (alone.tier, alone.possible_tiers)
    system_duties = [o for o in built_on.obligations if o.rule not in MODEL_DUTIES]
    assert system_duties == alone.obligations


@given(foundation_model(), CHANNELS)
def test_the_distribution_channel_never_changes_the_class_or_the_duties(
    model: dict[str, Any], channels: list[str]
) -> None:
    before = classify(model, ruleset=RULESET, as_of=DAY)
    after = classify({**model, "distribution_channels": channels}, ruleset=RULESET, as_of=DAY)
    assert before.possible_model_classes == after.possible_model_classes
    assert before.obligations == after.obligations
    assert ModelClass.FOUNDATION_MODEL in before.possible_model_classes or (
        before.model_class is ModelClass.GENERATIVE_FOUNDATION_MODEL
    )
