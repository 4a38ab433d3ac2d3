"""A gate's verdict on each row of an inventory as a JUnit XML report, the format the test views
of CI services read (GitLab's ``artifacts:reports:junit``, Jenkins, Azure Pipelines, GitHub
actions that publish test results): one test case per row, failed where the row fails the gate
of ``batch --fail-on``, with the reason."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from ..render.terminal import terminal_text
from . import files

__all__ = ["GateCase", "JUnitReport"]


class GateCase(NamedTuple):
    """One row as the gate saw it: its line, its id, and why it fails (None: it passes)."""

    line: int
    id: str | None
    failure: str | None


class JUnitReport:
    """The JUnit report of a gate, written one row at a time: the rows' test cases go to a
    temporary file as they come, so an inventory of any size takes the same memory, and
    :meth:`write` puts the suite with its counts around them. Text from the inventory loses its
    control characters, which XML cannot hold."""

    def __init__(self, path: Path, *, suite: str, inventory: str) -> None:
        self.path, self.suite, self.classname = path, suite, quoteattr(terminal_text(inventory))
        self.tests = self.failures = 0
        # Open from the first row to write(), which closes (and so deletes) it:
        self._cases = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def add(self, case: GateCase) -> None:
        """One row's test case, named by its line and id."""
        self.tests += 1
        name = quoteattr(terminal_text(f"line {case.line}" + (f" ({case.id})" if case.id else "")))
        opening = f'    <testcase classname={self.classname} name={name}'
        if case.failure is None:
            self._cases.write(f"{opening} />\n")
            return
        self.failures += 1
        message = terminal_text(case.failure)
        self._cases.write(f"{opening}>\n      <failure message={quoteattr(message)}>"
                          f"{escape(message)}</failure>\n    </testcase>\n")

    def write(self) -> None:
        """The whole report to its path, which keeps its old content if writing fails."""
        counts = f'tests="{self.tests}" failures="{self.failures}" errors="0"'
        with self._cases, files.atomic_text(self.path) as stream:
            stream.write(f"<?xml version='1.0' encoding='UTF-8'?>\n<testsuites {counts}>\n"
                         f"  <testsuite name={quoteattr(self.suite)} {counts}>\n")
            self._cases.seek(0)
            shutil.copyfileobj(self._cases, stream)
            stream.write("  </testsuite>\n</testsuites>\n")
