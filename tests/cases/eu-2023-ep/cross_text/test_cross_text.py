"""One description, three texts: the Parliament's 2023 text, the 2024 act and the amended act.

Each scenario is a single set of facts; its expected outcome is stated per ruleset, so a change
in one text's rules cannot silently change what the others decide.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from legal_cases import IN_SCOPE, run_case

SYSTEM: dict[str, Any] = {
    **IN_SCOPE,
    "provider_established_in_third_country": False,
    "another_operator_became_provider": False,
    "roles": ["provider"],
    "practices": [],
    "annex_iii_points": [],
    "vlop_recommender_system": False,
    "interacts_with_natural_persons": False,
    "emotion_recognition_or_biometric_categorisation": False,
    "generates_synthetic_content": False,
    "generates_deep_fakes": False,
    "generates_public_interest_text": False,
    "authorised_by_law_for_criminal_offences": False,
    "significant_risk_of_harm": True,
    "profiling": False,
}

BORDER_EMOTION_RECOGNITION = {
    **SYSTEM,
    "practices": ["emotion_inference"],
    "annex_iii_points": ["1(c)"],
    "emotion_recognition_or_biometric_categorisation": True,
    "border_management": True,
    "for_migration_asylum_border_control": True,  # Art 49(4)
    "used_by_public_authority": True,
    "deployer_is_public_body": True,
    "placed_on_market_on": dt.date(2026, 9, 1),
    "for_law_enforcement": False,
    "substantial_modification": False,
    "annex_x_component": False,
    "significant_design_change_after_cutoff": False,
    "workplace_or_education": False,
    "medical_or_safety_reasons": False,
    "narrow_procedural_task": False,
    "improves_completed_human_activity": False,
    "detects_decision_patterns": False,
    "preparatory_task": False,
}
VLOP_RECOMMENDER = {**SYSTEM, "vlop_recommender_system": True}
CHATBOT = {**SYSTEM, "interacts_with_natural_persons": True, "interaction_obvious": False}

SCENARIOS = [
    ("emotion recognition by border police on travellers", BORDER_EMOTION_RECOGNITION, {
        "eu-2023-ep": {"tier": "prohibited", "basis": ["ep_art_05_1_dc"]},
        "eu-2024": {"tier": "high_risk", "basis": ["annex_iii_1_c"], "not_fires": ["art_05_1_f"],
                    "fires": ["art_49_4"]},  # registered in the secure non-public section
        # placed on 1 Sep 2026, before the amended Annex III cut-off of 2 Dec 2027 (Art 111(2))
        "eu-2024-2026": {"tier": "high_risk", "basis": ["annex_iii_1_c", "art_111_2"],
                         "not_fires": ["art_05_1_f", "art_09"]},
    }),
    ("recommender system of a very large online platform", VLOP_RECOMMENDER, {
        "eu-2023-ep": {"tier": "high_risk", "basis": ["ep_annex_iii_8_ab"]},
        "eu-2024": {"tier": "minimal", "basis": ["minimal_risk"]},
        "eu-2024-2026": {"tier": "minimal", "basis": ["minimal_risk"]},
    }),
    ("chatbot interacting with natural persons", CHATBOT, {
        "eu-2023-ep": {"tier": "limited", "basis": ["ep_art_52_1"]},
        "eu-2024": {"tier": "limited", "basis": ["art_50_1"]},
        "eu-2024-2026": {"tier": "limited", "basis": ["art_50_1"]},
    }),
]


@pytest.mark.parametrize(
    ("ruleset", "facts", "expected"),
    [(ruleset, facts, expected)
     for _, facts, by_text in SCENARIOS for ruleset, expected in by_text.items()],
    ids=[f"{name} under {ruleset}" for name, _, by_text in SCENARIOS for ruleset in by_text],
)
def test_the_same_description_under_each_text(
    ruleset: str, facts: dict[str, Any], expected: dict[str, Any]
) -> None:
    run_case(ruleset, {"facts": facts, "open_questions": [], **expected})
