"""Facts as users know them: sets known in part and a date per description, in every form a
description takes (a dict, YAML, JSON, an inventory row), and the errors that point at the fix."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml

from aiact_tiers import (
    DescriptionError,
    SystemDescription,
    Tier,
    classify,
    classify_many,
    load_description,
)
from aiact_tiers.facts.partial import PartialSet
from aiact_tiers.interfaces.inventory import RowError, read_inventory

ROOT = Path(__file__).resolve().parents[2]
CV = yaml.safe_load((ROOT / "examples" / "cv_screening.yaml").read_text())

NOT_PRACTISED = ["manipulative_techniques", "exploits_vulnerabilities", "social_scoring",
                 "crime_risk_assessment", "untargeted_facial_scraping", "emotion_inference",
                 "biometric_categorisation", "intimate_imagery_generation",
                 "child_sexual_abuse_material_generation", "post_remote_biometric_identification"]
RBI_USE = {"roles": ["deployer"], "publicly_accessible_space": True, "for_law_enforcement": True,
           "rbi_objective": "none", "used_at_workplace": False, "deployer_is_public_body": True,
           "generates_synthetic_content": False, "generates_deep_fakes": False,
           "emotion_recognition_or_biometric_categorisation": False,
           "generates_public_interest_text": False, "substantial_modification": False}


def test_an_annex_iii_area_without_its_point_is_high_risk_with_the_area_as_basis() -> None:
    result = classify({**CV, "annex_iii_points": ["4"]}, as_of=dt.date(2026, 12, 2))
    assert result.tier is Tier.HIGH_RISK
    assert [hit.citation.provision for hit in result.basis] == ["Annex III 4"]
    assert "annex_iii_points" not in [q.fact for q in result.open_questions]


def test_the_forms_of_a_set_fact_read_as_what_they_say() -> None:
    area = SystemDescription(annex_iii_points=["4"]).annex_iii_points
    assert area == PartialSet(frozenset({"4"}), frozenset({"4(a)", "4(b)"}))
    listed = SystemDescription(annex_iii_points=[2, "4(a)"]).annex_iii_points
    assert listed == frozenset({"2", "4(a)"})  # a list: exactly those members
    mapping = SystemDescription(practices={"social_scoring": True, "emotion_inference": None})
    assert isinstance(mapping.practices, PartialSet)
    assert mapping.practices.present == {"social_scoring"}
    assert "emotion_inference" in mapping.practices.unknown  # answered unknown
    assert "manipulative_techniques" in mapping.practices.unknown  # left out: unknown
    every = {m: m == "social_scoring" for m in [*NOT_PRACTISED, "social_scoring",
                                                 "real_time_remote_biometric_identification"]}
    assert SystemDescription(practices=every).practices == frozenset({"social_scoring"})


@pytest.mark.parametrize("points", [["5", "5(b)"], ["some"], ["1"]])
def test_a_set_known_in_part_is_written_back_as_it_reads(points: list[str]) -> None:
    description = SystemDescription(annex_iii_points=points)
    assert SystemDescription.model_validate_json(description.model_dump_json()) == description
    assert SystemDescription.model_validate(description.model_dump()) == description


def test_none_of_a_to_g_and_h_unknown_leaves_h_alone_open() -> None:
    practices = {**dict.fromkeys(NOT_PRACTISED, False),
                 "real_time_remote_biometric_identification": None}
    result = classify({**CV, **RBI_USE, "practices": practices}, as_of=dt.date(2026, 12, 2))
    assert Tier.PROHIBITED in result.possible_tiers
    [question] = result.open_questions
    assert question.fact == "practices"
    assert "art_05_1_h" in question.rules
    assert question.question.endswith(
        "Still unknown: real_time_remote_biometric_identification. (Art 5(1))")


def test_practices_answered_one_by_one_in_yaml_json_and_csv_columns(tmp_path: Path) -> None:
    facts = {**CV, **RBI_USE, "practices": {
        **dict.fromkeys(NOT_PRACTISED, False), "real_time_remote_biometric_identification": None}}
    (tmp_path / "d.yaml").write_text(yaml.safe_dump(facts))
    (tmp_path / "d.json").write_text(json.dumps(facts))
    results = [classify(load_description(tmp_path / name), as_of=dt.date(2026, 12, 2))
               for name in ("d.yaml", "d.json")]
    scalars = {k: v for k, v in facts.items() if k not in ("practices", "roles")}
    header = [*scalars, "roles", *(f"practices.{p}" for p in NOT_PRACTISED),
              "practices.real_time_remote_biometric_identification"]
    cells = [*map(_cell, scalars.values()), "deployer", *(["no"] * len(NOT_PRACTISED)), ""]
    text = ",".join(header) + "\n" + ",".join(cells) + "\n"
    [(line, row)] = list(classify_many(read_inventory(io.StringIO(text), "csv"),
                                       as_of=dt.date(2026, 12, 2)))
    assert line == 2 and not isinstance(row, RowError)
    results.append(row)
    for result in results:
        assert result.possible_tiers == results[0].possible_tiers
        assert Tier.PROHIBITED in result.possible_tiers
        assert [q.fact for q in result.open_questions] == ["practices"]


def test_an_inventory_row_keeps_its_own_assessment_date() -> None:
    """Art 5(1)(ba) applies from 2 Dec 2026: the row assessed on 1 Dec is not prohibited."""
    facts = {**{k: v for k, v in CV.items() if k not in ("roles", "practices")},
             "harmful_generation_intended_purpose": True, "depicted_persons_consent": False}
    header = ",".join([*facts, "roles", "practices", "as_of"])
    text = header + "\n" + "".join(
        ",".join([*map(_cell, facts.values()), "provider", "intimate_imagery_generation", day])
        + "\n" for day in ("2026-12-01", "2026-12-02"))
    results = [item for _, item in classify_many(read_inventory(io.StringIO(text), "csv"),
                                                 as_of=dt.date(2027, 1, 1))]
    first, second = results
    assert not isinstance(first, RowError) and not isinstance(second, RowError)
    assert first.as_of == dt.date(2026, 12, 1) and second.as_of == dt.date(2026, 12, 2)
    assert first.tier is Tier.HIGH_RISK  # the CV screener it also is
    assert Tier.PROHIBITED not in first.possible_tiers
    assert second.tier is Tier.PROHIBITED
    assert "art_05_1_ba_placing" in {hit.rule for hit in second.basis}


def test_a_description_file_may_carry_its_own_date(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump({**CV, "as_of": "2026-12-02"}))
    assert classify(load_description(path), as_of=dt.date(2030, 1, 1)).as_of == dt.date(2026, 12, 2)


@pytest.mark.parametrize(("value", "message"), [
    ("social_scoring", "field `practices`: a list is expected (or a mapping of members to true, "
                       "false or null) (got `'social_scoring'`)"),
    (3, "field `practices`: a list is expected (or a mapping of members to true, false or null)"),
    ({"social_scoring": "perhaps"}, "field `practices.social_scoring`: must be true or false"),
])
def test_a_set_fact_in_the_wrong_form_names_the_form_expected(value: object, message: str) -> None:
    with pytest.raises(DescriptionError) as caught:
        classify({"practices": value})
    assert str(caught.value).startswith(message)
    assert "frozenset[" not in str(caught.value) and "dict[" not in str(caught.value)


def test_a_bad_date_in_an_inventory_row_names_its_field_and_line() -> None:
    text = "id,as_of\nr1,2026-13-01\n"
    [(line, item)] = list(classify_many(read_inventory(io.StringIO(text), "csv")))
    assert line == 2 and isinstance(item, RowError)
    assert item.message.startswith("field `as_of`: must be a date, YYYY-MM-DD")


def _cell(value: object) -> str:
    """A fact as an inventory cell writes it: lists joined by `;` (`none` when empty)."""
    if isinstance(value, list):
        return ";".join(map(str, value)) or "none"
    return str(value).lower() if isinstance(value, bool) else str(value)
