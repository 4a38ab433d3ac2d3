"""A video generator that produces deep fakes: the Art 50(2) and Art 50(4) duties.

Its provider must mark the output as artificial (Art 50(2)); a deployer who publishes a deep
fake must disclose it (Art 50(4)).
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
    "name": "Face swap studio",
    "roles": ["provider", "deployer"],
    "practices": [],
    "annex_iii_points": [],
    "interacts_with_natural_persons": False,
    "generates_synthetic_content": True,
    "assistive_editing_only": False,
    "generates_deep_fakes": True,
    "authorised_by_law_for_criminal_offences": False,
    "emotion_recognition_or_biometric_categorisation": False,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")
