"""The package's layout: layers that import only downwards, no import cycle, one job per module."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "src" / "aiact_tiers"
MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_import_contracts_hold() -> None:
    """`lint-imports` (import-linter, configured in pyproject.toml) keeps both contracts."""
    run = subprocess.run([str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]
    assert "Contracts: 2 kept, 0 broken." in run.stdout


def test_the_layers_contract_names_every_package() -> None:
    """A sub-package left out of the contract would be free to import anything."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    layers = config["contracts"][0]["layers"]
    top = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
           if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.stem[:2] != "__")}
    assert set(layers) == top


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_opens_with_a_docstring_naming_its_job(path: Path) -> None:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring, f"{path.relative_to(PACKAGE)} has no opening docstring"
    assert not docstring.startswith("Private"), "a module's docstring says what it does"


def _layout_tree() -> set[str]:
    """The paths the tree of docs/contributing/layout.md shows, relative to the package."""
    text = (ROOT / "docs" / "contributing" / "layout.md").read_text(encoding="utf-8")
    block = text.split("```text\n", 1)[1].split("```", 1)[0].splitlines()[1:]  # below src/aiact_tiers/
    paths, parents = set(), []
    for line in block:
        cut = max(line.find("├── "), line.find("└── "))
        depth, name = cut // 4, line[cut + 4:].split()[0].rstrip("/")
        parents[depth:] = [name]
        paths.add("/".join(parents))
    return paths


def test_the_layout_page_shows_the_tree_as_it_is() -> None:
    """Every file and folder the page shows exists, and every module of a layer is shown."""
    shown = _layout_tree()
    for path in shown:
        assert (PACKAGE / path).exists(), f"layout.md shows {path}, which does not exist"
    modules = {str(p.relative_to(PACKAGE)) for p in MODULES}
    layers = {"interfaces", "law", "engine"}  # the packages whose modules the page lists one by one
    missing = {m for m in modules if m.split("/")[0] in layers and not m.endswith("__init__.py")} - shown
    assert not missing, f"layout.md does not show {sorted(missing)}"
