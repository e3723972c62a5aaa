#!/usr/bin/env python3
"""dossier over PostgreSQL against the same question typed into psql (issue 16).

    make bench                                  # runs this after bench.py: 10M rows, 3 rounds
    python3 bench/postgres.py --rows 1000000 --rounds 5

A throwaway server (Tests/Postgres/pg_server.py) gets a table of --rows rows made on the
server with generate_series, so nothing is loaded through a client. Each measurement is a
whole process (connect, run, print, exit), in interleaved rounds:

- psql, hand-written SQL: what a reporter fluent in SQL would type;
- psql, dossier's SQL: the statement `explain` shows dossier sends, so the cost of the SQL's
  shape (input order, missing last, case-folded text) is told apart from the client's;
- dossier --connect URL -c QUERY: connecting, reading the catalog, compiling, fetching.

The ratio is the median of the paired dossier / psql (hand SQL) times: the overhead of
dossier's layer. Without the PostgreSQL binaries it says so and exits 0.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "Postgres"))
import pg_server  # noqa: E402

QUERIES = [
    ("count by region", "t count by region",
     "SELECT region, count(*) AS count FROM t GROUP BY region ORDER BY count DESC, region"),
    ("filter, count", "t where concern = rights and deportees > 5000 count",
     "SELECT count(*) FROM t WHERE concern = 'rights' AND deportees > 5000"),
]

TABLE = """CREATE TABLE t AS SELECT g AS id,
    (ARRAY['Africa', 'Asia', 'Central America', 'Europe', 'Oceania'])[1 + g % 5] AS region,
    CASE WHEN g % 3 = 0 THEN 'rights' WHEN g % 3 = 1 THEN 'cost' ELSE 'security' END AS concern,
    CAST((CAST(g AS bigint) * 7919) % 10000 AS integer) AS deportees
  FROM generate_series(1, {rows}) AS g;
ANALYZE t"""


def timed(command):
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    took = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
    return took, result.stdout


def seconds(values):
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def dossier_sql(dossier, url, query):
    """The statement dossier sends for a query, from its `explain`."""
    result = subprocess.run([dossier, "--empty", "--no-history", "--connect", url, "-c", "explain " + query],
                            capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    if len(lines) < 2 or not lines[0].startswith("runs on") or len(lines) > 2:
        sys.exit(f"dossier does not run `{query}` whole on the server:\n{result.stdout}")
    return lines[1].strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dossier", default=os.path.join(ROOT, ".build", "release", "dossier"))
    arguments = parser.parse_args()
    server = pg_server.Server()
    if not server.available:
        print("PostgreSQL bench skipped: the server binaries are not installed (apt-get install postgresql)")
        return
    psql = os.path.join(server.bin, "psql") if os.path.exists(os.path.join(server.bin, "psql")) else "psql"
    server.start()
    try:
        url = server.url()
        started = time.monotonic()
        server.psql("dossier", TABLE.format(rows=arguments.rows))
        made = time.monotonic() - started
        version = server.psql("dossier", "SHOW server_version").strip()
        print(f"\n### PostgreSQL {version}: {arguments.rows:,} rows made on the server in {made:.1f} s\n")
        print("whole processes, interleaved rounds; medians (min–max); ratio = median of paired dossier / psql (hand SQL)\n")
        print("| query | psql, hand SQL | psql, dossier's SQL | dossier | dossier / psql |")
        print("|---|---|---|---|---|")
        for label, query, sql in QUERIES:
            generated = dossier_sql(arguments.dossier, url, query)
            times = {"hand": [], "generated": [], "dossier": []}
            answers = set()
            for _ in range(arguments.rounds):
                took, _ = timed([psql, "-X", "-q", "-At", url, "-c", sql])
                times["hand"].append(took)
                took, _ = timed([psql, "-X", "-q", "-At", url, "-c", generated])
                times["generated"].append(took)
                took, out = timed([arguments.dossier, "--empty", "--no-history", "--format", "csv", "--connect", url, "-c", query])
                times["dossier"].append(took)
                answers.add(out)
            if len(answers) != 1:
                sys.exit(f"dossier's answers to `{query}` differ between rounds")
            ratios = [d / h for d, h in zip(times["dossier"], times["hand"])]
            print(f"| `{query}` | {seconds(times['hand'])} | {seconds(times['generated'])} | {seconds(times['dossier'])} "
                  f"| {statistics.median(ratios):.2f}× |")
            sys.stdout.flush()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
