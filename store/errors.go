package store

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error this package returns for a reason of its
// own wraps one of them; errors of the database driver are wrapped with
// what was being done.
var (
	// ErrConflict reports an append that named a sequence number other than
	// the stream's next: another writer got there first. Reload and retry.
	ErrConflict = errors.New("store: concurrent append")
	// ErrNotFound reports a plan, case or task the store does not hold.
	ErrNotFound = errors.New("store: not found")
	// ErrSchemaTooNew reports a database written by a newer release of
	// bizenv: this one does not know its schema and will not touch it.
	ErrSchemaTooNew = errors.New("store: database schema newer than this release")
	// ErrNotAStore reports a file or database that is not a bizenv store: a
	// corrupt file, another program's database, or text.
	ErrNotAStore = errors.New("store: not a bizenv store")
	// ErrInvalid reports input the store refuses: an event that does not
	// belong to the stream it is appended to, an empty ID.
	ErrInvalid = errors.New("store: invalid input")
	// ErrReplay reports stored events that the domain package refuses to
	// replay (a ledger entry its rules no longer accept, a delegation that
	// no longer fits the task): the store holds them, and a person must
	// look at them. The error names the task and the event, and wraps the
	// domain package's error.
	ErrReplay = errors.New("store: stored events cannot be replayed")
	// ErrConnection reports a database connection lost in the middle of a
	// write: the transaction was rolled back, or, if the commit itself was
	// cut off, may have landed. Retry the same call: appends are
	// idempotent by their operation ID (TaskEvent.Op, and the calls that
	// retry for you), so nothing is written twice.
	ErrConnection = errors.New("store: database connection lost")
)

// ConflictError is an append that lost a race: it expected the stream to
// hold Expected events, and it holds Actual. It matches ErrConflict.
type ConflictError struct {
	// Stream names the log: "task 3f…/ledger", "case GX-2025-001".
	Stream string
	// Expected is the number of events the append expected.
	Expected int
	// Actual is the number of events the stream holds.
	Actual int
}

// Error says which stream and what was expected, in Chinese and English.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("store: %s 已有 %d 条记录，而追加时预期 %d 条：请重新读取后重试 / %s holds %d events, the append expected %d: reload and retry",
		e.Stream, e.Actual, e.Expected, e.Stream, e.Actual, e.Expected)
}

// Is reports whether target is ErrConflict.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// errf wraps a sentinel with a message in Chinese and English. The
// arguments of the Chinese format come first, then those of the English
// one (the two may name them in another order); when there are only as
// many as one format takes, both use them.
func errf(sentinel error, zh, en string, a ...any) error {
	za, ea := a, a
	if nz := verbs(zh); len(a) == nz+verbs(en) && len(a) > nz {
		za, ea = a[:nz], a[nz:]
	}
	return fmt.Errorf("%w: %s / %s", sentinel, fmt.Sprintf(zh, za...), fmt.Sprintf(en, ea...))
}

// verbs counts the formatting verbs of a format.
func verbs(format string) int {
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			if i+1 < len(format) && format[i+1] == '%' {
				i++
				continue
			}
			n++
		}
	}
	return n
}
