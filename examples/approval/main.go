// Command approval times a high-voltage power connection (获得电力，普通高压)
// accepted on Friday 2025-09-26, paused for 补正 from Monday 11:00 to
// 10-09 15:00 (2 working days 4 hours of working time: the hours of 09-29,
// the whole of 09-30 and the hours of 10-09; the National Day break in
// between costs nothing), and prints each stage's due time with what moved
// it. Time is counted in working hours, 09:00–17:00 by default.
//
// The catalog limits the whole connection to 20 working days (鲅鱼圈区营商
// 环境优化行动方案: 3 环节, 20 个工作日 from 2023). The plan does not split
// the limit between the stages; this example assumes 1, 10 and 9 working
// days, as a district might set them.
//
//	go run ./examples/approval
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "approval:", err)
		os.Exit(1)
	}
}

func run(out io.Writer) error {
	p, ok := approval.Lookup("power-high-voltage")
	if !ok {
		return fmt.Errorf("power-high-voltage is not in the catalog")
	}
	// The example's split of the 20 working days between the stages.
	for i, n := range []int{1, 10, 9} {
		p.Stages[i].Limit = &calendar.Period{N: n, Unit: calendar.Workdays}
	}
	t := func(s string) time.Time {
		x, err := time.ParseInLocation("2006-01-02 15:04", s, calendar.Beijing())
		if err != nil {
			panic(err) // the literals below are valid
		}
		return x
	}
	c := &approval.Case{ID: "HV-2025-0926", Process: p.ID, Unit: "国网鞍山供电公司"}
	events := []approval.Event{
		{At: t("2025-09-26 09:00"), Kind: approval.Submitted},
		{At: t("2025-09-26 09:30"), Kind: approval.Accepted},
		{At: t("2025-09-26 09:30"), Kind: approval.StageStarted, Stage: "申请受理"},
		{At: t("2025-09-26 16:00"), Kind: approval.StageFinished, Stage: "申请受理"},
		{At: t("2025-09-28 09:00"), Kind: approval.StageStarted, Stage: "供电方案答复"},
		{At: t("2025-09-29 11:00"), Kind: approval.Paused, Reason: approval.Correction, Note: "缺用电负荷说明"},
		{At: t("2025-10-09 15:00"), Kind: approval.Resumed},
		{At: t("2025-10-09 15:00"), Kind: approval.Materials, Count: 1},
		{At: t("2025-10-16 17:00"), Kind: approval.StageFinished, Stage: "供电方案答复"},
		{At: t("2025-10-17 09:00"), Kind: approval.StageStarted, Stage: "装表接电"},
	}
	for _, e := range events {
		if err := c.Append(&p, e); err != nil {
			return err
		}
	}
	asOf := t("2025-10-20 10:00")
	r, err := approval.Status(c, &p, asOf, approval.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s %s, as of %s\n\n", c.ID, p.Name, asOf.Format("2006-01-02 15:04"))
	for _, tm := range r.Stages {
		show(out, tm.Stage, tm)
	}
	if r.Overall != nil {
		show(out, "全程 overall", *r.Overall)
	}
	return nil
}

func show(out io.Writer, name string, t approval.Timer) {
	fmt.Fprintf(out, "%s  limit %s  start %s  due %s  elapsed %s  remaining %s  %s (%s)\n",
		name, t.Limit, t.Start.Format("01-02 15:04"), t.DueText(),
		t.ElapsedText(), t.RemainingText(), t.Status.Chinese(), t.Status)
	fmt.Fprintf(out, "    %s\n\n", t.Explanation)
}
