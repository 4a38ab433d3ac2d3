"""Art 25(1) and (3): an operator considered the provider bears the provider's duties, one by one.

For any description of a system in which the operator puts its name on it, modifies it
substantially or changes its purpose (Art 25(1)(a)-(c)), each provider duty of the high-risk
regimes comes to the deployer, importer or distributor with the status and date it has for the
provider, but those the rule lists as not borne (the initial provider's Art 25(2) duty), wherever
the prohibitions bind the two alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import system_facts

from aiact_tiers import Classification, Tier, classify, load_ruleset

RULESETS = ("eu-2024", "eu-2024-2026")
HIGH_RISK = {"high_risk_annex_iii", "high_risk_annex_i_section_a"}
TAKERS = st.sampled_from(["deployer", "importer", "distributor"])
DAYS = st.dates(dt.date(2025, 1, 1), dt.date(2031, 12, 31))


def _duties(result: Classification) -> dict[str, Any]:
    """The duties of a result by rule id, each with its status and date."""
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
    provider = classify(facts, ruleset=ruleset, as_of=day, role="provider")
    taker = classify(facts, ruleset=ruleset, as_of=day, role=role)
    # Where a prohibition binds one of them and not the other, their positions part, and the
    # duties with them: a use prohibition binds the deployer alone (Art 5(1)(h)), a prohibition
    # of placing on the market the provider alone (Art 5(1a) for points (ba) and (bb)).
    assume((provider.tier is Tier.PROHIBITED) == (taker.tier is Tier.PROHIBITED))
    assume((Tier.PROHIBITED in provider.possible_tiers) == (Tier.PROHIBITED in taker.possible_tiers))
    as_provider = {rule_id: duty for rule_id, duty in _duties(provider).items()
                   if rule_id in provider_duties}
    taken = {rule_id.removeprefix(f"art_25_1_{role}_"): duty for rule_id, duty in _duties(taker).items()
             if rule_id.removeprefix(f"art_25_1_{role}_") in provider_duties}
    assert taken == as_provider
