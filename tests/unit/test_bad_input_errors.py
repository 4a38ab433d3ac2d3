"""Every error is one library error with one clear line, never a traceback (audit D9, D18, D19, D24)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aiact_tiers import (
    AiactTiersError,
    DateOutOfRangeError,
    DescriptionError,
    RowError,
    classify,
    classify_many,
    load_description,
    load_ruleset,
)
from aiact_tiers.errors import UnknownRuleError
from aiact_tiers.facts.descriptions import MAX_DESCRIPTION_BYTES
from aiact_tiers.interfaces.cli import app

DAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(("as_of", "shown"), [
    (dt.datetime(2026, 11, 28, 12), "datetime `datetime.datetime(2026, 11, 28, 12, 0)`"),
    ("2026-11-28", "str `'2026-11-28'`"),
    (20261128, "int `20261128`"),
])
def test_as_of_must_be_a_date(as_of: object, shown: str) -> None:
    with pytest.raises(DateOutOfRangeError) as caught:
        classify({}, as_of=as_of)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"`as_of` must be a datetime.date such as date(2026, 8, 2), not {shown} [AT400]")


@pytest.mark.parametrize(("description", "kind"), [(["a", "b"], "list"), ("inventory.yaml", "str"),
                                                    (None, "NoneType"), (42, "int")])
def test_a_description_that_is_not_a_mapping_is_a_description_error(description: object, kind: str) -> None:
    with pytest.raises(DescriptionError) as caught:
        classify(description, as_of=DAY)  # type: ignore[arg-type]
    assert str(caught.value) == f"a description must be a mapping of facts, not {kind} [AT100]"


def test_classify_many_turns_each_non_mapping_into_a_row_error_and_goes_on() -> None:
    items = list(classify_many([{"id": "a"}, 42, ["x"], None, {"id": "e"}], as_of=DAY))
    assert [line for line, _ in items] == [1, 2, 3, 4, 5]
    assert [item.id for _, item in items if not isinstance(item, RowError)] == ["a", "e"]
    assert [item.message for _, item in items if isinstance(item, RowError)] == [
        "a description must be a mapping of facts, not int",
        "a description must be a mapping of facts, not list",
        "empty row",
    ]


@pytest.mark.parametrize(("text", "message"), [
    (b"? [a, b]\n: c\n", "x.yaml:1: a key must be text, a number or a date, not a list or mapping [AT100]"),
    (b"? {a: 1}\n: c\n", "x.yaml:1: a key must be text, a number or a date, not a list or mapping [AT100]"),
    (b"infers_outputs_from_input: true\n__line__: 5\n", "x.yaml:2: the key `__line__` is reserved [AT100]"),
])
def test_odd_yaml_keys_are_description_errors(tmp_path: Path, text: bytes, message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(text)
    with pytest.raises(DescriptionError) as caught:
        load_description(path)
    assert str(caught.value) == f"{tmp_path}/{message}"
    result = CliRunner().invoke(app, ["classify", str(path)])
    assert result.exit_code == 2 and result.stderr == f"error: {caught.value}\n"


def test_a_yaml_set_holds_its_members_only(tmp_path: Path) -> None:
    """Audit 1.51: `!!set` no longer gains the loader's line key as a member."""
    path = tmp_path / "x.yaml"
    path.write_text("infers_outputs_from_input: true\npractices: !!set {social_scoring}\n")
    assert load_description(path).practices == frozenset({"social_scoring"})


def test_the_cli_reads_descriptions_with_the_api_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.write(b"name: x\n")
        stream.truncate(MAX_DESCRIPTION_BYTES + 1)
    result = CliRunner().invoke(app, ["classify", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: `{path}` is larger than {MAX_DESCRIPTION_BYTES} bytes [AT100]\n"
    result = CliRunner().invoke(app, ["classify", "-"], input="x" * (MAX_DESCRIPTION_BYTES + 1))
    assert result.stderr == f"error: `<stdin>` is larger than {MAX_DESCRIPTION_BYTES} bytes [AT100]\n"


@pytest.mark.parametrize("text", ["cases: [1, 2]\n", "cases:\n  - fires: [annex_iii_4_a]\n", "- a\n"])
def test_explain_passes_over_malformed_cases(tmp_path: Path, text: str) -> None:
    """Audit 8.06, 8.07."""
    folder = tmp_path / "eu-2024-2026"
    folder.mkdir()
    (folder / "bad.yaml").write_text(text)
    (folder / "good.yaml").write_text("cases:\n  - name: CV screener\n    basis: [annex_iii_4_a]\n")
    result = CliRunner().invoke(app, ["explain", "annex_iii_4_a", "--cases", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "  - CV screener" in result.stdout


def test_explain_names_a_cases_file_with_a_syntax_error(tmp_path: Path) -> None:
    """Audit 8.08."""
    folder = tmp_path / "eu-2024-2026"
    folder.mkdir()
    (folder / "bad.yaml").write_text("cases: [\n")
    result = CliRunner().invoke(app, ["explain", "annex_iii_4_a", "--cases", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {folder / 'bad.yaml'}:2: ")


@pytest.mark.parametrize(("text", "message"), [
    (b"kind: model\ntraining_compute_flop: true\n",
     "field `training_compute_flop`: a FLOP count is a number, not true or false "
     "(got `True`) [AT100]"),
    (b"infers_outputs_from_input: true\ntraining_compute_flop: 1.0e+26\n",
     "field `training_compute_flop` is not a fact of this kind of description: AI systems and "
     "general-purpose models (`kind: model`) have different facts [AT100]"),
    (b"infers_outputs_from_input: true\nplaced_on_market_on: 2024-13-45\n",
     "{path}:2: `2024-13-45` is no date: month must be in 1..12 [AT100]"),
    (b"infers_outputs_from_input: true\nplaced_on_market_on: 2024-02-30\n",
     "{path}:2: `2024-02-30` is no date: day is out of range for month [AT100]"),
])
def test_coercions_and_messages_name_the_field_or_line(tmp_path: Path, text: bytes, message: str) -> None:
    """Audit 1.11, 1.16, 1.18, 1.19, 1.109."""
    path = tmp_path / "x.yaml"
    path.write_bytes(text)
    with pytest.raises(DescriptionError) as caught:
        load_description(path)
    assert str(caught.value) == message.format(path=path)


def test_an_annex_iii_point_written_as_a_number_is_that_point() -> None:
    """Audit 1.08: `annex_iii_points: [2]` in YAML is point 2, critical infrastructure."""
    assert load_description({"annex_iii_points": [2]}).annex_iii_points == frozenset({"2"})


def test_a_syntax_error_on_standard_input_is_a_description_error() -> None:
    result = CliRunner().invoke(app, ["classify", "-"], input="a: [\n")
    assert result.stderr == "error: <stdin>:2: expected the node content, but found '<stream end>' [AT100]\n"


def test_penalties_name_the_allowed_enterprise_sizes() -> None:
    """Audit 8.16."""
    from aiact_tiers import penalties

    with pytest.raises(DescriptionError) as caught:
        penalties(classify({}, as_of=DAY), enterprise_size="huge")
    assert str(caught.value) == (
        "`enterprise_size` must be one of sme, small_mid_cap, large (got `huge`) [AT100]")


def test_an_unknown_rule_id_is_one_line_with_a_suggestion_and_the_librarys_error() -> None:
    with pytest.raises(UnknownRuleError) as caught:
        load_ruleset("eu-2024-2026").rule("annex_iii_4a")
    message = "no rule `annex_iii_4a` in eu-2024-2026; did you mean `annex_iii_4_a`?"
    assert str(caught.value) == f"{message} [AT310]"
    assert caught.value.message == caught.value.args[0] == message
    assert isinstance(caught.value, AiactTiersError) and isinstance(caught.value, KeyError)


@pytest.mark.parametrize(("facts", "ending"), [
    ({"annex_iii_points": ["4a"]}, "or 'some' (got `'4a'`; did you mean `4(a)`?) [AT100]"),
    ({"roles": ["deployr"]}, "(got `'deployr'`; did you mean `deployer`?) [AT100]"),
    ({"practices": ["zzz"]}, "or 'post_remote_biometric_identification' (got `'zzz'`) [AT100]"),
])
def test_a_value_outside_its_list_is_one_line_with_the_closest_value(facts: dict, ending: str) -> None:
    with pytest.raises(DescriptionError) as caught:
        load_description(facts)
    assert str(caught.value).endswith(ending) and "\n" not in str(caught.value)
