package indicator

import (
	"errors"
	"fmt"
)

// Sentinel errors; every error this package returns wraps one of them.
var (
	// ErrInvalidTarget reports target text that cannot be read ("很好").
	ErrInvalidTarget = errors.New("indicator: invalid target")
	// ErrInvalidPeriod reports a period that is not 2025, 2025Q3 or 2025-06.
	ErrInvalidPeriod = errors.New("indicator: invalid period")
	// ErrUnitMismatch reports a value in a unit that cannot be converted to
	// the unit asked for (天 to 工作日, 个 to 家).
	ErrUnitMismatch = errors.New("indicator: unit mismatch")
	// ErrInvalidSystem reports an indicator system that cannot be evaluated:
	// a cycle, a negative weight, a leaf without a measure, a duplicate code.
	ErrInvalidSystem = errors.New("indicator: invalid system")
	// ErrInvalidObservation reports an observation that does not fit the
	// system: unknown indicator, wrong unit, a second final value.
	ErrInvalidObservation = errors.New("indicator: invalid observation")
	// ErrInvalidValue reports an enumerated value (direction, attribute ...)
	// that is not one of its names.
	ErrInvalidValue = errors.New("indicator: invalid value")
)

// msg is a message for people, in Chinese and English.
type msg struct{ zh, en string }

// String joins the two languages: 中文 / English.
func (m msg) String() string { return m.zh + " / " + m.en }

func errf(sentinel error, zh, en string, a ...any) error {
	return fmt.Errorf("%w: %s / %s", sentinel, fmt.Sprintf(zh, a...), fmt.Sprintf(en, a...))
}

// TargetError reports target text that could not be parsed, and why.
// It matches ErrInvalidTarget with errors.Is.
type TargetError struct {
	// Text is the target text as given.
	Text string
	// Reason says, in Chinese and English, what was expected.
	Reason string
}

// Error describes the failure in Chinese and English.
func (e *TargetError) Error() string {
	return fmt.Sprintf("indicator: 无法解析目标值 %q / cannot parse target %q: %s", e.Text, e.Text, e.Reason)
}

// Is reports whether target is ErrInvalidTarget.
func (e *TargetError) Is(target error) bool { return target == ErrInvalidTarget }
