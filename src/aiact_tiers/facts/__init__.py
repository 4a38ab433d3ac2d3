"""Facts: what a description of an AI system or a general-purpose model says.

The fact models and their vocabularies (:mod:`.descriptions`), and sets known only in part
(:mod:`.partial`). Nothing here knows a rule; every other layer reads these.
"""

from .descriptions import (
    ANNEX_I_TITLES,
    IMPLIED_MEMBERS,
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
    fact_info,
    load_description,
)
from .partial import PartialSet

__all__ = [
    "ANNEX_I_TITLES",
    "IMPLIED_MEMBERS",
    "AnnexIAct",
    "AnnexIIIPoint",
    "Description",
    "DistributionChannel",
    "EnterpriseSize",
    "ModelDescription",
    "PartialSet",
    "Practice",
    "RBIObjective",
    "Role",
    "SystemDescription",
    "fact_info",
    "load_description",
]
