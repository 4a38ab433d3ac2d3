"""The adapter around ``rule-engine``: typed parsing and three-valued evaluation.

``rule-engine`` parses each predicate once against a typed context derived from the fact models,
so a misspelled fact or a type mismatch fails at load time. The checked tree is then kept as
plain data (nested tuples, see :func:`tree`), which the parsed-rule cache stores as JSON, so a
ruleset loaded from the cache needs neither the parser nor ``rule-engine`` at all.

``rule-engine``'s own evaluator knows no *unknown*, so this module evaluates the tree in Kleene's
three-valued logic: ``None`` stands for unknown, and an unknown operand makes an expression
unknown unless the known operands already decide it (``False and ?`` is ``False``; ``True or ?``
is ``True``). When every fact a predicate reads is known, plain two-valued Python decides it:
see :mod:`aiact_tiers.engine.deciders`.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..errors import did_you_mean
from ..facts import partial
from ..facts.descriptions import ModelDescription, SystemDescription
from ..facts.partial import PartialSet
from . import deciders

Value = Any  # a fact value after normalisation; None is unknown
Evaluator = Callable[[Mapping[str, Value], Mapping[str, Value]], Value]
Tree = tuple[Any, ...]
"""A checked predicate as plain data: ``("fact", name)``, ``("param", name)``, ``("const", v)``,
``("set", items)``, ``("not", x)``, ``("and" | "or", left, right)``, ``("in", member,
container)``, and ``(op, left, right)`` for the comparisons and ``bwand`` / ``bwor``."""

IDENTITY_FIELDS = frozenset({"id", "name", "kind", "roles", "model", "as_of"})


def __getattr__(name: str) -> Any:
    """``DT``, rule-engine's data types, imported only when asked for."""
    if name == "DT":
        import rule_engine

        return rule_engine.DataType
    raise AttributeError(name)


class FactType(typing.NamedTuple):
    """How a fact is typed for ``rule-engine`` and which literal values it admits.

    ``kind`` is one of ``boolean``, ``float``, ``datetime``, ``string`` and ``set``.
    """

    kind: str
    enum: type[Enum] | None = None
    subject: str = "system"

    @property
    def data_type(self) -> Any:
        """The ``rule-engine`` data type (imports ``rule-engine``)."""
        return _data_type(self.kind)


def _data_type(kind: str) -> Any:
    import rule_engine

    DT = rule_engine.DataType
    return DT.SET(DT.STRING) if kind == "set" else getattr(DT, kind.upper())


def _fact_type(annotation: Any, subject: str) -> FactType:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if args else annotation
    origin = typing.get_origin(base)
    if origin in (frozenset, set):
        (item,) = typing.get_args(base)
        return FactType("set", item if issubclass(item, Enum) else None, subject)
    if base is bool:
        return FactType("boolean", None, subject)
    if base in (float, int):
        return FactType("float", None, subject)
    if base is dt.date:
        return FactType("datetime", None, subject)
    if isinstance(base, type) and issubclass(base, Enum):
        return FactType("string", base, subject)
    if base is str:
        return FactType("string", None, subject)
    raise TypeError(f"no rule-engine type for {annotation!r}")  # pragma: no cover


def _build_fact_types() -> dict[str, FactType]:
    types_: dict[str, FactType] = {}
    for model, subject in ((ModelDescription, "model"), (SystemDescription, "system")):
        for name, info in model.model_fields.items():  # annotations pydantic has resolved
            if name not in IDENTITY_FIELDS:
                types_[name] = _fact_type(info.annotation, subject)
    return types_


FACT_TYPES: Mapping[str, FactType] = types.MappingProxyType(_build_fact_types())
"""Every fact a predicate may name, with its type; derived from the fact models."""

BOOLEAN_FACTS = frozenset(name for name, fact in FACT_TYPES.items() if fact.kind == "boolean")
"""The facts whose known values are True or False (pydantic validates them as ``bool``)."""


def param_kind(value: Any) -> str:
    """The kind of a parameter value, as :attr:`FactType.kind` names them."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "float"
    if isinstance(value, dt.date):
        return "datetime"
    if isinstance(value, list | tuple | set | frozenset):
        return "set"
    return "string"


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
    tree: Tree
    facts: tuple[str, ...]
    params: tuple[str, ...]
    subject: str | None

    @functools.cached_property
    def compiled(self) -> Evaluator:
        """Three-valued closures, composed on first use."""
        return _compile(self.tree)

    @functools.cached_property
    def decide(self) -> Evaluator | None:
        """The two-valued decider for when every fact is known, generated on first use."""
        return deciders.decider([self.tree], booleans=BOOLEAN_FACTS)

    @functools.cached_property
    def kleene(self) -> Evaluator | None:
        """The three-valued decider, generated on first use."""
        return deciders.decider([self.tree], kleene=True, booleans=BOOLEAN_FACTS)

    @functools.cached_property
    def needs(self) -> frozenset[str]:
        return frozenset(self.facts)

    @functools.cached_property
    def days(self) -> frozenset[dt.datetime]:
        """The dates the predicate compares with."""
        return frozenset(node[1] for node in nodes(self.tree)
                         if node[0] == "const" and isinstance(node[1], dt.datetime))

    def evaluate(self, facts: Mapping[str, Value], params: Mapping[str, Value]) -> bool | None:
        """True, False, or None when the unknown facts leave it open.

        Generated source when Python accepts it (two-valued when every fact read is known),
        the closures otherwise.
        """
        if self.decide is not None and decidable(facts, self.needs):
            return self.decide(facts, params)  # type: ignore[no-any-return]
        if self.kleene is not None:
            return self.kleene(facts, params)  # type: ignore[no-any-return]
        return partial.truth(self.compiled(facts, params))

    def reference(self, facts: Mapping[str, Value], params: Mapping[str, Value]) -> bool | None:
        """The same answer by walking the tree: the reference the compiled form is tested against."""
        return holds(self.tree, facts, params)


def holds(tree: Tree, facts: Mapping[str, Value], params: Mapping[str, Value]) -> bool | None:
    """A checked tree's answer by walking it: True, False, or None while unknown facts (absent
    from ``facts``) leave it open."""
    return partial.truth(_eval(tree, facts, params))


def always(predicates: Sequence[Predicate], facts: Mapping[str, Value],
           params: Mapping[str, Value]) -> bool:
    """Whether one of ``predicates`` holds however the unknown facts they read turn out, by
    trying every case: at most two unknown facts, each a yes/no fact, an enumerated value, or a
    date (tried on each side of every date the predicates compare with). False when it cannot
    tell. Each case is decided by the predicates' generated deciders."""
    keys = facts.keys()
    rest = []  # a predicate reading only known facts holds, or holds in no case tried
    for p in predicates:
        if p.needs <= keys:
            if p.evaluate(facts, params):
                return True
        else:
            rest.append(p)
    if not rest:
        return False
    found = cases(rest, facts)
    return found is not None and all(
        any(p.evaluate(case, params) for p in rest) for case in found)


def cases(predicates: Sequence[Predicate], facts: Mapping[str, Value]) -> list[Mapping[str, Value]] | None:
    """The facts completed in every way ``predicates`` can tell apart on the unknown facts they
    read: at most two, each a yes/no fact, an enumerated value, or a date (taken on each side of
    every date the predicates compare with); None when there are more, or others."""
    unknown = sorted(frozenset().union(*(p.needs for p in predicates)) - facts.keys())
    if len(unknown) > 2:
        return None
    days = {day for p in predicates for day in p.days}
    values: list[list[Value]] = []
    for name in unknown:
        fact = FACT_TYPES[name]
        if fact.kind == "boolean":
            values.append([True, False])
        elif fact.kind == "datetime" and days:
            values.append(sorted({day + offset for day in days for offset in AROUND}))
        elif fact.kind == "string" and fact.enum is not None:
            values.append([member.value for member in fact.enum])
        else:
            return None
    out: list[Mapping[str, Value]] = []
    for filling in itertools.product(*values):
        case: dict[str, Value] = {**facts, **dict(zip(unknown, filling, strict=True))}
        out.append(Unsettled(case) if isinstance(facts, Unsettled) else case)  # see known_only
    return out


AROUND = (dt.timedelta(days=-1), dt.timedelta(0))
"""The days tried around a day a rule compares with: the day before, and the day itself."""


def nodes(tree: Tree) -> Iterator[Tree]:
    """A tree and every node below it."""
    yield tree
    for child in tree[1:]:
        if isinstance(child, tuple) and child and isinstance(child[0], str):
            yield from nodes(child)


def conjuncts(tree: Tree) -> list[Tree]:
    """The terms of a predicate's top-level conjunction; the predicate itself when it is none."""
    return [*conjuncts(tree[1]), *conjuncts(tree[2])] if tree[0] == "and" else [tree]


def facts_read(tree: Tree) -> tuple[str, ...]:
    """The facts a tree reads, sorted."""
    facts: set[str] = set()
    _symbols(tree, facts, set())
    return tuple(sorted(facts))


def predicate(text: str, tree: Tree) -> Predicate:
    """A predicate from its checked tree, compiled both ways."""
    facts: set[str] = set()
    params: set[str] = set()
    _symbols(tree, facts, params)
    subject = FACT_TYPES[min(facts)].subject if facts else None
    return Predicate(
        text=text,
        tree=tree,
        facts=tuple(sorted(facts)),
        params=tuple(sorted(params)),
        subject=subject,
    )


def _symbols(tree: Tree, facts: set[str], params: set[str]) -> None:
    kind = tree[0]
    if kind == "fact":
        facts.add(tree[1])
    elif kind == "param":
        params.add(tree[1])
    elif kind == "set":
        for item in tree[1]:
            _symbols(item, facts, params)
    elif kind != "const":
        for operand in tree[1:]:
            _symbols(operand, facts, params)


def parse(text: str, param_kinds: Mapping[str, str]) -> Predicate:
    """Parse ``text`` against the fact model and the parameters; raise PredicateError."""
    import rule_engine
    import rule_engine.builtins as rule_builtins

    context = rule_engine.Context(
        type_resolver=rule_engine.type_resolver_from_dict(
            {name: ft.data_type for name, ft in FACT_TYPES.items()}
        ),
        default_timezone=dt.UTC,
    )
    context.builtins = rule_builtins.Builtins.from_defaults(
        {name: None for name in param_kinds},
        value_types={name: _data_type(kind) for name, kind in param_kinds.items()},
    )
    if _REGEX.search(_STRINGS.sub("", text)):  # before rule-engine folds `"a" =~ "a"` away
        raise PredicateError(
            "regular-expression operators are not supported: every text fact is one of a "
            "list of values, so compare it with `==` or `in {...}`"
        )
    try:
        rule = rule_engine.Rule(text, context=context)
    except RecursionError:
        raise PredicateError(_TOO_DEEP) from None
    except rule_engine.SymbolResolutionError as exc:
        hint = f"; did you mean `{exc.suggestion}`?" if exc.suggestion else ""
        raise PredicateError(f"unknown fact `{exc.symbol_name}`{hint}") from None
    except rule_engine.RuleSyntaxError as exc:
        raise PredicateError(f"syntax error: {exc.message}") from None
    except rule_engine.EngineError as exc:
        raise PredicateError(f"{exc.message} in `{text.strip()}`") from None
    facts: set[str] = set()
    params: set[str] = set()
    _check(rule.statement.expression, facts, params, param_kinds)
    subjects = {FACT_TYPES[name].subject for name in facts}
    if len(subjects) > 1:
        raise PredicateError("a predicate may not mix facts of systems and of models")
    checked = tree(rule.statement.expression)
    if depth(checked) > MAX_PREDICATE_DEPTH:
        raise PredicateError(_TOO_DEEP)
    return predicate(text, checked)


MAX_PREDICATE_DEPTH = 100
"""The deepest a predicate may nest (a chain of ``and`` nests one level per term); the shipped
rules nest at most 14 levels."""
_TOO_DEEP = (
    f"the expression nests deeper than {MAX_PREDICATE_DEPTH} levels; split it into several rules"
)


def depth(node: Tree) -> int:
    """How deeply a checked tree nests, counted without recursion."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if item[0] == "set":
            stack.extend((sub, level + 1) for sub in item[1])
        elif item[0] not in ("fact", "param", "const"):
            stack.extend((sub, level + 1) for sub in item[1:])
    return deepest


_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'" + r'|"(?:[^"\\]|\\.)*"')
_REGEX = re.compile(r"[=!]~")
"""The regular-expression operators ``=~``, ``=~~``, ``!~`` and ``!~~``, outside string literals."""
_WORD = re.compile(r"(?<![\w$.])[A-Za-z_]\w*")
"""A bare name in a predicate: a fact, a keyword, or a named predicate (a parameter has ``$``)."""


def expand(text: str, named: Mapping[str, str]) -> str:
    """``text`` with each bare name of ``named`` replaced by its predicate in brackets, string
    literals left as they are (a name inside quotes is a value, not a predicate)."""
    def name(match: re.Match[str]) -> str:
        word = match.group()
        return f"({named[word]})" if word in named else word

    out, at = [], 0
    for literal in _STRINGS.finditer(text):
        out += [_WORD.sub(name, text[at:literal.start()]), literal.group()]
        at = literal.end()
    out.append(_WORD.sub(name, text[at:]))
    return "".join(out)


def tree(node: Any) -> Tree:
    """A checked ``rule-engine`` expression as plain data."""
    import rule_engine.ast as ast

    if isinstance(node, ast.SymbolExpression):
        return ("fact" if node.scope is None else "param", node.name)
    if isinstance(node, ast.LogicExpression | ast.BitwiseExpression):
        return (node.type, tree(node.left), tree(node.right))
    if isinstance(node, ast.UnaryExpression):
        return ("not", tree(node.right))
    if isinstance(node, ast.ContainsExpression):
        return ("in", tree(node.member), tree(node.container))
    if isinstance(node, ast.ComparisonExpression | ast.ArithmeticComparisonExpression):
        return (node.type, tree(node.left), tree(node.right))
    if isinstance(node, ast.SetExpression):
        items = [tree(item) if isinstance(item, ast.ExpressionBase) else ("const", item)
                 for item in node.value]
        return ("set", tuple(sorted(items, key=repr)))
    return ("const", node.value)


def _symbol_fact(node: Any) -> FactType | None:
    import rule_engine.ast as ast

    if isinstance(node, ast.SymbolExpression) and node.scope is None:
        return FACT_TYPES[node.name]
    return None


def _check_literal(node: Any, fact: FactType | None) -> None:
    """A string literal compared with an enumerated fact must be one of its values."""
    import rule_engine.ast as ast

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


def _check(node: Any, facts: set[str], params: set[str], param_kinds: Mapping[str, str]) -> None:
    """Walk the tree: record the symbols, refuse what three-valued evaluation does not cover."""
    import rule_engine.ast as ast

    if isinstance(node, ast.SymbolExpression):
        if node.scope is None:
            facts.add(node.name)
        elif node.name in param_kinds:
            params.add(node.name)
        else:
            raise PredicateError(f"unknown parameter `${node.name}`{did_you_mean(node.name, param_kinds)}")
        return
    if isinstance(node, ast.NullExpression):
        raise PredicateError(_NULL)
    if isinstance(node, ast.StringExpression | ast.FloatExpression | ast.BooleanExpression
                  | ast.DatetimeExpression):
        return
    if isinstance(node, ast.SetExpression):
        for item in node.value:
            if isinstance(item, ast.ExpressionBase):
                _check(item, facts, params, param_kinds)
        return
    if isinstance(node, ast.UnaryExpression) and node.type == "not":
        _check(node.right, facts, params, param_kinds)
        return
    if isinstance(node, ast.ContainsExpression):
        _check_literal(node.member, _symbol_fact(node.container))
        _check_literal(node.container, _symbol_fact(node.member))
        _check(node.member, facts, params, param_kinds)
        _check(node.container, facts, params, param_kinds)
        return
    if isinstance(node, ast.LogicExpression | ast.BitwiseExpression):
        if isinstance(node, ast.BitwiseExpression):
            if node.type not in ("bwand", "bwor"):
                raise PredicateError(f"operator `{node.type}` is not supported")
            _check_literal(node.right, _symbol_fact(node.left))
            _check_literal(node.left, _symbol_fact(node.right))
        _check(node.left, facts, params, param_kinds)
        _check(node.right, facts, params, param_kinds)
        return
    if isinstance(node, ast.ComparisonExpression | ast.ArithmeticComparisonExpression):
        left, right = _symbol_fact(node.left), _symbol_fact(node.right)
        for side, other in ((left, node.right), (right, node.left)):
            if side is not None and not isinstance(other, ast.SymbolExpression):
                _check_types(side, other)
                _check_literal(other, side)
        _check(node.left, facts, params, param_kinds)
        _check(node.right, facts, params, param_kinds)
        return
    raise PredicateError(f"`{type(node).__name__}` is not supported in predicates")


def _check_types(fact: FactType, literal: Any) -> None:
    import rule_engine
    import rule_engine.ast as ast

    DT = rule_engine.DataType
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


def _eval(node: Tree, facts: Mapping[str, Value], params: Mapping[str, Value]) -> Value:
    """Kleene evaluation of a checked tree; ``None`` is unknown."""
    kind = node[0]
    if kind == "fact":
        return facts.get(node[1])
    if kind == "param":
        return params.get(node[1])
    if kind == "const":
        return node[1]
    if kind in ("and", "or"):
        stop = kind == "or"  # the value that decides: False for `and`, True for `or`
        left = partial.truth(_eval(node[1], facts, params))
        if left is not None and bool(left) is stop:
            return stop
        right = partial.truth(_eval(node[2], facts, params))
        if right is not None and bool(right) is stop:
            return stop
        return None if left is None or right is None else not stop
    if kind == "not":
        value = partial.truth(_eval(node[1], facts, params))
        return None if value is None else not value
    if kind == "set":
        items = [_eval(item, facts, params) for item in node[1]]
        return None if any(item is None for item in items) else frozenset(items)
    left = _eval(node[1], facts, params)
    right = _eval(node[2], facts, params)
    if left is None or right is None:
        return None
    if kind == "in":
        return partial.member(left, right)
    if kind in _COMPARE:
        return _COMPARE[kind](left, right)
    return partial.meet(left, right) if kind == "bwand" else left | right


def _compile(node: Tree) -> Evaluator:
    """Compose closures with the semantics of :func:`_eval`, once per predicate.

    No source text is generated: rule text only ever reaches the closures as data (names and
    literal values), so nothing in a rule file can become code.
    """
    kind = node[0]
    if kind in ("fact", "param"):
        name = node[1]
        if kind == "fact":
            return lambda facts, params: facts.get(name)
        return lambda facts, params: params.get(name)
    if kind == "const":
        return _constant(node[1])
    if kind in ("and", "or"):
        return _compile_logic(kind == "and", _operand(node[1]), _operand(node[2]))
    if kind == "not":
        operand = _operand(node[1])

        def negate(facts: Mapping[str, Value], params: Mapping[str, Value]) -> Value:
            value = operand(facts, params)
            return None if value is None else not value

        return negate
    if kind == "set":
        return _compile_set(node)
    if kind == "in":
        return _compile_binary(partial.member, _compile(node[1]), _compile(node[2]))
    if kind in _COMPARE:
        return _compile_binary(_COMPARE[kind], _compile(node[1]), _compile(node[2]))
    combine = partial.meet if kind == "bwand" else operator.or_
    return _compile_binary(combine, _compile(node[1]), _compile(node[2]))


def _operand(node: Tree) -> Evaluator:
    """A logic operand: a fact read for its truth, unknown for a set known in part without a
    member present (see :mod:`aiact_tiers.facts.partial`)."""
    if node[0] != "fact":
        return _compile(node)
    name = node[1]
    return lambda facts, params: partial.truth(facts.get(name))


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


def _compile_set(node: Tree) -> Evaluator:
    items = [_compile(item) for item in node[1]]

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


def read_facts(description: SystemDescription | ModelDescription) -> tuple[dict[str, Value], bool]:
    """The facts of a description as the generated decisions read them (an unset fact is None,
    which the three-valued decision reads as unknown), and whether every fact is set.

    Values stay as validated but for dates, which become UTC datetimes as :func:`normalise`
    makes them: an enumerated value is a string enum, equal to its string and hashing as it
    does, and a set of them is a frozenset already, so predicates read both as they are.
    """
    facts = dict(description.__dict__)
    for name in IDENTITY_FIELDS:
        facts.pop(name, None)
    for name in _DATES:
        if (value := facts.get(name)) is not None:
            facts[name] = as_datetime(value)
    return facts, settled(facts)


def as_datetime(day: dt.date) -> dt.datetime:
    """A day as the decisions read it: its midnight, UTC (as :func:`normalise` makes it)."""
    return dt.datetime.combine(day, _MIDNIGHT_UTC)


def settled(facts: Mapping[str, Value]) -> bool:
    """Whether every fact is known: none unset, and no set known only in part."""
    return None not in facts.values() and PartialSet not in map(type, map(facts.get, _SETS))


class Unsettled(dict[str, Value]):
    """Known facts among which a set is known only in part: the two-valued deciders, which
    need every member known, never read them."""


def decidable(facts: Mapping[str, Value], needs: frozenset[str]) -> bool:
    """Whether two-valued logic decides what reads ``needs``: each of them known, and no set
    known only in part among the facts."""
    return facts.keys() >= needs and type(facts) is not Unsettled


def known_only(facts: Mapping[str, Value]) -> dict[str, Value]:
    """Facts as :func:`read_facts` gives them with the unknown ones left out, as the deciders of
    single rules read them (an :class:`Unsettled` mapping where a set is known in part)."""
    known = {name: value for name, value in facts.items() if value is not None}
    if PartialSet in map(type, map(known.get, _SETS)):
        return Unsettled(known)
    return known


_MIDNIGHT_UTC = dt.time(tzinfo=dt.UTC)
_DATES = tuple(name for name, fact in FACT_TYPES.items() if fact.kind == "datetime")
_SETS = tuple(name for name, fact in FACT_TYPES.items() if fact.kind == "set")
