package store

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/indicator"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A case stored with an empty log (ImportCases of a case that has no
// events yet) takes its first events: its header is kept, not inserted
// again into a conflict that no retry could resolve. An append of nothing
// is refused.
func TestCaseStoredWithoutEvents(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		empty := &approval.Case{ID: "EMPTY-1", Process: "power-high-voltage", Unit: "供电公司"}
		n, err := s.ImportCases(ctx, slices.Values([]*approval.Case{empty}), caseNow)
		require.NoError(t, err)
		require.Equal(t, 1, n)
		ev := caseEvents(t)
		got, err := s.RecordCaseEvents(ctx, *empty, approval.CatalogProcesses(), caseNow, ev...)
		require.NoError(t, err)
		assert.Len(t, got.Events, 2)
		stored, err := s.Case(ctx, "EMPTY-1")
		require.NoError(t, err)
		assert.Equal(t, "供电公司", stored.Unit)
		assert.Len(t, stored.Events, 2)

		err = s.AppendCaseEvents(ctx, stored, 2, uuid.Nil, caseNow)
		assert.ErrorIs(t, err, ErrInvalid, "an append of nothing")
		assert.ErrorContains(t, err, "no events to append")
	})
}

// Storing the same observation again writes nothing (a call retried after
// a lost connection whose first try landed); a changed value is a
// revision.
func TestObservationsStoredOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, err := indicator.ParsePeriod("2025Q3")
		require.NoError(t, err)
		o := indicator.Observation{Indicator: "2.1", Region: "铁西区", Period: p, Value: decimal.RequireFromString("7")}
		now := time.Date(2025, 10, 10, 0, 0, 0, 0, time.UTC)
		for range 3 {
			require.NoError(t, s.AddObservations(ctx, "专栏2", []indicator.Observation{o}, now))
		}
		rows := func() int {
			var n int
			require.NoError(t, s.db.QueryRowContext(ctx, s.bind(`SELECT COUNT(*) FROM observations WHERE system = ?`), "专栏2").Scan(&n))
			return n
		}
		assert.Equal(t, 1, rows())
		o.Value = decimal.RequireFromString("7.5")
		require.NoError(t, s.AddObservations(ctx, "专栏2", []indicator.Observation{o, o}, now))
		assert.Equal(t, 2, rows(), "a revision is a new row, once")
		got, err := s.Observations(ctx, "专栏2", p)
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, "7.5", got[0].Value.String())
	})
}

// Several processes opening the same new store at once: each gets a
// store, the schema is made once.
func TestConcurrentOpenOfANewStore(t *testing.T) {
	for _, db := range databases(t) {
		t.Run(db.name, func(t *testing.T) {
			dsn := db.dsn(t)
			const openers = 6
			var wg sync.WaitGroup
			errs := make([]error, openers)
			for i := range openers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					s, err := Open(ctx, dsn, Options{})
					if err == nil {
						err = s.Close()
					}
					errs[i] = err
				}()
			}
			wg.Wait()
			for i, err := range errs {
				assert.NoError(t, err, "opener %d", i)
			}
			s, err := Open(ctx, dsn, Options{})
			require.NoError(t, err)
			defer s.Close()
			var n int
			require.NoError(t, s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+schemaTable).Scan(&n))
			assert.Equal(t, len(migrations), n, "each version applied once")
		})
	}
}

// Migrations is the schema's history as a DBA reads it: versions 1, 2, …
// up to SchemaVersion, each described, and a copy the caller cannot use to
// change the store's own list.
func TestMigrationsHistory(t *testing.T) {
	ms := Migrations()
	require.NotEmpty(t, ms)
	for i, m := range ms {
		assert.Equal(t, i+1, m.Version)
		assert.NotEmpty(t, m.Description)
		assert.Contains(t, m.SQL, "CREATE TABLE")
	}
	assert.Equal(t, SchemaVersion(), ms[len(ms)-1].Version)
	ms[0].SQL = "DROP TABLE plans"
	assert.NotContains(t, Migrations()[0].SQL, "DROP TABLE")
}
