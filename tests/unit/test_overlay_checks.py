"""Overlays are checked at load like built-in rules, so classifying never meets a bad rule
(audit D11, D12, D13, D15, D16, D17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_hostile_input import DAY, overlay

from aiact_tiers import ModelClass, RuleConflictError, RuleFileError, Tier, classify, load_ruleset_overlay

RULE = """\
rules:
  - id: org_rule
    title: Our rule
    citation: Art 6(2)
    when: '{when}'
    outcome: {{tier: high_risk}}
"""


def refused(folder: Path, error: type[Exception] = RuleFileError) -> str:
    with pytest.raises(error) as caught:
        load_ruleset_overlay(folder)
    return str(caught.value)


REGEX = ("regular-expression operators are not supported: every text fact is one of a list of "
         "values, so compare it with `==` or `in {...}` [AT200]")


@pytest.mark.parametrize("when", ['enterprise_size =~ "sme"', 'enterprise_size =~~ "sme"',
                                  'enterprise_size !~ "sme"', 'enterprise_size !~~ "sme"', '"a" =~ "a"'])
def test_regular_expressions_are_refused_at_load(tmp_path: Path, when: str) -> None:
    folder = overlay(tmp_path, RULE.format(when=when))
    assert refused(folder) == f"{folder}/org.yaml:2: rule `org_rule`: {REGEX}"


@pytest.mark.parametrize(("when", "message"), [
    ('rbi_objective in {"imminent_threatt"}',
     "`imminent_threatt` is not a value of RBIObjective; did you mean `imminent_threat`?"),
    ('practices & {"social_scorng"}',
     "`social_scorng` is not a value of Practice; did you mean `social_scoring`?"),
    ('{"social_scorng"} | practices == {"social_scoring"}',
     "`social_scorng` is not a value of Practice; did you mean `social_scoring`?"),
])
def test_enum_values_in_set_literals_are_checked(tmp_path: Path, when: str, message: str) -> None:
    folder = overlay(tmp_path, RULE.format(when=when))
    assert refused(folder) == f"{folder}/org.yaml:2: rule `org_rule`: {message} [AT200]"


def test_a_correct_set_literal_loads(tmp_path: Path) -> None:
    rules = load_ruleset_overlay(overlay(tmp_path, RULE.format(when='rbi_objective in {"imminent_threat"}')))
    assert "org_rule" in rules.rule_ids


PARAMETER = ("parameters: {{{name}: {{citation: Art 51(2), "
             "values: [{{from: 2024-08-01, value: {value}}}]}}}}\n")


@pytest.mark.parametrize(("name", "value", "message"), [
    ("systemic_risk_flop_threshold", "high",
     "`high` is text, but the base ruleset gives it a number"),
    ("systemic_risk_flop_threshold", "2e25",  # YAML 1.1 reads a number only with a dot: 2.0e+25
     "`2e25` is text, but the base ruleset gives it a number"),
    ("annex_i_section_a", "directive_2006_42_ec",
     "`directive_2006_42_ec` is text, but the base ruleset gives it a list"),
    ("fine_art_99_3", "35000000",
     "`35000000` is a number, but the base ruleset gives it a mapping of max_eur, turnover_percent"),
])
def test_a_parameter_keeps_the_kind_the_base_gives_it(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    folder = overlay(tmp_path, RULE.format(when="profiling"), PARAMETER.format(name=name, value=value))
    assert refused(folder) == f"{folder}/ruleset.yaml: parameter `{name}` from 2024-08-01: {message} [AT200]"


def test_a_parameter_value_must_fit_the_fact_the_rules_read_it_with(tmp_path: Path) -> None:
    folder = overlay(tmp_path, RULE.format(when="profiling"),
                     PARAMETER.format(name="annex_i_section_a", value="[directive_2006_42_ecc]"))
    assert refused(folder) == (
        f"{folder}/ruleset.yaml: parameter `annex_i_section_a` from 2024-08-01: "
        "`directive_2006_42_ecc` is not a value of AnnexIAct; did you mean `directive_2006_42_ec`?, "
        "as rule `annex_i_section_a` (rules/eu-2024/annex_i/art_06_1.yaml:9) reads it with fact "
        "`annex_i_legislation` [AT200]")


def test_a_new_parameter_is_checked_against_the_overlay_rule_reading_it(tmp_path: Path) -> None:
    manifest = PARAMETER.format(name="org_sizes", value="[sme, hugee]")
    folder = overlay(tmp_path, RULE.format(when="enterprise_size in $org_sizes"), manifest)
    assert refused(folder) == (
        f"{folder}/ruleset.yaml: parameter `org_sizes` from 2024-08-01: `hugee` is not a value of "
        f"EnterpriseSize{refused_hint(folder)}, as rule `org_rule` ({folder}/org.yaml:2) reads it "
        "with fact `enterprise_size` [AT200]")


def refused_hint(folder: Path) -> str:
    from aiact_tiers.errors import did_you_mean
    from aiact_tiers.facts.vocabulary import EnterpriseSize

    return did_you_mean("hugee", [size.value for size in EnterpriseSize])


def test_a_well_typed_parameter_changes_the_result(tmp_path: Path) -> None:
    manifest = PARAMETER.format(name="systemic_risk_flop_threshold", value="1.0e+27")
    rules = load_ruleset_overlay(overlay(tmp_path, RULE.format(when="profiling"), manifest))
    model = {"kind": "model", "training_compute_flop": 1e26, "significant_generality": True,
             "wide_range_of_distinct_tasks": True, "research_prototype_only": False,
             "high_impact_capabilities": False, "designated_by_commission": False}
    assert classify(model, as_of=DAY).model_class is ModelClass.GPAI_SYSTEMIC_RISK
    assert classify(model, ruleset=rules, as_of=DAY).model_class is not ModelClass.GPAI_SYSTEMIC_RISK


@pytest.mark.parametrize("name", ["org.yml", "ORG.YAML", "Org.Yml"])
def test_rule_files_ending_in_yml_or_upper_case_are_read(tmp_path: Path, name: str) -> None:
    rules = load_ruleset_overlay(overlay(tmp_path, RULE.format(when="used_at_workplace"), name=name))
    assert "org_rule" in rules.rule_ids
    facts = {"used_at_workplace": True, "infers_outputs_from_input": True}
    result = classify(facts, ruleset=rules, as_of=DAY)
    assert Tier.HIGH_RISK in result.possible_tiers


@pytest.mark.parametrize("shipped", ["eu-2024-2026", "eu-2024", "eu-2023-ep"])
def test_an_overlay_may_not_take_a_shipped_id(tmp_path: Path, shipped: str) -> None:
    folder = overlay(tmp_path, RULE.format(when="profiling"), f"id: {shipped}\n")
    assert refused(folder) == (
        f"{folder}/ruleset.yaml: `id` `{shipped}` is the id of a shipped ruleset; "
        "give the overlay its own [AT200]")


@pytest.mark.parametrize(("manifest", "message"), [
    ("parameters: {x: {values: [{from: 2024-08-01, value: 1}]}}\n", "parameter `x` needs a `citation`"),
    ("regimes: {x: {title: X, citation: Art 1, applies_from: 2025-01-01, confidence: certain}}\n",
     "regime `x`: `confidence` must be high, medium or low"),
])
def test_manifest_entries_are_checked(tmp_path: Path, manifest: str, message: str) -> None:
    folder = overlay(tmp_path, RULE.format(when="profiling"), manifest)
    assert refused(folder) == f"{folder}/ruleset.yaml: {message} [AT200]"


CYCLE = """\
rules:
  - {id: org_a, title: A, citation: Art 1, when: 'true', outcome: {exception: true}, overrides: [org_b]}
  - {id: org_b, title: B, citation: Art 1, when: 'true', outcome: {exception: true}, overrides: [org_a]}
"""


def test_a_cycle_names_each_rule_by_file_and_line(tmp_path: Path) -> None:
    folder = overlay(tmp_path, CYCLE)
    where = f"{folder}/org.yaml"
    assert refused(folder, RuleConflictError) == (
        f"rules override each other in a cycle: org_a ({where}:2) -> org_b ({where}:3) "
        f"-> org_a ({where}:2) [AT210]")


BASE = "rules/eu-2024/art_06/art_06_3.yaml:20"


def test_a_cycle_through_a_shipped_rule_names_both_files(tmp_path: Path) -> None:
    text = ("rules:\n  - {id: org_x, title: X, citation: Art 6(3), when: 'true', outcome: {exception: true},"
            " overrides: [art_06_3_profiling], yields_to: [art_06_3_profiling]}\n")
    folder = overlay(tmp_path, text)
    assert refused(folder, RuleConflictError) == (
        f"rules override each other in a cycle: art_06_3_profiling ({BASE}) "
        f"-> org_x ({folder}/org.yaml:2) -> art_06_3_profiling ({BASE}) [AT210]")


def test_a_long_override_chain_is_refused_without_recursion_error(tmp_path: Path) -> None:
    chain = "rules:\n" + "".join(
        f"  - {{id: org_{i}, title: T, citation: Art 1, when: profiling, outcome: {{exception: true}},"
        f" overrides: [org_{i + 1}]}}\n" for i in range(3000)
    ) + "  - {id: org_3000, title: T, citation: Art 1, when: profiling, outcome: {exception: true}}\n"
    folder = overlay(tmp_path, chain)
    assert refused(folder, RuleConflictError) == (
        f"{folder}/org.yaml:66: rule `org_64`: more than 64 rules override each other in a chain [AT210]")


@pytest.mark.parametrize("when", [" and ".join(["profiling"] * 5000), "not " * 3000 + "profiling",
                                  " and ".join(["profiling"] * 101)])
def test_deep_expressions_are_refused_with_a_clear_error(tmp_path: Path, when: str) -> None:
    folder = overlay(tmp_path, RULE.format(when=when))
    assert refused(folder) == (
        f"{folder}/org.yaml:2: rule `org_rule`: the expression nests deeper than 100 levels; "
        "split it into several rules [AT200]")


def test_an_expression_just_within_the_depth_limit_loads_and_classifies(tmp_path: Path) -> None:
    rules = load_ruleset_overlay(overlay(tmp_path, RULE.format(when=" and ".join(["profiling"] * 99))))
    result = classify({"profiling": True, "infers_outputs_from_input": True}, ruleset=rules, as_of=DAY)
    assert Tier.HIGH_RISK in result.possible_tiers


def test_a_link_to_a_folder_is_refused(tmp_path: Path) -> None:
    folder = overlay(tmp_path, RULE.format(when="profiling"))
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    assert refused(folder) == (
        f"`{folder}/loop` links to a folder; rule folders are read without links [AT200]")


def test_the_regex_message_says_what_to_write_instead() -> None:
    assert re.search(r"`==` or `in \{\.\.\.\}`", REGEX)
