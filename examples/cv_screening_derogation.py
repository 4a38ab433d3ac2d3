"""A CV tool that only files applications: the Art 6(3) derogation, and its profiling limit.

Annex III 4(a) makes recruitment systems high-risk, but Art 6(3) takes a system out when it
performs a narrow procedural task and poses no significant risk of harm. The third subparagraph
of Art 6(3) closes that exit for any system that profiles natural persons.
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
    "name": "Application sorter",
    "roles": ["provider"],
    "practices": [],
    "annex_iii_points": ["4(a)"],
    "narrow_procedural_task": True,  # Art 6(3)(a): it files applications by the job they name
    "significant_risk_of_harm": False,
    "profiling": False,
    "interacts_with_natural_persons": False,
    "generates_synthetic_content": False,
    "generates_deep_fakes": False,
    "generates_public_interest_text": False,
    "authorised_by_law_for_criminal_offences": False,
    "emotion_recognition_or_biometric_categorisation": False,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")

scorer = classify({**facts, "name": "Application scorer", "profiling": True}, as_of=result.as_of)
print(f"{scorer.name}: {scorer.tier} under {scorer.ruleset} as of {scorer.as_of}")
for hit in scorer.basis:
    print(f"  because {hit.citation}: {hit.title}")
