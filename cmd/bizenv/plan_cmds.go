package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
)

// exitStatus ends a command with a status other than 2, with no further
// message (check: 1 when the plan has errors).
type exitStatus int

// Error returns "exit status N".
func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func readPlan(e *env, name string) (*plan.Plan, error) {
	f, err := openInput(e, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := plan.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

var reportCmd = &command{
	name: "report", usage: "PLAN.json|--plan REF [--db DB] --as-of DATE [--observations OBS.json] [--directory UNITS.json] [--calendar FILE] [--provisional]",
	summary: "计划执行报告：超期任务、单位任务量、当日督办、指标达标（text、json 或 html）/ overdue tasks, workload per unit, supervision due, indicator attainment (text, json or html)",
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.asOf, "as-of", "", "报告日期（today 为今天）/ the report date (today for today)")
		fs.StringVar(&o.observations, "observations", "", "监测数据 JSON 数组（indicator.Observation）/ observations as a JSON array")
		fs.StringVar(&o.sent, "sent", "", "已发出的督办动作 JSON 数组（上次 report --format json 的 actions），不再重复 / actions already delivered, as a JSON array (the actions of an earlier report --format json): not repeated")
		fs.StringVar(&o.directory, "directory", "", "单位目录 JSON（见 org.ParseDirectory）：别名归一，各镇（街道）等展开为成员单位 / unit directory JSON: aliases resolved, group phrases expanded to their members")
		addPlanRef(fs, o)
	},
	run: func(e *env, o *options, args []string) error {
		if o.asOf == "" {
			return usagef("需要 --as-of", "--as-of is required")
		}
		if o.format != "text" && o.format != "json" && o.format != "html" {
			return usagef("report 的 --format 为 text、json 或 html", "report's --format is text, json or html")
		}
		asOf, err := parseDateArg(e, o.asOf)
		if err != nil {
			return err
		}
		p, sent, obs, err := reportInputs(e, o, args)
		if err != nil {
			return err
		}
		if o.observations != "" {
			f, err := openInput(e, o.observations)
			if err != nil {
				return err
			}
			obs, err = indicator.DecodeObservations(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", o.observations, err)
			}
		}
		if o.sent != "" {
			f, err := openInput(e, o.sent)
			if err != nil {
				return err
			}
			more, err := task.DecodeActions(f)
			sent = append(sent, more...)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", o.sent, err)
			}
		}
		c, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		ro := plan.ReportOptions{Calendar: c, Sent: sent}
		if o.directory != "" {
			f, err := os.Open(o.directory)
			if err != nil {
				return fmt.Errorf("无法打开文件 / cannot open file: %w", err)
			}
			defer f.Close()
			if ro.Directory, err = org.ParseDirectory(f); err != nil {
				return fmt.Errorf("%s: %w", o.directory, err)
			}
		}
		r, err := plan.NewReportWith(p, asOf, obs, ro)
		if err != nil {
			return err
		}
		warnHorizon(e, c, asOf)
		if len(r.Undatable) > 0 && len(r.Undatable[0].Years) > 0 {
			fmt.Fprintln(e.stderr, unknownYearHint(r.Undatable[0].Years[0]))
		}
		switch o.format {
		case "json":
			return writeJSON(e.stdout, r)
		case "html":
			return r.WriteHTML(e.stdout)
		}
		return r.WriteTextIn(e.stdout, langOf(o))
	},
}
