"""The JUnit report of `batch --junit`: well-formed whatever the inventory holds, and written
one row at a time."""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from xml.etree import ElementTree

from aiact_tiers.interfaces.junit import GateCase, JUnitReport


def test_a_report_holds_each_row_with_its_reason_and_the_counts(tmp_path: Path) -> None:
    report = JUnitReport(tmp_path / "gate.xml", suite="aiact-tiers batch --fail-on high_risk (eu-2024)",
                         inventory='it\'s "the" <inventory>.jsonl')
    report.add(GateCase(1, "a&b", None))
    report.add(GateCase(2, None, "reached <high_risk> 'x' \"y\" & more"))
    report.add(GateCase(4, "tab\there\x1b", "row 4: invalid JSON"))
    report.write()
    root = ElementTree.parse(tmp_path / "gate.xml").getroot()
    [suite] = root
    for element in (root, suite):
        assert (element.get("tests"), element.get("failures"), element.get("errors")) == ("3", "2", "0")
    assert suite.get("name") == "aiact-tiers batch --fail-on high_risk (eu-2024)"
    cases = [(c.get("classname"), c.get("name"), [(f.get("message"), f.text) for f in c])
             for c in suite]
    assert cases == [
        ('it\'s "the" <inventory>.jsonl', "line 1 (a&b)", []),
        ('it\'s "the" <inventory>.jsonl', "line 2",
         [("reached <high_risk> 'x' \"y\" & more", "reached <high_risk> 'x' \"y\" & more")]),
        ('it\'s "the" <inventory>.jsonl', "line 4 (tab\there)",
         [("row 4: invalid JSON", "row 4: invalid JSON")]),
    ]


def peak_while_adding(rows: int, folder: Path) -> int:
    """The most memory taken while a report takes ``rows`` rows (a third of them passing)."""
    report = JUnitReport(folder / f"{rows}.xml", suite="gate", inventory="inventory.jsonl")
    tracemalloc.start()
    try:
        for line in range(1, rows + 1):
            report.add(GateCase(line, f"system-{line}", "reached high_risk" if line % 3 else None))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        report.write()


def test_the_rows_of_a_report_take_no_memory_as_they_come(tmp_path: Path) -> None:
    assert peak_while_adding(40_000, tmp_path) < 1.5 * peak_while_adding(4_000, tmp_path)
    assert len(ElementTree.parse(tmp_path / "40000.xml").getroot()[0]) == 40_000
