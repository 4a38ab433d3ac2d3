"""A customer-service chatbot: limited risk, with the Art 50(1) duty to disclose the AI."""

import datetime as dt

from shared_facts import IN_SCOPE

from aiact_tiers import classify

facts = {
    **IN_SCOPE,
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
