#!/usr/bin/env python3
"""dossier's in-memory engine against dossier on PostgreSQL (issue 16), on the same random data
and queries as differential.py: every row, in order, must agree.

    python3 Tests/Differential/differential_postgres.py .build/debug/dossier --queries 2000 --seed 1
    ... --mode fdw    # t partitioned over two servers: a local partition and a postgres_fdw one

It starts its own throwaway servers (Tests/Postgres/pg_server.py) and exits 0 with a printed
reason when the PostgreSQL binaries are not installed.
"""
import argparse
import json
import decimal
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "Postgres"))
import differential  # noqa: E402
import pg_server  # noqa: E402

MARKER = differential.MARKER


def dossier_texts(rng, count):
    texts = []
    for _ in range(count):
        generated = differential.query(rng)
        text = generated[0]
        if len(generated) > 2 and generated[2] == "exact":
            text += rng.choice([" summarize sum(m) as s, avg(m) as a, min(m) as lo, max(m) as hi",
                                " select id, m * 3 as p", " select id, m * 0.1 as p"])
        texts.append(text)
    return texts


def run_script(binary, lines, folder, name):
    path = os.path.join(folder, name)
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    result = subprocess.run([binary, "--empty", "--no-history", "--format", "jsonl", "--keep-going", "-f", path],
                            capture_output=True, text=True, timeout=900)
    return result


def outputs(stdout):
    answers, current = [], []
    for line in stdout.splitlines():
        record = json.loads(line, parse_float=decimal.Decimal)
        if record == {"m": MARKER}:
            answers.append(current)
            current = []
        else:
            current.append([differential.normalize(v) for v in record.values()])
    return answers


def queries_script(folder, texts, connect=None):
    # On the server run only the marker is local: t, u and big are the server's tables.
    names = ["marker"] if connect else ["t", "u", "big", "marker"]
    lines = [f"load {folder}/{name}.csv" for name in names]
    if connect:
        lines.append(f"connect {connect}")
    for text in texts:
        lines += [text, "marker"]
    return lines


def upload(binary, folder, url, names):
    lines = [f"load {folder}/{name}.csv" for name in ["t", "u", "big"]] + [f"connect {url}"]
    lines += [f"save {source} to postgres {table}" for source, table in names]
    result = run_script(binary, lines, folder, "upload.dq")
    if result.returncode != 0:
        print(f"upload failed:\n{result.stderr[:3000]}")
        sys.exit(1)


def partition(a, b, rows):
    """t on server a: rows below the middle in a local partition, the rest on server b."""
    middle = rows // 2
    b.psql("dossier", "TRUNCATE t_staging")
    a.psql("dossier", f"""
        CREATE EXTENSION IF NOT EXISTS postgres_fdw;
        DROP SERVER IF EXISTS second CASCADE;
        CREATE SERVER second FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '{b.port}', dbname 'dossier');
        CREATE USER MAPPING FOR postgres SERVER second OPTIONS (user 'postgres');
        DROP TABLE IF EXISTS t;
        CREATE TABLE t (LIKE t_staging) PARTITION BY RANGE (dossier_row);
        CREATE TABLE t_first PARTITION OF t FOR VALUES FROM (MINVALUE) TO ({middle});
        CREATE FOREIGN TABLE t_second PARTITION OF t FOR VALUES FROM ({middle}) TO (MAXVALUE)
            SERVER second OPTIONS (table_name 't_staging');
        INSERT INTO t SELECT * FROM t_staging;
        DROP TABLE t_staging;
        ANALYZE t;""")
    remote = b.psql("dossier", "SELECT count(*) FROM t_staging").strip()
    return int(remote)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-dataset", type=int, default=250)
    parser.add_argument("--mode", choices=["postgres", "fdw"], default="postgres")
    arguments = parser.parse_args()
    if pg_server.bindir() is None:
        print("differential (postgres): skipped, the PostgreSQL server binaries are not installed "
              "(Debian: apt-get install postgresql)")
        return
    rng = random.Random(arguments.seed)
    agreed = failed = 0
    on_second = 0
    servers = [pg_server.Server().start()]
    if arguments.mode == "fdw":
        servers.append(pg_server.Server().start())
    try:
        for start in range(0, arguments.queries, arguments.per_dataset):
            dataset = differential.Dataset(rng, rng.randint(20, 60))
            texts = dossier_texts(rng, min(arguments.per_dataset, arguments.queries - start))
            with tempfile.TemporaryDirectory(prefix="dossier-differential-pg-") as folder:
                dataset.write(folder)
                url = servers[0].url()
                if arguments.mode == "fdw":
                    upload(arguments.binary, folder, servers[1].url(), [("t", "t_staging")])
                    upload(arguments.binary, folder, url, [("t", "t_staging"), ("u", "u"), ("big", "big")])
                    on_second += partition(servers[0], servers[1], len(dataset.t))
                else:
                    upload(arguments.binary, folder, url, [("t", "t"), ("u", "u"), ("big", "big")])
                local = run_script(arguments.binary, queries_script(folder, texts), folder, "local.dq")
                remote = run_script(arguments.binary, queries_script(folder, texts, connect=url), folder, "remote.dq")
                if "3 tables and views" not in remote.stderr:
                    print(f"the server run did not see the server's three tables:\n{remote.stderr[:2000]}")
                    sys.exit(1)
                expected, got = outputs(local.stdout), outputs(remote.stdout)
                if len(expected) != len(texts) or len(got) != len(texts):
                    print(f"answers: in memory {len(expected)}, on the server {len(got)} of {len(texts)}\n"
                          f"stderr (server run):\n{remote.stderr[:3000]}")
                    sys.exit(1)
                for text, want, have in zip(texts, expected, got):
                    if want == have:
                        agreed += 1
                        continue
                    failed += 1
                    if failed <= 5:
                        print(f"DISAGREE\n  query:     {text}\n  in memory: {want[:10]}\n  server:    {have[:10]}")
                for server in servers:
                    server.psql("dossier", "DROP TABLE IF EXISTS t, u, big, t_staging CASCADE")
    finally:
        for server in servers:
            server.stop()
    where = "a table partitioned over two servers (postgres_fdw)" if arguments.mode == "fdw" else "PostgreSQL"
    extra = f", {on_second} rows on the second server" if arguments.mode == "fdw" else ""
    print(f"differential: {agreed + failed} queries, {agreed} agree between the in-memory engine and {where}, "
          f"{failed} disagree (seed {arguments.seed}{extra})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
