"""Files shipped with the package for users to start from: the worked examples and the legal cases.

In a wheel they sit inside the package (``aiact_tiers/examples``, ``aiact_tiers/cases``); in a
development install from a checkout they are read from the checkout's ``examples`` and
``tests/cases`` folders, which the wheel copies.
"""

from __future__ import annotations

import ast
from pathlib import Path

from ..errors import AiactTiersError, did_you_mean

_CHECKOUT = {"examples": ("examples",), "cases": ("tests", "cases")}


class ExampleError(AiactTiersError):
    """A bundled example that does not exist, or whose files would overwrite files already there."""

    code = "AT500"


def folder(kind: str) -> Path:
    """The folder of bundled ``examples`` or ``cases``: in the package, else in the checkout."""
    inside = Path(__file__).parents[1] / kind
    if inside.is_dir():
        return inside
    return Path(__file__).parents[3].joinpath(*_CHECKOUT[kind])


def examples() -> dict[str, str]:
    """Each bundled example's name and the first line of its description."""
    out = {}
    for path in sorted(folder("examples").iterdir()):
        if path.suffix == ".py":
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            out[path.stem] = doc.partition("\n")[0]
        elif path.suffix == ".ipynb":
            out[path.stem] = "A notebook: an inventory classified and displayed as tables."
    return out


def example_files(name: str) -> list[Path]:
    """The files of one example: its code and the data files its code reads."""
    if name not in examples():
        raise ExampleError(f"no example '{name}'{did_you_mean(name, examples())} "
                           f"(bundled: {', '.join(examples())})")
    base = folder("examples")
    main = next(p for p in (base / f"{name}.py", base / f"{name}.ipynb") if p.exists())
    code = main.read_text(encoding="utf-8")
    return [main, *(p for p in sorted(base.glob("*.yaml")) if f'"{p.name}"' in code)]


def write_example(name: str, target: Path) -> list[Path]:
    """Copy one example's files into ``target``; refuses to overwrite a file that is there."""
    files = example_files(name)
    written = [target / f.name for f in files]
    existing = [str(p) for p in written if p.exists()]
    if existing:
        raise ExampleError(f"not overwriting {', '.join(existing)}")
    target.mkdir(parents=True, exist_ok=True)
    for source, path in zip(files, written, strict=True):
        partial = path.with_name(f".{path.name}.part")
        partial.write_bytes(source.read_bytes())
        partial.replace(path)
    return written
