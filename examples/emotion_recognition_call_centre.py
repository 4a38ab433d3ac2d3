"""Emotion recognition of call-centre staff, and the same system kept for safety reasons.

Art 5(1)(f) prohibits inferring the emotions of natural persons in the workplace, except where
the system is intended for medical or safety reasons.
"""

import datetime as dt

from shared_facts import IN_SCOPE

from aiact_tiers import classify

facts = {
    **IN_SCOPE,
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
