package task_test

import (
	"fmt"

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
