"""history(): a chat model and the chatbot built on it under the 2023, 2024 and amended texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from aiact_tiers import History, ModelClass, Phase, Tier, UnknownRulesetError, crosswalk, history

DAY = dt.date(2026, 11, 28)
CHATBOT: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parents[2] / "examples" / "foundation_model_chatbot.yaml").read_text(encoding="utf-8")
)
ART_28B = [entry.rule for entry in crosswalk()]


@pytest.fixture(scope="module")
def chatbot() -> History:
    return history(CHATBOT, as_of=DAY)


def test_the_three_texts_side_by_side_oldest_first(chatbot: History) -> None:
    assert [t.ruleset for t in chatbot.texts] == ["eu-2023-ep", "eu-2024", "eu-2024-2026"]
    assert [t.model_class for t in chatbot.texts] == [
        ModelClass.GENERATIVE_FOUNDATION_MODEL, ModelClass.GPAI, ModelClass.GPAI
    ]
    assert [t.tier for t in chatbot.texts] == [Tier.LIMITED] * 3  # EP Art 52(1), Art 50(1)
    assert (chatbot.name, chatbot.as_of) == ("Chat assistant", DAY)


def test_under_the_2023_text_the_model_duties_are_every_art_28b_duty_with_its_phase(chatbot: History) -> None:
    duties = {o.rule: o for o in chatbot.texts[0].model_duties}
    assert list(duties) == ART_28B
    assert duties["ep_art_28b_2_g"].phase is Phase.BEFORE_MARKET
    assert duties["ep_art_28b_3"].phase is Phase.AFTER_MARKET
    assert duties["ep_art_28b_4_c"].phase is Phase.AT_MARKET
    assert {o.applies_from for o in duties.values()} == {dt.date(2023, 6, 14)}
    assert (duties["ep_art_28b_2_a"].confidence, duties["ep_art_28b_2_e"].confidence) == ("high", "medium")


def test_under_the_2024_texts_the_model_duties_are_those_of_art_53(chatbot: History) -> None:
    for text in chatbot.texts[1:]:
        assert [o.rule for o in text.model_duties] == ["art_53_1_a", "art_53_1_b", "art_53_1_c", "art_53_1_d"]
        assert {o.applies_from for o in text.model_duties} == {dt.date(2025, 8, 2)}


def test_above_10_25_flop_the_2024_texts_add_art_55(chatbot: History) -> None:
    frontier = history({**CHATBOT, "model": {**CHATBOT["model"], "training_compute_flop": 3e25}}, as_of=DAY)
    assert [t.model_class for t in frontier.texts[1:]] == [ModelClass.GPAI_SYSTEMIC_RISK] * 2
    rules = {o.rule for o in frontier.texts[2].model_duties}
    assert {"art_52_1", "art_55_1_a", "art_55_1_b", "art_55_1_c", "art_55_1_d"} <= rules
    assert [o.rule for o in frontier.texts[0].model_duties] == ART_28B


def test_a_model_alone_has_no_tier_and_the_system_duties_stay_out() -> None:
    model = history(CHATBOT["model"], ("eu-2023-ep", "eu-2024"), as_of=DAY)
    assert [t.tier_label for t in model.texts] == ["no system described"] * 2
    assert not any(o.rule.startswith("art_50") for t in model.texts for o in t.model_duties)


def test_a_system_without_a_model_has_no_model_class() -> None:
    system = history({k: v for k, v in CHATBOT.items() if k != "model"}, ("eu-2024",), as_of=DAY)
    assert (system.texts[0].model_class_label, system.texts[0].model_duties) == ("no model described", [])


def test_an_open_fact_shows_the_classes_still_possible() -> None:
    model = {**CHATBOT["model"], "intended_to_generate_content": None}
    text = history(model, ("eu-2023-ep",), as_of=DAY).texts[0]
    assert text.model_class_label == "undetermined: generative_foundation_model or foundation_model"


def test_notebook_displays_set_the_texts_side_by_side(chatbot: History) -> None:
    markdown = chatbot._repr_markdown_()
    assert "| | `eu-2023-ep` | `eu-2024` | `eu-2024-2026` |" in markdown
    assert "| model class | generative_foundation_model | gpai | gpai |" in markdown
    assert "Art 28b(2)(g) (2023-06-14)" in markdown and "not legal advice" in markdown
    html = chatbot._repr_html_()
    assert html.count("<table>") == 1 + 3 and "<th>eu-2023-ep</th>" in html


def test_an_unknown_text_is_refused() -> None:
    with pytest.raises(UnknownRulesetError):
        history(CHATBOT, ("eu-2023",), as_of=DAY)


def test_history_markdown_gives_the_notebook_tables_as_text(chatbot: History) -> None:
    """The how-to's promise: ``aiact_tiers.analysis.history.history_markdown`` is the text form."""
    from aiact_tiers.analysis.history import history_markdown

    text = history_markdown(chatbot)
    assert text == chatbot._repr_markdown_()
    assert text.startswith("# Chat assistant: across the texts\n\nAs of 2026-11-28.\n")
    assert "| system tier | limited | limited | limited |" in text
