#!/usr/bin/env python3
"""The db-benchmark groupby and join tasks on loaded data: dossier side by side with DuckDB.

    make bench-groupby                              # 1e6 rows, both tasks, 5 rounds
    N=1e7 make bench-groupby                        # the full size
    python3 bench/groupby.py --rows 1e6,1e7         # both sizes, plus a growth table
    python3 bench/groupby.py --task groupby --rounds 3 --rows 1e5

Data (written once to bench/data/, reused while the file exists; seeded, so a given N always
gives the same bytes):

- groupby, G1_<N>.csv: the task's G1_<N>_1e2_0_0 shape (K = 100): id1, id2 `id001`..`id100`;
  id3 `id0000000001`.. (N/K values); id4, id5 1..K; id6 1..N/K; v1 1..5; v2 1..15;
  v3 round(uniform(0, 100), 6), written with six decimals. Rows are independent draws.
- join, J1_<N>_{x,small,medium,big}.csv: join-datagen.R's shape. For each key level (id1 over
  N/1e6 keys, id2 over N/1e3, id3 over N) the keys 1..1.1n are shuffled and split into 90%
  shared, 10% only on the left (x), 10% only on the right; x draws every key of its side at
  least once (sample_all), each right table holds its own level's keys exactly once (small:
  id1, medium: id2, big: id3) and draws the coarser levels. id4..id6 are `id` + id1..id3;
  v1, v2 are round(uniform(0, 100), 6). Below 1e7 rows the right tables shrink with N
  (small has max(1, N/1e6) rows, so at most a few keys; under 10 keys nothing is one-sided).

Timing: each round runs ONE dossier process, then ONE DuckDB process, per task: each loads the
tables once, then runs every question, and the times are each tool's own timer for the
statement alone (dossier `set timer on`, DuckDB `.timer on`). Dossier questions end in
`| count`, so a result is computed whole but not printed; DuckDB's are
`create or replace table ans as ...`, as in the db-benchmark. The report gives medians and the
median of the paired per-round dossier/DuckDB ratios, the load time, and the peak memory
(GNU time's max RSS) of a process that loads and runs everything. A question dossier answers
with an error is "not expressible" and is not run again; a crash is reported and the round goes
on in a fresh process.

The dossier binary is copied once at start (waiting while it is missing or being rewritten),
so a rebuild during the run cannot mix two builds in one table.
"""
import argparse
import atexit
import functools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import namedtuple

try:
    import numpy as np
except ImportError:
    np = None

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, "data")
DOSSIER = os.path.join(ROOT, ".build", "release", "dossier")

K = 100                 # groupby: the number of id1, id2, id4 and id5 values
SEED = 108              # db-benchmark's seed (the bytes differ from its R generator's)
CHUNK = 1_000_000       # rows formatted at a time while writing a CSV
MARK = "bench_mark_"    # statements between questions, to tell whose output is whose

Question = namedtuple("Question", "label dossier sql")

GROUPBY = [
    Question("q1 sum v1 by id1",
             "x summarize sum(v1) as v1 by id1 | count",
             "select id1, sum(v1) as v1 from x group by id1"),
    Question("q2 sum v1 by id1:id2",
             "x summarize sum(v1) as v1 by id1, id2 | count",
             "select id1, id2, sum(v1) as v1 from x group by id1, id2"),
    Question("q3 sum v1 mean v3 by id3",
             "x summarize sum(v1) as v1, avg(v3) as v3 by id3 | count",
             "select id3, sum(v1) as v1, avg(v3) as v3 from x group by id3"),
    Question("q4 mean v1:v3 by id4",
             "x summarize avg(v1) as v1, avg(v2) as v2, avg(v3) as v3 by id4 | count",
             "select id4, avg(v1) as v1, avg(v2) as v2, avg(v3) as v3 from x group by id4"),
    Question("q5 sum v1:v3 by id6",
             "x summarize sum(v1) as v1, sum(v2) as v2, sum(v3) as v3 by id6 | count",
             "select id6, sum(v1) as v1, sum(v2) as v2, sum(v3) as v3 from x group by id6"),
    Question("q6 median v3 sd v3 by id4 id5",
             "x summarize median(v3) as median_v3, stddev(v3) as sd_v3 by id4, id5 | count",
             "select id4, id5, median(v3) as median_v3, stddev(v3) as sd_v3 from x group by id4, id5"),
    Question("q7 max v1 - min v2 by id3",
             "x summarize max(v1) - min(v2) as range_v1_v2 by id3 | count",
             "select id3, max(v1) - min(v2) as range_v1_v2 from x group by id3"),
    Question("q8 largest two v3 by id6",
             "x sort by v3 desc limit 2 per id6 select id6, v3 | count",
             "select id6, v3 from (select id6, v3, row_number() over (partition by id6 order by v3 desc) as n "
             "from x) where n <= 2"),
    Question("q9 regression v1 v2 by id2 id4",
             "x summarize corr(v1, v2) * corr(v1, v2) as r2 by id2, id4 | count",
             "select id2, id4, pow(corr(v1, v2), 2) as r2 from x group by id2, id4"),
    Question("q10 sum v3 count by id1:id6",
             "x summarize sum(v3) as v3, count() as count by id1, id2, id3, id4, id5, id6 | count",
             "select id1, id2, id3, id4, id5, id6, sum(v3) as v3, count(*) as count from x "
             "group by id1, id2, id3, id4, id5, id6"),
    # Scaling rows: the shapes most sensitive to N/K groups and to sorting text.
    Question("count by id3",
             "count x by id3 | count",
             "select id3, count(*) as count from x group by id3"),
    Question("sort by id3, v3, first 5",
             "x sort by id3, v3 | limit 5",
             "select * from x order by id3, v3 limit 5"),
    Question("sort by id3, v3 (full)",
             "x sort by id3, v3 | count",
             "select * from x order by id3, v3"),
    Question("distinct id3",
             "x distinct id3 | count",
             "select count(distinct id3) from x"),
]

JOIN = [
    Question("q1 small inner on int",
             "x join small on id1 = id1 | count",
             "select x.*, small.id4 as small_id4, v2 from x join small using (id1)"),
    Question("q2 medium inner on int",
             "x join medium on id2 = id2 | count",
             "select x.*, medium.id1 as medium_id1, medium.id4 as medium_id4, medium.id5 as medium_id5, v2 "
             "from x join medium using (id2)"),
    Question("q3 medium outer on int",
             "x left join medium on id2 = id2 | count",
             "select x.*, medium.id1 as medium_id1, medium.id4 as medium_id4, medium.id5 as medium_id5, v2 "
             "from x left join medium using (id2)"),
    Question("q4 medium inner on string",
             "x join medium on id5 = id5 | count",
             "select x.*, medium.id1 as medium_id1, medium.id2 as medium_id2, medium.id4 as medium_id4, v2 "
             "from x join medium using (id5)"),
    Question("q5 big inner on int",
             "x join big on id3 = id3 | count",
             "select x.*, big.id1 as big_id1, big.id2 as big_id2, big.id4 as big_id4, big.id5 as big_id5, "
             "big.id6 as big_id6, v2 from x join big using (id3)"),
]

TASKS = {"groupby": GROUPBY, "join": JOIN}


# ---------------------------------------------------------------------------------------------
# Tools and machine: the same as bench/bench.py's

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import duckdb_binary, machine  # noqa: E402


def snapshot_dossier(path, patience=600):
    """A private copy of the dossier binary, taken once its size holds still and it runs.

    The binary may be rebuilt (or briefly missing) while the benchmark runs; every round then
    still measures the same build."""
    folder = tempfile.mkdtemp(prefix="dossier-bench-")
    atexit.register(shutil.rmtree, folder, True)
    copy = os.path.join(folder, "dossier")
    deadline = time.monotonic() + patience
    while True:
        try:
            size = os.path.getsize(path)
            time.sleep(2)
            if os.access(path, os.X_OK) and os.path.getsize(path) == size:
                shutil.copy2(path, copy)
                version = subprocess.run([copy, "--version"], capture_output=True, text=True, timeout=30)
                if version.returncode == 0:
                    built = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(copy)))
                    return copy, f"{version.stdout.strip()} (built {built})"
        except (OSError, subprocess.SubprocessError):
            pass
        if time.monotonic() > deadline:
            sys.exit(f"no runnable dossier at {path}: build first (make build)")
        progress(f"waiting for {path} (being rebuilt?)")
        time.sleep(5)


def progress(message):
    """A progress line on stderr: stdout is the report."""
    print(f"· {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Data

def sci(n):
    """1000000 → '1e6' (the db-benchmark's file names); other counts as digits."""
    mantissa, exponent = n, 0
    while mantissa % 10 == 0 and mantissa >= 10:
        mantissa, exponent = mantissa // 10, exponent + 1
    return f"{mantissa}e{exponent}" if exponent and mantissa < 10 else str(n)


def parse_rows(text):
    """'1e6,1e7' → [1000000, 10000000]."""
    return [int(float(part)) for part in text.split(",") if part.strip()]


@functools.lru_cache(maxsize=None)
def decimal_parts():
    """The texts '0.'..'100.' and '000000'..'999999', built once, as object arrays."""
    whole = np.array([f"{i}." for i in range(101)], dtype=object)
    fraction = np.array([f"{i:06d}" for i in range(1_000_000)], dtype=object)
    return whole, fraction


def micros(rng, size):
    """round(uniform(0, 100), 6), in millionths."""
    return np.round(rng.uniform(0, 100, size) * 1e6).astype(np.int64)


def decimals(values):
    """Millionths as text with exactly six decimals: 1500000 → '1.500000'."""
    whole, fraction = decimal_parts()
    return (whole[values // 1_000_000] + fraction[values % 1_000_000]).tolist()


def texts(values):
    """Integers as text."""
    return list(map(str, values.tolist()))


def labels(table, codes):
    """table[code] for each code (table an object array of strings): fast, no new strings."""
    return table[codes].tolist()


def write_csv(path, header, chunks):
    """Writes the header and then each chunk (a list of columns of text), atomically."""
    with open(path + ".tmp", "w") as handle:
        handle.write(",".join(header) + "\n")
        for columns in chunks:
            handle.write("\n".join(map(",".join, zip(*columns))))
            handle.write("\n")
    os.replace(path + ".tmp", path)


def groupby_chunks(n, rng):
    """The G1_<n>_1e2_0_0 columns, CHUNK rows at a time."""
    groups = max(1, n // K)
    small_ids = np.array([f"id{i:03d}" for i in range(1, K + 1)], dtype=object)
    big_ids = np.array([f"id{i:010d}" for i in range(1, groups + 1)], dtype=object)
    numbers = np.array([str(i) for i in range(max(K, groups, 15) + 1)], dtype=object)
    for start in range(0, n, CHUNK):
        size = min(CHUNK, n - start)
        yield [labels(small_ids, rng.integers(0, K, size)),
               labels(small_ids, rng.integers(0, K, size)),
               labels(big_ids, rng.integers(0, groups, size)),
               labels(numbers, rng.integers(1, K + 1, size)),
               labels(numbers, rng.integers(1, K + 1, size)),
               labels(numbers, rng.integers(1, groups + 1, size)),
               labels(numbers, rng.integers(1, 6, size)),
               labels(numbers, rng.integers(1, 16, size)),
               decimals(micros(rng, size))]


def split_keys(rng, n):
    """join-datagen.R's split_xlr: keys 1..1.1n shuffled → (shared 90%, left-only 10%, right-only 10%)."""
    only = n // 10
    keys = rng.permutation(n + only) + 1
    return keys[:n - only], keys[n - only:n], keys[n:]


def sample_all(rng, pool, size):
    """join-datagen.R's sample_all: `size` draws from `pool` holding every member at least once."""
    extra = rng.choice(pool, size - len(pool)) if size > len(pool) else pool[:0]
    return rng.permutation(np.concatenate([pool, extra]))


def join_chunks(keys, values):
    """CSV columns id1.., id4.. (= `id` + id1..), then the value column, CHUNK rows at a time."""
    rows = len(values)
    for start in range(0, rows, CHUNK):
        end = min(rows, start + CHUNK)
        numbers = [texts(column[start:end]) for column in keys]
        yield numbers + [["id" + text for text in column] for column in numbers] + [decimals(values[start:end])]


def join_header(levels, value):
    """id1.., their text twins id4.., then the value column (join-datagen.R's column order)."""
    return [f"id{i}" for i in range(1, levels + 1)] + [f"id{i}" for i in range(4, levels + 4)] + [value]


def join_tables(n, rng):
    """The four join tables, drawn as join-datagen.R does: {name: (header, key columns, value millionths)}."""
    sizes = {"small": max(1, n // 1_000_000), "medium": max(1, n // 1_000), "big": n}
    levels = [split_keys(rng, size) for size in sizes.values()]          # the keys of id1, id2, id3
    left_pools = [np.concatenate([shared, left]) for shared, left, _ in levels]
    right_pools = [np.concatenate([shared, right]) for shared, _, right in levels]
    tables = {"x": ([sample_all(rng, pool, n) for pool in left_pools], micros(rng, n), "v1")}
    for depth, (name, rows) in enumerate(sizes.items()):
        keys = [sample_all(rng, pool, rows) for pool in right_pools[:depth + 1]]
        tables[name] = (keys, micros(rng, rows), "v2")
    return {name: (join_header(len(keys), value), keys, values) for name, (keys, values, value) in tables.items()}


def groupby_data(n):
    """bench/data/G1_<n>.csv, generated unless it exists; returns [(dataset name, path)]."""
    path = os.path.join(DATA, f"G1_{sci(n)}.csv")
    if not os.path.exists(path):
        progress(f"generating {path}")
        started = time.perf_counter()
        header = ["id1", "id2", "id3", "id4", "id5", "id6", "v1", "v2", "v3"]
        write_csv(path, header, groupby_chunks(n, np.random.default_rng(SEED)))
        progress(f"generated in {time.perf_counter() - started:.1f} s")
    return [("x", path)]


def join_data(n):
    """bench/data/J1_<n>_{x,small,medium,big}.csv, generated unless all exist."""
    paths = [(name, os.path.join(DATA, f"J1_{sci(n)}_{name}.csv")) for name in ["x", "small", "medium", "big"]]
    if not all(os.path.exists(path) for _, path in paths):
        progress(f"generating {os.path.join(DATA, f'J1_{sci(n)}_*.csv')}")
        started = time.perf_counter()
        tables = join_tables(n, np.random.default_rng(SEED))
        for name, path in paths:
            header, keys, values = tables[name]
            write_csv(path, header, join_chunks(keys, values))
        progress(f"generated in {time.perf_counter() - started:.1f} s")
    return paths


# ---------------------------------------------------------------------------------------------
# Running one round of one tool

class Round:
    """What one tool did in one round: load times, question times, errors, peak memory."""

    def __init__(self):
        self.loads = {}      # dataset → seconds
        self.times = {}      # question label → seconds
        self.errors = {}     # question label → why it has no time
        self.peak_kib = None


DOSSIER_TIME = re.compile(r"^time: ([0-9.]+) (ms|s)$")
DOSSIER_ERROR = re.compile(r"(?:^|\s)error: (.*)")
DUCKDB_TIME = re.compile(r"Run Time \(s\): real ([0-9.]+)")
DUCKDB_ERROR = re.compile(r"^[A-Za-z ]*Error: (.*)")


def dossier_seconds(line):
    """Seconds from a dossier `time: …` line, else None."""
    match = DOSSIER_TIME.match(line.strip())
    if not match:
        return None
    value, unit = match.groups()
    return float(value) / (1000 if unit == "ms" else 1)


def duckdb_seconds(line):
    """Seconds from a DuckDB `Run Time (s): real …` line, else None."""
    match = DUCKDB_TIME.search(line)
    return float(match.group(1)) if match else None


def segments(lines, marker):
    """Splits output at marker lines: {'setup': lines before the first, index: lines after marker i}."""
    parts, current = {"setup": []}, "setup"
    for line in lines:
        found = marker.search(line)
        if found:
            current = int(found.group(1))
            parts[current] = []
        else:
            parts[current].append(line)
    return parts


class Dossier:
    """dossier with `-c` statements: the timer, the loads, then a `let` marker before each question."""
    name = "dossier"
    marker = re.compile(rf"`{MARK}(\d+)`")

    def __init__(self, binary):
        self.binary = binary

    def invocation(self, tables, questions):
        """The command line (and no stdin) for one process."""
        command = [self.binary, "--empty", "--no-history", "--keep-going", "--format", "csv", "-c", "set timer on"]
        for name, path in tables:
            command += ["-c", f'load "{path}" as {name}']
        for index, question in enumerate(questions):
            command += ["-c", f"let {MARK}{index} = {tables[0][0]}", "-c", question.dossier]
        return command, None

    def parse(self, output, tables, questions):
        """Load times and {index: seconds or error text} from the process's stderr."""
        parts = segments(output.splitlines(), self.marker)
        setup = parts.pop("setup")
        load_times = [s for s in map(dossier_seconds, setup) if s is not None][1:]   # [0] is `set timer on`
        errors = [m.group(1) for m in map(DOSSIER_ERROR.search, setup) if m]
        outcomes = {}
        for index, lines in parts.items():
            found = [m.group(1) for m in map(DOSSIER_ERROR.search, lines) if m]
            seconds = [s for s in map(dossier_seconds, lines) if s is not None][1:]  # [0] is the marker's
            if found:
                outcomes[index] = found[0]
            elif seconds:
                outcomes[index] = seconds[-1]
        return dict(zip([name for name, _ in tables], load_times)), errors, outcomes


class DuckDB:
    """The DuckDB CLI reading a script on stdin: `.timer on`, the loads, a `.print` marker before each question."""
    name = "duckdb"
    marker = re.compile(rf"^{MARK}(\d+)$")

    def __init__(self, binary):
        self.binary = binary

    def invocation(self, tables, questions):
        """The command line and stdin script for one process."""
        script = [".timer on"]
        script += [f"create table {name} as select * from read_csv('{path}');" for name, path in tables]
        for index, question in enumerate(questions):
            script += [f".print {MARK}{index}", f"create or replace table ans as {question.sql};"]
        return [self.binary], "\n".join(script) + "\n"

    def parse(self, output, tables, questions):
        """Load times and {index: seconds or error text} from stdout and stderr, merged."""
        parts = segments(output.splitlines(), self.marker)
        setup = parts.pop("setup")
        load_times = [s for s in map(duckdb_seconds, setup) if s is not None]
        errors = [m.group(1) for m in map(DUCKDB_ERROR.search, setup) if m]
        outcomes = {}
        for index, lines in parts.items():
            found = [m.group(1) for m in map(DUCKDB_ERROR.search, lines) if m]
            seconds = [s for s in map(duckdb_seconds, lines) if s is not None]
            if found:
                outcomes[index] = found[0]
            elif seconds:
                outcomes[index] = seconds[0]
        return dict(zip([name for name, _ in tables], load_times)), errors, outcomes


def run_process(tool, tables, questions):
    """Runs one process under GNU time; returns (return code, output, peak KiB or None)."""
    command, stdin = tool.invocation(tables, questions)
    with tempfile.NamedTemporaryFile(prefix="peak-", suffix=".txt") as peak_file:
        measured = os.access("/usr/bin/time", os.X_OK)
        if measured:
            command = ["/usr/bin/time", "-f", "%M", "-o", peak_file.name] + command
        merged = tool.name == "duckdb"   # DuckDB's timer is on stdout, dossier's on stderr
        result = subprocess.run(command, input=stdin, text=True, stdout=subprocess.PIPE if merged else subprocess.DEVNULL,
                                stderr=subprocess.STDOUT if merged else subprocess.PIPE)
        peak = None
        if measured:
            lines = open(peak_file.name).read().split()
            peak = int(lines[-1]) if lines and lines[-1].isdigit() else None
    return result.returncode, result.stdout if merged else result.stderr, peak


def run_round(tool, tables, questions):
    """One round: one process loads the tables and runs every question. If it dies mid-way, the
    question it was on is marked, and a fresh process runs the rest (loading again)."""
    outcome = Round()
    pending = list(questions)
    while pending:
        code, output, peak = run_process(tool, tables, pending)
        outcome.peak_kib = max(filter(None, [outcome.peak_kib, peak]), default=None)
        loads, load_errors, answers = tool.parse(output, tables, pending)
        if not outcome.loads:
            outcome.loads = loads
        if load_errors or len(loads) < len(tables):
            why = f"load failed: {load_errors[0] if load_errors else f'exit status {code}'}"
            outcome.errors.update((question.label, why) for question in pending)
            break
        for index, question in enumerate(pending):
            if isinstance(answers.get(index), float):
                outcome.times[question.label] = answers[index]
            elif index in answers:
                outcome.errors[question.label] = answers[index]
            else:
                how = f"signal {-code}" if code < 0 else f"exit status {code}"
                outcome.errors[question.label] = f"crashed ({how})"
                pending = pending[index + 1:]
                break
        else:
            pending = []
    return outcome


# ---------------------------------------------------------------------------------------------
# Measuring and reporting

def measure(tools, tables, questions, rounds):
    """Interleaved rounds (dossier, then DuckDB); a question that failed is not run again."""
    results = {tool.name: [] for tool in tools}
    failed = {tool.name: {} for tool in tools}
    for number in range(rounds):
        progress(f"round {number + 1} of {rounds}")
        for tool in tools:
            todo = [question for question in questions if question.label not in failed[tool.name]]
            outcome = run_round(tool, tables, todo)
            failed[tool.name].update(outcome.errors)
            results[tool.name].append(outcome)
    return results, failed


def series(rounds, pick):
    """The per-round values that exist, in round order (None where a round has none)."""
    return [pick(outcome) for outcome in rounds]


def median(values):
    """Median of the values that exist, else None."""
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def paired_ratio(mine, theirs):
    """Median of the per-round ratios mine/theirs, over rounds where both exist (and theirs > 0)."""
    ratios = [a / b for a, b in zip(mine, theirs) if a is not None and b]
    return f"{statistics.median(ratios):.2f}×" if ratios else "—"


def fmt_time(seconds):
    """12.3 ms, 1.23 s; DuckDB's timer has whole milliseconds, so 0 means under one."""
    if seconds is None:
        return "—"
    if seconds == 0:
        return "<1 ms"
    if seconds < 0.001:
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_mib(kib):
    """KiB → '123 MiB'."""
    return "—" if kib is None else f"{kib / 1024:.0f} MiB"


def cell(tool, values, why):
    """A table cell: the median time, else why there is none ("not expressible" for a dossier error)."""
    if median(values) is not None or not why:
        return fmt_time(median(values))
    if why.startswith(("crashed", "load failed")):
        return why
    return "not expressible" if tool == "dossier" else "error"


def report_task(task, n, tables, results, failed):
    """Prints one task's Markdown table and its notes; returns {label: {tool: median seconds}}."""
    megabytes = sum(os.path.getsize(path) for _, path in tables) / 1e6
    print(f"\n### {task}, {n:,} rows ({', '.join(os.path.basename(p) for _, p in tables)}: {megabytes:.0f} MB)\n")
    print("| question | DuckDB | dossier | dossier/DuckDB |")
    print("|---|---|---|---|")
    ours, theirs = results["dossier"], results.get("duckdb", [])
    medians, notes = {}, []
    for name, _ in tables:
        mine = series(ours, lambda o: o.loads.get(name))
        other = series(theirs, lambda o: o.loads.get(name))
        print(f"| load {name} | {fmt_time(median(other))} | {fmt_time(median(mine))} | {paired_ratio(mine, other)} |")
        medians[f"load {name}"] = {"dossier": median(mine), "duckdb": median(other)}
    for question in TASKS[task]:
        mine = series(ours, lambda o: o.times.get(question.label))
        other = series(theirs, lambda o: o.times.get(question.label))
        medians[question.label] = {"dossier": median(mine), "duckdb": median(other)}
        cells = []
        for tool, values in [("duckdb", other), ("dossier", mine)]:
            why = failed.get(tool, {}).get(question.label)
            if why and median(values) is None:
                notes.append(f"- {question.label}, {tool}: {why}")
            cells.append(cell(tool, values, why))
        print(f"| {question.label} | {cells[0]} | {cells[1]} | {paired_ratio(mine, other)} |")
    peak_ours = max(filter(None, series(ours, lambda o: o.peak_kib)), default=None)
    peak_theirs = max(filter(None, series(theirs, lambda o: o.peak_kib)), default=None)
    ratio = f"{peak_ours / peak_theirs:.2f}×" if peak_ours and peak_theirs else "—"
    print(f"| peak memory (load + all questions) | {fmt_mib(peak_theirs)} | {fmt_mib(peak_ours)} | {ratio} |")
    if notes:
        print("\n" + "\n".join(notes))
    sys.stdout.flush()
    return medians


def report_growth(sizes, medians):
    """Prints, per question, time at the largest size / time at the smallest, for both tools."""
    small, large = sizes[0], sizes[-1]
    factor = large / small
    print(f"\n### growth, {sci(small)} → {sci(large)} rows (×{factor:g}; goal for dossier ≤ {1.2 * factor:g}×)\n")
    print("| question | DuckDB | dossier |")
    print("|---|---|---|")
    for task, rows in medians[small].items():
        for label, before in rows.items():
            after = medians[large][task][label]
            cell = lambda tool: f"{after[tool] / before[tool]:.1f}×" if after[tool] and before[tool] else "—"
            print(f"| {task} {label} | {cell('duckdb')} | {cell('dossier')} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", default=os.environ.get("N") or "1e6",
                        help="row counts, comma-separated (default: $N, else 1e6); two or more add a growth table")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--task", choices=["groupby", "join", "all"], default="all")
    parser.add_argument("--dossier", default=DOSSIER, help="the dossier binary (default: the release build)")
    arguments = parser.parse_args()
    if np is None:
        sys.exit("numpy is needed to generate the data: python3 -m pip install numpy")
    sizes = sorted(set(parse_rows(arguments.rows)))
    if not sizes or sizes[0] < K:
        sys.exit(f"--rows: at least {K} rows")
    tasks = ["groupby", "join"] if arguments.task == "all" else [arguments.task]
    os.makedirs(DATA, exist_ok=True)

    binary, version = snapshot_dossier(arguments.dossier)
    tools = [Dossier(binary)]
    duck = duckdb_binary()
    if duck:
        tools.append(DuckDB(duck))
    print(f"machine: {machine()}")
    print(f"dossier: {version}")
    print(f"rounds: {arguments.rounds}, interleaved, one process per tool, task and round (load once, then every "
          f"question); each tool's own timer for the statement alone; medians; ratio = median of paired "
          f"dossier/DuckDB; peak memory = GNU time max RSS of that process")
    if not duck:
        print("DuckDB CLI not found: pip install duckdb-cli")
    medians = {}
    for n in sizes:
        medians[n] = {}
        for task in tasks:
            tables = groupby_data(n) if task == "groupby" else join_data(n)
            progress(f"{task}, {n:,} rows")
            results, failed = measure(tools, tables, TASKS[task], arguments.rounds)
            medians[n][task] = report_task(task, n, tables, results, failed)
    if len(sizes) > 1:
        report_growth(sizes, medians)


if __name__ == "__main__":
    main()
