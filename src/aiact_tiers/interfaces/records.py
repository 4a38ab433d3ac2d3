"""One row's output: a flat record (CSV, DataFrames, workbooks) or a line of JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..errors import import_extra
from .files import spreadsheet_safe
from .inventory import Item, RowError

__all__ = ["FLAT_COLUMNS", "compact_record", "csv_record", "flat_row", "jsonl_record", "records_frame"]

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


def compact_record(line: int, item: dict[str, Any] | RowError) -> str:
    """One compact record (:func:`~aiact_tiers.decision.classify.classify_compact`) or error as
    a line of JSON Lines output, the line number first: the records ``POST /batch`` gives."""
    if isinstance(item, RowError):
        return jsonl_record(line, item)
    return json.dumps({"line": line, **item}) + "\n"


def csv_record(line: int, item: Item) -> str:
    """One result or error as a row of CSV output with the columns :data:`FLAT_COLUMNS`, a cell
    that a spreadsheet would run as a formula made text."""
    text = io.StringIO()
    csv.DictWriter(text, FLAT_COLUMNS).writerow(
        {k: spreadsheet_safe(v) for k, v in flat_row(item, line).items()})
    return text.getvalue()


def records_frame(records: list[dict[str, Any]], columns: tuple[str, ...], backend: Any) -> Any:
    """Records as a native frame of ``backend`` (a module or name: ``pandas``, ``polars``)."""
    nw = import_extra("narwhals", "frames")
    data = {column: [record.get(column) for record in records] for column in columns}
    return nw.from_dict(data, backend=backend).to_native()
