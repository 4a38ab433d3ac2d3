import copy
import datetime as dt
import pickle

import pytest

from aiact_tiers import (
    Classification,
    DateOutOfRangeError,
    DescriptionError,
    Phase,
    Role,
    SystemDescription,
    Tier,
    UnknownRulesetError,
    classify,
    list_rulesets,
    load_ruleset,
)

DAY = dt.date(2026, 11, 28)
CV = {"roles": ["provider"], "practices": [], "annex_iii_points": ["4(a)"], "profiling": True,
      "interacts_with_natural_persons": False, "provider_established_in_third_country": False,
      "infers_outputs_from_input": True, "placed_on_union_market": True, "annex_i_legislation": [],
      "exclusively_military_defence_national_security": False,
      "third_country_authority_cooperation": False, "sole_purpose_scientific_research": False,
      "pre_market_research_or_testing": False, "free_open_source_licence": False}


def test_rulesets_are_listed_and_default_extends_2024() -> None:
    assert list_rulesets() == ["eu-2023-ep", "eu-2024", "eu-2024-2026"]
    assert load_ruleset().extends == "eu-2024"
    assert load_ruleset() is load_ruleset("eu-2024-2026")


def test_result_round_trips_through_json() -> None:
    result = classify(CV, as_of=DAY)
    assert Classification.model_validate_json(result.model_dump_json()) == result


def test_checklist_groups_obligations_by_phase() -> None:
    checklist = classify(CV, as_of=DAY).checklist()
    assert list(checklist) == [Phase.BEFORE_MARKET, Phase.AT_MARKET, Phase.AFTER_MARKET]
    assert "art_09" in [o.rule for o in checklist[Phase.BEFORE_MARKET]]
    assert "art_47" in [o.rule for o in checklist[Phase.AT_MARKET]]
    assert "art_72" in [o.rule for o in checklist[Phase.AFTER_MARKET]]


def test_same_system_under_the_2024_text_applies_from_2_aug_2026() -> None:
    result = classify(CV, ruleset="eu-2024", as_of=DAY)
    assert result.tier is Tier.HIGH_RISK
    assert {o.applies_from for o in result.obligations_for(Role.PROVIDER) if o.rule == "art_09"} == {
        dt.date(2026, 8, 2)}


def test_unknown_field_is_named_with_suggestion() -> None:
    with pytest.raises(DescriptionError, match="unknown field `profilng`; did you mean `profiling`"):
        classify({"profilng": True}, as_of=DAY)


def test_wrong_enum_value_lists_allowed_values() -> None:
    with pytest.raises(DescriptionError, match=r"field `annex_iii_points.0`: must be one of .*'4\(a\)'"):
        classify({"annex_iii_points": ["4(z)"]}, as_of=DAY)


def test_non_finite_and_negative_compute_are_refused() -> None:
    with pytest.raises(DescriptionError, match="training_compute_flop"):
        classify({"kind": "model", "training_compute_flop": float("nan")}, as_of=DAY)
    with pytest.raises(DescriptionError, match="greater than or equal to 0"):
        classify({"kind": "model", "training_compute_flop": -1.0}, as_of=DAY)


def test_dates_before_entry_into_force_are_refused() -> None:
    with pytest.raises(DateOutOfRangeError, match="2024-07-31 is before"):
        classify(CV, as_of=dt.date(2024, 7, 31))


def test_unknown_ruleset_is_named() -> None:
    with pytest.raises(UnknownRulesetError, match="no ruleset `eu-2025`; did you mean"):
        classify(CV, ruleset="eu-2025", as_of=DAY)


def test_unknown_role_is_refused() -> None:
    with pytest.raises(DescriptionError, match="role `ceo` is not one of provider"):
        classify(CV, as_of=DAY, role="ceo")


def test_description_model_and_dict_give_the_same_result() -> None:
    assert classify(SystemDescription.model_validate(CV), as_of=DAY) == classify(CV, as_of=DAY)


def test_json_schema_describes_facts_with_provisions() -> None:
    schema = SystemDescription.model_json_schema()
    assert schema["additionalProperties"] is False
    assert schema["properties"]["narrow_procedural_task"]["provision"] == "Art 6(3)(a)"


def test_basis_entries_show_enumerated_facts_as_plain_strings() -> None:
    """Facts stay string enums inside classification; a basis entry shows their values."""
    hit = next(h for h in classify(CV, as_of=DAY).basis if h.rule == "annex_iii_4_a")
    assert hit.facts["annex_iii_points"] == ("4(a)",)
    assert type(hit.facts["annex_iii_points"][0]) is str


def test_open_questions_are_shared_and_immutable() -> None:
    """Each open question is built once and shared by the results asking it: its rules are a
    tuple, which no caller can change."""
    first, second = (classify({"profiling": True}, as_of=DAY) for _ in range(2))
    assert first.open_questions and first.open_questions == second.open_questions
    assert all(a is b for a, b in zip(first.open_questions, second.open_questions, strict=True))
    assert all(isinstance(q.rules, tuple) for q in first.open_questions)
    assert first.model_dump(mode="json")["open_questions"][0]["rules"] == list(
        first.open_questions[0].rules)


def test_basis_entries_are_shared_and_their_facts_cannot_be_changed() -> None:
    """A basis entry is shared by the results in which its rule read the same facts, so its
    facts refuse changes; copies and pickles still rebuild them."""
    first, second = (classify(CV, as_of=DAY) for _ in range(2))
    assert [hit.rule for hit in first.basis] == ["annex_iii_4_a"]
    assert all(a is b for a, b in zip(first.basis, second.basis, strict=True))
    facts = first.basis[0].facts
    with pytest.raises(TypeError, match="cannot be changed"):
        facts["annex_iii_points"] = ("1(a)",)
    with pytest.raises(TypeError, match="cannot be changed"):
        facts.update(profiling=False)
    assert copy.deepcopy(first) == first == pickle.loads(pickle.dumps(first))
    assert first.model_copy(deep=True) == first


def test_the_example_of_the_classify_docstring_runs_as_shown() -> None:
    import doctest

    import aiact_tiers.decision.classify as module

    assert doctest.testmod(module) == doctest.TestResults(failed=0, attempted=3)
