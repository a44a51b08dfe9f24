package credit

import (
	"fmt"
	"slices"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// RepairLimits are the working-day limits of a repair (信用修复). Sources
// cites, by limit (accept, decide, feedback, objection), the rule that sets
// it; a limit it does not cite is bizenv's default, for the caller to set.
// A zero period sets no limit.
type RepairLimits struct {
	// Accept: from the application reaching the deciding department to its
	// decision to accept it.
	Accept calendar.Period `json:"accept"`
	// Decide: from acceptance to the decision on the repair.
	Decide calendar.Period `json:"decide"`
	// Feedback: from the application to the result given back to the
	// applicant, whoever decides.
	Feedback calendar.Period `json:"feedback"`
	// Objection: from an objection (异议) to its answer.
	Objection calendar.Period `json:"objection"`
	// Sources cites the rule of each limit that has one, by limit name.
	Sources map[string]string `json:"sources,omitempty"`
}

// The limits' names, as Step.Name and in RepairLimits.Sources.
const (
	StepAccept    = "accept"
	StepDecide    = "decide"
	StepFeedback  = "feedback"
	StepObjection = "answer_objection"
)

// RepairLimitsCitation is how RepairLimits.Sources and the findings of
// Check cite the limits RepairLimitsOn takes from 国办发〔2025〕22号.
const RepairLimitsCitation = "国办发〔2025〕22号“明确信用修复办理期限”"

// RepairLimitsSource cites the section of 国办发〔2025〕22号 whose figures
// RepairLimitsOn uses, and says how far they were confirmed.
const RepairLimitsSource = "国务院办公厅《关于进一步完善信用修复制度的实施方案》（国办发〔2025〕22号，2025年6月22日）“明确信用修复办理期限”一节：" +
	"3个工作日内作出是否受理的决定；“信用中国”网站一般自收到信用修复申请之日起10个工作日内反馈信用修复结果，因案情复杂或需进行核查的可以延长。" +
	"（据《经济日报》2025年7月11日解读与多处转载的原文片段，原文全文未读；自受理至提供修复结果的期限、延长的期限未能核实）/ " +
	"国办发〔2025〕22号, the section on repair time limits: 3 working days to decide whether to accept; the result given back within 10 working days of the application, normally, " +
	"extensible for complex cases (from an Economic Daily reading of 2025-07-11 and fragments of the text as reprinted; the full text was not read; " +
	"the limit from acceptance to the result and the length of an extension could not be confirmed)"

// DefaultRepairLimits returns bizenv's defaults, cited by no rule: 3
// working days to accept, 5 to decide, 10 to give the result back, 5 to
// answer an objection. RepairLimitsOn replaces those a rule sets.
func DefaultRepairLimits() RepairLimits {
	wd := func(n int) calendar.Period { return calendar.Period{N: n, Unit: calendar.Workdays} }
	return RepairLimits{Accept: wd(3), Decide: wd(5), Feedback: wd(10), Objection: wd(5)}
}

// RepairLimitsOn returns the limits for an application made on applied.
// From 2025-06-22 (国办发〔2025〕22号; see RepairLimitsSource) two are set by
// rule: 3 working days to decide whether to accept, and 10 working days
// from the application to the result, normally (a complex case may be
// extended: set Repair.Extended). The time from acceptance to the decision
// and the answer to an objection have no national figure that bizenv could
// confirm: they stay bizenv's defaults. Before that date every limit is
// bizenv's default.
func RepairLimitsOn(applied calendar.Date) RepairLimits {
	l := DefaultRepairLimits()
	if !applied.Before(date(2025, time.June, 22)) {
		l.Sources = map[string]string{StepAccept: RepairLimitsCitation, StepFeedback: RepairLimitsCitation}
	}
	return l
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
	// Extended marks a complex case whose handling was extended, as
	// 国办发〔2025〕22号 allows: the feedback limit is then not checked.
	Extended bool `json:"extended,omitempty"`
	// Met lists the conditions of repair the applicant has shown
	// (CondDutiesFulfilled, CondCommitment); the shortest publicity is
	// worked out from the dates.
	Met []string `json:"met,omitempty"`
}

// Step is a repair's next step and when it is due.
type Step struct {
	// Name is accept, decide or answer_objection; empty when nothing is due.
	Name string `json:"name"`
	// Due is the step's last day.
	Due calendar.Date `json:"due"`
}

// Next returns the step the authority owes next and its due date, counted
// on cal (nil: calendar.China()) under limits. The decision is due by the
// earlier of its own limit and the feedback limit, unless the case was
// extended.
func (r Repair) Next(cal *calendar.Calendar, limits RepairLimits) (Step, error) {
	if cal == nil {
		cal = calendar.China()
	}
	due := func(from calendar.Date, p calendar.Period) (calendar.Date, bool, error) {
		if p.N == 0 {
			return calendar.Date{}, false, nil
		}
		d, err := cal.Deadline(from, p)
		return d, err == nil, err
	}
	var name string
	var from calendar.Date
	var p calendar.Period
	switch {
	case !r.ObjectionRaised.IsZero() && r.ObjectionAnswered.IsZero():
		name, from, p = StepObjection, r.ObjectionRaised, limits.Objection
	case r.Applied.IsZero():
		return Step{}, nil
	case r.Accepted.IsZero() && r.Decided.IsZero():
		name, from, p = StepAccept, r.Applied, limits.Accept
	case r.Decided.IsZero():
		name, from, p = StepDecide, r.Accepted, limits.Decide
	default:
		return Step{}, nil
	}
	d, ok, err := due(from, p)
	if err != nil {
		return Step{}, err
	}
	if name != StepObjection && !r.Extended {
		fb, fok, err := due(r.Applied, limits.Feedback)
		if err != nil {
			return Step{}, err
		}
		if fok && (!ok || fb.Before(d)) {
			d, ok = fb, true
		}
	}
	if !ok {
		return Step{Name: name}, nil
	}
	return Step{Name: name, Due: d}, nil
}

// Check returns every rule the repair breaks against its record: applied
// before repair is allowed (the shortest publicity), steps out of order,
// steps later than their limits, the result later than the feedback limit
// (unless extended). Findings are in Chinese and English, and name the
// rule of each limit or say it is bizenv's default.
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
	if !r.Applied.IsZero() {
		rules, err := RepairRulesOn(rec.Decided)
		if err != nil {
			out = append(out, fmt.Sprintf("记录决定日 %s 早于 bizenv 收录的信用修复规则，未检查修复条件 / the record was decided on %s, before any repair rules bizenv models: conditions not checked", rec.Decided, rec.Decided))
		}
		for _, c := range rules.Conditions {
			if c.ID == CondMinPublicity || c.ID == CondOtherLaw || slices.Contains(r.Met, c.ID) {
				continue
			}
			out = append(out, fmt.Sprintf("未表明已满足修复条件 %s：%s（%s）/ condition %s not shown: %s (%s)", c.ID, c.ZH, c.Source, c.ID, c.EN, c.Source))
		}
	}
	late := func(step string, start, done calendar.Date, p calendar.Period) error {
		if start.IsZero() || done.IsZero() {
			return nil
		}
		if done.Before(start) {
			out = append(out, fmt.Sprintf("%s 早于前一步骤 / %s comes before the step it follows", step, step))
			return nil
		}
		if p.N == 0 {
			return nil
		}
		due, err := cal.Deadline(start, p)
		if err != nil {
			return err
		}
		if done.After(due) {
			basis := "bizenv 默认期限 / bizenv's default limit"
			if src, ok := limits.Sources[step]; ok {
				basis = src
			}
			out = append(out, fmt.Sprintf("%s 于 %s 完成，晚于%s的期限 %s（%s）/ %s done on %s, after its limit of %s, %s (%s)", step, done, p, due, basis, step, done, p.English(), due, basis))
		}
		return nil
	}
	steps := []struct {
		step        string
		start, done calendar.Date
		p           calendar.Period
	}{{StepAccept, r.Applied, r.Accepted, limits.Accept}, {StepDecide, r.Accepted, r.Decided, limits.Decide},
		{StepObjection, r.ObjectionRaised, r.ObjectionAnswered, limits.Objection}}
	if !r.Extended {
		steps = append(steps, struct {
			step        string
			start, done calendar.Date
			p           calendar.Period
		}{StepFeedback, r.Applied, r.Decided, limits.Feedback})
	}
	for _, c := range steps {
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
