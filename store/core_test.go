package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/plan"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var ctx = context.Background()

// caseNow is when the tests' cases are stored.
var caseNow = time.Date(2025, 9, 26, 18, 0, 0, 0, time.UTC)

func tiexi(t *testing.T) *plan.Plan {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", "data", "tiexi-2025-55.json"))
	require.NoError(t, err)
	p, err := plan.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	p.AssignIDs()
	return p
}

func TestOpenCreatesAndMigrates(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, dsn string) {
		v, err := s.schemaVersion(ctx)
		require.NoError(t, err)
		assert.Equal(t, SchemaVersion(), v)
		// Opening again applies nothing and keeps everything.
		again, err := Open(ctx, dsn, Options{})
		require.NoError(t, err)
		defer again.Close()
		v, err = again.schemaVersion(ctx)
		require.NoError(t, err)
		assert.Equal(t, SchemaVersion(), v)
	})
}

// A plan read back is the plan stored (the property holds for every
// shipped plan), and storing the same plan again writes nothing.
func TestPlansRoundTripAndVersions(t *testing.T) {
	all, err := filepath.Glob(filepath.Join("..", "examples", "data", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, all)
	// The 铁西 excerpt is part of the 铁西 plan and has its ID (same title,
	// issuer and date): stored, it is a version of that plan. The others
	// are five distinct plans.
	var files []string
	for _, f := range all {
		if !strings.Contains(f, "excerpt") {
			files = append(files, f)
		}
	}
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			p, err := plan.Decode(bytes.NewReader(b))
			require.NoError(t, err)
			p.AssignIDs()
			v, created, err := s.SavePlan(ctx, p, now)
			require.NoError(t, err, f)
			assert.True(t, created)
			assert.Equal(t, 1, v.Version)
			back, bv, err := s.Plan(ctx, p.ID)
			require.NoError(t, err)
			want, _ := json.Marshal(p)
			got, _ := json.Marshal(back)
			assert.JSONEq(t, string(want), string(got), f)
			assert.Equal(t, v.SHA256, bv.SHA256)

			v2, created, err := s.SavePlan(ctx, p, now.Add(time.Hour))
			require.NoError(t, err)
			assert.False(t, created, "the same document imported twice: idempotent")
			assert.Equal(t, 1, v2.Version)
		}
		p := tiexi(t)
		p.Title += "（修订）"
		v, created, err := s.SavePlan(ctx, p, now)
		require.NoError(t, err)
		assert.True(t, created)
		assert.Equal(t, 2, v.Version, "a changed plan is a new version")
		old, _, err := s.PlanAt(ctx, p.ID, 1)
		require.NoError(t, err)
		assert.NotEqual(t, p.Title, old.Title, "earlier versions are kept")
		list, err := s.Plans(ctx)
		require.NoError(t, err)
		assert.Len(t, list, len(files))
		_, _, err = s.PlanAt(ctx, p.ID, 9)
		assert.ErrorIs(t, err, ErrNotFound)
	})
}

func TestSavePlanRefusesPlansWithoutIDs(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p := tiexi(t)
		tasks, _ := p.ItemKeys()
		tasks[0].ID = [16]byte{}
		_, _, err := s.SavePlan(ctx, p, time.Now())
		assert.ErrorIs(t, err, ErrInvalid)
		_, _, err = s.SavePlan(ctx, &plan.Plan{Title: "x"}, time.Now())
		assert.ErrorIs(t, err, ErrInvalid)
		list, err := s.Plans(ctx)
		require.NoError(t, err)
		assert.Empty(t, list, "nothing half-written")
	})
}

func caseEvents(t *testing.T) []approval.Event {
	at := func(s string) time.Time {
		x, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return x
	}
	return []approval.Event{
		{At: at("2025-09-26T09:00:00+08:00"), Kind: approval.Submitted},
		{At: at("2025-09-26T10:00:00+08:00"), Kind: approval.Accepted},
	}
}

func TestCaseLogs(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		c := &approval.Case{ID: "GX-1", Process: "power-high-voltage", Unit: "供电公司"}
		ev := caseEvents(t)
		require.NoError(t, s.AppendCaseEvents(ctx, c, 0, uuid.Nil, caseNow, ev...))
		err := s.AppendCaseEvents(ctx, c, 0, uuid.Nil, caseNow, ev[0])
		var ce *ConflictError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, 2, ce.Actual)
		assert.ErrorIs(t, err, ErrConflict)
		got, err := s.Case(ctx, "GX-1")
		require.NoError(t, err)
		assert.Equal(t, "power-high-voltage", got.Process)
		require.Len(t, got.Events, 2)
		assert.True(t, got.Events[1].At.Equal(ev[1].At))
		_, err = s.Case(ctx, "nope")
		assert.ErrorIs(t, err, ErrNotFound)

		finished := ev[1]
		finished.Kind = approval.Finished
		finished.At = finished.At.Add(48 * time.Hour)
		require.NoError(t, s.AppendCaseEvents(ctx, &approval.Case{ID: "GX-2", Process: "power-high-voltage"}, 0, uuid.Nil, caseNow, ev[0], ev[1], finished))
		var open []string
		require.NoError(t, s.OpenCases(ctx, func(c *approval.Case) error { open = append(open, c.ID); return nil }))
		assert.Equal(t, []string{"GX-1"}, open, "a finished case is not open")
		var all []string
		require.NoError(t, s.AllCases(ctx, func(c *approval.Case) error { all = append(all, c.ID); return nil }))
		assert.Equal(t, []string{"GX-1", "GX-2"}, all)
	})
}

// Many clerks append to the same case at once: every append either lands
// in order or gets a conflict to retry; nothing is lost or duplicated.
func TestConcurrentAppendsLoseNothing(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		c := &approval.Case{ID: "BUSY", Process: "power-high-voltage"}
		ev := caseEvents(t)
		require.NoError(t, s.AppendCaseEvents(ctx, c, 0, uuid.Nil, caseNow, ev...))
		const writers, each = 8, 10
		var wg sync.WaitGroup
		var conflicts sync.Map
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < each; {
					cur, err := s.Case(ctx, "BUSY")
					if err != nil {
						t.Error(err)
						return
					}
					e := approval.Event{At: ev[1].At.Add(time.Duration(w*each+i) * time.Minute), Kind: approval.Materials, Note: "writer"}
					err = s.AppendCaseEvents(ctx, c, len(cur.Events), uuid.Nil, caseNow, e)
					if errors.Is(err, ErrConflict) {
						conflicts.Store(w, true)
						continue // reload and retry
					}
					if err != nil {
						t.Error(err)
						return
					}
					i++
				}
			}()
		}
		wg.Wait()
		got, err := s.Case(ctx, "BUSY")
		require.NoError(t, err)
		assert.Len(t, got.Events, 2+writers*each, "every append landed once")
	})
}

func TestObservations(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, err := indicator.ParsePeriod("2025")
		require.NoError(t, err)
		obs := []indicator.Observation{
			{Indicator: "1.1", Region: "铁西区", Period: p, Value: decimal.RequireFromString("12.5")},
			{Indicator: "1.2", Region: "铁西区", Period: p, Value: decimal.RequireFromString("3")},
		}
		now := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
		require.NoError(t, s.AddObservations(ctx, "专栏1", obs, now))
		final := obs[0]
		final.Status = indicator.Final
		final.Value = decimal.RequireFromString("12.8")
		require.NoError(t, s.AddObservations(ctx, "专栏1", []indicator.Observation{final}, now.Add(time.Hour)))
		got, err := s.Observations(ctx, "专栏1", p)
		require.NoError(t, err)
		require.Len(t, got, 2)
		assert.Equal(t, "12.8", got[0].Value.String(), "the latest value of each indicator")
		assert.Equal(t, indicator.Final, got[0].Status)
		assert.ErrorIs(t, s.AddObservations(ctx, "专栏1", []indicator.Observation{{Indicator: "1.1"}}, now), ErrInvalid)
	})
}

// Bad input: a file that is not a database, another program's database,
// a schema newer than this release.
func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(text, []byte("这是一份文本，不是数据库。"), 0o644))
	_, err := Open(ctx, text, Options{})
	assert.ErrorIs(t, err, ErrNotAStore)

	corrupt := filepath.Join(dir, "corrupt.db")
	s, err := Open(ctx, corrupt, Options{})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	b, err := os.ReadFile(corrupt)
	require.NoError(t, err)
	for i := 100; i < len(b) && i < 4096; i++ {
		b[i] = 0xA5
	}
	require.NoError(t, os.WriteFile(corrupt, b, 0o644))
	_, err = Open(ctx, corrupt, Options{})
	assert.Error(t, err, "a corrupt database is refused")

	eachDB(t, func(t *testing.T, s *Store, dsn string) {
		_, err := s.db.ExecContext(ctx, s.bind(`INSERT INTO bizenv_schema (version, description, applied_at) VALUES (?, ?, ?)`), SchemaVersion()+1, "from the future", calendar.Today(nil, time.Now()).String())
		require.NoError(t, err)
		_, err = Open(ctx, dsn, Options{})
		assert.ErrorIs(t, err, ErrSchemaTooNew)
	})
	for _, db := range databases(t) {
		t.Run("foreign/"+db.name, func(t *testing.T) {
			dsn := db.dsn(t)
			s, err := Open(ctx, dsn, Options{})
			require.NoError(t, err)
			_, err = s.db.ExecContext(ctx, `DROP TABLE bizenv_schema`)
			require.NoError(t, err)
			s.Close()
			_, err = Open(ctx, dsn, Options{})
			assert.ErrorIs(t, err, ErrNotAStore, "tables but no bizenv schema: another program's database")
		})
	}
}
