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


# Steps that used to be finished in dossier and now compile to SQL (issue 16): the explain pass
# fails the run if any of them is still finished in dossier.
TRANSLATED = ["`limit … per`", "`median`", "`quantile`", "`stddev`", "`variance`", "`corr`", "division", "a step after `avg`"]


def stats_clause(rng):
    """median, quantile, stddev, variance and corr, some inside expressions, by zero to two keys."""
    fraction = rng.choice(["0.5", "0.9", "0.25", "0", "1", "0.333"])
    value = rng.choice(["i", "m", "d"])
    items = [f"median({value}) as md", f"quantile({rng.choice(['i', 'm'])}, {fraction}) as q",
             f"stddev({value}) as sd", f"variance({rng.choice(['i', 'm'])}) as vr", "corr(i, d) as r",
             f"quantile(m, {fraction}) - median(m) as gap", f"stddev(i) * 2 as sd2", "count() as n"]
    chosen = rng.sample(items, rng.randint(1, 4))
    keys = rng.choice(["", " by b", " by s", " by b, i", " by tags"])
    return " summarize " + ", ".join(chosen) + keys


def division_clause(rng):
    """`/` with dossier's rounding (18 digits, half to even), in select, where and after summarize."""
    return rng.choice([
        " select id, m / 3 as p, i / 7 as q",
        " select id, m / i as p, d / m as q",
        " where m / 3 > 0.5 select id, m",
        " where i / 3 = 0.333333333333333333 select id",
        " summarize avg(m) * 2 as a2, sum(m) / count() as mean, avg(i) / 3 as third by b",
        " summarize avg(i) as a by s | where a > 1 | sort by a desc",
        " select id, (m + 1) / (i - 2) as p sort by p limit 5",
    ])


def limit_per_clause(rng):
    keys = rng.choice(["s", "i", "b", "tags", "s, b", "w"])
    offset = rng.choice(["", " offset 1", " offset 2"])
    sort = rng.choice(["", " sort by d desc", " sort by s", " sort by m, id desc"])
    return f"{sort} limit {rng.randint(1, 3)}{offset} per {keys} select id, {keys.split(',')[0]}"


def dossier_texts(rng, count):
    """Queries, and which are compared within a relative 1e-9 (doubles from other formulas)."""
    texts = []
    for _ in range(count):
        generated = differential.query(rng)
        text, close = generated[0], False
        kind = generated[2] if len(generated) > 2 else None
        if kind == "exact":
            text += rng.choice([" summarize sum(m) as s, avg(m) as a, min(m) as lo, max(m) as hi",
                                " select id, m * 3 as p", " select id, m * 0.1 as p", division_clause(rng)])
        elif kind == "stats":
            text += stats_clause(rng)
            close = True
        elif rng.random() < 0.2:
            base = text.split(" select ")[0].split(" count")[0].split(" summarize ")[0].split(" sort ")[0]
            base = base.split(" join ")[0].split(" left join ")[0]
            roll = rng.random()
            if roll < 0.4:
                text = base + limit_per_clause(rng)
            elif roll < 0.7:
                text = base + division_clause(rng)
            else:
                text, close = base + stats_clause(rng), True
        texts.append((text, close))
    return texts


def run_script(binary, lines, folder, name):
    path = os.path.join(folder, name)
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    result = subprocess.run([binary, "--empty", "--no-history", "--format", "jsonl", "--keep-going", "-f", path],
                            capture_output=True, text=True, timeout=900)
    return result


def outputs(stdout):
    """Each query's rows as the lines dossier printed: both sides are dossier, so the text of
    every number must match too (`2.50` is not `2.5`)."""
    answers, current = [], []
    for line in stdout.splitlines():
        if json.loads(line) == {"m": MARKER}:
            answers.append(current)
            current = []
        else:
            current.append(line)
    return answers


def values(lines):
    return [[differential.normalize(v) for v in json.loads(line, parse_float=decimal.Decimal).values()] for line in lines]


def finished_in_dossier(binary, folder, texts, url):
    """Runs `explain` of every query on the server: how many are finished in dossier, by reason."""
    lines = ["load " + os.path.join(folder, "marker.csv"), f"connect {url}"] + [f"explain {text}" for text, _ in texts]
    result = run_script(binary, lines, folder, "explain.dq")
    reasons = {}
    for line in result.stdout.splitlines():
        if line.startswith("then in dossier ("):
            reason = line[len("then in dossier ("):].split("):")[0]
            reasons[reason] = reasons.get(reason, 0) + 1
    return reasons


def queries_script(folder, texts, connect=None):
    # On the server run only the marker is local: t, u and big are the server's tables.
    names = ["marker"] if connect else ["t", "u", "big", "marker"]
    lines = [f"load {folder}/{name}.csv" for name in names]
    if connect:
        lines.append(f"connect {connect}")
    for text, _ in texts:
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
    local_reasons = {}
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
                for (text, is_close), want, have in zip(texts, expected, got):
                    if want == have or (is_close and differential.close(values(have), values(want))):
                        agreed += 1
                        continue
                    failed += 1
                    if failed <= 5:
                        print(f"DISAGREE\n  query:     {text}\n  in memory: {want[:10]}\n  server:    {have[:10]}")
                for reason, count in finished_in_dossier(arguments.binary, folder, texts, url).items():
                    local_reasons[reason] = local_reasons.get(reason, 0) + count
                for server in servers:
                    server.psql("dossier", "DROP TABLE IF EXISTS t, u, big, t_staging CASCADE")
    finally:
        for server in servers:
            server.stop()
    where = "a table partitioned over two servers (postgres_fdw)" if arguments.mode == "fdw" else "PostgreSQL"
    extra = f", {on_second} rows on the second server" if arguments.mode == "fdw" else ""
    print(f"differential: {agreed + failed} queries, {agreed} agree between the in-memory engine and {where}, "
          f"{failed} disagree (seed {arguments.seed}{extra})")
    if local_reasons:
        print("finished in dossier after the server: " + ", ".join(f"{count} for {reason}" for reason, count in sorted(local_reasons.items())))
    untranslated = [reason for reason in local_reasons if any(step in reason for step in TRANSLATED)]
    if untranslated:
        print(f"these should run on the server and did not: {', '.join(untranslated)}")
    sys.exit(1 if failed or untranslated else 0)


if __name__ == "__main__":
    main()
