"""Results: what a classification answers, as pydantic models.

The tier, its legal basis, the obligations per role and phase, the questions still open and
the presumptions made (:mod:`.classification`), and the hook through which a renderer shows
them (:mod:`.display`). Both the engine and the law build these; nothing here evaluates a rule.
"""

from .classification import (
    Assumption,
    Citation,
    Classification,
    ModelClass,
    Obligation,
    OpenQuestion,
    Phase,
    RuledOut,
    RuleHit,
    Status,
    Tier,
)

__all__ = [
    "Assumption",
    "Citation",
    "Classification",
    "ModelClass",
    "Obligation",
    "OpenQuestion",
    "Phase",
    "RuleHit",
    "RuledOut",
    "Status",
    "Tier",
]
