package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/dossier/postgres"
	"github.com/dossier-app/dossier/dossier/sqlite"
	"github.com/dossier-app/dossier/dossier/store"
	"github.com/dossier-app/dossier/export"
)

// cliOpen is how the command line opens a campaign on a server: it has no
// screen to refresh when others change it.
var cliOpen = postgres.OpenOptions{NoListen: true}

// shown is a --db value as messages show it: a server URL without its
// password.
func shown(db string) string { return postgres.Redact(db) }

// runCopy copies a campaign between a file and a server, either way (or
// file to file, server to server), whole: ids, history, revisions, photos,
// scores, decisions, flags and the score log. The target must not hold a
// campaign: nothing is ever overwritten.
func runCopy(ctx context.Context, x *call) error {
	f := x.flags
	from := f.String("from", "", "复制哪个评选活动（文件或 postgres:// 地址）")
	to := f.String("to", "", "复制到哪里（新文件，或服务器上空的数据库）")
	db := f.String("db", "", "同 --from")
	if err := f.parseNone(); err != nil {
		return err
	}
	if *from == "" {
		*from = *db
	}
	if err := need("from", *from); err != nil {
		return err
	}
	if err := need("to", *to); err != nil {
		return err
	}
	if !postgres.IsURL(*to) {
		if err := export.Refuse(*to, *from); err != nil {
			return err
		}
		if _, err := os.Lstat(*to); err == nil {
			return dossier.Errorf(dossier.ECONFLICT, "文件 %s 已存在，不会覆盖；请换一个文件名", *to)
		}
	} else if strings.EqualFold(shown(*from), shown(*to)) {
		return dossier.Errorf(dossier.EINVALID, "--from 和 --to 是同一个评选活动")
	}
	src, err := openCampaign(ctx, *from, false)
	if err != nil {
		return err
	}
	defer src.Close()
	announce(x.env, *from, src)
	b, err := src.Book(ctx, store.LoadOptions{})
	if err != nil {
		return err
	}
	var dst *store.Store
	if postgres.IsURL(*to) {
		dst, err = postgres.Create(ctx, *to, postgres.CreateOptions{Copy: src, Open: cliOpen})
	} else {
		dst, err = sqlite.Create(ctx, *to, sqlite.CreateOptions{Title: b.Campaign.Title,
			Fill: func(ctx context.Context, s *store.Store) error { return src.CopyTo(ctx, s) }})
	}
	if err != nil {
		return err
	}
	if err := dst.Close(); err != nil {
		return err
	}
	fmt.Fprintf(x.out, "已复制评选活动“%s”：%s → %s（%d 个单位，%d 位评委，%d 项评分）\n",
		b.Campaign.Title, shown(*from), shown(*to), len(b.Units), len(b.Evaluators), len(b.Scores))
	return nil
}

// runAccountAdd creates a login for a campaign on a server, with the rights
// of its role, and prints its password once.
func runAccountAdd(ctx context.Context, x *call) error {
	f := x.flags
	db := f.String("db", "", "服务器上的评选活动（postgres:// 地址）")
	name := f.String("name", "", "登录名")
	role := f.String("role", "", "角色：clerk（工作人员）、chair（主任）或 evaluator（评委）")
	evaluator := f.String("evaluator", "", "评委姓名（--role evaluator）")
	password := f.String("password", "", "密码（不给则随机生成，只显示一次）")
	if err := f.parseNone(); err != nil {
		return err
	}
	for _, fl := range []struct{ name, v string }{{"db", *db}, {"name", *name}, {"role", *role}} {
		if err := need(fl.name, fl.v); err != nil {
			return err
		}
	}
	if !postgres.IsURL(*db) {
		return usagef("account add 的 --db 应为服务器地址（postgres://…）；评选活动文件没有登录账号")
	}
	conn, cfg, err := postgres.Connect(ctx, *db, postgres.ConnectOptions{})
	if err != nil {
		return err
	}
	defer conn.Close()
	pw, err := postgres.AddAccount(ctx, conn, cfg.Server, postgres.AccountOptions{Login: *name, Role: *role, Evaluator: *evaluator, Password: *password})
	if err != nil {
		return err
	}
	who := postgres.RoleLabel(*role)
	if *role == postgres.RoleEvaluator {
		who += "“" + strings.TrimSpace(*evaluator) + "”"
	}
	fmt.Fprintf(x.out, "已在服务器 %s 上新增登录 %s（%s）\n", cfg.Server, strings.TrimSpace(*name), who)
	if *password == "" {
		fmt.Fprintf(x.out, "密码：%s\n（只显示这一次，请妥善转交本人）\n", pw)
	}
	return nil
}

// mayRank refuses the ranking, and what shows it (documents, 复核 flags),
// to an evaluator's login on a server until scoring is closed: the server
// shows that login no other evaluator's scores, so a ranking made now
// would be one of its own scores only.
func mayRank(ctx context.Context, s *store.Store) error {
	role, err := postgres.Role(ctx, s)
	if err != nil || role != postgres.RoleEvaluator {
		return err
	}
	st, err := s.Scoring(ctx)
	if err != nil {
		return err
	}
	if st.State != "closed" {
		return dossier.Errorf(dossier.EREADONLY, "评分结束前，评委登录看不到排名、他人的评分和据此生成的文档（%s）；评分结束后再查看", s.Where())
	}
	return nil
}
