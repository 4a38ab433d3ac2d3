"""Diagnostic software that is itself a medical device: high-risk through Annex I (Art 6(1)).

Regulation (EU) 2017/745 is listed in Annex I Section A; a class IIa device needs a notified
body, so the software undergoes a third-party conformity assessment.
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
    "name": "Skin lesion triage",
    "roles": ["provider"],
    "practices": [],
    "annex_i_legislation": ["regulation_2017_745"],
    "is_product_itself": True,
    "third_party_conformity_assessment": True,
    "annex_iii_points": [],
    "interacts_with_natural_persons": False,
    "generates_synthetic_content": False,
    "generates_deep_fakes": False,
    "generates_public_interest_text": False,
    "authorised_by_law_for_criminal_offences": False,
    "third_party_assessment_solely_non_safety": False,  # Art 6(1c), added in 2026
    "emotion_recognition_or_biometric_categorisation": False,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")
