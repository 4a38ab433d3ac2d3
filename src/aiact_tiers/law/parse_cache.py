"""Shipped rulesets kept pre-parsed as JSON, so loading one needs no YAML or parser.

Reading rule files with the pure-Python YAML reader and parsing every predicate with
``rule-engine`` costs most of a second. For each shipped ruleset, ``data/parsed/<id>.json``
holds what both produce: the data of every file (dates tagged) and the checked tree of every
predicate, under a key hashed from the text of every file of the ruleset, with the type of each
fact the predicates name. When the key matches the files being loaded and those facts still have
those types, the stored data is used; otherwise (rule files edited, a fact renamed or retyped, no
cache at all) the files are read and parsed as before. Facts added to the model leave the cache
valid: a predicate's type check depends only on the facts it names. Loading a cache
is ``json.loads``: nothing in it can run. The validation of rules, which needs no parser, runs
either way.

Regenerate after changing rule files or facts::

    python -m aiact_tiers.law.refresh_cache
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ..engine.predicates import FACT_TYPES, Tree

FORMAT = 2


class Parsed(NamedTuple):
    """What reading and parsing a ruleset's files gave: the YAML data and predicate trees."""

    documents: Mapping[str, Any]
    param_kinds: Mapping[str, str]
    trees: Mapping[str, Tree]


def _fact_type(name: str) -> list[Any] | None:
    """What a predicate's type check knows of a fact: kind, subject, enumerated values."""
    fact = FACT_TYPES.get(name)
    if fact is None:
        return None
    return [fact.kind, fact.subject, [m.value for m in fact.enum] if fact.enum else None]


def _facts_named(trees: Iterable[Tree]) -> set[str]:
    names: set[str] = set()
    stack = list(trees)
    while stack:
        node = stack.pop()
        if node[0] == "fact":
            names.add(node[1])
        elif node[0] == "set":
            stack.extend(node[1])
        elif node[0] not in ("param", "const"):
            stack.extend(node[1:])
    return names


def key(texts: Iterable[tuple[str, str]]) -> str:
    """The hash of the files of a ruleset: their names and texts."""
    digest = hashlib.sha256(f"{FORMAT}".encode())
    for name, text in texts:
        digest.update(f"\0{name}\0{len(text)}\0{text}".encode())
    return digest.hexdigest()


def _path(ruleset_id: str) -> Path:
    return Path(__file__).parent / "data" / "parsed" / f"{ruleset_id}.json"


def lookup(ruleset_id: str, texts: Iterable[tuple[str, str]]) -> Parsed | None:
    """The stored parse of a shipped ruleset when it matches these files; None otherwise."""
    entry = _path(ruleset_id)
    try:
        data = json.loads(entry.read_text(encoding="utf-8"), object_hook=_decode)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key(texts):
        return None
    try:
        if any(_fact_type(name) != known for name, known in data["facts"].items()):
            return None
        return Parsed(
            documents=data["documents"],
            param_kinds=data["param_kinds"],
            trees={text: _tuples(tree) for text, tree in data["trees"].items()},
        )
    except (KeyError, TypeError, AttributeError):
        return None


def dump(ruleset_id: str, texts: Iterable[tuple[str, str]], parsed: Parsed) -> str:
    """The JSON text of a cache entry."""
    data = {
        "key": key(texts),
        "facts": {name: _fact_type(name) for name in sorted(_facts_named(parsed.trees.values()))},
        "documents": parsed.documents,
        "param_kinds": parsed.param_kinds,
        "trees": parsed.trees,
    }
    return json.dumps(_encode(data), ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        for name in value:
            if not isinstance(name, str) or name.startswith("$"):
                raise ValueError(f"cannot store the key {name!r} in a parsed-rule cache")
        return {name: _encode(item) for name, item in value.items()}
    if value is None or isinstance(value, str | bool | int | float):
        return value
    raise ValueError(f"cannot store {type(value).__name__} in a parsed-rule cache")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        (tag, text), = obj.items()
        if tag == "$date":
            return dt.date.fromisoformat(text)
        if tag == "$datetime":
            return dt.datetime.fromisoformat(text)
        if tag == "$decimal":
            return decimal.Decimal(text)
    return obj


def _tuples(value: Any) -> Any:
    """A tree read from JSON, its lists made tuples again."""
    if type(value) is not list:
        return value
    return tuple([_tuples(item) if type(item) is list else item for item in value])
