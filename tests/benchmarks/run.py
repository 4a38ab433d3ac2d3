"""Benchmark of classification, run on demand: ``python tests/benchmarks/run.py``.

Prints one table: the median full classification of fully known descriptions (from a plain
dict, validation included, and already validated) and of descriptions with half their facts
unknown; JSON Lines throughput with compact results, in this process and through
``aiact-tiers batch --compact`` file to file; the cost of importing the package and loading the
default ruleset; and three baselines measured in the same run (naive ``rule-engine`` evaluation
of the same predicates; a minimal hand-written decision; pydantic and one model imported).
Each target is a multiple of a same-run baseline: the machine's speed drifts by a factor of two
within seconds, and a ratio moves far less than a time. The measures are taken in turns, round
after round, and each keeps its best round, which gives every measure (baselines included) the
same chance of a quiet moment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable
from typing import Any

import rule_engine

from aiact_tiers import DEFAULT_RULESET, classify, load_description, load_ruleset
from aiact_tiers.engine.predicates import DT, FACT_TYPES, Value, read_facts
from aiact_tiers.facts.vocabulary import IMPLIED_MEMBERS
from aiact_tiers.interfaces.batch import classify_jsonl

DAY = dt.date(2026, 12, 1)
SYSTEM_FACTS = sorted(name for name, fact in FACT_TYPES.items() if fact.subject == "system")
SCOPE_LINKS = {"infers_outputs_from_input": 0.95, "placed_on_union_market": 0.9}
EXCLUSIONS = ("exclusively_military_defence_national_security", "third_country_authority_cooperation",
              "sole_purpose_scientific_research", "pre_market_research_or_testing",
              "purely_personal_non_professional_use", "free_open_source_licence")
"""An inventory's systems are mostly AI systems on the Union market (Art 2(1), Art 3(1)) and
rarely excluded (Art 2(3)-(12)); every other Boolean fact holds with probability 0.2."""
CHANCE = {**SCOPE_LINKS, **dict.fromkeys(EXCLUSIONS, 0.03)}


def random_facts(rng: random.Random, unknown: float) -> dict[str, Any]:
    """A system description as JSON-ready data, each set fact naming members (never an area or
    section marker, which would leave it known in part); each fact unknown with probability
    ``unknown``."""
    facts: dict[str, Any] = {}
    for name in SYSTEM_FACTS:
        if rng.random() < unknown:
            continue
        fact = FACT_TYPES[name]
        if fact.data_type == DT.BOOLEAN:
            facts[name] = rng.random() < CHANCE.get(name, 0.2)
        elif fact.data_type == DT.FLOAT:
            facts[name] = rng.choice([1e20, 1e25, 1e26])
        elif fact.data_type == DT.DATETIME:
            facts[name] = rng.choice(["2024-01-01", "2025-09-01", "2027-01-01"])
        else:
            assert fact.enum is not None
            values = [member.value for member in fact.enum if member not in IMPLIED_MEMBERS]
            if fact.data_type == DT.STRING:
                facts[name] = rng.choice(values)
            else:
                facts[name] = rng.sample(values, rng.choice([0, 0, 0, 1, 2]))
    return facts


def median_us(call: Callable[[Any], object], inputs: Iterable[Any]) -> float:
    """Time of one call in microseconds: the median over every input."""
    clock = time.perf_counter_ns
    samples = []
    for item in inputs:
        start = clock()
        call(item)
        samples.append(clock() - start)
    return statistics.median(samples) / 1000


def clock_us() -> float:
    """The median time between two readings of the clock, which every per-call median includes."""
    clock = time.perf_counter_ns
    return statistics.median(-(clock() - clock()) for _ in range(1000)) / 1000


def mean_us(call: Callable[[Any], object], inputs: list[Any]) -> float:
    """Time of one call in microseconds: the mean over a loop of every input, for calls so short
    that reading the clock around each (about half a microsecond here) would swamp them."""
    start = time.perf_counter_ns()
    for item in inputs:
        call(item)
    return (time.perf_counter_ns() - start) / len(inputs) / 1000


def jsonl_throughput(lines: list[str]) -> float:
    """Systems per second, JSON Lines in, compact JSON Lines out, one core."""
    out = io.StringIO()
    start = time.perf_counter()
    for record in classify_jsonl(lines, as_of=DAY):
        out.write(json.dumps(record) + "\n")
    return len(lines) / (time.perf_counter() - start)


def cli_compact_rate(path: str) -> float:
    """Systems per second of ``aiact-tiers batch --compact --jobs 1``, JSON Lines file to JSON
    Lines file: the wall time of the whole command, its start-up included."""
    command = [sys.executable, "-c", "from aiact_tiers.interfaces.cli import main; main()", "batch", path,
               "--compact", "--as-of", DAY.isoformat(), "--jobs", "1", "-o", path + ".out.jsonl"]
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    wall = time.perf_counter() - start
    with open(path, "rb") as stream:
        return sum(1 for _ in stream) / wall


def in_turns(measures: dict[str, Callable[[], float]], rounds: int) -> dict[str, float]:
    """Each measure's best over ``rounds`` rounds, the measures taking turns in every round:
    the least time, or the highest rate for the measures named ``rate``."""
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, measure in measures.items():
            value = measure()
            pick = max if name.endswith("rate") else min
            best[name] = pick(best.get(name, value), value)
    return best


def jsonl_peak_kib(lines: list[str]) -> float:
    """Peak memory traced while streaming ``lines`` through, output discarded."""
    tracemalloc.start()
    for record in classify_jsonl(iter(lines), as_of=DAY):
        json.dumps(record)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024


def bytecodes_per_call(call: Callable[[Any], object], inputs: list[Any]) -> float:
    """Python bytecode instructions run per call: a measure of work that a busy machine does
    not change (C code such as pydantic's validation counts as one instruction per call)."""
    count = 0

    def trace(frame: Any, event: str, arg: object) -> Any:
        nonlocal count
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        if event == "opcode":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        for item in inputs:
            call(item)
    finally:
        sys.settrace(None)
    return count / len(inputs)


def jobs_seconds(path: str, jobs: int, cpu: dict[int, float]) -> float:
    """Wall time of ``aiact-tiers batch`` over an inventory with ``jobs`` worker processes; the
    CPU time it and its workers used goes to ``cpu[jobs]`` (the least over the runs)."""
    command = [sys.executable, "-c", "from aiact_tiers.interfaces.cli import main; main()", "batch", path,
               "--as-of", DAY.isoformat(), "--jobs", str(jobs), "-o", path + f".{jobs}.jsonl"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    cpu[jobs] = min(cpu.get(jobs, used), used)
    return wall


def jobs_speedup(rows: int, rng: random.Random) -> tuple[float, float, dict[int, float]]:
    """Seconds of ``batch --jobs 1`` and ``--jobs 2`` on the same JSON Lines inventory, measured
    in turns (twice each, the best kept), with the outputs checked identical, and the CPU seconds
    each used (workers included): on a busy machine the speed-up is capped by the CPU time the
    other processes leave, and ``--jobs 2`` needing little more CPU than ``--jobs 1`` shows
    what it would reach on idle cores."""
    cpu: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/inventory.jsonl"
        with open(path, "w", encoding="utf-8") as stream:
            for i in range(rows):
                stream.write(json.dumps({"id": f"s{i}", **random_facts(rng, 0.3)}) + "\n")
        best = in_turns({"one": lambda: jobs_seconds(path, 1, cpu),
                         "two": lambda: jobs_seconds(path, 2, cpu)}, 2)
        with open(path + ".1.jsonl", "rb") as one, open(path + ".2.jsonl", "rb") as two:
            assert one.read() == two.read(), "--jobs 2 wrote other output than --jobs 1"
    return best["one"], best["two"], cpu


PACKAGE_IMPORT = "import aiact_tiers; aiact_tiers.load_ruleset()"
"""The import measure: the package imported and its default ruleset loaded."""
PYDANTIC_FLOOR = (
    "from pydantic import BaseModel, ConfigDict\n"
    "class Entry(BaseModel):\n"
    "    model_config = ConfigDict(defer_build=True)\n"
    "    id: str"
)
"""Its baseline: the least a library built on pydantic models imports, pydantic's ``BaseModel``
and one model (its schema deferred, as the package defers every schema until it is used)."""


def fresh_import_ms(statements: str) -> float:
    """Milliseconds a fresh interpreter takes to run ``statements``: the best of 5 runs after a
    first, as an installed package imports (from bytecode, which the first run writes)."""
    code = f"import time\nt = time.perf_counter()\n{statements}\nprint((time.perf_counter() - t) * 1000)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True, env=env).stdout) for _ in range(6)]
    return min(runs[1:])


def naive_rule_engine() -> Callable[[dict[str, Value]], object]:
    """Every rule in force evaluated by ``rule-engine``'s own ``Rule.matches``."""
    snapshot = load_ruleset(DEFAULT_RULESET).at(DAY)
    context = rule_engine.Context(
        type_resolver=rule_engine.type_resolver_from_dict(
            {name: fact.data_type for name, fact in FACT_TYPES.items()}
        ),
        default_timezone=dt.UTC,
    )
    params = {k: set(v) if isinstance(v, frozenset) else v for k, v in snapshot.params.items()}
    context.builtins = rule_engine.builtins.Builtins.from_defaults(params)
    rules = [rule_engine.Rule(rule.when.text, context=context) for rule in snapshot.rules
             if rule.when.subject != "model" and rule.model_class is None]

    def evaluate(facts: dict[str, Value]) -> object:
        return [rule.matches(facts) for rule in rules]

    return evaluate


def hand_written(facts: dict[str, Value]) -> str:
    """The shortest honest decision for the same descriptions: tier only, no explanation."""
    if facts.get("exclusively_military_defence_national_security") or not facts.get(
        "infers_outputs_from_input", True
    ):
        return "out_of_scope"
    if facts.get("practices"):
        return "prohibited"
    if facts.get("annex_i_legislation") and facts.get("third_party_conformity_assessment"):
        return "high_risk"
    if facts.get("annex_iii_points") and (
        facts.get("profiling") or facts.get("significant_risk_of_harm")
    ):
        return "high_risk"
    if facts.get("interacts_with_natural_persons") or facts.get("generates_synthetic_content"):
        return "limited"
    return "minimal"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--rounds", type=int, default=7,
                        help="rounds in which the measures take turns; each keeps its best")
    parser.add_argument("--bytecodes", action="store_true",
                        help="also count the Python bytecode instructions run per system")
    parser.add_argument("--cli-rows", type=int, default=20_000,
                        help="rows of the inventory `batch --compact` runs on, file to file")
    parser.add_argument("--jobs-rows", type=int, default=100_000,
                        help="rows of the inventory `batch --jobs 1` and `--jobs 2` run on; 0 skips it")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    known = [random_facts(rng, 0.0) for _ in range(args.systems)]
    half = [random_facts(rng, 0.5) for _ in range(args.systems)]
    known_described = [load_description(facts) for facts in known]
    half_described = [load_description(facts) for facts in half]
    normalised = [read_facts(description)[0] for description in known_described]  # all known
    lines = [json.dumps({"id": f"s{i}", **facts}) for i, facts in enumerate(known * 5)]

    plain = [{k: set(v) if isinstance(v, frozenset) else v for k, v in f.items()} for f in normalised]
    naive_call = naive_rule_engine()

    def full_classification(descriptions: list[Any]) -> Callable[[], float]:
        return lambda: median_us(lambda d: classify(d, as_of=DAY), descriptions)

    classify(known_described[0], as_of=DAY)  # warm the ruleset cache
    with tempfile.TemporaryDirectory() as folder:
        inventory = f"{folder}/inventory.jsonl"
        with open(inventory, "w", encoding="utf-8") as stream:
            for i in range(args.cli_rows):
                stream.write(json.dumps({"id": f"s{i}", **known[i % len(known)]}) + "\n")
        best = in_turns({
            "from dict": full_classification(known),
            "known": full_classification(known_described),
            "half": full_classification(half_described),
            "jsonl rate": lambda: jsonl_throughput(lines),
            "cli rate": lambda: cli_compact_rate(inventory),
            "naive": lambda: median_us(naive_call, plain[:200]),  # 2 ms each: a sample
            "manual": lambda: mean_us(hand_written, normalised),
        }, args.rounds)
    from_dict, full, partial, rate, cli_rate, naive, manual = (best[name] for name in (
        "from dict", "known", "half", "jsonl rate", "cli rate", "naive", "manual"))
    peaks = [jsonl_peak_kib(lines[:n]) for n in (len(lines) // 4, len(lines))]
    startup, floor = fresh_import_ms(PACKAGE_IMPORT), fresh_import_ms(PYDANTIC_FLOOR)

    def against(value: float, baseline: float, most: float, unit: str) -> tuple[str, str, bool]:
        """A measure as a multiple of its same-run baseline, with its target: at most ``most``
        times the baseline (the project's target on this machine when it is quiet)."""
        ratio = value / baseline
        digits = 2 if most < 10 else 1  # enough to tell a ratio from a target of 1.47
        return f"{ratio:.{digits}f}x {unit}", f"<= {most:g}x", ratio <= most

    per_row = 1e6 / rate, 1e6 / cli_rate  # µs per system
    rows = [
        ("full classification from a dict, validation included", f"{from_dict:.1f} µs",
         *against(from_dict, manual, 12, "hand")),
        ("full classification, all facts known", f"{full:.1f} µs", *against(full, manual, 30, "hand")),
        ("full classification, half unknown", f"{partial:.1f} µs", *against(partial, manual, 60, "hand")),
        ("JSON Lines in -> compact JSON Lines out", f"{rate:,.0f} /s",
         *against(per_row[0], manual, 24, "hand")),
        (f"  batch --compact, {args.cli_rows:,} rows, file to file", f"{cli_rate:,.0f} /s",
         *against(per_row[1], manual, 24, "hand")),
        (f"  peak memory, {len(lines) // 4:,} vs {len(lines):,} rows",
         f"{peaks[0]:.0f}/{peaks[1]:.0f} KiB", "", "flat", peaks[1] < 1.5 * peaks[0]),
        ("import + load default ruleset", f"{startup:.0f} ms", *against(startup, floor, 1.47, "floor")),
        ("baseline: rule-engine Rule.matches, same rules", f"{naive:.1f} µs", "", "", None),
        ("baseline hand: hand-written decision (tier only)", f"{manual:.2f} µs", "", "", None),
        ("baseline floor: pydantic and one model, imported", f"{floor:.0f} ms", "", "", None),
        ("  (reading the clock, within each median above)", f"{clock_us():.2f} µs", "", "", None),
    ]
    if args.jobs_rows:
        load = os.getloadavg()[0]
        one, two, cpu = jobs_speedup(args.jobs_rows, rng)
        rows += [
            (f"batch, {args.jobs_rows:,} rows: --jobs 1 / --jobs 2", f"{one:.1f}/{two:.1f} s", "", "",
             None),
            ("  speed-up of --jobs 2", f"{one / two:.2f}x", "", ">= 1.7x", one / two >= 1.7),
            ("  CPU used, --jobs 1 / --jobs 2 (all processes)", f"{cpu[1]:.1f}/{cpu[2]:.1f} s", "", "",
             None),
            ("  load average before / after", f"{load:.1f}/{os.getloadavg()[0]:.1f}", "", "", None),
        ]
    print(f"{'measure':<52} {'value':>14} {'of baseline':>13} {'target':>8}  met")
    for name, value, ratio, target, met in rows:
        flag = "" if met is None else ("yes" if met else "NO")
        print(f"{name:<52} {value:>14} {ratio:>13} {target:>8}  {flag}")
    print(f"ratio naive rule-engine / aiact_tiers: {naive / full:.1f}x")
    print(f"ratio aiact_tiers / hand-written:      {full / manual:.1f}x")
    if args.bytecodes:
        sample = slice(0, 300)
        counts = {
            "full classification, all facts known": bytecodes_per_call(
                lambda d: classify(d, as_of=DAY), known_described[sample]),
            "full classification, half unknown": bytecodes_per_call(
                lambda d: classify(d, as_of=DAY), half_described[sample]),
            "JSON Lines in -> compact JSON Lines out": bytecodes_per_call(
                lambda line: [json.dumps(r) for r in classify_jsonl([line], as_of=DAY)],
                lines[sample]),
        }
        for name, count in counts.items():
            print(f"Python bytecodes per system, {name}: {count:,.0f}")


if __name__ == "__main__":
    main()
