"""The facts of the high-risk uses: Art 6(2), Annex III and the derogation of Art 6(3).

The points of Annex III the intended purpose falls under, the carve-outs within them (Annex III
1(a), 5(b), 7(d), 8(b)), the conditions of the derogation (Art 6(3)(a)-(d)), significant risk of
harm and profiling (Art 6(3)), and the European Parliament's 2023 additions (EP Art 6(2), EP Art
28b(4), EP Annex III 8(ab)).
"""

from collections.abc import Mapping
from typing import Any

from pydantic import field_validator

from .fields import Facts, SetOf, fact
from .vocabulary import AnnexIIIPoint

__all__ = ["AnnexIIIFacts"]


class AnnexIIIFacts(Facts):
    """The facts of Art 6(2), Annex III and Art 6(3): a high-risk use, or its derogation."""

    # --- Art 6(2), Annex III and Art 6(3) ----------------------------------------------------
    annex_iii_points: SetOf[AnnexIIIPoint] = fact(
        "Art 6(2), Annex III",
        "Which points of Annex III does the intended purpose fall under?",
        "Points of Annex III that the intended purpose falls under; empty means none, an area "
        "number alone (`4`) some point of that area and `some` some point of the Annex, not "
        "known which",
    )
    critical_entity_deployer: bool | None = fact(
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

    biometric_verification_only: bool | None = fact(
        "Annex III 1(a)",
        "Is the system's only purpose to confirm that a person is who they claim to be (for "
        "example to unlock a phone or pass a gate)?",
        "Biometric verification the sole purpose of which is to confirm that a specific natural "
        "person is the person he or she claims to be",
        ep="EP Annex III 1",
    )
    financial_fraud_detection: bool | None = fact(
        "Annex III 5(b)",
        "Is the system used to detect financial fraud?",
        "Used for the purpose of detecting financial fraud",
        ep="EP Annex III 5",
    )
    used_by_public_authority: bool | None = fact(
        "Annex III 5(a), 7",
        "Is the system used by, or on behalf of, public authorities or EU bodies?",
        "Intended to be used by or on behalf of public authorities, or by Union institutions, "
        "bodies, offices or agencies",
    )
    for_migration_asylum_border_control: bool | None = fact(
        "Art 49(4)",
        "Is the system used by or for the authorities in charge of migration, asylum or border "
        "control?",
        "Used in the areas of migration, asylum and border control management (a point 1 system "
        "then registers in the secure non-public section of the EU database)",
    )
    travel_document_verification: bool | None = fact(
        "Annex III 7(d)",
        "Is the system used only to check that travel documents are genuine?",
        "Verification of travel documents",
        ep="EP Annex III 7",
    )
    output_not_directly_exposed: bool | None = fact(
        "Annex III 8(b)",
        "Is the system a tool whose output people are not directly exposed to, such as a tool to "
        "organise, optimise or structure political campaigns behind the scenes?",
        "AI systems to the output of which natural persons are not directly exposed",
        ep="EP Annex III 8(aa)",
    )
    narrow_procedural_task: bool | None = fact(
        "Art 6(3)(a)",
        "Is the system meant only to perform a narrow procedural task (for example turning "
        "unstructured data into structured data, or sorting incoming documents into categories)?",
        "Intended to perform a narrow procedural task",
    )
    improves_completed_human_activity: bool | None = fact(
        "Art 6(3)(b)",
        "Is the system meant only to improve the result of work a person has already completed "
        "(for example polishing the wording of a text)?",
        "Intended to improve the result of a previously completed human activity",
    )
    detects_decision_patterns: bool | None = fact(
        "Art 6(3)(c)",
        "Is the system meant only to detect patterns in past decisions, or departures from them, "
        "without replacing or influencing the human assessment already made unless a person "
        "reviews it properly?",
        "Intended to detect decision-making patterns or deviations from prior decision-making "
        "patterns and not meant to replace or influence the previously completed human "
        "assessment, without proper human review",
    )
    preparatory_task: bool | None = fact(
        "Art 6(3)(d)",
        "Is the system meant only to do preparatory work for an assessment in one of the Annex III "
        "uses (for example indexing, searching or translating files)?",
        "Intended to perform a preparatory task to an assessment relevant for the purposes of "
        "the use cases listed in Annex III",
    )
    significant_risk_of_harm: bool | None = fact(
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
    profiling: bool | None = fact(
        "Art 6(3), Art 3(52)",
        "Does the system profile people: use their personal data to evaluate them automatically, "
        "for instance to predict their work performance, finances, health, preferences, "
        "reliability, behaviour or movements?",
        "Performs profiling of natural persons within the meaning of Art 4(4) of Regulation (EU) "
        "2016/679",
    )

    significant_risk_of_harm_to_environment: bool | None = fact(
        "EP Art 6(2)",
        "Could the critical-infrastructure system seriously harm the environment?",
        "AI systems falling under Annex III point 2 that pose a significant risk of harm to the "
        "environment",
    )
    specialises_foundation_model: bool | None = fact(
        "EP Art 28b(4)",
        "Did the provider build the system by specialising a foundation model (a large model "
        "trained on broad data) into it?",
        "Providers who specialise a foundation model into a generative AI system",
    )
    vlop_recommender_system: bool | None = fact(
        "EP Annex III 8(ab)",
        "Is the system used by a social media platform designated as a very large online platform "
        "(Art 33 of Regulation (EU) 2022/2065) to recommend content posted by users?",
        "Used by social media platforms designated as very large online platforms within the "
        "meaning of Art 33 of Regulation (EU) 2022/2065 in their recommender systems to "
        "recommend to the recipient of the service user-generated content available on the "
        "platform",
    )
