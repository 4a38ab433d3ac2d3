"""The wheel carries the worked examples and the legal cases, and its commands find them.

The wheel is built with hatchling (the project's build backend) and unpacked, which for a
pure-Python wheel is what installing it puts on the path; the commands then run from an empty
folder against the unpacked package, not the checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hatchling.builders.wheel import WheelBuilder

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = tmp_path_factory.mktemp("dist")
    wheel = next(iter(WheelBuilder(str(ROOT)).build(directory=str(built), versions=["standard"])))
    target = tmp_path_factory.mktemp("site-packages")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def run(installed: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run([sys.executable, "-m", "aiact_tiers", *args], cwd=folder, env=env,
                          capture_output=True, text=True, check=True)


def test_the_wheel_holds_every_example_and_case(installed: Path) -> None:
    package = installed / "aiact_tiers"
    examples = {p.name for p in (ROOT / "examples").iterdir()
                if p.suffix in (".py", ".yaml", ".ipynb", ".csv", ".xlsx")}
    assert {p.name for p in (package / "examples").iterdir()} == examples
    cases = {p.relative_to(ROOT / "tests" / "cases") for p in (ROOT / "tests" / "cases").rglob("*.yaml")}
    assert {p.relative_to(package / "cases") for p in (package / "cases").rglob("*.yaml")} == cases


def test_examples_are_listed_and_written_from_the_installed_package(installed: Path, tmp_path: Path) -> None:
    code = "import aiact_tiers.interfaces.bundled as b; print(b.folder('examples'))"
    where = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(installed)},
                           capture_output=True, text=True)
    assert where.stdout.strip() == str(installed / "aiact_tiers" / "examples")
    assert "cv_screening: CV screening" in run(installed, tmp_path, "examples").stdout
    run(installed, tmp_path, "examples", "cv_screening")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv_screening.py", "cv_screening.yaml"]


def test_explain_shows_cases_from_the_installed_package(installed: Path, tmp_path: Path) -> None:
    shown = run(installed, tmp_path, "explain", "annex_iii_4_a").stdout
    assert "fires in" in shown and "near misses" in shown
