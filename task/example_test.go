package task_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/task"
)

func ExampleParseDeadline() {
	for _, s := range []string{"2025年底前", "到2022年7月底", "每月15日前"} {
		d, _ := task.ParseDeadline(s)
		asOf, _ := calendar.ParseDate("2025-03-20")
		due, _ := d.Due(asOf)
		fmt.Println(s, d.Kind, due)
	}
	// Output:
	// 2025年底前 date 2025-12-31
	// 到2022年7月底 date 2022-07-31
	// 每月15日前 monthly 2025-04-15
}

func ExampleWorkloadOf() {
	tasks := []*task.Task{
		{Number: "1", Responsibility: task.Responsibility{Lead: []string{"区数据局"}}},
		{Number: "3", Responsibility: task.Responsibility{Responsible: []string{"区住建局", "区数据局"}, Joint: true}},
		{Number: "4", Responsibility: task.Responsibility{Lead: []string{"区市场监管局"}}},
	}
	w := task.WorkloadOf(tasks, "区数据局")
	fmt.Println(len(w.Lead), len(w.Joint), w.Accountable())
	// Output: 1 1 2
}

func ExampleTask_SetStatus() {
	t := &task.Task{Number: "9", Status: task.InProgress}
	fmt.Println(t.SetStatus(task.Done))
	// Output: task: invalid status transition: 任务 9 不能从 推进中 变为 已完成（已完成须经销号：申请销号并经审核） / task 9 cannot go from in_progress to done (done only through closure: an application to close, approved)
}

func ExampleLedger_Append() {
	var l task.Ledger
	d, _ := calendar.ParseDate("2025-06-30")
	_, _ = l.Append(task.Entry{Date: d, Unit: "区数据局", Percent: mustDec("80"), Narrative: "上线测试"})
	_, _ = l.Append(task.Entry{Date: d, Unit: "区数据局", Percent: mustDec("60"), Narrative: "更正：实际60%", Corrects: 1})
	p, _ := l.Progress()
	fmt.Println(l.Len(), len(l.Current()), p)
	// Output: 2 1 60
}

func ExampleActions() {
	d, _ := task.ParseDeadline("2025年10月10日前")
	tasks := []*task.Task{{Number: "8", Title: "加强“掌上办”宣传力度", Responsibility: task.Responsibility{Lead: []string{"区数据局"}}, Deadline: &d}}
	end, _ := calendar.ParseDate("2025-12-31")
	for _, day := range []string{"2025-09-30", "2025-10-13"} {
		asOf, _ := calendar.ParseDate(day)
		s, _ := task.Actions(tasks, asOf, task.Options{End: end}, nil)
		for _, a := range s.Actions {
			fmt.Println(day, a.Kind.Chinese(), a.Unit, a.MessageZh)
		}
	}
	// Output:
	// 2025-09-30 提醒 区数据局 距期限 2025-10-10 还有2个工作日，请按时完成
	// 2025-10-13 督办 区数据局 已超过期限 2025-10-10 2个工作日，予以督办；请于 2025-10-20 前书面反馈
}

func ExampleMaskPhone() {
	fmt.Println(task.MaskPhone("13812341234"))
	// Output: 138****1234
}

func mustDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ExampleParseDeadlineIn() {
	// 铁西区2025年优化营商环境55条 writes 年底前 without its year.
	for _, s := range []string{"年底前", "6月底前", "三季度末", "每半年", "长期坚持"} {
		d, _ := task.ParseDeadlineIn(s, 2025)
		fmt.Println(s, d.Kind, d.Date)
	}
	// Output:
	// 年底前 date 2025-12-31
	// 6月底前 date 2025-06-30
	// 三季度末 date 2025-09-30
	// 每半年 half_yearly 0000-00-00
	// 长期坚持 ongoing 0000-00-00
}

// Closing a task (销号): the lead unit applies with evidence, a reviewer
// returns it, the unit applies again and the reviewer approves; a later
// re-check (回头看) reopens it.
func ExampleTask_Record() {
	d, _ := task.ParseDeadline("2025年底前")
	t := &task.Task{Number: "2", Title: "拓展“高效办成一件事”场景", Deadline: &d, Responsibility: task.Responsibility{Lead: []string{"区数据局"}}}
	o := task.Options{} // review required: the default
	day := func(s string) calendar.Date { d, _ := calendar.ParseDate(s); return d }
	at := func(s string) time.Time { return day(s).In(calendar.Beijing()).Add(10 * time.Hour) }
	steps := []task.Entry{
		{Kind: task.Apply, Date: day("2025-10-09"), Unit: "区数据局", Reporter: "王敏", RecordedAt: at("2025-10-09"), Evidence: []string{"铁数发〔2025〕12号"}},
		{Kind: task.Return, Date: day("2025-10-11"), Unit: "区营商局", Reporter: "张伟", RecordedAt: at("2025-10-11"), Ref: 1, Reason: "缺少办件量佐证"},
		{Kind: task.Apply, Date: day("2025-10-24"), Unit: "区数据局", Reporter: "王敏", RecordedAt: at("2025-10-24"), Evidence: []string{"10月办件统计.xlsx"}},
		{Kind: task.Approve, Date: day("2025-10-28"), Unit: "区营商局", Reporter: "张伟", RecordedAt: at("2025-10-28"), Ref: 3},
		{Kind: task.Recheck, Date: day("2025-11-20"), Unit: "区营商局", Reporter: "张伟", RecordedAt: at("2025-11-20"), Reason: "回头看：场景未实际运行"},
	}
	for _, e := range steps {
		if _, err := t.Record(e, o); err != nil {
			fmt.Println(err)
		}
		fmt.Println(e.Kind.Chinese(), "→", t.State().Chinese())
	}
	_, err := t.Record(task.Entry{Kind: task.Apply, Date: day("2025-11-21"), Unit: "区数据局", RecordedAt: at("2025-11-21")}, o)
	fmt.Println(errors.Is(err, task.ErrInvalidEntry))
	// Output:
	// 申请销号 → 推进中
	// 退回 → 推进中
	// 申请销号 → 推进中
	// 审核通过 → 已完成
	// 回头看 → 推进中
	// true
}

func ExampleTask_Delegate() {
	due, _ := task.ParseDeadline("2025年9月30日前")
	t := &task.Task{ID: task.NewID("鞍山市铁西区2025年优化营商环境55条", "46"), Number: "46", Title: "提升主动服务企业能力", Deadline: &due,
		Responsibility: task.Responsibility{Lead: []string{"区数据局"}}}
	parts, _ := t.Delegate([]string{"兴盛街道", "北陶街道", "永乐街道"}, nil)
	for _, p := range parts {
		fmt.Println(p.Number, p.Responsibility.Lead[0], p.Deadline.Date)
	}
	oct1, _ := due.Date.AddDays(1)
	_, err := t.Delegate([]string{"站前街道"}, &task.Deadline{Kind: task.OnDate, Date: oct1})
	fmt.Println(errors.Is(err, task.ErrInvalidTask))
	// Output:
	// 46-1 兴盛街道 2025-09-30
	// 46-2 北陶街道 2025-09-30
	// 46-3 永乐街道 2025-09-30
	// true
}

// The traffic lights of a task half-way through its time with 40% done.
func ExampleLights() {
	d, _ := task.ParseDeadline("2025年底前")
	t := &task.Task{Number: "2", Deadline: &d, Responsibility: task.Responsibility{Lead: []string{"区数据局"}}}
	day := func(s string) calendar.Date { d, _ := calendar.ParseDate(s); return d }
	_, _ = t.Ledger.Append(task.Entry{Date: day("2025-09-01"), Unit: "区数据局", Percent: mustDec("40")})
	o := task.Options{Start: day("2025-05-13"), End: day("2025-12-31")}
	b, _ := task.Lights([]*task.Task{t}, day("2025-09-10"), o)
	fmt.Println(b.Tasks[0].Light.Chinese(), b.Tasks[0].ReasonZh)
	o.Lights.Lag = mustDec("15") // the caller's threshold
	b, _ = task.Lights([]*task.Task{t}, day("2025-09-10"), o)
	fmt.Println(b.Tasks[0].Light.Chinese())
	// Output:
	// 黄灯 时间已过51.7%，进度仅40%
	// 绿灯
}

// A month's bulletin (月调度): 区财政局 reported on time, 区工信局 did not.
func ExampleNewBulletin() {
	d, _ := task.ParseDeadline("每月15日前")
	t := &task.Task{ID: task.NewID("鞍山市铁西区2025年优化营商环境55条", "51"), Number: "51", Deadline: &d,
		Responsibility: task.Responsibility{Responsible: []string{"区工信局", "区财政局"}, Joint: true}}
	day := func(s string) calendar.Date { d, _ := calendar.ParseDate(s); return d }
	_, _ = t.Ledger.Append(task.Entry{Date: day("2025-10-14"), Unit: "区财政局", Percent: mustDec("60")})
	span, _ := task.MonthSpan(2025, time.October)
	b, _ := task.NewBulletin([]*task.Task{t}, span, day("2025-11-03"), task.Options{Start: day("2025-05-13"), End: day("2025-12-31")}, nil, task.ScoreRules{})
	for _, u := range b.Units {
		fmt.Println(u.Rank, u.Unit, u.ReportsMissed, u.Score)
	}
	// Output:
	// 1 区财政局 0 100
	// 2 区工信局 1 98
}
