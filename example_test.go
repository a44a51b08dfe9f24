package bizenv_test

import (
	"fmt"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/credit"
	"github.com/bizenv/bizenv/task"
)

// A short tour: a deadline on the official working-day clock, a task and
// who answers for it, and a credit code checked in full.
func Example() {
	start, _ := calendar.ParseDate("2025-09-30")
	p, _ := calendar.ParsePeriod("20工作日")
	due, _ := calendar.China().Deadline(start, p)
	fmt.Println("20 working days from 2025-09-30:", due)

	d := task.Deadline{Kind: task.OnDate, Date: due}
	t := &task.Task{Number: "3", Title: "深化工程建设项目审批制度改革", Deadline: &d,
		Responsibility: task.Responsibility{Responsible: []string{"区住建局", "区数据局"}, Joint: true}}
	fmt.Println("accountable:", t.Responsibility.Accountable())
	nov5, _ := calendar.ParseDate("2025-11-05")
	st, _ := t.Standing(nov5, task.Options{})
	fmt.Println("overdue on 2025-11-05:", st.Late)

	u, err := credit.ParseUSCC("91350100M000100Y43")
	fmt.Println(u.OrgTypeName(), err)
	// Output:
	// 20 working days from 2025-09-30: 2025-11-04
	// accountable: [区住建局 区数据局]
	// overdue on 2025-11-05: true
	// 企业 <nil>
}
