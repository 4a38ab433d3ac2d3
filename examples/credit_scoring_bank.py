"""Credit scoring used by a bank: high-risk under Annex III 5(b), with the Art 27 FRIA.

The bank is the deployer. Art 27(1) asks deployers of Annex III 5(b) systems to assess the
impact on fundamental rights before first use.
"""

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
    "name": "Loan scorer",
    "roles": ["deployer"],
    "practices": [],
    "annex_iii_points": ["5(b)"],
    "financial_fraud_detection": False,
    "profiling": True,  # it scores applicants on their economic situation
    "deployer_is_public_body": False,
    "interacts_with_natural_persons": False,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")
fria = [o for o in result.obligations if o.rule == "art_27"]
for o in fria:
    print(f"  [{o.role}] {o.citation}  {o.title} ({o.phase}, from {o.applies_from})")
