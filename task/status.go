package task

import (
	"errors"
	"fmt"
)

// Sentinel errors.
var (
	// ErrInvalidTransition reports a status change the lifecycle does not
	// allow (done -> in progress).
	ErrInvalidTransition = errors.New("task: invalid status transition")
	// ErrInvalidEntry reports a ledger entry that cannot be appended.
	ErrInvalidEntry = errors.New("task: invalid ledger entry")
	// ErrInvalidDeadline reports deadline text that cannot be read.
	ErrInvalidDeadline = errors.New("task: invalid deadline")
	// ErrInvalidTask reports a task that breaks a rule: no one accountable,
	// a milestone after the deadline, a delegate due after its delegator, a
	// delegation cycle.
	ErrInvalidTask = errors.New("task: invalid task")
	// ErrInvalidValue reports an enumerated value that is not one of its
	// names.
	ErrInvalidValue = errors.New("task: invalid value")
)

// Status is where a task stands. Overdue is not a status: it is computed
// as of a date (Task.Overdue).
type Status uint8

// The statuses. The zero Status is NotStarted.
const (
	NotStarted Status = iota // 未启动
	InProgress               // 推进中
	Done                     // 已完成
	Suspended                // 暂缓
	Cancelled                // 已取消
)

var statusNames = []struct{ json, zh string }{{"not_started", "未启动"}, {"in_progress", "推进中"}, {"done", "已完成"}, {"suspended", "暂缓"}, {"cancelled", "已取消"}}

// transitions lists where each status may go.
var transitions = map[Status][]Status{
	NotStarted: {InProgress, Suspended, Cancelled, Done},
	InProgress: {Done, Suspended, Cancelled},
	Suspended:  {InProgress, Cancelled},
}

// CanBecome reports whether a task in s may move to next.
func (s Status) CanBecome(next Status) bool {
	for _, n := range transitions[s] {
		if n == next {
			return true
		}
	}
	return false
}

// Open reports whether the task still has work to do (not done, not
// cancelled).
func (s Status) Open() bool { return s != Done && s != Cancelled }

// String returns the JSON name: not_started, in_progress, done, suspended,
// cancelled.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s].json
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// Chinese returns 未启动, 推进中, 已完成, 暂缓 or 已取消.
func (s Status) Chinese() string {
	if int(s) < len(statusNames) {
		return statusNames[s].zh
	}
	return s.String()
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) {
	if int(s) >= len(statusNames) {
		return nil, fmt.Errorf("%w: status %d", ErrInvalidValue, uint8(s))
	}
	return []byte(statusNames[s].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if string(b) == n.json || string(b) == n.zh {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的状态 %q / unknown status %q", ErrInvalidValue, b, b)
}
