#!/bin/sh
# Makes a 64-bit Wine prefix for the tests at $WINEPREFIX (once; kept between runs)
# and, where Wine lacks ProcessPrng (Wine 8.0 in Debian 12; added in 8.13),
# puts the shim bcryptprimitives.dll built from processprng.c into its
# system32. The shim exists only in the test prefix; nothing shipped has it.
#   WINEPREFIX=DIR; . "$(dirname "$0")/prefix.sh"   (sourced by the scripts here)
set -eu
WINE=${WINE:-/usr/lib/wine/wine64}
WINEPREFIX=${WINEPREFIX:?}
WINEDEBUG=-all
WINEARCH=win64
# No menu entries or file associations on the host for what the tests install.
WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-winemenubuilder.exe=d}
export WINEPREFIX WINEDEBUG WINEARCH WINEDLLOVERRIDES
# Sourced by the other scripts here: $0 is theirs, in this folder.
here=$(dirname "$0")
sys32=$WINEPREFIX/drive_c/windows/system32
if [ ! -d "$sys32" ]; then
	mkdir -p "$WINEPREFIX"
	# No desktop integration or Mono/Gecko prompts in a test prefix.
	WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d" "$WINE" wineboot -i >/dev/null 2>&1
	"$(dirname "$WINE")/wineserver" -w
fi
if [ ! -f "$sys32/bcryptprimitives.dll" ]; then
	x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" \
		"$here/processprng.c" "$here/processprng.def" -ladvapi32
fi
