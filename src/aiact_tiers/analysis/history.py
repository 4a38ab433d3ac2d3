"""history(): one description under successive texts of the AI Act, side by side.

The Parliament's text of 14 June 2023 (foundation models, EP Art 28b), Regulation (EU) 2024/1689
as adopted, and as amended by Regulation (EU) 2026/1744: for each text, the system's tier, the
model's class, and the duties of the model's provider with their lifecycle phase and date. The
model axis never decides the system's tier, under any of the texts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..decision.classify import classify
from ..facts.descriptions import Description, ModelDescription, SystemDescription, load_description
from ..facts.vocabulary import Role
from ..law.ruleset import RuleSet, load_ruleset
from ..render.report import DISCLAIMER, PHASE_TITLES, _e, _link, _md, _page, _table
from ..results.classification import Classification, ModelClass, Obligation, Phase, Tier

__all__ = [
    "HISTORY_RULESETS", "History", "HistoryEntry", "history", "history_fragment", "history_html",
    "history_markdown",
]

HISTORY_RULESETS = ("eu-2023-ep", "eu-2024", "eu-2024-2026")
"""The texts in the order they were adopted: the Parliament's position, the act, the amended act."""


class HistoryEntry(BaseModel):
    """What one text says of the description: tier, model class and the model's duties."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    ruleset: str
    title: str
    version: str
    tier: Tier | None = Field(description="The system's tier; None if undetermined or no system.")
    possible_tiers: list[Tier]
    model_class: ModelClass | None
    possible_model_classes: list[ModelClass | None]
    model_duties: list[Obligation] = Field(
        description="Obligations that follow from the model class (GPAI or foundation model)."
    )

    @property
    def tier_label(self) -> str:
        if self.tier is not None:
            return self.tier.value
        if not self.possible_tiers:
            return "no system described"
        return "undetermined: " + " or ".join(t.value for t in self.possible_tiers)

    @property
    def model_class_label(self) -> str:
        if self.model_class is not None:
            return self.model_class.value
        if not self.possible_model_classes:
            return "no model described"
        if self.possible_model_classes == [None]:
            return "none"
        return "undetermined: " + " or ".join(m.value if m else "none" for m in self.possible_model_classes)


class History(BaseModel):
    """The result of :func:`aiact_tiers.history`: one view per text, oldest first."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str | None = None
    name: str | None = None
    as_of: dt.date
    texts: list[HistoryEntry]

    def _repr_markdown_(self) -> str:
        return history_markdown(self)

    def _repr_html_(self) -> str:
        return history_fragment(self)


def _model_regimes(ruleset: RuleSet) -> frozenset[str]:
    """The regimes opened by the rules that classify models (Art 51, EP Art 3(1c), 28b(4))."""
    return frozenset(regime for rule in ruleset if rule.model_class for regime in rule.opens)


def _view(ruleset: RuleSet, result: Classification) -> HistoryEntry:
    regimes = _model_regimes(ruleset)
    duties = [o for o in result.obligations if regimes.intersection(ruleset.rule(o.rule).regimes)]
    return HistoryEntry(
        ruleset=ruleset.id,
        title=ruleset.title,
        version=ruleset.version,
        tier=result.tier,
        possible_tiers=result.possible_tiers,
        model_class=result.model_class,
        possible_model_classes=result.possible_model_classes,
        model_duties=duties,
    )


def history(
    description: Description | Mapping[str, Any],
    rulesets: Sequence[str | RuleSet] = HISTORY_RULESETS,
    *,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
    presume: bool = True,
) -> History:
    """Classify ``description`` under each text on the same day and set the results side by side."""
    subject = (
        description if isinstance(description, SystemDescription | ModelDescription)
        else load_description(dict(description))
    )
    day = as_of or dt.date.today()
    texts = []
    for ruleset in rulesets:
        rules = ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)
        texts.append(_view(rules, classify(subject, ruleset=rules, as_of=day, role=role,
                                                presume=presume)))
    return History(id=subject.id, name=subject.name, as_of=day, texts=texts)


# --- renderers --------------------------------------------------------------------------------


def _duty_cell(duties: list[Obligation], phase: Phase) -> list[str]:
    return [f"{o.citation.provision} ({o.applies_from.isoformat()})" for o in duties if o.phase is phase]


def _title(result: History) -> str:
    return f"{result.name or result.id or 'Description'}: across the texts"


def history_markdown(result: History) -> str:
    """Markdown: tier and model class per text side by side, then the model duties by phase."""
    texts = result.texts
    lines = [f"# {_md(_title(result))}", "", f"As of {result.as_of.isoformat()}.", ""]
    lines += ["| | " + " | ".join(f"`{t.ruleset}`" for t in texts) + " |", "|---" * (len(texts) + 1) + "|"]
    lines.append("| text | " + " | ".join(_md(t.title) for t in texts) + " |")
    lines.append("| system tier | " + " | ".join(t.tier_label for t in texts) + " |")
    lines.append("| model class | " + " | ".join(t.model_class_label for t in texts) + " |")
    for phase in Phase:
        cells = [", ".join(_duty_cell(t.model_duties, phase)) or "-" for t in texts]
        lines.append(f"| {PHASE_TITLES[phase].lower()} | " + " | ".join(cells) + " |")
    for text in texts:
        if not text.model_duties:
            continue
        lines += ["", f"## Model duties under `{text.ruleset}`", ""]
        lines += ["| provision | duty | phase | applies from | status | confidence |", "|---" * 6 + "|"]
        lines += [
            f"| [{o.citation.provision}]({o.citation.url}) | {_md(o.title)} | {o.phase.value} "
            f"| {o.applies_from.isoformat()} | {o.status.value} | {o.confidence} |"
            for o in text.model_duties
        ]
    lines += ["", f"*{DISCLAIMER}*", ""]
    return "\n".join(lines)


def history_fragment(result: History) -> str:
    """HTML for a notebook: the same tables as :func:`history_markdown`."""
    texts = result.texts
    rows = [
        ["text", *(_e(t.title) for t in texts)],
        ["system tier", *(_e(t.tier_label) for t in texts)],
        ["model class", *(_e(t.model_class_label) for t in texts)],
    ]
    rows += [
        [_e(PHASE_TITLES[phase].lower()),
         *(_e(", ".join(_duty_cell(t.model_duties, phase)) or "-") for t in texts)]
        for phase in Phase
    ]
    parts = [
        f"<h2>{_e(_title(result))}</h2>",
        f"<p>As of {result.as_of.isoformat()}.</p>",
        _table(["", *(t.ruleset for t in texts)], rows),
    ]
    for text in texts:
        if not text.model_duties:
            continue
        parts.append(f"<h3>Model duties under <code>{_e(text.ruleset)}</code></h3>")
        parts.append(_table(
            ["provision", "duty", "phase", "applies from", "status", "confidence"],
            [[_link(o.citation.provision, o.citation.url), _e(o.title), _e(o.phase.value),
              _e(o.applies_from.isoformat()), _e(o.status.value), _e(o.confidence)]
             for o in text.model_duties],
        ))
    parts.append(f'<p class="disclaimer">{_e(DISCLAIMER)}</p>')
    return "".join(parts)


def history_html(result: History) -> str:
    """A self-contained HTML page of :func:`history_fragment`."""
    return _page(_title(result), history_fragment(result))
