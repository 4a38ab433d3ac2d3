"""compare(): one description under two versions of the law, and what changes between them.

The tiers may differ (a new prohibition, Art 5(1)(ba)); obligations may exist under one text
only, or apply from different dates (Art 113(c) as amended postpones the Annex III regime).
Each difference names the provisions that cause it: the obligation's own citation and the
citations of the regimes that set its date. Between the Parliament's 2023 text and a 2024 text,
each foundation-model duty of EP Art 28b is set beside its nearest counterparts (:func:`crosswalk`)
and the obligations that carry them under the other text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..decision.classify import classify
from ..facts.descriptions import Description
from ..facts.vocabulary import Role
from ..law.ruleset import RuleSet, load_ruleset
from ..render.report import DISCLAIMER, _e, _table
from ..results.classification import Classification, Confidence, ModelClass, Obligation, Tier
from .crosswalk import crosswalk

__all__ = ["Comparison", "Counterpart", "ObligationDifference", "compare"]


class ObligationDifference(BaseModel):
    """One obligation that differs between the two texts."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    rule: str
    title: str
    role: Role
    applies_from_a: dt.date | None = Field(description="Its date under text a; None if absent.")
    applies_from_b: dt.date | None = Field(description="Its date under text b; None if absent.")
    provisions: list[str] = Field(description="The provisions that cause the difference.")


class Counterpart(BaseModel):
    """A foundation-model duty of EP Art 28b and where it went in the other text."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    rule: str = Field(description="The duty's obligation under the 2023 text.")
    duty: str = Field(description="Its provision, e.g. `EP Art 28b(2)(a)`.")
    title: str
    counterparts: list[str] = Field(description="Nearest provisions of the 2024 text; empty: none.")
    obligations: list[str] = Field(
        description="The obligations of the other result that carry a counterpart."
    )
    change: str
    confidence: Confidence


class Comparison(BaseModel):
    """The result of :func:`aiact_tiers.compare`."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    ruleset_a: str
    ruleset_b: str
    as_of: dt.date
    tier_a: Tier | None
    tier_b: Tier | None
    model_class_a: ModelClass | None = None
    model_class_b: ModelClass | None = None
    only_in_a: list[ObligationDifference]
    only_in_b: list[ObligationDifference]
    applies_from_differs: list[ObligationDifference]
    crosswalk: list[Counterpart] = Field(
        default_factory=list,
        description="Each EP Art 28b duty of either result beside its counterparts in the other.",
    )

    @property
    def same(self) -> bool:
        """True when the two texts give the same tier, model class, obligations and dates."""
        return (
            self.tier_a == self.tier_b
            and self.model_class_a == self.model_class_b
            and not (self.only_in_a or self.only_in_b or self.applies_from_differs)
        )

    def _repr_html_(self) -> str:
        return comparison_fragment(self)


def _date_provisions(ruleset: RuleSet, obligation: Obligation) -> list[str]:
    """The citation of the obligation and of each regime that gives it its date."""
    rule = ruleset.rule(obligation.rule)
    names = (rule.applies_from,) if rule.applies_from else rule.regimes
    regimes = [ruleset.regimes[name] for name in names]
    return [obligation.citation.provision] + [
        r.citation for r in regimes if r.applies_from == obligation.applies_from
    ]


def _difference(
    obligation: Obligation, a: Obligation | None, b: Obligation | None, provisions: list[str]
) -> ObligationDifference:
    return ObligationDifference(
        rule=obligation.rule,
        title=obligation.title,
        role=obligation.role,
        applies_from_a=a.applies_from if a else None,
        applies_from_b=b.applies_from if b else None,
        provisions=list(dict.fromkeys(provisions)),
    )


def _same_provision(provision: str, counterpart: str) -> bool:
    """Whether a citation names the counterpart, a point of it, or the paragraph holding it."""
    return (
        provision == counterpart
        or provision.startswith(counterpart + "(")
        or counterpart.startswith(provision + "(")
    )


def _counterparts(duties: Classification, other: Classification, other_rules: RuleSet) -> list[Counterpart]:
    """The EP Art 28b duties of one result, each with the obligations of the other that carry it."""
    entries = {entry.rule: entry for entry in crosswalk()}
    shared = set(other_rules.rule_ids)
    out = []
    for duty in duties.obligations:
        entry = entries.get(duty.rule)
        if entry is None or duty.rule in shared:
            continue
        carried = [
            o.rule for o in other.obligations
            if any(_same_provision(o.citation.provision, c) for c in entry.counterparts)
        ]
        out.append(Counterpart(
            rule=duty.rule, duty=entry.duty, title=duty.title, counterparts=list(entry.counterparts),
            obligations=list(dict.fromkeys(carried)), change=entry.change, confidence=entry.confidence,
        ))
    return out


def compare(
    description: Description | Mapping[str, Any],
    ruleset_a: str | RuleSet,
    ruleset_b: str | RuleSet,
    *,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
    presume: bool = True,
) -> Comparison:
    """Classify ``description`` under two rulesets on the same day and list what differs."""
    rules_a = ruleset_a if isinstance(ruleset_a, RuleSet) else load_ruleset(ruleset_a)
    rules_b = ruleset_b if isinstance(ruleset_b, RuleSet) else load_ruleset(ruleset_b)
    day = as_of or dt.date.today()
    result_a = classify(description, ruleset=rules_a, as_of=day, role=role, presume=presume)
    result_b = classify(description, ruleset=rules_b, as_of=day, role=role, presume=presume)
    by_a = {o.rule: o for o in result_a.obligations}
    by_b = {o.rule: o for o in result_b.obligations}
    only_a = [_difference(o, o, None, [o.citation.provision]) for o in by_a.values() if o.rule not in by_b]
    only_b = [_difference(o, None, o, [o.citation.provision]) for o in by_b.values() if o.rule not in by_a]
    differs = [
        _difference(o, o, b, _date_provisions(rules_a, o) + _date_provisions(rules_b, b))
        for o in by_a.values()
        if (b := by_b.get(o.rule)) is not None and o.applies_from != b.applies_from
    ]
    return Comparison(
        ruleset_a=rules_a.id,
        ruleset_b=rules_b.id,
        as_of=day,
        tier_a=result_a.tier,
        tier_b=result_b.tier,
        model_class_a=result_a.model_class,
        model_class_b=result_b.model_class,
        only_in_a=only_a,
        only_in_b=only_b,
        applies_from_differs=differs,
        crosswalk=_counterparts(result_a, result_b, rules_b) + _counterparts(result_b, result_a, rules_a),
    )


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "-"


def comparison_fragment(result: Comparison) -> str:
    """HTML for a notebook: tier and model class under each text, then every obligation that differs."""
    a, b = result.ruleset_a, result.ruleset_b
    parts = [
        f"<h2>{_e(a)} against {_e(b)}</h2>",
        f"<p>As of {result.as_of.isoformat()}; "
        f"{'the same result under both texts' if result.same else 'what differs between the texts'}.</p>",
        _table(["", a, b], [
            ["tier", _e(result.tier_a or "undetermined"), _e(result.tier_b or "undetermined")],
            ["model class", _e(result.model_class_a or "none"), _e(result.model_class_b or "none")],
        ]),
    ]
    for title, differences in (
        (f"Only under {a}", result.only_in_a),
        (f"Only under {b}", result.only_in_b),
        ("Applies from a different date", result.applies_from_differs),
    ):
        if differences:
            parts.append(f"<h3>{_e(title)}</h3>")
            parts.append(_table(
                ["obligation", "role", f"from ({a})", f"from ({b})", "because of"],
                [[_e(d.title), _e(d.role.value), _date(d.applies_from_a), _date(d.applies_from_b),
                  _e(", ".join(d.provisions))] for d in differences],
            ))
    if result.crosswalk:
        parts.append("<h3>Foundation-model duties of EP Art 28b and where they went</h3>")
        parts.append(_table(
            ["duty", "title", "counterparts", "carried by", "change", "confidence"],
            [[_e(c.duty), _e(c.title), _e(", ".join(c.counterparts) or "none"),
              _e(", ".join(c.obligations) or "-"), _e(c.change), _e(c.confidence)] for c in result.crosswalk],
        ))
    parts.append(f'<p class="disclaimer">{_e(DISCLAIMER)}</p>')
    return "".join(parts)
