"""Penalty exposure: the maximum fine for breaching each group of obligations (Art 99, Art 101).

The groups and their dates are data (``data/penalties.yaml``); each group's ceiling is a dated
parameter of its ruleset. Each obligation of a
result falls in the group whose provisions contain its citation; the rest are left to the
penalties the Member States lay down (Art 99(1)), for which the text sets no Union maximum.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..documents import read_yaml
from ..errors import DescriptionError, UnknownRulesetError
from ..facts.vocabulary import EnterpriseSize
from ..law.rule import anchor
from ..law.ruleset import RuleSet, load_ruleset
from ..render.report import _e, _link, _table
from ..results.classification import Citation, Classification, Confidence, Status

__all__ = ["PenaltyExposure", "penalties"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class _Group(_Frozen):
    id: str
    citation: str
    title: str
    provisions: tuple[str, ...]
    ceiling: str = Field(description="The ruleset parameter holding the amount and percentage.")
    lower_of: dict[EnterpriseSize, str] | None = None
    applies_from: dt.date
    dated_by: str
    confidence: Confidence = "high"
    note: str = ""

    def covers(self, provision: str) -> bool:
        return any(provision == p or provision.startswith(f"{p}(") for p in self.provisions)


class _Ceiling(_Frozen):
    max_eur: int
    turnover_percent: float


class _Residual(_Frozen):
    citation: str
    title: str


class _Schedule(_Frozen):
    act: str
    extends: str | None = None
    lower_of: dict[EnterpriseSize, str] = Field(default_factory=dict)
    residual: _Residual | None = None
    groups: tuple[_Group, ...] = ()
    replace: tuple[_Group, ...] = ()


class PenaltyExposure(_Frozen):
    """The ceiling of the fine for breaching one group of a result's obligations."""

    group: str = Field(description="The group's id, e.g. `art_99_4_e`; `residual` for Art 99(1).")
    title: str
    citation: Citation
    obligations: list[str] = Field(description="The ids of the result's obligations in the group.")
    status: Status = Field(description="`applies` if one of them surely applies, else `possible`.")
    max_eur: int | None = Field(description="The amount; None where the text sets no maximum.")
    turnover_percent: float | None = Field(
        description="Percentage of total worldwide annual turnover of the preceding financial year."
    )
    lower_of: dict[EnterpriseSize, str] = Field(
        description="Operator sizes capped at the lower of the two, with the provision saying so."
    )
    whichever: Literal["higher", "lower"] | None = Field(
        description="Which of the two is the ceiling for this operator; None while its size is unknown."
    )
    applies_from: dt.date | None
    in_force: bool = Field(description="Whether fines of this group can be imposed on `as_of`.")
    confidence: Confidence = "high"
    note: str = ""

    def _repr_html_(self) -> str:
        return penalty_fragment(self)


def penalty_fragment(exposure: PenaltyExposure) -> str:
    """HTML for a notebook: the ceiling of one group, with its provision and date."""
    amount = f"EUR {exposure.max_eur:,}" if exposure.max_eur is not None else "set by the Member States"
    share = f"{exposure.turnover_percent:g} % of turnover" if exposure.turnover_percent is not None else "-"
    rows = [
        ["provision", _link(exposure.citation.provision, exposure.citation.url)],
        ["maximum", _e(amount)],
        ["or", _e(share)],
        ["ceiling", _e(f"the {exposure.whichever}" if exposure.whichever else "by size, still unknown")],
        ["status", _e(exposure.status.value)],
        ["from", _e(exposure.applies_from or "-") + ("" if exposure.in_force else " (not yet in force)")],
        ["obligations", _e(", ".join(exposure.obligations))],
    ]
    return f"<h4>{_e(exposure.title)}</h4>" + _table(["", exposure.group], rows)


def _size(value: EnterpriseSize | str) -> EnterpriseSize:
    try:
        return EnterpriseSize(value)
    except ValueError:
        allowed = ", ".join(size.value for size in EnterpriseSize)
        raise DescriptionError(f"`enterprise_size` must be one of {allowed} (got `{value}`)") from None


def penalties(
    result: Classification,
    *,
    enterprise_size: EnterpriseSize | str | None = None,
    ruleset: str | RuleSet | None = None,
) -> list[PenaltyExposure]:
    """The fines a result's obligations expose the operator to, one entry per group.

    ``enterprise_size`` decides the lower-of rule for SMEs (Art 99(6)) and, under the amended
    text, small mid-caps (Art 99(6a)). ``ruleset`` defaults to the one that produced ``result``;
    pass the :class:`RuleSet` for results of a rule overlay.
    """
    rules = load_ruleset(result.ruleset) if ruleset is None else _resolve(ruleset)
    schedule, groups = _schedule(rules.id if rules.id in _schedules() else rules.extends or rules.id)
    size = None if enterprise_size is None else _size(enterprise_size)
    members: dict[str, list[str]] = {}
    certain: set[str] = set()
    for obligation in result.obligations:
        key = next((g.id for g in groups if g.covers(obligation.citation.provision)), "residual")
        members.setdefault(key, [])
        if obligation.rule not in members[key]:
            members[key].append(obligation.rule)
        if obligation.status is Status.APPLIES:
            certain.add(key)
    out = []
    for group in groups:
        if group.id not in members:
            continue
        lower_of = schedule.lower_of if group.lower_of is None else group.lower_of
        ceiling = _Ceiling.model_validate(rules.parameters[group.ceiling].at(result.as_of))
        out.append(
            PenaltyExposure(
                group=group.id,
                title=group.title,
                citation=_citation(rules, schedule.act, group.citation),
                obligations=members[group.id],
                status=Status.APPLIES if group.id in certain else Status.POSSIBLE,
                max_eur=ceiling.max_eur,
                turnover_percent=ceiling.turnover_percent,
                lower_of=lower_of,
                whichever=_whichever(lower_of, size),
                applies_from=group.applies_from,
                in_force=group.applies_from <= result.as_of,
                confidence=group.confidence,
                note=group.note,
            )
        )
    if "residual" in members and schedule.residual is not None:
        out.append(
            PenaltyExposure(
                group="residual",
                title=schedule.residual.title,
                citation=_citation(rules, schedule.act, schedule.residual.citation),
                obligations=members["residual"],
                status=Status.APPLIES if "residual" in certain else Status.POSSIBLE,
                max_eur=None,
                turnover_percent=None,
                lower_of={},
                whichever=None,
                applies_from=None,
                in_force=False,
                note="Member States lay down the penalties; the text sets no Union maximum.",
            )
        )
    return out


def _whichever(
    lower_of: dict[EnterpriseSize, str], size: EnterpriseSize | None
) -> Literal["higher", "lower"] | None:
    if not lower_of:
        return "higher"
    if size is None:
        return None
    return "lower" if size in lower_of else "higher"


def _citation(rules: RuleSet, act: str, provision: str) -> Citation:
    return Citation(act=act, provision=provision, url=rules.url + anchor(provision))


def _resolve(ruleset: str | RuleSet) -> RuleSet:
    return ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)


@functools.cache
def _schedules() -> dict[str, _Schedule]:
    source = "data/penalties.yaml"
    text = resources.files("aiact_tiers.law").joinpath(source).read_text("utf-8")
    return TypeAdapter(dict[str, _Schedule]).validate_python(read_yaml(text, source))


@functools.cache
def _schedule(ruleset_id: str) -> tuple[_Schedule, tuple[_Group, ...]]:
    """A ruleset's schedule with the groups it inherits, replaced by id where it says so."""
    schedules = _schedules()
    if ruleset_id not in schedules:
        raise UnknownRulesetError(f"no penalty schedule for ruleset `{ruleset_id}`")
    schedule = schedules[ruleset_id]
    if schedule.extends is None:
        return schedule, schedule.groups
    base, inherited = _schedule(schedule.extends)
    replaced = {g.id: g for g in schedule.replace}
    if unknown := set(replaced) - {g.id for g in inherited}:
        raise UnknownRulesetError(f"`{ruleset_id}` replaces unknown penalty groups: {sorted(unknown)}")
    groups = tuple(replaced.get(g.id, g) for g in inherited) + schedule.groups
    return schedule.model_copy(update={"residual": schedule.residual or base.residual}), groups
