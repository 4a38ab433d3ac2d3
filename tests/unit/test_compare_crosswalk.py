"""compare() between the Parliament's 2023 text and a 2024 text names each EP Art 28b duty's counterparts.

The description is a chat model trained on broad data, offered through an API and embedded in a
chatbot (``examples/foundation_model_chatbot.yaml``): a generative foundation model in 2023, a
general-purpose AI model today.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from aiact_tiers import ModelClass, compare, crosswalk

DAY = dt.date(2026, 11, 28)
CHATBOT: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parents[2] / "examples" / "foundation_model_chatbot.yaml").read_text(encoding="utf-8")
)
MODEL: dict[str, Any] = CHATBOT["model"]


def _carried(model: dict[str, Any], a: str = "eu-2023-ep", b: str = "eu-2024-2026") -> dict[str, list[str]]:
    return {c.duty: c.obligations for c in compare(model, a, b, as_of=DAY).crosswalk}


def test_every_art_28b_duty_of_a_generative_foundation_model_is_set_beside_its_counterparts() -> None:
    result = compare(MODEL, "eu-2023-ep", "eu-2024-2026", as_of=DAY)
    assert (result.model_class_a, result.model_class_b) == (
        ModelClass.GENERATIVE_FOUNDATION_MODEL, ModelClass.GPAI
    )
    assert [c.rule for c in result.crosswalk] == [entry.rule for entry in crosswalk()]
    assert {c.rule for c in result.only_in_a} >= {entry.rule for entry in crosswalk()}
    by_duty = {c.duty: c for c in result.crosswalk}
    assert by_duty["EP Art 28b(2)(a)"].counterparts == ["Art 55(1)(b)", "Art 55(1)(a)"]
    assert by_duty["EP Art 28b(2)(f)"].counterparts == []
    assert not result.same


def test_below_the_systemic_risk_threshold_only_the_art_53_counterparts_carry_a_duty() -> None:
    carried = _carried(MODEL)
    assert carried["EP Art 28b(2)(e)"] == ["art_53_1_a", "art_53_1_b"]
    assert carried["EP Art 28b(2)(b)"] == carried["EP Art 28b(2)(d)"] == ["art_53_1_a"]
    assert carried["EP Art 28b(4)(c)"] == ["art_53_1_c", "art_53_1_d"]
    assert carried["EP Art 28b(1)"] == ["art_53_1_a", "art_53_1_b", "art_53_1_c", "art_53_1_d"]
    assert carried["EP Art 28b(2)(a)"] == carried["EP Art 28b(2)(c)"] == carried["EP Art 28b(2)(g)"] == []
    assert carried["EP Art 28b(2)(f)"] == carried["EP Art 28b(4)(b)"] == []


def test_above_10_25_flop_the_art_55_and_art_52_counterparts_carry_duties() -> None:
    carried = _carried({**MODEL, "training_compute_flop": 3e25})
    assert carried["EP Art 28b(2)(a)"] == ["art_55_1_a", "art_55_1_b"]
    assert carried["EP Art 28b(2)(c)"] == ["art_55_1_a", "art_55_1_d"]
    assert carried["EP Art 28b(2)(g)"] == ["art_52_1"]


def test_the_generative_transparency_duty_went_to_the_system_that_generates_content() -> None:
    assert _carried(MODEL)["EP Art 28b(4)(a)"] == []
    assert _carried(CHATBOT)["EP Art 28b(4)(a)"] == ["art_50_2_mark", "art_50_1_inform"]


def test_the_crosswalk_reads_both_ways_and_only_across_the_2023_text() -> None:
    assert _carried(MODEL, "eu-2024", "eu-2023-ep") == _carried(MODEL, "eu-2023-ep", "eu-2024")
    assert compare(MODEL, "eu-2024", "eu-2024-2026", as_of=DAY).crosswalk == []


def test_a_non_generative_foundation_model_has_no_art_28b_4_duties_to_walk() -> None:
    duties = _carried({**MODEL, "intended_to_generate_content": False})
    assert not any(duty.startswith("EP Art 28b(4)") for duty in duties)
    assert len(duties) == 9  # Art 28b(1) and the seven points of Art 28b(2), and 28b(3)
