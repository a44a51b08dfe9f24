package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadPlanFile(t *testing.T, name string) *plan.Plan {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", "data", name))
	require.NoError(t, err)
	p, err := plan.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	p.AssignIDs()
	return p
}

// The queries a district system lives on give, plan by plan, what the
// task package gives over the same tasks in memory.
func TestQueriesAreTheDomainsAnswers(t *testing.T) {
	files := []string{"tiexi-2025-55.json", "anshan-hightech-2022.json", "bayuquan-2021-2024.json"}
	eachDB(t, func(t *testing.T, s *Store, _ string) {
		mem := map[uuid.UUID]*plan.Plan{}
		for _, f := range files {
			p := loadPlanFile(t, f)
			_, _, err := s.SavePlan(ctx, p, at(t, "2025-05-20"))
			require.NoError(t, err)
			mem[p.ID] = loadPlanFile(t, f)
		}
		// A few reports on the 铁西 plan, in the store and in memory.
		tx := loadPlanFile(t, files[0])
		o := tx.TaskOptions()
		ts, _ := tx.ItemKeys()
		memTs, _ := mem[tx.ID].ItemKeys()
		for i, day := range []string{"2025-06-30", "2025-07-31", "2025-08-29"} {
			for j := range 5 {
				unit := ts[j].Responsibility.Accountable()[0]
				e := report(t, day, unit, int64(20*(i+1)))
				_, err := s.Record(ctx, tx.ID, ts[j].ID, e, o, at(t, day))
				require.NoError(t, err)
				_, err = memTs[j].Record(e, o)
				require.NoError(t, err)
			}
		}
		asOf := date(t, "2025-09-15")
		top := func(id uuid.UUID) []*task.Task { x, _ := mem[id].Tasks(); return x }

		seen := 0
		require.NoError(t, s.Lights(ctx, asOf, task.Options{}, func(v PlanVersion, b task.Board) error {
			want, err := task.Lights(top(v.ID), asOf, mem[v.ID].TaskOptions())
			require.NoError(t, err)
			assert.Equal(t, want, b, v.Title)
			seen++
			return nil
		}))
		assert.Equal(t, len(files), seen, "every plan, one at a time")

		late := 0
		require.NoError(t, s.Overdue(ctx, asOf, task.Options{}, func(v PlanVersion, got []*task.Task, undatable []task.Undatable) error {
			want, wantU := task.Overdue(top(v.ID), asOf, mem[v.ID].TaskOptions())
			assert.Equal(t, len(want), len(got), v.Title)
			for i := range want {
				assert.Equal(t, want[i].ID, got[i].ID)
			}
			assert.Equal(t, len(wantU), len(undatable))
			late += len(got)
			return nil
		}))
		assert.Positive(t, late)

		for _, unit := range []string{"区数据局", "区财政局"} {
			n := 0
			require.NoError(t, s.Workload(ctx, unit, task.Options{}, true, func(v PlanVersion, w task.Workload) error {
				want := task.WorkloadIn(top(v.ID), unit, mem[v.ID].TaskOptions(), true)
				assert.Equal(t, len(want.Lead), len(w.Lead), unit)
				assert.Equal(t, len(want.Joint), len(w.Joint), unit)
				assert.Equal(t, len(want.Supporting), len(w.Supporting), unit)
				n += w.Accountable()
				return nil
			}))
			assert.Positive(t, n, unit)
		}

		span, err := task.MonthSpan(2025, time.August)
		require.NoError(t, err)
		b, err := s.Bulletin(ctx, tx.ID, span, asOf, task.Options{}, task.ScoreRules{})
		require.NoError(t, err)
		want, err := task.NewBulletin(top(tx.ID), span, asOf, o, nil, task.ScoreRules{})
		require.NoError(t, err)
		assert.Equal(t, want, b)
		all := 0
		require.NoError(t, s.Bulletins(ctx, span, asOf, task.Options{}, task.ScoreRules{}, func(PlanVersion, *task.Bulletin) error { all++; return nil }))
		assert.Equal(t, len(files), all)

		// Supervision over every plan records what it sends, once.
		n := 0
		require.NoError(t, s.SuperviseAll(ctx, asOf, task.Options{}, at(t, "2025-09-15"), func(v PlanVersion, sup task.Supervision) error {
			want, err := task.Actions(top(v.ID), asOf, mem[v.ID].TaskOptions(), nil)
			require.NoError(t, err)
			assert.Equal(t, actionIDs(want.Actions), actionIDs(sup.Actions), v.Title)
			n += len(sup.Actions)
			return nil
		}))
		assert.Positive(t, n)
		require.NoError(t, s.SuperviseAll(ctx, asOf, task.Options{}, at(t, "2025-09-15"), func(v PlanVersion, sup task.Supervision) error {
			assert.Empty(t, sup.Actions, "a rerun sends nothing new")
			return nil
		}))
	})
}
