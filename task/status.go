package task

import (
	"errors"
	"fmt"
)

// Sentinel errors.
var (
	// ErrInvalidTransition reports a status change the lifecycle does not
	// allow (done -> in progress), or one that only the ledger may make
	// (done: 销号 through a closure; carried over: 结转).
	ErrInvalidTransition = errors.New("task: invalid status transition")
	// ErrInvalidEntry reports a ledger entry that cannot be appended.
	ErrInvalidEntry = errors.New("task: invalid ledger entry")
	// ErrRefused reports a ledger entry that the caller's Policy refuses:
	// from a unit with no role in the task, after closure, or a review by
	// a unit that may not review.
	ErrRefused = errors.New("task: entry refused by policy")
	// ErrInvalidDeadline reports deadline text that cannot be read.
	ErrInvalidDeadline = errors.New("task: invalid deadline")
	// ErrInvalidTask reports a task that breaks a rule: no one accountable,
	// a milestone after the deadline, a delegate due after its delegator, a
	// delegation cycle.
	ErrInvalidTask = errors.New("task: invalid task")
	// ErrInvalidValue reports an enumerated value that is not one of its
	// names.
	ErrInvalidValue = errors.New("task: invalid value")
	// ErrInvalidRules reports supervision, light or score rules that
	// cannot be applied (a rung with no condition, a negative threshold).
	ErrInvalidRules = errors.New("task: invalid rules")
)

// Status is where a task stands. Overdue is not a status: it is computed
// as of a date (Task.Standing).
//
// The Status field of a Task is the lifecycle the caller sets (not started,
// in progress, suspended, cancelled) or the document gave; Task.State
// combines it with the ledger, where closure (销号), re-checks (回头看) and
// carry-over (结转) are recorded.
type Status uint8

// The statuses. The zero Status is NotStarted.
const (
	NotStarted  Status = iota // 未启动
	InProgress                // 推进中
	Done                      // 已完成 (已销号)
	Suspended                 // 暂缓
	Cancelled                 // 已取消
	CarriedOver               // 已结转: carried over to a later plan
)

var statusNames = []struct{ json, zh string }{{"not_started", "未启动"}, {"in_progress", "推进中"}, {"done", "已完成"}, {"suspended", "暂缓"}, {"cancelled", "已取消"}, {"carried_over", "已结转"}}

// CanBecome reports whether a task in s may be moved to next by SetStatus.
// Done and CarriedOver are reached only through the ledger (an approved
// application to close, a carry-over), and a done task is reopened only by
// a re-check (回头看).
func (s Status) CanBecome(next Status) bool {
	switch s {
	case NotStarted:
		return next == InProgress || next == Suspended || next == Cancelled
	case InProgress:
		return next == Suspended || next == Cancelled
	case Suspended:
		return next == InProgress || next == Cancelled
	}
	return false
}

// Open reports whether the task still has work to do: not done,
// cancelled or carried over.
func (s Status) Open() bool { return s != Done && s != Cancelled && s != CarriedOver }

// String returns the JSON name: not_started, in_progress, done, suspended,
// cancelled, carried_over; an out-of-range value gives Status(N).
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s].json
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// Chinese returns 未启动, 推进中, 已完成, 暂缓, 已取消 or 已结转.
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

// EntryError is a ledger entry that breaks a rule of the ledger: from
// Append and Task.Record, and from Ledger.Err for a ledger decoded with
// such an entry. It matches ErrInvalidEntry with errors.Is.
type EntryError struct {
	// Index is the entry's place in the ledger, from 0.
	Index int
	// Seq is the entry's number as given (Append numbers the entries
	// itself, so this is the number it would have had).
	Seq int
	// Kind is the entry's kind.
	Kind EntryKind
	// Field is the JSON name of the field at fault (seq, date, unit,
	// percent, recorded_at, corrects, ref, reason, evidence, deadline, to,
	// review), or kind when the entry cannot follow the ones before it at
	// all (an application while another awaits review, anything after a
	// carry-over).
	Field string
	// MessageZh and MessageEn say what is wrong, naming the entry.
	MessageZh, MessageEn string
}

// Error returns "task: invalid ledger entry: 中文 / English".
func (e *EntryError) Error() string {
	return ErrInvalidEntry.Error() + ": " + e.MessageZh + " / " + e.MessageEn
}

// Is reports whether target is ErrInvalidEntry.
func (e *EntryError) Is(target error) bool { return target == ErrInvalidEntry }
