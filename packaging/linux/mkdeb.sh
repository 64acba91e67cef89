#!/bin/sh
# Builds dossier_VERSION_ARCH.deb from two built binaries:
#   packaging/linux/mkdeb.sh VERSION ARCH bin/dossier bin/dossierctl OUTDIR
# The package holds both programs, the desktop entry, the icon and the
# .dossier MIME type; Debian's shared-mime-info and desktop-file-utils
# triggers refresh their caches, so it needs no maintainer scripts.
set -eu
version=$1 arch=$2 gui=$3 ctl=$4 outdir=$5
root=$(cd "$(dirname "$0")/../.." && pwd)
pkg=$(mktemp -d)
trap 'rm -rf "$pkg"' EXIT
install -D -m 0755 "$gui" "$pkg/usr/bin/dossier"
install -D -m 0755 "$ctl" "$pkg/usr/bin/dossierctl"
install -D -m 0644 "$root/packaging/linux/cn.dossier.app.desktop" "$pkg/usr/share/applications/cn.dossier.app.desktop"
install -D -m 0644 "$root/packaging/linux/cn.dossier.app.xml" "$pkg/usr/share/mime/packages/cn.dossier.app.xml"
install -D -m 0644 "$root/assets/icon.png" "$pkg/usr/share/icons/hicolor/512x512/apps/cn.dossier.app.png"
mkdir -p "$pkg/usr/share/doc/dossier"
sh "$root/scripts/font-licences.sh" > "$pkg/usr/share/doc/dossier/copyright"
chmod 0644 "$pkg/usr/share/doc/dossier/copyright"
size=$(du -sk "$pkg/usr" | cut -f1)
mkdir -p "$pkg/DEBIAN"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
	"$root/packaging/linux/control.in" > "$pkg/DEBIAN/control"
mkdir -p "$outdir"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$outdir/dossier_${version}_${arch}.deb" >/dev/null
