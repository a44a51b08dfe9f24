package approval

import (
	"fmt"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// Level is how serious an alert is.
type Level string

// The alert levels.
const (
	LevelWarning Level = "warning" // the warning share of the limit is used
	LevelOverdue Level = "overdue" // the limit has run out
)

// AlertKey identifies an alert: one per case, stage (empty for the whole
// case) and level. The caller keeps the keys that fired so that a rescan
// does not fire them again.
type AlertKey struct {
	// Case is the case ID.
	Case string `json:"case"`
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
	// Due is the last day of the limit.
	Due calendar.Date `json:"due"`
	// DueAt is the instant the limit runs out.
	DueAt time.Time `json:"due_at"`
	// Elapsed is the time counted, in the limit's unit.
	Elapsed int `json:"elapsed"`
	// Limit is the limit, extensions included.
	Limit calendar.Period `json:"limit"`
}

// CaseError is a case Alerts or Statistics could not evaluate; the scan
// goes on without it.
type CaseError struct {
	// Case is the case ID.
	Case string
	// Err is what went wrong.
	Err error
}

// Error names the case and the problem.
func (e *CaseError) Error() string {
	return fmt.Sprintf("approval: 办件 / case %s: %v", e.Case, e.Err)
}

// Unwrap returns the underlying error.
func (e *CaseError) Unwrap() error { return e.Err }

// Processes maps process IDs to processes for scans over many cases.
type Processes map[string]*Process

// CatalogProcesses returns the catalog as a Processes map.
func CatalogProcesses() Processes {
	m := Processes{}
	for _, p := range Catalog() {
		p := p
		m[p.ID] = &p
	}
	return m
}

// Alerts scans cases as of at and returns the warnings and breaches of
// their running timers (overall and per stage) whose keys are not in
// fired, in the order of cases (within a case: the whole case's timer,
// then its stages in the order they ran; warning before overdue); a timer
// past its due date fires Overdue and, if it never fired, Warning too. Cases that cannot be
// evaluated (an unknown process, an invalid log, a date past the
// calendar's years) are returned as *CaseError values and do not stop the
// scan. fired may be nil.
func Alerts(cases []*Case, procs Processes, at time.Time, fired map[AlertKey]bool, opts Options) ([]Alert, []error) {
	opts = opts.withDefaults()
	var out []Alert
	var errs []error
	var st State
	var pauses []span
	var chunk []Alert
	var chunks [][]Alert
	for _, c := range cases {
		p := procs[c.Process]
		if p == nil {
			errs = append(errs, &CaseError{c.ID, fmt.Errorf("%w: 未知的事项 %q / unknown process %q", ErrInvalidCase, c.Process, c.Process)})
			continue
		}
		err := eachTimer(c, p, at, opts, false, &st, &pauses, func(t *Timer) {
			levels := [2]Level{LevelWarning, LevelOverdue}
			n := 0
			switch t.Status {
			case Overdue:
				n = 2
			case Warning:
				n = 1
			}
			for _, l := range levels[:n] {
				k := AlertKey{Case: c.ID, Stage: t.Stage, Level: l}
				if fired[k] {
					continue
				}
				if len(chunk) == cap(chunk) {
					if len(chunk) > 0 {
						chunks = append(chunks, chunk)
					}
					chunk = make([]Alert, 0, 4096)
				}
				chunk = append(chunk, Alert{AlertKey: k, Process: p.ID, Unit: c.Unit, Due: t.Due, DueAt: t.DueAt, Elapsed: t.Elapsed, Limit: t.Limit})
			}
		})
		if err != nil {
			errs = append(errs, &CaseError{c.ID, err})
		}
	}
	// Alerts were gathered in chunks, so that millions of them are copied
	// once rather than at every growth of one slice.
	total := len(chunk)
	for _, ch := range chunks {
		total += len(ch)
	}
	out = make([]Alert, 0, total)
	for _, ch := range chunks {
		out = append(out, ch...)
	}
	out = append(out, chunk...)
	return out, errs
}
