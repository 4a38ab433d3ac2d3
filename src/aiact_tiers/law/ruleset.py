"""Rulesets: versions of the law, each a folder of rule files shipped with the package.

A ruleset may extend another: it inherits every rule, replaces the ones it lists under
``replace``, retires the ones under ``retire``, and adds its own. Parameters (amendable numbers
such as the 10^25 FLOP presumption) and regimes (groups of obligations with their application
date) are merged by key. Loading is cached: each ruleset is read and type-checked once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ..documents import read_yaml
from ..engine import deciders as _decide
from ..engine import predicates as _engine
from ..engine import programs as _program
from ..errors import RuleConflictError, RuleFileError, UnknownRulesetError, did_you_mean
from ..facts.descriptions import Role
from ..results.classification import TIER_ORDER, Confidence, ModelClass, Obligation, Status, Tier, construct
from . import overlay as _overlay
from .rule import Rule, parse_rule, strings

if TYPE_CHECKING:
    from .parse_cache import Parsed


__all__ = [
    "DEFAULT_RULESET", "Parameter", "Presumption", "Regime", "RuleSet", "list_rulesets", "load_ruleset",
    "load_ruleset_overlay",
]

DEFAULT_RULESET = "eu-2024-2026"
"""Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744: the law today."""

_MANIFEST = "ruleset.yaml"
_MANIFEST_KEYS = {
    "id", "title", "act", "url", "version", "extends", "in_force_from", "retire", "replace",
    "parameters", "regimes", "description", "presumptions", "operators",
}
_PRESUMPTION_KEYS = {"fact", "value", "citation", "reason"}


@dataclass(frozen=True)
class Regime:
    """A group of obligations that apply together from one date (e.g. Art 113(c))."""

    id: str
    title: str
    citation: str
    applies_from: dt.date
    confidence: Confidence = "high"
    note: str = ""


@dataclass(frozen=True)
class Parameter:
    """An amendable number or list, with its values keyed by the date they take effect."""

    id: str
    citation: str
    values: tuple[tuple[dt.date, Any], ...]

    def at(self, day: dt.date) -> Any:
        """The value in force on ``day`` (the latest whose start is not after it)."""
        current = self.values[0][1]
        for start, value in self.values:
            if start <= day:
                current = value
        return current


TierDuties = tuple[tuple[int, Rule, tuple[tuple[Rule, tuple[int, ...]], ...] | None], ...]
"""See :meth:`Snapshot.tier_duties`."""
CarveOut = tuple[tuple[str, ...], int]
"""The facts a negated term of a rule's conjunction (the carve-out) reads, and the position of
whether it and the rule's other terms all hold among :meth:`Snapshot.carved`'s answers."""


class SevereRule(NamedTuple):
    """See :attr:`Snapshot.severe_rules`."""

    rule: Rule
    severity: int
    position: int
    defeaters: tuple[str, ...]  # the overriding rules in force
    answers: Picker  # their answers among the classifying rules'
    carve_outs: tuple[CarveOut, ...]


def _all(terms: Sequence[_engine.Tree]) -> _engine.Tree:
    """The conjunction of these trees."""
    return terms[0] if len(terms) == 1 else ("and", terms[0], _all(terms[1:]))


@dataclass(frozen=True)
class Presumption:
    """A fact the law takes as given until the description says otherwise: an exception holds
    only when whoever relies on it establishes it (an Art 2 exclusion, the Art 6(3) conditions,
    an Art 50 exception, a carve-out inside an Annex III point), and a description is taken to be
    of an AI system in the Union."""

    fact: str
    value: bool
    citation: str
    reason: str

    @property
    def subject(self) -> str:
        """``system`` or ``model``: the description the fact belongs to."""
        return _engine.FACT_TYPES[self.fact].subject


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The rules of a ruleset in force on one day, in the order the law asks them.

    Everything classification needs beyond the rules themselves (the rules per subject with one
    generated decider for them, the order in which to resolve overrides, obligations per role)
    is computed once per snapshot and shared by every classification.
    """

    day: dt.date
    rules: tuple[Rule, ...]
    params: Mapping[str, Any]
    overridden: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    defeaters: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    regimes: Mapping[str, Regime] = field(default_factory=dict, repr=False)
    presumptions: tuple[Presumption, ...] = field(default=(), repr=False)

    def for_roles(self, roles: frozenset[Any]) -> Snapshot:
        """The snapshot as operators in these roles see it: without the rules whose outcome binds
        none of them (a prohibition of use, as in Art 5(1)(h), binds deployers only)."""
        view = self._views.get(roles)
        if view is None:
            unbound = frozenset(r.id for r in self.rules if r.binds and not roles & r.binds)
            view = self._views[roles] = self if not unbound else self._unbound.get(unbound) or (
                self._unbound.setdefault(unbound, dataclasses.replace(
                    self, rules=tuple(r for r in self.rules if r.id not in unbound))))
        return view

    @functools.cached_property
    def _views(self) -> dict[frozenset[Any], Snapshot]:
        """:meth:`for_roles`' answers, by the roles asked."""
        return {}

    @functools.cached_property
    def _unbound(self) -> dict[frozenset[str], Snapshot]:
        """The views of :meth:`for_roles`, by the rules they leave out (roles that leave out
        the same rules share one view)."""
        return {}

    @functools.cached_property
    def presumed(self) -> Mapping[str, tuple[tuple[Presumption, tuple[str, ...]], ...]]:
        """For each subject, the presumptions on facts that rules in force read, each with the
        ids of those rules."""
        readers: dict[str, list[str]] = {}
        for rule in self.rules:
            for name in rule.when.facts:
                readers.setdefault(name, []).append(rule.id)
        out: dict[str, list[tuple[Presumption, tuple[str, ...]]]] = {"system": [], "model": []}
        for presumption in self.presumptions:
            if presumption.fact in readers:
                out[presumption.subject].append((presumption, tuple(readers[presumption.fact])))
        return {subject: tuple(entries) for subject, entries in out.items()}

    @functools.cached_property
    def severe_rules(self) -> tuple[SevereRule, ...]:
        """The classifying rules reaching a tier above minimal that an overriding rule in force
        or a carve-out in their own terms can defeat, each with the severity of its tier (see
        ``classify._SEVERITY``), its position, the overriding rules in force and the picker of
        their answers, and its carve-outs: for every negated term of its conjunction (``not
        biometric_verification_only``), the facts that term reads and the position among
        :meth:`carved` of whether it and every other term hold, so that a result can say which
        carve-out defeated it."""
        return self._severe[0]

    def carved(self, facts: Mapping[str, Any], params: Mapping[str, Any]) -> tuple[bool | None, ...]:
        """For each carve-out of :attr:`severe_rules`, in order, whether it and every other term
        of its rule hold on these facts (those known; three-valued)."""
        return self._severe[1].answers(facts, params)

    @functools.cached_property
    def severe_defeaters(self) -> Picker:
        """The picker of the answers of every rule overriding one of :attr:`severe_rules`."""
        return picker(self.position[d] for d in dict.fromkeys(
            d for entry in self.severe_rules for d in entry.defeaters))

    @functools.cached_property
    def _severe(self) -> tuple[tuple[SevereRule, ...], SubjectRules]:
        severity = (Tier.PROHIBITED, Tier.HIGH_RISK, Tier.LIMITED)
        out = []
        carved: list[Rule] = []  # each carve-out with the other terms, as a rule of its own
        for rule in self.classifying:
            if rule.tier in severity:
                terms = _engine.conjuncts(rule.when.tree)
                carve_outs = []
                for term in terms:
                    if term[0] == "not":
                        carve_outs.append((_engine.facts_read(term[1]), len(carved)))
                        carved.append(dataclasses.replace(rule, id=f"{rule.id}:{len(carved)}", when=(
                            _engine.predicate(f"carve-out of {rule.id}", _all(
                                [*(t for t in terms if t is not term), term[1]])))))
                defeaters = tuple(d for d in self.defeaters.get(rule.id, ()) if d in self.position)
                if carve_outs or defeaters:
                    out.append(SevereRule(rule, severity.index(rule.tier), self.position[rule.id],
                                          defeaters, picker(map(self.position.__getitem__, defeaters)),
                                          tuple(carve_outs)))
        return tuple(out), SubjectRules.of(tuple(carved))

    def answers(self, fact: str) -> tuple[Any, ...] | None:
        """Every answer to a yes/no, enumerated or date fact that the rules in force can tell
        apart, as the decision reads it: for a set, the empty set and one member of each group of
        members that every rule treats alike (named by the same literals and parameters); for a
        date, each day the rules compare with and the day before; None for numbers."""
        if fact not in self._answers:
            kind = _engine.FACT_TYPES[fact]
            found: tuple[Any, ...] | None = None
            if kind.kind == "boolean":
                found = (True, False)
            elif kind.kind == "string" and kind.enum is not None:
                found = tuple(kind.enum)
            elif kind.kind == "datetime":
                days = sorted(c for c in self._literals if isinstance(c, dt.datetime))
                found = tuple(sorted({day + shift for day in days for shift in _engine.AROUND})) or None
            elif kind.kind == "set" and kind.enum is not None:
                groups: dict[tuple[Any, ...], Any] = {}
                for member in kind.enum:
                    groups.setdefault(self._signature(member.value), member)
                found = (frozenset(), *(frozenset({m}) for m in groups.values()))
            self._answers[fact] = found
        return self._answers[fact]

    def reading(self, fact: str) -> tuple[tuple[Rule, ...], _decide.Decider | None]:
        """The rules in force that read ``fact``, and the three-valued decider of them all at
        once (None when they cannot be written as source): what a change of that fact alone
        can change."""
        found = self._reading.get(fact)
        if found is None:
            rules = tuple(r for r in self.rules if fact in r.when.facts)
            texts = {r.when.text: r.when.tree for r in rules}  # many Art 25 duties read alike
            at = {text: i for i, text in enumerate(texts)}
            decider = _decide.decider(list(texts.values()), many=True, kleene=True,
                                      booleans=_engine.BOOLEAN_FACTS)
            pick = picker(at[r.when.text] for r in rules)
            found = self._reading[fact] = rules, (
                decider if decider is None or len(texts) == len(rules)
                else lambda f, p: pick(decider(f, p)))
        return found

    @functools.cached_property
    def plain_tiers(self) -> Mapping[str, int]:
        """The classifying rules reaching a tier whose effective answer is their own (no rule in
        force overrides them, and they are no exception checked for coverage), each with its
        tier's position in the law's order."""
        overridden = {rule_id for rule_id, defeaters in self.defeat_order
                      if any(d in self.position for d in defeaters)}
        return {r.id: TIER_ORDER.index(r.tier) for r in self.classifying
                if r.tier is not None and r.id not in overridden
                and not self.exception_targets.get(r.id)}

    @functools.cached_property
    def _reading(self) -> dict[str, tuple[tuple[Rule, ...], _decide.Decider | None]]:
        return {}

    def _signature(self, value: str) -> tuple[Any, ...]:
        """How the rules see ``value``: itself where a predicate names it, and which set
        parameters hold it."""
        return (value if value in self._literals else None,
                *(value in p for p in self.params.values() if isinstance(p, frozenset | tuple)))

    @functools.cached_property
    def _answers(self) -> dict[str, tuple[Any, ...] | None]:
        return {}

    @functools.cached_property
    def _literals(self) -> frozenset[Any]:
        """Every constant the predicates in force name."""
        out: set[Any] = set()
        for rule in self.rules:
            for node in _engine.nodes(rule.when.tree):
                if node[0] == "const":
                    out.add(node[1])
                elif node[0] == "set":
                    out.update(node[1])
        return frozenset(out)

    def tier_duties(self, tier: Tier, roles: frozenset[Any]) -> TierDuties:
        """The classifying rules reaching ``tier``, each with its position and the duties of
        these roles in the regimes it opens, with the positions of their overriding rules
        (None for a rule that opens no regime)."""
        key = (tier, roles)
        found = self._tier_duties.get(key)
        if found is None:
            duties = self.obligations_for(roles)
            found = self._tier_duties[key] = tuple(
                (self.position[rule.id], rule, tuple(
                    (duty.rule, tuple(self.position[d] for d in duty.defeaters))
                    for duty in duties if set(duty.regimes) & set(rule.opens)) if rule.opens else None)
                for rule in self.classifying if rule.tier is tier)
        return found

    @functools.cached_property
    def _tier_duties(self) -> dict[tuple[Tier, frozenset[Any]], TierDuties]:
        return {}

    @functools.cached_property
    def duty_free_regimes(self) -> frozenset[str]:
        """The regimes in force that hold no obligation for any role."""
        held = {regime for rule in self.obligations for regime in rule.regimes}
        return frozenset(self.regimes.keys() - held)

    @functools.cached_property
    def duty_tiers(self) -> Mapping[str, Tier | None]:
        """The tier each obligation belongs to: the least severe tier among the rules opening its
        regimes, the tier that it marks (AI literacy, opened by prohibitions too, marks minimal;
        an opener reaching no tier, such as the Art 6(3) derogation, counts as minimal; regimes
        opened for models only belong to no tier of a system)."""
        tiers: dict[str, list[Tier]] = {}
        for rule in self.openers:
            if rule.subject != "model":  # a model's regimes belong to the model axis
                for regime in rule.opens:
                    tiers.setdefault(regime, []).append(rule.tier or Tier.MINIMAL)
        severity = TIER_ORDER[1:]
        return {
            rule.id: max((t for regime in rule.regimes for t in tiers.get(regime, ())),
                         key=severity.index, default=None)
            for rule in self.obligations
        }

    @functools.cached_property
    def classifying(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if not r.is_obligation)

    @functools.cached_property
    def classifying_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.classifying)

    @functools.cached_property
    def exception_targets(self) -> Mapping[str, tuple[str, ...]]:
        """For each exception in force, the classifying rules it overrides.

        An exception to a duty only is checked with that duty, so it has no targets here.
        """
        duties = {r.id for r in self.obligations}
        return {
            r.id: tuple(t for t in self.overridden.get(r.id, ()) if t not in duties)
            for r in self.classifying if r.exception
        }

    @functools.cached_property
    def duty_exceptions(self) -> frozenset[str]:
        """The exceptions in force that override duties only."""
        return frozenset(rule_id for rule_id, targets in self.exception_targets.items() if not targets)

    @functools.cached_property
    def askable(self) -> tuple[Rule, ...]:
        """The classifying rules whose unknown facts open questions may name: all but the
        exceptions that override duties only."""
        return tuple(r for r in self.classifying if r.id not in self.duty_exceptions)

    @functools.cached_property
    def position(self) -> Mapping[str, int]:
        """Each classifying rule's position in :attr:`classifying`."""
        return {rule_id: i for i, rule_id in enumerate(self.classifying_ids)}

    def asker(
        self, tiers: tuple[Tier, ...], models: tuple[ModelClass | None, ...]
    ) -> _program.Asker:
        """The open questions of the :attr:`askable` rules that bear on these undecided tiers and
        possible model classes, and of every exception (see :func:`_program.asker`)."""
        key = (tiers, models)
        found = self._askers.get(key)
        if found is None:
            found = self._askers[key] = _program.asker([
                (self.position[r.id], _reader(r)) for r in self.askable
                if r.tier in tiers or r.model_class in models or r.exception])
        return found

    @functools.cached_property
    def _askers(self) -> dict[tuple[Any, ...], _program.Asker]:
        return {}

    @functools.cached_property
    def readers(self) -> tuple[Reader, ...]:
        """Every rule in force as the reader of its facts, in order."""
        return tuple(map(_reader, self.rules))

    def readers_of(self, system: bool, model: bool) -> tuple[Reader, ...]:
        """:attr:`readers` of the rules about the subjects described (system, model)."""
        found = self._readers_of.get((system, model))
        if found is None:
            described = {"system": system, "model": model}
            found = self._readers_of[system, model] = tuple(
                r for r in self.readers if described[r.subject])
        return found

    @functools.cached_property
    def _readers_of(self) -> dict[tuple[bool, bool], tuple[Reader, ...]]:
        return {}

    def readers_asker(self, system: bool, model: bool) -> _program.Asker:
        """The open questions of :meth:`readers_of` these subjects, each reader asking where
        its flag is set (see :func:`_program.asker`)."""
        found = self._readers_askers.get((system, model))
        if found is None:
            found = self._readers_askers[system, model] = _program.asker(
                list(enumerate(self.readers_of(system, model))))
        return found

    @functools.cached_property
    def _readers_askers(self) -> dict[tuple[bool, bool], _program.Asker]:
        return {}

    @functools.cached_property
    def duty_readers(self) -> tuple[Reader, ...]:
        """Each of :attr:`obligations` as the reader of its facts."""
        return tuple(map(_reader, self.obligations))

    @functools.cached_property
    def tier_answers(self) -> Mapping[Tier, Picker]:
        """For each tier, the picker of the answers of the rules reaching it among those of
        :attr:`classifying`."""
        return {tier: picker(map(self.position.__getitem__, ids)) for tier, ids in self.tier_groups}

    @functools.cached_property
    def tier_of(self) -> Mapping[str, Any]:
        """The tier each classifying rule reaches, for the rules that reach one."""
        return {r.id: r.tier for r in self.classifying if r.tier is not None}

    @functools.cached_property
    def obligations(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.is_obligation)

    @functools.cached_property
    def openers(self) -> tuple[Rule, ...]:
        """The classifying rules that open regimes of obligations."""
        return tuple(r for r in self.classifying if r.opens)

    @functools.cached_property
    def openings(self) -> tuple[tuple[str, bool, tuple[tuple[str, dt.date], ...]], ...]:
        """Each rule opening regimes: its id, whether it prohibits, and each regime it opens
        with the day it opens it (the regime's date, never before the rule is in force)."""
        return tuple(
            (r.id, r.tier is Tier.PROHIBITED,
             tuple((regime, max(self.regimes[regime].applies_from, r.effective_from))
                   for regime in r.opens))
            for r in self.openers
        )

    @functools.cached_property
    def tiers(self) -> tuple[tuple[str, Tier], ...]:
        """The classifying rules that reach a tier, with it."""
        return tuple((r.id, r.tier) for r in self.classifying if r.tier is not None)

    @functools.cached_property
    def model_classes(self) -> tuple[tuple[str, ModelClass], ...]:
        """The classifying rules that reach a model class, with it."""
        return tuple((r.id, r.model_class) for r in self.classifying if r.model_class is not None)

    @functools.cached_property
    def tier_groups(self) -> tuple[tuple[Tier, tuple[str, ...]], ...]:
        """Each tier some classifying rule reaches, in the law's order, with those rules."""
        return _groups(TIER_ORDER, self.tiers)

    @functools.cached_property
    def model_class_groups(self) -> tuple[tuple[ModelClass, tuple[str, ...]], ...]:
        """Each model class some classifying rule reaches, in order, with those rules."""
        return _groups(tuple(ModelClass), self.model_classes)

    @functools.cached_property
    def none_fired(self) -> dict[str, bool | None]:
        """Every classifying rule, none fired: the start of each evaluation's answers."""
        return dict.fromkeys(self.classifying_ids, False)

    @functools.cached_property
    def exception_order(self) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
        """Each classifying exception in force with the classifying rules in force it overrides,
        split into those that are no exceptions and the exceptions; an exception comes after the
        exceptions it overrides (the defeat graph is acyclic). Rules out of force or duties
        never fire here, so they are left out."""
        exceptions = {r.id for r in self.classifying if r.exception}
        ids = set(self.classifying_ids)
        order: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
        done: set[str] = set()

        def visit(rule_id: str) -> None:
            if rule_id in exceptions and rule_id not in done:
                done.add(rule_id)
                targets = [t for t in self.overridden.get(rule_id, ()) if t in ids]
                for target in targets:
                    visit(target)
                order.append((rule_id, tuple(t for t in targets if t not in exceptions),
                              tuple(t for t in targets if t in exceptions)))

        for rule_id in sorted(exceptions, key=self.classifying_ids.index):
            visit(rule_id)
        return tuple(order)

    @functools.cached_property
    def tier_rules(self) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
        """Rules reaching a tier: id, the tier's position in the law's order, their defeaters;
        sorted by that position."""
        rules = [(r.id, TIER_ORDER.index(r.tier), self.defeaters.get(r.id, ()))
                 for r in self.classifying if r.tier is not None]
        return tuple(sorted(rules, key=lambda entry: entry[1]))

    def basis_candidates(self, tier: Tier | None) -> tuple[tuple[Rule, ...], Picker]:
        """The classifying rules that can explain a result of ``tier`` (that tier's rules and the
        rules reaching no tier: model classes, exceptions), in order, and the picker of their
        answers among those of :attr:`classifying`."""
        return self._basis_candidates[tier]

    @functools.cached_property
    def _basis_candidates(self) -> dict[Tier | None, tuple[tuple[Rule, ...], Picker]]:
        candidates = {tier: tuple(r for r in self.classifying if r.tier is None or r.tier is tier)
                      for tier in (*TIER_ORDER, None)}
        return {tier: (rules, picker(self.position[r.id] for r in rules))
                for tier, rules in candidates.items()}

    def program(self, system: bool, model: bool) -> _program.Compiled | None:
        """The whole decision as generated functions when a system, a model or both are
        described; None when it cannot be generated."""
        key = (system, model)
        if key not in self._programs:
            described = {"system": system, "model": model}
            kleene = _program.program(self, described, kleene=True)
            self._programs[key] = None if kleene is None else _program.Compiled(
                _program.program(self, described, kleene=False), kleene
            )
        return self._programs[key]

    @functools.cached_property
    def _programs(self) -> dict[tuple[bool, bool], _program.Compiled | None]:
        return {}

    @functools.cached_property
    def undescribed_duties(self) -> Mapping[str, bool | None]:
        """Each duty's answer when its subject is not described (read with no facts), as the
        three-valued path gives it; None while open and able to count.

        An open answer cannot count, and is False here, when only rules about the same subject
        (which do not fire) open the duty's regimes.
        """
        openers: dict[str, set[str]] = {}
        for rule in self.openers:
            for regime in rule.opens:
                openers.setdefault(regime, set()).add(rule.subject)
        out: dict[str, bool | None] = {}
        for subject, duties in self.duties.items():
            for rule, (_, answer) in zip(duties.rules, duties.evaluate({}, self.params), strict=True):
                if answer is None and all(openers.get(regime, set()) <= {subject}
                                          for regime in rule.regimes):
                    answer = False
                out[rule.id] = answer
        return out

    @functools.cached_property
    def by_subject(self) -> Mapping[str, SubjectRules]:
        """The classifying rules about systems and about models, each with one decider."""
        return {
            subject: SubjectRules.of(tuple(r for r in self.classifying if r.subject == subject))
            for subject in ("system", "model")
        }

    @functools.cached_property
    def duties(self) -> Mapping[str, SubjectRules]:
        """The obligations about systems and about models, each with one decider."""
        return {
            subject: SubjectRules.of(tuple(r for r in self.obligations if r.subject == subject))
            for subject in ("system", "model")
        }

    @functools.cached_property
    def defeat_order(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Classifying rules that others override, with their defeaters, defeaters first."""
        ids = {r.id for r in self.classifying}
        order: list[tuple[str, tuple[str, ...]]] = []
        done: set[str] = set()

        def visit(rule_id: str) -> None:
            if rule_id in done:
                return
            done.add(rule_id)
            for winner in self.defeaters.get(rule_id, ()):
                if winner in ids:
                    visit(winner)
            if self.defeaters.get(rule_id):
                order.append((rule_id, self.defeaters[rule_id]))

        for rule in self.classifying:
            visit(rule.id)
        return tuple(order)

    @functools.cached_property
    def basis_entries(self) -> dict[tuple[Any, ...], Any]:
        """Basis entries built so far, by rule id and the values of the facts it read (see
        :mod:`aiact_tiers.classify`)."""
        return {}

    @functools.cached_property
    def hit_parts(self) -> dict[str, Any]:
        """For each rule that decided some result, the parts of its basis entry that do not
        depend on the facts (filled on first use, see :mod:`aiact_tiers.classify`)."""
        return {}

    @functools.cached_property
    def obligation_position(self) -> Mapping[str, int]:
        """Each obligation's position in :attr:`obligations`."""
        return {rule.id: k for k, rule in enumerate(self.obligations)}

    @functools.cached_property
    def obligation_results(self) -> ObligationResults:
        """The obligations as results, shared by every classification on this day."""
        return ObligationResults(self)

    def obligations_for(self, roles: frozenset[Any]) -> tuple[Duty, ...]:
        """The obligations of these roles, in order, each with what deciding it takes."""
        cached = self._by_roles.get(roles)
        if cached is None:
            classifying = set(self.classifying_ids)
            cached = self._by_roles[roles] = tuple(
                Duty(r, r.regimes,
                     tuple(d for d in self.defeaters.get(r.id, ()) if d in classifying),
                     self.regimes[r.applies_from].applies_from if r.applies_from else None)
                for r in self.obligations if r.role in roles
            )
        return cached

    @functools.cached_property
    def _by_roles(self) -> dict[frozenset[Any], tuple[Duty, ...]]:
        return {}

    def duties_by_regime(self, roles: frozenset[Any]) -> Mapping[str, tuple[int, ...]]:
        """For each regime, the positions in :meth:`obligations_for` of the duties it opens."""
        cached = self._by_regime.get(roles)
        if cached is None:
            positions: dict[str, list[int]] = {}
            for position, duty in enumerate(self.obligations_for(roles)):
                for regime in duty.regimes:
                    positions.setdefault(regime, []).append(position)
            cached = self._by_regime[roles] = {k: tuple(v) for k, v in positions.items()}
        return cached

    @functools.cached_property
    def _by_regime(self) -> dict[frozenset[Any], Mapping[str, tuple[int, ...]]]:
        return {}


class ObligationResults(dict[tuple[int, dt.date, bool | None], Obligation]):
    """A snapshot's obligations as results, keyed by position, date and status (True: applies,
    None: possible); each built on first use and shared, as every field is immutable."""

    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot

    def __missing__(self, key: tuple[int, dt.date, bool | None]) -> Obligation:
        position, applies_from, status = key
        rule = self.snapshot.obligations[position]
        assert rule.role is not None and rule.phase is not None
        self[key] = obligation = construct(Obligation, dict(
            rule=rule.id,
            title=rule.title,
            citation=rule.citation,
            role=rule.role,
            phase=rule.phase,
            applies_from=applies_from,
            in_force=applies_from <= self.snapshot.day,
            status=Status.APPLIES if status is True else Status.POSSIBLE,
            confidence=rule.confidence,
            note=rule.note,
        ))
        return obligation


Picker = Callable[[Sequence[Any]], tuple[Any, ...]]
"""Takes the items at some positions of a sequence, as a tuple, in one C-level call."""


def picker(positions: Iterable[int]) -> Picker:
    """The :data:`Picker` of these positions (``operator.itemgetter``, always giving a tuple)."""
    at = tuple(positions)
    if len(at) > 1:
        return operator.itemgetter(*at)
    if at:
        one = operator.itemgetter(at[0])
        return lambda items: (one(items),)
    return lambda items: ()


class Reader(NamedTuple):
    """A rule as open questions see it: its id, the subject whose facts it reads, those facts."""

    rule: str
    subject: str
    facts: tuple[str, ...]


def _reader(rule: Rule) -> Reader:
    return Reader(rule.id, rule.when.subject or "system", tuple(rule.when.facts))


class Duty(NamedTuple):
    """An obligation as classification reads it: the rule, the regimes that open it, the
    classifying rules in force that override it (the only ones that can be effective), and its
    own date when it has one (else the date its regime opens)."""

    rule: Rule
    regimes: tuple[str, ...]
    defeaters: tuple[str, ...]
    applies_from: dt.date | None


_C = TypeVar("_C")


def _groups(order: Sequence[_C], pairs: Iterable[tuple[str, _C]]) -> tuple[tuple[_C, tuple[str, ...]], ...]:
    """The rule ids reaching each class, classes in ``order``, those no rule reaches left out."""
    ids: dict[_C, list[str]] = {}
    for rule_id, cls in pairs:
        ids.setdefault(cls, []).append(rule_id)
    return tuple((cls, tuple(ids[cls])) for cls in order if cls in ids)


@dataclass(frozen=True)
class SubjectRules:
    """Rules about one subject: their ids, the facts they read, and a decider for all of them.

    ``decide`` answers every rule at once in two-valued logic; it is valid when all the facts
    in ``needs`` are known. ``kleene`` answers them at once for any facts. Either is None when
    the rules could not be written as Python source.
    """

    rules: tuple[Rule, ...]
    ids: tuple[str, ...]
    needs: frozenset[str]
    decide: _decide.Decider | None
    kleene: _decide.Decider | None

    @classmethod
    def of(cls, rules: tuple[Rule, ...]) -> SubjectRules:
        trees = [r.when.tree for r in rules]
        return cls(
            rules=rules,
            ids=tuple(r.id for r in rules),
            needs=frozenset(name for r in rules for name in r.when.facts),
            decide=_decide.decider(trees, many=True, booleans=_engine.BOOLEAN_FACTS),
            kleene=_decide.decider(trees, many=True, kleene=True, booleans=_engine.BOOLEAN_FACTS),
        )

    def evaluate(
        self, facts: Mapping[str, Any], params: Mapping[str, Any]
    ) -> Iterable[tuple[str, bool | None]]:
        """Each rule's id with its answer: True, False, or None while unknown facts leave it open."""
        return zip(self.ids, self.answers(facts, params), strict=True)

    def answers(self, facts: Mapping[str, Any], params: Mapping[str, Any]) -> tuple[bool | None, ...]:
        """Each rule's answer, in order (see :meth:`evaluate`)."""
        if self.decide is not None and _engine.decidable(facts, self.needs):
            return self.decide(facts, params)  # type: ignore[no-any-return]
        if self.kleene is not None:
            return self.kleene(facts, params)  # type: ignore[no-any-return]
        return tuple(r.when.evaluate(facts, params) for r in self.rules)


@dataclass(frozen=True, eq=False)
class RuleSet:
    """A version of the law: its rules, parameters, regimes and the exceptions between rules."""

    id: str
    title: str
    act: str
    version: str
    url: str
    in_force_from: dt.date
    description: str
    extends: str | None
    rules: tuple[Rule, ...] = field(repr=False)
    parameters: Mapping[str, Parameter] = field(repr=False)
    regimes: Mapping[str, Regime] = field(repr=False)
    defeaters: Mapping[str, tuple[str, ...]] = field(repr=False)
    presumptions: tuple[Presumption, ...] = field(default=(), repr=False)
    role_citations: Mapping[Any, str] = field(default_factory=dict, repr=False)
    """The provision defining each role (None: the persons the Act applies to)."""

    @functools.cached_property
    def overridden(self) -> Mapping[str, tuple[str, ...]]:
        """For each rule, the rules it overrides (the inverse of ``defeaters``)."""
        out: dict[str, list[str]] = {r.id: [] for r in self.rules}
        for rule_id, winners in self.defeaters.items():
            for winner in winners:
                out[winner].append(rule_id)
        return {k: tuple(v) for k, v in out.items()}

    def rule(self, rule_id: str) -> Rule:
        """The rule with that id; KeyError with a suggestion otherwise."""
        rule = self._by_id.get(rule_id)
        if rule is not None:
            return rule
        raise KeyError(f"no rule `{rule_id}` in {self.id}{did_you_mean(rule_id, self.rule_ids)}")

    @functools.cached_property
    def _by_id(self) -> Mapping[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @property
    def rule_ids(self) -> list[str]:
        return [r.id for r in self.rules]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def at(self, day: dt.date) -> Snapshot:
        """The rules in force on ``day`` and the parameter values of that day."""
        return _snapshot(self, day)


@functools.lru_cache(maxsize=256)
def _snapshot(ruleset: RuleSet, day: dt.date) -> Snapshot:
    params = {name: _engine.normalise(p.at(day)) for name, p in ruleset.parameters.items()}
    rules = tuple(r for r in ruleset.rules if r.in_force(day))
    return Snapshot(day, rules, params, ruleset.overridden, ruleset.defeaters, ruleset.regimes,
                    ruleset.presumptions)


def _root() -> Traversable:
    return resources.files("aiact_tiers.law").joinpath("rules")


def list_rulesets() -> list[str]:
    """The ids of the rulesets shipped with the package."""
    return sorted(p.name for p in _root().iterdir() if p.joinpath(_MANIFEST).is_file())


def load_ruleset(ruleset_id: str = DEFAULT_RULESET) -> RuleSet:
    """Load (once) and validate the ruleset with this id."""
    return _load(ruleset_id)


@functools.cache
def _load(ruleset_id: str) -> RuleSet:
    folder = _root().joinpath(ruleset_id)
    if not folder.joinpath(_MANIFEST).is_file():
        known = list_rulesets()
        raise UnknownRulesetError(
            f"no ruleset `{ruleset_id}`{did_you_mean(ruleset_id, known)} "
            f"(available: {', '.join(known)})"
        )
    files = _Files(folder, f"rules/{ruleset_id}", ruleset_id)
    return _build(_manifest(ruleset_id, files), files)


def parse_files(ruleset_id: str) -> tuple[list[tuple[str, str]], Parsed]:
    """Read and parse a shipped ruleset's files without the cache: their texts and the result."""
    from .parse_cache import Parsed

    files = _Files(_root().joinpath(ruleset_id), f"rules/{ruleset_id}", None)
    _build(_manifest(ruleset_id, files), files)
    return list(files.texts.items()), Parsed(files.documents, files.param_kinds, files.trees)


def _cache_lookup(ruleset_id: str, texts: Iterable[tuple[str, str]]) -> Parsed | None:
    from .parse_cache import lookup

    return lookup(ruleset_id, texts)


def load_ruleset_overlay(path: str | Path, *, extends: str = DEFAULT_RULESET) -> RuleSet:
    """An organisation's own rules in a folder, on top of a shipped ruleset.

    The folder holds rule files in the format of the shipped rules, and optionally a
    ``ruleset.yaml`` (``retire``, ``replace``, ``parameters``, ``regimes``, ``title``...). Rule
    files end in ``.yaml`` or ``.yml`` (any case). Every file gets the validation of built-in
    rules, and the overlay that of :mod:`aiact_tiers.law.overlay`; nothing in it is run as code.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise RuleFileError(f"`{folder}` is not a folder of rule files")
    base = load_ruleset(extends)
    manifest: dict[str, Any] = {
        "id": f"{base.id}+{folder.name}", "title": f"{base.title} with {folder.name}",
        "act": base.act, "url": base.url, "version": base.version,
    }
    files = _Files(folder, str(folder), None)
    if _MANIFEST in files.texts:
        manifest.update(_manifest(None, files))
    if manifest.get("extends", extends) != extends:
        raise RuleFileError(f"{folder / _MANIFEST}: `extends` must be `{extends}`")
    manifest["extends"] = extends
    _overlay.check_id(str(manifest["id"]), list_rulesets(), f"{folder / _MANIFEST}")
    ruleset = _build(manifest, files)
    _overlay.check_parameters(ruleset.rules, ruleset.parameters, base.parameters,
                              f"{folder / _MANIFEST}")
    return ruleset


class _Files:
    """The files of a ruleset: their texts, and their data read as YAML or from the cache.

    ``cache_id`` names the shipped ruleset whose parsed-rule cache may stand in for reading and
    parsing (see :mod:`aiact_tiers.law.parse_cache`); it is used only when it matches every file.
    """

    def __init__(self, folder: Traversable, where: str, cache_id: str | None) -> None:
        self.where = where
        self.texts: dict[str, str] = {}
        if folder.joinpath(_MANIFEST).is_file():
            self.texts[_MANIFEST] = _read_text(folder.joinpath(_MANIFEST), f"{where}/{_MANIFEST}")
        for name, entry in _rule_files(folder):
            self.texts[name] = _read_text(entry, f"{where}/{name}")
        self.cached = _cache_lookup(cache_id, self.texts.items()) if cache_id else None
        self.documents: dict[str, Any] = {}
        self.trees: dict[str, _engine.Tree] = {}
        self.param_kinds: dict[str, str] = {}

    @property
    def rule_files(self) -> list[str]:
        return [name for name in self.texts if name != _MANIFEST]

    def document(self, name: str, *, keep_lines: bool = False) -> Any:
        if self.cached is not None:
            return self.cached.documents[name]
        data = read_yaml(self.texts[name], f"{self.where}/{name}", keep_lines=keep_lines)
        self.documents[name] = data
        return data

    def predicate(self, text: str) -> _engine.Predicate:
        """The predicate of ``text``: from its stored tree, or parsed and type-checked."""
        cached = self.cached
        if cached is not None and cached.param_kinds == self.param_kinds and text in cached.trees:
            return _engine.predicate(text, cached.trees[text])
        parsed = _engine.parse(text, self.param_kinds)
        self.trees[text] = parsed.tree
        return parsed


def _read_text(entry: Traversable, source: str) -> str:
    try:
        return entry.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleFileError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise RuleFileError(f"{source}: cannot read: {exc.strerror}") from None


def _rule_files(folder: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if isinstance(entry, Path) and entry.is_symlink() and entry.is_dir():
            raise RuleFileError(f"`{entry}` links to a folder; rule folders are read without links")
        if entry.is_dir():
            yield from _rule_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.lower().endswith((".yaml", ".yml")) and entry.name != _MANIFEST:
            yield f"{prefix}{entry.name}", entry


def _manifest(ruleset_id: str | None, files: _Files) -> dict[str, Any]:
    """The manifest, checked; ``ruleset_id`` None accepts any id (an overlay)."""
    source = f"{files.where}/{_MANIFEST}"
    data = files.document(_MANIFEST)
    if not isinstance(data, dict):
        raise RuleFileError(f"{source}: must be a mapping")
    for key in data:
        if key not in _MANIFEST_KEYS:
            raise RuleFileError(f"{source}: unknown key `{key}`{did_you_mean(key, _MANIFEST_KEYS)}")
    if ruleset_id is not None and data.get("id") != ruleset_id:
        raise RuleFileError(f"{source}: `id` must be `{ruleset_id}`")
    return data


def _parameters(data: Mapping[str, Any], source: str) -> dict[str, Parameter]:
    out = {}
    for name, spec in (data or {}).items():
        try:
            values = tuple(sorted((v["from"], v["value"]) for v in spec["values"]))
            if not all(isinstance(start, dt.date) for start, _ in values):
                raise TypeError
        except (KeyError, TypeError):
            raise RuleFileError(
                f"{source}: parameter `{name}` needs `values`: a list of `from` dates and `value`s"
            ) from None
        if not values:
            raise RuleFileError(f"{source}: parameter `{name}` has no values")
        if not spec.get("citation"):
            raise RuleFileError(f"{source}: parameter `{name}` needs a `citation`")
        out[name] = Parameter(name, str(spec["citation"]), values)
    return out


def _regimes(data: Mapping[str, Any], source: str) -> dict[str, Regime]:
    out = {}
    for name, spec in (data or {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("applies_from"), dt.date):
            raise RuleFileError(f"{source}: regime `{name}` needs an `applies_from` date")
        if "title" not in spec or "citation" not in spec:
            raise RuleFileError(f"{source}: regime `{name}` needs a `title` and a `citation`")
        if spec.get("confidence", "high") not in ("high", "medium", "low"):
            raise RuleFileError(f"{source}: regime `{name}`: `confidence` must be high, medium or low")
        out[name] = Regime(
            id=name,
            title=str(spec["title"]),
            citation=str(spec["citation"]),
            applies_from=spec["applies_from"],
            confidence=spec.get("confidence", "high"),
            note=str(spec.get("note", "")),
        )
    return out


def _presumptions(data: Any, source: str) -> dict[str, Presumption]:
    """The manifest's ``presumptions``: each a Boolean fact with its value, citation and reason."""
    if not isinstance(data, list):
        raise RuleFileError(f"{source}: `presumptions` must be a list")
    out: dict[str, Presumption] = {}
    for entry in data:
        if not isinstance(entry, dict) or set(entry) - {"__line__"} != _PRESUMPTION_KEYS:
            raise RuleFileError(
                f"{source}: a presumption is a mapping of {', '.join(sorted(_PRESUMPTION_KEYS))}")
        name = entry["fact"]
        fact = _engine.FACT_TYPES.get(name) if isinstance(name, str) else None
        if fact is None or fact.kind != "boolean":
            raise RuleFileError(f"{source}: presumption on `{name}`: not a yes/no fact"
                                f"{did_you_mean(str(name), _engine.BOOLEAN_FACTS)}")
        if not isinstance(entry["value"], bool):
            raise RuleFileError(f"{source}: presumption on `{name}`: `value` must be true or false")
        out[name] = Presumption(name, entry["value"], str(entry["citation"]), str(entry["reason"]))
    return out


def _build(manifest: Mapping[str, Any], files: _Files) -> RuleSet:
    """A ruleset from its checked manifest and its rule files."""
    source = f"{files.where}/{_MANIFEST}"
    for key in ("title", "act", "url", "version"):
        if not isinstance(manifest.get(key), str):
            raise RuleFileError(f"{source}: `{key}` must be text")
    if not isinstance(manifest.get("parameters") or {}, dict) or not isinstance(
        manifest.get("regimes") or {}, dict
    ):
        raise RuleFileError(f"{source}: `parameters` and `regimes` must be mappings")
    base = load_ruleset(manifest["extends"]) if manifest.get("extends") else None
    parameters = dict(base.parameters) if base else {}
    parameters.update(_parameters(manifest.get("parameters") or {}, source))
    regimes = dict(base.regimes) if base else {}
    regimes.update(_regimes(manifest.get("regimes") or {}, source))
    presumptions = {p.fact: p for p in base.presumptions} if base else {}
    presumptions.update(_presumptions(manifest.get("presumptions") or [], source))
    files.param_kinds = {name: _engine.param_kind(p.values[0][1]) for name, p in parameters.items()}
    in_force_from = manifest.get("in_force_from") or (base.in_force_from if base else None)
    if not isinstance(in_force_from, dt.date):
        raise RuleFileError(f"{source}: `in_force_from` must be a date")

    own: list[Rule] = []
    for name in files.rule_files:
        file_source = f"{files.where}/{name}"
        data = files.document(name, keep_lines=True)
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise RuleFileError(f"{file_source}: expected a mapping with a `rules` list")
        for record in data["rules"]:
            own.append(
                parse_rule(
                    record,
                    source=file_source,
                    act=str(manifest["act"]),
                    url=str(manifest["url"]),
                    default_from=in_force_from,
                    predicates=files.predicate,
                )
            )

    rules = _as_provider(_merge(base, own, manifest, source), files.predicate)
    for rule in rules:
        for regime in (*rule.regimes, *rule.opens, *rule.as_provider):
            if regime not in regimes:
                raise RuleFileError(
                    f"{rule.source}: unknown regime `{regime}`{did_you_mean(regime, regimes)}"
                )
        if rule.applies_from is not None and rule.applies_from not in regimes:
            raise RuleFileError(f"{rule.source}: `applies_from` must name a regime")
    return RuleSet(
        id=str(manifest["id"]),
        title=str(manifest["title"]),
        act=str(manifest["act"]),
        version=str(manifest["version"]),
        url=str(manifest["url"]),
        in_force_from=in_force_from,
        description=str(manifest.get("description", "")),
        extends=manifest.get("extends"),
        rules=rules,
        parameters=parameters,
        regimes=regimes,
        defeaters=_defeaters(rules),
        presumptions=tuple(presumptions.values()),
        role_citations=_operators(manifest.get("operators"), base, source),
    )


def _operators(data: Any, base: RuleSet | None, source: str) -> dict[Any, str]:
    """The manifest's ``operators``: the provision defining each role, and under ``none`` the
    provision listing the persons the Act applies to; inherited from the base ruleset."""
    if data is None:
        return dict(base.role_citations) if base else {}
    expected = {*(r.value for r in Role), "none"}
    if not isinstance(data, dict) or set(data) != expected:
        raise RuleFileError(f"{source}: `operators` must map each of {', '.join(sorted(expected))} "
                            "to a provision")
    return {None if key == "none" else Role(key): str(value) for key, value in data.items()}


def _merge(base: RuleSet | None, own: list[Rule], manifest: Mapping[str, Any], source: str
           ) -> tuple[Rule, ...]:
    """Base rules, minus retired ones, with replacements in place, then new rules."""
    retire, replace = (set(strings(manifest.get(key) or [], source, key)) for key in ("retire", "replace"))
    base_rules = [r for r in (base.rules if base else ()) if r.derived_from is None]  # derived anew
    base_ids = {r.id for r in base_rules}
    for rule_id in retire | replace:
        if rule_id not in base_ids:
            raise RuleFileError(f"{source}: cannot retire or replace unknown rule `{rule_id}`")
    by_id: dict[str, Rule] = {}
    for rule in own:
        if rule.id in by_id:
            raise RuleConflictError(f"{rule.source}: rule id defined twice (see {by_id[rule.id].source})")
        if rule.id in base_ids and rule.id not in replace:
            raise RuleConflictError(
                f"{rule.source}: rule id already in the base ruleset; list it under `replace`"
            )
        by_id[rule.id] = rule
    missing = replace - by_id.keys()
    if missing:
        raise RuleFileError(f"{source}: `replace` names rules with no replacement: {sorted(missing)}")
    merged = [by_id.pop(r.id, r) for r in base_rules if r.id not in retire]
    merged.extend(r for r in own if r.id in by_id)
    return tuple(sorted(merged, key=_law_order))


_CONFIDENCE = ("low", "medium", "high")


def _as_provider(rules: tuple[Rule, ...], predicates: Callable[[str], _engine.Predicate]
                 ) -> tuple[Rule, ...]:
    """The rules, each duty declaring ``as_provider`` followed by the provider's duties in those
    regimes (but those it lists under ``except``) as duties of its own role: an operator
    considered the provider (Art 25(1), (3)) bears them where both that duty and the provider's
    hold.

    A provider duty of a regime the taker is not in itself (Art 50(1) beside the high-risk
    regimes) is borne for the taker's system: in the taker's regimes, where the rule opening the
    provider duty's regime holds too, from that regime's date. A derived duty has the ids of the
    two joined (``art_25_1_deployer_art_09``), the provider duty's title (naming the role and the
    provision that makes it the provider) and citation, and the dates all the rules it joins are
    in force."""
    out: list[Rule] = []
    ids = {r.id for r in rules}
    openers_of: dict[tuple[str, ...], tuple[Rule, ...]] = {}  # the rules opening some regime
    for taker in rules:
        out.append(taker)
        unknown = set(taker.not_as_provider) - ids
        if unknown:
            raise RuleFileError(f"{taker.source}: `as_provider.except` names no rule: {sorted(unknown)}")
        for duty in rules if taker.as_provider else ():
            if duty.role is not Role.PROVIDER or duty.id in taker.not_as_provider:
                continue
            shared = tuple(regime for regime in duty.regimes if regime in taker.as_provider)
            if not shared:
                continue
            own = tuple(regime for regime in shared if regime in taker.regimes)
            openers = () if own else openers_of.get(shared, ())
            if not own and shared not in openers_of:
                openers = openers_of[shared] = tuple(r for r in rules if not set(r.opens).isdisjoint(shared))
            joined = (taker, duty, *openers)
            start = max(r.effective_from for r in joined)
            until = min((r.effective_until for r in joined if r.effective_until), default=None)
            if until is not None and until <= start:
                continue
            conditions = [f"({r.when.text})" for r in (duty, taker) if r.when.text != "true"]
            if openers:
                conditions.append("(" + " or ".join(f"({r.when.text})" for r in openers) + ")")
            assert taker.role is not None  # an obligation's, see parse_rule
            role = taker.role.value.replace("_", " ")
            out.append(dataclasses.replace(
                duty, id=f"{taker.id}_{duty.id}", role=taker.role, regimes=own or taker.regimes,
                title=f"{duty.title} ({role} as the provider, {taker.citation.provision})",
                applies_from=duty.applies_from or (None if own else shared[0]),
                when=predicates(" and ".join(conditions)) if len(conditions) > 1 else taker.when,
                effective_from=start, effective_until=until,
                derived_from=tuple(r.id for r in joined),
                confidence=min((r.confidence for r in joined), key=_CONFIDENCE.index),
                source=taker.source))
    return tuple(out)


_STAGE = {"out_of_scope": 0, "prohibited": 1, "high_risk": 2, "exception": 3, "limited": 4,
          "minimal": 5}


def _law_order(rule: Rule) -> tuple[int, str]:
    """Scope, Art 5, Art 6, exceptions, Art 50, minimal, models, then obligations."""
    return (_STAGE.get(rule.outcome, 6 if rule.model_class else 7), rule.source.split(":")[0])


def _defeaters(rules: tuple[Rule, ...]) -> dict[str, tuple[str, ...]]:
    """For each rule, the rules that override it; a cycle is a conflict. Patterns name the rules
    of the files; a derived duty (see :func:`_as_provider`) falls with any rule it joins."""
    ids = [r.id for r in rules if r.derived_from is None]
    defeat: dict[str, set[str]] = {r.id: set() for r in rules}
    for rule in rules:
        for pattern in rule.overrides:
            for target in _matching(pattern, ids, rule):
                defeat[target].add(rule.id)
        for pattern in rule.yields_to:
            for winner in _matching(pattern, ids, rule):
                defeat[rule.id].add(winner)
    for rule in rules:  # a derived duty falls with any rule it joins
        if rule.derived_from is not None:
            defeat[rule.id] = set().union(*(defeat[joined] for joined in rule.derived_from))
    _check_acyclic(defeat, {r.id: r.source for r in rules})
    return {rid: tuple(sorted(d)) for rid, d in defeat.items()}


def _matching(pattern: str, ids: list[str], rule: Rule) -> list[str]:
    """The ids ``pattern`` names (a shell-style pattern, or an id), ``rule``'s own left out."""
    if any(char in pattern for char in "*?["):
        match = re.compile(fnmatch.translate(pattern)).match
        found = [i for i in ids if match(i) and i != rule.id]
    else:
        found = [pattern] if pattern != rule.id and pattern in ids else []
    if not found:
        raise RuleFileError(f"{rule.source}: `{pattern}` matches no rule{did_you_mean(pattern, ids)}")
    return found


MAX_OVERRIDE_DEPTH = 64
"""The longest chain of rules overriding one another (the shipped rules chain at most a few)."""


def _check_acyclic(defeat: Mapping[str, set[str]], sources: Mapping[str, str]) -> None:
    """Refuse rules that override each other in a cycle, naming each rule's file and line, and
    chains of overrides longer than :data:`MAX_OVERRIDE_DEPTH`. Walked without recursion."""
    depth: dict[str, int] = {}
    for root in defeat:
        if root in depth:
            continue
        path, stack = [root], [iter(sorted(defeat[root]))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                node = path.pop()
                stack.pop()
                depth[node] = 1 + max((depth[d] for d in defeat[node]), default=0)
                if depth[node] > MAX_OVERRIDE_DEPTH:
                    raise RuleConflictError(
                        f"{sources[node]}: more than {MAX_OVERRIDE_DEPTH} rules override each "
                        "other in a chain"
                    )
            elif nxt in path:
                cycle = [*path[path.index(nxt):], nxt]
                raise RuleConflictError("rules override each other in a cycle: " + " -> ".join(
                    f"{rule_id} ({sources[rule_id].split(': rule')[0]})" for rule_id in cycle))
            elif nxt not in depth:
                path.append(nxt)
                stack.append(iter(sorted(defeat[nxt])))
