"""compare(): the same description under the law today and under the 2024 text.

The deployer is a public body using an Annex III 4(a) system, so Art 26 and Art 27 both apply;
a bank deploying a credit-scoring system (Annex III 5(b)) is postponed the same way.
"""

from __future__ import annotations

import datetime as dt

from aiact_tiers import Tier, compare

DAY = dt.date(2026, 11, 28)
PUBLIC_EMPLOYER = {
    "roles": ["deployer"],
    "practices": [],
    "annex_iii_points": ["4(a)"],
    "annex_i_legislation": [],
    "profiling": True,
    "financial_fraud_detection": False,
    "infers_outputs_from_input": True,
    "placed_on_union_market": True,
    "exclusively_military_defence_national_security": False,
    "third_country_authority_cooperation": False,
    "sole_purpose_scientific_research": False,
    "pre_market_research_or_testing": False,
    "purely_personal_non_professional_use": False,
    "free_open_source_licence": False,
    "interacts_with_natural_persons": False,
    "generates_synthetic_content": False,
    "emotion_recognition_or_biometric_categorisation": False,
    "generates_deep_fakes": False,
    "generates_public_interest_text": False,
    "deployer_is_public_body": True,
    "deployer_provides_public_services": False,
    "used_at_workplace": False,
}


def test_public_deployer_duties_are_postponed_by_the_2026_amendment() -> None:
    result = compare(PUBLIC_EMPLOYER, "eu-2024-2026", "eu-2024", as_of=DAY)
    assert result.tier_a == result.tier_b == Tier.HIGH_RISK
    assert result.only_in_a == [] and result.only_in_b == []
    assert not result.same
    differs = {d.rule: d for d in result.applies_from_differs}
    assert "art_27" in differs and any(rule.startswith("art_26") for rule in differs)
    for difference in differs.values():
        assert (difference.applies_from_a, difference.applies_from_b) == (
            dt.date(2027, 12, 2), dt.date(2026, 8, 2)
        )
        assert "Art 113(c)" in difference.provisions and "Art 113" in difference.provisions


def test_a_new_prohibition_is_a_tier_difference() -> None:
    facts = {**PUBLIC_EMPLOYER, "annex_iii_points": [], "roles": ["provider"],
             "practices": ["intimate_imagery_generation"], "harmful_generation_intended_purpose": True,
             "depicted_persons_consent": False, "manipulation_neither_exposes_nor_alters": False}
    result = compare(facts, "eu-2024-2026", "eu-2024", as_of=dt.date(2026, 12, 2))
    assert result.tier_a == Tier.PROHIBITED
    assert result.tier_b != Tier.PROHIBITED
    assert [d.rule for d in result.only_in_a if d.provisions[0].startswith("Art 5")]


def test_the_same_text_compared_with_itself_is_the_same() -> None:
    result = compare(PUBLIC_EMPLOYER, "eu-2024", "eu-2024", as_of=DAY)
    assert result.same
