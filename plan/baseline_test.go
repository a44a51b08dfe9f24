package plan

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/task"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withGaps is a plan with two known problems: task 2 has no deadline
// inside the period, task 3 has no accountable unit.
func withGaps(t *testing.T) *Plan {
	p := &Plan{Title: "某街道方案", Kind: ActionPlan, Period: Period{2025, 2025}, Sections: []*Section{{Number: "一", Title: "政务", Tasks: []*task.Task{
		{Number: "1", Title: "甲", Responsibility: lead("区数据局")},
		{Number: "2", Title: "乙", Responsibility: lead("区数据局"), Deadline: onDate(t, "2026-03-31")},
		{Number: "3", Title: "丙"},
	}}}}
	p.AssignIDs()
	return p
}

// Issue 17: a baseline accepts the known findings, keyed so that
// inserting an item moves no key; only new findings remain.
func TestBaseline(t *testing.T) {
	p := withGaps(t)
	known := p.Validate(Options{})
	require.Len(t, known, 2)
	b := NewBaseline(known)
	assert.Equal(t, "deadline_outside_period task:"+p.Sections[0].Tasks[1].ID.String()+" /deadline", b.Findings[0].Key)
	assert.Equal(t, "2「乙」", b.Findings[0].Task)

	// Insert an item before the others: every index moves, no key does.
	p.Sections[0].Tasks = append([]*task.Task{{Number: "0", Title: "新增", Responsibility: lead("区数据局"), Deadline: onDate(t, "2027-01-01")}}, p.Sections[0].Tasks...)
	p.AssignIDs()
	now := p.Validate(Options{})
	require.Len(t, now, 3)
	fresh, gone := b.Split(now)
	require.Len(t, fresh, 1, "only the new item's finding is new")
	assert.Equal(t, "/sections/0/tasks/0/deadline", fresh[0].Path)
	assert.Empty(t, gone)

	// Fix a known finding: the baseline says it is gone.
	p.Sections[0].Tasks[3].Responsibility = lead("区住建局")
	fresh, gone = b.Split(p.Validate(Options{}))
	assert.Len(t, fresh, 1)
	require.Len(t, gone, 1)
	assert.Equal(t, "no_accountable", gone[0].Code)

	// The file reads back strictly.
	out, err := json.Marshal(b)
	require.NoError(t, err)
	back, err := DecodeBaseline(bytes.NewReader(out))
	require.NoError(t, err)
	assert.Equal(t, b, *back)
	_, err = DecodeBaseline(strings.NewReader(`{"findings":[{"code":"x"}]}`))
	assert.ErrorIs(t, err, ErrInvalidPlan, "an entry without a key")
	_, err = DecodeBaseline(strings.NewReader(`{"findings":[],"extra":1}`))
	assert.ErrorIs(t, err, ErrInvalidPlan)
}

// A key repeated n times accepts n findings, not more.
func TestBaselineCounts(t *testing.T) {
	f := Finding{Code: "missing_title", Severity: Error, Path: "/title"}
	b := NewBaseline([]Finding{f})
	fresh, _ := b.Split([]Finding{f, f})
	assert.Len(t, fresh, 1)
}

func TestFindingKey(t *testing.T) {
	ref := &TaskRef{Key: "一/3", Number: "3", Path: "/sections/0/tasks/2"}
	assert.Equal(t, "missing_id item:一/3 /id", FindingKey(Finding{Code: "missing_id", Path: "/sections/0/tasks/2/id", Task: ref}))
	assert.Equal(t, "uncovered_parent_task parent item:一/3 ", FindingKey(Finding{Code: "uncovered_parent_task", Document: "parent", Path: "/sections/0/tasks/2", Parent: ref}))
	assert.Equal(t, "laxer_target /targets/1", FindingKey(Finding{Code: "laxer_target", Path: "/targets/1"}))
}

func TestDecodeErrorMalformed(t *testing.T) {
	for in, malformed := range map[string]bool{
		``: true, `{`: true, `[]`: true, `"plan"`: true, `{} x`: true, "\xff": true,
		`{"title":5}`: false, `{"colour":1}`: false, `{"schema_version":"2.0"}`: false,
	} {
		_, err := Decode(strings.NewReader(in))
		var de *DecodeError
		require.ErrorAs(t, err, &de, in)
		assert.Equal(t, malformed, de.Malformed(), in)
	}
}
