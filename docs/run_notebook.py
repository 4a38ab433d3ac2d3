"""Run the example notebook and save it with its outputs, so every viewer shows its tables.

Needs the ``notebook`` extra (``python -m pip install -e ".[notebook]"``); run it after changing
the notebook or the library's displays. The test suite checks that the saved outputs are the
ones the cells print now.
"""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "inventory.ipynb"

if __name__ == "__main__":
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=120, resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    partial = NOTEBOOK.with_suffix(".part")
    nbformat.write(notebook, partial)
    partial.replace(NOTEBOOK)
