"""Inventories read row by row: every entry a :class:`Row` numbered by the line it starts on.

CSV and JSON Lines are read one line at a time, so nothing is held but the current row (the
YAML and JSON list formats are parsed whole); an unreadable entry is a row carrying its error,
and reading goes on. CSV columns are facts: list facts hold ``;``-separated values (``none``
for an empty list), booleans ``true``/``false``/``yes``/``no``, an empty cell is an unknown
fact, a column such as ``practices.social_scoring`` answers one member of a set, and one such
as ``model.training_compute_flop`` sets a fact of the general-purpose model the system is built
on.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import io
import json
import math
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic_core import from_json

from ..documents import read_json, read_yaml_items
from ..errors import DescriptionError, RuleFileError
from ..facts.descriptions import (
    Description,
    ModelDescription,
    SystemDescription,
)
from ..results.classification import Classification

__all__ = ["INVENTORY_FORMATS", "JsonLines", "Row", "RowError", "block_rows", "csv_facts",
           "inventory_format", "read_inventory", "read_jsonl"]

INVENTORY_FORMATS = ("csv", "jsonl", "yaml", "json")


@dataclass(frozen=True)
class Row:
    """One entry of an inventory: its facts, or why they could not be read."""

    line: int
    data: Mapping[str, Any] | Description | None = None
    error: str | None = None
    id: str | None = None  # of a row that could not be read, where its id could


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


def row_id(data: object) -> str | None:
    value = data.get("id") if isinstance(data, Mapping) else getattr(data, "id", None)
    return None if value is None else str(value)


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
        return _read_csv(numbered_lines(stream), source)
    if fmt == "jsonl":
        return read_jsonl(numbered_lines(stream))
    return _read_list(stream, source)


Line = tuple[int, str | None]
"""A physical line of an inventory and its text; None when it is not UTF-8."""


def numbered_lines(stream: Iterable[str | bytes], start: int = 1) -> Iterator[Line]:
    """Number the lines of a text or binary stream from ``start``, decoding each one on its own."""
    for number, raw in enumerate(stream, start=start):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None
                continue
        yield number, raw.removeprefix("\ufeff") if number == 1 else raw


NOT_UTF8 = "not UTF-8 text; save the inventory as UTF-8"


def _not_utf8(number: int) -> Row:
    return Row(number, error=NOT_UTF8)


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


def record_row(number: int, record: Mapping[str | None, Any]) -> Row:
    """A row of cells by column (a CSV record, a worksheet row, a DataFrame row) as a row of
    facts (:func:`csv_facts`), or its error with the id its `id` cell gives."""
    try:
        return Row(number, csv_facts(record))
    except DescriptionError as exc:
        return Row(number, error=exc.message, id=(row_id(record) or "").strip() or None)


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
    return record_row(number, dict(zip(columns, cells, strict=True)))


def read_jsonl(lines: Iterable[Line]) -> Iterator[Row]:
    """The rows of numbered lines of JSON Lines (see :func:`numbered_lines`), blank lines
    skipped, each read by :func:`json_row`."""
    for number, text in lines:
        if text is None:
            yield _not_utf8(number)
        elif text.strip():
            yield json_row(number, text)


def json_row(number: int, text: str) -> Row:
    """One line of JSON Lines as a row: an object of facts, or why it is not one."""
    data = _flat(text)
    if data is not None:
        return Row(number, data)
    try:
        data = read_json(text.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return Row(number, error=f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return Row(number, error="invalid JSON: nested too deeply")
    except ValueError as exc:
        return Row(number, error=str(exc))
    if not isinstance(data, dict):
        return Row(number, error="must be a JSON object of facts")
    return Row(number, data)


def _flat(text: str) -> dict[str, Any] | None:
    """A line holding one flat JSON object, as pydantic-core's parser reads it (in half the
    time of ``json.loads``), or None to take :func:`~aiact_tiers.documents.read_json`, which
    refuses a key given twice and says what is wrong: taken where no key is given twice and
    nothing is nested (no more colons than keys, each key having its own), so that both read the
    same; a colon inside a value only sends a line the slow way."""
    try:
        data = from_json(text, allow_inf_nan=False)
    except (ValueError, TypeError):  # TypeError: a lone surrogate, which read_json keeps
        return None
    return data if type(data) is dict and text.count(":") == len(data) else None


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


def closing(stream: IO[bytes], rows: Iterator[Row]) -> Iterator[Row]:
    with stream:
        yield from rows


class JsonLines(Iterator[Row]):
    """The rows of a JSON Lines file as the batch classifies them (see :func:`json_row`), read as
    they are asked for; or, for worker processes that read the rows themselves, the file's bytes
    in blocks of whole lines (:meth:`blocks`)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.rows = closing(stream, read_jsonl(numbered_lines(stream)))

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
    return read_jsonl(numbered_lines(io.BytesIO(block), start=first))
