#!/bin/sh
# Screenshots of every screen under Xvfb with the system's fonts hidden, so
# that all Chinese comes from the bundled Noto Sans SC.
#
#	scripts/screenshots.sh BIN OUTDIR [WIDTHxHEIGHT]
#
# BIN is the GUI built with the screenshot hooks (go build -tags screenshots
# ./cmd/dossier; `make screenshots` builds it and runs this script); needs
# Xvfb, xdotool, ImageMagick (import) and root for unshare -m. The demo
# campaign is made afresh in a temporary home.
set -eu
bin=$(readlink -f "$1"); out=$(readlink -f "$2"); size=${3:-1366x768}
# Without the hooks, --screen is an unknown flag and every shot would be the
# start screen.
if ! "$bin" --screen 2>&1 | grep -q 'needs an argument'; then
	echo "$1 没有截图功能：请用 go build -tags screenshots ./cmd/dossier 构建（或运行 make screenshots）" >&2
	exit 2
fi
w=${size%x*}; h=${size#*x}
mkdir -p "$out"
exec unshare -m sh -eu -c '
bin=$1; out=$2; w=$3; h=$4
mount -t tmpfs none /usr/share/fonts
home=$(mktemp -d); export HOME=$home LANG=C.UTF-8
Xvfb :77 -screen 0 ${w}x${h}x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap "kill $xvfb 2>/dev/null; rm -rf $home" EXIT
sleep 3
export DISPLAY=:77
shot() { # screen name [xdotool commands, run once the window is up]
	scr=$1 png=$2; shift 2
	"$bin" --demo --screen "$scr" "$home/示例评选活动.dossier" 2>>"$out/stderr.log" &
	app=$!
	sleep 5
	xdotool search --sync --name "先进单位" windowmove 0 0 windowsize $w $h >/dev/null 2>&1 || true
	sleep 3
	if [ $# -gt 0 ]; then xdotool "$@"; sleep 2; fi
	import -window root "$out/$png.png"
	kill $app; wait $app 2>/dev/null || true
}

for s in settings units import evaluators scoring ranking review export history start; do shot $s $s; done
# A long message in the app'"'"'s dialog: how Chinese text wraps (issue 11 item 11).
export DOSSIER_ALERT="新增类别|已有 24 份评分将因缺少该类别而不完整，排名将全部失效，直到每位评委为每个单位补评该类别（共 6 位评委、4 个单位）。请先在“评分录入”中导出评分表（评分表.xlsx），评委补填后再导入；已录入的 120 个分数不受影响。"
shot settings message
unset DOSSIER_ALERT
# The file picker over the import screen: into 申报表 (Enter), three files
# selected with Shift+↓, by keys alone so that it works at any size.
mkdir -p "$home/Documents/申报表/第二批"
for f in 郑州市教育局.xlsx 开封市教育局.xlsx 洛阳市教育局.xlsx 郑州市金水区教育局.xls 新乡市教育局.ods 填报说明.docx; do
	echo x >"$home/Documents/申报表/$f"
done
shot import filepicker mousemove 60 182 click 1 sleep 2 key Return sleep 1 key Down key shift+Down key shift+Down
' sh "$bin" "$out" "$w" "$h"
