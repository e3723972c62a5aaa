#!/usr/bin/env python3
"""Ctrl-C stops every long operation (SPEC §2, §7): regular expressions, grouping, joins,
sorting, distinct, Tab completion and the explanation of an empty result each return to the
prompt, say `cancelled`, and leave the session working.

Run by `make test`: python3 Tests/Shell/test_interrupts.py [path/to/dossier]
The time from Ctrl-C to `cancelled` is printed for each case. The assertion allows far more
than the goal of 0.2 s (these machines are shared and the build is a debug build): it catches
work that cannot be stopped at all, which used to run for minutes.
"""
import os
import random
import shutil
import sys
import tempfile
import time
import unittest

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("DOSSIER_BINARY") or os.path.join(ROOT, ".build", "debug", "dossier")
PROMPT = "dossier> "
LATENCIES = {}


class InterruptTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="dossier-interrupt-")
        cls.data = os.path.join(cls.folder, "big.csv")
        rng = random.Random(7)
        words = ["alpha", "beta", "gamma", "delta"]
        with open(cls.data, "w") as handle:
            handle.write("id,name,grp,note\n")
            for index in range(400_000):
                note = " ".join(rng.choice(words) for _ in range(30))
                handle.write(f"{index},n{(index * 7919) % 1000003}x{index},g{index % 1000},{note}\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)
        shown = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in sorted(LATENCIES.items()))
        print(f"\nCtrl-C to `cancelled`: {shown}", file=sys.stderr)

    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="dossier-pty-")
        env = dict(os.environ)
        env.update({"HOME": self.home, "TERM": "xterm", "NO_COLOR": "1", "PAGER": "cat",
                    "XDG_STATE_HOME": "", "XDG_CONFIG_HOME": ""})
        self.child = pexpect.spawn(BINARY, ["--no-history", "--empty", self.data], env=env,
                                   encoding="utf-8", dimensions=(50, 200), timeout=60)
        self.child.expect_exact(PROMPT)
        time.sleep(0.15)

    def tearDown(self):
        if self.child.isalive():
            self.child.terminate(force=True)
        shutil.rmtree(self.home, ignore_errors=True)

    def interrupt(self, name, query, wait=0.8, expect_first=None):
        """Starts `query`, presses Ctrl-C while it runs, and times the way back."""
        self.child.send(query + "\r")
        if expect_first:
            self.child.expect_exact(expect_first, timeout=120)
        time.sleep(wait)
        start = time.monotonic()
        self.child.send("\x03")
        self.child.expect_exact("cancelled", timeout=30)
        LATENCIES[name] = time.monotonic() - start
        self.child.expect_exact(PROMPT)
        time.sleep(0.15)
        self.assertLess(LATENCIES[name], 5.0, f"{name}: Ctrl-C took {LATENCIES[name]:.2f} s")
        self.assertStillWorks()

    def assertStillWorks(self):
        self.child.send("big count\r")
        self.child.expect_exact("400000", timeout=30)
        self.child.expect_exact(PROMPT)

    def test_regular_expression(self):
        self.interrupt("matches", r'big where note matches "^(\w+\s?)*$" count')

    def test_grouping(self):
        self.interrupt("count by", "big count by name, grp")

    def test_join(self):
        self.interrupt("join", "big join big on grp = grp count")

    def test_sort(self):
        self.interrupt("sort", "big sort by note desc, name select name limit 2")

    def test_distinct(self):
        self.interrupt("distinct", "big distinct note, name | count", wait=0.5)

    def test_empty_result_explanation(self):
        # The first run prints `(0 rows)`; Ctrl-C then lands in the run that explains it. (The
        # `where` comes after a `limit`, so the optimizer cannot move it before the long sort.)
        self.interrupt("empty result", "big sort by note desc, name limit 300000 where name = nosuch", wait=0.3,
                       expect_first="(0 rows)")

    def test_completion(self):
        # Tab runs the pipeline to list the values of `name`; Ctrl-C stops it and the line
        # stays to be edited.
        self.child.send("big sort by note desc, name where name = \t")
        time.sleep(0.8)
        start = time.monotonic()
        self.child.send("\x03")
        # The line is cleared and the prompt drawn again.
        self.child.expect_exact("^C", timeout=30)
        self.child.expect_exact(PROMPT, timeout=30)
        LATENCIES["completion"] = time.monotonic() - start
        self.assertLess(LATENCIES["completion"], 5.0)
        time.sleep(0.15)
        self.assertStillWorks()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
