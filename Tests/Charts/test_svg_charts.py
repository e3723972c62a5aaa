#!/usr/bin/env python3
"""Charts saved as SVG are drawn where the numbers say (issue 14).

Run by `make test`: python3 Tests/Charts/test_svg_charts.py [path/to/dossier]
Each chart is saved by dossier, checked as XML (standalone: nothing loaded from elsewhere),
rendered to PNG by rsvg-convert (Debian's librsvg2-bin), and its pixels are read back with
zlib: the bars' lengths must be in the ratios of the numbers, negative bars on the other side
of the zero line, and a period without rows an empty slot.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("DOSSIER_BINARY") or os.path.join(ROOT, ".build", "debug", "dossier")
POSITIVE = (0x3B, 0x6E, 0xA5)
NEGATIVE = (0xC4, 0x4E, 0x52)
SVG = "{http://www.w3.org/2000/svg}"


def read_png(path):
    """Width, height and rows of (r, g, b) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as handle:
        data = handle.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat = 8, b""
    width = height = channels = 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), f"unexpected PNG depth {depth} colour type {colour}"
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


def near(colour, target):
    return sum(abs(a - b) for a, b in zip(colour, target)) < 30


def runs(cells, target):
    """(start, end) of each run of `target`-coloured cells, end inclusive."""
    found, start = [], None
    for index, colour in enumerate(cells + [(255, 255, 255)]):
        if near(colour, target) and start is None:
            start = index
        elif not near(colour, target) and start is not None:
            found.append((start, index - 1))
            start = None
    return found


def bands(lines, target):
    """Groups of consecutive lines (rows or columns) holding `target`: (first, last, extent at the middle)."""
    groups, start = [], None
    marks = [bool(runs(line, target)) for line in lines] + [False]
    for index, marked in enumerate(marks):
        if marked and start is None:
            start = index
        elif not marked and start is not None:
            middle = (start + index - 1) // 2
            extent = runs(lines[middle], target)
            groups.append((start, index - 1, (extent[0][0], extent[-1][1])))
            start = None
    return groups


class SVGChartTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="dossier-svg-")

    def tearDown(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def dossier(self, *statements, empty=False):
        arguments = [BINARY, "--no-history"] + (["--empty"] if empty else [])
        for statement in statements:
            arguments += ["-c", statement]
        result = subprocess.run(arguments, capture_output=True, text=True, timeout=60, cwd=self.folder)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def csv(self, name, text):
        path = os.path.join(self.folder, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return path

    def render(self, svg):
        """The SVG checked as a standalone document, then its pixels."""
        path = os.path.join(self.folder, svg)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        root = ElementTree.fromstring(text)
        self.assertEqual(root.tag, SVG + "svg")
        for banned in ("href", "url(", "@import", "<script", "<style", "<image", "<foreignObject"):
            self.assertNotIn(banned, text, f"a standalone SVG has no {banned}")
        png = path + ".png"
        subprocess.run(["rsvg-convert", "--format", "png", "--output", png, path], check=True, timeout=60)
        return root, read_png(png)

    def assertProportional(self, lengths, values, tolerance=2.0):
        unit = max(lengths) / max(abs(v) for v in values)
        for length, value in zip(lengths, values):
            self.assertAlmostEqual(length, abs(value) * unit, delta=tolerance, msg=f"{lengths} for {values}")

    def test_horizontal_bars_have_the_lengths_of_their_counts_in_order(self):
        self.dossier("save countries count by region | chart to regions.svg")
        root, (width, height, rows) = self.render("regions.svg")
        self.assertEqual(root.find(SVG + "title").text, "countries count by region")
        texts = [element.text for element in root.iter(SVG + "text")]
        self.assertIn("region", texts)
        self.assertIn("count", texts)
        self.assertLess(texts.index("Central America"), texts.index("Africa"))
        found = bands(rows, POSITIVE)
        self.assertEqual(len(found), 6, found)
        starts = {extent[0] for _, _, extent in found}
        self.assertLessEqual(max(starts) - min(starts), 1, "every bar starts at the zero line")
        lengths = [extent[1] - extent[0] + 1 for _, _, extent in found]
        self.assertProportional(lengths, [5, 4, 2, 1, 1, 1])

    def test_negative_bars_grow_left_from_the_zero_line(self):
        self.csv("change.csv", "party,change:int\nGreens,12\nReds,-30\nBlues,18\n")
        self.dossier("load change.csv", "save change where party != Nobody | chart to change.svg", empty=True)
        _, (_, _, rows) = self.render("change.svg")
        positive = bands(rows, POSITIVE)
        negative = bands(rows, NEGATIVE)
        self.assertEqual(len(positive), 2)
        self.assertEqual(len(negative), 1)
        zero = positive[0][2][0]
        self.assertLessEqual(abs(negative[0][2][1] + 1 - zero), 1, "the negative bar ends at the zero line")
        self.assertTrue(positive[0][0] < negative[0][0] < positive[1][0], "bars keep the result's order")
        lengths = [positive[0][2][1] - zero + 1, zero - negative[0][2][0], positive[1][2][1] - zero + 1]
        self.assertProportional(lengths, [12, -30, 18])

    def test_a_time_chart_puts_periods_in_order_and_leaves_a_gap(self):
        self.csv("money.csv", "month:date,amount:int\n2025-04-01,20\n2025-01-01,30\n2025-02-01,50\n2025-05-01,-10\n")
        self.dossier("load money.csv", "save money select month, amount | chart to money.svg", empty=True)
        root, (width, height, rows) = self.render("money.svg")
        columns = [list(column) for column in zip(*rows)]
        positive = bands(columns, POSITIVE)
        negative = bands(columns, NEGATIVE)
        self.assertEqual((len(positive), len(negative)), (3, 1), (positive, negative))
        centres = [(first + last) / 2 for first, last, _ in positive + negative]
        slot = centres[1] - centres[0]  # January to February
        self.assertAlmostEqual(centres[2] - centres[1], 2 * slot, delta=2, msg="March is an empty slot")
        self.assertAlmostEqual(centres[3] - centres[2], slot, delta=2)
        zero = positive[0][2][1]  # columns grow up from the zero line: it is their lowest row
        self.assertTrue(all(abs(extent[1] - zero) <= 1 for _, _, extent in positive))
        heights = [extent[1] - extent[0] + 1 for _, _, extent in positive] + [negative[0][2][1] - zero]
        self.assertProportional(heights, [30, 50, 20, -10])
        labels = [element.text for element in root.iter(SVG + "text")]
        self.assertIn("2025-03", labels)

    def test_a_histogram_has_columns_as_tall_as_its_bins(self):
        values = [0.5, 1.2, 1.7, 2.1, 2.2, 2.9, 3.3, 3.4, 3.5, 3.6, 9.8]
        self.csv("v.csv", "v\n" + "".join(f"{v}\n" for v in values))
        terminal = self.dossier("load v.csv", "v select v | chart", empty=True)
        counts = [int(line.split()[-1]) for line in terminal.splitlines() if not line.startswith("(")]
        self.assertEqual(sum(counts), len(values))
        self.dossier("load v.csv", "save v select v | chart to v.svg", empty=True)
        _, (_, _, rows) = self.render("v.svg")
        columns = [list(column) for column in zip(*rows)]
        found = bands(columns, POSITIVE)
        self.assertEqual(len(found), len([c for c in counts if c > 0]))
        heights = [extent[1] - extent[0] + 1 for _, _, extent in found]
        self.assertProportional(heights, [c for c in counts if c > 0])

    def test_an_svg_without_chart_draws_the_chart_it_would(self):
        self.dossier("save countries count by status to status.svg")
        root, _ = self.render("status.svg")
        self.assertEqual(root.find(SVG + "title").text, "countries count by status")


if __name__ == "__main__":
    if len(sys.argv) > 1 and os.path.exists(sys.argv[1]):
        BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
