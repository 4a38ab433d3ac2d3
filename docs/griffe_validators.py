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
from griffe_pydantic._internal import common, static


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


class InheritedValidators(griffe.Extension):
    """Marks the validators griffe_pydantic skipped; list it after griffe_pydantic."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for cls in classes(pkg):
            if "pydantic-model" not in cls.labels:
                continue
            for func in cls.members.values():
                if func.is_alias or not isinstance(func, griffe.Function):
                    continue
                if "pydantic-validator" not in func.labels and (call := static._pydantic_validator(func)):
                    fields = [ast.literal_eval(field) for field in call.arguments if isinstance(field, str)]
                    common._process_function(func, cls, fields)
