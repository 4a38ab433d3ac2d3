"""A video generator that produces deep fakes: the Art 50(2) and Art 50(4) duties.

Its provider must mark the output as artificial (Art 50(2)); a deployer who publishes a deep
fake must disclose it (Art 50(4)).
"""

import datetime as dt

from shared_facts import IN_SCOPE

from aiact_tiers import classify

facts = {
    **IN_SCOPE,
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
