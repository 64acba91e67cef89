package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/store"
)

// Command is one verb or sub-verb of dossierctl, in the shape of cmd/go's
// base.Command: the word that selects it, its usage, a short and an
// optional long text, its sub-verbs and its work. The whole command line
// is one table of them (table.go).
type Command struct {
	// Name is the word that selects the command: "unit", or "add" under it.
	Name string
	// UsageLine is what follows the command's full name in its usage:
	// "--db FILE --code C --name N …". A second line continues the first.
	UsageLine string
	// Short is one line for the overview; Long, if any, says more in the
	// command's own help.
	Short, Long string
	// Commands are the sub-verbs. A command with sub-verbs and no Run
	// only dispatches; one with both runs itself unless its first
	// argument names a sub-verb (history, history restore).
	Commands []*Command
	// Campaign says what --db is to the verb.
	Campaign access
	// Run declares the verb's flags on x.flags, parses and checks them,
	// and only then reaches the campaign with x.campaign (or hands the one
	// it created to x.own). The dispatcher closes the campaign after Run
	// returns, whatever happened.
	Run func(ctx context.Context, x *call) error

	parent *Command
}

// access is what a verb's --db is to it.
type access int

const (
	// noCampaign: the verb takes no --db.
	noCampaign access = iota
	// createsCampaign: --db names a file the verb creates; it hands the
	// new store to call.own.
	createsCampaign
	// opensCampaign: --db names an existing campaign, which call.campaign
	// opens.
	opensCampaign
)

// path is the command's words after "dossierctl": ["unit", "add"].
func (c *Command) path() []string {
	var p []string
	for ; c != nil && c.parent != nil; c = c.parent {
		p = append([]string{c.Name}, p...)
	}
	return p
}

// fullName is the command as typed after "dossierctl": "unit add".
func (c *Command) fullName() string { return strings.Join(c.path(), " ") }

// lookup returns the sub-verb named name, or nil.
func (c *Command) lookup(name string) *Command {
	for _, sub := range c.Commands {
		if sub.Name == name {
			return sub
		}
	}
	return nil
}

// subNames lists the sub-verbs for a message: "add、status 或 restore".
func (c *Command) subNames() string {
	var names []string
	for _, sub := range c.Commands {
		names = append(names, sub.Name)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], "、") + " 或 " + names[len(names)-1]
}

// leaves are the commands a user can run, in table order: c itself if it
// has work, then its sub-verbs'.
func (c *Command) leaves() []*Command {
	var out []*Command
	if c.Run != nil {
		out = append(out, c)
	}
	for _, sub := range c.Commands {
		out = append(out, sub.leaves()...)
	}
	return out
}

// verbColumn is where the words after the verb start in a synopsis, as
// DESIGN.md lays out the command line: "unit       add --db FILE …".
const verbColumn = 11

// synopsis is the command's usage, "unit       add --db FILE …" without
// "dossierctl ", one entry per line.
func (c *Command) synopsis() []string {
	p := c.path()
	head := fmt.Sprintf("%-*s", verbColumn-1, p[0])
	rest := append(p[1:], strings.Split(c.UsageLine, "\n")[0])
	lines := []string{strings.TrimRight(head+" "+strings.TrimSpace(strings.Join(rest, " ")), " ")}
	for _, more := range strings.Split(c.UsageLine, "\n")[1:] {
		lines = append(lines, strings.Repeat(" ", verbColumn)+strings.TrimSpace(more))
	}
	return lines
}

// shortColumn is where the short text starts in the overview.
const shortColumn = 48

// overviewLines are c's leaves as the overview lists them: the synopsis,
// then the short text.
func (c *Command) overviewLines() []string {
	var out []string
	for _, l := range c.leaves() {
		syn := l.synopsis()
		out = append(out, "dossierctl "+syn[0])
		for _, s := range syn[1:] {
			out = append(out, "           "+s)
		}
		if l.Short != "" {
			out[len(out)-1] = padTo(out[len(out)-1], shortColumn) + l.Short
		}
	}
	return out
}

const intro = `dossierctl：先进单位评选材料汇编工具的命令行

用法：dossierctl 命令 [参数]
`

// overview is the usage of every command, for dossierctl --help.
func overview() string {
	var b strings.Builder
	b.WriteString(intro)
	for _, l := range root.overviewLines() {
		b.WriteString("  " + l + "\n")
	}
	b.WriteString("  " + padTo("dossierctl help 命令 [子命令]", shortColumn) + "显示命令的用法和参数（也可以在命令后加 --help）\n")
	b.WriteString("  " + padTo("dossierctl --version", shortColumn) + "显示版本\n")
	b.WriteString("\n退出状态：0 成功；1 有输入被拒绝或操作失败；2 用法错误\n")
	return b.String()
}

// padTo pads s with spaces to column col of a terminal, where a Chinese
// character takes two columns; at least three spaces follow s.
func padTo(s string, col int) string {
	w := 0
	for _, r := range s {
		switch {
		case r < 0x1100, r == '…', r == '→':
			w++
		default:
			w += 2
		}
	}
	return s + strings.Repeat(" ", max(col-w, 3))
}

// usageText is the usage of c to print under a usage error: its synopsis,
// or a group's every sub-verb's.
func (c *Command) usageText() string {
	var lines []string
	leaves := c.leaves()
	if c.Run != nil {
		leaves = []*Command{c}
	}
	for _, l := range leaves {
		for i, s := range l.synopsis() {
			if i == 0 {
				s = "dossierctl " + s
			} else {
				s = "           " + s
			}
			lines = append(lines, s)
		}
	}
	return "用法：" + strings.Join(lines, "\n      ") + "\n"
}

// printHelp writes c's help: its usage, what it does, its flags (when fs
// has them) and its sub-verbs.
func printHelp(w io.Writer, c *Command, fs *flag.FlagSet) {
	if c.Run == nil {
		fmt.Fprintf(w, "dossierctl %s\n\n%s\n\n用法：\n", c.fullName(), c.Short)
		for _, l := range c.overviewLines() {
			fmt.Fprintln(w, "  "+l)
		}
		fmt.Fprintf(w, "\n各子命令的参数：dossierctl help %s 子命令，或 dossierctl %s 子命令 --help\n", c.fullName(), c.fullName())
		return
	}
	fmt.Fprint(w, c.usageText())
	if c.Short != "" {
		fmt.Fprintf(w, "\n%s\n", c.Short)
	}
	if c.Long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.Long))
	}
	if fs != nil {
		printFlags(w, fs)
	}
	if len(c.Commands) > 0 {
		fmt.Fprintln(w, "\n子命令：")
		for _, sub := range c.Commands {
			for _, l := range sub.overviewLines() {
				fmt.Fprintln(w, "  "+l)
			}
		}
	}
}

// printFlags lists a verb's flags in Chinese: the name, what it is, the
// kind of value and its default when it has one.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	var all []*flag.Flag
	width := 0
	fs.VisitAll(func(fl *flag.Flag) {
		all = append(all, fl)
		width = max(width, len(fl.Name))
	})
	if len(all) == 0 {
		return
	}
	fmt.Fprintln(w, "\n参数：")
	for _, fl := range all {
		line := fmt.Sprintf("  --%-*s  %s", width, fl.Name, fl.Usage)
		var notes []string
		if kind := flagKind(fl); kind != "" {
			notes = append(notes, kind)
		}
		if isBool(fl) {
			notes = append(notes, "开关，不带取值")
		} else if fl.DefValue != "" && fl.DefValue != "0" {
			notes = append(notes, "默认 "+fl.DefValue)
		}
		if len(notes) > 0 {
			line += "（" + strings.Join(notes, "，") + "）"
		}
		fmt.Fprintln(w, line)
	}
}

func isBool(fl *flag.Flag) bool {
	b, ok := fl.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// call is one command line being run: its streams, its command, its flags
// and, once opened, its campaign.
type call struct {
	*env
	cmd   *Command
	flags *flags
	store *store.Store
	// closeErr is a failed close of the campaign: the dispatcher reports
	// it even where the verb's own error shadowed it.
	closeErr error
}

// campaign opens the campaign --db names, once: later calls return the
// same store. The flags must have been parsed and checked first, so that
// a mistake in the command line is told before the file is touched.
func (x *call) campaign(ctx context.Context) (*store.Store, error) {
	if x.store != nil {
		return x.store, nil
	}
	if x.cmd.Campaign != opensCampaign || !x.flags.parsed {
		panic("dossierctl " + x.cmd.fullName() + ": the campaign is opened only after the flags are parsed, by a verb that opens one")
	}
	s, err := openCampaign(ctx, *x.flags.db, false)
	if err != nil {
		return nil, err
	}
	announce(x.env, *x.flags.db, s)
	x.store = s
	return s, nil
}

// own hands the campaign a verb created to the dispatcher, which closes it.
func (x *call) own(s *store.Store) {
	if x.cmd.Campaign != createsCampaign {
		panic("dossierctl " + x.cmd.fullName() + ": only a verb that creates its campaign hands one over")
	}
	x.store = s
}

// release closes the campaign if it is open and returns a failed close,
// remembered in closeErr. A verb that must know the file is closed before
// it says so (check) calls it itself; the dispatcher calls it after every
// Run.
func (x *call) release() error {
	if x.store == nil {
		return nil
	}
	err := x.store.Close()
	x.store = nil
	if err != nil && x.closeErr == nil {
		x.closeErr = err
	}
	return err
}

// book opens the campaign and loads it as opt says, for a verb that reads
// the whole campaign before it acts.
func (x *call) book(ctx context.Context, opt store.LoadOptions) (*store.Store, *dossier.Book, error) {
	s, err := x.campaign(ctx)
	if err != nil {
		return nil, nil, err
	}
	b, err := s.Book(ctx, opt)
	if err != nil {
		return nil, nil, err
	}
	return s, b, nil
}

// printJSON writes v as every --json output is written: indented by two
// spaces, with <, > and & left as they are.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
