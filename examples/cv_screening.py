"""Classify the CV-screening system of cv_screening.yaml under today's law and print the result."""

import datetime as dt
from pathlib import Path

from aiact_tiers import classify, load_description

description = load_description(Path(__file__).with_name("cv_screening.yaml"))
result = classify(description, as_of=dt.date(2026, 11, 28))

print(f"{result.name}: {result.tier} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.message}")
for phase, obligations in result.checklist().items():
    print(f"{phase}:")
    for o in obligations:
        when = "applies" if o.in_force else f"from {o.applies_from}"
        print(f"  [{o.role}] {o.citation}  {o.title} ({when})")
