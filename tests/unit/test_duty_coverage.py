"""Every operator the high-risk chapter addresses has duties in each text's high-risk regimes.

A role with no duty in a regime is told it stands out of scope there: a rule missing for an
importer, a distributor, an authorised representative or a product manufacturer would pass
silently as the law, as it did under the 2023 text before its Art 24 to 27 were added.
"""

import pytest

from aiact_tiers import Role, list_rulesets, load_ruleset

CHAPTER_III = {Role.PROVIDER, Role.DEPLOYER, Role.IMPORTER, Role.DISTRIBUTOR,
               Role.AUTHORISED_REPRESENTATIVE}
"""The operators of a high-risk system (Art 16 to 27 of the 2024 text, Art 16 to 29 of the
Commission's numbering); the product manufacturer too where the system is a safety component of
a product of the first section of the product legislation (Art 25(3), EP Art 24)."""


@pytest.mark.parametrize("ruleset_id", list_rulesets())
def test_every_operator_of_a_high_risk_system_has_duties_in_each_high_risk_regime(ruleset_id: str) -> None:
    ruleset = load_ruleset(ruleset_id)
    bound: dict[str, set[Role]] = {}
    for rule in ruleset:
        if rule.role is not None:
            for regime in rule.regimes:
                bound.setdefault(regime, set()).add(rule.role)
    chapter_iii = [regime for regime in ruleset.regimes
                   if regime.startswith("high_risk_") and Role.PROVIDER in bound.get(regime, set())]
    assert len(chapter_iii) >= 2  # Annex III and the product route at least
    missing = {regime: sorted(r.value for r in (CHAPTER_III | ({Role.PRODUCT_MANUFACTURER}
                                                                 if "section_a" in regime else set()))
                              - bound[regime])
               for regime in chapter_iii}
    assert {regime: roles for regime, roles in missing.items() if roles} == {}
