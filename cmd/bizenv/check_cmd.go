package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/plan"
)

// langOf is the language --lang asks for.
func langOf(o *options) plan.Lang {
	l, _ := plan.ParseLang(o.lang) // checked when the flags were parsed
	return l
}

var checkCmd = &command{
	name: "check", usage: "PLAN.json|--plan REF [--db DB] [--parent PARENT.json|--parent-plan REF] [--directory UNITS.json] [--baseline FILE] [--write-baseline FILE]",
	summary: "检查计划文件自身及与上级计划的一致性；有新的错误时退出码为1，不是计划文件时为2 / check a plan, and against its parent; exit status 1 on a new error, 2 for input that is not a plan",
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.parent, "parent", "", "上级计划 JSON / the parent plan's JSON")
		fs.StringVar(&o.directory, "directory", "", "单位目录 JSON（见 org.ParseDirectory）/ unit directory JSON")
		fs.StringVar(&o.baseline, "baseline", "", "已知问题的基线文件：只报告、只因新问题失败 / a baseline of known findings: only new ones are reported and fail the check")
		fs.StringVar(&o.writeBaseline, "write-baseline", "", "把本次的全部问题写为基线文件 / write every finding of this check as a baseline file")
		addPlanRef(fs, o)
		fs.StringVar(&o.st.parentPlan, "parent-plan", "", "存储中的上级计划：id、文号或标题 / the parent plan in the store: its id, document number (文号) or title")
	},
	run: runCheck,
}

// readPlanFindings reads a plan. A plan with field-level problems gives
// its decode findings instead (Document set to doc); input that is not a
// plan at all, or cannot be read, is an error.
func readPlanFindings(e *env, name, doc string) (*plan.Plan, []plan.Finding, error) {
	f, err := openInput(e, name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	p, err := plan.Decode(f)
	var de *plan.DecodeError
	switch {
	case err == nil:
		return p, nil, nil
	case errors.As(err, &de) && !de.Malformed():
		fs := append([]plan.Finding(nil), de.Findings...)
		for i := range fs {
			fs[i].Document = doc
		}
		return nil, fs, nil
	}
	return nil, nil, fmt.Errorf("%s: %w", name, err)
}

// checkInputs reads the plan to check: PLAN.json, or the stored plan
// --plan names in its state (its tasks with their ledgers). name is what
// to call it when it cannot be decoded.
func checkInputs(e *env, o *options, args []string) (p *plan.Plan, fs []plan.Finding, name string, err error) {
	if o.st.parentPlan != "" && o.parent != "" {
		return nil, nil, "", usagef("--parent 与 --parent-plan 只给一个", "give --parent or --parent-plan, not both")
	}
	if o.st.plan == "" {
		if err := wantArgs(args, 1, "PLAN.json"); err != nil {
			return nil, nil, "", err
		}
		p, fs, err := readPlanFindings(e, args[0], "")
		return p, fs, args[0], err
	}
	if len(args) != 0 {
		return nil, nil, "", usagef("给出 --plan 时不再给 PLAN.json", "with --plan, give no PLAN.json")
	}
	s, st, err := planState(o)
	if err != nil {
		return nil, nil, "", err
	}
	s.Close()
	return st.Plan, nil, o.st.plan, nil
}

// storedParent reads the parent plan --parent-plan names from the store.
func storedParent(o *options) (*plan.Plan, error) {
	ref := *o
	ref.st.plan = o.st.parentPlan
	s, st, err := planState(&ref)
	if err != nil {
		return nil, err
	}
	s.Close()
	return st.Plan, nil
}

func runCheck(e *env, o *options, args []string) error {
	if o.format != "text" && o.format != "json" {
		return usagef("check 的 --format 为 text 或 json", "check's --format is text or json")
	}
	p, fs, title, err := checkInputs(e, o, args)
	if err != nil {
		return err
	}
	if p != nil {
		title = p.Title
		var opts plan.Options
		if o.directory != "" {
			f, err := os.Open(o.directory)
			if err != nil {
				return fmt.Errorf("无法打开文件 / cannot open file: %w", err)
			}
			defer f.Close()
			if opts.Directory, err = org.ParseDirectory(f); err != nil {
				return fmt.Errorf("%s: %w", o.directory, err)
			}
		}
		fs = p.Validate(opts)
		if o.st.parentPlan != "" {
			parent, err := storedParent(o)
			if err != nil {
				return err
			}
			fs = append(fs, plan.CheckAgainst(p, parent)...)
		}
		if o.parent != "" {
			parent, pfs, err := readPlanFindings(e, o.parent, "parent")
			if err != nil {
				return err
			}
			if parent != nil {
				fs = append(fs, plan.CheckAgainst(p, parent)...)
			}
			fs = append(fs, pfs...)
		}
	}
	plan.Sort(fs)
	if o.writeBaseline != "" {
		if err := writeBaselineFile(o.writeBaseline, plan.NewBaseline(fs)); err != nil {
			return err
		}
	}
	shown, known := fs, 0
	if o.baseline != "" {
		f, err := os.Open(o.baseline)
		if err != nil {
			return fmt.Errorf("无法打开文件 / cannot open file: %w", err)
		}
		b, err := plan.DecodeBaseline(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", o.baseline, err)
		}
		var gone []plan.BaselineEntry
		shown, gone = b.Split(fs)
		known = len(fs) - len(shown)
		if len(gone) > 0 {
			fmt.Fprintln(e.stderr, langOf(o).Pick(
				fmt.Sprintf("基线中有%d项已不再出现（已改正或已变化），可用 --write-baseline 更新", len(gone)),
				fmt.Sprintf("%d baseline entries no longer occur (fixed, or changed): --write-baseline updates it", len(gone))))
		}
	}
	if o.format == "json" {
		if shown == nil {
			shown = []plan.Finding{}
		}
		if err := writeJSON(e.stdout, shown); err != nil {
			return err
		}
	} else {
		printFindings(e.stdout, title, shown, known, langOf(o))
	}
	if plan.HasErrors(shown) && o.writeBaseline == "" {
		return exitStatus(1)
	}
	return nil
}

func writeBaselineFile(name string, b plan.Baseline) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("无法创建文件 / cannot create file: %w", err)
	}
	if err := writeJSON(f, b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// printFindings writes findings as text, each with its place and, for a
// finding about a task, the task's number and title beside it; then the
// counts.
func printFindings(w io.Writer, title string, fs []plan.Finding, known int, l plan.Lang) {
	counts := map[plan.Severity]int{}
	for _, f := range fs {
		counts[f.Severity]++
		where := f.Path
		if where == "" {
			where = "/"
		}
		if f.Document != "" {
			where = f.Document + ":" + where
		}
		if f.Task != nil {
			where += "  " + f.Task.Label()
		}
		fmt.Fprintf(w, "%-7s %-24s %s\n", f.Severity, f.Code, where)
		switch l {
		case plan.LangZh:
			fmt.Fprintf(w, "        %s\n", f.MessageZh)
		case plan.LangEn:
			fmt.Fprintf(w, "        %s\n", f.MessageEn)
		default:
			fmt.Fprintf(w, "        %s\n        %s\n", f.MessageZh, f.MessageEn)
		}
	}
	zh := fmt.Sprintf("%s：错误 %d，警告 %d，提示 %d", title, counts[plan.Error], counts[plan.Warning], counts[plan.Info])
	en := fmt.Sprintf("%d errors, %d warnings, %d notes", counts[plan.Error], counts[plan.Warning], counts[plan.Info])
	if l == plan.LangEn {
		en = title + ": " + en
	}
	if known > 0 {
		zh += fmt.Sprintf("（另有基线已知%d项）", known)
		en += fmt.Sprintf(" (and %d known from the baseline)", known)
	}
	fmt.Fprintln(w, l.Pick(zh, en))
}
