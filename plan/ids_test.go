package plan

import (
	"testing"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIDRecipe pins the recipe documented in ids.go with literal UUIDs, so
// that a change to it cannot go unnoticed: integrators in other languages
// reproduce these (examples/python/street_plan.py).
func TestIDRecipe(t *testing.T) {
	withDoc := &Plan{Title: "辽宁省营商环境建设行动方案", DocNumber: mustDoc(t, "辽政办发〔2022〕14号"),
		Sections: []*Section{{Number: "一", Tasks: []*task.Task{{Number: "１"}}, Sections: []*Section{{Number: "（二）", Tasks: []*task.Task{{Number: "3",
			Delegated: []*task.Task{{Number: "东风街道"}}}}}}}}}
	assert.Equal(t, "doc:辽政办发〔2022〕14号", withDoc.Key())
	issued, err := calendar.ParseDate("2025-03-01")
	require.NoError(t, err)
	noDoc := &Plan{Title: "鞍山市铁西区2025年优化营商环境55条", Issuer: "铁西区人民政府", Issued: issued}
	assert.Equal(t, "title:鞍山市铁西区2025年优化营商环境55条|issuer:铁西区人民政府|issued:2025-03-01", noDoc.Key())
	assert.Equal(t, "title:x|issuer:|issued:", (&Plan{Title: " ｘ "}).Key(), "full-width ASCII folded, spaces trimmed")

	assert.Equal(t, 4, withDoc.AssignIDs())
	tasks, keys := withDoc.ItemKeys()
	assert.Equal(t, []string{"一/1", "一/(二)/3", "一/(二)/3>东风街道"}, keys)
	// The literal UUIDs were computed independently with Python's
	// uuid.uuid5 (examples/python/street_plan.py follows the same recipe).
	assert.Equal(t, "0ca6a0af-06b9-52e1-855d-3a809b1e4431", withDoc.ID.String())
	want := []string{"bb435fa6-f484-5f7d-a9ec-2aa6170ade59", "ead89bce-9d3b-5818-a39f-2782609f8d83", "42c301e5-84ae-52b2-81e7-ed20a756e95e"}
	for i, tk := range tasks {
		assert.Equal(t, want[i], tk.ID.String(), keys[i])
	}
	assert.Equal(t, "5e917fc5-4b3c-5a50-90fa-47473bd11bf7", PlanID(noDoc.Key()).String())
	// Assigning again changes nothing; IDs already set are kept.
	before := withDoc.ID
	assert.Equal(t, 0, withDoc.AssignIDs())
	assert.Equal(t, before, withDoc.ID)
}

func mustDoc(t *testing.T, s string) DocNumber {
	t.Helper()
	d, err := ParseDocNumber(s)
	require.NoError(t, err)
	return d
}

// Two plans without a 文号 but different issuers do not share IDs.
func TestIDsDoNotCollideAcrossPlans(t *testing.T) {
	a := &Plan{Title: "2025年优化营商环境工作要点", Issuer: "甲区人民政府", Sections: []*Section{{Number: "一", Tasks: []*task.Task{{Number: "1"}}}}}
	b := &Plan{Title: "2025年优化营商环境工作要点", Issuer: "乙区人民政府", Sections: []*Section{{Number: "一", Tasks: []*task.Task{{Number: "1"}}}}}
	a.AssignIDs()
	b.AssignIDs()
	assert.NotEqual(t, a.ID, b.ID)
	assert.NotEqual(t, a.Sections[0].Tasks[0].ID, b.Sections[0].Tasks[0].ID)
}

func TestMissingAndDuplicateIDs(t *testing.T) {
	id := uuid.MustParse("11111111-1111-5111-8111-111111111111")
	p := &Plan{Title: "x", Kind: ItemList, Period: Period{2025, 2025}, Sections: []*Section{{Number: "一", Tasks: []*task.Task{
		{Number: "1", ID: id, Responsibility: task.Responsibility{Lead: []string{"区数据局"}}},
		{Number: "2", ID: id, Responsibility: task.Responsibility{Lead: []string{"区数据局"}}},
		{Number: "3", Responsibility: task.Responsibility{Lead: []string{"区数据局"}}},
	}}}}
	fs := p.Validate(Options{})
	assert.Equal(t, map[string]int{"missing_id": 2, "duplicate_id": 1}, codes(fs))
	for _, f := range fs {
		if f.Code == "duplicate_id" {
			assert.Equal(t, "/sections/0/tasks/1/id", f.Path)
			assert.Contains(t, f.MessageEn, "/sections/0/tasks/0")
			require.NotNil(t, f.Task)
			assert.Equal(t, "2", f.Task.Number, "the finding names its task")
		}
	}
}

// A number printed twice in one section (the 高新区 plan's "2、") still
// gives each task its own ID.
func TestRepeatedNumbersGetTheirOwnIDs(t *testing.T) {
	p := &Plan{Title: "x", Sections: []*Section{{Number: "一", Tasks: []*task.Task{{Number: "2"}, {Number: "2"}, {Number: "2"}}}}}
	p.AssignIDs()
	_, keys := p.ItemKeys()
	assert.Equal(t, []string{"一/2", "一/2~2", "一/2~3"}, keys)
	assert.NotEqual(t, p.Sections[0].Tasks[0].ID, p.Sections[0].Tasks[1].ID)
	assert.NotEqual(t, p.Sections[0].Tasks[1].ID, p.Sections[0].Tasks[2].ID)
}
