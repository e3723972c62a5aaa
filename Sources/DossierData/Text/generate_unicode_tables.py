#!/usr/bin/env python3
"""Generates the Unicode tables of dossier's text handling.

    python3 generate_unicode_tables.py   # writes UnicodeTables.swift beside it
                                         # and Tests/DossierCoreTests/Unicode/Generated/UnicodeFixtures.swift

Standard library only. The data comes from Python's `unicodedata` (its Unicode version is
written into the generated header) and `str.casefold()`, which implements Unicode full case
folding (CaseFolding.txt statuses C and F).

What is generated (see the header comment of the Swift file for the layout):

* per scalar, a record with
  - fold:    full case folding (C + F), when it differs from the scalar (ASCII excluded:
             the Swift code lower-cases ASCII itself);
  - base:    the unaccented form used by `Unaccent.strip` (see "Unaccent rules" below);
  - primary: the collation / accent-insensitive key of the scalar, `strip(casefold(c))`;
             it "factors through" folding: primary(c) == primary(casefold(c)) scalar by scalar;
  - marks:   the accents of the scalar, used at the secondary level of the sort key;
  - flags:   removed by unaccent, an accent for collation, and the tertiary (case) class.
* an NFC quick-check bitmap: scalars that are assigned, have canonical combining class 0 and
  NFC_Quick_Check = Yes. Text made only of such scalars is NFC.

Unaccent rules (modelled on PostgreSQL's contrib/unaccent, generate_unaccent_rules.py):

* Marks removed: general category Mn or Me in the blocks Combining Diacritical Marks
  (U+0300-036F), Extended (U+1AB0-1AFF), Supplement (U+1DC0-1DFF), for Symbols (U+20D0-20FF)
  and Combining Half Marks (U+FE20-FE2F). PostgreSQL removes U+0300-0362 and a few enclosing
  marks; we take the whole diacritic blocks. Marks of other scripts (Hebrew points, Arabic
  harakat, Indic signs, Cyrillic titlo) are kept: they are spelling, not accents.
* Letters whose canonical decomposition (NFD) is a base letter followed only by removed marks
  map to the base when the base is a "plain letter": Latin A-Z a-z or Greek Α-Ω α-ω (as
  PostgreSQL), or one of the special letters below (so ǿ -> ø -> o, ǽ -> æ -> ae).
* Cyrillic: only Ё -> Е and ё -> е (as PostgreSQL). й, ї, ў, ѓ, ќ ... are letters of their own.
* SPECIAL: Latin letters without a decomposition that are read as a base letter with a
  stroke, bar, hook, tail, middle dot or missing dot, and the Latin ligatures / digraphs
  (PostgreSQL gets these from CLDR's Latin-ASCII transliterator). Deliberately NOT mapped
  although PostgreSQL does: ĸ (kra), ŉ, ƕ, Ƣ/ƣ, ȸ, ȹ, Ɛ/ɛ (open e), Ɩ/ɩ (iota), IPA-only
  letters, and all symbols, fullwidth forms, math alphanumerics, Roman numerals, fractions
  and punctuation (those are transliterations, not accents).
"""

import os
import sys
import unicodedata as ud

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
OUT_TABLES = os.path.join(HERE, "UnicodeTables.swift")
OUT_FIXTURES = os.path.join(ROOT, "Tests", "DossierCoreTests", "Unicode", "Generated", "UnicodeFixtures.swift")

MAX_SCALAR = 0x10FFFF
TRIE_LIMIT = 0x20000       # records exist only below this (asserted)
TRIE_SHIFT = 7             # 128 scalars per block
NFC_LIMIT = 0x30000        # quick check table covers scalars below this
NFC_SHIFT = 8              # 256 scalars (4 x UInt64) per bitmap block
PSEUDO = 0x200000          # marks-pool flag: a pseudo accent (the special letter itself)


def is_scalar(c):
    return not (0xD800 <= c <= 0xDFFF)


def all_scalars():
    for c in range(MAX_SCALAR + 1):
        if is_scalar(c):
            yield c


# ---------------------------------------------------------------------------------------
# Unaccent rules

DROP_BLOCKS = [
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x1AB0, 0x1AFF),  # Combining Diacritical Marks Extended
    (0x1DC0, 0x1DFF),  # Combining Diacritical Marks Supplement
    (0x20D0, 0x20FF),  # Combining Diacritical Marks for Symbols
    (0xFE20, 0xFE2F),  # Combining Half Marks
]


def is_drop_mark(c):
    if not any(lo <= c <= hi for lo, hi in DROP_BLOCKS):
        return False
    return ud.category(chr(c)) in ("Mn", "Me")


PLAIN = set(range(0x41, 0x5B)) | set(range(0x61, 0x7B)) \
    | set(range(0x391, 0x3AA)) | set(range(0x3B1, 0x3CA))
PLAIN.discard(0x3A2)  # unassigned

CYRILLIC_EXTRA = {0x0401, 0x0451}  # Ё ё -> Е е (PostgreSQL's special case)

# Special letters: (letter, replacement). Listed in upper/lower pairs; the generator checks
# that every case partner is listed too.
SPECIAL = [
    # ligatures and digraphs
    ("Æ", "AE"), ("æ", "ae"), ("Œ", "OE"), ("œ", "oe"), ("ẞ", "SS"), ("ß", "ss"),
    ("Ĳ", "IJ"), ("ĳ", "ij"),
    ("Ǆ", "DZ"), ("ǅ", "Dz"), ("ǆ", "dz"), ("Ǳ", "DZ"), ("ǲ", "Dz"), ("ǳ", "dz"),
    ("Ǉ", "LJ"), ("ǈ", "Lj"), ("ǉ", "lj"), ("Ǌ", "NJ"), ("ǋ", "Nj"), ("ǌ", "nj"),
    # Old English / Icelandic, conventional transliteration
    ("Þ", "TH"), ("þ", "th"), ("Ð", "D"), ("ð", "d"),
    # stroke, bar, slash
    ("Ø", "O"), ("ø", "o"), ("Đ", "D"), ("đ", "d"), ("Ħ", "H"), ("ħ", "h"),
    ("Ł", "L"), ("ł", "l"), ("Ŧ", "T"), ("ŧ", "t"), ("Ƀ", "B"), ("ƀ", "b"),
    ("Ɨ", "I"), ("ɨ", "i"), ("Ƶ", "Z"), ("ƶ", "z"), ("Ǥ", "G"), ("ǥ", "g"),
    ("Ⱥ", "A"), ("ⱥ", "a"), ("Ȼ", "C"), ("ȼ", "c"), ("Ƚ", "L"), ("ƚ", "l"),
    ("Ⱦ", "T"), ("ⱦ", "t"), ("Ʉ", "U"), ("ʉ", "u"), ("Ɇ", "E"), ("ɇ", "e"),
    ("Ɉ", "J"), ("ɉ", "j"), ("Ɍ", "R"), ("ɍ", "r"), ("Ɏ", "Y"), ("ɏ", "y"),
    # dotless, middle dot, long s
    ("ı", "i"), ("ȷ", "j"), ("Ŀ", "L"), ("ŀ", "l"), ("ſ", "s"),
    # hook, tail, topbar, curl, swash
    ("Ɓ", "B"), ("ɓ", "b"), ("Ƃ", "B"), ("ƃ", "b"), ("Ƈ", "C"), ("ƈ", "c"),
    ("Ɖ", "D"), ("ɖ", "d"), ("Ɗ", "D"), ("ɗ", "d"), ("Ƌ", "D"), ("ƌ", "d"),
    ("Ƒ", "F"), ("ƒ", "f"), ("Ɠ", "G"), ("ɠ", "g"), ("Ƙ", "K"), ("ƙ", "k"),
    ("Ɲ", "N"), ("ɲ", "n"), ("Ƞ", "N"), ("ƞ", "n"), ("Ŋ", "N"), ("ŋ", "n"),
    ("Ƥ", "P"), ("ƥ", "p"), ("ƫ", "t"), ("Ƭ", "T"), ("ƭ", "t"), ("Ʈ", "T"), ("ʈ", "t"),
    ("Ʋ", "V"), ("ʋ", "v"), ("Ƴ", "Y"), ("ƴ", "y"), ("Ȥ", "Z"), ("ȥ", "z"),
    ("Ȿ", "S"), ("ȿ", "s"), ("Ɀ", "Z"), ("ɀ", "z"),
    ("ȡ", "d"), ("ȴ", "l"), ("ȵ", "n"), ("ȶ", "t"),
]
SPECIAL_MAP = {}
for letter, replacement in SPECIAL:
    assert len(letter) == 1 and ord(letter) not in SPECIAL_MAP, letter
    SPECIAL_MAP[ord(letter)] = replacement


def nfd(c):
    return ud.normalize("NFD", chr(c))


def decomposition_base(c):
    """(base scalar, [marks]) when NFD(c) is a base followed only by removed marks."""
    d = nfd(c)
    if len(d) < 2 or d == chr(c):
        return None
    marks = [ord(x) for x in d[1:]]
    if not all(is_drop_mark(m) for m in marks):
        return None
    return ord(d[0]), marks


def letter_base(c):
    """Unaccented replacement of a letter (str), or None."""
    if c in SPECIAL_MAP:
        return SPECIAL_MAP[c]
    db = decomposition_base(c)
    if db is None:
        return None
    base, _ = db
    if base in PLAIN or c in CYRILLIC_EXTRA:
        return chr(base)
    if base in SPECIAL_MAP:
        return SPECIAL_MAP[base]
    return None


def strip_scalar(c):
    """What `Unaccent.strip` makes of one scalar (NFC input)."""
    if is_drop_mark(c):
        return ""
    b = letter_base(c)
    return chr(c) if b is None else b


def strip_str(s):
    return "".join(strip_scalar(ord(x)) for x in s)


def casefold(c):
    return chr(c).casefold()


def mark_for_key(c):
    """An accent at the secondary level: removed by unaccent and unchanged by folding."""
    return is_drop_mark(c) and casefold(c) == chr(c)


def primary(c):
    """Primary collation units / accent-insensitive key: strip(casefold(c))."""
    return strip_str(casefold(c))


def secondary_marks(c):
    """Accents of a scalar (secondary weights), real marks or PSEUDO | lower(special)."""
    if c in SPECIAL_MAP:
        return [PSEUDO | ord(special_lower(c))]
    if letter_base(c) is None:
        return []
    base, marks = decomposition_base(c)
    out = []
    if base in SPECIAL_MAP:
        out.append(PSEUDO | ord(special_lower(base)))
    return out + marks


def special_lower(c):
    low = chr(c).lower()
    assert len(low) == 1 and ord(low) in SPECIAL_MAP and ord(low) >= 0x80, hex(c)
    return low


COMMON, UPPER, OTHER = 0, 1, 2


def tertiary_class(c):
    ch = chr(c)
    if c in SPECIAL_MAP:
        low = special_lower(c)
        if low == ch:
            return COMMON
        if ud.normalize("NFC", low.upper()) == ch:
            return UPPER
        return OTHER
    folded = ch.casefold()
    if folded == ch:
        return COMMON
    if ud.normalize("NFC", folded.upper()) == ch:
        return UPPER
    return OTHER


# ---------------------------------------------------------------------------------------
# Records


class Pool:
    def __init__(self):
        self.items = []
        self.index = {}

    def add(self, seq):
        seq = tuple(seq)
        if not seq:
            return 0, 0
        assert len(seq) <= 3, seq
        if seq not in self.index:
            # reuse a suffix/prefix overlap? keep it simple: exact sequences only
            self.index[seq] = len(self.items)
            self.items.extend(seq)
        start = self.index[seq]
        assert start < (1 << 14), "pool too large for 14-bit offsets"
        return start, len(seq)


def build_records():
    pool = Pool()
    records = [(0, 0)]            # (packed UInt64, flags UInt8); record 0: nothing
    record_index = {(0, 0): 0}
    per_scalar = {}
    for c in all_scalars():
        if c < 0x80:
            continue
        ch = chr(c)
        folded = casefold(c)
        fold_seq = [ord(x) for x in folded] if folded != ch else []
        drop = is_drop_mark(c)
        base = letter_base(c)
        base_seq = [ord(x) for x in base] if base is not None else []
        mkey = mark_for_key(c)
        prim = "" if mkey else primary(c)
        # store primary only when it differs from what the runtime would assume (the fold)
        implied = folded
        prim_seq = [ord(x) for x in prim] if (not mkey and prim != implied) else []
        if not mkey:
            assert prim != "", hex(c)
        marks = secondary_marks(c)
        klass = tertiary_class(c)
        flags = (1 if drop else 0) | (2 if mkey else 0) | (klass << 2)
        if not (fold_seq or base_seq or prim_seq or marks or flags):
            continue
        assert c < TRIE_LIMIT, hex(c)
        fs, fc = pool.add(fold_seq)
        bs, bc = pool.add(base_seq)
        ps, pc = pool.add(prim_seq)
        ms, mc = pool.add(marks)
        packed = fs | fc << 14 | bs << 16 | bc << 30 | ps << 32 | pc << 46 | ms << 48 | mc << 62
        key = (packed, flags)
        if key not in record_index:
            record_index[key] = len(records)
            records.append(key)
        per_scalar[c] = record_index[key]
    assert len(records) < 65536
    return pool.items, records, per_scalar


def build_trie(per_scalar):
    blocks = [tuple([0] * (1 << TRIE_SHIFT))]
    block_index = {blocks[0]: 0}
    stage1 = []
    for hi in range(TRIE_LIMIT >> TRIE_SHIFT):
        block = tuple(per_scalar.get((hi << TRIE_SHIFT) | lo, 0) for lo in range(1 << TRIE_SHIFT))
        if block not in block_index:
            block_index[block] = len(blocks)
            blocks.append(block)
        stage1.append(block_index[block])
    assert len(blocks) <= 256
    stage2 = [v for b in blocks for v in b]
    return stage1, stage2


# ---------------------------------------------------------------------------------------
# NFC quick check

def composition_seconds():
    """Scalars that can combine with a preceding scalar in NFC (NFC_QC = Maybe)."""
    seconds = set()
    for c in all_scalars():
        dec = ud.decomposition(chr(c))
        if not dec or dec.startswith("<"):
            continue
        parts = [int(x, 16) for x in dec.split()]
        if len(parts) == 2 and ud.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(c):
            seconds.add(parts[1])
    seconds.update(range(0x1161, 0x1176))  # Hangul V
    seconds.update(range(0x11A8, 0x11C3))  # Hangul T
    return seconds


def nfc_safe_set():
    seconds = composition_seconds()
    safe = set()
    for c in all_scalars():
        if c >= NFC_LIMIT:
            break
        ch = chr(c)
        if ud.category(ch) == "Cn":
            continue
        if ud.combining(ch) != 0 or c in seconds:
            continue
        if ud.normalize("NFC", ch) != ch:
            continue
        safe.add(c)
    return safe


def build_nfc(safe):
    per_block = 1 << NFC_SHIFT
    stage1 = []
    blocks = []
    block_index = {}
    for hi in range(NFC_LIMIT >> NFC_SHIFT):
        bits = 0
        for lo in range(per_block):
            if (hi << NFC_SHIFT) | lo in safe:
                bits |= 1 << lo
        if bits == 0:
            stage1.append(0)
        elif bits == (1 << per_block) - 1:
            stage1.append(1)
        else:
            words = tuple((bits >> (64 * k)) & 0xFFFFFFFFFFFFFFFF for k in range(per_block // 64))
            if words not in block_index:
                block_index[words] = len(blocks)
                blocks.append(words)
            stage1.append(2 + block_index[words])
    assert 2 + len(blocks) <= 256
    return stage1, [w for b in blocks for w in b]


# ---------------------------------------------------------------------------------------
# Checks


def check(records_of, safe):
    errors = []
    # case partners of special letters are special too
    for c in SPECIAL_MAP:
        for partner in (chr(c).lower(), chr(c).upper()):
            if len(partner) != 1 or ord(partner) == c:
                continue
            if partner.lower() != chr(c) and chr(c).lower() != partner:
                continue  # ı -> I, ſ -> S: not a pair (I and S have their own lower case)
            if ord(partner) not in SPECIAL_MAP:
                    errors.append("special %04X: case partner %04X not listed" % (c, ord(partner)))
    # primary is folded and stripped (idempotent), and factors through folding
    for c in all_scalars():
        p = "" if mark_for_key(c) else primary(c)
        if p.casefold() != p or strip_str(p) != p:
            errors.append("primary of %04X not idempotent" % c)
        via_fold = "".join("" if mark_for_key(ord(x)) else primary(ord(x)) for x in casefold(c))
        if via_fold != p:
            errors.append("primary of %04X does not factor through folding" % c)
    # unaccent maps case partners consistently: fold(strip(c)) == fold(strip(lower(c)))
    for c in all_scalars():
        low = chr(c).lower()
        if len(low) == 1 and ord(low) != c:
            if strip_str(chr(c)).casefold() != strip_str(low).casefold():
                errors.append("strip of %04X and its lower case %04X disagree" % (c, ord(low)))
    # collation signatures are unique among NFC-stable scalars (keys equal <=> NFC equal)
    seen = {}
    for c in all_scalars():
        ch = chr(c)
        if ud.category(ch) in ("Cn", "Cs") or ud.normalize("NFC", ch) != ch or mark_for_key(c):
            continue
        klass = tertiary_class(c)
        marks = secondary_marks(c)
        p = primary(c)
        if klass != OTHER and not any(m & PSEUDO for m in marks) and len(p) > 1:
            errors.append("%04X expands to %d primary units without a distinguishing weight" % (c, len(p)))
        sig = (p, tuple(marks), klass, c if klass == OTHER else None)
        if sig in seen:
            errors.append("%04X and %04X have the same sort key" % (seen[sig], c))
        seen[sig] = c
    # the quick check never says yes to a non-NFC scalar
    for c in safe:
        assert ud.normalize("NFC", chr(c)) == chr(c)
    if errors:
        for e in errors[:50]:
            print("error:", e, file=sys.stderr)
        sys.exit("%d errors" % len(errors))


# ---------------------------------------------------------------------------------------
# Output


def swift_array(name, element, values, width, doc, per_line=None, fmt=None):
    if fmt is None:
        digits = {"UInt8": 2, "UInt16": 4, "UInt32": 5, "UInt64": 16}[element]
        fmt = lambda v: "0x%0*X" % (digits, v)
    items = [fmt(v) for v in values]
    lines = []
    line = ""
    for item in items:
        piece = item + ","
        if line and len(line) + 1 + len(piece) > width:
            lines.append(line)
            line = piece
        else:
            line = piece if not line else line + " " + piece
    if line:
        lines.append(line)
    out = []
    for d in doc:
        out.append("    /// " + d if d else "    ///")
    out.append("    static let %s: [%s] = [" % (name, element))
    out.extend("        " + l for l in lines)
    out.append("    ]")
    return "\n".join(out)


def describe_special():
    parts = ["%s→%s" % (letter, repl) for letter, repl in SPECIAL]
    lines = []
    line = "//  "
    for p in parts:
        if len(line) + len(p) + 1 > 96:
            lines.append(line.rstrip())
            line = "//  "
        line += p + " "
    lines.append(line.rstrip())
    return "\n".join(lines)


def write_tables(pool, records, stage1, stage2, nfc_stage1, nfc_blocks):
    version = ud.unidata_version
    header = f"""\
// UnicodeTables.swift — GENERATED by generate_unicode_tables.py (python3 {sys.version.split()[0]}, unicodedata),
// from Unicode {version}. Do not edit; change generate_unicode_tables.py and run `python3 generate_unicode_tables.py`.
//
// Unicode {version} is what Python's unicodedata ships; scalars assigned later are treated as
// having no case folding, no accents, and as "not certainly NFC" (the stdlib normaliser,
// which is newer, then handles them).
//
// Per-scalar records, looked up in two stages for scalars below U+{TRIE_LIMIT:05X} (none above
// have data):  record = records[stage2[Int(stage1[c >> {TRIE_SHIFT}]) << {TRIE_SHIFT} | (c & {(1 << TRIE_SHIFT) - 1})]]
//   records[i] (UInt64), four (start, count) references into `pool`, 16 bits each
//   (14-bit start, 2-bit count; count 0 = absent):
//     bits  0..15  fold     full case folding (CaseFolding.txt C + F); absent = the scalar
//     bits 16..31  base     unaccented replacement for Unaccent.strip; absent = the scalar
//     bits 32..47  primary  collation primary units = strip(fold(c)); absent = the fold
//     bits 48..63  marks    accents, secondary weights: a combining mark, or
//                           0x{PSEUDO:06X} | scalar for a special letter (ø, ł, æ, ß ...)
//   recordFlags[i] (UInt8):
//     bit 0     removed by Unaccent.strip (a diacritical mark)
//     bit 1     an accent at the collation secondary level (no primary weight)
//     bits 2-3  tertiary class: 0 lower case or uncased, 1 upper case, 2 other variant
//
// NFC quick check, for scalars below U+{NFC_LIMIT:05X}: nfcStage1[c >> {NFC_SHIFT}] is 0 (none certain),
// 1 (all certain) or 2 + b: bit (c & 255) of the 256-bit block nfcBlocks[4 * b ..< 4 * b + 4].
// "Certain" = assigned, canonical combining class 0 and NFC_Quick_Check = Yes.
//
// Unaccent: marks removed are Mn/Me in U+0300-036F, 1AB0-1AFF, 1DC0-1DFF, 20D0-20FF, FE20-FE2F.
// Letters whose NFD is a base plus such marks map to the base when it is Latin A-Z a-z,
// Greek Α-Ω α-ω, or a special letter below; Cyrillic only Ё→Е ё→е (as PostgreSQL's unaccent).
// Special letters (no decomposition):
{describe_special()}
"""
    body = [header, "enum UnicodeTables {"]
    body.append(swift_array("stage1", "UInt8", stage1, 100,
                            ["Block number of each 128-scalar block below U+%05X (block 0: no data)." % TRIE_LIMIT],
                            fmt=lambda v: "%d" % v))
    body.append("")
    body.append(swift_array("stage2", "UInt16", stage2, 100,
                            ["Record number of each scalar, block by block."],
                            fmt=lambda v: "%d" % v))
    body.append("")
    body.append(swift_array("records", "UInt64", [r[0] for r in records], 100,
                            ["Packed references into `pool` (see the header)."]))
    body.append("")
    body.append(swift_array("recordFlags", "UInt8", [r[1] for r in records], 100,
                            ["Flags of each record (see the header)."], fmt=lambda v: "%d" % v))
    body.append("")
    body.append(swift_array("pool", "UInt32", pool, 100,
                            ["Scalar sequences referenced by records."], fmt=lambda v: "0x%04X" % v))
    body.append("")
    body.append(swift_array("nfcStage1", "UInt8", nfc_stage1, 100,
                            ["NFC quick check, per 256 scalars below U+%05X (see the header)." % NFC_LIMIT],
                            fmt=lambda v: "%d" % v))
    body.append("")
    body.append(swift_array("nfcBlocks", "UInt64", nfc_blocks, 100,
                            ["256-bit blocks of the NFC quick check, 4 words each, low bits first."]))
    body.append("}")
    text = "\n".join(body) + "\n"
    with open(OUT_TABLES, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def write_fixtures():
    import random
    rng = random.Random(20240611)
    lines = []
    for c in all_scalars():
        f = casefold(c)
        if f != chr(c):
            lines.append("%04X;%s" % (c, " ".join("%04X" % ord(x) for x in f)))
    casefold_text = "\n".join(lines)

    # NFC cases: random sequences over bases and marks that interact
    bases = [ord(x) for x in "aeiouyAEIOUYcnszCNSZgkGKwWxX"] + \
        [0x3B1, 0x3B5, 0x3B7, 0x3B9, 0x3BF, 0x3C5, 0x3C9, 0x391, 0x3A9, 0x418, 0x438, 0x435, 0x415,
         0x1100, 0x1101, 0x1161, 0x1162, 0x11A8, 0x11A9, 0xAC00, 0xAC01, 0x0627, 0x05D0,
         0x0915, 0x09C7, 0x09BE, 0x0B47, 0x0B3E, 0x0E01, 0x212B, 0x2126, 0x212A, 0xF900,
         0x00C5, 0x00E9, 0x1EA1, 0x0340, 0x0344, 0x0374, 0x037E, 0x0387, 0x1F71, 0x00E0]
    marks = [0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x309, 0x30A, 0x30B,
             0x30C, 0x31B, 0x323, 0x324, 0x327, 0x328, 0x331, 0x342, 0x345, 0x313, 0x314,
             0x5B4, 0x5B8, 0x64E, 0x651, 0x93C, 0x94D, 0x1DCE, 0x20D7, 0x0334, 0x0338]
    cases = []
    for _ in range(3000):
        n = rng.randint(1, 6)
        s = "".join(chr(rng.choice(bases) if rng.random() < 0.5 else rng.choice(marks)) for _ in range(n))
        cases.append(s)
    nfc_lines = []
    for s in cases:
        nfc_lines.append("%s;%s" % (" ".join("%04X" % ord(x) for x in s),
                                     " ".join("%04X" % ord(x) for x in ud.normalize("NFC", s))))
    nfc_text = "\n".join(nfc_lines)

    text = f"""\
// Fixtures.swift — GENERATED by generate_unicode_tables.py from Python's unicodedata (Unicode {ud.unidata_version}).
// Do not edit.

enum Fixtures {{
    /// Every scalar whose full case folding (Python's str.casefold) differs from itself:
    /// "XXXX;YYYY ZZZZ" = scalar; folding.
    static let casefold = \"\"\"
{casefold_text}
\"\"\"

    /// Random sequences of letters and combining marks and their NFC: "input;nfc".
    static let nfc = \"\"\"
{nfc_text}
\"\"\"
}}
"""
    os.makedirs(os.path.dirname(OUT_FIXTURES), exist_ok=True)
    with open(OUT_FIXTURES, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    pool, records, per_scalar = build_records()
    stage1, stage2 = build_trie(per_scalar)
    safe = nfc_safe_set()
    nfc_stage1, nfc_blocks = build_nfc(safe)
    check(per_scalar, safe)
    size = write_tables(pool, records, stage1, stage2, nfc_stage1, nfc_blocks)
    write_fixtures()
    print("Unicode %s: %d scalars with data, %d records, %d blocks, pool %d, "
          "NFC blocks %d, %s: %d bytes"
          % (ud.unidata_version, len(per_scalar), len(records), len(stage2) >> TRIE_SHIFT,
             len(pool), len(nfc_blocks) // 4, os.path.relpath(OUT_TABLES, HERE), size))


if __name__ == "__main__":
    main()
