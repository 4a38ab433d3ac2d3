"""How a result shows itself in a notebook, without knowing who draws it.

A result's ``_repr_markdown_`` and ``_repr_html_`` ask for the renderer registered under their
format; :mod:`aiact_tiers.render` registers them when it is imported (the package does so on
import), so results never import the layer that renders them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

Format = Literal["markdown", "html"]

_RENDERERS: dict[tuple[type[Any], Format], Callable[[Any], str]] = {}


def register(kind: type[Any], fmt: Format, renderer: Callable[[Any], str]) -> None:
    """Make ``renderer`` the way results of ``kind`` are shown in ``fmt``."""
    _RENDERERS[kind, fmt] = renderer


def shown(result: Any, fmt: Format) -> str:
    """``result`` rendered in ``fmt`` by the renderer registered for its class."""
    try:
        renderer = _RENDERERS[type(result), fmt]
    except KeyError:
        raise LookupError(f"no {fmt} renderer is registered for {type(result).__name__}: "
                          "import aiact_tiers.render") from None
    return renderer(result)
