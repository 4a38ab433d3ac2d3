"""Invariants of the transitional rules (Art 111) and of AI literacy (Art 4, Art 2(2))."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import system_facts

from aiact_tiers import Tier, classify

# Duties of Chapter III that Art 111(2) defers for a system placed before the cut-off.
CHAPTER_III = {"art_09", "art_10", "art_11", "art_17", "art_43", "art_26_1", "art_27", "art_49_3"}


@given(system_facts(), st.dates(dt.date(2024, 8, 1), dt.date(2027, 12, 1)),
       st.dates(dt.date(2026, 12, 1), dt.date(2031, 1, 1)))
def test_art_111_2_no_chapter_iii_duty_for_an_unchanged_system_placed_before_the_cut_off(
    facts: dict[str, Any], placed: dt.date, day: dt.date
) -> None:
    """Art 111(2) as amended: an Annex III system placed before 2 Dec 2027 whose design has not
    changed significantly owes no Chapter III duty, whatever else is true of it."""
    described = {**facts, "annex_iii_points": ["4(a)"], "placed_on_market_on": placed,
                 "significant_design_change_after_cutoff": False, "roles": ["provider", "deployer"]}
    result = classify(described, as_of=day)
    assert not CHAPTER_III & {o.rule for o in result.obligations}


@given(system_facts())
def test_art_4_binds_the_provider_of_every_system_in_scope_but_a_section_b_product(
    facts: dict[str, Any]
) -> None:
    """Art 4: providers of AI systems take AI-literacy measures whatever the tier, a prohibited
    system's included; Art 2(2) leaves out only the Section B products."""
    described = {**facts, "roles": ["provider"], "annex_i_legislation": [],
                 "purely_personal_non_professional_use": False}
    result = classify(described, as_of=dt.date(2027, 1, 10))
    if result.tier is not None and result.tier is not Tier.OUT_OF_SCOPE:
        assert "art_04_provider" in {o.rule for o in result.obligations}
