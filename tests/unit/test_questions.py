"""Every fact's question is put in plain words and ends with the provision it asks for."""

from __future__ import annotations

import pytest

from aiact_tiers import ModelDescription, SystemDescription

FACTS = [(model, name) for model in (SystemDescription, ModelDescription)
         for name, field in model.model_fields.items()
         if isinstance(field.json_schema_extra, dict) and "question" in field.json_schema_extra]


def _texts(model: type[SystemDescription] | type[ModelDescription], name: str) -> list[dict[str, str]]:
    """The fact's provision and question, and those of each text that numbers or words it
    differently."""
    extra = model.model_fields[name].json_schema_extra
    assert isinstance(extra, dict)
    texts = extra.get("texts") or {}
    assert isinstance(texts, dict)
    return [extra, *texts.values()]  # type: ignore[list-item]


def test_every_fact_of_the_law_has_a_question() -> None:
    assert len(FACTS) > 100


@pytest.mark.parametrize(("model", "name"), FACTS, ids=[name for _, name in FACTS])
def test_a_question_ends_with_its_provision_in_brackets(
    model: type[SystemDescription] | type[ModelDescription], name: str
) -> None:
    for text in _texts(model, name):
        question, provision = text["question"], text["provision"]
        assert question.endswith(f"? ({provision})") or question.endswith(f". ({provision})"), question
        assert question.count(f"({provision})") == 1, question


def test_the_parliament_text_asks_with_its_own_numbering() -> None:
    extra = SystemDescription.model_fields["used_at_workplace"].json_schema_extra
    assert isinstance(extra, dict)
    assert extra["question"] == ("Will the deployer's own workers be subject to the system, or work "
                                 "with it, at the deployer's workplace? (Art 26(7))")
    ep = extra["texts"]["European Parliament amendments of 14 June 2023 to COM(2021) 206"]  # type: ignore[index]
    assert ep["question"] == ("Will the deployer's own workers be subject to the system, or work "
                              "with it, at the deployer's workplace? (EP Art 29(5a))")
