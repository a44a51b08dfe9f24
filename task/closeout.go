package task

import (
	"github.com/bizenv/bizenv/calendar"
	"github.com/google/uuid"
)

// CloseOut is what a plan past its period reports instead of supervision:
// what was finished, what was carried over (结转) and to which plan, and
// what was left open.
type CloseOut struct {
	// End is the last day of the plan's period; AsOf the day of the report.
	End  calendar.Date `json:"end"`
	AsOf calendar.Date `json:"as_of"` // the day of the close-out
	// Finished are the tasks done (closed, or all their parts done).
	Finished []OutTask `json:"finished"`
	// CarriedOver are the tasks carried over, each naming the plan.
	CarriedOver []OutTask `json:"carried_over"`
	// Unfinished are the tasks still open: to finish late or to carry
	// over.
	Unfinished []OutTask `json:"unfinished"`
	// Cancelled and Suspended are the tasks the caller cancelled or
	// suspended.
	Cancelled []OutTask `json:"cancelled"`
	Suspended []OutTask `json:"suspended"` // suspended (暂缓) tasks
}

// OutTask is a task in a close-out.
type OutTask struct {
	// Task, Number and Title name the task; Units are its accountable
	// units.
	Task   uuid.UUID `json:"task"`
	Number string    `json:"number"` // as printed
	Title  string    `json:"title"`  // the task's title
	Units  []string  `json:"units"`  // its accountable units
	// Date is when it was closed or carried over, when the ledger says.
	Date calendar.Date `json:"date"`
	// To names the plan it was carried over to; Reason why.
	To     string `json:"to,omitempty"`
	Reason string `json:"reason,omitempty"` // why it was carried over
}

// CloseOutOf sorts tasks (delegated parts included) for the close-out of
// a plan that ends on o.End, as of asOf.
func CloseOutOf(tasks []*Task, asOf calendar.Date, o Options) CloseOut {
	r := o.resolver()
	c := CloseOut{End: o.End, AsOf: asOf, Finished: []OutTask{}, CarriedOver: []OutTask{}, Unfinished: []OutTask{}, Cancelled: []OutTask{}, Suspended: []OutTask{}}
	Walk(tasks, func(t *Task) {
		v := newViewAt(t, asOf)
		ot := OutTask{Task: t.ID, Number: t.Number, Title: t.Title, Units: r.parties(t).accountable()}
		switch t.stateWith(v.all, &v.st, asOf, 0) {
		case Done:
			if approved, _, ok := closedOn(v.all, &v.st); ok {
				ot.Date = approved
			}
			c.Finished = append(c.Finished, ot)
		case CarriedOver:
			if e, ok := entryAt(v.all, v.st.carryOver); ok {
				ot.Date, ot.To, ot.Reason = e.Date, e.To, e.Reason
			}
			c.CarriedOver = append(c.CarriedOver, ot)
		case Cancelled:
			c.Cancelled = append(c.Cancelled, ot)
		case Suspended:
			c.Suspended = append(c.Suspended, ot)
		default:
			c.Unfinished = append(c.Unfinished, ot)
		}
	})
	return c
}
