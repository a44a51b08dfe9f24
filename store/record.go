package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// Limits of the calls that retry for the caller.
const (
	// maxConflicts bounds the reloads after a concurrent append.
	maxConflicts = 1000
	// maxLost bounds the retries after a lost connection.
	maxLost = 5
)

// Record appends e to the ledger of task taskID of plan planID, under the
// task package's rules and the caller's Policy (Task.Record with o; Start
// and End are the plan's unless o sets them), and returns the entries
// appended (the application and its approval when the policy needs no
// review). It reads the task as stored (its definition in the plan's
// latest version and its own events: Task.Record looks at nothing else),
// asks Task.Record, and appends what it returns expecting the stream as
// read; when another clerk
// appended first it reads again and asks again, so the rules are always
// checked against the whole ledger. A lost connection is retried with the
// same operation ID, so the entry is never appended twice. now is recorded
// as when the store wrote it.
func (s *Store) Record(ctx context.Context, planID, taskID uuid.UUID, e task.Entry, o task.Options, now time.Time) ([]task.Entry, error) {
	evs, err := s.change(ctx, planID, taskID, true, func(st *PlanState, t *task.Task) ([]TaskEvent, error) {
		out, err := t.Record(e, st.Options(o))
		if err != nil {
			return nil, err
		}
		evs := make([]TaskEvent, len(out))
		for i := range out {
			evs[i].Entry = &out[i]
		}
		return evs, nil
	}, now)
	if err != nil {
		return nil, err
	}
	out := make([]task.Entry, 0, len(evs))
	for _, e := range evs {
		if e.Entry != nil {
			out = append(out, *e.Entry)
		}
	}
	return out, nil
}

// SetStatus changes the status of task taskID of plan planID (Task.SetStatus:
// 推进中, 暂缓, 已取消 and back; 销号 and 结转 go through Record), as an
// event of the task's stream, retried as Record is.
func (s *Store) SetStatus(ctx context.Context, planID, taskID uuid.UUID, next task.Status, now time.Time) error {
	_, err := s.change(ctx, planID, taskID, false, func(_ *PlanState, t *task.Task) ([]TaskEvent, error) {
		if err := t.SetStatus(next); err != nil {
			return nil, err
		}
		return []TaskEvent{{Status: &next}}, nil
	}, now)
	return err
}

// Delegate passes task taskID of plan planID down the chain to units
// (Task.Delegate: numbers, IDs, section and deadline derived and checked),
// as an event of the task's stream, retried as Record is, and returns the
// parts. due nil means the task's own deadline.
func (s *Store) Delegate(ctx context.Context, planID, taskID uuid.UUID, units []string, due *task.Deadline, now time.Time) ([]*task.Task, error) {
	var parts []*task.Task
	_, err := s.change(ctx, planID, taskID, false, func(_ *PlanState, t *task.Task) ([]TaskEvent, error) {
		var err error
		if parts, err = t.Delegate(units, due); err != nil {
			return nil, err
		}
		return []TaskEvent{{Delegation: &Delegation{Units: append([]string(nil), units...), Due: due}}}, nil
	}, now)
	if err != nil {
		return nil, err
	}
	if parts == nil { // the delegation had landed before a lost connection: read it back
		st, err := s.LoadPlan(ctx, planID)
		if err != nil {
			return nil, err
		}
		t := st.byID[taskID]
		if t == nil {
			return nil, errNoTask(st, taskID)
		}
		for _, d := range t.Delegated {
			for _, u := range units {
				if len(d.Responsibility.Lead) == 1 && d.Responsibility.Lead[0] == task.FoldName(u) {
					parts = append(parts, d)
				}
			}
		}
	}
	return parts, nil
}

// change runs one change to a task: it loads the task's state (the
// task alone with its own stream when one is true, else the whole plan),
// lets fn apply the domain's rules to the task and say what to append,
// and appends it expecting the stream as loaded. After a conflict it
// reloads and asks fn again; after a lost connection it first looks
// whether its operation landed. It returns the events appended.
func (s *Store) change(ctx context.Context, planID, taskID uuid.UUID, one bool, fn func(*PlanState, *task.Task) ([]TaskEvent, error), now time.Time) ([]TaskEvent, error) {
	op := uuid.New()
	uncertain := false
	conflicts, lost := 0, 0
	for {
		err := func() error {
			if uncertain {
				evs, err := s.readStream(ctx, s.db, taskID, op)
				if err != nil {
					return err
				}
				if len(evs) > 0 {
					return landedError{evs}
				}
			}
			var st *PlanState
			var t *task.Task
			var err error
			if one {
				st, t, err = s.loadTask(ctx, planID, taskID)
			} else if st, err = s.LoadPlan(ctx, planID); err == nil {
				if t = st.byID[taskID]; t == nil {
					err = errNoTask(st, taskID)
				}
			}
			if err != nil {
				return err
			}
			evs, err := fn(st, t)
			if err != nil {
				return err
			}
			n := st.Events(taskID)
			for i := range evs {
				evs[i].Seq, evs[i].Op, evs[i].StoredAt = n+i+1, op, now.UTC()
			}
			if err := s.AppendTaskEvents(ctx, planID, taskID, n, evs, now); err != nil {
				return err
			}
			return landedError{evs}
		}()
		var done landedError
		switch {
		case errors.As(err, &done):
			return done.events, nil
		case errors.Is(err, ErrConflict) && conflicts < maxConflicts:
			conflicts++
			backoff(ctx, conflicts)
		case errors.Is(err, ErrConnection) && lost < maxLost:
			lost++
			uncertain = true
			backoff(ctx, lost+4)
		default:
			return nil, err
		}
	}
}

// landedError carries the events appended out of an attempt.
type landedError struct{ events []TaskEvent }

// Error says the attempt landed; it never reaches a caller.
func (landedError) Error() string { return "landed" }

// backoff waits a little before the n-th retry: a random share of a span
// that doubles up to 64 ms, so that writers that collided do not collide
// again in step.
func backoff(ctx context.Context, n int) {
	span := time.Millisecond << min(n, 6)
	t := time.NewTimer(time.Duration(rand.Int64N(int64(span)) + 1))
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
