"""The facts of scope: whether the system is an AI system (Art 3(1)) and whether the Act applies
to it (Art 2).

Placing on the Union market, a deployer or an output in the Union (Art 2(1)); the exclusions for
military, defence and national security (Art 2(3)), for third-country authorities cooperating
with the Union (Art 2(4)), for scientific research (Art 2(6)), for research and testing before
placing on the market (Art 2(8)), for purely personal use (Art 2(10)) and for free and
open-source licences (Art 2(12); EP Art 2(5e)).
"""

from .fields import Facts, fact

__all__ = ["ScopeFacts"]


class ScopeFacts(Facts):
    """The facts of Art 3(1) and Art 2: is it an AI system, and is it in scope."""

    # --- Art 3(1) and Art 2: is it an AI system, and is it in scope -------------------------
    infers_outputs_from_input: bool | None = fact(
        "Art 3(1)",
        "Does the system work out from the data it receives how to produce its outputs (such as "
        "predictions, content, recommendations or decisions), rather than only follow rules that "
        "people wrote for it?",
        "Machine-based system designed to operate with varying levels of autonomy that, for "
        "explicit or implicit objectives, infers from the input it receives how to generate "
        "outputs that can influence physical or virtual environments",
    )
    placed_on_union_market: bool | None = fact(
        "Art 2(1)(a)",
        "Is the system sold, supplied or put into use in the EU, wherever its provider is based?",
        "Placed on the market or put into service in the Union, wherever the provider is "
        "established",
    )
    deployer_in_union: bool | None = fact(
        "Art 2(1)(b)",
        "Is the organisation or person using the system based or located in the EU?",
        "Deployer that has its place of establishment or is located within the Union",
    )
    output_used_in_union: bool | None = fact(
        "Art 2(1)(c)",
        "Are the system's outputs (its predictions, content, recommendations or decisions) used in "
        "the EU?",
        "Output produced by the AI system used in the Union",
    )
    exclusively_military_defence_national_security: bool | None = fact(
        "Art 2(3)",
        "Is the system supplied or used only for military, defence or national security purposes?",
        "Exclusively for military, defence or national security purposes",
    )
    exclusively_military_purposes: bool | None = fact(
        "EP Art 2(3)",
        "Is the system developed or used only for military purposes?",
        "Developed or used exclusively for military purposes (the 2023 text names neither defence "
        "nor national security)",
    )
    third_country_authority_cooperation: bool | None = fact(
        "Art 2(4)",
        "Is the system used by a public authority of a country outside the EU, or by an "
        "international organisation, under an agreement with the EU or its countries on police or "
        "judicial cooperation?",
        "Public authority in a third country or international organisation using AI systems in "
        "the framework of international cooperation or agreements for law enforcement and "
        "judicial cooperation with the Union or Member States",
    )
    adequate_fundamental_rights_safeguards: bool | None = fact(
        "Art 2(4)",
        "Does that authority or organisation give adequate safeguards for people's fundamental "
        "rights and freedoms?",
        "Provides adequate safeguards with respect to the protection of fundamental rights and "
        "freedoms of individuals",
    )
    sole_purpose_scientific_research: bool | None = fact(
        "Art 2(6)",
        "Was the system built and put into use only for scientific research and development?",
        "Specifically developed and put into service for the sole purpose of scientific research "
        "and development",
    )
    pre_market_research_or_testing: bool | None = fact(
        "Art 2(8)",
        "Is the system only being researched, tested or developed, before it is sold or put into "
        "use?",
        "Research, testing or development activity regarding AI systems prior to their being "
        "placed on the market or put into service",
        ep="EP Art 2(5d)",
    )
    testing_in_real_world_conditions: bool | None = fact(
        "Art 2(8)",
        "Is the system being tested in real-world conditions, outside a lab or test environment?",
        "Testing in real world conditions (not covered by the research exclusion)",
        ep="EP Art 2(5d)",
    )
    purely_personal_non_professional_use: bool | None = fact(
        "Art 2(10)",
        "Is the system used by a private individual only for personal purposes, not for work or "
        "business?",
        "Deployers who are natural persons using AI systems in the course of a purely personal "
        "non-professional activity",
    )
    free_open_source_licence: bool | None = fact(
        "Art 2(12)",
        "Is the system released under a free and open-source licence?",
        "AI system released under free and open-source licences",
        ep="EP Art 2(5e)",
        ep_question=(
            "Is the system an AI component provided under a free and open-source licence?"
        ),
    )
