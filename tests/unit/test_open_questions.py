"""Open questions and certainty: what the strict reading still asks, and when it is certain."""

from __future__ import annotations

import datetime as dt

from aiact_tiers import Tier, classify, load_ruleset
from aiact_tiers.facts.vocabulary import IMPLIED_MEMBERS


def test_the_system_tier_open_for_no_role_is_asked_and_not_certain() -> None:
    """EP Art 5(1)(dd): with no operator role named the position is out of scope, but whether
    the system itself is prohibited turns on a publicly accessible space; the result asks it."""
    from aiact_tiers.engine.predicates import FACT_TYPES

    facts: dict[str, object] = {name: False for name, fact in FACT_TYPES.items()
                                if fact.subject == "system" and fact.kind == "boolean"}
    del facts["adequate_fundamental_rights_safeguards"], facts["publicly_accessible_space"]
    facts.update(infers_outputs_from_input=True, enterprise_size="sme", rbi_objective="none",
                 placed_on_market_on="2020-01-01", roles=[],
                 practices=["manipulative_techniques", "post_remote_biometric_identification"])
    result = classify(facts, ruleset="eu-2023-ep", as_of=dt.date(2026, 12, 1), presume=False)
    assert result.possible_tiers == [Tier.OUT_OF_SCOPE]
    assert result.possible_system_tiers == [Tier.PROHIBITED, Tier.MINIMAL]
    assert not result.certain
    assert [(q.fact, q.rules) for q in result.open_questions] == [
        ("publicly_accessible_space", ("ep_art_05_1_dd",))]


def test_a_set_fact_is_answered_with_members_never_markers() -> None:
    snapshot = load_ruleset("eu-2024-2026").at(dt.date(2026, 12, 1))
    answers = snapshot.answers("annex_iii_points")
    assert answers is not None and len(answers) == 26
    assert not any(answer & IMPLIED_MEMBERS.keys() for answer in answers)
