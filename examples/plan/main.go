// Command plan loads a plan from examples/data, checks it, and prints its
// report as of a date: what is overdue and what each unit owes.
//
//	go run ./examples/plan [examples/data/tiexi-2025-excerpt.json] [2025-10-09]
package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
)

func main() {
	file, asOf := "examples/data/tiexi-2025-excerpt.json", "2025-10-09"
	if len(os.Args) > 1 {
		file = os.Args[1]
	}
	if len(os.Args) > 2 {
		asOf = os.Args[2]
	}
	if err := run(os.Stdout, file, asOf); err != nil {
		fmt.Fprintln(os.Stderr, "plan:", err)
		os.Exit(1)
	}
}

func run(out io.Writer, file, asOf string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	p, err := plan.Decode(f)
	if err != nil {
		return err
	}
	d, err := calendar.ParseDate(asOf)
	if err != nil {
		return err
	}
	fs := p.Validate(plan.Options{})
	plan.Sort(fs)
	fmt.Fprintf(out, "检查 / check: %d findings\n", len(fs))
	for _, x := range fs {
		fmt.Fprintf(out, "  %s %s %s: %s\n", x.Severity, x.Code, x.Path, x.MessageZh)
	}
	fmt.Fprintln(out)
	r, err := plan.NewReport(p, d, nil)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	if err := r.WriteText(tw); err != nil {
		return err
	}
	return tw.Flush()
}
