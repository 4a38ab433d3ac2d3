"""aiact_tiers: where an AI system stands under the EU AI Act.

Describe a system with the facts the law asks, then ``classify`` it: the result gives its risk
tier, the provisions that fired, the obligations per role and lifecycle phase with their dates,
and the questions still open. ``compare`` and ``history`` set the results of several versions of
the law side by side.
"""

import importlib
from typing import TYPE_CHECKING, Any

from .decision.classify import classify
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
from .law.ruleset import (
    DEFAULT_RULESET,
    Presumption,
    RuleSet,
    list_rulesets,
    load_ruleset,
    load_ruleset_overlay,
)
from .results import (
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
from .results.display import load_with

load_with(lambda: importlib.import_module(".render", __name__))  # how results show in a notebook

if TYPE_CHECKING:
    from .analysis.compare import Comparison, Counterpart, ObligationDifference, compare
    from .analysis.crosswalk import CrosswalkEntry, crosswalk
    from .analysis.history import History, HistoryEntry, history
    from .analysis.penalties import PenaltyExposure, penalties
    from .interfaces.batch import BatchResult, classify_many
    from .interfaces.frames import classify_frame
    from .interfaces.inventory import RowError

_LAZY = {
    **dict.fromkeys(("Comparison", "Counterpart", "ObligationDifference", "compare"), "analysis.compare"),
    **dict.fromkeys(("CrosswalkEntry", "crosswalk"), "analysis.crosswalk"),
    **dict.fromkeys(("History", "HistoryEntry", "history"), "analysis.history"),
    **dict.fromkeys(("PenaltyExposure", "penalties"), "analysis.penalties"),
    **dict.fromkeys(("BatchResult", "classify_many"), "interfaces.batch"),
    "RowError": "interfaces.inventory",
    "classify_frame": "interfaces.frames",
}
"""Names imported on first use (PEP 562): the analysis layer (comparisons, history, the
crosswalk, penalties) loads only when one is asked for, the batch readers and writers only when
an inventory is read, the DataFrame layer only when a frame is classified."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "DEFAULT_RULESET",
    "AiactTiersError",
    "AnnexIAct",
    "AnnexIIIPoint",
    "Assumption",
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
    "Presumption",
    "RBIObjective",
    "Role",
    "RowError",
    "RuleConflictError",
    "RuleFileError",
    "RuleHit",
    "RuleSet",
    "RuledOut",
    "Status",
    "SystemDescription",
    "Tier",
    "UnknownRulesetError",
    "__version__",
    "classify",
    "classify_frame",
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
