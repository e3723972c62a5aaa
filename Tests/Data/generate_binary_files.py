#!/usr/bin/env python3
"""Writes the binary test files of Tests/Data once; their outputs are committed, so tests and
CI need neither an office suite nor this script.

    python3 Tests/Data/generate_binary_files.py     # needs libreoffice (Debian: libreoffice-calc-nogui)

Workbooks are written by a real spreadsheet program: each is a flat OpenDocument
spreadsheet (.fods, XML) made here, turned into .xlsx by `libreoffice --headless
--convert-to xlsx`, so the files have what LibreOffice really writes (shared strings,
styles, cached formula values). Databases are written by Python's sqlite3.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, "good")
BAD = os.path.join(HERE, "bad")

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text>
  <number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <number:date-style style:name="stamp"><number:year number:style="long"/><number:text>-</number:text>
  <number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text>
  <number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
 <number:boolean-style style:name="truth"><number:boolean/></number:boolean-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="iso"/>
 <style:style style:name="bool" style:family="table-cell" style:data-style-name="truth"/>
 <style:style style:name="datetime" style:family="table-cell" style:data-style-name="stamp"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
TAIL = "</office:spreadsheet></office:body></office:document>\n"


def cell(value):
    """A cell from a Python value: str, int/float, bool, ("date", "2025-03-01"),
    ("datetime", "2025-03-01T14:30:00"), ("formula", "of:=[.B2]*2", cached number), None."""
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, bool):
        word = "true" if value else "false"
        return (f'<table:table-cell table:style-name="bool" office:value-type="boolean" office:boolean-value="{word}">'
                f"<text:p>{word.upper()}</text:p></table:table-cell>")
    if isinstance(value, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    if isinstance(value, tuple) and value[0] == "date":
        return (f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{value[1]}">'
                f"<text:p>{value[1]}</text:p></table:table-cell>")
    if isinstance(value, tuple) and value[0] == "datetime":
        return (f'<table:table-cell table:style-name="datetime" office:value-type="date" office:date-value="{value[1]}">'
                f"<text:p>{value[1]}</text:p></table:table-cell>")
    if isinstance(value, tuple) and value[0] == "formula":
        return (f'<table:table-cell table:formula="{value[1]}" office:value-type="float" office:value="{value[2]}">'
                f"<text:p>{value[2]}</text:p></table:table-cell>")
    if isinstance(value, tuple) and value[0] == "error":
        return f'<table:table-cell table:formula="{value[1]}"><text:p>#DIV/0!</text:p></table:table-cell>'
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def sheet(name, rows):
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>\n" for row in rows)
    if not rows:
        body = "<table:table-row><table:table-cell/></table:table-row>\n"
    return f'<table:table table:name="{name}">\n{body}</table:table>\n'


def workbook(path, sheets):
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, os.path.splitext(os.path.basename(path))[0] + ".fods")
        with open(source, "w", encoding="utf-8") as out:
            out.write(HEAD + "".join(sheet(n, r) for n, r in sheets) + TAIL)
        subprocess.run(["libreoffice", "--headless", "--convert-to", "xlsx", "--outdir", work, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(work, os.path.basename(source)[:-5] + ".xlsx"), path)


def workbooks():
    workbook(os.path.join(GOOD, "budget.xlsx"), [
        ("Income", [
            ["item", "amount", "received", "paid", "double"],
            ["Grant", 1500.5, ("date", "2025-03-01"), True, ("formula", "of:=[.B2]*2", 3001)],
            ["Café sales", 20, ("date", "2025-03-15"), False, ("formula", "of:=[.B3]*2", 40)],
            ["Donation", None, ("date", "2024-12-31"), True, ("formula", "of:=[.B4]*2", 0)],
        ]),
        # A title row, an empty row, then the table from column B.
        ("Costs 2025", [
            [None, "Costs, first quarter"],
            [],
            [None, "what", "eur", "code"],
            [None, "rent", 900, "007"],
            [None, "phone", 35.25, "012"],
        ]),
        ("Empty", []),
    ])
    workbook(os.path.join(GOOD, "stamps.xlsx"), [
        ("Log", [
            ["when", "count", "ratio"],
            [("datetime", "2025-03-01T14:30:00"), 3, ("error", "of:=1/0")],
            [("datetime", "2025-03-02T00:00:00"), 4, 0.25],
        ]),
    ])


def databases():
    def fresh(path):
        if os.path.exists(path):
            os.remove(path)
        return sqlite3.connect(path)

    shop = fresh(os.path.join(GOOD, "shop.sqlite"))
    shop.executescript("""
        create table customers(id integer primary key, name text, code text, joined date);
        insert into customers values (1, 'Ana', '007', '2024-01-05'), (2, 'Bo', '012', '2024-02-10'), (3, 'Zoë', null, null);
        create table orders(id integer, customer integer, total real, paid boolean, note);
        insert into orders values (10, 1, 19.99, 1, 'first'), (11, 1, 5.5, 0, null), (12, 2, 100, 1, 7);
        create view big_orders as select * from orders where total > 50;
    """)
    shop.commit()
    shop.close()

    single = fresh(os.path.join(GOOD, "single.db"))
    single.executescript("""
        create table readings(station text, level integer, measured date);
        insert into readings values ('north', 3, '2025-01-01'), ('south', 5, '2025-01-02');
    """)
    single.commit()
    single.close()

    mixed = fresh(os.path.join(GOOD, "mixed.db"))
    mixed.executescript("""
        create table things(id integer, size integer, picture blob, empty_later text);
        insert into things values (1, 10, x'89504e47', 'a'), (2, 'large', null, 'b'), (3, 30, x'00', 'c');
        create table nothing_yet(id integer, name text);
    """)
    mixed.commit()
    mixed.close()

    empty = fresh(os.path.join(BAD, "no_tables.sqlite"))
    empty.execute("pragma user_version = 1")
    empty.commit()
    empty.close()

    # A real header followed by pages of garbage: SQLite's own error must come through.
    with open(os.path.join(GOOD, "shop.sqlite"), "rb") as source:
        head = source.read(100)
    with open(os.path.join(BAD, "damaged.sqlite"), "wb") as out:
        out.write(head + bytes((i * 37) % 251 for i in range(8092)))


def other_binaries():
    # A ZIP archive that is not a workbook.
    with zipfile.ZipFile(os.path.join(BAD, "archive.zip"), "w") as archive:
        archive.writestr("data.csv", "a,b\n1,2\n")
    # A workbook cut short: the ZIP's directory is missing.
    with open(os.path.join(GOOD, "budget.xlsx"), "rb") as source:
        data = source.read()
    with open(os.path.join(BAD, "truncated.xlsx"), "wb") as out:
        out.write(data[: len(data) // 2])


def main():
    if shutil.which("libreoffice") is None:
        sys.exit("needs libreoffice: apt-get install libreoffice-calc-nogui")
    workbooks()
    databases()
    other_binaries()


if __name__ == "__main__":
    main()
