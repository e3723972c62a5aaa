#!/usr/bin/env python3
"""A throwaway PostgreSQL server for tests (issue 16): initdb into a temporary folder (as the
`postgres` user when run as root, since the server refuses to run as root), start it on
127.0.0.1 with a free port and fsync off, create a database, and remove it all at the end.

    python3 Tests/Postgres/pg_server.py start FOLDER     # prints the URL; exit 3: no binaries
    python3 Tests/Postgres/pg_server.py stop FOLDER

As a module: `with Server() as server: server.url`.
"""
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile

NO_BINARIES = 3


def bindir():
    """Where initdb and pg_ctl are: pg_config's answer, Debian's versioned folder, or PATH."""
    candidates = []
    try:
        candidates.append(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        pass
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if os.path.exists(os.path.join(folder, "initdb")) and os.path.exists(os.path.join(folder, "pg_ctl")):
            return folder
    found = shutil.which("initdb")
    return os.path.dirname(os.path.realpath(found)) if found and shutil.which("pg_ctl") else None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, folder=None):
        self.bin = bindir()
        self.folder = folder or tempfile.mkdtemp(prefix="dossier-pg-")
        self.port = None

    @property
    def available(self):
        return self.bin is not None

    def _as_server_user(self, command):
        # PostgreSQL will not run as root: CI and sessions are root, so use `postgres`.
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--"] + command
        return command

    def start(self):
        if not self.available:
            raise RuntimeError("the PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        os.makedirs(self.folder, exist_ok=True)
        data = os.path.join(self.folder, "data")
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            os.chmod(self.folder, 0o755)
        subprocess.run(self._as_server_user([os.path.join(self.bin, "initdb"), "-D", data, "-A", "trust", "-E", "UTF8",
                                             "--locale=C.UTF-8", "-U", "postgres"]),
                       check=True, capture_output=True)
        self.port = free_port()
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        subprocess.run(self._as_server_user([os.path.join(self.bin, "pg_ctl"), "-D", data, "-l",
                                             os.path.join(self.folder, "log"), "-w", "-o", options, "start"]),
                       check=True, capture_output=True)
        with open(os.path.join(self.folder, "port"), "w") as handle:
            handle.write(str(self.port))
        self.psql("postgres", "CREATE DATABASE dossier")
        return self

    def stop(self):
        data = os.path.join(self.folder, "data")
        if self.bin and os.path.exists(data):
            subprocess.run(self._as_server_user([os.path.join(self.bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop"]),
                           capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database="dossier"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def psql(self, database, sql):
        psql = os.path.join(self.bin, "psql") if os.path.exists(os.path.join(self.bin, "psql")) else "psql"
        return subprocess.run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", self.url(database), "-c", sql],
                              check=True, capture_output=True, text=True).stdout

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        print(__doc__)
        sys.exit(2)
    server = Server(sys.argv[2])
    if sys.argv[1] == "start":
        if not server.available:
            print("skipping the PostgreSQL tests: the server binaries (initdb, pg_ctl) are not installed "
                  "(Debian: apt-get install postgresql)", file=sys.stderr)
            sys.exit(NO_BINARIES)
        server.start()
        print(server.url())
    else:
        server.stop()


if __name__ == "__main__":
    main()
