"""DataFrames: an inventory held in a pandas or polars frame, classified one row per system.

The frame follows the column conventions of a CSV inventory (:mod:`aiact_tiers.interfaces.batch`); typed
cells are read as the CSV text they stand for, so a frame read from a CSV file classifies like
``aiact-tiers batch`` on that file. narwhals gives one code path for both libraries, and neither
becomes a dependency: the result is a frame of the kind given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import DescriptionError, import_extra
from ..results.classification import Phase
from .batch import classify_many
from .inventory import Item, Row, RowError, cell_text, record_row
from .records import FLAT_COLUMNS, flat_row, records_frame

__all__ = ["FRAME_COLUMNS", "classify_frame"]

PHASE_COLUMNS = tuple(f"obligations_{phase.value}" for phase in Phase)
FRAME_COLUMNS = ("row", *FLAT_COLUMNS[1:6], "certainty", *FLAT_COLUMNS[6:8], *PHASE_COLUMNS,
                 *FLAT_COLUMNS[8:])
"""The columns of :func:`classify_frame`: the row's position in the input frame, then the CSV
output's columns, with the certainty (``determined`` or ``open``: whether unknown facts could
still change the tier or the model class) and the obligations counted per lifecycle phase."""


def _rows(records: Iterable[dict[str, Any]]) -> Iterator[Row]:
    for position, record in enumerate(records):
        yield record_row(position, {name: cell_text(value) for name, value in record.items()})


def _record(position: int, item: Item) -> dict[str, Any]:
    """One row of :func:`classify_frame`'s output."""
    record = flat_row(item, position)
    record["row"] = record.pop("line")
    if not isinstance(item, RowError):
        record["certainty"] = "determined" if item.determined else "open"
        for phase, column in zip(Phase, PHASE_COLUMNS, strict=True):
            record[column] = sum(o.phase is phase for o in item.obligations)
    return {column: record.get(column) for column in FRAME_COLUMNS}


def classify_frame(frame: Any, **options: Any) -> Any:
    """Classify every row of a pandas or polars DataFrame; a frame of the same kind comes back
    with one row per input row in :data:`FRAME_COLUMNS`, an invalid row's reason in ``error``.

    ``options`` are those of :func:`~aiact_tiers.interfaces.batch.classify_many` (``ruleset``, ``as_of``,
    ``role``, ``jobs``), passed on as they are.
    """
    nw = import_extra("narwhals", "frames")
    try:
        table = nw.from_native(frame, eager_only=True)
    except TypeError:
        raise DescriptionError(
            f"classify_frame() takes a pandas or polars DataFrame (got {type(frame).__name__})"
        ) from None
    records = [_record(position, item)
               for position, item in classify_many(_rows(table.iter_rows(named=True)), **options)]
    return records_frame(records, FRAME_COLUMNS, nw.get_native_namespace(table))
