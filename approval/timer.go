package approval

import (
	"fmt"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// TimerStatus is how a limit stands.
type TimerStatus uint8

// The timer statuses.
const (
	OnTrack    TimerStatus = iota + 1 // running, below the warning share
	Warning                           // running, at or past the warning share
	Overdue                           // running, past its due date
	DoneOnTime                        // finished by its due date
	DoneLate                          // finished after its due date
)

var timerNames = []struct{ json, zh string }{{}, {"on_track", "正常"}, {"warning", "预警"}, {"overdue", "超期"}, {"done_on_time", "按时办结"}, {"done_late", "超期办结"}}

// String returns on_track, warning, overdue, done_on_time or done_late.
func (s TimerStatus) String() string {
	if int(s) < len(timerNames) && s != 0 {
		return timerNames[s].json
	}
	return fmt.Sprintf("TimerStatus(%d)", uint8(s))
}

// Chinese returns 正常, 预警, 超期, 按时办结 or 超期办结.
func (s TimerStatus) Chinese() string {
	if int(s) < len(timerNames) && s != 0 {
		return timerNames[s].zh
	}
	return s.String()
}

// MarshalText implements encoding.TextMarshaler.
func (s TimerStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Options are the clock a timer runs on.
type Options struct {
	// Calendar decides working days; nil means calendar.China().
	Calendar *calendar.Calendar
	// Location turns instants into dates; nil means calendar.Beijing().
	Location *time.Location
	// WarnAt is the share of the limit, in percent, at which a running
	// timer turns to Warning; 0 means 80.
	WarnAt int
}

func (o Options) withDefaults() Options {
	if o.Calendar == nil {
		o.Calendar = calendar.China()
	}
	if o.Location == nil {
		o.Location = calendar.Beijing()
	}
	if o.WarnAt <= 0 {
		o.WarnAt = 80
	}
	return o
}

// Timer is one limit's clock: the whole case's or one stage's.
type Timer struct {
	// Stage is the stage timed; empty for the whole case.
	Stage string `json:"stage,omitempty"`
	// Limit is the limit with its approved extensions added.
	Limit calendar.Period `json:"limit"`
	// Start is when the clock started (acceptance, or the stage's start).
	Start time.Time `json:"start"`
	// End is when it stopped for good; zero while running.
	End time.Time `json:"end"`
	// Elapsed is the time counted so far, in the limit's unit, pauses
	// excluded; for day units the start day is not counted.
	Elapsed int `json:"elapsed"`
	// Remaining is Limit.N − Elapsed in the limit's unit, as of the time
	// asked: negative when overdue.
	Remaining int `json:"remaining"`
	// Due is the last day of the limit (for hours, the day of DueAt).
	Due calendar.Date `json:"due"`
	// DueAt is the instant the limit runs out: 24:00 of Due for day units.
	DueAt time.Time `json:"due_at"`
	// Status is how the limit stands.
	Status TimerStatus `json:"status"`
	// Explanation says what moved the due date.
	Explanation Explanation `json:"explanation"`
}

// PauseEffect is what one pause did to a limit.
type PauseEffect struct {
	// Reason is why the clock stopped.
	Reason PauseReason `json:"reason"`
	// From is when it stopped.
	From time.Time `json:"from"`
	// To is when it resumed; zero while still paused.
	To time.Time `json:"to"`
	// Excluded is the time not counted, in the limit's unit.
	Excluded int `json:"excluded"`
}

// Explanation lists what lies between a timer's start and its due date:
// the holidays skipped, the weekend days worked, the pauses and
// extensions, and whether a natural-day limit ending on a day off was
// carried to the next working day.
type Explanation struct {
	// Unit is the unit of the limit, and of each pause's Excluded.
	Unit calendar.Unit `json:"unit"`
	// Holidays are the breaks between start and due date: not counted by
	// a working-day limit, counted by a natural-day one.
	Holidays []calendar.HolidayBlock `json:"holidays,omitempty"`
	// Adjusted are the weekend days worked (调休) in that span.
	Adjusted []calendar.DayInfo `json:"adjusted,omitempty"`
	// Pauses are the pauses that moved the due date.
	Pauses []PauseEffect `json:"pauses,omitempty"`
	// Extensions are the approved extensions added to the limit.
	Extensions []calendar.Period `json:"extensions,omitempty"`
	// RolledFrom is the day a natural-day limit would have ended on, when
	// that was a day off (民法典 第二百零三条); zero otherwise.
	RolledFrom calendar.Date `json:"rolled_from"`
}

// String says it in Chinese: "中秋节、国庆节 2025-10-01至2025-10-08 不计；
// 调休上班 2025-10-11（中秋节、国庆节）计入；补正暂停 2工作日".
func (e Explanation) String() string {
	var parts []string
	for _, h := range e.Holidays {
		parts = append(parts, fmt.Sprintf("%s %s至%s 不计", h.Name, h.From, h.To))
	}
	for _, a := range e.Adjusted {
		parts = append(parts, fmt.Sprintf("调休上班 %s（%s）计入", a.Date, a.Name))
	}
	for _, p := range e.Pauses {
		parts = append(parts, fmt.Sprintf("%s暂停 %d%s", p.Reason.Chinese(), p.Excluded, e.Unit))
	}
	for _, x := range e.Extensions {
		parts = append(parts, "延长 "+x.String())
	}
	if !e.RolledFrom.IsZero() {
		parts = append(parts, fmt.Sprintf("期满日 %s 为休息日，顺延至下一工作日", e.RolledFrom))
	}
	if len(parts) == 0 {
		return "无节假日、暂停或延长"
	}
	return strings.Join(parts, "；")
}

// span is a stretch of time the clock did not run.
type span struct {
	from, to time.Time
	reason   PauseReason
	// fromD and toD are the dates of from and to in the timer's location
	// (toD zero while open), worked out once per case.
	fromD, toD calendar.Date
}

// computeTimer runs one clock from start to end (zero: still running) as of
// at, with the pauses and extensions given.
func computeTimer(limit calendar.Period, start, end, at time.Time, pauses []span, ext []calendar.Period, o Options, explain bool) (Timer, error) {
	t := Timer{Limit: limit, Start: start, End: end}
	t.Explanation.Unit = limit.Unit
	for _, x := range ext {
		if x.Unit != limit.Unit {
			return t, fmt.Errorf("%w: 延长 %s 与时限 %s 单位不同 / extension %s is not in the limit's unit (%s)", ErrInvalidEvent, x, limit, x, limit)
		}
		t.Limit.N += x.N
	}
	if explain {
		t.Explanation.Extensions = ext
	}
	stop := at
	if !end.IsZero() && end.Before(at) {
		stop = end
	}
	if stop.Before(start) {
		stop = start
	}
	switch limit.Unit {
	case calendar.Hours:
		return hourTimer(t, stop, at, pauses, o, explain)
	case calendar.Workdays, calendar.Days:
		return dayTimer(t, stop, at, pauses, o, explain)
	}
	return t, fmt.Errorf("%w: 计时不支持以%s计的时限 %s / timers count working days, days or hours, not %s", ErrInvalidCase, limit.Unit, limit, limit.Unit.English())
}

func hourTimer(t Timer, stop, at time.Time, pauses []span, o Options, explain bool) (Timer, error) {
	var paused time.Duration
	for _, p := range pauses {
		from, to := clip(p, t.Start, stop)
		if !to.After(from) {
			continue
		}
		paused += to.Sub(from)
		if explain {
			t.Explanation.Pauses = append(t.Explanation.Pauses, PauseEffect{p.reason, p.from, p.to, int(to.Sub(from) / time.Hour)})
		}
	}
	t.DueAt = t.Start.Add(time.Duration(t.Limit.N)*time.Hour + paused)
	t.Due = calendar.DateOf(t.DueAt.In(o.Location))
	used := stop.Sub(t.Start) - paused
	t.Elapsed = int(used / time.Hour)
	t.Remaining = int(t.DueAt.Sub(stop) / time.Hour)
	t.Status = status(!t.End.IsZero() && !t.End.After(at), stop.After(t.DueAt), used*100 >= time.Duration(o.WarnAt)*time.Duration(t.Limit.N)*time.Hour)
	return t, nil
}

func dayTimer(t Timer, stop, at time.Time, pauses []span, o Options, explain bool) (Timer, error) {
	cal := o.Calendar
	date := func(x time.Time) calendar.Date { return calendar.DateOf(x.In(o.Location)) }
	s, a := date(t.Start), date(stop)
	count := func(from, to calendar.Date) (int, error) { // units in (from, to]
		if t.Limit.Unit == calendar.Days {
			return to.Sub(from), nil
		}
		return cal.WorkdaysBetween(from, to)
	}
	add := func(d calendar.Date, n int) (calendar.Date, error) {
		if t.Limit.Unit == calendar.Days {
			return d.AddDays(n)
		}
		return cal.AddWorkdays(d, n)
	}
	dueFor := func(excluded int) (calendar.Date, calendar.Date, error) {
		due, err := add(s, t.Limit.N+excluded)
		if err != nil || t.Limit.Unit == calendar.Workdays {
			return due, calendar.Date{}, err
		}
		rolled, err := cal.WorkdayOnOrAfter(due) // 民法典 第二百零三条
		if err != nil || rolled == due {
			return rolled, calendar.Date{}, err
		}
		return rolled, due, nil
	}
	excluded := 0
	if explain && len(pauses) > 0 {
		t.Explanation.Pauses = make([]PauseEffect, 0, len(pauses))
	}
	due, from, err := dueFor(0)
	if err != nil {
		return t, err
	}
	// Pauses in order; one that starts after the due date (as it then
	// stood) no longer moves it.
	for _, p := range pauses {
		pf, pt := clip(p, t.Start, stop)
		if pt.Before(pf) {
			continue
		}
		// The dates of the clipped ends: the pause's own, or the timer's.
		pfD, ptD := p.fromD, p.toD
		if p.from.Before(t.Start) {
			pfD = s
		}
		if p.to.IsZero() || p.to.After(stop) {
			ptD = a
		}
		if pfD.After(due) {
			continue
		}
		n, err := count(pfD, ptD)
		if err != nil {
			return t, err
		}
		if n <= 0 {
			continue
		}
		excluded += n
		if due, from, err = dueFor(excluded); err != nil {
			return t, err
		}
		if explain {
			t.Explanation.Pauses = append(t.Explanation.Pauses, PauseEffect{p.reason, p.from, p.to, n})
		}
	}
	raw, err := count(s, a)
	if err != nil {
		return t, err
	}
	t.Elapsed = max(raw-excluded, 0)
	t.Due = due
	t.DueAt = due.In(o.Location).AddDate(0, 0, 1)
	if t.Remaining, err = count(a, due); err != nil {
		return t, err
	}
	t.Status = status(!t.End.IsZero() && !t.End.After(at), a.After(due), t.Elapsed*100 >= o.WarnAt*t.Limit.N)
	if explain {
		t.Explanation.RolledFrom = from
		if err := explainDays(&t.Explanation, cal, s, due); err != nil {
			return t, err
		}
	}
	return t, nil
}

// explainDays lists the holidays (merged into breaks) and adjusted working
// days in (from, to].
func explainDays(e *Explanation, cal *calendar.Calendar, from, to calendar.Date) error {
	days, err := cal.Special(from, to)
	if err != nil {
		return err
	}
	adjusted := 0
	for _, info := range days {
		if info.Kind == calendar.Adjusted {
			adjusted++
		}
	}
	if adjusted > 0 {
		e.Adjusted = make([]calendar.DayInfo, 0, adjusted)
	}
	for _, info := range days {
		d := info.Date
		if info.Kind == calendar.Adjusted {
			e.Adjusted = append(e.Adjusted, info)
			continue
		}
		if n := len(e.Holidays); n > 0 && e.Holidays[n-1].Name == info.Name && d.Sub(e.Holidays[n-1].To) == 1 {
			e.Holidays[n-1].To = d
			e.Holidays[n-1].Days++
			continue
		}
		e.Holidays = append(e.Holidays, calendar.HolidayBlock{Festival: info.Festival, Name: info.Name, From: d, To: d, Days: 1})
	}
	return nil
}

func status(done, late, warn bool) TimerStatus {
	switch {
	case done && late:
		return DoneLate
	case done:
		return DoneOnTime
	case late:
		return Overdue
	case warn:
		return Warning
	}
	return OnTrack
}

// clip returns the part of a pause inside [start, stop]; an open pause runs
// to stop.
func clip(p span, start, stop time.Time) (time.Time, time.Time) {
	from, to := p.from, p.to
	if to.IsZero() || to.After(stop) {
		to = stop
	}
	if from.Before(start) {
		from = start
	}
	return from, to
}

// Report is a case's timers as of an instant.
type Report struct {
	// Case is the case ID.
	Case string `json:"case"`
	// Process is the process ID.
	Process string `json:"process"`
	// At is the instant the timers are as of.
	At time.Time `json:"at"`
	// State is the case's replayed state.
	State *State `json:"state"`
	// Overall times the whole case from acceptance; nil when the process
	// has no overall limit or the case is not accepted yet.
	Overall *Timer `json:"overall,omitempty"`
	// Stages times each started stage that has its own limit.
	Stages []Timer `json:"stages,omitempty"`
}

// Status replays c and returns its timers as of at, with explanations.
// A date in a year the calendar does not know is an error wrapping
// calendar.ErrUnknownYear: the timer never guesses.
func Status(c *Case, p *Process, at time.Time, opts Options) (*Report, error) {
	return status2(c, p, at, opts, true)
}

func status2(c *Case, p *Process, at time.Time, opts Options, explain bool) (*Report, error) {
	st := &State{}
	r := &Report{Case: c.ID, Process: p.ID, At: at, State: st}
	var pauses []span
	err := eachTimer(c, p, at, opts.withDefaults(), explain, st, &pauses, func(t *Timer) {
		if t.Stage == "" {
			x := *t
			r.Overall = &x
		} else {
			r.Stages = append(r.Stages, *t)
		}
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// eachTimer replays c into st and calls fn with the overall timer (if the
// process has an overall limit) and then each timed stage's. pauses is
// scratch space, kept between calls. o must have its defaults.
func eachTimer(c *Case, p *Process, at time.Time, o Options, explain bool, st *State, scratch *[]span, fn func(*Timer)) error {
	if err := replayInto(c, p, st); err != nil {
		return err
	}
	if st.Accepted.IsZero() {
		return nil
	}
	pauses := (*scratch)[:0]
	for _, ps := range st.Pauses {
		sp := span{from: ps.From, to: ps.To, reason: ps.Reason, fromD: calendar.DateOf(ps.From.In(o.Location))}
		if !ps.To.IsZero() {
			sp.toD = calendar.DateOf(ps.To.In(o.Location))
		}
		pauses = append(pauses, sp)
	}
	*scratch = pauses
	extensions := func(stage string) []calendar.Period {
		var ext []calendar.Period
		for _, x := range st.Extensions {
			if x.Stage == stage {
				ext = append(ext, x.Period)
			}
		}
		return ext
	}
	if p.Promised != nil {
		t, err := computeTimer(*p.Promised, st.Accepted, st.Ended, at, pauses, extensions(""), o, explain)
		if err != nil {
			return fmt.Errorf("approval: 办件 %s / case %s: %w", c.ID, c.ID, err)
		}
		fn(&t)
	}
	for _, ss := range st.Stages {
		stage, _ := p.Stage(ss.Name)
		if stage.Limit == nil {
			continue
		}
		t, err := computeTimer(*stage.Limit, ss.Started, ss.Finished, at, pauses, extensions(ss.Name), o, explain)
		if err != nil {
			return fmt.Errorf("approval: 办件 %s 环节 %s / case %s stage %s: %w", c.ID, ss.Name, c.ID, ss.Name, err)
		}
		t.Stage = ss.Name
		fn(&t)
	}
	return nil
}
