"""Facts: what a description of an AI system or a general-purpose model says.

The fact models (:mod:`.descriptions`), composed of one group of facts per part of the Act
(:mod:`.scope`, :mod:`.practices`, :mod:`.annex_i`, :mod:`.annex_iii`, :mod:`.transparency`,
:mod:`.operators`, :mod:`.gpai`) built with the field helpers of :mod:`.fields`; their
vocabularies (:mod:`.vocabulary`); and sets known only in part (:mod:`.partial`). Nothing here
knows a rule; every other layer reads these.
"""

from .descriptions import (
    Description,
    ModelDescription,
    SystemDescription,
    fact_info,
    load_description,
)
from .partial import PartialSet
from .vocabulary import (
    ANNEX_I_TITLES,
    IMPLIED_MEMBERS,
    AnnexIAct,
    AnnexIIIPoint,
    DistributionChannel,
    EnterpriseSize,
    Practice,
    RBIObjective,
    Role,
)

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
