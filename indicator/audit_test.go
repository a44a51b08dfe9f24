package indicator

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func rules(fs []Finding) map[string]int {
	out := map[string]int{}
	for _, f := range fs {
		out[f.Rule]++
	}
	return out
}

func TestAudit(t *testing.T) {
	shared := &Node{Code: "9", Name: "共用", Measure: &Measure{Unit: Days, Direction: Lower}}
	loop := &Node{Code: "8", Name: "循环"}
	loop.Children = []*Node{{Code: "8.1", Name: "x", Measure: &Measure{Unit: Days, Direction: Lower}}, loop}
	sys := &System{Declared: []int{3, 4}, Roots: []*Node{
		{Code: "1", Name: "甲", Weight: dec("0.5"), Children: []*Node{
			{Code: "1.1", Name: "时限", Weight: dec("0.7"), Measure: &Measure{Unit: Days, Direction: Lower}},
			{Code: "1.2", Name: "时限", Weight: dec("0.7"), Measure: &Measure{Unit: Workdays, Direction: Lower}},
			{Code: "1.3", Name: "缺度量"},
			shared,
		}},
		{Code: "1", Name: "乙", Weight: dec("-0.2"), Children: []*Node{shared}},
		{Name: "丙", Children: []*Node{{Code: "3.1", Name: "无方向", Measure: &Measure{Unit: Percent,
			Targets: []Target{{Op: AtLeast, Value: dec("1"), Unit: Days}, {Op: Between, Value: dec("3"), High: dec("1"), Unit: Percent}}}}}},
		loop,
	}}
	got := rules(sys.Audit(AuditOptions{}))
	assert.Equal(t, map[string]int{
		"duplicate_name":  1, // 1.2 时限
		"duplicate_code":  1, // the second root "1"
		"missing_code":    1, // 丙
		"negative_weight": 1,
		"weight_sum":      2, // roots: 0.5 − 0.2; 1.x: 0.7 + 0.7
		"missing_measure": 1,
		"mixed_units":     1, // 工作日 beside 天
		"cycle":           2, // the shared node, and the loop
		"bad_measure":     3, // no direction; target in 天 for a % measure; band upside down
		"declared_count":  2, // 4 roots, not 3; 7 level-2 nodes, not 4
	}, got)
	for _, f := range sys.Audit(AuditOptions{}) {
		assert.NotEmpty(t, f.Path)
		assert.Contains(t, f.Message, " / ", "bilingual: %s", f)
	}

	// Weights within the tolerance pass.
	ok := &System{Roots: []*Node{
		{Code: "1", Name: "a", Weight: dec("0.333"), Measure: &Measure{Unit: Days, Direction: Lower}},
		{Code: "2", Name: "b", Weight: dec("0.333"), Measure: &Measure{Unit: NaturalDays, Direction: Lower}},
		{Code: "3", Name: "c", Weight: dec("0.333"), Measure: &Measure{Unit: Days, Direction: Lower}},
	}}
	assert.Empty(t, ok.Audit(AuditOptions{}))
	assert.NotEmpty(t, ok.Audit(AuditOptions{WeightTolerance: dec("0.0001")}))
}

func TestWalkEndsOnCycles(t *testing.T) {
	a := &Node{Code: "1", Name: "a"}
	b := &Node{Code: "1.1", Name: "b", Children: []*Node{a}}
	a.Children = []*Node{b}
	sys := &System{Roots: []*Node{a}}
	assert.Equal(t, []int{1, 1}, sys.Counts())
	assert.Len(t, sys.Leaves(), 0)
	assert.Equal(t, b, sys.Find("1.1"))
	assert.Nil(t, sys.Find("2"))
	sys.AssignCodes() // must end too
}
