"""A snapshot's whole decision as one generated function.

The decision that follows the rules' answers (overrides, the tier and model class, the regimes
opened, the obligations per role with their dates and statuses) is logic over those answers.
:func:`program` writes the predicates and that logic once per snapshot as straight-line Python
over locals: a duty's predicate is read only where a regime opens it, and deciding a system costs
a few hundred bytecodes instead of loops over the rule graph. Two forms are written from the same
plan: Boolean, for descriptions whose every fact is known, and three-valued (Kleene: True,
False, None for unknown), for the rest. Both read a described subject's facts by key from a
mapping that holds every fact, an unknown one as None (see :func:`aiact_tiers.engine.predicates.read_facts`).
The loops over the rule graph in :mod:`aiact_tiers.decision.evaluation` are the reference: the tests check
that every generated form agrees with them.

As in :mod:`aiact_tiers.engine.deciders`, nothing from a rule file becomes code: rules are named by
their position, fact names are checked names written as ``repr`` literals, and every value
(tiers, dates, roles) is read from a global ``c0``, ``c1``... of the generated code.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..facts import partial as _partial
from ..facts.vocabulary import Role
from ..results.classification import TIER_ORDER, Obligation, Tier
from . import deciders as _decide
from . import predicates as _engine

if TYPE_CHECKING:
    from ..law.rule import Rule
    from ..law.snapshot import Duty, Reader, Snapshot

__all__ = ["Asker", "Compiled", "Decided", "Program", "Stop", "ask", "asker", "program"]

_EVERY_ROLE = frozenset(Role)
_FACTS = {"system": "fs", "model": "fm"}  # the generated code's names of the two fact mappings
_LITERAL = re.compile(r"True|False|None|c\d+")  # a constant of the generated code, not a local


Decided = tuple[
    list[Tier],  # the possible tiers
    list[Any],  # the possible model classes
    tuple[bool, ...],  # whether each classifying rule's own and effective answers are unknown
    tuple[bool | None, ...],  # each classifying rule's effective answer
    list[Obligation],  # the obligations that apply or may apply, in order
    list[int],  # duties whose regime is certainly open but whose own answer is not
    tuple[Any, ...] | None,  # what the duties read of the decision (three-valued form only)
]
"""What a program decides, as a plain tuple (cheaper to build than a named one): the possible
tiers and model classes; for each classifying rule, in the snapshot's order, whether its own and
its effective answers are both unknown (only where questions may be open) and its effective
answer; the obligations that apply or may apply (the snapshot's shared results); the
positions of the duties whose regime is certainly open but whose own answer is not; and, in the
three-valued form, what the duties read of the decision besides their own predicates (whether
their regimes may be and are open, from which day, and their overriding rules' answers), to
compare decisions by (see :class:`Program`)."""


Stop = tuple[list[Tier], list[Any]] | tuple[list[Tier], list[Any], tuple[Any, ...]]
"""What a decision is compared with (see :class:`Program`): tiers and model classes, and
perhaps what its duties read of it."""


class _Step(NamedTuple):
    """How the duties at one position are decided, as source: their regimes (those a rule in
    force opens), the test that one may be open, the test that their role is asked, their
    predicate, whether their regimes are open (from ``day``), the effective answers of the
    rules overriding them, and the day they apply from."""

    regimes: tuple[str, ...]
    may: str
    role: str
    holds: str
    opens: str
    against: list[str]
    day: str


class Program(Protocol):
    """``(system facts, model facts, parameters, roles) -> Decided``; the facts of a described
    subject all present, an unknown one None (an undescribed subject's are never read). With
    ``stop``, the tiers and model classes of another decision, the decision gives no open
    flags (a comparison asks no questions), and where the tiers and model classes decided
    differ from it, no answers or duties either: it ends there. Where ``stop`` also holds what
    the duties read of that decision (the last item of :data:`Decided`) and it reads the same,
    it ends there too, with no answers or duties: with the same tiers, the duties whose own
    predicates answer as before stand as before."""

    def __call__(self, fs: Mapping[str, Any], fm: Mapping[str, Any], p: Mapping[str, Any],
                 roles: frozenset[Any], stop: Stop | None = None) -> Decided: ...


class Compiled:
    """The programs for one pair of subjects described: ``kleene`` for any description, and
    ``known`` for descriptions whose every fact is known (None where it cannot be written),
    written on first use: a run whose descriptions all leave facts open never needs it."""

    def __init__(self, snapshot: Snapshot, described: Mapping[str, bool], kleene: Program) -> None:
        self.snapshot, self.described, self.kleene = snapshot, described, kleene

    @functools.cached_property
    def known(self) -> Program | None:
        return program(self.snapshot, self.described, kleene=False)


Asker = Callable[[Sequence[bool], Mapping[str, Any], Mapping[str, Any], dict[str, list[str]]], None]
"""``(open, system facts, model facts, asked)``: adds to ``asked`` each unknown fact that the
open rules read (``open``: a flag per classifying rule), with the rules that read it, in the
order they read them."""


def asker(rules: Sequence[tuple[int, Reader]]) -> Asker:
    """The open questions of these rules (each with its position among the classifying rules)
    as one generated function of straight-line tests; :func:`ask` in a loop when it cannot be
    written. Rule ids are constants; fact names, checked identifiers, are ``repr`` literals."""
    constants: list[Any] = []
    lines = ["def ask(u, fs, fm, q):", "    pass"]
    try:
        for i, (rule_id, subject, names) in rules:
            if not names:
                continue  # a rule reading no fact asks nothing (and an empty test is no Python)
            constants.append(rule_id)
            lines.append(f"    if u[{i}]:")
            for fact in names:
                name = _decide.name_literal(fact)
                unknown = (".__class__ is not frozenset"  # unset, or known in part
                           if _engine.FACT_TYPES[fact].kind == "set" else " is None")
                lines += [f"        if {_FACTS[subject]}[{name}]{unknown}:",  # every fact is there
                          f"            if {name} in q:",
                          f"                q[{name}].append(c{len(constants) - 1})",
                          "            else:",
                          f"                q[{name}] = [c{len(constants) - 1}]"]
        code = compile("\n".join(lines) + "\n", "<questions>", "exec")
    except (_decide.Unsupported, SyntaxError, RecursionError, MemoryError, ValueError):
        return lambda u, fs, fm, q: ask((r for i, r in rules if u[i]), {"system": fs, "model": fm}, q)
    namespace = _decide.globals_for(constants)
    exec(code, namespace)  # generated above: positions, checked fact names and constants only
    function: Asker = namespace["ask"]
    return function


def ask(readers: Iterable[Reader], facts: Mapping[str, Mapping[str, Any]],
        asked: dict[str, list[str]]) -> None:
    """Adds to ``asked`` each unknown fact these readers read, with the readers, in order."""
    for rule_id, subject, names in readers:
        known = facts[subject]
        for name in names:
            if (value := known.get(name)) is None or type(value) is _partial.PartialSet:
                if name in asked:
                    asked[name].append(rule_id)
                else:
                    asked[name] = [rule_id]


def program(snapshot: Snapshot, described: Mapping[str, bool], *, kleene: bool) -> Program | None:
    """The decision of ``snapshot`` for the subjects ``described`` (system, model), Boolean or
    three-valued; None when a predicate cannot be written as source or an answer would stay
    open where the Boolean form needs it known."""
    writer = (_Kleene if kleene else _Boolean)(snapshot, described)
    try:
        text = writer.source()
        code = compile(text, "<decision>", "exec")
    except (_decide.Unsupported, SyntaxError, RecursionError, MemoryError, ValueError):
        return None
    namespace = _decide.globals_for(writer.constants)
    exec(code, namespace)  # generated above: positions, operators and checked fact names only
    function: Program = namespace["decide"]
    return function


class _Writer(ABC):
    """What both forms share: constants, locals, and the plan of the decision; ``e[i]`` holds
    the name of rule i's effective answer as it is resolved."""

    def __init__(self, snapshot: Snapshot, described: Mapping[str, bool]) -> None:
        self.snapshot = snapshot
        self.described = described
        self.constants: list[Any] = []
        self.position = snapshot.position
        self.e = [f"r{i}" for i in range(len(snapshot.classifying_ids))]
        self.lines: list[str] = []
        self.count = 0
        self.hoisted: dict[str, dict[str, str]] = {"system": {}, "model": {}}
        self.results = ""  # the name of the snapshot's obligation results

    def constant(self, value: Any) -> str:
        self.constants.append(value)
        return f"c{len(self.constants) - 1}"

    def local(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def emit(self, line: str, depth: int = 0) -> None:
        self.lines.append("    " * (depth + 1) + line)

    # The logic, written by each form.
    def may(self, name: str) -> str:
        """Whether the answer in ``name`` is or may be True."""
        return f"{name} is not False"

    @abstractmethod
    def any_of(self, names: Sequence[str]) -> str:
        """The disjunction of the answers named."""

    @abstractmethod
    def both(self, a: str, b: str) -> str:
        """The conjunction of two answers."""

    @abstractmethod
    def predicate(self, rule: Rule) -> str:
        """The rule's predicate as source over the facts of its subject."""

    @abstractmethod
    def undescribed(self, answer: bool | None) -> str | None:
        """An undescribed subject's duty answer as source (None: the duty never applies)."""

    @abstractmethod
    def nonempty(self, name: str) -> str:
        """Whether the set fact held in ``name`` is or may be non-empty."""

    def read(self, facts: str, name: str) -> str:
        """Source reading the fact ``name`` from the mapping named ``facts`` (every fact is
        there, an unknown one None)."""
        return f"{facts}[{_decide.name_literal(name)}]"

    def hoist(self) -> None:
        """Read once into a local each fact that several classifying rules read."""
        readers: dict[tuple[str, str], int] = {}
        for rule in self.snapshot.classifying:
            if self.described[rule.subject]:
                for name in rule.when.facts:
                    readers[rule.subject, name] = readers.get((rule.subject, name), 0) + 1
        for (subject, name), count in readers.items():
            if count > 1:
                local = self.hoisted[subject][name] = self.local("x")
                self.emit(f"{local} = {self.read(_FACTS[subject], name)}")

    def source(self) -> str:
        s = self.snapshot
        self.hoist()
        gated: dict[str, list[tuple[int, str]]] = {}
        for i, rule in enumerate(s.classifying):
            constant = _constant_truth(rule) if self.described[rule.subject] else False
            answer = self.predicate(rule) if constant is None else str(constant)
            fact = _gate(rule.when.tree) if constant is None else None
            gate = fact and self.hoisted[rule.subject].get(fact)
            if gate:
                gated.setdefault(gate, []).append((i, answer))
            else:
                self.emit(f"r{i} = {answer}")
        for gate, answers in gated.items():  # false together while the set they read is empty
            self.emit(f"if {self.nonempty(gate)}:")
            for i, answer in answers:
                self.emit(f"r{i} = {answer}", 1)
            self.emit("else:")
            self.emit(" = ".join(f"r{i}" for i, _ in answers) + " = False", 1)
        self.overrides()
        tiers, models = self.classes()
        self.emit(f"if stop is not None and (stop[0] != {tiers} or stop[1] != {models}):")
        self.emit(f"return {tiers}, {models}, (), (), [], [], None", 1)
        self.emit("out = []")
        self.emit("undecided = []")
        state = self.obligations(tiers, models)
        effective = "(" + "".join(f"{name}, " for name in self.e) + ")"
        self.emit("if stop is not None:")  # a comparison asks no questions
        self.emit(f"return {tiers}, {models}, (), {effective}, out, undecided, {state}", 1)
        self.emit(f"return {tiers}, {models}, {self.unknown()}, {effective}, out, undecided, {state}")
        return "\n".join(["def decide(fs, fm, p, roles, stop=None):", *self.lines, ""])

    def unknown(self) -> str:
        """Whether each classifying rule's own and effective answers are both unknown: the
        rules whose facts open questions ask."""
        return "(" + "".join(f"r{i} is None, " if e == f"r{i}" else f"{e} is None is r{i}, "
                             for i, e in enumerate(self.e)) + ")"

    def override_runs(self) -> list[tuple[tuple[str, ...], list[int]]]:
        """The overridden classifying rules in the order their overrides resolve, as runs of
        consecutive rules with the same overriding rules in force: their ids, and the
        positions of the rules of the run."""
        runs: list[tuple[tuple[str, ...], list[int]]] = []
        for rule_id, defeaters in self.snapshot.defeat_order:
            live = tuple(d for d in defeaters if d in self.position)
            if live and runs and runs[-1][0] == live:
                runs[-1][1].append(self.position[rule_id])
            elif live:
                runs.append((live, [self.position[rule_id]]))
        return runs

    @abstractmethod
    def overrides(self) -> None:
        """Effective answers: a rule fires and no effective rule overriding it does; an
        exception applies only where a rule it overrides fired (see evaluation.Evaluation)."""

    def coverage(self) -> dict[str, str]:
        """For each exception, the name of whether a rule it overrides fired where it could
        matter (over a rule that fired or, for an exception, one that it covers)."""
        reach: dict[str, str] = {}
        covered: dict[str, str] = {}
        for rule_id, rules, exceptions in self.snapshot.exception_order:
            fired = [f"r{self.position[t]}" for t in rules] + [reach[x] for x in exceptions]
            covered[rule_id] = self.local("v")
            reach[rule_id] = self.local("h")
            self.emit(f"{covered[rule_id]} = {self.any_of(fired)}")
            self.emit(f"{reach[rule_id]} = {self.both(f'r{self.position[rule_id]}', covered[rule_id])}")
        return covered

    @abstractmethod
    def classes(self) -> tuple[str, str]:
        """Emit the possible tiers and model classes; the names of their lists."""

    def obligations(self, tiers: str, models: str) -> str:
        """Regimes opened by effective rules (a prohibition closes every other route), each from
        its earliest date; then each duty whose regime is open, that holds and that no effective
        rule overrides, for the roles asked, as the snapshot's shared result. A group (the
        duties opened by the same regimes) has its openness, day and shared predicates read
        once; the duties follow in the snapshot's order, so the obligations need no sorting.
        The name of what the duties read of the decision (see :meth:`end_if_same`)."""
        s = self.snapshot
        self.results = self.constant(s.obligation_results)
        outside = self.constant(Tier.OUT_OF_SCOPE)
        state = self.state()
        self.emit(f"if not (len({tiers}) == 1 and {tiers}[0] is {outside}):")
        go = self.local("go")  # a route other than a prohibition can open a regime
        self.emit(f"{go} = not (len({tiers}) == 1 and {tiers}[0] is {self.constant(Tier.PROHIBITED)})", 1)
        openers: dict[str, list[tuple[dt.date, str, bool]]] = {}
        for rule_id, prohibits, opens in s.openings:
            e = self.e[self.position[rule_id]]
            for regime, start in opens:
                openers.setdefault(regime, []).append((start, e, prohibits))
        is_open: dict[str, str] = {}
        for regime, entries in openers.items():
            is_open[regime] = self.local("o")
            self.emit(f"{is_open[regime]} = {self.opened(entries, go)}", 1)
        roles: dict[Any, str] = {}
        groups: dict[tuple[str, ...], list[tuple[int, Duty, str]]] = {}
        for k, duty in enumerate(s.obligations_for(_EVERY_ROLE)):
            regimes = tuple(r for r in duty.regimes if r in is_open)
            holds = self.duty(duty.rule)
            if regimes and holds is not None:
                groups.setdefault(regimes, []).append((k, duty, holds))
                roles.setdefault(duty.rule.role, self.local("role"))
        for role, flag in roles.items():
            self.emit(f"{flag} = {self.constant(role)} in roles", 1)
        since = {r: self.since(sorted(openers[r]), go, is_open[r])
                 for r in dict.fromkeys(r for regimes in groups for r in regimes)}
        opened_groups = []  # each group with its test, openness, day and how surely dated
        for regimes, duties in groups.items():
            may, open_ = self.group([is_open[r] for r in regimes])
            earliest = since[regimes[0]]
            if len(regimes) > 1 and any(duty.applies_from is None for _, duty, _ in duties):
                earliest, latest = self.local("day"), self.constant(dt.date.max)
                self.emit(f"{earliest} = min(" + ", ".join(  # the earliest of its open regimes
                    f"({since[r]} if {self.may(is_open[r])} else {latest})" for r in regimes
                ) + f") if {may} else None", 1)
            dated = open_  # how surely a duty applies from ``earliest``: see dated()
            if any(duty.applies_from is None for _, duty, _ in duties):
                dated = self.dated(open_, earliest, [(sorted(openers[r]), is_open[r])
                                                     for r in regimes], go)
            opened_groups.append((duties, may, open_, earliest, dated))
        self.end_if_same(state, tiers, models, [
            *(name for _, *names in opened_groups for name in names),
            *(self.e[self.position[d]] for duties, *_ in opened_groups
              for _, duty, _ in duties for d in duty.defeaters)])
        steps: dict[int, _Step] = {}  # by position
        guards: dict[tuple[str, ...], str] = {}  # each group's test that a regime may be open
        for duties, may, open_, earliest, dated in opened_groups:
            holding = self.shared_predicates(duties, may)
            for k, duty, holds in duties:
                regimes = tuple(r for r in duty.regimes if r in is_open)
                guards[regimes] = may
                steps[k] = _Step(regimes, may, roles[duty.rule.role],
                                 holding.get((duty.rule.subject, duty.rule.when.text), holds),
                                 dated if duty.applies_from is None else open_,
                                 [self.e[self.position[d]] for d in duty.defeaters],
                                 earliest if duty.applies_from is None
                                 else self.constant(duty.applies_from))
        self.prepare(list(steps.values()))
        runs: list[tuple[list[int], _Step]] = []
        for k in sorted(steps):  # duties next to one another decided alike are decided at once
            if runs and runs[-1][1] == steps[k]:
                runs[-1][0].append(k)
            else:
                runs.append(([k], steps[k]))
        self.nest(runs, guards)
        return state

    def nest(self, runs: list[tuple[list[int], _Step]], guards: dict[tuple[str, ...], str]) -> None:
        """Emit the duties' statuses in order, those next to one another inside one test that
        a regime may be open (the widest group's holding all of theirs: every Annex I and
        Annex III duty under the test of the high-risk regimes) and, within it, one test of
        each role asked: a closed regime or a role not asked skips every duty it holds."""
        block: tuple[frozenset[str], str] | None = None
        role = None
        for ks, step in runs:
            regimes = frozenset(step.regimes)
            if block is None or not regimes <= block[0]:
                widest = max((r for r in guards if regimes <= set(r)), key=len)
                block, role = (frozenset(widest), guards[widest]), None
                self.emit(f"if {block[1]}:", 1)
            if step.role != role:
                role = step.role
                self.emit(f"if {role}:", 2)
            self.duty_status(ks, None if step.may == block[1] else step.may, step, 3)

    @abstractmethod
    def state(self) -> str:
        """Emit, before the regimes are read, the local that holds what the duties read of
        the decision besides their own predicates (see :meth:`end_if_same`); its name."""

    @abstractmethod
    def end_if_same(self, state: str, tiers: str, models: str, names: list[str]) -> None:
        """Emit the end of a comparison (``stop``) whose decision read the same ``names``:
        what the duties read of the decision besides their own predicates (whether their
        regimes may be and are open, from which day, and their overriding rules' answers)."""

    def add(self, name: str, items: Sequence[str], depth: int) -> None:
        """Emit the appending of ``items`` to the list ``name``, in order."""
        if len(items) == 1:
            self.emit(f"{name}.append({items[0]})", depth)
        else:
            self.emit(f"{name} += ({', '.join(items)})", depth)

    def results_of(self, ks: Sequence[int], day: str, status: str) -> list[str]:
        """The shared results of the duties at ``ks`` with this day and status, as source."""
        return [f"{self.results}[{k}, {day}, {status}]" for k in ks]

    @abstractmethod
    def prepare(self, steps: list[_Step]) -> None:
        """Emit what several duties' statuses share, before the first of them."""

    def group(self, opened: list[str]) -> tuple[str, str]:
        """A group's test that one of its regimes may be open, and the name of whether one is
        (Kleene's disjunction of their openness)."""
        opens = opened[0]
        if len(opened) > 1:
            opens = self.local("open")
            self.emit(f"{opens} = {self.any_of(opened)}", 1)
        test = self.may(opens)
        if test.isidentifier():  # already a name
            return test, opens
        may = self.local("g")
        self.emit(f"{may} = {test}", 1)
        return may, opens

    def shared_predicates(self, duties: list[tuple[int, Duty, str]], may: str
                          ) -> dict[tuple[str, str], str]:
        """The predicates that several duties of a group share (one duty per role, say), each
        read once into a local while the group's regimes may be open."""
        readers: dict[tuple[str, str], list[str]] = {}
        for _, duty, holds in duties:
            if holds != "True":
                readers.setdefault((duty.rule.subject, duty.rule.when.text), []).append(holds)
        shared = {}
        for key, texts in readers.items():
            if len(texts) > 1:
                shared[key] = self.local("p")
                self.emit(f"{shared[key]} = {texts[0]} if {may} else None", 1)
        return shared

    def opened(self, entries: list[tuple[dt.date, str, bool]], go: str) -> str:
        """Whether a regime is open, from its openers' effective answers: the prohibiting ones,
        and the others while a route other than a prohibition is open."""
        others = [e for _, e, prohibits in entries if not prohibits]
        return self.any_of([e for _, e, prohibits in entries if prohibits]
                           + ([f"({self.any_of(others)} if {go} else False)"] if others else []))

    def since(self, entries: list[tuple[dt.date, str, bool]], go: str, opened: str) -> str:
        """The day a regime opens: that of its earliest opener that is not ruled out (read
        while the regime may be open)."""
        name = self.local("since")
        self.emit(f"{name} = ({self.first_day(entries, go, self.may, 'None')})"
                  f" if {self.may(opened)} else None", 1)
        return name

    def first_day(self, entries: list[tuple[dt.date, str, bool]], go: str,
                  test: Callable[[str], str], otherwise: str) -> str:
        """The day of the earliest opener whose answer passes ``test`` (a route other than a
        prohibition counting while ``go``), or ``otherwise``, as source."""
        text = otherwise
        mixed = any(prohibits for _, _, prohibits in entries)
        for start, e, prohibits in reversed(entries):
            condition = f"({go} and {test(e)})" if mixed and not prohibits else test(e)
            text = f"{self.constant(start)} if {condition} else {text}"
        return text

    def dated(self, opens: str, day: str,
              regimes: list[tuple[list[tuple[dt.date, str, bool]], str]], go: str) -> str:
        """Whether these regimes, open from ``day``, are open (``opens``) from that day: unknown
        where an opener earlier than every one that fires may fire, as the day a duty applies
        from is then open (the regimes as their openers and openness)."""
        return opens

    def duty(self, rule: Rule) -> str | None:
        """The duty's predicate; for a subject not described, its answer as the reference path
        gives it (None: the duty never applies)."""
        if self.described[rule.subject]:
            constant = _constant_truth(rule)
            if constant is not None:
                return "True" if constant else None
            return self.predicate(rule)
        return self.undescribed(self.snapshot.undescribed_duties[rule.id])

    @abstractmethod
    def duty_status(self, ks: list[int], may: str | None, step: _Step, depth: int) -> None:
        """Emit, at ``depth``, the status of the duties at ``ks``, decided alike as ``step``
        says, and add their results to the obligations where they may apply; ``may`` is the
        test that their regimes may be open where the enclosing test is wider (their role is
        tested around them)."""


class _Boolean(_Writer):
    """Two-valued: every answer is True or False (every fact read is known)."""

    def state(self) -> str:
        return "None"  # a decision on known facts asks no question: it is never compared

    def end_if_same(self, state: str, tiers: str, models: str, names: list[str]) -> None:
        pass

    def unknown(self) -> str:
        return "()"  # a certain result leaves no question open

    def may(self, name: str) -> str:
        return name

    def any_of(self, names: Sequence[str]) -> str:
        if len(names) > 3:  # one membership test of a tuple: fewer steps than a chain of `or`
            return f"(True in ({', '.join(names)}))"
        return "(" + " or ".join(names) + ")" if names else "False"

    def both(self, a: str, b: str) -> str:
        return f"{a} and {b}"

    def overrides(self) -> None:
        """Each answer overridden in place: the coverage of the exceptions, which reads the
        rules' own answers, comes first; then each run of rules with the same overriding rules
        is cleared by one test."""
        s = self.snapshot
        covered = self.coverage()
        for live, positions in self.override_runs():
            against = [self.e[self.position[d]] for d in live]
            fires = f"r{positions[0]} and " if len(positions) == 1 else ""  # the cheaper test first
            self.emit(f"if {fires}{self.any_of(against)}:")
            self.emit(" = ".join(f"r{i}" for i in positions) + " = False", 1)
        for rule_id, targets in s.exception_targets.items():
            if targets:
                self.emit(f"if not {covered[rule_id]}:")
                self.emit(f"r{self.position[rule_id]} = False", 1)

    def nonempty(self, name: str) -> str:
        return name

    def predicate(self, rule: Rule) -> str:
        return _decide.boolean(rule.when.tree, self.constants, _engine.BOOLEAN_FACTS,
                               _FACTS[rule.subject], self.hoisted[rule.subject])

    def undescribed(self, answer: bool | None) -> str | None:
        if answer is None:
            raise _decide.Unsupported("open")  # an open answer that could count
        return "True" if answer else None

    def classes(self) -> tuple[str, str]:
        """The first tier and model class in order that an effective rule reaches."""
        out = []
        for kind, groups, none in (("tiers", self.snapshot.tier_groups, "[]"),
                                   ("models", self.snapshot.model_class_groups, "[None]")):
            subject = "system" if kind == "tiers" else "model"
            text = none if self.described[subject] else "[]"
            if self.described[subject]:
                for cls, rule_ids in reversed(groups):
                    reached = self.any_of([self.e[self.position[r]] for r in rule_ids])
                    text = f"[{self.constant(cls)}] if {reached} else {text}"
            name = self.local(kind)
            self.emit(f"{name} = {text}")
            out.append(name)
        return out[0], out[1]

    def prepare(self, steps: list[_Step]) -> None:
        """For each set of overriding rules that duties share, whether none is effective, read
        once."""
        self.free: dict[tuple[str, ...], str] = {}
        for step in steps:
            against = step.against
            if against and tuple(against) not in self.free:
                free = self.free[tuple(against)] = self.local("free")
                self.emit(f"{free} = not {self.any_of(against)}", 1)

    def duty_status(self, ks: list[int], may: str | None, step: _Step, depth: int) -> None:
        tests = [] if may is None else [may]
        if step.holds != "True":
            tests.append(f"({step.holds})")
        if step.against:
            tests.append(self.free[tuple(step.against)])
        if tests:
            self.emit(f"if {' and '.join(tests)}:", depth)
            depth += 1
        self.add("out", self.results_of(ks, step.day, "True"), depth)


class _Kleene(_Writer):
    """Three-valued: True, False, or None while unknown facts leave an answer open."""

    def __init__(self, snapshot: Snapshot, described: Mapping[str, bool]) -> None:
        super().__init__(snapshot, described)
        self.kleene = {subject: _decide.Kleene(self.constants, _engine.BOOLEAN_FACTS, facts,
                                               self.hoisted[subject], every=True)
                       for subject, facts in _FACTS.items()}
        self.overriding: dict[tuple[str, ...], str] = {}  # whether any of these rules is effective
        self.statuses: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = {}  # see prepare
        self.firms: dict[str, str] = {}  # by regime openness: see firm

    def nonempty(self, name: str) -> str:
        return f"({name} is None or {name})"

    def state(self) -> str:
        name = self.local("state")
        self.emit(f"{name} = ()")
        return name

    def end_if_same(self, state: str, tiers: str, models: str, names: list[str]) -> None:
        read = [n for n in dict.fromkeys(names) if n.isidentifier() and not _LITERAL.fullmatch(n)]
        self.emit(f"{state} = (" + "".join(f"{n}, " for n in read) + ")", 1)
        self.emit(f"if stop is not None and len(stop) > 2 and stop[2] == {state}:", 1)
        self.emit(f"return {tiers}, {models}, (), (), [], [], {state}", 2)

    def any_of(self, names: Sequence[str]) -> str:
        if len(names) <= 1:
            return names[0] if names else "False"
        t = self.local("k")
        return f"(True if True in ({t} := ({', '.join(names)})) else None if None in {t} else False)"

    def both(self, a: str, b: str) -> str:
        t = self.local("k")
        return f"(False if False in ({t} := ({a}, {b})) else None if None in {t} else True)"

    def overrides(self) -> None:
        """Each overridden answer in a new local, as the rules' own answers stay needed. A run
        of rules with the same overriding rules (all of Annex III, say) is resolved by one test
        of whether one of those is effective; overriding rules that override one rule alone
        are read only where that rule may fire."""
        s = self.snapshot
        runs = self.override_runs()
        uses = Counter(live for live, positions in runs for _ in positions)
        for live, positions in runs:  # in order: the overriding rules' names are final here
            against = [self.e[self.position[d]] for d in live]
            fired = [self.e[i] for i in positions]
            names = [self.local("e") for _ in positions]
            if len(positions) == 1:
                self.emit(f"{names[0]} = {self.undefeated(fired[0], against, uses[live] == 1)}")
            else:
                a = self.overrider(against)
                self.emit(f"if {a} is False:")
                self.emit(f"{', '.join(names)} = {', '.join(fired)}", 1)
                self.emit(f"elif {a} is True:")
                self.emit(" = ".join(names) + " = False", 1)
                self.emit("else:")
                for name, answer in zip(names, fired, strict=True):
                    self.emit(f"{name} = None if {answer} is not False else False", 1)
            for i, name in zip(positions, names, strict=True):
                self.e[i] = name
        covered = self.coverage()
        for rule_id, targets in s.exception_targets.items():
            if targets:
                i = self.position[rule_id]
                name = self.local("e")
                self.emit(f"{name} = {self.both(self.e[i], covered[rule_id])}")
                self.e[i] = name

    def overrider(self, against: list[str]) -> str:
        """The name of whether one of these overriding rules is effective, read once."""
        a = self.overriding.get(tuple(against))
        if a is None:
            a = against[0] if len(against) == 1 else self.local("a")
            if len(against) > 1:
                self.emit(f"{a} = {self.any_of(against)}")
            self.overriding[tuple(against)] = a
        return a

    def undefeated(self, fired: str, against: list[str], once: bool) -> str:
        """Fires, and no effective rule overriding it does; overriding rules read ``once`` are
        read inside, only where the rule may fire."""
        if once and len(against) > 1:
            a = self.local("a")
            read = f"({a} := {self.any_of(against)})"
        else:
            a = read = self.overrider(against)
        return (f"(False if {fired} is False or {read} is True"
                f" else None if {fired} is None or {a} is None else True)")

    def predicate(self, rule: Rule) -> str:
        return self.kleene[rule.subject].truth(rule.when.tree)

    def undescribed(self, answer: bool | None) -> str | None:
        return None if answer is False else repr(answer)  # True or None

    def classes(self) -> tuple[str, str]:
        """The tiers and model classes still possible, in order, up to the first that an
        effective rule certainly reaches; tiers past the last one certainly reached whichever
        way the open facts fall are dropped (see evaluation.Evaluation._last_certain_tier)."""
        s = self.snapshot
        tiers, models = self.local("tiers"), self.local("models")
        self.emit(f"{tiers} = []")
        self.emit(f"{models} = []")
        if self.described["system"]:
            last = self.last_certain_tier()
            self.possible(tiers, [(cls, TIER_ORDER.index(cls), ids) for cls, ids in s.tier_groups],
                          last, None)
        if self.described["model"]:
            self.possible(models, [(cls, 0, ids) for cls, ids in s.model_class_groups], None, "None")
        return tiers, models

    def last_certain_tier(self) -> str:
        """Rules with the same rivals and tier are tested together: ``last`` only decreases."""
        s = self.snapshot
        last = self.local("last")
        self.emit(f"{last} = {len(TIER_ORDER) - 1}")
        together: dict[tuple[tuple[str, ...], str], list[str]] = {}
        for rule_id, position, defeaters in s.tier_rules:
            rivals = [d for d in defeaters if d in self.position]
            tierless = [self.e[self.position[d]] for d in rivals if s.tier_of.get(d) is None]
            tiered = [(self.e[self.position[d]], TIER_ORDER.index(s.tier_of[d]))
                      for d in rivals if s.tier_of.get(d) is not None]
            reached = ", ".join([str(position), *(f"({p} if {e} is not False else {position})"
                                                  for e, p in tiered)])
            reach = f"max({reached})" if tiered else str(position)
            tests = tuple(f"{e} is False" for e in tierless)
            together.setdefault((tests, reach), []).append(f"r{self.position[rule_id]}")
        for (tests, reach), fired in together.items():
            certain = f"{fired[0]} is True" if len(fired) == 1 else f"True in ({', '.join(fired)})"
            self.emit(f"if {' and '.join([*tests, certain])}:")
            self.emit(f"{last} = min({last}, {reach})", 1)
        return last

    def possible(self, name: str, groups: list[tuple[Any, int, tuple[str, ...]]],
                 last: str | None, otherwise: str | None) -> None:
        """Append each class some effective rule may reach, stopping after one that one
        certainly reaches; ``otherwise`` when none does."""
        depth = 0
        for n, (cls, position, rule_ids) in enumerate(groups, start=1):
            g = self.local("g")
            self.emit(f"{g} = {self.any_of([self.e[self.position[r]] for r in rule_ids])}", depth)
            condition = f"{g} is not False" + (f" and {position} <= {last}" if last else "")
            self.emit(f"if {condition}:", depth)
            self.emit(f"{name}.append({self.constant(cls)})", depth + 1)
            if n < len(groups) or otherwise is not None:
                self.emit(f"if {g} is not True:", depth)
                depth += 1
        if otherwise is not None:
            self.emit(f"{name}.append({otherwise})", depth)

    def dated(self, opens: str, day: str,
              regimes: list[tuple[list[tuple[dt.date, str, bool]], str]], go: str) -> str:
        firms = [self.firm(entries, go, opened) for entries, opened in regimes]
        sure = firms[0] if len(firms) == 1 else f"min({', '.join(firms)})"
        name = self.local("od")
        self.emit(f"{name} = {opens} if {day} == {sure} else None", 1)
        return name

    def firm(self, entries: list[tuple[dt.date, str, bool]], go: str, opened: str) -> str:
        """The day from which a regime is open for certain: that of its earliest opener that
        fires (``date.max`` where none does or the regime cannot be open)."""
        firm = self.firms.get(opened)
        if firm is None:
            firm = self.firms[opened] = self.local("firm")
            never = self.constant(dt.date.max)
            text = self.first_day(entries, go, lambda e: f"{e} is True", never)
            self.emit(f"{firm} = ({text}) if {self.may(opened)} else {never}", 1)
        return firm

    def prepare(self, steps: list[_Step]) -> None:
        """For each regime openness and set of overriding rules that duties share, the status
        of such a duty where it holds and where it may hold, read once: False where an
        overriding rule is effective, unknown where one may be, else as the regime is open."""
        for step in steps:
            opens, against = step.opens, step.against
            key = (opens, tuple(against))
            if against and key not in self.statuses:
                a = self.overriding.get(tuple(against)) or against[0]
                if len(against) > 1 and a == against[0]:  # not read yet: read here
                    a = self.overriding[tuple(against)] = self.local("a")
                    self.emit(f"{a} = {self.any_of(against)}", 1)
                held, may = self.local("st"), self.local("sn")
                self.emit(f"{held} = False if {a} is True else None if {a} is None else {opens}", 1)
                self.emit(f"{may} = False if {a} is True else None", 1)
                self.statuses[key] = held, may

    def duty_status(self, ks: list[int], may: str | None, step: _Step, depth: int) -> None:
        """As evaluation.Evaluation._obligations: a duty that may hold, in a regime that may be
        open, applies or may apply unless an effective rule overrides it."""
        d, status = self.local("d"), self.local("status")
        holds, opens, against, day = step.holds, step.opens, step.against, step.day
        always = holds == "True"
        tests = [] if may is None else [may]
        if not always:
            tests.append(f"({d} := {holds}) is not False")
        if tests:
            self.emit(f"if {' and '.join(tests)}:", depth)
            depth += 1
        undecided = [str(k) for k in ks]
        if not against and always:  # applies as surely as its regime is open
            self.add("out", self.results_of(ks, day, opens), depth)
            return
        if not against:  # applies as surely as its regime is open, or may apply
            self.emit(f"if {d} is True:", depth)
            self.add("out", self.results_of(ks, day, opens), depth + 1)
            self.emit("else:", depth)
            self.add("out", self.results_of(ks, day, "None"), depth + 1)
            self.emit(f"if {opens} is True:", depth + 1)
            self.add("undecided", undecided, depth + 2)
            return
        held, may_hold = self.statuses[opens, tuple(against)]
        self.emit(f"{status} = {held}" if always else
                  f"{status} = {held} if {d} is True else {may_hold}", depth)
        self.emit(f"if {status} is not False:", depth)
        self.emit(f"if {status} is None and {opens} is True:", depth + 1)
        self.add("undecided", undecided, depth + 2)
        self.add("out", self.results_of(ks, day, status), depth + 1)


def _constant_truth(rule: Rule) -> bool | None:
    """The answer of a predicate that is a Boolean constant (``true``), or None."""
    tree = rule.when.tree
    return tree[1] if tree[0] == "const" and isinstance(tree[1], bool) else None


def _gate(tree: tuple[Any, ...]) -> str | None:
    """A set fact whose being empty makes the predicate false (a conjunct tests a constant's
    membership in it or intersects it), or None."""
    kind = tree[0]
    if kind == "and":
        return _gate(tree[1]) or _gate(tree[2])
    if kind == "in" and tree[1][0] == "const":
        operands: tuple[Any, ...] = (tree[2],)
    elif kind == "bwand":
        operands = tree[1:]
    else:
        return None
    for operand in operands:
        if operand[0] == "fact" and _engine.FACT_TYPES[operand[1]].kind == "set":
            return str(operand[1])
    return None
