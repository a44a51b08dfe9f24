package approval

import (
	"errors"
	"fmt"

	"github.com/bizenv/bizenv/calendar"
)

// Sentinel errors; every error this package returns wraps one of them (or
// a calendar error, such as calendar.ErrUnknownYear, passed through).
var (
	// ErrInvalidEvent reports an event that cannot follow the case's
	// history: out of order, a resume without a pause, a second finish, an
	// extension the process does not allow.
	ErrInvalidEvent = errors.New("approval: invalid event")
	// ErrInvalidCase reports a malformed case: nil, no ID, no events, a
	// process other than the one given, JSON that is not a case.
	ErrInvalidCase = errors.New("approval: invalid case")
	// ErrUnknownStage reports a stage name the process does not have.
	ErrUnknownStage = errors.New("approval: unknown stage")
	// ErrInvalidProcess reports a process that cannot time a case: nil, no
	// ID, a limit in months, an extension in another unit than the limit it
	// extends, malformed working hours.
	ErrInvalidProcess = errors.New("approval: invalid process")
	// ErrNotSubmitted reports an instant before the case was submitted: a
	// case has no status before it exists.
	ErrNotSubmitted = errors.New("approval: not submitted yet")
)

// EventError names the case and the event that was rejected, and why.
// It matches ErrInvalidEvent (or ErrUnknownStage) with errors.Is.
type EventError struct {
	// Case is the case ID.
	Case string
	// Index is the event's position in the log (0-based).
	Index int
	// Kind is the event's kind.
	Kind EventKind
	// Reason says, in Chinese and English, what is wrong.
	Reason string
	err    error
}

// Error describes the rejection in Chinese and English.
func (e *EventError) Error() string {
	return fmt.Sprintf("approval: 办件 %s 第%d个事件（%s）无效 / case %s event %d (%s) rejected: %s",
		e.Case, e.Index, e.Kind, e.Case, e.Index, e.Kind, e.Reason)
}

// Unwrap returns the sentinel.
func (e *EventError) Unwrap() error { return e.err }

func eventErr(c *Case, i int, k EventKind, sentinel error, zh, en string) *EventError {
	return &EventError{Case: c.ID, Index: i, Kind: k, Reason: zh + " / " + en, err: sentinel}
}

// CaseError is a case that a function over many cases (Alerts,
// Statistics) could not evaluate in full; the scan goes on without it, or
// with what could be computed.
type CaseError struct {
	// Case is the case ID ("" for a nil case or one without an ID).
	Case string
	// Index is the case's position in the slice given.
	Index int
	// Year is the year whose holiday notice the case needs, when a date
	// could not be placed because the calendar does not know that year
	// yet; 0 otherwise.
	Year int
	// Err is what went wrong.
	Err error
}

// Error names the case and the problem, in Chinese and English.
func (e *CaseError) Error() string {
	if e.Year != 0 {
		return fmt.Sprintf("approval: 办件 %s（第%d件）需要%d年的节假日安排，待该年通知发布后才能确定 / case %s (#%d) needs the %d holiday notice: %v",
			e.Case, e.Index, e.Year, e.Case, e.Index, e.Year, e.Err)
	}
	return fmt.Sprintf("approval: 办件 %s（第%d件）/ case %s (#%d): %v", e.Case, e.Index, e.Case, e.Index, e.Err)
}

// Unwrap returns the underlying error.
func (e *CaseError) Unwrap() error { return e.Err }

func caseErr(c *Case, i int, err error) *CaseError {
	ce := &CaseError{Index: i, Err: err}
	if c != nil {
		ce.Case = c.ID
	}
	var uy *calendar.UnknownYearError
	if errors.As(err, &uy) {
		ce.Year = uy.Year
	}
	return ce
}
