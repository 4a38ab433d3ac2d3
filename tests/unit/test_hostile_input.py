"""Hostile input: every malformed description or rule file gives one clear library error."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from aiact_tiers import (
    AiactTiersError,
    DescriptionError,
    RuleFileError,
    Tier,
    classify,
    load_description,
    load_ruleset_overlay,
)
from aiact_tiers.facts.descriptions import MAX_DESCRIPTION_BYTES

DAY = dt.date(2026, 12, 1)
RULE = """\
rules:
  - id: org_screening
    title: Our screening rule
    citation: Art 6(2)
    when: {when}
    outcome: {{tier: high_risk}}
"""

HOSTILE_DESCRIPTIONS: dict[str, bytes] = {
    "malformed.yaml": b"profiling: [true\n",
    "malformed.json": b'{"profiling": tru',
    "duplicate.yaml": b"profiling: true\nprofiling: false\n",
    "duplicate.json": b'{"profiling": true, "profiling": false}',
    "tag.yaml": b"profiling: !!python/object/apply:os.system ['true']\n",
    "custom_tag.yaml": b"profiling: !shell true\n",
    "alias_bomb.yaml": b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n',
    "deep.yaml": b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "deep.json": b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "non_utf8.yaml": b"name: \xff\xfe caf\xe9\n",
    "wrong_type.yaml": b"profiling: [1, 2]\n",
    "unknown_field.yaml": b"profilling: true\n",
    "list.json": b"[1, 2, 3]",
    "nan.json": b'{"kind": "model", "training_compute_flop": NaN}',
    "infinity.json": b'{"kind": "model", "training_compute_flop": Infinity}',
    "inf.yaml": b"kind: model\ntraining_compute_flop: .inf\n",
    "negative_compute.yaml": b"kind: model\ntraining_compute_flop: -1e25\n",
    "bad_date.yaml": b"placed_on_market_on: 2024-13-45\n",
    "huge_year.json": b'{"placed_on_market_on": "99999-01-01"}',
    "empty.yaml": b"",
    "empty.json": b"",
    "whitespace.yaml": b"   \n\n",
    "enum_typo.yaml": b"practices: [social_scorng]\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_DESCRIPTIONS))
def test_hostile_description_file_gives_a_description_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(HOSTILE_DESCRIPTIONS[name])
    with pytest.raises(DescriptionError) as caught:
        load_description(path)
    assert str(caught.value).endswith("[AT100]")


def test_an_oversized_description_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.write(b"name: x\n")
        stream.truncate(MAX_DESCRIPTION_BYTES + 1)
    with pytest.raises(DescriptionError, match="larger than"):
        load_description(path)


def test_a_missing_description_file_gives_a_description_error(tmp_path: Path) -> None:
    with pytest.raises(DescriptionError, match="cannot read"):
        load_description(tmp_path / "absent.yaml")


def test_classify_turns_a_wrong_mapping_into_a_description_error() -> None:
    with pytest.raises(DescriptionError, match="finite"):
        classify({"kind": "model", "training_compute_flop": float("nan")}, as_of=DAY)


def overlay(tmp_path: Path, text: str, manifest: str | None = None, name: str = "org.yaml") -> Path:
    folder = tmp_path / "org"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (folder / "ruleset.yaml").write_text(manifest, encoding="utf-8")
    return folder


def test_an_overlay_adds_an_organisations_rule_to_the_law(tmp_path: Path) -> None:
    rules = load_ruleset_overlay(overlay(tmp_path, RULE.format(when="used_at_workplace")))
    assert rules.rule("org_screening").citation.provision == "Art 6(2)"
    result = classify({"used_at_workplace": True, "infers_outputs_from_input": True},
                      ruleset=rules, as_of=DAY)
    assert Tier.HIGH_RISK in result.possible_tiers


def test_an_overlay_manifest_may_retire_a_rule(tmp_path: Path) -> None:
    folder = overlay(tmp_path, RULE.format(when="used_at_workplace"), "retire: [art_06_3_profiling]\n")
    assert "art_06_3_profiling" not in load_ruleset_overlay(folder).rule_ids


HOSTILE_RULES: dict[str, str] = {
    "call": RULE.format(when="__import__('os').system('touch pwned')"),
    "attribute": RULE.format(when="profiling.__class__"),
    "unknown fact": RULE.format(when="profilling"),
    "null": RULE.format(when="profiling == null"),
    "regex": RULE.format(when="'enterprise_size =~ \"sme\"'"),  # valid YAML: refused for the regex
    "tag": "rules: !!python/object/apply:os.system ['touch pwned']\n",
    "alias": "a: &a [x]\nrules: *a\n",
    "duplicate key": RULE.format(when="profiling") + "    when: profiling\n",
    "wrong type": "rules: {id: x}\n",
    "empty": "",
    "effective string": RULE.format(when="profiling") + "    effective: soon\n",
    "unknown key": RULE.format(when="profiling") + "    run: rm -rf /\n",
    "bad tier": RULE.format(when="profiling").replace("high_risk", "'; DROP TABLE'"),
    "bad date": RULE.format(when="profiling") + "    effective: {from: 2024-02-30}\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_RULES))
def test_a_hostile_overlay_rule_gives_a_rule_file_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(RuleFileError):
        load_ruleset_overlay(overlay(tmp_path, HOSTILE_RULES[name]))
    assert not (tmp_path / "pwned").exists()


HOSTILE_MANIFESTS = {
    "not a mapping": "- a\n",
    "unknown key": "exec: true\n",
    "retire text": "retire: 42\n",
    "retire unknown": "retire: [no_such_rule]\n",
    "parameter without values": "parameters: {x: {citation: Art 1}}\n",
    "regime without date": "regimes: {x: {title: X, citation: Art 1}}\n",
    "other base": "extends: eu-2024\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_MANIFESTS))
def test_a_hostile_overlay_manifest_gives_a_rule_file_error(tmp_path: Path, name: str) -> None:
    folder = overlay(tmp_path, RULE.format(when="profiling"), HOSTILE_MANIFESTS[name])
    with pytest.raises(RuleFileError):
        load_ruleset_overlay(folder)


def test_non_utf8_rule_file_gives_a_rule_file_error(tmp_path: Path) -> None:
    folder = overlay(tmp_path, RULE.format(when="profiling"))
    (folder / "org.yaml").write_bytes(b"rules: [\xff]\n")
    with pytest.raises(RuleFileError, match="UTF-8"):
        load_ruleset_overlay(folder)


def test_an_overlay_path_that_is_no_folder_gives_a_rule_file_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError):
        load_ruleset_overlay(tmp_path / "absent")


def test_text_fields_stay_text_and_never_run(tmp_path: Path) -> None:
    """Titles, messages and notes are carried as data; a predicate's text is only parsed."""
    payload = "{{ __import__('os').system('touch pwned') }}\"; import os #"
    quoted = json.dumps(payload)
    text = RULE.format(when="used_at_workplace") + f"    message: {quoted}\n    note: {quoted}\n"
    rules = load_ruleset_overlay(overlay(tmp_path, text))
    rule = rules.rule("org_screening")
    assert rule.message == payload and rule.note == payload
    result = classify({"used_at_workplace": True, "infers_outputs_from_input": True},
                      ruleset=rules, as_of=DAY)
    assert any(hit.message == payload for hit in result.basis) or result.tier is not Tier.HIGH_RISK
    assert not (tmp_path / "pwned").exists()


def test_every_library_error_shares_the_base_class() -> None:
    assert issubclass(DescriptionError, AiactTiersError)
    assert issubclass(RuleFileError, AiactTiersError)
