// Command tiexi uses the whole of 鞍山市铁西区2025年优化营商环境55条 as the
// district would. The plan is examples/data/tiexi-2025-55.json, imported
// from the issued text with plan/docimport and checked against it. The
// program records some progress in the ledger (台账), then prints, as of
// a date, the units' workload, what is overdue and who is to be reminded,
// and writes the task list and the ledger to CSV and XLSX.
//
// The 55 items, their units and deadlines are the document's; the ledger
// entries are made up for the example.
//
//	go run ./examples/tiexi [-as-of 2025-10-20] [-out DIR]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/bizenv/bizenv/task/export"
	"github.com/shopspring/decimal"
)

func main() {
	asOf := flag.String("as-of", "2025-10-20", "the date to report on")
	out := flag.String("out", "", "folder for the CSV and XLSX files (default: a new temporary folder)")
	file := flag.String("plan", filepath.Join("examples", "data", "tiexi-2025-55.json"), "the plan")
	flag.Parse()
	if err := run(os.Stdout, *file, *asOf, *out); err != nil {
		fmt.Fprintln(os.Stderr, "tiexi:", err)
		os.Exit(1)
	}
}

// progress is a made-up ledger entry: item, date, percent, what was done.
type progress struct {
	item, date string
	percent    int64
	narrative  string
}

var ledger = []progress{
	{"1", "2025-06-30", 100, "编制完成政务服务事项目录及实施清单，共梳理事项1126项"},
	{"2", "2025-07-31", 40, "医疗、文旅两个场景完成流程梳理"},
	{"2", "2025-09-30", 70, "“开办餐馆一件事”场景上线试运行"},
	{"39", "2025-09-30", 75, "已组织招聘会15场"},
	{"51", "2025-07-15", 20, "7月开放系统权限配置，更新报送信息"},
	{"51", "2025-08-15", 40, "8月开放系统权限配置，更新报送信息"},
	{"51", "2025-09-12", 60, "9月开放系统权限配置，更新报送信息"},
	// No report for October: item 51 (每月15日前) is overdue on 2025-10-20.
}

func run(out io.Writer, file, asOfText, dir string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	p, err := plan.Decode(f)
	if err != nil {
		return err
	}
	asOf, err := calendar.ParseDate(asOfText)
	if err != nil {
		return err
	}
	tasks, _ := p.Tasks()
	byNumber := map[string]*task.Task{}
	for _, t := range tasks {
		byNumber[t.Number] = t
	}
	for _, e := range ledger {
		t := byNumber[e.item]
		d, err := calendar.ParseDate(e.date)
		if err != nil {
			return err
		}
		if d.After(asOf) {
			continue
		}
		unit := t.Responsibility.Accountable()[0]
		if _, err := t.Ledger.Append(task.Entry{Date: d, Unit: unit, Percent: decimal.NewFromInt(e.percent), Narrative: e.narrative}); err != nil {
			return fmt.Errorf("item %s: %w", e.item, err)
		}
		if e.percent == 100 {
			at := d.In(calendar.Beijing()).Add(17 * time.Hour)
			if _, err := t.Record(task.Entry{Kind: task.Apply, Date: d, Unit: unit, RecordedAt: at, Evidence: []string{e.narrative}}, task.Options{}); err != nil {
				return err
			}
			if _, err := t.Record(task.Entry{Kind: task.Approve, Date: d, Unit: "区营商局", RecordedAt: at.Add(time.Hour), Ref: t.Ledger.Len()}, task.Options{}); err != nil {
				return err
			}
		}
	}

	fmt.Fprintf(out, "%s（%s %s印发）\n", p.Title, p.Issuer, p.Issued)
	fmt.Fprintf(out, "%d 项任务，截至 %s / %d tasks, as of %s\n\n", len(tasks), asOf, len(tasks), asOf)

	r, err := plan.NewReport(p, asOf, nil)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "合计\t牵头\t按职责分工负责\t单位 / unit")
	for i, w := range r.Workload {
		if i == 8 {
			fmt.Fprintf(tw, "\t\t\t…另 %d 个单位 / %d more units\n", len(r.Workload)-8, len(r.Workload)-8)
			break
		}
		fmt.Fprintf(tw, "%d\t%d\t%d\t%s\n", w.Total, w.Lead, w.Joint, w.Unit)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(out, "\n超期 / overdue: %d\n", len(r.Overdue))
	for _, o := range r.Overdue {
		fmt.Fprintf(out, "  %s. %s（%s，应于 %s）\n", o.Number, o.Title, strings.Join(o.Units, "、"), o.Due)
	}
	fmt.Fprintf(out, "\n督办 / supervision: %d\n", len(r.Actions))
	for _, a := range r.Actions {
		fmt.Fprintf(out, "  %s %s → %s：%s\n", a.Kind.Chinese(), a.Number, a.Unit, a.MessageZh)
	}

	if dir == "" {
		if dir, err = os.MkdirTemp("", "tiexi-"); err != nil {
			return err
		}
	}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"tasks.csv", func(w io.Writer) error { return export.WriteTasksCSV(w, tasks, export.Options{}) }},
		{"ledger.csv", func(w io.Writer) error { return export.WriteLedgerCSV(w, tasks) }},
		{"tiexi-2025.xlsx", func(w io.Writer) error { return export.WriteXLSX(w, tasks, export.Options{}) }},
	}
	fmt.Fprintln(out, "\n导出 / exported:")
	for _, x := range files {
		path := filepath.Join(dir, x.name)
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := x.write(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(out, "  %s\n", path)
	}
	return nil
}
