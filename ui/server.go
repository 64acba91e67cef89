package ui

import (
	"context"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier/postgres"
	"github.com/dossier-app/dossier/dossier/store"
)

// openServer opens a campaign on a database server (a postgres:// URL, as
// given to dossier or kept among the recent campaigns without its
// password). When no password is known (URL, PGPASSWORD, ~/.pgpass) it
// asks for one first and returns ErrAsking; the password is held only for
// the connection, never stored.
func (a *App) openServer(raw string) error {
	cfg, err := postgres.ParseURL(raw)
	if err != nil {
		return err
	}
	if !cfg.HasPassword() {
		a.askPassword(raw, cfg)
		return ErrAsking
	}
	return a.openServerWith(raw, nil)
}

func (a *App) openServerWith(raw string, password postgres.PasswordFunc) error {
	st, err := postgres.OpenWith(a.ctx, raw, postgres.OpenOptions{Password: password})
	if err != nil {
		return err
	}
	return a.attach(st)
}

// askPassword asks for the login's password on the server, then opens.
func (a *App) askPassword(raw string, cfg *postgres.Config) {
	pw := widget.NewPasswordEntry()
	items := []*widget.FormItem{
		widget.NewFormItem("服务器", widget.NewLabel(cfg.Server)),
		widget.NewFormItem("登录名", widget.NewLabel(cfg.Login)),
		widget.NewFormItem("密码", pw),
	}
	d := dialog.NewForm("连接数据库服务器", "连接", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		typed := pw.Text
		a.connect(raw, func(string, string) (string, error) { return typed, nil })
	}, a.win)
	d.Resize(d.MinSize().AddWidthHeight(120, 0))
	d.Show()
	a.win.Canvas().Focus(pw)
}

// askServer asks for the address of a campaign on a database server (the
// start screen's 连接服务器), then opens it, asking for the password when
// the address has none.
func (a *App) askServer() {
	addr := widget.NewEntry()
	addr.SetPlaceHolder("postgres://登录名@服务器:5432/数据库?sslmode=require")
	d := dialog.NewForm("连接服务器上的评选活动", "连接", "取消", []*widget.FormItem{
		widget.NewFormItem("地址", addr),
	}, func(ok bool) {
		if !ok || strings.TrimSpace(addr.Text) == "" {
			return
		}
		raw := strings.TrimSpace(addr.Text)
		if !postgres.IsURL(raw) {
			a.alert("无法连接", "地址应以 postgres:// 开头，例如 postgres://clerk@db.example.cn:5432/pg2026?sslmode=require")
			return
		}
		a.connectURL(raw)
	}, a.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
	a.win.Canvas().Focus(addr)
}

// connectURL opens a campaign on a server as the start screen's buttons do:
// asking for the password when none is known, then connecting off the UI
// thread (connect).
func (a *App) connectURL(raw string) {
	cfg, err := postgres.ParseURL(raw)
	if err != nil {
		a.openFailed("无法连接", err)
		return
	}
	if !a.canLeaveThen(func() { a.connectURL(raw) }) {
		return
	}
	if !cfg.HasPassword() {
		a.askPassword(raw, cfg)
		return
	}
	a.connect(raw, nil)
}

// connect opens the campaign at raw on its server off the UI thread: an
// unreachable server takes up to its connect timeout (10 s), during which
// the window stays responsive and says what it is doing, with 取消.
func (a *App) connect(raw string, password postgres.PasswordFunc) {
	where := raw
	if cfg, err := postgres.ParseURL(raw); err == nil {
		where = cfg.Server
	}
	a.openInBackground("正在连接服务器 "+where, "无法连接", true, func(ctx context.Context) (*store.Store, error) {
		return postgres.OpenWith(ctx, raw, postgres.OpenOptions{Password: password})
	})
}

// openInBackground runs open (connecting to a server, making the demo
// campaign) off the UI thread while a dialog says what is being done under
// a moving bar, then shows the campaign or says in Chinese why it could not
// (a dialog titled failTitle). With cancel, the dialog has 取消, which stops
// the work and keeps the screen as it was.
func (a *App) openInBackground(what, failTitle string, cancel bool, open func(ctx context.Context) (*store.Store, error)) {
	ctx, stop := context.WithCancel(a.ctx)
	bar := widget.NewProgressBarInfinite()
	body := container.NewVBox(fixedWidth(420, wrapped(what+"…")), bar)
	var cancelled atomic.Bool
	var d *dialog.CustomDialog
	if cancel {
		b := widget.NewButton("取消", func() {
			cancelled.Store(true)
			stop()
			bar.Stop()
			d.Hide()
		})
		body.Add(container.NewCenter(b))
	}
	d = dialog.NewCustomWithoutButtons("请稍候", body, a.win)
	d.Show()
	a.opening.Add(1)
	hold := a.holdJob
	go func() {
		defer a.opening.Done()
		defer stop()
		if hold != nil {
			hold()
		}
		st, err := open(ctx)
		onUI(func() {
			bar.Stop()
			d.Hide()
			if cancelled.Load() {
				if st != nil {
					st.Close()
				}
				return
			}
			if err == nil {
				err = a.attach(st)
			}
			a.openFailed(failTitle, err)
		})
	}()
}
