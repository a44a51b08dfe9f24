package approval

import (
	"fmt"
	"sort"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
)

// Group says what a row of statistics covers: a process as a whole (Stage
// and Unit empty), one stage of it, or one handling unit's cases of it.
type Group struct {
	// Process is the process ID.
	Process string `json:"process"`
	// Stage is the stage, for a stage row.
	Stage string `json:"stage,omitempty"`
	// Unit is the handling unit, for a unit row.
	Unit string `json:"unit,omitempty"`
}

// Stats summarises finished cases of one group.
type Stats struct {
	Group
	// Count is the number of finished cases (or stages) counted.
	Count int `json:"count"`
	// Limit is the limit durations are measured in: the process's promised
	// limit (its statutory one when it promises none), or the stage's.
	// Durations are in its unit, counted as its timer counts them (working
	// hours for working days).
	Limit calendar.Period `json:"limit"`
	// Mean is the mean duration, pauses excluded, in the limit's unit, to
	// two decimal places.
	Mean decimal.Decimal `json:"mean"`
	// Median is the median duration (the mean of the middle two for an
	// even count).
	Median decimal.Decimal `json:"median"`
	// P90 is the nearest-rank 90th percentile duration.
	P90 decimal.Decimal `json:"p90"`
	// OnTime is the share finished by the due time, 0–1.
	OnTime decimal.Decimal `json:"on_time"`
	// Compression is 1 − mean time used / statutory limit, the time used
	// counted as the statutory timer counts it (0.8318 for 压缩83.18%); not
	// Valid when the process has no statutory limit, and for stage rows.
	Compression decimal.NullDecimal `json:"compression"`
	// Stages is the average number of stages run per case.
	Stages decimal.Decimal `json:"stages"`
	// Materials is the average number of materials received per case.
	Materials decimal.Decimal `json:"materials"`
	// Visits is the average number of in-person visits per case.
	Visits decimal.Decimal `json:"visits"`
}

// acc gathers one group's figures, durations in seconds of counted time.
type acc struct {
	limit                             calendar.Period
	unit                              int64 // seconds in one unit of limit
	durations                         []int64
	onTime, stages, materials, visits int
	statutory                         *calendar.Period
	statUnit                          int64
	statUsed                          int64 // seconds of statutory time used, summed
	statCount                         int
}

// Statistics summarises the finished cases among cases by process, by
// process and stage (stages with their own limit), and by process and
// unit. Durations are measured as the timers measure them, as of each
// case's end. Cases that are not finished are skipped; it computes
// everything it can, and each case it cannot evaluate (nil, an unknown
// process, an invalid log, an end in a year the calendar does not know) is
// returned as a *CaseError, naming the year it needs where that is the
// reason. A due date past the calendar's years does not stop a case being
// counted: it ended before its due date, so on time. Rows are sorted by
// process, then stage, then unit.
func Statistics(cases []*Case, procs Processes, opts Options) ([]Stats, []error) {
	ev := &evaluator{o: opts.withDefaults(), st: &State{}, scratch: &Timer{}}
	pc := processCache{procs: procs}
	groups := map[Group]*acc{}
	get := func(g Group, limit calendar.Period, t *Timer) *acc {
		a := groups[g]
		if a == nil {
			a = &acc{limit: limit, unit: unitSeconds(limit.Unit, t.Explanation.DaySeconds)}
			groups[g] = a
		}
		return a
	}
	var errs []error
	rows := make([]*acc, 0, 2) // the rows a case's whole-case timer counts in
	for i, c := range cases {
		if c == nil {
			errs = append(errs, caseErr(nil, i, fmt.Errorf("%w: 空办件 / a nil case", ErrInvalidCase)))
			continue
		}
		p, err := pc.get(c)
		if err != nil {
			errs = append(errs, caseErr(c, i, err))
			continue
		}
		// The timers as of the end; skipped unless the case is done.
		n := len(c.Events)
		if n == 0 || c.Events[n-1].Kind != Finished {
			if n == 0 {
				errs = append(errs, caseErr(c, i, fmt.Errorf("%w: 办件 %s 没有事件 / case %s has no events", ErrInvalidCase, c.ID, c.ID)))
			} else if err := replayInto(c, p, ev.st, n); err != nil {
				errs = append(errs, caseErr(c, i, err))
			}
			continue
		}
		ended := c.Events[n-1].At
		// The whole-case row uses the promised timer, or the statutory one
		// when nothing is promised.
		main := Promised
		if p.Promised == nil {
			main = Statutory
		}
		rows = rows[:0]
		err = ev.eval(c, p, ended, func(t *Timer) {
			if t.Stage != "" {
				stage, _ := p.Stage(t.Stage)
				get(Group{Process: p.ID, Stage: t.Stage}, *stage.Limit, t).add(t, ev.st)
				return
			}
			if t.Basis == main {
				limit := p.Promised
				if main == Statutory {
					limit = p.Statutory
				}
				rows = append(rows, get(Group{Process: p.ID}, *limit, t))
				if c.Unit != "" {
					rows = append(rows, get(Group{Process: p.ID, Unit: c.Unit}, *limit, t))
				}
				for _, a := range rows {
					a.add(t, ev.st)
				}
			}
			if t.Basis == Statutory {
				for _, a := range rows {
					a.statutory = p.Statutory
					a.statUnit = unitSeconds(p.Statutory.Unit, t.Explanation.DaySeconds)
					a.statUsed += t.ElapsedSeconds
					a.statCount++
				}
			}
		})
		if err != nil {
			errs = append(errs, caseErr(c, i, err))
		}
	}
	out := make([]Stats, 0, len(groups))
	for g, a := range groups {
		out = append(out, a.stats(g))
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Group, out[j].Group
		if a.Process != b.Process {
			return a.Process < b.Process
		}
		if a.Stage != b.Stage {
			return a.Stage < b.Stage
		}
		return a.Unit < b.Unit
	})
	return out, errs
}

func (a *acc) add(t *Timer, st *State) {
	a.durations = append(a.durations, t.ElapsedSeconds)
	if t.Status == DoneOnTime {
		a.onTime++
	}
	a.stages += len(st.Stages)
	a.materials += st.Materials
	a.visits += st.Visits
}

func (a *acc) stats(g Group) Stats {
	n := len(a.durations)
	s := Stats{Group: g, Count: n, Limit: a.limit}
	if n == 0 {
		return s
	}
	sort.Slice(a.durations, func(i, j int) bool { return a.durations[i] < a.durations[j] })
	var sum int64
	for _, d := range a.durations {
		sum += d
	}
	count := decimal.NewFromInt(int64(n))
	unit := decimal.NewFromInt(a.unit)
	inUnits := func(sec int64, by decimal.Decimal) decimal.Decimal {
		return decimal.NewFromInt(sec).DivRound(by.Mul(unit), 2)
	}
	avg := func(total int) decimal.Decimal { return decimal.NewFromInt(int64(total)).DivRound(count, 2) }
	s.Mean = inUnits(sum, count)
	if n%2 == 1 {
		s.Median = inUnits(a.durations[n/2], decimal.NewFromInt(1))
	} else {
		s.Median = inUnits(a.durations[n/2-1]+a.durations[n/2], decimal.NewFromInt(2))
	}
	s.P90 = inUnits(a.durations[(9*n+9)/10-1], decimal.NewFromInt(1)) // nearest rank: ceil(0.9 n)
	s.OnTime = decimal.NewFromInt(int64(a.onTime)).DivRound(count, 4)
	if a.statutory != nil && a.statCount > 0 && a.statutory.N > 0 {
		limit := decimal.NewFromInt(int64(a.statutory.N) * a.statUnit).Mul(decimal.NewFromInt(int64(a.statCount)))
		s.Compression = decimal.NewNullDecimal(decimal.NewFromInt(1).Sub(decimal.NewFromInt(a.statUsed).DivRound(limit, 4)))
	}
	s.Stages, s.Materials, s.Visits = avg(a.stages), avg(a.materials), avg(a.visits)
	return s
}
