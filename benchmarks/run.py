"""Benchmarks, side by side in one run: salon-segment against the bare pandas reference on the same file.

    python benchmarks/run.py --lines 1000000

(a) reference: pandas.read_csv(dtype=str) + to_datetime/to_numeric with the formats known in advance;
(b) salon-segment's import (read_exports) of the same file.
Repetitions alternate between the two so that drift on a shared machine hits both alike; medians are printed.
"""

from __future__ import annotations

import argparse
import os
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

from salon_segment.importers import read_exports


def reference_import(path: Path) -> int:
    """What pandas needs at least: read as text, parse the date and amount columns with known formats."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["Appointment Date"] = pd.to_datetime(frame["Appointment Date"], format="%Y-%m-%d")
    frame["Price"] = pd.to_numeric(frame["Price"])
    return len(frame)


def salon_segment_import(path: Path) -> int:
    return len(read_exports([path]).ledger)


def command(args: list[str]) -> tuple[float, float]:
    """Run a salon-segment command as a subprocess: (seconds, the child's own peak RSS in MiB)."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "salon_segment", *args], stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"salon-segment {' '.join(args)} failed with exit code {child.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", type=Path, help="use this export instead of generating one")
    parser.add_argument("--excel-clients", type=int, default=0, help="also time the Excel summary for N clients")
    parser.add_argument("--insights", action="store_true", help="also time scoring and every insight in memory")
    parser.add_argument("--quick", action="store_true", help="only the reference, the import and analyze")
    args = parser.parse_args()
    if args.excel_clients:
        excel_summary(args.excel_clients)
    with tempfile.TemporaryDirectory() as folder:
        path = args.file or write(Path(folder) / f"salon-{args.lines}.csv", args.lines)
        size = path.stat().st_size / 2**20
        lines = f"{args.lines:,} lines" if args.file is None else "given file"
        print(f"file: {path.name}, {lines}, {size:,.0f} MiB")
        excel = Path(folder) / "summary.xlsx"
        commands = {
            "analyze --format json": ["analyze", str(path), "--as-of", "2026-11-20", "--format", "json"],
            "analyze --excel": [
                "analyze",
                str(path),
                "--as-of",
                "2026-11-20",
                "--excel",
                str(excel),
                "--quiet",
                "--force",
            ],
            "staff": ["staff", str(path), "--as-of", "2026-11-20", "--format", "json"],
            "services": ["services", str(path), "--as-of", "2026-11-20", "--format", "json"],
            "load": ["load", str(path), "--as-of", "2026-11-20", "--format", "json"],
            "trend": ["trend", str(path), "--as-of", "2026-11-20", "--format", "json"],
        }
        if args.quick:
            commands = dict(list(commands.items())[:1])
        runs: dict[str, list[float]] = {"reference (in process)": [], "salon-segment import": []}
        memory: dict[str, float] = {}
        for _ in range(args.repeat):  # alternate, so drift on a shared machine hits every line alike
            runs["reference (in process)"].append(timed(reference_import, path))
            runs["salon-segment import"].append(timed(salon_segment_import, path))
            for name, arguments in commands.items():
                seconds, peak = command(arguments)
                runs.setdefault(name, []).append(seconds)
                memory[name] = max(memory.get(name, 0.0), peak)
        base = statistics.median(runs["reference (in process)"])
        print(f"{'what':<26}{'median s':>10}{'ratio':>8}{'peak MiB':>10}")
        for name, times in runs.items():
            median = statistics.median(times)
            peak = f"{memory[name]:>10,.0f}" if name in memory else f"{'':>10}"
            print(f"{name:<26}{median:>10.2f}{median / base:>8.2f}{peak}")
        if args.insights:
            scoring_and_insights(path)


if __name__ == "__main__":
    main()
