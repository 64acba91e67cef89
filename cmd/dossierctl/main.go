// Command dossierctl runs the campaign operations of Dossier without a
// display, for batches, scripts and tests (DESIGN.md "Command line").
//
// Exit status: 0 success, 1 some input rejected (the rest done, each
// rejection printed) or the operation failed, 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	appinfo "github.com/dossier-app/dossier"
	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
)

// env carries a command's output streams.
type env struct {
	out io.Writer
	err io.Writer
	// closeErr is the first failed close of a store this command opened:
	// run reports it even where a command's own err shadowed it.
	closeErr error
}

// storeEnv remembers which command's env opened a store (see closeDB).
var storeEnv sync.Map // *store.Store → *env

// usageError is a mistake in the command line itself: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// rejectedError says that some inputs were rejected after the rest was
// done; the rejections have already been printed.
type rejectedError struct{ n int }

func (e *rejectedError) Error() string { return fmt.Sprintf("%d 项输入被拒绝", e.n) }

type command struct {
	run   func(ctx context.Context, args []string, e *env) error
	usage string
}

var commands = map[string]command{}

func register(name string, run func(ctx context.Context, args []string, e *env) error, usage string) {
	commands[name] = command{run, usage}
}

// appName is the app's Chinese name, as in FyneApp.toml.
const appName = "先进单位评选材料汇编"

const intro = `dossierctl：先进单位评选材料汇编工具的命令行

用法：dossierctl 命令 [参数]
`

func usageText() string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(intro)
	for _, n := range names {
		for _, line := range strings.Split(commands[n].usage, "\n") {
			fmt.Fprintf(&b, "  dossierctl %s\n", line)
		}
	}
	b.WriteString("  dossierctl --version    显示版本\n")
	b.WriteString("\n退出状态：0 成功；1 有输入被拒绝或操作失败；2 用法错误\n")
	return b.String()
}

func main() {
	os.Exit(run(context.Background(), os.Args[1:], &env{out: os.Stdout, err: os.Stderr}))
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(e.err, usageText())
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" || args[0] == "version" {
		fmt.Fprintf(e.out, "dossierctl %s（%s）\n", appinfo.Version, appName)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.err, "错误：未知命令“%s”\n\n%s", args[0], usageText())
		return 2
	}
	err := cmd.run(context.WithValue(ctx, envKey{}, e), args[1:], e)
	if e.closeErr != nil && !errors.Is(err, e.closeErr) {
		if err == nil {
			err = e.closeErr
		} else {
			fmt.Fprintf(e.err, "错误：%s\n", dossier.ErrorMessage(e.closeErr))
		}
	}
	var ue *usageError
	var re *rejectedError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(e.err, "用法：dossierctl %s\n", cmd.usage)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(e.err, "用法错误：%s\n用法：dossierctl %s\n", ue.msg, strings.ReplaceAll(cmd.usage, "\n", "\n      dossierctl "))
		return 2
	case errors.As(err, &re):
		return 1
	default:
		fmt.Fprintf(e.err, "错误：%s\n", dossier.ErrorMessage(err))
		return 1
	}
}

// flags is a FlagSet that reports its own errors as usage errors and lets
// flags and positional arguments come in any order.
type flags struct {
	*flag.FlagSet
	db *string
}

func newFlags(name string, withDB bool) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := &flags{FlagSet: fs}
	if withDB {
		f.db = fs.String("db", "", "评选活动文件")
	}
	return f
}

// parse parses args, allowing positional arguments between flags, and
// returns the positional ones.
func (f *flags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s", translateFlagError(f.FlagSet, err))
		}
		args = f.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			pos = append(pos, args[1:]...)
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if f.db != nil && *f.db == "" {
		return nil, usagef("缺少 --db（评选活动文件）")
	}
	return pos, nil
}

// parseNone parses args for a verb that takes no positional arguments.
func (f *flags) parseNone(args []string) error {
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("多余的参数：%s", strings.Join(pos, " "))
	}
	return nil
}

// isHelp reports whether a grouped verb was asked for help instead of a
// subcommand.
func isHelp(args []string) bool {
	return len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help")
}

// set reports whether the named flag was given.
func (f *flags) set(name string) bool {
	found := false
	f.Visit(func(fl *flag.Flag) {
		if fl.Name == name {
			found = true
		}
	})
	return found
}

// Go's flag package words its errors in English; these patterns pick out
// what each one is about so that it can be said in Chinese.
var (
	flagInvalidValue = regexp.MustCompile(`^invalid value "(.*)" for flag -(\S+): (.*)$`)
	flagInvalidBool  = regexp.MustCompile(`^invalid boolean value "(.*)" for -(\S+): (.*)$`)
)

// translateFlagError says a flag parse error in Chinese, naming the flag
// and the value given: 参数 --quota 的取值“1e3”无效：应为整数.
func translateFlagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if m := flagInvalidBool.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("参数 --%s 的取值“%s”无效：应为 true 或 false（也可以只写 --%s）", m[2], m[1], m[2])
	}
	if m := flagInvalidValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("参数 --%s 的取值“%s”无效：%s", m[2], m[1], flagWant(fs.Lookup(m[2]), m[3]))
	}
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "未知参数 --" + strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")
		return fmt.Sprintf("参数 --%s 缺少取值", name)
	case strings.HasPrefix(msg, "bad flag syntax: "):
		return "参数写法有误：" + strings.TrimPrefix(msg, "bad flag syntax: ")
	}
	return "参数有误：" + msg
}

// flagWant says what a flag expects, from its type; reason is the
// parser's own (English) reason, used only to tell a number out of range.
func flagWant(fl *flag.Flag, reason string) string {
	if fl != nil {
		if g, ok := fl.Value.(flag.Getter); ok {
			kind := ""
			switch g.Get().(type) {
			case int, int64:
				kind = "整数"
			case uint, uint64:
				kind = "不小于 0 的整数"
			case float64:
				kind = "数字"
			case time.Duration:
				kind = "时长（如 30s、5m）"
			}
			if kind != "" {
				if strings.Contains(reason, "out of range") {
					return "超出可以填写的范围，应为" + kind
				}
				return "应为" + kind
			}
		}
	}
	if m := reason; m != "" && !isASCII(m) {
		return m // a Chinese message from one of our own flag values
	}
	return "无法识别"
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// need checks that required string flags are non-empty.
func need(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return usagef("缺少 --%s", pairs[i])
		}
	}
	return nil
}

// envKey carries the command's env in its context, so that openDB can
// speak to the user without a parameter at every call site.
type envKey struct{}

// program is how dossierctl names itself in a campaign's lock file.
const program = "dossierctl"

// openDB opens an existing campaign file and tells the user on stderr what
// they must know: a journal set aside, damage found, another program (the
// app, or another machine) that has the file open. Other dossierctl
// processes are not mentioned: each of their changes is one short
// transaction, so they cannot overwrite each other's work.
func openDB(ctx context.Context, path string) (*store.Store, error) {
	s, err := sqlite.OpenWith(ctx, path, sqlite.OpenOptions{Program: program})
	if err != nil {
		return nil, err
	}
	if e, _ := ctx.Value(envKey{}).(*env); e != nil {
		storeEnv.Store(s, e)
		for _, n := range s.Notices() {
			fmt.Fprintln(e.err, "提示："+n)
		}
		if s.Damaged() {
			fmt.Fprintf(e.err, "警告：评选活动文件 %s 已损坏，只能读取尚可读取的内容，不能修改；请用备份恢复\n", path)
		}
		host, _ := os.Hostname()
		for _, h := range sqlite.OtherHolders(s) {
			if h.Program != program || h.Host != host {
				fmt.Fprintf(e.err, "提示：评选活动文件 %s 同时由%s打开；本命令照常进行，对方界面上的内容需刷新后才能看到本次修改\n", path, h.String())
			}
		}
	}
	return s, nil
}

// closeDB closes the store. A close that could not make the file stand
// alone is reported even when the command failed for another reason.
func closeDB(s *store.Store, err *error) {
	cerr := s.Close()
	if v, ok := storeEnv.LoadAndDelete(s); ok && cerr != nil {
		if e := v.(*env); e.closeErr == nil {
			e.closeErr = cerr
		}
	}
	switch {
	case cerr == nil:
	case *err == nil:
		*err = cerr
	default:
		*err = &dossier.Error{Code: dossier.ErrorCode(*err), Message: dossier.ErrorMessage(*err) + "\n错误：" + dossier.ErrorMessage(cerr), Err: errors.Join(*err, cerr)}
	}
}
