package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// TaskEvent is one event of a task's stream: a ledger entry (台账: a
// report, or a step of 销号, 回头看, 延期 or 结转), a status change the caller
// made (暂缓, 已取消, 推进中), or a delegation down the chain. Exactly one of
// Entry, Status and Delegation is set. A task's state is its plan's
// definition with its events replayed in order by the task package
// (Ledger.Append, Task.Delegate); nothing else about a task is stored.
type TaskEvent struct {
	// Seq numbers the task's events from 1, in the order they were
	// appended; the store sets it.
	Seq int `json:"seq"`
	// Op identifies the call that appended the event: the events one
	// append wrote share it. An append retried with the same Op after an
	// error that left its fate unknown (a lost connection) is not applied
	// twice. The store sets a new one when it is zero.
	Op uuid.UUID `json:"op"`
	// StoredAt is when the store wrote the event.
	StoredAt time.Time `json:"stored_at"`
	// Entry is a ledger entry, as Task.Record returned it (numbered).
	Entry *task.Entry `json:"entry,omitempty"`
	// Status is a status change (Task.SetStatus).
	Status *task.Status `json:"status,omitempty"`
	// Delegation passes the task down the chain (Task.Delegate).
	Delegation *Delegation `json:"delegation,omitempty"`
}

// Delegation is a task passed down the chain to units (streets,
// communities), as Task.Delegate does it: the parts' numbers and IDs are
// derived from the task, so that replaying the event gives the same parts.
type Delegation struct {
	// Units are the units the task is delegated to.
	Units []string `json:"units"`
	// Due is the parts' deadline; nil means the task's own.
	Due *task.Deadline `json:"due,omitempty"`
}

// The kinds of task event, as stored.
const (
	kindEntry      = "entry"
	kindStatus     = "status"
	kindDelegation = "delegation"
)

// payload returns the stored kind and body of an event.
func (e TaskEvent) payload() (kind string, body []byte, err error) {
	n := 0
	var v any
	if e.Entry != nil {
		n, kind, v = n+1, kindEntry, e.Entry
	}
	if e.Status != nil {
		n, kind, v = n+1, kindStatus, e.Status
	}
	if e.Delegation != nil {
		n, kind, v = n+1, kindDelegation, e.Delegation
	}
	if n != 1 {
		return "", nil, errf(ErrInvalid, "任务事件须且只须是台账条目、状态变更或委派之一（得到 %d 项）", "a task event must be exactly one of a ledger entry, a status change or a delegation (got %d)", n, n)
	}
	body, err = json.Marshal(v)
	if err != nil {
		return "", nil, errf(ErrInvalid, "任务事件无法写成 JSON：%v", "a task event cannot be written as JSON: %v", err, err)
	}
	return kind, body, nil
}

// decodeTaskEvent reads a stored event back.
func decodeTaskEvent(taskID string, seq int, kind, op, stored, body string) (TaskEvent, error) {
	e := TaskEvent{Seq: seq}
	bad := func(err error) (TaskEvent, error) {
		return TaskEvent{}, errf(ErrNotAStore, "任务 %s 第%d条事件无法读取：%v", "event %d of task %s cannot be read: %v", taskID, seq, err, seq, taskID, err)
	}
	var err error
	if e.Op, err = uuid.Parse(op); err != nil {
		return bad(err)
	}
	if e.StoredAt, err = parseTime(stored); err != nil {
		return bad(err)
	}
	switch kind {
	case kindEntry:
		e.Entry = new(task.Entry)
		err = json.Unmarshal([]byte(body), e.Entry)
	case kindStatus:
		e.Status = new(task.Status)
		err = json.Unmarshal([]byte(body), e.Status)
	case kindDelegation:
		e.Delegation = new(Delegation)
		err = json.Unmarshal([]byte(body), e.Delegation)
	default:
		err = fmt.Errorf("unknown kind %q", kind)
	}
	if err != nil {
		return bad(err)
	}
	return e, nil
}

// AppendTaskEvents appends events to the stream of task taskID of plan
// planID, which holds expected events so far (PlanState.Events tells), in
// one transaction: all or none. If the stream holds another number of
// events — another clerk appended first — the append is refused with a
// *ConflictError: reload and retry. An append retried with the Op of one
// that did land (its commit was lost with the connection) succeeds without
// writing anything again. now is recorded as each event's StoredAt.
//
// The store keeps the events as given: that an entry may follow the
// others is the task package's rule (Task.Record, SetStatus, Delegate),
// checked before; Record, SetStatus and Delegate do both and retry.
func (s *Store) AppendTaskEvents(ctx context.Context, planID, taskID uuid.UUID, expected int, events []TaskEvent, now time.Time) error {
	if planID == uuid.Nil || taskID == uuid.Nil {
		return errf(ErrInvalid, "没有给出计划或任务的 id", "no plan or task id given")
	}
	if expected < 0 {
		return errf(ErrInvalid, "预期条数不能为负：%d", "the expected count cannot be negative: %d", expected, expected)
	}
	if len(events) == 0 {
		return nil
	}
	op := events[0].Op
	if op == uuid.Nil {
		op = uuid.New()
	}
	kinds := make([]string, len(events))
	bodies := make([][]byte, len(events))
	for i, e := range events {
		if e.Op != uuid.Nil && e.Op != op {
			return errf(ErrInvalid, "一次追加的事件须属于同一操作", "the events of one append must share one operation")
		}
		var err error
		if kinds[i], bodies[i], err = e.payload(); err != nil {
			return err
		}
	}
	stream := "task " + taskID.String()
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n sql.NullInt64
		var owner sql.NullString
		if err := tx.QueryRowContext(ctx, s.bind(`SELECT MAX(seq), MIN(plan_id) FROM task_events WHERE task_id = ?`), taskID.String()).Scan(&n, &owner); err != nil {
			return s.wrap("reading "+stream, err)
		}
		if owner.Valid && owner.String != planID.String() {
			return errf(ErrInvalid, "任务 %s 属于计划 %s，而不是 %s", "task %s belongs to plan %s, not %s", taskID, owner.String, planID, taskID, owner.String, planID)
		}
		if int(n.Int64) != expected {
			if done, err := s.landed(ctx, tx, `SELECT op FROM task_events WHERE task_id = ? AND seq = ?`, taskID.String(), expected, int(n.Int64), op); err != nil || done {
				return err
			}
			return &ConflictError{Stream: stream, Expected: expected, Actual: int(n.Int64)}
		}
		stmt, err := tx.PrepareContext(ctx, s.bind(`INSERT INTO task_events (task_id, seq, plan_id, kind, op, stored_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return s.wrap("appending to "+stream, err)
		}
		defer stmt.Close()
		for i := range events {
			seq := expected + i + 1
			if _, err := stmt.ExecContext(ctx, taskID.String(), seq, planID.String(), kinds[i], op.String(), timeText(now), string(bodies[i])); err != nil {
				if s.d.unique(err) {
					return &ConflictError{Stream: stream, Expected: expected, Actual: seq}
				}
				return s.wrap(fmt.Sprintf("appending event %d to %s", seq, stream), err)
			}
		}
		return nil
	})
}

// landed reports whether an append of op at expected already stands in a
// stream that holds actual events: the event after expected carries op.
func (s *Store) landed(ctx context.Context, tx *sql.Tx, q, stream string, expected, actual int, op uuid.UUID) (bool, error) {
	if actual <= expected {
		return false, nil
	}
	var got sql.NullString
	err := tx.QueryRowContext(ctx, s.bind(q), stream, expected+1).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, s.wrap("reading "+stream, err)
	}
	return got.Valid && got.String == op.String(), nil
}

// TaskEvents returns the events of a task's stream, oldest first.
func (s *Store) TaskEvents(ctx context.Context, taskID uuid.UUID) ([]TaskEvent, error) {
	return s.readStream(ctx, s.db, taskID, uuid.Nil)
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readStream reads a task's events through q, oldest first: all of them,
// checked for gaps, or only those operation op appended.
func (s *Store) readStream(ctx context.Context, q querier, taskID, op uuid.UUID) ([]TaskEvent, error) {
	query, args := `SELECT seq, kind, op, stored_at, body FROM task_events WHERE task_id = ? ORDER BY seq`, []any{taskID.String()}
	if op != uuid.Nil {
		query, args = `SELECT seq, kind, op, stored_at, body FROM task_events WHERE task_id = ? AND op = ? ORDER BY seq`, append(args, op.String())
	}
	rows, err := q.QueryContext(ctx, s.bind(query), args...)
	if err != nil {
		return nil, s.wrap("reading task "+taskID.String(), err)
	}
	defer rows.Close()
	var out []TaskEvent
	for rows.Next() {
		var seq int
		var kind, o, stored, body string
		if err := rows.Scan(&seq, &kind, &o, &stored, &body); err != nil {
			return nil, s.wrap("reading task "+taskID.String(), err)
		}
		if op == uuid.Nil && seq != len(out)+1 {
			return nil, errf(ErrNotAStore, "任务 %s 的事件序号不连续（缺第%d条）", "task %s has a gap in its events (event %d is missing)", taskID, len(out)+1, taskID, len(out)+1)
		}
		e, err := decodeTaskEvent(taskID.String(), seq, kind, o, stored, body)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, s.wrap("reading task "+taskID.String(), rows.Err())
}
