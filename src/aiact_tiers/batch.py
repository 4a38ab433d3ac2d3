"""Inventories: classify many systems lazily, one result or one row error per input row.

Readers turn an inventory file into :class:`Row` objects numbered by the line they start on, so
every row of the input comes out either as a :class:`~aiact_tiers.result.Classification` or as a
:class:`RowError`: no row is lost and nothing is held in memory but the current row (the YAML and
JSON list formats are the exception; they are parsed whole).

CSV columns are facts: list facts hold ``;``-separated values (``none`` for an empty list),
booleans ``true``/``false``/``yes``/``no``, an empty cell is an unknown fact, and a column such as
``model.training_compute_flop`` sets a fact of the general-purpose model the system is built on.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import json
import math
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ._loader import _strip_lines, read_yaml
from .errors import DescriptionError
from .facts import Description, ModelDescription, Role, SystemDescription
from .result import Classification, Tier
from .ruleset import DEFAULT_RULESET, RuleSet, load_ruleset

__all__ = [
    "BatchResult",
    "Row",
    "RowError",
    "Summary",
    "classify_jsonl",
    "classify_many",
    "classify_rendered",
    "read_inventory",
]

INVENTORY_FORMATS = ("csv", "jsonl", "yaml", "json")


@dataclass(frozen=True)
class Row:
    """One entry of an inventory: its facts, or why they could not be read."""

    line: int
    data: Mapping[str, Any] | Description | None = None
    error: str | None = None


@dataclass(frozen=True)
class RowError:
    """A row that could not be classified, with its line and the reason."""

    line: int
    id: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" ({self.id})" if self.id else "")
        return f"{where}: {self.message}"


Item = Classification | RowError


def classify_many(
    descriptions: Iterable[Row | Description | Mapping[str, Any]],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
    jobs: int = 1,
) -> Iterator[tuple[int, Item]]:
    """Classify each description lazily; yield ``(line, result or RowError)`` for every one.

    Plain descriptions are numbered from 1; :class:`Row` objects keep their line. An invalid
    row becomes a :class:`RowError`; an unknown ruleset or a date before the Act raises at once.
    With ``jobs`` above 1, chunks of rows are classified in that many worker processes; the
    order and every outcome stay the same.
    """
    from .classify import classify

    if jobs != 1:
        for line, whole, _ in classify_rendered(descriptions, None, jobs=jobs, ruleset=ruleset,
                                                as_of=as_of, role=role):
            assert not isinstance(whole, Tier | None)  # whole results: nothing was rendered
            yield line, whole
        return
    rules = ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)
    for number, item in enumerate(descriptions, start=1):
        row = item if isinstance(item, Row) else Row(number, item)
        if row.data is None:
            yield row.line, RowError(row.line, None, row.error or "empty row")
            continue
        try:
            yield row.line, classify(row.data, ruleset=rules, as_of=as_of, role=role)
        except DescriptionError as exc:
            yield row.line, RowError(row.line, _row_id(row.data), exc.message)


Outcome = RowError | Tier | None
"""What is left of a row once its output is rendered: its error, or its tier (None: open)."""


def outcome(item: Item) -> Outcome:
    """The error or the tier of a row, which is all a :class:`Summary` counts."""
    return item if isinstance(item, RowError) else item.tier


def classify_rendered(
    descriptions: Iterable[Row | Description | Mapping[str, Any]],
    render: Callable[[int, Item], str] | None,
    *,
    jobs: int = 1,
    **options: Any,
) -> Iterator[tuple[int, Item | Outcome, str]]:
    """:func:`classify_many` with each row's output text, rendered by ``render`` (a module-level
    function such as :func:`jsonl_record`) in the process that classified the row.

    With ``render``, each row gives ``(line, outcome, text)`` and the result itself is dropped
    where it was made, so worker processes send back little more than text; without it,
    ``(line, result or RowError, "")``.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1 (got {jobs})")
    rows = (item if isinstance(item, Row) else Row(number, item)
            for number, item in enumerate(descriptions, start=1))
    if jobs == 1:
        for line, item in classify_many(rows, **options):
            yield (line, outcome(item), render(line, item)) if render else (line, item, "")
        return
    from .parallel import classify_in_workers

    ruleset = options.get("ruleset", DEFAULT_RULESET)
    if not isinstance(ruleset, RuleSet):
        load_ruleset(ruleset)  # an unknown id raises here, at once
    options["as_of"] = options.get("as_of") or dt.date.today()  # one day for every worker
    yield from classify_in_workers(rows, options, jobs, render)


def classify_jsonl(
    lines: Iterable[str],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
) -> Iterator[dict[str, Any]]:
    """JSON Lines of descriptions in, one compact record out per non-blank line, lazily.

    A record holds the line number and what :func:`~aiact_tiers.classify.classify_compact` gives
    (id, tier, possible tiers, basis and obligation rule ids), or the line, id and error of a row
    that could not be classified: the same errors as :func:`classify_many`. Nothing is kept but
    the current row, and no explanation is built, so large inventories stream fast.
    """
    from .classify import classify_compact

    rules = ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)
    for number, text in enumerate(lines, start=1):
        if not text or text.isspace():
            continue
        data: Mapping[str, Any] | Description | None = _system(text)
        if data is None:
            row = next(_read_jsonl([text]))
            if row.data is None:
                yield {"line": number, "id": None, "error": row.error}
                continue
            data = row.data
        try:
            yield {"line": number, **classify_compact(data, ruleset=rules, as_of=as_of, role=role)}
        except DescriptionError as exc:
            yield {"line": number, "id": _row_id(data), "error": exc.message}


def _system(text: str) -> SystemDescription | None:
    """A system description validated straight from JSON text, or None to take the slow path.

    The slow path (``json.loads``, then validation) reads models and gives the exact messages of
    invalid rows; this one only skips building the intermediate Python objects.
    """
    if '"kind"' in text:
        return None
    try:
        return SystemDescription.model_validate_json(text)
    except ValueError:
        return None


def _row_id(data: Mapping[str, Any] | Description) -> str | None:
    value = data.get("id") if isinstance(data, Mapping) else data.id
    return None if value is None else str(value)


# --- readers -------------------------------------------------------------------------------


def inventory_format(path: Path) -> str:
    """The format of an inventory from its suffix: csv, jsonl, yaml, json or xlsx (a workbook)."""
    suffix = path.suffix.lower().lstrip(".")
    fmt = {"yml": "yaml", "ndjson": "jsonl"}.get(suffix, suffix)
    if fmt not in (*INVENTORY_FORMATS, "xlsx"):
        raise DescriptionError(
            f"`{path}`: unknown inventory format `.{suffix}`; use .csv, .jsonl, .yaml, .json or .xlsx"
        )
    return fmt


def read_inventory(stream: TextIO, fmt: str, source: str = "<inventory>") -> Iterator[Row]:
    """The rows of an inventory in one of :data:`INVENTORY_FORMATS`, with their line numbers."""
    if fmt == "csv":
        return _read_csv(stream)
    if fmt == "jsonl":
        return _read_jsonl(stream)
    return _read_list(stream, source)


def _list_facts() -> frozenset[str]:
    names = set()
    for model in (SystemDescription, ModelDescription):
        for name, info in model.model_fields.items():
            if _is_collection(info.annotation):
                names.add(name)
    return frozenset(names)


def _is_collection(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (list, frozenset, set):
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_is_collection(arg) for arg in typing.get_args(annotation))
    return False


_LIST_FACTS = _list_facts()


def _cell(name: str, value: str) -> Any:
    if name.rsplit(".", 1)[-1] in _LIST_FACTS:
        if value.strip().lower() == "none":
            return []
        return [part.strip() for part in value.split(";") if part.strip()]
    return value.strip()


def csv_facts(record: Mapping[str | None, Any]) -> dict[str, Any]:
    """The facts of one CSV record: empty cells left out, lists split, dotted columns nested."""
    if None in record:
        raise DescriptionError(f"{len(record[None])} more cells than columns")
    facts: dict[str, Any] = {}
    for column, value in record.items():
        if column is None or value is None or not value.strip():
            continue
        key = column.strip()
        target = facts
        if "." in key:
            outer, key = key.split(".", 1)
            target = facts.setdefault(outer, {})
            if not isinstance(target, dict):
                raise DescriptionError(f"column `{column}` nests into a fact that is not a mapping")
        target[key] = _cell(key, value)
    return facts


def cell_text(value: object) -> str:
    """A typed cell (of a workbook or a DataFrame) as the text a CSV cell holds: Booleans
    ``true``/``false``, dates ``YYYY-MM-DD``, a missing value (None, NaN) empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _read_csv(stream: TextIO) -> Iterator[Row]:
    reader = csv.DictReader(stream)
    start = 2
    for record in reader:
        try:
            yield Row(start, csv_facts(record))
        except DescriptionError as exc:
            yield Row(start, error=exc.message)
        start = reader.line_num + 1


def _read_jsonl(stream: Iterable[str]) -> Iterator[Row]:
    for number, text in enumerate(stream, start=1):
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Row(number, error=f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if isinstance(data, dict):
            yield Row(number, data)
        else:
            yield Row(number, error="must be a JSON object of facts")


def _read_list(stream: TextIO, source: str) -> Iterator[Row]:
    data = read_yaml(stream.read(), source, keep_lines=True)
    if not isinstance(data, list):
        raise DescriptionError(f"`{source}` must hold a list of descriptions")
    for index, entry in enumerate(data, start=1):
        if isinstance(entry, dict):
            yield Row(int(entry.get("__line__", index)), _strip_lines(entry))
        else:
            yield Row(index, error="must be a mapping of facts")


# --- summary and materialised results ------------------------------------------------------


@dataclass
class Summary:
    """Counts per tier, undetermined results and errors, updated one row at a time."""

    tiers: Counter[str] = field(default_factory=Counter)
    undetermined: int = 0
    errors: int = 0

    def add(self, item: Item | Outcome) -> None:
        tier = item.tier if isinstance(item, Classification) else item
        if isinstance(tier, RowError):
            self.errors += 1
        elif tier is None:
            self.undetermined += 1
        else:
            self.tiers[tier.value] += 1

    @property
    def total(self) -> int:
        return sum(self.tiers.values()) + self.undetermined + self.errors

    def reached(self, tier: Tier) -> bool:
        """Whether any row reached ``tier``."""
        return self.tiers[tier.value] > 0

    def counts(self) -> dict[str, int]:
        """Rows per tier in the law's order, then undetermined and errors."""
        out = {tier.value: self.tiers[tier.value] for tier in Tier}
        out["undetermined"] = self.undetermined
        out["errors"] = self.errors
        return out


@dataclass
class BatchResult:
    """The results and row errors of an inventory, held in memory for display and analysis."""

    results: list[Classification] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)

    @classmethod
    def collect(cls, items: Iterable[tuple[int, Item]]) -> BatchResult:
        """Gather the output of :func:`classify_many`."""
        batch = cls()
        for _, item in items:
            batch.summary.add(item)
            if isinstance(item, RowError):
                batch.errors.append(item)
            else:
                batch.results.append(item)
        return batch

    def to_pandas(self) -> Any:
        """One row per classified system in :data:`FLAT_COLUMNS` (requires pandas, narwhals)."""
        return self._frame("pandas")

    def to_polars(self) -> Any:
        """One row per classified system in :data:`FLAT_COLUMNS` (requires polars, narwhals)."""
        return self._frame("polars")

    def _frame(self, backend: str) -> Any:
        from .frames import records_frame

        try:
            importlib.import_module(backend)
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(f"to_{backend}() needs {backend}: python -m pip install {backend}") from exc
        return records_frame([flat_row(r) for r in self.results], FLAT_COLUMNS, backend)

    def _repr_markdown_(self) -> str:
        from .report import inventory_markdown

        return inventory_markdown(self)

    def _repr_html_(self) -> str:
        from .report import inventory_fragment

        return inventory_fragment(self)


FLAT_COLUMNS = (
    "line", "id", "name", "tier", "possible_tiers", "model_class", "basis", "obligations",
    "open_questions", "error",
)


def flat_row(item: Item, line: int | None = None) -> dict[str, Any]:
    """One result or error as a flat record of :data:`FLAT_COLUMNS` (CSV, DataFrame)."""
    if isinstance(item, RowError):
        return {"line": item.line, "id": item.id, "error": item.message}
    return {
        "line": line,
        "id": item.id,
        "name": item.name,
        "tier": item.tier.value if item.tier else None,
        "possible_tiers": ";".join(t.value for t in item.possible_tiers),
        "model_class": item.model_class.value if item.model_class else None,
        "basis": ";".join(h.citation.provision for h in item.basis),
        "obligations": len(item.obligations),
        "open_questions": ";".join(q.fact for q in item.open_questions),
        "error": None,
    }


def jsonl_record(line: int, item: Item) -> str:
    """One result or error as a line of JSON Lines output, the line number first."""
    if isinstance(item, RowError):
        return json.dumps({"line": line, "id": item.id, "error": item.message}) + "\n"
    return json.dumps({"line": line, **item.model_dump(mode="json")}) + "\n"


def csv_record(line: int, item: Item) -> str:
    """One result or error as a row of CSV output with the columns :data:`FLAT_COLUMNS`."""
    text = io.StringIO()
    csv.DictWriter(text, FLAT_COLUMNS).writerow(flat_row(item, line))
    return text.getvalue()


def read_path(path: Path) -> Iterator[Row]:
    """Stream the rows of an inventory file, its format chosen by its suffix."""
    fmt = inventory_format(path)
    if fmt == "xlsx":
        from .excel import read_workbook

        yield from read_workbook(path)
        return
    with path.open(encoding="utf-8", newline="") as stream:
        yield from read_inventory(stream, fmt, str(path))
