package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// heldOpen runs action (a start-screen button) with every background job
// held at its start: the handler must return while the work waits, with a
// dialog saying what is being done, and the window must take typed text.
// Then the job is released and waited for.
func heldOpen(t *testing.T, a *App, action func(), saying string) {
	t.Helper()
	release := make(chan struct{})
	a.holdJob = func() { <-release }
	defer func() { a.holdJob = nil }()
	action() // on the UI thread this would wait for the release: a deadlock
	if got := overlayTexts(a); !strings.Contains(got, saying) {
		close(release)
		a.opening.Wait()
		t.Fatalf("no progress dialog saying %q while the job waits:\n%s", saying, got)
	}
	e := widget.NewEntry()
	test.Type(e, "仍可输入")
	if e.Text != "仍可输入" {
		t.Errorf("typing while the job waits gave %q", e.Text)
	}
	close(release)
	a.opening.Wait()
	if strings.Contains(overlayTexts(a), saying) {
		t.Error("the progress dialog stays after the job")
	}
}

// TestOpeningOffTheUIThread is the dialogs brief item 5: 连接服务器… and
// 打开示例活动 do their work off the UI thread, with a dialog saying so;
// 取消 stops a connection and keeps the start screen; an unreachable server
// is said in Chinese.
func TestOpeningOffTheUIThread(t *testing.T) {
	t.Run("demo", func(t *testing.T) {
		home := t.TempDir()
		t.Setenv("HOME", home)
		t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
		a, _ := newTestApp(t)
		a.ShowStart()
		heldOpen(t, a, func() { test.Tap(findButton(t, a.start.view, "打开示例活动")) }, "正在生成示例活动")
		if a.cur == nil {
			t.Fatalf("demo not opened: %s", overlayTexts(a))
		}
		if _, err := os.Stat(DemoPath()); err != nil {
			t.Errorf("demo file: %v", err)
		}
	})

	connectTo := func(t *testing.T, a *App, addr string) {
		test.Tap(findButton(t, a.start.view, "连接服务器…"))
		for _, o := range objects(a.win.Canvas().Overlays().Top()) {
			if e, ok := o.(*widget.Entry); ok {
				test.Type(e, addr)
			}
		}
		test.Tap(dialogButton(t, a, "连接"))
	}

	t.Run("cancelled", func(t *testing.T) {
		a, _ := newTestApp(t)
		a.ShowStart()
		release := make(chan struct{})
		a.holdJob = func() { <-release }
		connectTo(t, a, "postgres://clerk:pw@127.0.0.1:1/pg2026?sslmode=disable")
		if !strings.Contains(overlayTexts(a), "正在连接服务器 127.0.0.1") {
			t.Fatalf("no progress dialog: %s", overlayTexts(a))
		}
		tapOverlayButton(t, a, "取消")
		close(release)
		a.opening.Wait()
		if a.cur != nil || strings.Contains(overlayTexts(a), "无法连接") {
			t.Errorf("a cancelled connection still opened or complained: %s", overlayTexts(a))
		}
	})

	t.Run("unreachable", func(t *testing.T) {
		a, _ := newTestApp(t)
		a.ShowStart()
		connectTo(t, a, "postgres://clerk:pw@127.0.0.1:1/pg2026?sslmode=disable")
		a.opening.Wait()
		got := overlayTexts(a)
		if !strings.Contains(got, "无法连接") || !strings.Contains(got, "127.0.0.1") {
			t.Errorf("unreachable server: %s", got)
		}
	})

	t.Run("server", func(t *testing.T) {
		full, st := demoOnServer(t)
		st.Close()
		u, _ := url.Parse(full)
		a, _ := newTestApp(t)
		a.ShowStart()
		heldOpen(t, a, func() { connectTo(t, a, full) }, "正在连接服务器 "+u.Host)
		if a.cur == nil {
			t.Fatalf("not connected: %s", overlayTexts(a))
		}
	})
}
