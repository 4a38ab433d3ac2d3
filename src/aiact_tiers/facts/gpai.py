"""The facts of a general-purpose AI model: Art 3(63), Art 51 to 54, and the foundation models of
the 2023 Parliament text (EP Art 3(1c), Art 28b).

Whether a model is general-purpose (Art 3(63)) or a modification of one (Art 3(3)), its training
compute and systemic risk (Art 51, Art 52), the open-source exception (Art 53(2)), the provider
outside the Union (Art 54), its placing on the market (Art 2(1)(a), Art 111(3)); and, in the
European Parliament's text of 14 June 2023, what makes a foundation model and how it is made
available (EP Art 3(1c), Art 28b).
"""

import datetime as dt
from typing import Any

from pydantic import AliasChoices, Field, field_validator

from .fields import Facts, SetOf, fact
from .vocabulary import DistributionChannel

__all__ = ["FoundationModelFacts", "GeneralPurposeModelFacts"]


class GeneralPurposeModelFacts(Facts):
    """The facts of a general-purpose AI model: Art 3(63), Art 3(3), Art 51 to 54, Art 111(3)."""

    significant_generality: bool | None = fact(
        "Art 3(63)",
        "Is the model general in what it can do, rather than built for one task or field?",
        "The model displays significant generality",
    )
    wide_range_of_distinct_tasks: bool | None = fact(
        "Art 3(63)",
        "Can the model do a wide range of different tasks well (for example write, summarise, "
        "translate, answer questions and write code)?",
        "Capable of competently performing a wide range of distinct tasks, regardless of how "
        "the model is placed on the market",
    )
    research_prototype_only: bool | None = fact(
        "Art 3(63)",
        "Is the model used only for research, development or prototyping, and not yet placed on "
        "the market?",
        "Used for research, development or prototyping activities before it is placed on the "
        "market (excluded from the definition)",
    )
    training_compute_flop: float | None = Field(
        default=None,
        ge=0,
        description="Cumulative amount of computation used for training, in floating-point "
        "operations (Art 51(2))",
        json_schema_extra={
            "provision": "Art 51(2)",
            "question": "How much computing was used to train the model, counted in floating-point "
            "operations (FLOP)? (Art 51(2))",
        },
    )
    @field_validator("training_compute_flop", mode="before")
    @classmethod
    def _flop_is_a_number(cls, value: Any) -> Any:
        """A FLOP count (Art 51(2)) is a number: `true` is refused, not read as 1."""
        if isinstance(value, bool):
            raise ValueError("a FLOP count is a number, not true or false")
        return value

    high_impact_capabilities: bool | None = fact(
        "Art 51(1)(a)",
        "Do evaluations with appropriate technical tools and benchmarks show that the model's "
        "capabilities match or exceed those of the most advanced models?",
        "High-impact capabilities evaluated on the basis of appropriate technical tools and "
        "methodologies, including indicators and benchmarks",
    )
    designated_by_commission: bool | None = fact(
        "Art 51(1)(b)",
        "Has the European Commission decided that the model has systemic risk?",
        "Decision of the Commission that the model has capabilities or an impact equivalent to "
        "high-impact capabilities, having regard to Annex XIII",
    )
    released_under_free_open_source_licence: bool | None = fact(
        "Art 53(2)",
        "Is the model released under a free and open-source licence that lets anyone access, use, "
        "modify and distribute it?",
        "Released under a free and open-source licence that allows for the access, usage, "
        "modification, and distribution of the model",
    )
    parameters_publicly_available: bool | None = fact(
        "Art 53(2)",
        "Are the model's parameters (its weights), its architecture and information on how to use "
        "it published for anyone to see?",
        "Parameters, including the weights, the information on the model architecture, and the "
        "information on model usage, are made publicly available",
    )
    provider_in_third_country: bool | None = fact(
        "Art 54(1)",
        "Is the provider of the model based outside the EU?",
        "Provider established in a third country",
    )
    planned_training_exceeds_threshold: bool | None = fact(
        "Art 52(1)",
        "Is it known that a planned or ongoing training run will take the model's training compute "
        "above 10^25 FLOP, or that the model will otherwise reach high-impact capabilities?",
        "It becomes known that the model will meet the condition of Art 51(1)(a), for instance "
        "because a training run is planned to exceed the compute threshold",
    )
    monetised: bool | None = fact(
        "Art 53(2)",
        "Is the model made available against payment or otherwise monetised, for instance through "
        "paid support or by using personal data?",
        "The model is provided against a price or otherwise monetised; the open-source exception "
        "covers only models that are not",
    )
    downstream_modification: bool | None = fact(
        "Art 3(3)",
        "Is this model a modification (such as a fine-tune) of a general-purpose AI model that "
        "another provider placed on the market?",
        "The model results from modifying another provider's general-purpose AI model",
    )
    modification_compute_share: float | None = Field(
        default=None,
        ge=0,
        description="Computation used for the modification, as a share of the computation used "
        "to train the original model (0.4 = 40 %) (Art 3(3))",
        json_schema_extra={
            "provision": "Art 3(3)",
            "question": "How much computation did the modification use, as a share of the "
            "original model's training computation (0.4 for 40 %)? (Art 3(3))",
        },
    )
    model_placed_on_union_market: bool | None = Field(
        default=None,
        # A description writes it as a system's is written; the engine keeps it apart by name.
        validation_alias=AliasChoices("placed_on_union_market", "model_placed_on_union_market"),
        serialization_alias="placed_on_union_market",
        description="The model is placed on the market in the Union, wherever its provider is "
        "established (Art 2(1)(a))",
        json_schema_extra={
            "provision": "Art 2(1)(a)",
            "question": "Is the model supplied in the EU, for instance offered to customers "
            "there or built into a product sold there? (Art 2(1)(a))",
        },
    )
    generates_language_images_or_video: bool | None = fact(
        "Art 3(63)",
        "Can the model generate language (text or speech), or images or video from text, rather "
        "than only do one narrow task such as transcribing speech or sharpening images? "
        "(Art 3(63))",
        "The model can generate language (as text or audio), text-to-image or text-to-video; with "
        "training compute above the threshold of the Commission's guidelines, the indicative "
        "criterion of a general-purpose AI model",
    )
    model_placed_on_market_on: dt.date | None = fact(
        "Art 111(3)",
        "On what date was the model first placed on the market in the EU?",
        "Date on which the model was placed on the market",
    )


class FoundationModelFacts(Facts):
    """The facts of a foundation model in the 2023 Parliament text: EP Art 3(1c), Art 28(2),
    Art 28b."""

    # --- European Parliament text of 14 June 2023: foundation models (EP Art 3(1c), 28(2), 28b)
    trained_on_broad_data_at_scale: bool | None = fact(
        "EP Art 3(1c)",
        "Is the model trained on large amounts of broad data?",
        "AI system model that is trained on broad data at scale",
    )
    designed_for_generality_of_output: bool | None = fact(
        "EP Art 3(1c)",
        "Is the model designed to produce outputs of a general kind, rather than for one task?",
        "Designed for generality of output",
    )
    adaptable_to_wide_range_of_distinctive_tasks: bool | None = fact(
        "EP Art 3(1c)",
        "Can the model be adapted to a wide range of different tasks?",
        "Can be adapted to a wide range of distinctive tasks",
    )
    intended_to_generate_content: bool | None = fact(
        "EP Art 28b(4)",
        "Is the model used in, or specialised into, AI systems meant to generate content such as "
        "complex text, images, audio or video, with varying levels of autonomy?",
        "Foundation model used in AI systems specifically intended to generate, with varying "
        "levels of autonomy, content such as complex text, images, audio or video (generative "
        "AI), or specialised into such a system",
    )
    distribution_channels: SetOf[DistributionChannel] = fact(
        "EP Art 28b(1)",
        "How is the model made available: on its own, built into an AI system or product, under a "
        "free and open-source licence, or as a service?",
        "Channels through which the model is made available; the EP Art 28b duties apply "
        "whichever they are",
    )
    directly_integrated_in_high_risk_system: bool | None = fact(
        "EP Art 28(2)",
        "Is the model built directly into a high-risk AI system that another operator provides?",
        "Foundation model directly integrated in a high-risk AI system",
    )
