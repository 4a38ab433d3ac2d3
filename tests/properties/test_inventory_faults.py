"""Fault injection: inventories of random valid rows with random corruptions at random lines.

Every row comes out once, as a result or an error; each good row is classified exactly as when
it is read alone; each corrupted row is an error naming the line it starts on. Corruptions stay
within their row, as a slip in a spreadsheet or an editor would; an unclosed quote is left in a
cell that no later line closes (CSV cannot tell such a quote from a cell spanning lines in
general: see :data:`aiact_tiers.interfaces.inventory.MAX_RECORD_LINES`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st
from strategies import known_value

from aiact_tiers import RowError
from aiact_tiers.engine.predicates import FACT_TYPES
from aiact_tiers.interfaces.batch import classify_many
from aiact_tiers.interfaces.inventory import read_inventory

DAY = dt.date(2026, 12, 1)
FACTS = ["roles", "infers_outputs_from_input", "placed_on_union_market", "practices",
         "annex_iii_points", "profiling", "placed_on_market_on"]  # the last is never quoted
COLUMNS = ["id", "name", *FACTS]
ROLES = ["provider", "deployer", "importer"]

names = st.text(st.sampled_from("abc XYZ é;[],\n"), max_size=12)


@st.composite
def good_rows(draw: st.DrawFn) -> dict[str, Any]:
    row: dict[str, Any] = {"name": draw(names)}
    for fact in FACTS:
        if draw(st.booleans()):
            row[fact] = (draw(st.lists(st.sampled_from(ROLES), max_size=2, unique=True))
                         if fact == "roles" else draw(known_value(FACT_TYPES[fact])))
    return row


CORRUPTIONS = {
    "csv": ["bad_byte", "short", "long", "unclosed", "bad_value", "empty_list"],
    "jsonl": ["bad_byte", "truncated", "not_object", "duplicate_key", "deep", "bad_value"],
    "yaml": ["not_mapping", "duplicate_key", "bad_date", "bad_value", "unknown_fact"],
}


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value) or "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_row(row: dict[str, Any], fault: str | None) -> bytes:
    cells = [csv_cell(row.get(column)) for column in COLUMNS]
    if fault == "bad_value":
        cells[COLUMNS.index("profiling")] = "maybe"
    if fault == "empty_list":
        cells[COLUMNS.index("practices")] = ";"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    text = out.getvalue()[:-1]
    if fault == "short":
        text = text.rsplit(",", 1)[0]
    elif fault == "long":
        text += ",extra"
    elif fault == "unclosed":
        head, _, last = text.rpartition(",")
        text = f'{head},"{last}'
    data = text.encode()
    if fault == "bad_byte":
        data = data[:2] + b"\xff" + data[2:]
    return data + b"\n"


def json_line(row: dict[str, Any], fault: str | None) -> bytes:
    row = {**row, **({"profiling": "maybe"} if fault == "bad_value" else {})}
    text = json.dumps(row, default=str)
    if fault == "truncated":
        text = text[:-1]
    elif fault == "not_object":
        text = json.dumps([row], default=str)
    elif fault == "duplicate_key":
        text = text[:-1] + ', "id": "again"}'
    elif fault == "deep":
        text = "[" * 50_000 + "]" * 50_000
    data = text.encode()
    if fault == "bad_byte":
        data = data[:2] + b"\xff" + data[2:]
    return data + b"\n"


def yaml_entry(row: dict[str, Any], fault: str | None) -> bytes:
    row = dict(row)
    if fault == "bad_value":
        row["profiling"] = "maybe"
    elif fault == "unknown_fact":
        row["profilling"] = True
    text = yaml.safe_dump([row], allow_unicode=True, sort_keys=False)
    if fault == "not_mapping":
        text = "- just text\n"
    elif fault == "duplicate_key":
        text = text.replace("- id:", "- id: again\n  id:", 1)
    elif fault == "bad_date":
        text = text.replace("- id:", "- placed_on_market_on: 2024-02-30\n  id:", 1)
    return text.encode()


WRITERS = {"csv": csv_row, "jsonl": json_line, "yaml": yaml_entry}


@st.composite
def inventories(draw: st.DrawFn) -> tuple[str, bytes, list[tuple[int, bytes, bool]]]:
    """A format, the inventory's bytes, and each row's first line, its bytes and whether it is bad."""
    fmt = draw(st.sampled_from(sorted(WRITERS)))
    rows = draw(st.lists(good_rows(), min_size=1, max_size=8))
    data = b"\xef\xbb\xbf" if fmt != "yaml" and draw(st.booleans()) else b""
    header = (",".join(COLUMNS) + "\n").encode() if fmt == "csv" else b""
    data += header
    line = header.count(b"\n") + 1
    layout = []
    for n, row in enumerate(rows):
        fault = draw(st.none() | st.sampled_from(CORRUPTIONS[fmt]))
        if fault is not None:
            row["name"] = row["name"].replace("\n", " ")  # a corruption stays within its line
        written = WRITERS[fmt]({"id": f"r{n}", **row}, fault)
        layout.append((line, written, fault is not None))
        data += written
        line += written.count(b"\n")
        if fmt != "yaml" and draw(st.booleans()):
            data += b"\n"
            line += 1
    return fmt, data, layout


def classified(fmt: str, data: bytes) -> list[tuple[int, Any]]:
    return list(classify_many(read_inventory(io.BytesIO(data), fmt), as_of=DAY))


@given(inventories())
def test_every_row_is_accounted_for_and_errors_name_their_lines(
    inventory: tuple[str, bytes, list[tuple[int, bytes, bool]]],
) -> None:
    fmt, data, layout = inventory
    items = classified(fmt, data)
    assert [line for line, _ in items] == [line for line, _, _ in layout]
    header = (",".join(COLUMNS) + "\n").encode() if fmt == "csv" else b""
    for (line, item), (_, written, bad) in zip(items, layout, strict=True):
        assert isinstance(item, RowError) is bad, (line, item)
        if bad:
            assert item.line == line
        else:
            [(_, alone)] = classified(fmt, header + written)
            assert item.model_dump() == alone.model_dump()
