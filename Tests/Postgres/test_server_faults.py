#!/usr/bin/env python3
"""Faults with a real server (issue 16): connection refused, a wrong password, a statement
timeout, a server that dies mid-query, Ctrl-C during a query (the server stops it too), a
table that changes under a named query. Each is a clear error with the server's words, never
a hang, and the session goes on; no password appears in an error or in the history file.

    python3 Tests/Postgres/test_server_faults.py .build/debug/dossier
"""
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pg_server  # noqa: E402

passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}\n{detail[:2000]}")


def dossier(binary, text, timeout=30):
    started = time.monotonic()
    result = subprocess.run([binary, "--empty", "--no-history", "--keep-going", "-c", text],
                            capture_output=True, text=True, timeout=timeout)
    return result, time.monotonic() - started


def main():
    binary = sys.argv[1]
    server = pg_server.Server()
    if not server.available:
        print("server faults: skipped, the PostgreSQL server binaries are not installed (apt-get install postgresql)")
        return
    server.start()
    try:
        url = server.url()
        server.psql("dossier", "CREATE TABLE things (n integer, name text); INSERT INTO things VALUES (1, 'a'), (5, 'B'), (7, NULL);"
                    "CREATE VIEW slow AS SELECT g AS x FROM generate_series(1, 20) g WHERE pg_sleep(0.5) IS NOT NULL;"
                    "CREATE ROLE ana LOGIN PASSWORD 'right-one'")

        # Connection refused: said, with the fix; the next statement still runs.
        result, _ = dossier(binary, "connect postgres://postgres@127.0.0.1:1/dossier; samples")
        check("refused", result.returncode == 1 and "cannot connect" in result.stderr and "refused" in result.stderr.lower()
              and "third-country-deals" in result.stdout, result.stderr)

        # A wrong password: the server's words, and the password nowhere.
        hba = os.path.join(server.folder, "data", "pg_hba.conf")
        with open(hba) as handle:
            rules = handle.read()
        with open(hba, "w") as handle:
            handle.write("host all ana 127.0.0.1/32 scram-sha-256\n" + rules)
        server.psql("dossier", "SELECT pg_reload_conf()")
        time.sleep(0.5)
        result, _ = dossier(binary, f"connect postgres://ana:wrong-secret@127.0.0.1:{server.port}/dossier")
        check("wrong password", "password authentication failed" in result.stderr and "wrong-secret" not in result.stderr,
              result.stderr)

        # --connect URL before the statements; PG* variables fill in what a URL leaves out, or
        # say it all for `connect` alone; a failed --connect is an error without the password,
        # and the statements still run.
        def run(arguments, environment=None):
            return subprocess.run([binary, "--empty", "--no-history", "--keep-going"] + arguments, capture_output=True,
                                  text=True, timeout=30, env=dict(os.environ, **(environment or {})))
        result = run(["--connect", url, "-c", "things count"])
        check("--connect", result.returncode == 0 and result.stdout.split()[-3] == "3", result.stdout + result.stderr)
        variables = {"PGHOST": "127.0.0.1", "PGPORT": str(server.port), "PGUSER": "postgres", "PGDATABASE": "dossier"}
        result = run(["-c", "connect; things count"], variables)
        check("PG* variables", result.returncode == 0 and result.stdout.split()[-3] == "3"
              and f"connected to postgres://postgres@127.0.0.1:{server.port}/dossier:" in result.stderr, result.stdout + result.stderr)
        result = run(["--connect", "postgres:///dossier", "-c", "things count"], dict(variables, PGDATABASE="elsewhere"))
        check("--connect with PG*", result.returncode == 0 and result.stdout.split()[-3] == "3", result.stdout + result.stderr)
        result = run(["--connect", f"postgres://ana@127.0.0.1:{server.port}/dossier"], {"PGPASSWORD": "right-one"})
        check("PGPASSWORD", result.returncode == 0 and "connected to postgres://ana@" in result.stderr
              and "right-one" not in result.stderr, result.stderr)
        result = run(["--connect", f"postgres://ana:wrong-secret@127.0.0.1:{server.port}/dossier", "-c", "samples"])
        check("--connect fails", result.returncode == 1 and "--connect: cannot connect" in result.stderr
              and "password authentication failed" in result.stderr and "wrong-secret" not in result.stderr + result.stdout
              and "third-country-deals" in result.stdout, result.stdout + result.stderr)

        # Native tables: types read, queries on the server.
        result, _ = dossier(binary, f"connect {url}; things where n > 2 sort by n desc select n, name")
        check("native table", result.returncode == 0 and result.stdout.split("\n")[2].split()[0] == "7", result.stdout + result.stderr)

        # A statement timeout set on the server: its message, quickly.
        result, took = dossier(binary, f"connect {url}?options=-c%20statement_timeout%3D300; count slow; samples")
        check("statement timeout", "statement timeout" in result.stderr and took < 10 and "third-country-deals" in result.stdout,
              result.stderr)

        # A table that changes under a named query: the server's words and `connect` again.
        result, _ = dossier(binary, f"connect {url}; let big = things where n > 2")
        script = os.path.join(server.folder, "change.dq")
        with open(script, "w") as handle:
            handle.write(f"connect {url}\nlet big = things where n > 2\nbig\n")
        process = subprocess.Popen([binary, "--empty", "--no-history", "--keep-going", "-f", script],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = process.communicate(timeout=30)
        server.psql("dossier", "ALTER TABLE things DROP COLUMN n")
        with open(script, "w") as handle:
            handle.write(f"connect {url}\nthings where n > 2\n")
        result = subprocess.run([binary, "--empty", "--no-history", "--keep-going", "-f", script], capture_output=True, text=True, timeout=30)
        check("changed table", result.returncode == 1 and ("no field" in result.stderr.lower() or "the server said" in result.stderr),
              result.stderr)

        # Ctrl-C during a query: cancelled at once, and the server stops it too.
        with tempfile.TemporaryDirectory() as folder:
            history = os.path.join(folder, "history")
            try:
                import pexpect
            except ImportError:
                pexpect = None
            if pexpect:
                shell = pexpect.spawn(binary, ["--empty", "--history", history], env=dict(os.environ, TERM="dumb"),
                                      encoding="utf-8", timeout=20)
                shell.expect("dossier> ")
                shell.sendline(f"connect postgres://postgres:not-a-secret@127.0.0.1:{server.port}/dossier")
                shell.expect("connected to")
                shell.expect("dossier> ")
                # Tab offers a server table's values, from a bounded query on the server.
                shell.send("things where name = \t\t")
                offered = shell.expect(["B \\(1\\)", pexpect.TIMEOUT], timeout=5) == 0
                check("tab offers server values", offered, shell.before)
                shell.sendcontrol("c")
                shell.expect("dossier> ")
                shell.sendline("count slow")
                time.sleep(1.5)
                started = time.monotonic()
                shell.sendintr()
                shell.expect("cancelled")
                took = time.monotonic() - started
                shell.expect("dossier> ")
                time.sleep(0.5)
                active = server.psql("dossier", "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%slow%' AND state = 'active' AND pid <> pg_backend_pid()").strip()
                check("ctrl-c", took < 3 and active == "0", f"took {took}, active {active}")
                shell.sendline("quit")
                shell.expect(pexpect.EOF)
                with open(history) as handle:
                    kept = handle.read()
                check("no password in history", "not-a-secret" not in kept and "connect postgres://postgres@127.0.0.1" in kept, kept)

        # A local dataset joined with a server table goes there as a temporary table; a role
        # that may not create one gets the server's rows instead, with the reason, and the
        # same answer.
        server.psql("dossier", "CREATE ROLE reader LOGIN; GRANT SELECT ON things TO reader; "
                    "CREATE TABLE codes (name text, code integer); INSERT INTO codes VALUES ('a', 10), ('b', 20), ('c', 30);"
                    "GRANT SELECT ON codes TO reader")
        csv = os.path.join(server.folder, "local.csv")
        with open(csv, "w") as handle:
            handle.write("name,label\nA,first\nb,second\n")
        query = f"load {csv} as local; local join codes on name = name sort by code select label, code"
        result, _ = dossier(binary, f"connect {url}; {query}")
        check("local dataset uploaded", result.returncode == 0 and "as a temporary table" in result.stderr
              and [line.split() for line in result.stdout.splitlines()[2:4]] == [["first", "│", "10"], ["second", "│", "20"]],
              result.stdout + result.stderr)
        server.psql("dossier", "REVOKE TEMPORARY ON DATABASE dossier FROM PUBLIC")
        reader = f"postgres://reader@127.0.0.1:{server.port}/dossier"
        refused, _ = dossier(binary, f"connect {reader}; {query}")
        check("temporary table refused", refused.returncode == 0 and "could not go to the server" in refused.stderr
              and "permission denied" in refused.stderr and refused.stdout == result.stdout, refused.stdout + refused.stderr)

        # The server dies mid-query: an error, not a hang; the session goes on.
        def kill():
            time.sleep(1.5)
            server.stop()
        threading.Thread(target=kill).start()
        result, took = dossier(binary, f"connect {url}; count slow; samples", timeout=60)
        check("server dies", took < 30 and ("lost the connection" in result.stderr or "the server said" in result.stderr)
              and "third-country-deals" in result.stdout, result.stderr)
    finally:
        server.stop()
    print(f"server faults: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
