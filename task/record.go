package task

import (
	"fmt"

	"github.com/bizenv/bizenv/calendar"
)

// Policy is the caller's rules for what a task's ledger accepts, on top of
// the ledger's own (see Ledger.Append). The zero Policy is the bizenv
// default: closing a task needs a reviewer's approval, any unit other than
// the applicant's may review, and reports are accepted from any unit at
// any time.
type Policy struct {
	// NoReview lets an application to close (Apply) close the task at
	// once: Record appends the application and its approval, marked as
	// needing no review. By default (false) a reviewer must approve it,
	// which is what the seed plans' 督查 and 销号 practice asks.
	NoReview bool `json:"no_review,omitempty"`
	// Reviewers are the units that may approve, return, re-check and carry
	// over (督查室, 营商局). Empty: any unit except the one whose entry is
	// reviewed.
	Reviewers []string `json:"reviewers,omitempty"`
	// OnlyAssigned refuses reports, applications and extension requests
	// from units with no role in the task (names resolved through
	// Options.Directory, so that a street may report on a task of
	// 各镇（街道）).
	OnlyAssigned bool `json:"only_assigned,omitempty"`
	// NoEntriesAfterClosure refuses reports and extension requests once
	// the task is closed, until a re-check (回头看) reopens it.
	NoEntriesAfterClosure bool `json:"no_entries_after_closure,omitempty"`
}

// Record appends e to the task's ledger under the ledger's rules and the
// caller's Policy (o.Policy), as one step: it is safe for concurrent use
// with other Record and Append calls on the same task. It returns the
// entries appended (the application and its approval when review is not
// required), or an error wrapping ErrInvalidEntry (a rule of the ledger)
// or ErrRefused (a rule of the policy), naming the task and the entry.
//
// Beyond Append's rules, Record refuses entries on a cancelled task, an
// application to close from a unit that is not accountable for the task,
// and a review by a unit that may not review (by default, the unit whose
// entry it is: nobody approves their own application).
func (t *Task) Record(e Entry, o Options) ([]Entry, error) {
	r := o.resolver()
	p := o.Policy
	unit := r.canon(e.Unit)
	out, err := t.Ledger.appendChecked(func(prior []Entry, st *ledgerState) ([]Entry, error) {
		refuse := func(zh, en string) error {
			return fmt.Errorf("%w: 任务 %s：%s / task %s: %s", ErrRefused, t.Number, zh, t.Number, en)
		}
		if t.Status == Cancelled {
			return nil, refuse("任务已取消", "the task is cancelled")
		}
		if err := check(e, prior, st); err != nil {
			return nil, fmt.Errorf("任务 %s / task %s: %w", t.Number, t.Number, err)
		}
		role := r.roleOf(t, unit)
		switch e.Kind {
		case Report, Extend:
			if p.OnlyAssigned && role == NoRole {
				return nil, refuse(e.Unit+"在本任务中没有职责", e.Unit+" has no role in the task")
			}
			if p.NoEntriesAfterClosure && st.closure == closed {
				return nil, refuse("任务已销号，不再接受填报（回头看可重新打开）", "the task is closed and takes no more entries (a re-check may reopen it)")
			}
		case Apply:
			if role != LeadRole && role != JointRole {
				return nil, refuse(e.Unit+"不是责任主体，不能申请销号", e.Unit+" is not accountable for the task and cannot apply to close it")
			}
		case Approve, Return, Recheck, CarryOver:
			if len(p.Reviewers) > 0 {
				ok := false
				for _, rv := range p.Reviewers {
					ok = ok || r.canon(rv) == unit
				}
				if !ok {
					return nil, refuse(e.Unit+"不是审核单位", e.Unit+" is not a reviewing unit")
				}
			} else if e.Ref > 0 && r.canon(prior[e.Ref-1].Unit) == unit {
				return nil, refuse("不能审核本单位的填报或申请", "a unit cannot review its own entry")
			}
		}
		if e.Kind == Apply && p.NoReview {
			auto := Entry{Kind: Approve, Date: e.Date, Unit: e.Unit, Reporter: e.Reporter, RecordedAt: e.RecordedAt,
				Ref: len(prior) + 1, Reason: "按规则无需审核 / no review required by the plan's rule"}
			return []Entry{e, auto}, nil
		}
		return []Entry{e}, nil
	})
	return out, err
}

// State returns the task's status as its ledger and its parts make it:
//   - suspended and cancelled, as the caller set them, stand;
//   - a closure approved (销号) makes it Done, a carry-over CarriedOver;
//   - a re-check (回头看) that reopened it makes it InProgress, whatever the
//     stored status says;
//   - a task delegated down the chain is Done when every part (not
//     cancelled) is Done, and InProgress when any part has started;
//   - otherwise a stored Done or CarriedOver stands (plans recorded before
//     closures were), and a task with any report or application is
//     InProgress.
func (t *Task) State() Status { return t.state(calendar.Date{}, 0) }

// maxDepth bounds how far down the delegation chain State, progress and
// the views go (a programmatic cycle ends there).
const maxDepth = 32

// state is State as of asOf (zero: the whole ledger).
func (t *Task) state(asOf calendar.Date, depth int) Status {
	if t.Status == Cancelled || t.Status == Suspended {
		return t.Status
	}
	v := newViewAt(t, asOf)
	return t.stateWith(v.all, &v.st, asOf, depth)
}

func (t *Task) stateWith(all []Entry, st *ledgerState, asOf calendar.Date, depth int) Status {
	if t.Status == Cancelled || t.Status == Suspended {
		return t.Status
	}
	switch st.closure {
	case closed:
		return Done
	case carried:
		return CarriedOver
	}
	if st.recheck > 0 {
		return InProgress
	}
	if depth < maxDepth {
		parts, done, started := 0, 0, false
		for _, d := range t.Delegated {
			if d == nil {
				continue
			}
			switch s := d.state(asOf, depth+1); s {
			case Cancelled:
				continue
			case Done:
				done++
				started = true
			case InProgress, Suspended, CarriedOver:
				started = true
			}
			parts++
		}
		if parts > 0 && done == parts {
			return Done
		}
		if started && t.Status == NotStarted {
			return InProgress
		}
	}
	if t.Status == Done || t.Status == CarriedOver {
		return t.Status
	}
	if st.closure == pending || (t.Status == NotStarted && len(all) > 0) {
		return InProgress
	}
	return t.Status
}

// EffectiveDeadline returns the deadline in force: the one asked for by
// the last approved extension request (延期), or the task's own. The
// result is a copy.
func (t *Task) EffectiveDeadline() *Deadline {
	all := t.Ledger.all()
	st := stateOf(all)
	return effectiveDeadline(t, all, &st).clone()
}

func effectiveDeadline(t *Task, all []Entry, st *ledgerState) *Deadline {
	if e, ok := entryAt(all, st.extension); ok {
		return e.Deadline
	}
	return t.Deadline
}

// Extension is one request to change a task's deadline (延期申请) and its
// outcome.
type Extension struct {
	// Request is the request: who, when, why, and the deadline asked for.
	Request Entry `json:"request"`
	// Decision is the approval or return, if there is one yet.
	Decision *Entry `json:"decision,omitempty"`
	// From is the deadline in force when it was requested.
	From *Deadline `json:"from,omitempty"`
}

// Extensions returns the history of the task's deadline: every extension
// request in order, with its decision and the deadline it would replace.
func (t *Task) Extensions() []Extension {
	all := t.Ledger.all()
	st := stateOf(all)
	var out []Extension
	current := t.Deadline
	for _, e := range all {
		if e.Kind != Extend {
			continue
		}
		x := Extension{Request: e.clone(), From: current.clone()}
		x.Request.Review = st.reviewOf(e)
		if by, approve, ok := st.decision(e.Seq); ok {
			if d, ok := entryAt(all, by); ok {
				d = d.clone()
				x.Decision = &d
			}
			if approve {
				current = e.Deadline
			}
		}
		out = append(out, x)
	}
	return out
}

// Closure is where a task's 销号 stands.
type Closure struct {
	// State is open, pending (applied, awaiting review), closed or
	// carried_over.
	State string `json:"state"`
	// Applied is the application in force (pending or approved).
	Applied *Entry `json:"applied,omitempty"`
	// Decided is the approval that closed the task.
	Decided *Entry `json:"decided,omitempty"`
	// Reopened is the last re-check (回头看) that reopened it.
	Reopened *Entry `json:"reopened,omitempty"`
	// CarriedOver is the carry-over entry (结转), naming the plan.
	CarriedOver *Entry `json:"carried_over,omitempty"`
}

// ClosureOf returns where the task's closure stands, from its ledger.
func (t *Task) ClosureOf() Closure {
	all := t.Ledger.all()
	st := stateOf(all)
	pick := func(seq int) *Entry {
		e, ok := entryAt(all, seq)
		if !ok {
			return nil
		}
		e = e.clone()
		return &e
	}
	c := Closure{State: [...]string{"open", "pending", "closed", "carried_over"}[st.closure],
		Applied: pick(st.apply), Decided: pick(st.approve), Reopened: pick(st.recheck), CarriedOver: pick(st.carryOver)}
	return c
}

// closedOn returns the date the task's closure was approved and the date
// of the application approved, when it is closed.
func closedOn(all []Entry, st *ledgerState) (approved, applied calendar.Date, ok bool) {
	if st.closure != closed {
		return calendar.Date{}, calendar.Date{}, false
	}
	ap, ok1 := entryAt(all, st.approve)
	ap2, ok2 := entryAt(all, st.apply)
	if !ok1 || !ok2 {
		return calendar.Date{}, calendar.Date{}, false
	}
	return ap.Date, ap2.Date, true
}
