"""A result under rich (``rich.print(result)``): the tables the terminal shows for it."""

import datetime as dt

from rich.console import Console

from aiact_tiers import classify

CV_SCORER = {"name": "CV [beta] scorer", "annex_iii_points": ["4(a)"], "profiling": True,
             "practices": [], "roles": ["provider"]}


def printed(value: object) -> list[str]:
    console = Console(record=True, width=100, color_system=None, highlight=False)
    console.print(value)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_a_result_prints_its_tier_basis_duties_and_questions_under_rich() -> None:
    lines = printed(classify(CV_SCORER, as_of=dt.date(2026, 12, 1)))
    assert lines[0] == "CV [beta] scorer: high_risk"  # a name's brackets are shown, not read as markup
    assert lines[1].startswith("ruleset eu-2024-2026 (")
    assert [line for line in lines if line in (
        "Legal basis", "Presumptions the result rests on", "provider: before placing on the market",
        "Open questions")] == ["Legal basis", "Presumptions the result rests on",
                               "provider: before placing on the market", "Open questions"]
    assert any(line.startswith("│ Annex III 4(a) │ Recruitment or selection") for line in lines)


def test_a_result_without_open_questions_lists_none() -> None:
    decided = {**CV_SCORER, "annex_i_legislation": [], "interacts_with_natural_persons": False,
               "generates_synthetic_content": False, "placed_on_market_on": "2027-01-10",
               "substantial_modification": False, "provider_established_in_third_country": False,
               "another_operator_became_provider": False, "third_party_conformity_assessment": False}
    result = classify(decided, as_of=dt.date(2026, 12, 1))
    assert result.open_questions == []
    assert "Open questions" not in printed(result)
