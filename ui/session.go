package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/postgres"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/ops"
)

// screen is one tab of an open campaign.
type screen interface {
	// content is the screen's widget tree, built once.
	content() fyne.CanvasObject
	// refresh reloads what the screen shows from the campaign file; it runs
	// each time the screen comes forward.
	refresh()
}

// tabSpec names a screen's tab and builds it.
type tabSpec struct {
	name  string
	label string
	icon  fyne.Resource
	build func(s *session) screen
}

// tabSpecs lists the tabs in order. (A function, not a variable: the
// screens it builds refer back to it.)
func tabSpecs() []tabSpec {
	return []tabSpec{
		{ScreenSettings, "评选设置", theme.SettingsIcon(), func(s *session) screen { return newSettingsTab(s) }},
		{ScreenUnits, "申报单位", theme.ListIcon(), func(s *session) screen { return newUnitsTab(s) }},
		{ScreenImport, "导入申报表", theme.DownloadIcon(), func(s *session) screen { return newImportTab(s) }},
		{ScreenEvaluators, "评委与回避", theme.AccountIcon(), func(s *session) screen { return newEvaluatorsTab(s) }},
		{ScreenScoring, "评分录入", theme.DocumentCreateIcon(), func(s *session) screen { return newScoringTab(s) }},
		{ScreenRanking, "排名", theme.GridIcon(), func(s *session) screen { return newRankingTab(s) }},
		{ScreenReview, "复核", theme.WarningIcon(), func(s *session) screen { return newReviewTab(s) }},
		{ScreenExport, "导出与打印", theme.DocumentPrintIcon(), func(s *session) screen { return newExportTab(s) }},
	}
}

// session is one open campaign: the file, the window's content while it is
// open, and what every screen shares (the error bar, the status line, the
// saves still pending, the background jobs).
type session struct {
	a        *App
	store    *store.Store
	ctx      context.Context
	campaign dossier.Campaign

	view   fyne.CanvasObject
	errs   *errorBar
	status *widget.Label
	// activity shows the progress of the background jobs started with
	// background; activities counts them (UI thread only).
	activity   *widget.ProgressBar
	activities int
	titleLbl   *widget.Label
	pathLbl    *widget.Label
	tabs       *container.AppTabs
	slots      map[string]*fyne.Container
	screens    map[string]screen

	flushers []func()
	jobs     sync.WaitGroup
	running  atomic.Int32
	// history is the campaign's history dialog while it is open.
	history *campaignHistory
	// scoring is the bar with the scoring state and the rule-change reason.
	scoring *scoringBar
	// leaveDlg asks about unsaved edits while it is open.
	leaveDlg *dialog.CustomDialog
	// conflictDlg asks about an edit based on an older record (see
	// stale.go) while it is open.
	conflictDlg *dialog.CustomDialog
	// offline holds the saves refused because the server could not be
	// reached, by key; while it is not empty they are tried again every
	// retryEvery until they go through (UI thread only).
	offline  map[string]func()
	retrying bool
	closed   atomic.Bool
}

// watchEvery is how often a session looks for changes made by other
// sessions or programs (a server's notifications, a file's commit counter)
// to refresh the screens that show the campaign's standing; 0 turns the
// watch off (the tests, whose driver runs UI work on the asking goroutine).
var watchEvery = time.Second

// watch refreshes the ranking, the 复核 list and the scoring bar when the
// campaign changed elsewhere: an evaluator's score saved on a server shows
// on the clerk's and the chair's ranking within about a second. Screens
// where the user types are left alone; they reload when shown.
func (s *session) watch() {
	if watchEvery <= 0 {
		return
	}
	seen := s.store.Generation()
	go func() {
		tick := time.NewTicker(watchEvery)
		defer tick.Stop()
		for range tick.C {
			if s.closed.Load() {
				return
			}
			g := s.store.Poll(s.ctx)
			if g == seen {
				continue
			}
			seen = g
			onUI(func() {
				if s.closed.Load() {
					return
				}
				if cur := s.current(); cur != nil && (cur == s.screens[ScreenRanking] || cur == s.screens[ScreenReview]) {
					cur.refresh()
				}
				if s.scoring != nil {
					s.scoring.refresh()
				}
			})
		}
	}()
}

// retryEvery is how often saves that failed for want of the server are
// tried again.
var retryEvery = 3 * time.Second

func newSession(a *App, st *store.Store) (*session, error) {
	s := &session{a: a, store: st, ctx: a.ctx, slots: map[string]*fyne.Container{}, screens: map[string]screen{}}
	c, err := st.Campaign(s.ctx)
	if err != nil {
		return nil, err
	}
	s.campaign = c
	s.errs = newErrorBar()
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance
	s.status.SizeName = theme.SizeNameCaptionText
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.titleLbl = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.titleLbl.SizeName = theme.SizeNameSubHeadingText
	s.pathLbl = widget.NewLabel("")
	s.pathLbl.Importance = widget.LowImportance
	s.pathLbl.SizeName = theme.SizeNameCaptionText
	s.pathLbl.Truncation = fyne.TextTruncateEllipsis
	s.updateHeader()

	var items []*container.TabItem
	for _, spec := range tabSpecs() {
		slot := container.NewStack()
		s.slots[spec.name] = slot
		items = append(items, container.NewTabItemWithIcon(spec.label, spec.icon, slot))
	}
	s.tabs = container.NewAppTabs(items...)

	home := widget.NewButtonWithIcon("首页", theme.HomeIcon(), func() { a.leaveCampaign(a.ShowStart) })
	home.Importance = widget.LowImportance
	hist := widget.NewButtonWithIcon("修改记录", theme.HistoryIcon(), func() { s.showHistory() })
	hist.Importance = widget.LowImportance
	rule := canvas.NewRectangle(colSeal)
	rule.SetMinSize(fyne.NewSize(0, 2))
	header := container.NewVBox(
		container.NewBorder(nil, nil, s.titleLbl, container.NewHBox(s.errs.marker, hist, home), container.NewVBox(layout.NewSpacer(), s.pathLbl, layout.NewSpacer())),
		rule,
	)
	s.scoring = newScoringBar(s)
	top := container.NewVBox(header)
	if b := s.readOnlyBanner(); b != nil {
		top.Add(b)
	}
	if banner := verifyBanner(s.ctx, st); banner != nil {
		top.Add(banner)
	}
	top.Add(s.scoring.box)
	s.activity = widget.NewProgressBar()
	s.activity.Hide()
	// The error bar floats over the foot of the screen instead of taking a
	// row above it: a bar that pushed the tabs down when a save failed moved
	// every field and button under the mouse, and the next click landed on
	// the wrong one. Its × hides it; the 未保存 marker in the header stays.
	body := container.NewStack(s.tabs, container.NewVBox(layout.NewSpacer(), s.errs.box))
	s.view = container.NewBorder(top, container.NewBorder(nil, nil, nil, fixedWidth(220, s.activity), s.status), nil, nil, body)

	first := 0
	if units, err := st.Units(s.ctx); err == nil && len(units) > 0 {
		first = 1
	}
	s.tabs.SelectIndex(first)
	s.bring(first)
	s.tabs.OnSelected = func(*container.TabItem) { s.flush(); s.bring(s.tabs.SelectedIndex()) }
	return s, nil
}

// bring builds the screen of tab i on first use and refreshes it.
func (s *session) bring(i int) {
	if i < 0 || i >= len(tabSpecs()) {
		return
	}
	spec := tabSpecs()[i]
	sc, ok := s.screens[spec.name]
	if !ok {
		sc = spec.build(s)
		s.screens[spec.name] = sc
		s.slots[spec.name].Objects = []fyne.CanvasObject{sc.content()}
		s.slots[spec.name].Refresh()
	}
	sc.refresh()
	if s.scoring != nil {
		s.scoring.refresh() // the first score may have opened scoring
	}
}

// show selects the tab of a screen by name.
func (s *session) show(name string) bool {
	for i, spec := range tabSpecs() {
		if spec.name == name {
			if s.tabs.SelectedIndex() == i {
				s.bring(i)
			} else {
				s.tabs.SelectIndex(i) // OnSelected brings it
			}
			return true
		}
	}
	return false
}

// current returns the screen on show, nil when none is built yet.
func (s *session) current() screen {
	if s.tabs == nil || s.tabs.Selected() == nil {
		return nil
	}
	for name, slot := range s.slots {
		if s.tabs.Selected().Content == slot {
			return s.screens[name]
		}
	}
	return nil
}

// screen returns the built screen of that name, building it if needed.
func (s *session) screen(name string) screen {
	if sc, ok := s.screens[name]; ok {
		return sc
	}
	for i, spec := range tabSpecs() {
		if spec.name == name {
			s.bring(i)
			return s.screens[name]
		}
	}
	return nil
}

func (s *session) updateHeader() {
	if s.store.Damaged() {
		s.titleLbl.SetText(s.campaign.Title + "（已损坏，只读）")
	} else if s.readOnly() {
		s.titleLbl.SetText(s.campaign.Title + "（只读）")
	} else {
		s.titleLbl.SetText(s.campaign.Title)
	}
	s.pathLbl.SetText(postgres.Location(s.store))
}

// campaignChanged takes new campaign settings into the header and title.
func (s *session) campaignChanged(c dossier.Campaign) {
	s.campaign = c
	s.updateHeader()
	s.a.updateTitle()
}

// onFlush registers a save to run before the screen changes or the file
// closes.
func (s *session) onFlush(fn func()) { s.flushers = append(s.flushers, fn) }

// flush runs every pending save now.
func (s *session) flush() {
	for _, fn := range s.flushers {
		fn()
	}
}

// save runs one write. A failure shows in the error bar under key, with a
// retry; what was typed stays in its widget. Success clears the key. what
// names the edit for the user: which field of which record.
func (s *session) save(key, what string, fn func() error) bool {
	return s.saveOr(key, what, fn, nil)
}

// saveOr is save, except that a write the file refuses as based on an
// older record goes to stale (with the record as now stored), when given.
func (s *session) saveOr(key, what string, fn func() error, stale func(cur any)) bool {
	if err := fn(); err != nil {
		if cur, ok := staleCurrent(err); ok && stale != nil {
			s.errs.clear(key)
			stale(cur)
			return false
		}
		retry := func() { s.saveOr(key, what, fn, stale) }
		if dossier.ErrorCode(err) == dossier.EUNREACHABLE {
			s.errs.set(key, what, fmt.Sprintf("未能保存%s：%s。已输入的内容仍保留在编辑框中，连接恢复后会自动保存。", what, dossier.ErrorMessage(err)), retry)
			s.retryWhenBack(key, retry)
			return false
		}
		delete(s.offline, key)
		s.errs.set(key, what, fmt.Sprintf("未能保存%s：%s。已输入的内容仍保留在编辑框中，改正后会重新保存。", what, dossier.ErrorMessage(err)), retry)
		return false
	}
	delete(s.offline, key)
	s.errs.clear(key)
	s.note("已保存" + what)
	return true
}

// retryWhenBack keeps a save refused for want of the server and, unless
// one runs already, starts the loop that tries the kept saves again until
// none is left: a score typed while the server is down stays in its cell,
// marked unsaved, and is written once the server answers. A save is an
// upsert of what the cell holds now, so trying it twice writes it once.
func (s *session) retryWhenBack(key string, retry func()) {
	if s.offline == nil {
		s.offline = map[string]func(){}
	}
	s.offline[key] = retry
	if s.retrying {
		return
	}
	s.retrying = true
	go func() {
		for {
			time.Sleep(retryEvery)
			left := make(chan int, 1)
			onUI(func() {
				if s.closed.Load() {
					s.retrying = false
					left <- 0
					return
				}
				before := len(s.offline)
				for _, k := range sortedKeys(s.offline) {
					if f, ok := s.offline[k]; ok {
						f()
					}
				}
				if len(s.offline) < before {
					if sc := s.current(); sc != nil {
						sc.refresh()
					}
				}
				if len(s.offline) == 0 {
					s.retrying = false
				}
				left <- len(s.offline)
			})
			if <-left == 0 {
				return
			}
		}
	}()
}

func sortedKeys(m map[string]func()) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// invalid lists typed text that cannot be saved as it is (a value that
// does not parse) under key: it is an unsaved edit like a failed write.
func (s *session) invalid(key, what, msg string) {
	s.errs.set(key, what, fmt.Sprintf("%s未保存：%s", what, msg), nil)
}

// leave runs then once no edit whose key starts with prefix is unsaved.
// Pending saves run first. If some edit still is not in the file, the user
// is asked: 保存重试 (try the saves again; then runs if they all succeed,
// else the question comes back with what is left), 放弃这些修改 (forget
// them; then runs and whoever leaves shows the file's content again) or 取消
// (stay; cancel runs, if given, and the text stays where it was typed).
func (s *session) leave(prefix string, then, cancel func()) {
	s.flush()
	items := s.errs.withPrefix(prefix)
	if len(items) == 0 {
		then()
		return
	}
	var b strings.Builder
	b.WriteString("以下修改还没有保存到文件中：\n")
	for _, it := range items {
		b.WriteString("\n• " + it.what)
		if it.msg != "" {
			b.WriteString("\n　　" + it.msg)
		}
	}
	b.WriteString("\n\n“保存重试”再保存一次；“放弃这些修改”不保存它们，恢复为文件中的内容；“取消”留在这里继续修改。")
	msg := wrapped(b.String())
	var d *dialog.CustomDialog
	retry := widget.NewButtonWithIcon("保存重试", theme.ViewRefreshIcon(), func() {
		d.Hide()
		s.leaveDlg = nil
		for _, it := range items {
			if it.retry != nil {
				it.retry()
			}
		}
		if s.conflictDlg != nil {
			return // a newer record came up: that question decides first
		}
		s.leave(prefix, then, cancel)
	})
	retry.Importance = widget.HighImportance
	drop := widget.NewButtonWithIcon("放弃这些修改", theme.DeleteIcon(), func() {
		d.Hide()
		s.leaveDlg = nil
		s.errs.clearPrefix(prefix)
		then()
	})
	drop.Importance = widget.DangerImportance
	stay := widget.NewButton("取消", func() {
		d.Hide()
		s.leaveDlg = nil
		if cancel != nil {
			cancel()
		}
	})
	d = dialog.NewCustomWithoutButtons("有未保存的修改", newVScroll(fixedWidth(560, msg)), s.a.win)
	d.SetButtons([]fyne.CanvasObject{stay, drop, retry})
	d.Resize(fyne.NewSize(640, 420))
	if s.leaveDlg != nil {
		s.leaveDlg.Hide()
	}
	s.leaveDlg = d
	d.Show()
}

// note shows a passing message in the status line.
func (s *session) note(msg string) {
	s.status.SetText(time.Now().Format("15:04:05") + "  " + msg)
}

// goJob runs fn in the background; fn touches widgets only through fyne.Do.
func (s *session) goJob(fn func()) {
	s.jobs.Add(1)
	s.running.Add(1)
	hold := s.a.holdJob
	go func() {
		defer s.jobs.Done()
		defer s.running.Add(-1)
		if hold != nil {
			hold()
		}
		fn()
	}()
}

// background runs work off the UI thread, while the status line says what
// is being done and a bar shows work's progress; the function work returns,
// if any, then runs on the UI thread to show the outcome. The window stays
// responsive meanwhile; leaving the campaign waits for the job.
func (s *session) background(what string, work func(progress ops.Progress) func()) {
	s.note(what + "…")
	s.activities++
	s.activity.SetValue(0)
	s.activity.Show()
	s.goJob(func() {
		show := work(func(done, total int) {
			if total > 0 {
				v := float64(done) / float64(total)
				onUI(func() { s.activity.SetValue(v) })
			}
		})
		onUI(func() {
			if s.activities--; s.activities == 0 {
				s.activity.Hide()
			}
			if show != nil {
				show()
			}
		})
	})
}

// goQuiet runs fn in the background like goJob, but as work the user need
// not wait for (thumbnails): busy does not count it; closing waits for it.
func (s *session) goQuiet(fn func()) {
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		fn()
	}()
}

// busy reports whether an import or export is still running.
func (s *session) busy() bool { return s.running.Load() > 0 }

// saveCopy writes a copy of the campaign file elsewhere.
func (s *session) saveCopy() {
	s.flush()
	base := strings.TrimSuffix(filepath.Base(s.store.Path()), filepath.Ext(s.store.Path()))
	if s.store.Path() == "" {
		base = s.campaign.Title // a campaign on a server: its copy is a file
	}
	s.a.pick.saveFile("保存副本", base+"-副本.dossier", false, func(path string) {
		s.background("正在保存副本 "+filepath.Base(path), func(ops.Progress) func() {
			_, err := ops.Export(s.ctx, s.store, ops.ExportRequest{Kind: ops.KindBackup, Out: path})
			return func() {
				if err != nil {
					s.a.alert("未能保存副本", dossier.ErrorMessage(err))
					return
				}
				s.note("已将副本保存到 " + path)
			}
		})
	})
}

func (s *session) close() {
	s.closed.Store(true)
	if s.history != nil {
		s.history.dlg.Hide()
	}
	if s.leaveDlg != nil {
		s.leaveDlg.Hide()
	}
	if s.conflictDlg != nil {
		s.conflictDlg.Hide()
	}
	s.flush()
	s.jobs.Wait()
	if err := s.store.Close(); err != nil {
		fyne.LogError("close campaign", err)
	}
}
