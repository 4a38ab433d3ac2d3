"""A customer-service chatbot: limited risk, with the Art 50(1) duty to disclose the AI."""

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
    "name": "Support chatbot",
    "roles": ["provider"],
    "practices": [],
    "annex_iii_points": [],
    "interacts_with_natural_persons": True,
    "interaction_obvious": False,  # a chat window on a shop's site does not say it is a machine
    "authorised_by_law_for_criminal_offences": False,
    "generates_synthetic_content": False,
    "generates_deep_fakes": False,
    "emotion_recognition_or_biometric_categorisation": False,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")
for o in result.obligations:
    print(f"  [{o.role}] {o.citation}  {o.title} (from {o.applies_from})")
