package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
)

// walk calls fn for every command of the table, parents first.
func walk(c *Command, fn func(*Command)) {
	for _, sub := range c.Commands {
		fn(sub)
		walk(sub, fn)
	}
}

// continuedBadly is a usage line's continuation printed as a command of
// its own: "dossierctl            [--unit CODE]".
var continuedBadly = regexp.MustCompile(`dossierctl  +\S.*`)

// TestEveryCommandHasUsageAndHelp: every entry of the table says what it
// is; every verb and sub-verb answers --help and help VERB with its usage
// and its flags, in Chinese, with exit 0 and without touching the
// campaign; every group lists its sub-verbs; the overview lists them all.
func TestEveryCommandHasUsageAndHelp(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "demo", "--db", db)
	before := readBytes(t, db)
	missing := filepath.Join(dir, "missing.dossier")
	_, _, all := ctl(t, "--help")
	if n := len(root.leaves()); n < 25 {
		t.Errorf("only %d runnable commands in the table", n)
	}
	walk(root, func(c *Command) {
		name := c.fullName()
		t.Run(name, func(t *testing.T) {
			if c.Short == "" || isASCII(c.Short) {
				t.Errorf("no Chinese short text: %q", c.Short)
			}
			if c.Run == nil && len(c.Commands) == 0 {
				t.Fatal("neither work nor sub-verbs")
			}
			if c.Run == nil {
				code, out, errs := ctl(t, append(c.path(), "--help")...)
				_, _, viaHelp := ctl(t, append([]string{"help"}, c.path()...)...)
				if code != 0 || out != "" || errs != viaHelp {
					t.Errorf("--help: exit %d, stdout %q; help %s differs:\n%s\n%s", code, out, name, errs, viaHelp)
				}
				for _, sub := range c.Commands {
					if !strings.Contains(errs, sub.synopsis()[0]) {
						t.Errorf("group help does not list %s:\n%s", sub.fullName(), errs)
					}
				}
				return
			}
			if c.UsageLine == "" {
				t.Error("no usage line")
			}
			if c.Campaign != noCampaign && !strings.HasPrefix(c.UsageLine, "--db FILE") {
				t.Errorf("usage line %q does not start with --db FILE", c.UsageLine)
			}
			if !strings.Contains(all, "dossierctl "+c.synopsis()[0]) {
				t.Errorf("overview does not list %q", c.synopsis()[0])
			}
			for _, args := range [][]string{
				append(c.path(), "--help"),
				append(c.path(), "-h"),
				append(c.path(), "--db", db, "--help"),
				append(c.path(), "--db", missing, "-h"),
				append([]string{"help"}, c.path()...),
			} {
				code, out, errs := ctl(t, args...)
				if code != 0 || out != "" {
					t.Errorf("%v: exit %d, stdout %q", args, code, out)
				}
				if !strings.HasPrefix(errs, "用法：dossierctl "+c.synopsis()[0]+"\n") || !strings.Contains(errs, c.Short) || !strings.Contains(errs, "参数：\n") {
					t.Errorf("%v: help is\n%s", args, errs)
				}
				for _, line := range strings.Split(errs[strings.Index(errs, "参数：\n"):], "\n")[1:] {
					if strings.HasPrefix(line, "  --") && len(strings.Fields(line)) < 2 {
						t.Errorf("%v: flag without a description: %q", args, line)
					}
				}
				if m := continuedBadly.FindString(errs); m != "" {
					t.Errorf("%v: a continued usage line reads %q:\n%s", args, m, errs)
				}
				if c.Campaign != noCampaign && !strings.Contains(errs, "  --db ") {
					t.Errorf("%v: --db not listed:\n%s", args, errs)
				}
			}
		})
	})
	if !bytes.Equal(readBytes(t, db), before) || strings.Join(listDir(t, dir), " ") != "c.dossier" {
		t.Errorf("--help touched the campaign: %v", listDir(t, dir))
	}
}

// TestUnknownCommands: an unknown verb or sub-verb, a group without one,
// and help about something that does not exist all exit 2 with a Chinese
// message naming it and the usage to follow; nothing on stdout.
func TestUnknownCommands(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"frobnicate"}, []string{"错误：未知命令“frobnicate”", "dossierctl unit       add"}},
		{[]string{"unit", "frob"}, []string{"用法错误：未知子命令“frob”，应为 add、status 或 restore", "用法：dossierctl unit       add"}},
		{[]string{"unit"}, []string{"用法错误：缺少子命令 add、status 或 restore", "dossierctl unit       restore"}},
		{[]string{"export", "docx", "--db", "x"}, []string{"未知子命令“docx”，应为 pdf 或 xlsx", "dossierctl export     xlsx"}},
		{[]string{"scoring"}, []string{"缺少子命令 open 或 close"}},
		{[]string{"evaluator", "remove"}, []string{"未知子命令“remove”，应为 add"}},
		{[]string{"help", "frobnicate"}, []string{"错误：未知命令“frobnicate”"}},
		{[]string{"help", "unit", "frob"}, []string{"未知子命令“frob”"}},
		{[]string{"help", "rank", "extra"}, []string{"dossierctl rank 没有子命令“extra”", "用法：dossierctl rank"}},
		{[]string{"history", "frob", "--db", "x"}, []string{"多余的参数：frob", "用法：dossierctl history    --db FILE"}},
	} {
		code, out, errs := ctl(t, c.args...)
		if code != 2 || out != "" {
			t.Errorf("%v: exit %d, stdout %q", c.args, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: %q not in\n%s", c.args, w, errs)
			}
		}
		for _, en := range []string{"unknown", "usage", "Usage", "not defined", "command"} {
			if strings.Contains(errs, en) {
				t.Errorf("%v: English %q in\n%s", c.args, en, errs)
			}
		}
	}
}

// TestCampaignReleasedOnError: a verb that fails after opening the
// campaign still closes it, lock file and journal included, so that the
// next command (or the app) finds the file free and whole.
func TestCampaignReleasedOnError(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "demo", "--db", db)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"unit", "status", "--db", db, "--code", "ZZ-999", "--status", "已受理"}, 1, "不存在"},
		{[]string{"scores", "set", "--db", db, "--evaluator", "赵丽（示例）", "--unit", "HN2022-001", "--category", "不存在工程", "--value", "10"}, 1, "不存在"},
		{[]string{"history", "restore", "--db", db, "--id", "999999"}, 1, ""},
		{[]string{"settings", "--db", db, "--tie-break", "不存在"}, 1, "不存在"},
		{[]string{"review", "resolve", "--db", db, "--flag", "没有", "--by", "王", "--note", "无"}, 1, "复核标记“没有”不存在"},
		{[]string{"scores", "import", "--db", db, filepath.Join(dir, "none.xlsx")}, 1, "拒绝"},
	} {
		code, _, errs := ctl(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d %q", c.args, code, errs)
		}
		if h, err := sqlite.InUse(db); h != nil || err != nil {
			t.Errorf("%v: still held by %v (%v)", c.args, h, err)
		}
		if got := strings.Join(listDir(t, dir), " "); got != "c.dossier" {
			t.Errorf("%v: left beside the file: %s", c.args, got)
		}
	}
	// The file is whole: the check passes and nothing was written.
	if out := mustCtl(t, "check", "--db", db); !strings.Contains(out, "检查通过") {
		t.Errorf("check = %q", out)
	}
}

// TestCampaignOpenedOnceAndClosed drives the dispatcher with a verb of its
// own: the campaign comes once however often the verb asks, is closed
// after the verb fails, and cannot be reached before the flags are
// parsed.
func TestCampaignOpenedOnceAndClosed(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.dossier")
	mustCtl(t, "new", "--db", db)
	var held bool
	verb := &Command{Name: "probe", UsageLine: "--db FILE", Short: "测试", Campaign: opensCampaign, Run: func(ctx context.Context, x *call) error {
		if err := x.flags.parseNone(); err != nil {
			return err
		}
		s1, err := x.campaign(ctx)
		if err != nil {
			return err
		}
		s2, _ := x.campaign(ctx)
		if s1 != s2 {
			t.Error("the campaign was opened twice")
		}
		h, _ := sqlite.InUse(db)
		held = h != nil
		return dossier.Errorf(dossier.EINVALID, "测试失败")
	}}
	probe := &Command{Name: "dossierctl", Commands: []*Command{verb}}
	link(probe)
	var out, errb bytes.Buffer
	e := &env{out: &out, err: &errb}
	if code := execute(context.Background(), verb, []string{"--db", db}, e); code != 1 || errb.String() != "错误：测试失败\n" {
		t.Errorf("exit %d, %q", code, errb.String())
	}
	if !held {
		t.Error("the campaign was not open while the verb ran")
	}
	if h, err := sqlite.InUse(db); h != nil || err != nil {
		t.Errorf("still held after the verb: %v %v", h, err)
	}

	early := &Command{Name: "early", UsageLine: "--db FILE", Short: "测试", Campaign: opensCampaign, Run: func(ctx context.Context, x *call) error {
		_, err := x.campaign(ctx)
		return err
	}}
	probe.Commands = append(probe.Commands, early)
	link(probe)
	func() {
		defer func() {
			if recover() == nil {
				t.Error("a campaign opened before the flags were parsed")
			}
		}()
		execute(context.Background(), early, []string{"--db", db}, e)
	}()
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
}
