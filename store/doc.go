// Package store keeps what a district system must keep between runs: plans
// and their versions, the tasks' ledgers and workflow, the supervision
// actions already sent, approval cases as event logs, and indicator
// observations. It works over database/sql with two tested dialects:
// SQLite (modernc.org/sqlite, pure Go, the embedded default: `go run` needs
// nothing but Go) and PostgreSQL (pgx) when one machine's file is
// outgrown.
//
// # What it keeps
//
//   - Plans (SavePlan): each import a version; the same document again
//     writes nothing (its IDs are deterministic). A version is the plan's
//     definition; the ledgers a document carries go to the task streams.
//   - Task streams (Record, SetStatus, Delegate, AppendTaskEvents): every
//     ledger entry (reports, 销号 applied, approved and returned, 回头看,
//     延期, 结转), status change and delegation, in order. LoadPlan gives a
//     plan in its state now: the version, with each task's events replayed
//     by the task package (Ledger.Append, Task.Delegate).
//   - Supervision actions sent, and the replies to them (Supervise,
//     RecordSent, RecordReply), so that supervision fires once across
//     restarts; alerts fired on approval cases (FireAlerts).
//   - Approval cases as event logs (RecordCaseEvents, AppendCaseEvents,
//     ImportCases), the events as the approval package's JSON.
//   - Indicator observations (AddObservations), revisions as new rows.
//
// # Append only
//
// Events are appended, never updated or deleted: no statement of this
// package updates or deletes a row (a test reads every string of the
// package's source to hold it), and a correction is a new event. An
// append names the number of events it expects the stream to hold; if
// another writer got there first it gets a *ConflictError (ErrConflict) to
// reload and retry, never a lost or duplicated entry. Every write is one
// transaction: nothing is ever half-written. Record, SetStatus, Delegate,
// RecordCaseEvents and Supervise do the reload and retry themselves, and
// check the domain's rules again against what the other writer appended.
//
// A connection lost in the middle of a write is ErrConnection: the
// transaction was rolled back, or, when the commit itself was cut off,
// may have landed. Each append carries an operation ID (TaskEvent.Op), so
// the calls that retry look for their operation before trying again and
// never write an entry twice.
//
// # Domain rules stay in the domain packages
//
// The store adds no domain rules: what may be appended, how a task's
// status or a case's timers follow from their events, is decided by the
// domain packages (task, approval, indicator), so that a run on a store
// and an in-memory run give the same answers. The queries — Lights,
// Overdue, Workload, Bulletin, ActionsDue and Supervise over the tasks;
// NearLimit and FireAlerts over the open cases — are those packages'
// functions over the data the store streams: one plan at a time
// (EachPlan), and approval cases a page at a time, so that a province's
// data is never all in memory.
//
// # Schema
//
// The schema is versioned (Migrations); Open applies the versions a
// database lacks, each in its own transaction with the data it moves, and
// refuses a database that another program made, a file that is not a
// database, and a schema newer than the release.
//
// The SQL is the part SQLite and PostgreSQL share (TEXT, BIGINT, composite
// primary keys, multi-row VALUES, INSERT … ON CONFLICT DO NOTHING, no
// vendor functions, no triggers or stored procedures), so that
// PostgreSQL-compatible distributed engines can run it; only SQLite and
// PostgreSQL 15 are tested.
//
// # Concurrency
//
// A Store is safe for concurrent use by many goroutines, and by many
// processes on the same database (SQLite in WAL mode with a busy timeout;
// PostgreSQL's own locking): appends are serialised by the database,
// never by the process. A PlanState is a snapshot for one goroutine.
package store
