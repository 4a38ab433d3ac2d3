"""Deciders generated as Python source, evaluating many predicates in one call.

When every fact a predicate reads is known, Kleene logic is plain Boolean logic, and one Python
expression evaluates it faster than any walk or chain of closures. :func:`decider` writes that
expression for a list of checked trees (one tuple of answers per call, so a whole snapshot of
rules is decided in one call). With ``kleene=True`` it writes the three-valued form instead
(unset facts are unknown, ``None``), with the semantics of the tree walk in
:mod:`aiact_tiers.engine.predicates`: each operand is held in a local so that it is evaluated once.

Nothing from a rule file becomes code: the generated source holds only operators, the names of
facts and parameters as ``repr`` literals (names the type check has already matched against the
fact model and the manifest), and names ``c0``, ``c1``... of the literal values, which the
generated code reads as globals.
A tree the generator does not know, or source Python refuses (nesting too deep), gives no
decider; callers then use the three-valued closures, which give the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ..facts import partial

Decider = Callable[[Mapping[str, Any], Mapping[str, Any]], Any]

_OPERATORS = {"eq": "==", "ne": "!=", "gt": ">", "ge": ">=", "lt": "<", "le": "<=",
              "bwand": "&", "bwor": "|", "in": "in"}
_BOOLEAN_KINDS = frozenset({"and", "or", "not", "in", "eq", "ne", "gt", "ge", "lt", "le"})


_NONE: Mapping[str, str] = MappingProxyType({})


class Unsupported(Exception):
    """A tree this generator does not translate."""


def source(
    trees: Sequence[tuple[Any, ...]],
    constants: list[Any],
    *,
    kleene: bool = False,
    booleans: frozenset[str] = frozenset(),
) -> str:
    """A lambda over facts ``f`` and parameters ``p`` returning one answer per tree.

    The facts named in ``booleans`` hold nothing but True or False when known, so their values
    are used as they are, without ``bool()``.
    """
    if kleene:
        kleene_writer = Kleene(constants, booleans)
        answers = "".join(f"{kleene_writer.truth(t)}, " for t in trees)
    else:
        answers = "".join(f"{boolean(t, constants, booleans)}, " for t in trees)
    return f"lambda f, p: ({answers})"


def decider(
    trees: Sequence[tuple[Any, ...]],
    *,
    many: bool = False,
    kleene: bool = False,
    booleans: frozenset[str] = frozenset(),
) -> Decider | None:
    """A decider of ``trees``: their answers as a tuple (``many``) or the one answer.

    Two-valued (bools), valid only when every fact the trees read is in ``f``; or, with
    ``kleene``, three-valued (True, False, None) for any facts. None when a tree cannot be
    written as Python source. ``booleans``: facts whose known values are always bools.
    """
    constants: list[Any] = []
    try:
        text = source(trees, constants, kleene=kleene, booleans=booleans)
        code = compile(text, "<predicates>", "eval")
    except (Unsupported, SyntaxError, RecursionError, MemoryError, ValueError):
        return None
    namespace = globals_for(constants)
    function: Decider = eval(code, namespace)  # the source above: checked trees only
    if many:
        return function
    return lambda f, p: function(f, p)[0]


def boolean(
    tree: tuple[Any, ...], constants: list[Any], booleans: frozenset[str], facts: str = "f",
    hoisted: Mapping[str, str] = _NONE,
) -> str:
    """Source whose value is a bool with the truth of ``tree``, reading the facts from the
    mapping named ``facts`` or, for those in ``hoisted``, from the local it names; raises
    Unsupported for a tree it cannot write."""
    text = _value(tree, constants, booleans, facts, hoisted)
    return text if _is_bool(tree, booleans) else f"bool({text})"


def _is_bool(tree: tuple[Any, ...], booleans: frozenset[str]) -> bool:
    """Whether the value of ``tree`` is always a bool (or None for an unknown fact)."""
    return tree[0] in _BOOLEAN_KINDS or (tree[0] == "fact" and tree[1] in booleans)


def _value(
    tree: tuple[Any, ...], constants: list[Any], booleans: frozenset[str], facts: str,
    hoisted: Mapping[str, str],
) -> str:
    kind = tree[0]
    if kind == "fact":
        return hoisted.get(tree[1]) or f"{facts}[{name_literal(tree[1])}]"
    if kind == "param":
        return f"p[{name_literal(tree[1])}]"
    if kind == "const":
        return _constant(tree[1], constants)
    if kind in ("and", "or"):
        operands = [boolean(operand, constants, booleans, facts, hoisted) for operand in _chain(tree, kind)]
        return "(" + f" {kind} ".join(operands) + ")"
    if kind == "not":
        return f"(not {_value(tree[1], constants, booleans, facts, hoisted)})"
    if kind == "set":
        if all(item[0] == "const" for item in tree[1]):
            return _constant(frozenset(item[1] for item in tree[1]), constants)
        items = "".join(f"{_value(i, constants, booleans, facts, hoisted)}, " for i in tree[1])
        return f"frozenset(({items}))"
    if kind in _OPERATORS and len(tree) == 3:
        left, right = (_value(operand, constants, booleans, facts, hoisted) for operand in tree[1:])
        return f"({left} {_OPERATORS[kind]} {right})"
    raise Unsupported(kind)


def _chain(tree: tuple[Any, ...], kind: str) -> list[tuple[Any, ...]]:
    """The operands of a run of the same logic operator, flattened (Python nests less)."""
    out: list[tuple[Any, ...]] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if node[0] == kind:
            stack.extend((node[2], node[1]))
        else:
            out.append(node)
    return out


def name_literal(name: Any) -> str:
    """A fact or parameter name as a ``repr`` literal; Unsupported unless an identifier."""
    if not isinstance(name, str) or not name.isidentifier():
        raise Unsupported(name)
    return repr(name)


def _constant(value: Any, constants: list[Any]) -> str:
    constants.append(value)
    return f"c{len(constants) - 1}"


def globals_for(constants: Sequence[Any]) -> dict[str, Any]:
    """The globals of generated code: the few builtins it calls, and each constant by name."""
    namespace: dict[str, Any] = {f"c{i}": value for i, value in enumerate(constants)}
    namespace["__builtins__"] = {"bool": bool, "frozenset": frozenset, "len": len, "max": max,
                                 "min": min}
    namespace.update(_member=partial.member, _meet=partial.meet, _truth=partial.truth)
    return namespace


class Kleene:
    """Writes three-valued source: every operand held in a fresh local (``t0``, ``t1``...).

    Facts are read with ``get`` (an absent fact is unknown) or, when the mapping holds
    ``every`` fact (an unknown one as None) and every parameter, by key, which is quicker.
    """

    def __init__(
        self, constants: list[Any], booleans: frozenset[str], facts: str = "f",
        hoisted: Mapping[str, str] = _NONE, *, every: bool = False,
    ) -> None:
        self.constants = constants
        self.booleans = booleans
        self.facts = facts
        self.hoisted = hoisted
        self.read = "[{}]" if every else ".get({})"
        self.count = 0

    def _local(self) -> str:
        self.count += 1
        return f"t{self.count - 1}"

    def truth(self, tree: tuple[Any, ...]) -> str:
        """Source whose value is True, False or None."""
        text = self.value(tree)
        if _is_bool(tree, self.booleans):
            return text
        return f"_truth({text})"

    def value(self, tree: tuple[Any, ...]) -> str:
        kind = tree[0]
        if kind == "fact":
            return self.hoisted.get(tree[1]) or self.facts + self.read.format(name_literal(tree[1]))
        if kind == "param":
            return "p" + self.read.format(name_literal(tree[1]))
        if kind == "const":
            return _constant(tree[1], self.constants)
        if kind in ("and", "or"):
            decided = "not " if kind == "and" else ""
            stop, rest = ("False", "True") if kind == "and" else ("True", "False")
            locals_ = []
            tests = []
            for operand in _chain(tree, kind):
                t, held = self._hold(self.operand(operand))
                locals_.append(t)
                if _is_bool(operand, self.booleans) or operand[0] == "fact":  # compare directly
                    tests.append(f"{held} is {stop}")
                else:
                    tests.append(f"({held} is not None and {decided}{t})")
            unknown = " or ".join(f"{t} is None" for t in locals_)
            return f"({stop} if {' or '.join(tests)} else (None if {unknown} else {rest}))"
        if kind == "not":
            t, held = self._hold(self.operand(tree[1]))
            return f"(None if {held} is None else not {t})"
        if kind == "set":
            if all(item[0] == "const" for item in tree[1]):
                return _constant(frozenset(item[1] for item in tree[1]), self.constants)
            return self._strict(tree[1], lambda ts: "frozenset((" + "".join(f"{t}, " for t in ts) + "))")
        if kind in _OPERATORS and len(tree) == 3:
            symbol = _OPERATORS[kind]
            if kind == "in" and tree[2][0] == "fact":  # a set fact may be known in part
                return self._strict(tree[1:], lambda ts: f"({ts[0]} in {ts[1]} if {ts[1]}"
                                    f".__class__ is frozenset else _member({ts[0]}, {ts[1]}))")
            if kind == "bwand" and "fact" in (tree[1][0], tree[2][0]):
                return self._strict(tree[1:], lambda ts: f"_meet({ts[0]}, {ts[1]})")
            return self._strict(tree[1:], lambda ts: f"({ts[0]} {symbol} {ts[1]})")
        raise Unsupported(kind)

    def operand(self, tree: tuple[Any, ...]) -> str:
        """A logic operand: a fact that is not yes/no (a set) read for its truth, which for a
        set known in part may be unknown (see :mod:`aiact_tiers.facts.partial`)."""
        if tree[0] == "fact" and tree[1] not in self.booleans:
            return f"_truth({self.value(tree)})"
        return self.value(tree)

    def _hold(self, value: str) -> tuple[str, str]:
        """A name for ``value`` and the source that binds it: a local already (a hoisted fact)
        is read as it is, anything else is held in a fresh local so it is evaluated once."""
        if value.isidentifier():
            return value, value
        t = self._local()
        return t, f"({t} := {value})"

    def _strict(self, operands: Sequence[tuple[Any, ...]], combine: Callable[[list[str]], str]) -> str:
        """Unknown as soon as one operand is; otherwise ``combine`` of their values (held in
        locals, but for constants other than null, which are never unknown)."""
        values = []
        tests = []
        for operand in operands:
            if operand[0] == "const" and operand[1] is not None:
                values.append(self.value(operand))
                continue
            t, held = self._hold(self.value(operand))
            values.append(t)
            tests.append(f"{held} is None")
        if not tests:
            return combine(values)
        return f"(None if {' or '.join(tests)} else {combine(values)})"
