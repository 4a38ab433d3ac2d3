"""Excel inventories: a workbook reads like its CSV twin; odd sheets give a clear result or error."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from aiact_tiers.errors import DescriptionError
from aiact_tiers.interfaces.batch import classify_many, read_path
from aiact_tiers.interfaces.cli import app
from aiact_tiers.interfaces.excel import OBLIGATION_COLUMNS, read_workbook
from aiact_tiers.interfaces.inventory import RowError

ROOT = Path(__file__).resolve().parents[2]
CSV_INVENTORY = ROOT / "examples" / "inventory.csv"
XLSX_INVENTORY = ROOT / "examples" / "inventory.xlsx"
AS_OF = dt.date(2026, 11, 28)


def _value(text: str) -> object:
    """A CSV cell as a spreadsheet holds it: Booleans and numbers typed, empty cells empty."""
    if text in ("true", "false"):
        return text == "true"
    try:
        return float(text) if "e" in text or "." in text else int(text)
    except ValueError:
        return text or None


def write_twin(source: Path, target: Path) -> Path:
    """The CSV inventory as a workbook of typed cells, written with the library."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "inventory"
    with source.open(newline="", encoding="utf-8") as stream:
        for record in csv.reader(stream):
            sheet.append([_value(cell) for cell in record])
    book.save(target)
    return target


def _outcomes(path: Path) -> list[object]:
    return [item.model_dump(mode="json") if not isinstance(item, RowError) else str(item)
            for _, item in classify_many(read_path(path), as_of=AS_OF)]


def test_a_workbook_written_and_read_back_classifies_like_its_csv_twin(tmp_path: Path) -> None:
    twin = write_twin(CSV_INVENTORY, tmp_path / "inventory.xlsx")
    assert [row.line for row in read_workbook(twin)] == list(range(2, 22))
    assert _outcomes(twin) == _outcomes(CSV_INVENTORY)


def test_the_example_workbook_is_the_csv_inventory() -> None:
    assert [row.data for row in read_path(XLSX_INVENTORY)] == [row.data for row in read_path(CSV_INVENTORY)]


def test_batch_writes_a_results_and_an_obligations_sheet_with_frozen_headers_and_filters(
    tmp_path: Path,
) -> None:
    out, twin = tmp_path / "results.xlsx", tmp_path / "results.jsonl"
    runner = CliRunner()
    for target in (out, twin):
        result = runner.invoke(app, ["batch", str(XLSX_INVENTORY), "--as-of", AS_OF.isoformat(),
                                     "-o", str(target)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in twin.read_text().splitlines()]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["results", "obligations"]
    results, obligations = book["results"], book["obligations"]
    rows = list(results.values)
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == [(r["line"], r["id"], r["tier"]) for r in records]
    assert next(iter(obligations.values)) == OBLIGATION_COLUMNS
    assert obligations.max_row - 1 == sum(len(r["obligations"]) for r in records)
    for sheet in (results, obligations):
        assert sheet.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"


def test_a_formula_gives_its_computed_value_or_a_clear_row_error(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "profiling", "annex_iii_points"])
    sheet.append(["computed", True, "4(a)"])
    sheet.append(["formula", "=1=1", "4(a)"])
    book.save(tmp_path / "formulas.xlsx")
    rows = list(read_workbook(tmp_path / "formulas.xlsx"))
    assert rows[0].data == {"id": "computed", "profiling": "true", "annex_iii_points": ["4(a)"]}
    assert rows[1].line == 3 and rows[1].data is None
    assert rows[1].error == ("cell B3 holds a formula that was never computed; "
                             "save the workbook from a spreadsheet program")


def test_merged_header_cells_are_an_error_naming_the_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "Annex III", None, "profiling"])
    sheet.merge_cells("B1:C1")
    sheet.append(["s1", "4(a)", "", True])
    book.save(tmp_path / "merged.xlsx")
    with pytest.raises(DescriptionError, match=r"sheet `Sheet`: header cell C1 is empty \(merged"):
        list(read_workbook(tmp_path / "merged.xlsx"))


def test_an_empty_sheet_is_one_clear_line(tmp_path: Path) -> None:
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "empty.xlsx")], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: `{tmp_path / 'empty.xlsx'}` sheet `Sheet` is empty: its first row must name the "
        "facts [AT100]")


def test_a_file_that_is_no_workbook_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "fake.xlsx").write_text("id,name\n")
    with pytest.raises(DescriptionError, match=r"is not a readable \.xlsx workbook"):
        list(read_workbook(tmp_path / "fake.xlsx"))
