package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// PlanState is a plan as the store holds it now: its latest version, each
// task's events (ledger entries, status changes, delegations) replayed in
// order by the task package, and the supervision actions sent, with their
// replies. It is a snapshot: changing it changes nothing in the store
// (use Record, SetStatus, Delegate, RecordSent and RecordReply).
type PlanState struct {
	// Version describes the plan's latest version.
	Version PlanVersion
	// Plan is that version, its tasks in their state.
	Plan *plan.Plan
	// Tasks are the plan's tasks (plan.Plan.Tasks), with the parts
	// delegated from them under Delegated.
	Tasks []*task.Task
	// Sent are the actions sent for the plan's tasks, oldest first, with
	// the replies recorded: pass them to task.Actions so that nothing is
	// sent twice, and to task.NewBulletin.
	Sent []task.Action
	// Detached are tasks that have stored events but are not in the
	// latest version (a revision dropped them): their history is kept,
	// and listed here rather than silently left out.
	Detached []uuid.UUID

	events map[uuid.UUID]int // events per task stream
	byID   map[uuid.UUID]*task.Task
	span   task.Options // the plan's Start and End
}

// Events returns the number of events the stream of task id holds: the
// expected count of the next AppendTaskEvents.
func (st *PlanState) Events(id uuid.UUID) int { return st.events[id] }

// SentCount returns the number of actions sent for the plan: the
// expected count of the next RecordSent.
func (st *PlanState) SentCount() int { return len(st.Sent) }

// Task returns the task (delegated parts included) whose ID or number as
// printed is ref.
func (st *PlanState) Task(ref string) (*task.Task, error) {
	ref = strings.TrimSpace(ref)
	if id, err := uuid.Parse(ref); err == nil {
		if t := st.byID[id]; t != nil {
			return t, nil
		}
	}
	var found *task.Task
	task.Walk(st.Tasks, func(t *task.Task) {
		if found == nil && task.FoldName(t.Number) == task.FoldName(ref) {
			found = t
		}
	})
	if found == nil {
		return nil, errf(ErrNotFound, "计划《%s》中没有任务 %s", "plan %s has no task %s", st.Version.Title, ref, st.Version.Title, ref)
	}
	return found, nil
}

// Options returns o for the plan's tasks: Start and End are the plan's
// (plan.Plan.TaskOptions) unless o sets them.
func (st *PlanState) Options(o task.Options) task.Options {
	if o.Start.IsZero() && o.End.IsZero() {
		o.Start, o.End = st.span.Start, st.span.End
	}
	return o
}

// LoadPlan returns the plan with id in its state now (see PlanState).
func (s *Store) LoadPlan(ctx context.Context, id uuid.UUID) (*PlanState, error) {
	v, _, err := s.latestPlan(ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	if v == 0 {
		return nil, errf(ErrNotFound, "没有 id 为 %s 的计划", "no plan with id %s", id, id)
	}
	p, pv, err := s.PlanAt(ctx, id, v)
	if err != nil {
		return nil, err
	}
	st := &PlanState{Version: pv, Plan: p, events: map[uuid.UUID]int{}, byID: map[uuid.UUID]*task.Task{}, span: p.TaskOptions()}
	st.Tasks, _ = p.Tasks()
	streams, err := s.planEvents(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := st.replay(streams); err != nil {
		return nil, err
	}
	if st.Sent, err = s.sentActions(ctx, id); err != nil {
		return nil, err
	}
	return st, nil
}

// loadTask returns one task of a plan in its state now, with a PlanState
// that holds only it: its definition as the latest version stores it
// (without the parts the plan document delegates from it) and its own
// events replayed. A task the version has no row for (a part delegated by
// an event) is read with the whole plan.
func (s *Store) loadTask(ctx context.Context, planID, taskID uuid.UUID) (*PlanState, *task.Task, error) {
	v, _, err := s.latestPlan(ctx, s.db, planID)
	if err != nil {
		return nil, nil, err
	}
	if v == 0 {
		return nil, nil, errf(ErrNotFound, "没有 id 为 %s 的计划", "no plan with id %s", planID, planID)
	}
	var body string
	err = s.db.QueryRowContext(ctx, s.bind(`SELECT body FROM plan_tasks WHERE plan_id = ? AND version = ? AND task_id = ?`), planID.String(), v, taskID.String()).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		st, err := s.LoadPlan(ctx, planID)
		if err != nil {
			return nil, nil, err
		}
		if t := st.byID[taskID]; t != nil {
			return st, t, nil
		}
		return nil, nil, errNoTask(st, taskID)
	}
	if err != nil {
		return nil, nil, s.wrap("reading task "+taskID.String(), err)
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	t := new(task.Task)
	if err := dec.Decode(t); err != nil {
		return nil, nil, errf(ErrNotAStore, "任务 %s 无法读取：%v", "task %s cannot be read: %v", taskID, err, taskID, err)
	}
	if t.ID != taskID {
		// Stored data that does not say what it is stored as: every
		// append would count the wrong stream and conflict for ever.
		return nil, nil, errf(ErrNotAStore, "存储的任务 %s 的 id 为 %s", "the task stored as %s has the id %s", taskID, t.ID, taskID, t.ID)
	}
	sp, err := s.planSpan(ctx, planID, v)
	if err != nil {
		return nil, nil, err
	}
	evs, err := s.TaskEvents(ctx, taskID)
	if err != nil {
		return nil, nil, err
	}
	st := &PlanState{Version: PlanVersion{ID: planID, Version: v, Title: sp.title}, Tasks: []*task.Task{t},
		events: map[uuid.UUID]int{}, byID: map[uuid.UUID]*task.Task{}, span: sp.span}
	if err := st.replay(map[uuid.UUID][]TaskEvent{taskID: evs}); err != nil {
		return nil, nil, err
	}
	return st, t, nil
}

// span is what loadTask needs of a plan version besides the task.
type span struct {
	title string
	span  task.Options
}

// planSpan returns a plan version's title and span (Start, End), read
// once per Store: a version never changes.
func (s *Store) planSpan(ctx context.Context, id uuid.UUID, version int) (span, error) {
	key := fmt.Sprintf("%s/%d", id, version)
	if v, ok := s.spans.Load(key); ok {
		return v.(span), nil
	}
	var body string
	if err := s.db.QueryRowContext(ctx, s.bind(`SELECT body FROM plans WHERE plan_id = ? AND version = ?`), id.String(), version).Scan(&body); err != nil {
		return span{}, s.wrap("reading plan "+id.String(), err)
	}
	var head struct {
		Title  string        `json:"title"`
		Issued calendar.Date `json:"issued"`
		Period plan.Period   `json:"period"`
	}
	if err := json.Unmarshal([]byte(body), &head); err != nil {
		return span{}, errf(ErrNotAStore, "计划 %s 第%d版无法读取：%v", "plan %s version %d cannot be read: %v", id, version, err, id, version, err)
	}
	p := plan.Plan{Issued: head.Issued, Period: head.Period}
	sp := span{title: head.Title, span: p.TaskOptions()}
	s.spans.Store(key, sp)
	return sp, nil
}

// planEvents reads the events of every task of a plan, by task.
func (s *Store) planEvents(ctx context.Context, id uuid.UUID) (map[uuid.UUID][]TaskEvent, error) {
	rows, err := s.db.QueryContext(ctx, s.bind(`SELECT task_id, seq, kind, op, stored_at, body FROM task_events WHERE plan_id = ? ORDER BY task_id, seq`), id.String())
	if err != nil {
		return nil, s.wrap("reading the events of plan "+id.String(), err)
	}
	defer rows.Close()
	out := map[uuid.UUID][]TaskEvent{}
	var cur uuid.UUID
	var curText string
	for rows.Next() {
		var seq int
		var tid, kind, op, stored, body string
		if err := rows.Scan(&tid, &seq, &kind, &op, &stored, &body); err != nil {
			return nil, s.wrap("reading the events of plan "+id.String(), err)
		}
		if tid != curText {
			if cur, err = uuid.Parse(tid); err != nil {
				return nil, errf(ErrNotAStore, "任务 id 无法读取：%q", "unreadable task id %q", tid, tid)
			}
			curText = tid
		}
		if seq != len(out[cur])+1 {
			return nil, errf(ErrNotAStore, "任务 %s 的事件序号不连续（缺第%d条）", "task %s has a gap in its events (event %d is missing)", tid, len(out[cur])+1, tid, len(out[cur])+1)
		}
		e, err := decodeTaskEvent(tid, seq, kind, op, stored, body)
		if err != nil {
			return nil, err
		}
		out[cur] = append(out[cur], e)
	}
	return out, s.wrap("reading the events of plan "+id.String(), rows.Err())
}

// replay gives each task its events, in order, through the task package:
// ledger entries through Ledger.Append (the ledger's rules hold for the
// stored history as for a new entry), status changes as recorded (they
// were checked by Task.SetStatus when made), delegations through
// Task.Delegate (the parts' IDs are derived, so the same parts come back).
func (st *PlanState) replay(streams map[uuid.UUID][]TaskEvent) error {
	var walk func(t *task.Task, depth int) error
	walk = func(t *task.Task, depth int) error {
		if t == nil || st.byID[t.ID] != nil || depth > 64 {
			return nil
		}
		st.byID[t.ID] = t
		t.Ledger = task.Ledger{} // the stream is the ledger
		evs := streams[t.ID]
		st.events[t.ID] = len(evs)
		for _, e := range evs {
			if err := applyEvent(t, e); err != nil {
				return err
			}
		}
		for _, d := range t.Delegated {
			if err := walk(d, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	for _, t := range st.Tasks {
		if err := walk(t, 0); err != nil {
			return err
		}
	}
	for id := range streams {
		if st.byID[id] == nil {
			st.Detached = append(st.Detached, id)
		}
	}
	sort.Slice(st.Detached, func(i, j int) bool { return st.Detached[i].String() < st.Detached[j].String() })
	return nil
}

// applyEvent applies one stored event to t.
func applyEvent(t *task.Task, e TaskEvent) error {
	bad := func(err error) error {
		return fmt.Errorf("%w: 任务 %s 第%d条事件无法重放 / event %d of task %s cannot be replayed: %w", ErrReplay, t.Number, e.Seq, e.Seq, t.Number, err)
	}
	switch {
	case e.Entry != nil:
		got, err := t.Ledger.Append(*e.Entry)
		if err != nil {
			return bad(err)
		}
		if got.Seq != e.Entry.Seq {
			return bad(fmt.Errorf("台账序号为 %d，存储的为 %d / the ledger numbers it %d, the store %d", got.Seq, e.Entry.Seq, got.Seq, e.Entry.Seq))
		}
	case e.Status != nil:
		t.Status = *e.Status
	case e.Delegation != nil:
		have := map[string]bool{}
		for _, d := range t.Delegated {
			if d != nil {
				for _, u := range d.Responsibility.Lead {
					have[task.FoldName(u)] = true
				}
			}
		}
		var units []string
		for _, u := range e.Delegation.Units {
			if !have[task.FoldName(u)] { // a later version of the plan may carry the part already
				units = append(units, u)
			}
		}
		if len(units) > 0 {
			if _, err := t.Delegate(units, e.Delegation.Due); err != nil {
				return bad(err)
			}
		}
	}
	return nil
}

// planBatch is how many plan IDs a walk over plans reads at a time.
const planBatch = 100

// EachPlan calls fn with the state of every stored plan (see LoadPlan), in
// ID order, one at a time: the province's plans are never all in memory.
// fn returning an error stops the walk and returns it.
func (s *Store) EachPlan(ctx context.Context, fn func(*PlanState) error) error {
	after := ""
	for {
		rows, err := s.db.QueryContext(ctx, s.bind(`SELECT DISTINCT plan_id FROM plans WHERE plan_id > ? ORDER BY plan_id LIMIT `+fmt.Sprint(planBatch)), after)
		if err != nil {
			return s.wrap("listing plans", err)
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return s.wrap("listing plans", err)
			}
			ids = append(ids, id)
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return s.wrap("listing plans", err)
		}
		if err := rows.Close(); err != nil {
			return s.wrap("listing plans", err)
		}
		if err := s.loadInOrder(ctx, ids, fn); err != nil {
			return err
		}
		if len(ids) < planBatch {
			return nil
		}
		after = ids[len(ids)-1]
	}
}

// loadInOrder loads the plans with ids, a few at once (one per processor,
// at most four), and calls fn with each in order: reading and replaying
// the next plans goes on while fn works on one, and no more than a few
// states are held at a time.
func (s *Store) loadInOrder(ctx context.Context, ids []string, fn func(*PlanState) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type loaded struct {
		st  *PlanState
		err error
	}
	workers := min(max(runtime.GOMAXPROCS(0), 1), 4)
	slots := make(chan struct{}, workers+1) // loads running or waiting for fn
	results := make([]chan loaded, len(ids))
	for i := range results {
		results[i] = make(chan loaded, 1)
	}
	go func() {
		for i, text := range ids {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			go func() {
				id, err := uuid.Parse(text)
				if err != nil {
					results[i] <- loaded{err: errf(ErrNotAStore, "计划 id 无法读取：%q", "unreadable plan id %q", text, text)}
					return
				}
				st, err := s.LoadPlan(ctx, id)
				results[i] <- loaded{st, err}
			}()
		}
	}()
	for i := range ids {
		var r loaded
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-slots
		if r.err != nil {
			return r.err
		}
		if err := fn(r.st); err != nil {
			return err
		}
	}
	return nil
}

// FindPlan finds a stored plan by reference: its ID, its document number
// (文号, in any of the ways it is written: 〔2022〕, [2022], (2022)) or its
// title. A reference that matches several plans is an error listing them.
func (s *Store) FindPlan(ctx context.Context, ref string) (PlanVersion, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return PlanVersion{}, errf(ErrInvalid, "没有给出计划（id、文号或标题）", "no plan given (an id, a document number or a title)")
	}
	list, err := s.Plans(ctx)
	if err != nil {
		return PlanVersion{}, err
	}
	if id, err := uuid.Parse(ref); err == nil {
		for _, v := range list {
			if v.ID == id {
				return v, nil
			}
		}
		return PlanVersion{}, errf(ErrNotFound, "没有 id 为 %s 的计划", "no plan with id %s", id, id)
	}
	doc := ""
	if d, err := plan.ParseDocNumber(ref); err == nil {
		doc = d.String()
	}
	var hits []PlanVersion
	for _, v := range list {
		if (doc != "" && v.DocNumber == doc) || v.Title == ref {
			hits = append(hits, v)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0], nil
	case 0:
		var names []string
		for _, v := range list {
			names = append(names, v.Title)
		}
		return PlanVersion{}, errf(ErrNotFound, "没有计划的 id、文号或标题为 %q（存储中有：%s）", "no plan has the id, document number or title %q (the store holds: %s)",
			ref, strings.Join(names, "；"), ref, strings.Join(names, "; "))
	}
	var ids []string
	for _, v := range hits {
		ids = append(ids, v.ID.String())
	}
	return PlanVersion{}, errf(ErrInvalid, "%q 对应多个计划，请用 id：%s", "%q matches several plans; give an id: %s", ref, strings.Join(ids, ", "), ref, strings.Join(ids, ", "))
}

// seedLedgers moves the ledgers a plan document carries into the task
// streams, in tx: what the stream already holds must agree with the
// document (entry by entry), and the document's further entries are
// appended. A document and a store that disagree are an error naming the
// task and the entry: nothing is dropped or overwritten.
func (s *Store) seedLedgers(ctx context.Context, tx *sql.Tx, planID uuid.UUID, tasks []*task.Task, now time.Time) error {
	var with []*task.Task
	for _, t := range tasks {
		if t.Ledger.Len() > 0 {
			with = append(with, t)
		}
	}
	if len(with) == 0 {
		return nil
	}
	lengths := map[string]int{}
	rows, err := tx.QueryContext(ctx, s.bind(`SELECT task_id, MAX(seq) FROM task_events WHERE plan_id = ? GROUP BY task_id`), planID.String())
	if err != nil {
		return s.wrap("reading the plan's ledgers", err)
	}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return s.wrap("reading the plan's ledgers", err)
		}
		lengths[id] = n
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return s.wrap("reading the plan's ledgers", err)
	}
	if err := rows.Close(); err != nil {
		return s.wrap("reading the plan's ledgers", err)
	}
	b := newBulk(s, tx, "storing the plan's ledgers", "task_events", "task_id", "seq", "plan_id", "kind", "op", "stored_at", "body")
	op, when := uuid.New().String(), timeText(now)
	for _, t := range with {
		doc := t.Ledger.Entries()
		n := lengths[t.ID.String()]
		var stored []task.Entry
		if n > 0 {
			evs, err := s.readStream(ctx, tx, t.ID, uuid.Nil)
			if err != nil {
				return err
			}
			for _, e := range evs {
				if e.Entry != nil {
					stored = append(stored, *e.Entry)
				}
			}
		}
		for i := 0; i < len(doc) && i < len(stored); i++ {
			if !sameEntry(doc[i], stored[i]) {
				return errf(ErrConflict, "任务 %s 的台账第%d条与存储中的不同：文件与存储各有改动，请核对", "entry %d of the ledger of task %s differs from the one stored: the file and the store have each changed; reconcile them",
					t.Number, i+1, i+1, t.Number)
			}
		}
		for _, e := range doc[min(len(stored), len(doc)):] {
			e.Review = task.NotReviewable
			body, err := json.Marshal(e)
			if err != nil {
				return errf(ErrInvalid, "任务 %s 的台账条目无法写成 JSON：%v", "a ledger entry of task %s cannot be written as JSON: %v", t.Number, err, t.Number, err)
			}
			n++
			if err := b.add(ctx, t.ID.String(), n, planID.String(), kindEntry, op, when, string(body)); err != nil {
				return seedError(err, t)
			}
		}
	}
	return seedError(b.close(ctx), nil)
}

// seedError names a task whose stream another plan holds.
func seedError(err error, t *task.Task) error {
	if !errors.Is(err, errUnique) {
		return err
	}
	if t == nil {
		return errf(ErrConflict, "计划的某个任务的台账已存在于另一计划中", "a task of the plan has a ledger stored under another plan")
	}
	return errf(ErrConflict, "任务 %s（%s）的台账已存在于另一计划中", "task %s (%s) has a ledger stored under another plan", t.Number, t.ID, t.Number, t.ID)
}

// sameEntry reports whether two entries say the same (their review state,
// which is worked out, aside).
func sameEntry(a, b task.Entry) bool {
	a.Review, b.Review = task.NotReviewable, task.NotReviewable
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// seedStoredLedgers is migration 2's data step: the ledgers that the
// plans stored by version 1 carry in their JSON become task streams.
func seedStoredLedgers(ctx context.Context, s *Store, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT p.plan_id, p.version, p.stored_at FROM plans p WHERE p.version = (SELECT MAX(q.version) FROM plans q WHERE q.plan_id = p.plan_id) ORDER BY p.plan_id`)
	if err != nil {
		return s.wrap("migration: listing plans", err)
	}
	type pv struct {
		id     string
		v      int
		stored string
	}
	var list []pv
	for rows.Next() {
		var x pv
		if err := rows.Scan(&x.id, &x.v, &x.stored); err != nil {
			rows.Close()
			return s.wrap("migration: listing plans", err)
		}
		list = append(list, x)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return s.wrap("migration: listing plans", err)
	}
	if err := rows.Close(); err != nil {
		return s.wrap("migration: listing plans", err)
	}
	for _, x := range list {
		// The entries a plan carried were stored with it: they are
		// recorded at the version's time.
		now, err := parseTime(x.stored)
		if err != nil {
			return errf(ErrNotAStore, "迁移：计划 %s 第%d版的存入时间无法读取：%q", "migration: plan %s version %d has an unreadable stored time %q", x.id, x.v, x.stored, x.id, x.v, x.stored)
		}
		var body string
		if err := tx.QueryRowContext(ctx, s.bind(`SELECT body FROM plans WHERE plan_id = ? AND version = ?`), x.id, x.v).Scan(&body); err != nil {
			return s.wrap("migration: reading plan "+x.id, err)
		}
		p, err := decodeStored(body)
		if err != nil {
			return errf(ErrNotAStore, "迁移：计划 %s 第%d版无法读取：%v", "migration: plan %s version %d cannot be read: %v", x.id, x.v, err, x.id, x.v, err)
		}
		id, err := uuid.Parse(x.id)
		if err != nil {
			return errf(ErrNotAStore, "迁移：计划 id 无法读取：%q", "migration: unreadable plan id %q", x.id, x.id)
		}
		tasks, _ := p.ItemKeys()
		if err := s.seedLedgers(ctx, tx, id, tasks, now); err != nil {
			return err
		}
	}
	return nil
}

// errNoTask reports a task that the plan's state does not hold.
func errNoTask(st *PlanState, id uuid.UUID) error {
	return errf(ErrNotFound, "计划《%s》中没有任务 %s", "plan %s has no task %s", st.Version.Title, id, st.Version.Title, id)
}
