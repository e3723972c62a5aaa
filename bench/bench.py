#!/usr/bin/env python3
"""Side-by-side benchmark of dossier, the DuckDB CLI and sqlite3 (SPEC §9, issue 6).

    make bench                       # 10k, 100k and 1M rows, CSV and JSON Lines, 5 rounds
    python3 bench/bench.py --sizes 1000000 --rounds 7
    python3 bench/bench.py --sizes 1000000 --baseline /tmp/dossier-before   # also an older build

With --baseline, each dossier measurement also runs the older binary in the same round, and a
last column gives the median of the paired now/before ratios: what a change cost or saved.

Every measurement is a whole process, run in interleaved rounds (dossier, DuckDB, sqlite3,
then again), so a noisy neighbour hurts all three alike. It prints medians with min–max and
the median of the per-round dossier/DuckDB ratios, plus peak memory (GNU time's max RSS).
DuckDB queries the file directly; sqlite3 imports it into typed columns first.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DOSSIER = os.path.join(ROOT, ".build", "release", "dossier")

FILTER = ("count t where concern = rights and deportees > 5000",
          "select count(*) from {src} where concern = 'rights' and deportees > 5000")
GROUP = ("count t by region",
         "select region, count(*) as count from {src} group by region order by count desc, region")
TOP = ("t sort by deportees desc limit 10",
       "select * from {src} order by deportees desc limit 10")
# Exact decimal sums, and the alphabetical order of a column of a million distinct names.
SUM = ("t summarize sum(aid_musd) as total by region",
       "select region, sum(aid_musd) as total from {src} group by region order by region")
SORT_TEXT = ("t sort by name limit 10",
             "select * from {src} order by name limit 10")
WORKLOADS = [("load + filter count", FILTER), ("load + count by region", GROUP), ("load + top 10", TOP),
             ("load + sum by region", SUM), ("load + sort by name, top 10", SORT_TEXT)]

SQLITE_SCHEMA = ("create table t(id integer, name text, region text, status text, concern text, "
                 "deportees integer, aid_musd real, agreed text, date text, tags text);")


def duckdb_binary():
    try:
        import duckdb_cli  # the pip package ships the native binary next to its launcher
        path = os.path.join(os.path.dirname(duckdb_cli.__file__), "duckdb")
        if os.access(path, os.X_OK):
            return path
    except ImportError:
        pass
    found = shutil.which("duckdb")
    if found and open(found, "rb").read(2) != b"#!":
        return found
    return None


def timed(command, stdin=None):
    """Wall time of a whole process, in seconds."""
    start = time.perf_counter()
    result = subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stderr[:500]}")
    return elapsed


def peak_memory_kib(command, stdin=None):
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, input=stdin, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


class Tools:
    def __init__(self, path, kind):
        self.path, self.kind = path, kind
        self.duckdb = duckdb_binary()
        self.sqlite = shutil.which("sqlite3") if kind == "csv" else None
        source = "read_json_auto('{}')" if kind == "jsonl" else "read_csv('{}')"
        self.source = source.format(path)

    def dossier(self, query, binary=None):
        return [binary or DOSSIER, "--empty", "--no-history", "--format", "csv", "-c", f"load {self.path} as t", "-c", query]

    def duck(self, sql):
        return [self.duckdb, "-c", sql.format(src=self.source)]

    def sqlite_commands(self, sql):
        script = f"{SQLITE_SCHEMA}\n.import --csv --skip 1 {self.path} t\n{sql.format(src='t')};\n"
        return [self.sqlite, ":memory:"], script


def stats(values):
    return statistics.median(values), min(values), max(values)


def fmt_seconds(values):
    if not values:
        return "—"
    median, low, high = stats(values)
    unit = lambda v: f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"
    return f"{unit(median)} ({unit(low)}–{unit(high)})"


def measure_whole(tools, rounds, baseline=None):
    rows = []
    for label, (dossier_query, sql) in WORKLOADS:
        times = {"dossier": [], "duckdb": [], "sqlite3": [], "before": []}
        for _ in range(rounds):
            times["dossier"].append(timed(tools.dossier(dossier_query)))
            if baseline:
                times["before"].append(timed(tools.dossier(dossier_query, baseline)))
            if tools.duckdb:
                times["duckdb"].append(timed(tools.duck(sql)))
            if tools.sqlite:
                command, script = tools.sqlite_commands(sql)
                times["sqlite3"].append(timed(command, stdin=script))
        rows.append((label, times))
    return rows


def measure_startup(rounds, duckdb):
    times = {"dossier": [], "duckdb": [], "sqlite3": []}
    sqlite = shutil.which("sqlite3")
    for _ in range(rounds):
        times["dossier"].append(timed([DOSSIER, "--empty", "--no-history", "-c", "quit"]))
        if duckdb:
            times["duckdb"].append(timed([duckdb, "-c", "select 1"]))
        if sqlite:
            times["sqlite3"].append(timed([sqlite, ":memory:", "select 1;"]))
    return times


TIMER = {
    "dossier": re.compile(r"time: ([0-9.]+) (ms|s)"),
    "duckdb": re.compile(r"Run Time \(s\): real ([0-9.]+)"),
    "sqlite3": re.compile(r"Run Time: real ([0-9.]+)"),
}


def query_alone(tools, repeats=7):
    """Per-query time on loaded data, as each shell's own timer reports it (median of repeats)."""
    results = {}
    for label, (dossier_query, sql) in WORKLOADS:
        name = label.replace("load + ", "")
        row = {}
        commands = [DOSSIER, "--empty", "--no-history", "--format", "csv", "-c", f"load {tools.path} as t",
                    "-c", "set timer on"] + sum([["-c", dossier_query] for _ in range(repeats)], [])
        output = subprocess.run(commands, capture_output=True, text=True).stderr
        row["dossier"] = [float(v) / (1000 if u == "ms" else 1) for v, u in TIMER["dossier"].findall(output)][-repeats:]
        if tools.duckdb:
            script = f"create table t as select * from {tools.source};\n.timer on\n" + \
                     "".join(sql.format(src="t") + ";\n" for _ in range(repeats))
            output = subprocess.run([tools.duckdb], input=script, capture_output=True, text=True).stdout
            row["duckdb"] = [float(v) for v in TIMER["duckdb"].findall(output)]
        if tools.sqlite:
            script = f"{SQLITE_SCHEMA}\n.import --csv --skip 1 {tools.path} t\n.timer on\n" + \
                     "".join(sql.format(src="t") + ";\n" for _ in range(repeats))
            output = subprocess.run([tools.sqlite, ":memory:"], input=script, capture_output=True, text=True).stdout
            row["sqlite3"] = [float(v) for v in TIMER["sqlite3"].findall(output)]
        results[name] = row
    return results


def memory(tools):
    row = {"dossier": peak_memory_kib([DOSSIER, "--empty", "--no-history", "-c", f"load {tools.path} as t"])}
    if tools.duckdb:
        row["duckdb"] = peak_memory_kib([tools.duckdb, "-c", f"create table t as select * from {tools.source}"])
    if tools.sqlite:
        command, script = tools.sqlite_commands("select count(*) from t")
        row["sqlite3"] = peak_memory_kib(command, stdin=script)
    return row


def ratio(dossier, duckdb):
    if not dossier or not duckdb:
        return "—"
    paired = [d / k for d, k in zip(dossier, duckdb)]
    return f"{statistics.median(paired):.2f}×"


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = []
    for name, command in [("swift", ["swift", "--version"]), ("sqlite3", ["sqlite3", "--version"])]:
        try:
            versions.append(f"{name} " + subprocess.run(command, capture_output=True, text=True).stdout.split("\n")[0].strip())
        except OSError:
            pass
    duck = duckdb_binary()
    if duck:
        versions.append("duckdb " + subprocess.run([duck, "--version"], capture_output=True, text=True).stdout.strip())
    return f"{platform.node()}: {os.cpu_count()} cores, {cpu}; " + "; ".join(versions)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--formats", default="csv,jsonl")
    parser.add_argument("--baseline", help="an older dossier binary, run in the same rounds for now/before ratios")
    arguments = parser.parse_args()
    if not os.access(DOSSIER, os.X_OK):
        sys.exit("build first: swift build -c release --product dossier")
    duck = duckdb_binary()
    print(f"machine: {machine()}")
    print(f"rounds: {arguments.rounds}, whole processes, interleaved; medians (min–max); ratio = median of paired dossier/DuckDB")
    print("query-alone times are each shell's own timer (DuckDB's and sqlite3's print whole milliseconds)")
    if not duck:
        print("DuckDB CLI not found: pip install duckdb-cli")
    print()
    startup = measure_startup(max(arguments.rounds * 4, 20), duck)
    print("| start-up to exit, nothing loaded | sqlite3 | DuckDB | dossier | dossier/DuckDB |")
    print("|---|---|---|---|---|")
    print(f"| | {fmt_seconds(startup['sqlite3'])} | {fmt_seconds(startup['duckdb'])} | {fmt_seconds(startup['dossier'])} | {ratio(startup['dossier'], startup['duckdb'])} |")
    for kind in arguments.formats.split(","):
        for size in [int(s) for s in arguments.sizes.split(",")]:
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(size), os.path.join(HERE, "data")], check=True)
            path = os.path.join(HERE, "data", f"rows-{size}.{kind}")
            megabytes = os.path.getsize(path) / 1e6
            tools = Tools(path, kind)
            print(f"\n### {size:,} rows, {kind.upper()} ({megabytes:.0f} MB)\n")
            before = " | before | now/before" if arguments.baseline else ""
            print(f"| whole process | sqlite3 (typed import) | DuckDB CLI | dossier | dossier/DuckDB{before} |")
            print("|---|---|---|---|---|" + ("---|---|" if arguments.baseline else ""))
            for label, times in measure_whole(tools, arguments.rounds, arguments.baseline):
                extra = f" | {fmt_seconds(times['before'])} | {ratio(times['dossier'], times['before'])}" if arguments.baseline else ""
                print(f"| {label} | {fmt_seconds(times['sqlite3'])} | {fmt_seconds(times['duckdb'])} | {fmt_seconds(times['dossier'])} | {ratio(times['dossier'], times['duckdb'])}{extra} |")
            alone = query_alone(tools)
            print()
            print("| query alone on loaded data (own timers) | sqlite3 | DuckDB | dossier | dossier/DuckDB |")
            print("|---|---|---|---|---|")
            for name, row in alone.items():
                ms = lambda values: "—" if not values else f"{statistics.median(values) * 1000:.1f} ms"
                dossier_ms = statistics.median(row["dossier"]) if row.get("dossier") else None
                duck_ms = statistics.median(row["duckdb"]) if row.get("duckdb") else None
                paired = f"{dossier_ms / duck_ms:.2f}×" if dossier_ms and duck_ms else "—"
                print(f"| {name} | {ms(row.get('sqlite3'))} | {ms(row.get('duckdb'))} | {ms(row.get('dossier'))} | {paired} |")
            peak = memory(tools)
            print()
            mib = lambda kib: "—" if kib is None else f"{kib / 1024:.0f} MiB"
            goal = f"; goal ≤ 1.5× the file = {1.5 * megabytes / 1.048576:.0f} MiB" if size >= 1_000_000 else ""
            print(f"peak memory, loaded: sqlite3 {mib(peak.get('sqlite3'))}, DuckDB {mib(peak.get('duckdb'))}, "
                  f"dossier {mib(peak['dossier'])} (file {megabytes / 1.048576:.0f} MiB{goal})")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
