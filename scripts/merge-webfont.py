#!/usr/bin/python3
"""Merge the unicode-range chunks of a web font (woff2 files of one face,
as the npm packages of Chinese web fonts ship them) into one TrueType font
subset to the GB 2312 repertoire of otf2ttf.py, for fpdf.

    merge-webfont.py --family "LXGW WenKai" --psname LXGWWenKai-Regular \\
        --out assets/fonts/LXGWWenKai-Regular.ttf chunk1.woff2 chunk2.woff2 ...

Every chunk is a subset of the same face with its own glyph order, so the
glyphs are taken per code point (composites decomposed) and renamed
uniXXXX; metrics, vertical metrics and the name table's copyright and
licence come from the first chunk. Deterministic: chunks are read in the
order given, the first one that maps a code point wins.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from otf2ttf import repertoire  # noqa: E402

from fontTools.fontBuilder import FontBuilder  # noqa: E402
from fontTools.pens.recordingPen import DecomposingRecordingPen  # noqa: E402
from fontTools.pens.ttGlyphPen import TTGlyphPen  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--family", required=True)
    ap.add_argument("--psname", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("chunks", nargs="+")
    args = ap.parse_args()
    want = set(repertoire(gb2312=True))
    glyphs, metrics, cmap = {".notdef": None}, {}, {}
    first = None
    for path in args.chunks:
        f = TTFont(path)
        if first is None:
            first = f
            gs0 = f.getGlyphSet()
            pen = TTGlyphPen(None)
            rec = DecomposingRecordingPen(gs0)
            gs0[".notdef"].draw(rec) if ".notdef" in gs0 else None
            rec.replay(pen)
            glyphs[".notdef"] = pen.glyph()
            metrics[".notdef"] = f["hmtx"][".notdef"] if ".notdef" in gs0 else (1000, 0)
        gs = f.getGlyphSet()
        for cp, name in sorted(f.getBestCmap().items()):
            if cp in cmap or cp not in want:
                continue
            new = "uni%04X" % cp
            rec = DecomposingRecordingPen(gs)
            gs[name].draw(rec)
            pen = TTGlyphPen(None)
            rec.replay(pen)
            glyphs[new] = pen.glyph()
            metrics[new] = f["hmtx"][name]
            cmap[cp] = new
    order = [".notdef"] + sorted(n for n in glyphs if n != ".notdef")
    upem = first["head"].unitsPerEm
    fb = FontBuilder(upem, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    fb.setupGlyf({n: glyphs[n] for n in order})
    glyf = fb.font["glyf"]
    fb.setupHorizontalMetrics({n: (metrics[n][0], getattr(glyf[n], "xMin", 0)) for n in order})
    hhea = first["hhea"]
    fb.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent)
    name = first["name"]
    fb.setupNameTable({
        "copyright": name.getDebugName(0) or "",
        "familyName": args.family,
        "styleName": "Regular",
        "uniqueFontIdentifier": args.psname + ";dossier-merged",
        "fullName": args.family,
        "psName": args.psname,
        "version": (name.getDebugName(5) or "Version 1.0") + "; merged for dossier",
        "licenseDescription": name.getDebugName(13) or "SIL Open Font License, Version 1.1",
        "licenseInfoURL": name.getDebugName(14) or "https://openfontlicense.org",
    })
    os2 = first["OS/2"]
    fb.setupOS2(sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                sTypoLineGap=os2.sTypoLineGap, usWinAscent=os2.usWinAscent,
                usWinDescent=os2.usWinDescent, fsType=0, achVendID=os2.achVendID)
    fb.setupPost()
    fb.font["head"].created = first["head"].created
    fb.font["head"].modified = first["head"].modified
    fb.font.recalcTimestamp = False
    fb.save(args.out)
    missing = sorted(cp for cp in want if 0x4E00 <= cp <= 0x9FFF and cp not in cmap)
    print("%s: %d glyphs, %d code points; GB 2312 ideographs missing: %d %s"
          % (args.out, len(order), len(cmap), len(missing), "".join(chr(c) for c in missing[:40])))


if __name__ == "__main__":
    main()
