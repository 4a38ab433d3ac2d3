"""Private: two-valued deciders generated as Python source, for facts that are all known.

When every fact a predicate reads is known, Kleene logic is plain Boolean logic, and one Python
expression evaluates it faster than any walk or chain of closures. :func:`decider` writes that
expression for a list of checked trees (one tuple of answers per call, so a whole snapshot of
rules is decided in one call).

Nothing from a rule file becomes code: the generated source holds only operators, the names of
facts and parameters as ``repr`` literals (names the type check has already matched against the
fact model and the manifest), and ``c[i]`` references to a tuple holding every literal value.
A tree the generator does not know, or source Python refuses (nesting too deep), gives no
decider; callers then use the three-valued closures, which give the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

Decider = Callable[[Mapping[str, Any], Mapping[str, Any]], Any]

_OPERATORS = {"eq": "==", "ne": "!=", "gt": ">", "ge": ">=", "lt": "<", "le": "<=",
              "bwand": "&", "bwor": "|", "in": "in"}
_BOOLEAN_KINDS = frozenset({"and", "or", "not", "in", "eq", "ne", "gt", "ge", "lt", "le"})


class _Unsupported(Exception):
    """A tree this generator does not translate."""


def source(trees: Sequence[tuple[Any, ...]], constants: list[Any]) -> str:
    """A lambda over facts ``f`` and parameters ``p`` returning one bool per tree."""
    answers = "".join(f"{_boolean(t, constants)}, " for t in trees)
    return f"lambda f, p, c=c: ({answers})"


def decider(trees: Sequence[tuple[Any, ...]], *, many: bool = False) -> Decider | None:
    """A two-valued decider of ``trees``: their answers as a tuple (``many``) or the one answer.

    Valid only when every fact the trees read is in ``f``. None when a tree cannot be written
    as Python source.
    """
    constants: list[Any] = []
    try:
        text = source(trees, constants)
        code = compile(text, "<predicates>", "eval")
    except (_Unsupported, SyntaxError, RecursionError, MemoryError, ValueError):
        return None
    namespace: dict[str, Any] = {"__builtins__": {"bool": bool, "frozenset": frozenset},
                                 "c": tuple(constants)}
    function: Decider = eval(code, namespace)  # the source above: checked trees only
    if many:
        return function
    return lambda f, p: function(f, p)[0]


def _boolean(tree: tuple[Any, ...], constants: list[Any]) -> str:
    """Source whose value is a bool with the truth of ``tree``."""
    text = _value(tree, constants)
    return text if tree[0] in _BOOLEAN_KINDS else f"bool({text})"


def _value(tree: tuple[Any, ...], constants: list[Any]) -> str:
    kind = tree[0]
    if kind == "fact":
        return f"f[{_name(tree[1])}]"
    if kind == "param":
        return f"p[{_name(tree[1])}]"
    if kind == "const":
        return _constant(tree[1], constants)
    if kind in ("and", "or"):
        operands = [_boolean(operand, constants) for operand in _chain(tree, kind)]
        return "(" + f" {kind} ".join(operands) + ")"
    if kind == "not":
        return f"(not {_value(tree[1], constants)})"
    if kind == "set":
        if all(item[0] == "const" for item in tree[1]):
            return _constant(frozenset(item[1] for item in tree[1]), constants)
        return "frozenset((" + "".join(f"{_value(i, constants)}, " for i in tree[1]) + "))"
    if kind in _OPERATORS and len(tree) == 3:
        return f"({_value(tree[1], constants)} {_OPERATORS[kind]} {_value(tree[2], constants)})"
    raise _Unsupported(kind)


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


def _name(name: Any) -> str:
    if not isinstance(name, str) or not name.isidentifier():
        raise _Unsupported(name)
    return repr(name)


def _constant(value: Any, constants: list[Any]) -> str:
    constants.append(value)
    return f"c[{len(constants) - 1}]"
