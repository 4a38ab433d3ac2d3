"""EP Art 71: the fines of the Parliament's 2023 text, per group of a result's obligations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiact_tiers import classify
from aiact_tiers.analysis.penalties import PenaltyExposure, penalties

DAY = dt.date(2026, 11, 28)
SYSTEM: dict[str, Any] = {
    "infers_outputs_from_input": True, "roles": ["provider"], "practices": [],
    "annex_i_legislation": [], "annex_iii_points": [], "vlop_recommender_system": False,
    "interacts_with_natural_persons": False, "emotion_recognition_or_biometric_categorisation": False,
    "generates_deep_fakes": False, "significant_risk_of_harm": True,
    "free_open_source_licence": False, "generates_synthetic_content": False,
}


def groups(facts: dict[str, Any]) -> dict[str, PenaltyExposure]:
    result = classify({**SYSTEM, **facts}, ruleset="eu-2023-ep", as_of=DAY)
    return {exposure.group: exposure for exposure in penalties(result)}


def test_art_71_3_prohibited_practice_40_million_or_7_percent() -> None:
    found = groups({"practices": ["untargeted_facial_scraping"]})
    # The Art 4a principles and Art 4b literacy bind every operator, a prohibited system's too,
    # and have no Union maximum of their own.
    assert set(found) == {"art_71_3", "residual"}
    ban = found["art_71_3"]
    assert (ban.max_eur, ban.turnover_percent, ban.whichever) == (40_000_000, 7, "higher")
    assert ban.obligations == ["ep_art_05_provider"] and ban.confidence == "medium"


def test_art_71_3a_data_and_transparency_apart_from_art_71_4() -> None:
    found = groups({"annex_iii_points": ["4(a)"]})
    assert found["art_71_3a"].obligations == ["ep_art_10", "ep_art_13"]
    assert (found["art_71_3a"].max_eur, found["art_71_3a"].turnover_percent) == (20_000_000, 4)
    assert "ep_art_09" in found["art_71_4"].obligations
    assert (found["art_71_4"].max_eur, found["art_71_4"].turnover_percent) == (10_000_000, 2)


def test_art_4a_best_efforts_carry_no_union_fine() -> None:
    assert set(groups({})) == {"residual"}

