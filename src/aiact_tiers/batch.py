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

import collections
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
from typing import IO, Any

from ._loader import read_yaml_items
from ._output import spreadsheet_safe
from .errors import DescriptionError, RuleFileError
from .facts import (
    Description,
    ModelDescription,
    Role,
    SystemDescription,
    no_constant,
    unique_keys,
)
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
    presume: bool = True,
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
                                                as_of=as_of, role=role, presume=presume):
            assert not isinstance(whole, tuple)  # whole results: nothing was rendered
            yield line, whole
        return
    rules = ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)
    for number, item in enumerate(descriptions, start=1):
        row = item if isinstance(item, Row) else Row(number, item)
        if row.data is None:
            yield row.line, RowError(row.line, None, row.error or "empty row")
            continue
        try:
            yield row.line, classify(row.data, ruleset=rules, as_of=as_of, role=role, presume=presume)
        except DescriptionError as exc:
            yield row.line, RowError(row.line, _row_id(row.data), exc.message)


Outcome = RowError | tuple[Tier | None, Tier | None, tuple[str, ...]]
"""What is left of a row once its output is rendered: its error, or its tier (None: open) with
the most severe tier it may reach and the facts of its open questions."""


def outcome(item: Item) -> Outcome:
    """The error, or the tier, the most severe tier still possible and the open facts, of a
    row: all that a :class:`Summary` counts."""
    if isinstance(item, RowError):
        return item
    worst = max(item.possible_tiers, key=SEVERITY.index, default=None)
    return item.tier, worst, tuple(q.fact for q in item.open_questions)


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
    rows: Iterable[Row] = descriptions if isinstance(descriptions, JsonLines) else (
        item if isinstance(item, Row) else Row(number, item)
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
    lines: Iterable[str | bytes],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
    presume: bool = True,
    start: int = 1,
) -> Iterator[dict[str, Any]]:
    """JSON Lines of descriptions in, one compact record out per non-blank line, lazily.

    A record holds the line number (the first line is number ``start``) and what
    :func:`~aiact_tiers.classify.classify_compact` gives (id, tier, possible tiers, basis and
    obligation rule ids), or the line, id and error of a row that could not be classified: the
    same errors as :func:`classify_many`. Nothing is kept but the current row, and no
    explanation is built, so large inventories stream fast.
    """
    from .classify import classify_compact

    rules = ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)
    for number, text in _lines(lines, start):
        if text is None:
            yield {"line": number, "id": None, "error": _NOT_UTF8}
            continue
        if not text or text.isspace():
            continue
        data: Mapping[str, Any] | Description | None = _system(text)
        if data is None:
            row = json_row(number, text)
            if row.data is None:
                yield {"line": number, "id": None, "error": row.error}
                continue
            data = row.data
        try:
            yield {"line": number, **classify_compact(data, ruleset=rules, as_of=as_of, role=role,
                                                             presume=presume)}
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
        system = SystemDescription.model_validate_json(text)
    except ValueError:
        return None
    # one `":` per field given: no key given twice (JSON keeps the last), nothing nested
    return system if text.count('":') == len(system.model_fields_set) else None


def _row_id(data: object) -> str | None:
    value = data.get("id") if isinstance(data, Mapping) else getattr(data, "id", None)
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


def read_inventory(stream: IO[Any], fmt: str, source: str = "<inventory>") -> Iterator[Row]:
    """The rows of an inventory in one of :data:`INVENTORY_FORMATS`, with their line numbers.

    ``stream`` may be text or bytes. CSV and JSON Lines are read line by line: a line that is
    not UTF-8, a malformed record or a bad value is an error row naming its line, and reading
    goes on with the next one. A UTF-8 byte order mark (as spreadsheets write) is skipped.
    """
    if fmt == "csv":
        return _read_csv(_lines(stream), source)
    if fmt == "jsonl":
        return _read_jsonl(_lines(stream))
    return _read_list(stream, source)


Line = tuple[int, str | None]
"""A physical line of an inventory and its text; None when it is not UTF-8."""


def _lines(stream: Iterable[str | bytes], start: int = 1) -> Iterator[Line]:
    """Number the lines of a text or binary stream from ``start``, decoding each one on its own."""
    for number, raw in enumerate(stream, start=start):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None
                continue
        yield number, raw.removeprefix("\ufeff") if number == 1 else raw


_NOT_UTF8 = "not UTF-8 text; save the inventory as UTF-8"


def _not_utf8(number: int) -> Row:
    return Row(number, error=_NOT_UTF8)


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
        parts = [part.strip() for part in value.split(";") if part.strip()]
        if not parts:
            raise DescriptionError(
                f"field `{name}`: `{value.strip()}` holds no values; write `none` for an empty list"
            )
        return parts
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
            if outer in _LIST_FACTS:  # one member of a set: yes, no, or unknown
                target[key] = None if value.strip().lower() in _UNKNOWN else value.strip()
                continue
        target[key] = _cell(key, value)
    return facts


_UNKNOWN = frozenset({"unknown", "?", "null"})
"""The words a cell holding one member of a set may use for unknown, beside leaving it empty."""


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


MAX_RECORD_LINES = 100
"""The most lines a quoted CSV cell may span; past them the opening quote is taken as unclosed."""


def _read_csv(lines: Iterator[Line], source: str) -> Iterator[Row]:
    """CSV records with the line each starts on; the header is the first line."""
    header = next(lines, None)
    if header is None:
        return
    columns = _csv_record(header[1]) if header[1] is not None else None
    if columns is None:
        raise DescriptionError(f"{source}:1: the CSV header is not UTF-8 text or has an unclosed quote")
    names = [c.strip() for c in columns]
    twice = {name for name in names if names.count(name) > 1}
    ahead = _Ahead(lines)
    while (first := ahead.next()) is not None:
        number, text = first
        if text is None:
            yield _not_utf8(number)
        elif text.strip():
            record = _spanning_record(text, ahead, len(columns))
            if record is None:
                yield Row(number, error='unclosed quote: a quoted cell must end with `"`')
            else:
                yield _csv_row(number, names, record, twice)


class _Ahead:
    """Lines with look-ahead: the lines peeked at come again unless dropped."""

    def __init__(self, lines: Iterator[Line]) -> None:
        self.lines = lines
        self.buffer: collections.deque[Line] = collections.deque()

    def next(self) -> Line | None:
        return self.buffer.popleft() if self.buffer else next(self.lines, None)

    def peek(self, k: int) -> Line | None:
        while len(self.buffer) <= k:
            line = next(self.lines, None)
            if line is None:
                return None
            self.buffer.append(line)
        return self.buffer[k]

    def drop(self, k: int) -> None:
        for _ in range(k):
            self.buffer.popleft()


def _spanning_record(text: str, ahead: _Ahead, width: int) -> list[str] | None:
    """The record starting with ``text``, joined with the next lines while a quoted cell spans
    them: at most :data:`MAX_RECORD_LINES`, and only when the joined record has ``width`` cells
    and its last line does not end in `,"` (a quote after a comma at the end of a line opens a
    cell spanning lines; it is not read as closing an earlier one). None when the quote stays
    open; the lines after it are then read as records of their own."""
    record = _csv_record(text)
    used, last = 0, ""
    while record is None and used < MAX_RECORD_LINES:
        more = ahead.peek(used)
        if more is None or more[1] is None:
            break
        used, last = used + 1, more[1]
        text += last
        record = _csv_record(text)
    if used and (record is None or len(record) != width or last.rstrip("\r\n").endswith(',"')):
        return None
    ahead.drop(used)
    return record


def _csv_record(text: str) -> list[str] | None:
    """The cells of one CSV record, or None when a quote is left open or misplaced."""
    try:
        records = list(csv.reader([text], strict=True))
    except csv.Error:
        return None
    if len(records) != 1:
        return None
    return records[0]


def _csv_row(number: int, columns: list[str], cells: list[str], twice: set[str]) -> Row:
    """One record as a row; a value in a column the header names twice is an error."""
    if len(cells) != len(columns):
        return Row(number, error=f"{len(cells)} cells where the header has {len(columns)} columns")
    duplicates = sorted({c for c, v in zip(columns, cells, strict=True) if v.strip() and c in twice})
    if duplicates:
        return Row(number, error=f"column `{duplicates[0]}` appears twice in the header (line 1)")
    try:
        return Row(number, csv_facts(dict(zip(columns, cells, strict=True))))
    except DescriptionError as exc:
        return Row(number, error=exc.message)


def _read_jsonl(lines: Iterable[Line]) -> Iterator[Row]:
    for number, text in lines:
        if text is None:
            yield _not_utf8(number)
        elif text.strip():
            yield json_row(number, text)


def json_row(number: int, text: str) -> Row:
    """One line of JSON Lines as a row: an object of facts, or why it is not one."""
    try:
        data = json.loads(text.rstrip("\r\n"), object_pairs_hook=unique_keys, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        return Row(number, error=f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return Row(number, error="invalid JSON: nested too deeply")
    except ValueError as exc:
        return Row(number, error=str(exc))
    if not isinstance(data, dict):
        return Row(number, error="must be a JSON object of facts")
    return Row(number, data)


def _read_list(stream: IO[Any], source: str) -> Iterator[Row]:
    """The entries of a YAML or JSON list, read whole; an entry that is not a mapping of facts,
    or cannot be read (a duplicate key, a bad date), is an error row naming its line."""
    raw = stream.read()
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[:exc.start].count(b"\n") + 1
            raise DescriptionError(f"{source}:{line}: not UTF-8 text") from None
    try:
        items = read_yaml_items(raw.removeprefix("\ufeff"), source)
    except RuleFileError as exc:
        raise DescriptionError(exc.message) from None
    if items is None:
        raise DescriptionError(f"`{source}` must hold a list of descriptions")
    for line, entry, problem in items:
        if problem is not None:
            yield Row(line, error=problem)
        elif isinstance(entry, dict):
            yield Row(line, entry)
        else:
            yield Row(line, error="must be a mapping of facts")


# --- summary and materialised results ------------------------------------------------------


SEVERITY = (Tier.OUT_OF_SCOPE, Tier.MINIMAL, Tier.LIMITED, Tier.HIGH_RISK, Tier.PROHIBITED)
"""The tiers from the least to the most severe, as a gate's threshold reads them."""


@dataclass
class Summary:
    """Counts per tier, undetermined results and errors, updated one row at a time.

    For undetermined results it also counts the most severe tier each may still reach, so a
    gate can tell whether an undecided system may reach its threshold, and the rows each
    unknown fact leaves open (a row counts once for every fact it is asked).
    """

    tiers: Counter[str] = field(default_factory=Counter)
    undetermined: int = 0
    errors: int = 0
    may_reach: Counter[str] = field(default_factory=Counter)
    open_facts: Counter[str] = field(default_factory=Counter)

    def add(self, item: Item | Outcome) -> None:
        kept = outcome(item) if isinstance(item, Classification) else item
        if isinstance(kept, RowError):
            self.errors += 1
            return
        tier, worst, facts = kept
        if tier is not None:
            self.tiers[tier.value] += 1
            return
        self.undetermined += 1
        self.open_facts.update(facts)
        if worst is not None:
            self.may_reach[worst.value] += 1

    @property
    def total(self) -> int:
        return sum(self.tiers.values()) + self.undetermined + self.errors

    def gate(self, threshold: Tier, *, undetermined: bool = True, errors: bool = True) -> list[str]:
        """Why a gate at ``threshold`` fails, one reason per kind of row; empty when it passes.

        It fails on rows reaching the threshold or a more severe tier, on undetermined rows
        that may still reach it (unless ``undetermined`` is False) and on rows that could not be
        read (unless ``errors`` is False).
        """
        above = f"{threshold.value} or a more severe tier"
        reasons = []
        if reached := self._at_least(self.tiers, threshold):
            reasons.append(f"{reached} {_rows(reached)} reached {above}")
        if undetermined and (may := self._at_least(self.may_reach, threshold)):
            reasons.append(f"{may} undetermined {_rows(may)} may reach {above}")
        if errors and self.errors:
            reasons.append(f"{self.errors} {_rows(self.errors)} could not be read")
        return reasons

    @staticmethod
    def _at_least(counts: Counter[str], threshold: Tier) -> int:
        return sum(counts[t.value] for t in SEVERITY[SEVERITY.index(threshold):])

    def counts(self) -> dict[str, int]:
        """Rows per tier in the law's order, then undetermined and errors."""
        out = {tier.value: self.tiers[tier.value] for tier in Tier}
        out["undetermined"] = self.undetermined
        out["errors"] = self.errors
        return out


def _rows(n: int) -> str:
    return "row" if n == 1 else "rows"


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
    """One result or error as a row of CSV output with the columns :data:`FLAT_COLUMNS`, a cell
    that a spreadsheet would run as a formula made text."""
    text = io.StringIO()
    csv.DictWriter(text, FLAT_COLUMNS).writerow(
        {k: spreadsheet_safe(v) for k, v in flat_row(item, line).items()})
    return text.getvalue()


def read_path(path: Path) -> Iterator[Row]:
    """Stream the rows of an inventory file, its format chosen by its suffix.

    The file is opened at once, so a missing or unreadable inventory raises OSError here, before
    any output is written; its rows are read as they are asked for.
    """
    fmt = inventory_format(path)
    if fmt == "xlsx":
        from .excel import read_workbook

        return read_workbook(path)
    stream = path.open("rb")
    if fmt == "jsonl":
        return JsonLines(stream)
    return _closing(stream, read_inventory(stream, fmt, str(path)))


def _closing(stream: IO[bytes], rows: Iterator[Row]) -> Iterator[Row]:
    with stream:
        yield from rows


class JsonLines(Iterator[Row]):
    """The rows of a JSON Lines file, read as they are asked for; or, for worker processes
    that read the rows themselves, the file's bytes in blocks of whole lines (:meth:`blocks`)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.rows = _closing(stream, _read_jsonl(_lines(stream)))

    def __next__(self) -> Row:
        return next(self.rows)

    def blocks(self, size: int) -> Iterator[tuple[int, bytes]]:
        """Blocks of about ``size`` bytes, each cut after a newline, with the number of its first
        line; the file is closed at the end."""
        with self.stream:
            first, rest = 1, b""
            while data := self.stream.read(size):
                cut = data.rfind(b"\n") + 1
                if not cut:
                    rest += data
                    continue
                block, rest = rest + data[:cut], data[cut:]
                yield first, block
                first += block.count(b"\n")
            if rest:
                yield first, rest


def block_rows(first: int, block: bytes) -> Iterator[Row]:
    """The rows of a block of :meth:`JsonLines.blocks`, numbered as in the whole file."""
    return _read_jsonl(_lines(io.BytesIO(block), start=first))
