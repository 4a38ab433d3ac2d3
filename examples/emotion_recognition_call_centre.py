"""Emotion recognition of call-centre staff, and the same system kept for safety reasons.

Art 5(1)(f) prohibits inferring the emotions of natural persons in the workplace, except where
the system is intended for medical or safety reasons.
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
    "name": "Agent mood monitor",
    "roles": ["deployer"],
    "practices": ["emotion_inference"],
    "workplace_or_education": True,  # it watches the call-centre agents at work
    "medical_or_safety_reasons": False,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")

safety = classify(
    {**facts, "name": "Fatigue alarm", "medical_or_safety_reasons": True,
     "annex_iii_points": ["1(c)"], "profiling": False, "narrow_procedural_task": False,
     "improves_completed_human_activity": False, "detects_decision_patterns": False,
     "preparatory_task": False},
    as_of=result.as_of,
)
print(f"{safety.name}: {safety.tier} under {safety.ruleset} as of {safety.as_of}")
for hit in safety.basis:
    print(f"  because {hit.citation}: {hit.title}")
