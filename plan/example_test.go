package plan_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

func ExampleParseDocNumber() {
	for _, s := range []string{"辽政办发〔2022〕14号", "鲅政办发[2022]1号", "辽政办发（2022）14号"} {
		d, _ := plan.ParseDocNumber(s)
		fmt.Println(d, d.Agency, d.Year, d.Seq)
	}
	// Output:
	// 辽政办发〔2022〕14号 辽政办发 2022 14
	// 鲅政办发〔2022〕1号 鲅政办发 2022 1
	// 辽政办发〔2022〕14号 辽政办发 2022 14
}

func ExamplePlan_Validate() {
	p := &plan.Plan{Title: "某区优化营商环境3条", Kind: plan.ItemList, Period: plan.Period{From: 2025, To: 2025},
		Sections: []*plan.Section{{Number: "一", Title: "政务环境", Tasks: []*task.Task{
			{Number: "1", Title: "编制政务服务事项清单", Responsibility: task.Responsibility{Lead: []string{"区数据局"}}},
			{Number: "2", Title: "无人负责的任务"},
		}}}}
	p.AssignIDs() // the deterministic IDs of the plan and its tasks
	fs := p.Validate(plan.Options{})
	plan.Sort(fs)
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code, f.Path)
	}
	// Output:
	// error declared_count /title
	// warning no_accountable /sections/0/tasks/1/responsibility
}

func ExampleCheckAgainst() {
	parentTask := &task.Task{Number: "1", Title: "精简审批环节",
		Responsibility: task.Responsibility{Lead: []string{"省住建厅"}}, Deadline: &task.Deadline{Kind: task.OnDate, Date: date("2023-12-31")}}
	dn, _ := plan.ParseDocNumber("辽政办发〔2022〕14号")
	parent := &plan.Plan{Title: "省方案", DocNumber: dn, Period: plan.Period{From: 2021, To: 2025}, Sections: []*plan.Section{{Number: "一", Title: "x", Tasks: []*task.Task{parentTask}}}}
	parent.AssignIDs() // parentTask.ID = plan.TaskID("doc:辽政办发〔2022〕14号", "一/1")
	child := &plan.Plan{Title: "市规划", Period: plan.Period{From: 2021, To: 2025}, Basis: []plan.Ref{{Title: "省方案"}},
		Sections: []*plan.Section{{Number: "一", Title: "x", Tasks: []*task.Task{{Number: "1", Title: "精简审批环节", Implements: []uuid.UUID{parentTask.ID},
			Responsibility: task.Responsibility{Lead: []string{"市住建局"}}, Deadline: &task.Deadline{Kind: task.OnDate, Date: date("2024-06-30")}}}}}}
	for _, f := range plan.CheckAgainst(child, parent) {
		fmt.Println(f.Code, f.Path, f.MessageEn)
		fmt.Println("parent task:", f.Parent.ID, f.Parent.Path)
	}
	// Output:
	// late_deadline /sections/0/tasks/0/deadline due 2024-06-30, after 2023-12-31, the deadline of parent task 1「精简审批环节」 (/sections/0/tasks/0) it implements
	// parent task: bb435fa6-f484-5f7d-a9ec-2aa6170ade59 /sections/0/tasks/0
}

func date(s string) calendar.Date { d, _ := calendar.ParseDate(s); return d }

func ExampleNewReport() {
	f, err := os.Open("../examples/data/tiexi-2025-excerpt.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	p, _ := plan.Decode(f)
	r, _ := plan.NewReport(p, date("2025-10-09"), nil)
	fmt.Println(len(r.Overdue), r.Overdue[0].Number, r.Workload[0].Unit, r.Workload[0].Total)
	// Output: 1 5 区数据局 4
}

func ExampleDecode() {
	_, err := plan.Decode(strings.NewReader("{\n  \"title\": \"x\",\n  \"colour\": \"red\"\n}"))
	fmt.Println(err != nil, strings.Contains(err.Error(), "colour"))
	// Output: true true
}

// Decode reports every problem of a plan as findings with a code and a
// JSON Pointer; a value is taken only as bizenv writes it.
func ExampleDecode_findings() {
	_, err := plan.Decode(strings.NewReader(`{"title":"街道方案","sections":[{"number":"一","title":"政务","tasks":[
		{"number":"1","title":"帮办","status":"推进中","ledger":[{"seq":1,"date":"2025-04-30","unit":"街道","percent":40}]}]}]}`))
	var de *plan.DecodeError
	if errors.As(err, &de) {
		fmt.Println("malformed:", de.Malformed())
		for _, f := range de.Findings {
			fmt.Println(f.Code, f.Path)
		}
	}
	// Output:
	// malformed: false
	// decode_noncanonical /sections/0/tasks/0/status
	// decode_noncanonical /sections/0/tasks/0/ledger/0/percent
}

// A baseline accepts the findings known today; a check then fails only on
// new ones, even when items are inserted before the known ones.
func ExampleBaseline() {
	p := &plan.Plan{Title: "某街道方案", Kind: plan.ActionPlan, Period: plan.Period{From: 2025, To: 2025},
		Sections: []*plan.Section{{Number: "一", Title: "政务", Tasks: []*task.Task{
			{Number: "1", Title: "编制清单", Responsibility: task.Responsibility{Lead: []string{"区数据局"}}},
			{Number: "2", Title: "无人负责的任务"}}}}}
	p.AssignIDs()
	b := plan.NewBaseline(p.Validate(plan.Options{}))
	for _, e := range b.Findings {
		fmt.Println(e.Code, e.Task)
	}

	p.Sections[0].Tasks = append([]*task.Task{{Number: "0", Title: "新增", Responsibility: task.Responsibility{Lead: []string{"区数据局"}},
		Deadline: &task.Deadline{Kind: task.OnDate, Date: date("2026-03-31")}}}, p.Sections[0].Tasks...)
	p.AssignIDs()
	fresh, gone := b.Split(p.Validate(plan.Options{}))
	for _, f := range fresh {
		fmt.Println("new:", f.Code, f.Path)
	}
	fmt.Println("gone:", len(gone))
	// Output:
	// no_accountable 2「无人负责的任务」
	// new: deadline_outside_period /sections/0/tasks/0/deadline
	// gone: 0
}

// Findings sort as their places stand in the document: numbers as
// numbers, fields in the order the plan writes them.
func ExampleSort() {
	fs := []plan.Finding{{Code: "b", Path: "/sections/17/title"}, {Code: "c", Path: "/targets/0"}, {Code: "a", Path: "/sections/2/title"}, {Code: "d", Path: "/title"}}
	plan.Sort(fs)
	for _, f := range fs {
		fmt.Println(f.Path)
	}
	// Output:
	// /title
	// /sections/2/title
	// /sections/17/title
	// /targets/0
}
