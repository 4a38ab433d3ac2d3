"""Snapshots: the rules of a ruleset in force on one day, and what classification needs of them.

A :class:`Snapshot` holds the rules in force, their parameters' values that day, the overrides,
regimes and presumptions, and computes once what every classification under it shares: the
rules per subject with their generated deciders, the order of overrides, the obligations per
role, the askers of open questions and the whole-decision programs of :mod:`aiact_tiers.engine`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar, cast

from ..engine import deciders as _decide
from ..engine import predicates as _engine
from ..engine import programs as _program
from ..facts.vocabulary import IMPLIED_MEMBERS
from ..results.classification import (
    SEVERITY,
    TIER_ORDER,
    Confidence,
    ModelClass,
    Obligation,
    Status,
    Tier,
    construct,
)
from .rule import Rule, replaced

__all__ = ["Duty", "Parameter", "Picker", "Presumption", "Reader", "Regime", "Snapshot", "SubjectRules",
           "picker"]


class Regime(NamedTuple):
    """A group of obligations that apply together from one date (e.g. Art 113(c))."""

    id: str
    title: str
    citation: str
    applies_from: dt.date
    confidence: Confidence = "high"
    note: str = ""


class Parameter(NamedTuple):
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
whether it and the rule's other terms all hold among the answers of the carve-outs of
:meth:`Snapshot.severe_reach`."""


class SevereRule(NamedTuple):
    """See :attr:`Snapshot.severe_rules`."""

    rule: Rule
    severity: int
    position: int
    defeaters: tuple[str, ...]  # the overriding rules in force
    answers: Picker  # their answers among the classifying rules'
    carve_outs: tuple[CarveOut, ...]


class SevereReach(NamedTuple):
    """See :meth:`Snapshot.severe_reach`."""

    carved: SubjectRules  # the carve-outs, in the order of their positions
    owners: tuple[int, ...]  # for each carve-out, the index of its rule among the severe rules
    overridden: tuple[tuple[tuple[int, ...], SubjectRules], ...]  # per overriding rule


def _all(terms: Sequence[_engine.Tree]) -> _engine.Tree:
    """The conjunction of these trees."""
    return terms[0] if len(terms) == 1 else ("and", terms[0], _all(terms[1:]))


class Presumption(NamedTuple):
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


_F = TypeVar("_F", bound=Callable[..., Any])


def _kept(method: _F) -> _F:
    """A snapshot's method whose answers are kept on the snapshot by its arguments: computed on
    first use, then shared by every classification under that snapshot."""
    memo_name = f"_kept_{method.__name__}"

    @functools.wraps(method)
    def kept(self: Snapshot, *key: Any) -> Any:
        memo = self.__dict__.get(memo_name)
        if memo is None:
            memo = self.__dict__[memo_name] = {}
        try:
            return memo[key]
        except KeyError:
            found = memo[key] = method(self, *key)
            return found

    return cast(_F, kept)


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

    @_kept
    def for_roles(self, roles: frozenset[Any]) -> Snapshot:
        """The snapshot as operators in these roles see it: without the rules whose outcome binds
        none of them (a prohibition of use, as in Art 5(1)(h), binds deployers only)."""
        unbound = frozenset(r.id for r in self.rules if r.binds and not roles & r.binds)
        return self._without(unbound) if unbound else self

    @_kept
    def _without(self, unbound: frozenset[str]) -> Snapshot:
        """The snapshot without these rules (roles that leave out the same rules share it)."""
        return dataclasses.replace(self, rules=tuple(r for r in self.rules if r.id not in unbound))

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
        or a carve-out in their own terms can defeat, the most severe tier first, each with the
        severity of its tier (0 prohibited, 1 high-risk, 2 limited: :data:`SEVERITY` read from its
        end), its position, the overriding rules in force and the picker of their answers, and
        its carve-outs: for every negated term of its conjunction (``not
        biometric_verification_only``), the facts that term reads and the position of whether it
        and every other term hold among the answers of :meth:`severe_reach`'s carve-outs, so that
        a result can say which carve-out defeated it."""
        return self._severe[0]

    @functools.cached_property
    def severe_defeaters(self) -> Picker:
        """The picker of the answers of every rule overriding one of :attr:`severe_rules`."""
        return picker(map(self.position.__getitem__, self._severe_overriding))

    @functools.cached_property
    def _severe_overriding(self) -> tuple[str, ...]:
        """Every rule overriding one of :attr:`severe_rules`, once each, in order."""
        return tuple(dict.fromkeys(d for entry in self.severe_rules for d in entry.defeaters))

    @_kept
    def severe_reach(self, ceiling: int) -> SevereReach:
        """What can rule out a rule of :attr:`severe_rules` more severe than ``ceiling`` (a
        severity): the carve-outs of those rules, a prefix of every carve-out as the most severe
        come first; and for each rule of :attr:`severe_defeaters`, in its order, the indices of
        the rules it overrides among them and those rules, answered at once (an overridden rule
        is ruled out where it fires)."""
        rules, carved = self._severe
        below = [i for i, entry in enumerate(rules) if entry.severity < ceiling]
        owners = [i for i in below for _ in rules[i].carve_outs]
        overridden = []
        for d in self._severe_overriding:
            rows = tuple(i for i in below if d in rules[i].defeaters)
            overridden.append((rows, SubjectRules.of(tuple(rules[i].rule for i in rows))))
        return SevereReach(SubjectRules.of(carved[:len(owners)]), tuple(owners), tuple(overridden))

    @functools.cached_property
    def _severe(self) -> tuple[tuple[SevereRule, ...], tuple[Rule, ...]]:
        """:attr:`severe_rules`, and each carve-out with the other terms of its rule as a rule
        of its own, in the order of their positions."""
        severity = SEVERITY[:1:-1]  # the tiers above minimal, the most severe first
        out = []
        carved: list[Rule] = []
        for rule in sorted((r for r in self.classifying if r.tier in severity),
                           key=lambda r: severity.index(r.tier)):  # stable: in order within a tier
            terms = _engine.conjuncts(rule.when.tree)
            carve_outs = []
            for term in terms:
                if term[0] == "not":
                    carve_outs.append((_engine.facts_read(term[1]), len(carved)))
                    carved.append(replaced(rule, id=f"{rule.id}:{len(carved)}", when=(
                        _engine.predicate(f"carve-out of {rule.id}", _all(
                            [*(t for t in terms if t is not term), term[1]])))))
            defeaters = tuple(d for d in self.defeaters.get(rule.id, ()) if d in self.position)
            if carve_outs or defeaters:
                out.append(SevereRule(rule, severity.index(rule.tier), self.position[rule.id],
                                      defeaters, picker(map(self.position.__getitem__, defeaters)),
                                      tuple(carve_outs)))
        return tuple(out), tuple(carved)

    @_kept
    def answers(self, fact: str) -> tuple[Any, ...] | None:
        """Every answer to a yes/no, enumerated or date fact that the rules in force can tell
        apart, as the decision reads it: for a set, the empty set and one member of each group of
        members that every rule treats alike (named by the same literals and parameters), never
        an area or section marker, which stands for some member not known which; for a
        date, each day the rules compare with and the day before; None for numbers."""
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
                if member not in IMPLIED_MEMBERS:  # a marker stands for a member: no answer
                    groups.setdefault(self._signature(member.value), member)
            found = (frozenset(), *(frozenset({m}) for m in groups.values()))
        return found

    @_kept
    def reading(self, fact: str) -> tuple[tuple[Rule, ...], _decide.Decider | None]:
        """The rules in force that read ``fact``, and the three-valued decider of them all at
        once (None when they cannot be written as source): what a change of that fact alone
        can change."""
        rules = tuple(r for r in self.rules if fact in r.when.facts)
        texts = {r.when.text: r.when.tree for r in rules}  # many Art 25 duties read alike
        at = {text: i for i, text in enumerate(texts)}
        decider = _decide.decider(list(texts.values()), many=True, kleene=True,
                                  booleans=_engine.BOOLEAN_FACTS)
        pick = picker(at[r.when.text] for r in rules)
        return rules, (decider if decider is None or len(texts) == len(rules)
                       else lambda f, p: pick(decider(f, p)))

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

    def _signature(self, value: str) -> tuple[Any, ...]:
        """How the rules see ``value``: itself where a predicate names it, and which set
        parameters hold it."""
        return (value if value in self._literals else None,
                *(value in p for p in self.params.values() if isinstance(p, frozenset | tuple)))

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

    @_kept
    def tier_duties(self, tier: Tier, roles: frozenset[Any]) -> TierDuties:
        """The classifying rules reaching ``tier``, each with its position and the duties of
        these roles in the regimes it opens, with the positions of their overriding rules
        (None for a rule that opens no regime)."""
        duties = self.obligations_for(roles)
        return tuple(
            (self.position[rule.id], rule, tuple(
                (duty.rule, tuple(self.position[d] for d in duty.defeaters))
                for duty in duties if set(duty.regimes) & set(rule.opens)) if rule.opens else None)
            for rule in self.classifying if rule.tier is tier)

    @_kept
    def tier_overriders(self, tier: Tier, roles: frozenset[Any]) -> tuple[tuple[int, tuple[int, ...]], ...]:
        """The positions of the classifying rules reaching ``tier``, each with the positions of
        the rules overriding a duty of these roles in the regimes it opens, once each (see
        :meth:`tier_duties`)."""
        return tuple((i, tuple(dict.fromkeys(d for _, against in duties or () for d in against)))
                     for i, _, duties in self.tier_duties(tier, roles))

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
        return {
            rule.id: min((t for regime in rule.regimes for t in tiers.get(regime, ())),
                         key=SEVERITY.index, default=None)
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
        """For each exception in force, the classifying rules in force it overrides.

        An exception to a duty only is checked with that duty, so it has no targets here; nor is
        a rule out of force one (Art 2(10) over the Art 4 duty as adopted, after 27 July 2026).
        """
        classifying = self.position
        return {
            r.id: tuple(t for t in self.overridden.get(r.id, ()) if t in classifying)
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

    @_kept
    def asker(
        self, tiers: tuple[Tier, ...], models: tuple[ModelClass | None, ...]
    ) -> _program.Asker:
        """The open questions of the :attr:`askable` rules that bear on these undecided tiers and
        possible model classes, and of every exception (see :func:`_program.asker`)."""
        return _program.asker([(self.position[r.id], _reader(r)) for r in self.askable
                               if r.tier in tiers or r.model_class in models or r.exception])

    @functools.cached_property
    def readers(self) -> tuple[Reader, ...]:
        """Every rule in force as the reader of its facts, in order."""
        return tuple(map(_reader, self.rules))

    @_kept
    def readers_of(self, system: bool, model: bool) -> tuple[Reader, ...]:
        """:attr:`readers` of the rules about the subjects described (system, model)."""
        described = {"system": system, "model": model}
        return tuple(r for r in self.readers if described[r.subject])

    @_kept
    def readers_asker(self, system: bool, model: bool) -> _program.Asker:
        """The open questions of :meth:`readers_of` these subjects, each reader asking where
        its flag is set (see :func:`_program.asker`)."""
        return _program.asker(list(enumerate(self.readers_of(system, model))))

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

    @functools.cached_property
    def duty_openers(self) -> Mapping[Tier, tuple[tuple[tuple[int, frozenset[str]], ...], Picker]]:
        """For each tier, the classifying rules reaching a less severe tier above minimal that
        open regimes of obligations, each as its position among :attr:`classifying` with the ids
        of the duties of those regimes: a result of the tier cites such a rule where it fired and
        one of those duties is listed (Art 50(6): the transparency duties stand beside those of
        a high-risk system). A rule of a more severe tier that fired would have decided the
        tier; the catch-all minimal rule, whose regime is the Art 4 duty of every system,
        explains no tier of its own and is not cited beside one. Out of scope no duty is listed,
        and under a prohibition only its own, so no rule is cited beside either. Each tier's rules
        come with the picker of their answers."""
        regimes: dict[str, set[str]] = {}
        for duty in self.obligations:
            for regime in duty.regimes:
                regimes.setdefault(regime, set()).add(duty.id)
        ranked = [(self.position[r.id], r.tier, frozenset().union(*(regimes.get(g, ()) for g in r.opens)))
                  for r in self.openers if r.tier is not None and r.tier is not Tier.MINIMAL]
        out = {}
        for tier in TIER_ORDER:
            openers = tuple((at, duties) for at, reached, duties in ranked
                            if duties and TIER_ORDER.index(reached) > TIER_ORDER.index(tier))
            out[tier] = openers, picker(at for at, _ in openers)
        return out

    @_kept
    def program(self, system: bool, model: bool) -> _program.Compiled | None:
        """The whole decision as generated functions when a system, a model or both are
        described; None when it cannot be generated."""
        described = {"system": system, "model": model}
        kleene = _program.program(self, described, kleene=True)
        return None if kleene is None else _program.Compiled(self, described, kleene)

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
        for rule in self.obligations:  # read once per snapshot: the tree itself, not a decider
            answer = rule.when.reference({}, self.params)
            if answer is None and all(openers.get(regime, set()) <= {rule.subject}
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
        :mod:`aiact_tiers.decision.evaluation`)."""
        return {}

    @functools.cached_property
    def hit_parts(self) -> dict[str, Any]:
        """For each rule that decided some result, the parts of its basis entry that do not
        depend on the facts (filled on first use, see :mod:`aiact_tiers.decision.evaluation`)."""
        return {}

    @functools.cached_property
    def obligation_position(self) -> Mapping[str, int]:
        """Each obligation's position in :attr:`obligations`."""
        return {rule.id: k for k, rule in enumerate(self.obligations)}

    @functools.cached_property
    def obligation_results(self) -> ObligationResults:
        """The obligations as results, shared by every classification on this day."""
        return ObligationResults(self)

    @_kept
    def obligations_for(self, roles: frozenset[Any]) -> tuple[Duty, ...]:
        """The obligations of these roles, in order, each with what deciding it takes."""
        classifying = set(self.classifying_ids)
        return tuple(
            Duty(r, r.regimes, tuple(d for d in self.defeaters.get(r.id, ()) if d in classifying),
                 self.regimes[r.applies_from].applies_from if r.applies_from else None)
            for r in self.obligations if r.role in roles)

    @_kept
    def duties_by_regime(self, roles: frozenset[Any]) -> Mapping[str, tuple[int, ...]]:
        """For each regime, the positions in :meth:`obligations_for` of the duties it opens."""
        positions: dict[str, list[int]] = {}
        for position, duty in enumerate(self.obligations_for(roles)):
            for regime in duty.regimes:
                positions.setdefault(regime, []).append(position)
        return {k: tuple(v) for k, v in positions.items()}


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


class SubjectRules(NamedTuple):
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
