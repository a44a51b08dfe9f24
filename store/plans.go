package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// PlanVersion describes one stored version of a plan.
type PlanVersion struct {
	// ID is the plan's ID.
	ID uuid.UUID `json:"id"`
	// Version numbers the plan's versions from 1.
	Version int `json:"version"`
	// Key is the plan's identity key (plan.Plan.Key).
	Key string `json:"key"`
	// DocNumber is the 文号, if any.
	DocNumber string `json:"doc_number,omitempty"`
	// Title is the plan's title.
	Title string `json:"title"`
	// SHA256 is the hex SHA-256 of the plan's JSON as stored.
	SHA256 string `json:"sha256"`
	// StoredAt is when the version was stored.
	StoredAt time.Time `json:"stored_at"`
}

// SavePlan stores p as a new version of the plan with p's ID, unless the
// latest version is already the same plan (the same JSON), in which case
// no version is written and that version (with the time it was stored)
// is returned with created false:
// importing the same document twice is idempotent, since its IDs are
// deterministic (plan.Plan.AssignIDs). The plan and every task must have an
// ID. now is the time recorded.
//
// A version is the plan's definition. The ledgers its tasks carry (a plan
// exported with its 台账) go to the tasks' event streams, where Record
// appends: the entries a stream already holds must agree with the
// document's, and the document's further entries are appended, in the
// same transaction (a disagreement is an error wrapping ErrConflict that
// names the task and the entry; nothing is overwritten). The stored
// version keeps no ledger; LoadPlan gives the plan with its ledgers.
func (s *Store) SavePlan(ctx context.Context, p *plan.Plan, now time.Time) (v PlanVersion, created bool, err error) {
	if p == nil || p.ID == uuid.Nil {
		return v, false, errf(ErrInvalid, "计划没有 id（先调用 AssignIDs）", "the plan has no id (call AssignIDs first)")
	}
	withLedgers, _ := p.ItemKeys()
	for _, t := range withLedgers {
		if t.ID == uuid.Nil {
			return v, false, errf(ErrInvalid, "任务 %s 没有 id（先调用 AssignIDs）", "task %s has no id (call AssignIDs first)", t.Number, t.Number)
		}
	}
	def, body, err := definition(p)
	if err != nil {
		return v, false, err
	}
	tasks, keys := def.ItemKeys()
	sum := sha256.Sum256(body)
	v = PlanVersion{ID: p.ID, Key: p.Key(), DocNumber: p.DocNumber.String(), Title: p.Title, SHA256: hex.EncodeToString(sum[:]), StoredAt: now.UTC()}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		latest, sha, err := s.latestPlan(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		if sha == v.SHA256 {
			v.Version = latest
			var stored string
			if err := tx.QueryRowContext(ctx, s.bind(`SELECT stored_at FROM plans WHERE plan_id = ? AND version = ?`), p.ID.String(), latest).Scan(&stored); err != nil {
				return s.wrap("reading the plan's versions", err)
			}
			if v.StoredAt, err = parseTime(stored); err != nil {
				return errf(ErrNotAStore, "计划 %s 第%d版的存入时间无法读取：%q", "plan %s version %d has an unreadable stored time %q", p.ID, latest, stored, p.ID, latest, stored)
			}
			return s.seedLedgers(ctx, tx, p.ID, withLedgers, now)
		}
		created = true
		v.Version = latest + 1
		if _, err := tx.ExecContext(ctx, s.bind(`INSERT INTO plans (plan_id, version, plan_key, doc_number, title, sha256, stored_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
			p.ID.String(), v.Version, v.Key, v.DocNumber, v.Title, v.SHA256, timeText(now), string(body)); err != nil {
			if s.d.unique(err) {
				return &ConflictError{Stream: "plan " + p.ID.String(), Expected: latest, Actual: latest + 1}
			}
			return s.wrap("storing the plan", err)
		}
		taskStmt, err := tx.PrepareContext(ctx, s.bind(`INSERT INTO plan_tasks (plan_id, version, task_id, item_key, number, title, body) VALUES (?, ?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return s.wrap("storing the plan's tasks", err)
		}
		defer taskStmt.Close()
		unitStmt, err := tx.PrepareContext(ctx, s.bind(`INSERT INTO task_units (plan_id, version, task_id, unit, role) VALUES (?, ?, ?, ?, ?)`))
		if err != nil {
			return s.wrap("storing the plan's units", err)
		}
		defer unitStmt.Close()
		for i, t := range tasks {
			tb, err := json.Marshal(taskRow(t))
			if err != nil {
				return errf(ErrInvalid, "任务 %s 无法写成 JSON：%v", "task %s cannot be written as JSON: %v", t.Number, err, t.Number, err)
			}
			if _, err := taskStmt.ExecContext(ctx, p.ID.String(), v.Version, t.ID.String(), keys[i], t.Number, t.Title, string(tb)); err != nil {
				if s.d.unique(err) {
					return errf(ErrInvalid, "任务 id %s 在计划中重复", "task id %s appears twice in the plan", t.ID, t.ID)
				}
				return s.wrap("storing task "+t.Number, err)
			}
			seen := map[[2]string]bool{}
			for _, u := range unitsOf(t) {
				if seen[u] {
					continue
				}
				seen[u] = true
				if _, err := unitStmt.ExecContext(ctx, p.ID.String(), v.Version, t.ID.String(), u[0], u[1]); err != nil {
					return s.wrap("storing the units of task "+t.Number, err)
				}
			}
		}
		return s.seedLedgers(ctx, tx, p.ID, withLedgers, now)
	})
	if err != nil {
		return PlanVersion{}, false, err
	}
	return v, created, nil
}

// definition returns the plan without its tasks' ledgers, and its JSON:
// p itself when no task has an entry, else a copy (p is not changed).
func definition(p *plan.Plan) (*plan.Plan, []byte, error) {
	body, err := json.Marshal(p)
	if err != nil {
		return nil, nil, errf(ErrInvalid, "计划无法写成 JSON：%v", "the plan cannot be written as JSON: %v", err, err)
	}
	tasks, _ := p.ItemKeys()
	has := false
	for _, t := range tasks {
		has = has || t.Ledger.Len() > 0
	}
	if !has {
		return p, body, nil
	}
	c, err := decodeStored(string(body))
	if err != nil {
		return nil, nil, errf(ErrInvalid, "计划的 JSON 无法读回：%v", "the plan's JSON does not read back: %v", err, err)
	}
	copies, _ := c.ItemKeys()
	for _, t := range copies {
		t.Ledger = task.Ledger{}
	}
	if body, err = json.Marshal(c); err != nil {
		return nil, nil, errf(ErrInvalid, "计划无法写成 JSON：%v", "the plan cannot be written as JSON: %v", err, err)
	}
	return c, body, nil
}

// taskRow is a task as stored on its own row: without the tasks delegated
// from it, which have rows of their own.
func taskRow(t *task.Task) *task.Task {
	c := *t
	c.Delegated = nil
	return &c
}

// unitsOf lists (unit, role) for a task's responsibility.
func unitsOf(t *task.Task) [][2]string {
	var out [][2]string
	r := t.Responsibility
	for _, l := range []struct {
		role  string
		units []string
	}{{"lead", r.Lead}, {"responsible", r.Responsible}, {"supporting", r.Supporting}} {
		for _, u := range l.units {
			out = append(out, [2]string{u, l.role})
		}
	}
	return out
}

// latestPlan returns the latest version of a plan and its SHA-256 (0 and
// "" when there is none).
func (s *Store) latestPlan(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id uuid.UUID) (int, string, error) {
	var v int
	var sha string
	err := q.QueryRowContext(ctx, s.bind(`SELECT version, sha256 FROM plans WHERE plan_id = ? ORDER BY version DESC LIMIT 1`), id.String()).Scan(&v, &sha)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", s.wrap("reading the plan's versions", err)
	}
	return v, sha, nil
}

// Plan returns the latest version of the plan with id, as stored.
func (s *Store) Plan(ctx context.Context, id uuid.UUID) (*plan.Plan, PlanVersion, error) {
	v, _, err := s.latestPlan(ctx, s.db, id)
	if err != nil {
		return nil, PlanVersion{}, err
	}
	if v == 0 {
		return nil, PlanVersion{}, errf(ErrNotFound, "没有 id 为 %s 的计划", "no plan with id %s", id, id)
	}
	return s.PlanAt(ctx, id, v)
}

// PlanAt returns the given version of the plan with id.
func (s *Store) PlanAt(ctx context.Context, id uuid.UUID, version int) (*plan.Plan, PlanVersion, error) {
	var body, stored string
	v := PlanVersion{ID: id, Version: version}
	err := s.db.QueryRowContext(ctx, s.bind(`SELECT plan_key, doc_number, title, sha256, stored_at, body FROM plans WHERE plan_id = ? AND version = ?`), id.String(), version).
		Scan(&v.Key, &v.DocNumber, &v.Title, &v.SHA256, &stored, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, PlanVersion{}, errf(ErrNotFound, "计划 %s 没有第%d版", "plan %s has no version %d", id, version, id, version)
	}
	if err != nil {
		return nil, PlanVersion{}, s.wrap("reading the plan", err)
	}
	if v.StoredAt, err = parseTime(stored); err != nil {
		return nil, PlanVersion{}, errf(ErrNotAStore, "计划 %s 的存储时间无法读取：%q", "plan %s has an unreadable storage time: %q", id, stored, id, stored)
	}
	p, err := decodeStored(body)
	if err != nil {
		return nil, PlanVersion{}, errf(ErrNotAStore, "计划 %s 第%d版无法读取：%v", "plan %s version %d cannot be read: %v", id, version, err, id, version, err)
	}
	return p, v, nil
}

// Plans lists the latest version of every stored plan, by title.
func (s *Store) Plans(ctx context.Context) ([]PlanVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.plan_id, p.version, p.plan_key, p.doc_number, p.title, p.sha256, p.stored_at FROM plans p
		WHERE p.version = (SELECT MAX(q.version) FROM plans q WHERE q.plan_id = p.plan_id) ORDER BY p.title, p.plan_id`)
	if err != nil {
		return nil, s.wrap("listing plans", err)
	}
	defer rows.Close()
	var out []PlanVersion
	for rows.Next() {
		var v PlanVersion
		var id, stored string
		if err := rows.Scan(&id, &v.Version, &v.Key, &v.DocNumber, &v.Title, &v.SHA256, &stored); err != nil {
			return nil, s.wrap("listing plans", err)
		}
		if v.ID, err = uuid.Parse(id); err != nil {
			return nil, errf(ErrNotAStore, "计划 id 无法读取：%q", "unreadable plan id %q", id, id)
		}
		if v.StoredAt, err = parseTime(stored); err != nil {
			return nil, errf(ErrNotAStore, "存储时间无法读取：%q", "unreadable storage time %q", stored, stored)
		}
		out = append(out, v)
	}
	return out, s.wrap("listing plans", rows.Err())
}

// decodeStored reads a plan as the store wrote it. The store wrote it with
// json.Marshal from a plan that was whole, so the standard decoder reads
// it, refusing unknown fields (a newer release's) as plan.Decode does, at
// a sixth of plan.Decode's cost; what it refuses goes through plan.Decode,
// whose error names every problem.
func decodeStored(body string) (*plan.Plan, error) {
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	var p plan.Plan
	if err := dec.Decode(&p); err == nil && !dec.More() {
		if major, _, _ := strings.Cut(p.SchemaVersion, "."); p.SchemaVersion == "" || major == "1" {
			return &p, nil
		}
	}
	return plan.Decode(strings.NewReader(body))
}
