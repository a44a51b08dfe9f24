package store

import (
	"database/sql"
	"database/sql/driver"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// terminateOnce returns a beforeCommit hook that, the first time a
// transaction is about to commit, has an administrator's connection end
// that transaction's backend (pg_terminate_backend) and waits until it is
// gone: the commit then meets a dead connection.
func terminateOnce(t *testing.T) (func(*sql.Tx) error, *atomic.Int32) {
	admin, err := sql.Open("pgx", os.Getenv(postgresEnv))
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	var fired atomic.Int32
	return func(tx *sql.Tx) error {
		if fired.Add(1) != 1 {
			return nil
		}
		var pid int
		if err := tx.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
			return err
		}
		var ok bool
		if err := admin.QueryRowContext(ctx, `SELECT pg_terminate_backend($1)`, pid).Scan(&ok); err != nil || !ok {
			t.Errorf("pg_terminate_backend(%d): %v %v", pid, ok, err)
		}
		for range 100 {
			var n int
			if err := admin.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_stat_activity WHERE pid = $1`, pid).Scan(&n); err == nil && n == 0 {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		return nil
	}, &fired
}

// A connection lost in the middle of an append, against a real
// PostgreSQL server: the append is rolled back whole and says so clearly;
// the calls that retry land the entry exactly once on a new connection.
func TestLostConnectionMidAppend(t *testing.T) {
	if os.Getenv(postgresEnv) == "" {
		t.Skipf("*** SKIPPED: needs PostgreSQL (%s) to end a backend mid-transaction ***", postgresEnv)
	}
	dsn := freshSchema(t, os.Getenv(postgresEnv))
	s, err := Open(ctx, dsn, Options{})
	require.NoError(t, err)
	defer s.Close()
	p, by := stored(t, s)
	o := p.TaskOptions()

	t.Run("low level: rolled back whole, a clear error, the retry lands once", func(t *testing.T) {
		hook, fired := terminateOnce(t)
		s.hooks = &hooks{beforeCommit: hook}
		defer func() { s.hooks = nil }()
		id := by["39"].ID
		e1, e2 := report(t, "2025-06-27", "区人社局", 20), report(t, "2025-07-31", "区人社局", 35)
		e1.Seq, e2.Seq = 1, 2
		op := uuid.New()
		evs := []TaskEvent{{Op: op, Entry: &e1}, {Op: op, Entry: &e2}}
		err := s.AppendTaskEvents(ctx, p.ID, id, 0, evs, at(t, "2025-07-31"))
		require.Equal(t, int32(1), fired.Load())
		require.ErrorIs(t, err, ErrConnection)
		t.Log(err)
		assert.Contains(t, err.Error(), "连接中断")
		assert.Contains(t, err.Error(), "connection to the database was lost")
		got, err := s.TaskEvents(ctx, id)
		require.NoError(t, err, "the pool gives a new connection")
		assert.Empty(t, got, "nothing half-written: neither of the two events")
		require.NoError(t, s.AppendTaskEvents(ctx, p.ID, id, 0, evs, at(t, "2025-07-31")))
		require.NoError(t, s.AppendTaskEvents(ctx, p.ID, id, 0, evs, at(t, "2025-07-31")), "the same operation again: it landed")
		got, err = s.TaskEvents(ctx, id)
		require.NoError(t, err)
		assert.Len(t, got, 2)
	})

	t.Run("Record retries on a new connection", func(t *testing.T) {
		hook, fired := terminateOnce(t)
		s.hooks = &hooks{beforeCommit: hook}
		defer func() { s.hooks = nil }()
		es, err := s.Record(ctx, p.ID, by["51"].ID, report(t, "2025-06-12", "区财政局", 30), o, at(t, "2025-06-12"))
		require.NoError(t, err)
		assert.Equal(t, int32(2), fired.Load(), "one attempt cut, one landed")
		require.Len(t, es, 1)
		got, err := s.TaskEvents(ctx, by["51"].ID)
		require.NoError(t, err)
		assert.Len(t, got, 1, "no entry lost, none twice")
	})

	t.Run("RecordCaseEvents retries on a new connection", func(t *testing.T) {
		hook, _ := terminateOnce(t)
		s.hooks = &hooks{beforeCommit: hook}
		defer func() { s.hooks = nil }()
		c, err := s.RecordCaseEvents(ctx, approval.Case{ID: "LOST-1", Process: "power-high-voltage"}, approval.CatalogProcesses(), at(t, "2025-09-01"), opened(t, "2025-09-01")...)
		require.NoError(t, err)
		assert.Len(t, c.Events, 2)
		got, err := s.Case(ctx, "LOST-1")
		require.NoError(t, err)
		assert.Len(t, got.Events, 2)
	})

	t.Run("Supervise records once", func(t *testing.T) {
		hook, _ := terminateOnce(t)
		s.hooks = &hooks{beforeCommit: hook}
		defer func() { s.hooks = nil }()
		d := date(t, "2025-07-22")
		sup, err := s.Supervise(ctx, p.ID, d, task.Options{}, at(t, "2025-07-22"))
		require.NoError(t, err)
		require.NotEmpty(t, sup.Actions)
		sent, err := s.Sent(ctx, p.ID)
		require.NoError(t, err)
		assert.Equal(t, actionIDs(sup.Actions), actionIDs(sent))
	})
}

// A commit that lands but whose acknowledgement is lost (the connection
// dies between the server's commit and the reply): the calls that retry
// find their operation in the store and do not write it again. Simulated
// on both databases by failing the call after the commit.
func TestCommitLandedButReplyLost(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, by := stored(t, s)
		var n atomic.Int32
		s.hooks = &hooks{afterCommit: func() error {
			if n.Add(1) == 1 {
				return driver.ErrBadConn
			}
			return nil
		}}
		defer func() { s.hooks = nil }()
		if s.Dialect() == "postgres" {
			s.hooks.afterCommit = func() error {
				if n.Add(1) == 1 {
					return &net0{}
				}
				return nil
			}
		}
		es, err := s.Record(ctx, p.ID, by["3"].ID, report(t, "2025-09-30", "区住建局", 80), p.TaskOptions(), at(t, "2025-09-30"))
		require.NoError(t, err)
		require.Len(t, es, 1)
		got, err := s.TaskEvents(ctx, by["3"].ID)
		require.NoError(t, err)
		assert.Len(t, got, 1, "landed once, not again on the retry")

		n.Store(0)
		c, err := s.RecordCaseEvents(ctx, approval.Case{ID: "ACK-1", Process: "power-high-voltage"}, approval.CatalogProcesses(), at(t, "2025-09-01"), opened(t, "2025-09-01")...)
		require.NoError(t, err)
		assert.Len(t, c.Events, 2)
		back, err := s.Case(ctx, "ACK-1")
		require.NoError(t, err)
		assert.Len(t, back.Events, 2)

		n.Store(0)
		sup, err := s.Supervise(ctx, p.ID, date(t, "2025-07-22"), task.Options{}, at(t, "2025-07-22"))
		require.NoError(t, err)
		require.NotEmpty(t, sup.Actions, "the actions recorded before the reply was lost are returned for delivery")
		sent, err := s.Sent(ctx, p.ID)
		require.NoError(t, err)
		assert.Equal(t, actionIDs(sup.Actions), actionIDs(sent))
	})
}

// net0 is a network error, as a dead socket gives.
type net0 struct{}

func (*net0) Error() string   { return "read tcp: connection reset by peer" }
func (*net0) Timeout() bool   { return false }
func (*net0) Temporary() bool { return false }
