"""Private adapter around ``rule-engine``: typed parsing and three-valued evaluation.

``rule-engine`` parses each predicate once against a typed context derived from the fact models,
so a misspelled fact or a type mismatch fails at load time. Its own evaluator knows no
*unknown*, so this module walks the parsed tree in Kleene's three-valued logic: ``None`` stands
for unknown, and an unknown operand makes an expression unknown unless the known operands
already decide it (``False and ?`` is ``False``; ``True or ?`` is ``True``).
"""

from __future__ import annotations

import datetime as dt
import operator
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import rule_engine
import rule_engine.ast as ast
import rule_engine.builtins as rule_builtins

from .errors import did_you_mean
from .facts import ModelDescription, SystemDescription

DT = rule_engine.DataType
Value = Any  # a fact value after normalisation; None is unknown
Evaluator = Callable[[Mapping[str, Value], Mapping[str, Value]], Value]

IDENTITY_FIELDS = frozenset({"id", "name", "kind", "roles", "model"})


@dataclass(frozen=True)
class FactType:
    """How a fact is typed for ``rule-engine`` and which literal values it admits."""

    data_type: Any
    enum: type[Enum] | None = None
    subject: str = "system"


def _fact_type(annotation: Any, subject: str) -> FactType:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if args else annotation
    origin = typing.get_origin(base)
    if origin in (frozenset, set):
        (item,) = typing.get_args(base)
        return FactType(DT.SET(DT.STRING), item if issubclass(item, Enum) else None, subject)
    if base is bool:
        return FactType(DT.BOOLEAN, None, subject)
    if base in (float, int):
        return FactType(DT.FLOAT, None, subject)
    if base is dt.date:
        return FactType(DT.DATETIME, None, subject)
    if isinstance(base, type) and issubclass(base, Enum):
        return FactType(DT.STRING, base, subject)
    if base is str:
        return FactType(DT.STRING, None, subject)
    raise TypeError(f"no rule-engine type for {annotation!r}")  # pragma: no cover


def _build_fact_types() -> dict[str, FactType]:
    types_: dict[str, FactType] = {}
    for model, subject in ((ModelDescription, "model"), (SystemDescription, "system")):
        hints = typing.get_type_hints(model)
        for name in model.model_fields:
            if name not in IDENTITY_FIELDS:
                types_[name] = _fact_type(hints[name], subject)
    return types_


FACT_TYPES: Mapping[str, FactType] = types.MappingProxyType(_build_fact_types())
"""Every fact a predicate may name, with its type; derived from the fact models."""


def param_data_type(value: Any) -> Any:
    """The ``rule-engine`` type of a parameter value."""
    if isinstance(value, bool):
        return DT.BOOLEAN
    if isinstance(value, int | float):
        return DT.FLOAT
    if isinstance(value, dt.date):
        return DT.DATETIME
    if isinstance(value, list | tuple | set | frozenset):
        return DT.SET(DT.STRING)
    return DT.STRING


_NULL = "`null` is not allowed: an unset fact is unknown, not null"


class PredicateError(ValueError):
    """A predicate cannot be used; the loader adds the file, line and rule id."""


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "ge": operator.ge,
    "lt": operator.lt,
    "le": operator.le,
}


@dataclass(frozen=True)
class Predicate:
    """A parsed, type-checked predicate over facts and parameters."""

    text: str
    expression: Any
    facts: tuple[str, ...]
    params: tuple[str, ...]
    subject: str | None
    compiled: Evaluator = field(repr=False, compare=False)

    def evaluate(self, facts: Mapping[str, Value], params: Mapping[str, Value]) -> bool | None:
        """True, False, or None when the unknown facts leave it open."""
        result = self.compiled(facts, params)
        return None if result is None else bool(result)

    def reference(self, facts: Mapping[str, Value], params: Mapping[str, Value]) -> bool | None:
        """The same answer by walking the tree: the reference the compiled form is tested against."""
        result = _eval(self.expression, facts, params)
        return None if result is None else bool(result)


def parse(text: str, param_types: Mapping[str, Any]) -> Predicate:
    """Parse ``text`` against the fact model and the parameters; raise PredicateError."""
    context = rule_engine.Context(
        type_resolver=rule_engine.type_resolver_from_dict(
            {name: ft.data_type for name, ft in FACT_TYPES.items()}
        ),
        default_timezone=dt.UTC,
    )
    context.builtins = rule_builtins.Builtins.from_defaults(
        {name: None for name in param_types}, value_types=dict(param_types)
    )
    try:
        rule = rule_engine.Rule(text, context=context)
    except rule_engine.SymbolResolutionError as exc:
        hint = f"; did you mean `{exc.suggestion}`?" if exc.suggestion else ""
        raise PredicateError(f"unknown fact `{exc.symbol_name}`{hint}") from None
    except rule_engine.RuleSyntaxError as exc:
        raise PredicateError(f"syntax error: {exc.message}") from None
    except rule_engine.EngineError as exc:
        raise PredicateError(f"{exc.message} in `{text.strip()}`") from None
    facts: set[str] = set()
    params: set[str] = set()
    _check(rule.statement.expression, facts, params, param_types)
    subjects = {FACT_TYPES[name].subject for name in facts}
    if len(subjects) > 1:
        raise PredicateError("a predicate may not mix facts of systems and of models")
    return Predicate(
        text=text,
        expression=rule.statement.expression,
        facts=tuple(sorted(facts)),
        params=tuple(sorted(params)),
        subject=subjects.pop() if subjects else None,
        compiled=_compile(rule.statement.expression),
    )


def _symbol_fact(node: Any) -> FactType | None:
    if isinstance(node, ast.SymbolExpression) and node.scope is None:
        return FACT_TYPES[node.name]
    return None


def _check_literal(node: Any, fact: FactType | None) -> None:
    """A string literal compared with an enumerated fact must be one of its values."""
    if fact is None or fact.enum is None:
        return
    literals = []
    if isinstance(node, ast.StringExpression):
        literals = [node.value]
    elif isinstance(node, ast.SetExpression):
        literals = [getattr(item, "value", item) for item in node.value]
    allowed = [member.value for member in fact.enum]
    for literal in literals:
        if literal not in allowed:
            raise PredicateError(
                f"`{literal}` is not a value of {fact.enum.__name__}{did_you_mean(literal, allowed)}"
            )


def _check(node: Any, facts: set[str], params: set[str], param_types: Mapping[str, Any]) -> None:
    """Walk the tree: record the symbols, refuse what three-valued evaluation does not cover."""
    if isinstance(node, ast.SymbolExpression):
        if node.scope is None:
            facts.add(node.name)
        elif node.name in param_types:
            params.add(node.name)
        else:
            raise PredicateError(f"unknown parameter `${node.name}`{did_you_mean(node.name, param_types)}")
        return
    if isinstance(node, ast.NullExpression):
        raise PredicateError(_NULL)
    if isinstance(node, ast.StringExpression | ast.FloatExpression | ast.BooleanExpression
                  | ast.DatetimeExpression):
        return
    if isinstance(node, ast.SetExpression):
        for item in node.value:
            if isinstance(item, ast.ExpressionBase):
                _check(item, facts, params, param_types)
        return
    if isinstance(node, ast.UnaryExpression) and node.type == "not":
        _check(node.right, facts, params, param_types)
        return
    if isinstance(node, ast.ContainsExpression):
        _check_literal(node.member, _symbol_fact(node.container))
        _check(node.member, facts, params, param_types)
        _check(node.container, facts, params, param_types)
        return
    if isinstance(node, ast.LogicExpression | ast.BitwiseExpression):
        if isinstance(node, ast.BitwiseExpression) and node.type not in ("bwand", "bwor"):
            raise PredicateError(f"operator `{node.type}` is not supported")
        _check(node.left, facts, params, param_types)
        _check(node.right, facts, params, param_types)
        return
    if isinstance(node, ast.ComparisonExpression | ast.ArithmeticComparisonExpression):
        left, right = _symbol_fact(node.left), _symbol_fact(node.right)
        for side, other in ((left, node.right), (right, node.left)):
            if side is not None and not isinstance(other, ast.SymbolExpression):
                _check_types(side, other)
                _check_literal(other, side)
        _check(node.left, facts, params, param_types)
        _check(node.right, facts, params, param_types)
        return
    raise PredicateError(f"`{type(node).__name__}` is not supported in predicates")


def _check_types(fact: FactType, literal: Any) -> None:
    if isinstance(literal, ast.NullExpression):
        raise PredicateError(_NULL)
    literal_type = getattr(literal, "result_type", None)
    if literal_type is None or literal_type == DT.UNDEFINED:
        return
    if DT.is_compatible(fact.data_type, literal_type):
        return
    raise PredicateError(
        f"cannot compare a fact of type {fact.data_type.name} with {literal_type.name}"
    )


def _literal_set(node: Any, facts: Mapping[str, Value], params: Mapping[str, Value]) -> Value:
    items = []
    for item in node.value:
        value = _eval(item, facts, params) if isinstance(item, ast.ExpressionBase) else item
        if value is None:
            return None
        items.append(value)
    return frozenset(items)


def _eval(node: Any, facts: Mapping[str, Value], params: Mapping[str, Value]) -> Value:
    """Kleene evaluation of a checked tree; ``None`` is unknown."""
    if isinstance(node, ast.SymbolExpression):
        return facts.get(node.name) if node.scope is None else params.get(node.name)
    if isinstance(node, ast.LogicExpression):
        left = _eval(node.left, facts, params)
        if node.type == "and":
            if left is not None and not left:
                return False
            right = _eval(node.right, facts, params)
            if right is not None and not right:
                return False
            return None if left is None or right is None else True
        if left is not None and left:
            return True
        right = _eval(node.right, facts, params)
        if right is not None and right:
            return True
        return None if left is None or right is None else False
    if isinstance(node, ast.UnaryExpression):
        value = _eval(node.right, facts, params)
        return None if value is None else not value
    if isinstance(node, ast.ContainsExpression):
        member = _eval(node.member, facts, params)
        container = _eval(node.container, facts, params)
        return None if member is None or container is None else member in container
    if isinstance(node, ast.ComparisonExpression | ast.ArithmeticComparisonExpression):
        left = _eval(node.left, facts, params)
        right = _eval(node.right, facts, params)
        if left is None or right is None:
            return None
        return _COMPARE[node.type](left, right)
    if isinstance(node, ast.BitwiseExpression):
        left = _eval(node.left, facts, params)
        right = _eval(node.right, facts, params)
        if left is None or right is None:
            return None
        return left & right if node.type == "bwand" else left | right
    if isinstance(node, ast.SetExpression):
        return _literal_set(node, facts, params)
    return node.value


def _compile(node: Any) -> Evaluator:
    """Compose closures with the semantics of :func:`_eval`, once per predicate.

    No source text is generated: rule text only ever reaches the closures as data (names and
    literal values), so nothing in a rule file can become code.
    """
    if isinstance(node, ast.SymbolExpression):
        name = node.name
        if node.scope is None:
            return lambda facts, params: facts.get(name)
        return lambda facts, params: params.get(name)
    if isinstance(node, ast.LogicExpression):
        return _compile_logic(node.type == "and", _compile(node.left), _compile(node.right))
    if isinstance(node, ast.UnaryExpression):
        operand = _compile(node.right)

        def negate(facts: Mapping[str, Value], params: Mapping[str, Value]) -> Value:
            value = operand(facts, params)
            return None if value is None else not value

        return negate
    if isinstance(node, ast.ContainsExpression):
        return _compile_binary(operator.contains, _compile(node.container), _compile(node.member))
    if isinstance(node, ast.ComparisonExpression | ast.ArithmeticComparisonExpression):
        return _compile_binary(_COMPARE[node.type], _compile(node.left), _compile(node.right))
    if isinstance(node, ast.BitwiseExpression):
        combine = operator.and_ if node.type == "bwand" else operator.or_
        return _compile_binary(combine, _compile(node.left), _compile(node.right))
    if isinstance(node, ast.SetExpression):
        return _compile_set(node)
    return _constant(node.value)


def _compile_logic(conjunction: bool, left: Evaluator, right: Evaluator) -> Evaluator:
    """Kleene ``and`` / ``or``: a decided operand wins over an unknown one."""
    if conjunction:

        def both(facts: Mapping[str, Value], params: Mapping[str, Value]) -> Value:
            a = left(facts, params)
            if a is not None and not a:
                return False
            b = right(facts, params)
            if b is not None and not b:
                return False
            return None if a is None or b is None else True

        return both

    def either(facts: Mapping[str, Value], params: Mapping[str, Value]) -> Value:
        a = left(facts, params)
        if a is not None and a:
            return True
        b = right(facts, params)
        if b is not None and b:
            return True
        return None if a is None or b is None else False

    return either


def _compile_binary(op: Callable[[Any, Any], Any], left: Evaluator, right: Evaluator) -> Evaluator:
    """A strict operator: unknown when either operand is unknown."""

    def apply(facts: Mapping[str, Value], params: Mapping[str, Value]) -> Value:
        a = left(facts, params)
        b = right(facts, params)
        return None if a is None or b is None else op(a, b)

    return apply


def _compile_set(node: Any) -> Evaluator:
    items = [_compile(item) if isinstance(item, ast.ExpressionBase) else _constant(item)
             for item in node.value]

    def literal_set(facts: Mapping[str, Value], params: Mapping[str, Value]) -> Value:
        values = []
        for item in items:
            value = item(facts, params)
            if value is None:
                return None
            values.append(value)
        return frozenset(values)

    return literal_set


def _constant(value: Value) -> Evaluator:
    return lambda facts, params: value


def normalise(value: Any) -> Value:
    """A fact value as predicates see it: enums as strings, dates as UTC datetimes."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, frozenset | set | list | tuple):
        return frozenset(normalise(item) for item in value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return value


def fact_values(description: SystemDescription | ModelDescription) -> dict[str, Value]:
    """The facts of a description, normalised; unset facts are absent (unknown)."""
    facts: dict[str, Value] = {}
    for name, value in description.__dict__.items():
        if value is None or name in IDENTITY_FIELDS:
            continue
        facts[name] = value if type(value) in _PLAIN else normalise(value)
    return facts


_PLAIN = frozenset({bool, int, float, str})  # values predicates see as they are
