package store

import (
	"context"
	"fmt"
	"iter"
	"os"
	"testing"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The province-scale benchmarks. A tenth of the province runs by default;
// the whole province — 1 000 plans, 100 000 tasks, 1 000 000 ledger
// events, 1 000 000 approval cases with 10 000 000 events — only when
// BIZENV_BENCH_FULL=1, since generating and loading it takes many minutes
// and gigabytes of disk (set TMPDIR to put the SQLite file elsewhere):
//
//	go test ./store -run '^$' -bench Province -benchtime 1x -timeout 0
//	BIZENV_BENCH_FULL=1 BIZENV_TEST_POSTGRES=postgres://… go test ./store -run '^$' -bench Province -benchtime 1x -timeout 0
//
// Each size is loaded once per database (load), then the day's actions are
// decided over every plan (actions: each plan read, its tasks' events
// replayed, task.Actions with what was sent) and the open cases near their
// limit are found (near-limit: approval.Alerts over the open cases, a page
// at a time).
const benchFullEnv = "BIZENV_BENCH_FULL"

// benchSize is one size of the province.
type benchSize struct {
	name                  string
	plans, tasks, perTask int // tasks per plan, ledger entries per task
	cases, eventsPerCase  int
	openEvery             int // one case in openEvery is still open
}

func benchSizes() []benchSize {
	sizes := []benchSize{{name: "tenth", plans: 100, tasks: 100, perTask: 10, cases: 100_000, eventsPerCase: 10, openEvery: 3}}
	if os.Getenv(benchFullEnv) != "" {
		sizes = append(sizes, benchSize{name: "full", plans: 1000, tasks: 100, perTask: 10, cases: 1_000_000, eventsPerCase: 10, openEvery: 3})
	}
	return sizes
}

var benchUnits = func() []string {
	out := make([]string, 1000)
	for i := range out {
		out[i] = fmt.Sprintf("单位%04d", i)
	}
	return out
}()

// benchPlan makes plan n of the province: tasks over 1 000 units, as a
// district system holds them by December (the shapes of the task
// package's supervision benchmark): a third joint, a tenth monthly, half
// due on a date in 2025, the rest at the plan's end; perTask ledger
// entries each — monthly reports from each accountable unit, a correction
// now and then, a tenth applied for and approved (销号).
func benchPlan(n, tasks, perTask int) *plan.Plan {
	issued, _ := calendar.ParseDate("2025-01-01")
	p := &plan.Plan{Title: fmt.Sprintf("基准计划%04d", n), Kind: plan.Programme, Issuer: fmt.Sprintf("基准县%04d", n), Issued: issued, Period: plan.Period{From: 2025, To: 2025}}
	sec := &plan.Section{Number: "一", Title: "任务"}
	p.Sections = []*plan.Section{sec}
	at := time.Date(2025, 1, 1, 9, 0, 0, 0, calendar.Beijing())
	for i := range tasks {
		k := n*tasks + i
		t := &task.Task{Number: fmt.Sprint(i + 1), Title: "任务", Section: "任务"}
		u := benchUnits
		if i%3 == 0 {
			t.Responsibility = task.Responsibility{Lead: []string{}, Responsible: []string{u[(k+1)%1000], u[(k+2)%1000]}, Joint: true, Supporting: []string{u[(k+3)%1000]}}
		} else {
			t.Responsibility = task.Responsibility{Lead: []string{u[k%1000]}, Responsible: []string{u[(k+1)%1000]}, Supporting: []string{u[(k+3)%1000]}}
		}
		switch {
		case i%10 == 0:
			t.Deadline = &task.Deadline{Kind: task.Monthly, Day: 15}
		case i%10 < 6:
			due, _ := issued.AddDays(120 + k%240)
			t.Deadline = &task.Deadline{Kind: task.OnDate, Date: due}
		}
		acc := t.Responsibility.Accountable()
		e := 0
		for m := 1; e < perTask; m++ {
			d, _ := calendar.NewDate(2025, time.Month((m-1)%12+1), 10)
			for _, unit := range acc {
				if e == perTask {
					break
				}
				x := task.Entry{Date: d, Unit: unit, Percent: decimal.NewFromInt(int64(min(100, 8*m+k%7)))}
				switch {
				case e == perTask-2 && i%10 == 5:
					x = task.Entry{Kind: task.Apply, Date: d, Unit: acc[0], RecordedAt: at, Evidence: []string{"佐证.pdf"}}
				case e == perTask-1 && i%10 == 5:
					x = task.Entry{Kind: task.Approve, Date: d, Unit: "区营商局", RecordedAt: at, Ref: e}
				case e > 0 && e%7 == 0:
					x.Corrects = e
					x.Unit = t.Ledger.Entries()[e-1].Unit
				}
				if _, err := t.Ledger.Append(x); err != nil {
					panic(err)
				}
				e++
			}
		}
		sec.Tasks = append(sec.Tasks, t)
	}
	p.AssignIDs()
	return p
}

// benchCases yields the province's cases: high-voltage connections over
// 2025, eventsPerCase events each (up to 10), one in openEvery still open.
func benchCases(n, eventsPerCase, openEvery int) iter.Seq[*approval.Case] {
	bj := calendar.Beijing()
	return func(yield func(*approval.Case) bool) {
		for i := range n {
			// Started between 2 January and 10 October, an hour apart.
			t0 := time.Date(2025, 1, 2, 9, 0, 0, 0, bj).Add(time.Duration(i%6800) * time.Hour)
			if i%openEvery == 0 {
				t0 = time.Date(2025, 9, 1, 9, 0, 0, 0, bj).Add(time.Duration(i%1000) * time.Hour)
			}
			day := 24 * time.Hour
			evs := []approval.Event{
				{At: t0, Kind: approval.Submitted},
				{At: t0.Add(time.Hour), Kind: approval.Accepted},
				{At: t0.Add(time.Hour), Kind: approval.StageStarted, Stage: "申请受理"},
				{At: t0.Add(day), Kind: approval.StageFinished, Stage: "申请受理"},
				{At: t0.Add(day), Kind: approval.StageStarted, Stage: "供电方案答复"},
				{At: t0.Add(2 * day), Kind: approval.Paused, Reason: approval.Correction},
				{At: t0.Add(4 * day), Kind: approval.Resumed},
				{At: t0.Add(5 * day), Kind: approval.Visit},
				{At: t0.Add(6 * day), Kind: approval.StageFinished, Stage: "供电方案答复"},
				{At: t0.Add(10 * day), Kind: approval.Finished},
			}
			if i%openEvery == 0 { // still open: the last stage running
				evs[9] = approval.Event{At: t0.Add(6 * day), Kind: approval.StageStarted, Stage: "装表接电"}
			}
			c := &approval.Case{ID: fmt.Sprintf("C%08d", i), Process: "power-high-voltage", Unit: benchUnits[i%1000], Events: evs[:eventsPerCase]}
			if !yield(c) {
				return
			}
		}
	}
}

// loadProvince fills an empty store with a size of the province.
func loadProvince(b *testing.B, s *Store, size benchSize) {
	ctx := context.Background()
	now := time.Date(2025, 12, 20, 8, 0, 0, 0, calendar.Beijing())
	for n := range size.plans {
		if _, _, err := s.SavePlan(ctx, benchPlan(n, size.tasks, size.perTask), now); err != nil {
			b.Fatal(err)
		}
	}
	got, err := s.ImportCases(ctx, benchCases(size.cases, size.eventsPerCase, size.openEvery), now)
	if err != nil || got != size.cases {
		b.Fatal(got, err)
	}
}

// The generated cases are valid under the approval package's rules, and
// the generated plans' ledgers under the task package's.
func TestBenchDataIsValid(t *testing.T) {
	procs := approval.CatalogProcesses()
	n := 0
	for c := range benchCases(300, 10, 3) {
		_, err := approval.Replay(c, procs[c.Process])
		require.NoError(t, err, c.ID)
		n++
	}
	require.Equal(t, 300, n)
	p := benchPlan(7, 100, 10)
	tasks, _ := p.Tasks()
	require.Len(t, tasks, 100)
	for _, x := range tasks {
		require.Equal(t, 10, x.Ledger.Len())
	}
}

func BenchmarkProvince(b *testing.B) {
	ctx := context.Background()
	asOf, _ := calendar.ParseDate("2025-12-20")
	at := time.Date(2025, 10, 20, 12, 0, 0, 0, calendar.Beijing())
	procs := approval.CatalogProcesses()
	for _, db := range databases(b) {
		for _, size := range benchSizes() {
			events := size.plans * size.tasks * size.perTask
			caseEvents := size.cases * size.eventsPerCase
			name := fmt.Sprintf("%s/%s/plans=%d/tasks=%d/ledger=%d/cases=%d/case-events=%d", db.name, size.name, size.plans, size.plans*size.tasks, events, size.cases, caseEvents)
			var s *Store
			parent := b // the stores live as long as the whole benchmark
			b.Run(name+"/load", func(b *testing.B) {
				b.ReportAllocs()
				defer reportCPU(b)()
				for range b.N {
					if s != nil {
						s.Close()
					}
					var err error
					if s, err = Open(ctx, db.dsn(parent), Options{}); err != nil {
						b.Fatal(err)
					}
					loadProvince(b, s, size)
				}
				b.ReportMetric(float64(events+caseEvents)/b.Elapsed().Seconds()*float64(b.N), "events/s")
			})
			if s == nil {
				continue
			}
			b.Run(name+"/actions", func(b *testing.B) {
				b.ReportAllocs()
				defer reportCPU(b)()
				for range b.N {
					actions, tasks := 0, 0
					err := s.EachPlan(ctx, func(st *PlanState) error {
						sup, err := task.Actions(st.Tasks, asOf, st.Options(task.Options{}), st.Sent)
						actions += len(sup.Actions)
						tasks += len(st.Tasks)
						return err
					})
					if err != nil || actions == 0 || tasks != size.plans*size.tasks {
						b.Fatal(err, actions, tasks)
					}
					b.ReportMetric(float64(actions), "actions")
				}
			})
			b.Run(name+"/near-limit", func(b *testing.B) {
				b.ReportAllocs()
				defer reportCPU(b)()
				for range b.N {
					alerts := 0
					bad, err := s.NearLimit(ctx, procs, at, approval.Options{}, func(approval.Alert) error { alerts++; return nil })
					if err != nil || len(bad) > 0 || alerts == 0 {
						b.Fatal(err, bad, alerts)
					}
					b.ReportMetric(float64(alerts), "alerts")
				}
			})
			s.Close()
		}
	}
}

// reportCPU reports the processor time of this process per operation
// (cpu-s/op) when the returned function runs: on a machine shared with
// others the wall time varies by several times, the processor time much
// less. PostgreSQL's own processor time, in its server processes, is not
// in it.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op") }
}

// BenchmarkProvinceInMemory is the baseline of BenchmarkProvince: the same
// data, generated into memory (not timed), and the same answers computed
// there — task.Actions over every plan's tasks, approval.Alerts over every
// case — so that the store's figures read as the cost of the database
// over the computation itself.
func BenchmarkProvinceInMemory(b *testing.B) {
	asOf, _ := calendar.ParseDate("2025-12-20")
	at := time.Date(2025, 10, 20, 12, 0, 0, 0, calendar.Beijing())
	procs := approval.CatalogProcesses()
	for _, size := range benchSizes() {
		name := fmt.Sprintf("memory/%s/plans=%d/tasks=%d/ledger=%d/cases=%d/case-events=%d", size.name, size.plans, size.plans*size.tasks,
			size.plans*size.tasks*size.perTask, size.cases, size.cases*size.eventsPerCase)
		type planTasks struct {
			tasks []*task.Task
			opts  task.Options
		}
		var plans []planTasks
		var cases []*approval.Case
		generate := func() {
			if plans != nil {
				return
			}
			for n := range size.plans {
				p := benchPlan(n, size.tasks, size.perTask)
				tasks, _ := p.Tasks()
				plans = append(plans, planTasks{tasks, p.TaskOptions()})
			}
			for c := range benchCases(size.cases, size.eventsPerCase, size.openEvery) {
				cases = append(cases, c)
			}
		}
		b.Run(name+"/actions", func(b *testing.B) {
			generate()
			b.ReportAllocs()
			b.ResetTimer()
			defer reportCPU(b)()
			for range b.N {
				actions := 0
				for _, p := range plans {
					sup, err := task.Actions(p.tasks, asOf, p.opts, nil)
					if err != nil {
						b.Fatal(err)
					}
					actions += len(sup.Actions)
				}
				b.ReportMetric(float64(actions), "actions")
			}
		})
		b.Run(name+"/near-limit", func(b *testing.B) {
			generate()
			b.ReportAllocs()
			b.ResetTimer()
			defer reportCPU(b)()
			for range b.N {
				alerts, bad := approval.Alerts(cases, procs, at, nil, approval.Options{})
				if len(bad) > 0 || len(alerts) == 0 {
					b.Fatal(bad, len(alerts))
				}
				b.ReportMetric(float64(len(alerts)), "alerts")
			}
		})
	}
}
