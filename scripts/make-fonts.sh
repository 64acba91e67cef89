#!/bin/sh
# Rebuild the bundled CJK fonts in assets/fonts/ from Debian 12 packages.
#
#   sh scripts/make-fonts.sh          (as root, or with the packages installed)
#
# Sources: fonts-noto-cjk (Noto Sans/Serif CJK .ttc, CFF outlines, OFL-1.1)
# Tools:   python3-fonttools (subset + cu2qu), run with Debian's /usr/bin/python3
#          (not a python3 from PATH, which may be a pyenv/venv without fontTools).
# Output:  assets/fonts/NotoSerifSC-Regular.ttf, NotoSansSC-Regular.ttf,
#          NotoSansSC-Bold.ttf and LICENSE-OFL.txt; the documents' faces
#          (NotoSerifSC-Supplement, NotoSerifSC-Bold, LXGWWenKai-Regular,
#          FandolFang-Regular and their licences). Deterministic: the same
#          package versions give the same bytes.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/assets/fonts"
PY=/usr/bin/python3
SRC=/usr/share/fonts/opentype/noto
PKGS="fonts-noto-cjk python3-fonttools"
# The versions assets/fonts/README.md documents.
EXPECT_NOTO="1:20220127+repack1-1"
EXPECT_FONTTOOLS="4.38.0-1+deb12u1"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing:$missing"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

v_noto=$(dpkg-query -W -f='${Version}' fonts-noto-cjk)
v_ft=$(dpkg-query -W -f='${Version}' python3-fonttools)
echo "fonts-noto-cjk $v_noto, python3-fonttools $v_ft"
[ "$v_noto" = "$EXPECT_NOTO" ] || echo "WARNING: fonts-noto-cjk is $v_noto, README documents $EXPECT_NOTO; update README" >&2
[ "$v_ft" = "$EXPECT_FONTTOOLS" ] || echo "WARNING: python3-fonttools is $v_ft, output bytes may differ from $EXPECT_FONTTOOLS" >&2

mkdir -p "$OUT"
export PYTHONHASHSEED=0
export SOURCE_DATE_EPOCH=1643241600  # 2022-01-27, the upstream release; only a fallback

build() { # ttc face family style psname
    "$PY" "$ROOT/scripts/otf2ttf.py" --ttc "$SRC/$1" --face "$2" \
        --family "$3" --style "$4" --psname "$5" --out "$OUT/$5.ttf.tmp"
    mv "$OUT/$5.ttf.tmp" "$OUT/$5.ttf"
}

build NotoSerifCJK-Regular.ttc "Noto Serif CJK SC" "Noto Serif SC" Regular NotoSerifSC-Regular
build NotoSansCJK-Regular.ttc  "Noto Sans CJK SC"  "Noto Sans SC"  Regular NotoSansSC-Regular
build NotoSansCJK-Bold.ttc     "Noto Sans CJK SC"  "Noto Sans SC"  Bold    NotoSansSC-Bold

# Faces of the printed documents only, falling back per character to the
# faces above (export/pdf fonts.go): the supplement (pinyin tone letters,
# Greek, Cyrillic) from Noto Serif CJK, the heavy Song of titles (Noto Serif
# CJK Bold, from fonts-noto-cjk-extra, GB 2312 subset) and the 楷体-style
# face of level-2 headings (LXGW WenKai, OFL-1.1, from the npm package
# lxgw-wenkai-webfont 1.7.0: its unicode-range woff2 chunks merged with
# fontTools, python3-brotli, GB 2312 subset).
"$PY" "$ROOT/scripts/otf2ttf.py" --ttc "$SRC/NotoSerifCJK-Regular.ttc" --face "Noto Serif CJK SC" \
    --family "Noto Serif SC Supplement" --style Regular --psname NotoSerifSC-Supplement --supplement \
    --out "$OUT/NotoSerifSC-Supplement.ttf"
if [ "${WITH_DOCUMENT_FACES:-1}" = 1 ]; then
    for p in fonts-noto-cjk-extra python3-brotli; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$p"
    done
    "$PY" "$ROOT/scripts/otf2ttf.py" --ttc "$SRC/NotoSerifCJK-Bold.ttc" --face "Noto Serif CJK SC" \
        --family "Noto Serif SC" --style Bold --psname NotoSerifSC-Bold --gb2312 --out "$OUT/NotoSerifSC-Bold.ttf"
    TMP=$(mktemp -d)
    (cd "$TMP" && npm pack --silent lxgw-wenkai-webfont@1.7.0 >/dev/null && tar xzf lxgw-wenkai-webfont-1.7.0.tgz)
    "$PY" "$ROOT/scripts/merge-webfont.py" --family "LXGW WenKai" --psname LXGWWenKai-Regular \
        --out "$OUT/LXGWWenKai-Regular.ttf" $(ls "$TMP"/package/files/lxgwwenkai-regular-subset-*.woff2 | sort -V)
    cp "$TMP/package/OFL.txt" "$OUT/LICENSE-OFL-LXGWWenKai.txt"
    rm -rf "$TMP"

    # The 仿宋 body face: FandolFang (GPL-3 with the GPL font exception) from
    # TeX Live's fandol, as Debian's texlive-lang-chinese ships it. Only the
    # one font file is taken out of the package (dpkg-deb -x into a
    # temporary folder): installing it would pull in most of TeX Live.
    EXPECT_TL="2022.20230122-1"
    TMP=$(mktemp -d)
    chmod 777 "$TMP"
    (cd "$TMP" && apt-get download texlive-lang-chinese="$EXPECT_TL" >/dev/null && dpkg-deb -x texlive-lang-chinese_*.deb x)
    FANDOL="$TMP/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
    DOC="$TMP/x/usr/share/doc/texlive-doc/fonts/fandol"
    "$PY" "$ROOT/scripts/otf2ttf.py" --ttc "$FANDOL/FandolFang-Regular.otf" --face "FandolFang R" \
        --family "FandolFang" --style Regular --psname FandolFang-Regular --vendor ADBE \
        --licence "GNU General Public License version 3, with the GPL font exception (see LICENSE-GPL-FandolFang.txt)" \
        --gb2312 --no-latin --out "$OUT/FandolFang-Regular.ttf"
    {
        echo "FandolFang-Regular.ttf is a Modified Version (subset, TrueType outlines) of"
        echo "FandolFang-Regular.otf 1.300, Copyright (c) 2012-2013, the Fandol team"
        echo "(Clerk Ma, Jie Su), http://www.ctan.org/tex-archive/fonts/fandol, taken from"
        echo "Debian's texlive-lang-chinese $EXPECT_TL. Its source is that package and"
        echo "scripts/make-fonts.sh + scripts/otf2ttf.py of Dossier."
        echo
        echo "The Fandol README says:"
        echo
        sed 's/^/    /' "$DOC/README"
        echo
        echo "The GPL font exception (as the Free Software Foundation words it): As a special"
        echo "exception, if you create a document which uses this font, and embed this font or"
        echo "unaltered portions of this font into the document, this font does not by itself"
        echo "cause the resulting document to be covered by the GNU General Public License."
        echo "This exception does not however invalidate any other reasons why the document"
        echo "might be covered by the GNU General Public License. If you modify this font, you"
        echo "may extend this exception to your version of the font, but you are not obligated"
        echo "to do so. If you do not wish to do so, delete this exception statement from your"
        echo "version."
        echo
        echo "Dossier extends the exception to its modified version, FandolFang-Regular.ttf:"
        echo "the PDFs it makes embed subsets of it and are not covered by the GPL."
        echo
        echo "The licence, COPYING of the fandol package:"
        echo
        zcat "$DOC/COPYING.gz"
    } > "$OUT/LICENSE-GPL-FandolFang.txt"
    grep -q "GNU GENERAL PUBLIC LICENSE" "$OUT/LICENSE-GPL-FandolFang.txt"
    grep -q "GPL font exception" "$OUT/LICENSE-GPL-FandolFang.txt"
    rm -rf "$TMP"
fi

# Licence: the upstream copyright line (noto-cjk's LICENSE) followed by the
# OFL 1.1 text as Debian ships it in the package's copyright file.
{
    echo "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
    echo
    echo "This Font Software is licensed under the SIL Open Font License, Version 1.1."
    echo "This license is copied below, and is also available with a FAQ at:"
    echo "https://openfontlicense.org"
    echo
    # (the stanza's text lines are indented by one space; " ." is a blank line)
    sed -n '/^License: SIL-1.1$/,/^$/p' /usr/share/doc/fonts-noto-cjk/copyright |
        grep '^ ' | sed -e 's/^ \.$//' -e 's/^ //'
} > "$OUT/LICENSE-OFL.txt"
grep -q "SIL OPEN FONT LICENSE Version 1.1" "$OUT/LICENSE-OFL.txt"
grep -q "OTHER DEALINGS IN THE FONT SOFTWARE" "$OUT/LICENSE-OFL.txt"

ls -l "$OUT"
(cd "$OUT" && sha256sum ./*.ttf)
