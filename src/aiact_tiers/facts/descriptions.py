"""The facts the AI Act asks, as pydantic models.

A :class:`SystemDescription` describes an AI system (Art 3(1)); a :class:`ModelDescription`
describes a general-purpose AI model (Art 3(63)) or, in the 2023 Parliament text, a foundation
model (EP Art 3(1c)). Every fact may be left unset, which means *unknown*; the engine then reasons
in three-valued logic. Facts that are judgements under the law ("materially distorts behaviour",
"narrow procedural task", "performs profiling") are explicit fields: nothing is inferred from
free text.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Literal, TypeVar

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    FieldSerializationInfo,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    field_serializer,
    field_validator,
)

from ..documents import no_constant, read_yaml, unique_keys
from ..errors import DescriptionError, RuleFileError
from .partial import PartialSet

__all__ = [
    "AnnexIAct",
    "AnnexIIIPoint",
    "Description",
    "DistributionChannel",
    "EnterpriseSize",
    "ModelDescription",
    "Practice",
    "RBIObjective",
    "Role",
    "SystemDescription",
    "fact_info",
    "load_description",
]


class Role(StrEnum):
    """Operators of Art 3(8), plus the product manufacturer of Art 25(3)."""

    PROVIDER = "provider"
    DEPLOYER = "deployer"
    IMPORTER = "importer"
    DISTRIBUTOR = "distributor"
    AUTHORISED_REPRESENTATIVE = "authorised_representative"
    PRODUCT_MANUFACTURER = "product_manufacturer"


class Practice(StrEnum):
    """The practices Art 5(1) names; whether one is prohibited also depends on its conditions."""

    MANIPULATIVE_TECHNIQUES = "manipulative_techniques"  # Art 5(1)(a)
    EXPLOITS_VULNERABILITIES = "exploits_vulnerabilities"  # Art 5(1)(b)
    SOCIAL_SCORING = "social_scoring"  # Art 5(1)(c)
    CRIME_RISK_ASSESSMENT = "crime_risk_assessment"  # Art 5(1)(d)
    UNTARGETED_FACIAL_SCRAPING = "untargeted_facial_scraping"  # Art 5(1)(e)
    EMOTION_INFERENCE = "emotion_inference"  # Art 5(1)(f)
    BIOMETRIC_CATEGORISATION = "biometric_categorisation"  # Art 5(1)(g)
    REAL_TIME_REMOTE_BIOMETRIC_IDENTIFICATION = "real_time_remote_biometric_identification"  # (h)
    INTIMATE_IMAGERY_GENERATION = "intimate_imagery_generation"  # Art 5(1)(ba), 2026
    CHILD_SEXUAL_ABUSE_MATERIAL_GENERATION = "child_sexual_abuse_material_generation"  # (bb), 2026
    POST_REMOTE_BIOMETRIC_IDENTIFICATION = "post_remote_biometric_identification"  # EP 5(1)(dd), 2023


class AnnexIIIPoint(StrEnum):
    """The 25 points of Annex III (Art 6(2)), written as the Annex numbers them; an area number
    alone (`"4"`) means some point of that area, not known which, and `"some"` some point of the
    Annex, not known which."""

    BIOMETRIC_REMOTE_IDENTIFICATION = "1(a)"
    BIOMETRIC_CATEGORISATION = "1(b)"
    EMOTION_RECOGNITION = "1(c)"
    CRITICAL_INFRASTRUCTURE = "2"
    EDUCATION_ACCESS = "3(a)"
    EDUCATION_EVALUATION = "3(b)"
    EDUCATION_LEVEL = "3(c)"
    EDUCATION_TEST_MONITORING = "3(d)"
    EMPLOYMENT_RECRUITMENT = "4(a)"
    EMPLOYMENT_DECISIONS = "4(b)"
    PUBLIC_BENEFITS = "5(a)"
    CREDITWORTHINESS = "5(b)"
    LIFE_HEALTH_INSURANCE = "5(c)"
    EMERGENCY_CALLS = "5(d)"
    LAW_ENFORCEMENT_VICTIM_RISK = "6(a)"
    LAW_ENFORCEMENT_POLYGRAPH = "6(b)"
    LAW_ENFORCEMENT_EVIDENCE = "6(c)"
    LAW_ENFORCEMENT_OFFENDING_RISK = "6(d)"
    LAW_ENFORCEMENT_PROFILING = "6(e)"
    MIGRATION_POLYGRAPH = "7(a)"
    MIGRATION_RISK = "7(b)"
    MIGRATION_APPLICATIONS = "7(c)"
    MIGRATION_IDENTIFICATION = "7(d)"
    JUSTICE = "8(a)"
    ELECTIONS = "8(b)"
    # Partial knowledge: a point of the area (or of the Annex) not known which.
    AREA_1_BIOMETRICS = "1"
    AREA_3_EDUCATION = "3"
    AREA_4_EMPLOYMENT = "4"
    AREA_5_ESSENTIAL_SERVICES = "5"
    AREA_6_LAW_ENFORCEMENT = "6"
    AREA_7_MIGRATION = "7"
    AREA_8_JUSTICE_AND_DEMOCRACY = "8"
    SOME_POINT = "some"


class AnnexIAct(StrEnum):
    """Union harmonisation legislation listed in Annex I; its section (A or B) is ruleset data.

    `section_a` and `section_b` mean an act of that section, not named. An act that replaces a
    listed one counts as that entry (the rulesets list it beside the act it replaces).
    """

    MACHINERY_DIRECTIVE = "directive_2006_42_ec"
    MACHINERY_REGULATION = "regulation_2023_1230"
    TOYS = "directive_2009_48_ec"
    RECREATIONAL_CRAFT = "directive_2013_53_eu"
    LIFTS = "directive_2014_33_eu"
    ATEX = "directive_2014_34_eu"
    RADIO_EQUIPMENT = "directive_2014_53_eu"
    PRESSURE_EQUIPMENT = "directive_2014_68_eu"
    CABLEWAYS = "regulation_2016_424"
    PERSONAL_PROTECTIVE_EQUIPMENT = "regulation_2016_425"
    GAS_APPLIANCES = "regulation_2016_426"
    MEDICAL_DEVICES = "regulation_2017_745"
    IN_VITRO_DIAGNOSTICS = "regulation_2017_746"
    CIVIL_AVIATION_SECURITY = "regulation_300_2008"
    TWO_THREE_WHEEL_VEHICLES = "regulation_168_2013"
    AGRICULTURAL_VEHICLES = "regulation_167_2013"
    MARINE_EQUIPMENT = "directive_2014_90_eu"
    RAIL_INTEROPERABILITY = "directive_2016_797"
    MOTOR_VEHICLES = "regulation_2018_858"
    VEHICLE_GENERAL_SAFETY = "regulation_2019_2144"
    CIVIL_AVIATION_UNMANNED = "regulation_2018_1139"
    TOY_SAFETY_REGULATION = "regulation_2025_2509"
    SECTION_A = "section_a"
    SECTION_B = "section_b"


ANNEX_I_TITLES = {
    AnnexIAct.MACHINERY_DIRECTIVE: "Directive 2006/42/EC on machinery (OJ L 157, 9.6.2006, p. 24)",
    AnnexIAct.MACHINERY_REGULATION: "Regulation (EU) 2023/1230 on machinery products, replacing "
    "Directive 2006/42/EC (OJ L 165, 29.6.2023, p. 1)",
    AnnexIAct.TOYS: "Directive 2009/48/EC on the safety of toys (OJ L 170, 30.6.2009, p. 1)",
    AnnexIAct.RECREATIONAL_CRAFT: "Directive 2013/53/EU on recreational craft and personal "
    "watercraft (OJ L 354, 28.12.2013, p. 90)",
    AnnexIAct.LIFTS: "Directive 2014/33/EU on lifts and safety components for lifts "
    "(OJ L 96, 29.3.2014, p. 251)",
    AnnexIAct.ATEX: "Directive 2014/34/EU on equipment and protective systems for potentially "
    "explosive atmospheres (OJ L 96, 29.3.2014, p. 309)",
    AnnexIAct.RADIO_EQUIPMENT: "Directive 2014/53/EU on radio equipment "
    "(OJ L 153, 22.5.2014, p. 62)",
    AnnexIAct.PRESSURE_EQUIPMENT: "Directive 2014/68/EU on pressure equipment "
    "(OJ L 189, 27.6.2014, p. 164)",
    AnnexIAct.CABLEWAYS: "Regulation (EU) 2016/424 on cableway installations "
    "(OJ L 81, 31.3.2016, p. 1)",
    AnnexIAct.PERSONAL_PROTECTIVE_EQUIPMENT: "Regulation (EU) 2016/425 on personal protective "
    "equipment (OJ L 81, 31.3.2016, p. 51)",
    AnnexIAct.GAS_APPLIANCES: "Regulation (EU) 2016/426 on appliances burning gaseous fuels "
    "(OJ L 81, 31.3.2016, p. 99)",
    AnnexIAct.MEDICAL_DEVICES: "Regulation (EU) 2017/745 on medical devices "
    "(OJ L 117, 5.5.2017, p. 1)",
    AnnexIAct.IN_VITRO_DIAGNOSTICS: "Regulation (EU) 2017/746 on in vitro diagnostic medical "
    "devices (OJ L 117, 5.5.2017, p. 176)",
    AnnexIAct.CIVIL_AVIATION_SECURITY: "Regulation (EC) No 300/2008 on civil aviation security "
    "(OJ L 97, 9.4.2008, p. 72)",
    AnnexIAct.TWO_THREE_WHEEL_VEHICLES: "Regulation (EU) No 168/2013 on two- or three-wheel "
    "vehicles and quadricycles (OJ L 60, 2.3.2013, p. 52)",
    AnnexIAct.AGRICULTURAL_VEHICLES: "Regulation (EU) No 167/2013 on agricultural and forestry "
    "vehicles (OJ L 60, 2.3.2013, p. 1)",
    AnnexIAct.MARINE_EQUIPMENT: "Directive 2014/90/EU on marine equipment "
    "(OJ L 257, 28.8.2014, p. 146)",
    AnnexIAct.RAIL_INTEROPERABILITY: "Directive (EU) 2016/797 on the interoperability of the "
    "rail system (OJ L 138, 26.5.2016, p. 44)",
    AnnexIAct.MOTOR_VEHICLES: "Regulation (EU) 2018/858 on motor vehicles and their trailers "
    "(OJ L 151, 14.6.2018, p. 1)",
    AnnexIAct.VEHICLE_GENERAL_SAFETY: "Regulation (EU) 2019/2144 on the general safety of motor "
    "vehicles (OJ L 325, 16.12.2019, p. 1)",
    AnnexIAct.CIVIL_AVIATION_UNMANNED: "Regulation (EU) 2018/1139 on civil aviation and EASA "
    "(OJ L 212, 22.8.2018, p. 1)",
    AnnexIAct.TOY_SAFETY_REGULATION: "Regulation (EU) 2025/2509 on the safety of toys, replacing "
    "Directive 2009/48/EC (OJ L, 2025/2509, 12.12.2025)",
    AnnexIAct.SECTION_A: "An act of Annex I Section A, not named",
    AnnexIAct.SECTION_B: "An act of Annex I Section B, not named",
}
"""Each entry's title and Official Journal reference."""

AnnexIAct.__doc__ = "\n".join(
    [inspect.cleandoc(AnnexIAct.__doc__ or ""), "", *(f"- `{act.value}`: {title}"
                                          for act, title in ANNEX_I_TITLES.items())])

IMPLIED_MEMBERS: dict[StrEnum, frozenset[StrEnum]] = {
    area: frozenset(p for p in AnnexIIIPoint if p.value[:1] == area.value and len(p.value) > 1)
    for area in AnnexIIIPoint if area.value.isdigit() and area is not AnnexIIIPoint.CRITICAL_INFRASTRUCTURE
}
IMPLIED_MEMBERS[AnnexIIIPoint.SOME_POINT] = frozenset(
    p for p in AnnexIIIPoint if "(" in p.value or p is AnnexIIIPoint.CRITICAL_INFRASTRUCTURE)
"""A value that stands for some member, not known which, with the members it may be."""
_MARKERS = frozenset(IMPLIED_MEMBERS)


class RBIObjective(StrEnum):
    """The objectives of Art 5(1)(h)(i)-(iii) for which real-time RBI may be strictly necessary."""

    NONE = "none"
    TARGETED_VICTIM_SEARCH = "targeted_victim_search"  # (i)
    IMMINENT_THREAT = "imminent_threat"  # (ii)
    SUSPECT_OF_ANNEX_II_OFFENCE = "suspect_of_annex_ii_offence"  # (iii)


class DistributionChannel(StrEnum):
    """How a foundation model is made available; EP Art 28b(1) applies its duties to every one."""

    STANDALONE = "standalone"
    EMBEDDED = "embedded"  # in an AI system or a product
    FREE_OPEN_SOURCE = "free_open_source"  # under a free and open-source licence
    AS_A_SERVICE = "as_a_service"


class EnterpriseSize(StrEnum):
    """Size of the operator: SME (Art 99(6)), small mid-cap (Art 3(14b), 2026), or larger."""

    SME = "sme"
    SMALL_MID_CAP = "small_mid_cap"
    LARGE = "large"


M = TypeVar("M", bound=StrEnum)
SetOf = Annotated[frozenset[M] | dict[M, bool | None] | None, Field(union_mode="left_to_right")]
"""A set fact: a list of members, or a mapping answering each member (see ``_set_knowledge``)."""
SET_FACTS = ("distribution_channels", "practices", "annex_i_legislation", "annex_iii_points")
"""The facts that are sets of members; each may be known in part."""
_SET_ENUMS: dict[str, type[StrEnum]] = {
    "distribution_channels": DistributionChannel, "practices": Practice,
    "annex_i_legislation": AnnexIAct, "annex_iii_points": AnnexIIIPoint}


EP_2023 = "European Parliament amendments of 14 June 2023 to COM(2021) 206"
"""The act of the ``eu-2023-ep`` ruleset, numbered as the Commission's proposal."""
AMENDED_2026 = "Regulation (EU) 2024/1689, as amended by Regulation (EU) 2026/1744"
"""The act of the ``eu-2024-2026`` ruleset."""


def _fact(
    provision: str,
    question: str,
    description: str,
    *,
    ep: str | None = None,
    ep_question: str | None = None,
    amended: str | None = None,
) -> Any:
    """A fact field: unknown by default, described in the law's words, citing its provision.

    The question is asked in plain words, for someone who knows the system and has not read the
    Act, and ends with the provision it asks for in brackets (added here where it does not).
    ``ep`` (with ``ep_question`` where the wording differs) is the provision in the Parliament's
    2023 text; ``amended`` the provision in the text as amended in 2026, where it differs.
    """
    plain = question.removesuffix(f" ({provision})")
    texts: dict[str, dict[str, str]] = {}
    if ep is not None:
        texts[EP_2023] = {"provision": ep, "question": _asked(ep_question or plain, ep)}
    if amended is not None:
        texts[AMENDED_2026] = {"provision": amended, "question": _asked(plain, amended)}
    extra: dict[str, Any] = {"provision": provision, "question": _asked(plain, provision)}
    if texts:
        extra["texts"] = texts
    return Field(default=None, description=f"{description} ({provision})", json_schema_extra=extra)


def _asked(question: str, provision: str) -> str:
    """The question ending with its provision in brackets: `... ? (Art 6(3)(a))`."""
    return question if question.endswith(f"({provision})") else f"{question} ({provision})"


class _Facts(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=False, defer_build=True, allow_inf_nan=False
    )

    id: str | None = Field(default=None, description="Your identifier for this entry.")
    name: str | None = Field(default=None, description="A name for people to read.")
    as_of: dt.date | None = Field(
        default=None,
        description="The day this description is assessed on; left out, the day the "
        "classification is asked for (its `as_of`, or today).",
    )

    @field_validator(*SET_FACTS, mode="after", check_fields=False)
    @classmethod
    def _set_knowledge(cls, value: Any, info: ValidationInfo) -> Any:
        """A set fact: a list means exactly those members; a mapping answers each member yes
        (true), no (false) or unknown (null), a member left out being unknown. A value standing
        for some member not known which (an Annex III area) leaves those members unknown. What
        stays unknown makes a :class:`~aiact_tiers.facts.partial.PartialSet`."""
        if isinstance(value, dict):  # unknown: answered null, or a member left out
            present = frozenset(m for m, known in value.items() if known)
            unknown = frozenset(m for m in _SET_ENUMS[str(info.field_name)]
                                if m not in IMPLIED_MEMBERS and value.get(m) is None)
        elif value and not _MARKERS.isdisjoint(value):
            present = value
            unknown = frozenset().union(*(IMPLIED_MEMBERS[m] for m in present
                                          if m in IMPLIED_MEMBERS)) - present
        else:
            return value
        return PartialSet(present, unknown) if unknown else present

    @field_serializer(*SET_FACTS, mode="wrap", check_fields=False)
    def _set_as_given(self, value: Any, handler: SerializerFunctionWrapHandler,
                      info: FieldSerializationInfo) -> Any:
        """A set known in part is written as a mapping of every member: true, null (unknown) or
        false, so that reading it back gives the same set."""
        if isinstance(value, PartialSet):
            members = _SET_ENUMS[str(info.field_name)]
            return handler({m: value.member(m) for m in members
                            if m not in IMPLIED_MEMBERS or m in value.present})
        return handler(value)


class ModelDescription(_Facts):
    """A general-purpose AI model (Art 3(63)) or, in the 2023 text, a foundation model."""

    kind: Literal["model"] = "model"
    roles: list[Role] | None = Field(
        default=None,
        description="Your roles for this model; left out, every role; `[]`, no operator role.",
    )

    significant_generality: bool | None = _fact(
        "Art 3(63)",
        "Is the model general in what it can do, rather than built for one task or field?",
        "The model displays significant generality",
    )
    wide_range_of_distinct_tasks: bool | None = _fact(
        "Art 3(63)",
        "Can the model do a wide range of different tasks well (for example write, summarise, "
        "translate, answer questions and write code)?",
        "Capable of competently performing a wide range of distinct tasks, regardless of how "
        "the model is placed on the market",
    )
    research_prototype_only: bool | None = _fact(
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

    high_impact_capabilities: bool | None = _fact(
        "Art 51(1)(a)",
        "Do evaluations with appropriate technical tools and benchmarks show that the model's "
        "capabilities match or exceed those of the most advanced models?",
        "High-impact capabilities evaluated on the basis of appropriate technical tools and "
        "methodologies, including indicators and benchmarks",
    )
    designated_by_commission: bool | None = _fact(
        "Art 51(1)(b)",
        "Has the European Commission decided that the model has systemic risk?",
        "Decision of the Commission that the model has capabilities or an impact equivalent to "
        "high-impact capabilities, having regard to Annex XIII",
    )
    released_under_free_open_source_licence: bool | None = _fact(
        "Art 53(2)",
        "Is the model released under a free and open-source licence that lets anyone access, use, "
        "modify and distribute it?",
        "Released under a free and open-source licence that allows for the access, usage, "
        "modification, and distribution of the model",
    )
    parameters_publicly_available: bool | None = _fact(
        "Art 53(2)",
        "Are the model's parameters (its weights), its architecture and information on how to use "
        "it published for anyone to see?",
        "Parameters, including the weights, the information on the model architecture, and the "
        "information on model usage, are made publicly available",
    )
    provider_in_third_country: bool | None = _fact(
        "Art 54(1)",
        "Is the provider of the model based outside the EU?",
        "Provider established in a third country",
    )
    planned_training_exceeds_threshold: bool | None = _fact(
        "Art 52(1)",
        "Is it known that a planned or ongoing training run will take the model's training compute "
        "above 10^25 FLOP, or that the model will otherwise reach high-impact capabilities?",
        "It becomes known that the model will meet the condition of Art 51(1)(a), for instance "
        "because a training run is planned to exceed the compute threshold",
    )
    monetised: bool | None = _fact(
        "Art 53(2)",
        "Is the model made available against payment or otherwise monetised, for instance through "
        "paid support or by using personal data?",
        "The model is provided against a price or otherwise monetised; the open-source exception "
        "covers only models that are not",
    )
    downstream_modification: bool | None = _fact(
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
    generates_language_images_or_video: bool | None = _fact(
        "Art 3(63)",
        "Can the model generate language (text or speech), or images or video from text, rather "
        "than only do one narrow task such as transcribing speech or sharpening images? "
        "(Art 3(63))",
        "The model can generate language (as text or audio), text-to-image or text-to-video; with "
        "training compute above the threshold of the Commission's guidelines, the indicative "
        "criterion of a general-purpose AI model",
    )
    model_placed_on_market_on: dt.date | None = _fact(
        "Art 111(3)",
        "On what date was the model first placed on the market in the EU?",
        "Date on which the model was placed on the market",
    )

    # --- European Parliament text of 14 June 2023: foundation models (EP Art 3(1c), 28b) -----
    trained_on_broad_data_at_scale: bool | None = _fact(
        "EP Art 3(1c)",
        "Is the model trained on large amounts of broad data?",
        "AI system model that is trained on broad data at scale",
    )
    designed_for_generality_of_output: bool | None = _fact(
        "EP Art 3(1c)",
        "Is the model designed to produce outputs of a general kind, rather than for one task?",
        "Designed for generality of output",
    )
    adaptable_to_wide_range_of_distinctive_tasks: bool | None = _fact(
        "EP Art 3(1c)",
        "Can the model be adapted to a wide range of different tasks?",
        "Can be adapted to a wide range of distinctive tasks",
    )
    intended_to_generate_content: bool | None = _fact(
        "EP Art 28b(4)",
        "Is the model used in, or specialised into, AI systems meant to generate content such as "
        "complex text, images, audio or video, with varying levels of autonomy?",
        "Foundation model used in AI systems specifically intended to generate, with varying "
        "levels of autonomy, content such as complex text, images, audio or video (generative "
        "AI), or specialised into such a system",
    )
    distribution_channels: SetOf[DistributionChannel] = _fact(
        "EP Art 28b(1)",
        "How is the model made available: on its own, built into an AI system or product, under a "
        "free and open-source licence, or as a service?",
        "Channels through which the model is made available; the EP Art 28b duties apply "
        "whichever they are",
    )


class SystemDescription(_Facts):
    """An AI system (Art 3(1)) as its provider, deployer or another operator describes it."""

    kind: Literal["system"] = "system"
    roles: list[Role] | None = Field(
        default=None,
        description="Your roles for this system (Art 3(3)-(8), Art 25(3)); several may apply. "
        "Left out, the result answers for every role; `[]` says you hold no operator role "
        "(an affected person, or someone who only receives an output).",
    )
    model: ModelDescription | None = Field(
        default=None,
        description="The general-purpose AI model the system is built on, when you provide it too.",
    )

    # --- Art 3(1) and Art 2: is it an AI system, and is it in scope -------------------------
    infers_outputs_from_input: bool | None = _fact(
        "Art 3(1)",
        "Does the system work out from the data it receives how to produce its outputs (such as "
        "predictions, content, recommendations or decisions), rather than only follow rules that "
        "people wrote for it?",
        "Machine-based system designed to operate with varying levels of autonomy that, for "
        "explicit or implicit objectives, infers from the input it receives how to generate "
        "outputs that can influence physical or virtual environments",
    )
    placed_on_union_market: bool | None = _fact(
        "Art 2(1)(a)",
        "Is the system sold, supplied or put into use in the EU, wherever its provider is based?",
        "Placed on the market or put into service in the Union, wherever the provider is "
        "established",
    )
    deployer_in_union: bool | None = _fact(
        "Art 2(1)(b)",
        "Is the organisation or person using the system based or located in the EU?",
        "Deployer that has its place of establishment or is located within the Union",
    )
    output_used_in_union: bool | None = _fact(
        "Art 2(1)(c)",
        "Are the system's outputs (its predictions, content, recommendations or decisions) used in "
        "the EU?",
        "Output produced by the AI system used in the Union",
    )
    exclusively_military_defence_national_security: bool | None = _fact(
        "Art 2(3)",
        "Is the system supplied or used only for military, defence or national security purposes?",
        "Exclusively for military, defence or national security purposes",
    )
    third_country_authority_cooperation: bool | None = _fact(
        "Art 2(4)",
        "Is the system used by a public authority of a country outside the EU, or by an "
        "international organisation, under an agreement with the EU or its countries on police or "
        "judicial cooperation?",
        "Public authority in a third country or international organisation using AI systems in "
        "the framework of international cooperation or agreements for law enforcement and "
        "judicial cooperation with the Union or Member States",
    )
    adequate_fundamental_rights_safeguards: bool | None = _fact(
        "Art 2(4)",
        "Does that authority or organisation give adequate safeguards for people's fundamental "
        "rights and freedoms?",
        "Provides adequate safeguards with respect to the protection of fundamental rights and "
        "freedoms of individuals",
    )
    sole_purpose_scientific_research: bool | None = _fact(
        "Art 2(6)",
        "Was the system built and put into use only for scientific research and development?",
        "Specifically developed and put into service for the sole purpose of scientific research "
        "and development",
    )
    pre_market_research_or_testing: bool | None = _fact(
        "Art 2(8)",
        "Is the system only being researched, tested or developed, before it is sold or put into "
        "use?",
        "Research, testing or development activity regarding AI systems prior to their being "
        "placed on the market or put into service",
    )
    testing_in_real_world_conditions: bool | None = _fact(
        "Art 2(8)",
        "Is the system being tested in real-world conditions, outside a lab or test environment?",
        "Testing in real world conditions (not covered by the research exclusion)",
    )
    purely_personal_non_professional_use: bool | None = _fact(
        "Art 2(10)",
        "Is the system used by a private individual only for personal purposes, not for work or "
        "business?",
        "Deployers who are natural persons using AI systems in the course of a purely personal "
        "non-professional activity",
    )
    free_open_source_licence: bool | None = _fact(
        "Art 2(12)",
        "Is the system released under a free and open-source licence?",
        "AI system released under free and open-source licences",
        ep="EP Art 2(5e)",
        ep_question=(
            "Is the system an AI component provided under a free and open-source licence?"
        ),
    )

    # --- Art 5: prohibited practices -----------------------------------------------------------
    practices: SetOf[Practice] = _fact(
        "Art 5(1)",
        "Which of the practices named in Art 5(1) does the system perform or enable?",
        "The practices Art 5(1) names that the system performs or enables; an empty list means "
        "none",
    )
    materially_distorts_behaviour: bool | None = _fact(
        "Art 5(1)(a)",
        "Does the system aim to change, or in effect change, what people do in a significant way, "
        "by making it noticeably harder for them to make an informed decision?",
        "Objective, or the effect, of materially distorting the behaviour of a person or a group "
        "of persons by appreciably impairing their ability to make an informed decision",
    )
    significant_harm_likely: bool | None = _fact(
        "Art 5(1)(a)",
        "Does that change in behaviour cause, or is it reasonably likely to cause, significant "
        "harm to someone?",
        "In a manner that causes or is reasonably likely to cause that person, another person or "
        "group of persons significant harm",
    )
    social_score_detrimental_in_unrelated_context: bool | None = _fact(
        "Art 5(1)(c)(i)",
        "Does the score lead to people being treated worse in situations unrelated to those in "
        "which the data about them was collected?",
        "Detrimental or unfavourable treatment in social contexts that are unrelated to the "
        "contexts in which the data was originally generated or collected",
        ep="EP Art 5(1)(c)",
    )
    social_score_unjustified_or_disproportionate: bool | None = _fact(
        "Art 5(1)(c)(ii)",
        "Does the score lead to people being treated worse in a way that is unjustified, or out of "
        "proportion to their behaviour or its seriousness?",
        "Detrimental or unfavourable treatment that is unjustified or disproportionate to their "
        "social behaviour or its gravity",
        ep="EP Art 5(1)(c)",
    )
    based_solely_on_profiling_or_personality: bool | None = _fact(
        "Art 5(1)(d)",
        "Does the system predict whether a person will commit a crime only from a profile of them "
        "or from their personality traits and characteristics?",
        "Based solely on the profiling of a natural person or on assessing their personality "
        "traits and characteristics",
    )
    supports_human_assessment_on_objective_facts: bool | None = _fact(
        "Art 5(1)(d)",
        "Does the system only support a person's own assessment of someone's involvement in a "
        "crime, where that assessment already rests on objective and verifiable facts linked to "
        "the crime?",
        "Used to support the human assessment of the involvement of a person in a criminal "
        "activity, which is already based on objective and verifiable facts directly linked to "
        "a criminal activity",
    )
    workplace_or_education: bool | None = _fact(
        "Art 5(1)(f)",
        "Whose emotions does the system infer: workers at their workplace or students at their "
        "school or university (answer yes), or other people such as customers (answer no)?",
        "Infer emotions of a natural person in the areas of workplace and education institutions",
        ep="EP Art 5(1)(dc)",
    )
    medical_or_safety_reasons: bool | None = _fact(
        "Art 5(1)(f)",
        "Is the emotion recognition put in place for medical or safety reasons (for example to "
        "detect a pilot's fatigue)?",
        "Intended to be put in place or into the market for medical or safety reasons",
    )
    infers_protected_attributes: bool | None = _fact(
        "Art 5(1)(g)",
        "Does the system use people's biometric data to work out their race, political opinions, "
        "trade union membership, religious or philosophical beliefs, sex life or sexual "
        "orientation?",
        "To deduce or infer their race, political opinions, trade union membership, religious or "
        "philosophical beliefs, sex life or sexual orientation",
        ep="EP Art 5(1)(ba)",
        ep_question=(
            "Does the system sort people by sensitive or protected attributes or characteristics "
            "(such as gender, ethnicity, citizenship status, religion, political orientation or "
            "sexual orientation), or infer them?"
        ),
    )
    labelling_lawfully_acquired_biometric_datasets: bool | None = _fact(
        "Art 5(1)(g)",
        "Does the system only label or filter biometric datasets that were lawfully acquired (such "
        "as images), or sort biometric data for law enforcement?",
        "Labelling or filtering of lawfully acquired biometric datasets, such as images, based on "
        "biometric data or categorizing of biometric data in the area of law enforcement",
    )
    publicly_accessible_space: bool | None = _fact(
        "Art 5(1)(h)",
        "Is the system used in places open to the public, such as streets, stations or shops?",
        "Use in publicly accessible spaces (Art 3(44))",
        ep="EP Art 5(1)(d), Art 5(1)(dd)",
    )
    for_law_enforcement: bool | None = _fact(
        "Art 5(1)(h)",
        "Is the system used by or for the police or other authorities to prevent, investigate, "
        "detect or prosecute crime?",
        "For the purposes of law enforcement (Art 3(46))",
        ep="EP Art 5(1)(dc)",
    )
    rbi_objective: RBIObjective | None = _fact(
        "Art 5(1)(h)(i)-(iii)",
        "For which purpose, if any, is the real-time identification strictly necessary: searching "
        "for specific victims or missing persons, preventing an imminent threat to life or a "
        "terrorist attack, or finding a suspect of one of the serious crimes listed in Annex II?",
        "The objective for which the use is strictly necessary, or none",
    )
    rbi_safeguards_met: bool | None = _fact(
        "Art 5(2)-(5)",
        "Are all the conditions for each use met: a national law allowing it, prior authorisation "
        "by a court or independent authority (or, in urgency, within 24 hours), a fundamental "
        "rights impact assessment and registration?",
        "Use authorised by national law under Art 5(5), prior authorisation under Art 5(3), "
        "fundamental rights impact assessment and registration under Art 5(2)",
    )
    # --- European Parliament text of 14 June 2023: its longer Art 5(1) list ------------------
    approved_therapeutic_purpose_with_consent: bool | None = _fact(
        "EP Art 5(1)(ba)",
        "Is the categorisation used only for an approved therapeutic purpose, with the specific "
        "informed consent of the person or their legal guardian?",
        "Intended for approved therapeutical purposes on the basis of specific informed consent "
        "of the individuals exposed to them or, where applicable, of their legal guardian",
    )
    offence_risk_based_on_profiling_or_traits: bool | None = _fact(
        "EP Art 5(1)(da)",
        "Does the system assess the risk that a person commits a crime or an administrative "
        "offence from a profile of them, or from their personality traits and characteristics, "
        "their location or their past criminal behaviour?",
        "Risk assessments of natural persons or groups to assess their risk of (re-)offending, "
        "or to predict the occurrence or reoccurrence of an actual or potential criminal or "
        "administrative offence, based on profiling or on assessing personality traits and "
        "characteristics, including the person's location, or past criminal behaviour",
    )
    border_management: bool | None = _fact(
        "EP Art 5(1)(dc)",
        "Does the system infer people's emotions at border controls?",
        "Infer emotions of a natural person in the area of border management",
    )
    post_rbi_authorised_targeted_search: bool | None = _fact(
        "EP Art 5(1)(dd)",
        "Is the analysis of recorded footage authorised in advance by a court under EU law, and "
        "strictly necessary for a targeted search linked to a specific serious crime that has "
        "already taken place, for law enforcement?",
        "Subject to a pre-judicial authorisation in accordance with Union law and strictly "
        "necessary for the targeted search connected to a specific serious criminal offence, as "
        "defined in Art 83(1) TFEU, that already took place, for the purpose of law enforcement",
    )

    harmful_generation_intended_purpose: bool | None = _fact(
        "Art 5(1a)",
        "Is generating or altering such images or material what the system is intended for?",
        "The generation or manipulation of the material is the intended purpose of the system",
    )
    harmful_generation_foreseeable: bool | None = _fact(
        "Art 5(1a)",
        "Do the system's design, training or capabilities make such output something that can "
        "reasonably be expected and repeated, without significant technical changes to the system?",
        "Such output is a reasonably foreseeable and reproducible outcome without significant "
        "technical modification",
    )
    harmful_generation_safeguards: bool | None = _fact(
        "Art 5(1a)",
        "Has the system reasonable and adequate technical safeguards that reliably prevent such "
        "output and correct misuse?",
        "Reasonable and adequate technical safety measures and other safeguards to reliably "
        "prevent such output and to correct observed or reported misuse",
    )
    deployer_uses_for_harmful_generation: bool | None = _fact(
        "Art 5(1a)",
        "Do you, as the user of the system, use it to generate such images or material?",
        "The deployer uses the system for the purpose of generating such material",
    )
    depicted_persons_consent: bool | None = _fact(
        "Art 5(1)(ba)",
        "Has every identifiable person shown in the intimate images or videos given explicit, "
        "informed and freely given consent to their being generated or altered?",
        "The depicted natural person's freely given, specific, informed, unambiguous and explicit "
        "consent to the generation or manipulation",
    )
    manipulation_neither_exposes_nor_alters: bool | None = _fact(
        "Art 5(1b)",
        "Does the system only alter existing images or videos in ways that show no more of the "
        "person's intimate parts and do not change the nature of the sexual activity shown?",
        "Manipulation that does not increase the exposure of the intimate parts depicted or alter "
        "the nature of the sexually explicit activity depicted is not manipulation under "
        "Art 5(1)(ba)",
    )

    # --- Art 6(1) and Annex I --------------------------------------------------------------
    annex_i_legislation: SetOf[AnnexIAct] = _fact(
        "Art 6(1)(a), Annex I",
        "Which Union harmonisation legislation listed in Annex I covers the product?",
        "Union harmonisation legislation listed in Annex I covering the product of which the "
        "system is a safety component, or which the system itself is; empty means none, "
        "`section_a` or `section_b` an act of that section, not named",
        ep="EP Art 6(1), Annex II",
        ep_question="Which Union harmonisation legislation listed in Annex II covers the product?",
    )
    is_product_itself: bool | None = _fact(
        "Art 6(1)(a)",
        "Is the AI system itself the product that this legislation covers (rather than a part of "
        "it)?",
        "The AI system is itself a product covered by the Union harmonisation legislation",
        ep="EP Art 6(1)",
    )
    fulfils_safety_function: bool | None = _fact(
        "Art 3(14)",
        "Does the system perform a safety function for the product, or is it there to prevent or "
        "reduce risks to people's health and safety?",
        "Fulfils a safety function for that product or AI system",
        ep="EP Art 6(1)",
        ep_question=(
            "Does the system perform a safety function for the product?"
        ),
    )
    failure_endangers_health_safety: bool | None = _fact(
        "Art 3(14)",
        "Would it put people's health and safety, or property, at risk if the system failed or "
        "malfunctioned?",
        "Failure or malfunctioning endangers the health and safety of persons or property",
        ep="EP Art 6(1)",
    )
    solely_non_safety_functions: bool | None = _fact(
        "Art 6(1a)",
        "Is the system used only for user assistance, performance optimisation, service "
        "efficiency, automation, convenience or quality control, and for nothing that protects "
        "health or safety?",
        "Used solely for non-safety aspects of user assistance, performance optimisation, "
        "service efficiency, automation, convenience or quality control",
    )
    third_party_conformity_assessment: bool | None = _fact(
        "Art 6(1)(b)",
        "Does that legislation require the product to be checked by an independent conformity "
        "assessment body before it is sold (answer yes even where the manufacturer may instead "
        "apply harmonised standards and check it itself)?",
        "Required to undergo a third-party conformity assessment with a view to placing on the "
        "market or putting into service under the Annex I legislation",
        ep="EP Art 6(1)",
        ep_question=(
            "Does that legislation require the product to be checked by an independent conformity "
            "assessment body before it is sold?"
        ),
    )
    third_party_assessment_solely_non_safety: bool | None = _fact(
        "Art 6(1c)",
        "Is that independent check required only for risks other than health and safety (such as "
        "radio interference or data protection)?",
        "Third-party conformity assessment required solely for risks other than health and "
        "safety, such as radio-spectrum use or electromagnetic interference",
    )

    # --- Art 6(2), Annex III and Art 6(3) ----------------------------------------------------
    annex_iii_points: SetOf[AnnexIIIPoint] = _fact(
        "Art 6(2), Annex III",
        "Which points of Annex III does the intended purpose fall under?",
        "Points of Annex III that the intended purpose falls under; empty means none, an area "
        "number alone (`4`) some point of that area and `some` some point of the Annex, not "
        "known which",
    )
    critical_entity_deployer: bool | None = _fact(
        "Art 3(62)",
        "Is the infrastructure run by an organisation that an EU country has identified as a "
        "critical entity under Directive (EU) 2022/2557?",
        "The critical infrastructure belongs to an entity identified as a critical entity under "
        "Directive (EU) 2022/2557 (reading of the draft Commission guidelines, low confidence)",
    )

    @field_validator("annex_iii_points", mode="before")
    @classmethod
    def _points_as_text(cls, value: Any) -> Any:
        """Annex III points without a letter (`2`, written unquoted in YAML) are read as text."""
        if isinstance(value, list | tuple | set | frozenset):
            return [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
        if isinstance(value, Mapping):
            return {str(k) if isinstance(k, int) and not isinstance(k, bool) else k: v
                    for k, v in value.items()}
        return value

    biometric_verification_only: bool | None = _fact(
        "Annex III 1(a)",
        "Is the system's only purpose to confirm that a person is who they claim to be (for "
        "example to unlock a phone or pass a gate)?",
        "Biometric verification the sole purpose of which is to confirm that a specific natural "
        "person is the person he or she claims to be",
        ep="EP Annex III 1",
    )
    financial_fraud_detection: bool | None = _fact(
        "Annex III 5(b)",
        "Is the system used to detect financial fraud?",
        "Used for the purpose of detecting financial fraud",
        ep="EP Annex III 5",
    )
    used_by_public_authority: bool | None = _fact(
        "Annex III 5(a), 6, 7",
        "Is the system used by, or on behalf of, public authorities or EU bodies?",
        "Intended to be used by or on behalf of public authorities, or by Union institutions, "
        "bodies, offices or agencies",
    )
    travel_document_verification: bool | None = _fact(
        "Annex III 7(d)",
        "Is the system used only to check that travel documents are genuine?",
        "Verification of travel documents",
        ep="EP Annex III 7",
    )
    output_not_directly_exposed: bool | None = _fact(
        "Annex III 8(b)",
        "Is the system a tool whose output people are not directly exposed to, such as a tool to "
        "organise, optimise or structure political campaigns behind the scenes?",
        "AI systems to the output of which natural persons are not directly exposed",
        ep="EP Annex III 8(aa)",
    )
    narrow_procedural_task: bool | None = _fact(
        "Art 6(3)(a)",
        "Is the system meant only to perform a narrow procedural task (for example turning "
        "unstructured data into structured data, or sorting incoming documents into categories)?",
        "Intended to perform a narrow procedural task",
    )
    improves_completed_human_activity: bool | None = _fact(
        "Art 6(3)(b)",
        "Is the system meant only to improve the result of work a person has already completed "
        "(for example polishing the wording of a text)?",
        "Intended to improve the result of a previously completed human activity",
    )
    detects_decision_patterns: bool | None = _fact(
        "Art 6(3)(c)",
        "Is the system meant only to detect patterns in past decisions, or departures from them, "
        "without replacing or influencing the human assessment already made unless a person "
        "reviews it properly?",
        "Intended to detect decision-making patterns or deviations from prior decision-making "
        "patterns and not meant to replace or influence the previously completed human "
        "assessment, without proper human review",
    )
    preparatory_task: bool | None = _fact(
        "Art 6(3)(d)",
        "Is the system meant only to do preparatory work for an assessment in one of the Annex III "
        "uses (for example indexing, searching or translating files)?",
        "Intended to perform a preparatory task to an assessment relevant for the purposes of "
        "the use cases listed in Annex III",
    )
    significant_risk_of_harm: bool | None = _fact(
        "Art 6(3)",
        "Could the system seriously harm people's health, safety or fundamental rights, including "
        "by materially influencing the outcome of decisions?",
        "Poses a significant risk of harm to the health, safety or fundamental rights of natural "
        "persons, including by materially influencing the outcome of decision making",
        ep="EP Art 6(2)",
        ep_question=(
            "Could the system seriously harm people's health, safety or fundamental rights?"
        ),
    )
    profiling: bool | None = _fact(
        "Art 6(3), Art 3(52)",
        "Does the system profile people: use their personal data to evaluate them automatically, "
        "for instance to predict their work performance, finances, health, preferences, "
        "reliability, behaviour or movements?",
        "Performs profiling of natural persons within the meaning of Art 4(4) of Regulation (EU) "
        "2016/679",
    )

    significant_risk_of_harm_to_environment: bool | None = _fact(
        "EP Art 6(2)",
        "Could the critical-infrastructure system seriously harm the environment?",
        "AI systems falling under Annex III point 2 that pose a significant risk of harm to the "
        "environment",
    )
    specialises_foundation_model: bool | None = _fact(
        "EP Art 28b(4)",
        "Did the provider build the system by specialising a foundation model (a large model "
        "trained on broad data) into it?",
        "Providers who specialise a foundation model into a generative AI system",
    )
    vlop_recommender_system: bool | None = _fact(
        "EP Annex III 8(ab)",
        "Is the system used by a social media platform designated as a very large online platform "
        "(Art 33 of Regulation (EU) 2022/2065) to recommend content posted by users?",
        "Used by social media platforms designated as very large online platforms within the "
        "meaning of Art 33 of Regulation (EU) 2022/2065 in their recommender systems to "
        "recommend to the recipient of the service user-generated content available on the "
        "platform",
    )

    # --- Art 50: transparency ----------------------------------------------------------------
    interacts_with_natural_persons: bool | None = _fact(
        "Art 50(1)",
        "Is the system meant to interact directly with people, for example as a chatbot or voice "
        "assistant?",
        "AI system intended to interact directly with natural persons",
        ep="EP Art 52(1)",
        ep_question=(
            "Is the system meant to interact with people?"
        ),
    )
    interaction_obvious: bool | None = _fact(
        "Art 50(1)",
        "Would a reasonably well-informed, observant and careful person see without being told "
        "that they are dealing with an AI system?",
        "Obvious from the point of view of a natural person who is reasonably well-informed, "
        "observant and circumspect, taking into account the circumstances and the context",
        ep="EP Art 52(1)",
    )
    authorised_by_law_for_criminal_offences: bool | None = _fact(
        "Art 50(1)-(4)",
        "Is the system authorised by law to detect, prevent, investigate or prosecute crimes?",
        "AI systems authorised by law to detect, prevent, investigate or prosecute criminal "
        "offences, subject to appropriate safeguards",
        ep="EP Art 52(1)-(3a)",
    )
    available_to_public_to_report_crime: bool | None = _fact(
        "Art 50(1)",
        "Can members of the public use the system to report a crime?",
        "Those systems are available for the public to report a criminal offence",
        ep="EP Art 52(1)",
    )
    generates_synthetic_content: bool | None = _fact(
        "Art 50(2)",
        "Does the system generate synthetic audio, images, video or text?",
        "AI systems, including general-purpose AI systems, generating synthetic audio, image, "
        "video or text content",
        ep="EP Art 28b(4)",
        ep_question=(
            "Does the system generate content such as complex text, images, audio or video?"
        ),
    )
    assistive_editing_only: bool | None = _fact(
        "Art 50(2)",
        "Does the system only help with standard editing, or leave the input and its meaning "
        "substantially unchanged (such as a spelling corrector)?",
        "Perform an assistive function for standard editing or do not substantially alter the "
        "input data provided by the deployer or the semantics thereof",
    )
    generates_deep_fakes: bool | None = _fact(
        "Art 50(4)",
        "Does the system generate or alter images, audio or video that resemble real people, "
        "objects, places or events and would falsely appear to be authentic or truthful (deep "
        "fakes)?",
        "Generates or manipulates image, audio or video content constituting a deep fake "
        "(Art 3(60))",
        ep="EP Art 52(3)",
        ep_question=(
            "Does the system generate or alter images, audio or video that falsely appear "
            "authentic and show people saying or doing things they did not (deep fakes)?"
        ),
    )
    evidently_artistic_or_satirical: bool | None = _fact(
        "Art 50(4)",
        "Is the content part of a work that is evidently artistic, creative, satirical, fictional "
        "or similar?",
        "Content forms part of an evidently artistic, creative, satirical, fictional or "
        "analogous work or programme",
        ep="EP Art 52(3a)",
    )
    generates_public_interest_text: bool | None = _fact(
        "Art 50(4)",
        "Does the system generate or alter text that is published to inform the public on matters "
        "of public interest?",
        "Generates or manipulates text which is published with the purpose of informing the "
        "public on matters of public interest",
    )
    human_editorial_responsibility: bool | None = _fact(
        "Art 50(4)",
        "Is the text reviewed or edited by a person, with a person or organisation holding "
        "editorial responsibility for its publication?",
        "AI-generated content has undergone a process of human review or editorial control and "
        "a natural or legal person holds editorial responsibility for the publication",
    )
    emotion_recognition_or_biometric_categorisation: bool | None = _fact(
        "Art 50(3)",
        "Does the system recognise or infer people's emotions or intentions from their face, voice "
        "or other biometric data, or sort people into categories from such data? Physical states "
        "such as pain or fatigue are not emotions.",
        "Emotion recognition system (Art 3(39)) or biometric categorisation system (Art 3(40))",
        ep="EP Art 52(2), Annex III 1(aa)",
    )

    # --- Operators, value chain and time -----------------------------------------------------
    placed_on_market_on: dt.date | None = _fact(
        "Art 111(2)",
        "On what date was the system first sold, supplied or put into use (or, if it is not yet, "
        "on what date will it be)?",
        "Date on which the system was placed on the market or put into service",
        amended="Art 111(2), Art 111(4)",
    )
    significant_design_change_after_cutoff: bool | None = _fact(
        "Art 111(2)",
        "Has the system's design changed significantly since the date from which the high-risk "
        "rules apply to it (2 Aug 2026 in the 2024 text; 2 Dec 2027 for Annex III systems and 2 "
        "Aug 2028 for Annex I products as amended in 2026)?",
        "Subject to significant changes in its design as from the date of application of the "
        "high-risk rules; assessed per type and model",
    )
    annex_x_component: bool | None = _fact(
        "Art 111(1), Annex X",
        "Is the system part of one of the large EU IT systems for freedom, security and justice "
        "listed in Annex X (such as SIS, VIS, Eurodac, EES, ETIAS or ECRIS-TCN)?",
        "Component of a large-scale IT system established by the legal acts listed in Annex X",
    )
    provider_established_in_third_country: bool | None = _fact(
        "Art 22(1)",
        "Is the provider of the system based outside the EU?",
        "Provider established in a third country",
    )
    deployer_is_public_body: bool | None = _fact(
        "Art 27(1), Art 49(3)",
        "Is the organisation using the system a public body (governed by public law), or an EU "
        "institution, body, office or agency?",
        "Deployers that are bodies governed by public law, or Union institutions, bodies, "
        "offices or agencies",
        ep="EP Art 51(1a)",
    )
    deployer_provides_public_services: bool | None = _fact(
        "Art 27(1)",
        "Is the organisation using the system a private company that provides public services "
        "(such as education, healthcare, social services or housing)?",
        "Private entities providing public services",
    )
    used_at_workplace: bool | None = _fact(
        "Art 26(7)",
        "Will the deployer's own workers be subject to the system, or work with it, at the "
        "deployer's workplace?",
        "Deployers who are employers putting into service or using a high-risk AI system at "
        "the workplace",
        ep="EP Art 29(5a)",
    )
    puts_name_on_high_risk_system: bool | None = _fact(
        "Art 25(1)(a)",
        "Do you put your own name or trademark on a high-risk system that is already on the market "
        "or in use?",
        "Puts their name or trademark on a high-risk AI system already placed on the market or "
        "put into service",
        ep="EP Art 28(1)(a)",
    )
    substantial_modification: bool | None = _fact(
        "Art 25(1)(b)",
        "Do you make a substantial change to a high-risk system already on the market or in use "
        "(one its provider did not plan for), such that it is still high-risk?",
        "Makes a substantial modification to a high-risk AI system already placed on the market "
        "in such a way that it remains a high-risk AI system",
        ep="EP Art 28(1)(b)",
    )
    changes_purpose_to_high_risk: bool | None = _fact(
        "Art 25(1)(c)",
        "Do you change what a system is used for (a general-purpose one included) that was not "
        "high-risk, in a way that makes it high-risk?",
        "Modifies the intended purpose of an AI system, including a general-purpose AI system, "
        "which has not been classified as high-risk, in such a way that it becomes high-risk",
    )
    substantial_modification_to_high_risk: bool | None = _fact(
        "EP Art 28(1)(ba)",
        "Do you make a substantial change to a system that was not high-risk (a general-purpose "
        "one included), so that it becomes high-risk?",
        "Makes a substantial modification to an AI system, including a general purpose AI "
        "system, which has not been classified as high-risk, in such a way that the system "
        "becomes a high-risk AI system",
    )
    another_operator_became_provider: bool | None = _fact(
        "Art 25(2)",
        "Has another company become the provider of your system by putting its name on it, "
        "substantially changing it or changing its purpose so that it is high-risk?",
        "Where another operator is considered the provider under Art 25(1), the provider that "
        "initially placed the AI system on the market or put it into service is no longer "
        "considered its provider",
        ep="EP Art 28(2)",
        ep_question=(
            "Has another company become the provider of your system by putting its name on it or "
            "substantially changing it?"
        ),
    )
    deployer_is_gatekeeper: bool | None = _fact(
        "EP Art 51(1a)(b)",
        "Is the organisation using the system a gatekeeper under the Digital Markets Act "
        "(Regulation (EU) 2022/1925)?",
        "Deployers that are undertakings designated as a gatekeeper under Regulation (EU) "
        "2022/1925 (Digital Markets Act)",
    )
    enterprise_size: EnterpriseSize | None = _fact(
        "Art 99(6), Art 3(14b)",
        "Is the operator a small or medium-sized enterprise (SME), a small mid-cap, or larger?",
        "Size of the undertaking, for the lower-of rule on fines",
    )


Description = SystemDescription | ModelDescription
"""What :func:`aiact_tiers.classify` accepts."""


def fact_info(name: str, act: str | None = None) -> dict[str, str]:
    """The provision and question text of a fact, for open questions and interviews.

    A fact that another text (``act``, as a ruleset names it) numbers or words differently gives
    that text's provision and question.
    """
    for model in (SystemDescription, ModelDescription):
        field = model.model_fields.get(name)
        if field is not None and isinstance(field.json_schema_extra, dict):
            extra = field.json_schema_extra
            texts = extra.get("texts") or {}
            assert isinstance(texts, dict)
            text = texts.get(act, extra) if act is not None else extra
            assert isinstance(text, dict)
            return {
                "provision": str(text["provision"]),
                "question": str(text["question"]),
                "description": field.description or "",
            }
    raise KeyError(name)


MAX_DESCRIPTION_BYTES = 10 * 1024 * 1024
"""The largest description file :func:`load_description` reads; larger files are refused."""


def load_description(source: str | Path | dict[str, Any]) -> Description:
    """Validate a description from a dict, or from a YAML or JSON file.

    A mapping with ``kind: model`` is a :class:`ModelDescription`; anything else a
    :class:`SystemDescription`. Every problem, from an unreadable file to a wrong value, is a
    :class:`~aiact_tiers.DescriptionError`.
    """
    from pydantic import ValidationError

    data = source if isinstance(source, dict) else _read_description(Path(source))
    if not isinstance(data, dict):
        raise DescriptionError(f"`{source}` must hold a mapping of facts")
    model = ModelDescription if data.get("kind") == "model" else SystemDescription
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields = SystemDescription.model_fields.keys() | ModelDescription.model_fields.keys()
        raise DescriptionError.from_validation(exc, fields) from None


def _read_description(path: Path) -> Any:
    """The data of a YAML or JSON file: see :func:`read_description_data`."""
    try:
        with path.open("rb") as stream:
            return read_description_data(stream, str(path), as_json=path.suffix == ".json")
    except OSError as exc:
        raise DescriptionError(f"cannot read `{path}`: {exc.strerror}") from None


def read_description_data(stream: BinaryIO, source: str, *, as_json: bool = False) -> Any:
    """The data of a YAML (or JSON) description read from ``stream``: bounded in size, strict
    UTF-8, no duplicate keys; DescriptionError naming ``source`` otherwise."""
    raw = stream.read(MAX_DESCRIPTION_BYTES + 1)
    if len(raw) > MAX_DESCRIPTION_BYTES:
        raise DescriptionError(f"`{source}` is larger than {MAX_DESCRIPTION_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DescriptionError(f"`{source}` is not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise DescriptionError(f"`{source}` is empty")
    if not as_json:
        try:
            return read_yaml(text, source)
        except RuleFileError as exc:
            raise DescriptionError(exc.message) from None
    try:
        return json.loads(text, object_pairs_hook=unique_keys, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise DescriptionError(f"{source}:{exc.lineno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise DescriptionError(f"{source}: {exc}") from None
