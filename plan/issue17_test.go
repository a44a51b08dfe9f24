package plan

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 17: paths are JSON Pointers in document order — /sections/2
// before /sections/17, and keys in the order the plan writes them.
func TestComparePaths(t *testing.T) {
	ordered := []string{
		"", "/id", "/title", "/period", "/basis/0",
		"/sections/1/tasks/0", "/sections/2", "/sections/2/number", "/sections/2/tasks/3/id", "/sections/2/tasks/3/responsibility/lead/0",
		"/sections/2/tasks/3/deadline", "/sections/2/tasks/3/ledger/1/seq", "/sections/2/tasks/3/ledger/1/percent", "/sections/2/tasks/3/delegated/0",
		"/sections/17", "/indicator_systems/0/declared/2", "/targets/3",
	}
	for i := range ordered {
		for j := range ordered {
			want := cmpInt(i, j)
			assert.Equal(t, want, ComparePaths(ordered[i], ordered[j]), "%q vs %q", ordered[i], ordered[j])
		}
	}
	fs := []Finding{{Path: "/sections/17/title"}, {Path: "/sections/2/title"}, {Path: "/sections/10"}, {Path: "/title"}, {Path: "/sections/1", Document: "parent"}}
	Sort(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Document+f.Path)
	}
	assert.Equal(t, []string{"/title", "/sections/2/title", "/sections/10", "/sections/17/title", "parent/sections/1"}, got)
}

func TestDottedPointer(t *testing.T) {
	for in, want := range map[string]string{
		"":                                "",
		"responsibility":                  "/responsibility",
		"milestones[1].due":               "/milestones/1/due",
		"delegated[0].ledger[2].percent":  "/delegated/0/ledger/2/percent",
		"roots[1].children[0] (2.1 名称)":   "/roots/1/children/0",
		"declared[2]":                     "/declared/2",
		"delegated[0].delegated[1].title": "/delegated/0/delegated/1/title",
	} {
		assert.Equal(t, want, dottedPointer(in), in)
	}
	assert.Equal(t, "/a~1b/3/c~0d", pointer("a/b", 3, "c~d"))
}

// Issue 17: a ledger that breaks its rules is read, and Validate reports
// it where it is (ledger_rule), with the task it belongs to.
func TestLedgerRulesAreFindings(t *testing.T) {
	in := `{"title":"x","kind":"item_list","period":{"from":2025,"to":2025},"sections":[{"number":"一","title":"s","tasks":[` +
		`{"number":"1","title":"甲","responsibility":{"lead":["区数据局"]},"ledger":[{"seq":2,"date":"2025-01-01","unit":"区数据局","percent":"10"}]},` +
		`{"number":"2","title":"乙","responsibility":{"lead":["区数据局"]},"ledger":[{"seq":1,"date":"2025-01-01","unit":"区数据局","percent":"150"}]}]}]}`
	p, err := Decode(strings.NewReader(in))
	require.NoError(t, err, "seq and percent are validation findings, not decoding errors")
	p.AssignIDs()
	var got []string
	for _, f := range p.Validate(Options{}) {
		if f.Code == "ledger_rule" {
			got = append(got, f.Path+" "+f.Task.Number)
			assert.Equal(t, Error, f.Severity)
		}
	}
	assert.Equal(t, []string{"/sections/0/tasks/0/ledger/0/seq 1", "/sections/0/tasks/1/ledger/0/percent 2"}, got)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"seq":2`, "written back as read")
	assert.Contains(t, string(out), `"percent":"150"`)
}

// Issue 17: findings about a task name it (ID, item key, number, title);
// a finding in a delegated part names the part.
func TestFindingsNameTheirTask(t *testing.T) {
	p := &Plan{Title: "x", Kind: ItemList, Period: Period{2025, 2025}, Sections: []*Section{{Number: "一", Title: "s", Tasks: []*task.Task{
		{Number: "1", Title: "甲", Responsibility: lead("区数据局"), Deadline: onDate(t, "2025-06-30"),
			Delegated: []*task.Task{{Number: "东风街道", Title: "甲（东风）", Responsibility: lead("东风街道"), Deadline: onDate(t, "2025-09-30")}}},
	}}}}
	p.AssignIDs()
	fs := p.Validate(Options{})
	require.Len(t, fs, 1, "%v", fs)
	f := fs[0]
	assert.Equal(t, "task_rule", f.Code)
	assert.Equal(t, "/sections/0/tasks/0/delegated/0/deadline", f.Path)
	require.NotNil(t, f.Task)
	assert.Equal(t, "东风街道", f.Task.Number)
	assert.Equal(t, "一/1>东风街道", f.Task.Key)
	assert.Equal(t, p.Sections[0].Tasks[0].Delegated[0].ID, f.Task.ID)
	assert.Equal(t, "/sections/0/tasks/0/delegated/0", f.Task.Path)
	assert.Contains(t, f.String(), "东风街道「甲（东风）」")
}

// Issue 17: delegated parts have their path in reports.
func TestReportPathsOfDelegatedParts(t *testing.T) {
	p := excerpt(t)
	tasks, _ := p.Tasks()
	tasks[0].Delegated = []*task.Task{{Number: "1-1", Title: "分解", Responsibility: lead("东风街道"), Deadline: onDate(t, "2025-06-30")}}
	r, err := NewReport(p, day(t, "2025-10-09"), nil)
	require.NoError(t, err)
	found := false
	for _, d := range append(r.Deadlines, r.Overdue...) {
		assert.NotEmpty(t, d.Path, d.Number)
		if d.Number == "1-1" {
			found = true
			assert.True(t, strings.HasSuffix(d.Path, "/delegated/0"), d.Path)
		}
	}
	assert.True(t, found)
}

// Issue 17: a cross-plan finding about a parent task carries its ID and
// path; numbers repeat across the province plan's sections.
func TestCrossPlanFindingsNameTheParentTask(t *testing.T) {
	prov, c := province(t), city(t)
	prov.Sections = append(prov.Sections, &Section{Number: "二", Title: "法治环境", Tasks: []*task.Task{
		{ID: uuid.NewSHA1(Namespace(), []byte("p2-1")), Number: "1", Title: "规范涉企行政检查", Responsibility: lead("省司法厅")}}})
	fs := CheckAgainst(c, prov)
	var uncovered []Finding
	for _, f := range fs {
		if f.Code == "uncovered_parent_task" {
			uncovered = append(uncovered, f)
		}
	}
	require.Len(t, uncovered, 2)
	for _, f := range uncovered {
		assert.Equal(t, "parent", f.Document)
		require.NotNil(t, f.Parent)
		assert.Equal(t, f.Path, f.Parent.Path)
		assert.NotEqual(t, uuid.Nil, f.Parent.ID)
	}
	assert.Equal(t, "/sections/0/tasks/1", uncovered[0].Path)
	assert.Equal(t, "/sections/1/tasks/0", uncovered[1].Path, "task 1 of section 二, told apart from task 1 of section 一")
}

// Issue 17: an additive indicator (a total) is not made laxer by a
// district's smaller share.
func TestAdditiveTargets(t *testing.T) {
	prov, c := province(t), city(t)
	c.Targets[1].Target = tgt(indicator.AtLeast, "150", indicator.HundredMillionYuan)
	assert.Equal(t, 1, codes(CheckAgainst(c, prov))["laxer_target"])
	c.Targets[1].Additive = true
	got := codes(CheckAgainst(c, prov))
	assert.Zero(t, got["laxer_target"])
	assert.Equal(t, 1, got["additive_target"])
	c.Targets[1].Additive, prov.Targets[1].Additive = false, true
	assert.Equal(t, 1, codes(CheckAgainst(c, prov))["additive_target"], "either plan may declare it")
}

// Issue 17: an item without an accountable unit is a warning in check, as
// it is in import (docimport's no_unit).
func TestNoAccountableIsAWarning(t *testing.T) {
	p := city(t)
	p.Sections[0].Sections[0].Tasks[1].Responsibility = task.Responsibility{}
	fs := p.Validate(Options{})
	require.Len(t, fs, 1)
	assert.Equal(t, "no_accountable", fs[0].Code)
	assert.Equal(t, Warning, fs[0].Severity)
	assert.False(t, HasErrors(fs))
}

// Issue 17: an unknown unit with no suggestion says so, with no empty
// "did you mean".
func TestUnknownUnitWithoutSuggestions(t *testing.T) {
	p := city(t)
	p.Sections[0].Sections[0].Tasks[1].Responsibility.Supporting = []string{"完全不相干的名字"}
	dir := mustDirectory(t)
	for _, f := range p.Validate(Options{Directory: dir}) {
		if f.Code == "unknown_unit" {
			assert.NotContains(t, f.MessageEn, "did you mean")
			assert.NotContains(t, f.MessageZh, "是否为")
		}
	}
}

// Issue 17: a bad 文号 says what is wrong once, not
// "plan: invalid plan: plan: invalid plan:".
func TestBadDocNumberMessage(t *testing.T) {
	_, err := Decode(strings.NewReader(`{"title":"x","doc_number":"兴街发2025第3号"}`))
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	require.Len(t, de.Findings, 1)
	f := de.Findings[0]
	assert.Equal(t, "decode_value", f.Code)
	assert.Equal(t, "/doc_number", f.Path)
	for _, m := range []string{f.MessageZh, f.MessageEn, err.Error()} {
		assert.Equal(t, 0, strings.Count(m, "invalid plan"), m)
	}
	assert.Contains(t, f.MessageZh, "无法解析文号")
	assert.NotContains(t, f.MessageZh, "cannot parse")
	assert.Contains(t, f.MessageEn, "cannot parse document number")
	assert.NotContains(t, f.MessageEn, "无法解析")
}

func mustDirectory(t *testing.T) *org.Directory {
	t.Helper()
	dir, err := org.NewDirectory([]org.Unit{{Name: "市住建局"}, {Name: "市司法局"}, {Name: "鞍山市人民政府"}}, nil)
	require.NoError(t, err)
	return dir
}

// Sort orders as ComparePaths does, keys or no keys (paths outside the
// format, escaped keys).
func TestSortAgreesWithComparePaths(t *testing.T) {
	paths := []string{"", "/zz", "/title", "/sections/x", "/sections/10/tasks/2/ledger/1/unknown", "/sections/10/tasks/2/ledger/1/seq",
		"/sections/9", "/sections/9/tasks/0/responsibility/lead/3", "/sections/9/tasks/0/responsibility/lead/12", "/a~1b", "/targets/0/target/op",
		"/sections/9/tasks/0/delegated/0/delegated/1/id", "/indicator_systems/0/roots/2/children/10/measure/targets/0"}
	fs := make([]Finding, 0, len(paths))
	for i := len(paths) - 1; i >= 0; i-- {
		fs = append(fs, Finding{Code: "c", Path: paths[i]})
	}
	Sort(fs)
	for i := 1; i < len(fs); i++ {
		assert.LessOrEqual(t, ComparePaths(fs[i-1].Path, fs[i].Path), 0, "%q before %q", fs[i-1].Path, fs[i].Path)
	}
}

// Issue 17: a district's target for the city's indicator is information
// (external_indicator), not unknown_indicator, so a correct plan passes a
// check against the plan above; an unknown code in a system the plan
// holds is still an error.
func TestTargetForTheParentsIndicator(t *testing.T) {
	prov, c := province(t), city(t)
	c.Targets = append(c.Targets, Target{System: "省指标", Indicator: "1.1", Name: "工程建设项目审批时限", Target: tgt(indicator.AtMost, "50", indicator.Workdays)})
	fs := c.Validate(Options{})
	require.Len(t, fs, 1)
	assert.Equal(t, "external_indicator", fs[0].Code)
	assert.Equal(t, Info, fs[0].Severity)
	assert.Equal(t, "/targets/2", fs[0].Path)
	cross := codes(CheckAgainst(c, prov))
	assert.Zero(t, cross["laxer_target"], "50 working days is stricter than the province's 60")
	assert.Zero(t, cross["unknown_indicator"])
	c.Targets[0].Indicator = "9.9"
	got := codes(c.Validate(Options{}))
	assert.Equal(t, 1, got["unknown_indicator"])
}
