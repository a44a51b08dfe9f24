package plan

import (
	"fmt"
	"testing"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// Run: go test ./plan -run '^$' -bench . -benchmem -benchtime 3x

// synthetic builds a plan of n tasks in n/100 sections with n/20
// indicators, and a child plan whose tasks implement it one to one.
func synthetic(n int) (parent, child *Plan) {
	end, _ := calendar.ParseDate("2025-12-31")
	mk := func(name string, implements func(i int) []uuid.UUID) *Plan {
		p := &Plan{ID: uuid.NewSHA1(task.Namespace(), []byte(name)), Title: name, Kind: ActionPlan, Period: Period{2021, 2025}}
		sections := n / 100
		for s := 0; s < sections; s++ {
			sec := &Section{Number: fmt.Sprint(s + 1), Title: fmt.Sprintf("第%d节", s+1)}
			for k := 0; k < 100; k++ {
				i := s*100 + k
				sec.Tasks = append(sec.Tasks, &task.Task{ID: uuid.NewSHA1(task.Namespace(), []byte(fmt.Sprint(name, i))), Number: fmt.Sprint(k + 1),
					Title:          fmt.Sprintf("推进第%d项改革任务落实情况", i),
					Responsibility: task.Responsibility{Lead: []string{fmt.Sprintf("单位%d", i%1000)}},
					Deadline:       &task.Deadline{Kind: task.OnDate, Date: end}, Implements: implements(i)})
			}
			p.Sections = append(p.Sections, sec)
		}
		sys := &indicator.System{Name: "指标"}
		for c := 0; c < n/20/10; c++ {
			root := &indicator.Node{Code: fmt.Sprint(c + 1), Name: fmt.Sprintf("类%d", c)}
			for k := 0; k < 10; k++ {
				root.Children = append(root.Children, &indicator.Node{Code: fmt.Sprintf("%d.%d", c+1, k+1), Name: fmt.Sprintf("指标%d", k),
					Measure: &indicator.Measure{Unit: indicator.Days, Direction: indicator.Lower}})
			}
			sys.Roots = append(sys.Roots, root)
		}
		p.IndicatorSystems = []*indicator.System{sys}
		return p
	}
	parent = mk("上级", func(int) []uuid.UUID { return nil })
	child = mk("下级", func(i int) []uuid.UUID {
		if i%2 == 0 {
			return []uuid.UUID{uuid.NewSHA1(task.Namespace(), []byte(fmt.Sprint("上级", i)))}
		}
		return nil
	})
	return parent, child
}

func BenchmarkValidate(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		_, child := synthetic(n)
		b.Run(fmt.Sprintf("tasks=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if fs := child.Validate(Options{}); HasErrors(fs) {
					b.Fatal(fs[0])
				}
			}
		})
	}
}

func BenchmarkCheckAgainst(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		parent, child := synthetic(n)
		b.Run(fmt.Sprintf("tasks=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				_ = CheckAgainst(child, parent)
			}
		})
	}
}
