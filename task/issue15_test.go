package task

import (
	"testing"

	"github.com/bizenv/bizenv/org"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tiexiOptions are the 铁西 plan's: issued 2025-05-13, for 2025.
func tiexiOptions(t testing.TB) Options {
	return Options{Start: date(t, "2025-05-13"), End: date(t, "2025-12-31")}
}

// item51 is 铁西 item 51: 每月15日前, 区工信局、区财政局按职责分工负责.
func item51(t testing.TB) *Task {
	return &Task{ID: NewID(tiexiDoc, "51"), Number: "51", Title: "开展拖欠企业账款问题专项整治",
		Responsibility: Responsibility{Responsible: []string{"区工信局", "区财政局"}, Joint: true}, Deadline: dl(t, "每月15日前")}
}

// Issue 15: on a joint task the progress was whichever unit reported last:
// when 区住建局 corrected its 80% down to 70%, the task's progress went UP
// from 30 to 70.
func TestJointProgressCorrectionGoesDown(t *testing.T) {
	tk := firstFive(t)[2] // 3. 区住建局、区数据局按职责分工负责
	_, err := tk.Ledger.Append(Entry{Date: date(t, "2025-06-30"), Unit: "区住建局", Percent: pct(80)})
	require.NoError(t, err)
	_, err = tk.Ledger.Append(Entry{Date: date(t, "2025-07-01"), Unit: "区数据局", Percent: pct(30)})
	require.NoError(t, err)
	p, _ := tk.Progress()
	assert.Equal(t, "55", p.String(), "the mean of the two units")
	_, err = tk.Ledger.Append(Entry{Date: date(t, "2025-07-02"), Unit: "区住建局", Percent: pct(70), Narrative: "更正：实际70%", Corrects: 1})
	require.NoError(t, err)
	p, _ = tk.Progress()
	assert.Equal(t, "50", p.String(), "the correction moves only 区住建局's share: down")
	p, _ = tk.ProgressWith(Options{Progress: SlowestUnit})
	assert.Equal(t, "30", p.String())
	p, _ = tk.ProgressWith(Options{Progress: LatestReport})
	assert.Equal(t, "70", p.String(), "the old rule, on request")
	ups := tk.UnitProgress(Options{})
	require.Len(t, ups, 2)
	assert.Equal(t, "区住建局", ups[0].Unit)
	assert.Equal(t, "70", ups[0].Percent.String())
	assert.Equal(t, JointRole, ups[0].Role)
	assert.Equal(t, "30", ups[1].Percent.String())

	// A unit that has not reported counts 0.
	three := &Task{Responsibility: Responsibility{Lead: []string{"区营商局", "区行政审批局", "区市场监管局"}}}
	_, err = three.Ledger.Append(Entry{Date: date(t, "2025-06-30"), Unit: "区营商局", Percent: pct(60)})
	require.NoError(t, err)
	p, _ = three.Progress()
	assert.Equal(t, "20", p.String())
}

// Issue 15: a monthly item of a 2025 plan was still overdue in June 2026
// and would be supervised every month forever; a plan issued on 13 May got
// 督办 and 通报 for a 15 May occurrence on 10 June.
func TestRecurringDeadlinesStartAndStop(t *testing.T) {
	o := tiexiOptions(t)
	tk := item51(t)
	st, err := tk.Standing(date(t, "2025-06-10"), o)
	require.NoError(t, err)
	assert.False(t, st.Late, "May's period began before the plan was issued: nothing was due on 15 May")
	assert.Equal(t, "2025-06-16", st.Due.String(), "the first report: 15 June, a Sunday, so Monday 16 June")
	s, err := Actions([]*Task{tk}, date(t, "2025-06-10"), o, nil)
	require.NoError(t, err)
	assert.Empty(t, s.Actions, "no 督办, no 通报")

	// The last due date is 15 December; nothing is due in 2026.
	for _, u := range []string{"区工信局", "区财政局"} {
		_, err := tk.Ledger.Append(Entry{Date: date(t, "2025-11-10"), Unit: u, Percent: pct(80)})
		require.NoError(t, err)
	}
	st, err = tk.Standing(date(t, "2026-06-20"), o)
	require.NoError(t, err)
	assert.Equal(t, "2025-12-15", st.Due.String(), "the last report the plan asks for")
	s, err = Actions([]*Task{tk}, date(t, "2026-06-20"), o, nil)
	require.NoError(t, err)
	assert.True(t, s.Ended)
	assert.Empty(t, s.Actions, "not supervised every month forever")
	// With an own end (Until), the deadline stops there.
	tk = item51(t)
	tk.Deadline.Until = date(t, "2025-09-30")
	for _, u := range []string{"区工信局", "区财政局"} {
		_, err := tk.Ledger.Append(Entry{Date: date(t, "2025-08-10"), Unit: u, Percent: pct(80)})
		require.NoError(t, err)
	}
	st, err = tk.Standing(date(t, "2025-11-20"), o)
	require.NoError(t, err)
	assert.Equal(t, "2025-09-15", st.Due.String())
	// And a task's own start delays its first report.
	tk = item51(t)
	tk.Start = date(t, "2025-08-05")
	st, err = tk.Standing(date(t, "2025-08-20"), o)
	require.NoError(t, err)
	assert.False(t, st.Late)
	assert.Equal(t, "2025-09-15", st.Due.String())
}

// Issue 15: a due date on a Saturday was supervised on Monday as late.
func TestDueDateOnADayOffMoves(t *testing.T) {
	tk := &Task{ID: NewID(tiexiDoc, "x"), Number: "x", Responsibility: Responsibility{Lead: []string{"区数据局"}}, Deadline: dl(t, "2025年11月15日前")} // a Saturday
	o := tiexiOptions(t)
	st, err := tk.Standing(date(t, "2025-11-17"), o)
	require.NoError(t, err)
	assert.False(t, st.Late, "Monday 17 November is the due date")
	assert.Equal(t, "2025-11-17", st.Due.String())
	assert.Equal(t, "2025-11-15", st.Units[0].Written.String())
	s, err := Actions([]*Task{tk}, date(t, "2025-11-17"), o, nil)
	require.NoError(t, err)
	require.Len(t, s.Actions, 1)
	assert.Equal(t, Remind, s.Actions[0].Kind, "a reminder on the day, not a supervision")
	st, err = tk.Standing(date(t, "2025-11-18"), o)
	require.NoError(t, err)
	assert.True(t, st.Late)
	// The rule can be switched off.
	o.KeepDayOff = true
	st, err = tk.Standing(date(t, "2025-11-17"), o)
	require.NoError(t, err)
	assert.True(t, st.Late)
	// 国庆: 1 October 2025 falls in the break, due 9 October.
	tk.Deadline = dl(t, "2025年10月1日前")
	st, err = tk.Standing(date(t, "2025-10-09"), tiexiOptions(t))
	require.NoError(t, err)
	assert.False(t, st.Late)
	assert.Equal(t, "2025-10-09", st.Due.String())
}

// Issue 15: monthly items got 督办 but never a 提醒 before the 15th; a
// unit that skipped July was not late when its partner reported; 督办 and
// 通报 could be sent for the same due date on the same day; only lead units
// received anything.
func TestRecurringPerUnitLadder(t *testing.T) {
	o := tiexiOptions(t)
	tk := item51(t)
	tk.Responsibility.Supporting = []string{"区发改局"}
	run := func(asOf string, sent []Action) []Action {
		s, err := Actions([]*Task{tk}, date(t, asOf), o, sent)
		require.NoError(t, err)
		require.Empty(t, s.Undatable)
		return s.Actions
	}
	for _, u := range []string{"区工信局", "区财政局"} {
		_, err := tk.Ledger.Append(Entry{Date: date(t, "2025-06-12"), Unit: u, Percent: pct(10)})
		require.NoError(t, err)
	}
	a := run("2025-07-10", nil)
	require.Len(t, a, 2, "both joint units are reminded before 15 July")
	assert.Equal(t, Remind, a[0].Kind)
	assert.Equal(t, "区工信局", a[0].Unit)
	assert.Equal(t, []string{"区财政局", "区发改局"}, a[0].Copy, "the partner and the supporting unit copied")
	assert.Equal(t, "区财政局", a[1].Unit)
	assert.Equal(t, "2025-07-15", a[0].Due.String())
	assert.Contains(t, a[0].MessageZh, "请按时报送本期进展")

	// 区财政局 reports for July and August; 区工信局 does not.
	_, err := tk.Ledger.Append(Entry{Date: date(t, "2025-07-14"), Unit: "区财政局", Percent: pct(40)})
	require.NoError(t, err)
	_, err = tk.Ledger.Append(Entry{Date: date(t, "2025-08-14"), Unit: "区财政局", Percent: pct(60)})
	require.NoError(t, err)
	st, err := tk.Standing(date(t, "2025-07-16"), o)
	require.NoError(t, err)
	require.Len(t, st.Units, 2)
	assert.True(t, st.Units[0].Late, "区工信局 skipped July")
	assert.False(t, st.Units[1].Late, "区财政局 reported")
	assert.True(t, st.Late)
	sup := run("2025-07-16", a)
	require.Len(t, sup, 1)
	assert.Equal(t, Supervise, sup[0].Kind)
	assert.Equal(t, "区工信局", sup[0].Unit)

	// A unit that skips month after month stays late since its first
	// missed report, and climbs the ladder; with nothing sent but the
	// reminders, only the strongest rung due goes out: one action a day.
	st, err = tk.Standing(date(t, "2025-08-27"), o)
	require.NoError(t, err)
	assert.Equal(t, "2025-07-15", st.Units[0].Due.String(), "late since July, not reset by August")
	assert.Equal(t, 31, st.Units[0].DaysLate)
	far := run("2025-08-27", a)
	require.Len(t, far, 1)
	assert.Equal(t, PublicNotice, far[0].Kind, "20 or more working days late: 通报, alone")
	assert.Equal(t, "区工信局", far[0].Unit)
	sent := append(append([]Action(nil), a...), far...)
	assert.Empty(t, run("2025-08-27", sent), "nothing more that day")
	// A weaker rung is not sent after a stronger one for the same due date.
	assert.Empty(t, run("2025-08-28", sent))

	// Once the unit reports (late), it is no longer late for July.
	_, err = tk.Ledger.Append(Entry{Date: date(t, "2025-08-28"), Unit: "区工信局", Percent: pct(30)})
	require.NoError(t, err)
	st, err = tk.Standing(date(t, "2025-08-29"), o)
	require.NoError(t, err)
	assert.False(t, st.Late, "区工信局 reported, late, in August's period")
}

// Issue 15: "各镇（街道）" is responsible for nine items of 鲅鱼圈's plan, yet
// a street's workload was zero, and only lead units received anything.
func TestGroupsExpandThroughTheDirectory(t *testing.T) {
	dir, err := org.NewDirectory([]org.Unit{
		{Name: "区营商局", Kind: org.Bureau, Level: org.County},
		{Name: "区交通运输局", Kind: org.Bureau, Level: org.County},
		{Name: "区市场监管局", Aliases: []string{"区市场局"}, Kind: org.Bureau, Level: org.County},
		{Name: "红海街道", Kind: org.TownshipOffice, Level: org.Township},
		{Name: "海星街道", Kind: org.TownshipOffice, Level: org.Township},
		{Name: "熊岳镇", Kind: org.TownshipOffice, Level: org.Township},
	}, org.StandardGroups())
	require.NoError(t, err)
	// 鲅鱼圈 item 72: 责任单位：区交通运输局、各镇(街道); item 75: 牵头 区营商局, 责任 区直相关部门, 各镇(街道).
	t72 := &Task{ID: NewID("鲅政办发〔2022〕1号", "72"), Number: "72", Title: "完善综合交通运输体系",
		Responsibility: Responsibility{Responsible: []string{"区交通运输局", "各镇(街道)"}}, Deadline: dl(t, "2022年12月31日前")}
	t75 := &Task{ID: NewID("鲅政办发〔2022〕1号", "75"), Number: "75", Title: "建设数字政府",
		Responsibility: Responsibility{Lead: []string{"区营商局"}, Responsible: []string{"区直相关部门", "各镇(街道)"}}, Deadline: dl(t, "2022年12月31日前")}
	tasks := []*Task{t72, t75}
	o := Options{Start: date(t, "2022-03-23"), End: date(t, "2024-12-31"), Directory: dir}

	assert.Zero(t, WorkloadOf(tasks, "海星街道").Accountable()+len(WorkloadOf(tasks, "海星街道").Responsible), "without the directory, the phrase hides the street")
	w := WorkloadIn(tasks, "海星街道", o, false)
	assert.Len(t, w.Joint, 1, "item 72: jointly, with no lead")
	assert.Len(t, w.Responsible, 1, "item 75: responsible under 区营商局's lead")

	s, err := Actions(tasks, date(t, "2022-12-28"), o, nil)
	require.NoError(t, err)
	var to72 []string
	for _, a := range s.Actions {
		if a.Number == "72" {
			to72 = append(to72, a.Unit)
		}
		if a.Number == "75" {
			assert.Equal(t, "区营商局", a.Unit, "item 75: the lead is addressed")
			assert.Contains(t, a.Copy, "红海街道", "and every street copied")
			assert.Contains(t, a.Copy, "区交通运输局", "and every county department")
		}
	}
	assert.ElementsMatch(t, []string{"区交通运输局", "海星街道", "红海街道", "熊岳镇"}, to72, "each member unit of 各镇(街道) is reminded for its part")

	// An alias reports for its unit.
	t4 := &Task{Number: "4", Responsibility: Responsibility{Lead: []string{"区市场监管局"}}, Deadline: dl(t, "2022年12月31日前")}
	_, err = t4.Ledger.Append(Entry{Date: date(t, "2022-06-30"), Unit: "区市场局", Percent: pct(50)})
	require.NoError(t, err)
	p, _ := t4.ProgressWith(o)
	assert.Equal(t, "50", p.String())
}

// Issue 15: delegating to streets was do-it-yourself, and the parent's
// status never followed its parts (all streets done -> the parent was 未启动
// and overdue).
func TestDelegation(t *testing.T) {
	o := tiexiOptions(t)
	parent := firstFive(t)[0] // 1. 编制政务服务事项清单, no deadline: the plan's end
	parent.Deadline = dl(t, "2025年9月30日前")
	parts, err := parent.Delegate([]string{"兴盛街道", "北陶街道", "铁西街道"}, nil)
	require.NoError(t, err)
	require.Len(t, parts, 3)
	assert.Equal(t, []string{"1-1", "1-2", "1-3"}, []string{parts[0].Number, parts[1].Number, parts[2].Number})
	assert.Equal(t, "2025-09-30", parts[0].Deadline.Date.String(), "the parent's deadline")
	assert.Equal(t, parent.Section, parts[1].Section)
	assert.Equal(t, []string{"北陶街道"}, parts[1].Responsibility.Lead)
	assert.NotEqual(t, parts[0].ID, parts[1].ID)
	again := firstFive(t)[0]
	again.Deadline = dl(t, "2025年9月30日前")
	more, err := again.Delegate([]string{"兴盛街道"}, nil)
	require.NoError(t, err)
	assert.Equal(t, parts[0].ID, more[0].ID, "deterministic")

	_, err = parent.Delegate([]string{"兴盛街道"}, nil)
	assert.ErrorIs(t, err, ErrInvalidTask, "兴盛街道 has a part already")
	_, err = parent.Delegate([]string{"站前街道"}, dl(t, "2025年10月31日前"))
	assert.ErrorIs(t, err, ErrInvalidTask, "never due after the delegator")
	_, err = (&Task{Number: "x"}).Delegate([]string{"a"}, nil)
	assert.ErrorIs(t, err, ErrInvalidTask, "no ID to derive from")
	assert.Len(t, parent.Delegated, 3, "a refused delegation changes nothing")

	assert.Equal(t, NotStarted, parent.State())
	for i, p := range parts {
		_, err := p.Record(Entry{Date: date(t, "2025-08-31"), Unit: p.Responsibility.Lead[0], Percent: pct(int64(40 + 30*i))}, o)
		require.NoError(t, err)
	}
	assert.Equal(t, InProgress, parent.State(), "its parts have started")
	pr, _ := parent.Progress()
	assert.Equal(t, "70", pr.String(), "(40 + 70 + 100) / 3")
	for _, p := range parts {
		u := p.Responsibility.Lead[0]
		_, err := p.Record(Entry{Kind: Apply, Date: date(t, "2025-09-26"), Unit: u, RecordedAt: at(t, "2025-09-26", 9, 0), Evidence: []string{u + "清单.xlsx"}}, o)
		require.NoError(t, err)
		_, err = p.Record(Entry{Kind: Approve, Date: date(t, "2025-09-29"), Unit: "区数据局", RecordedAt: at(t, "2025-09-29", 9, 0), Ref: 2}, o)
		require.NoError(t, err)
	}
	assert.Equal(t, Done, parent.State(), "all streets done: the parent is done")
	late, _ := Overdue([]*Task{parent}, date(t, "2025-10-15"), o)
	assert.Empty(t, late, "and not overdue")
	pr, _ = parent.Progress()
	assert.Equal(t, "100", pr.String())
}
