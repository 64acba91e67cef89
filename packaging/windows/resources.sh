#!/bin/sh
# Writes the Windows resources (icon, manifest, version information) of
# both programs as .syso files that `go build` links into the Windows exe:
#   packaging/windows/resources.sh VERSION
# cmd/dossier/rsrc_windows_amd64.syso and cmd/dossierctl/rsrc_windows_amd64.syso
# are generated, never committed (.gitignore). Needs ImageMagick (convert)
# and mingw's windres.
set -eu
version=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# MAJOR.MINOR.PATCH.BUILD for the fixed version fields.
build=$(sed -n 's/^Build *= *\([0-9]*\).*/\1/p' "$root/FyneApp.toml")
v4="$version.${build:-0}"
vc=$(echo "$v4" | tr . ,)
convert "$root/assets/icon.png" -background none -define icon:auto-resize=256,64,48,32,24,16 "$out/dossier.ico"
for exe in dossier dossierctl; do
	case $exe in
	dossier) desc="先进单位评选材料汇编" ;;
	dossierctl) desc="先进单位评选材料汇编（命令行）" ;;
	esac
	for f in manifest rc; do
		sed -e "s/@EXE@/$exe/g" -e "s/@VERSION@/$version/g" -e "s/@VERSION4@/$v4/g" \
			-e "s/@VERSIONC@/$vc/g" -e "s/@DESCRIPTION@/$desc/g" \
			"$root/packaging/windows/dossier.$f.in" > "$out/$exe.$f"
	done
	(cd "$out" && x86_64-w64-mingw32-windres --codepage=65001 -O coff -i "$exe.rc" \
		-o "$root/cmd/$exe/rsrc_windows_amd64.syso")
done
