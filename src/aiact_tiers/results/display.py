"""How a result shows itself in a notebook or on a terminal, without knowing who draws it.

A result's ``_repr_markdown_``, ``_repr_html_`` and ``__rich__`` ask for the renderer
registered under their format; :mod:`aiact_tiers.render` registers them when it is imported.
The package names that import as the loader of the renderers, run the first time a result is
shown, so results never import the layer that renders them and importing the package does not
load it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

Format = Literal["markdown", "html", "rich"]
"""Markdown and HTML text, or a renderable of the ``rich`` library (a terminal's tables)."""

_RENDERERS: dict[tuple[type[Any], Format], Callable[[Any], Any]] = {}
_LOADERS: list[Callable[[], object]] = []


def load_with(loader: Callable[[], object]) -> None:
    """Run ``loader`` (which registers renderers) the first time no renderer is found."""
    _LOADERS.append(loader)


def register(kind: type[Any], fmt: Format, renderer: Callable[[Any], Any]) -> None:
    """Make ``renderer`` the way results of ``kind`` are shown in ``fmt``."""
    _RENDERERS[kind, fmt] = renderer


def shown(result: Any, fmt: Literal["markdown", "html"]) -> str:
    """``result`` rendered as text in ``fmt`` by the renderer registered for its class."""
    return str(rendered(result, fmt))


def rendered(result: Any, fmt: Format) -> Any:
    """``result`` rendered in ``fmt`` by the renderer registered for its class."""
    key = (type(result), fmt)
    while key not in _RENDERERS and _LOADERS:
        _LOADERS.pop(0)()
    try:
        renderer = _RENDERERS[key]
    except KeyError:
        raise LookupError(f"no {fmt} renderer is registered for {type(result).__name__}: "
                          "import aiact_tiers.render") from None
    return renderer(result)
