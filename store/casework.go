package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"iter"
	"strings"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/google/uuid"
)

// RecordCaseEvents appends events to the log of the case with c's ID,
// creating the case (with c's process, unit and mode) when the store has
// none: it reads the case as stored, checks with approval.Replay that the
// log with the events added is valid under the case's process (found in
// procs), and appends expecting the log as read. When another clerk
// appended first it reads again and checks again; a lost connection is
// retried with the same operation ID, so nothing is appended twice. It
// returns the case with its whole log. now is when the store wrote it.
func (s *Store) RecordCaseEvents(ctx context.Context, c approval.Case, procs approval.Processes, now time.Time, events ...approval.Event) (*approval.Case, error) {
	if strings.TrimSpace(c.ID) == "" {
		return nil, errf(ErrInvalid, "办件没有 id", "the case has no id")
	}
	op := uuid.New()
	conflicts, lost := 0, 0
	for {
		cur, err := s.Case(ctx, c.ID)
		if errors.Is(err, ErrNotFound) {
			fresh := c
			fresh.Events = nil
			cur, err = &fresh, nil
		}
		if err == nil && lost > 0 {
			// After a lost connection: did the first try land? Not knowing
			// is not "no" — that would append the events twice.
			var done bool
			if done, err = s.caseOpLanded(ctx, cur, op); err == nil && done {
				return cur, nil
			}
		}
		if err == nil {
			next := *cur
			next.Events = append(append([]approval.Event(nil), cur.Events...), events...)
			p := procs[next.Process]
			if p == nil {
				return nil, errf(ErrInvalid, "办件 %s 的事项 %q 不在所给的流程中", "case %s: process %q is not among the processes given", c.ID, next.Process, c.ID, next.Process)
			}
			if _, err := approval.Replay(&next, p); err != nil {
				return nil, err
			}
			if err = s.appendCase(ctx, cur, len(cur.Events), op, now, events); err == nil {
				return &next, nil
			}
		}
		switch {
		case errors.Is(err, ErrConflict) && conflicts < maxConflicts:
			conflicts++
			backoff(ctx, conflicts)
		case errors.Is(err, ErrConnection) && lost < maxLost:
			lost++
			backoff(ctx, lost+4)
		default:
			return nil, err
		}
	}
}

// caseOpLanded reports whether operation op's events are in the case's
// log.
func (s *Store) caseOpLanded(ctx context.Context, c *approval.Case, op uuid.UUID) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.bind(`SELECT COUNT(*) FROM case_events WHERE case_id = ? AND op = ?`), c.ID, op.String()).Scan(&n)
	if err != nil {
		return false, s.wrap("reading case "+c.ID, err)
	}
	return n > 0, nil
}

// CaseStatus returns the timers of the case with id as of at
// (approval.Status under the case's process, found in procs).
func (s *Store) CaseStatus(ctx context.Context, id string, procs approval.Processes, at time.Time, opts approval.Options) (*approval.Report, error) {
	c, err := s.Case(ctx, id)
	if err != nil {
		return nil, err
	}
	p := procs[c.Process]
	if p == nil {
		return nil, errf(ErrInvalid, "办件 %s 的事项 %q 不在所给的流程中", "case %s: process %q is not among the processes given", id, c.Process, id, c.Process)
	}
	return approval.Status(c, p, at, opts)
}

// NearLimit calls fn with every warning and breach (approval.Alerts) of
// the open cases as of at: the cases near or past a limit, the whole
// case's or a stage's. The cases are read a page at a time: a province's
// million cases are never all in memory. Cases that cannot be timed (an
// unknown process, a log the approval package refuses, a date past the
// calendar's years) do not stop the scan: they are returned, each naming
// its case. fn returning an error stops the scan and returns it.
func (s *Store) NearLimit(ctx context.Context, procs approval.Processes, at time.Time, opts approval.Options, fn func(approval.Alert) error) ([]error, error) {
	var bad []error
	err := s.streamPages(ctx, true, func(page []*approval.Case) error {
		alerts, errs := approval.Alerts(page, procs, at, nil, opts)
		bad = append(bad, errs...)
		for _, a := range alerts {
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	})
	return bad, err
}

// FireAlerts is NearLimit for alerts that go out once: fn gets only the
// alerts not fired before (in this process or another, before a restart
// or not), and each alert fn accepts (returns nil for) is recorded as
// fired at now, page by page, in one transaction per page.
func (s *Store) FireAlerts(ctx context.Context, procs approval.Processes, at time.Time, opts approval.Options, now time.Time, fn func(approval.Alert) error) ([]error, error) {
	var bad []error
	err := s.streamPages(ctx, true, func(page []*approval.Case) error {
		fired, err := s.firedAlerts(ctx, page)
		if err != nil {
			return err
		}
		alerts, errs := approval.Alerts(page, procs, at, fired, opts)
		bad = append(bad, errs...)
		var sent []approval.Alert
		var ferr error
		for _, a := range alerts {
			if ferr = fn(a); ferr != nil {
				break
			}
			sent = append(sent, a)
		}
		if err := s.recordFired(ctx, sent, now); err != nil {
			return err
		}
		return ferr
	})
	return bad, err
}

// firedAlerts returns the keys of the alerts fired for a page of cases.
func (s *Store) firedAlerts(ctx context.Context, page []*approval.Case) (map[approval.AlertKey]bool, error) {
	args := make([]any, len(page))
	marks := make([]string, len(page))
	for i, c := range page {
		args[i], marks[i] = c.ID, "?"
	}
	rows, err := s.db.QueryContext(ctx, s.bind(`SELECT case_id, basis, stage, level FROM case_alerts WHERE case_id IN (`+strings.Join(marks, ",")+`)`), args...)
	if err != nil {
		return nil, s.wrap("reading the alerts fired", err)
	}
	defer rows.Close()
	fired := map[approval.AlertKey]bool{}
	for rows.Next() {
		var k approval.AlertKey
		var basis, level string
		if err := rows.Scan(&k.Case, &basis, &k.Stage, &level); err != nil {
			return nil, s.wrap("reading the alerts fired", err)
		}
		if err := k.Basis.UnmarshalText([]byte(basis)); err != nil {
			return nil, errf(ErrNotAStore, "已发出的提醒（办件 %s）的时限依据 %q 无法读取", "an alert fired for case %s has a basis %q that cannot be read", k.Case, basis, k.Case, basis)
		}
		k.Level = approval.Level(level)
		fired[k] = true
	}
	return fired, s.wrap("reading the alerts fired", rows.Err())
}

// recordFired records alerts as fired, once each: an alert another scan
// recorded meanwhile is left as it is.
func (s *Store) recordFired(ctx context.Context, alerts []approval.Alert, now time.Time) error {
	if len(alerts) == 0 {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, s.bind(`INSERT INTO case_alerts (case_id, basis, stage, level, fired_at, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, basis, stage, level) DO NOTHING`))
		if err != nil {
			return s.wrap("recording the alerts fired", err)
		}
		defer stmt.Close()
		for _, a := range alerts {
			body, err := json.Marshal(a)
			if err != nil {
				return errf(ErrInvalid, "提醒无法写成 JSON：%v", "an alert cannot be written as JSON: %v", err, err)
			}
			if _, err := stmt.ExecContext(ctx, a.Case, a.Basis.String(), a.Stage, string(a.Level), timeText(now), string(body)); err != nil {
				return s.wrap("recording the alerts fired", err)
			}
		}
		return nil
	})
}

// importBatch is how many cases ImportCases writes per transaction.
const importBatch = 2000

// ImportCases stores cases that the store does not hold yet, with their
// whole logs, many to a transaction (multi-row INSERTs): the path for
// bringing a system's existing cases in. Like AppendCaseEvents it keeps
// the logs as given (check them with approval.Replay first). It returns
// how many cases were stored; a case the store holds already stops the
// import with an error wrapping ErrConflict, and the batch it was in is
// not written (the batches before it are). now is when they were stored.
func (s *Store) ImportCases(ctx context.Context, cases iter.Seq[*approval.Case], now time.Time) (int, error) {
	stored := 0
	var batch []*approval.Case
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := s.tx(ctx, func(tx *sql.Tx) error {
			hb := newBulk(s, tx, "importing cases", "cases", "case_id", "process", "unit", "mode", "created_at", "header")
			eb := newBulk(s, tx, "importing case events", "case_events", "case_id", "seq", "at", "kind", "body", "op")
			when := timeText(now) // imported events carry no operation ID (NULL): they were appended elsewhere
			for _, c := range batch {
				header, err := caseHeader(c)
				if err != nil {
					return err
				}
				if err := hb.add(ctx, c.ID, c.Process, c.Unit, string(c.Mode), when, header); err != nil {
					return err
				}
				for i, e := range c.Events {
					body, err := json.Marshal(e)
					if err != nil {
						return errf(ErrInvalid, "办件 %s 的事件无法写成 JSON：%v", "an event of case %s cannot be written as JSON: %v", c.ID, err, c.ID, err)
					}
					if err := eb.add(ctx, c.ID, i+1, timeText(e.At), e.Kind.String(), string(body), nil); err != nil {
						return err
					}
				}
			}
			if err := hb.close(ctx); err != nil {
				return err
			}
			return eb.close(ctx)
		})
		if errors.Is(err, errUnique) {
			return errf(ErrConflict, "办件 %s 至 %s 这一批中有存储中已有的办件：这一批未写入", "the batch of cases %s to %s holds a case the store has already: the batch was not written",
				batch[0].ID, batch[len(batch)-1].ID, batch[0].ID, batch[len(batch)-1].ID)
		}
		if err != nil {
			return err
		}
		stored += len(batch)
		batch = batch[:0]
		return nil
	}
	for c := range cases {
		if c == nil || strings.TrimSpace(c.ID) == "" {
			return stored, errf(ErrInvalid, "第%d个办件没有 id", "case %d has no id", stored+len(batch)+1, stored+len(batch)+1)
		}
		batch = append(batch, c)
		if len(batch) == importBatch {
			if err := flush(); err != nil {
				return stored, err
			}
		}
	}
	return stored, flush()
}
