package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// How many rows one multi-row INSERT writes. PostgreSQL gains most from
// few round trips: 500 rows of up to 8 columns stay under its limit on
// parameters. SQLite runs in the process, and its driver binds each
// parameter at a cost that grows with the statement's parameters, so a
// few rows at a time is fastest there.
var bulkRows = map[string]int{"postgres": 500, "sqlite": 16}

// bulk writes rows to one table in a transaction with multi-row INSERTs
// (VALUES (…), (…), the form SQLite and PostgreSQL share).
type bulk struct {
	s    *Store
	tx   *sql.Tx
	what string
	head string // INSERT INTO t (a, b, c) VALUES
	cols int
	args []any
	full *sql.Stmt // the statement for rows rows, prepared once
	rows int
}

// errUnique reports a batch that hit a primary key already stored.
var errUnique = errors.New("store: a row already stored")

func newBulk(s *Store, tx *sql.Tx, what, table string, cols ...string) *bulk {
	rows := bulkRows[s.d.name]
	if rows == 0 {
		rows = 1
	}
	return &bulk{s: s, tx: tx, what: what, head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ", cols: len(cols), rows: rows}
}

// add queues one row, writing a full batch.
func (b *bulk) add(ctx context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	if len(b.args) == b.rows*b.cols {
		return b.flush(ctx)
	}
	return nil
}

// flush writes the rows queued.
func (b *bulk) flush(ctx context.Context) error {
	n := len(b.args) / b.cols
	if n == 0 {
		return nil
	}
	var err error
	if n == b.rows {
		if b.full == nil {
			if b.full, err = b.tx.PrepareContext(ctx, b.statement(n)); err != nil {
				return b.s.wrap(b.what, err)
			}
		}
		_, err = b.full.ExecContext(ctx, b.args...)
	} else {
		_, err = b.tx.ExecContext(ctx, b.statement(n), b.args...)
	}
	b.args = b.args[:0]
	if err != nil {
		if b.s.d.unique(err) {
			return errUnique
		}
		return b.s.wrap(b.what, err)
	}
	return nil
}

// close flushes and releases the prepared statement.
func (b *bulk) close(ctx context.Context) error {
	err := b.flush(ctx)
	if b.full != nil {
		b.full.Close()
	}
	return err
}

func (b *bulk) statement(rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", b.cols), ", ") + ")"
	var q strings.Builder
	q.WriteString(b.head)
	for i := range rows {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(one)
	}
	return b.s.bind(q.String())
}
