#!/bin/sh
# Checks the Windows installer under Wine as an office PC would see it
# (make dist-test):
#   packaging/wine/installer-test.sh WORKDIR dist/Dossier-…-setup.exe
# - a silent per-user install (/S): programs in %LOCALAPPDATA%\Programs\Dossier,
#   Start-menu and desktop shortcuts, .dossier registered (icon, open command);
# - the installed dossierctl.exe: demo (a Chinese path with a space), rank,
#   export pdf (read back with pdftotext);
# - the installed dossier.exe on the demo under Xvfb: its window title
#   (xdotool) and a screenshot that is not blank;
# - an upgrade in place (installing again), then the silent uninstall, which
#   leaves every campaign file alone, even one saved in the program folder.
set -eu
work=$1
setup=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
WINE=${WINE:-/usr/lib/wine/wine64}
here=$(dirname "$0")
rm -rf "$work"
mkdir -p "$work/home"
# Wine links the prefix's Desktop and Documents to $HOME: a home of its own
# keeps the shortcuts and campaign files the test makes off the real one.
HOME=$work/home
export HOME
WINEPREFIX=$work/prefix
. "$here/prefix.sh"
wineserver="$(dirname "$WINE")/wineserver"
fail() { echo "installer-test: $*" >&2; "$wineserver" -k 2>/dev/null || true; exit 1; }
user=$(whoami)
home="$WINEPREFIX/drive_c/users/$user"
inst="$home/AppData/Local/Programs/Dossier"
winst='C:\users\'"$user"'\AppData\Local\Programs\Dossier'
appname=先进单位评选材料汇编

echo "安装（静默，当前用户）"
"$WINE" "$setup" /S || fail "setup.exe /S exited $?"
"$wineserver" -w
for f in dossier.exe dossierctl.exe uninstall.exe README.txt LICENSE-fonts.txt; do
	[ -f "$inst/$f" ] || fail "not installed: $inst/$f"
done
[ -f "$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/$appname.lnk" ] || fail "no Start-menu shortcut"
[ -f "$home/Desktop/$appname.lnk" ] || fail "no desktop shortcut"

reg() { "$WINE" reg query "$1" /ve 2>/dev/null | tr -d '\r'; }
reg 'HKCU\Software\Classes\.dossier' | grep -q 'Dossier.Campaign' || fail ".dossier is not registered: $(reg 'HKCU\Software\Classes\.dossier')"
reg 'HKCU\Software\Classes\Dossier.Campaign\shell\open\command' | grep -qF "\"$winst\\dossier.exe\" \"%1\"" ||
	fail "open command: $(reg 'HKCU\Software\Classes\Dossier.Campaign\shell\open\command')"
reg 'HKCU\Software\Classes\Dossier.Campaign\DefaultIcon' | grep -qF "\"$winst\\dossier.exe\",0" || fail "no file icon"
"$WINE" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Dossier' /v DisplayVersion 2>/dev/null |
	tr -d '\r' | grep -q "$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)" || fail "uninstall entry without the version"

echo "已安装的 dossierctl.exe：demo、rank、export pdf"
docs="$home/Documents/评选 材料"
mkdir -p "$docs"
wdocs='C:\users\'"$user"'\Documents\评选 材料'
"$WINE" "$inst/dossierctl.exe" --version | tr -d '\r' | grep -q "^dossierctl " || fail "dossierctl --version"
"$WINE" "$inst/dossierctl.exe" demo --db "$wdocs\\示例 活动.dossier" || fail "demo"
[ -f "$docs/示例 活动.dossier" ] || fail "demo wrote no file"
"$WINE" "$inst/dossierctl.exe" rank --db "$wdocs\\示例 活动.dossier" | tr -d '\r' > "$work/rank.txt" || fail "rank"
grep -q '^1	HN2022-001	郑州市教育局' "$work/rank.txt" || fail "rank: $(cat "$work/rank.txt")"
"$WINE" "$inst/dossierctl.exe" export pdf --db "$wdocs\\示例 活动.dossier" --out "$wdocs\\评审材料 汇编.pdf" || fail "export pdf"
pdftotext "$docs/评审材料 汇编.pdf" - | grep -q '郑州市教育局' || fail "the PDF lacks the units"

echo "已安装的 dossier.exe：窗口与截图（Xvfb）"
cat > "$work/window.sh" <<'EOS'
set -eu
"$WINE" "$1" "$2" &
pid=$!
wid=$(timeout 180 xdotool search --sync --onlyvisible --name '示例' | head -1) || { echo "no window" >&2; exit 1; }
sleep 10
xdotool getwindowname "$wid" > "$3.title"
import -window root "$3"
kill $pid 2>/dev/null || true
EOS
WINE=$WINE xvfb-run -a -s "-screen 0 1366x768x24" sh "$work/window.sh" "$inst/dossier.exe" \
	"$wdocs\\示例 活动.dossier" "$work/window.png" || fail "dossier.exe showed no window"
"$wineserver" -k 2>/dev/null || true
grep -q '河南省义务教育学校标准化建设先进单位评选（示例）' "$work/window.png.title" || fail "window title: $(cat "$work/window.png.title")"
colours=$(convert "$work/window.png" -format '%k' info:)
[ "$colours" -gt 50 ] || fail "blank screenshot ($colours colours): $work/window.png"
printf "窗口标题：%s；截图 %s 种颜色\n" "$(cat "$work/window.png.title")" "$colours"

echo "原位升级，然后静默卸载"
cp "$docs/示例 活动.dossier" "$inst/放在程序文件夹里的.dossier"
before=$(sha256sum "$docs/示例 活动.dossier" | cut -d' ' -f1)
"$WINE" "$setup" /S || fail "upgrade exited $?"
"$wineserver" -w
[ -f "$inst/dossier.exe" ] || fail "upgrade lost dossier.exe"
[ -f "$inst/放在程序文件夹里的.dossier" ] || fail "upgrade removed a campaign file"
"$WINE" "$inst/uninstall.exe" /S || fail "uninstall exited $?"
"$wineserver" -w
sleep 5 # the uninstaller copies itself to %TEMP% and runs from there
"$wineserver" -w
[ ! -f "$inst/dossier.exe" ] || fail "uninstall left dossier.exe"
[ -f "$inst/放在程序文件夹里的.dossier" ] || fail "uninstall removed a campaign file in the program folder"
[ "$(sha256sum "$docs/示例 活动.dossier" | cut -d' ' -f1)" = "$before" ] || fail "uninstall changed a campaign file"
[ ! -f "$home/Desktop/$appname.lnk" ] || fail "uninstall left the desktop shortcut"
if reg 'HKCU\Software\Classes\.dossier' | grep -q 'Dossier.Campaign'; then fail "uninstall left the file type"; fi
"$wineserver" -k 2>/dev/null || true
echo "installer-test: 全部通过"
