package approval

import (
	"errors"
	"fmt"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// AlertKey identifies an alert: one per case, limit (promised or
// statutory), stage (empty for the whole case) and level. The caller keeps
// the keys that fired so that a rescan does not fire them again.
type AlertKey struct {
	// Case is the case ID.
	Case string `json:"case"`
	// Basis is the limit: promised or statutory.
	Basis Basis `json:"basis"`
	// Stage is the stage timed; empty for the whole case.
	Stage string `json:"stage,omitempty"`
	// Level is warning or overdue.
	Level Level `json:"level"`
}

// Alert is a warning or breach found by Alerts.
type Alert struct {
	AlertKey
	// Process is the case's process ID.
	Process string `json:"process"`
	// Unit is the unit handling the case.
	Unit string `json:"unit,omitempty"`
	// Due is the last day of the limit; zero when the due date is unknown
	// (see DueUnknown).
	Due calendar.Date `json:"due"`
	// DueAt is the instant the limit runs out.
	DueAt time.Time `json:"due_at"`
	// DueUnknown is the year the due date needs and the calendar does not
	// know; 0 otherwise.
	DueUnknown int `json:"due_unknown_year,omitempty"`
	// Elapsed is the time counted, in whole units of the limit.
	Elapsed int `json:"elapsed"`
	// Limit is the limit, extensions included.
	Limit calendar.Period `json:"limit"`
	// Provisional reports a timer that touched a provisional year.
	Provisional bool `json:"provisional,omitempty"`
}

// validProcess looks a case's process up and checks it once per scan.
type processCache struct {
	procs Processes
	seen  map[*Process]error
}

func (pc *processCache) get(c *Case) (*Process, error) {
	p := pc.procs[c.Process]
	if p == nil {
		return nil, fmt.Errorf("%w: 未知的事项 %q / unknown process %q", ErrInvalidCase, c.Process, c.Process)
	}
	if pc.seen == nil {
		pc.seen = map[*Process]error{}
	}
	err, ok := pc.seen[p]
	if !ok {
		err = p.Validate()
		pc.seen[p] = err
	}
	return p, err
}

// Alerts scans cases as of at and returns the warnings and breaches of
// their running timers (promised and statutory, overall and per stage)
// whose keys are not in fired, in the order of cases (within a case: the
// promised whole-case timer, the statutory one, then the stages in the
// order they ran; warning before overdue); a timer past its due time fires
// Overdue and, if it never fired, Warning too. Only events up to at count;
// a case not yet submitted at at has nothing to alert.
//
// It computes everything it can. A case it cannot evaluate (nil, an
// unknown process, an invalid log, an instant in a year the calendar does
// not know) is returned as a *CaseError and the scan goes on; a case whose
// due date lies in a year the calendar does not know still fires the
// warnings its elapsed time calls for, and is also returned as a
// *CaseError naming that year. procs and fired may be nil.
func Alerts(cases []*Case, procs Processes, at time.Time, fired map[AlertKey]bool, opts Options) ([]Alert, []error) {
	ev := &evaluator{o: opts.withDefaults(), st: &State{}, scratch: &Timer{}}
	pc := processCache{procs: procs}
	var errs []error
	var chunk []Alert
	var chunks [][]Alert
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
		err = ev.eval(c, p, at, func(t *Timer) {
			levels := [2]Level{LevelWarning, LevelOverdue}
			n := 0
			switch t.Status {
			case Overdue:
				n = 2
			case Warning:
				n = 1
			}
			for _, l := range levels[:n] {
				k := AlertKey{Case: c.ID, Basis: t.Basis, Stage: t.Stage, Level: l}
				if fired[k] {
					continue
				}
				if len(chunk) == cap(chunk) {
					if len(chunk) > 0 {
						chunks = append(chunks, chunk)
					}
					chunk = make([]Alert, 0, 4096)
				}
				chunk = append(chunk, Alert{AlertKey: k, Process: p.ID, Unit: c.Unit, Due: t.Due, DueAt: t.DueAt, DueUnknown: t.DueUnknown,
					Elapsed: t.Elapsed, Limit: t.Limit, Provisional: t.Provisional})
			}
		})
		switch {
		case errors.Is(err, ErrNotSubmitted):
		case err != nil:
			errs = append(errs, caseErr(c, i, err))
		case ev.undated != nil:
			errs = append(errs, caseErr(c, i, ev.undated))
		}
	}
	// Alerts were gathered in chunks, so that millions of them are copied
	// once rather than at every growth of one slice.
	total := len(chunk)
	for _, ch := range chunks {
		total += len(ch)
	}
	out := make([]Alert, 0, total)
	for _, ch := range chunks {
		out = append(out, ch...)
	}
	return append(out, chunk...), errs
}
