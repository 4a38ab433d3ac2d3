"""The field helpers every fact model is built with, and the base model they share.

:func:`fact` makes a fact field: unknown by default, described in the law's words and citing its
provision, with the question asked and its wording in the 2023 Parliament text and the 2026
amended text where these differ. ``SetOf`` and ``SET_FACTS`` are the facts that are sets of
members, each of which may be known in part; :class:`Facts` is the base model with the entry's
own fields (``id``, ``name``, ``as_of``) and the validator and serializer of the set facts.
"""

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    FieldSerializationInfo,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    field_serializer,
    field_validator,
)

from .partial import PartialSet
from .vocabulary import IMPLIED_MEMBERS, MARKERS, AnnexIAct, AnnexIIIPoint, DistributionChannel, Practice

__all__ = ["AMENDED_2026", "EP_2023", "SET_FACTS", "Facts", "SetOf", "fact"]


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


def fact(
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


class Facts(BaseModel):
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
        elif value and not MARKERS.isdisjoint(value):
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
