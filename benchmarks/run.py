"""Benchmarks, side by side in one run: salon-segment against the bare pandas reference on the same file.

    python benchmarks/run.py --lines 1000000

(a) reference: pandas.read_csv(dtype=str) + to_datetime/to_numeric with the formats known in advance + one
    groupby per client, as a child process like the commands (and in process, beside salon-segment's import);
(b) `salon-segment analyze --format json`, (c) `analyze --excel`, (d) each insight command, as child processes;
(e) peers, in memory on the same ledger: salon-segment's scoring against lifetimes'
    summary_data_from_transaction_data (when lifetimes is installed: pip install -e ".[bench]").
Repetitions alternate so that drift on a shared machine hits every line alike; medians, ratios to the
reference and each child's peak RSS are printed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write

from salon_segment import ledger as L
from salon_segment.importers import read_exports


def reference_import(path: Path) -> int:
    """What pandas needs at least: read as text, parse the date and amount columns with known formats, and one
    groupby per client (the generator's English headers)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["Appointment Date"] = pd.to_datetime(frame["Appointment Date"], format="%Y-%m-%d")
    frame["Price"] = pd.to_numeric(frame["Price"])
    per_client = frame.groupby("Client ID").agg(
        first=("Appointment Date", "min"),
        last=("Appointment Date", "max"),
        lines=("Price", "size"),
        spent=("Price", "sum"),
    )
    return len(per_client)


def salon_segment_import(path: Path) -> int:
    return len(read_exports([path]).ledger)


def command(args: list[str]) -> tuple[float, float]:
    """Run a salon-segment command as a subprocess: (seconds, the child's own peak RSS in MiB)."""
    return child_process([sys.executable, "-m", "salon_segment", *args])


# A small Python process starts each measured child and reports its time and peak RSS: a child forked from this
# (large) benchmark process would count the pages it inherited in its peak.
_STARTER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_pid, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss / 1024)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def child_process(argv: list[str]) -> tuple[float, float]:
    """Run a child process: (seconds, its own peak RSS in MiB)."""
    done = subprocess.run([sys.executable, "-c", _STARTER, *argv], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {done.returncode}: {done.stderr[-500:]}")
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def timed(function: Callable[[Path], int], path: Path) -> float:
    start = time.perf_counter()
    function(path)
    return time.perf_counter() - start


def excel_summary(clients: int) -> None:
    """Time the Excel summary for an analysis with ``clients`` clients (write-only openpyxl)."""
    import resource

    from salon_segment.render.excel_summary import write_summary
    from salon_segment.rules import Rules
    from salon_segment.scoring import analyze
    from salon_segment.scoring.periods import parse_duration
    from salon_segment.scoring.prune import prune_plan
    from salon_segment.scoring.trend import monthly_trend

    with tempfile.TemporaryDirectory() as folder:
        export = write(Path(folder) / "clients.csv", clients * 12, clients=clients)
        imported = read_exports([export])
        as_of = pd.Timestamp("2026-11-20")
        analysis = analyze(imported.ledger, as_of=as_of, rules=Rules())
        plan = prune_plan(imported.ledger, as_of=as_of, inactive=parse_duration("24m"))
        trend = monthly_trend(imported.ledger, as_of=as_of, rules=Rules())
        start = time.perf_counter()
        write_summary(Path(folder) / "summary.xlsx", analysis=analysis, reports=imported.reports, plan=plan,
                      trend=trend, version="bench")  # fmt: skip
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows = len(analysis.clients)
        print(f"excel summary: {rows:,} client rows in {seconds:.2f} s (process peak RSS {peak:,.0f} MiB)")


def scoring_and_insights(path: Path) -> None:
    """Time the pure scoring and every insight on a ledger already in memory."""
    from salon_segment.rules import Rules
    from salon_segment.scoring import analyze
    from salon_segment.scoring.card import client_card, find_clients
    from salon_segment.scoring.services import load_heatmap, services_summary, sources_summary
    from salon_segment.scoring.staff import staff_summary
    from salon_segment.scoring.trend import churn_by_visit_number, compare_windows, period_trend

    ledger = read_exports([path]).ledger
    as_of, rules = pd.Timestamp("2026-11-20"), Rules()
    start = time.perf_counter()
    analysis = analyze(ledger, as_of=as_of, rules=rules)
    print(f"{'scoring (analyze)':<28}{time.perf_counter() - start:>8.2f} s")
    clients = analysis.clients
    steps = {
        "staff": lambda: staff_summary(ledger, clients, as_of=as_of, rules=rules),
        "services": lambda: services_summary(ledger, clients, as_of=as_of),
        "load": lambda: load_heatmap(ledger, as_of=as_of),
        "sources": lambda: sources_summary(ledger, clients, as_of=as_of),
        "trend + churn + compare": lambda: (
            period_trend(ledger, as_of=as_of, rules=rules),
            churn_by_visit_number(ledger, as_of=as_of, rules=rules),
            compare_windows(ledger, as_of=as_of, start=pd.Timestamp("2026-05-01"), rules=rules),
        ),
        "client card": lambda: client_card(
            ledger, find_clients(clients, str(clients["client"].iloc[0])).iloc[0], as_of=as_of, rules=rules
        ),
    }
    for name, step in steps.items():
        start = time.perf_counter()
        step()
        print(f"{name:<28}{time.perf_counter() - start:>8.2f} s")


def peers(path: Path, repeat: int) -> None:
    """In memory, on the same ledger: salon-segment's scoring against lifetimes' per-client summary."""
    from salon_segment.rules import Rules
    from salon_segment.scoring import analyze
    from salon_segment.scoring.visits import completed_lines

    ledger = read_exports([path]).ledger
    as_of, rules = pd.Timestamp("2026-11-20"), Rules()
    steps: dict[str, Callable[[], object]] = {
        "salon-segment scoring (analyze)": lambda: analyze(ledger, as_of=as_of, rules=rules)
    }
    try:
        from lifetimes.utils import summary_data_from_transaction_data
    except ImportError:
        print('peers: lifetimes is not installed (pip install -e ".[bench]"); only salon-segment\'s scoring is timed')
    else:
        lines = completed_lines(ledger, as_of, [L.CLIENT, L.DATE, L.AMOUNT])
        steps["lifetimes summary_data_from_transaction_data"] = lambda: summary_data_from_transaction_data(
            lines, L.CLIENT, L.DATE, monetary_value_col=L.AMOUNT, observation_period_end=as_of
        )
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeat):
        for name, step in steps.items():
            start = time.perf_counter()
            step()
            times[name].append(time.perf_counter() - start)
    print(f"\npeers, in memory on the same {len(ledger):,}-line ledger")
    for name, values in times.items():
        print(f"{name:<48}{statistics.median(values):>8.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", type=Path, help="use this export instead of generating one")
    parser.add_argument("--excel-clients", type=int, default=0, help="also time the Excel summary for N clients")
    parser.add_argument("--insights", action="store_true", help="also time scoring and every insight in memory")
    parser.add_argument("--quick", action="store_true", help="only the reference, the import and analyze")
    parser.add_argument("--reference-only", type=Path, help=argparse.SUPPRESS)  # the reference's child process
    args = parser.parse_args()
    if args.reference_only:
        reference_import(args.reference_only)
        return
    if args.excel_clients:
        excel_summary(args.excel_clients)
    with tempfile.TemporaryDirectory() as folder:
        path = args.file or write(Path(folder) / f"salon-{args.lines}.csv", args.lines)
        size = path.stat().st_size / 2**20
        lines = f"{args.lines:,} lines" if args.file is None else "given file"
        print(f"file: {path.name}, {lines}, {size:,.0f} MiB")
        excel = Path(folder) / "summary.xlsx"
        as_of = ["--as-of", "2026-11-20"]
        commands = {
            "analyze --format json": ["analyze", str(path), *as_of, "--format", "json"],
            "analyze --excel": ["analyze", str(path), *as_of, "--excel", str(excel), "--quiet", "--force"],
            "staff": ["staff", str(path), *as_of, "--format", "json"],
            "services": ["services", str(path), *as_of, "--format", "json"],
            "load": ["load", str(path), *as_of, "--format", "json"],
            "trend": ["trend", str(path), *as_of, "--format", "json"],
            "client": ["client", str(path), "Client 0000001", *as_of, "--format", "json"],
        }
        if args.quick:
            commands = dict(list(commands.items())[:1])
        reference = "reference (child process)"
        runs: dict[str, list[float]] = {
            reference: [],
            "reference (in process)": [],
            "salon-segment import (in process)": [],
        }
        memory: dict[str, float] = {}
        for _ in range(args.repeat):  # alternate, so drift on a shared machine hits every line alike
            seconds, memory[reference] = child_process([sys.executable, __file__, "--reference-only", str(path)])
            runs[reference].append(seconds)
            runs["reference (in process)"].append(timed(reference_import, path))
            runs["salon-segment import (in process)"].append(timed(salon_segment_import, path))
            for name, arguments in commands.items():
                seconds, peak = command(arguments)
                runs.setdefault(name, []).append(seconds)
                memory[name] = max(memory.get(name, 0.0), peak)
        base = statistics.median(runs[reference])
        print(f"{'what':<36}{'median s':>10}{'× ref':>8}{'peak MiB':>10}")
        for name, times in runs.items():
            median = statistics.median(times)
            peak = f"{memory[name]:>10,.0f}" if name in memory else f"{'':>10}"
            print(f"{name:<36}{median:>10.2f}{median / base:>8.2f}{peak}")
        print(
            "(× ref: against the reference run as a child process, like the commands: interpreter and imports included)"
        )
        if not args.quick:
            peers(path, args.repeat)
        if args.insights:
            scoring_and_insights(path)


if __name__ == "__main__":
    main()
