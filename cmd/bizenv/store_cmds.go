package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bizenv/bizenv/approval"
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/internal/cliout"
	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/store"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// defaultDB is the store a command uses when --db is not given.
const defaultDB = "bizenv.db"

// dbFlag is --db: a SQLite file, or a postgres:// URL. It remembers
// whether it was given, for the commands that use a store only then
// (import, report).
type dbFlag struct {
	path string
	set  bool
}

// String implements flag.Value.
func (d *dbFlag) String() string {
	if d == nil || d.path == "" {
		return defaultDB
	}
	return d.path
}

// Set implements flag.Value.
func (d *dbFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("为空 / empty")
	}
	d.path, d.set = v, true
	return nil
}

// storeOptions are the flags of the commands that work on a store.
type storeOptions struct {
	plan, task, unit, kind, percent, date, reporter, note string
	corrects, ref                                         int
	evidence                                              stringList
	reason, deadline, to, due                             string
	caseID, process, mode, stage, by, extension, event    string
	count                                                 int
	fire, all                                             bool
	period, action, text                                  string
	parentPlan                                            string
}

// addDBFlag adds --db.
func addDBFlag(fs *flag.FlagSet, o *options) {
	fs.Var(&o.db, "db", "存储：SQLite 文件（默认 bizenv.db），或 postgres:// 连接串 / the store: a SQLite file (default bizenv.db), or a postgres:// URL")
}

// addPlanRef adds --db and --plan.
func addPlanRef(fs *flag.FlagSet, o *options) {
	addDBFlag(fs, o)
	fs.StringVar(&o.st.plan, "plan", "", "存储中的计划：id、文号或标题 / the stored plan: its id, document number (文号) or title")
}

// addPlanFlags adds --db, --plan and, withTask, --task.
func addPlanFlags(fs *flag.FlagSet, o *options, withTask bool) {
	addPlanRef(fs, o)
	if withTask {
		fs.StringVar(&o.st.task, "task", "", "任务序号（如 51、46-2）或 id / the task's number as printed (51, 46-2) or its id")
	}
}

// addDirectoryFlag adds --directory, for the commands that apply the
// task package's rules (taskOptions reads it).
func addDirectoryFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.directory, "directory", "", "单位目录 JSON（见 org.ParseDirectory）：别名归一，各镇（街道）等展开 / unit directory JSON: aliases resolved, group phrases expanded")
}

// openStore opens the store --db names.
func openStore(o *options) (*store.Store, error) {
	s, err := store.Open(context.Background(), o.db.String(), store.Options{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.db.String(), err)
	}
	return s, nil
}

// taskOptions are the task options the flags give: the calendar and the
// unit directory (the plan's span is the store's).
func taskOptions(e *env, o *options) (task.Options, error) {
	cal, err := loadCalendar(e, o)
	if err != nil {
		return task.Options{}, err
	}
	opts := task.Options{Calendar: cal}
	if o.directory != "" {
		f, err := os.Open(o.directory)
		if err != nil {
			return opts, fmt.Errorf("无法打开文件 / cannot open file: %w", err)
		}
		defer f.Close()
		if opts.Directory, err = org.ParseDirectory(f); err != nil {
			return opts, fmt.Errorf("%s: %w", o.directory, err)
		}
	}
	return opts, nil
}

// planState opens the store and loads the plan --plan names.
func planState(o *options) (*store.Store, *store.PlanState, error) {
	if o.st.plan == "" {
		return nil, nil, usagef("需要 --plan（计划的 id、文号或标题）", "--plan is required (the plan's id, document number or title)")
	}
	s, err := openStore(o)
	if err != nil {
		return nil, nil, err
	}
	ctx := context.Background()
	v, err := s.FindPlan(ctx, o.st.plan)
	if err == nil {
		var st *store.PlanState
		if st, err = s.LoadPlan(ctx, v.ID); err == nil {
			return s, st, nil
		}
	}
	s.Close()
	return nil, nil, err
}

// theTask loads the plan and finds the task --task names.
func theTask(o *options) (*store.Store, *store.PlanState, *task.Task, error) {
	if o.st.task == "" {
		return nil, nil, nil, usagef("需要 --task（任务序号或 id）", "--task is required (the task's number or id)")
	}
	s, st, err := planState(o)
	if err != nil {
		return nil, nil, nil, err
	}
	t, err := st.Task(o.st.task)
	if err != nil {
		s.Close()
		return nil, nil, nil, err
	}
	return s, st, t, nil
}

// reloadTask reads task t of the plan again from the store, in its state
// after what was just recorded.
func reloadTask(s *store.Store, st *store.PlanState, t *task.Task) (*task.Task, error) {
	st2, err := s.LoadPlan(context.Background(), st.Version.ID)
	if err != nil {
		return nil, err
	}
	return st2.Task(t.ID.String())
}

// dateOr reads a date flag, today when it is empty.
func dateOr(e *env, s string) (calendar.Date, error) {
	if s == "" {
		s = "today"
	}
	return parseDateArg(e, s)
}

// storeImported stores an imported plan when --db is given, and says so.
func storeImported(e *env, o *options, p *plan.Plan) error {
	if !o.db.set {
		return nil
	}
	s, err := openStore(o)
	if err != nil {
		return err
	}
	defer s.Close()
	p.AssignIDs()
	v, created, err := s.SavePlan(context.Background(), p, e.now)
	if err != nil {
		return err
	}
	w := e.stdout
	if o.format == "json" {
		w = e.stderr
	}
	what := "已存入 / stored"
	if !created {
		what = "未变，未新增版本 / unchanged, no new version"
	}
	fmt.Fprintf(w, "%s: %s 第%d版 / version %d, id %s → %s\n", what, p.Title, v.Version, v.Version, v.ID, o.db.String())
	return nil
}

// importPlanJSON reads a plan file that is already a plan's JSON (a
// reviewed import), from r, whose first byte is '{'.
func importPlanJSON(e *env, o *options, name string, r io.Reader) error {
	p, err := plan.Decode(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	p.AssignIDs()
	if o.format == "json" {
		if err := writeJSON(e.stdout, p); err != nil {
			return err
		}
	} else {
		tasks, _ := p.Tasks()
		fmt.Fprintf(e.stdout, "%s\n  格式 / format   plan JSON\n  文号 / number   %s\n  条目 / items    %d\n", orDash(p.Title), orDash(p.DocNumber.String()), len(tasks))
	}
	return storeImported(e, o, p)
}

// peekJSON reports whether the input starts, after white space, with '{'.
func peekJSON(br *bufio.Reader) bool {
	for i := 1; i <= 4096; i++ {
		b, err := br.Peek(i)
		if err != nil || len(b) < i {
			return false
		}
		switch b[i-1] {
		case ' ', '\t', '\r', '\n':
			continue
		case 0xEF, 0xBB, 0xBF: // a byte-order mark
			continue
		case '{':
			return true
		default:
			return false
		}
	}
	return false
}

// reportInputs gives report its plan, the actions sent and the
// observations: from PLAN.json, or, with --plan, from the store (the plan
// in its state, the actions recorded as sent, the observations stored for
// the plan's indicator systems).
func reportInputs(e *env, o *options, args []string) (*plan.Plan, []task.Action, []indicator.Observation, error) {
	if o.st.plan == "" {
		if err := wantArgs(args, 1, "PLAN.json"); err != nil {
			return nil, nil, nil, err
		}
		p, err := readPlan(e, args[0])
		return p, nil, nil, err
	}
	if len(args) != 0 {
		return nil, nil, nil, usagef("给出 --plan 时不再给 PLAN.json", "with --plan, give no PLAN.json")
	}
	s, st, err := planState(o)
	if err != nil {
		return nil, nil, nil, err
	}
	defer s.Close()
	var obs []indicator.Observation
	for _, sys := range st.Plan.IndicatorSystems {
		if sys == nil {
			continue
		}
		got, err := s.Observations(context.Background(), sys.Name, indicator.Period{})
		if err != nil {
			return nil, nil, nil, err
		}
		obs = append(obs, got...)
	}
	return st.Plan, st.Sent, obs, nil
}

var ledgerCmd = &command{
	name: "ledger", summary: "任务台账与流程（存储中）：填报、销号、状态、委派、查看 / a task's ledger and workflow in the store: reports, 销号, status, delegation, show",
	subs: []*command{ledgerAddCmd, ledgerCloseCmd, ledgerShowCmd, ledgerStatusCmd, ledgerDelegateCmd},
}

// entryFlags are the flags of a ledger entry.
func entryFlags(fs *flag.FlagSet, o *options) {
	addPlanFlags(fs, o, true)
	addDirectoryFlag(fs, o)
	fs.StringVar(&o.st.unit, "unit", "", "填报或决定的单位 / the unit reporting or deciding")
	fs.StringVar(&o.st.date, "date", "", "所报或决定的日期（默认今天）/ the date reported on or decided (default today)")
	fs.StringVar(&o.st.reporter, "reporter", "", "填报人或审核人 / the person reporting or reviewing")
	fs.StringVar(&o.st.note, "note", "", "进展说明 / what was done")
	fs.Var(&o.st.evidence, "evidence", "佐证材料（文件名、链接、文号，可重复）/ evidence (file, link, 文号; repeatable)")
	fs.StringVar(&o.st.reason, "reason", "", "理由（退回、回头看、延期、结转必填）/ the reason (required to return, re-check, extend, carry over)")
	fs.IntVar(&o.st.ref, "ref", 0, "审核所针对的台账序号（默认：待审核的销号申请）/ the Seq decided on (default: the application awaiting review)")
}

// record appends one entry through the store and prints what was appended.
func record(e *env, o *options, kind task.EntryKind) error {
	if o.st.unit == "" {
		return usagef("需要 --unit", "--unit is required")
	}
	d, err := dateOr(e, o.st.date)
	if err != nil {
		return err
	}
	opts, err := taskOptions(e, o)
	if err != nil {
		return err
	}
	s, st, t, err := theTask(o)
	if err != nil {
		return err
	}
	defer s.Close()
	entry := task.Entry{Kind: kind, Date: d, Unit: o.st.unit, Reporter: o.st.reporter, RecordedAt: e.now, Narrative: o.st.note,
		Evidence: []string(o.st.evidence), Reason: o.st.reason, Ref: o.st.ref, Corrects: o.st.corrects, To: o.st.to}
	if o.st.percent != "" {
		if entry.Percent, err = decimal.NewFromString(strings.TrimSuffix(o.st.percent, "%")); err != nil {
			return usagef("--percent 应为 0–100 的数，而不是 %q", "--percent must be a number 0–100, not %q", o.st.percent)
		}
	}
	if o.st.deadline != "" {
		dl, err := task.ParseDeadlineIn(o.st.deadline, d.Year())
		if err != nil {
			return err
		}
		entry.Deadline = &dl
	}
	if (kind == task.Approve || kind == task.Return) && entry.Ref == 0 {
		c := t.ClosureOf()
		if c.State != "pending" || c.Applied == nil {
			return usagef("任务 %s 没有待审核的销号申请：用 --ref 指明所审核的台账序号", "task %s has no application awaiting review: give the Seq decided on with --ref", t.Number)
		}
		entry.Ref = c.Applied.Seq
	}
	out, err := s.Record(context.Background(), st.Version.ID, t.ID, entry, opts, e.now)
	if err != nil {
		return err
	}
	t2, err := reloadTask(s, st, t)
	if err != nil {
		return err
	}
	if o.format == "json" {
		return writeJSON(e.stdout, cliout.Appended{Task: t2.Number, Appended: orEmpty(out), State: t2.State()})
	}
	for _, x := range out {
		fmt.Fprintf(e.stdout, "%s 第%d条 %s %s %s", t2.Number, x.Seq, x.Kind.Chinese(), x.Date, x.Unit)
		if x.Kind == task.Report || x.Kind == task.Apply {
			fmt.Fprintf(e.stdout, " %s%%", x.Percent)
		}
		fmt.Fprintln(e.stdout)
	}
	p, _ := t2.ProgressWith(st.Options(opts))
	fmt.Fprintf(e.stdout, "任务 %s 现为 %s，进度 %s%% / task %s is now %s, %s%% done\n", t2.Number, t2.State().Chinese(), p, t2.Number, t2.State(), p)
	return nil
}

var ledgerAddCmd = &command{
	name: "add", usage: "--plan REF --task N --unit U [--kind report] [--percent P] [--date D] [--note T] [--corrects SEQ]",
	summary: "记一条台账（默认进展填报；--kind 可为 apply、approve、return、recheck、extend、carry_over）/ record a ledger entry (a progress report by default; --kind apply, approve, return, recheck, extend, carry_over)",
	flags: func(fs *flag.FlagSet, o *options) {
		entryFlags(fs, o)
		fs.StringVar(&o.st.kind, "kind", "report", "条目类型 / the kind of entry")
		fs.StringVar(&o.st.percent, "percent", "", "进度 0–100 / progress, 0–100")
		fs.IntVar(&o.st.corrects, "corrects", 0, "所更正的台账序号 / the Seq this report corrects")
		fs.StringVar(&o.st.deadline, "deadline", "", "延期所申请的期限（如 2026年6月底前）/ the deadline an extension asks for")
		fs.StringVar(&o.st.to, "to", "", "结转去向（计划的标题或文号）/ the plan a carry-over goes to")
	},
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 0, ""); err != nil {
			return err
		}
		var k task.EntryKind
		if err := k.UnmarshalText([]byte(o.st.kind)); err != nil {
			return usagef("--kind 无效：%v", "invalid --kind: %v", err)
		}
		return record(e, o, k)
	},
}

var ledgerCloseCmd = &command{
	name: "close", usage: "apply|approve|return|recheck --plan REF --task N --unit U [--evidence F]... [--reason R] [--date D]",
	summary: "销号的一步：申请（带佐证）、审核通过、退回（带理由）、回头看重新打开 / a step of 销号: apply (with evidence), approve, return (with a reason), re-check (reopens)",
	flags:   entryFlags,
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 1, "apply|approve|return|recheck"); err != nil {
			return err
		}
		steps := map[string]task.EntryKind{"apply": task.Apply, "申请": task.Apply, "申请销号": task.Apply, "approve": task.Approve, "通过": task.Approve, "审核通过": task.Approve,
			"return": task.Return, "退回": task.Return, "recheck": task.Recheck, "回头看": task.Recheck}
		k, ok := steps[args[0]]
		if !ok {
			return usagef("销号步骤为 apply、approve、return 或 recheck，而不是 %q", "the step is apply, approve, return or recheck, not %q", args[0])
		}
		return record(e, o, k)
	},
}

var ledgerShowCmd = &command{
	name: "show", usage: "--plan REF [--task N]",
	summary: "查看任务的台账与状态（不给 --task 时列出有台账的任务）/ show a task's ledger and state (without --task: every task with entries)",
	flags:   func(fs *flag.FlagSet, o *options) { addPlanFlags(fs, o, true) },
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 0, ""); err != nil {
			return err
		}
		s, st, err := planState(o)
		if err != nil {
			return err
		}
		defer s.Close()
		var tasks []*task.Task
		if o.st.task != "" {
			t, err := st.Task(o.st.task)
			if err != nil {
				return err
			}
			tasks = []*task.Task{t}
		} else {
			task.Walk(st.Tasks, func(t *task.Task) {
				if t.Ledger.Len() > 0 || t.State() != t.Status {
					tasks = append(tasks, t)
				}
			})
		}
		if o.format == "json" {
			return writeJSON(e.stdout, orEmpty(tasks))
		}
		w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		for _, t := range tasks {
			fmt.Fprintf(w, "%s %s\t%s\n", t.Number, t.Title, t.State().Chinese())
			for _, x := range t.Ledger.Entries() {
				what := x.Narrative
				switch {
				case x.Kind == task.Apply:
					what = "佐证 " + strings.Join(x.Evidence, "、")
				case x.Reason != "":
					what = x.Reason
				}
				fmt.Fprintf(w, "  %d\t%s\t%s\t%s\t%s%%\t%s\t%s\n", x.Seq, x.Date, x.Kind.Chinese(), x.Unit, x.Percent, x.Review.Chinese(), what)
			}
		}
		return w.Flush()
	},
}

var ledgerStatusCmd = &command{
	name: "status", usage: "in_progress|suspended|cancelled|not_started --plan REF --task N",
	summary: "改变任务状态（推进中、暂缓、已取消）；销号与结转经台账 / change a task's status (in progress, suspended, cancelled); closure and carry-over go through the ledger",
	flags:   func(fs *flag.FlagSet, o *options) { addPlanFlags(fs, o, true) },
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 1, "STATUS"); err != nil {
			return err
		}
		var next task.Status
		if err := next.UnmarshalText([]byte(args[0])); err != nil {
			return usagef("状态无效：%v", "invalid status: %v", err)
		}
		s, st, t, err := theTask(o)
		if err != nil {
			return err
		}
		defer s.Close()
		if err := s.SetStatus(context.Background(), st.Version.ID, t.ID, next, e.now); err != nil {
			return err
		}
		if o.format == "json" {
			t2, err := reloadTask(s, st, t)
			if err != nil {
				return err
			}
			return writeJSON(e.stdout, []*task.Task{t2})
		}
		fmt.Fprintf(e.stdout, "任务 %s：%s / task %s: %s\n", t.Number, next.Chinese(), t.Number, next)
		return nil
	},
}

var ledgerDelegateCmd = &command{
	name: "delegate", usage: "UNIT... --plan REF --task N [--due DEADLINE]",
	summary: "把任务委派给下级单位（街道、社区），编号与 id 自动推出 / delegate a task down the chain to units (streets, communities), numbers and ids derived",
	flags: func(fs *flag.FlagSet, o *options) {
		addPlanFlags(fs, o, true)
		fs.StringVar(&o.st.due, "due", "", "下级期限（默认同上级），如 2025年9月30日前 / the parts' deadline (default: the task's own)")
	},
	run: func(e *env, o *options, args []string) error {
		if len(args) == 0 {
			return usagef("需要至少一个单位", "name at least one unit")
		}
		s, st, t, err := theTask(o)
		if err != nil {
			return err
		}
		defer s.Close()
		var due *task.Deadline
		if o.st.due != "" {
			d, err := task.ParseDeadlineIn(o.st.due, st.Plan.Period.From)
			if err != nil {
				return err
			}
			due = &d
		}
		parts, err := s.Delegate(context.Background(), st.Version.ID, t.ID, args, due, e.now)
		if err != nil {
			return err
		}
		if o.format == "json" {
			return writeJSON(e.stdout, parts)
		}
		for _, p := range parts {
			fmt.Fprintf(e.stdout, "%s %s %s\n", p.Number, p.Responsibility.Lead[0], p.ID)
		}
		return nil
	},
}

var superviseCmd = &command{
	name: "supervise", usage: "--plan REF [--as-of DATE] | --all",
	summary: "当日督办：按规则决定并记录为已发送（重跑不重复），输出待送达的提醒、督办单等 / the day's supervision: decided, recorded as sent (a rerun repeats nothing), and printed for delivery",
	flags: func(fs *flag.FlagSet, o *options) {
		addPlanFlags(fs, o, false)
		addDirectoryFlag(fs, o)
		fs.StringVar(&o.asOf, "as-of", "", "督办日期（默认今天）/ the day (default today)")
		fs.BoolVar(&o.st.all, "all", false, "存储中的全部计划 / every plan in the store")
	},
	subs: []*command{superviseReplyCmd},
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 0, ""); err != nil {
			return err
		}
		if o.st.all == (o.st.plan != "") {
			return usagef("给出 --plan 或 --all 之一", "give --plan or --all")
		}
		d, err := dateOr(e, o.asOf)
		if err != nil {
			return err
		}
		opts, err := taskOptions(e, o)
		if err != nil {
			return err
		}
		var out []cliout.PlanActions
		collect := func(v store.PlanVersion, sup task.Supervision) error {
			out = append(out, cliout.PlanActions{Plan: v, Actions: orEmpty(sup.Actions), Undatable: orEmpty(sup.Undatable)})
			return nil
		}
		ctx := context.Background()
		if o.st.all {
			s, err := openStore(o)
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.SuperviseAll(ctx, d, opts, e.now, collect); err != nil {
				return err
			}
		} else {
			s, st, err := planState(o)
			if err != nil {
				return err
			}
			defer s.Close()
			sup, err := s.Supervise(ctx, st.Version.ID, d, opts, e.now)
			if err != nil {
				return err
			}
			_ = collect(st.Version, sup)
		}
		if o.format == "json" {
			return writeJSON(e.stdout, orEmpty(out))
		}
		for _, p := range out {
			fmt.Fprintf(e.stdout, "%s %s：督办 %d 项 / %d actions\n", p.Plan.Title, d, len(p.Actions), len(p.Actions))
			w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
			for _, a := range p.Actions {
				reply := ""
				if !a.ReplyBy.IsZero() {
					reply = "反馈 " + a.ReplyBy.String()
				}
				fmt.Fprintf(w, "  %s\t%s\t%s\t%s\t%s\t%s\n", a.Kind.Chinese(), a.Number, a.Unit, reply, a.ID, a.MessageZh)
			}
			if err := w.Flush(); err != nil {
				return err
			}
			for _, u := range p.Undatable {
				fmt.Fprintf(e.stdout, "  无法推算 / undatable: %s\n", u)
			}
		}
		return nil
	},
}

// orEmpty gives [] rather than null in JSON.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

var superviseReplyCmd = &command{
	name: "reply", usage: "--plan REF --action ID --unit U --text T [--date D]",
	summary: "记录单位对督办单的书面反馈 / record a unit's written reply to a supervision notice (督办单)",
	flags: func(fs *flag.FlagSet, o *options) {
		addPlanFlags(fs, o, false)
		fs.StringVar(&o.st.action, "action", "", "督办的 id（supervise 的输出）/ the action's id (from supervise)")
		fs.StringVar(&o.st.unit, "unit", "", "反馈单位 / the unit replying")
		fs.StringVar(&o.st.reporter, "by", "", "反馈人 / the person replying")
		fs.StringVar(&o.st.text, "text", "", "反馈内容 / the reply")
		fs.StringVar(&o.st.date, "date", "", "反馈日期（默认今天）/ the date of the reply (default today)")
	},
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 0, ""); err != nil {
			return err
		}
		id, err := uuid.Parse(o.st.action)
		if err != nil {
			return usagef("--action 应为督办的 id：%q", "--action must be an action's id: %q", o.st.action)
		}
		d, err := dateOr(e, o.st.date)
		if err != nil {
			return err
		}
		s, st, err := planState(o)
		if err != nil {
			return err
		}
		defer s.Close()
		r := task.Reply{On: d, At: e.now, Unit: o.st.unit, By: o.st.reporter, Text: o.st.text}
		if err := s.RecordReply(context.Background(), st.Version.ID, id, r, e.now); err != nil {
			return err
		}
		if o.format == "json" {
			return writeJSON(e.stdout, r)
		}
		fmt.Fprintf(e.stdout, "已记录反馈 / reply recorded: %s %s\n", o.st.unit, d)
		return nil
	},
}

var bulletinCmd = &command{
	name: "bulletin", usage: "--plan REF --period 2025-10|2025Q3|2025 [--as-of DATE]",
	summary: "一个时期的调度通报：销号、按期与逾期、各单位得分与排名（text、json 或 html）/ a period's bulletin: closures, on time and late, each unit's score and rank (text, json or html)",
	flags: func(fs *flag.FlagSet, o *options) {
		addPlanFlags(fs, o, false)
		addDirectoryFlag(fs, o)
		fs.StringVar(&o.st.period, "period", "", "时期：月 2025-10、季 2025Q3 或年 2025 / the period: a month 2025-10, a quarter 2025Q3 or a year 2025")
		fs.StringVar(&o.asOf, "as-of", "", "通报日期（默认今天）/ the day of the bulletin (default today)")
		fs.StringVar(&o.title, "title", "", "通报标题 / the bulletin's title")
	},
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 0, ""); err != nil {
			return err
		}
		if o.format != "text" && o.format != "json" && o.format != "html" {
			return usagef("bulletin 的 --format 为 text、json 或 html", "bulletin's --format is text, json or html")
		}
		span, err := parseSpan(o.st.period)
		if err != nil {
			return err
		}
		d, err := dateOr(e, o.asOf)
		if err != nil {
			return err
		}
		opts, err := taskOptions(e, o)
		if err != nil {
			return err
		}
		s, st, err := planState(o)
		if err != nil {
			return err
		}
		defer s.Close()
		b, err := s.Bulletin(context.Background(), st.Version.ID, span, d, opts, task.ScoreRules{})
		if err != nil {
			return err
		}
		b.Title = o.title
		if b.Title == "" {
			b.Title = st.Version.Title + " " + span.Name + "调度通报"
		}
		switch o.format {
		case "json":
			return writeJSON(e.stdout, b)
		case "html":
			return b.WriteHTML(e.stdout)
		}
		return b.WriteText(e.stdout)
	},
}

var spanPattern = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})|[Qq]([1-4]))?$`)

// parseSpan reads a bulletin's period: 2025-10, 2025Q3 or 2025.
func parseSpan(s string) (task.Span, error) {
	m := spanPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return task.Span{}, usagef("--period 应为 2025-10、2025Q3 或 2025，而不是 %q", "--period must be 2025-10, 2025Q3 or 2025, not %q", s)
	}
	y, _ := strconv.Atoi(m[1])
	switch {
	case m[2] != "":
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return task.Span{}, usagef("--period 的月份应为 1–12：%q", "--period's month must be 1–12: %q", s)
		}
		return task.MonthSpan(y, time.Month(mo))
	case m[3] != "":
		q, _ := strconv.Atoi(m[3])
		return task.QuarterSpan(y, q)
	}
	return task.YearSpan(y)
}

// approvalRecordCmd and approvalAlertsCmd work on the cases in a store;
// they join the approval commands here, so that the file of those
// commands stays with the approval package's owner.
func init() {
	approvalCmd.subs = append(approvalCmd.subs, approvalRecordCmd, approvalAlertsCmd)
}

var approvalRecordCmd = &command{
	name: "record", usage: "--case ID --kind KIND [--at TIME] [--process P --unit U] [--stage S] [--reason R] [--note T] [--by B] [--count N] [--extension 5工作日] | --event EVENT.json",
	summary: "在存储中给办件记一个事件（首个事件时新建办件）；按流程规则检查后追加 / record an event of a case in the store (the first creates the case), checked against its process's rules",
	flags: func(fs *flag.FlagSet, o *options) {
		addDBFlag(fs, o)
		fs.StringVar(&o.st.caseID, "case", "", "办件编号 / the case's id")
		fs.StringVar(&o.st.process, "process", "", "事项（新办件时；见 approval catalog）/ the process, for a new case (see approval catalog)")
		fs.StringVar(&o.st.unit, "unit", "", "承办单位（新办件时）/ the unit handling it, for a new case")
		fs.StringVar(&o.st.mode, "mode", "", "受理方式（新办件时）/ the acceptance mode, for a new case")
		fs.StringVar(&o.st.kind, "kind", "", "事件：submitted、accepted、stage_started、stage_finished、paused、resumed、extended、materials、visit、finished、withdrawn / the event")
		fs.StringVar(&o.at, "at", "", "事件时刻（RFC 3339；默认现在）/ when it happened (RFC 3339; default now)")
		fs.StringVar(&o.st.stage, "stage", "", "环节 / the stage")
		fs.StringVar(&o.st.reason, "reason", "", "暂停原因（correction 补正 …）/ why the clock stopped")
		fs.StringVar(&o.st.note, "note", "", "说明 / a note")
		fs.StringVar(&o.st.by, "by", "", "经办或批准人 / who acted or approved")
		fs.IntVar(&o.st.count, "count", 0, "材料件数 / the number of materials")
		fs.StringVar(&o.st.extension, "extension", "", "延长的时限，如 5工作日 / the time added, e.g. 5工作日")
		fs.StringVar(&o.st.event, "event", "", "事件 JSON 文件（- 为标准输入），代替上面各项 / the event as JSON (a file, - for stdin), instead of the flags above")
	},
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 0, ""); err != nil {
			return err
		}
		if o.st.caseID == "" {
			return usagef("需要 --case", "--case is required")
		}
		ev, err := eventFromFlags(e, o)
		if err != nil {
			return err
		}
		cal, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		s, err := openStore(o)
		if err != nil {
			return err
		}
		defer s.Close()
		procs := approval.CatalogProcesses()
		h := approval.Case{ID: o.st.caseID, Process: o.st.process, Unit: o.st.unit, Mode: approval.Mode(o.st.mode)}
		ctx := context.Background()
		switch old, err := s.Case(ctx, o.st.caseID); {
		case errors.Is(err, store.ErrNotFound):
			if o.st.process == "" {
				return usagef("新办件需要 --process（见 bizenv approval catalog）", "a new case needs --process (see bizenv approval catalog)")
			}
		case err != nil:
			return err
		default:
			// A stored case keeps what it was stored with: a flag that
			// says otherwise is a mistake, not a change.
			for _, f := range []struct{ name, given, stored string }{
				{"--process", o.st.process, old.Process}, {"--unit", o.st.unit, old.Unit}, {"--mode", o.st.mode, string(old.Mode)},
			} {
				if f.given != "" && f.given != f.stored {
					return usagef("办件 %s 已存储，%s 为 %q，不能改为 %q", "case %s is stored with %s %q, not %q", o.st.caseID, f.name, f.stored, f.given)
				}
			}
		}
		c, err := s.RecordCaseEvents(ctx, h, procs, e.now, ev)
		if err != nil {
			return err
		}
		at := ev.At
		if e.now.After(at) {
			at = e.now
		}
		r, err := approval.Status(c, procs[c.Process], at, approval.Options{Calendar: cal})
		if o.format == "json" {
			rec := cliout.Recorded{Case: c}
			if err != nil {
				fmt.Fprintf(e.stderr, "bizenv approval record: 计时 / timers: %v\n", err)
			} else {
				rec.Status = r
			}
			return writeJSON(e.stdout, rec)
		}
		fmt.Fprintf(e.stdout, "办件 %s 第%d个事件 %s 已记录 / case %s: event %d (%s) recorded\n", c.ID, len(c.Events), ev.Kind, c.ID, len(c.Events), ev.Kind)
		if err != nil {
			fmt.Fprintf(e.stdout, "  计时 / timers: %v\n", err)
		} else if r.Overall != nil {
			fmt.Fprintf(e.stdout, "  全程 / overall %s：已用 %d，剩余 %d，到期 %s，%s\n", r.Overall.Limit, r.Overall.Elapsed, r.Overall.Remaining, r.Overall.Due, r.Overall.Status.Chinese())
		}
		return nil
	},
}

// eventFromFlags builds the event from --event, or from the flags, as
// the approval package's own JSON (so that its names and checks apply).
func eventFromFlags(e *env, o *options) (approval.Event, error) {
	var ev approval.Event
	if o.st.event != "" {
		f, err := openInput(e, o.st.event)
		if err != nil {
			return ev, err
		}
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, 1<<20))
		if err != nil {
			return ev, err
		}
		if err := json.Unmarshal(b, &ev); err != nil {
			return ev, fmt.Errorf("%s: %w", o.st.event, err)
		}
		return ev, nil
	}
	if o.st.kind == "" {
		return ev, usagef("需要 --kind 或 --event", "--kind or --event is required")
	}
	if _, err := calendar.ParseDate(o.at); err == nil {
		return ev, usagef("--at 须给出事件的时刻，而不只是日期：%q", "--at must give the event's time, not only its date: %q", o.at)
	}
	at, err := parseAt(e, o.at)
	if err != nil {
		return ev, err
	}
	m := map[string]any{"at": at.Format(time.RFC3339Nano), "kind": o.st.kind}
	for k, v := range map[string]string{"stage": o.st.stage, "reason": o.st.reason, "note": o.st.note, "by": o.st.by, "extension": o.st.extension} {
		if v != "" {
			m[k] = v
		}
	}
	if o.st.count != 0 {
		m["count"] = o.st.count
	}
	b, err := json.Marshal(m)
	if err != nil {
		return ev, err
	}
	if err := json.Unmarshal(b, &ev); err != nil {
		return ev, usagef("事件无效：%v", "invalid event: %v", err)
	}
	return ev, nil
}

var approvalAlertsCmd = &command{
	name: "alerts", usage: "[--at TIME] [--fire]",
	summary: "存储中接近或超过时限的在办件（预警、超期）；--fire 只给未发过的并记为已发 / open cases in the store near or past a limit (warning, overdue); --fire gives only those not fired before and records them",
	flags: func(fs *flag.FlagSet, o *options) {
		addDBFlag(fs, o)
		fs.StringVar(&o.at, "at", "", "截至时刻（RFC 3339；默认现在）/ as of (RFC 3339; default now)")
		fs.BoolVar(&o.st.fire, "fire", false, "只给未发过的预警，并记为已发 / only alerts not fired before, recorded as fired")
	},
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 0, ""); err != nil {
			return err
		}
		at, err := parseAt(e, o.at)
		if err != nil {
			return err
		}
		cal, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		s, err := openStore(o)
		if err != nil {
			return err
		}
		defer s.Close()
		var alerts []approval.Alert
		collect := func(a approval.Alert) error { alerts = append(alerts, a); return nil }
		var bad []error
		if o.st.fire {
			bad, err = s.FireAlerts(context.Background(), approval.CatalogProcesses(), at, approval.Options{Calendar: cal}, e.now, collect)
		} else {
			bad, err = s.NearLimit(context.Background(), approval.CatalogProcesses(), at, approval.Options{Calendar: cal}, collect)
		}
		if err != nil {
			return err
		}
		for _, b := range bad {
			fmt.Fprintln(e.stderr, "bizenv approval alerts:", b)
		}
		if o.format == "json" {
			return writeJSON(e.stdout, orEmpty(alerts))
		}
		w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "办件 case\t环节 stage\t级别 level\t到期 due\t事项 process\t单位 unit")
		for _, a := range alerts {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", a.Case, dash(a.Stage), a.Level, a.Due, a.Process, dash(a.Unit))
		}
		if err := w.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "共 %d 条 / %d alerts\n", len(alerts), len(alerts))
		if len(bad) > 0 {
			return fmt.Errorf("%d 个办件无法计时 / %d cases could not be timed", len(bad), len(bad))
		}
		return nil
	},
}
