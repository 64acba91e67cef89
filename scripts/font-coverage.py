#!/usr/bin/python3
"""Coverage of fonts on the text Dossier prints: GB 2312's 6,763 ideographs,
the ideographs of the demo campaign (assets/demo, assets/defaults), of a
folder of seed material, of the golden documents' text (export/pdf/testdata)
and of the strings the app prints (export/, dossier/, ops/, tests left out).

    scripts/font-coverage.py [--seed DIR] FONT...

(README "Fonts" has the figures of the candidate 仿宋 faces.) Run with
Debian's /usr/bin/python3 (python3-fonttools).
"""
import argparse
import glob
import os

from fontTools.ttLib import TTFont

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def gb2312():
    out = set()
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def hanzi(text):
    return {c for c in text if 0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF}


def read(paths):
    return "".join(open(p, encoding="utf-8", errors="replace").read() for p in sorted(paths))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", default="/work/shared/seed")
    ap.add_argument("fonts", nargs="+")
    args = ap.parse_args()
    src = [p for d in ("export", "dossier", "ops") for p in glob.glob(os.path.join(ROOT, d, "**", "*.go"), recursive=True)
           if not p.endswith("_test.go")]
    sets = [
        ("GB 2312", gb2312()),
        ("demo", hanzi(read([os.path.join(ROOT, "assets/demo/demo.json"), os.path.join(ROOT, "assets/defaults/categories.json")]))),
        ("seed", hanzi(read(glob.glob(os.path.join(args.seed, "*"))))),
        ("golden PDFs", hanzi(read(glob.glob(os.path.join(ROOT, "export/pdf/testdata/*.golden.txt"))))),
        ("app strings", hanzi(read(src))),
    ]
    for path in args.fonts:
        cmap = TTFont(path, fontNumber=0).getBestCmap()
        print(path)
        for name, chars in sets:
            missing = sorted(c for c in chars if ord(c) not in cmap)
            print("  %-12s %5d / %5d  missing: %s" % (name, len(chars) - len(missing), len(chars), "".join(missing[:40])))


if __name__ == "__main__":
    main()
