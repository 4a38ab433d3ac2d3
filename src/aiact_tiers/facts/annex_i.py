"""The facts of products: Art 6(1) and Annex I.

The Union harmonisation legislation of Annex I that covers the product (EP Annex II), whether the
system is the product or its safety component (Art 3(14)), whether the product needs a
third-party conformity assessment (Art 6(1)(b)), and the 2026 text's exclusions for non-safety
functions (Art 6(1a), Art 6(1c)).
"""

from .fields import Facts, SetOf, fact
from .vocabulary import AnnexIAct

__all__ = ["AnnexIFacts"]


class AnnexIFacts(Facts):
    """The facts of Art 6(1) and Annex I: a product, or a safety component of one."""

    # --- Art 6(1) and Annex I --------------------------------------------------------------
    annex_i_legislation: SetOf[AnnexIAct] = fact(
        "Art 6(1)(a), Annex I",
        "Which Union harmonisation legislation listed in Annex I covers the product?",
        "Union harmonisation legislation listed in Annex I covering the product of which the "
        "system is a safety component, or which the system itself is; empty means none, "
        "`section_a` or `section_b` an act of that section, not named",
        ep="EP Art 6(1), Annex II",
        ep_question="Which Union harmonisation legislation listed in Annex II covers the product?",
    )
    is_product_itself: bool | None = fact(
        "Art 6(1)(a)",
        "Is the AI system itself the product that this legislation covers (rather than a part of "
        "it)?",
        "The AI system is itself a product covered by the Union harmonisation legislation",
        ep="EP Art 6(1)",
    )
    fulfils_safety_function: bool | None = fact(
        "Art 3(14)",
        "Does the system perform a safety function for the product, or is it there to prevent or "
        "reduce risks to people's health and safety?",
        "Fulfils a safety function for that product or AI system",
        ep="EP Art 6(1)",
        ep_question=(
            "Does the system perform a safety function for the product?"
        ),
    )
    failure_endangers_health_safety: bool | None = fact(
        "Art 3(14)",
        "Would it put people's health and safety, or property, at risk if the system failed or "
        "malfunctioned?",
        "Failure or malfunctioning endangers the health and safety of persons or property",
        ep="EP Art 6(1)",
    )
    solely_non_safety_functions: bool | None = fact(
        "Art 6(1a)",
        "Is the system used only for user assistance, performance optimisation, service "
        "efficiency, automation, convenience or quality control, and for nothing that protects "
        "health or safety?",
        "Used solely for non-safety aspects of user assistance, performance optimisation, "
        "service efficiency, automation, convenience or quality control",
    )
    third_party_conformity_assessment: bool | None = fact(
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
    third_party_assessment_solely_non_safety: bool | None = fact(
        "Art 6(1c)",
        "Is that independent check required only for risks other than health and safety (such as "
        "radio interference or data protection)?",
        "Third-party conformity assessment required solely for risks other than health and "
        "safety, such as radio-spectrum use or electromagnetic interference",
    )
