// Package store keeps what a district system must keep between runs: plans
// and their versions, the tasks' ledgers and workflow, the supervision
// actions already sent, approval cases as event logs, and indicator
// observations. It works over database/sql with two tested dialects:
// SQLite (modernc.org/sqlite, pure Go, the embedded default: `go run` needs
// nothing but Go) and PostgreSQL (pgx) when one machine's file is
// outgrown.
//
// Events are appended, never updated or deleted: no statement of this
// package updates or deletes an event, and a correction is a new event.
// An append names the number of events it expects the stream to hold; if
// another writer got there first it gets a *ConflictError (ErrConflict) to
// reload and retry, never a lost or duplicated entry. Every write is one
// transaction: nothing is ever half-written.
//
// The store adds no domain rules: what may be appended, how a task's
// status or a case's timers follow from their events, is decided by the
// domain packages (task, approval, indicator), so that a run on a store
// and an in-memory run give the same answers.
//
// The schema is versioned (Migrations); Open applies the versions a
// database lacks and refuses a database that another program made, a file
// that is not a database, and a schema newer than the release.
//
// The SQL is the part SQLite and PostgreSQL share (TEXT, BIGINT, composite
// primary keys, no vendor functions), so that PostgreSQL-compatible
// distributed engines can run it; only SQLite and PostgreSQL 15 are
// tested.
package store
