"""Excel inventories: the first sheet of a workbook read as rows, results written to a workbook.

A sheet follows the CSV conventions of :mod:`aiact_tiers.interfaces.batch`: its first row names the facts,
each further row is one system, numbered by its row in the sheet. Both directions use openpyxl,
which reads and writes the format, streams rows both ways, and tells a formula from its computed
value; python-calamine reads faster but cannot write, and shows a formula that no spreadsheet
program has computed yet as an empty cell, which would silently read as an unknown fact.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import tempfile
import zipfile
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path
from typing import Any

from ..errors import DescriptionError, import_extra
from .inventory import Item, Row, RowError, cell_text, record_row
from .records import FLAT_COLUMNS, flat_row

__all__ = ["OBLIGATION_COLUMNS", "WorkbookWriter", "read_workbook"]

OBLIGATION_COLUMNS = (
    "line", "id", "name", "rule", "provision", "title", "role", "phase", "applies_from", "in_force",
    "status",
)


def _openpyxl() -> Any:
    return import_extra("openpyxl", "excel")


def _header(cells: tuple[Any, ...], where: str) -> list[str]:
    """The fact names of the first row; a gap (as merged cells leave) is an error."""
    names = [cell_text(cell).strip() for cell in cells]
    while names and not names[-1]:
        names.pop()
    if not names:
        raise DescriptionError(f"{where} is empty: its first row must name the facts")
    for column, name in enumerate(names, start=1):
        if not name:
            letter = _openpyxl().utils.get_column_letter(column)
            raise DescriptionError(
                f"{where}: header cell {letter}1 is empty (merged header cells?); "
                "name one fact in every column"
            )
    return names


def read_workbook(path: Path) -> Iterator[Row]:
    """The rows of a workbook's first sheet, numbered by their row; blank rows are skipped.

    A formula gives the value a spreadsheet program last computed for it; one never computed
    makes its row an error, so that no fact is silently read as unknown.
    """
    openpyxl = _openpyxl()
    try:
        values = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile,
            openpyxl.utils.exceptions.InvalidFileException) as exc:
        raise DescriptionError(f"`{path}` is not a readable .xlsx workbook: {exc}") from None
    try:
        sheet, formula_sheet = values.worksheets[0], formulas.worksheets[0]
        where = f"`{path}` sheet `{sheet.title}`"
        rows = zip(sheet.iter_rows(values_only=True), formula_sheet.iter_rows(values_only=True),
                   strict=True)
        first = next(rows, None)
        names = _header(first[0] if first else (), where)
        for number, (cells, raw) in enumerate(rows, start=2):
            if all(cell is None or cell_text(cell).strip() == "" for cell in raw):
                continue
            yield _row(number, names, cells, raw)
    finally:
        values.close()
        formulas.close()


def _row(number: int, names: list[str], cells: tuple[Any, ...], raw: tuple[Any, ...]) -> Row:
    record: dict[str | None, Any] = {}
    extra: list[str] = []
    for column, (value, source) in enumerate(zip_longest(cells, raw), start=1):
        if isinstance(source, str) and source.startswith("=") and value is None:
            letter = _openpyxl().utils.get_column_letter(column)
            return Row(number, error=f"cell {letter}{number} holds a formula that was never "
                                     "computed; save the workbook from a spreadsheet program")
        if column <= len(names):
            record[names[column - 1]] = cell_text(value)
        elif value is not None:
            extra.append(cell_text(value))
    if extra:
        record[None] = extra
    return record_row(number, record)


class WorkbookWriter:
    """Results in a workbook: a results sheet (the CSV columns) and an obligations sheet with
    one row per obligation of each system, both with a frozen header row and filters.

    The workbook is written to a temporary file beside ``path`` and moved into place only when
    :meth:`close` succeeds, so an interrupted batch never leaves half a workbook.
    """

    render = None  # results are written whole, not as rendered text

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book = _openpyxl().Workbook(write_only=True)
        self.results = self._sheet("results", FLAT_COLUMNS)
        self.obligations = self._sheet("obligations", OBLIGATION_COLUMNS)
        self.rows = {"results": 1, "obligations": 1}

    def _sheet(self, title: str, columns: tuple[str, ...]) -> Any:
        sheet = self.book.create_sheet(title)
        sheet.freeze_panes = "A2"
        sheet.append(list(columns))
        return sheet

    def write(self, line: int, item: Item, text: str = "") -> None:
        """Add one row's result, or its error, and the result's obligations."""
        record = flat_row(item, line)
        self.results.append([record.get(column) for column in FLAT_COLUMNS])
        self.rows["results"] += 1
        if isinstance(item, RowError):
            return
        for o in item.obligations:
            self.obligations.append([
                line, item.id, item.name, o.rule, o.citation.provision, o.title, o.role.value,
                o.phase.value, o.applies_from, o.in_force, o.status.value,
            ])
            self.rows["obligations"] += 1

    def close(self) -> None:
        """Set the filters and save the workbook atomically."""
        filters = importlib.import_module("openpyxl.worksheet.filters")
        utils = _openpyxl().utils
        for sheet, columns in ((self.results, FLAT_COLUMNS), (self.obligations, OBLIGATION_COLUMNS)):
            last = utils.get_column_letter(len(columns))
            sheet.auto_filter = filters.AutoFilter(ref=f"A1:{last}{self.rows[sheet.title]}")
        folder = self.path.resolve().parent
        handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".xlsx", dir=folder)
        os.close(handle)
        try:
            self.book.save(temporary)
            os.replace(temporary, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
