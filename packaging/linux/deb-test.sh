#!/bin/sh
# Checks the .deb packages (make dist-test):
#   packaging/linux/deb-test.sh dist/dossier_V_amd64.deb dist/dossier_V_arm64.deb
# - amd64: dpkg -i on this machine (root; removed again at the end), the
#   desktop entry and MIME type in place, `dossier` started from the entry's
#   Exec line on the demo under Xvfb: window title and a non-blank screenshot;
# - arm64: an aarch64 package whose dossierctl runs under qemu-user-static
#   (demo, rank) and whose dossier is an aarch64 program.
set -eu
amd64=$1 arm64=$2
work=$(mktemp -d)
trap 'dpkg -r dossier >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
fail() { echo "deb-test: $*" >&2; exit 1; }
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

echo "dpkg -i $amd64"
dpkg-deb -f "$amd64" Version | grep -qx "$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)" || fail "package version"
$SUDO dpkg -i "$amd64" >/dev/null || fail "dpkg -i"
for f in /usr/bin/dossier /usr/bin/dossierctl /usr/share/applications/cn.dossier.app.desktop \
	/usr/share/mime/packages/cn.dossier.app.xml /usr/share/icons/hicolor/512x512/apps/cn.dossier.app.png; do
	[ -e "$f" ] || fail "not installed: $f"
done
if command -v desktop-file-validate >/dev/null; then
	desktop-file-validate /usr/share/applications/cn.dossier.app.desktop || fail "desktop entry"
fi
dossierctl --version | grep -q '^dossierctl ' || fail "dossierctl --version"
demo="$work/示例 活动.dossier"
dossierctl demo --db "$demo" >/dev/null || fail "dossierctl demo"
# The desktop entry's Exec line, %f replaced by the file, as a file
# manager runs it on a double-click.
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/cn.dossier.app.desktop)
cat > "$work/window.sh" <<'EOS'
set -eu
cmd=$1 file=$2 shot=$3
set -- $cmd
prog=$1; shift
"$prog" "$file" &
pid=$!
wid=$(timeout 120 xdotool search --sync --onlyvisible --name '示例' | head -1) || { echo "no window" >&2; exit 1; }
sleep 5
xdotool getwindowname "$wid" > "$shot.title"
import -window root "$shot"
kill $pid
wait $pid || true
EOS
case $exec_line in
*' %f'|*' %F'|*' %u'|*' %U') ;;
*) fail "Exec line takes no file: $exec_line" ;;
esac
xvfb-run -a -s "-screen 0 1366x768x24" sh "$work/window.sh" "${exec_line% %*}" "$demo" "$work/window.png" ||
	fail "dossier showed no window"
grep -q '河南省义务教育学校标准化建设先进单位评选（示例）' "$work/window.png.title" || fail "window title: $(cat "$work/window.png.title")"
colours=$(convert "$work/window.png" -format '%k' info:)
[ "$colours" -gt 50 ] || fail "blank screenshot ($colours colours)"
printf "窗口标题：%s；截图 %s 种颜色\n" "$(cat "$work/window.png.title")" "$colours"
$SUDO dpkg -r dossier >/dev/null || fail "dpkg -r"
[ ! -e /usr/bin/dossier ] || fail "dpkg -r left /usr/bin/dossier"

echo "arm64：$arm64"
[ "$(dpkg-deb -f "$arm64" Architecture)" = arm64 ] || fail "not an arm64 package"
dpkg-deb -x "$arm64" "$work/arm64"
file -b "$work/arm64/usr/bin/dossier" | grep -q 'ARM aarch64' || fail "dossier is not aarch64: $(file -b "$work/arm64/usr/bin/dossier")"
qemu-aarch64-static "$work/arm64/usr/bin/dossierctl" demo --db "$work/arm64.dossier" >/dev/null || fail "arm64 demo"
qemu-aarch64-static "$work/arm64/usr/bin/dossierctl" rank --db "$work/arm64.dossier" > "$work/arm64-rank.txt" || fail "arm64 rank"
grep -q '^1	HN2022-001	郑州市教育局' "$work/arm64-rank.txt" || fail "arm64 rank: $(cat "$work/arm64-rank.txt")"
echo "deb-test: 全部通过"
