"""Penalty exposure per group of obligations: Art 99(1), (3), (4), (6), (6a) and Art 101."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_citations import citable

from aiact_tiers import EnterpriseSize, classify, load_ruleset
from aiact_tiers.analysis.penalties import PenaltyExposure, _schedule, _schedules, penalties
from legal_cases import IN_SCOPE

SOCIAL_SCORING = {
    **IN_SCOPE, "roles": ["deployer"], "practices": ["social_scoring"],
    "social_score_detrimental_in_unrelated_context": True,
}
CREDIT_SCORING = {
    **IN_SCOPE, "roles": ["deployer"], "practices": [], "annex_iii_points": ["5(b)"],
    "profiling": True, "financial_fraud_detection": False, "deployer_is_public_body": False,
    "deployer_acts_for_public_body": False,
    "interacts_with_natural_persons": False, "placed_on_market_on": dt.date(2028, 1, 2),
    "annex_x_component": False, "puts_name_on_high_risk_system": False,
    "substantial_modification": False, "changes_purpose_to_high_risk": False,
}
DAY = dt.date(2028, 1, 10)


def groups(facts: dict[str, Any], ruleset: str = "eu-2024-2026", **kw: Any) -> dict[str, PenaltyExposure]:
    result = classify(facts, ruleset=ruleset, as_of=kw.pop("as_of", DAY))
    return {exposure.group: exposure for exposure in penalties(result, **kw)}


def test_art_99_3_prohibited_practice_35_million_or_7_percent_whichever_higher() -> None:
    exposure = groups(SOCIAL_SCORING, enterprise_size="large")["art_99_3"]
    assert (exposure.max_eur, exposure.turnover_percent, exposure.whichever) == (35_000_000, 7, "higher")
    assert exposure.citation.provision == "Art 99(3)"
    assert exposure.in_force


def test_art_99_6_an_sme_is_capped_at_the_lower_of_the_two() -> None:
    exposure = groups(SOCIAL_SCORING, enterprise_size=EnterpriseSize.SME)["art_99_3"]
    assert (exposure.whichever, exposure.lower_of[EnterpriseSize.SME]) == ("lower", "Art 99(6)")


def test_unknown_size_leaves_the_lower_of_rule_open() -> None:
    assert groups(SOCIAL_SCORING)["art_99_3"].whichever is None


def test_art_99_6a_small_mid_caps_not_assumed_for_art_5_fines() -> None:
    exposure = groups(SOCIAL_SCORING, enterprise_size="small_mid_cap")["art_99_3"]
    assert (exposure.whichever, exposure.confidence) == ("higher", "low")


def test_art_99_3_fines_only_from_2_august_2025_although_art_5_applies_earlier() -> None:
    before = groups(SOCIAL_SCORING, as_of=dt.date(2025, 5, 1))["art_99_3"]
    assert (before.in_force, before.applies_from) == (False, dt.date(2025, 8, 2))


def test_art_99_4_e_deployer_duties_and_art_27_left_to_member_states() -> None:
    found = groups(CREDIT_SCORING, enterprise_size="small_mid_cap")
    assert set(found) == {"art_99_4_e", "art_99_4_g", "residual"}
    # Art 50(3) and (4) depend on facts left unknown
    assert (found["art_99_4_e"].status, found["art_99_4_g"].status) == ("applies", "possible")
    deployer = found["art_99_4_e"]
    assert (deployer.max_eur, deployer.turnover_percent, deployer.whichever) == (15_000_000, 3, "lower")
    assert deployer.lower_of == {EnterpriseSize.SME: "Art 99(6)", EnterpriseSize.SMALL_MID_CAP: "Art 99(6a)"}
    assert all(rule.startswith("art_26") for rule in deployer.obligations)
    assert "art_27" in found["residual"].obligations
    assert (found["residual"].max_eur, found["residual"].citation.provision) == (None, "Art 99(1)")


def test_a_deployer_considered_the_provider_is_fined_for_the_provider_duties_under_art_99_4_a() -> None:
    found = groups({**CREDIT_SCORING, "puts_name_on_high_risk_system": True}, enterprise_size="large")
    assert {"art_25_1_deployer_art_09", "art_25_1_deployer_art_43",
            "art_25_1_deployer_art_49_1"} <= set(found["art_99_4_a"].obligations)
    assert all(rule.startswith("art_26") for rule in found["art_99_4_e"].obligations)


def test_art_99_6a_does_not_exist_in_the_2024_text() -> None:
    deployer = groups(CREDIT_SCORING, ruleset="eu-2024", enterprise_size="small_mid_cap")["art_99_4_e"]
    assert (deployer.whichever, deployer.lower_of) == ("higher", {EnterpriseSize.SME: "Art 99(6)"})


def test_provider_duties_fall_under_art_99_4_a_and_monitoring_under_art_99_1() -> None:
    found = groups({**CREDIT_SCORING, "roles": ["provider"]}, enterprise_size="large")
    assert {"art_09", "art_43", "art_48", "art_49_1"} <= set(found["art_99_4_a"].obligations)
    assert {"art_72", "art_73"} <= set(found["residual"].obligations)


def test_art_101_gpai_providers_fined_by_the_commission_from_2_august_2026() -> None:
    model = {"kind": "model", "significant_generality": True, "wide_range_of_distinct_tasks": True,
             "research_prototype_only": False, "training_compute_flop": 3e24,
             "high_impact_capabilities": False, "designated_by_commission": False}
    early = groups(model, as_of=dt.date(2026, 1, 5), enterprise_size="sme")["art_101_1"]
    assert (early.in_force, early.whichever, early.lower_of) == (False, "higher", {})
    assert groups(model, as_of=dt.date(2026, 8, 2))["art_101_1"].in_force


def test_art_5_group_does_not_swallow_art_50() -> None:
    group = next(g for g in _schedule("eu-2024")[1] if g.id == "art_99_3")
    assert group.covers("Art 5(1)(c)") and group.covers("Art 5")
    assert not group.covers("Art 50(1)")


@pytest.mark.parametrize("ruleset_id", sorted(_schedules()))
def test_every_penalty_citation_exists_in_the_text(ruleset_id: str) -> None:
    schedule, found = _schedule(ruleset_id)
    allowed = citable(load_ruleset(ruleset_id).act)
    cited = [g.citation for g in found] + [g.dated_by for g in found]
    cited += [p for g in found for p in g.provisions]
    cited += [p for g in found for p in (g.lower_of or schedule.lower_of).values()]
    assert [c for c in cited if c not in allowed] == []


@pytest.mark.parametrize("ruleset_id", sorted(_schedules()))
def test_every_ceiling_is_a_dated_parameter_of_the_same_provision(ruleset_id: str) -> None:
    parameters = load_ruleset(ruleset_id).parameters
    for group in _schedule(ruleset_id)[1]:
        cited = parameters[group.ceiling].citation
        assert group.citation == cited or group.citation.startswith(f"{cited}("), group.id


def test_art_99_4_da_fines_the_art_25_4_agreement_only_in_the_amended_text() -> None:
    provider = {**CREDIT_SCORING, "roles": ["provider"], "another_operator_became_provider": True}
    amended = groups(provider, enterprise_size="large")["art_99_4_da"]
    assert amended.obligations == ["art_25_4", "art_25_2"]
    assert (amended.max_eur, amended.turnover_percent, amended.citation.provision) == (
        15_000_000, 3, "Art 99(4)(da)"
    )
    adopted = groups(provider, ruleset="eu-2024", enterprise_size="large")
    assert "art_99_4_da" not in adopted and "art_25_4" in adopted["residual"].obligations
