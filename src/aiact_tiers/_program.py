"""Private: a snapshot's whole decision as one generated function, for facts all known.

When every fact the rules read is known, each rule's answer is True or False and the decision
that follows (overrides, the tier, the regimes opened, the obligations per role with their dates)
is Boolean logic over those answers. :func:`program` writes that logic once per snapshot as
straight-line Python over locals, so deciding a fully described system costs a few hundred
bytecodes instead of loops over the rule graph. Unknown facts take the three-valued path in
:mod:`aiact_tiers.classify`, which is the reference: the tests check that both agree on every
fully known description.

As in :mod:`aiact_tiers._decide`, nothing from a rule file becomes code: rules are named by
their position, and every value (tiers, dates, roles) is a ``c[i]`` reference into a tuple.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .facts import Role
from .result import Tier

if TYPE_CHECKING:
    from .ruleset import Snapshot

__all__ = ["Answers", "Decided", "Program", "program"]

_EVERY_ROLE = frozenset(Role)


class Decided(NamedTuple):
    """What the program decides: the tier and model class (None: none reached), every
    classifying rule's effective answer (in the snapshot's order), and the obligations that
    apply, each as its position in the snapshot's obligations with the date it applies from."""

    tier: Tier | None
    model_class: Any
    effective: tuple[bool, ...]
    obligations: list[tuple[int, dt.date]]


Answers = tuple[tuple[bool, ...], tuple[bool, ...], tuple[bool, ...], tuple[bool, ...]]
"""The answers of the classifying rules about systems, about models, then of the duties about
systems and about models, each in the snapshot's order."""

Program = Callable[[tuple[bool, ...], tuple[bool, ...], tuple[bool, ...], tuple[bool, ...],
                    frozenset[Any]], Decided]
"""``(*answers, roles) -> Decided``."""


def program(snapshot: Snapshot) -> Program:
    """The decision of ``snapshot`` for answers that are all True or False."""
    writer = _Writer(snapshot)
    text = writer.source()
    namespace: dict[str, Any] = {"__builtins__": {"min": min}, "c": tuple(writer.constants),
                                 "Decided": Decided}
    exec(compile(text, "<decision>", "exec"), namespace)  # generated above: positions only
    function: Program = namespace["decide"]
    return function


class _Writer:
    """Writes the decision of one snapshot; ``e[i]`` holds the name of rule i's effective value."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
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

    def source(self) -> str:
        s = self.snapshot
        header = "def decide(rs, rm, ds, dm, roles):"
        for subject, answers in (("system", "rs"), ("model", "rm")):
            names = [f"r{self.position[i]}" for i in s.by_subject[subject].ids]
            if names:
                self.emit(f"({', '.join(names)},) = {answers}")
        duty_position = {r.id: i for i, r in enumerate(s.obligations)}
        for subject, answers in (("system", "ds"), ("model", "dm")):
            names = [f"d{duty_position[i]}" for i in s.duties[subject].ids]
            if names:
                self.emit(f"({', '.join(names)},) = {answers}")
        self.overrides()
        tier = self.classes("tier", s.tier_groups)
        model = self.classes("model", s.model_class_groups)
        self.emit(f"effective = ({''.join(f'{name}, ' for name in self.e)})")
        self.emit("out = []")
        self.obligations(tier)
        self.emit(f"return Decided({tier}, {model}, effective, out)")
        return "\n".join([header, *self.lines, ""])

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
        rule overrides, for the roles asked."""
        s = self.snapshot
        self.emit(f"if {tier} is not {self.constant(Tier.OUT_OF_SCOPE)}:")
        only = self.local("only")
        self.emit(f"    {only} = {tier} is {self.constant(Tier.PROHIBITED)}")
        openers: dict[str, list[tuple[dt.date, str]]] = {}
        for rule_id, prohibits, opens in s.openings:
            e = self.e[self.position[rule_id]]
            condition = e if prohibits else f"({e} and not {only})"
            for regime, start in opens:
                openers.setdefault(regime, []).append((start, condition))
        is_open: dict[str, str] = {}
        since: dict[str, str] = {}
        for regime, entries in openers.items():
            entries.sort(key=lambda entry: entry[0])
            is_open[regime] = self.local("o")
            since[regime] = self.local("s")
            self.emit(f"    {is_open[regime]} = {self.any_of([c for _, c in entries])}")
            text = "None"
            for start, condition in reversed(entries):
                text = f"{self.constant(start)} if {condition} else {text}"
            self.emit(f"    {since[regime]} = ({text}) if {is_open[regime]} else None")
        for k, duty in enumerate(s.obligations_for(_EVERY_ROLE)):
            regimes = [r for r in duty.regimes if r in is_open]
            if not regimes:
                continue
            tests = [f"d{k}", self.any_of([is_open[r] for r in regimes])]
            against = [self.e[self.position[d]] for d in duty.defeaters]
            if against:
                tests.append(f"not {self.any_of(against)}")
            tests.append(f"{self.constant(duty.rule.role)} in roles")
            if duty.applies_from is not None:
                day = self.constant(duty.applies_from)
            elif len(regimes) == 1:
                day = since[regimes[0]]
            else:  # the earliest of its open regimes
                day = "min(" + ", ".join(f"({since[r]} if {is_open[r]} else {self.constant(dt.date.max)})"
                                         for r in regimes) + ")"
            self.emit(f"    if {' and '.join(tests)}:")
            self.emit(f"        out.append(({k}, {day}))")
