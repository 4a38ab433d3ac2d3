"""A municipal social-scoring system: prohibited by Art 5(1)(c) since 2 February 2025."""

import datetime as dt

from aiact_tiers import classify

facts = {
    # Art 2 and Art 3(1): an AI system on the Union market, no exclusion applies
    "infers_outputs_from_input": True,
    "placed_on_union_market": True,
    "exclusively_military_defence_national_security": False,
    "third_country_authority_cooperation": False,
    "sole_purpose_scientific_research": False,
    "pre_market_research_or_testing": False,
    "purely_personal_non_professional_use": False,
    "free_open_source_licence": False,
    "annex_i_legislation": [],  # Art 6(1): not a product under Annex I legislation
    "name": "Citizen score",
    "roles": ["deployer"],
    "practices": ["social_scoring"],
    # the score, built from behaviour in public life, cuts access to unrelated services
    "social_score_detrimental_in_unrelated_context": True,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")
