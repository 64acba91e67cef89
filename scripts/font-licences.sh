#!/bin/sh
# Print the licences of every bundled font, one after the other, for what
# the packages ship beside the programs (LICENSE-fonts.txt in the Windows
# installer and zip, /usr/share/doc/dossier/copyright in the .deb).
#
#	scripts/font-licences.sh > LICENSE-fonts.txt
set -eu
dir=$(cd "$(dirname "$0")/../assets/fonts" && pwd)
first=1
for f in LICENSE-OFL.txt LICENSE-OFL-LXGWWenKai.txt LICENSE-GPL-FandolFang.txt; do
	[ $first = 1 ] || printf '\n\n'
	first=0
	case $f in
	LICENSE-OFL.txt) what="Noto Sans SC, Noto Serif SC (NotoSansSC-*.ttf, NotoSerifSC-*.ttf)" ;;
	LICENSE-OFL-LXGWWenKai.txt) what="LXGW WenKai (LXGWWenKai-Regular.ttf)" ;;
	LICENSE-GPL-FandolFang.txt) what="FandolFang (FandolFang-Regular.ttf)" ;;
	esac
	printf '==== %s: %s ====\n\n' "$f" "$what"
	cat "$dir/$f"
done
