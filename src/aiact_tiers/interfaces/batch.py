"""Inventories classified lazily: one result or one row error per input row, in input order.

Rows come from :mod:`.inventory`; :func:`classify_many` classifies them in this process or, with
``jobs``, in worker processes (:mod:`.parallel`), so that rows in = results + errors whatever
the number of cores. :func:`classify_jsonl` is the fast path from JSON Lines to compact
records; :class:`BatchResult` holds an inventory's results for display and analysis.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..decision.classify import classify, classify_compact
from ..errors import DescriptionError
from ..facts.descriptions import Description
from ..facts.vocabulary import Role
from ..law.ruleset import DEFAULT_RULESET, RuleSet, load_ruleset
from ..render.report import inventory_fragment, inventory_markdown
from ..results.classification import SEVERITY, Classification, Tier
from .inventory import (
    Item,
    JsonLines,
    Row,
    RowError,
    closing,
    inventory_format,
    numbered_lines,
    read_inventory,
    read_jsonl,
    row_id,
)
from .records import FLAT_COLUMNS, flat_row, records_frame

__all__ = [
    "BatchResult",
    "Row",
    "RowError",
    "Summary",
    "classify_jsonl",
    "classify_many",
    "classify_rendered",
    "read_inventory",
]


def classify_many(
    descriptions: Iterable[Row | Description | Mapping[str, Any]],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
    presume: bool = True,
    jobs: int = 1,
) -> Iterator[tuple[int, Item]]:
    """Classify each description lazily; yield ``(line, result or RowError)`` for every one.

    Plain descriptions are numbered from 1; :class:`Row` objects keep their line. An invalid
    row becomes a :class:`RowError`; an unknown ruleset or a date before the Act raises at once.
    With ``jobs`` above 1, chunks of rows are classified in that many worker processes; the
    order and every outcome stay the same.
    """
    if jobs != 1:
        for line, whole, _ in classify_rendered(descriptions, None, jobs=jobs, ruleset=ruleset,
                                                as_of=as_of, role=role, presume=presume):
            assert not isinstance(whole, tuple | dict)  # whole results: nothing was rendered
            yield line, whole
        return
    yield from _each(descriptions, classify, ruleset=ruleset, as_of=as_of, role=role,
                     presume=presume)


Compact = dict[str, Any]
"""A compact record: what :func:`~aiact_tiers.decision.classify.classify_compact` gives."""


def _each(
    descriptions: Iterable[Row | Description | Mapping[str, Any]],
    classifier: Callable[..., Any],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    **options: Any,
) -> Iterator[tuple[int, Any]]:
    """Each description given to ``classifier`` (:func:`classify` or :func:`classify_compact`)
    with the keyword ``options``: ``(line, what it gives)``, or ``(line, RowError)`` for a row
    that could not be read or classified."""
    rules = ruleset if isinstance(ruleset, RuleSet) else load_ruleset(ruleset)
    for number, item in enumerate(descriptions, start=1):
        row = item if isinstance(item, Row) else Row(number, item)
        if row.data is None:
            yield row.line, RowError(row.line, row.id, row.error or "empty row")
            continue
        try:
            yield row.line, classifier(row.data, ruleset=rules, **options)
        except DescriptionError as exc:
            yield row.line, RowError(row.line, row_id(row.data), exc.message)


class Kept(NamedTuple):
    """What is left of a classified row once its output is rendered: its id, its tier (None:
    open), the most severe tier it may reach and the facts of its open questions."""

    id: str | None
    tier: Tier | None
    worst: Tier | None
    facts: tuple[str, ...]


Outcome = RowError | Kept
"""What is left of a row once its output is rendered: its error, or what :class:`Kept` holds."""


def outcome(item: Item | Compact | Outcome) -> Outcome:
    """The error, or the id, the tier, the most severe tier still possible and the open facts
    (none for a compact record, which asks no questions), of a row: all that a
    :class:`Summary` counts and a gate decides on (an outcome already is its own)."""
    if isinstance(item, RowError | Kept):
        return item
    if isinstance(item, dict):
        tier = item["tier"]
        worst = max(map(Tier, item["possible_tiers"]), key=SEVERITY.index, default=None)
        return Kept(item["id"], (None if tier is None else Tier(tier)), worst, ())
    worst = max(item.possible_tiers, key=SEVERITY.index, default=None)
    return Kept(item.id, item.tier, worst, tuple(q.fact for q in item.open_questions))


def classify_rendered(
    descriptions: Iterable[Row | Description | Mapping[str, Any]],
    render: Callable[[int, Any], str] | None,
    *,
    jobs: int = 1,
    compact: bool = False,
    **options: Any,
) -> Iterator[tuple[int, Item | Compact | Outcome, str]]:
    """:func:`classify_many` with each row's output text, rendered by ``render`` (a module-level
    function such as :func:`jsonl_record`) in the process that classified the row; with
    ``compact``, of the compact records of :func:`classify_compact` instead of whole results.

    With ``render``, each row gives ``(line, outcome, text)`` and the result itself is dropped
    where it was made, so worker processes send back little more than text; without it,
    ``(line, result or RowError, "")``.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1 (got {jobs})")
    rows: Iterable[Row] = descriptions if isinstance(descriptions, JsonLines) else (
        item if isinstance(item, Row) else Row(number, item)
        for number, item in enumerate(descriptions, start=1))
    if jobs == 1:
        for line, item in _each(rows, classify_compact if compact else classify, **options):
            yield (line, outcome(item), render(line, item)) if render else (line, item, "")
        return
    from .parallel import classify_in_workers

    ruleset = options.get("ruleset", DEFAULT_RULESET)
    if not isinstance(ruleset, RuleSet):
        load_ruleset(ruleset)  # an unknown id raises here, at once
    options["as_of"] = options.get("as_of") or dt.date.today()  # one day for every worker
    yield from classify_in_workers(rows, {**options, "compact": compact}, jobs, render,
                                   classify_rendered)


def classify_jsonl(
    lines: Iterable[str | bytes],
    *,
    ruleset: str | RuleSet = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    role: Role | str | None = None,
    presume: bool = True,
    start: int = 1,
) -> Iterator[dict[str, Any]]:
    """JSON Lines of descriptions in, one compact record out per non-blank line, lazily.

    A record holds the line number (the first line is number ``start``) and what
    :func:`~aiact_tiers.decision.classify.classify_compact` gives (id, tier, possible tiers, basis and
    obligation rule ids), or the line, id and error of a row that could not be classified: the
    same errors as :func:`classify_many`. Nothing is kept but the current row, and no
    explanation is built, so large inventories stream fast.
    """
    rows = read_jsonl(numbered_lines(lines, start))
    for line, item in _each(rows, classify_compact, ruleset=ruleset, as_of=as_of, role=role,
                            presume=presume):
        yield ({"line": line, "id": item.id, "error": item.message}
               if isinstance(item, RowError) else {"line": line, **item})


# --- summary and materialised results ------------------------------------------------------


@dataclass
class Summary:
    """Counts per tier, undetermined results and errors, updated one row at a time.

    For undetermined results it also counts the most severe tier each may still reach, so a
    gate can tell whether an undecided system may reach its threshold, and the rows each
    unknown fact leaves open (a row counts once for every fact it is asked).
    """

    tiers: Counter[str] = field(default_factory=Counter)
    undetermined: int = 0
    errors: int = 0
    may_reach: Counter[str] = field(default_factory=Counter)
    open_facts: Counter[str] = field(default_factory=Counter)

    def add(self, item: Item | Compact | Outcome) -> None:
        kept = outcome(item)
        if isinstance(kept, RowError):
            self.errors += 1
            return
        if kept.tier is not None:
            self.tiers[kept.tier.value] += 1
            return
        self.undetermined += 1
        self.open_facts.update(kept.facts)
        if kept.worst is not None:
            self.may_reach[kept.worst.value] += 1

    @property
    def total(self) -> int:
        return sum(self.tiers.values()) + self.undetermined + self.errors

    def gate(self, threshold: Tier, *, undetermined: bool = True, errors: bool = True) -> list[str]:
        """Why a gate at ``threshold`` fails, one reason per kind of row; empty when it passes.

        It fails on rows reaching the threshold or a more severe tier, on undetermined rows
        that may still reach it (unless ``undetermined`` is False) and on rows that could not be
        read (unless ``errors`` is False).
        """
        above = f"{threshold.value} or a more severe tier"
        reasons = []
        if reached := self._at_least(self.tiers, threshold):
            reasons.append(f"{reached} {_rows(reached)} reached {above}")
        if undetermined and (may := self._at_least(self.may_reach, threshold)):
            reasons.append(f"{may} undetermined {_rows(may)} may reach {above}")
        if errors and self.errors:
            reasons.append(f"{self.errors} {_rows(self.errors)} could not be read")
        return reasons

    @staticmethod
    def _at_least(counts: Counter[str], threshold: Tier) -> int:
        return sum(counts[t.value] for t in _at_or_above(threshold))

    def counts(self) -> dict[str, int]:
        """Rows per tier in the law's order, then undetermined and errors."""
        out = {tier.value: self.tiers[tier.value] for tier in Tier}
        out["undetermined"] = self.undetermined
        out["errors"] = self.errors
        return out


def gate_failure(kept: Outcome, threshold: Tier, *, undetermined: bool = True,
                 errors: bool = True) -> str | None:
    """Why one row fails a gate at ``threshold``, as :meth:`Summary.gate` counts it: it reached
    the threshold or a more severe tier, may still reach it while undetermined (unless
    ``undetermined`` is False), or could not be read (unless ``errors`` is False); None when
    it passes."""
    if isinstance(kept, RowError):
        return f"could not be read: {kept.message}" if errors else None
    above = _at_or_above(threshold)
    if kept.tier is not None:
        return f"reached {kept.tier.value}" if kept.tier in above else None
    if undetermined and kept.worst in above:
        assert kept.worst is not None
        return f"undetermined, and may reach {kept.worst.value}"
    return None


def _at_or_above(threshold: Tier) -> tuple[Tier, ...]:
    """The tiers a gate at ``threshold`` fails on: it and every more severe one."""
    return SEVERITY[SEVERITY.index(threshold):]


def _rows(n: int) -> str:
    return "row" if n == 1 else "rows"


@dataclass
class BatchResult:
    """The results and row errors of an inventory, held in memory for display and analysis."""

    results: list[Classification] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)

    @classmethod
    def collect(cls, items: Iterable[tuple[int, Item]]) -> BatchResult:
        """Gather the output of :func:`classify_many`."""
        batch = cls()
        for _, item in items:
            batch.summary.add(item)
            if isinstance(item, RowError):
                batch.errors.append(item)
            else:
                batch.results.append(item)
        return batch

    def to_pandas(self) -> Any:
        """One row per classified system in :data:`FLAT_COLUMNS` (requires pandas, narwhals)."""
        return self._frame("pandas")

    def to_polars(self) -> Any:
        """One row per classified system in :data:`FLAT_COLUMNS` (requires polars, narwhals)."""
        return self._frame("polars")

    def _frame(self, backend: str) -> Any:
        try:
            importlib.import_module(backend)
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(f"to_{backend}() needs {backend}: python -m pip install {backend}") from exc
        return records_frame([flat_row(r) for r in self.results], FLAT_COLUMNS, backend)

    def _repr_markdown_(self) -> str:
        return inventory_markdown(self)

    def _repr_html_(self) -> str:
        return inventory_fragment(self)


def read_path(path: Path) -> Iterator[Row]:
    """Stream the rows of an inventory file, its format chosen by its suffix.

    The file is opened at once, so a missing or unreadable inventory raises OSError here, before
    any output is written; its rows are read as they are asked for.
    """
    fmt = inventory_format(path)
    if fmt == "xlsx":
        from .excel import read_workbook

        return read_workbook(path)
    stream = path.open("rb")
    if fmt == "jsonl":
        return JsonLines(stream)
    return closing(stream, read_inventory(stream, fmt, str(path)))
