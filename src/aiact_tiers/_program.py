"""Private: a snapshot's whole decision as one generated function, for facts all known.

When every fact the rules read is known, each rule's answer is True or False and the decision
that follows (overrides, the tier, the regimes opened, the obligations per role with their dates)
is Boolean logic over those answers. :func:`program` writes the predicates and that logic once
per snapshot as straight-line Python over locals: a duty's predicate is read only when a regime
opens it, and deciding a fully described system costs a few hundred bytecodes instead of loops
over the rule graph. Unknown facts take the three-valued path in
:mod:`aiact_tiers.classify`, which is the reference: the tests check that both agree on every
fully known description.

As in :mod:`aiact_tiers._decide`, nothing from a rule file becomes code: rules are named by
their position, and every value (tiers, dates, roles) is a ``c[i]`` reference into a tuple.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from . import _decide, _engine
from .facts import Role
from .result import Tier

if TYPE_CHECKING:
    from ._loader import Rule
    from .ruleset import Duty, Snapshot

__all__ = ["Compiled", "Decided", "Program", "program"]

_EVERY_ROLE = frozenset(Role)


class Decided(NamedTuple):
    """What the program decides: the tier and model class (None: none reached), every
    classifying rule's effective answer (in the snapshot's order), and the obligations that
    apply, each as its position in the snapshot's obligations, the date it applies from and
    its status (True: it applies)."""

    tier: Tier | None
    model_class: Any
    effective: tuple[bool, ...]
    obligations: list[tuple[int, dt.date, bool]]


Program = Callable[[Mapping[str, Any], Mapping[str, Any], Mapping[str, Any], frozenset[Any]],
                   Decided]
"""``(system facts, model facts, parameters, roles) -> Decided``; every fact the rules about
a described subject read must be known."""


class Compiled(NamedTuple):
    """A program with the facts about the system and about the model that it reads: it is
    valid for a description where they are all known."""

    program: Program
    system_needs: frozenset[str]
    model_needs: frozenset[str]


def program(snapshot: Snapshot, described: Mapping[str, bool]) -> Program | None:
    """The decision of ``snapshot`` for the subjects ``described`` (system, model), or None
    when a predicate cannot be written as source or an answer would stay open."""
    writer = _Writer(snapshot, described)
    try:
        text = writer.source()
        code = compile(text, "<decision>", "exec")
    except (_decide.Unsupported, SyntaxError, RecursionError, MemoryError, ValueError):
        return None
    namespace: dict[str, Any] = {"__builtins__": {"bool": bool, "frozenset": frozenset, "min": min},
                                 "c": tuple(writer.constants), "Decided": Decided}
    exec(code, namespace)  # generated above: positions, operators and checked fact names only
    function: Program = namespace["decide"]
    return function


class _Writer:
    """Writes the decision of one snapshot; ``e[i]`` holds the name of rule i's effective value."""

    def __init__(self, snapshot: Snapshot, described: Mapping[str, bool]) -> None:
        self.snapshot = snapshot
        self.described = described
        self.constants: list[Any] = []
        self.position = {rule_id: i for i, rule_id in enumerate(snapshot.classifying_ids)}
        self.e = [f"r{i}" for i in range(len(snapshot.classifying_ids))]
        self.lines: list[str] = []
        self.count = 0

    def constant(self, value: Any) -> str:
        self.constants.append(value)
        return f"c[{len(self.constants) - 1}]"

    def local(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def emit(self, line: str) -> None:
        self.lines.append(f"    {line}")

    def any_of(self, names: Sequence[str]) -> str:
        return "(" + " or ".join(names) + ")" if names else "False"

    def predicate(self, rule: Rule) -> str:
        """The rule's predicate as a Boolean expression over the facts of its subject."""
        facts = "fs" if rule.subject == "system" else "fm"
        return _decide.boolean(rule.when.tree, self.constants, _engine.BOOLEAN_FACTS, facts)

    def source(self) -> str:
        s = self.snapshot
        header = "def decide(fs, fm, p, roles):"
        for i, rule in enumerate(s.classifying):
            answer = self.predicate(rule) if self.described[rule.subject] else "False"
            self.emit(f"r{i} = {answer}")
        self.overrides()
        tier = self.classes("tier", s.tier_groups)
        model = self.classes("model", s.model_class_groups)
        self.emit(f"effective = ({''.join(f'{name}, ' for name in self.e)})")
        self.emit("out = []")
        self.obligations(tier)
        self.emit(f"return Decided({tier}, {model}, effective, out)")
        return "\n".join([header, *self.lines, ""])

    def duty(self, rule: Rule) -> str | None:
        """The duty's predicate; for a subject not described, its answer as the reference path
        gives it (None: the duty never applies)."""
        if self.described[rule.subject]:
            return self.predicate(rule)
        answer = self.snapshot.undescribed_duties[rule.id]
        if answer is None:
            raise _decide.Unsupported(rule.id)  # open, and it could count
        return "True" if answer else None

    def overrides(self) -> None:
        """Effective answers: a rule fires and no effective rule overriding it does; an
        exception applies only where a rule it overrides fired (see classify._Evaluation)."""
        s = self.snapshot
        for rule_id, defeaters in s.defeat_order:
            i = self.position[rule_id]
            against = [self.e[self.position[d]] for d in defeaters if d in self.position]
            if against:
                name = self.local("e")
                self.emit(f"{name} = {self.e[i]} and not {self.any_of(against)}")
                self.e[i] = name
        reach: dict[str, str] = {}
        covered: dict[str, str] = {}
        for rule_id, rules, exceptions in s.exception_order:
            fired = [f"r{self.position[t]}" for t in rules] + [reach[x] for x in exceptions]
            covered[rule_id] = self.local("v")
            reach[rule_id] = self.local("h")
            self.emit(f"{covered[rule_id]} = {self.any_of(fired)}")
            self.emit(f"{reach[rule_id]} = r{self.position[rule_id]} and {covered[rule_id]}")
        for rule_id, targets in s.exception_targets.items():
            if targets:
                i = self.position[rule_id]
                name = self.local("e")
                self.emit(f"{name} = {self.e[i]} and {covered[rule_id]}")
                self.e[i] = name

    def classes(self, kind: str, groups: Sequence[tuple[Any, tuple[str, ...]]]) -> str:
        """The first class (tier or model class) in order that an effective rule reaches."""
        name = self.local(kind)
        text = "None"
        for cls, rule_ids in reversed(groups):
            reached = self.any_of([self.e[self.position[r]] for r in rule_ids])
            text = f"{self.constant(cls)} if {reached} else {text}"
        self.emit(f"{name} = {text}")
        return name

    def obligations(self, tier: str) -> None:
        """Regimes opened by effective rules (a prohibition closes every other route), each from
        its earliest date; then each duty whose regime is open, that holds and that no effective
        rule overrides, for the roles asked. Duties are read group by group, a group being the
        duties opened by the same regimes, and put back in the snapshot's order at the end."""
        s = self.snapshot
        self.emit(f"if {tier} is not {self.constant(Tier.OUT_OF_SCOPE)}:")
        go = self.local("go")  # a route other than a prohibition can open a regime
        self.emit(f"    {go} = {tier} is not {self.constant(Tier.PROHIBITED)}")
        openers: dict[str, list[tuple[dt.date, str, bool]]] = {}
        for rule_id, prohibits, opens in s.openings:
            e = self.e[self.position[rule_id]]
            for regime, start in opens:
                openers.setdefault(regime, []).append((start, e, prohibits))
        is_open: dict[str, str] = {}
        for regime, entries in openers.items():
            is_open[regime] = self.local("o")
            prohibiting = [e for _, e, prohibits in entries if prohibits]
            others = [e for _, e, prohibits in entries if not prohibits]
            parts = prohibiting + ([f"({go} and {self.any_of(others)})"] if others else [])
            self.emit(f"    {is_open[regime]} = {' or '.join(parts)}")
        roles: dict[Any, str] = {}
        groups: dict[tuple[str, ...], list[tuple[int, Duty, str]]] = {}
        for k, duty in enumerate(s.obligations_for(_EVERY_ROLE)):
            regimes = tuple(r for r in duty.regimes if r in is_open)
            holds = self.duty(duty.rule)
            if regimes and holds is not None:
                groups.setdefault(regimes, []).append((k, duty, holds))
                roles.setdefault(duty.rule.role, self.local("role"))
        for role, flag in roles.items():
            self.emit(f"    {flag} = {self.constant(role)} in roles")
        for regimes, duties in groups.items():
            self.emit(f"    if {' or '.join(is_open[r] for r in regimes)}:")
            since = {r: self.since(r, sorted(openers[r]), go) for r in regimes}
            for k, duty, holds in duties:
                tests = [roles[duty.rule.role], f"({holds})"]
                against = [self.e[self.position[d]] for d in duty.defeaters]
                if against:
                    tests.append(f"not {self.any_of(against)}")
                if duty.applies_from is not None:
                    day = self.constant(duty.applies_from)
                elif len(regimes) == 1:
                    day = since[regimes[0]]
                else:  # the earliest of its open regimes
                    latest = self.constant(dt.date.max)
                    day = "min(" + ", ".join(f"({since[r]} if {is_open[r]} else {latest})"
                                             for r in regimes) + ")"
                self.emit(f"        if {' and '.join(tests)}:")
                self.emit(f"            out.append(({k}, {day}, True))")
        if len(groups) > 1:
            self.emit("    out.sort()")

    def since(self, regime: str, entries: list[tuple[dt.date, str, bool]], go: str) -> str:
        """The day ``regime`` opens: that of its earliest effective opener (in a group's block,
        where some opener is effective)."""
        name = self.local("since")
        text = "None"
        for start, e, prohibits in reversed(entries):
            condition = e if prohibits else f"({e} and {go})"
            text = f"{self.constant(start)} if {condition} else {text}"
        self.emit(f"        {name} = {text}")
        return name
