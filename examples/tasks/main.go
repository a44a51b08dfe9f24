// Command tasks builds the first five items of 鞍山市铁西区2025年优化营商环境
// 55条 (seed 001) in code, with the units resolved through a directory,
// one item's work delegated to two streets, and a little progress in the
// ledger, and two closures (销号); then prints what 区数据局 owes and what
// is overdue on 2025-12-31 and on 2026-01-05, with the supervision actions
// due that day (none after the plan's end: it is closed out).
//
// The items, their wording and their units are the document's; the
// delegation and the ledger entries are made up for the example.
//
//	go run ./examples/tasks
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
)

const doc = "铁西区2025年优化营商环境55条"

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "tasks:", err)
		os.Exit(1)
	}
}

func run(out io.Writer) error {
	tiexi, _ := org.ParseRegion("210303")
	dir, err := org.NewDirectory([]org.Unit{
		{Name: "区数据局", Region: tiexi, Level: org.County, Kind: org.Bureau},
		{Name: "区住建局", Region: tiexi, Level: org.County, Kind: org.Bureau},
		{Name: "区市场监管局", Aliases: []string{"区市场局"}, Region: tiexi, Level: org.County, Kind: org.Bureau},
		{Name: "兴盛街道", Region: tiexi, Level: org.Township, Kind: org.TownshipOffice},
		{Name: "北陶街道", Region: tiexi, Level: org.Township, Kind: org.TownshipOffice},
	}, org.StandardGroups())
	if err != nil {
		return err
	}
	// resolve turns the names as the document writes them into the
	// directory's names, and refuses unknown ones.
	resolve := func(written string) ([]string, error) {
		parts, _ := dir.ResolveList(written)
		var names []string
		for _, p := range parts {
			switch {
			case p.Unit != nil:
				names = append(names, p.Unit.Name)
			case p.Group != nil:
				for _, u := range dir.Expand(*p.Group) {
					names = append(names, u.Name)
				}
			default:
				return nil, fmt.Errorf("unknown unit %q (did you mean %v?)", p.Written, p.Suggestions)
			}
		}
		return names, nil
	}
	items := []struct {
		number, title, who string
		joint              bool
		deadline           string
	}{
		{"1", "编制政务服务事项清单", "区数据局", false, ""},
		{"2", "拓展“高效办成一件事”场景", "区数据局", false, "年底前"},
		{"3", "深化工程建设项目审批制度改革", "区住建局、区数据局", true, ""},
		{"4", "优化企业开办全流程服务", "区市场局", false, ""},
		{"5", "完善智能办理服务", "区数据局", false, ""},
	}
	planEnd, _ := calendar.ParseDate("2025-12-31")
	var tasks []*task.Task
	for _, it := range items {
		units, err := resolve(it.who)
		if err != nil {
			return fmt.Errorf("item %s: %w", it.number, err)
		}
		t := &task.Task{ID: task.NewID(doc, it.number), Number: it.number, Section: "一、构建高效便捷的政务环境", Title: it.title}
		if it.joint {
			t.Responsibility = task.Responsibility{Responsible: units, Joint: true}
		} else {
			t.Responsibility = task.Responsibility{Lead: units}
		}
		if it.deadline != "" { // "年底前" in a 2025 plan
			d, err := task.ParseDeadline("2025" + "年底前")
			if err != nil {
				return err
			}
			t.Deadline = &d
		}
		if fs := t.Validate(planEnd); len(fs) > 0 {
			return fmt.Errorf("item %s: %v", it.number, fs)
		}
		tasks = append(tasks, t)
	}

	// Item 1's streets compile their own lists by 2025-09-30 (made up): 北陶
	// reports 60% in June and no more; 兴盛 finishes and its list is
	// approved (销号) by 区数据局. Item 4 is closed the same way.
	streets, err := resolve("各镇(街道)")
	if err != nil {
		return err
	}
	sep30, _ := task.ParseDeadline("2025年9月30日前")
	parts, err := tasks[0].Delegate(streets, &sep30)
	if err != nil {
		return err
	}
	o := task.Options{End: planEnd}
	day := func(s string) calendar.Date { d, _ := calendar.ParseDate(s); return d }
	at := func(s string) time.Time { return day(s).In(calendar.Beijing()).Add(9 * time.Hour) }
	steps := []struct {
		t *task.Task
		e task.Entry
	}{
		{parts[0], task.Entry{Date: day("2025-06-30"), Unit: "北陶街道", Percent: decimal.NewFromInt(60), Narrative: "梳理事项42项"}},
		{parts[1], task.Entry{Kind: task.Apply, Date: day("2025-09-25"), Unit: "兴盛街道", RecordedAt: at("2025-09-25"), Evidence: []string{"兴盛街道便民服务事项清单.xlsx"}}},
		{parts[1], task.Entry{Kind: task.Approve, Date: day("2025-09-28"), Unit: "区数据局", RecordedAt: at("2025-09-28"), Ref: 1}},
		{tasks[3], task.Entry{Kind: task.Apply, Date: day("2025-11-28"), Unit: "区市场监管局", RecordedAt: at("2025-11-28"), Evidence: []string{"一件事办理情况.docx"}}},
		{tasks[3], task.Entry{Kind: task.Approve, Date: day("2025-12-01"), Unit: "区营商局", RecordedAt: at("2025-12-01"), Ref: 1}},
	}
	for _, s := range steps {
		if _, err := s.t.Record(s.e, o); err != nil {
			return err
		}
	}

	w := task.WorkloadOf(tasks, "区数据局")
	fmt.Fprintf(out, "区数据局：牵头 %d 项，按职责分工负责 %d 项，共 %d 项\n", len(w.Lead), len(w.Joint), w.Accountable())
	for _, t := range append(w.Lead, w.Joint...) {
		p, ok := t.Progress()
		progress := "未报进度"
		if ok {
			progress = p.String() + "%"
		}
		fmt.Fprintf(out, "  %s. %s（%s，%s）\n", t.Number, t.Title, t.Responsibility.RoleOf("区数据局"), progress)
	}
	for _, day := range []string{"2025-12-31", "2026-01-05"} {
		asOf, _ := calendar.ParseDate(day)
		late, _ := task.Overdue(tasks, asOf, o)
		var nums []string
		for _, t := range late {
			nums = append(nums, t.Number+" "+strings.Join(t.Responsibility.Accountable(), "、"))
		}
		fmt.Fprintf(out, "\n%s 超期 %d 项：%s\n", day, len(late), strings.Join(nums, "；"))
		sv, err := task.Actions(tasks, asOf, o, nil)
		if err != nil {
			return err
		}
		if sv.Ended {
			fmt.Fprintln(out, "  方案期已结束，不再督办，转入收尾 / the plan's period is over: no supervision, close-out instead")
		}
		for _, u := range sv.Undatable {
			fmt.Fprintf(out, "  无法推算 / undatable: %s\n", u)
		}
		for _, a := range sv.Actions {
			fmt.Fprintf(out, "  %s %s → %s：%s\n", a.Kind.Chinese(), a.Number, a.Unit, a.MessageZh)
		}
	}
	return nil
}
