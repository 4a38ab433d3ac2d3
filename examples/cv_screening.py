"""CV screening: the system of cv_screening.yaml, classified as of 28 November 2026.

Run it in the folder that holds `cv_screening.yaml` (`aiact-tiers examples cv_screening` writes
both files there). An obligation that applies only if a fact still unknown turns out so is
marked `possible`.
"""

import datetime as dt

from aiact_tiers import classify, load_description

description = load_description("cv_screening.yaml")
result = classify(description, as_of=dt.date(2026, 11, 28))

print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.message}")
for phase, obligations in result.checklist().items():
    print(f"{phase}:")
    for o in obligations:
        when = o.status if o.in_force else f"{o.status} from {o.applies_from}"
        print(f"  [{o.role}] {o.citation}  {o.title} ({when})")
