"""Plain descriptions read straight into the facts the decisions read.

Most descriptions in an inventory are plain data: each fact true, false or null, an enumerated
value or a list of members by their names, a day written ``YYYY-MM-DD``. For such a mapping,
:func:`read_plain` gives what validating it as a
:class:`~aiact_tiers.facts.descriptions.SystemDescription` (or, with ``kind: model``, a
:class:`~aiact_tiers.facts.descriptions.ModelDescription`) and reading that with
:func:`~aiact_tiers.engine.predicates.read_facts` give, without building the model: that is
most of the cost of classifying plain data. Anything else it declines with None: a key it does
not read (an alias, a nested model, a misspelling), a value of another type, a set known in
part or given as a mapping, a day in another form. Validation then reads that description and,
where it is wrong, refuses it with its own message. A field that a validator of its own or a
constraint other than a lower bound checks is read here only where that validator leaves the
values read as they are (:data:`_PLAIN_UNDER`); a new validator sends its fields to validation
until it is listed. The property tests hold the reader to validation: where it answers, it
answers the same.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, NamedTuple

from annotated_types import Ge
from pydantic import AliasChoices

from ..facts.descriptions import ModelDescription, SystemDescription
from ..facts.vocabulary import MARKERS, Role
from .predicates import FACT_TYPES, Value, as_datetime

__all__ = ["Entry", "Read", "read_plain"]


class Entry(NamedTuple):
    """What a description says beside its facts: its id and name, the day it is assessed on
    and the roles asked for (None: every role)."""

    id: str | None
    name: str | None
    as_of: dt.date | None
    roles: list[Role] | None


Read = tuple[Entry, dict[str, dict[str, Value]], bool]
"""A description read: its entry, the facts of each subject (``system``, ``model``; ``{}`` for
one not described) as the decisions read them, and whether every fact is known."""

_PLAIN_UNDER = frozenset({"_set_knowledge", "_points_as_text", "_flop_is_a_number"})
"""The fact models' validators that leave the values read here as they are: a list of members
naming no area or section marker, points written as text, a FLOP count that is no boolean."""
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EXACT = 2**53  # the largest integer that every float up to it holds exactly
_BOOLEAN = frozenset({bool, type(None)})
_TEXT = frozenset({str})
Reader = Callable[[Any], Any]
"""How one known value is read; it raises :class:`_Declined` where only validation may."""


class _Declined(Exception):
    """A value that only validation may read."""


def _day(value: Any) -> dt.date:
    if type(value) is dt.date:
        return value
    if type(value) is str and _ISO_DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _Declined


def _fact_day(value: Any) -> dt.datetime:
    return as_datetime(_day(value))


def _text(value: Any) -> str:
    if type(value) is str:
        return value
    raise _Declined


def _number(at_least: float) -> Reader:
    def number(value: Any) -> float:
        if type(value) is int and -_EXACT <= value <= _EXACT:
            value = float(value)
        if type(value) is float and math.isfinite(value) and value >= at_least:
            return value
        raise _Declined

    return number


def _members(enum: type[Enum]) -> dict[str, Enum]:
    """The members of ``enum`` by value, area and section markers left out."""
    return {member.value: member for member in enum if member not in MARKERS}


def _member(enum: type[Enum]) -> Reader:
    members = _members(enum)

    def member(value: Any) -> Enum:
        if type(value) is str and value in members:
            return members[value]
        raise _Declined

    return member


def _listed(enum: type[Enum], collect: Callable[[Any], Any]) -> Reader:
    members = _members(enum)

    def listed(value: Any) -> Any:
        if type(value) is list and set(map(type, value)) <= _TEXT and members.keys() >= set(value):
            return collect(map(members.__getitem__, value))
        raise _Declined

    return listed


def _fact_reader(name: str, info: Any) -> Reader | None:
    """How a known value of a fact other than a boolean is read, or None where only validation
    reads it."""
    bound = [float(m.ge) for m in info.metadata if isinstance(m, Ge)]  # type: ignore[arg-type]
    kind, enum = FACT_TYPES[name].kind, FACT_TYPES[name].enum
    if kind == "float" and typing.get_args(info.annotation) == (float, type(None)):
        return _number(max(bound, default=-math.inf))
    if bound:
        return None
    if kind == "datetime":
        return _fact_day
    if kind == "set" and enum is not None:
        return _listed(enum, frozenset)
    return _member(enum) if kind == "string" and enum is not None else None


_ENTRY: dict[str, Reader] = {"id": _text, "name": _text, "as_of": _day,
                             "roles": _listed(Role, list)}
"""The entry fields read here, and how (``kind`` is read apart: it chooses the model)."""


class _Model(NamedTuple):
    """How plain data of one fact model is read."""

    keys: frozenset[str]  # every key read here
    template: dict[str, Value]  # each fact unknown, in the order of the model's fields
    booleans: Callable[[Mapping[str, Any]], tuple[Any, ...]]  # the values of the boolean facts
    others: tuple[tuple[str, Reader], ...]  # the other facts read here, each with its reader
    aliased: tuple[tuple[str, tuple[str, ...]], ...]  # facts given by one of several names


def _model(model: type[SystemDescription] | type[ModelDescription]) -> _Model:
    validated = {name for decorator in model.__pydantic_decorators__.field_validators.values()
                 if decorator.cls_var_name not in _PLAIN_UNDER for name in decorator.info.fields}
    keys, booleans, others, aliased = {"kind", *_ENTRY}, [], [], []
    template: dict[str, Value] = {}
    for name, info in model.model_fields.items():
        if name not in FACT_TYPES:
            continue
        template[name] = None
        alias = info.validation_alias
        if name in validated or not isinstance(alias, AliasChoices | None):
            continue
        if alias is not None:
            choices = tuple(c for c in alias.choices if isinstance(c, str))
            if len(choices) < len(alias.choices):
                continue  # a path into nested data
            aliased.append((name, choices))
            keys.update(choices)
        if FACT_TYPES[name].kind == "boolean" and not info.metadata:
            booleans.append(name)
        elif (read := _fact_reader(name, info)) is not None:
            others.append((name, read))
        else:
            continue
        if alias is None:
            keys.add(name)
    return _Model(frozenset(keys), template, operator.itemgetter(*booleans), tuple(others),
                  tuple(aliased))


_SYSTEM, _MODEL = _model(SystemDescription), _model(ModelDescription)


def read_plain(data: Mapping[str, Any]) -> Read | None:
    """A plain description read as validation and
    :func:`~aiact_tiers.engine.predicates.read_facts` read it, or None where only validation
    may read it (see the module's docstring)."""
    kind = data.get("kind", "system")
    form = _MODEL if kind == "model" else _SYSTEM if kind == "system" else None
    if form is None or not form.keys.issuperset(data):
        return None
    facts = {**form.template, **data}
    for name, choices in form.aliased:
        given = [choice for choice in choices if choice in data]
        if len(given) > 1:
            return None  # validation refuses the second
        if given and given[0] != name:
            facts[name] = facts.pop(given[0])
    booleans = set(map(type, form.booleans(facts)))
    if not booleans <= _BOOLEAN:
        return None
    entered = 0  # the entry fields given, kind among them
    known = type(None) not in booleans
    try:
        values = []
        for name, read in _ENTRY.items():
            if name in facts:
                entered += 1
                value = facts.pop(name)
                values.append(None if value is None else read(value))
            else:
                values.append(None)
        for name, read in form.others:
            if (value := facts[name]) is not None:
                facts[name] = read(value)
            else:
                known = False
    except _Declined:
        return None
    if "kind" in facts:
        entered += 1
        del facts["kind"]
    known = known and len(data) - entered == len(form.template)  # every fact given
    subjects = {"system": {}, "model": facts} if form is _MODEL else {"system": facts, "model": {}}
    return Entry(*values), subjects, known
