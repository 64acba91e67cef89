package postgres

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-app/dossier/dossier"
)

// Roles a login can have in a campaign (dossierctl account add --role).
const (
	RoleClerk     = "clerk"     // 工作人员: everything
	RoleChair     = "chair"     // 主任: reads all, decisions and 复核
	RoleEvaluator = "evaluator" // 评委: material, own scores only
)

// RoleLabel is a role's Chinese name.
func RoleLabel(role string) string {
	switch role {
	case RoleClerk:
		return "工作人员"
	case RoleChair:
		return "主任"
	case RoleEvaluator:
		return "评委"
	}
	return role
}

// roles are the three group roles of one campaign database. PostgreSQL's
// roles belong to the whole server, so their names carry the database's.
type roles struct{ clerk, chair, evaluator string }

func rolesFor(database string) roles {
	base := "dossier_" + database
	if len(base)+len("_evaluator") > 63 || strings.ToLower(base) != base || strings.ContainsFunc(base, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		sum := sha256.Sum256([]byte(database))
		base = "dossier_" + hex.EncodeToString(sum[:8])
	}
	return roles{base + "_clerk", base + "_chair", base + "_evaluator"}
}

func (r roles) of(role string) string {
	switch role {
	case RoleClerk:
		return r.clerk
	case RoleChair:
		return r.chair
	}
	return r.evaluator
}

// expand fills security.sql's placeholders.
func (r roles) expand(s string) string {
	return strings.NewReplacer(
		"{{clerk}}", quoteIdent(r.clerk), "{{chair}}", quoteIdent(r.chair), "{{evaluator}}", quoteIdent(r.evaluator),
		"{{clerk_name}}", r.clerk, "{{chair_name}}", r.chair, "{{evaluator_name}}", r.evaluator,
	).Replace(s)
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func quoteLiteral(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }

// ensureRoles creates the campaign's group roles when missing and makes the
// migrating login a member of the clerks' group.
func ensureRoles(ctx context.Context, db *sql.DB, server string) (roles, error) {
	var name string
	if err := db.QueryRowContext(ctx, `SELECT current_database()`).Scan(&name); err != nil {
		return roles{}, serverError(server, "读取数据库名", err)
	}
	r := rolesFor(name)
	for _, g := range []string{r.clerk, r.chair, r.evaluator} {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_roles WHERE rolname = $1`, g).Scan(&n); err != nil {
			return r, serverError(server, "读取角色", err)
		}
		if n > 0 {
			continue
		}
		if _, err := db.ExecContext(ctx, "CREATE ROLE "+quoteIdent(g)+" NOLOGIN"); err != nil {
			var login string
			db.QueryRowContext(ctx, `SELECT session_user`).Scan(&login)
			return r, &dossier.Error{Code: dossier.EREADONLY, Err: err, Message: fmt.Sprintf(
				"服务器 %s 上的登录 %s 不能创建评选活动所需的角色 %s（需要 CREATEROLE 权限）；请数据库管理员授予该权限，或由管理员账号创建评选活动", server, login, g)}
		}
	}
	var member bool
	if err := db.QueryRowContext(ctx, `SELECT pg_has_role(session_user, $1, 'MEMBER')`, r.clerk).Scan(&member); err != nil {
		return r, serverError(server, "读取角色", err)
	}
	if !member {
		if _, err := db.ExecContext(ctx, "GRANT "+quoteIdent(r.clerk)+" TO SESSION_USER"); err != nil {
			return r, serverError(server, "授予工作人员角色", err)
		}
	}
	// PostgreSQL 15 lets only the database's owner create in schema public.
	var can bool
	if err := db.QueryRowContext(ctx, `SELECT has_schema_privilege($1, 'public', 'CREATE')`, r.clerk).Scan(&can); err != nil {
		return r, serverError(server, "读取权限", err)
	}
	if !can {
		if _, err := db.ExecContext(ctx, "GRANT USAGE, CREATE ON SCHEMA public TO "+quoteIdent(r.clerk)); err != nil {
			var login string
			db.QueryRowContext(ctx, `SELECT session_user`).Scan(&login)
			return r, &dossier.Error{Code: dossier.EREADONLY, Err: err, Message: fmt.Sprintf(
				"服务器 %s 上的登录 %s 不是这个数据库的所有者，不能在其中建立评选活动；请数据库管理员把数据库的所有者设为该登录（ALTER DATABASE … OWNER TO …）", server, login)}
		}
	}
	return r, nil
}

// AccountOptions describe a login to add (dossierctl account add).
type AccountOptions struct {
	Login     string
	Role      string // RoleClerk, RoleChair or RoleEvaluator
	Evaluator string // the 评委's name, for RoleEvaluator only
	// Password is the login's password; when empty one is made up and
	// returned, to be shown once.
	Password string
}

// AddAccount creates a login on the server that holds the campaign in db
// and gives it its role's rights, in one transaction. It returns the
// password (made up when none was given). The server stores only a
// SCRAM-SHA-256 verifier computed here: the password never crosses the wire.
func AddAccount(ctx context.Context, db *sql.DB, server string, opt AccountOptions) (string, error) {
	login := strings.TrimSpace(opt.Login)
	if err := checkLogin(login); err != nil {
		return "", err
	}
	switch opt.Role {
	case RoleClerk, RoleChair:
		if opt.Evaluator != "" {
			return "", dossier.Errorf(dossier.EINVALID, "--evaluator 只用于评委登录（--role evaluator）")
		}
	case RoleEvaluator:
		if strings.TrimSpace(opt.Evaluator) == "" {
			return "", dossier.Errorf(dossier.EINVALID, "评委登录需要用 --evaluator 指明评委姓名")
		}
	default:
		return "", dossier.Errorf(dossier.EINVALID, "角色“%s”无效，应为 clerk（工作人员）、chair（主任）或 evaluator（评委）", opt.Role)
	}
	password := opt.Password
	if password == "" {
		password = newPassword()
	}
	var dbname string
	if err := db.QueryRowContext(ctx, `SELECT current_database()`).Scan(&dbname); err != nil {
		return "", serverError(server, "读取数据库名", err)
	}
	r := rolesFor(dbname)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return "", serverError(server, "新增登录", err)
	}
	defer tx.Rollback()
	var evID sql.NullString
	if opt.Role == RoleEvaluator {
		err := tx.QueryRowContext(ctx, `SELECT id FROM evaluator WHERE name = $1`, strings.TrimSpace(opt.Evaluator)).Scan(&evID)
		if errors.Is(err, sql.ErrNoRows) {
			return "", dossier.Errorf(dossier.ENOTFOUND, "评委“%s”不存在，请先添加评委（evaluator add）", opt.Evaluator)
		} else if err != nil {
			return "", serverError(server, "读取评委", err)
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pg_roles WHERE rolname = $1`, login).Scan(&n); err != nil {
		return "", serverError(server, "读取角色", err)
	}
	if n > 0 {
		return "", dossier.Errorf(dossier.ECONFLICT, "服务器 %s 上已有登录 %s；请换一个名字", server, login)
	}
	stmt := fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD %s IN ROLE %s", quoteIdent(login), quoteLiteral(verifier(password)), quoteIdent(r.of(opt.Role)))
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return "", accountError(server, login, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO account (login, role, evaluator_id, created_at) VALUES ($1, $2, $3, $4)`,
		login, opt.Role, evID, time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return "", accountError(server, login, err)
	}
	if err := tx.Commit(); err != nil {
		return "", accountError(server, login, err)
	}
	return password, nil
}

func accountError(server, login string, err error) error {
	var de *dossier.Error
	if errors.As(serverError(server, "", err), &de) && de.Code == dossier.EREADONLY {
		return &dossier.Error{Code: dossier.EREADONLY, Err: err, Message: fmt.Sprintf(
			"服务器 %s 拒绝新增登录 %s：当前登录没有创建角色的权限（需要 CREATEROLE），请由创建评选活动的管理员账号添加", server, login)}
	}
	return serverError(server, "新增登录 "+login, err)
}

func checkLogin(login string) error {
	if login == "" {
		return dossier.Errorf(dossier.EINVALID, "登录名不能为空（--name）")
	}
	if len(login) > 63 {
		return dossier.Errorf(dossier.EINVALID, "登录名“%s”太长：最多 63 个字节", login)
	}
	if !utf8.ValidString(login) || strings.ContainsFunc(login, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }) {
		return dossier.Errorf(dossier.EINVALID, "登录名“%s”不能含空格或控制字符", login)
	}
	if strings.HasPrefix(strings.ToLower(login), "pg_") || strings.HasPrefix(strings.ToLower(login), "dossier_") {
		return dossier.Errorf(dossier.EINVALID, "登录名“%s”不能以 pg_ 或 dossier_ 开头", login)
	}
	return nil
}

// newPassword makes up a 16-character password without look-alike
// characters (0/O, 1/l/I), about 92 bits.
func newPassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 16)
	for i := range b {
		b[i] = alphabet[randIndex(len(alphabet))]
	}
	return string(b)
}

func randIndex(n int) int {
	// Rejection sampling keeps every character equally likely.
	limit := 256 - 256%n
	var c [1]byte
	for {
		rand.Read(c[:])
		if int(c[0]) < limit {
			return int(c[0]) % n
		}
	}
}

// verifier is PostgreSQL's SCRAM-SHA-256 password verifier (RFC 7677, as
// libpq's PQencryptPasswordConn makes it). A password that is not plain
// ASCII is sent as it is, for the server to hash: PostgreSQL normalises such
// passwords (SASLprep) before hashing them, which this does not.
func verifier(password string) string {
	for i := 0; i < len(password); i++ {
		if password[i] >= 0x80 {
			return password
		}
	}
	const iterations = 4096
	salt := make([]byte, 16)
	rand.Read(salt)
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, sha256.Size)
	if err != nil {
		return password
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	clientKey := mac(salted, "Client Key")
	stored := sha256.Sum256(clientKey)
	serverKey := mac(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(stored[:]), b64(serverKey))
}
