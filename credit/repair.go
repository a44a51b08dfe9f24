package credit

import (
	"fmt"

	"github.com/bizenv/bizenv/calendar"
)

// RepairLimits are the working-day limits of a repair (信用修复). The
// national rules leave the figures to the sectors and platforms; the
// defaults below are bizenv's, chosen for districts to adjust, and are not
// quoted from a rule.
type RepairLimits struct {
	// Accept: from application to the decision to accept it.
	Accept calendar.Period `json:"accept"`
	// Decide: from acceptance to the decision on the repair.
	Decide calendar.Period `json:"decide"`
	// Objection: from an objection (异议) to its answer.
	Objection calendar.Period `json:"objection"`
}

// DefaultRepairLimits returns 3 working days to accept, 5 to decide and 5
// to answer an objection (bizenv's defaults, see RepairLimits).
func DefaultRepairLimits() RepairLimits {
	wd := func(n int) calendar.Period { return calendar.Period{N: n, Unit: calendar.Workdays} }
	return RepairLimits{Accept: wd(3), Decide: wd(5), Objection: wd(5)}
}

// Repair is one application to repair a record, with the dates of its
// steps; a zero date is a step not yet taken.
type Repair struct {
	// Record is the ID of the record to repair.
	Record string `json:"record"`
	// Applied is when the application came in.
	Applied calendar.Date `json:"applied"`
	// Accepted is when it was accepted.
	Accepted calendar.Date `json:"accepted"`
	// Decided is when the decision was made.
	Decided calendar.Date `json:"decided"`
	// Approved says which way the decision went.
	Approved bool `json:"approved"`
	// ObjectionRaised is when the applicant objected (异议) to a refusal or
	// to the record itself.
	ObjectionRaised calendar.Date `json:"objection_raised"`
	// ObjectionAnswered is when the objection was answered.
	ObjectionAnswered calendar.Date `json:"objection_answered"`
}

// Step is a repair's next step and when it is due.
type Step struct {
	// Name is accept, decide or answer_objection; empty when nothing is due.
	Name string `json:"name"`
	// Due is the step's last day.
	Due calendar.Date `json:"due"`
}

// Next returns the step the authority owes next and its due date, counted
// on cal (nil: calendar.China()) under limits.
func (r Repair) Next(cal *calendar.Calendar, limits RepairLimits) (Step, error) {
	if cal == nil {
		cal = calendar.China()
	}
	var name string
	var from calendar.Date
	var p calendar.Period
	switch {
	case !r.ObjectionRaised.IsZero() && r.ObjectionAnswered.IsZero():
		name, from, p = "answer_objection", r.ObjectionRaised, limits.Objection
	case r.Applied.IsZero():
		return Step{}, nil
	case r.Accepted.IsZero() && r.Decided.IsZero():
		name, from, p = "accept", r.Applied, limits.Accept
	case r.Decided.IsZero():
		name, from, p = "decide", r.Accepted, limits.Decide
	default:
		return Step{}, nil
	}
	due, err := cal.Deadline(from, p)
	if err != nil {
		return Step{}, err
	}
	return Step{Name: name, Due: due}, nil
}

// Check returns every rule the repair breaks against its record: applied
// before repair is allowed (the shortest publicity), steps out of order,
// steps later than their limits. Findings are in Chinese and English.
func (r Repair) Check(rec Record, cal *calendar.Calendar, limits RepairLimits) ([]string, error) {
	if cal == nil {
		cal = calendar.China()
	}
	var out []string
	from, err := rec.RepairFrom()
	if err != nil {
		return nil, err
	}
	if !r.Applied.IsZero() && r.Applied.Before(from) {
		out = append(out, fmt.Sprintf("申请日 %s 早于可申请修复之日 %s / applied on %s, before repair is allowed on %s", r.Applied, from, r.Applied, from))
	}
	late := func(step string, start, done calendar.Date, p calendar.Period) error {
		if start.IsZero() || done.IsZero() {
			return nil
		}
		if done.Before(start) {
			out = append(out, fmt.Sprintf("%s 早于前一步骤 / %s comes before the step it follows", step, step))
			return nil
		}
		due, err := cal.Deadline(start, p)
		if err != nil {
			return err
		}
		if done.After(due) {
			out = append(out, fmt.Sprintf("%s 于 %s 完成，晚于期限 %s / %s done on %s, after its limit %s", step, done, due, step, done, due))
		}
		return nil
	}
	for _, c := range []struct {
		step        string
		start, done calendar.Date
		p           calendar.Period
	}{{"accept", r.Applied, r.Accepted, limits.Accept}, {"decide", r.Accepted, r.Decided, limits.Decide},
		{"answer_objection", r.ObjectionRaised, r.ObjectionAnswered, limits.Objection}} {
		if err := late(c.step, c.start, c.done, c.p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Apply records the effect of an approved repair on rec: publicity ends
// and joint punishment stops from the decision date. A repair for another
// record, or one not approved, is an error.
func (r Repair) Apply(rec *Record) error {
	if r.Record != rec.ID {
		return fmt.Errorf("%w: 修复申请针对 %s，不是 %s / the repair is for record %s, not %s", ErrInvalidRecord, r.Record, rec.ID, r.Record, rec.ID)
	}
	if !r.Approved || r.Decided.IsZero() {
		return fmt.Errorf("%w: 修复未获批准 / the repair was not approved", ErrInvalidRecord)
	}
	rec.Repaired = r.Decided
	return nil
}
