package ui

import (
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
