# The README's first two commands: `make run` and `make test`. Both install what a new
# machine lacks (Debian's DEB_DEPS below; pexpect for the terminal tests).
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build debug deps pg-deps test-deps test-sanitize bench fuzz clean

# libedit-dev: line editing for the shell; zlib1g-dev: ZIPFoundation (Excel workbooks);
# libsqlite3-dev: SQLite databases (opened with dlopen when first needed, and by the tests).
DEB_DEPS := libedit-dev zlib1g-dev libsqlite3-dev

deps:
	@missing=""; for package in $(DEB_DEPS); do dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
		echo "== installing$$missing"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing; fi

# PostgreSQL for the server tests (issue 16): libpq (loaded on first connect) and the server
# binaries for a throwaway server. Without them those tests say so and are skipped.
pg-deps:
	@{ dpkg -s postgresql >/dev/null 2>&1 && dpkg -s libpq-dev >/dev/null 2>&1; } || { \
		echo "== installing postgresql and libpq-dev (server tests)"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y postgresql libpq-dev || \
		echo "== could not install postgresql: the server tests will be skipped"; }

test-deps: deps
	@python3 -c 'import pexpect' 2>/dev/null || { \
		echo "== installing pexpect (terminal tests)"; \
		python3 -m pip install --quiet pexpect; }
	@command -v rsvg-convert >/dev/null 2>&1 || { \
		echo "== installing librsvg2-bin (renders saved SVG charts for their test)"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y librsvg2-bin; }

# libDossierZip.so is built beside the binary: dossier opens it with dlopen for .xlsx files.
build: deps
	$(SWIFT) build -c release --product dossier
	$(SWIFT) build -c release --product DossierZip

debug: deps
	$(SWIFT) build --product dossier
	$(SWIFT) build --product DossierZip

run: build
	.build/release/dossier

test: test-deps pg-deps
	python3 Tests/Architecture/check_layers.py
	$(SWIFT) build --product dossier
	$(SWIFT) build --product DossierZip
	python3 Tests/Postgres/with_server.py $(SWIFT) test
	python3 Tests/Shell/test_shell.py .build/debug/dossier
	python3 Tests/Shell/test_interrupts.py .build/debug/dossier
	python3 Tests/Charts/test_svg_charts.py .build/debug/dossier
	python3 Tests/Differential/differential.py .build/debug/dossier --queries 2000 --seed $$(date +%j)
	python3 Tests/Postgres/test_server_faults.py .build/debug/dossier
	python3 Tests/Differential/differential_postgres.py .build/debug/dossier --queries 2000 --seed $$(date +%j)
	python3 Tests/Differential/differential_postgres.py .build/debug/dossier --queries 1000 --seed $$(date +%j) --mode fdw

# The unit tests under AddressSanitizer (leaks included) and ThreadSanitizer (the loaders use
# two threads), each in its own build folder.
test-sanitize: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan.supp $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# libFuzzer on the lexer, parser, queries, CSV and JSON loaders (FUZZ_SECONDS each, two at a
# time), then a long differential run against sqlite3. Figures in TESTING.md.
FUZZ_SECONDS ?= 600
fuzz: debug
	Tests/Fuzz/run-all.sh $(FUZZ_SECONDS) 2
	python3 Tests/Differential/differential.py .build/debug/dossier --queries 100000 --seed $$RANDOM

# Side by side with DuckDB (pip install duckdb-cli) and sqlite3; figures in BENCHMARKS.md.
bench: build pg-deps
	@python3 -c 'import duckdb_cli' 2>/dev/null || python3 -m pip install --quiet duckdb-cli || true
	python3 bench/bench.py
	python3 bench/postgres.py

# The db-benchmark groupby and join questions on loaded data, side by side with DuckDB; 1e6 rows,
# or N=1e7 make bench-groupby. Uses the release build as it is (make build first).
.PHONY: bench-groupby
bench-groupby:
	@python3 -c 'import duckdb_cli' 2>/dev/null || python3 -m pip install --quiet duckdb-cli || true
	@python3 -c 'import numpy' 2>/dev/null || python3 -m pip install --quiet numpy
	python3 bench/groupby.py

clean:
	rm -rf .build
