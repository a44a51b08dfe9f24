package store

import (
	"context"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// The queries below are what a district system lives on. Each is computed
// by the task package over the tasks the store streams, one plan at a time
// (EachPlan): the province's tasks and ledgers are never all in memory.
// Each plan's tasks are judged under o with the plan's own Start and End
// (PlanState.Options) unless o sets them.

// Lights calls fn with the traffic lights (红黄绿灯, task.Lights) of each
// plan's tasks as of asOf, plan by plan. A plan whose lights cannot be
// worked out (thresholds that cannot be applied) stops the walk with the
// error; a task that cannot be dated is listed in the board's Undatable.
func (s *Store) Lights(ctx context.Context, asOf calendar.Date, o task.Options, fn func(PlanVersion, task.Board) error) error {
	return s.EachPlan(ctx, func(st *PlanState) error {
		b, err := task.Lights(st.Tasks, asOf, st.Options(o))
		if err != nil {
			return err
		}
		return fn(st.Version, b)
	})
}

// Overdue calls fn with each plan's tasks late as of asOf (task.Overdue:
// some accountable unit has missed a due date) and those it could not
// date, for the plans that have either.
func (s *Store) Overdue(ctx context.Context, asOf calendar.Date, o task.Options, fn func(PlanVersion, []*task.Task, []task.Undatable) error) error {
	return s.EachPlan(ctx, func(st *PlanState) error {
		late, undatable := task.Overdue(st.Tasks, asOf, st.Options(o))
		if len(late) == 0 && len(undatable) == 0 {
			return nil
		}
		return fn(st.Version, late, undatable)
	})
}

// Workload calls fn with unit's tasks in each plan where it has any
// (task.WorkloadIn: names resolved and group phrases expanded through
// o.Directory; with openOnly, only what it still owes).
func (s *Store) Workload(ctx context.Context, unit string, o task.Options, openOnly bool, fn func(PlanVersion, task.Workload) error) error {
	return s.EachPlan(ctx, func(st *PlanState) error {
		w := task.WorkloadIn(st.Tasks, unit, st.Options(o), openOnly)
		if len(w.Lead)+len(w.Joint)+len(w.Responsible)+len(w.Supporting) == 0 {
			return nil
		}
		return fn(st.Version, w)
	})
}

// Bulletin makes the bulletin (月调度, 季通报, 考核: task.NewBulletin) of
// plan id for span as of asOf, over the stored tasks and the actions sent.
func (s *Store) Bulletin(ctx context.Context, id uuid.UUID, span task.Span, asOf calendar.Date, o task.Options, rules task.ScoreRules) (*task.Bulletin, error) {
	st, err := s.LoadPlan(ctx, id)
	if err != nil {
		return nil, err
	}
	return task.NewBulletin(st.Tasks, span, asOf, st.Options(o), st.Sent, rules)
}

// Bulletins calls fn with the bulletin of every plan for span as of asOf,
// plan by plan.
func (s *Store) Bulletins(ctx context.Context, span task.Span, asOf calendar.Date, o task.Options, rules task.ScoreRules, fn func(PlanVersion, *task.Bulletin) error) error {
	return s.EachPlan(ctx, func(st *PlanState) error {
		b, err := task.NewBulletin(st.Tasks, span, asOf, st.Options(o), st.Sent, rules)
		if err != nil {
			return err
		}
		return fn(st.Version, b)
	})
}

// SuperviseAll runs the day's supervision over every plan (see Supervise):
// for each plan, the actions due as of asOf are decided with those already
// sent and recorded as sent at now, and fn gets them (and the tasks that
// could not be dated), plan by plan. A rerun returns nothing new. A plan
// whose record another supervisor changed meanwhile is reloaded and
// decided again.
func (s *Store) SuperviseAll(ctx context.Context, asOf calendar.Date, o task.Options, now time.Time, fn func(PlanVersion, task.Supervision) error) error {
	return s.EachPlan(ctx, func(st *PlanState) error {
		sup, err := s.supervise(ctx, st, asOf, o, now)
		if err != nil {
			return err
		}
		return fn(st.Version, sup)
	})
}
