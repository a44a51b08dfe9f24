package approval

import (
	"errors"
	"fmt"
)

// Sentinel errors; every error this package returns wraps one of them (or
// a calendar error, such as calendar.ErrUnknownYear, passed through).
var (
	// ErrInvalidEvent reports an event that cannot follow the case's
	// history: out of order, a resume without a pause, a second finish.
	ErrInvalidEvent = errors.New("approval: invalid event")
	// ErrInvalidCase reports a malformed case: no ID, an unknown process.
	ErrInvalidCase = errors.New("approval: invalid case")
	// ErrUnknownStage reports a stage name the process does not have.
	ErrUnknownStage = errors.New("approval: unknown stage")
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
