// Command store runs a year of 鞍山市铁西区2025年优化营商环境55条 on a SQLite
// store, as a district system would: the plan is imported into the store,
// each unit's clerk records the unit's monthly reports from a goroutine of
// its own — several units at once, two of them on the same joint task's
// ledger — some items are applied for closure (销号) and approved, the day's
// supervision (督办) runs every working day and is recorded as sent, and at
// the end of September the program closes the store and opens it again, as
// a restart would. The October bulletin (10月调度通报) it makes from the
// store is then checked against the one an in-memory run of the same year
// makes: they must be the same, as must every day's supervision.
//
//	go run ./examples/store [-db FILE] [-plan examples/data/tiexi-2025-55.json]
//
// Without -db the store is a new file in a temporary folder, removed at the
// end. The reports and closures are made up for the example; the plan, its
// units and deadlines are the document's.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/store"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

func main() {
	db := flag.String("db", "", "the SQLite file (default: a new file in a temporary folder, removed at the end)")
	file := flag.String("plan", filepath.Join("examples", "data", "tiexi-2025-55.json"), "the plan")
	flag.Parse()
	if err := run(os.Stdout, *file, *db); err != nil {
		fmt.Fprintln(os.Stderr, "store:", err)
		os.Exit(1)
	}
}

// entry is one made-up ledger entry of the year, on the item numbered item.
type entry struct {
	item string
	task.Entry
}

var bj = calendar.Beijing()

// year is the ledger of the year, by day: each accountable unit reports on
// the 10th of every month from June, its progress rising (区工信局 skips
// July's report of item 51, a monthly one, and reports late in October);
// every seventh item's first unit applies to close it on 20 October, with
// evidence, and 区营商局 approves on 24 October.
func year(tasks []*task.Task) map[calendar.Date][]entry {
	out := map[calendar.Date][]entry{}
	for i, t := range tasks {
		for j, unit := range t.Responsibility.Accountable() {
			for m := time.June; m <= time.December; m++ {
				d, _ := calendar.NewDate(2025, m, 10)
				if t.Number == "51" && unit == "区工信局" { // skips July, reports late in October
					if m == time.July {
						continue
					}
					if m == time.October {
						d, _ = calendar.NewDate(2025, m, 20)
					}
				}
				pct := min(95, 10*int64(m-time.May)+int64(5*j)+int64(i%5))
				out[d] = append(out[d], entry{t.Number, task.Entry{Date: d, Unit: unit, Reporter: unit + "联络员", RecordedAt: d.In(bj).Add(16 * time.Hour),
					Percent: decimal.NewFromInt(pct), Narrative: fmt.Sprintf("%d月进展", m)}})
			}
		}
		if i%7 == 3 {
			apply, _ := calendar.NewDate(2025, time.October, 20)
			approve, _ := calendar.NewDate(2025, time.October, 24)
			unit := t.Responsibility.Accountable()[0]
			out[apply] = append(out[apply], entry{t.Number, task.Entry{Kind: task.Apply, Date: apply, Unit: unit, Reporter: unit + "联络员",
				RecordedAt: apply.In(bj).Add(10 * time.Hour), Evidence: []string{t.Number + "号任务完成情况报告.pdf"}}})
			out[approve] = append(out[approve], entry{t.Number, task.Entry{Kind: task.Approve, Date: approve, Unit: "区营商局", Reporter: "督查室",
				RecordedAt: approve.In(bj).Add(10 * time.Hour)}})
		}
	}
	return out
}

func run(out io.Writer, file, dbPath string) error {
	ctx := context.Background()
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	decode := func() (*plan.Plan, error) {
		p, err := plan.Decode(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		p.AssignIDs()
		return p, nil
	}
	mem, err := decode() // the in-memory run
	if err != nil {
		return err
	}
	if dbPath == "" {
		dir, err := os.MkdirTemp("", "bizenv-store-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		dbPath = filepath.Join(dir, "tiexi.db")
	}
	s, err := store.Open(ctx, dbPath, store.Options{})
	if err != nil {
		return err
	}
	defer func() { s.Close() }()
	p, err := decode()
	if err != nil {
		return err
	}
	v, created, err := s.SavePlan(ctx, p, time.Date(2025, 5, 20, 9, 0, 0, 0, bj))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s 存入 %s（第%d版，新建 %v）/ stored (version %d)\n", p.Title, dbPath, v.Version, created, v.Version)

	memTasks, _ := mem.Tasks()
	memBy := map[string]*task.Task{}
	for _, t := range memTasks {
		memBy[t.Number] = t
	}
	o := mem.TaskOptions()
	byDay := year(memTasks)
	ids := map[string]uuid.UUID{} // the same in the store: deterministic
	for _, t := range memTasks {
		ids[t.Number] = t.ID
	}

	cal := calendar.China()
	var memSent []task.Action
	entries, actions, writers := 0, 0, 0
	restart, _ := calendar.NewDate(2025, time.September, 30)
	for d := o.Start; !d.After(o.End); d, _ = d.AddDays(1) {
		// The day's entries: each unit's clerk records its own, in a
		// goroutine of its own, all units at once.
		todays := byDay[d]
		byUnit := map[string][]entry{}
		var units []string
		for _, e := range todays {
			if byUnit[e.Unit] == nil {
				units = append(units, e.Unit)
			}
			byUnit[e.Unit] = append(byUnit[e.Unit], e)
		}
		sort.Strings(units)
		var wg sync.WaitGroup
		errs := make(chan error, len(units))
		for _, unit := range units {
			wg.Add(1)
			go func(es []entry) {
				defer wg.Done()
				for _, e := range es {
					x := e.Entry
					if x.Kind == task.Approve { // the application awaiting review, as stored
						st, err := s.LoadPlan(ctx, p.ID)
						if err != nil {
							errs <- err
							return
						}
						t, err := st.Task(e.item)
						if err != nil {
							errs <- err
							return
						}
						x.Ref = t.ClosureOf().Applied.Seq
					}
					if _, err := s.Record(ctx, p.ID, ids[e.item], x, task.Options{}, x.RecordedAt); err != nil {
						errs <- fmt.Errorf("%s %s: %w", e.item, e.Unit, err)
						return
					}
				}
			}(byUnit[unit])
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			return err
		}
		if len(units) > 1 {
			writers = max(writers, len(units))
		}
		// The same entries in memory, one after another.
		for _, unit := range units {
			for _, e := range byUnit[unit] {
				x := e.Entry
				t := memBy[e.item]
				if x.Kind == task.Approve {
					x.Ref = t.ClosureOf().Applied.Seq
				}
				if _, err := t.Record(x, o); err != nil {
					return err
				}
				entries++
			}
		}

		// The day's supervision, recorded as sent; the same in memory.
		if ok, err := cal.IsWorkday(d); err != nil || !ok {
			continue
		}
		sup, err := s.Supervise(ctx, p.ID, d, task.Options{}, d.In(bj).Add(9*time.Hour))
		if err != nil {
			return err
		}
		want, err := task.Actions(memTasks, d, o, memSent)
		if err != nil {
			return err
		}
		memSent = append(memSent, want.Actions...)
		if !sameActions(sup.Actions, want.Actions) {
			return fmt.Errorf("%s: the store decided %d actions, the in-memory run %d", d, len(sup.Actions), len(want.Actions))
		}
		actions += len(sup.Actions)

		if d == restart { // a restart: close the store and open it again
			if err := s.Close(); err != nil {
				return err
			}
			if s, err = store.Open(ctx, dbPath, store.Options{}); err != nil {
				return err
			}
			again, err := s.Supervise(ctx, p.ID, d, task.Options{}, d.In(bj).Add(18*time.Hour))
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%s 重启：当日督办重跑，新增 %d 项 / restarted: the day's supervision run again sends %d more\n", d, len(again.Actions), len(again.Actions))
		}
	}
	fmt.Fprintf(out, "台账 %d 条，最多 %d 个单位同时填报；督办 %d 项，每个工作日与内存中运行一致 / %d entries, up to %d units at once; %d actions, each day the in-memory run's\n",
		entries, writers, actions, entries, writers, actions)

	// The October bulletin, as of 3 November, from the store and in memory.
	span, err := task.MonthSpan(2025, time.October)
	if err != nil {
		return err
	}
	asOf, _ := calendar.NewDate(2025, time.November, 3)
	got, err := s.Bulletin(ctx, p.ID, span, asOf, task.Options{}, task.ScoreRules{})
	if err != nil {
		return err
	}
	want, err := task.NewBulletin(memTasks, span, asOf, o, memSent, task.ScoreRules{})
	if err != nil {
		return err
	}
	got.Title, want.Title = "铁西区优化营商环境工作10月调度通报", "铁西区优化营商环境工作10月调度通报"
	gj, err := json.Marshal(got)
	if err != nil {
		return err
	}
	wj, err := json.Marshal(want)
	if err != nil {
		return err
	}
	if !bytes.Equal(gj, wj) {
		return fmt.Errorf("the bulletin from the store differs from the in-memory run's")
	}
	fmt.Fprintln(out, "10月调度通报：存储与内存中运行相同 / the October bulletin: the store's is the in-memory run's")
	fmt.Fprintln(out)
	return got.WriteText(out)
}

// sameActions reports whether two lists hold the same actions in order.
func sameActions(a, b []task.Action) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID {
			return false
		}
	}
	return true
}
