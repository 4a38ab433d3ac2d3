"""The facts the AI Act asks, as pydantic models.

A :class:`SystemDescription` describes an AI system (Art 3(1)); a :class:`ModelDescription`
describes a general-purpose AI model (Art 3(63)) or, in the 2023 Parliament text, a foundation
model (EP Art 3(1c)). Every fact may be left unset, which means *unknown*; the engine then reasons
in three-valued logic. Facts that are judgements under the law ("materially distorts behaviour",
"narrow procedural task", "performs profiling") are explicit fields: nothing is inferred from
free text.
"""

import json
from pathlib import Path
from typing import Any, BinaryIO, Literal

from pydantic import Field

from ..documents import read_json, read_yaml
from ..errors import DescriptionError, RuleFileError
from .annex_i import AnnexIFacts
from .annex_iii import AnnexIIIFacts
from .fields import Facts
from .gpai import FoundationModelFacts, GeneralPurposeModelFacts
from .operators import OperatorFacts
from .practices import PracticeFacts
from .scope import ScopeFacts
from .transparency import TransparencyFacts
from .vocabulary import Role

__all__ = [
    "MAX_DESCRIPTION_BYTES",
    "Description",
    "ModelDescription",
    "SystemDescription",
    "fact_info",
    "load_description",
    "read_description_data",
]

# pydantic lists the fields of the bases in reverse order of the MRO (the last base's first): each
# model names its groups last to first, so that its fields keep the order of the Act.


class _ModelEntry(Facts):
    """A model's own entry fields: its kind and the roles asked for."""

    kind: Literal["model"] = "model"
    roles: list[Role] | None = Field(
        default=None,
        description="Your roles for this model; left out, every role; `[]`, no operator role.",
    )


class ModelDescription(FoundationModelFacts, GeneralPurposeModelFacts, _ModelEntry):
    """A general-purpose AI model (Art 3(63)) or, in the 2023 text, a foundation model."""


class _SystemEntry(Facts):
    """A system's own entry fields: its kind, the roles asked for and the model it is built on."""

    kind: Literal["system"] = "system"
    roles: list[Role] | None = Field(
        default=None,
        description="Your roles for this system (Art 3(3)-(8), Art 25(3)); several may apply. "
        "Left out, the result answers for every role; `[]` says you hold no operator role "
        "(an affected person, or someone who only receives an output).",
    )
    model: ModelDescription | None = Field(
        default=None,
        description="The general-purpose AI model the system is built on, when you provide it too.",
    )


class SystemDescription(
    OperatorFacts,
    TransparencyFacts,
    AnnexIIIFacts,
    AnnexIFacts,
    PracticeFacts,
    ScopeFacts,
    _SystemEntry,
):
    """An AI system (Art 3(1)) as its provider, deployer or another operator describes it."""


Description = SystemDescription | ModelDescription
"""What :func:`aiact_tiers.classify` accepts."""


def fact_info(name: str, act: str | None = None) -> dict[str, str]:
    """The provision and question text of a fact, for open questions and interviews.

    A fact that another text (``act``, as a ruleset names it) numbers or words differently gives
    that text's provision and question.
    """
    for model in (SystemDescription, ModelDescription):
        field = model.model_fields.get(name)
        if field is not None and isinstance(field.json_schema_extra, dict):
            extra = field.json_schema_extra
            texts = extra.get("texts") or {}
            assert isinstance(texts, dict)
            text = texts.get(act, extra) if act is not None else extra
            assert isinstance(text, dict)
            return {
                "provision": str(text["provision"]),
                "question": str(text["question"]),
                "description": field.description or "",
            }
    raise KeyError(name)


MAX_DESCRIPTION_BYTES = 10 * 1024 * 1024
"""The largest description file :func:`load_description` reads; larger files are refused."""


def load_description(source: str | Path | dict[str, Any]) -> Description:
    """Validate a description from a dict, or from a YAML or JSON file.

    A mapping with ``kind: model`` is a :class:`ModelDescription`; anything else a
    :class:`SystemDescription`. Every problem, from an unreadable file to a wrong value, is a
    :class:`~aiact_tiers.DescriptionError`.
    """
    from pydantic import ValidationError

    data = source if isinstance(source, dict) else _read_description(Path(source))
    if not isinstance(data, dict):
        raise DescriptionError(f"`{source}` must hold a mapping of facts")
    model = ModelDescription if data.get("kind") == "model" else SystemDescription
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields = SystemDescription.model_fields.keys() | ModelDescription.model_fields.keys()
        raise DescriptionError.from_validation(exc, fields) from None


def _read_description(path: Path) -> Any:
    """The data of a YAML or JSON file: see :func:`read_description_data`."""
    try:
        with path.open("rb") as stream:
            return read_description_data(stream, str(path), as_json=path.suffix == ".json")
    except OSError as exc:
        raise DescriptionError(f"cannot read `{path}`: {exc.strerror}") from None


def read_description_data(stream: BinaryIO, source: str, *, as_json: bool = False) -> Any:
    """The data of a YAML (or JSON) description read from ``stream``: bounded in size, strict
    UTF-8, no duplicate keys; DescriptionError naming ``source`` otherwise."""
    raw = stream.read(MAX_DESCRIPTION_BYTES + 1)
    if len(raw) > MAX_DESCRIPTION_BYTES:
        raise DescriptionError(f"`{source}` is larger than {MAX_DESCRIPTION_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DescriptionError(f"`{source}` is not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise DescriptionError(f"`{source}` is empty")
    if not as_json:
        try:
            return read_yaml(text, source)
        except RuleFileError as exc:
            raise DescriptionError(exc.message) from None
    try:
        return read_json(text)
    except json.JSONDecodeError as exc:
        raise DescriptionError(f"{source}:{exc.lineno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise DescriptionError(f"{source}: {exc}") from None
