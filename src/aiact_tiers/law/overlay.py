"""The checks an overlay (an organisation's own rules) gets beyond those of every rule.

An overlay may not pass for a shipped text, and the parameters it sets must hold, on every
date, values of the kind the rules reading them expect: a number where a rule compares a FLOP
count with it, a list of Annex I acts where a rule intersects the acts with it. Both are
checked when the overlay is loaded, so a classification never meets a value of the wrong type.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ..engine.predicates import FACT_TYPES, FactType, Tree, param_kind
from ..errors import RuleFileError, did_you_mean

if TYPE_CHECKING:
    from .rule import Rule
    from .ruleset import Parameter

__all__ = ["check_id", "check_parameters"]

_SAME = ("eq", "ne", "gt", "ge", "lt", "le", "bwand", "bwor")
_KIND_WORDS = {"boolean": "true or false", "float": "a number", "datetime": "a date",
               "set": "a list", "string": "text"}


def check_id(ruleset_id: str, shipped: Iterable[str], source: str) -> None:
    """Refuse an overlay id that names a shipped ruleset: its results would pass for the law."""
    if ruleset_id in shipped:
        raise RuleFileError(
            f"{source}: `id` `{ruleset_id}` is the id of a shipped ruleset; give the overlay its own"
        )


def check_parameters(
    rules: Iterable[Rule],
    parameters: Mapping[str, Parameter],
    base: Mapping[str, Parameter],
    source: str,
) -> None:
    """Every value of every parameter fits the facts the rules compare it with, and a parameter
    of the base ruleset keeps the kind of value it had there."""
    for name, parameter in parameters.items():
        if name in base and parameter is not base[name]:
            expected = _shape(base[name].values[0][1])
            for day, value in parameter.values:
                if _shape(value) != expected:
                    raise RuleFileError(
                        f"{source}: parameter `{name}` from {day}: `{value}` is {_shape(value)}, "
                        f"but the base ruleset gives it {expected}"
                    )
    for rule in rules:
        for fact, name, relation in _uses(rule.when.tree):
            for day, value in parameters[name].values:
                problem = _misfit(FACT_TYPES[fact], value, relation)
                if problem:
                    raise RuleFileError(
                        f"{source}: parameter `{name}` from {day}: {problem}, as rule `{rule.id}` "
                        f"({rule.source.split(': rule')[0]}) reads it with fact `{fact}`"
                    )


def _shape(value: Any) -> str:
    """A parameter value's kind in words; a mapping's keys are part of it."""
    if isinstance(value, dict):
        return f"a mapping of {', '.join(sorted(map(str, value)))}"
    return _KIND_WORDS[param_kind(value)]


def _uses(tree: Tree) -> Iterator[tuple[str, str, str]]:
    """Each fact read with a parameter: ``(fact, parameter, relation)`` where the relation is
    ``same`` (compared or combined, so of one kind), ``member`` (the parameter is a member of
    the fact) or ``container`` (the fact is a member of the parameter)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        kind = node[0]
        if kind in ("fact", "param", "const"):
            continue
        operands = node[1] if kind == "set" else node[1:]
        stack.extend(operands)
        if kind not in (*_SAME, "in"):
            continue
        left, right = node[1], node[2]
        for one, other, relation in ((left, right, "member"), (right, left, "container")):
            if one[0] == "param" and other[0] == "fact":
                yield other[1], one[1], relation if kind == "in" else "same"


def _misfit(fact: FactType, value: Any, relation: str) -> str | None:
    """Why ``value`` cannot be read with ``fact`` in this relation, or None when it can."""
    kind = param_kind(value)
    wanted = {"same": fact.kind, "member": "string", "container": "set"}[relation]
    if relation == "member" and fact.kind != "set":
        wanted = fact.kind
    if isinstance(value, dict) or kind != wanted:
        return f"`{value}` is {_shape(value)}, not {_KIND_WORDS[wanted]}"
    if fact.enum is None:
        return None
    allowed = [member.value for member in fact.enum]
    for item in value if kind == "set" else [value]:
        if item not in allowed:
            return f"`{item}` is not a value of {fact.enum.__name__}{did_you_mean(str(item), allowed)}"
    return None
