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
# The outside programs the native suite drives (LibreOffice, Gnumeric,
# pdftotext, PostgreSQL's initdb…) are Linux programs a Windows test binary
# cannot start: their tests skip here, and DOSSIER_REQUIRE_PROGRAMS (CI),
# which would turn those skips into failures, holds for the native run only.
unset DOSSIER_REQUIRE_PROGRAMS
# The dossierctl the cmd/dossierctl tests run as a separate process (kill,
# a second program), built here: their own go build is a Linux program too.
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -overlay "$overlay" -o "$dir/dossierctl.exe" ./cmd/dossierctl
DOSSIER_TEST_DOSSIERCTL=$dir/dossierctl.exe
export DOSSIER_TEST_DOSSIERCTL
# One test binary at a time: Wine's server is shared by them all, and the
# machine has two cores.
status=0
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go test -count=1 -p 1 -overlay "$overlay" \
	-exec "$WINE" -timeout 30m "$@" || status=$?
"$(dirname "$WINE")/wineserver" -k 2>/dev/null || true
exit $status
