"""A municipal social-scoring system: prohibited by Art 5(1)(c) since 2 February 2025."""

import datetime as dt

from shared_facts import IN_SCOPE

from aiact_tiers import classify

facts = {
    **IN_SCOPE,
    "name": "Citizen score",
    "roles": ["deployer"],
    "practices": ["social_scoring"],
    # the score, built from behaviour in public life, cuts access to unrelated services
    "social_score_detrimental_in_unrelated_context": True,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")
