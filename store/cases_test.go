package store

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// instant is hh:mm in Beijing on day s.
func instant(t testing.TB, s string, hh, mm int) time.Time {
	return date(t, s).In(calendar.Beijing()).Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute)
}

func opened(t testing.TB, day string) []approval.Event {
	return []approval.Event{
		{At: instant(t, day, 9, 0), Kind: approval.Submitted},
		{At: instant(t, day, 10, 0), Kind: approval.Accepted},
	}
}

// RecordCaseEvents checks the log with approval.Replay before it appends,
// creates a case on its first events, and keeps what the header says.
func TestRecordCaseEvents(t *testing.T) {
	procs := approval.CatalogProcesses()
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		now := instant(t, "2025-09-01", 10, 0)
		h := approval.Case{ID: "HV-1", Process: "power-high-voltage", Unit: "国网鞍山供电公司"}
		c, err := s.RecordCaseEvents(ctx, h, procs, now, opened(t, "2025-09-01")...)
		require.NoError(t, err)
		assert.Len(t, c.Events, 2)
		_, err = s.RecordCaseEvents(ctx, approval.Case{ID: "HV-1"}, procs, now, approval.Event{At: instant(t, "2025-09-02", 9, 0), Kind: approval.Resumed})
		assert.ErrorIs(t, err, approval.ErrInvalidEvent, "a resume without a pause: the approval package refuses it")
		_, err = s.RecordCaseEvents(ctx, approval.Case{ID: "X-1", Process: "no-such-process"}, procs, now, opened(t, "2025-09-01")...)
		assert.ErrorIs(t, err, ErrInvalid)
		_, err = s.Case(ctx, "X-1")
		assert.ErrorIs(t, err, ErrNotFound, "nothing written")
		c, err = s.RecordCaseEvents(ctx, approval.Case{ID: "HV-1"}, procs, now,
			approval.Event{At: instant(t, "2025-09-02", 9, 0), Kind: approval.StageStarted, Stage: "申请受理"},
			approval.Event{At: instant(t, "2025-09-03", 9, 0), Kind: approval.Paused, Reason: approval.Correction})
		require.NoError(t, err)
		got, err := s.Case(ctx, "HV-1")
		require.NoError(t, err)
		assert.Equal(t, "国网鞍山供电公司", got.Unit, "the header as the first append gave it")
		assert.Len(t, got.Events, 4)
		assert.Equal(t, len(c.Events), len(got.Events))
		r, err := s.CaseStatus(ctx, "HV-1", procs, instant(t, "2025-09-10", 12, 0), approval.Options{})
		require.NoError(t, err)
		assert.Equal(t, "HV-1", r.Case)
		_, err = s.CaseStatus(ctx, "nope", procs, now, approval.Options{})
		assert.ErrorIs(t, err, ErrNotFound)
	})
}

// Many clerks record events on one case at once: every event lands once,
// in an order the approval package accepts.
func TestConcurrentCaseEvents(t *testing.T) {
	procs := approval.CatalogProcesses()
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		now := instant(t, "2025-09-01", 10, 0)
		h := approval.Case{ID: "BUSY-1", Process: "power-high-voltage"}
		_, err := s.RecordCaseEvents(ctx, h, procs, now, opened(t, "2025-09-01")...)
		require.NoError(t, err)
		const writers, each = 8, 6
		var wg sync.WaitGroup
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					// The same instant for all: materials handed in at
					// several windows at once (a later append with an
					// earlier time is refused by the approval package).
					e := approval.Event{At: instant(t, "2025-09-02", 9, 0), Kind: approval.Materials, Note: fmt.Sprintf("w%d-%d", w, i)}
					if _, err := s.RecordCaseEvents(ctx, h, procs, now, e); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		got, err := s.Case(ctx, "BUSY-1")
		require.NoError(t, err)
		require.Len(t, got.Events, 2+writers*each, "every event landed")
		var notes []string
		for _, e := range got.Events[2:] {
			notes = append(notes, e.Note)
		}
		sort.Strings(notes)
		assert.Equal(t, len(notes), len(slices.Compact(slices.Clone(notes))), "none twice")
	})
}

// Open cases near or past their limit are found over the streamed pages,
// by approval.Alerts; FireAlerts gives each once, across restarts.
func TestNearLimitAndFireAlerts(t *testing.T) {
	procs := approval.CatalogProcesses()
	eachDB(t, func(t *testing.T, s *Store, dsn string) {
		now := instant(t, "2025-10-20", 9, 0)
		var cases []*approval.Case
		// 1 200 cases (more than two pages): every third accepted in June
		// (past its 20 working days by October), every third finished,
		// the rest accepted the week before.
		for i := range 1200 {
			c := &approval.Case{ID: fmt.Sprintf("HV-%04d", i), Process: "power-high-voltage", Unit: "供电公司"}
			switch i % 3 {
			case 0:
				c.Events = opened(t, "2025-06-02")
			case 1:
				c.Events = append(opened(t, "2025-06-02"), approval.Event{At: instant(t, "2025-06-20", 15, 0), Kind: approval.Finished})
			default:
				c.Events = opened(t, "2025-10-13")
			}
			cases = append(cases, c)
		}
		n, err := s.ImportCases(ctx, slices.Values(cases), now)
		require.NoError(t, err)
		require.Equal(t, 1200, n)
		_, err = s.ImportCases(ctx, slices.Values(cases[:1]), now)
		assert.ErrorIs(t, err, ErrConflict, "a case stored already")

		at := instant(t, "2025-10-20", 12, 0)
		want, errs := approval.Alerts(cases, procs, at, nil, approval.Options{})
		require.Empty(t, errs)
		require.NotEmpty(t, want)
		var got []approval.Alert
		bad, err := s.NearLimit(ctx, procs, at, approval.Options{}, func(a approval.Alert) error { got = append(got, a); return nil })
		require.NoError(t, err)
		assert.Empty(t, bad)
		assert.Equal(t, want, got, "what Alerts gives over all the cases in memory")
		overdue := 0
		for _, a := range got {
			assert.NotEqual(t, 1, idNumber(t, a.Case)%3, "a finished case is not open")
			if a.Level == approval.LevelOverdue {
				overdue++
			}
		}
		assert.Equal(t, 400, overdue)

		stop := errors.New("stop")
		bad, err = s.NearLimit(ctx, procs, at, approval.Options{}, func(approval.Alert) error { return stop })
		assert.ErrorIs(t, err, stop)
		assert.Empty(t, bad)

		// Fire: the first 100 go out, then delivery fails; the rest go out
		// after a restart; then nothing is left.
		var first []approval.Alert
		_, err = s.FireAlerts(ctx, procs, at, approval.Options{}, now, func(a approval.Alert) error {
			if len(first) == 100 {
				return stop
			}
			first = append(first, a)
			return nil
		})
		require.ErrorIs(t, err, stop)
		require.NoError(t, s.Close())
		s, err = Open(ctx, dsn, Options{})
		require.NoError(t, err)
		t.Cleanup(func() { s.Close() })
		var rest []approval.Alert
		_, err = s.FireAlerts(ctx, procs, at, approval.Options{}, now, func(a approval.Alert) error { rest = append(rest, a); return nil })
		require.NoError(t, err)
		assert.Equal(t, want, append(first, rest...), "each alert once")
		_, err = s.FireAlerts(ctx, procs, at, approval.Options{}, now, func(a approval.Alert) error {
			t.Errorf("fired again: %v", a)
			return nil
		})
		require.NoError(t, err)

		// A case whose process is unknown is reported, not fatal.
		_, err = s.ImportCases(ctx, slices.Values([]*approval.Case{{ID: "ZZ-1", Process: "unknown", Events: opened(t, "2025-06-02")}}), now)
		require.NoError(t, err)
		bad, err = s.NearLimit(ctx, procs, at, approval.Options{}, func(approval.Alert) error { return nil })
		require.NoError(t, err)
		require.Len(t, bad, 1)
		assert.Contains(t, bad[0].Error(), "ZZ-1")
	})
}

func idNumber(t testing.TB, id string) int {
	var n int
	_, err := fmt.Sscanf(id, "HV-%d", &n)
	require.NoError(t, err)
	return n
}
