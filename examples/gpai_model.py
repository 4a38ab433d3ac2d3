"""A general-purpose model trained with 3 x 10^25 FLOP: systemic risk presumed by Art 51(2).

A model is described apart from any system built on it; its result has a model class, not a
tier, and the Chapter V duties of its provider.
"""

import datetime as dt

from aiact_tiers import classify

facts = {
    "kind": "model",
    "name": "Frontier LM",
    "roles": ["provider"],
    "significant_generality": True,
    "wide_range_of_distinct_tasks": True,
    "research_prototype_only": False,
    "training_compute_flop": 3e25,
}
result = classify(facts, as_of=dt.date(2026, 11, 28))
print(f"{result.name}: {result.model_class} under {result.ruleset} as of {result.as_of}")
for hit in result.basis:
    print(f"  because {hit.citation}: {hit.title}")
