package approval

import (
	"fmt"
	"sort"
	"time"

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
	// Limit is the limit durations are measured in (the process's promised
	// limit, or the stage's); durations are in its unit.
	Limit calendar.Period `json:"limit"`
	// Mean is the mean duration, pauses excluded, in the limit's unit, to
	// two decimal places.
	Mean decimal.Decimal `json:"mean"`
	// Median is the median duration (the mean of the middle two for an
	// even count).
	Median decimal.Decimal `json:"median"`
	// P90 is the nearest-rank 90th percentile duration.
	P90 decimal.Decimal `json:"p90"`
	// OnTime is the share finished by the due date, 0–1.
	OnTime decimal.Decimal `json:"on_time"`
	// Compression is 1 − Mean / statutory limit (0.8318 for 压缩83.18%);
	// not Valid when the process has no statutory limit in the same unit.
	Compression decimal.NullDecimal `json:"compression"`
	// Stages is the average number of stages run per case.
	Stages decimal.Decimal `json:"stages"`
	// Materials is the average number of materials received per case.
	Materials decimal.Decimal `json:"materials"`
	// Visits is the average number of in-person visits per case.
	Visits decimal.Decimal `json:"visits"`
}

// acc gathers one group's figures.
type acc struct {
	limit                             calendar.Period
	statutory                         *calendar.Period
	durations                         []int
	onTime, stages, materials, visits int
}

// Statistics summarises the finished cases among cases by process, by
// process and stage (stages with their own limit), and by process and
// unit. Durations are measured as the timers measure them. Cases that are
// not finished are skipped; cases that cannot be evaluated are returned as
// *CaseError values and do not stop the count. Rows are sorted by process,
// then stage, then unit.
func Statistics(cases []*Case, procs Processes, opts Options) ([]Stats, []error) {
	opts = opts.withDefaults()
	groups := map[Group]*acc{}
	get := func(g Group, limit calendar.Period, statutory *calendar.Period) *acc {
		a := groups[g]
		if a == nil {
			a = &acc{limit: limit, statutory: statutory}
			groups[g] = a
		}
		return a
	}
	var errs []error
	var st State
	var pauses []span
	for _, c := range cases {
		p := procs[c.Process]
		if p == nil {
			errs = append(errs, &CaseError{c.ID, fmt.Errorf("%w: 未知的事项 %q / unknown process %q", ErrInvalidCase, c.Process, c.Process)})
			continue
		}
		// The timers as of the end; skipped below unless the case is done.
		var ended time.Time
		if n := len(c.Events); n > 0 && c.Events[n-1].Kind == Finished {
			ended = c.Events[n-1].At
		} else {
			if err := replayInto(c, p, &st); err != nil {
				errs = append(errs, &CaseError{c.ID, err})
			}
			continue
		}
		err := eachTimer(c, p, ended, opts, false, &st, &pauses, func(t *Timer) {
			if t.Stage == "" {
				get(Group{Process: p.ID}, *p.Promised, p.Statutory).add(t, &st)
				if c.Unit != "" {
					get(Group{Process: p.ID, Unit: c.Unit}, *p.Promised, p.Statutory).add(t, &st)
				}
				return
			}
			stage, _ := p.Stage(t.Stage)
			get(Group{Process: p.ID, Stage: t.Stage}, *stage.Limit, nil).add(t, &st)
		})
		if err != nil {
			errs = append(errs, &CaseError{c.ID, err})
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
	a.durations = append(a.durations, t.Elapsed)
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
	sort.Ints(a.durations)
	sum := 0
	for _, d := range a.durations {
		sum += d
	}
	count := decimal.NewFromInt(int64(n))
	avg := func(total int) decimal.Decimal { return decimal.NewFromInt(int64(total)).DivRound(count, 2) }
	s.Mean = avg(sum)
	if n%2 == 1 {
		s.Median = decimal.NewFromInt(int64(a.durations[n/2]))
	} else {
		s.Median = decimal.NewFromInt(int64(a.durations[n/2-1]+a.durations[n/2])).DivRound(decimal.NewFromInt(2), 2)
	}
	s.P90 = decimal.NewFromInt(int64(a.durations[(9*n+9)/10-1])) // nearest rank: ceil(0.9 n)
	s.OnTime = decimal.NewFromInt(int64(a.onTime)).DivRound(count, 4)
	if a.statutory != nil && a.statutory.Unit == a.limit.Unit && a.statutory.N > 0 {
		s.Compression = decimal.NewNullDecimal(decimal.NewFromInt(1).Sub(decimal.NewFromInt(int64(sum)).DivRound(count.Mul(decimal.NewFromInt(int64(a.statutory.N))), 4)))
	}
	s.Stages, s.Materials, s.Visits = avg(a.stages), avg(a.materials), avg(a.visits)
	return s
}
