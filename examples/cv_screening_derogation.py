"""A CV tool that only files applications: the Art 6(3) derogation, and its profiling limit.

Annex III 4(a) makes recruitment systems high-risk, but Art 6(3) takes a system out when it
performs a narrow procedural task and poses no significant risk of harm. The third subparagraph
of Art 6(3) closes that exit for any system that profiles natural persons.
"""

import datetime as dt

from shared_facts import IN_SCOPE

from aiact_tiers import classify

facts = {
    **IN_SCOPE,
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
