"""Rule files are data: loading validates them and never runs code."""

import datetime as dt
import re
from pathlib import Path

import pytest

from aiact_tiers import RuleConflictError, RuleFileError
from aiact_tiers.documents import read_yaml
from aiact_tiers.law import ruleset as ruleset_module

MANIFEST = """\
id: {id}
title: Test ruleset
act: Test Act
url: https://example.invalid/act
version: "1"
in_force_from: 2024-08-01
regimes:
  r: {{title: R, citation: Art 1, applies_from: 2025-01-01}}
"""


@pytest.fixture
def rules_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(ruleset_module, "_root", lambda: tmp_path)
    ruleset_module._load.cache_clear()
    ruleset_module._text.cache_clear()
    yield tmp_path
    ruleset_module._load.cache_clear()
    ruleset_module._text.cache_clear()


def write(root: Path, ruleset_id: str, rules: str) -> None:
    folder = root / ruleset_id
    (folder / "art_01").mkdir(parents=True)
    (folder / "ruleset.yaml").write_text(MANIFEST.format(id=ruleset_id))
    (folder / "art_01" / "art_01.yaml").write_text(rules)


def test_misspelled_fact_names_file_rule_and_suggestion(rules_root: Path) -> None:
    write(rules_root, "t", "rules:\n  - id: annex_iii_4_a\n    title: T\n    citation: Art 1\n"
          "    when: '\"4(a)\" in annex_iii_points and profilng'\n    outcome: {tier: high_risk}\n")
    with pytest.raises(RuleFileError) as err:
        ruleset_module.load_ruleset("t")
    message = str(err.value)
    assert "rules/t/art_01/art_01.yaml:2" in message
    assert "rule `annex_iii_4_a`" in message
    assert "unknown fact `profilng`; did you mean `profiling`?" in message


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("profiling == 3.0", "cannot compare a fact of type BOOLEAN with FLOAT"),
        ('"4(z)" in annex_iii_points', "`4(z)` is not a value of AnnexIIIPoint"),
        ("profiling == null", "`null` is not allowed"),
        ("training_compute_flop > $flops", "unknown parameter `$flops`"),
        ("profiling and training_compute_flop > 1.0", "may not mix facts of systems and of models"),
        ("profiling and", "syntax error"),
    ],
)
def test_bad_predicates_fail_at_load(rules_root: Path, when: str, expected: str) -> None:
    write(rules_root, "t", f"rules:\n  - id: x\n    title: T\n    citation: Art 1\n"
          f"    when: '{when}'\n    outcome: {{tier: minimal}}\n")
    with pytest.raises(RuleFileError, match="rule `x`") as err:
        ruleset_module.load_ruleset("t")
    assert expected in str(err.value)


def test_duplicate_ids_conflict(rules_root: Path) -> None:
    rule = "  - id: x\n    title: T\n    citation: Art 1\n    when: 'true'\n    outcome: {tier: minimal}\n"
    write(rules_root, "t", "rules:\n" + rule + rule)
    with pytest.raises(RuleConflictError, match="defined twice"):
        ruleset_module.load_ruleset("t")


def test_rules_overriding_each_other_conflict(rules_root: Path) -> None:
    rule = ("  - {{id: {0}, title: T, citation: Art 1, when: 'true',"
            " outcome: {{exception: true}}, overrides: [{1}]}}\n")
    write(rules_root, "t", "rules:\n" + rule.format("a", "b") + rule.format("b", "a"))
    where = "rules/t/art_01/art_01.yaml"
    with pytest.raises(RuleConflictError, match=re.escape(
            f"cycle: a ({where}:2) -> b ({where}:3) -> a ({where}:2) [AT210]")):
        ruleset_module.load_ruleset("t")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", "duplicate key `a`"),
        ("a: &x [1]\nb: *x\n", "anchors and aliases are not allowed"),
        ("a: !!python/object:os.system {}\n", "could not determine a constructor"),
        ("a: [" * 100 + "]" * 100, "nesting deeper than 64 levels"),
        ("a: [1,\n", "rules.yaml:"),
    ],
)
def test_yaml_is_read_safely(text: str, expected: str) -> None:
    with pytest.raises(RuleFileError) as err:
        read_yaml(text, "rules.yaml")
    assert expected in str(err.value)


def test_effective_dates_are_half_open(rules_root: Path) -> None:
    write(rules_root, "t", "rules:\n  - id: x\n    title: T\n    citation: Art 1\n    when: 'true'\n"
          "    effective: {from: 2025-01-01, until: 2026-01-01}\n    outcome: {tier: minimal}\n")
    rule = ruleset_module.load_ruleset("t").rule("x")
    assert [rule.in_force(d) for d in (dt.date(2024, 12, 31), dt.date(2025, 1, 1),
                                        dt.date(2025, 12, 31), dt.date(2026, 1, 1))] == [
        False, True, True, False]


def test_a_predicate_written_as_a_yaml_boolean_reads_as_that_constant(rules_root: Path) -> None:
    write(rules_root, "t", "rules:\n  - id: x\n    title: T\n    citation: Art 1\n    when: true\n"
          "    outcome: {tier: minimal}\n")
    assert ruleset_module.load_ruleset("t").rule("x").when.text == "true"


DUTY = ("  - id: {0}\n    title: T\n    citation: Art 1\n{1}"
        "    outcome:\n      obligation: {{role: {2}, phase: before_market, regimes: [r]}}\n")


def test_a_duty_borne_as_provider_joins_both_conditions_and_falls_with_either(rules_root: Path) -> None:
    write(rules_root, "t", "rules:\n"
          + DUTY.format("p", "    when: profiling\n", "provider")
          + DUTY.format("q", "", "provider")
          + DUTY.format("d", "    when: substantial_modification\n"
                        "    as_provider: {regimes: [r], except: [q]}\n", "deployer")
          + "  - {id: x, title: T, citation: Art 1, when: 'used_at_workplace', outcome: {exception: true},"
            " overrides: [d]}\n")
    rules = ruleset_module.load_ruleset("t")
    derived = rules.rule("d_p")
    assert (derived.role, derived.regimes, derived.derived_from) == ("deployer", ("r",), ("d", "p"))
    assert derived.when.text == "(profiling) and (substantial_modification)"
    assert [r.id for r in rules if r.derived_from] == ["d_p"]  # q is excepted
    assert rules.defeaters["d_p"] == ("x",)


@pytest.mark.parametrize(
    ("as_provider", "role", "expected"),
    [
        ("[r]", "deployer", "`as_provider` must be a mapping of `regimes` and `except`"),
        ("{regimes: [r]}", "provider", "`as_provider` is for an obligation of a role other than provider"),
        ("{regimes: [r], except: [nope]}", "deployer", "`as_provider.except` names no rule: ['nope']"),
        ("{regimes: [s]}", "deployer", "unknown regime `s`"),
    ],
)
def test_a_bad_as_provider_names_the_rule(
    rules_root: Path, as_provider: str, role: str, expected: str
) -> None:
    write(rules_root, "t", "rules:\n" + DUTY.format("d", f"    as_provider: {as_provider}\n", role))
    with pytest.raises(RuleFileError, match=r"art_01\.yaml") as err:
        ruleset_module.load_ruleset("t")
    assert expected in str(err.value)
