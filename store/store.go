package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is a bizenv store on a SQL database. It is safe for concurrent use
// by many goroutines, and by many processes on the same database: appends
// are serialised by the database, never by the process.
type Store struct {
	db *sql.DB
	d  dialect
	// hooks let the tests cut a connection in the middle of a
	// transaction; nil outside tests.
	hooks *hooks
	// spans caches each plan version's title, start and end ("id/version"
	// to span): versions never change.
	spans sync.Map
}

// hooks are called around the commit of every transaction (tests only).
type hooks struct {
	beforeCommit func(*sql.Tx) error
	afterCommit  func() error
}

// dialect is what differs between the databases.
type dialect struct {
	name     string // sqlite or postgres
	dollar   bool   // placeholders are $1, $2 rather than ?
	unique   func(error) bool
	notStore func(error) bool
	lost     func(error) bool // the connection went away mid-call
	retry    func(error) bool // the database gave up a transaction that may be retried
}

var sqliteDialect = dialect{
	name: "sqlite",
	unique: func(err error) bool {
		var e *sqlite.Error
		return errors.As(err, &e) && (e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY || e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE)
	},
	notStore: func(err error) bool {
		var e *sqlite.Error
		return errors.As(err, &e) && (e.Code()&0xff == sqlite3.SQLITE_NOTADB || e.Code()&0xff == sqlite3.SQLITE_CORRUPT)
	},
	lost:  func(err error) bool { return errors.Is(err, driver.ErrBadConn) },
	retry: func(error) bool { return false }, // a busy database waits (busy_timeout)
}

var postgresDialect = dialect{
	name:   "postgres",
	dollar: true,
	unique: func(err error) bool {
		var e *pgconn.PgError
		return errors.As(err, &e) && e.Code == "23505"
	},
	notStore: func(error) bool { return false },
	lost:     pgLost,
	// A serialization failure (40001: under SERIALIZABLE, the default of
	// PostgreSQL-compatible distributed engines) or a deadlock (40P01):
	// the transaction was rolled back and may be run again.
	retry: func(err error) bool {
		var e *pgconn.PgError
		return errors.As(err, &e) && (e.Code == "40001" || e.Code == "40P01")
	},
}

// pgLost reports an error that means the connection to PostgreSQL is
// gone: the server ended the session (57P01 admin shutdown, the class 08
// connection exceptions), or the socket closed under a statement.
func pgLost(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ne net.Error
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, net.ErrClosed) || errors.As(err, &ne) || pgconn.SafeToRetry(err) ||
		strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "connection reset")
}

// Options tune a store.
type Options struct {
	// BusyTimeout is how long a SQLite writer waits for another to finish
	// before giving up; 0 means 10 seconds. PostgreSQL waits on its own.
	BusyTimeout time.Duration
}

// Open opens the store at dsn and brings its schema up to date (see
// Migrations), creating it if the database is empty.
//
// A dsn that starts with postgres:// or postgresql:// selects PostgreSQL
// through pgx (any libpq connection string that pgx accepts); anything
// else is a SQLite database file (created if absent), or :memory:. SQLite
// runs in WAL mode with a busy timeout, so that several goroutines and
// processes can write.
//
// A file that is not a SQLite database, a database that another program
// made, and a schema newer than this release are errors (ErrNotAStore,
// ErrSchemaTooNew); nothing is written to them.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	return openAt(ctx, dsn, opts, SchemaVersion())
}

// openAt opens the store with its schema brought to version (the tests
// build every earlier version with it).
func openAt(ctx context.Context, dsn string, opts Options, version int) (*Store, error) {
	if dsn == "" {
		return nil, errf(ErrInvalid, "没有给出数据库", "no database given")
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("store: 无法打开 PostgreSQL / cannot open PostgreSQL: %w", err)
		}
		return open(ctx, db, postgresDialect, version, 0)
	}
	timeout := opts.BusyTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	if dsn != ":memory:" {
		if err := checkSQLiteFile(dsn); err != nil {
			return nil, err
		}
	}
	q := "?_pragma=busy_timeout(" + strconv.FormatInt(timeout.Milliseconds(), 10) + ")&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=temp_store(MEMORY)&_txlock=immediate"
	name := "file:" + dsn + q
	if dsn == ":memory:" {
		name = "file::memory:" + q
	}
	db, err := sql.Open("sqlite", name)
	if err != nil {
		return nil, fmt.Errorf("store: 无法打开 SQLite 文件 %s / cannot open SQLite file %s: %w", dsn, dsn, err)
	}
	if dsn == ":memory:" {
		db.SetMaxOpenConns(1) // every connection would be another empty database
	}
	return open(ctx, db, sqliteDialect, version, timeout)
}

// checkSQLiteFile refuses a file that exists and is not a SQLite database
// before the driver touches it.
func checkSQLiteFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: 无法读取 %s / cannot read %s: %w", path, path, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	if n == 0 {
		return nil // an empty file: SQLite makes a database of it
	}
	if string(head[:n]) != "SQLite format 3\x00" {
		return errf(ErrNotAStore, "%s 不是 SQLite 数据库文件", "%s is not a SQLite database file", path)
	}
	return nil
}

// open connects and migrates. A SQLite file that another process is
// creating or migrating at the same moment can answer SQLITE_BUSY even
// with a busy timeout (switching to WAL mode does not wait): the first
// connection is tried again until busy has passed.
func open(ctx context.Context, db *sql.DB, d dialect, version int, busy time.Duration) (*Store, error) {
	s := &Store{db: db, d: d}
	err := db.PingContext(ctx)
	if err != nil && isBusy(err) && busy > 0 {
		wait, cancel := context.WithTimeout(ctx, busy)
		for err != nil && isBusy(err) && wait.Err() == nil {
			backoff(wait, 4)
			err = db.PingContext(ctx)
		}
		cancel()
	}
	if err != nil {
		db.Close()
		if d.notStore(err) {
			return nil, errf(ErrNotAStore, "数据库文件已损坏或不是 SQLite 数据库：%v", "the database file is corrupt or not SQLite: %v", err, err)
		}
		return nil, fmt.Errorf("store: 无法连接数据库 / cannot connect to the database: %w", err)
	}
	if err := s.migrateTo(ctx, version); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// isBusy reports SQLite's "database is locked" (SQLITE_BUSY).
func isBusy(err error) bool {
	return strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "database is locked")
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Dialect names the database: sqlite or postgres.
func (s *Store) Dialect() string { return s.d.name }

// bind rewrites ? placeholders as $1, $2 … for PostgreSQL.
func (s *Store) bind(q string) string {
	if !s.d.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tx runs fn in a transaction, committed when fn returns nil and rolled
// back otherwise: nothing is ever half-written.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("begin", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if s.hooks != nil && s.hooks.beforeCommit != nil {
		if err := s.hooks.beforeCommit(tx); err != nil {
			_ = tx.Rollback()
			return s.wrap("commit", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.wrap("commit", err)
	}
	if s.hooks != nil && s.hooks.afterCommit != nil {
		return s.wrap("commit", s.hooks.afterCommit())
	}
	return nil
}

// wrap says what was being done when the database failed.
func (s *Store) wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		// The caller's context ended: not a lost connection to retry.
		return fmt.Errorf("store: %s：已取消或超时 / %s: cancelled or timed out: %w", what, what, err)
	}
	if s.d.notStore(err) {
		return errf(ErrNotAStore, "%s：数据库文件已损坏：%v", "%s: the database file is corrupt: %v", what, err, what, err)
	}
	if s.d.retry(err) {
		return fmt.Errorf("%w: %s：与并发事务冲突，本次写入已回滚，请重新读取后重试 / %s: a concurrent transaction conflicted; the write was rolled back: reload and retry: %w",
			ErrConflict, what, what, err)
	}
	if s.d.lost(err) {
		return fmt.Errorf("%w: %s：与数据库的连接中断，本次写入已回滚（若中断发生在提交时则可能已写入），请重试 / %s: the connection to the database was lost; the write was rolled back (or, if the commit itself was cut off, may have landed): retry: %w",
			ErrConnection, what, what, err)
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

// timeText is how instants are stored: RFC 3339 with nanoseconds, in UTC,
// so that text order is time order in every database.
func timeText(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

func parseTime(s string) (time.Time, error) { return time.Parse(time.RFC3339Nano, s) }
