package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/internal/cliout"
	"github.com/shopspring/decimal"
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
	summary: "列出流程及其环节、时限、适用地区与有效期 / list the processes with their stages, limits, jurisdiction and validity",
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
			if p.Extension != nil {
				fmt.Fprintf(e.stdout, "（可延长一次，至多 %s）", p.Extension)
			}
			fmt.Fprintln(e.stdout)
			fmt.Fprintf(e.stdout, "    适用 / jurisdiction: %s；有效期 / in force: %s\n", p.Jurisdiction.Name, validity(p.Validity))
			if p.Steps > 0 {
				fmt.Fprintf(e.stdout, "    %d个环节（原文未列名称）/ %d steps, not named in the source\n", p.Steps, p.Steps)
			}
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

func validity(v approval.Validity) string {
	from, to := "…", "…"
	if !v.From.IsZero() {
		from = v.From.String()
	}
	if !v.To.IsZero() {
		to = v.To.String()
	}
	return from + " 至 " + to
}

// parseAt reads --at: an RFC 3339 instant; a time in Beijing
// (2025-09-01 09:00, 2025-09-01T09:00:30); a date (2025-10-14, 2025年10月
// 14日), meaning the end of that day in Beijing; or today, meaning now.
func parseAt(e *env, s string) (time.Time, error) {
	switch s {
	case "", "today", "今天", "now":
		return e.now, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, calendar.Beijing()); err == nil {
			return t, nil
		}
	}
	if d, err := calendar.ParseDate(s); err == nil {
		return d.In(calendar.Beijing()).AddDate(0, 0, 1).Add(-time.Nanosecond), nil
	}
	return time.Time{}, usagef("--at 应为 RFC 3339 时刻（2025-10-09T10:00:00+08:00）或北京时间（2025-10-09 10:00）、日期（2025-10-09，即当日24时）或 today：%q",
		"--at must be an RFC 3339 instant (2025-10-09T10:00:00+08:00) or a time in Beijing (2025-10-09 10:00), a date (2025-10-09, meaning the end of that day) or today: %q", s)
}

var approvalStatusCmd = &command{
	name: "status", usage: "CASE.json",
	summary: "办件各计时器（承诺时限与法定时限）的状态与到期日说明 / a case's timers, promised and statutory, with due dates and why",
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.at, "at", "", "计时截至：RFC 3339 时刻、日期（当日24时）或 today（默认现在）/ time as of: an RFC 3339 instant, a date (its end) or today (default: now)")
	},
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 1, "CASE.json"); err != nil {
			return err
		}
		at, err := parseAt(e, o.at)
		if err != nil {
			return err
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
		if errors.Is(err, approval.ErrNotSubmitted) {
			// Asked about a time before the case existed: that is an answer.
			return notSubmitted(e, o, c, at)
		}
		if err != nil {
			return err
		}
		var dates []calendar.Date
		for _, t := range timers(r) {
			if !t.Due.IsZero() {
				dates = append(dates, t.Due)
			}
		}
		warnHorizon(e, cal, dates...)
		if o.format == "json" {
			return writeJSON(e.stdout, r)
		}
		return printStatus(e, r, &p)
	},
}

// timers lists a report's timers: promised, statutory, then the stages.
func timers(r *approval.Report) []*approval.Timer {
	var ts []*approval.Timer
	if r.Overall != nil {
		ts = append(ts, r.Overall)
	}
	if r.Statutory != nil {
		ts = append(ts, r.Statutory)
	}
	for i := range r.Stages {
		ts = append(ts, &r.Stages[i])
	}
	return ts
}

func notSubmitted(e *env, o *options, c *approval.Case, at time.Time) error {
	first := c.Events[0].At
	if o.format == "json" {
		return writeJSON(e.stdout, cliout.NotSubmitted{Case: c.ID, Process: c.Process, At: at, Submitted: first, NotSubmitted: true})
	}
	fmt.Fprintf(e.stdout, "办件 %s 截至 %s 尚未提交（提交于 %s）/ case %s had not been submitted as of %s (submitted %s)\n",
		c.ID, at.In(calendar.Beijing()).Format("2006-01-02 15:04"), first.In(calendar.Beijing()).Format("2006-01-02 15:04"),
		c.ID, at.In(calendar.Beijing()).Format("2006-01-02 15:04"), first.In(calendar.Beijing()).Format("2006-01-02 15:04"))
	return nil
}

func printStatus(e *env, r *approval.Report, p *approval.Process) error {
	beijing := calendar.Beijing()
	fmt.Fprintf(e.stdout, "办件 %s（%s）截至 %s：%s %s\n", r.Case, p.Name, r.At.In(beijing).Format("2006-01-02 15:04"), r.State.Status.Chinese(), r.State.Status)
	if a := r.Acceptance; a != nil {
		fmt.Fprintf(e.stdout, "受理 / acceptance: %s\n", a)
	}
	ts := timers(r)
	if len(ts) == 0 {
		fmt.Fprintln(e.stdout, "尚未开始计时 / no clock running yet")
		return nil
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "计时 timer\t时限 limit\t已用 elapsed\t剩余 remaining\t到期 due\t状态 status")
	for _, t := range ts {
		due := t.DueText()
		if t.DueUnknown != 0 {
			due += fmt.Sprintf(" / needs the %d notice", t.DueUnknown)
		}
		if t.Provisional {
			due += "（暂定 provisional）"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s %s\n", timerName(t), t.Limit, t.ElapsedText(), t.RemainingText(), due, t.Status.Chinese(), t.Status)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if c := r.Compression; c != nil {
		used := decimal.NewFromInt(1).Sub(c.Achieved).Shift(2).StringFixed(2)
		fmt.Fprintf(e.stdout, "压缩 / compression: 已用法定时限的 %s%%，压缩 %s%% / %s%% of the statutory limit used, %s%% compressed",
			used, c.Achieved.Shift(2).StringFixed(2), used, c.Achieved.Shift(2).StringFixed(2))
		if c.Promised.Valid {
			fmt.Fprintf(e.stdout, "；承诺时限较法定时限压缩 %s%% / the promise is %s%% shorter than the law", c.Promised.Decimal.Shift(2).StringFixed(2), c.Promised.Decimal.Shift(2).StringFixed(2))
		}
		fmt.Fprintln(e.stdout)
	}
	for _, t := range ts {
		fmt.Fprintf(e.stdout, "%s到期日说明：%s\n", timerName(t), t.Explanation)
	}
	return nil
}

func timerName(t *approval.Timer) string {
	if t.Stage != "" {
		return t.Stage
	}
	if t.Basis == approval.Statutory {
		return "全程（法定）statutory"
	}
	return "全程（承诺）overall"
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
