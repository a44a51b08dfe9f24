package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/google/uuid"
)

// AppendCaseEvents appends events to the log of case c, which holds
// expected events so far (0 for a new case, whose ID, process, unit and
// mode c gives). The events are appended in one transaction: all or none.
// If the log holds another number of events — another clerk appended
// first — the append is refused with a *ConflictError: reload the case and
// retry. The store keeps the log as given; checking that an event may
// follow the others is the approval package's (Replay), done before:
// RecordCaseEvents does both, and retries.
//
// op names this append: an append retried with the same op after
// ErrConnection, whose first try had landed, succeeds without writing
// again (uuid.Nil: a new one each call, no such guarantee). now is when
// the case is stored, if it is new.
func (s *Store) AppendCaseEvents(ctx context.Context, c *approval.Case, expected int, op uuid.UUID, now time.Time, events ...approval.Event) error {
	if op == uuid.Nil {
		op = uuid.New()
	}
	return s.appendCase(ctx, c, expected, op, now, events)
}

// appendCase appends for operation op: an append retried after a lost
// connection whose first try landed succeeds without writing again.
func (s *Store) appendCase(ctx context.Context, c *approval.Case, expected int, op uuid.UUID, now time.Time, events []approval.Event) error {
	if c == nil || strings.TrimSpace(c.ID) == "" {
		return errf(ErrInvalid, "办件没有 id", "the case has no id")
	}
	if expected < 0 {
		return errf(ErrInvalid, "预期条数不能为负：%d", "the expected count cannot be negative: %d", expected, expected)
	}
	if len(events) == 0 {
		return errf(ErrInvalid, "办件 %s：没有要追加的事件", "case %s: no events to append", c.ID, c.ID)
	}
	header, err := caseHeader(c)
	if err != nil {
		return err
	}
	bodies := make([]string, len(events))
	for i, e := range events {
		body, err := json.Marshal(e)
		if err != nil {
			return errf(ErrInvalid, "办件 %s 的事件无法写成 JSON：%v", "an event of case %s cannot be written as JSON: %v", c.ID, err, c.ID, err)
		}
		bodies[i] = string(body)
	}
	stream := "case " + c.ID
	return s.tx(ctx, func(tx *sql.Tx) error {
		n, err := s.countCaseEvents(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if n != expected {
			if done, err := s.landed(ctx, tx, `SELECT op FROM case_events WHERE case_id = ? AND seq = ?`, c.ID, expected, n, op); err != nil || done {
				return err
			}
			return &ConflictError{Stream: stream, Expected: expected, Actual: n}
		}
		if n == 0 {
			// A case stored without events (ImportCases of an empty log)
			// has its header already: it is kept, and the events follow.
			// A writer that got there first at the same moment is caught
			// by the events' keys below.
			if _, err := tx.ExecContext(ctx, s.bind(`INSERT INTO cases (case_id, process, unit, mode, created_at, header) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING`),
				c.ID, c.Process, c.Unit, string(c.Mode), timeText(now), header); err != nil {
				return s.wrap("storing case "+c.ID, err)
			}
		}
		stmt, err := tx.PrepareContext(ctx, s.bind(`INSERT INTO case_events (case_id, seq, at, kind, body, op) VALUES (?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return s.wrap("appending to case "+c.ID, err)
		}
		defer stmt.Close()
		for i, e := range events {
			seq := expected + i + 1
			if _, err := stmt.ExecContext(ctx, c.ID, seq, timeText(e.At), e.Kind.String(), bodies[i], op.String()); err != nil {
				if s.d.unique(err) {
					return &ConflictError{Stream: stream, Expected: expected, Actual: seq}
				}
				return s.wrap(fmt.Sprintf("appending event %d to case %s", seq, c.ID), err)
			}
		}
		return nil
	})
}

// caseHeader is a case without its events, as JSON: whatever fields the
// approval package gives a case are kept, not only today's.
func caseHeader(c *approval.Case) (string, error) {
	h := *c
	h.Events = nil
	b, err := json.Marshal(h)
	if err != nil {
		return "", errf(ErrInvalid, "办件 %s 无法写成 JSON：%v", "case %s cannot be written as JSON: %v", c.ID, err, c.ID, err)
	}
	return string(b), nil
}

// readHeader fills c from its stored header (cases stored before version
// 2 of the schema have none: their columns say it all).
func readHeader(c *approval.Case, header sql.NullString) error {
	if !header.Valid {
		return nil
	}
	id := c.ID
	var h approval.Case
	if err := json.Unmarshal([]byte(header.String), &h); err != nil {
		return errf(ErrNotAStore, "办件 %s 的记录无法读取：%v", "case %s cannot be read: %v", id, err, id, err)
	}
	h.Events = nil
	*c = h
	c.ID = id
	return nil
}

func (s *Store) countCaseEvents(ctx context.Context, tx *sql.Tx, id string) (int, error) {
	var n sql.NullInt64
	err := tx.QueryRowContext(ctx, s.bind(`SELECT MAX(seq) FROM case_events WHERE case_id = ?`), id).Scan(&n)
	if err != nil {
		return 0, s.wrap("reading case "+id, err)
	}
	return int(n.Int64), nil
}

// Case returns the case with id, its log in order.
func (s *Store) Case(ctx context.Context, id string) (*approval.Case, error) {
	c := &approval.Case{ID: id}
	var mode string
	var header sql.NullString
	err := s.db.QueryRowContext(ctx, s.bind(`SELECT process, unit, mode, header FROM cases WHERE case_id = ?`), id).Scan(&c.Process, &c.Unit, &mode, &header)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errf(ErrNotFound, "没有 id 为 %s 的办件", "no case with id %s", id, id)
	}
	if err != nil {
		return nil, s.wrap("reading case "+id, err)
	}
	c.Mode = approval.Mode(mode)
	if err := readHeader(c, header); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, s.bind(`SELECT seq, body FROM case_events WHERE case_id = ? ORDER BY seq`), id)
	if err != nil {
		return nil, s.wrap("reading case "+id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int
		var body string
		if err := rows.Scan(&seq, &body); err != nil {
			return nil, s.wrap("reading case "+id, err)
		}
		if seq != len(c.Events)+1 {
			return nil, errf(ErrNotAStore, "办件 %s 的事件序号不连续（缺第%d条）", "case %s has a gap in its log (event %d is missing)", id, len(c.Events)+1, id, len(c.Events)+1)
		}
		var e approval.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, errf(ErrNotAStore, "办件 %s 第%d条事件无法读取：%v", "event %d of case %s cannot be read: %v", id, seq, err, seq, id, err)
		}
		c.Events = append(c.Events, e)
	}
	return c, s.wrap("reading case "+id, rows.Err())
}

// OpenCases calls fn with every case whose log has no finished or
// withdrawn event, in ID order, one at a time: the whole set is never in
// memory. fn returning an error stops the walk and returns it.
func (s *Store) OpenCases(ctx context.Context, fn func(*approval.Case) error) error {
	return s.streamCases(ctx, true, fn)
}

// AllCases calls fn with every case, in ID order, one at a time.
func (s *Store) AllCases(ctx context.Context, fn func(*approval.Case) error) error {
	return s.streamCases(ctx, false, fn)
}

// caseBatch is how many cases a walk reads at a time.
const caseBatch = 500

// streamCases walks cases in ID order by keyset pages, so that no query
// holds a read transaction open for the whole walk and memory stays at one
// page.
func (s *Store) streamCases(ctx context.Context, open bool, fn func(*approval.Case) error) error {
	return s.streamPages(ctx, open, func(page []*approval.Case) error {
		for _, c := range page {
			if err := fn(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// streamPages walks cases in ID order a page at a time.
//
// With open, only the cases with no finished or withdrawn event. The
// subquery repeats the page's lower bound: without it PostgreSQL's merge
// anti-join reads the events from the first case for every page (650 ms a
// page over a million events, against 12 ms with it).
func (s *Store) streamPages(ctx context.Context, open bool, fn func([]*approval.Case) error) error {
	after := ""
	for {
		cond, args := "WHERE c.case_id > ?", []any{after}
		if open {
			cond += ` AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.case_id AND e.case_id > ? AND e.kind IN ('finished', 'withdrawn'))`
			args = append(args, after)
		}
		rows, err := s.db.QueryContext(ctx, s.bind(`SELECT c.case_id, c.process, c.unit, c.mode, c.header FROM cases c `+cond+` ORDER BY c.case_id LIMIT `+fmt.Sprint(caseBatch)), args...)
		if err != nil {
			return s.wrap("listing cases", err)
		}
		var page []*approval.Case
		for rows.Next() {
			c := &approval.Case{}
			var mode string
			var header sql.NullString
			if err := rows.Scan(&c.ID, &c.Process, &c.Unit, &mode, &header); err != nil {
				rows.Close()
				return s.wrap("listing cases", err)
			}
			c.Mode = approval.Mode(mode)
			if err := readHeader(c, header); err != nil {
				rows.Close()
				return err
			}
			page = append(page, c)
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return s.wrap("listing cases", err)
		}
		if err := rows.Close(); err != nil {
			return s.wrap("listing cases", err)
		}
		if len(page) == 0 {
			return nil
		}
		if err := s.loadEvents(ctx, page); err != nil {
			return err
		}
		if err := fn(page); err != nil {
			return err
		}
		after = page[len(page)-1].ID
		if len(page) < caseBatch {
			return nil
		}
	}
}

// loadEvents reads the logs of a page of cases in one query.
func (s *Store) loadEvents(ctx context.Context, page []*approval.Case) error {
	byID := make(map[string]*approval.Case, len(page))
	args := make([]any, len(page))
	marks := make([]string, len(page))
	for i, c := range page {
		byID[c.ID] = c
		args[i] = c.ID
		marks[i] = "?"
	}
	rows, err := s.db.QueryContext(ctx, s.bind(`SELECT case_id, seq, body FROM case_events WHERE case_id IN (`+strings.Join(marks, ",")+`) ORDER BY case_id, seq`), args...)
	if err != nil {
		return s.wrap("reading case events", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, body string
		var seq int
		if err := rows.Scan(&id, &seq, &body); err != nil {
			return s.wrap("reading case events", err)
		}
		c := byID[id]
		if seq != len(c.Events)+1 {
			return errf(ErrNotAStore, "办件 %s 的事件序号不连续", "case %s has a gap in its log", id, id)
		}
		var e approval.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return errf(ErrNotAStore, "办件 %s 第%d条事件无法读取：%v", "event %d of case %s cannot be read: %v", id, seq, err, seq, id, err)
		}
		c.Events = append(c.Events, e)
	}
	return s.wrap("reading case events", rows.Err())
}
