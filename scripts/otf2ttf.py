#!/usr/bin/python3
"""Build one subsetted, single-file TrueType (glyf) font from a Noto CJK OTC.

Steps (all with Debian's python3-fonttools):
  1. pick the face whose name ID 1 equals --face (e.g. "Noto Sans CJK SC")
     out of the .ttc collection (the SC face, so Simplified Chinese glyph
     shapes are used for shared code points);
  2. drop the cmap format 14 (variation-sequence) subtable, so that no
     Japanese/Traditional variant glyphs are pulled in through it;
  3. subset to the repertoire in UNICODE_RANGES (no layout features, no
     hinting, no glyph names, vertical metrics dropped);
  4. convert the CFF outlines to quadratic TrueType outlines with cu2qu
     (max error --max-err font units; UPM is 1000), build glyf/loca, drop
     CFF, write a version 1.0 maxp and a format 3 post table;
  5. rename the family (name IDs 1/2/3/4/6) and keep copyright, trademark,
     licence description and licence URL (IDs 0, 7, 13, 14);
  6. save with fixed head.created/modified (those of the source face) so the
     output is byte-for-byte reproducible.

Usage:
  otf2ttf.py --ttc /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \
      --face "Noto Sans CJK SC" --family "Noto Sans SC" --style Bold \
      --psname NotoSansSC-Bold --out assets/fonts/NotoSansSC-Bold.ttf
"""

import argparse
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

# Inclusive code point ranges kept in the bundled fonts.
UNICODE_RANGES = [
    (0x0020, 0x00FF),  # Basic Latin + Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation (— ‘ ’ “ ” • … ‰ ※)
    (0x2100, 0x22FF),  # Letterlike, Number Forms, Arrows, Math Operators (℃ № Ⅰ → ∑ ≤)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (①–⑳ ⑴ ⒈ ...)
    (0x2500, 0x25FF),  # Box Drawing, Block Elements, Geometric Shapes (□ ■ ○ ●)
    (0x2600, 0x26FF),  # Miscellaneous Symbols (★ ☆)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation (、。《》【】〔〕)
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months (㈠ ㊀)
    (0x3300, 0x33FF),  # CJK Compatibility (㎡ ㎏)
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms (（）！？：；，％)
]
# Singles named explicitly in the requirements (all already inside the ranges
# above; listed so that a future narrowing of a range cannot drop them).
EXTRA_CODEPOINTS = [0x00B7, 0x00D7, 0x00F7, 0x2014, 0x2018, 0x2019, 0x201C,
                    0x201D, 0x2022, 0x2026, 0x2030, 0x203B, 0x2103, 0x2116,
                    0x25A1]

DROP_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "VORG", "vhea", "vmtx",
               "DSIG", "kern", "meta"]


# The supplement face: what the body faces lack and documents meet in
# names and notes, printed through the fallback chain instead of □.
SUPPLEMENT_RANGES = [
    (0x0100, 0x024F),  # Latin Extended-A/B: pinyin tone letters (ā ǎ ī ǔ ǘ ǚ)
    (0x02B0, 0x02FF),  # Spacing modifier letters (ˉ ˊ ˇ ˋ tone marks)
    (0x0370, 0x03FF),  # Greek (α β Ω)
    (0x0400, 0x04FF),  # Cyrillic (а б Ж)
    (0x1E00, 0x1EFF),  # Latin Extended Additional (ḿ ẑ)
]


def repertoire(gb2312=False, supplement=False, no_latin=False):
    """The code points kept. With gb2312, the ideographs are only the 6,763
    of GB 2312 (for the faces of titles and headings, which fall back per
    character to the full body faces): a font a third of the size."""
    if supplement:
        return sorted(cp for lo, hi in SUPPLEMENT_RANGES for cp in range(lo, hi + 1))
    cps = set(EXTRA_CODEPOINTS)
    for lo, hi in UNICODE_RANGES:
        if gb2312 and lo >= 0x3400 and hi <= 0xFAFF and lo != 0x3200 and lo != 0x3300:
            continue
        cps.update(range(lo, hi + 1))
    if gb2312:
        for hi in range(0xB0, 0xF8):
            for lo in range(0xA1, 0xFF):
                try:
                    cps.add(ord(bytes([hi, lo]).decode("gb2312")))
                except UnicodeDecodeError:
                    pass
    if no_latin:
        # Latin letters, digits and Latin-1 signs are left to the faces the
        # documents fall back to (Noto Serif SC), whose serif figures suit
        # official text better than FandolFang's sans-like ones.
        cps -= set(range(0x0020, 0x0100))
    return sorted(cps)


def load_face(ttc_path, face_name):
    if not ttc_path.lower().endswith((".ttc", ".otc")):
        # A single-face OpenType file (FandolFang-Regular.otf).
        font = TTFont(ttc_path, recalcTimestamp=False, lazy=False)
        if font["name"].getDebugName(1) != face_name:
            sys.exit("%s is %r, not %r" % (ttc_path, font["name"].getDebugName(1), face_name))
        return font, 0
    coll = TTCollection(ttc_path, lazy=True)
    for index, font in enumerate(coll.fonts):
        if font["name"].getDebugName(1) == face_name:
            # Re-open that face on its own, fully loaded.
            return TTFont(ttc_path, fontNumber=index, recalcTimestamp=False,
                          lazy=False), index
    names = [f["name"].getDebugName(1) for f in coll.fonts]
    sys.exit("face %r not in %s (has %s)" % (face_name, ttc_path, names))


def drop_uvs(font):
    cmap = font["cmap"]
    cmap.tables = [t for t in cmap.tables if t.format != 14]


def do_subset(font, unicodes):
    opts = subset.Options()
    opts.layout_features = []
    opts.drop_tables = sorted(set(opts.drop_tables) | set(DROP_TABLES))
    opts.hinting = False
    opts.glyph_names = False
    opts.legacy_kern = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_glyph = True
    opts.notdef_outline = True
    opts.recommended_glyphs = True
    opts.recalc_bounds = True
    opts.recalc_timestamp = False
    opts.prune_unicode_ranges = True
    opts.canonical_order = True
    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)


def cff_to_glyf(font, max_err):
    assert font.sfntVersion == "OTTO" and "CFF " in font, "not a CFF font"
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quad = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        quad[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = quad
    del font["CFF "]
    for tag in ("VORG",):
        if tag in font:
            del font[tag]
    glyf.compile(font)  # computes the bounding boxes

    # Left side bearings must equal xMin in TrueType fonts.
    hmtx = font["hmtx"]
    for name, glyph in quad.items():
        adv, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (adv, getattr(glyph, "xMin", 0))

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(glyph_order)
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0
    maxp.maxPoints = maxp.maxContours = 0
    maxp.maxCompositePoints = maxp.maxCompositeContours = 0
    maxp.recalc(font)

    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, family, style, psname, vendor="GOOG", licence=None):
    name = font["name"]
    version = name.getDebugName(5) or ""
    rev = version.split(";")[0].replace("Version ", "").strip()
    full = family if style == "Regular" else "%s %s" % (family, style)
    new = {
        1: family,
        2: style,
        3: "%s;%s;%s;dossier-subset-ttf" % (rev, vendor, psname),
        4: full,
        5: "Version %s; subset, TrueType outlines (cu2qu) for dossier" % rev,
        6: psname,
    }
    # Rewrite every existing record of those IDs (en-US and zh-CN ones), and
    # make sure the Windows en-US records exist.
    for rec in name.names:
        if rec.nameID in new:
            rec.string = new[rec.nameID]
    for nid, text in new.items():
        name.setName(text, nid, 3, 1, 0x409)
    # Typographic family/subfamily would duplicate 1/2 for a RIBBI style.
    name.names = [r for r in name.names if r.nameID not in (16, 17)]
    if licence and not name.getDebugName(13):
        # Fandol's name ID 13 is empty; its licence is stated in its README.
        name.setName(licence, 13, 3, 1, 0x409)
    for nid in (0, 13, 14):
        if not name.getDebugName(nid):
            sys.exit("source font lacks name ID %d (copyright/licence)" % nid)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ttc", required=True, help="a .ttc collection, or a single-face .otf")
    ap.add_argument("--face", required=True, help='name ID 1 of the face, e.g. "Noto Sans CJK SC"')
    ap.add_argument("--vendor", default="GOOG", help="vendor part of name ID 3")
    ap.add_argument("--licence", help="name ID 13 (licence description) where the source has none")
    ap.add_argument("--family", required=True)
    ap.add_argument("--style", required=True, choices=["Regular", "Bold"])
    ap.add_argument("--psname", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-err", type=float, default=1.0)
    ap.add_argument("--gb2312", action="store_true", help="keep only the GB 2312 ideographs")
    ap.add_argument("--supplement", action="store_true", help="keep only Latin Extended, Greek and Cyrillic")
    ap.add_argument("--no-latin", action="store_true", help="leave out U+0020-00FF (Latin, digits)")
    args = ap.parse_args()

    font, index = load_face(args.ttc, args.face)
    head = font["head"]
    created, modified = head.created, head.modified
    src_cmap = font.getBestCmap()

    drop_uvs(font)
    want = repertoire(args.gb2312, args.supplement, args.no_latin)
    do_subset(font, want)
    cff_to_glyf(font, args.max_err)
    rename(font, args.family, args.style, args.psname, args.vendor, args.licence)

    head = font["head"]
    head.created, head.modified = created, modified
    bold = args.style == "Bold"
    os2 = font["OS/2"]
    if bold != bool(head.macStyle & 1) or bold != bool(os2.fsSelection & 0x20):
        sys.exit("style bits of the source face do not match --style")
    if os2.fsType & 0x0302 or os2.fsType == 2:
        sys.exit("fsType %#x would be refused by fpdf" % os2.fsType)

    font.recalcTimestamp = False
    font.save(args.out, reorderTables=True)

    # Self-check: every wanted code point the source had is still mapped.
    out = TTFont(args.out)
    got = out.getBestCmap()
    lost = [cp for cp in want if cp in src_cmap and cp not in got]
    if lost:
        sys.exit("lost %d code points, e.g. %s" % (len(lost), ["U+%04X" % c for c in lost[:10]]))
    if "glyf" not in out or "CFF " in out:
        sys.exit("output is not a glyf TrueType font")
    print("%s: face #%d of %s, %d glyphs, %d code points (%d wanted ones absent in source)"
          % (args.out, index, args.ttc, out["maxp"].numGlyphs, len(got),
             sum(1 for cp in want if cp not in src_cmap)))


if __name__ == "__main__":
    main()
