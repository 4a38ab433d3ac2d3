"""The facts reference and the published JSON Schemas, generated from the fact models.

Every field of ``SystemDescription`` and ``ModelDescription`` gets its type, its allowed values,
its question, its provision and the rules of each ruleset that read it, in one section per part
of the Act. The schemas are the models' own, with ``$schema`` and an ``$id`` under the site's
address, so editors can validate description files against them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from aiact_tiers import ModelDescription, SystemDescription, list_rulesets, load_ruleset
from aiact_tiers.facts.vocabulary import ANNEX_I_TITLES, IMPLIED_MEMBERS
from aiact_tiers.law.catalog import description_schema

MODELS: tuple[type[BaseModel], ...] = (SystemDescription, ModelDescription)
SCHEMA_FILES = {SystemDescription: "system-description.json", ModelDescription: "model-description.json"}

# (section title, pattern on a fact's provision); a fact goes to the first section that matches.
SECTIONS = (
    ("The entry, your roles and the value chain", r"^$|^Art (22|25|26|27|49)\(|^EP Art (28|51)\("),
    ("Scope: Art 2 and Art 3(1)", r"^(EP )?Art (2\(|3\(1\)$)"),
    ("Prohibited practices: Art 5", r"^(EP )?Art 5\("),
    ("Products: Art 6(1) and Annex I", r"^Art (6\(1|3\(14\))"),
    ("Annex III: Art 6(2)", r"^Art 6\(2\)|^(EP )?Annex III|^EP Art 6\(2\)|^Art 3\(62\)"),
    ("The derogation: Art 6(3)", r"^Art 6\(3\)"),
    ("Transparency: Art 50", r"^Art 50\("),
    ("General-purpose AI models: Art 3(63), Art 51 to 54", r"^Art (3\(63\)|3\(3\)|5[1-4]\()"),
    ("Foundation models: EP Art 3(1c) and Art 28b", r"^EP Art (3\(1c\)|28b)"),
    ("Dates: Art 111", r"^Art 111\("),
    ("Fines: Art 99", r"^Art 99\("),
)


def provision(model: type[BaseModel], name: str) -> str:
    """The provision a field cites, or '' for the fields that are not facts of the law."""
    extra = model.model_fields[name].json_schema_extra
    return str(extra.get("provision", "")) if isinstance(extra, dict) else ""


def section(model: type[BaseModel], name: str) -> str:
    """The title of the section a field is listed in."""
    cited = provision(model, name)
    for title, pattern in SECTIONS:
        if re.search(pattern, cited):
            return title
    raise KeyError(f"no section of the facts page takes `{name}` ({cited})")


def anchor(subject: str, name: str) -> str:
    """The id of a fact's entry on the facts page: its name, prefixed for a model's facts."""
    return name if subject == "system" else f"model-{name}"


def _enum(annotation: Any) -> type[StrEnum] | None:
    """The enumeration a field's values come from, if any."""
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return annotation
    return next((e for e in map(_enum, typing.get_args(annotation)) if e is not None), None)


def type_name(annotation: Any) -> str:
    """A field's type as a reader writes it in a description file."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType) and typing.get_origin(args[-1]) is dict:
        return (f"{type_name(args[0])}, or a mapping of each value to `true`, `false` or `null` "
                "(a [set known in part](../how-to/partial-knowledge.md))")
    if origin in (list, frozenset, set):
        inner = args[0]
        if isinstance(inner, type) and issubclass(inner, StrEnum):
            return f"list of `{inner.__name__}` values"
        return f"list of {type_name(inner)}"
    if origin is typing.Literal:
        return " or ".join(f"`{a}`" for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return f"one of `{annotation.__name__}`"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"a [{annotation.__name__}](#{annotation.__name__.lower()})"
    plain = {bool: "yes or no (`true`/`false`)", str: "text", float: "number", int: "whole number",
             dt.date: "date (`YYYY-MM-DD`)"}
    return plain.get(annotation, str(annotation))


def _left_out(field: FieldInfo) -> str:
    """What a description that leaves the field out means by it."""
    if field.default_factory is not None:
        return "left out, it is empty."
    if field.default is None:
        return "left out, it is unknown."
    return f"left out, it is `{field.default}`."


def value_title(member: StrEnum) -> str:
    """A title for an allowed value: an Annex I act's title and Official Journal reference, a
    value standing for some member not known which says so, else its name in the enumeration."""
    if member in ANNEX_I_TITLES:
        return ANNEX_I_TITLES[member]  # type: ignore[index]
    title = member.name.replace("_", " ").capitalize()
    return f"{title}: some point, not known which" if member in IMPLIED_MEMBERS else title


def subject(model: type[BaseModel]) -> str:
    """What a rule reading the model's facts reads: ``system`` or ``model``."""
    return "system" if model is SystemDescription else "model"


def readers() -> dict[tuple[str, str], dict[str, list[str]]]:
    """(subject, fact) -> ruleset -> ids of the rules whose predicate reads it."""
    out: dict[tuple[str, str], dict[str, list[str]]] = {}
    for ruleset_id in list_rulesets():
        for rule in load_ruleset(ruleset_id).rules:
            for fact in rule.when.facts:
                out.setdefault((rule.subject, fact), {}).setdefault(ruleset_id, []).append(rule.id)
    return out


def _entry(model: type[BaseModel], name: str, read: dict[str, list[str]]) -> Iterator[str]:
    field = model.model_fields[name]
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    written = field.serialization_alias or name  # as a description writes it
    yield f"#### `{written}` {{#{anchor(subject(model), written)}}}"
    yield ""
    if written != name:
        yield f"Named `{name}` in rules and open questions. {{#{anchor(subject(model), name)}}}"
        yield ""
    if "question" in extra:
        yield f"**{extra['question']}**"
        yield ""
    yield field.description or ""
    yield ""
    yield f"- Type: {type_name(field.annotation)}; {_left_out(field)}"
    cited = provision(model, name)
    if cited:
        yield f"- Provision: {cited}"
    enum = _enum(field.annotation)
    if enum is not None:
        yield "- Allowed values:"
        yield from (f"    - `{m.value}`: {value_title(m)}" for m in enum)
    for ruleset_id, rule_ids in read.items():
        links = ", ".join(f"[`{r}`](rules/{ruleset_id}/{r}.md)" for r in rule_ids)
        yield f"- Read in `{ruleset_id}` by {links}"
    yield ""


def render_facts() -> str:
    """The facts reference page."""
    read = readers()
    lines = [
        "# Facts reference",
        "",
        "Every fact a description may hold, generated from the fact models when the site builds. "
        "A fact left out is *unknown*; the result then lists the tiers still possible and the "
        "questions that would decide them. A system description may carry its model under "
        "`model`; a model described on its own has `kind: model`.",
        "",
        "The JSON Schemas of both descriptions are published with the site, for editors that "
        "validate YAML or JSON as you type: "
        + ", ".join(f"[`{file}`](../schema/{file})" for file in SCHEMA_FILES.values())
        + ". In a YAML file, a first line such as "
        "`# yaml-language-server: $schema=<address of the schema>` points the editor at it.",
        "",
    ]
    for model in MODELS:
        lines += [f"## {model.__name__}", "", (model.__doc__ or "").strip(), ""]
        for title, _ in SECTIONS:
            names = [n for n in model.model_fields if section(model, n) == title]
            if names:
                lines += [f"### {title}", ""]
                for name in names:
                    lines += list(_entry(model, name, read.get((subject(model), name), {})))
    return "\n".join(lines) + "\n"


def schema(model: type[BaseModel], site_url: str) -> str:
    """A model's JSON Schema with its dialect and its address on the site: absolute under the
    site's address, or without one its file name, which resolves to where it is read from."""
    address = f"{site_url.rstrip('/')}/schema/" if site_url else ""
    schema = description_schema("model" if model is ModelDescription else "system")
    body = {"$schema": schema.pop("$schema"), "$id": f"{address}{SCHEMA_FILES[model]}", **schema}
    return json.dumps(body, indent=2) + "\n"
