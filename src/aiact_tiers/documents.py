"""YAML and JSON documents read as plain data, never as code.

YAML is read with PyYAML's safe loader: tags other than the standard ones, anchors and aliases
(no alias bombs) and duplicate keys are refused, and nesting is capped at :data:`MAX_DEPTH`.
Each error names the source and the line. Rule files, descriptions and inventories all come in
through here.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

from .errors import RuleFileError

MAX_DEPTH = 64
_SCALAR_KEYS = (str, int, float, bool, dt.date, type(None))


@functools.cache
def _safe_line_loader() -> type[Any]:
    """The YAML loader class, built on first use: PyYAML is imported only to read YAML."""
    import yaml

    class _SafeLineLoader(yaml.SafeLoader):
        """Safe YAML with line numbers, no duplicate keys, no aliases, bounded nesting."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.constructor.ConstructorError(
                    None, None, "anchors and aliases are not allowed", event.start_mark
                )
            self._depth = getattr(self, "_depth", 0) + 1
            if self._depth > MAX_DEPTH:
                raise yaml.constructor.ConstructorError(
                    None, None, f"nesting deeper than {MAX_DEPTH} levels", self.get_mark()
                )
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                problem = None
                if not isinstance(key, _SCALAR_KEYS):
                    problem = "a key must be text, a number or a date, not a list or mapping"
                elif key == "__line__":
                    problem = "the key `__line__` is reserved"
                elif key in seen:
                    problem = f"duplicate key `{key}`"
                if problem:
                    raise yaml.constructor.ConstructorError(None, None, problem, key_node.start_mark)
                seen.add(key)
            mapping = super().construct_mapping(node, deep=deep)
            if node.tag == "tag:yaml.org,2002:map":  # not a `!!set`, whose keys are its members
                mapping["__line__"] = node.start_mark.line + 1
            return mapping

        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError as exc:  # 2024-02-30: the safe constructor names no line
                raise yaml.constructor.ConstructorError(
                    None, None, f"`{node.value}` is no date: {exc}", node.start_mark
                ) from None

    _SafeLineLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                    _SafeLineLoader.construct_yaml_timestamp)
    return _SafeLineLoader


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def read_yaml(text: str, source: str, *, keep_lines: bool = False) -> Any:
    """Parse YAML safely; raise RuleFileError naming the source and line."""
    import yaml

    try:
        data = yaml.load(text, Loader=_safe_line_loader())
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        raise RuleFileError(f"{source}{_yaml_problem(exc)}") from None
    return data if keep_lines else _strip_lines(data)


def read_yaml_items(text: str, source: str) -> list[tuple[int, Any, str | None]] | None:
    """The entries of a YAML (or JSON) list, each with the line it starts on and its data, or
    the reason it cannot be read (a duplicate key, a bad date) in place of the data; None when
    the document is not a list. Errors of the document as a whole raise RuleFileError."""
    import yaml

    try:
        loader = _safe_line_loader()(text)
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{source}{_yaml_problem(exc)}") from None
    try:
        if not isinstance(node, yaml.SequenceNode):
            return None
        items: list[tuple[int, Any, str | None]] = []
        for item in node.value:
            line = item.start_mark.line + 1
            try:
                items.append((line, _strip_lines(loader.construct_document(item)), None))
            except (yaml.YAMLError, ValueError, OverflowError) as exc:
                loader.constructed_objects, loader.recursive_objects = {}, {}
                loader.state_generators = []
                problem = _yaml_problem(exc)
                items.append((line, None, problem.split(": ", 1)[-1]))
        return items
    finally:
        loader.dispose()


def _yaml_problem(exc: Exception) -> str:
    """``:line: problem`` of a YAML error, or ``: problem`` when it has no line."""
    import yaml

    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        return f"{line}: {exc.problem or exc.context}"
    return f": {exc}"  # a value the safe constructors refuse: 2024-02-30


def read_json(text: str) -> Any:
    """JSON text as a description may hold it: ValueError on a key given twice (JSON would
    keep the last) and on ``NaN`` or ``Infinity``, json.JSONDecodeError on broken text."""
    return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's pairs as a dict; ValueError on a key given twice."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise ValueError(f"duplicate key `{key}`")
        data[key] = value
    return data


def _no_constant(name: str) -> Any:
    """Refuse `NaN` and `Infinity` in JSON."""
    raise ValueError(f"`{name}` is not a number a description may hold")
