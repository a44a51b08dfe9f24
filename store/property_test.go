package store

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomPlan makes a plan of random shape from a seed: nested sections,
// tasks with random responsibility, deadlines and statuses, parts
// delegated in the document, and ledgers of random entries (each one the
// ledger accepts: reports, corrections, applications, approvals and
// returns, re-checks).
func randomPlan(seed uint64) *plan.Plan {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	issued, _ := calendar.NewDate(2024+r.IntN(3), time.Month(1+r.IntN(12)), 1+r.IntN(28))
	p := &plan.Plan{Title: fmt.Sprintf("随机计划%d", seed), Kind: plan.Programme, Issuer: "某区人民政府", Issued: issued,
		Period: plan.Period{From: issued.Year(), To: issued.Year() + r.IntN(3)}}
	units := []string{"区数据局", "区财政局", "区住建局", "区市场监管局", "兴盛街道", "各镇(街道)"}
	pick := func() []string {
		var out []string
		for _, u := range units {
			if r.IntN(4) == 0 {
				out = append(out, u)
			}
		}
		if out == nil {
			out = []string{}
		}
		return out
	}
	n := 0
	var section func(depth int) *plan.Section
	section = func(depth int) *plan.Section {
		s := &plan.Section{Number: fmt.Sprint(1 + r.IntN(9)), Title: fmt.Sprintf("第%d部分", r.IntN(100))}
		for range r.IntN(6) {
			n++
			t := &task.Task{Number: fmt.Sprint(n), Title: fmt.Sprintf("任务%d", n), Body: "内容", Section: s.Title}
			t.Responsibility = task.Responsibility{Lead: []string{units[r.IntN(len(units))]}, Responsible: pick(), Supporting: pick()}
			if r.IntN(3) == 0 {
				t.Responsibility = task.Responsibility{Lead: []string{}, Responsible: []string{units[0], units[1+r.IntN(3)]}, Joint: true, Supporting: []string{}}
			}
			switch r.IntN(4) {
			case 0:
				d, _ := issued.AddDays(30 + r.IntN(300))
				t.Deadline = &task.Deadline{Kind: task.OnDate, Date: d, Text: d.String() + "前"}
			case 1:
				t.Deadline = &task.Deadline{Kind: task.Monthly, Day: 15, Text: "每月15日前"}
			}
			t.Status = []task.Status{task.NotStarted, task.InProgress, task.Suspended}[r.IntN(3)]
			if r.IntN(5) == 0 {
				t.ID = task.NewID(p.Title, t.Number) // the parts' IDs derive from it
				if _, err := t.Delegate([]string{"兴盛街道", "北陶街道"}[:1+r.IntN(2)], nil); err != nil {
					panic(err)
				}
			}
			acc := t.Responsibility.Accountable()
			at := issued.In(calendar.Beijing()).Add(9 * time.Hour)
			for i := range 3 + r.IntN(12) {
				d, _ := issued.AddDays(10 * (i + 1))
				var e task.Entry
				es := t.Ledger.Entries()
				switch k := r.IntN(8); {
				case k < 4 || (k == 4 || k == 6) && len(es) == 0:
					e = task.Entry{Date: d, Unit: acc[r.IntN(len(acc))], Percent: decimal.NewFromInt(int64(r.IntN(101))), Narrative: "进展"}
				case k == 4:
					x := es[r.IntN(len(es))]
					e = task.Entry{Date: d, Unit: x.Unit, Percent: decimal.NewFromInt(int64(r.IntN(101))), Corrects: x.Seq}
				case k == 5:
					e = task.Entry{Kind: task.Apply, Date: d, Unit: acc[0], RecordedAt: at, Evidence: []string{"佐证.pdf"}}
				case k == 6:
					e = task.Entry{Kind: []task.EntryKind{task.Approve, task.Return}[r.IntN(2)], Date: d, Unit: "区营商局", RecordedAt: at, Ref: es[r.IntN(len(es))].Seq, Reason: "审核"}
				default:
					e = task.Entry{Kind: task.Recheck, Date: d, Unit: "区营商局", RecordedAt: at, Reason: "回头看"}
				}
				_, _ = t.Ledger.Append(e) // what the ledger refuses is simply not in it
			}
			s.Tasks = append(s.Tasks, t)
		}
		if depth < 3 {
			for range r.IntN(3) {
				s.Sections = append(s.Sections, section(depth+1))
			}
		}
		return s
	}
	for range 1 + r.IntN(4) {
		p.Sections = append(p.Sections, section(0))
	}
	p.AssignIDs()
	return p
}

// Property: a plan read back is the plan stored — its definition as a
// version (Plan), and in its state with every ledger (LoadPlan) — for
// plans of random shape; storing it again writes nothing.
func TestPlanReadBackIsThePlanStored(t *testing.T) {
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		entries := 0
		for seed := uint64(1); seed <= 25; seed++ {
			p := randomPlan(seed)
			want, err := json.Marshal(p)
			require.NoError(t, err)
			tasks, _ := p.ItemKeys()
			for _, x := range tasks {
				entries += x.Ledger.Len()
			}
			now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
			_, created, err := s.SavePlan(ctx, p, now)
			require.NoError(t, err, seed)
			require.True(t, created)
			st, err := s.LoadPlan(ctx, p.ID)
			require.NoError(t, err, seed)
			got, err := json.Marshal(st.Plan)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got), "seed %d: the plan in its state", seed)

			def, _, err := s.Plan(ctx, p.ID)
			require.NoError(t, err)
			dt, _ := def.ItemKeys()
			for _, x := range dt {
				assert.Zero(t, x.Ledger.Len(), "a version is the definition")
			}
			_, created, err = s.SavePlan(ctx, p, now.Add(time.Hour))
			require.NoError(t, err)
			assert.False(t, created, "seed %d: the same plan again", seed)
		}
		assert.Greater(t, entries, 100, "the plans carried ledgers")
	})
}
