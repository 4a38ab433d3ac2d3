"""A gate's verdict on each row of an inventory as a JUnit XML report, the format the test views
of CI services read (GitLab's ``artifacts:reports:junit``, Jenkins, Azure Pipelines, GitHub
actions that publish test results): one test case per row, failed where the row fails the gate
of ``batch --fail-on``, with the reason."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple
from xml.etree import ElementTree

from ..render.terminal import terminal_text

__all__ = ["GateCase", "junit_report"]


class GateCase(NamedTuple):
    """One row as the gate saw it: its line, its id, and why it fails (None: it passes)."""

    line: int
    id: str | None
    failure: str | None


def junit_report(cases: Iterable[GateCase], *, suite: str, inventory: str) -> str:
    """The JUnit XML text of a gate: a suite named ``suite`` with one test case per row of
    ``inventory``, named by the row's line and id. Text from the inventory loses its control
    characters, which XML cannot hold."""
    root = ElementTree.Element("testsuites")
    tests = ElementTree.SubElement(root, "testsuite", name=suite)
    count = failures = 0
    for case in cases:
        count += 1
        name = terminal_text(f"line {case.line}" + (f" ({case.id})" if case.id else ""))
        element = ElementTree.SubElement(tests, "testcase", classname=terminal_text(inventory),
                                         name=name)
        if case.failure is not None:
            failures += 1
            message = terminal_text(case.failure)
            ElementTree.SubElement(element, "failure", message=message).text = message
    for element in (root, tests):
        element.set("tests", str(count))
        element.set("failures", str(failures))
        element.set("errors", "0")
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
