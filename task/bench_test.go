package task

import (
	"fmt"
	"testing"

	"github.com/bizenv/bizenv/calendar"
)

// Run: go test ./task -run '^$' -bench . -benchmem

// manyTasks makes n tasks over units units: each led by one unit, with
// two responsible and one supporting, a third of them jointly, with
// deadlines spread over 2025.
func manyTasks(n, units int) []*Task {
	names := make([]string, units)
	for i := range names {
		names[i] = fmt.Sprintf("单位%04d", i)
	}
	start, _ := calendar.ParseDate("2025-01-01")
	tasks := make([]*Task, n)
	for i := range tasks {
		due, _ := start.AddDays(i % 365)
		r := Responsibility{Responsible: []string{names[(i+1)%units], names[(i+2)%units]}, Supporting: []string{names[(i+3)%units]}}
		if i%3 == 0 {
			r.Joint = true
		} else {
			r.Lead = []string{names[i%units]}
		}
		tasks[i] = &Task{Number: fmt.Sprint(i + 1), Section: fmt.Sprintf("第%d章", i%6), Responsibility: r,
			Deadline: &Deadline{Kind: OnDate, Date: due}, Status: Status(i % 3)}
	}
	return tasks
}

func BenchmarkWorkload(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		tasks := manyTasks(n, 1000)
		b.Run(fmt.Sprintf("tasks=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if w := WorkloadOf(tasks, "单位0042"); len(w.Lead) == 0 {
					b.Fatal("no lead tasks")
				}
			}
		})
	}
}

func BenchmarkOverdue(b *testing.B) {
	asOf, _ := calendar.ParseDate("2025-07-01")
	for _, n := range []int{10_000, 100_000} {
		tasks := manyTasks(n, 1000)
		b.Run(fmt.Sprintf("tasks=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if late, _ := Overdue(tasks, asOf, Options{End: planEnd}); len(late) == 0 {
					b.Fatal("nothing overdue")
				}
			}
		})
	}
}
