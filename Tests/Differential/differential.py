#!/usr/bin/env python3
"""Differential testing against SQLite (issue 7).

Random datasets (integers, decimals, text with case variants, missing values, lists) and
random queries over them (where with nested and/or/not, every comparison, in, like, contains,
starts with, ends with, between, is missing; sort by with missing values and ties; limit;
count by, also by a list with repeated items; joins, self-joins, and integers against
decimals above 2^53; date arithmetic and parts of dates; text functions; if and coalesce;
rank and running totals within groups). Each query
is translated to SQL that says what §4 of the spec says: two-valued logic where missing equals
only missing, text compared without case, ANY semantics on lists, stable sort with missing
values last. dossier and sqlite3 must agree on every row, in order.

    python3 Tests/Differential/differential.py .build/debug/dossier --queries 2000 --seed 1
"""
import argparse
import datetime
import decimal
import functools
import importlib.util
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The generator of dossier's Unicode tables is the model of its accent-insensitive order.
_spec = importlib.util.spec_from_file_location(
    "unicode_tables", os.path.join(ROOT, "Sources", "DossierData", "Text", "generate_unicode_tables.py"))
unicode_tables = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(unicode_tables)

WORDS = ["alpha", "Alpha", "ALPHA", "beta", "Beta", "gamma", "delta", "Delta", "epsilon", "ab", "b"]
# Text as people write it: NFC and NFD spellings of one word, full case folding (ß = SS, ﬁ = fi),
# accents that sort with their letter.
# Money as written: exact decimals, whose sums and products must come out to the cent.
MONEY = ["0.10", "0.20", "19.99", "1.10", "7", "0.05", "-3.50", "100.00", "0.3", "2.675"]
UWORDS = ["café", "cafe\u0301", "CAFÉ", "cafe", "straße", "STRASSE", "Strasse", "Émile", "emile", "Åland", "aland",
          "ﬁsh", "FISH", "Zoë", "zoe", "İstanbul", "istanbul"]


def nfc(text):
    return unicodedata.normalize("NFC", text)


def fold(text):
    """What dossier compares: the NFC text, fully case-folded (CaseFolding.txt C + F)."""
    return None if text is None else nfc(text).casefold()


def order_key(text):
    """How `<` orders text: unaccented and folded, then folded (TextOrder)."""
    folded = nfc(text)
    return ("".join(unicode_tables.primary(ord(c)) for c in folded), folded.casefold())


def sort_key(text):
    """How `sort by` orders ASCII text: ignoring case, then lower case first, then as written."""
    return (text.lower(), [c.isupper() for c in text], text)


def collate(a, b):
    ka, kb = sort_key(a), sort_key(b)
    return -1 if ka < kb else (1 if ka > kb else 0)


def ordered(a, b):
    """-1/0/1 by order_key, for SQL's `<` on Unicode text."""
    if a is None or b is None:
        return None
    ka, kb = order_key(a), order_key(b)
    return -1 if ka < kb else (1 if ka > kb else 0)
ITEMS = ["aid", "Aid", "visa", "trade", "Trade", "loans"]
MARKER = "----marker----"


class Dataset:
    """Two tables: t (id, i, d, s, s2, tags, b) and u (k, v), as CSV for dossier and rows for SQL."""

    def __init__(self, rng, rows):
        self.t = []
        for index in range(rows):
            self.t.append({
                "id": index,
                "i": rng.choice([None, -3, -1, 0, 0, 1, 2, 2, 5, 7, 100]),
                "d": rng.choice([None, -2.5, -0.5, 0.0, 0.5, 1.0, 2.0, 2.25, 7.0, 100.0]),
                "s": rng.choice([None] + WORDS),
                "s2": rng.choice([None, None] + WORDS),
                "tags": tags(rng),
                "b": rng.choice([None, True, False]),
                "w": rng.choice([None] + UWORDS),
                "m": rng.choice([None] + MONEY),
                "dt": random_date(rng),
                "dt2": random_date(rng),
            })
        self.u = [{"k": rng.choice([None] + WORDS), "v": rng.randint(0, 9)} for _ in range(rng.randint(3, 12))]
        # Integers and decimals around 2^53 and 2^62, where a double no longer holds every
        # integer: every decimal here is one a double holds exactly, so SQLite reads it as written.
        self.big = [{"n": index, "bi": rng.choice([None] + BIG_INTEGERS), "bd": rng.choice([None] + BIG_DECIMALS)}
                    for index in range(rng.randint(5, 15))]

    @staticmethod
    def cell(value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        text = str(value)
        return '"' + text.replace('"', '""') + '"' if ("," in text or '"' in text) else text

    def write(self, folder):
        with open(os.path.join(folder, "t.csv"), "w") as handle:
            handle.write("id:int,i:int,d:decimal,s:text,s2:text,tags:list,b:bool,w:text,m:decimal,dt:date,dt2:date\n")
            for row in self.t:
                cells = [row["id"], row["i"], row["d"], row["s"], row["s2"], "; ".join(row["tags"]) or None, row["b"], row["w"],
                         row["m"], row["dt"], row["dt2"]]
                handle.write(",".join(self.cell(c) for c in cells) + "\n")
        with open(os.path.join(folder, "u.csv"), "w") as handle:
            handle.write("k:text,v:int\n")
            for row in self.u:
                handle.write(f"{self.cell(row['k'])},{row['v']}\n")
        with open(os.path.join(folder, "big.csv"), "w") as handle:
            handle.write("n:int,bi:int,bd:decimal\n")
            for row in self.big:
                handle.write(",".join(self.cell(row[c]) for c in ["n", "bi", "bd"]) + "\n")
        with open(os.path.join(folder, "marker.csv"), "w") as handle:
            handle.write(f"m\n{MARKER}\n")

    def sqlite(self):
        db = sqlite3.connect(":memory:")
        db.create_function("fold", 1, fold, deterministic=True)
        db.create_function("ordered", 2, ordered, deterministic=True)
        db.create_function("nfc", 1, lambda text: None if text is None else nfc(text), deterministic=True)
        db.create_collation("dossier", collate)
        # Models of dossier's text functions where SQLite's differ (substr counts negative
        # positions from the end; "" is missing in dossier).
        db.create_function("dsub", 3, substring_model, deterministic=True)
        db.create_function("dright", 2, lambda text, n: None if text is None or n <= 0 else (text[-n:] or None), deterministic=True)
        db.create_function("dextract", 2, extract_model, deterministic=True)
        db.execute("create table t(rid integer primary key, id integer, i integer, d real, s text, s2 text, b integer, w text, "
                   "dt text, dt2 text)")
        db.execute("create table t_tags(rid integer, item text)")
        db.execute("create table u(rid integer primary key, k text, v integer)")
        for row in self.t:
            b = None if row["b"] is None else int(row["b"])
            db.execute("insert into t values (?,?,?,?,?,?,?,?,?,?)",
                       (row["id"], row["id"], row["i"], row["d"], row["s"], row["s2"], b, row["w"], row["dt"], row["dt2"]))
            for item in row["tags"]:
                db.execute("insert into t_tags values (?,?)", (row["id"], item))
        for index, row in enumerate(self.u):
            db.execute("insert into u values (?,?,?)", (index, row["k"], row["v"]))
        db.execute("create table big(rid integer primary key, n integer, bi integer, bd real)")
        for row in self.big:
            db.execute("insert into big values (?,?,?,?)", (row["n"], row["n"], row["bi"], row["bd"]))
        return db


TWO_53 = 2 ** 53
BIG_INTEGERS = [TWO_53 - 1, TWO_53, TWO_53 + 1, TWO_53 + 2, TWO_53 + 3, 2 ** 62, 2 ** 62 + 1, -(TWO_53 + 1), 7]
BIG_DECIMALS = [f"{value}.0" for value in [TWO_53, TWO_53 + 2, TWO_53 - 2, 2 ** 62, -(TWO_53 + 2), 8]] + ["7.5", "-0.5"]


def tags(rng):
    """A list field; sometimes an item is repeated (`aid; aid`), which must count its row once."""
    items = rng.sample(ITEMS, rng.choice([0, 0, 1, 1, 2, 3]))
    if items and rng.random() < 0.2:
        items.append(rng.choice(items))
    return items


def random_date(rng):
    """A date between 1990 and 2030, or missing; some on month and year ends."""
    if rng.random() < 0.15:
        return None
    year = rng.randint(1990, 2030)
    month = rng.randint(1, 12)
    day = rng.choice([1, 28, 29, 30, 31, rng.randint(1, 28)])
    while True:
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            day -= 1


def substring_model(text, start, length):
    """dossier's substring: the characters at positions start ..< start + length that exist
    (1 is the first); an empty result is missing."""
    if text is None:
        return None
    first = max(start, 1)
    end = start + length
    return text[first - 1:max(end - 1, first - 1)] or None


def extract_model(text, pattern):
    if text is None:
        return None
    found = re.search(pattern, text)
    if not found:
        return None
    return (found.group(1) if found.groups() else found.group(0)) or None


# ---- queries: each generator returns (dossier text, SQL) -------------------------------------

NUMERIC = {"i": "int", "d": "dec"}
FIELDS = {"id", "i", "d", "s", "s2", "tags", "b", "k", "v"}
TEXT = ["s", "s2"]
OPS = ["=", "!=", "<", "<=", ">", ">="]


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sql_text(text):
    return "'" + text.replace("'", "''") + "'"


def numeric_literal(rng):
    value = rng.choice([-3, -1, 0, 1, 2, 5, 7, 100, -2.5, 0.5, 1.0, 2.25, 7.0, 3.75])
    return str(value), str(value)


def two_valued(expression):
    return f"coalesce(({expression}), 0)"


def comparison(rng):
    kind = rng.random()
    op = rng.choice(OPS)
    if kind < 0.35:
        field = rng.choice(list(NUMERIC))
        if rng.random() < 0.1:
            return f"{field} {op} missing", null_comparison(field, op)
        dossier, sql = numeric_literal(rng)
        return f"{field} {op} {dossier}", numeric_sql(field, op, sql)
    if kind < 0.7:
        field = rng.choice(TEXT)
        word = rng.choice(WORDS + ["zeta", "Alp"])
        # A bare word that names a field is that field: quote those.
        bare = rng.random() < 0.5 and word.isalpha() and word.lower() not in FIELDS
        literal = word if bare else q(word)
        return f"{field} {op} {literal}", text_sql(field, op, sql_text(word))
    if kind < 0.8:
        return f"i {op} d", numeric_sql("i", op, "d")
    if kind < 0.9:
        return f"s {op} s2", text_sql("s", op, "s2")
    item = rng.choice(ITEMS + ["zzz"])
    return f"tags {op} {q(item)}", list_sql(op, sql_text(item))


def null_comparison(field, op):
    if op == "=":
        return f"({field} IS NULL)"
    if op == "!=":
        return f"({field} IS NOT NULL)"
    return "0"


def numeric_sql(field, op, other):
    if op == "=":
        return f"({field} IS {other})"
    if op == "!=":
        return f"({field} IS NOT {other})"
    return two_valued(f"{field} {op} {other}")


def text_sql(field, op, other):
    if op == "=":
        return f"(lower({field}) IS lower({other}))"
    if op == "!=":
        return f"(lower({field}) IS NOT lower({other}))"
    return two_valued(f"lower({field}) {op} lower({other})")


def any_item(condition):
    return f"EXISTS (SELECT 1 FROM t_tags g WHERE g.rid = t.rid AND {condition})"


NO_ITEMS = "NOT EXISTS (SELECT 1 FROM t_tags g WHERE g.rid = t.rid)"


def list_sql(op, other):
    if op == "=":
        return any_item(f"lower(g.item) = lower({other})")
    if op == "!=":
        return f"NOT {any_item(f'lower(g.item) = lower({other})')}"
    return any_item(f"lower(g.item) {op} lower({other})")


def unicode_condition(rng):
    """Text as people write it: NFC, full case folding, accent-insensitive order."""
    roll = rng.random()
    word = rng.choice(UWORDS)
    if roll < 0.45:
        op = rng.choice(OPS)
        if op == "=":
            return f"w = {q(word)}", f"(fold(w) IS fold({sql_text(word)}))"
        if op == "!=":
            return f"w != {q(word)}", f"(fold(w) IS NOT fold({sql_text(word)}))"
        return f"w {op} {q(word)}", two_valued(f"ordered(w, {sql_text(word)}) {op} 0")
    if roll < 0.65:
        values = rng.sample(UWORDS, rng.randint(1, 3))
        sql = "(" + " OR ".join(f"fold(w) IS fold({sql_text(v)})" for v in values) + ")"
        return f"w in ({', '.join(q(v) for v in values)})", sql
    if roll < 0.85:
        needle = rng.choice(["é", "E\u0301", "SS", "ß", "fi", "ﬁ", "ë", "land", "Å"])
        return f"w contains {q(needle)}", two_valued(f"instr(fold(w), fold({sql_text(needle)})) > 0")
    pattern = rng.choice(["caf*", "*SSE", "*é*", "émi*", "*land"])
    like = pattern.replace("*", "%")
    return f"w like {q(pattern)}", two_valued(f"fold(w) LIKE fold({sql_text(like)})")


def membership(rng):
    negated = rng.random() < 0.4
    word = "not in" if negated else "in"
    choice = rng.random()
    if choice < 0.35:
        field = rng.choice(TEXT)
        values = rng.sample(WORDS + ["zeta"], rng.randint(1, 3))
        with_missing = rng.random() < 0.2
        dossier = ", ".join(q(v) for v in values) + (", missing" if with_missing else "")
        sql = " OR ".join(f"lower({field}) IS lower({sql_text(v)})" for v in values)
        if with_missing:
            sql += f" OR {field} IS NULL"
        sql = f"({sql})"
    elif choice < 0.7:
        field = rng.choice(list(NUMERIC))
        values = [numeric_literal(rng)[0] for _ in range(rng.randint(1, 3))]
        dossier = ", ".join(values)
        sql = "(" + " OR ".join(f"{field} IS {v}" for v in values) + ")"
    else:
        field = "tags"
        values = rng.sample(ITEMS + ["zzz"], rng.randint(1, 3))
        with_missing = rng.random() < 0.3
        dossier = ", ".join(q(v) for v in values) + (", missing" if with_missing else "")
        sql = any_item("lower(g.item) IN (" + ", ".join(f"lower({sql_text(v)})" for v in values) + ")")
        if with_missing:
            sql = f"({sql} OR {NO_ITEMS})"
    return f"{field} {word} ({dossier})", f"NOT {sql}" if negated else sql


def text_match(rng):
    field = rng.choice(TEXT + ["tags"])
    negated = rng.random() < 0.3
    if rng.random() < 0.5:
        needle = rng.choice(["a", "ALP", "ta", "", "z", "ph", "Aid", "rad"])
        dossier = f"{field} {'not ' if negated else ''}contains {q(needle)}"
        # Nothing to look for finds nothing (§4).
        condition = f"instr(lower({{x}}), lower({sql_text(needle)})) > 0" if needle else "0"
    else:
        pattern = rng.choice(["a*", "*a", "?eta", "*lp*", "*", "b", "??", "A*A", "t*e", "*i?"])
        dossier = f"{field} {'not ' if negated else ''}like {q(pattern)}"
        like = pattern.replace("*", "%").replace("?", "_")
        condition = f"{{x}} LIKE {sql_text(like)}"
    if field == "tags":
        sql = any_item(condition.format(x="g.item"))
    else:
        sql = two_valued(condition.format(x=field))
    return dossier, f"NOT {sql}" if negated else sql


def between(rng):
    negated = rng.random() < 0.3
    if rng.random() < 0.5:
        field = rng.choice(list(NUMERIC))
        low, high = sorted([numeric_literal(rng)[0] for _ in range(2)], key=float)
        sql = two_valued(f"{field} >= {low} AND {field} <= {high}")
    else:
        field = rng.choice(TEXT)
        low, high = sorted(rng.sample(WORDS, 2), key=str.lower)
        sql = two_valued(f"lower({field}) >= lower({sql_text(low)}) AND lower({field}) <= lower({sql_text(high)})")
        low, high = q(low), q(high)
    dossier = f"{field} {'not ' if negated else ''}between {low} and {high}"
    return dossier, f"NOT {sql}" if negated else sql


def missing_test(rng):
    field = rng.choice(["i", "d", "s", "s2", "tags", "b"])
    negated = rng.random() < 0.5
    sql = NO_ITEMS if field == "tags" else f"{field} IS NULL"
    return f"{field} is {'not ' if negated else ''}missing", f"NOT ({sql})" if negated else f"({sql})"


def condition(rng, depth=0):
    roll = rng.random()
    if depth < 3 and roll < 0.3:
        parts = [condition(rng, depth + 1) for _ in range(rng.randint(2, 3))]
        joiner = rng.choice(["and", "or"])
        return "(" + f" {joiner} ".join(p[0] for p in parts) + ")", "(" + f" {joiner.upper()} ".join(p[1] for p in parts) + ")"
    if depth < 3 and roll < 0.4:
        inner = condition(rng, depth + 1)
        return f"not {inner[0]}", f"NOT {inner[1]}"
    leaf = rng.choice([comparison, comparison, comparison, membership, text_match, between, missing_test, unicode_condition,
                       text_edge_condition])
    return leaf(rng)


def sort_keys(rng):
    keys = []
    for field in rng.sample(["i", "d", "s", "s2", "b"], rng.randint(1, 2)):
        descending = rng.random() < 0.5
        direction = " DESC" if descending else ""
        if field in TEXT:
            sql = f"({field} IS NULL), {field} COLLATE dossier{direction}"
        else:
            sql = f"({field} IS NULL), {field}{direction}"
        keys.append((f"{field}{' desc' if descending else ''}", sql))
    return ", ".join(k[0] for k in keys), ", ".join(k[1] for k in keys)


def date_query(rng, where, sql_where):
    """Date arithmetic and the parts of a date, against SQLite's julianday and strftime."""
    n = rng.choice([0, 1, 30, 365, 1000, -45])
    return (f"t where {where} select id, dt - dt2 as days, dt + {n} as later, dt - {n} as earlier, year(dt) as y, "
            f"month(dt) as m, day(dt) as dd, weekday(dt) as wd, quarter(dt) as q",
            f"SELECT id, CAST(julianday(dt) - julianday(dt2) AS INTEGER), date(dt, '{n:+d} days'), date(dt, '{-n:+d} days'), "
            f"CAST(strftime('%Y', dt) AS INTEGER), CAST(strftime('%m', dt) AS INTEGER), CAST(strftime('%d', dt) AS INTEGER), "
            f"(CAST(strftime('%w', dt) AS INTEGER) + 6) % 7 + 1, (CAST(strftime('%m', dt) AS INTEGER) + 2) / 3 "
            f"FROM t WHERE {sql_where} ORDER BY rid")


def text_function_query(rng, where, sql_where):
    """trim, replace, substring, left, right, concat, +, upper, extract on ASCII words."""
    field = rng.choice(TEXT)
    other = "s2" if field == "s" else "s"
    needle = rng.choice(["a", "AL", "ph", "b", "ta"])
    replacement = rng.choice(["_", "", "xy"])
    start = rng.choice([-1, 0, 1, 2, 4])
    length = rng.choice([0, 1, 3, 10])
    n = rng.choice([0, 1, 2, 5])
    pattern = rng.choice(["[aeiou]+", "([A-Z])[a-z]", "l(ph|t)a", "z"])
    return (f"t where {where} select id, trim(\"  \" + {field} + \" \") as t, replace({field}, {q(needle)}, {q(replacement)}) as r, "
            f"substring({field}, {start}, {length}) as sub, left({field}, {n}) as l, right({field}, {n}) as rt, "
            f"concat({field}, \"-\", {other}) as c, {field} + {other} as p, upper({field}) as u, extract({field}, {q(pattern)}) as x",
            f"SELECT id, trim('  ' || {field} || ' '), nullif(replace({field}, {sql_text(needle)}, {sql_text(replacement)}), ''), "
            f"dsub({field}, {start}, {length}), nullif(substr({field}, 1, {n}), ''), dright({field}, {n}), "
            f"coalesce({field}, '') || '-' || coalesce({other}, ''), {field} || {other}, upper({field}), "
            f"dextract({field}, {sql_text(pattern)}) FROM t WHERE {sql_where} ORDER BY rid")


def text_edge_condition(rng):
    """starts with / ends with, ignoring case."""
    field = rng.choice(TEXT)
    negated = rng.random() < 0.3
    word = rng.choice(["starts", "ends"])
    needle = rng.choice(["a", "AL", "ta", "b", "", "Beta", "z"])
    like = f"{needle}%" if word == "starts" else f"%{needle}"
    sql = two_valued(f"lower({field}) LIKE lower({sql_text(like)})") if needle else "0"
    return f"{field} {'not ' if negated else ''}{word} with {q(needle)}", f"NOT {sql}" if negated else sql


def choice_query(rng, where, sql_where):
    """if and coalesce: a condition on missing is false; the first present value."""
    inner, sql_inner = condition(rng)
    return (f"t where {where} select id, if({inner}, i, d) as a, coalesce(i, d, 0) as b, if({inner}, s, coalesce(s2, \"none\")) as c",
            f"SELECT id, CASE WHEN {sql_inner} THEN i ELSE d END, coalesce(i, d, 0), "
            f"CASE WHEN {sql_inner} THEN s ELSE coalesce(s2, 'none') END FROM t WHERE {sql_where} ORDER BY rid")


def rank_query(rng, where, sql_where):
    """rank (ties share the first rank, missing last) and running totals, within groups."""
    field = rng.choice(["i", "d"])
    descending = rng.random() < 0.5
    per = rng.choice(["", "b", "s"])
    dossier_per = f" per {per}" if per else ""
    partition = f"PARTITION BY {per} " if per else ""
    direction = " DESC" if descending else ""
    return (f"t where {where} select id, i, d, b, s | rank by {field}{' desc' if descending else ''}{dossier_per} "
            f"| running total of i{dossier_per} | select id, rank, running_total",
            f"SELECT id, rank() OVER ({partition}ORDER BY ({field} IS NULL), {field}{direction}), "
            f"sum(i) OVER ({partition}ORDER BY rid ROWS UNBOUNDED PRECEDING) FROM t WHERE {sql_where} ORDER BY rid")


def query(rng):
    where, sql_where = condition(rng)
    roll = rng.random()
    if roll < 0.16:
        return [date_query, text_function_query, choice_query, rank_query][int(roll / 0.04)](rng, where, sql_where)
    shape = rng.random()
    if shape < 0.25:
        return (f"t where {where} select id, i, d, s", f"SELECT id, i, d, s FROM t WHERE {sql_where} ORDER BY rid")
    if shape < 0.29:
        return summarize_query(rng, where, sql_where)
    if shape < 0.32:
        return limit_per_query(rng, where, sql_where)
    if shape < 0.35:
        # The rows come from SQLite; the statistics from Python's `statistics` and `decimal`.
        return (f"t where {where}", f"SELECT rid FROM t WHERE {sql_where} ORDER BY rid", "stats")
    if shape < 0.55:
        keys, sql_keys = sort_keys(rng)
        limit = rng.choice(["", " limit 3", " limit 5 offset 2", " limit 0"])
        sql_limit = {"": "", " limit 3": " LIMIT 3", " limit 5 offset 2": " LIMIT 5 OFFSET 2", " limit 0": " LIMIT 0"}[limit]
        return (f"t where {where} sort by {keys}{limit} select id",
                f"SELECT id FROM t WHERE {sql_where} ORDER BY {sql_keys}, rid{sql_limit}")
    if shape < 0.65:
        return f"t where {where} count", f"SELECT count(*) FROM t WHERE {sql_where}"
    if shape < 0.8:
        field = rng.choice(["s", "i", "b"])
        order = f"({field} IS NULL), {field} COLLATE dossier" if field == "s" else f"({field} IS NULL), {field}"
        return (f"t where {where} count by {field}",
                f"SELECT {field}, count(*) AS n FROM t WHERE {sql_where} GROUP BY {field} ORDER BY n DESC, {order}")
    if shape < 0.82:
        # Spellings that are one text in NFC count as one group; ties come in an order the
        # SQL side cannot model, so this shape is compared without regard to row order.
        return (f"t where {where} count by w",
                f"SELECT nfc(w), count(*) AS n FROM t WHERE {sql_where} GROUP BY nfc(w) ORDER BY n DESC", "unordered")
    if shape < 0.85:
        # A row counts once under each distinct item of its list.
        return (f"t where {where} count by tags",
                "SELECT item, count(*) AS n FROM ("
                f"SELECT DISTINCT t.rid, g.item AS item FROM t JOIN t_tags g ON g.rid = t.rid WHERE {sql_where} "
                f"UNION ALL SELECT t.rid, NULL FROM t WHERE {sql_where} AND {NO_ITEMS}"
                ") GROUP BY item ORDER BY n DESC, (item IS NULL), item COLLATE dossier")
    if shape < 0.88:
        # A self-join: the joined copy's fields are reached as t.FIELD.
        left, right = rng.choice([("s", "s2"), ("s", "s"), ("i", "i"), ("s2", "s")])
        key = f"lower(l.{left}) = lower(r.{right})" if left in TEXT else f"l.{left} = r.{right}"
        return (f"t where {where} join t on {left} = {right} select id, t.id",
                f"SELECT l.id, r.id FROM (SELECT * FROM t WHERE {sql_where}) AS l JOIN t AS r ON {key} ORDER BY l.rid, r.rid")
    if shape < 0.91:
        return big_number_query(rng)
    if shape < 0.93:
        return (f"t where {where}", f"SELECT rid FROM t WHERE {sql_where} ORDER BY rid", "exact")
    if shape < 0.94:
        # A `where` written after a join or a sort: the optimizer moves it (the answer must not move).
        if rng.random() < 0.5:
            return (f"t join u on s = k where {where} select id, v",
                    f"SELECT t.id, u.v FROM t JOIN u ON lower(t.s) = lower(u.k) WHERE {sql_where} ORDER BY t.rid, u.rid")
        keys, sql_keys = sort_keys(rng)
        return (f"t sort by {keys} where {where} limit 4 select id",
                f"SELECT id FROM t WHERE {sql_where} ORDER BY {sql_keys}, rid LIMIT 4")
    if shape < 0.96:
        return (f"t where {where} join u on s = k select id, v",
                f"SELECT t.id, u.v FROM t JOIN u ON lower(t.s) = lower(u.k) WHERE {sql_where} ORDER BY t.rid, u.rid")
    return (f"t where {where} left join u on s2 = k select id, v",
            f"SELECT t.id, u.v FROM t LEFT JOIN u ON lower(t.s2) = lower(u.k) WHERE {sql_where} ORDER BY t.rid, u.rid")


def key_order(field):
    """How summarize orders its groups by one key: missing last, text by the alphabet."""
    return f"({field} IS NULL), {field} COLLATE dossier" if field in TEXT else f"({field} IS NULL), {field}"


def summarize_query(rng, where, sql_where):
    """Several aggregates by one or two keys, groups in key order."""
    keys = rng.sample(["s", "i", "b", "s2"], rng.randint(1, 2))
    by = ", ".join(keys)
    return (f"t where {where} summarize count() as n, sum(i) as si, min(s) as lo, max(d) as hi, count distinct s2 as ds, "
            f"max(i) - min(i) as spread by {by}",
            f"SELECT {by}, count(*), sum(i), min(s COLLATE dossier), max(d), count(DISTINCT s2), max(i) - min(i) "
            f"FROM t WHERE {sql_where} GROUP BY {by} ORDER BY {', '.join(key_order(k) for k in keys)}")


def limit_per_query(rng, where, sql_where):
    """The first rows of each group after a sort (`limit N per F`), as a window function."""
    keys, sql_keys = sort_keys(rng)
    count = rng.choice([1, 2, 3])
    per = rng.choice(["s", "i", "b"])
    return (f"t where {where} sort by {keys} limit {count} per {per} select id",
            f"SELECT id FROM (SELECT id, rid, i, d, s, s2, b, row_number() OVER "
            f"(PARTITION BY {per} ORDER BY {sql_keys}, rid) AS rank FROM t WHERE {sql_where}) "
            f"WHERE rank <= {count} ORDER BY {sql_keys}, rid")


def exact_quantile(values, fraction):
    """Linear interpolation between the two nearest of the sorted values, exactly."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def stats_query(rng, rows):
    """median, quantile, stddev, variance and corr over the kept rows, grouped by b."""
    fraction = rng.choice(["0.5", "0.9", "0.25", "0", "1"])
    groups = {}
    for row in rows:
        groups.setdefault(row["b"], []).append(row)
    expected = []
    for key in sorted(groups, key=lambda b: (b is None, b)):
        members = groups[key]
        ints = [decimal.Decimal(r["i"]) for r in members if r["i"] is not None]
        money = [decimal.Decimal(r["m"]) for r in members if r["m"] is not None]
        ds = [r["d"] for r in members if r["d"] is not None]
        pairs = [(r["i"], r["d"]) for r in members if r["i"] is not None and r["d"] is not None]
        try:
            correlation = statistics.correlation([p[0] for p in pairs], [p[1] for p in pairs]) if len(pairs) >= 2 else None
        except statistics.StatisticsError:
            correlation = None
        expected.append([
            None if key is None else int(key),
            exact_quantile(ints, decimal.Decimal("0.5")) if ints else None,
            exact_quantile(money, decimal.Decimal(fraction)) if money else None,
            statistics.stdev(ds) if len(ds) >= 2 else None,
            statistics.variance([float(v) for v in ints]) if len(ints) >= 2 else None,
            correlation,
        ])
    return (f"summarize median(i) as mi, quantile(m, {fraction}) as q, stddev(d) as sd, variance(i) as vi, "
            f"corr(i, d) as r by b"), expected


def close(got, expected):
    """Equal, or (doubles from different formulas) within a relative 1e-9."""
    if len(got) != len(expected):
        return False
    for got_row, expected_row in zip(got, expected):
        if len(got_row) != len(expected_row):
            return False
        for a, b in zip(got_row, expected_row):
            if a is None or b is None or isinstance(a, str) or isinstance(b, str):
                if a != b:
                    return False
            elif abs(float(a) - float(b)) > 1e-9 * max(1.0, abs(float(b))):
                return False
    return True


EXACT = decimal.Context(prec=18, rounding=decimal.ROUND_HALF_EVEN)
WIDE = decimal.Context(prec=60)


def exact_mean(total, count):
    """dossier's mean: 18 significant digits and at most 18 places, ties to even, rounded once
    from the exact quotient."""
    quotient = WIDE.divide(total, count)
    rounded = EXACT.plus(quotient)
    if rounded.as_tuple().exponent < -18:
        rounded = quotient.quantize(decimal.Decimal(1).scaleb(-18), rounding=decimal.ROUND_HALF_EVEN)
    return rounded


def exact_decimal_query(rng, dataset, where_rows):
    """Sums, means and products of decimals, computed exactly here with Python's decimal."""
    roll = rng.random()
    values = [decimal.Decimal(row["m"]) for row in where_rows if row["m"] is not None]
    if roll < 0.5:
        total = sum(values, decimal.Decimal(0))
        mean = exact_mean(total, len(values)) if values else None
        expected = [[total if values else None, mean, min(values) if values else None, max(values) if values else None]]
        return "summarize sum(m) as s, avg(m) as a, min(m) as lo, max(m) as hi", expected
    factor = rng.choice(["3", "0.1", "1.5", "-2"])
    rows = [[row["id"], None if row["m"] is None else decimal.Decimal(row["m"]) * decimal.Decimal(factor)] for row in where_rows]
    return f"select id, m * {factor} as p", rows


def big_number_query(rng):
    """Integers against decimals above 2^53: every comparison and the join decide exactly."""
    roll = rng.random()
    if roll < 0.4:
        op = rng.choice(OPS)
        return f"big where bi {op} bd select n", f"SELECT n FROM big WHERE {numeric_sql('bi', op, 'bd')} ORDER BY rid"
    if roll < 0.7:
        op = rng.choice(OPS)
        literal = str(rng.choice(BIG_INTEGERS))
        field = rng.choice(["bi", "bd"])
        return f"big where {field} {op} {literal} select n", f"SELECT n FROM big WHERE {numeric_sql(field, op, literal)} ORDER BY rid"
    if roll < 0.8:
        values = [str(v) for v in rng.sample(BIG_INTEGERS, 2)]
        return (f"big where bd in ({', '.join(values)}) select n",
                "SELECT n FROM big WHERE (" + " OR ".join(f"bd IS {v}" for v in values) + ") ORDER BY rid")
    return ("big join big on bi = bd select n, big.n",
            "SELECT l.n, r.n FROM big AS l JOIN big AS r ON l.bi = r.bd ORDER BY l.rid, r.rid")


def normalize(value):
    """Numbers compared by value: dossier's decimals arrive as Decimal (exactly as printed),
    SQLite's reals as floats, which Decimal holds exactly."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return decimal.Decimal(value)
    return value


def run(binary, dataset, queries, folder):
    dataset.write(folder)
    script = [f"load {folder}/t.csv", f"load {folder}/u.csv", f"load {folder}/big.csv", f"load {folder}/marker.csv"]
    for query_ in queries:
        script += [query_[0], "marker"]
    path = os.path.join(folder, "queries.dq")
    with open(path, "w") as handle:
        handle.write("\n".join(script) + "\n")
    result = subprocess.run([binary, "--empty", "--no-history", "--format", "jsonl", "--keep-going", "-f", path],
                            capture_output=True, text=True)
    outputs, current = [], []
    for line in result.stdout.splitlines():
        record = json.loads(line, parse_float=decimal.Decimal)
        if record == {"m": MARKER}:
            outputs.append(current)
            current = []
        else:
            current.append([normalize(v) for v in record.values()])
    return outputs, result.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-dataset", type=int, default=250)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    agreed = failed = 0
    for start in range(0, arguments.queries, arguments.per_dataset):
        dataset = Dataset(rng, rng.randint(20, 60))
        queries = [query(rng) for _ in range(min(arguments.per_dataset, arguments.queries - start))]
        db = dataset.sqlite()
        for index, query_ in enumerate(queries):
            if len(query_) > 2 and query_[2] == "exact":
                # The rows the condition keeps come from SQLite; the arithmetic from Python.
                ids = {row[0] for row in db.execute(query_[1]).fetchall()}
                clause, expected = exact_decimal_query(rng, dataset, [row for row in dataset.t if row["id"] in ids])
                queries[index] = (f"{query_[0]} {clause}", "SELECT 1", "exact", expected)
            elif len(query_) > 2 and query_[2] == "stats":
                ids = {row[0] for row in db.execute(query_[1]).fetchall()}
                clause, expected = stats_query(rng, [row for row in dataset.t if row["id"] in ids])
                queries[index] = (f"{query_[0]} {clause}", "SELECT 1", "close", expected)
        with tempfile.TemporaryDirectory(prefix="dossier-differential-") as folder:
            outputs, errors = run(arguments.binary, dataset, queries, folder)
            if len(outputs) != len(queries):
                print(f"dossier answered {len(outputs)} of {len(queries)} queries; stderr:\n{errors[:3000]}")
                sys.exit(1)
            for query_, got in zip(queries, outputs):
                text, sql = query_[0], query_[1]
                expected = [[normalize(v) for v in row] for row in db.execute(sql).fetchall()]
                if len(query_) > 2 and query_[2] == "unordered":
                    got, expected = sorted(got, key=repr), sorted(expected, key=repr)
                elif len(query_) > 2:
                    expected = [[normalize(v) for v in row] for row in query_[3]]
                if got == expected or (len(query_) > 2 and query_[2] == "close" and close(got, expected)):
                    agreed += 1
                    continue
                failed += 1
                if failed <= 5:
                    print(f"DISAGREE\n  dossier: {text}\n  sql:     {sql}\n  dossier rows: {got[:10]}\n  sqlite rows:  {expected[:10]}")
    print(f"differential: {agreed + failed} queries, {agreed} agree with sqlite3, {failed} disagree (seed {arguments.seed})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
