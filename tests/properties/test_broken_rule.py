"""Mutation check: a deliberately broken derogation makes the profiling property fail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import find, settings
from strategies import system_facts
from test_law_properties import profiling_removes_high_risk

from aiact_tiers import RuleSet, load_ruleset, load_ruleset_overlay

BROKEN_DEROGATION = """\
rules:
  - id: art_06_3
    title: A derogation that wrongly counts profiling as a ground to leave high-risk
    citation: Art 6(3)
    when: profiling or narrow_procedural_task
    outcome: {exception: true}
    overrides: ["annex_iii_*"]
    opens: [annex_iii_derogation]
"""

RECRUITMENT_TOOL: dict[str, Any] = {
    "annex_i_legislation": [], "infers_outputs_from_input": True, "placed_on_union_market": True,
    "exclusively_military_defence_national_security": False, "practices": [],
    "third_country_authority_cooperation": False, "sole_purpose_scientific_research": False,
    "pre_market_research_or_testing": False, "free_open_source_licence": False,
    "annex_iii_points": ["4(a)"], "narrow_procedural_task": False,
    "improves_completed_human_activity": False, "detects_decision_patterns": False,
    "preparatory_task": False, "significant_risk_of_harm": False,
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    folder: Path = tmp_path_factory.mktemp("broken")
    (folder / "ruleset.yaml").write_text("replace: [art_06_3]\nretire: [art_06_3_profiling]\n")
    (folder / "art_06_3.yaml").write_text(BROKEN_DEROGATION)
    return load_ruleset_overlay(folder)


def test_the_profiling_property_catches_a_derogation_that_ignores_profiling(broken: RuleSet) -> None:
    assert not profiling_removes_high_risk(RECRUITMENT_TOOL, load_ruleset())
    assert profiling_removes_high_risk(RECRUITMENT_TOOL, broken)


def test_hypothesis_finds_a_counterexample_on_the_broken_ruleset(broken: RuleSet) -> None:
    example = find(
        system_facts(unknown=0.0).map(lambda facts: {**facts, **RECRUITMENT_TOOL,
                                                     "annex_iii_points": facts["annex_iii_points"]}),
        lambda facts: profiling_removes_high_risk(facts, broken),
        settings=settings(max_examples=500, database=None),
    )
    assert example["annex_iii_points"]
