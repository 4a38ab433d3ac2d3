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


NAMED = """\
predicates:
  shared:
    citation: Art 2
    when: profiling and "4(a)" in annex_iii_points
"""


def named_ruleset(root: Path, ruleset_id: str, predicates: str, when: str) -> None:
    write(root, ruleset_id, f"rules:\n  - id: x\n    title: T\n    citation: Art 1\n"
          f"    when: '{when}'\n    outcome: {{tier: high_risk}}\n")
    with (root / ruleset_id / "ruleset.yaml").open("a") as manifest:
        manifest.write(predicates)


def test_a_named_predicate_is_written_out_where_a_rule_names_it(rules_root: Path) -> None:
    named_ruleset(rules_root, "t", NAMED, "shared or $shared")
    with pytest.raises(RuleFileError, match="unknown parameter `\\$shared`"):
        ruleset_module.load_ruleset("t")  # a parameter's name is not the predicate's
    ruleset_module._load.cache_clear()
    ruleset_module._text.cache_clear()
    named_ruleset(rules_root, "u", NAMED, 'shared and not ("shared" in {"a"})')
    when = ruleset_module.load_ruleset("u").rule("x").when
    assert when.text == '(profiling and "4(a)" in annex_iii_points) and not ("shared" in {"a"})'
    assert when.facts == ("annex_iii_points", "profiling")


def test_a_named_predicate_may_use_one_named_before_it(rules_root: Path) -> None:
    later = NAMED + "  wider:\n    citation: Art 3\n    when: shared or used_by_public_authority\n"
    named_ruleset(rules_root, "t", later, "wider")
    text = ruleset_module.load_ruleset("t").rule("x").when.text
    assert text == '((profiling and "4(a)" in annex_iii_points) or used_by_public_authority)'


@pytest.mark.parametrize(("predicates", "expected"), [
    ("predicates:\n  profiling:\n    citation: Art 2\n    when: 'true'\n",
     "predicate `profiling`: a name that is not a fact's is needed"),
    ("predicates:\n  shared:\n    when: profiling\n",
     "predicate `shared`: needs a `citation` and a `when`, both text"),
    ("predicates:\n  shared:\n    citation: Art 2\n    when: profilng\n",
     "predicate `shared`: unknown fact `profilng`; did you mean `profiling`?"),
    ("predicates: [shared]\n", "`predicates` must map names to a `citation` and a `when`"),
])
def test_a_bad_named_predicate_is_refused_by_its_name(rules_root: Path, predicates: str,
                                                      expected: str) -> None:
    named_ruleset(rules_root, "t", predicates, "profiling")
    with pytest.raises(RuleFileError) as err:
        ruleset_module.load_ruleset("t")
    assert str(err.value) == f"rules/t/ruleset.yaml: {expected} [AT200]"


def test_a_text_inherits_the_named_predicates_and_cannot_name_them_again(rules_root: Path) -> None:
    named_ruleset(rules_root, "base", NAMED, "shared")
    write(rules_root, "child", "rules:\n  - id: y\n    title: T\n    citation: Art 1\n"
          "    when: shared and used_by_public_authority\n    outcome: {tier: high_risk}\n")
    with (rules_root / "child" / "ruleset.yaml").open("a") as manifest:
        manifest.write("extends: base\n")
    child = ruleset_module.load_ruleset("child")
    assert child.rule("y").when.facts == ("annex_iii_points", "profiling", "used_by_public_authority")
    ruleset_module._load.cache_clear()
    ruleset_module._text.cache_clear()
    with (rules_root / "child" / "ruleset.yaml").open("a") as manifest:
        manifest.write(NAMED)
    with pytest.raises(RuleFileError, match="predicate `shared`: already named in the text it extends"):
        ruleset_module.load_ruleset("child")


def test_the_art_49_4_registrations_read_one_named_predicate() -> None:
    """Art 49(4) reaches the registrations of Art 49(1), (2) and (3) alike: the provider's, the
    derogating provider's and the deployer's rules read the same condition, written once."""
    rules = ruleset_module.load_ruleset("eu-2024")
    texts = {rules.rule(rule_id).when.text for rule_id in ("art_49_4", "art_49_4_derogation",
                                                           "art_49_4_deployer")}
    assert len(texts) == 1
    assert rules.predicates["art_49_4_area"].citation == "Art 49(4)"
    assert texts == {f"({rules.predicates['art_49_4_area'].when})"}
    assert ruleset_module.load_ruleset("eu-2024-2026").predicates == rules.predicates  # inherited
    assert rules.rule("art_49_4").when.facts == (
        "annex_iii_points", "biometric_verification_only", "for_law_enforcement",
        "for_migration_asylum_border_control", "practices", "travel_document_verification",
        "used_by_public_authority")
