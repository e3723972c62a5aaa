#!/usr/bin/env python3
"""Runs a command with a throwaway PostgreSQL server, its URL in DOSSIER_TEST_POSTGRES (the
Swift tests that need a server read it). Without the server binaries the command runs
without it, and that is said: those tests skip.

    python3 Tests/Postgres/with_server.py swift test
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pg_server  # noqa: E402


def main():
    environment = dict(os.environ)
    server = pg_server.Server()
    if server.available:
        server.start()
        environment["DOSSIER_TEST_POSTGRES"] = server.url()
    else:
        print("skipping the PostgreSQL tests: the server binaries are not installed (apt-get install postgresql)")
    try:
        status = subprocess.run(sys.argv[1:], env=environment).returncode
    finally:
        server.stop()
    sys.exit(status)


if __name__ == "__main__":
    main()
