package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const tiexiTitle = "鞍山市铁西区2025年优化营商环境55条"

var tiexiFile = filepath.Join("..", "..", "examples", "data", "tiexi-2025-55.json")

// clerk runs the command line at the instant when.
func clerk(t *testing.T, when time.Time, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb, when)
	return result{code, out.String(), errb.String()}
}

func mustDay(t *testing.T, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	require.NoError(t, err)
	return d
}

// step is one thing a clerk records on a day: a report, a step of 销号 or
// a delegation.
type step struct {
	day, item, kind, unit string
	pct                   int64
	evidence, reason      string
	units                 []string // delegate
}

// A clerk runs a plan's year from the command line alone — import, the
// units' reports, 销号 applied, returned and approved, a 回头看, a
// delegation to streets, the day's supervision every working day with
// replies, the October bulletin and the year-end report — on a SQLite
// store, and every answer is the one an in-memory run of the same year
// gives.
func TestClerkRunsTheYearFromTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tiexi.db")
	bj := calendar.Beijing()
	at := func(d calendar.Date, h int) time.Time { return d.In(bj).Add(time.Duration(h) * time.Hour) }

	r := clerk(t, at(mustDay(t, "2025-05-20"), 9), "import", tiexiFile, "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "已存入 / stored: "+tiexiTitle+" 第1版")
	r = clerk(t, at(mustDay(t, "2025-05-21"), 9), "import", tiexiFile, "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "unchanged, no new version", "importing again is idempotent")

	// The in-memory twin of the year.
	b, err := os.ReadFile(tiexiFile)
	require.NoError(t, err)
	mem, err := plan.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	mem.AssignIDs()
	top, _ := mem.Tasks()
	o := mem.TaskOptions()
	byNumber := func(n string) *task.Task {
		var found *task.Task
		task.Walk(top, func(x *task.Task) {
			if x.Number == n {
				found = x
			}
		})
		require.NotNil(t, found, n)
		return found
	}

	var steps []step
	for i, m := range []string{"06", "07", "08", "09", "10", "11", "12"} {
		steps = append(steps, step{day: "2025-" + m + "-12", item: "51", kind: "report", unit: "区财政局", pct: int64(30 + 10*i)})
		if m != "07" { // 区工信局 skips July
			steps = append(steps, step{day: "2025-" + m + "-13", item: "51", kind: "report", unit: "区工信局", pct: int64(25 + 10*i)})
		}
	}
	steps = append(steps,
		step{day: "2025-06-30", item: "3", kind: "report", unit: "区住建局", pct: 30},
		step{day: "2025-06-30", item: "3", kind: "report", unit: "区数据局", pct: 20},
		step{day: "2025-06-30", item: "1", kind: "apply", unit: "区数据局", evidence: "事项目录.xlsx"},
		step{day: "2025-07-01", item: "46", kind: "delegate", units: []string{"兴盛街道", "北陶街道", "永乐街道"}},
		step{day: "2025-07-03", item: "1", kind: "approve", unit: "区营商局"},
		step{day: "2025-09-26", item: "46-1", kind: "apply", unit: "兴盛街道", evidence: "名册.xlsx"},
		step{day: "2025-09-29", item: "46-1", kind: "approve", unit: "区数据局"},
		step{day: "2025-10-09", item: "2", kind: "apply", unit: "区数据局", evidence: "铁数发〔2025〕12号"},
		step{day: "2025-10-11", item: "2", kind: "return", unit: "区营商局", reason: "缺少办件量佐证"},
		step{day: "2025-10-24", item: "2", kind: "apply", unit: "区数据局", evidence: "10月办件统计.xlsx"},
		step{day: "2025-10-28", item: "2", kind: "approve", unit: "区营商局"},
		step{day: "2025-11-20", item: "1", kind: "recheck", unit: "区营商局", reason: "清单未随市级调整更新"},
	)
	cal := calendar.China()
	var memSent []task.Action
	actions := 0
	for d := mustDay(t, "2025-06-01"); !d.After(mustDay(t, "2025-12-31")); d, _ = d.AddDays(1) {
		for _, s := range steps {
			if s.day != d.String() {
				continue
			}
			when := at(d, 16)
			x := byNumber(s.item)
			var args []string
			switch s.kind {
			case "delegate":
				args = append([]string{"ledger", "delegate"}, s.units...)
				args = append(args, "--plan", tiexiTitle, "--task", s.item, "--due", "2025年9月30日前", "--db", db)
				due, err := task.ParseDeadlineIn("2025年9月30日前", 2025)
				require.NoError(t, err)
				_, err = x.Delegate(s.units, &due)
				require.NoError(t, err)
			case "report":
				args = []string{"ledger", "add", "--plan", tiexiTitle, "--task", s.item, "--unit", s.unit, "--date", s.day, "--percent", decimal.NewFromInt(s.pct).String(), "--db", db}
				_, err := x.Record(task.Entry{Date: d, Unit: s.unit, RecordedAt: when, Percent: decimal.NewFromInt(s.pct)}, o)
				require.NoError(t, err)
			default:
				args = []string{"ledger", "close", s.kind, "--plan", tiexiTitle, "--task", s.item, "--unit", s.unit, "--date", s.day, "--db", db}
				e := task.Entry{Date: d, Unit: s.unit, RecordedAt: when, Reason: s.reason}
				if s.evidence != "" {
					args = append(args, "--evidence", s.evidence)
					e.Evidence = []string{s.evidence}
				}
				if s.reason != "" {
					args = append(args, "--reason", s.reason)
				}
				require.NoError(t, e.Kind.UnmarshalText([]byte(s.kind)))
				if e.Kind == task.Approve || e.Kind == task.Return {
					e.Ref = x.ClosureOf().Applied.Seq
				}
				_, err := x.Record(e, o)
				require.NoError(t, err)
			}
			r := clerk(t, when, args...)
			require.Equal(t, 0, r.code, "%v: %s", args, r.stderr)
		}
		if ok, _ := cal.IsWorkday(d); !ok {
			continue
		}
		want, err := task.Actions(top, d, o, memSent)
		require.NoError(t, err)
		memSent = append(memSent, want.Actions...)
		r := clerk(t, at(d, 9), "supervise", "--plan", tiexiTitle, "--as-of", d.String(), "--db", db, "--format", "json")
		require.Equal(t, 0, r.code, r.stderr)
		var got []struct {
			Actions []task.Action `json:"actions"`
		}
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
		require.Len(t, got, 1)
		require.Len(t, got[0].Actions, len(want.Actions), d.String())
		for i := range want.Actions {
			assert.Equal(t, want.Actions[i].ID, got[0].Actions[i].ID, d.String())
		}
		actions += len(want.Actions)
		// The units reply to a 督办单 two working days later, except
		// 区工信局 in July.
		for i := range memSent {
			a := &memSent[i]
			if a.ReplyBy.IsZero() || a.Reply != nil || (a.Unit == "区工信局" && a.On.Month() == time.July) {
				continue
			}
			if by, err := cal.AddWorkdays(a.On, 2); err == nil && by == d {
				require.NoError(t, a.RecordReply(task.Reply{On: d, At: at(d, 10), Unit: a.Unit, By: "办公室", Text: "已部署整改"}))
				r := clerk(t, at(d, 10), "supervise", "reply", "--plan", tiexiTitle, "--action", a.ID.String(), "--unit", a.Unit, "--by", "办公室", "--text", "已部署整改", "--date", d.String(), "--db", db)
				require.Equal(t, 0, r.code, r.stderr)
			}
		}
	}
	require.Greater(t, actions, 20)

	// A rerun of the last day sends nothing new.
	r = clerk(t, at(mustDay(t, "2025-12-31"), 11), "supervise", "--plan", tiexiTitle, "--as-of", "2025-12-31", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "督办 0 项 / 0 actions")

	// The October bulletin, as of 3 November: the in-memory run's.
	span, err := task.MonthSpan(2025, time.October)
	require.NoError(t, err)
	wantB, err := task.NewBulletin(top, span, mustDay(t, "2025-11-03"), o, memSent, task.ScoreRules{})
	require.NoError(t, err)
	wantB.Title = "10月调度通报"
	r = clerk(t, at(mustDay(t, "2025-11-03"), 9), "bulletin", "--plan", tiexiTitle, "--period", "2025-10", "--as-of", "2025-11-03", "--title", "10月调度通报", "--db", db, "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	assertSameJSON(t, wantB, r.stdout)
	assert.NotEmpty(t, wantB.Units)
	r = clerk(t, at(mustDay(t, "2025-11-03"), 9), "bulletin", "--plan", tiexiTitle, "--period", "2025-10", "--as-of", "2025-11-03", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "区工信局")

	// The year-end report from the store: the in-memory run's.
	wantR, err := plan.NewReportWith(mem, mustDay(t, "2025-12-31"), nil, plan.ReportOptions{Sent: memSent})
	require.NoError(t, err)
	r = clerk(t, at(mustDay(t, "2025-12-31"), 18), "report", "--plan", tiexiTitle, "--as-of", "2025-12-31", "--db", db, "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	assertSameJSON(t, wantR, r.stdout)

	// The ledger of item 2 as the clerk sees it.
	r = clerk(t, at(mustDay(t, "2025-12-31"), 18), "ledger", "show", "--plan", tiexiTitle, "--task", "2", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	for _, s := range []string{"申请销号", "退回", "缺少办件量佐证", "审核通过", "已完成"} {
		assert.Contains(t, r.stdout, s)
	}
	r = clerk(t, at(mustDay(t, "2025-12-31"), 18), "ledger", "show", "--plan", tiexiTitle, "--task", "1", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "回头看")
	assert.Contains(t, r.stdout, "推进中", "reopened")
}

// assertSameJSON checks that got (a command's JSON) says what want does.
func assertSameJSON(t *testing.T, want any, got string) {
	t.Helper()
	b, err := json.Marshal(want)
	require.NoError(t, err)
	var w, g any
	require.NoError(t, json.Unmarshal(b, &w))
	require.NoError(t, json.Unmarshal([]byte(got), &g))
	assert.Equal(t, w, g)
}

// Approval cases on a store: events recorded by the command line, checked
// by the approval package, alerts fired once.
func TestApprovalCasesOnAStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	when := time.Date(2025, 9, 1, 9, 0, 0, 0, beijing)
	r := clerk(t, when, "approval", "record", "--db", db, "--case", "HV-1", "--kind", "submitted")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--process", "a new case needs its process")
	r = clerk(t, when, "approval", "record", "--db", db, "--case", "HV-1", "--process", "power-high-voltage", "--unit", "供电公司", "--kind", "submitted")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "HV-1 第1个事件 submitted 已记录")
	r = clerk(t, when.Add(time.Hour), "approval", "record", "--db", db, "--case", "HV-1", "--kind", "accepted")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "全程 / overall 20工作日")
	r = clerk(t, when.Add(2*time.Hour), "approval", "record", "--db", db, "--case", "HV-1", "--kind", "resumed")
	assert.Equal(t, 2, r.code, "a resume without a pause")
	assert.Contains(t, r.stderr, "HV-1")
	r = clerk(t, when.Add(2*time.Hour), "approval", "record", "--db", db, "--case", "HV-1", "--kind", "paused", "--reason", "补正", "--at", "2025-09-02 10:00")
	require.Equal(t, 0, r.code, r.stderr)
	r = clerk(t, when.Add(2*time.Hour), "approval", "record", "--db", db, "--case", "HV-1", "--kind", "resumed", "--at", "2025-09-03T10:00:00+08:00")
	require.Equal(t, 0, r.code, r.stderr)

	late := time.Date(2025, 10, 20, 12, 0, 0, 0, beijing)
	r = clerk(t, late, "approval", "alerts", "--db", db, "--fire", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var alerts []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &alerts))
	require.NotEmpty(t, alerts)
	assert.Equal(t, "HV-1", alerts[0]["case"])
	r = clerk(t, late, "approval", "alerts", "--db", db, "--fire")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "共 0 条 / 0 alerts", "fired once")
	r = clerk(t, late, "approval", "alerts", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "HV-1", "without --fire: every alert standing")
}

// Bad input on the store commands: clear errors, exit status 2, nothing
// written.
func TestStoreCommandErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	r := clerk(t, now, "import", tiexiFile, "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	text := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(text, []byte("不是数据库"), 0o644))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not a database", []string{"ledger", "show", "--plan", tiexiTitle, "--db", text}, "is not a SQLite database file"},
		{"no plan", []string{"ledger", "show", "--db", db}, "--plan is required"},
		{"unknown plan", []string{"ledger", "show", "--plan", "某某计划", "--db", db}, "no plan has the id, document number or title \"某某计划\""},
		{"unknown task", []string{"ledger", "add", "--plan", tiexiTitle, "--task", "99", "--unit", "区数据局", "--percent", "10", "--db", db}, "has no task 99"},
		{"refused by the rules", []string{"ledger", "close", "apply", "--plan", tiexiTitle, "--task", "2", "--unit", "区财政局", "--evidence", "x.pdf", "--db", db}, "区财政局 is not accountable"},
		{"no evidence", []string{"ledger", "close", "apply", "--plan", tiexiTitle, "--task", "2", "--unit", "区数据局", "--db", db}, "evidence"},
		{"approve nothing", []string{"ledger", "close", "approve", "--plan", tiexiTitle, "--task", "2", "--unit", "区营商局", "--db", db}, "no application awaiting review"},
		{"bad percent", []string{"ledger", "add", "--plan", tiexiTitle, "--task", "2", "--unit", "区数据局", "--percent", "abc", "--db", db}, "--percent must be a number"},
		{"bad step", []string{"ledger", "close", "finish", "--plan", tiexiTitle, "--task", "2", "--unit", "区数据局", "--db", db}, "not \"finish\""},
		{"bad period", []string{"bulletin", "--plan", tiexiTitle, "--period", "2025-13", "--db", db}, "month must be 1–12"},
		{"plan and file", []string{"report", "x.json", "--plan", tiexiTitle, "--as-of", "2025-10-01", "--db", db}, "give no PLAN.json"},
		{"supervise what", []string{"supervise", "--db", db}, "give --plan or --all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := clerk(t, now, tt.args...)
			assert.Equal(t, 2, r.code)
			assert.Contains(t, r.stderr, tt.want)
			assert.NotContains(t, r.stderr, "panic")
		})
	}
	r = clerk(t, now, "ledger", "show", "--plan", tiexiTitle, "--db", db, "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "[]\n", r.stdout, "nothing was written")
	b, err := os.ReadFile(text)
	require.NoError(t, err)
	assert.Equal(t, "不是数据库", string(b), "the text file is untouched")
}

// supervise --all runs every stored plan; import of an issued document's
// text stores it too.
func TestSuperviseAllAndImportText(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "all.db")
	r := clerk(t, now, "import", tiexiFile, "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	r = clerk(t, now, "import", filepath.Join("..", "..", "examples", "data", "anshan-hightech-2022.json"), "--db", db, "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "已存入 / stored", "with --format json the note goes to standard error")
	var p map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &p), "standard output stays the plan's JSON")

	r = clerk(t, time.Date(2025, 7, 22, 9, 0, 0, 0, beijing), "supervise", "--all", "--as-of", "2025-07-22", "--db", db, "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	var got []struct {
		Plan    struct{ Title string } `json:"plan"`
		Actions []task.Action          `json:"actions"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	require.Len(t, got, 2)
	r = clerk(t, time.Date(2025, 7, 22, 10, 0, 0, 0, beijing), "supervise", "--all", "--as-of", "2025-07-22", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, 2, strings.Count(r.stdout, "督办 0 项"), "a rerun sends nothing new")

	// Without --db, import stores nothing.
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	defer func() { require.NoError(t, os.Chdir(wd)) }()
	r = clerk(t, now, "import", filepath.Join(wd, tiexiFile))
	require.Equal(t, 0, r.code, r.stderr)
	_, err = os.Stat(filepath.Join(dir, defaultDB))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// The same commands on PostgreSQL: --db takes a postgres:// URL.
func TestStoreCommandsOnPostgres(t *testing.T) {
	dsn := os.Getenv("BIZENV_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("*** SKIPPED: set BIZENV_TEST_POSTGRES to run the store commands on PostgreSQL ***")
	}
	admin, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer admin.Close()
	schema := fmt.Sprintf("bizenv_cli_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	_, err = admin.Exec("CREATE SCHEMA " + schema)
	require.NoError(t, err)
	defer admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	db := dsn + sep + "search_path=" + schema

	r := clerk(t, now, "import", tiexiFile, "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	r = clerk(t, now, "ledger", "add", "--plan", tiexiTitle, "--task", "51", "--unit", "区财政局", "--percent", "30", "--date", "2025-06-12", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "51 第1条 进展填报 2025-06-12 区财政局 30%")
	r = clerk(t, now, "supervise", "--plan", tiexiTitle, "--as-of", "2025-06-17", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "督办 1 项", "区工信局 missed 16 June; 区财政局 reported")
	r = clerk(t, now, "supervise", "--plan", tiexiTitle, "--as-of", "2025-06-17", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "督办 0 项")
	r = clerk(t, now, "report", "--plan", tiexiTitle, "--as-of", "2025-06-17", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, tiexiTitle)
}

// check works on a store (issue 18): a stored plan and its stored parent
// give the findings the files give, and a plan whose ledgers were
// recorded on the store is checked with them.
func TestCheckOnAStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "check.db")
	data := filepath.Join("..", "..", "examples", "data")
	child, parent := filepath.Join(data, "bayuquan-2021-2024.json"), filepath.Join(data, "anshan-2021-2025-programme.json")
	when := time.Date(2025, 6, 30, 9, 0, 0, 0, calendar.Beijing())
	for _, f := range []string{child, parent, tiexiFile} {
		r := clerk(t, when, "import", f, "--db", db)
		require.Equal(t, 0, r.code, r.stderr)
	}
	files := clerk(t, when, "check", child, "--parent", parent, "--format", "json")
	require.Equal(t, 0, files.code, files.stderr)
	stored := clerk(t, when, "check", "--plan", "鲅鱼圈区营商环境优化行动方案(2021-2024年)", "--parent-plan", "鞍山市优化营商环境“十四五”规划", "--db", db, "--format", "json")
	require.Equal(t, 0, stored.code, stored.stderr)
	assert.JSONEq(t, files.stdout, stored.stdout)
	assert.Contains(t, stored.stdout, "uncovered_parent_task", "the parent was read from the store")

	r := clerk(t, when, "ledger", "add", "--plan", tiexiTitle, "--task", "2", "--unit", "区数据局", "--percent", "40", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	r = clerk(t, when, "check", "--plan", tiexiTitle, "--db", db)
	require.Equal(t, 0, r.code, r.stderr+r.stdout)
	assert.Contains(t, r.stdout, tiexiTitle)

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", child, "--plan", tiexiTitle, "--db", db}, "with --plan, give no PLAN.json"},
		{[]string{"check", "--plan", tiexiTitle, "--db", db, "--parent", parent, "--parent-plan", tiexiTitle}, "give --parent or --parent-plan, not both"},
		{[]string{"check", "--plan", "无此计划", "--db", db}, "no plan has the id, document number or title"},
		{[]string{"check", "--plan", tiexiTitle, "--parent-plan", "无此计划", "--db", db}, "no plan has the id, document number or title"},
	} {
		r := clerk(t, when, tc.args...)
		assert.Equal(t, 2, r.code, tc.args)
		assert.Contains(t, r.stderr, tc.want, tc.args)
	}
}

// approval record and alerts read --at as approval status does (one
// reader); an event needs its time, not only a date.
func TestApprovalAtOnAStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "at.db")
	when := time.Date(2025, 9, 1, 9, 0, 0, 0, calendar.Beijing())
	r := clerk(t, when, "approval", "record", "--db", db, "--case", "AT-1", "--process", "power-high-voltage", "--kind", "submitted", "--at", "2025-09-01")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--at must give the event's time")
	r = clerk(t, when, "approval", "record", "--db", db, "--case", "AT-1", "--process", "power-high-voltage", "--kind", "submitted", "--at", "2025-09-01 08:30", "--format", "json")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"at": "2025-09-01T08:30:00+08:00"`)
	r = clerk(t, when, "approval", "record", "--db", db, "--case", "AT-1", "--kind", "accepted", "--at", "2025-09-01T09:00")
	require.Equal(t, 0, r.code, r.stderr)
	r = clerk(t, when, "approval", "alerts", "--db", db, "--at", "2025-12-31")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "AT-1", "a date means the end of that day: the case is overdue by then")
}
