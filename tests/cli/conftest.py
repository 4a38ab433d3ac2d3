"""Fixtures of the command-line tests: the real Typer app behind a runner."""

from __future__ import annotations

import pytest
from cli_support import Run


@pytest.fixture
def run() -> Run:
    return Run()
