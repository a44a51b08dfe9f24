package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func date(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	require.NoError(t, err)
	return d
}

// at is 16:30 in Beijing on day s.
func at(t testing.TB, s string) time.Time {
	return date(t, s).In(calendar.Beijing()).Add(16*time.Hour + 30*time.Minute)
}

func report(t testing.TB, day, unit string, pct int64) task.Entry {
	return task.Entry{Date: date(t, day), Unit: unit, Reporter: unit + "填报员", RecordedAt: at(t, day), Percent: decimal.NewFromInt(pct), Narrative: unit + " " + day}
}

// stored saves the 铁西 plan and returns it with its tasks by number.
func stored(t *testing.T, s *Store) (*plan.Plan, map[string]*task.Task) {
	t.Helper()
	p := tiexi(t)
	_, _, err := s.SavePlan(ctx, p, at(t, "2025-05-20"))
	require.NoError(t, err)
	tasks, _ := p.ItemKeys()
	by := map[string]*task.Task{}
	for _, x := range tasks {
		by[x.Number] = x
	}
	return p, by
}

// ledgerJSON is a task's ledger as JSON, for comparing runs.
func ledgerJSON(t testing.TB, x *task.Task) string {
	b, err := json.Marshal(&x.Ledger)
	require.NoError(t, err)
	return string(b)
}

// The store derives each task's state from its plan and its events, by
// the task package: the same as an in-memory run of the same steps.
func TestTaskStateIsTheInMemoryState(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, by := stored(t, s)
		mem := tiexi(t) // the in-memory run
		memTasks, _ := mem.ItemKeys()
		memBy := map[string]*task.Task{}
		for _, x := range memTasks {
			memBy[x.Number] = x
		}
		o := p.TaskOptions()
		now := at(t, "2025-10-31")
		steps := []struct {
			item string
			e    task.Entry
		}{
			{"51", report(t, "2025-06-12", "区财政局", 30)},
			{"51", report(t, "2025-06-13", "区工信局", 25)},
			{"3", report(t, "2025-09-30", "区住建局", 80)},
			{"3", report(t, "2025-09-30", "区数据局", 44)},
			{"2", task.Entry{Kind: task.Apply, Date: date(t, "2025-10-09"), Unit: "区数据局", RecordedAt: at(t, "2025-10-09"), Evidence: []string{"铁数发〔2025〕12号"}}},
			{"2", task.Entry{Kind: task.Return, Date: date(t, "2025-10-11"), Unit: "区营商局", RecordedAt: at(t, "2025-10-11"), Ref: 1, Reason: "缺少办件量佐证"}},
			{"2", task.Entry{Kind: task.Apply, Date: date(t, "2025-10-24"), Unit: "区数据局", RecordedAt: at(t, "2025-10-24"), Evidence: []string{"10月办件统计.xlsx"}}},
			{"2", task.Entry{Kind: task.Approve, Date: date(t, "2025-10-28"), Unit: "区营商局", RecordedAt: at(t, "2025-10-28"), Ref: 3}},
		}
		for _, st := range steps {
			got, err := s.Record(ctx, p.ID, by[st.item].ID, st.e, o, now)
			require.NoError(t, err, st.item)
			want, err := memBy[st.item].Record(st.e, o)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		}
		// 区住建局 corrects its 80% to 70%: a new entry, the old one kept.
		corr := report(t, "2025-10-09", "区住建局", 70)
		corr.Corrects = 1
		_, err := s.Record(ctx, p.ID, by["3"].ID, corr, o, now)
		require.NoError(t, err)
		_, err = memBy["3"].Record(corr, o)
		require.NoError(t, err)

		st, err := s.LoadPlan(ctx, p.ID)
		require.NoError(t, err)
		for _, n := range []string{"2", "3", "51"} {
			x, err := st.Task(n)
			require.NoError(t, err)
			assert.Equal(t, ledgerJSON(t, memBy[n]), ledgerJSON(t, x), n)
			assert.Equal(t, memBy[n].State(), x.State(), n)
			assert.Equal(t, x.Ledger.Len(), st.Events(x.ID))
		}
		x, _ := st.Task("2")
		assert.Equal(t, task.Done, x.State(), "applied, returned, applied again and approved: 销号")
		x, _ = st.Task("3")
		pr, _ := x.ProgressWith(o)
		assert.Equal(t, "57", pr.String(), "the correction moves only 区住建局's share: (70+44)/2")
		assert.Empty(t, st.Detached)

		// The same lights, overdue and bulletin as the in-memory run.
		asOf := date(t, "2025-11-03")
		want, err := task.Lights(memTasksTop(mem), asOf, o)
		require.NoError(t, err)
		got, err := task.Lights(st.Tasks, asOf, st.Options(task.Options{}))
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})
}

func memTasksTop(p *plan.Plan) []*task.Task { ts, _ := p.Tasks(); return ts }

// The domain's rules are checked against the ledger as stored; what they
// refuse is not written.
func TestRecordRefusedWritesNothing(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, by := stored(t, s)
		o := p.TaskOptions()
		now := at(t, "2025-10-31")
		tests := []struct {
			name string
			item string
			e    task.Entry
			want error
		}{
			{"apply by a unit not accountable", "2", task.Entry{Kind: task.Apply, Date: date(t, "2025-10-09"), Unit: "区财政局", RecordedAt: now, Evidence: []string{"x"}}, task.ErrRefused},
			{"apply without evidence", "2", task.Entry{Kind: task.Apply, Date: date(t, "2025-10-09"), Unit: "区数据局", RecordedAt: now}, task.ErrInvalidEntry},
			{"approve nothing", "2", task.Entry{Kind: task.Approve, Date: date(t, "2025-10-09"), Unit: "区营商局", RecordedAt: now, Ref: 4}, task.ErrInvalidEntry},
			{"percent over 100", "3", report(t, "2025-09-30", "区住建局", 120), task.ErrInvalidEntry},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := s.Record(ctx, p.ID, by[tt.item].ID, tt.e, o, now)
				assert.ErrorIs(t, err, tt.want)
				evs, err := s.TaskEvents(ctx, by[tt.item].ID)
				require.NoError(t, err)
				assert.Empty(t, evs, "nothing written")
			})
		}
		_, err := s.Record(ctx, p.ID, uuid.New(), report(t, "2025-09-30", "区住建局", 10), o, now)
		assert.ErrorIs(t, err, ErrNotFound)
		_, err = s.Record(ctx, uuid.New(), by["3"].ID, report(t, "2025-09-30", "区住建局", 10), o, now)
		assert.ErrorIs(t, err, ErrNotFound)
	})
}

// Status changes and delegations are events too, replayed on load.
func TestWorkflowEvents(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, dsn string) {
		p, by := stored(t, s)
		o := p.TaskOptions()
		now := at(t, "2025-07-01")
		require.NoError(t, s.SetStatus(ctx, p.ID, by["10"].ID, task.Suspended, now))
		assert.ErrorIs(t, s.SetStatus(ctx, p.ID, by["10"].ID, task.Done, now), task.ErrInvalidTransition, "销号 goes through the ledger")

		due, err := task.ParseDeadline("2025年9月30日前")
		require.NoError(t, err)
		parts, err := s.Delegate(ctx, p.ID, by["46"].ID, []string{"兴盛街道", "北陶街道", "永乐街道"}, &due, now)
		require.NoError(t, err)
		require.Len(t, parts, 3)
		assert.Equal(t, "46-1", parts[0].Number)
		_, err = s.Delegate(ctx, p.ID, by["46"].ID, []string{"兴盛街道"}, &due, now)
		assert.ErrorIs(t, err, task.ErrInvalidTask, "a street that has its part already")

		// A street reports on its part; the part closes; the parent follows.
		for _, part := range parts {
			_, err := s.Record(ctx, p.ID, part.ID, task.Entry{Kind: task.Apply, Date: date(t, "2025-09-26"), Unit: part.Responsibility.Lead[0], RecordedAt: now, Evidence: []string{"名册.xlsx"}}, o, now)
			require.NoError(t, err)
			_, err = s.Record(ctx, p.ID, part.ID, task.Entry{Kind: task.Approve, Date: date(t, "2025-09-29"), Unit: "区数据局", RecordedAt: now, Ref: 1}, o, now)
			require.NoError(t, err)
		}

		// After a restart, the state is the same.
		again, err := Open(ctx, dsn, Options{})
		require.NoError(t, err)
		defer again.Close()
		st, err := again.LoadPlan(ctx, p.ID)
		require.NoError(t, err)
		x, err := st.Task("10")
		require.NoError(t, err)
		assert.Equal(t, task.Suspended, x.State())
		x, err = st.Task("46")
		require.NoError(t, err)
		require.Len(t, x.Delegated, 3)
		assert.Equal(t, parts[2].ID, x.Delegated[2].ID, "the parts' IDs are derived: the same after a restart")
		assert.Equal(t, task.Done, x.State(), "every part closed: the task is done")
		y, err := st.Task(parts[1].ID.String())
		require.NoError(t, err)
		assert.Equal(t, 2, y.Ledger.Len())
		assert.Equal(t, 2, st.Events(parts[1].ID))
		assert.Equal(t, 1, st.Events(by["46"].ID), "the delegation is one event of the task")
	})
}

// An append names the number of events it expects; a stale one gets a
// *ConflictError naming the stream, and a retry of an append that landed
// writes nothing again.
func TestAppendTaskEventsExpectsItsCount(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, by := stored(t, s)
		id := by["39"].ID
		e1 := report(t, "2025-06-27", "区人社局", 20)
		e1.Seq = 1
		op := uuid.New()
		now := at(t, "2025-06-27")
		require.NoError(t, s.AppendTaskEvents(ctx, p.ID, id, 0, []TaskEvent{{Op: op, Entry: &e1}}, now))
		require.NoError(t, s.AppendTaskEvents(ctx, p.ID, id, 0, []TaskEvent{{Op: op, Entry: &e1}}, now), "the same operation again: it landed, nothing to do")
		err := s.AppendTaskEvents(ctx, p.ID, id, 0, []TaskEvent{{Entry: &e1}}, now)
		var ce *ConflictError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, 0, ce.Expected)
		assert.Equal(t, 1, ce.Actual)
		assert.Contains(t, ce.Error(), id.String())
		assert.Contains(t, ce.Error(), "重试")
		evs, err := s.TaskEvents(ctx, id)
		require.NoError(t, err)
		require.Len(t, evs, 1)
		assert.Equal(t, op, evs[0].Op)
		assert.True(t, evs[0].StoredAt.Equal(now))

		st := task.InProgress
		assert.ErrorIs(t, s.AppendTaskEvents(ctx, p.ID, id, 1, []TaskEvent{{Entry: &e1, Status: &st}}, now), ErrInvalid, "an event is one thing")
		assert.ErrorIs(t, s.AppendTaskEvents(ctx, p.ID, id, 1, []TaskEvent{{}}, now), ErrInvalid)
		assert.ErrorIs(t, s.AppendTaskEvents(ctx, p.ID, id, -1, []TaskEvent{{Status: &st}}, now), ErrInvalid)
		assert.ErrorIs(t, s.AppendTaskEvents(ctx, uuid.New(), id, 1, []TaskEvent{{Status: &st}}, now), ErrInvalid, "the stream is another plan's")
	})
}

// A plan document that carries its ledgers (an export of a run) puts them
// in the task streams; importing it again adds nothing; a document whose
// ledger disagrees with the store's is refused, naming the entry.
func TestSavePlanSeedsLedgers(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p := tiexi(t)
		tasks, _ := p.ItemKeys()
		x := tasks[0]
		o := p.TaskOptions()
		for i, day := range []string{"2025-06-10", "2025-07-10"} {
			_, err := x.Record(report(t, day, "区数据局", int64(30*(i+1))), o)
			require.NoError(t, err)
		}
		now := at(t, "2025-07-11")
		v, created, err := s.SavePlan(ctx, p, now)
		require.NoError(t, err)
		require.True(t, created)
		st, err := s.LoadPlan(ctx, p.ID)
		require.NoError(t, err)
		y, _ := st.Task(x.Number)
		assert.Equal(t, ledgerJSON(t, x), ledgerJSON(t, y))
		back, _, err := s.Plan(ctx, p.ID)
		require.NoError(t, err)
		bt, _ := back.ItemKeys()
		assert.Zero(t, bt[0].Ledger.Len(), "a version is the definition; the ledger is in the stream")

		// Again, with one more entry: no new version, one more event.
		_, err = x.Record(report(t, "2025-08-10", "区数据局", 75), o)
		require.NoError(t, err)
		v2, created, err := s.SavePlan(ctx, p, now)
		require.NoError(t, err)
		assert.False(t, created)
		assert.Equal(t, v.Version, v2.Version)
		evs, err := s.TaskEvents(ctx, x.ID)
		require.NoError(t, err)
		assert.Len(t, evs, 3)
		_, _, err = s.SavePlan(ctx, p, now)
		require.NoError(t, err)
		evs, err = s.TaskEvents(ctx, x.ID)
		require.NoError(t, err)
		assert.Len(t, evs, 3, "idempotent")

		// A document whose second entry says otherwise.
		q := tiexi(t)
		qt, _ := q.ItemKeys()
		for _, pct := range []int64{30, 40} {
			_, err := qt[0].Record(report(t, "2025-06-10", "区数据局", pct), o)
			require.NoError(t, err)
		}
		_, _, err = s.SavePlan(ctx, q, now)
		require.ErrorIs(t, err, ErrConflict)
		assert.Contains(t, err.Error(), "entry 2 of the ledger of task "+x.Number)
		evs, err = s.TaskEvents(ctx, x.ID)
		require.NoError(t, err)
		assert.Len(t, evs, 3, "nothing overwritten")
	})
}

// A revision that drops a task keeps the task's history and says so.
func TestDetachedStreams(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, by := stored(t, s)
		_, err := s.Record(ctx, p.ID, by["55"].ID, report(t, "2025-06-30", by["55"].Responsibility.Accountable()[0], 10), p.TaskOptions(), at(t, "2025-06-30"))
		require.NoError(t, err)
		q := tiexi(t)
		last := q.Sections[len(q.Sections)-1]
		for len(last.Sections) > 0 {
			last = last.Sections[len(last.Sections)-1]
		}
		require.Equal(t, "55", last.Tasks[len(last.Tasks)-1].Number)
		last.Tasks = last.Tasks[:len(last.Tasks)-1]
		v, created, err := s.SavePlan(ctx, q, at(t, "2025-07-01"))
		require.NoError(t, err)
		require.True(t, created)
		assert.Equal(t, 2, v.Version)
		st, err := s.LoadPlan(ctx, p.ID)
		require.NoError(t, err)
		assert.Equal(t, []uuid.UUID{by["55"].ID}, st.Detached)
		_, err = st.Task("55")
		assert.ErrorIs(t, err, ErrNotFound)
	})
}

// Plans are found by ID, 文号 as written in any style, or title.
func TestFindPlan(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, _ := stored(t, s)
		for _, ref := range []string{p.ID.String(), p.Title, " " + p.Title + " "} {
			v, err := s.FindPlan(ctx, ref)
			require.NoError(t, err, ref)
			assert.Equal(t, p.ID, v.ID)
		}
		_, err := s.FindPlan(ctx, "没有这个计划")
		assert.ErrorIs(t, err, ErrNotFound)
		assert.Contains(t, err.Error(), p.Title, "the error lists what the store holds")
		_, err = s.FindPlan(ctx, uuid.New().String())
		assert.ErrorIs(t, err, ErrNotFound)
		_, err = s.FindPlan(ctx, "")
		assert.ErrorIs(t, err, ErrInvalid)
	})
}

// Many clerks append to one ledger at once, through Record (which reloads
// and checks again after a conflict) and through AppendTaskEvents with
// their own retries: every entry lands once, numbered without a gap.
func TestConcurrentLedgerAppends(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, by := stored(t, s)
		o := p.TaskOptions()
		id := by["3"].ID
		const writers, each = 8, 8
		var wg sync.WaitGroup
		var conflicts atomic.Int64
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				unit := []string{"区住建局", "区数据局"}[w%2]
				for i := range each {
					e := report(t, "2025-09-30", unit, int64(w*each+i))
					e.Narrative = fmt.Sprintf("writer %d entry %d", w, i)
					if w%2 == 0 {
						if _, err := s.Record(ctx, p.ID, id, e, o, at(t, "2025-09-30")); err != nil {
							t.Error(err)
							return
						}
						continue
					}
					for { // by hand: read the count, append, retry on a conflict
						evs, err := s.TaskEvents(ctx, id)
						if err != nil {
							t.Error(err)
							return
						}
						e.Seq = len(evs) + 1
						err = s.AppendTaskEvents(ctx, p.ID, id, len(evs), []TaskEvent{{Entry: &e}}, at(t, "2025-09-30"))
						if errors.Is(err, ErrConflict) {
							conflicts.Add(1)
							continue
						}
						if err != nil {
							t.Error(err)
						}
						break
					}
				}
			}()
		}
		wg.Wait()
		st, err := s.LoadPlan(ctx, p.ID)
		require.NoError(t, err)
		x, err := st.Task("3")
		require.NoError(t, err)
		es := x.Ledger.Entries()
		require.Len(t, es, writers*each, "every entry landed once")
		seen := map[string]bool{}
		for i, e := range es {
			assert.Equal(t, i+1, e.Seq)
			assert.False(t, seen[e.Narrative], "twice: %s", e.Narrative)
			seen[e.Narrative] = true
		}
		t.Logf("%s: %d conflicts retried by hand", s.Dialect(), conflicts.Load())
	})
}

// Under SERIALIZABLE — the isolation of the PostgreSQL-compatible
// distributed engines, tried here on PostgreSQL itself — concurrent
// appends fail with serialization failures (40001) as well as with the
// expected count; the calls that retry take both as a conflict: every
// entry lands once.
func TestSerializableIsolation(t *testing.T) {
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		t.Skipf("*** SKIPPED: needs PostgreSQL (%s) ***", postgresEnv)
	}
	dsn = freshSchema(t, dsn) + "&default_transaction_isolation=serializable"
	s, err := Open(ctx, dsn, Options{})
	require.NoError(t, err)
	defer s.Close()
	var level string
	require.NoError(t, s.db.QueryRowContext(ctx, `SHOW transaction_isolation`).Scan(&level))
	require.Equal(t, "serializable", level)
	p, by := stored(t, s)
	id := by["33"].ID
	var wg sync.WaitGroup
	const writers, each = 6, 6
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unit := []string{"区发改局", "区财政局"}[w%2]
			for i := range each {
				e := report(t, "2025-09-30", unit, int64(w*each+i))
				e.Narrative = fmt.Sprintf("writer %d entry %d", w, i)
				if _, err := s.Record(ctx, p.ID, id, e, p.TaskOptions(), at(t, "2025-09-30")); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	evs, err := s.TaskEvents(ctx, id)
	require.NoError(t, err)
	require.Len(t, evs, writers*each)
	seen := map[string]bool{}
	for _, e := range evs {
		assert.False(t, seen[e.Entry.Narrative])
		seen[e.Entry.Narrative] = true
	}
}
