"""Credit scoring used by a bank: high-risk under Annex III 5(b), with the Art 27 FRIA.

The bank is the deployer. Art 27(1) asks deployers of Annex III 5(b) systems to assess the
impact on fundamental rights before first use.
"""

import datetime as dt

from shared_facts import IN_SCOPE

from aiact_tiers import classify

facts = {
    **IN_SCOPE,
    "name": "Loan scorer",
    "roles": ["deployer"],
    "practices": [],
    "annex_iii_points": ["5(b)"],
    "financial_fraud_detection": False,
    "profiling": True,  # it scores applicants on their economic situation
    "deployer_is_public_body": False,
    "interacts_with_natural_persons": False,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")
fria = [o for o in result.obligations if o.rule == "art_27"]
for o in fria:
    print(f"  [{o.role}] {o.citation}  {o.title} ({o.phase}, from {o.applies_from})")
