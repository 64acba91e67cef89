#!/bin/sh
# Runs the CGO_ENABLED=0 test suite built for Windows under Wine:
#   packaging/wine/gotest.sh PREFIXDIR PACKAGES...
# (make win-test). The prefix gets the ProcessPrng shim (prefix.sh); the
# test binaries are built with the RemoveAll overlay (removeall-overlay.sh).
set -eu
dir=$1
shift
WINE=${WINE:-/usr/lib/wine/wine64}
WINEPREFIX=$dir/prefix
. "$(dirname "$0")/prefix.sh"
overlay=$("$(dirname "$0")/removeall-overlay.sh" "$dir")
"$WINE" --version
# One test binary at a time: Wine's server is shared by them all, and the
# machine has two cores.
status=0
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go test -count=1 -p 1 -overlay "$overlay" \
	-exec "$WINE" -timeout 30m "$@" || status=$?
"$(dirname "$WINE")/wineserver" -k 2>/dev/null || true
exit $status
