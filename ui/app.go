package ui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	appinfo "github.com/dossier-app/dossier"
	"github.com/dossier-app/dossier/assets"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/demo"
	"github.com/dossier-app/dossier/dossier/sqlite"
)

// AppName is the app's name as users see it.
const AppName = "先进单位评选材料汇编"

// Screens of an open campaign, by the names ShowScreen accepts.
const (
	ScreenStart      = "start"
	ScreenSettings   = "settings"
	ScreenUnits      = "units"
	ScreenImport     = "import"
	ScreenEvaluators = "evaluators"
	ScreenScoring    = "scoring"
	ScreenRanking    = "ranking"
	ScreenExport     = "export"
	// ScreenHistory is the campaign's history (修改记录), shown over the
	// current screen.
	ScreenHistory = "history"
)

// Screens lists every screen name in display order.
var Screens = []string{ScreenStart, ScreenSettings, ScreenUnits, ScreenImport, ScreenEvaluators, ScreenScoring, ScreenRanking, ScreenExport, ScreenHistory}

// App is the Dossier desktop app: one window that shows the start screen or
// the open campaign, one campaign file at a time.
type App struct {
	fa    fyne.App
	win   fyne.Window
	prefs prefs
	ctx   context.Context
	cur   *session
	start *startScreen
	// pick chooses files and folders; tests replace it.
	pick picker
	// now is the clock for new campaigns' dates; tests replace it.
	now func() time.Time
}

// New builds the app's window on fa, showing the start screen. It sets the
// app's theme and icon.
func New(fa fyne.App) *App {
	a := &App{fa: fa, prefs: prefs{fa.Preferences()}, ctx: context.Background(), now: time.Now}
	a.pick = &dialogPicker{a: a}
	fa.Settings().SetTheme(Theme{})
	if ic := AppIcon(); ic != nil {
		fa.SetIcon(ic)
	}
	a.win = fa.NewWindow(AppName)
	a.win.SetMaster()
	a.win.Resize(fyne.NewSize(1280, 720))
	a.win.SetCloseIntercept(func() {
		if a.canLeave() {
			a.Close()
			a.win.Close()
		}
	})
	a.win.SetMainMenu(a.menu())
	a.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		if a.cur == nil {
			return
		}
		a.cur.show(ScreenImport)
		if t, ok := a.cur.screen(ScreenImport).(*importTab); ok {
			t.dropped(uris)
		}
	})
	a.ShowStart()
	return a
}

// PreviewImport shows the import screen previewing the given submission
// workbooks (files or folders), as if they had been dropped on the window.
func (a *App) PreviewImport(paths ...string) bool {
	if a.cur == nil {
		return false
	}
	a.cur.show(ScreenImport)
	t, ok := a.cur.screen(ScreenImport).(*importTab)
	if !ok {
		return false
	}
	uris := make([]fyne.URI, len(paths))
	for i, p := range paths {
		uris[i] = storage.NewFileURI(p)
	}
	t.dropped(uris)
	return true
}

// ShowError shows an error's Chinese message in a dialog.
func (a *App) ShowError(title string, err error) {
	a.alert(title, dossier.ErrorMessage(err))
}

// Window is the app's window.
func (a *App) Window() fyne.Window { return a.win }

// Open opens a campaign file and shows it. A file that is not a campaign is
// refused, unmodified, with a Chinese message.
func (a *App) Open(path string) error {
	st, err := sqlite.Open(a.ctx, path)
	if err != nil {
		return err
	}
	return a.attach(st)
}

// OpenDemo opens the demo campaign at path, creating it first if the file
// does not exist.
func (a *App) OpenDemo(path string) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("无法创建文件夹 %s：%v", filepath.Dir(path), err)
		}
		st, err := demo.Create(a.ctx, path)
		if err != nil {
			return err
		}
		return a.attach(st)
	}
	return a.Open(path)
}

// NewCampaign creates a campaign file at path with the default categories
// and opens it.
func (a *App) NewCampaign(path, title, organiser string, year int) error {
	cats, err := dossier.ParseCategories(assets.DefaultCategories)
	if err != nil {
		return err
	}
	date := a.now().Format("2006-01-02")
	st, err := sqlite.Create(a.ctx, path, sqlite.CreateOptions{
		Title: title, Organiser: organiser, Year: year, Date: date,
		TrimMin: dossier.DefaultTrimMin, Categories: cats,
	})
	if err != nil {
		return err
	}
	return a.attach(st)
}

// canLeave reports whether the open campaign may be closed now; while an
// import or export runs it says to wait.
func (a *App) canLeave() bool {
	if a.cur != nil && a.cur.busy() {
		a.alert("请稍候", "正在导入或导出，完成后才能关闭当前评选活动。")
		return false
	}
	return true
}

func (a *App) attach(st *sqlite.Store) error {
	if !a.canLeave() {
		st.Close()
		return dossier.Errorf(dossier.ECONFLICT, "正在导入或导出，完成后才能打开其他评选活动")
	}
	a.Close()
	s, err := newSession(a, st)
	if err != nil {
		st.Close()
		return err
	}
	a.cur = s
	a.prefs.AddRecent(st.Path())
	a.win.SetContent(s.view)
	a.updateTitle()
	return nil
}

// ShowStart closes the open campaign, if any, and shows the start screen.
func (a *App) ShowStart() {
	a.Close()
	a.start = newStartScreen(a)
	a.win.SetContent(a.start.view)
	a.updateTitle()
}

// ShowScreen brings a screen forward by name (see Screens); it reports
// whether there was such a screen to show.
func (a *App) ShowScreen(name string) bool {
	if name == ScreenStart {
		a.ShowStart()
		return true
	}
	if a.cur == nil {
		return false
	}
	if name == ScreenHistory {
		a.cur.showHistory()
		return true
	}
	return a.cur.show(name)
}

// Close saves what is pending and closes the open campaign file, which
// checkpoints its journal so that the file stands alone.
func (a *App) Close() {
	if a.cur == nil {
		return
	}
	a.cur.close()
	a.cur = nil
}

func (a *App) updateTitle() {
	if a.cur == nil {
		a.win.SetTitle(AppName)
		return
	}
	a.win.SetTitle(fmt.Sprintf("%s — %s", a.cur.campaign.Title, a.cur.store.Path()))
}

func (a *App) menu() *fyne.MainMenu {
	file := fyne.NewMenu("文件",
		fyne.NewMenuItem("新建评选活动…", func() { a.askNewCampaign() }),
		fyne.NewMenuItem("打开评选活动…", func() { a.askOpen() }),
		fyne.NewMenuItem("保存副本…", func() {
			if a.cur != nil {
				a.cur.saveCopy()
			}
		}),
		fyne.NewMenuItem("修改记录…", func() {
			if a.cur != nil {
				a.cur.showHistory()
			}
		}),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("关闭当前活动", func() {
			if a.canLeave() {
				a.ShowStart()
			}
		}),
	)
	help := fyne.NewMenu("帮助",
		fyne.NewMenuItem("关于", func() {
			a.alert("关于", AppName+"\n版本 "+appinfo.Version+"\n\n评选活动文件是一个独立的文件，可复制、归档、通过邮件发送。"+
				"所有修改即时保存，并记录在活动的历史中。\n\n界面字体：Noto Sans SC（SIL 开放字体许可）。")
		}),
	)
	return fyne.NewMainMenu(file, help)
}

// askOpen lets the user choose a campaign file and opens it.
func (a *App) askOpen() {
	if !a.canLeave() {
		return
	}
	a.pick.openFile("打开评选活动文件", nil, func(path string) {
		if err := a.Open(path); err != nil {
			a.alert("无法打开", dossier.ErrorMessage(err))
		}
	})
}

// DemoPath is where "open the demo" keeps the demo campaign: the user's
// documents folder (XDG_DOCUMENTS_DIR, e.g. ~/文档), else ~/Documents, else
// the app's folder in the user's configuration directory.
func DemoPath() string {
	const name = "示例评选活动.dossier"
	home, err := os.UserHomeDir()
	if err == nil {
		if dir := xdgDocuments(home); dir != "" {
			return filepath.Join(dir, name)
		}
		if st, err := os.Stat(filepath.Join(home, "Documents")); err == nil && st.IsDir() {
			return filepath.Join(home, "Documents", name)
		}
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		cfg = os.TempDir()
	}
	return filepath.Join(cfg, "dossier", name)
}

// xdgDocuments reads XDG_DOCUMENTS_DIR from ~/.config/user-dirs.dirs and
// returns it when the folder exists.
func xdgDocuments(home string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		v, ok := strings.CutPrefix(line, "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if st, err := os.Stat(v); err == nil && st.IsDir() && v != home {
			return v
		}
	}
	return ""
}
