"""Invariants of Art 6(1) and Annex I, checked over generated descriptions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import system_facts

from aiact_tiers import classify, list_rulesets, load_ruleset

DAY = dt.date(2026, 12, 15)
# The rulesets whose product legislation is Annex I (the 2023 text lists it in Annex II).
RULESETS = st.sampled_from([r for r in list_rulesets() if "annex_i_section_b" in load_ruleset(r).parameters])


@given(system_facts(), RULESETS, st.data())
def test_section_b_never_yields_the_chapter_iii_provider_pack(
    facts: dict[str, Any], ruleset: str, data: st.DataObject
) -> None:
    """Art 2(2): a Section B product reaches Chapter III through its sectoral law only."""
    section_b = sorted(load_ruleset(ruleset).parameters["annex_i_section_b"].at(DAY))
    acts = data.draw(st.lists(st.sampled_from(section_b), min_size=1, unique=True))
    # No Annex III route: no point listed and no remote biometric identification practice, which
    # is Annex III 1(a) whether or not the point is listed.
    described = {**facts, "annex_i_legislation": acts, "annex_iii_points": [], "practices": []}
    result = classify(described, ruleset=ruleset, as_of=DAY, role="provider")
    assert not {"art_09", "art_17", "art_43", "art_47"} & {o.rule for o in result.obligations}
