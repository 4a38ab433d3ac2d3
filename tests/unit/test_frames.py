"""DataFrames: pandas and polars frames classify like `batch` on the same CSV, row for row."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import polars as pl
import pytest
from typer.testing import CliRunner

from aiact_tiers import BatchResult, classify_many
from aiact_tiers.errors import DescriptionError
from aiact_tiers.interfaces.batch import read_path
from aiact_tiers.interfaces.cli import app
from aiact_tiers.interfaces.frames import FRAME_COLUMNS, classify_frame
from aiact_tiers.interfaces.records import FLAT_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
INVENTORY = ROOT / "examples" / "inventory.csv"
AS_OF = dt.date(2026, 11, 28)
SHARED = FLAT_COLUMNS[1:]  # every column of the CSV output but the line


def _with_bad_rows(tmp_path: Path) -> Path:
    """The example inventory with an unknown Annex III point and a Boolean that is none."""
    rows = list(csv.DictReader(INVENTORY.open(newline="")))
    rows[3]["annex_iii_points"] = "9(z)"
    rows[11]["profiling"] = "perhaps"
    path = tmp_path / "inventory.csv"
    with path.open("w", newline="") as stream:
        writer = csv.DictWriter(stream, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _batch_rows(path: Path, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / "results.csv"
    result = CliRunner().invoke(app, ["batch", str(path), "--as-of", AS_OF.isoformat(), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [{column: record[column] for column in SHARED} for record in csv.DictReader(out.open())]


def _text(value: object) -> str:
    """A frame cell as the CSV writer writes it: missing values empty (pandas holds a count
    column with missing values as floats)."""
    if isinstance(value, float):
        return "" if value != value else str(int(value))
    return "" if value is None else str(value)


@pytest.mark.parametrize("read_csv", [pd.read_csv, pl.read_csv], ids=["pandas", "polars"])
def test_a_frame_read_from_csv_gives_the_rows_of_batch(tmp_path: Path, read_csv) -> None:  # type: ignore[no-untyped-def]
    path = _with_bad_rows(tmp_path)
    frame = classify_frame(read_csv(path), as_of=AS_OF)
    assert type(frame) is type(read_csv(path))
    assert tuple(frame.columns) == FRAME_COLUMNS
    records = frame.to_dict("records") if isinstance(frame, pd.DataFrame) else frame.to_dicts()
    assert len(records) == 20
    assert [r["row"] for r in records] == list(range(20))
    assert [{column: _text(r[column]) for column in SHARED} for r in records] == _batch_rows(path, tmp_path)
    assert [_text(r["error"]) != "" for r in records].count(True) == 2
    good = [r for r in records if _text(r["error"]) == ""]
    assert all(r["obligations"] == sum(r[c] for c in FRAME_COLUMNS if c.startswith("obligations_"))
               for r in good)
    assert {r["certainty"] for r in good} == {"determined"}


def test_a_frame_with_unknown_facts_is_open_and_a_non_frame_is_one_clear_error() -> None:
    frame = classify_frame(pl.DataFrame({"id": ["a"], "annex_iii_points": ["4(a)"]}), as_of=AS_OF)
    assert frame["certainty"].to_list() == ["open"] and frame["tier"].to_list() == [None]
    with pytest.raises(DescriptionError, match=r"takes a pandas or polars DataFrame \(got list\)"):
        classify_frame([{"id": "a"}])


def test_batch_result_converts_to_pandas_and_polars() -> None:
    batch = BatchResult.collect(classify_many(read_path(INVENTORY), as_of=AS_OF))
    frames = batch.to_pandas(), batch.to_polars()
    assert isinstance(frames[0], pd.DataFrame) and isinstance(frames[1], pl.DataFrame)
    assert tuple(frames[0].columns) == tuple(frames[1].columns) == FLAT_COLUMNS
    assert frames[0]["tier"].tolist() == frames[1]["tier"].to_list() == [r.tier for r in batch.results]
