#!/bin/sh
# Writes a `go build -overlay` file for the Wine test run into $1 and prints
# its path. Go's os.RemoveAll deletes with FileDispositionInformationEx
# (POSIX semantics, Windows 10 1607+) and falls back to the old way when
# Windows says it does not know that class; Wine 8 answers
# STATUS_NOT_IMPLEMENTED instead, so every t.TempDir cleanup fails with
# "unlinkat …: Invalid function" although the test passed. The overlay adds
# that status to Go's own fallback list, in a copy of the installed
# GOROOT's file, for the test binaries only (never for a shipped build).
set -eu
dir=$1
goroot=$(go env GOROOT)
src=$goroot/src/internal/syscall/windows/at_windows.go
mkdir -p "$dir/goroot"
sed 's|^\t\tSTATUS_NOT_SUPPORTED: *// the file system|\t\tNTStatus(0xC0000002), // STATUS_NOT_IMPLEMENTED: Wine 8 (test overlay)\n&|' "$src" > "$dir/goroot/at_windows.go"
if ! grep -q 'Wine 8 (test overlay)' "$dir/goroot/at_windows.go"; then
	echo "removeall-overlay: $src changed; the Wine overlay no longer applies" >&2
	exit 1
fi
printf '{"Replace":{"%s":"%s"}}\n' "$src" "$dir/goroot/at_windows.go" > "$dir/overlay.json"
echo "$dir/overlay.json"
