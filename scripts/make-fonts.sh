#!/bin/sh
# Rebuild the bundled CJK fonts in assets/fonts/ from Debian 12 packages.
#
#   sh scripts/make-fonts.sh          (as root, or with the packages installed)
#
# Sources: fonts-noto-cjk (Noto Sans/Serif CJK .ttc, CFF outlines, OFL-1.1)
# Tools:   python3-fonttools (subset + cu2qu), run with Debian's /usr/bin/python3
#          (not a python3 from PATH, which may be a pyenv/venv without fontTools).
# Output:  assets/fonts/NotoSerifSC-Regular.ttf, NotoSansSC-Regular.ttf,
#          NotoSansSC-Bold.ttf and LICENSE-OFL.txt. Deterministic: the same
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
