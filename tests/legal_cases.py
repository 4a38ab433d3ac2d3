"""Pytest plugin: legal cases as YAML, one file per provision, mirroring the rules tree.

A case file holds ``cases`` (and optional ``defaults`` merged into each case). Each case names
a sentence that cites its provision, the facts, the date, and the exact expected outcome:

- ``tier`` or ``possible_tiers`` (exact), ``model_class``;
- ``basis``: the exact set of rule ids in the legal basis;
- ``fires`` / ``not_fires``: rule ids that must / must not be in the basis or the obligations;
- ``open_questions``: the exact list of facts asked, in order;
- ``applies_from``: obligation id -> date; ``status``: obligation id -> ``applies`` or
  ``possible``;
- ``system_tier``: the tier of the system itself, whoever asks (``tier`` is the position of the
  roles described);
- ``assumptions``: the exact list of presumed facts the result rests on; ``certain``;
- ``ruled_out``: rule id -> what defeated it (a rule id or a carve-out's fact), exactly.

``presume: false`` reads the case strictly, without the law's presumptions (the default is with).

The ruleset is the case file's folder under ``tests/cases``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from aiact_tiers import Classification, classify

CASES_ROOT = Path(__file__).parent / "cases"
DEFAULT_AS_OF = dt.date(2026, 11, 28)
CASE_KEYS = {
    "name", "facts", "as_of", "role", "tier", "possible_tiers", "model_class",
    "possible_model_classes", "basis", "fires", "not_fires", "open_questions", "applies_from", "status",
    "in_force", "presume", "system_tier", "assumptions", "certain", "ruled_out",
}

# The facts of Art 2 and Art 3(1) that put a system in scope, with no Annex I product, so that its
# tier follows from Art 5, Art 6 and Art 50; for cases written in Python.
IN_SCOPE: dict[str, Any] = {
    "infers_outputs_from_input": True,
    "placed_on_union_market": True,
    "exclusively_military_defence_national_security": False,
    "third_country_authority_cooperation": False,
    "sole_purpose_scientific_research": False,
    "pre_market_research_or_testing": False,
    "purely_personal_non_professional_use": False,
    "free_open_source_licence": False,
    "annex_i_legislation": [],
}

# rule id -> ruleset -> {"fires", "near_miss"}: filled as cases run, read by the coverage test.
COVERAGE: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))


def load_case_file(path: Path) -> tuple[str, list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    ruleset = path.relative_to(CASES_ROOT).parts[0]
    defaults = data.get("defaults", {})
    cases = []
    for case in data["cases"]:
        unknown = set(case) - CASE_KEYS
        assert not unknown, f"{path}: unknown case keys {unknown}"
        merged = {**defaults, **case}
        merged["facts"] = {**defaults.get("facts", {}), **case.get("facts", {})}
        cases.append(merged)
    return ruleset, cases


def all_cases() -> list[tuple[Path, str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES_ROOT.rglob("*.yaml")):
        ruleset, cases = load_case_file(path)
        out.extend((path, ruleset, case) for case in cases)
    return out


def run_case(ruleset: str, case: dict[str, Any]) -> Classification:
    result = classify(
        case["facts"], ruleset=ruleset, as_of=case.get("as_of", DEFAULT_AS_OF), role=case.get("role"),
        presume=case.get("presume", True),
    )
    check_case(ruleset, case, result)
    return result


def check_case(ruleset: str, case: dict[str, Any], result: Classification) -> None:
    basis = {hit.rule for hit in result.basis}
    obligations = {o.rule: o for o in result.obligations}
    found = basis | obligations.keys()
    if "tier" in case:
        assert result.tier == case["tier"], f"tier {result.tier} != {case['tier']}"
    if "possible_tiers" in case:
        assert [t.value for t in result.possible_tiers] == case["possible_tiers"]
    if "system_tier" in case:
        assert result.system_tier == case["system_tier"], f"system tier {result.system_tier}"
    if "assumptions" in case:
        assert [a.fact for a in result.assumptions] == case["assumptions"]
    if "certain" in case:
        assert result.certain is case["certain"]
    if "ruled_out" in case:
        assert {r.rule: r.by for r in result.ruled_out} == case["ruled_out"]
    if "model_class" in case:
        assert result.model_class == case["model_class"]
    if "possible_model_classes" in case:
        assert [m and m.value for m in result.possible_model_classes] == case["possible_model_classes"]
    if "basis" in case:
        assert basis == set(case["basis"]), f"basis {sorted(basis)} != {sorted(case['basis'])}"
    missing = set(case.get("fires", [])) - found
    assert not missing, f"expected to fire: {sorted(missing)}"
    unexpected = set(case.get("not_fires", [])) & found
    assert not unexpected, f"expected not to fire: {sorted(unexpected)}"
    if "open_questions" in case:
        assert [q.fact for q in result.open_questions] == case["open_questions"]
    for rule_id, day in case.get("applies_from", {}).items():
        assert obligations[rule_id].applies_from == day, f"{rule_id} applies from {day}"
    for rule_id, status in case.get("status", {}).items():
        assert obligations[rule_id].status == status, f"{rule_id}: {obligations[rule_id].status}"
    for rule_id, flag in case.get("in_force", {}).items():
        assert obligations[rule_id].in_force is flag, f"{rule_id} in force: {flag}"
    for rule_id in found:
        COVERAGE[rule_id][ruleset].add("fires")
    for rule_id in case.get("not_fires", []):
        COVERAGE[rule_id][ruleset].add("near_miss")


class CaseFile(pytest.File):
    def collect(self):  # type: ignore[no-untyped-def]
        ruleset, cases = load_case_file(self.path)
        for case in cases:
            yield CaseItem.from_parent(self, name=case["name"], ruleset=ruleset, case=case)


class CaseItem(pytest.Item):
    def __init__(self, *, ruleset: str, case: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ruleset = ruleset
        self.case = case

    def runtest(self) -> None:
        run_case(self.ruleset, self.case)

    def reportinfo(self):  # type: ignore[no-untyped-def]
        return self.path, 0, f"{self.ruleset}: {self.name}"


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and CASES_ROOT in file_path.parents:
        return CaseFile.from_parent(parent, path=file_path)
    return None
