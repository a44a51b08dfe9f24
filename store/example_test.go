package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/store"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
)

// openTiexi opens a SQLite store in a new folder and stores the 铁西 plan.
func openTiexi(ctx context.Context) (*store.Store, *plan.Plan, func()) {
	dir, err := os.MkdirTemp("", "bizenv-example-")
	if err != nil {
		panic(err)
	}
	s, err := store.Open(ctx, filepath.Join(dir, "bizenv.db"), store.Options{})
	if err != nil {
		panic(err)
	}
	f, err := os.Open(filepath.Join("..", "examples", "data", "tiexi-2025-55.json"))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	p, err := plan.Decode(f)
	if err != nil {
		panic(err)
	}
	p.AssignIDs()
	if _, _, err := s.SavePlan(ctx, p, time.Date(2025, 5, 20, 9, 0, 0, 0, calendar.Beijing())); err != nil {
		panic(err)
	}
	return s, p, func() { s.Close(); os.RemoveAll(dir) }
}

func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// A plan imported twice is stored once: its IDs are deterministic.
func ExampleStore_SavePlan() {
	ctx := context.Background()
	s, p, done := openTiexi(ctx)
	defer done()
	v, created, err := s.SavePlan(ctx, p, time.Date(2025, 6, 1, 9, 0, 0, 0, calendar.Beijing()))
	fmt.Println(v.Version, created, err)
	// Output:
	// 1 false <nil>
}

// Two units report on a joint task (按职责分工负责); the store keeps the
// ledger, and the task's progress is the task package's, from the stored
// entries.
func ExampleStore_Record() {
	ctx := context.Background()
	s, p, done := openTiexi(ctx)
	defer done()
	st, _ := s.LoadPlan(ctx, p.ID)
	item3, _ := st.Task("3")
	now := time.Date(2025, 9, 30, 16, 30, 0, 0, calendar.Beijing())
	for unit, pct := range map[string]int64{"区住建局": 80, "区数据局": 44} {
		_, err := s.Record(ctx, p.ID, item3.ID, task.Entry{Date: day("2025-09-30"), Unit: unit, RecordedAt: now, Percent: decimal.NewFromInt(pct)}, task.Options{}, now)
		if err != nil {
			fmt.Println(err)
		}
	}
	// An application to close from a unit with no part is refused, and
	// nothing is written.
	_, err := s.Record(ctx, p.ID, item3.ID, task.Entry{Kind: task.Apply, Date: day("2025-10-09"), Unit: "区财政局", RecordedAt: now, Evidence: []string{"x.pdf"}}, task.Options{}, now)
	fmt.Println(errors.Is(err, task.ErrRefused))

	st, _ = s.LoadPlan(ctx, p.ID)
	item3, _ = st.Task("3")
	progress, _ := item3.ProgressWith(st.Options(task.Options{}))
	fmt.Println(item3.Ledger.Len(), progress, item3.State().Chinese())
	// Output:
	// true
	// 2 62 推进中
}

// The day's supervision is recorded as it is decided: run again — after
// a restart, or by a second supervisor — it sends nothing new.
func ExampleStore_Supervise() {
	ctx := context.Background()
	s, p, done := openTiexi(ctx)
	defer done()
	on := day("2025-06-17") // item 51's first monthly report was due on 16 June
	now := time.Date(2025, 6, 17, 9, 0, 0, 0, calendar.Beijing())
	first, _ := s.Supervise(ctx, p.ID, on, task.Options{}, now)
	for _, a := range first.Actions {
		fmt.Println(a.Kind.Chinese(), a.Number, a.Unit, "reply by", a.ReplyBy)
	}
	again, _ := s.Supervise(ctx, p.ID, on, task.Options{}, now.Add(time.Hour))
	fmt.Println(len(again.Actions))
	// Output:
	// 督办 51 区工信局 reply by 2025-06-24
	// 督办 51 区财政局 reply by 2025-06-24
	// 0
}

// Open approval cases near or past their limit, found over cases the
// store streams a page at a time.
func ExampleStore_NearLimit() {
	ctx := context.Background()
	s, _, done := openTiexi(ctx)
	defer done()
	procs := approval.CatalogProcesses()
	bj := calendar.Beijing()
	accepted := func(id string, d time.Time) {
		_, err := s.RecordCaseEvents(ctx, approval.Case{ID: id, Process: "power-high-voltage", Unit: "供电公司"}, procs, d,
			approval.Event{At: d, Kind: approval.Submitted}, approval.Event{At: d.Add(time.Hour), Kind: approval.Accepted})
		if err != nil {
			fmt.Println(err)
		}
	}
	accepted("HV-001", time.Date(2025, 9, 1, 9, 0, 0, 0, bj))
	accepted("HV-002", time.Date(2025, 10, 13, 9, 0, 0, 0, bj))
	at := time.Date(2025, 10, 20, 12, 0, 0, 0, bj)
	_, err := s.NearLimit(ctx, procs, at, approval.Options{}, func(a approval.Alert) error {
		fmt.Println(a.Case, a.Level)
		return nil
	})
	fmt.Println(err)
	// Output:
	// HV-001 warning
	// HV-001 overdue
	// <nil>
}
