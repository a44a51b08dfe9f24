package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
)

var approvalCmd = &command{
	name: "approval", summary: "审批流程、办件计时与统计 / approval processes, case timers and statistics",
	subs: []*command{approvalCatalogCmd, approvalStatusCmd, approvalStatsCmd},
}

// openInput opens a file argument; "-" is standard input.
func openInput(e *env, name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(e.stdin), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("无法打开文件 / cannot open file: %w", err)
	}
	return f, nil
}

var approvalCatalogCmd = &command{
	name: "catalog", usage: "",
	summary: "列出流程及其环节与时限 / list the processes with their stages and limits",
	run: func(e *env, o *options, args []string) error {
		if len(args) != 0 {
			return usagef("catalog 不带参数", "catalog takes no arguments")
		}
		cat := approval.Catalog()
		if o.format == "json" {
			return writeJSON(e.stdout, cat)
		}
		for _, p := range cat {
			limit := "—"
			if p.Promised != nil {
				limit = p.Promised.String()
			}
			fmt.Fprintf(e.stdout, "%s  %s  时限 %s", p.ID, p.Name, limit)
			if p.Statutory != nil {
				fmt.Fprintf(e.stdout, "（法定 %s）", p.Statutory)
			}
			fmt.Fprintln(e.stdout)
			for _, s := range p.Stages {
				if s.Limit != nil {
					fmt.Fprintf(e.stdout, "    %s %s\n", s.Name, s.Limit)
				} else {
					fmt.Fprintf(e.stdout, "    %s\n", s.Name)
				}
			}
			fmt.Fprintf(e.stdout, "    依据 / source: %s\n", p.Source)
		}
		return nil
	},
}

var approvalStatusCmd = &command{
	name: "status", usage: "CASE.json",
	summary: "办件各计时器的状态与到期日说明 / a case's timers, due dates and why",
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.at, "at", "", "计时截至的时刻（RFC 3339，默认现在）/ the instant to time as of (RFC 3339; default now)")
	},
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 1, "CASE.json"); err != nil {
			return err
		}
		at := e.now
		if o.at != "" {
			t, err := time.Parse(time.RFC3339, o.at)
			if err != nil {
				return usagef("--at 应为 RFC 3339 时刻，如 2025-10-09T10:00:00+08:00：%q", "--at must be an RFC 3339 instant such as 2025-10-09T10:00:00+08:00: %q", o.at)
			}
			at = t
		}
		f, err := openInput(e, args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		c, err := approval.DecodeCase(f)
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		p, ok := approval.Lookup(c.Process)
		if !ok {
			return fmt.Errorf("%s: 未知的事项 %q（见 bizenv approval catalog）/ unknown process %q (see bizenv approval catalog)", args[0], c.Process, c.Process)
		}
		cal, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		r, err := approval.Status(c, &p, at, approval.Options{Calendar: cal})
		if err != nil {
			return err
		}
		if o.format == "json" {
			return writeJSON(e.stdout, r)
		}
		fmt.Fprintf(e.stdout, "办件 %s（%s）截至 %s：%s\n", r.Case, p.Name, at.In(calendar.Beijing()).Format("2006-01-02 15:04"), r.State.Status)
		w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "计时 timer\t时限 limit\t已用 elapsed\t剩余 remaining\t到期 due\t状态 status")
		show := func(name string, t *approval.Timer) {
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%s\t%s %s\n", name, t.Limit, t.Elapsed, t.Remaining, t.Due, t.Status.Chinese(), t.Status)
		}
		if r.Overall != nil {
			show("全程 overall", r.Overall)
		}
		for i := range r.Stages {
			show(r.Stages[i].Stage, &r.Stages[i])
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if r.Overall != nil {
			fmt.Fprintf(e.stdout, "全程到期日说明：%s\n", r.Overall.Explanation)
		}
		for _, t := range r.Stages {
			fmt.Fprintf(e.stdout, "%s到期日说明：%s\n", t.Stage, t.Explanation)
		}
		return nil
	},
}

var approvalStatsCmd = &command{
	name: "stats", usage: "CASES.jsonl",
	summary: "已办结办件的统计（按事项、环节、单位）/ statistics of finished cases by process, stage and unit",
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 1, "CASES.jsonl"); err != nil {
			return err
		}
		f, err := openInput(e, args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		cases, err := approval.DecodeCases(f)
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		cal, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		stats, errs := approval.Statistics(cases, approval.CatalogProcesses(), approval.Options{Calendar: cal})
		for _, err := range errs {
			fmt.Fprintln(e.stderr, "bizenv approval stats:", err)
		}
		if o.format == "json" {
			if err := writeJSON(e.stdout, stats); err != nil {
				return err
			}
		} else {
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "事项 process\t环节 stage\t单位 unit\t件数 n\t时限 limit\t平均 mean\t中位 median\tP90\t按时率 on-time\t压缩 compression\t环节 stages\t材料 materials\t跑动 visits")
			for _, s := range stats {
				comp := "—"
				if s.Compression.Valid {
					comp = s.Compression.Decimal.Shift(2).StringFixed(2) + "%"
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s%%\t%s\t%s\t%s\t%s\n", s.Process, dash(s.Stage), dash(s.Unit), s.Count, s.Limit,
					s.Mean, s.Median, s.P90, s.OnTime.Shift(2).StringFixed(1), comp, s.Stages, s.Materials, s.Visits)
			}
			if err := w.Flush(); err != nil {
				return err
			}
		}
		if len(errs) > 0 {
			return fmt.Errorf("%d 个办件无法统计 / %d cases could not be counted", len(errs), len(errs))
		}
		return nil
	},
}

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
