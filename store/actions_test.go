package store

import (
	"sync"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func actionIDs(as []task.Action) []uuid.UUID {
	out := make([]uuid.UUID, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

// Supervision fires once: the day's supervision run on the store, with a
// restart in the middle, decides what an in-memory run decides, and a
// rerun of a day sends nothing new.
func TestSuperviseFiresOnceAcrossRestarts(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, dsn string) {
		p, by := stored(t, s)
		o := p.TaskOptions()
		mem := tiexi(t)
		memTop, _ := mem.Tasks()
		cal := calendar.China()
		// 区财政局 reports item 51 in June; 区工信局 does not.
		_, err := s.Record(ctx, p.ID, by["51"].ID, report(t, "2025-06-12", "区财政局", 30), o, at(t, "2025-06-12"))
		require.NoError(t, err)
		memTasks, _ := mem.ItemKeys()
		for _, x := range memTasks {
			if x.Number == "51" {
				_, err := x.Record(report(t, "2025-06-12", "区财政局", 30), o)
				require.NoError(t, err)
			}
		}
		var memSent []task.Action
		total := 0
		for d := date(t, "2025-06-09"); !d.After(date(t, "2025-07-25")); d, _ = d.AddDays(1) {
			if ok, _ := cal.IsWorkday(d); !ok {
				continue
			}
			if d == date(t, "2025-07-01") { // a restart
				require.NoError(t, s.Close())
				s, err = Open(ctx, dsn, Options{})
				require.NoError(t, err)
				t.Cleanup(func() { s.Close() })
			}
			want, err := task.Actions(memTop, d, o, memSent)
			require.NoError(t, err)
			memSent = append(memSent, want.Actions...)
			got, err := s.Supervise(ctx, p.ID, d, task.Options{}, d.In(calendar.Beijing()).Add(9*time.Hour))
			require.NoError(t, err)
			assert.Equal(t, actionIDs(want.Actions), actionIDs(got.Actions), d.String())
			total += len(got.Actions)
			again, err := s.Supervise(ctx, p.ID, d, task.Options{}, d.In(calendar.Beijing()).Add(10*time.Hour))
			require.NoError(t, err)
			assert.Empty(t, again.Actions, "a rerun of %s sends nothing new", d)
		}
		require.Positive(t, total)
		sent, err := s.Sent(ctx, p.ID)
		require.NoError(t, err)
		assert.Equal(t, actionIDs(memSent), actionIDs(sent))
		kinds := map[task.ActionKind]int{}
		for _, a := range sent {
			kinds[a.Kind]++
		}
		assert.Positive(t, kinds[task.Remind])
		assert.Positive(t, kinds[task.Supervise], "区工信局 missed June's report of item 51")
	})
}

// Supervisors running at the same moment send each action once.
func TestConcurrentSupervisors(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		p, _ := stored(t, s)
		d := date(t, "2025-07-22")
		mem := tiexi(t)
		memTop, _ := mem.Tasks()
		want, err := task.Actions(memTop, d, p.TaskOptions(), nil)
		require.NoError(t, err)
		require.NotEmpty(t, want.Actions)
		var mu sync.Mutex
		var got []task.Action
		var wg sync.WaitGroup
		for range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sup, err := s.Supervise(ctx, p.ID, d, task.Options{}, at(t, "2025-07-22"))
				if !assert.NoError(t, err) {
					return
				}
				mu.Lock()
				got = append(got, sup.Actions...)
				mu.Unlock()
			}()
		}
		wg.Wait()
		assert.ElementsMatch(t, actionIDs(want.Actions), actionIDs(got), "each action returned to exactly one supervisor")
		sent, err := s.Sent(ctx, p.ID)
		require.NoError(t, err)
		assert.Equal(t, actionIDs(want.Actions), actionIDs(sent))
	})
}

// Recording what was sent by hand: the expected count, and a retry.
func TestRecordSentAndReplies(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, dsn string) {
		p, _ := stored(t, s)
		d := date(t, "2025-06-17")
		due, err := s.ActionsDue(ctx, p.ID, d, task.Options{})
		require.NoError(t, err)
		require.NotEmpty(t, due.Actions)
		again, err := s.ActionsDue(ctx, p.ID, d, task.Options{})
		require.NoError(t, err)
		assert.Equal(t, due.Actions, again.Actions, "ActionsDue records nothing")
		now := at(t, "2025-06-17")
		require.NoError(t, s.RecordSent(ctx, p.ID, 0, due.Actions, now))
		require.NoError(t, s.RecordSent(ctx, p.ID, 0, due.Actions, now), "the same actions again: recorded already")
		fresh := due.Actions[0]
		fresh.ID = uuid.New()
		err = s.RecordSent(ctx, p.ID, 0, []task.Action{fresh}, now)
		var ce *ConflictError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, len(due.Actions), ce.Actual)
		assert.ErrorIs(t, s.RecordSent(ctx, p.ID, len(due.Actions), due.Actions[:1], now), nil, "one of them again: recorded already")
		assert.ErrorIs(t, s.RecordSent(ctx, p.ID, len(due.Actions), append(due.Actions[:1:1], fresh), now), ErrInvalid)

		var notice *task.Action
		for i := range due.Actions {
			if !due.Actions[i].ReplyBy.IsZero() {
				notice = &due.Actions[i]
				break
			}
		}
		require.NotNil(t, notice, "a 督办单 asks for a reply")
		reply := task.Reply{On: date(t, "2025-06-19"), At: at(t, "2025-06-19"), Unit: notice.Unit, By: "办公室", Text: "已部署整改"}
		other := reply
		other.Unit = "区营商局"
		assert.ErrorIs(t, s.RecordReply(ctx, p.ID, notice.ID, other, now), task.ErrInvalidEntry, "a reply is the addressee's")
		require.NoError(t, s.RecordReply(ctx, p.ID, notice.ID, reply, now))
		require.NoError(t, s.RecordReply(ctx, p.ID, notice.ID, reply, now), "the same reply again: recorded already")
		second := reply
		second.Text = "补充说明"
		assert.ErrorIs(t, s.RecordReply(ctx, p.ID, notice.ID, second, now), task.ErrInvalidEntry, "one reply per notice")
		assert.ErrorIs(t, s.RecordReply(ctx, p.ID, uuid.New(), reply, now), ErrNotFound)

		reopened, err := Open(ctx, dsn, Options{})
		require.NoError(t, err)
		defer reopened.Close()
		st, err := reopened.LoadPlan(ctx, p.ID)
		require.NoError(t, err)
		require.Len(t, st.Sent, len(due.Actions))
		found := false
		for _, a := range st.Sent {
			if a.ID == notice.ID {
				found = true
				require.NotNil(t, a.Reply)
				assert.Equal(t, "已部署整改", a.Reply.Text)
			} else {
				assert.Nil(t, a.Reply)
			}
		}
		assert.True(t, found)
	})
}
