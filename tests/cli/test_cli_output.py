"""`batch -o`: the output is written whole when the run completes, or not at all (audit D3, D27)."""

from __future__ import annotations

import csv
import errno
import io
import os
from pathlib import Path

import pytest
from cli_support import AS_OF

from aiact_tiers.interfaces import files

RESULTS = b"keep\n"


def test_an_output_that_is_the_inventory_is_refused_and_left_unchanged(run, tmp_path: Path) -> None:
    inventory = tmp_path / "inv.csv"
    inventory.write_bytes(b"id,profiling\na,true\n")
    for output in (inventory, tmp_path / "." / "inv.csv"):
        result = run("batch", str(inventory), "-o", str(output))
        assert result.exit_code == 2
        assert result.stderr == (
            f"error: `--output` `{output}` is the inventory; write the results elsewhere\n")
        assert inventory.read_bytes() == b"id,profiling\na,true\n"


def test_a_hard_link_to_the_inventory_is_refused(run, tmp_path: Path) -> None:
    inventory = tmp_path / "inv.csv"
    inventory.write_bytes(b"id,profiling\na,true\n")
    os.link(inventory, tmp_path / "same.csv")
    result = run("batch", str(inventory), "-o", str(tmp_path / "same.csv"))
    assert result.exit_code == 2 and inventory.read_bytes() == b"id,profiling\na,true\n"


@pytest.mark.parametrize(("name", "data", "error"), [
    ("missing.csv", None, "error: cannot read `{path}`: No such file or directory\n"),
    ("inv.txt", b"id\na\n",
     "error: `{path}`: unknown inventory format `.txt`; use .csv, .jsonl, .yaml, .json or .xlsx [AT100]\n"),
    ("inv.yaml", b"id: a\n", "error: `{path}` must hold a list of descriptions [AT100]\n"),
    ("inv.yaml", b"- id: a\n- id: caf\xe9\n", "error: {path}:2: not UTF-8 text [AT100]\n"),
])
def test_a_failed_run_leaves_the_previous_results_intact(
    run, tmp_path: Path, name: str, data: bytes | None, error: str
) -> None:
    results = tmp_path / "results.csv"
    results.write_bytes(RESULTS)
    inventory = tmp_path / name
    if data is not None:
        inventory.write_bytes(data)
    result = run("batch", str(inventory), "-o", str(results))
    assert result.exit_code == 2 and result.stderr == error.format(path=inventory)
    assert results.read_bytes() == RESULTS
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({name, "results.csv"} - {"missing.csv"})


def test_a_completed_run_replaces_the_results_whole(run, tmp_path: Path) -> None:
    results = tmp_path / "results.csv"
    results.write_bytes(RESULTS)
    inventory = tmp_path / "inv.csv"
    inventory.write_bytes(b"id,profiling\na,true\nb,false\n")
    result = run("batch", str(inventory), "-o", str(results), "--as-of", AS_OF)
    assert result.exit_code == 0
    assert [r["id"] for r in csv.DictReader(results.open())] == ["a", "b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inv.csv", "results.csv"]
    assert results.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(("output", "error"), [
    ("nodir/out.csv", "error: cannot write `{path}`: no folder `{folder}`\n"),
    ("", "error: cannot write `{path}`: it is a folder\n"),
])
def test_an_unwritable_output_is_named_before_anything_is_read(
    run, tmp_path: Path, output: str, error: str
) -> None:
    inventory = tmp_path / "inv.csv"
    inventory.write_bytes(b"id\na\n")
    path = tmp_path / output
    result = run("batch", str(inventory), "-o", str(path))
    assert result.exit_code == 2
    assert result.stderr == error.format(path=path, folder=path.parent)


def test_a_full_disk_names_the_output_and_leaves_no_partial_file(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inventory = tmp_path / "inv.csv"
    inventory.write_bytes(b"id\n" + b"".join(b"s%d\n" % n for n in range(50)))
    results = tmp_path / "results.csv"
    results.write_bytes(RESULTS)
    class FullDisk(io.TextIOWrapper):
        writes = 0

        def write(self, text: str) -> int:  # the tenth write finds the disk full
            FullDisk.writes += 1
            if FullDisk.writes == 10:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return super().write(text)

    def fdopen(fd: int, *args: object, **kwargs: object) -> FullDisk:
        return FullDisk(io.FileIO(fd, "w"), encoding="utf-8", newline="")

    monkeypatch.setattr(files.os, "fdopen", fdopen)
    result = run("batch", str(inventory), "-o", str(results), "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"error: cannot write `{results}`: No space left on device"
    assert results.read_bytes() == RESULTS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inv.csv", "results.csv"]


def test_an_interrupted_run_leaves_the_previous_results(run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from aiact_tiers.interfaces import batch

    inventory = tmp_path / "inv.csv"
    inventory.write_bytes(b"id\na\nb\n")
    results = tmp_path / "results.csv"
    results.write_bytes(RESULTS)

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        yield 2, batch.RowError(2, "a", "x")
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "_each", interrupted)  # the rows classified one by one
    result = run("batch", str(inventory), "-o", str(results))
    assert result.exit_code != 0
    assert results.read_bytes() == RESULTS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inv.csv", "results.csv"]


def test_csv_results_neutralise_cells_a_spreadsheet_would_run(run, tmp_path: Path) -> None:
    inventory = tmp_path / "f.csv"
    inventory.write_text('id,name\n=1+1,"=HYPERLINK(""http://x"",""y"")"\n+a,@b\n-c,ok\n')
    results = tmp_path / "results.csv"
    assert run("batch", str(inventory), "-o", str(results), "--as-of", AS_OF).exit_code == 0
    cells = [(r["id"], r["name"]) for r in csv.DictReader(results.open())]
    assert cells == [("'=1+1", "'=HYPERLINK(\"http://x\",\"y\")"), ("'+a", "'@b"), ("'-c", "ok")]


def test_jsonl_results_keep_the_text_as_it_was(run, tmp_path: Path) -> None:
    inventory = tmp_path / "f.csv"
    inventory.write_text("id,name\n=1+1,@b\n")
    result = run("batch", str(inventory), "--as-of", AS_OF)
    assert '"id": "=1+1", "name": "@b"' in result.stdout
