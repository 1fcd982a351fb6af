"""salon-segment analyze against DuckDB on the same headline figures, side by side in one run (issue 19).

    python benchmarks/duckdb_compare.py                      # 100k and 1M lines, 3 repetitions
    python benchmarks/duckdb_compare.py --sizes 1m --repeat 5
    python benchmarks/duckdb_compare.py --ten-million        # also 10M lines (generated on demand, slow)
    python benchmarks/duckdb_compare.py --shape eu           # ';', dd-mm-yyyy, decimal comma, Dutch words
    python benchmarks/duckdb_compare.py --file export.csv --shape eu   # any export of the generator's columns
    python benchmarks/duckdb_compare.py --sizes 1m --prune   # also `prune --keep-out`, alternating with analyze

(a) `salon-segment analyze FILE --format json --as-of DATE` as a child process (the return forecast included,
    as the command runs by default);
(b) a DuckDB query, also as a child process (interpreter start-up and `import duckdb` included), that computes
    from the same raw CSV: per-client visit days (completed lines on or before as_of, one per client and day),
    first and last visit, revenue, the number of clients with a visit, the 12-month Pareto top-20% revenue share
    (clients with positive revenue in as_of - 12 months < day <= as_of; top = ceil(0.2 × n) clients by revenue)
    and the lost count (last visit before as_of - 2 calendar months).
Repetitions alternate between (a) and (b) so that drift on a shared machine hits both alike; medians of wall
time and of the child's CPU time (user + system, from wait4) are printed with their ratios, after checking that
both agree on the clients, the top-20% share (to 1e-6) and the lost count.

Files come from benchmarks/generate.py (English shape: ',' delimiter, ISO dates, decimal point, statuses
Completed / No show / Cancelled / Confirmed; or ``--shape eu``: ';', dd-mm-yyyy, decimal comma, Dutch headers and
statuses); missing ones are generated into --dir (``1m.csv``, ``1m-eu.csv``, ...).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import EU_HEADER, EU_WORDS, HEADER, write

AS_OF = "2026-11-20"
SIZES = {"100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
SHARE_TOLERANCE = 1e-6

# Same rules as salon-segment's defaults: completed service/product lines up to as_of, one visit per client-day,
# Pareto over as_of - 12 months < day <= as_of among clients with positive revenue there, lost = last visit
# before as_of - 2 months. DuckDB's date - INTERVAL clamps month ends like pd.DateOffset.
QUERY_TEMPLATE = """
WITH lines AS (
    SELECT "{client}" AS client, "{date}" AS day, "{price}" AS amount
    FROM read_csv(?, header = true, delim = '{delim}', quote = '"', dateformat = '{dateformat}',
                  decimal_separator = '{decimal}', columns = {{{columns}}})
    WHERE "{status}" = '{completed}' AND "{date}" <= CAST(? AS DATE)
),
visit_days AS (
    SELECT client, day, sum(amount) AS revenue FROM lines GROUP BY client, day
),
per_client AS (
    SELECT client, min(day) AS first_visit, max(day) AS last_visit, count(*) AS visits, sum(revenue) AS revenue,
           sum(revenue) FILTER (WHERE day > CAST(? AS DATE) - INTERVAL 12 MONTH) AS revenue_12m
    FROM visit_days GROUP BY client
),
ranked AS (
    SELECT revenue_12m, row_number() OVER (ORDER BY revenue_12m DESC) AS rank, count(*) OVER () AS n
    FROM per_client WHERE revenue_12m > 0
)
SELECT
    (SELECT count(*) FROM per_client) AS clients,
    (SELECT count(*) FROM per_client WHERE last_visit < CAST(? AS DATE) - INTERVAL 2 MONTH) AS lost,
    (SELECT sum(revenue_12m) FILTER (WHERE rank <= ceil(0.2 * n - 1e-9)) / sum(revenue_12m) FROM ranked) AS top20
"""

_TYPES = {"Appointment Date": "DATE", "Price": "DOUBLE"}


def query(shape: str) -> str:
    """The query for the generator's English or European shape (the column types given, not sniffed)."""
    names = dict(zip(HEADER, HEADER, strict=True)) if shape == "en" else EU_HEADER
    columns = ", ".join(f"'{names[h]}': '{_TYPES.get(h, 'VARCHAR')}'" for h in HEADER)
    return QUERY_TEMPLATE.format(
        client=names["Client ID"], date=names["Appointment Date"], price=names["Price"], status=names["Status"],
        delim="," if shape == "en" else ";", dateformat="%Y-%m-%d" if shape == "en" else "%d-%m-%Y",
        decimal="." if shape == "en" else ",", columns=columns,
        completed="Completed" if shape == "en" else EU_WORDS["Status"]["Completed"],
    )  # fmt: skip


# The DuckDB child: interpreter start-up, `import duckdb`, the query; prints its figures as JSON.
_DUCKDB_CHILD = """
import json, sys
import duckdb
path, as_of, query = sys.argv[1], sys.argv[2], sys.argv[3]
connection = duckdb.connect()
connection.execute("SET enable_progress_bar = false")  # a long query would print one to stdout
clients, lost, top20 = connection.execute(query, [path, as_of, as_of, as_of]).fetchone()
print(json.dumps({"clients": clients, "lost": lost, "top20": top20}))
"""

# A small Python process starts each measured child and reports its wall time and its own CPU time (wait4), so
# that neither counts this benchmark's pages or start-up; the child's stdout goes to a file.
_STARTER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:], stdout=open(sys.argv[1], "wb"))
_pid, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - start
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def timed_child(argv: list[str], output: Path) -> tuple[float, float, float, str]:
    """Run argv as a child: (wall seconds, CPU seconds, peak RSS MiB, its stdout)."""
    done = subprocess.run([sys.executable, "-c", _STARTER, str(output), *argv], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {done.returncode}: {done.stderr[-800:]}")
    wall, cpu, peak = (float(value) for value in done.stdout.split())
    return wall, cpu, peak, output.read_text(encoding="utf-8")


def salon_segment_figures(report: str) -> dict[str, float]:
    document = json.loads(report)
    return {
        "clients": document["totals"]["clients"],
        "lost": document["segments"]["lost"]["clients"],
        "top20": document["pareto"]["top_clients_revenue_share"],  # the top 20% by default
    }


def agree(ours: dict[str, float], theirs: dict[str, float]) -> list[str]:
    """The differences between the two answers (empty when they agree)."""
    problems = [f"{name}: salon-segment {ours[name]} vs DuckDB {theirs[name]}" for name in ("clients", "lost")
                if int(ours[name]) != int(theirs[name])]  # fmt: skip
    if (
        ours["top20"] is None
        or theirs["top20"] is None
        or not math.isclose(ours["top20"], theirs["top20"], rel_tol=0, abs_tol=SHARE_TOLERANCE)
    ):
        problems.append(f"top-20% share: salon-segment {ours['top20']} vs DuckDB {theirs['top20']}")
    return problems


def ensure_file(folder: Path, name: str, lines: int, shape: str) -> Path:
    path = folder / (f"{name}.csv" if shape == "en" else f"{name}-{shape}.csv")
    if not path.exists():
        print(f"generating {path} ({lines:,} lines) ...", flush=True)
        write(path, lines, shape=shape)
    return path


def compare(path: Path, repeat: int, as_of: str, scratch: Path, shape: str = "en") -> dict[str, float]:
    """Alternate analyze and DuckDB ``repeat`` times on one file; print and return the medians and ratios."""
    analyze = [sys.executable, "-m", "salon_segment", "analyze", str(path), "--format", "json", "--as-of", as_of]
    duckdb = [sys.executable, "-c", _DUCKDB_CHILD, str(path), as_of, query(shape)]
    runs: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": [], "peak": []} for name in ("ss", "db")}
    for index in range(repeat):
        order = [("ss", analyze), ("db", duckdb)]
        if index % 2:  # alternate which one goes first, too
            order.reverse()
        answers = {}
        for name, argv in order:
            wall, cpu, peak, out = timed_child(argv, scratch / f"{name}.out")
            runs[name]["wall"].append(wall)
            runs[name]["cpu"].append(cpu)
            runs[name]["peak"].append(peak)
            answers[name] = salon_segment_figures(out) if name == "ss" else json.loads(out)
        problems = agree(answers["ss"], answers["db"])
        if problems:
            raise SystemExit(f"{path.name}: the answers differ: " + "; ".join(problems))
    median = {name: {key: statistics.median(values) for key, values in run.items()} for name, run in runs.items()}
    ss, db = median["ss"], median["db"]
    figures = answers["ss"]
    load = os.getloadavg()
    print(f"\n{path.name}: {path.stat().st_size / 2**20:,.0f} MiB, as of {as_of}, {repeat} repetitions; "
          f"both agree: {figures['clients']:,} clients, top-20% share {figures['top20']:.6f}, "
          f"{figures['lost']:,} lost; load average now {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")  # fmt: skip
    print(f"{'':<34}{'wall s':>9}{'CPU s':>9}{'peak MiB':>10}")
    print(f"{'salon-segment analyze --format json':<34}{ss['wall']:>9.2f}{ss['cpu']:>9.2f}{ss['peak']:>10,.0f}")
    print(f"{'DuckDB query (child process)':<34}{db['wall']:>9.2f}{db['cpu']:>9.2f}{db['peak']:>10,.0f}")
    wall_ratio, cpu_ratio = ss["wall"] / db["wall"], ss["cpu"] / db["cpu"]
    walls = ", ".join(f"{a / b:.2f}" for a, b in zip(runs["ss"]["wall"], runs["db"]["wall"], strict=True))
    print(f"{'ratio (analyze / DuckDB)':<34}{wall_ratio:>8.2f}x{cpu_ratio:>8.2f}x")
    print(f"(wall-time ratio per repetition: {walls})")
    return {"wall": wall_ratio, "cpu": cpu_ratio}


def compare_prune(path: Path, repeat: int, as_of: str, scratch: Path) -> float:
    """`prune FILE --keep-out COPY` (the cleaned copy written) against `analyze --format json`, alternating."""
    kept = scratch / "kept.csv"
    analyze = [sys.executable, "-m", "salon_segment", "analyze", str(path), "--format", "json", "--as-of", as_of]
    prune = [sys.executable, "-m", "salon_segment", "prune", str(path), "--as-of", as_of, "--format", "json",
             "--keep-out", str(kept), "--force"]  # fmt: skip
    runs: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": [], "peak": []} for name in ("an", "pr")}
    for index in range(repeat):
        order = [("an", analyze), ("pr", prune)]
        if index % 2:
            order.reverse()
        for name, argv in order:
            kept.unlink(missing_ok=True)
            wall, cpu, peak, _out = timed_child(argv, scratch / f"{name}.out")
            for key, value in (("wall", wall), ("cpu", cpu), ("peak", peak)):
                runs[name][key].append(value)
    kept.unlink(missing_ok=True)
    median = {name: {key: statistics.median(values) for key, values in run.items()} for name, run in runs.items()}
    an, pr = median["an"], median["pr"]
    print(f"\n{path.name}: prune --keep-out against analyze --format json, {repeat} repetitions")
    print(f"{'':<34}{'wall s':>9}{'CPU s':>9}{'peak MiB':>10}")
    print(f"{'salon-segment analyze --format json':<34}{an['wall']:>9.2f}{an['cpu']:>9.2f}{an['peak']:>10,.0f}")
    print(f"{'salon-segment prune --keep-out':<34}{pr['wall']:>9.2f}{pr['cpu']:>9.2f}{pr['peak']:>10,.0f}")
    print(f"{'ratio (prune / analyze)':<34}{pr['wall'] / an['wall']:>8.2f}x{pr['cpu'] / an['cpu']:>8.2f}x")
    return pr["wall"] / an["wall"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=["100k", "1m"], default=["100k", "1m"])
    parser.add_argument("--ten-million", action="store_true", help="also 10M lines (about 1.1 GiB, generated once)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/work/bench"), help="where the exports are (or go)")
    parser.add_argument("--as-of", default=AS_OF)
    parser.add_argument("--shape", choices=["en", "eu"], default="en", help="the export's shape (generate.py)")
    parser.add_argument("--file", type=Path, nargs="*", default=[], help="these exports instead of --sizes")
    parser.add_argument("--prune", action="store_true", help="also time prune --keep-out against analyze")
    args = parser.parse_args()
    sizes = [*args.sizes, *(["10m"] if args.ten_million else [])]
    print(f"{os.cpu_count()} CPUs, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB, "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")  # fmt: skip
    args.dir.mkdir(parents=True, exist_ok=True)
    scratch = args.dir / ".duckdb_compare"
    scratch.mkdir(exist_ok=True)
    files = args.file or [ensure_file(args.dir, size, SIZES[size], args.shape) for size in sizes]
    for path in files:
        compare(path, args.repeat, args.as_of, scratch, args.shape)
        if args.prune:
            compare_prune(path, args.repeat, args.as_of, scratch)


if __name__ == "__main__":
    main()
