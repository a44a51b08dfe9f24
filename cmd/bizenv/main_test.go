package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// now is the clock the tests run at: 2025-06-16 09:30 in Beijing, a Monday.
var beijing = calendar.Beijing()

var now = time.Date(2025, 6, 16, 9, 30, 0, 0, beijing)

type result struct {
	code           int
	stdout, stderr string
}

func bizenv(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb, now)
	return result{code, out.String(), errb.String()}
}

func TestIssueExamples(t *testing.T) {
	r := bizenv(t, "", "workday", "add", "2025-09-30", "5")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2025-10-14\n", r.stdout, "10-11, a Saturday, is worked")

	r = bizenv(t, "", "deadline", "2025-09-30", "7天")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2025-10-09\n", r.stdout, "the 7th day falls in the National Day break")
}

func TestCommands(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"workday", "is", "2025-09-28", "2025-10-08", "2025-10-13"},
			"2025-09-28\t工作日 workday\t调休上班\t中秋节、国庆节\n2025-10-08\t非工作日 day-off\t节假日\t中秋节、国庆节\n2025-10-13\t工作日 workday\t工作日\n"},
		{[]string{"workday", "is", "today"}, "2025-06-16\t工作日 workday\t工作日\n"},
		{[]string{"workday", "add", "2025-10-09", "-1"}, "2025-09-30\n"},
		{[]string{"workday", "add", "2025年9月30日", "0"}, "2025-09-30\n"},
		{[]string{"workday", "between", "2025-09-30", "2025-10-14"}, "5\n"},
		{[]string{"workday", "between", "2025-10-14", "2025-09-30"}, "-5\n"},
		{[]string{"workday", "next", "2025-09-30"}, "2025-10-09\n"},
		{[]string{"deadline", "2025-09-30", "20个工作日"}, "2025-11-04\n"},
		{[]string{"deadline", "2025-01-31", "1个月"}, "2025-02-28\n"},
		{[]string{"deadline", "today", "15日"}, "2025-07-01\n"},
		// Flags before or after the arguments.
		{[]string{"workday", "add", "--format", "json", "2025-09-30", "5"}, "{\n  \"from\": \"2025-09-30\",\n  \"workdays\": 5,\n  \"date\": \"2025-10-14\",\n  \"provisional\": false\n}\n"},
		{[]string{"workday", "add", "2025-09-30", "5", "--format=json"}, "{\n  \"from\": \"2025-09-30\",\n  \"workdays\": 5,\n  \"date\": \"2025-10-14\",\n  \"provisional\": false\n}\n"},
		{[]string{"deadline", "--format", "json", "2025-09-30", "7天"}, "{\n  \"start\": \"2025-09-30\",\n  \"period\": \"7日\",\n  \"deadline\": \"2025-10-09\",\n  \"provisional\": false\n}\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := bizenv(t, "", tt.args...)
			require.Equal(t, 0, r.code, r.stderr)
			assert.Equal(t, tt.want, r.stdout)
			assert.Empty(t, r.stderr)
		})
	}
}

func TestHolidaysGolden(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		golden string
	}{
		{[]string{"holidays", "2025"}, "holidays-2025.txt"},
		{[]string{"holidays", "--format", "json"}, "holidays-2025.json"},
		{[]string{"holidays", "2020"}, "holidays-2020.txt"},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			r := bizenv(t, "", tt.args...)
			require.Equal(t, 0, r.code, r.stderr)
			path := filepath.Join("testdata", tt.golden)
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(r.stdout), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), r.stdout)
		})
	}
	r := bizenv(t, "", "holidays", "2025", "--format", "json")
	var v struct {
		Workdays int `json:"workdays"`
		Holidays []struct {
			Name string `json:"name"`
			Days int    `json:"days"`
		} `json:"holidays"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &v))
	assert.Equal(t, 248, v.Workdays)
	require.Len(t, v.Holidays, 6)
	assert.Equal(t, "春节", v.Holidays[1].Name)
	assert.Equal(t, 8, v.Holidays[1].Days)
}

func TestHolidaysInAYearNotYetKnown(t *testing.T) {
	var out, errb bytes.Buffer
	later := time.Date(2028, 3, 1, 9, 0, 0, 0, beijing)
	code := run([]string{"holidays"}, strings.NewReader(""), &out, &errb, later)
	require.Equal(t, 0, code, errb.String())
	assert.Contains(t, out.String(), "2028 is not known yet; showing 2027")
	assert.Contains(t, out.String(), "2027年节假日安排")
	assert.Contains(t, out.String(), "no holiday arrangement for 2028", "the approval deadline cannot be computed, and it says why")

	code = run([]string{"holidays", "2028"}, strings.NewReader(""), &out, &errb, later)
	assert.Equal(t, 2, code, "an explicit unknown year is an error")
}

func TestErrors(t *testing.T) {
	tests := []struct {
		args      []string
		stdin     string
		wantInErr []string
	}{
		{[]string{"frobnicate"}, "", []string{"未知命令", "unknown command"}},
		{[]string{"workday", "frobnicate"}, "", []string{"unknown command"}},
		{[]string{"workday", "add", "2025-02-30", "5"}, "", []string{"2025年2月只有28天", "February 2025 has 28 days"}},
		{[]string{"workday", "add", "2025-09-30"}, "", []string{"需要 2 个参数", "want 2 arguments", "usage"}},
		{[]string{"workday", "add", "2025-09-30", "five"}, "", []string{"N must be an integer"}},
		{[]string{"workday", "add", "2025-09-30", "1000000000"}, "", []string{"no holiday arrangement for 2028"}},
		{[]string{"workday", "is", "2028-01-04"}, "", []string{"没有2028年的节假日安排", "no holiday arrangement for 2028"}},
		{[]string{"workday", "is"}, "", []string{"at least one date"}},
		{[]string{"deadline", "2025-09-30", "7周"}, "", []string{"cannot parse period"}},
		{[]string{"deadline", "2025-09-30", "24小时"}, "", []string{"DeadlineAt"}},
		{[]string{"workday", "next", "2025-09-30", "--format", "xml"}, "", []string{"--format must be text or json"}},
		{[]string{"workday", "next", "2025-09-30", "--colour"}, "", []string{"flag provided but not defined"}},
		{[]string{"holidays", "20x5"}, "", []string{"YEAR must be a year"}},
		{[]string{"holidays", "2030"}, "", []string{"no holiday arrangement for 2030"}},
		{[]string{"workday", "is", "2025-10-01", "--calendar", "no-such-file.json"}, "", []string{"cannot open calendar file"}},
		{[]string{"workday", "is", "2025-10-01", "--calendar", "-"}, `{"days":[{"date":"2025-10-15","kind":"adjusted"}]}`, []string{"/days/0", "Saturday or Sunday"}},
		{[]string{"workday", "is", "2025-10-01", "--calendar", "-", "--calendar-years", "x"}, `{"days":[]}`, []string{"--calendar-years"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := bizenv(t, tt.stdin, tt.args...)
			assert.Equal(t, 2, r.code)
			assert.Empty(t, r.stdout)
			for _, w := range tt.wantInErr {
				assert.Contains(t, r.stderr, w)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	r := bizenv(t, "")
	assert.Equal(t, 2, r.code, "no command is a usage error")
	assert.Contains(t, r.stdout, "workday")
	var walk func(c *command, path []string)
	walk = func(c *command, path []string) {
		r := bizenv(t, "", append(path, "--help")...)
		assert.Equal(t, 0, r.code, path)
		assert.Contains(t, r.stdout, c.summary, path)
		if len(c.subs) == 0 {
			assert.Contains(t, r.stdout, "-format", path)
			assert.Contains(t, r.stdout, c.usage, path)
		}
		for _, s := range c.subs {
			walk(s, append(append([]string(nil), path...), s.name))
		}
	}
	for _, s := range root.subs {
		walk(s, []string{s.name})
	}
}

func TestCalendarOverlays(t *testing.T) {
	// A local closure from standard input.
	r := bizenv(t, `{"days":[{"date":"2025-10-09","kind":"holiday","name":"停电停工"}]}`,
		"workday", "next", "2025-09-30", "--calendar", "-")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2025-10-10\n", r.stdout)

	// An ICS feed from standard input.
	ics := "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20251009\nSUMMARY:停电停工(休)\nEND:VEVENT\nEND:VCALENDAR\n"
	r = bizenv(t, ics, "workday", "is", "2025-10-09", "--calendar", "-")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2025-10-09\t非工作日 day-off\t节假日\t停电停工\n", r.stdout)

	// An ICS file for a year the built-in calendar does not know, declared
	// whole with --calendar-years.
	dir := t.TempDir()
	path := filepath.Join(dir, "y2030.ics")
	require.NoError(t, os.WriteFile(path, []byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20300101\nDTEND;VALUE=DATE:20300102\nSUMMARY:元旦(休)\nEND:VEVENT\nEND:VCALENDAR\n"), 0o644))
	r = bizenv(t, "", "workday", "next", "2029-12-31", "--calendar", path, "--calendar-years", "2029,2030")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "2030-01-02\n", r.stdout)
	r = bizenv(t, "", "workday", "next", "2029-12-31", "--calendar", path)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "list it in years")
}

const hvCase = `{"id": "HV-1", "process": "power-high-voltage", "unit": "国网鞍山供电公司", "events": [
 {"at": "2025-09-26T09:00:00+08:00", "kind": "submitted"},
 {"at": "2025-09-26T10:00:00+08:00", "kind": "accepted"},
 {"at": "2025-09-29T11:00:00+08:00", "kind": "paused", "reason": "补正"},
 {"at": "2025-10-09T15:00:00+08:00", "kind": "resumed"}]}`

func TestApprovalCommands(t *testing.T) {
	r := bizenv(t, "", "approval", "catalog")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "power-high-voltage  获得电力（普通高压）  时限 20工作日")
	r = bizenv(t, "", "approval", "catalog", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var cat []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &cat))
	assert.GreaterOrEqual(t, len(cat), 16)

	r = bizenv(t, hvCase, "approval", "status", "-", "--at", "2025-10-14T10:00:00+08:00")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "2025-11-04")
	assert.Contains(t, r.stdout, "补正暂停 2工作日")

	dir := t.TempDir()
	path := filepath.Join(dir, "case.json")
	require.NoError(t, os.WriteFile(path, []byte(hvCase), 0o644))
	r = bizenv(t, "", "approval", "status", "--format", "json", path, "--at", "2025-11-05T10:00:00+08:00")
	require.Equal(t, 0, r.code, r.stderr)
	var rep struct {
		Overall struct {
			Due    string `json:"due"`
			Status string `json:"status"`
		} `json:"overall"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	assert.Equal(t, "2025-11-04", rep.Overall.Due)
	assert.Equal(t, "overdue", rep.Overall.Status)

	// Without --at the CLI times as of now (the test's clock: 2025-06-16),
	// before the case began: nothing has elapsed.
	r = bizenv(t, hvCase, "approval", "status", "-")
	require.Equal(t, 0, r.code, r.stderr)

	done := strings.Replace(strings.ReplaceAll(hvCase, "\n", ""), `"kind": "resumed"}]}`, `"kind": "resumed"}, {"at": "2025-10-20T10:00:00+08:00", "kind": "finished"}]}`, 1)
	r = bizenv(t, done+"\n\n"+done+"\n", "approval", "stats", "-")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "power-high-voltage")
	assert.Contains(t, r.stdout, "国网鞍山供电公司")

	for _, bad := range []struct {
		args  []string
		stdin string
		want  string
	}{
		{[]string{"approval", "status", "-", "--at", "yesterday"}, hvCase, "RFC 3339"},
		{[]string{"approval", "status", "-"}, `{"id":"x","process":"nope","events":[]}`, "unknown process"},
		{[]string{"approval", "status", "-"}, `{"id":"x",`, "not a valid case JSON"},
		{[]string{"approval", "status", "-", "--at", "2025-10-14T10:00:00+08:00"}, strings.Replace(hvCase, `"resumed"`, `"finished"`, 1), "while paused"},
		{[]string{"approval", "status", "no-such.json"}, "", "cannot open file"},
		{[]string{"approval", "stats", "-"}, "{}\n{bad\n", "line 2"},
		{[]string{"approval", "catalog", "extra"}, "", "no arguments"},
	} {
		r := bizenv(t, bad.stdin, bad.args...)
		assert.Equal(t, 2, r.code, bad.args)
		assert.Contains(t, r.stderr, bad.want, bad.args)
	}
}

func TestUSCCAndDrawCommands(t *testing.T) {
	r := bizenv(t, "", "uscc", "91350100M000100Y43")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "福建省福州市")
	r = bizenv(t, "", "uscc", "91350100M000100Y44", "91350100M000100Y43")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "position 18")
	assert.Contains(t, r.stdout, "91350100M000100Y43  有效 valid", "valid codes are still explained")
	r = bizenv(t, "", "uscc", "--lenient", "９１３５-0100 m000100y43", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"code": "91350100M000100Y43"`)
	assert.Contains(t, r.stdout, "full-width characters folded")

	dir := t.TempDir()
	pop := "code,name,grade,risk,field,red\n91350100M000100Y43,甲,C,高,餐饮,false\n91330100799655058B,乙,C,高,餐饮,false\n9144030071526726XG,丙,C,高,药品,true\n91110000710925462X,丁,A,低,餐饮,true\n"
	roster := "id,name,unit,qualifications,excluded\nZF01,张,区市场监管局,餐饮;药品,\nZF02,王,区卫健局,餐饮;药品,91350100M000100Y43\nZF03,李,区应急局,餐饮;药品,\n"
	policy := `{"cells":[{"grade":"C","risk":"高","percent":"100","per_year":2},{"grade":"A","risk":"低","percent":"10","per_year":1}],"inspectors":2,"distinct_units":true}`
	files := map[string]string{"pop.csv": pop, "roster.csv": roster, "policy.json": policy}
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	p := func(n string) string { return filepath.Join(dir, n) }
	r = bizenv(t, "", "draw", "--population", p("pop.csv"), "--roster", p("roster.csv"), "--policy", p("policy.json"), "--seed", "2025Q3")
	require.Equal(t, 0, r.code, r.stderr)
	var rec struct {
		Picks []struct {
			Entity     string   `json:"entity"`
			Inspectors []string `json:"inspectors"`
		} `json:"picks"`
		Exempt int `json:"exempt"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rec))
	assert.Len(t, rec.Picks, 3, "three C/高 entities, the 药品 one red-listed but in a key field")
	assert.Equal(t, 1, rec.Exempt)
	require.NoError(t, os.WriteFile(p("record.json"), []byte(r.stdout), 0o644))

	r = bizenv(t, "", "draw", "verify", p("record.json"), "--population", p("pop.csv"), "--roster", p("roster.csv"))
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "verified")

	require.NoError(t, os.WriteFile(p("pop2.csv"), []byte(strings.Replace(pop, "甲,C", "甲,A", 1)), 0o644))
	r = bizenv(t, "", "draw", "verify", p("record.json"), "--population", p("pop2.csv"), "--roster", p("roster.csv"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "population differs")

	r = bizenv(t, "", "draw", "--population", p("pop.csv"), "--roster", p("roster.csv"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--policy and --seed are required")
}

func TestCheckAndReportCommands(t *testing.T) {
	plan := filepath.Join("..", "..", "examples", "data", "tiexi-2025-excerpt.json")
	r := bizenv(t, "", "check", plan)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "declared_count")
	r = bizenv(t, "", "check", plan, "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var fs []map[string]string
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &fs))
	require.Len(t, fs, 1)
	for _, k := range []string{"code", "severity", "path", "message_zh", "message_en"} {
		assert.NotEmpty(t, fs[0][k], k)
	}

	b, err := os.ReadFile(plan)
	require.NoError(t, err)
	broken := strings.Replace(string(b), `"lead": ["区市场局"]`, `"lead": []`, 1)
	r = bizenv(t, broken, "check", "-")
	assert.Equal(t, 0, r.code, "a task without an accountable unit is a warning, as in import")
	assert.Contains(t, r.stdout, "no_accountable")
	broken = strings.Replace(string(b), `"title": "编制政务服务事项清单"`, `"title": "编制政务服务事项清单", "deadline": {"kind": "date", "date": "2027-01-01"}`, 1)
	r = bizenv(t, broken, "check", "-")
	assert.Equal(t, 1, r.code, "errors: exit status 1")
	assert.Contains(t, r.stdout, "deadline_outside_period")

	dir := t.TempDir()
	units := filepath.Join(dir, "units.json")
	require.NoError(t, os.WriteFile(units, []byte(`{"units":[{"name":"区数据局"},{"name":"区住建局"},{"name":"区市场监管局","aliases":["区市场局"]},{"name":"鞍山市铁西区人民政府办公室"}]}`), 0o644))
	r = bizenv(t, "", "check", plan, "--directory", units)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "alias_unit")

	r = bizenv(t, "", "check", plan, "--parent", plan)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "self_parent")
	r = bizenv(t, "{\n\"title\": 5\n}", "check", "-")
	assert.Equal(t, 1, r.code, "a problem in a field is a finding (issue 17)")
	assert.Contains(t, r.stdout, "decode_type")
	assert.Contains(t, r.stdout, "line 2")
	r = bizenv(t, "{\n\"title\": 5,\n", "check", "-")
	assert.Equal(t, 2, r.code, "input that is not JSON is not a plan at all")
	assert.Contains(t, r.stderr, "line 3")

	r = bizenv(t, "", "report", plan, "--as-of", "2025-10-09")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "超期 1 项")
	r = bizenv(t, "", "report", plan, "--as-of", "2025-10-09", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var rep struct {
		Workload []map[string]any `json:"workload"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	require.NotEmpty(t, rep.Workload)
	for _, k := range []string{"unit", "lead", "joint", "responsible", "supporting", "total"} {
		assert.Contains(t, rep.Workload[0], k)
	}
	r = bizenv(t, "", "report", plan, "--as-of", "2025-10-09", "--format", "html")
	require.Equal(t, 0, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "<!DOCTYPE html>"))
	r = bizenv(t, "", "report", plan)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--as-of is required")
	r = bizenv(t, "", "check", plan, "--format", "html")
	assert.Equal(t, 2, r.code)
}

func TestImportCommand(t *testing.T) {
	doc := "鞍山市铁西区人民政府办公室\n2025年5月13日\n鞍山市铁西区2025年优化营商环境2条\n一、构建高效便捷的政务环境\n1.编制政务服务事项清单。梳理事项。(牵头单位:区数据局)\n2.拓展场景。年底前推出一个主题场景。\n"
	r := bizenv(t, doc, "import", "-")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "鞍山市铁西区2025年优化营商环境2条")
	assert.Contains(t, r.stdout, "no_unit")

	dir := t.TempDir()
	findings := filepath.Join(dir, "findings.json")
	r = bizenv(t, doc, "import", "-", "--format", "json", "--findings", findings)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "line 6: warning no_unit")
	b, err := os.ReadFile(findings)
	require.NoError(t, err)
	var fs []map[string]any
	require.NoError(t, json.Unmarshal(b, &fs))
	require.Len(t, fs, 1)
	assert.Equal(t, "no_unit", fs[0]["code"])
	assert.EqualValues(t, 6, fs[0]["line"])
	planFile := filepath.Join(dir, "p.json")
	require.NoError(t, os.WriteFile(planFile, []byte(r.stdout), 0o644))
	r2 := bizenv(t, "", "check", planFile)
	assert.Equal(t, 0, r2.code, "the item without a unit is a warning in check, as in import (issue 17)")
	assert.Contains(t, r2.stdout, "warning no_accountable")

	r = bizenv(t, "一、任务\n1.编制清单。(牵头单位:区数据局)\n", "import", "-", "--format", "json", "--title", "测试方案", "--period", "2022-2023",
		"--issuer", "某区人民政府办公室", "--doc-number", "某政办发[2022]3号", "--issued", "2022-03-01", "--source", "test.txt")
	require.Equal(t, 0, r.code, r.stderr)
	for _, s := range []string{`"title": "测试方案"`, `"from": 2022`, `"to": 2023`, `"doc_number": "某政办发〔2022〕3号"`, `"issued": "2022-03-01"`, `"name": "test.txt"`} {
		assert.Contains(t, r.stdout, s)
	}

	r = bizenv(t, "没有编号的文字。\n", "import", "-")
	assert.Equal(t, 1, r.code, "no numbering is an error finding")
	assert.Contains(t, r.stdout, "no_numbering")
	r = bizenv(t, "", "import", "-")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "empty")
	r = bizenv(t, "\xd2\xbb\xa1\xa2\xc8\xce\xce\xf1\n1.\xb1\xe0\xd6\xc6\xc7\xe5\xb5\xa5\xa1\xa3\n", "import", "-")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "GBK")
	r = bizenv(t, "x", "import", "-", "--period", "2025")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--period")
	r = bizenv(t, "x", "import", "-", "--format", "html")
	assert.Equal(t, 2, r.code)
}
