package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	appinfo "github.com/dossier-app/dossier"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/postgres"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/ops"
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
	ScreenReview     = "review"
	ScreenExport     = "export"
	// ScreenHistory is the campaign's history (修改记录), shown over the
	// current screen.
	ScreenHistory = "history"
)

// Screens lists every screen name in display order.
var Screens = []string{ScreenStart, ScreenSettings, ScreenUnits, ScreenImport, ScreenEvaluators, ScreenScoring, ScreenRanking, ScreenReview, ScreenExport, ScreenHistory}

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
	// os opens files and prints through the operating system.
	os osDesktop
	// campaignItems are the menu items that need an open campaign.
	campaignItems []*fyne.MenuItem
	// holdJob, when set, runs at the start of every background job, on the
	// job's goroutine: tests hold jobs with it to check that the window
	// goes on handling events meanwhile.
	holdJob func()
	// opening counts the opens running off the UI thread (a server
	// connecting, the demo being made), for tests to wait on.
	opening sync.WaitGroup
}

// New builds the app's window on fa, showing the start screen. It sets the
// app's theme and icon.
func New(fa fyne.App) *App {
	a := &App{fa: fa, prefs: prefs{fa.Preferences()}, ctx: context.Background(), now: time.Now, os: systemDesktop{}}
	a.pick = &dialogPicker{a: a}
	fa.Settings().SetTheme(Theme{})
	if ic := AppIcon(); ic != nil {
		fa.SetIcon(ic)
	}
	a.win = fa.NewWindow(AppName)
	a.win.SetMaster()
	a.win.Resize(fyne.NewSize(1280, 720))
	a.win.SetCloseIntercept(a.closeRequested)
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

// closeRequested closes the window when the user asks to, once the open
// campaign may close (see canLeaveThen).
func (a *App) closeRequested() {
	a.leaveCampaign(func() {
		a.Close()
		a.win.Close()
	})
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

// UseFilePreferences keeps the app's preferences in the file at path
// (PreferencesPath), written atomically, instead of Fyne's store; what Fyne
// kept before is taken over the first time.
func (a *App) UseFilePreferences(path string) error {
	fp, err := OpenFilePreferences(path, a.fa.Preferences())
	if err != nil {
		return err
	}
	a.prefs = prefs{fp}
	if a.cur == nil {
		a.ShowStart()
	}
	return nil
}

// Window is the app's window.
func (a *App) Window() fyne.Window { return a.win }

// Open opens a campaign file and shows it. A file that is not a campaign is
// refused, unmodified, with a Chinese message.
func (a *App) Open(path string) error {
	if err := a.mayReplace(func() { a.openFailed("无法打开", a.Open(path)) }); err != nil {
		return err
	}
	return a.openChecked(path)
}

// OpenDemo opens the demo campaign at path, creating it first if the file
// does not exist, on the calling goroutine (the start screen's button makes
// it off the UI thread: openDemoInBackground).
func (a *App) OpenDemo(path string) error {
	if err := a.mayReplace(func() { a.openFailed("无法打开示例活动", a.OpenDemo(path)) }); err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("无法创建文件夹 %s：%v", filepath.Dir(path), err)
		}
		st, err := ops.CreateDemo(a.ctx, path)
		if err != nil {
			return err
		}
		return a.attach(st)
	}
	return a.Open(path)
}

// openDemoInBackground opens the demo campaign at path as OpenDemo does,
// making it (seconds: pictures, scores, history) off the UI thread with a
// dialog saying so.
func (a *App) openDemoInBackground(path string) {
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		a.openFailed("无法打开示例活动", a.OpenDemo(path))
		return
	}
	if !a.canLeaveThen(func() { a.openDemoInBackground(path) }) {
		return
	}
	a.openInBackground("正在生成示例活动（单位、事迹材料、图片和评分）", "无法打开示例活动", false, func(ctx context.Context) (*store.Store, error) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, dossier.Errorf(dossier.EINVALID, "无法创建文件夹 %s：%s", filepath.Dir(path), osReason(err))
		}
		return ops.CreateDemo(ctx, path)
	})
}

// NewCampaign creates a campaign file at path with the default categories
// and opens it.
func (a *App) NewCampaign(path, title, organiser string, year int) error {
	if err := a.mayReplace(func() { a.openFailed("未能创建评选活动", a.NewCampaign(path, title, organiser, year)) }); err != nil {
		return err
	}
	st, err := ops.CreateCampaign(a.ctx, path, ops.NewCampaign{Title: title, Organiser: organiser, Year: year, Date: a.now()})
	if err != nil {
		return err
	}
	return a.attach(st)
}

// ErrAsking says that an open waits for the user's answer to a question on
// screen (unsaved edits of the open campaign, or the file being open in
// another program); the answer carries the open out, so callers show
// nothing more.
var ErrAsking = dossier.Errorf(dossier.ECONFLICT, "正在等待您的选择（未保存的修改，或文件正在别处打开），选择后才会打开文件")

// leaveCampaign runs then once the open campaign may close (see
// canLeaveThen).
func (a *App) leaveCampaign(then func()) {
	if a.canLeaveThen(then) {
		then()
	}
}

// canLeave reports whether the open campaign may close now (see
// canLeaveThen); after the user settles unsaved edits the action is not
// repeated by itself.
func (a *App) canLeave() bool { return a.canLeaveThen(func() {}) }

// canLeaveThen reports whether the open campaign may close now. While an
// import or export runs it says to wait. If an edit is unsaved (pending
// saves run first) it asks the user to retry or give the edits up (see
// session.leave); once that is done it runs again, which should be the
// action that asked.
func (a *App) canLeaveThen(again func()) bool {
	if a.cur == nil {
		return true
	}
	if a.cur.busy() {
		a.alert("请稍候", "正在导入或导出，完成后才能关闭当前评选活动。")
		return false
	}
	a.cur.flush()
	if !a.cur.errs.hasPrefix("") {
		return true
	}
	a.cur.leave("", again, nil)
	return false
}

// mayReplace reports whether another file may replace the open campaign
// now (see canLeaveThen); when the user is being asked about unsaved edits it
// returns ErrAsking.
func (a *App) mayReplace(again func()) error {
	if a.cur != nil && a.cur.busy() {
		return dossier.Errorf(dossier.ECONFLICT, "正在导入或导出，完成后才能打开其他评选活动")
	}
	if !a.canLeaveThen(again) {
		return ErrAsking
	}
	return nil
}

// openFailed shows why a file did not open, unless the user is being asked
// about unsaved edits first.
func (a *App) openFailed(title string, err error) {
	if err != nil && err != ErrAsking {
		a.alert(title, dossier.ErrorMessage(err))
	}
}

func (a *App) attach(st *store.Store) error {
	a.Close()
	s, err := newSession(a, st)
	if err != nil {
		st.Close()
		return err
	}
	a.cur = s
	a.prefs.AddRecent(postgres.Location(st))
	a.win.SetContent(s.view)
	a.updateTitle()
	s.watch()
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
		a.leaveCampaign(a.ShowStart)
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
	a.updateMenu()
	if a.cur == nil {
		a.win.SetTitle(AppName)
		return
	}
	ro := ""
	if a.cur.readOnly() {
		ro = "（只读）"
	}
	a.win.SetTitle(fmt.Sprintf("%s%s — %s", a.cur.campaign.Title, ro, postgres.Location(a.cur.store)))
}

func (a *App) menu() *fyne.MainMenu {
	a.campaignItems = []*fyne.MenuItem{
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
	}
	closeItem := fyne.NewMenuItem("关闭当前活动", func() { a.leaveCampaign(a.ShowStart) })
	a.campaignItems = append(a.campaignItems, closeItem)
	file := fyne.NewMenu("文件",
		fyne.NewMenuItem("新建评选活动…", func() { a.askNewCampaign() }),
		fyne.NewMenuItem("打开评选活动…", func() { a.askOpen() }),
		a.campaignItems[0],
		a.campaignItems[1],
		fyne.NewMenuItemSeparator(),
		closeItem,
	)
	help := fyne.NewMenu("帮助",
		fyne.NewMenuItem("关于", func() {
			a.alert("关于", AppName+"\n版本 "+appinfo.Version+"\n\n评选活动文件是一个独立的文件，可复制、归档、通过邮件发送。"+
				"所有修改即时保存，并记录在活动的历史中。\n\n界面字体：Noto Sans SC（SIL 开放字体许可）。")
		}),
	)
	return fyne.NewMainMenu(file, help)
}

// updateMenu enables the campaign's menu items only while one is open.
func (a *App) updateMenu() {
	for _, it := range a.campaignItems {
		it.Disabled = a.cur == nil
	}
	if m := a.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// askOpen lets the user choose a campaign file and opens it.
func (a *App) askOpen() {
	a.leaveCampaign(func() {
		a.pick.openFile("打开评选活动文件", []string{".dossier"}, func(path string) {
			a.openFailed("无法打开", a.Open(path))
		})
	})
}

// DemoPath is where "open the demo" keeps the demo campaign: the user's
// documents folder (DocumentsDir).
func DemoPath() string {
	return filepath.Join(DocumentsDir(), "示例评选活动.dossier")
}
