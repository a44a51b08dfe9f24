package task

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/calendar"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func date(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	require.NoError(t, err)
	return d
}

func dl(t testing.TB, s string) *Deadline {
	t.Helper()
	d, err := ParseDeadline(s)
	require.NoError(t, err)
	return &d
}

const tiexiDoc = "铁西区2025年优化营商环境55条"

// firstFive are items 1–5 of 铁西区2025年优化营商环境55条 (seed 001).
func firstFive(t testing.TB) []*Task {
	mk := func(n, title string, r Responsibility, d *Deadline) *Task {
		return &Task{ID: NewID(tiexiDoc, n), Number: n, Section: "构建高效便捷的政务环境", Title: title, Responsibility: r, Deadline: d}
	}
	return []*Task{
		mk("1", "编制政务服务事项清单", Responsibility{Lead: []string{"区数据局"}}, nil),
		mk("2", "拓展“高效办成一件事”场景", Responsibility{Lead: []string{"区数据局"}}, dl(t, "2025年底前")),
		mk("3", "深化工程建设项目审批制度改革", Responsibility{Responsible: []string{"区住建局", "区数据局"}, Joint: true}, nil),
		mk("4", "优化企业开办全流程服务", Responsibility{Lead: []string{"区市场监管局"}}, nil),
		mk("5", "完善智能办理服务", Responsibility{Lead: []string{"区数据局"}}, nil),
	}
}

var planEnd = func() calendar.Date { d, _ := calendar.ParseDate("2025-12-31"); return d }()

func TestParseDeadline(t *testing.T) {
	tests := []struct{ text, kind, due, asOf string }{
		{"2025年底前", "date", "2025-12-31", "2025-01-01"},
		{"2025年末", "date", "2025-12-31", "2025-01-01"},
		{"2025年年底前", "date", "2025-12-31", "2025-01-01"},
		{"2025年内", "date", "2025-12-31", "2025-01-01"},
		{"到2022年7月底", "date", "2022-07-31", "2022-01-01"},
		{"2024年2月底前", "date", "2024-02-29", "2024-01-01"},
		{"2025年6月30日前", "date", "2025-06-30", "2025-01-01"},
		{"２０２５年６月３０日前", "date", "2025-06-30", "2025-01-01"},
		{"2025年上半年", "date", "2025-06-30", "2025-01-01"},
		{"2025年年中", "date", "2025-06-30", "2025-01-01"},
		{"2025年下半年", "date", "2025-12-31", "2025-01-01"},
		{"2025年三季度末", "date", "2025-09-30", "2025-01-01"},
		{"2025年第一季度", "date", "2025-03-31", "2025-01-01"},
		{"2025-09-30", "date", "2025-09-30", "2025-01-01"},
		{"每月15日前", "monthly", "2025-03-15", "2025-03-15"},
		{"每月15日前", "monthly", "2025-04-15", "2025-03-16"},
		{"每月底", "monthly", "2025-02-28", "2025-02-03"},
		{"每季度", "quarterly", "2025-06-30", "2025-04-01"},
		{"每季度末", "quarterly", "2025-09-30", "2025-07-01"},
		{"每半年", "half_yearly", "2025-12-31", "2025-07-01"},
		{"每年3月底", "yearly", "2026-03-31", "2025-04-01"},
		{"每年1月15日前", "yearly", "2026-01-15", "2025-12-31"},
	}
	for _, tt := range tests {
		d, err := ParseDeadline(tt.text)
		require.NoError(t, err, tt.text)
		assert.Equal(t, tt.kind, d.Kind.String(), tt.text)
		due, err := d.Due(date(t, tt.asOf))
		require.NoError(t, err)
		assert.Equal(t, tt.due, due.String(), "%s as of %s", tt.text, tt.asOf)
		assert.Equal(t, tt.text, d.Text)
	}
	for _, s := range []string{"长期坚持", "持续推进"} {
		d, err := ParseDeadline(s)
		require.NoError(t, err, s)
		assert.Equal(t, Ongoing, d.Kind, s)
		_, err = d.Due(date(t, "2025-01-01"))
		assert.ErrorIs(t, err, ErrInvalidDeadline, "an ongoing task is due at its plan's end, which the deadline does not know")
	}
	for _, bad := range []string{"", "尽快", "2025年13月底前", "2025年2月30日前", "每月32日前", "每年13月底", "2025年第五季度"} {
		_, err := ParseDeadline(bad)
		assert.ErrorIs(t, err, ErrInvalidDeadline, bad)
	}
	_, err := Deadline{Kind: Monthly, Day: 15}.Due(calendar.Date{})
	assert.ErrorIs(t, err, ErrInvalidDeadline)
}

// Issue 15 item 4: one-year plans write their deadlines without the year.
func TestParseDeadlineIn(t *testing.T) {
	for text, due := range map[string]string{
		"年底前": "2025-12-31", "年末": "2025-12-31", "年内": "2025-12-31", "6月底前": "2025-06-30", "9月30日前": "2025-09-30",
		"上半年": "2025-06-30", "年中": "2025-06-30", "下半年": "2025-12-31", "三季度末": "2025-09-30", "第三季度": "2025-09-30",
		"一季度": "2025-03-31", "到年底": "2025-12-31", "2026年6月底前": "2026-06-30",
	} {
		d, err := ParseDeadlineIn(text, 2025)
		require.NoError(t, err, text)
		assert.Equal(t, OnDate, d.Kind, text)
		assert.Equal(t, due, d.Date.String(), text)
		assert.Equal(t, text, d.Text)
		_, err = ParseDeadline(text)
		if text != "2026年6月底前" {
			assert.ErrorIs(t, err, ErrInvalidDeadline, "%s needs the plan's year", text)
			assert.ErrorContains(t, err, "ParseDeadlineIn", text)
		}
	}
	d, err := ParseDeadlineIn("每月15日前", 2025)
	require.NoError(t, err)
	assert.Equal(t, Monthly, d.Kind)
	_, err = ParseDeadlineIn("年底前", 0)
	assert.ErrorIs(t, err, ErrInvalidDeadline)
	_, err = ParseDeadlineIn("13月底前", 2025)
	assert.ErrorIs(t, err, ErrInvalidDeadline)
}

func TestStatusTransitions(t *testing.T) {
	tk := &Task{Number: "1"}
	require.NoError(t, tk.SetStatus(InProgress))
	require.NoError(t, tk.SetStatus(Suspended))
	require.NoError(t, tk.SetStatus(InProgress))
	err := tk.SetStatus(Done)
	assert.ErrorIs(t, err, ErrInvalidTransition, "done only through closure (issue 15: no 已完成 without evidence and review)")
	assert.Contains(t, err.Error(), "销号")
	assert.ErrorIs(t, tk.SetStatus(CarriedOver), ErrInvalidTransition)
	assert.Equal(t, InProgress, tk.Status)
	d := &Task{Number: "3", Status: Done}
	assert.ErrorIs(t, d.SetStatus(InProgress), ErrInvalidTransition, "a done task is reopened by a re-check")
	c := &Task{Number: "2", Status: Cancelled}
	assert.ErrorIs(t, c.SetStatus(InProgress), ErrInvalidTransition)
	assert.NoError(t, c.SetStatus(Cancelled), "no change is no transition")
	for s, open := range map[Status]bool{NotStarted: true, InProgress: true, Suspended: true, Done: false, Cancelled: false, CarriedOver: false} {
		assert.Equal(t, open, s.Open(), s)
	}
}

func TestResponsibilityAndValidation(t *testing.T) {
	tasks := firstFive(t)
	for _, tk := range tasks {
		assert.Empty(t, tk.Validate(planEnd), tk.Number)
	}
	assert.Equal(t, []string{"区住建局", "区数据局"}, tasks[2].Responsibility.Accountable())
	assert.Equal(t, JointRole, tasks[2].Responsibility.RoleOf("区数据局"))
	assert.Equal(t, LeadRole, tasks[0].Responsibility.RoleOf(" 区数据局 "))

	// Responsible units with no lead answer for the task (鲅鱼圈: 责任单位 only).
	assert.Equal(t, []string{"区税务局"}, Responsibility{Responsible: []string{"区税务局"}}.Accountable())
	assert.Equal(t, JointRole, Responsibility{Responsible: []string{"区税务局"}}.RoleOf("区税务局"))
	assert.Equal(t, Responsible, Responsibility{Lead: []string{"区营商局"}, Responsible: []string{"区税务局"}}.RoleOf("区税务局"))
	bad := &Task{Number: "9", Responsibility: Responsibility{Supporting: []string{""}},
		Deadline:   dl(t, "2025年6月30日前"),
		Milestones: []Milestone{{Due: date(t, "2025-09-30"), Targets: []Target{{Measure: "环节", Op: "≈", Value: decimal.NewFromInt(1), Unit: "个"}}}},
		Delegated:  []*Task{{Number: "9-1", Responsibility: Responsibility{Lead: []string{"兴盛街道"}}, Deadline: dl(t, "2025年7月31日前")}},
	}
	var fields []string
	for _, f := range bad.Validate(planEnd) {
		fields = append(fields, f.Field)
		assert.NotEmpty(t, f.MessageZh)
		assert.NotEmpty(t, f.MessageEn)
		assert.Contains(t, f.String(), " / ")
	}
	assert.ElementsMatch(t, []string{"responsibility", "responsibility.supporting[0]", "milestones[0].due", "milestones[0].targets[0].op", "delegated[0].deadline"}, fields)

	loop := &Task{Number: "L", Responsibility: Responsibility{Lead: []string{"区数据局"}}}
	loop.Delegated = []*Task{{Number: "L-1", Responsibility: Responsibility{Lead: []string{"兴盛街道"}}, Delegated: []*Task{loop}}}
	found := false
	for _, f := range loop.Validate(planEnd) {
		found = found || strings.Contains(f.MessageEn, "loops back")
	}
	assert.True(t, found, "a delegation cycle is reported")
}

func TestLedgerIsAppendOnly(t *testing.T) {
	var l Ledger
	e1, err := l.Append(Entry{Date: date(t, "2025-03-31"), Unit: "区数据局", Percent: decimal.NewFromInt(30), Narrative: "完成清单梳理"})
	require.NoError(t, err)
	assert.Equal(t, 1, e1.Seq)
	_, err = l.Append(Entry{Date: date(t, "2025-06-30"), Unit: "区数据局", Percent: decimal.NewFromInt(80), Evidence: []string{"铁数发〔2025〕3号"}})
	require.NoError(t, err)
	p, ok := l.Progress()
	require.True(t, ok)
	assert.Equal(t, "80", p.String())
	// A correction is a new entry; the corrected one stays.
	_, err = l.Append(Entry{Date: date(t, "2025-06-30"), Unit: "区数据局", Percent: decimal.NewFromInt(60), Narrative: "更正：实际进度60%", Corrects: 2})
	require.NoError(t, err)
	assert.Equal(t, 3, l.Len())
	p, _ = l.Progress()
	assert.Equal(t, "60", p.String())
	assert.Len(t, l.Current(), 2)
	for _, bad := range []Entry{
		{Unit: "x", Percent: decimal.NewFromInt(1)},
		{Kind: Apply, Date: date(t, "2025-01-01"), Unit: "x", Evidence: []string{"a"}},
		{Date: date(t, "2025-01-01"), Percent: decimal.NewFromInt(1)},
		{Date: date(t, "2025-01-01"), Unit: "x", Percent: decimal.NewFromInt(101)},
		{Date: date(t, "2025-01-01"), Unit: "x", Percent: decimal.NewFromInt(-1)},
		{Date: date(t, "2025-01-01"), Unit: "x", Corrects: 9},
	} {
		_, err := l.Append(bad)
		assert.ErrorIs(t, err, ErrInvalidEntry)
	}
	assert.Equal(t, 3, l.Len(), "rejected entries leave no trace")

	b, err := json.Marshal(l)
	require.NoError(t, err)
	var back Ledger
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, l.Entries(), back.Entries())
	// A ledger that breaks its rules is read, but says so (Err).
	require.NoError(t, json.Unmarshal([]byte(`[{"seq":2,"date":"2025-01-01","unit":"x","percent":"1"}]`), &back))
	assert.ErrorIs(t, back.Err(), ErrInvalidEntry)
	require.NoError(t, json.Unmarshal([]byte(`[{"seq":1,"date":"2025-01-01","unit":"x","percent":"1","corrects":1}]`), &back))
	assert.ErrorIs(t, back.Err(), ErrInvalidEntry)
}

// TestBrokenLedger: a ledger read against its rules keeps what was
// written, names the first entry at fault, computes from the entries
// before it, and takes nothing more until corrected (issue 17: the rule is
// a validation finding, not a decoding error, so that the JSON Schema and
// the decoder agree).
func TestBrokenLedger(t *testing.T) {
	in := `[{"seq":1,"kind":"report","date":"2025-01-01","unit":"区数据局","percent":"40"},` +
		`{"seq":2,"kind":"report","date":"2025-02-01","unit":"区数据局","percent":"150"},` +
		`{"seq":3,"kind":"report","date":"2025-03-01","unit":"区数据局","percent":"60"}]`
	var l Ledger
	require.NoError(t, json.Unmarshal([]byte(in), &l))
	var ee *EntryError
	require.ErrorAs(t, l.Err(), &ee)
	assert.Equal(t, 1, ee.Index)
	assert.Equal(t, "percent", ee.Field)
	assert.Contains(t, ee.MessageZh, "第2条")
	assert.Contains(t, ee.MessageEn, "entry 2")
	assert.Equal(t, 1, l.Len(), "computations see the entries before the one at fault")
	p, ok := l.Progress()
	assert.True(t, ok)
	assert.Equal(t, "40", p.String())
	assert.Len(t, l.Written(), 3)
	_, err := l.Append(Entry{Date: date(t, "2025-04-01"), Unit: "区数据局", Percent: decimal.NewFromInt(70)})
	require.ErrorIs(t, err, ErrInvalidEntry, "nothing is added to a broken ledger")
	assert.Contains(t, err.Error(), "须先更正")
	out, err := json.Marshal(l)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out), "written back as read")

	tk := &Task{Number: "7", Responsibility: Responsibility{Lead: []string{"区数据局"}}, Ledger: l}
	fs := tk.Validate(date(t, "2025-12-31"))
	require.Len(t, fs, 1)
	assert.Equal(t, "ledger[1].percent", fs[0].Field)

	_, err = DecodeTask(strings.NewReader(`{"number":"7","ledger":` + in + `}`))
	require.ErrorIs(t, err, ErrInvalidEntry, "DecodeTask refuses a broken ledger")
	assert.ErrorIs(t, err, ErrInvalidTask)
	assert.Contains(t, err.Error(), "/ledger/1/percent")

	// A review state that the entries do not make is at fault too.
	require.NoError(t, json.Unmarshal([]byte(`[{"seq":1,"date":"2025-01-01","unit":"x","percent":"1","review":"approved"}]`), &l))
	require.ErrorAs(t, l.Err(), &ee)
	assert.Equal(t, "review", ee.Field)
	assert.Zero(t, l.Len())
}

func TestOverdueAndProgressRollUp(t *testing.T) {
	tasks := firstFive(t)
	o := Options{End: planEnd}
	street := &Task{Number: "1-兴盛", Responsibility: Responsibility{Lead: []string{"兴盛街道"}}, Deadline: dl(t, "2025年6月30日前")}
	street2 := &Task{Number: "1-北陶", Responsibility: Responsibility{Lead: []string{"北陶街道"}}, Deadline: dl(t, "2025年6月30日前"), Status: Done}
	tasks[0].Delegated = []*Task{street, street2}
	late, un := Overdue(tasks, date(t, "2025-06-30"), o)
	assert.Empty(t, late, "nothing is late on 06-30")
	assert.Empty(t, un)
	late, _ = Overdue(tasks, date(t, "2025-07-01"), o)
	require.Len(t, late, 1)
	assert.Equal(t, "1-兴盛", late[0].Number)
	late, _ = Overdue(tasks, planEnd, o)
	assert.Len(t, late, 1, "on the last day only 兴盛's part is late")
	late, _ = Overdue(tasks, date(t, "2026-01-05"), o)
	assert.Len(t, late, 6, "items 1–5 and 兴盛's part; 北陶 is done")

	_, err := street.Ledger.Append(Entry{Date: date(t, "2025-06-01"), Unit: "兴盛街道", Percent: decimal.NewFromInt(50)})
	require.NoError(t, err)
	p, ok := tasks[0].Progress()
	require.True(t, ok)
	assert.Equal(t, "75", p.String(), "(50 + 100) / 2 rolls up")

	monthly := &Task{ID: NewID(tiexiDoc, "M"), Number: "M", Responsibility: Responsibility{Lead: []string{"区数据局"}}, Deadline: dl(t, "每月15日前")}
	st, err := monthly.Standing(date(t, "2025-03-20"), o)
	require.NoError(t, err)
	assert.True(t, st.Late, "no report for the period closing 03-17 (the 15th is a Saturday)")
	assert.Equal(t, "2025-03-17", st.Due.String())
	_, err = monthly.Ledger.Append(Entry{Date: date(t, "2025-03-10"), Unit: "区数据局", Percent: decimal.NewFromInt(10)})
	require.NoError(t, err)
	st, err = monthly.Standing(date(t, "2025-03-20"), o)
	require.NoError(t, err)
	assert.False(t, st.Late)
	assert.Equal(t, "2025-04-15", st.Due.String(), "the next report")
	st, err = monthly.Standing(date(t, "2025-04-20"), o)
	require.NoError(t, err)
	assert.True(t, st.Late, "nothing reported for the April period")
	assert.Equal(t, "2025-04-15", st.Due.String(), "the missed report, not the next one")
	sv, err := Actions([]*Task{monthly}, date(t, "2025-04-20"), o, nil)
	require.NoError(t, err)
	require.Empty(t, sv.Undatable)
	require.Len(t, sv.Actions, 1)
	assert.Equal(t, Supervise, sv.Actions[0].Kind)
	assert.Equal(t, "2025-04-15", sv.Actions[0].Due.String())
}

func TestWorkloadAndMatrix(t *testing.T) {
	tasks := firstFive(t)
	w := WorkloadOf(tasks, "区数据局")
	assert.Len(t, w.Lead, 3)
	assert.Len(t, w.Joint, 1)
	assert.Equal(t, 4, w.Accountable())
	assert.Empty(t, WorkloadOf(tasks, "区财政局").Lead)
	m := NewMatrix(tasks)
	assert.Equal(t, []string{"区市场监管局", "区数据局", "区住建局"}, m.Units, "pinyin order: shi, shu, zhu")
	assert.Equal(t, [][]int{{1}, {4}, {1}}, m.Counts)
}

func TestActions(t *testing.T) {
	tk := &Task{ID: NewID(tiexiDoc, "8"), Number: "8", Title: "加强“掌上办”宣传力度", Responsibility: Responsibility{Lead: []string{"区数据局"}, Supporting: []string{"区人社局"}}, Deadline: dl(t, "2025年10月10日前")}
	tasks := []*Task{tk}
	run := func(asOf string, sent []Action) []Action {
		s, err := Actions(tasks, date(t, asOf), Options{End: planEnd}, sent)
		require.NoError(t, err)
		require.Empty(t, s.Undatable)
		return s.Actions
	}
	assert.Empty(t, run("2025-09-26", nil), "five working days away (09-28 and 10-09 worked, the break skipped)")
	a := run("2025-09-30", nil)
	require.Len(t, a, 1)
	assert.Equal(t, Remind, a[0].Kind)
	assert.Equal(t, 2, a[0].Days, "10-09 and 10-10, after the break")
	assert.Equal(t, "区数据局", a[0].Unit)
	assert.Equal(t, []string{"区人社局"}, a[0].Copy, "the supporting unit is copied")
	assert.Empty(t, run("2025-10-09", a), "already reminded for this due date")
	sup := run("2025-10-13", a)
	require.Len(t, sup, 1)
	assert.Equal(t, Supervise, sup[0].Kind)
	assert.Equal(t, 2, sup[0].Days, "10-11 (worked) and 10-13")
	assert.Equal(t, "2025-10-20", sup[0].ReplyBy.String(), "a 督办单 asks for a reply within 5 working days")
	sent := append(a, sup...)
	assert.Empty(t, run("2025-10-14", sent))
	sum := run("2025-10-21", sent)
	require.Len(t, sum, 1)
	assert.Equal(t, Summons, sum[0].Kind, "the 督办单 went unanswered past 10-20")
	assert.Contains(t, sum[0].MessageZh, "督办单逾期未反馈")
	// A reply by the date stops that rung; lateness alone brings it at 10.
	replied := append([]Action(nil), sent...)
	require.NoError(t, replied[1].RecordReply(Reply{On: date(t, "2025-10-17"), Unit: "区数据局", Text: "正在推进，预计10月底完成"}))
	assert.Empty(t, run("2025-10-21", replied))
	sum = run("2025-10-27", replied)
	require.Len(t, sum, 1)
	assert.Equal(t, Summons, sum[0].Kind, "ten working days late")
	require.NoError(t, tk.SetStatus(Cancelled))
	assert.Empty(t, run("2025-10-27", nil), "cancelled tasks are left alone")
}

func TestTaskJSONRoundTrip(t *testing.T) {
	tk := firstFive(t)[2]
	tk.Responsibility.Liaison = &Liaison{Name: "张三", Unit: "区住建局", Phone: "13812341234"}
	tk.Milestones = []Milestone{{Due: date(t, "2025-06-30"), Targets: []Target{{Measure: "环节", Op: "<=", Value: decimal.NewFromInt(1), Unit: "个"}}, Text: "压缩至1个环节"}}
	_, err := tk.Ledger.Append(Entry{Date: date(t, "2025-03-31"), Unit: "区住建局", Percent: decimal.NewFromInt(20)})
	require.NoError(t, err)
	tk.Delegated = []*Task{{Number: "3-1", Responsibility: Responsibility{Lead: []string{"兴盛街道"}}, Deadline: dl(t, "2025年9月30日前")}}
	b, err := json.Marshal(tk)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"responsibility":{"lead":[],"responsible":["区住建局","区数据局"],"supporting":[],"joint":true`)
	back, err := DecodeTask(bytes.NewReader(b))
	require.NoError(t, err)
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
	assert.Equal(t, tk.ID, back.ID)

	folded, err := DecodeTask(bytes.NewReader([]byte(`{"number":"1","title":"x","responsibility":{"lead":["区数据局　"," 区数据局"]},"status":"推进中","ledger":[]}`)))
	require.NoError(t, err)
	assert.Equal(t, []string{"区数据局", "区数据局"}, folded.Responsibility.Lead)
	assert.Equal(t, InProgress, folded.Status)
	for _, bad := range []string{`{"number":"1","colour":1}`, `{"status":"finished"}`, `{"ledger":[{"seq":5}]}`, `{"deadline":{"kind":"weekly"}}`, `[`} {
		_, err := DecodeTask(bytes.NewReader([]byte(bad)))
		assert.Error(t, err, bad)
	}
	assert.Equal(t, "区住建局 张三 138****1234", tk.Responsibility.Liaison.String())
	assert.Equal(t, "****34", MaskPhone("123434"))
	assert.Equal(t, NewID(tiexiDoc, "3"), NewID(" "+tiexiDoc, "３"), "deterministic and width-folded")
}

// Issue 13 item 10: the namespace cannot be reassigned, and the recipe is
// pinned with literal UUIDs so that other languages can reproduce it.
func TestNamespaceAndIDRecipe(t *testing.T) {
	assert.Equal(t, "7a1d8e54-2c1f-5b7e-9a43-6f0d3c2b8e11", Namespace().String())
	ns := Namespace()
	ns[0] = 0
	assert.Equal(t, "7a1d8e54-2c1f-5b7e-9a43-6f0d3c2b8e11", Namespace().String(), "a caller's copy changes nothing")
	assert.Equal(t, uuid.NewSHA1(uuid.MustParse("7a1d8e54-2c1f-5b7e-9a43-6f0d3c2b8e11"), []byte("鞍山市铁西区2025年优化营商环境55条#1")), NewID("鞍山市铁西区2025年优化营商环境55条", "1"))
	assert.Equal(t, "5fc2a2a9-774f-5dba-9369-0b715a692178", NewID("鞍山市铁西区2025年优化营商环境55条", "1").String(), "the ID the shipped 铁西 plan carries")
	assert.Equal(t, NewID("辽政办发〔2022〕14号", "3"), NewID(" 辽政办发〔２０２２〕１４号 ", "３"))
}

// Issue 13 item 9: masking an 8-digit number showed 7 of its digits.
func TestMaskPhone(t *testing.T) {
	for in, want := range map[string]string{
		"13812341234":    "138****1234",
		"24561234":       "24****34",
		"0412-2456123":   "041*****6123",
		"4125612345":     "41******45",
		"1234567":        "*****67",
		"12":             "**",
		"":               "",
		"+8613812341234": "+86*******1234",
	} {
		got := MaskPhone(in)
		assert.Equal(t, want, got, in)
		hidden := strings.Count(got, "*")
		assert.Equal(t, len([]rune(in)), len([]rune(got)), in)
		if n := len([]rune(in)); n > 7 {
			assert.GreaterOrEqual(t, hidden, 4, "%s: at least four hidden", in)
		} else {
			assert.GreaterOrEqual(t, hidden, n-2, "%s: at most two show", in)
		}
	}
}
