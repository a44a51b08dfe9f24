package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/schemas"
	"github.com/bizenv/bizenv/task"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var excerptPlan = filepath.Join("..", "..", "examples", "data", "tiexi-2025-excerpt.json")

func readExcerpt(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(excerptPlan)
	require.NoError(t, err)
	return string(b)
}

// Issue 17: a plan with problems in its fields is checked into findings
// (code, JSON Pointer, both languages) and exit status 1; input that is
// not a plan at all exits 2.
func TestCheckDecodeFindings(t *testing.T) {
	doc := strings.Replace(readExcerpt(t), `"status": "in_progress"`, `"status": "推进中", "colour": "red"`, 1)
	require.Contains(t, doc, "推进中")
	r := bizenv(t, doc, "check", "-", "--format", "json")
	require.Equal(t, 1, r.code, r.stderr)
	assert.Empty(t, r.stderr)
	var fs []plan.Finding
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &fs))
	require.Len(t, fs, 2)
	assert.Equal(t, "decode_noncanonical", fs[0].Code)
	assert.Regexp(t, `^/sections/\d+/sections/\d+/tasks/\d+/status$`, fs[0].Path)
	assert.Contains(t, fs[0].MessageEn, `write "in_progress"`)
	assert.Contains(t, fs[0].MessageZh, `应写作 "in_progress"`)
	assert.Equal(t, "decode_unknown_field", fs[1].Code)

	r = bizenv(t, doc, "check", "-")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "decode_noncanonical")
	assert.Contains(t, r.stdout, "错误 2")

	for name, in := range map[string]string{"empty": "", "not JSON": "{\"title\":", "GBK": "{\"title\":\"\xb7\xbd\xb0\xb8\"}", "an array": "[]", "trailing": "{} {}"} {
		r := bizenv(t, in, "check", "-", "--format", "json")
		assert.Equal(t, 2, r.code, name)
		assert.Empty(t, r.stdout, name)
		assert.NotEmpty(t, r.stderr, name)
	}
	// A parent with problems in its fields: its findings say "parent".
	r = bizenv(t, "", "check", excerptPlan, "--parent", "-", "--format", "json")
	require.Equal(t, 2, r.code, "an empty parent is not a plan")
	dir := t.TempDir()
	bad := filepath.Join(dir, "parent.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"title":"上级","period":{"from":"2021"}}`), 0o644))
	r = bizenv(t, "", "check", excerptPlan, "--parent", bad, "--format", "json")
	require.Equal(t, 1, r.code, r.stderr)
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &fs))
	last := fs[len(fs)-1]
	assert.Equal(t, "parent", last.Document)
	assert.Equal(t, "/period/from", last.Path)
}

// Issue 17: the text output names the task beside the path.
func TestCheckTextNamesTheTask(t *testing.T) {
	doc := strings.Replace(readExcerpt(t), `"lead": ["区市场局"]`, `"lead": []`, 1)
	r := bizenv(t, doc, "check", "-")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Regexp(t, `warning no_accountable\s+/sections/\d+/sections/\d+/tasks/\d+/responsibility  \d+「[^」]+」`, r.stdout)
}

// Issue 17: a baseline accepts the known findings; only new ones are
// reported and fail the check; inserting an item moves no key.
func TestCheckBaseline(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "baseline.json")
	late := strings.Replace(readExcerpt(t), `"title": "编制政务服务事项清单"`, `"title": "编制政务服务事项清单", "deadline": {"kind": "date", "date": "2027-01-01"}`, 1)
	planFile := filepath.Join(dir, "plan.json")
	require.NoError(t, os.WriteFile(planFile, []byte(late), 0o644))
	r := bizenv(t, "", "check", planFile)
	require.Equal(t, 1, r.code, "an error")

	r = bizenv(t, "", "check", planFile, "--write-baseline", base)
	require.Equal(t, 0, r.code, "writing a baseline accepts what it finds: %s", r.stderr)
	b, err := os.ReadFile(base)
	require.NoError(t, err)
	var bl plan.Baseline
	require.NoError(t, json.Unmarshal(b, &bl))
	require.Len(t, bl.Findings, 2, "deadline_outside_period and declared_count")

	r = bizenv(t, "", "check", planFile, "--baseline", base, "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.JSONEq(t, `[]`, r.stdout)
	r = bizenv(t, "", "check", planFile, "--baseline", base)
	require.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "另有基线已知2项")

	// A new item before the others, late too: its finding alone is new.
	var p map[string]any
	require.NoError(t, json.Unmarshal([]byte(late), &p))
	sec := p["sections"].([]any)[0].(map[string]any)["sections"].([]any)[0].(map[string]any)
	newTask := map[string]any{"number": "0", "title": "新增事项", "responsibility": map[string]any{"lead": []any{"区数据局"}},
		"deadline": map[string]any{"kind": "date", "date": "2026-06-30"}}
	sec["tasks"] = append([]any{newTask}, sec["tasks"].([]any)...)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	r = bizenv(t, string(out), "check", "-", "--baseline", base, "--format", "json")
	require.Equal(t, 1, r.code, "a new error fails")
	var fs []plan.Finding
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &fs))
	var codes []string
	for _, f := range fs {
		codes = append(codes, f.Code+" "+f.Path)
	}
	assert.ElementsMatch(t, []string{"deadline_outside_period /sections/0/sections/0/tasks/0/deadline", "missing_id /sections/0/sections/0/tasks/0/id"}, codes,
		"the known finding of the item that moved down is still known")
	assert.Empty(t, r.stderr)
	r = bizenv(t, readExcerpt(t), "check", "-", "--baseline", base)
	require.Equal(t, 0, r.code)
	assert.Contains(t, r.stderr, "1 baseline entries no longer occur", "the late deadline is fixed")

	r = bizenv(t, "", "check", planFile, "--baseline", filepath.Join(dir, "none.json"))
	assert.Equal(t, 2, r.code)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"findings":[{}]}`), 0o644))
	r = bizenv(t, "", "check", planFile, "--baseline", filepath.Join(dir, "bad.json"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "/findings/0/key: 缺少 key / the key is missing")
	assert.NotContains(t, r.stderr, "invalid plan: plan: invalid plan", "no doubled prefix")
}

// Issue 17: --lang zh and --lang en print one language; JSON keeps both.
func TestLang(t *testing.T) {
	doc := strings.Replace(readExcerpt(t), `"lead": ["区市场局"]`, `"lead": []`, 1)
	zh := bizenv(t, doc, "check", "-", "--lang", "zh")
	require.Equal(t, 0, zh.code, zh.stderr)
	assert.Contains(t, zh.stdout, "没有责任主体")
	assert.NotContains(t, zh.stdout, "no one is accountable")
	assert.Contains(t, zh.stdout, "错误 0，警告 1")
	en := bizenv(t, doc, "check", "-", "--lang", "en")
	assert.Contains(t, en.stdout, "no one is accountable")
	assert.NotContains(t, en.stdout, "没有责任主体")
	assert.Contains(t, en.stdout, "0 errors, 1 warnings")
	both := bizenv(t, doc, "check", "-")
	assert.Contains(t, both.stdout, "没有责任主体")
	assert.Contains(t, both.stdout, "no one is accountable")
	js := bizenv(t, doc, "check", "-", "--lang", "en", "--format", "json")
	assert.Contains(t, js.stdout, "没有责任主体", "JSON carries both languages")

	r := bizenv(t, "", "report", excerptPlan, "--as-of", "2025-10-09", "--lang", "en")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "1 working days past the deadline")
	assert.NotContains(t, r.stdout, "予以督办")
	r = bizenv(t, "", "report", excerptPlan, "--as-of", "2025-10-09", "--lang", "zh")
	assert.Contains(t, r.stdout, "予以督办")
	assert.NotContains(t, r.stdout, "supervise;")

	imp := "鞍山市铁西区人民政府办公室\n2025年5月13日\n鞍山市铁西区2025年优化营商环境2条\n一、构建高效便捷的政务环境\n1.编制政务服务事项清单。(牵头单位:区数据局)\n2.拓展场景。年底前推出一个主题场景。\n"
	r = bizenv(t, imp, "import", "-", "--lang", "en")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "line 6: warning no_unit: the item names no responsible unit")
	assert.NotContains(t, r.stdout, "条目没有写明责任单位")
	r = bizenv(t, imp, "import", "-", "--lang", "zh", "--format", "json")
	assert.Contains(t, r.stderr, "第 6 行：warning no_unit：条目没有写明责任单位")

	r = bizenv(t, "", "check", excerptPlan, "--lang", "fr")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--lang must be zh, en or both")
}

func TestSchemaCommand(t *testing.T) {
	r := bizenv(t, "", "schema")
	require.Equal(t, 0, r.code, r.stderr)
	for _, n := range schemas.Names() {
		assert.Contains(t, r.stdout, n)
	}
	assert.Contains(t, r.stdout, "bizenv plan")
	r = bizenv(t, "", "schema", "plan")
	require.Equal(t, 0, r.code, r.stderr)
	want, _ := schemas.Get("plan")
	assert.Equal(t, string(want), r.stdout)
	assert.Equal(t, string(plan.Schema()), r.stdout)
	r = bizenv(t, "", "schema", "plans")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "one of: actions")
}

// output is one JSON document bizenv wrote, and the schema it claims.
type output struct {
	schema, what string
	doc          []byte
}

// realOutputs runs the commands and functions whose JSON has a published
// schema and returns what they wrote.
func realOutputs(t *testing.T) []output {
	t.Helper()
	dir := t.TempDir()
	var outs []output
	add := func(schema, what string, doc []byte) {
		require.True(t, json.Valid(doc), "%s: %s", what, doc)
		outs = append(outs, output{schema, what, doc})
	}
	cmd := func(schema string, stdin string, args ...string) {
		r := bizenv(t, stdin, args...)
		require.Contains(t, []int{0, 1}, r.code, "%v: %s", args, r.stderr)
		add(schema, strings.Join(args, " "), []byte(r.stdout))
	}
	excerpt := readExcerpt(t)
	late := strings.Replace(excerpt, `"title": "编制政务服务事项清单"`, `"title": "编制政务服务事项清单", "deadline": {"kind": "date", "date": "2027-01-01"}`, 1)
	withID := strings.Replace(excerpt, `"lead": ["区市场局"]`, `"lead": []`, 1)
	cmd("findings", excerpt, "check", "-", "--format", "json")
	cmd("findings", late, "check", "-", "--format", "json")
	cmd("findings", withID, "check", "-", "--format", "json")
	cmd("findings", strings.Replace(excerpt, `"status": "in_progress"`, `"status": "推进中"`, 1), "check", "-", "--format", "json")
	cmd("findings", excerpt, "check", "-", "--parent", filepath.Join("..", "..", "examples", "data", "tiexi-2025-55.json"), "--format", "json")
	cmd("findings", "", "check", filepath.Join("..", "..", "examples", "data", "bayuquan-2021-2024.json"), "--parent", filepath.Join("..", "..", "examples", "data", "anshan-2021-2025-programme.json"), "--format", "json")
	base := filepath.Join(dir, "baseline.json")
	cmd("findings", late, "check", "-", "--write-baseline", base, "--format", "json")
	b, err := os.ReadFile(base)
	require.NoError(t, err)
	add("baseline", "check --write-baseline", b)

	cmd("report", "", "report", excerptPlan, "--as-of", "2025-10-09", "--format", "json")
	cmd("report", "", "report", excerptPlan, "--as-of", "2026-01-05", "--format", "json")
	cmd("report", "", "report", filepath.Join("testdata", "report-2027-2029.json"), "--as-of", "2027-07-15", "--format", "json")
	r := bizenv(t, "", "report", excerptPlan, "--as-of", "2025-10-09", "--format", "json")
	var rep struct {
		Actions json.RawMessage `json:"actions"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	add("actions", "report's actions", rep.Actions)

	p, err := plan.Decode(strings.NewReader(excerpt))
	require.NoError(t, err)
	tasks, _ := p.Tasks()
	asOf, err := calendar.ParseDate("2025-10-09")
	require.NoError(t, err)
	sv, err := task.Actions(tasks, asOf, p.TaskOptions(), nil)
	require.NoError(t, err)
	svJSON, err := json.Marshal(sv)
	require.NoError(t, err)
	add("supervision", "task.Actions", svJSON)

	imp := "鞍山市铁西区人民政府办公室\n2025年5月13日\n鞍山市铁西区2025年优化营商环境2条\n一、构建高效便捷的政务环境\n1.编制政务服务事项清单。(牵头单位:区数据局)\n2.拓展场景。年底前推出一个主题场景。\n"
	findings := filepath.Join(dir, "import-findings.json")
	cmd("plan", imp, "import", "-", "--format", "json", "--findings", findings)
	b, err = os.ReadFile(findings)
	require.NoError(t, err)
	add("import-findings", "import --findings", b)
	for _, f := range []string{"tiexi-2025-55.json", "anshan-2021-2025-programme.json"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", "data", f))
		require.NoError(t, err)
		add("plan", f, b)
	}

	add("approval-case", "a case", []byte(hvCase))
	casePath := filepath.Join(dir, "case.json")
	require.NoError(t, os.WriteFile(casePath, []byte(hvCase), 0o644))
	cmd("approval-status", "", "approval", "status", "--format", "json", casePath, "--at", "2025-11-05T10:00:00+08:00")
	cmd("approval-status", "", "approval", "status", "--format", "json", casePath, "--at", "2025-10-01T10:00:00+08:00")
	cmd("approval-catalog", "", "approval", "catalog", "--format", "json")
	done := strings.Replace(strings.ReplaceAll(hvCase, "\n", ""), `"kind": "resumed"}]}`, `"kind": "resumed"}, {"at": "2025-10-20T10:00:00+08:00", "kind": "finished"}]}`, 1)
	cmd("approval-stats", done+"\n"+done+"\n", "approval", "stats", "-", "--format", "json")
	c, err := approval.DecodeCase(strings.NewReader(hvCase))
	require.NoError(t, err)
	alerts, _ := approval.Alerts([]*approval.Case{c}, approval.CatalogProcesses(), time.Date(2025, 11, 5, 10, 0, 0, 0, beijing), nil, approval.Options{})
	require.NotEmpty(t, alerts)
	b, err = json.Marshal(alerts)
	require.NoError(t, err)
	add("approval-alerts", "approval.Alerts", b)

	cmd("calendar-overlay", notice2030, "holidays", "import", "-")
	// On a store: what the commands print after recording.
	db := filepath.Join(dir, "store.db")
	tiexi := filepath.Join("..", "..", "examples", "data", "tiexi-2025-55.json")
	cmd("plan", "", "import", tiexi, "--db", db, "--format", "json")
	on := []string{"--plan", tiexiTitle, "--db", db, "--format", "json"}
	cmd("ledger-append", "", append([]string{"ledger", "add", "--task", "2", "--unit", "区数据局", "--date", "2025-06-30", "--percent", "40"}, on...)...)
	cmd("ledger-append", "", append([]string{"ledger", "close", "apply", "--task", "2", "--unit", "区数据局", "--date", "2025-09-30", "--evidence", "清单.pdf"}, on...)...)
	cmd("ledger-append", "", append([]string{"ledger", "close", "approve", "--task", "2", "--unit", "区营商局", "--date", "2025-10-09"}, on...)...)
	cmd("tasks", "", append([]string{"ledger", "show", "--task", "2"}, on...)...)
	cmd("tasks", "", append([]string{"ledger", "show"}, on...)...)
	cmd("tasks", "", append([]string{"ledger", "delegate", "兴盛街道", "北陶街道", "--task", "46", "--due", "2025年9月30日前"}, on...)...)
	cmd("tasks", "", append([]string{"ledger", "status", "suspended", "--task", "3"}, on...)...)
	r = bizenv(t, "", append([]string{"supervise", "--as-of", "2025-10-09"}, on...)...)
	require.Equal(t, 0, r.code, r.stderr)
	add("store-supervision", "supervise --plan", []byte(r.stdout))
	var sent []struct {
		Actions []struct {
			ID   string `json:"id"`
			Unit string `json:"unit"`
		} `json:"actions"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &sent))
	require.NotEmpty(t, sent[0].Actions)
	a := sent[0].Actions[0]
	cmd("supervise-reply", "", append([]string{"supervise", "reply", "--action", a.ID, "--unit", a.Unit, "--by", "办公室", "--text", "已部署整改", "--date", "2025-10-10"}, on...)...)
	cmd("store-supervision", "", "supervise", "--all", "--as-of", "2025-10-09", "--db", db, "--format", "json")
	cmd("bulletin", "", append([]string{"bulletin", "--period", "2025Q3", "--as-of", "2025-10-09"}, on...)...)
	cmd("approval-record", "", "approval", "record", "--db", db, "--case", "HV-1", "--process", "power-high-voltage", "--unit", "供电公司", "--kind", "submitted", "--at", "2025-09-01T09:00:00+08:00", "--format", "json")
	cmd("approval-record", "", "approval", "record", "--db", db, "--case", "HV-1", "--kind", "accepted", "--at", "2025-09-01T10:00:00+08:00", "--format", "json")
	cmd("approval-alerts", "", "approval", "alerts", "--db", db, "--at", "2025-11-05T10:00:00+08:00", "--format", "json")

	pop := "code,name,grade,risk,field,red\n91350100M000100Y43,甲,C,高,餐饮,false\n91330100799655058B,乙,C,高,餐饮,false\n9144030071526726XG,丙,C,高,药品,true\n91110000710925462X,丁,A,低,餐饮,true\n"
	roster := "id,name,unit,qualifications,excluded\nZF01,张,区市场监管局,餐饮;药品,\nZF02,王,区卫健局,餐饮;药品,91350100M000100Y43\nZF03,李,区应急局,餐饮;药品,\n"
	policy := `{"cells":[{"grade":"C","risk":"高","percent":"100","per_year":2},{"grade":"A","risk":"低","percent":"10","per_year":1}],"inspectors":2,"distinct_units":true}`
	for name, body := range map[string]string{"pop.csv": pop, "roster.csv": roster, "policy.json": policy} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	cmd("draw-record", "", "draw", "--population", filepath.Join(dir, "pop.csv"), "--roster", filepath.Join(dir, "roster.csv"), "--policy", filepath.Join(dir, "policy.json"), "--seed", "2025Q3")
	rec := bizenv(t, "", "draw", "--population", filepath.Join(dir, "pop.csv"), "--roster", filepath.Join(dir, "roster.csv"), "--policy", filepath.Join(dir, "policy.json"), "--seed", "2025Q3")
	require.Equal(t, 0, rec.code, rec.stderr)
	cmd("draw-verified", rec.stdout, "draw", "verify", "-", "--population", filepath.Join(dir, "pop.csv"), "--roster", filepath.Join(dir, "roster.csv"), "--format", "json")

	// The calendar's answers, on known years and on provisional ones.
	for _, y := range []string{"2025", "2027"} {
		cmd("holidays", "", "holidays", y, "--format", "json")
	}
	cmd("holidays", "", "holidays", "--format", "json")
	cmd("holidays", "", "holidays", "2029", "--provisional", "--format", "json")
	cmd("workday-is", "", "workday", "is", "2025-10-01", "2025-09-28", "2025-10-09", "--format", "json")
	cmd("workday-is", "", "workday", "is", "2028-01-01", "--provisional", "--format", "json")
	cmd("workday-add", "", "workday", "add", "2025-09-30", "5", "--format", "json")
	cmd("workday-add", "", "workday", "add", "2027-12-20", "20", "--provisional", "--format", "json")
	cmd("workday-between", "", "workday", "between", "2025-09-30", "2025-10-14", "--format", "json")
	cmd("workday-between", "", "workday", "between", "2027-12-01", "2028-02-01", "--provisional", "--format", "json")
	cmd("workday-next", "", "workday", "next", "2025-09-30", "--format", "json")
	cmd("workday-next", "", "workday", "next", "2027-12-31", "--provisional", "--format", "json")
	cmd("deadline", "", "deadline", "2025-09-30", "7天", "--format", "json")
	cmd("deadline", "", "deadline", "2026-09-30", "10日", "--law", "administrative-compulsion", "--format", "json")
	cmd("deadline", "", "deadline", "2026-09-30", "5日", "--law", "行政处罚法", "--format", "json")
	cmd("deadline", "", "deadline", "2027-12-20", "20工作日", "--provisional", "--format", "json")
	cmd("uscc", "", "uscc", "91350100M000100Y43", "91110000710925462X", "--format", "json")
	bad := bizenv(t, "", "uscc", "91350100M000100Y43", "91350100M000100Y4X", "９１３５０１００Ｍ０００１００Ｙ４３", "--format", "json")
	require.Equal(t, 2, bad.code, "invalid codes: exit status 2, the valid ones still explained")
	add("uscc", "uscc with invalid codes", []byte(bad.stdout))
	cmd("uscc", "", "uscc", "91350100-M000100Y43", "--lenient", "--format", "json")

	notYet := filepath.Join(dir, "hv.json")
	require.NoError(t, os.WriteFile(notYet, []byte(hvCase), 0o644))
	cmd("approval-not-submitted", "", "approval", "status", notYet, "--at", "2025-09-01T10:00:00+08:00", "--format", "json")
	return outs
}

// TestOutputsMatchTheirSchemas validates what the commands and functions
// write against the published schemas, with formats asserted (issue 17:
// every output the CLI prints as JSON validates against its schema).
func TestOutputsMatchTheirSchemas(t *testing.T) {
	outs := realOutputs(t)
	covered := map[string]bool{}
	for _, o := range outs {
		covered[o.schema] = true
		b, ok := schemas.Get(o.schema)
		require.True(t, ok, o.schema)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		require.NoError(t, err)
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		url := "https://github.com/bizenv/bizenv/schemas/" + o.schema + ".schema.json"
		require.NoError(t, c.AddResource(url, doc))
		sch, err := c.Compile(url)
		require.NoError(t, err)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(o.doc))
		require.NoError(t, err)
		assert.NoError(t, sch.Validate(inst), "%s against %s", o.what, o.schema)
	}
	for _, n := range schemas.Names() {
		assert.True(t, covered[n], "no real output is checked against %s", n)
	}
}

// TestOutputsMatchTheirSchemasInPython validates the same outputs with
// Python's jsonschema (Debian's python3-jsonschema), as an integrator in
// another language would; skipped where python3 or the module is absent.
func TestOutputsMatchTheirSchemasInPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	if err := exec.Command(py, "-c", "import jsonschema").Run(); err != nil {
		t.Skip("Python's jsonschema is not installed (apt-get install python3-jsonschema)")
	}
	dir := t.TempDir()
	var pairs [][2]string
	for i, o := range realOutputs(t) {
		inst := filepath.Join(dir, fmt.Sprintf("out%03d.json", i))
		require.NoError(t, os.WriteFile(inst, o.doc, 0o644))
		b, _ := schemas.Get(o.schema)
		sch := filepath.Join(dir, o.schema+".schema.json")
		require.NoError(t, os.WriteFile(sch, b, 0o644))
		pairs = append(pairs, [2]string{sch, inst})
	}
	list, err := json.Marshal(pairs)
	require.NoError(t, err)
	script := `
import json, sys
import jsonschema
pairs = json.load(sys.stdin)
bad = 0
for schema_file, instance_file in pairs:
    schema = json.load(open(schema_file, encoding="utf-8"))
    instance = json.load(open(instance_file, encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    v = cls(schema, format_checker=jsonschema.FormatChecker())
    for e in v.iter_errors(instance):
        bad += 1
        print(instance_file, "against", schema_file, ":", "/".join(map(str, e.absolute_path)), e.message[:300])
print(len(pairs), "documents checked")
sys.exit(1 if bad else 0)
`
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = bytes.NewReader(list)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "documents checked")
}

// notice2030 is a holiday notice of our own for a year to come, in the
// 2026 grammar (as calendar's tests write it).
const notice2030 = `国务院办公厅关于2030年部分节假日安排的通知
国办发明电〔2029〕9号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2030年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周二）放假1天，不调休。
　　二、春节：2月2日（农历除夕、周六）至10日（农历正月初八、周日）放假调休，共9天。1月27日（周日）上班。
　　三、清明节：4月5日（周五）至7日（周日）放假，共3天。
　　四、劳动节：5月1日（周三）至5日（周日）放假调休，共5天。4月28日（周日）上班。
　　五、端午节：6月5日（周三）放假，共1天。
　　六、中秋节：9月12日（周四）放假，共1天。
　　七、国庆节：10月1日（周二）至7日（周一）放假调休，共7天。9月29日（周日）、10月12日（周六）上班。
　　国务院办公厅
　　2029年11月5日
`
