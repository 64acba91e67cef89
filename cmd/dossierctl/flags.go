package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// flags is one command line's FlagSet: it reports its own errors as usage
// errors, in Chinese, and lets flags and positional arguments come in any
// order. The dispatcher makes a fresh one for every command line, so that
// no value carries over from an earlier run in the same process.
type flags struct {
	*flag.FlagSet
	db     *string  // --db, for a verb that works on a campaign
	args   []string // the command line after the verb's name
	parsed bool
}

func newFlags(name string, withDB bool, args []string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := &flags{FlagSet: fs, args: args}
	if withDB {
		f.db = fs.String("db", "", "评选活动文件，或服务器上的评选活动（postgres://登录名@服务器/数据库）")
	}
	return f
}

// parse parses the command line, allowing positional arguments between
// flags, and returns the positional ones.
func (f *flags) parse() ([]string, error) {
	var pos []string
	args := f.args
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
	f.parsed = true
	return pos, nil
}

// parseNone parses the command line of a verb that takes no positional
// arguments.
func (f *flags) parseNone() error {
	pos, err := f.parse()
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("多余的参数：%s", strings.Join(pos, " "))
	}
	return nil
}

// isHelp reports whether args ask a group of verbs for help instead of
// naming one of them.
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

// need checks that required string flags are non-empty.
func need(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return usagef("缺少 --%s", pairs[i])
		}
	}
	return nil
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

// flagKind says in Chinese what kind of value a flag takes, from its type;
// "" for text and for our own flag values.
func flagKind(fl *flag.Flag) string {
	if g, ok := fl.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case int, int64:
			return "整数"
		case uint, uint64:
			return "不小于 0 的整数"
		case float64:
			return "数字"
		case time.Duration:
			return "时长（如 30s、5m）"
		}
	}
	return ""
}

// flagWant says what a flag expects, from its type; reason is the
// parser's own (English) reason, used only to tell a number out of range.
func flagWant(fl *flag.Flag, reason string) string {
	if fl != nil {
		if kind := flagKind(fl); kind != "" {
			if strings.Contains(reason, "out of range") {
				return "超出可以填写的范围，应为" + kind
			}
			return "应为" + kind
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
