package task

import (
	"fmt"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
)

// Run: go test ./task -run '^$' -bench 'Supervision' -benchmem -cpu 1 -benchtime 3x

// yearOfTasks makes n tasks over 1 000 units with perTask ledger entries
// each, as a district system holds them by mid-year: a third joint, a
// tenth monthly, the rest due on a date in 2025 or at the plan's end;
// monthly reports from each accountable unit, a correction now and then,
// and a tenth applied for and approved (销号).
func yearOfTasks(n, perTask int) []*Task {
	const units = 1000
	names := make([]string, units)
	for i := range names {
		names[i] = fmt.Sprintf("单位%04d", i)
	}
	pcts := make([]decimal.Decimal, 101)
	for i := range pcts {
		pcts[i] = decimal.NewFromInt(int64(i))
	}
	start, _ := calendar.ParseDate("2025-01-01")
	monthly := Deadline{Kind: Monthly, Day: 15}
	at := time.Date(2025, 1, 1, 9, 0, 0, 0, calendar.Beijing())
	tasks := make([]*Task, n)
	for i := range tasks {
		t := &Task{ID: NewID("基准", fmt.Sprint(i)), Number: fmt.Sprint(i + 1), Title: "任务", Section: fmt.Sprintf("第%d章", i%6)}
		if i%3 == 0 {
			t.Responsibility = Responsibility{Responsible: []string{names[(i+1)%units], names[(i+2)%units]}, Joint: true, Supporting: []string{names[(i+3)%units]}}
		} else {
			t.Responsibility = Responsibility{Lead: []string{names[i%units]}, Responsible: []string{names[(i+1)%units]}, Supporting: []string{names[(i+3)%units]}}
		}
		switch {
		case i%10 == 0:
			d := monthly
			t.Deadline = &d
		case i%10 < 6:
			due, _ := start.AddDays(120 + i%240)
			t.Deadline = &Deadline{Kind: OnDate, Date: due}
		}
		acc := t.Responsibility.Accountable()
		k := 0
		for m := 1; k < perTask; m++ {
			d, _ := calendar.NewDate(2025, time.Month((m-1)%12+1), 10)
			for _, u := range acc {
				if k == perTask {
					break
				}
				e := Entry{Date: d, Unit: u, Percent: pcts[min(100, 8*m+i%7)]}
				switch {
				case k == perTask-2 && i%10 == 5:
					e = Entry{Kind: Apply, Date: d, Unit: acc[0], RecordedAt: at, Evidence: []string{"佐证.pdf"}}
				case k == perTask-1 && i%10 == 5:
					e = Entry{Kind: Approve, Date: d, Unit: "区营商局", RecordedAt: at, Ref: k}
				case k > 0 && k%7 == 0:
					e.Corrects = k
					e.Unit = t.Ledger.all()[k-1].Unit
				}
				if _, err := t.Ledger.Append(e); err != nil {
					panic(err)
				}
				k++
			}
		}
		tasks[i] = t
	}
	return tasks
}

var benchOptions = func() Options {
	s, _ := calendar.ParseDate("2025-01-01")
	e, _ := calendar.ParseDate("2025-12-31")
	return Options{Start: s, End: e}
}()

var benchAsOf = func() calendar.Date { d, _ := calendar.ParseDate("2025-12-20"); return d }()

func benchSizes(b *testing.B, run func(b *testing.B, tasks []*Task)) {
	for _, n := range []int{10_000, 100_000} {
		tasks := yearOfTasks(n, 10)
		b.Run(fmt.Sprintf("tasks=%d/entries=%d", n, 10*n), func(b *testing.B) {
			b.ReportAllocs()
			run(b, tasks)
		})
	}
}

func BenchmarkSupervisionActions(b *testing.B) {
	benchSizes(b, func(b *testing.B, tasks []*Task) {
		for i := 0; i < b.N; i++ {
			s, err := Actions(tasks, benchAsOf, benchOptions, nil)
			if err != nil || len(s.Actions) == 0 {
				b.Fatal(err, len(s.Actions))
			}
		}
	})
}

func BenchmarkSupervisionLights(b *testing.B) {
	benchSizes(b, func(b *testing.B, tasks []*Task) {
		for i := 0; i < b.N; i++ {
			board, err := Lights(tasks, benchAsOf, benchOptions)
			if err != nil || board.Red == 0 {
				b.Fatal(err, board.Red)
			}
		}
	})
}

func BenchmarkSupervisionBulletin(b *testing.B) {
	span, _ := QuarterSpan(2025, 3)
	benchSizes(b, func(b *testing.B, tasks []*Task) {
		for i := 0; i < b.N; i++ {
			bl, err := NewBulletin(tasks, span, benchAsOf, benchOptions, nil, ScoreRules{})
			if err != nil || len(bl.Units) == 0 {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSupervisionNaive is the baseline: what a first version does for
// each task to tell whether it is late — copy the ledger out, find each
// unit's latest report by scanning it, and count working days day by day.
func BenchmarkSupervisionNaive(b *testing.B) {
	cal := calendar.China()
	benchSizes(b, func(b *testing.B, tasks []*Task) {
		for i := 0; i < b.N; i++ {
			late := 0
			Walk(tasks, func(t *Task) {
				es := t.Ledger.Entries()
				due := benchOptions.End
				if t.Deadline != nil && t.Deadline.Kind == OnDate {
					due = t.Deadline.Date
				}
				for _, u := range t.Responsibility.Accountable() {
					var best *Entry
					for j := range es {
						if es[j].Unit == u && (best == nil || !es[j].Date.Before(best.Date)) {
							best = &es[j]
						}
					}
					if best != nil && best.Percent.GreaterThanOrEqual(hundred) {
						continue
					}
					days := 0
					for d := due; d.Before(benchAsOf); d, _ = d.AddDays(1) {
						if ok, _ := cal.IsWorkday(d); ok {
							days++
						}
					}
					if days > 0 {
						late++
					}
				}
			})
			if late == 0 {
				b.Fatal("nothing late")
			}
		}
	})
}
