"""A griffe extension for the API reference: the validators a model inherits, listed with it.

griffe_pydantic marks a validator only when it meets the class that defines it before any class
that inherits it: it takes the inherited copy as done without marking it. The fact models inherit
their validators from bases in other modules (``facts/fields.py``, ``facts/gpai.py``), and which
module it meets first follows the order of the files on disk. This marks, after griffe_pydantic
has run, each validator it left unmarked, as griffe_pydantic would have, so that every model lists
its validators whatever that order.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import Any

import griffe

NAMESPACE = "griffe_pydantic"
"""Where griffe_pydantic keeps what its templates read: a validator's fields, a field's
validators."""
DECORATORS = {"pydantic.field_validator", "pydantic.model_validator"}


def classes(module: griffe.Module) -> Iterator[griffe.Class]:
    """Every class defined (not imported) in ``module`` and its submodules, nested ones included."""
    stack: list[griffe.Module | griffe.Class] = [module]
    while stack:
        obj = stack.pop()
        for member in obj.members.values():
            if member.is_alias:
                continue
            if isinstance(member, griffe.Class):
                yield member
                stack.append(member)
            elif isinstance(member, griffe.Module):
                stack.append(member)


def validator_call(func: griffe.Function) -> griffe.ExprCall | None:
    """The ``field_validator`` or ``model_validator`` decorator of a function, if any."""
    for decorator in func.decorators:
        if isinstance(decorator.value, griffe.ExprCall) and decorator.callable_path in DECORATORS:
            return decorator.value
    return None


def mark(func: griffe.Function, cls: griffe.Class, fields: list[str]) -> None:
    """Mark a validator of ``cls`` and the fields it validates (``*``: every field), in the
    labels and data griffe_pydantic gives a validator it meets first."""
    func.labels = {"pydantic-validator"}
    targets = ([m for m in cls.all_members.values() if "pydantic-field" in m.labels]
               if fields[:1] == ["*"] else [cls.all_members[field] for field in fields])
    func.extra[NAMESPACE].setdefault("targets", []).extend(targets)
    for target in targets:
        target.extra[NAMESPACE].setdefault("validators", []).append(func)


class InheritedValidators(griffe.Extension):
    """Marks the validators griffe_pydantic skipped; list it after griffe_pydantic."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for cls in classes(pkg):
            if "pydantic-model" not in cls.labels:
                continue
            for func in cls.members.values():
                if func.is_alias or not isinstance(func, griffe.Function):
                    continue
                if "pydantic-validator" not in func.labels and (call := validator_call(func)):
                    mark(func, cls, [ast.literal_eval(field) for field in call.arguments
                                     if isinstance(field, str)])
