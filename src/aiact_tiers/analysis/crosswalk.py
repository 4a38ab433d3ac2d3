"""Crosswalk from the foundation-model duties of EP Art 28b (2023) to Regulation (EU) 2024/1689."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter

from ..documents import read_yaml


class CrosswalkEntry(BaseModel):
    """One EP Art 28b duty and its nearest provisions in the 2024 text (empty: none).

    ``rule`` is the id of the duty's obligation in the ``eu-2023-ep`` ruleset.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    duty: str
    rule: str
    topic: str
    counterparts: tuple[str, ...]
    change: str
    confidence: Literal["high", "medium", "low"]
    note: str | None = None


@cache
def crosswalk() -> tuple[CrosswalkEntry, ...]:
    """Every EP Art 28b duty, in the order of the 2023 text, with its 2024 counterparts."""
    text = resources.files("aiact_tiers.law").joinpath("data", "crosswalk_28b.yaml").read_text("utf-8")
    return TypeAdapter(tuple[CrosswalkEntry, ...]).validate_python(read_yaml(text, "crosswalk_28b.yaml"))
