"""A griffe extension for the API reference: the docstrings' cross-reference roles as Markdown.

The library's docstrings are Markdown with Google-style sections; a few name other objects the
Sphinx way (``:class:`RowError```, ``:func:`~aiact_tiers.crosswalk```). This turns each role into
a link when it names a public object of ``aiact_tiers`` and into plain code otherwise, so no
role is ever shown raw.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

import aiact_tiers

ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):`~?(?P<target>[\w.]+)`")


def canonical(name: str) -> str:
    """The path a public name is documented under: where it is defined, for functions and classes."""
    obj = getattr(aiact_tiers, name)
    if hasattr(obj, "__qualname__") and hasattr(obj, "__module__"):
        return f"{obj.__module__}.{obj.__qualname__}"
    return f"aiact_tiers.{name}"


def markdown(text: str) -> str:
    """``text`` with every role replaced: a link to a public name, else the name as code."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("target").rsplit(".", 1)[-1]
        return f"[`{name}`][{canonical(name)}]" if name in aiact_tiers.__all__ else f"`{name}`"

    return ROLE.sub(replace, text)


class Roles(griffe.Extension):
    """Rewrites the roles of every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
