package store

import (
	"context"
	"database/sql"
	"sync"
)

// Dialect is what differs between the databases a campaign can live in.
type Dialect interface {
	// Rebind rewrites a query written with ? placeholders into the
	// database's own ($1, $2… for PostgreSQL). It is called once per
	// query text; the result is cached.
	Rebind(query string) string
	// ArmCapture readies tx so that every change it makes to scores,
	// decisions and the tables the rule's fingerprint reads is captured
	// (SQLite: temporary triggers on the writing connection).
	ArmCapture(ctx context.Context, tx *Tx) error
	// Captured returns what tx changed since ArmCapture and forgets it.
	Captured(ctx context.Context, tx *Tx) (Capture, error)
	// Classify turns a driver error the user can act on (busy or locked,
	// damaged, disk full, read-only, connection lost) into a
	// *dossier.Error in Chinese, keeping the driver's error as its cause;
	// any other error is returned as it is.
	Classify(err error) error
	// IsUnique reports whether err is a unique-constraint violation.
	IsUnique(err error) bool
	// SchemaVersion reads the schema version the database is at.
	SchemaVersion(ctx context.Context, q Querier) (int, error)
	// SetSchemaVersion records v as the schema version, in tx.
	SetSchemaVersion(ctx context.Context, tx *Tx, v int) error
}

// Capture is what one write transaction changed that the score log
// records.
type Capture struct {
	// Scores in the order made: a change of a score is its old value
	// (New nil) and then its new one (Old nil).
	Scores []ScoreChange
	// Decisions in the order made: a withdrawn or replaced decision is a
	// row with Recommended nil.
	Decisions []DecisionChange
	// Dirty lists, sorted, "rule" when a table the rule's fingerprint
	// reads changed (campaign, category, evaluator, conflict_override)
	// and "unit" when a unit was added or removed or its code, name,
	// region or recommender changed.
	Dirty []string
}

// ScoreChange is one captured row of a score: Old or New nil when absent.
type ScoreChange struct {
	Evaluator, Unit, Category string
	Old, New                  *int64
}

// DecisionChange is one captured row of a committee decision.
type DecisionChange struct {
	Unit        string
	Recommended *bool
	Reason      string
}

// Backend is what only the campaign's container knows: a file or a
// server.
type Backend interface {
	// Where names the campaign in Chinese messages: the file's path, or
	// the server and database.
	Where() string
	// Writable says why the campaign must not be written now (read-only,
	// damaged) as a *dossier.Error, or nil.
	Writable() error
	// BeforeCommit runs last in every write transaction (a file rewrites
	// its identity row, so any journal carries the identity of its file).
	BeforeCommit(ctx context.Context, tx *Tx) error
	// AfterCommit runs after every committed write transaction (a file
	// notes that Close must checkpoint).
	AfterCommit()
	// ReadOnlyReason says in Chinese why the campaign is open read-only,
	// "" when it is writable.
	ReadOnlyReason() string
	// Damaged reports whether the campaign was found damaged.
	Damaged() bool
	// Notices are what the user must be told about the opening.
	Notices() []string
	// Close releases the container (a file checkpoints its journal).
	Close() error
}

// Pather is a Backend whose campaign is a file.
type Pather interface{ Path() string }

// Backuper is a Backend that can write a consistent copy of the campaign
// to a new file.
type Backuper interface {
	Backup(ctx context.Context, out string) error
}

// Integrity is a Backend that can check its container's own integrity
// (SQLite's integrity_check and foreign keys, the file's format version).
// damaged reports problems that make the rest of Check meaningless.
type Integrity interface {
	Integrity(ctx context.Context) (problems []string, damaged bool, err error)
}

// Watcher is a Backend that can tell that the campaign was written
// elsewhere: by another program on the same file, by another login on a
// server.
type Watcher interface {
	// ChangedElsewhere reports whether someone else wrote the campaign
	// since it last said so (or since it was opened).
	ChangedElsewhere(ctx context.Context) bool
}

// Querier reads: a pool or a transaction.
type Querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// binder caches the dialect's rebinding of each query text.
type binder struct {
	d     Dialect
	cache sync.Map // string → string
}

func (b *binder) bind(q string) string {
	if v, ok := b.cache.Load(q); ok {
		return v.(string)
	}
	r := b.d.Rebind(q)
	b.cache.Store(q, r)
	return r
}

// db is a pool whose queries are written with ? placeholders.
type db struct {
	pool *sql.DB
	b    *binder
}

func (d *db) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return d.pool.ExecContext(ctx, d.b.bind(q), args...)
}

func (d *db) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return d.pool.QueryContext(ctx, d.b.bind(q), args...)
}

func (d *db) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return d.pool.QueryRowContext(ctx, d.b.bind(q), args...)
}

func (d *db) BeginTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	t, err := d.pool.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &Tx{tx: t, b: d.b}, nil
}

// Tx is one transaction; its queries are written with ? placeholders and
// rebound by the dialect.
type Tx struct {
	tx *sql.Tx
	b  *binder
}

// ExecContext runs a statement in the transaction.
func (t *Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.b.bind(q), args...)
}

// QueryContext runs a query in the transaction.
func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, t.b.bind(q), args...)
}

// QueryRowContext runs a query of one row in the transaction.
func (t *Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, t.b.bind(q), args...)
}

// PrepareContext prepares a statement in the transaction.
func (t *Tx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return t.tx.PrepareContext(ctx, t.b.bind(q))
}

// isUnique reports whether err is a unique-constraint violation.
func (t *Tx) isUnique(err error) bool { return err != nil && t.b.d.IsUnique(err) }

// Commit commits the transaction.
func (t *Tx) Commit() error { return t.tx.Commit() }

// Rollback rolls the transaction back; after Commit it does nothing.
func (t *Tx) Rollback() error { return t.tx.Rollback() }

// NewTx wraps a transaction an adapter began itself (a migration, say) so
// that dialect hooks can be called on it.
func NewTx(t *sql.Tx, d Dialect) *Tx { return &Tx{tx: t, b: &binder{d: d}} }
