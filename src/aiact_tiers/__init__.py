"""aiact_tiers: where an AI system stands under the EU AI Act.

Describe a system with the facts the law asks, then ``classify`` it: the result gives its risk
tier, the provisions that fired, the obligations per role and lifecycle phase with their dates,
and the questions still open. ``compare`` and ``history`` set the results of several versions of
the law side by side.
"""

from .batch import BatchResult, RowError, classify_many
from .classify import classify
from .compare import Comparison, Counterpart, ObligationDifference, compare
from .crosswalk import CrosswalkEntry, crosswalk
from .errors import (
    AiactTiersError,
    DateOutOfRangeError,
    DescriptionError,
    RuleConflictError,
    RuleFileError,
    UnknownRulesetError,
)
from .facts import (
    AnnexIAct,
    AnnexIIIPoint,
    Description,
    DistributionChannel,
    EnterpriseSize,
    ModelDescription,
    Practice,
    RBIObjective,
    Role,
    SystemDescription,
    load_description,
)
from .history import History, HistoryEntry, history
from .penalties import PenaltyExposure, penalties
from .result import (
    Citation,
    Classification,
    ModelClass,
    Obligation,
    OpenQuestion,
    Phase,
    RuleHit,
    Status,
    Tier,
)
from .ruleset import DEFAULT_RULESET, RuleSet, list_rulesets, load_ruleset, load_ruleset_overlay

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_RULESET",
    "AiactTiersError",
    "AnnexIAct",
    "AnnexIIIPoint",
    "BatchResult",
    "Citation",
    "Classification",
    "Comparison",
    "Counterpart",
    "CrosswalkEntry",
    "DateOutOfRangeError",
    "Description",
    "DescriptionError",
    "DistributionChannel",
    "EnterpriseSize",
    "History",
    "HistoryEntry",
    "ModelClass",
    "ModelDescription",
    "Obligation",
    "ObligationDifference",
    "OpenQuestion",
    "PenaltyExposure",
    "Phase",
    "Practice",
    "RBIObjective",
    "Role",
    "RowError",
    "RuleConflictError",
    "RuleFileError",
    "RuleHit",
    "RuleSet",
    "Status",
    "SystemDescription",
    "Tier",
    "UnknownRulesetError",
    "__version__",
    "classify",
    "classify_many",
    "compare",
    "crosswalk",
    "history",
    "list_rulesets",
    "load_description",
    "load_ruleset",
    "load_ruleset_overlay",
    "penalties",
]
