"""Art 25(1) and (3): an operator considered the provider bears the provider's duties, one by one.

For any description of a system in which the operator puts its name on it, modifies it
substantially or changes its purpose (Art 25(1)(a)-(c)), each provider duty of the high-risk
regimes comes to the deployer, importer or distributor with the status and date it has for the
provider, but those the rule lists as not borne (the initial provider's Art 25(2) duty).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import system_facts

from aiact_tiers import classify, load_ruleset

RULESETS = ("eu-2024", "eu-2024-2026")
HIGH_RISK = {"high_risk_annex_iii", "high_risk_annex_i_section_a"}
TAKERS = st.sampled_from(["deployer", "importer", "distributor"])
DAYS = st.dates(dt.date(2025, 1, 1), dt.date(2031, 12, 31))


def _duties(facts: dict[str, Any], ruleset: str, day: dt.date, role: str) -> dict[str, Any]:
    """The duties of ``role`` by rule id, each with its status and date."""
    result = classify(facts, ruleset=ruleset, as_of=day, role=role)
    return {o.rule: (o.status, o.applies_from) for o in result.obligations}


@settings(max_examples=300)
@given(system_facts(unknown=0.3), st.sampled_from(RULESETS), TAKERS, DAYS)
def test_the_operator_considered_the_provider_has_the_providers_high_risk_duties(
    facts: dict[str, Any], ruleset: str, role: str, day: dt.date
) -> None:
    facts = {**facts, "puts_name_on_high_risk_system": True,
             "purely_personal_non_professional_use": False}
    facts.pop("roles", None)
    rules = load_ruleset(ruleset)
    provider_duties = {r.id for r in rules if r.role == "provider" and HIGH_RISK & set(r.regimes)}
    provider_duties -= set(rules.rule(f"art_25_1_{role}").not_as_provider)
    as_provider = {rule_id: duty for rule_id, duty in _duties(facts, ruleset, day, "provider").items()
                   if rule_id in provider_duties}
    taken = {rule_id.removeprefix(f"art_25_1_{role}_"): duty
             for rule_id, duty in _duties(facts, ruleset, day, role).items()
             if rule_id.removeprefix(f"art_25_1_{role}_") in provider_duties}
    assert taken == as_provider
