#!/usr/bin/env python3
"""The shell in a real pseudo-terminal (SPEC §2), driven with pexpect.

Run by `make test` after `swift test`: python3 Tests/Shell/test_shell.py [path/to/dossier]
Each test gets its own HOME and history file.
"""
import os
import signal
import shutil
import stat
import sys
import tempfile
import time
import unittest

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("DOSSIER_BINARY") or os.path.join(ROOT, ".build", "debug", "dossier")
PROMPT = "dossier> "
CONTINUATION = "...> "


class ShellTest(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="dossier-pty-")
        self.history = os.path.join(self.home, "state", "history")
        self.children = []

    def tearDown(self):
        for child in self.children:
            if child.isalive():
                child.terminate(force=True)
        shutil.rmtree(self.home, ignore_errors=True)

    def start(self, *arguments):
        env = dict(os.environ)
        env.update({"HOME": self.home, "TERM": "xterm", "NO_COLOR": "1", "PAGER": "cat",
                    "XDG_STATE_HOME": "", "XDG_CONFIG_HOME": ""})
        child = pexpect.spawn(BINARY, ["--history", self.history, *arguments], env=env,
                              encoding="utf-8", dimensions=(50, 200), timeout=20)
        self.children.append(child)
        child.expect_exact(PROMPT)
        self.settle()
        return child

    def settle(self):
        # libedit prints the prompt before switching the terminal to raw mode.
        time.sleep(0.15)

    def run_line(self, child, line):
        child.send(line + "\r")
        child.expect_exact(PROMPT)
        self.settle()
        return child.before

    def test_query_prints_a_table(self):
        child = self.start()
        output = self.run_line(child, "countries where concern = rights select name")
        self.assertIn("Libya", output)
        self.assertIn("Rwanda", output)
        self.assertIn("(2 rows)", output)

    def test_banner_names_the_datasets(self):
        env = dict(os.environ, HOME=self.home, TERM="xterm", NO_COLOR="1")
        child = pexpect.spawn(BINARY, ["--no-history"], env=env, encoding="utf-8", dimensions=(50, 200), timeout=20)
        self.children.append(child)
        child.expect_exact(PROMPT)
        self.assertIn("countries (14 rows)", child.before)
        self.assertIn("help", child.before)

    def test_tab_completes_a_field_and_a_value(self):
        # libedit redraws with cursor moves, so the proof is the statement that runs.
        child = self.start()
        child.send("countries where conc\t")
        time.sleep(0.2)
        child.send("= \t")
        time.sleep(0.2)
        output = self.run_line(child, "select name, concern")
        self.assertIn("Rwanda", output)
        self.assertIn("(2 rows)", output)
        with open(self.history, encoding="utf-8") as handle:
            self.assertIn("countries where concern = rights select name, concern", handle.read())

    def test_tab_lists_values_with_counts(self):
        child = self.start()
        child.send("countries where region = \t")
        child.expect_exact("Central America (5)")
        child.expect_exact("Africa (4)")
        child.send("\x03")
        child.expect_exact(PROMPT)

    def test_a_large_json_file_loads_with_progress_erased_and_offers_values(self):
        # Past 16 MB a load shows progress; past 8 MB JSON Lines is read in two halves (whose
        # progress stopped at 50%, and `loaded` was printed after it) and its columns are built
        # when first read: Tab needs the values of one.
        path = os.path.join(self.home, "big.jsonl")
        with open(path, "w", encoding="utf-8") as handle:
            for row in range(120000):
                handle.write('{"id":%d,"region":"%s","pad":"%s"}\n' % (row, ["Caribbean", "Asia"][row % 2], "p" * 120))
        child = self.start("--empty")
        output = self.run_line(child, "load %s as t" % path)
        self.assertIn("loaded `t`", output)
        # The progress line is erased before the note, not left with the note after it.
        self.assertNotIn("%\x1b[Kloaded", output)
        child.send("count t where region = Car\t")
        time.sleep(0.5)
        output = self.run_line(child, "")
        self.assertIn("60000", output)

    def test_tab_quotes_values_with_spaces(self):
        child = self.start()
        child.send("agreements where status = nea\t")
        time.sleep(0.2)
        output = self.run_line(child, "")
        self.assertIn("Honduras", output)
        with open(self.history, encoding="utf-8") as handle:
            self.assertIn('agreements where status = "nearly finalized"', handle.read())

    def test_continuation_prompt_and_up_recalls_the_statement_whole_after_a_restart(self):
        child = self.start()
        child.send("countries where\r")
        child.expect_exact(CONTINUATION)
        self.settle()
        output = self.run_line(child, "  name = Libya")
        self.assertIn("(1 row)", output)
        child.send("\x04")  # Ctrl-D: leave without adding a history entry
        child.expect(pexpect.EOF)

        again = self.start()
        again.send("\x1b[A")  # Up
        time.sleep(0.3)
        again.send("\r")
        again.expect_exact("(1 row)")
        self.assertIn("Libya", again.before)
        again.expect_exact(PROMPT)

    def test_ctrl_r_searches_history(self):
        child = self.start()
        self.run_line(child, "count transfers")
        self.run_line(child, "countries where concern = rights select region")
        child.send("\x12")  # Ctrl-R
        time.sleep(0.2)
        child.send("transf")
        time.sleep(0.2)
        child.send("\r")
        time.sleep(0.2)
        child.send("\r")
        child.expect_exact("4")
        child.expect_exact(PROMPT)

    def test_ctrl_c_clears_the_line_and_the_continuation(self):
        child = self.start()
        child.send("countries where nonsense")
        time.sleep(0.2)
        child.send("\x03")
        child.expect_exact(PROMPT)
        self.settle()
        child.send("countries where\r")
        child.expect_exact(CONTINUATION)
        self.settle()
        child.send("\x03")
        child.expect_exact(PROMPT)
        self.settle()
        output = self.run_line(child, "count agreements")
        self.assertIn("10", output)
        self.assertNotIn("error", output)

    def test_ctrl_c_and_ctrl_d_end_their_line(self):
        child = self.start()
        child.send("countries wh")
        time.sleep(0.2)
        child.send("\x03")
        child.expect_exact(PROMPT)
        self.assertTrue(child.before.endswith("countries wh^C\r\n"), repr(child.before))
        self.settle()
        child.send("\x04")
        child.expect(pexpect.EOF)
        self.assertTrue(child.before.endswith("\r\n"), "the calling shell's prompt starts on a new line")

    def test_ctrl_d_at_the_continuation_prompt_abandons_the_statement(self):
        child = self.start()
        child.send("countries where\r")
        child.expect_exact(CONTINUATION)
        self.settle()
        child.send("\x04")
        child.expect_exact(PROMPT)
        self.assertTrue(child.before.endswith("\r\n"))
        self.settle()
        output = self.run_line(child, "count agreements")
        self.assertIn("10", output)
        self.assertTrue(child.isalive())
        with open(self.history, encoding="utf-8") as handle:
            self.assertNotIn("countries where", handle.read())
        child.send("\x04")  # on the empty main prompt Ctrl-D still leaves
        child.expect(pexpect.EOF)

    def test_cite_wraps_to_the_terminal_and_record_shows_a_block_a_row(self):
        env = dict(os.environ, HOME=self.home, TERM="xterm", NO_COLOR="1", PAGER="cat")
        child = pexpect.spawn(BINARY, ["--no-history"], env=env, encoding="utf-8", dimensions=(50, 60), timeout=20)
        self.children.append(child)
        child.expect_exact(PROMPT)
        self.settle()
        output = self.run_line(child, "cite countries where name = Libya")
        lines = output.replace("\r", "").split("\n")[1:]  # the first line is the echo
        self.assertTrue(all(len(line) <= 60 for line in lines), lines)
        self.assertIn("“WSJ expressed concern", output)
        self.assertIn("are being raised.”", output)
        self.run_line(child, "set format record")
        output = self.run_line(child, "countries where concern = rights select name, region")
        self.assertIn("─[ 2 ]", output)
        self.assertRegex(output, r"name +│ Rwanda")
        output = self.run_line(child, "set")
        self.assertRegex(output, r"value +│ record")  # `set` itself in the record format

    def test_ctrl_c_cancels_a_long_query_and_keeps_the_session(self):
        data = os.path.join(self.home, "big.csv")
        with open(data, "w") as handle:
            handle.write("id,name\n")
            for index in range(400_000):
                handle.write(f"{index},n{(index * 7919) % 1000003}x{index}\n")
        child = self.start()
        child.send(f"load {data}\r")
        child.expect_exact("loaded `big`", timeout=60)
        child.expect_exact(PROMPT)
        self.settle()
        child.send("big sort by name desc select name limit 2\r")
        time.sleep(0.6)
        child.send("\x03")
        child.expect_exact("cancelled", timeout=30)
        self.assertTrue(child.before.endswith("\n"), "the note starts on a line of its own, after ^C")
        child.expect_exact(PROMPT)
        self.settle()
        output = self.run_line(child, "big count")
        self.assertIn("400000", output)

    def test_an_error_keeps_the_session_alive(self):
        child = self.start()
        output = self.run_line(child, "countries where regoin = Africa")
        self.assertIn("did you mean `region`?", output)
        output = self.run_line(child, "count countries")
        self.assertIn("14", output)

    def test_colour_only_without_no_color(self):
        env = dict(os.environ, HOME=self.home, TERM="xterm")
        env.pop("NO_COLOR", None)
        child = pexpect.spawn(BINARY, ["--no-history"], env=env, encoding="utf-8", dimensions=(50, 200), timeout=20)
        self.children.append(child)
        child.expect_exact(PROMPT)
        self.settle()
        output = self.run_line(child, "countries where regoin = Africa")
        self.assertIn("\x1b[31m", output)
        plain = self.start()
        output = self.run_line(plain, "countries where regoin = Africa")
        self.assertNotIn("\x1b[31m", output)

    def test_timer(self):
        child = self.start()
        self.run_line(child, "set timer on")
        output = self.run_line(child, "count countries")
        self.assertRegex(output, r"time: [0-9.]+ (ms|s)")

    def test_utf8_input(self):
        child = self.start()
        output = self.run_line(child, 'countries where name = "Café 🇺🇸" select name')
        self.assertIn("(0 rows)", output)
        self.assertIn('"Café 🇺🇸"', output)
        output = self.run_line(child, "let été = countries where region = Africa")
        self.assertIn("été", output)
        output = self.run_line(child, "été count")
        self.assertIn("4", output)

    def test_history_file_is_private_and_survives_kill_9(self):
        child = self.start()
        self.run_line(child, "countries where region = Asia select name")
        child.kill(signal.SIGKILL)
        child.wait()
        mode = stat.S_IMODE(os.stat(self.history).st_mode)
        self.assertEqual(mode, 0o600)
        with open(self.history, encoding="utf-8") as handle:
            self.assertIn("countries where region = Asia select name", handle.read())

    def test_ctrl_d_leaves_with_status_zero(self):
        child = self.start()
        child.send("\x04")
        child.expect(pexpect.EOF)
        child.close()
        self.assertEqual(child.exitstatus, 0)

    def test_no_history_writes_nothing(self):
        env = dict(os.environ, HOME=self.home, TERM="xterm", NO_COLOR="1")
        child = pexpect.spawn(BINARY, ["--no-history"], env=env, encoding="utf-8", dimensions=(50, 200), timeout=20)
        self.children.append(child)
        child.expect_exact(PROMPT)
        self.settle()
        self.run_line(child, "count countries")
        child.send("quit\r")
        child.expect(pexpect.EOF)
        self.assertFalse(os.path.exists(os.path.join(self.home, ".local", "state", "dossier", "history")))

    def test_init_file_runs_at_start(self):
        config = os.path.join(self.home, ".config", "dossier")
        os.makedirs(config)
        with open(os.path.join(config, "init.dq"), "w") as handle:
            handle.write("let rights = countries where concern = rights\n")
        child = self.start()
        output = self.run_line(child, "rights count")
        self.assertIn("2", output)

    def test_long_results_go_through_the_pager(self):
        env = dict(os.environ, HOME=self.home, TERM="xterm", NO_COLOR="1",
                   PAGER="sed s/^/paged:/")
        child = pexpect.spawn(BINARY, ["--no-history"], env=env, encoding="utf-8", dimensions=(10, 200), timeout=20)
        self.children.append(child)
        child.expect_exact(PROMPT)
        self.settle()
        output = self.run_line(child, "countries select name")
        self.assertIn("paged:Panama", output)
        self.run_line(child, "set pager off")
        output = self.run_line(child, "countries select name")
        self.assertNotIn("paged:", output)


if __name__ == "__main__":
    if len(sys.argv) > 1 and os.path.exists(sys.argv[1]):
        BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
