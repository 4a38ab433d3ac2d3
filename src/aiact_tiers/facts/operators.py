"""The facts of operators, the value chain and time.

The dates of placing on the market and of significant design changes (Art 111), large-scale IT
systems of Annex X (Art 111(1)), the provider outside the Union (Art 22), the deployer (Art 26(7),
Art 27(1), Art 49(3); EP Art 51(1a)), who becomes a provider along the value chain (Art 25(1),
Art 25(2); EP Art 28), and the size of the operator for fines (Art 99(6), Art 3(14b)).
"""

import datetime as dt

from .fields import Facts, fact
from .vocabulary import EnterpriseSize

__all__ = ["OperatorFacts"]


class OperatorFacts(Facts):
    """The facts of the operators, the value chain and time."""

    # --- Operators, value chain and time -----------------------------------------------------
    placed_on_market_on: dt.date | None = fact(
        "Art 111(2)",
        "On what date was the system first sold, supplied or put into use (or, if it is not yet, "
        "on what date will it be)?",
        "Date on which the system was placed on the market or put into service",
        amended="Art 111(2), Art 111(4)",
    )
    significant_design_change_after_cutoff: bool | None = fact(
        "Art 111(2)",
        "Has the system's design changed significantly since the date from which the high-risk "
        "rules apply to it (2 Aug 2026 in the 2024 text; 2 Dec 2027 for Annex III systems and 2 "
        "Aug 2028 for Annex I products as amended in 2026)?",
        "Subject to significant changes in its design as from the date of application of the "
        "high-risk rules; assessed per type and model",
    )
    annex_x_component: bool | None = fact(
        "Art 111(1), Annex X",
        "Is the system part of one of the large EU IT systems for freedom, security and justice "
        "listed in Annex X (such as SIS, VIS, Eurodac, EES, ETIAS or ECRIS-TCN)?",
        "Component of a large-scale IT system established by the legal acts listed in Annex X",
    )
    provider_established_in_third_country: bool | None = fact(
        "Art 22(1)",
        "Is the provider of the system based outside the EU?",
        "Provider established in a third country",
        ep="EP Art 25",
    )
    deployer_is_public_body: bool | None = fact(
        "Art 26(8), Art 27(1), Art 49(3)",
        "Is the organisation using the system a public body (governed by public law), or an EU "
        "institution, body, office or agency?",
        "Deployers that are bodies governed by public law, or Union institutions, bodies, "
        "offices or agencies",
        ep="EP Art 51(1a)",
    )
    deployer_acts_for_public_body: bool | None = fact(
        "Art 49(3)",
        "Does the organisation using the system do so on behalf of a public authority or an EU "
        "institution, body, office or agency?",
        "Deployers acting on behalf of public authorities or of Union institutions, bodies, "
        "offices or agencies",
        ep="EP Art 51(1a)",
    )
    deployer_provides_public_services: bool | None = fact(
        "Art 27(1)",
        "Is the organisation using the system a private company that provides public services "
        "(such as education, healthcare, social services or housing)?",
        "Private entities providing public services",
    )
    used_at_workplace: bool | None = fact(
        "Art 26(7)",
        "Will the deployer's own workers be subject to the system, or work with it, at the "
        "deployer's workplace?",
        "Deployers who are employers putting into service or using a high-risk AI system at "
        "the workplace",
        ep="EP Art 29(5a)",
    )
    puts_name_on_high_risk_system: bool | None = fact(
        "Art 25(1)(a)",
        "Do you put your own name or trademark on a high-risk system that is already on the market "
        "or in use?",
        "Puts their name or trademark on a high-risk AI system already placed on the market or "
        "put into service",
        ep="EP Art 28(1)(a)",
    )
    substantial_modification: bool | None = fact(
        "Art 25(1)(b)",
        "Do you make a substantial change to a high-risk system already on the market or in use "
        "(one its provider did not plan for), such that it is still high-risk?",
        "Makes a substantial modification to a high-risk AI system already placed on the market "
        "in such a way that it remains a high-risk AI system",
        ep="EP Art 28(1)(b)",
    )
    changes_purpose_to_high_risk: bool | None = fact(
        "Art 25(1)(c)",
        "Do you change what a system is used for (a general-purpose one included) that was not "
        "high-risk, in a way that makes it high-risk?",
        "Modifies the intended purpose of an AI system, including a general-purpose AI system, "
        "which has not been classified as high-risk, in such a way that it becomes high-risk",
    )
    substantial_modification_to_high_risk: bool | None = fact(
        "EP Art 28(1)(ba)",
        "Do you make a substantial change to a system that was not high-risk (a general-purpose "
        "one included), so that it becomes high-risk?",
        "Makes a substantial modification to an AI system, including a general purpose AI "
        "system, which has not been classified as high-risk, in such a way that the system "
        "becomes a high-risk AI system",
    )
    another_operator_became_provider: bool | None = fact(
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
    deployer_is_gatekeeper: bool | None = fact(
        "EP Art 51(1a)(b)",
        "Is the organisation using the system a gatekeeper under the Digital Markets Act "
        "(Regulation (EU) 2022/1925)?",
        "Deployers that are undertakings designated as a gatekeeper under Regulation (EU) "
        "2022/1925 (Digital Markets Act)",
    )
    enterprise_size: EnterpriseSize | None = fact(
        "Art 99(6), Art 3(14b)",
        "Is the operator a small or medium-sized enterprise (SME), a small mid-cap, or larger?",
        "Size of the undertaking, for the lower-of rule on fines",
    )
