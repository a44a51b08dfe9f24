// Package cliout holds the shapes of the JSON the bizenv command line
// prints that are not a library type of their own: what a command on a
// store answers with after it has recorded something. They live here,
// not in package main, so that internal/schemagen can publish their JSON
// Schemas (bizenv schema ledger-append, store-supervision,
// approval-record) and a change to one shows up as a stale schema.
package cliout

import (
	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/store"
	"github.com/bizenv/bizenv/task"
)

// Appended is what `bizenv ledger add` and `ledger close` print with
// --format json: the entries recorded, and the task's state after them.
type Appended struct {
	// Task is the task's number in its plan (3, 3.1).
	Task string `json:"task"`
	// Appended is the ledger entries recorded, with the sequence numbers
	// the store gave them; a retried command that had landed already
	// records nothing again, and lists what it had recorded.
	Appended []task.Entry `json:"appended"`
	// State is the task's state with them.
	State task.Status `json:"state"`
}

// PlanActions is one plan's supervision in what `bizenv supervise --plan`
// or `--all` prints with --format json: the actions decided and recorded
// as sent on the day (a rerun lists none of them again), and the tasks
// whose deadline cannot be dated.
type PlanActions struct {
	// Plan is the stored plan version supervised.
	Plan store.PlanVersion `json:"plan"`
	// Actions is the actions newly sent.
	Actions []task.Action `json:"actions"`
	// Undatable is the open tasks with no date to supervise them by.
	Undatable []task.Undatable `json:"undatable"`
}

// Recorded is what `bizenv approval record` prints with --format json:
// the case with the event appended, and its timers as of the event (or
// of the command's run, when later).
type Recorded struct {
	// Case is the case as stored, its whole log.
	Case *approval.Case `json:"case"`
	// Status is its timers; null when they cannot be computed (the reason
	// is printed on standard error).
	Status *approval.Report `json:"status"`
}
