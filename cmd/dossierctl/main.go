// Command dossierctl runs the campaign operations of Dossier without a
// display, for batches, scripts and tests (DESIGN.md "Command line").
//
// Every verb is an entry of one table (table.go); run finds the entry,
// gives it fresh flags, and closes the campaign it opened whatever
// happened, so that a verb is parse → call → print.
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

	appinfo "github.com/dossier-app/dossier"
	"github.com/dossier-app/dossier/dossier"
)

// env carries a command's output streams.
type env struct {
	out io.Writer
	err io.Writer
}

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

// appName is the app's Chinese name, as in FyneApp.toml.
const appName = "先进单位评选材料汇编"

func main() {
	os.Exit(run(context.Background(), os.Args[1:], &env{out: os.Stdout, err: os.Stderr}))
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 {
		fmt.Fprint(e.err, overview())
		return 2
	}
	switch args[0] {
	case "-h", "--help", "-help":
		fmt.Fprint(e.err, overview())
		return 0
	case "help":
		return help(ctx, args[1:], e)
	case "--version", "-version", "version":
		fmt.Fprintf(e.out, "dossierctl %s（%s）\n", appinfo.Version, appName)
		return 0
	}
	c, rest, code := find(args, false, e)
	if c == nil {
		return code
	}
	return execute(ctx, c, rest, e)
}

// find walks the table along args to the command they name and returns
// it with the arguments left for it. A group asked for help prints it; a
// group without a known sub-verb is a usage error, unless forHelp (help
// unit): either way find then returns no command and the exit status.
func find(args []string, forHelp bool, e *env) (*Command, []string, int) {
	c := root.lookup(args[0])
	if c == nil {
		fmt.Fprintf(e.err, "错误：未知命令“%s”\n\n%s", args[0], overview())
		return nil, nil, 2
	}
	args = args[1:]
	for len(c.Commands) > 0 {
		if len(args) > 0 {
			if sub := c.lookup(args[0]); sub != nil {
				c, args = sub, args[1:]
				continue
			}
		}
		if c.Run != nil || (forHelp && len(args) == 0) {
			break // the group's own work (history, review), or its help
		}
		switch {
		case isHelp(args):
			printHelp(e.err, c, nil)
			return nil, nil, 0
		case len(args) == 0:
			fmt.Fprintf(e.err, "用法错误：缺少子命令 %s\n%s", c.subNames(), c.usageText())
		default:
			fmt.Fprintf(e.err, "用法错误：未知子命令“%s”，应为 %s\n%s", args[0], c.subNames(), c.usageText())
		}
		return nil, nil, 2
	}
	return c, args, 0
}

// help is "dossierctl help [VERB [SUB]]": the overview, a group's
// sub-verbs, or what the command prints for --help.
func help(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 {
		fmt.Fprint(e.err, overview())
		return 0
	}
	c, rest, code := find(args, true, e)
	if c == nil {
		return code
	}
	if c.Run == nil {
		printHelp(e.err, c, nil)
		return 0
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.err, "用法错误：dossierctl %s 没有子命令“%s”\n%s", c.fullName(), rest[0], c.usageText())
		return 2
	}
	return execute(ctx, c, []string{"--help"}, e)
}

// execute runs one verb with fresh flags, closes the campaign it opened,
// prints its error and returns the exit status.
func execute(ctx context.Context, c *Command, args []string, e *env) int {
	x := &call{env: e, cmd: c, flags: newFlags(c.fullName(), c.Campaign != noCampaign, args)}
	err := c.Run(ctx, x)
	x.release()
	code := 0
	var ue *usageError
	var re *rejectedError
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		printHelp(e.err, c, x.flags.FlagSet)
	case errors.As(err, &ue):
		fmt.Fprintf(e.err, "用法错误：%s\n%s", ue.msg, c.usageText())
		code = 2
	case errors.As(err, &re):
		code = 1
	default:
		fmt.Fprintf(e.err, "错误：%s\n", dossier.ErrorMessage(err))
		code = 1
	}
	// A close that could not make the file stand alone is told even when
	// the verb failed for another reason.
	if x.closeErr != nil && !errors.Is(err, x.closeErr) {
		fmt.Fprintf(e.err, "错误：%s\n", dossier.ErrorMessage(x.closeErr))
		code = max(code, 1)
	}
	return code
}
