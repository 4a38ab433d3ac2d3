"""What a classification returns: tier, legal basis, obligations, open questions."""

import datetime as dt
import inspect
from enum import StrEnum
from typing import Any, Literal, NoReturn, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..facts.vocabulary import Role
from .display import rendered, shown

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


class Tier(StrEnum):
    """Risk tiers of an AI system, most severe first (out of scope stands apart)."""

    OUT_OF_SCOPE = "out_of_scope"  # Art 2
    PROHIBITED = "prohibited"  # Art 5
    HIGH_RISK = "high_risk"  # Art 6
    LIMITED = "limited"  # Art 50 transparency
    MINIMAL = "minimal"  # no specific obligations beyond Art 4


TIER_ORDER = (Tier.OUT_OF_SCOPE, Tier.PROHIBITED, Tier.HIGH_RISK, Tier.LIMITED, Tier.MINIMAL)
"""The order in which the law asks the tiers."""
SEVERITY = (Tier.OUT_OF_SCOPE, Tier.MINIMAL, Tier.LIMITED, Tier.HIGH_RISK, Tier.PROHIBITED)
"""The tiers from the least to the most severe: out of scope binds no duty, a prohibition (Art 5)
closes every other route."""


class ModelClass(StrEnum):
    """The general-purpose-model axis, kept apart from the system tier."""

    GPAI_SYSTEMIC_RISK = "gpai_systemic_risk"  # Art 51
    GPAI = "gpai"  # Art 3(63)
    GENERATIVE_FOUNDATION_MODEL = "generative_foundation_model"  # EP Art 28b(4), 2023 text
    FOUNDATION_MODEL = "foundation_model"  # EP Art 3(1c), Art 28b, 2023 text


class Phase(StrEnum):
    """Lifecycle phases of an obligation, relative to placing on the market."""

    BEFORE_MARKET = "before_market"
    AT_MARKET = "at_market"
    AFTER_MARKET = "after_market"


class Status(StrEnum):
    """Whether an obligation is certain, or depends on facts still unknown."""

    APPLIES = "applies"
    POSSIBLE = "possible"


Confidence = Literal["high", "medium", "low"]


_FIELDS = "\n\nFields:\n"


def _own_description(schema: dict[str, Any], model: type[Any]) -> None:
    """A result's JSON Schema describes the result in its own words, without the list of
    fields its docstring ends with (each field describes itself there)."""
    description = schema.get("description")
    if isinstance(description, str):
        schema["description"] = description.split(_FIELDS)[0]


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True,
                              json_schema_extra=_own_description)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Each result's fields, with their descriptions, end its docstring: what ``help()`` and
        a notebook's ``result?`` show."""
        super().__pydantic_init_subclass__(**kwargs)
        fields = "\n".join(f"    {name}: {field.description}" for name, field in cls.model_fields.items())
        cls.__doc__ = f"{inspect.cleandoc(cls.__doc__ or '')}{_FIELDS}{fields}\n"


class Citation(_Result):
    """A pinpoint reference into a legal text."""

    act: str = Field(description="The act, e.g. `Regulation (EU) 2024/1689`.")
    provision: str = Field(description="Pinpoint, e.g. `Annex III 4(a)` or `Art 6(3)(a)`.")
    url: str = Field(description="Link into the official text.")

    def __str__(self) -> str:
        return self.provision


FactValue = bool | float | str | tuple[str, ...]
"""A fact as a basis entry shows it: enums as strings, sets as sorted tuples, dates in ISO form."""


class Facts(dict[str, FactValue]):
    """The facts a basis entry shows. They cannot be changed, as a basis entry is shared by the
    results that cite the same rule on the same facts."""

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("the facts of a basis entry cannot be changed")

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[type["Facts"], tuple[dict[str, FactValue]]]:
        return Facts, (dict(self),)  # copies and pickles rebuild it whole


class RuleHit(_Result):
    """A rule that fired, with the facts that made it fire."""

    rule: str = Field(description="The rule's id in its ruleset, e.g. `annex_iii_4_a`.")
    title: str = Field(description="What the provision covers, in a line.")
    citation: Citation = Field(description="The provision the rule applies.")
    outcome: str = Field(description="What the rule decides: a tier, a model class, `exception`.")
    message: str = Field(description="Why the rule fired, in the law's terms.")
    facts: dict[str, FactValue] = Field(
        description="The known facts the rule read, with values.")
    confidence: Confidence = Field(
        default="high", description="How firmly the rule's reading of the text is established.")


class Obligation(_Result):
    """A duty that follows from the classification, for one role, in one lifecycle phase."""

    rule: str = Field(description="The id of the rule that sets the duty.")
    title: str = Field(description="What the duty asks, in a line.")
    citation: Citation = Field(description="The provision that sets the duty.")
    role: Role = Field(description="The operator who owes it.")
    phase: Phase = Field(description="When in the lifecycle it falls: before, at or after "
                         "placing on the market.")
    applies_from: dt.date = Field(description="The day it applies from (Art 113, Art 111).")
    in_force: bool = Field(description="Whether it applies on the `as_of` date.")
    status: Status = Field(description="`applies` on the facts given, or `possible` while "
                           "unknown facts leave it open.")
    confidence: Confidence = Field(
        default="high", description="How firmly the rule's reading of the text is established.")
    note: str = Field(default="", description="What the reader should know about the reading.")


class OpenQuestion(_Result):
    """An unknown fact whose answer could change the result."""

    fact: str = Field(description="The fact's field name in a description.")
    question: str = Field(description="The question to ask, in plain words, with its provision.")
    provision: str = Field(description="The provision the fact belongs to.")
    rules: tuple[str, ...] = Field(description="The rules that read this fact.")


class Assumption(_Result):
    """A presumption of the law that the result rests on: a fact left unknown, taken as the law
    takes it until the description says otherwise."""

    fact: str = Field(description="The fact's field name in a description.")
    value: bool = Field(description="The value presumed.")
    provision: str = Field(description="The provision whose exception or scope link it concerns.")
    reason: str = Field(description="Why the law takes the fact this way until it is shown.")
    question: str = Field(description="The question whose answer would confirm or overturn it.")
    rules: tuple[str, ...] = Field(description="The rules in force that read this fact.")


class RuledOut(_Result):
    """A rule that would have placed the system in a more severe tier, and what defeated it: an
    exception that overrides it (the Art 6(3) derogation over Annex III), or a carve-out in its
    own terms (verification only, in Annex III 1(a))."""

    rule: str = Field(description="The id of the rule that did not place the system.")
    title: str = Field(description="What the provision covers, in a line.")
    citation: Citation = Field(description="The provision the rule applies.")
    tier: Tier = Field(description="The tier the rule would have reached.")
    by: str = Field(description="The overriding rule's id, or the carve-out's fact.")
    by_provision: str = Field(description="The provision that defeated it.")
    message: str = Field(description="What defeated it, in the law's terms.")
    facts: dict[str, FactValue] = Field(description="The facts that defeated it, with values.")


class Classification(_Result):
    """The result of :func:`aiact_tiers.classify` for one description.

    ``tier`` answers for the roles described (the operator's position); ``system_tier`` is the
    classification of the system itself, whoever asks.
    """

    id: str | None = Field(default=None, description="The description's `id`.")
    name: str | None = Field(default=None, description="The description's `name`.")
    ruleset: str = Field(description="The id of the legal text applied, e.g. `eu-2024-2026`.")
    ruleset_version: str = Field(description="The text's publication and entry into force.")
    as_of: dt.date = Field(description="The day the law was applied as it stood.")
    tier: Tier | None = Field(
        description="The position of the roles described, or None while unknown facts leave it open.")
    possible_tiers: list[Tier] = Field(description="Every position the unknown facts still allow.")
    system_tier: Tier | None = Field(
        default=None, description="The tier of the system itself, whoever asks.")
    possible_system_tiers: list[Tier] = Field(
        default_factory=list, description="Every tier of the system itself the unknown facts allow.")
    model_class: ModelClass | None = Field(
        default=None, description="The class of the general-purpose or foundation model described, "
        "or None (no model, not one, or open).")
    possible_model_classes: list[ModelClass | None] = Field(
        default_factory=list, description="Every model class the unknown facts allow; None for "
        "none.")
    basis: list[RuleHit] = Field(
        description="The rules that decided the tier and the model class, and those of another tier "
        "whose duties are listed (an Art 50 duty of a high-risk system, Art 50(6)).")
    obligations: list[Obligation] = Field(
        description="The duties of the roles described, each with its phase, date and status.")
    open_questions: list[OpenQuestion] = Field(
        description="The unknown facts whose answers could change the result.")
    assumptions: list[Assumption] = Field(
        default_factory=list, description="The presumptions of the law the result rests on.")
    certain: bool = Field(
        default=False,
        description="Whether the tier, the system's own tier, the model class and every "
        "obligation's status and date hold whatever the unknown facts are (no presumption "
        "needed).")
    ruled_out: list[RuledOut] = Field(
        default_factory=list, description="Rules that would have placed the system higher, and "
        "what defeated them.")

    @property
    def determined(self) -> bool:
        """True when the tier and the model class no longer depend on unknown facts."""
        return len(self.possible_tiers) <= 1 and len(self.possible_model_classes) <= 1

    def checklist(self) -> dict[Phase, list[Obligation]]:
        """Obligations grouped by lifecycle phase: before, at and after placing on the market."""
        return {
            phase: [o for o in self.obligations if o.phase is phase] for phase in Phase
        }

    def obligations_for(self, role: Role) -> list[Obligation]:
        """The obligations of one role."""
        return [o for o in self.obligations if o.role is role]

    def _repr_markdown_(self) -> str:
        return shown(self, "markdown")

    def _repr_html_(self) -> str:
        return shown(self, "html")

    def __rich__(self) -> Any:
        """The terminal's tables of the result, for ``rich.print(result)``."""
        return rendered(self, "rich")


_R = TypeVar("_R", bound=_Result)
_set = object.__setattr__


def construct(model: type[_R], values: dict[str, Any]) -> _R:
    """A result from validated parts, every field given: ``model_construct`` without the
    per-field alias and default lookups, which cost more than the rest of a classification."""
    instance = model.__new__(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", set(values))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance
