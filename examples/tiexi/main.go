// Command tiexi runs a year of 鞍山市铁西区2025年优化营商环境55条 as the
// district's 营商局 would: the units report each month in the ledger
// (台账), supervision (督办) goes out every working day and the units reply
// (区工信局 skips July's report of item 51, lets the 督办单 lapse and climbs
// the ladder; it reports late in October),
// item 2 is applied for closure (销号), returned and approved, item 1 is
// closed and reopened by a re-check (回头看), item 46 is delegated to three
// streets, the October bulletin (10月调度通报) ranks the units, and at the
// year's end the plan is closed out, with item 33 carried over (结转). It
// writes the task list, the ledger, the bulletin and the year-end report as
// CSV, XLSX and HTML.
//
// The plan is examples/data/tiexi-2025-55.json, imported from the issued
// text with plan/docimport and checked against it: its 55 items, units and
// deadlines are the document's. The progress, the reporters, the replies,
// the closures and the streets are made up for the example.
//
//	go run ./examples/tiexi [-out DIR] [-until 2025-12-31]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/bizenv/bizenv/task/export"
	"github.com/shopspring/decimal"
)

func main() {
	out := flag.String("out", "", "folder for the CSV, XLSX and HTML files, made if missing (default: a new temporary folder)")
	until := flag.String("until", "2025-12-31", "the last day of the year to run")
	file := flag.String("plan", filepath.Join("examples", "data", "tiexi-2025-55.json"), "the plan")
	flag.Parse()
	if err := run(os.Stdout, *file, *until, *out); err != nil {
		fmt.Fprintln(os.Stderr, "tiexi:", err)
		os.Exit(1)
	}
}

// event is a made-up ledger entry on an item: a monthly report, or a step
// of closure, re-check, extension or carry-over.
type event struct {
	item string
	task.Entry
}

func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// at is 16:30 on day s, in Beijing: when the entry was recorded.
func at(s string) time.Time { return day(s).In(calendar.Beijing()).Add(16*time.Hour + 30*time.Minute) }

func report(item, date, unit, who string, pct int64, what string) event {
	return event{item, task.Entry{Date: day(date), Unit: unit, Reporter: who, RecordedAt: at(date), Percent: decimal.NewFromInt(pct), Narrative: what}}
}

// script is the year, in date order within each item.
func script() []event {
	var es []event
	// Item 51 (每月15日前, 区工信局、区财政局按职责分工负责): 区财政局 reports
	// every month; 区工信局 skips July, is supervised, does not reply, is
	// summoned, and reports in August.
	for i, m := range []string{"06", "07", "08", "09", "10", "11", "12"} {
		es = append(es, report("51", "2025-"+m+"-12", "区财政局", "财政局 刘洋", int64(30+10*i), m+"月更新政府拖欠账款台账，全口径监测平台数据已同步"))
		switch m {
		case "07": // skipped
		case "10": // late
			es = append(es, report("51", "2025-10-20", "区工信局", "工信局 陈晨", int64(25+10*i), "10月开放系统权限配置，更新报送信息（逾期报送）"))
		default:
			es = append(es, report("51", "2025-"+m+"-13", "区工信局", "工信局 陈晨", int64(25+10*i), m+"月开放系统权限配置，更新报送信息"))
		}
	}
	// Item 3 (区住建局、区数据局按职责分工负责): month-end reports; 区住建局
	// corrects its September 80% to 70% (the task's progress goes down).
	for i, m := range []string{"06-30", "07-31", "08-29", "09-30", "10-31", "11-28"} {
		es = append(es, report("3", "2025-"+m, "区住建局", "住建局 孙磊", []int64{30, 45, 60, 80, 78, 85}[i], "工程建设项目审批事项清单梳理、并联审批推进"))
		es = append(es, report("3", "2025-"+m, "区数据局", "数据局 王敏", int64(20+8*i), "工改系统与政务服务平台对接"))
	}
	es = append(es, event{"3", task.Entry{Date: day("2025-10-09"), Unit: "区住建局", Reporter: "住建局 孙磊", RecordedAt: at("2025-10-09"),
		Percent: decimal.NewFromInt(70), Narrative: "更正：9月实际进度70%，城市基础设施配套费线上核算尚未上线", Corrects: 7}})
	// Item 39 (区人社局): 招聘会 by month.
	for i, m := range []string{"06-27", "07-31", "08-29", "09-30", "10-31", "11-28"} {
		es = append(es, report("39", "2025-"+m, "区人社局", "人社局 赵丽", int64(20+15*i), fmt.Sprintf("累计组织招聘会%d场", 3+3*i)))
	}
	// Item 2 (年底前, 区数据局): applied for closure, returned, approved.
	es = append(es,
		report("2", "2025-07-31", "区数据局", "数据局 王敏", 40, "医疗、文旅两个场景完成流程梳理"),
		report("2", "2025-09-30", "区数据局", "数据局 王敏", 70, "“开办餐馆一件事”场景上线试运行"),
		event{"2", task.Entry{Kind: task.Apply, Date: day("2025-10-09"), Unit: "区数据局", Reporter: "数据局 王敏", RecordedAt: at("2025-10-09"),
			Narrative: "“开办餐馆一件事”主题场景上线运行", Evidence: []string{"铁数发〔2025〕12号", "场景上线截图.png"}}},
		event{"2", task.Entry{Kind: task.Return, Date: day("2025-10-11"), Unit: "区营商局", Reporter: "督查室 张伟", RecordedAt: at("2025-10-11"),
			Reason: "缺少办件量和群众满意度佐证，请补充后重新申请"}},
		event{"2", task.Entry{Kind: task.Apply, Date: day("2025-10-24"), Unit: "区数据局", Reporter: "数据局 王敏", RecordedAt: at("2025-10-24"),
			Narrative: "场景运行一个月，办件126件，满意率100%", Evidence: []string{"铁数发〔2025〕12号", "10月办件统计.xlsx", "满意度评价报告.pdf"}}},
		event{"2", task.Entry{Kind: task.Approve, Date: day("2025-10-28"), Unit: "区营商局", Reporter: "督查室 张伟", RecordedAt: at("2025-10-28")}},
	)
	// Item 1 (区数据局): closed in July, reopened by a re-check in November,
	// closed again in December.
	es = append(es,
		event{"1", task.Entry{Kind: task.Apply, Date: day("2025-06-30"), Unit: "区数据局", Reporter: "数据局 王敏", RecordedAt: at("2025-06-30"),
			Narrative: "编制完成政务服务事项目录及实施清单，共梳理事项1126项", Evidence: []string{"铁西区政务服务事项目录（2025版）.xlsx"}}},
		event{"1", task.Entry{Kind: task.Approve, Date: day("2025-07-03"), Unit: "区营商局", Reporter: "督查室 张伟", RecordedAt: at("2025-07-03")}},
		event{"1", task.Entry{Kind: task.Recheck, Date: day("2025-11-20"), Unit: "区营商局", Reporter: "督查室 张伟", RecordedAt: at("2025-11-20"),
			Reason: "回头看：清单未随10月市级事项调整动态更新"}},
		report("1", "2025-12-05", "区数据局", "数据局 王敏", 90, "按市级10月调整更新事项清单"),
		event{"1", task.Entry{Kind: task.Apply, Date: day("2025-12-10"), Unit: "区数据局", Reporter: "数据局 王敏", RecordedAt: at("2025-12-10"),
			Evidence: []string{"铁西区政务服务事项目录（2025年12月调整）.xlsx"}}},
		event{"1", task.Entry{Kind: task.Approve, Date: day("2025-12-12"), Unit: "区营商局", Reporter: "督查室 张伟", RecordedAt: at("2025-12-12")}},
	)
	// Item 33 (2025年年底前): carried over at the year's end.
	es = append(es,
		report("33", "2025-09-30", "区发改局", "发改局 周强", 50, "远程异地评标场地改造完成"),
		report("33", "2025-09-30", "区财政局", "财政局 刘洋", 40, "政府采购电子化平台对接方案报市财政局"),
		event{"33", task.Entry{Kind: task.CarryOver, Date: day("2025-12-29"), Unit: "区营商局", Reporter: "督查室 张伟", RecordedAt: at("2025-12-29"),
			Reason: "市财政局预算执行一体化平台接口2026年开放", To: "铁西区2026年优化营商环境实施方案"}},
	)
	// Item 51 closes at the year's end.
	es = append(es,
		event{"51", task.Entry{Kind: task.Apply, Date: day("2025-12-22"), Unit: "区工信局", Reporter: "工信局 陈晨", RecordedAt: at("2025-12-22"),
			Evidence: []string{"拖欠企业账款清偿台账（2025年12月）.xlsx"}}},
		event{"51", task.Entry{Kind: task.Approve, Date: day("2025-12-24"), Unit: "区营商局", Reporter: "督查室 张伟", RecordedAt: at("2025-12-24")}},
	)
	return es
}

// streets are the parts of item 46 (made up): two finish on time, 永乐街道
// late.
var streets = []struct {
	unit, report, done string
}{{"兴盛街道", "2025-08-29", "2025-09-26"}, {"北陶街道", "2025-08-29", "2025-09-29"}, {"永乐街道", "2025-08-29", "2025-10-14"}}

func run(out io.Writer, file, untilText, dir string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	p, err := plan.Decode(f)
	if err != nil {
		return err
	}
	until, err := calendar.ParseDate(untilText)
	if err != nil {
		return err
	}
	tasks, _ := p.Tasks()
	byNumber := map[string]*task.Task{}
	for _, t := range tasks {
		byNumber[t.Number] = t
	}
	o := p.TaskOptions()
	cal := calendar.China()
	fmt.Fprintf(out, "%s（%s %s印发）\n%d 项任务，%s 至 %s / %d tasks, %s to %s\n", p.Title, p.Issuer, p.Issued, len(tasks), o.Start, until, len(tasks), o.Start, until)

	// The year's entries, by date; the delegation to the streets on 1 July.
	type dated struct {
		t *task.Task
		e task.Entry
	}
	var entries []dated
	for _, ev := range script() {
		t := byNumber[ev.item]
		if t == nil {
			return fmt.Errorf("no item %s", ev.item)
		}
		entries = append(entries, dated{t, ev.Entry})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].e.Date.Before(entries[j].e.Date) })
	delegated := false

	var sent []task.Action
	counts := map[task.ActionKind]int{}
	var log []string
	next := 0
	for d := o.Start; !d.After(until); d, _ = d.AddDays(1) {
		if !delegated && !d.Before(day("2025-07-01")) {
			delegated = true
			due, _ := task.ParseDeadline("2025年9月30日前")
			parts, err := byNumber["46"].Delegate([]string{"兴盛街道", "北陶街道", "永乐街道"}, &due)
			if err != nil {
				return err
			}
			log = append(log, fmt.Sprintf("2025-07-01 委派 46 → %s、%s、%s（9月30日前）", parts[0].Number+" "+parts[0].Responsibility.Lead[0],
				parts[1].Number+" "+parts[1].Responsibility.Lead[0], parts[2].Number+" "+parts[2].Responsibility.Lead[0]))
			for i, s := range streets {
				entries = append(entries,
					dated{parts[i], task.Entry{Date: day(s.report), Unit: s.unit, Reporter: s.unit + "联络员", RecordedAt: at(s.report), Percent: decimal.NewFromInt(60), Narrative: "网格化管家服务体系搭建，管家配备到位60%"}},
					dated{parts[i], task.Entry{Kind: task.Apply, Date: day(s.done), Unit: s.unit, Reporter: s.unit + "联络员", RecordedAt: at(s.done), Evidence: []string{s.unit + "公共管家名册.xlsx"}}})
				ap, err := cal.NextWorkday(day(s.done))
				if err != nil {
					return err
				}
				entries = append(entries, dated{parts[i], task.Entry{Kind: task.Approve, Date: ap, Unit: "区数据局", Reporter: "数据局 王敏", RecordedAt: at(ap.String())}})
			}
			sort.SliceStable(entries, func(i, j int) bool { return entries[i].e.Date.Before(entries[j].e.Date) })
		}
		for next < len(entries) && !entries[next].e.Date.After(d) {
			x := entries[next]
			next++
			e := x.e
			if e.Kind == task.Approve || e.Kind == task.Return {
				e.Ref = lastOf(x.t, task.Apply)
			}
			before := progress(x.t)
			if _, err := x.t.Record(e, o); err != nil {
				return err
			}
			switch e.Kind {
			case task.Report:
				if e.Corrects > 0 {
					was := x.t.Ledger.Entries()[e.Corrects-1].Percent
					log = append(log, fmt.Sprintf("%s 更正 %s %s %s%% → %s%%：任务进度 %s%% → %s%%", e.Date, x.t.Number, e.Unit, was, e.Percent, before, progress(x.t)))
				}
			default:
				why := e.Reason
				switch e.Kind {
				case task.Apply:
					why = "佐证 " + strings.Join(e.Evidence, "、")
				case task.CarryOver:
					why = "结转至 " + e.To + "（" + e.Reason + "）"
				}
				if why != "" {
					why = "：" + why
				}
				log = append(log, fmt.Sprintf("%s %s %s %s%s → %s", e.Date, e.Kind.Chinese(), x.t.Number, e.Unit, why, x.t.State().Chinese()))
			}
		}
		if ok, err := cal.IsWorkday(d); err != nil || !ok {
			continue
		}
		s, err := task.Actions(tasks, d, o, sent)
		if err != nil {
			return err
		}
		for _, a := range s.Actions {
			counts[a.Kind]++
			if a.Kind > task.Remind {
				cc := ""
				if len(a.Copy) > 0 {
					cc = "（抄送 " + strings.Join(a.Copy, "、") + "）"
				}
				log = append(log, fmt.Sprintf("%s %s %s → %s%s：%s", d, a.Kind.Chinese(), a.Number, a.Unit, cc, a.MessageZh))
			}
		}
		sent = append(sent, s.Actions...)
		// The units reply to a 督办单 two working days later, except
		// 区工信局 in July, which lets it lapse.
		for i := range sent {
			a := &sent[i]
			if a.ReplyBy.IsZero() || a.Reply != nil || (a.Unit == "区工信局" && a.On.Month() == time.July) {
				continue
			}
			if by, err := cal.AddWorkdays(a.On, 2); err == nil && by == d {
				if err := a.RecordReply(task.Reply{On: d, At: at(d.String()), Unit: a.Unit, By: "办公室", Text: "已部署整改，按期报送进展"}); err != nil {
					return err
				}
			}
		}
		if last, _ := d.AddDays(1); last.Month() != d.Month() || d == until {
			b, err := task.Lights(tasks, d, o)
			if err != nil {
				return err
			}
			log = append(log, fmt.Sprintf("%s 月末 红灯 %d、黄灯 %d、绿灯 %d", d, b.Red, b.Yellow, b.Green))
		}
	}
	fmt.Fprintln(out, "\n大事记 / the year")
	for _, l := range log {
		fmt.Fprintln(out, "  "+l)
	}
	fmt.Fprintf(out, "\n督办合计 / actions sent: 提醒 %d、督办 %d、约谈 %d、通报 %d、问责 %d\n",
		counts[task.Remind], counts[task.Supervise], counts[task.Summons], counts[task.PublicNotice], counts[task.Accountability])
	p3, _ := byNumber["3"].ProgressWith(o)
	fmt.Fprintf(out, "第3项（按职责分工负责）进度 %s%%：%s\n", p3, unitProgress(byNumber["3"], o))

	if dir == "" {
		if dir, err = os.MkdirTemp("", "tiexi-"); err != nil {
			return err
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var files []string
	write := func(name string, fn func(io.Writer) error) error {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := fn(f); err != nil {
			f.Close()
			return err
		}
		files = append(files, path)
		return f.Close()
	}

	// The October bulletin, as of 3 November.
	if !until.Before(day("2025-11-03")) {
		span, _ := task.MonthSpan(2025, time.October)
		b, err := task.NewBulletin(tasks, span, day("2025-11-03"), o, sent, task.ScoreRules{})
		if err != nil {
			return err
		}
		b.Title = "铁西区优化营商环境工作10月调度通报"
		fmt.Fprintln(out)
		if err := b.WriteText(out); err != nil {
			return err
		}
		if err := write("bulletin-2025-10.html", b.WriteHTML); err != nil {
			return err
		}
		if err := write("bulletin-2025-10.xlsx", func(w io.Writer) error { return export.WriteBulletinXLSX(w, b) }); err != nil {
			return err
		}
	}

	// The year's end: the export as of the last day, and the close-out.
	eo := export.Options{AsOf: until, Task: o}
	for _, x := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"tasks.csv", func(w io.Writer) error { return export.WriteTasksCSV(w, tasks, eo) }},
		{"ledger.csv", func(w io.Writer) error { return export.WriteLedgerCSV(w, tasks) }},
		{"tiexi-2025.xlsx", func(w io.Writer) error { return export.WriteXLSX(w, tasks, eo) }},
	} {
		if err := write(x.name, x.write); err != nil {
			return err
		}
	}
	if until == p.Period.End() {
		jan5 := day("2026-01-05")
		r, err := plan.NewReportWith(p, jan5, nil, plan.ReportOptions{Sent: sent})
		if err != nil {
			return err
		}
		co := r.CloseOut
		fmt.Fprintf(out, "\n收尾（%s）/ close-out: 已完成 %d，已结转 %d，未完成 %d\n", jan5, len(co.Finished), len(co.CarriedOver), len(co.Unfinished))
		for _, c := range co.CarriedOver {
			fmt.Fprintf(out, "  结转 %s %s → %s（%s）\n", c.Number, c.Title, c.To, c.Reason)
		}
		if err := write("report-2026-01-05.html", r.WriteHTML); err != nil {
			return err
		}
	}
	fmt.Fprintln(out, "\n导出 / exported:")
	for _, f := range files {
		fmt.Fprintf(out, "  %s\n", f)
	}
	return nil
}

// lastOf returns the Seq of the task's last entry of kind k.
func lastOf(t *task.Task, k task.EntryKind) int {
	es := t.Ledger.Entries()
	for i := len(es) - 1; i >= 0; i-- {
		if es[i].Kind == k {
			return es[i].Seq
		}
	}
	return 0
}

func progress(t *task.Task) string {
	p, _ := t.Progress()
	return p.String()
}

func unitProgress(t *task.Task, o task.Options) string {
	var parts []string
	for _, u := range t.UnitProgress(o) {
		parts = append(parts, fmt.Sprintf("%s %s%%", u.Unit, u.Percent))
	}
	return strings.Join(parts, "，")
}
