// Package python holds a program in Python that builds a plan from the
// published JSON Schema alone and gives it bizenv's deterministic IDs; the
// test here runs it (when python3 and its jsonschema module are present)
// and checks its output in Go.
package python

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStreetPlanFromPython: the plan street_plan.py builds with the schema
// and Python's uuid.uuid5 decodes, checks without errors, and carries
// exactly the IDs plan.AssignIDs gives (issue 17).
func TestStreetPlanFromPython(t *testing.T) {
	py := python(t)
	var out, errb bytes.Buffer
	cmd := exec.Command(py, "street_plan.py")
	cmd.Stdout, cmd.Stderr = &out, &errb
	require.NoError(t, cmd.Run(), "%s", errb.String())

	p, err := plan.Decode(bytes.NewReader(out.Bytes()))
	require.NoError(t, err)
	assert.False(t, plan.HasErrors(p.Validate(plan.Options{})), "%v", p.Validate(plan.Options{}))

	given := map[*task.Task]uuid.UUID{}
	tasks, keys := p.ItemKeys()
	require.Len(t, tasks, 5, "three tasks and two delegated parts")
	assert.Equal(t, []string{"一/(一)/1", "一/(一)/1>兴盛社区", "一/(一)/1>繁荣社区", "一/(一)/2", "一/(一)/3"}, keys)
	for _, tk := range tasks {
		require.NotEqual(t, uuid.Nil, tk.ID)
		given[tk] = tk.ID
		tk.ID = uuid.Nil
	}
	planID := p.ID
	p.ID = uuid.Nil
	assert.Equal(t, 6, p.AssignIDs())
	assert.Equal(t, planID, p.ID, "the plan's ID")
	assert.Equal(t, plan.PlanID("title:兴盛街道2025年优化营商环境工作方案|issuer:兴盛街道办事处|issued:2025-03-01"), p.ID)
	for _, tk := range tasks {
		assert.Equal(t, given[tk], tk.ID, "task %s", tk.Number)
	}
}

// TestRecipeInPython: street_plan.py --assign gives any plan the IDs
// AssignIDs gives it — here one with a 文号 in full-width digits, a number
// printed twice (~2) and delegated parts nested two deep.
func TestRecipeInPython(t *testing.T) {
	py := python(t)
	dn, err := plan.ParseDocNumber("兴街发〔2025〕3号")
	require.NoError(t, err)
	p := &plan.Plan{Title: "兴盛街道方案", DocNumber: dn, Sections: []*plan.Section{
		{Number: "一", Tasks: []*task.Task{{Number: "２"}, {Number: "2", Delegated: []*task.Task{{Number: "甲社区", Delegated: []*task.Task{{Number: "一组"}}}}}}},
		{Number: "二", Sections: []*plan.Section{{Number: "　(一)", Tasks: []*task.Task{{Number: "1"}}}}},
	}}
	in, err := json.Marshal(p)
	require.NoError(t, err)
	var out, errb bytes.Buffer
	cmd := exec.Command(py, "street_plan.py", "--assign")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &out, &errb
	require.NoError(t, cmd.Run(), "%s", errb.String())
	fromPython, err := plan.Decode(&out)
	require.NoError(t, err)
	p.AssignIDs()
	want, _ := p.ItemKeys()
	got, _ := fromPython.ItemKeys()
	require.Len(t, got, len(want))
	assert.Equal(t, p.ID, fromPython.ID)
	for i := range want {
		assert.Equal(t, want[i].ID, got[i].ID, "task %s", want[i].Number)
	}
}

// python returns python3, or skips the test without it or jsonschema.
func python(t *testing.T) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	if err := exec.Command(py, "-c", "import jsonschema").Run(); err != nil {
		t.Skip("Python's jsonschema is not installed (apt-get install python3-jsonschema)")
	}
	return py
}
