package main

import (
	"context"
	"fmt"
	"os"

	"github.com/dossier-app/dossier/dossier/postgres"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
)

// program is how dossierctl names itself in a campaign's lock file.
const program = "dossierctl"

// openCampaign opens the existing campaign db names: a file, or a
// postgres:// URL (a campaign on a server, the password from the URL,
// PGPASSWORD or ~/.pgpass). It is the one place the command line opens a
// campaign. No verb asks for readOnly today: a reading verb opens for writing
// as it always has, so that an old file's schema is brought up to date and
// a journal left beside it is set aside (sqlite.OpenWith); a file that
// cannot be written opens read-only anyway.
func openCampaign(ctx context.Context, db string, readOnly bool) (*store.Store, error) {
	if postgres.IsURL(db) {
		return postgres.OpenWith(ctx, db, cliOpen)
	}
	return sqlite.OpenWith(ctx, db, sqlite.OpenOptions{Program: program, ReadOnly: readOnly})
}

// announce tells the user on stderr what they must know about a campaign
// just opened: a journal set aside, damage found, another program (the
// app, or another machine) that has the file open. Other dossierctl
// processes are not mentioned: each of their changes is one short
// transaction, so they cannot overwrite each other's work.
func announce(e *env, db string, s *store.Store) {
	for _, n := range s.Notices() {
		fmt.Fprintln(e.err, "提示："+n)
	}
	if s.Damaged() {
		fmt.Fprintf(e.err, "警告：评选活动文件 %s 已损坏，只能读取尚可读取的内容，不能修改；请用备份恢复\n", db)
	}
	host, _ := os.Hostname()
	for _, h := range sqlite.OtherHolders(s) {
		if h.Program != program || h.Host != host {
			fmt.Fprintf(e.err, "提示：评选活动文件 %s 同时由%s打开；本命令照常进行，对方界面上的内容需刷新后才能看到本次修改\n", db, h.String())
		}
	}
}
