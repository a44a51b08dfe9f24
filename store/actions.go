package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// sentActions reads the actions sent for a plan, oldest first, each with
// the reply recorded for it (through Action.RecordReply, so the task
// package's rules hold for the stored reply as for a new one).
func (s *Store) sentActions(ctx context.Context, id uuid.UUID) ([]task.Action, error) {
	rows, err := s.db.QueryContext(ctx, s.bind(`SELECT a.seq, a.action_id, a.body, r.body FROM sent_actions a LEFT JOIN action_replies r ON r.action_id = a.action_id
		WHERE a.plan_id = ? ORDER BY a.seq`), id.String())
	if err != nil {
		return nil, s.wrap("reading the actions sent for plan "+id.String(), err)
	}
	defer rows.Close()
	var out []task.Action
	for rows.Next() {
		var seq int
		var aid, body string
		var reply sql.NullString
		if err := rows.Scan(&seq, &aid, &body, &reply); err != nil {
			return nil, s.wrap("reading the actions sent for plan "+id.String(), err)
		}
		if seq != len(out)+1 {
			return nil, errf(ErrNotAStore, "计划 %s 的已发督办记录序号不连续（缺第%d条）", "the actions sent for plan %s have a gap (number %d is missing)", id, len(out)+1, id, len(out)+1)
		}
		var a task.Action
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			return nil, errf(ErrNotAStore, "督办记录 %s 无法读取：%v", "action %s cannot be read: %v", aid, err, aid, err)
		}
		a.Reply = nil
		if reply.Valid {
			var r task.Reply
			if err := json.Unmarshal([]byte(reply.String), &r); err != nil {
				return nil, errf(ErrNotAStore, "督办 %s 的反馈无法读取：%v", "the reply to action %s cannot be read: %v", aid, err, aid, err)
			}
			if err := a.RecordReply(r); err != nil {
				return nil, fmt.Errorf("%w: 督办 %s 的反馈 / the reply to action %s: %w", ErrReplay, aid, aid, err)
			}
		}
		out = append(out, a)
	}
	return out, s.wrap("reading the actions sent for plan "+id.String(), rows.Err())
}

// Sent returns the actions sent for the tasks of plan id, oldest first,
// with their replies.
func (s *Store) Sent(ctx context.Context, id uuid.UUID) ([]task.Action, error) {
	return s.sentActions(ctx, id)
}

// RecordSent records actions as delivered for plan id, whose record holds
// expected actions so far (PlanState.SentCount), in one transaction: all
// or none. Recording the same actions again (the same IDs: task.Actions
// gives an action decided twice the same ID) writes nothing and succeeds,
// so a retry after a lost connection is safe. If the record holds another
// number of actions — another supervisor ran — the call is refused with a
// *ConflictError: reload, decide again (task.Actions with the actions now
// sent gives none twice) and retry. An action's reply is recorded apart
// (RecordReply); one given here is not stored. now is when they were sent.
func (s *Store) RecordSent(ctx context.Context, id uuid.UUID, expected int, actions []task.Action, now time.Time) error {
	return s.recordSent(ctx, id, expected, actions, now, uuid.Nil)
}

// recordSent records for operation op. With op given, actions recorded
// already count as this call's only when op recorded them (a retry after
// a lost connection); recorded by another call, they are a conflict: the
// other supervisor delivers them.
func (s *Store) recordSent(ctx context.Context, id uuid.UUID, expected int, actions []task.Action, now time.Time, op uuid.UUID) error {
	mine := op
	if mine == uuid.Nil {
		mine = uuid.New()
	}
	if id == uuid.Nil {
		return errf(ErrInvalid, "没有给出计划 id", "no plan id given")
	}
	if len(actions) == 0 {
		return nil
	}
	ids := make([]any, len(actions))
	marks := make([]string, len(actions))
	bodies := make([]string, len(actions))
	for i, a := range actions {
		if a.ID == uuid.Nil {
			return errf(ErrInvalid, "第%d条督办没有 id", "action %d has no id", i, i)
		}
		a.Reply = nil
		b, err := json.Marshal(a)
		if err != nil {
			return errf(ErrInvalid, "督办 %s 无法写成 JSON：%v", "action %s cannot be written as JSON: %v", a.ID, err, a.ID, err)
		}
		ids[i], marks[i], bodies[i] = a.ID.String(), "?", string(b)
	}
	stream := "plan " + id.String() + "/sent"
	return s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.bind(`SELECT action_id, op FROM sent_actions WHERE action_id IN (`+strings.Join(marks, ",")+`)`), ids...)
		if err != nil {
			return s.wrap("reading "+stream, err)
		}
		var have []string
		ours := true
		for rows.Next() {
			var a, o string
			if err := rows.Scan(&a, &o); err != nil {
				rows.Close()
				return s.wrap("reading "+stream, err)
			}
			have = append(have, a)
			ours = ours && (op == uuid.Nil || o == op.String())
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return s.wrap("reading "+stream, err)
		}
		if err := rows.Close(); err != nil {
			return s.wrap("reading "+stream, err)
		}
		if len(have) == len(actions) && ours {
			return nil // recorded already
		}
		// The count is read after the actions: under READ COMMITTED, a
		// record another supervisor commits in between shows in the count.
		var n sql.NullInt64
		if err := tx.QueryRowContext(ctx, s.bind(`SELECT MAX(seq) FROM sent_actions WHERE plan_id = ?`), id.String()).Scan(&n); err != nil {
			return s.wrap("reading "+stream, err)
		}
		if int(n.Int64) != expected {
			return &ConflictError{Stream: stream, Expected: expected, Actual: int(n.Int64)}
		}
		if len(have) > 0 {
			return errf(ErrInvalid, "督办 %s 已记录为已发送", "action %s is recorded as sent already", have[0], have[0])
		}
		stmt, err := tx.PrepareContext(ctx, s.bind(`INSERT INTO sent_actions (plan_id, seq, action_id, op, sent_at, body) VALUES (?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return s.wrap("recording "+stream, err)
		}
		defer stmt.Close()
		for i := range actions {
			seq := expected + i + 1
			if _, err := stmt.ExecContext(ctx, id.String(), seq, ids[i], mine.String(), timeText(now), bodies[i]); err != nil {
				if s.d.unique(err) {
					return &ConflictError{Stream: stream, Expected: expected, Actual: seq}
				}
				return s.wrap("recording "+stream, err)
			}
		}
		return nil
	})
}

// RecordReply records a unit's reply to a supervision notice (督办单反馈)
// sent for plan planID, after Action.RecordReply accepts it (the action
// asks for a reply, has none, the reply is the addressee's and not before
// the action). A reply is recorded once: a second is refused; the same
// reply recorded again (a retry) succeeds without writing.
func (s *Store) RecordReply(ctx context.Context, planID, actionID uuid.UUID, r task.Reply, now time.Time) error {
	var body string
	var have sql.NullString
	err := s.db.QueryRowContext(ctx, s.bind(`SELECT a.body, r.body FROM sent_actions a LEFT JOIN action_replies r ON r.action_id = a.action_id WHERE a.action_id = ? AND a.plan_id = ?`),
		actionID.String(), planID.String()).Scan(&body, &have)
	if errors.Is(err, sql.ErrNoRows) {
		return errf(ErrNotFound, "计划 %s 没有已发送的督办 %s", "plan %s has no action %s sent", planID, actionID, planID, actionID)
	}
	if err != nil {
		return s.wrap("reading action "+actionID.String(), err)
	}
	var a task.Action
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		return errf(ErrNotAStore, "督办记录 %s 无法读取：%v", "action %s cannot be read: %v", actionID, err, actionID, err)
	}
	a.Reply = nil
	fresh := a
	if err := fresh.RecordReply(r); err != nil {
		return err
	}
	rb, err := json.Marshal(fresh.Reply)
	if err != nil {
		return errf(ErrInvalid, "反馈无法写成 JSON：%v", "the reply cannot be written as JSON: %v", err, err)
	}
	stream := "action " + actionID.String() + "/reply"
	if have.Valid {
		if have.String == string(rb) {
			return nil // recorded already
		}
		var old task.Reply
		if err := json.Unmarshal([]byte(have.String), &old); err != nil {
			return errf(ErrNotAStore, "督办 %s 的反馈无法读取：%v", "the reply to action %s cannot be read: %v", actionID, err, actionID, err)
		}
		if err := a.RecordReply(old); err != nil {
			return fmt.Errorf("%w: 督办 %s 的反馈 / the reply to action %s: %w", ErrReplay, actionID, actionID, err)
		}
		if err := a.RecordReply(r); err != nil {
			return err // the notice has its reply
		}
		return &ConflictError{Stream: stream, Expected: 0, Actual: 1}
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.bind(`INSERT INTO action_replies (action_id, plan_id, recorded_at, body) VALUES (?, ?, ?, ?)`),
			actionID.String(), planID.String(), timeText(now), string(rb)); err != nil {
			if s.d.unique(err) { // another clerk's reply landed first
				return &ConflictError{Stream: stream, Expected: 0, Actual: 1}
			}
			return s.wrap("recording "+stream, err)
		}
		return nil
	})
}

// ActionsDue returns the supervision due for plan id as of asOf
// (task.Actions over the stored tasks, with the actions already sent),
// without recording anything: deliver them, then RecordSent.
func (s *Store) ActionsDue(ctx context.Context, id uuid.UUID, asOf calendar.Date, o task.Options) (task.Supervision, error) {
	st, err := s.LoadPlan(ctx, id)
	if err != nil {
		return task.Supervision{}, err
	}
	return task.Actions(st.Tasks, asOf, st.Options(o), st.Sent)
}

// Supervise decides the supervision due for plan id as of asOf
// (task.Actions with the actions already sent) and records what it
// returns as sent at now, in one step: a rerun, in this process or
// another, after a restart or at the same moment, returns nothing new.
// Deliver what it returns; when delivery can fail before it is recorded,
// use ActionsDue and RecordSent instead.
func (s *Store) Supervise(ctx context.Context, id uuid.UUID, asOf calendar.Date, o task.Options, now time.Time) (task.Supervision, error) {
	var st *PlanState
	var err error
	if st, err = s.LoadPlan(ctx, id); err != nil {
		return task.Supervision{}, err
	}
	return s.supervise(ctx, st, asOf, o, now)
}

// supervise decides and records for a loaded plan, reloading after a
// conflict or a lost connection.
func (s *Store) supervise(ctx context.Context, st *PlanState, asOf calendar.Date, o task.Options, now time.Time) (task.Supervision, error) {
	conflicts, lost := 0, 0
	op := uuid.New()
	var uncertain *task.Supervision // recorded, or not, when the connection was lost
	for {
		if uncertain != nil {
			// Did our record land before the connection went? Asked by
			// our operation, not by the actions' IDs: another supervisor
			// may have recorded the same actions, and then they are its
			// to deliver, not ours.
			n, err := s.sentByOp(ctx, st.Version.ID, op)
			if err != nil {
				if errors.Is(err, ErrConnection) && lost < maxLost {
					lost++
					backoff(ctx, lost+4)
					continue
				}
				return task.Supervision{}, err
			}
			if n > 0 {
				return *uncertain, nil
			}
			uncertain = nil
		}
		sup, err := task.Actions(st.Tasks, asOf, st.Options(o), st.Sent)
		if err != nil || len(sup.Actions) == 0 {
			return sup, err
		}
		err = s.recordSent(ctx, st.Version.ID, st.SentCount(), sup.Actions, now, op)
		switch {
		case err == nil:
			return sup, nil
		case errors.Is(err, ErrConflict) && conflicts < maxConflicts:
			conflicts++
			backoff(ctx, conflicts)
		case errors.Is(err, ErrConnection) && lost < maxLost:
			lost++
			uncertain = &sup
			backoff(ctx, lost+4)
		default:
			return task.Supervision{}, err
		}
		for {
			if st, err = s.LoadPlan(ctx, st.Version.ID); err == nil {
				break
			}
			if !errors.Is(err, ErrConnection) || lost >= maxLost {
				return task.Supervision{}, err
			}
			lost++
			backoff(ctx, lost+4)
		}
	}
}

// sentByOp returns how many actions operation op recorded as sent for
// plan id (all of its actions or none: it records them in one
// transaction).
func (s *Store) sentByOp(ctx context.Context, id uuid.UUID, op uuid.UUID) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.bind(`SELECT COUNT(*) FROM sent_actions WHERE plan_id = ? AND op = ?`), id.String(), op.String()).Scan(&n)
	if err != nil {
		return 0, s.wrap("reading the actions sent for plan "+id.String(), err)
	}
	return n, nil
}
