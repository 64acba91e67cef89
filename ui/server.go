package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/dossier-app/dossier/dossier/postgres"
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
		a.openFailed("无法连接", a.openServerWith(raw, func(string, string) (string, error) { return typed, nil }))
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
		a.openFailed("无法连接", a.Open(raw))
	}, a.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
	a.win.Canvas().Focus(addr)
}
