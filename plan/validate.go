package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// Severity ranks a finding.
type Severity string

// The severities. Only errors make `bizenv check` fail.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// UnmarshalText implements encoding.TextUnmarshaler: error, warning or
// info; empty text is the zero Severity (unset), so that a zero value
// written reads back.
func (s *Severity) UnmarshalText(b []byte) error {
	switch v := Severity(b); v {
	case Error, Warning, Info, "":
		*s = v
		return nil
	}
	return &ValueError{Input: string(b),
		MessageZh: fmt.Sprintf("未知的严重程度 %q（应为 error、warning 或 info）", b),
		MessageEn: fmt.Sprintf("unknown severity %q (want error, warning or info)", b)}
}

// Finding is one problem found in a plan. Code is stable: programs may
// switch on it. The codes of Validate and CheckAgainst:
//
//	code                      severity   meaning
//	missing_title             error      the plan has no title
//	missing_kind              warning    the plan's kind is not set
//	bad_period                error      the period is missing or runs backwards
//	no_tasks                  warning    the plan has no task
//	duplicate_number          error      two sections, or two tasks of one section, share a number
//	no_accountable            warning    a task names neither a lead nor a responsible unit, where other tasks do
//	no_units                  info       no task names a unit (a programme): reported once, not task by task
//	task_rule                 error      a task breaks another rule of package task (milestone after deadline, delegate due later, delegation cycle, bad deadline)
//	ledger_rule               error      a task's ledger breaks a rule of the ledger (numbering, percent 0–100, a correction or review that points nowhere, closure out of order): task.Ledger.Err
//	declared_count            error      the title says N条 and the plan has another number of tasks (info for a partial plan)
//	deadline_outside_period   error      a task's deadline lies outside the plan's period
//	milestone_outside_period  warning    a milestone lies outside the plan's period
//	phase_order               warning    phases do not end in order, or end outside the period
//	unknown_unit              warning    a unit name the directory does not know (with suggestions, when it has some)
//	alias_unit                info       a unit written by an alias (with the directory's name)
//	indicator_<rule>          as Audit   an indicator system's shape finding (indicator.Finding.Rule); not
//	                                     missing_measure or mixed_units, which concern scoring, not the plan
//	unknown_indicator         error      a target names an indicator that its system, held by the plan, does not have
//	external_indicator        info       a target names a system the plan does not hold (the plan above's): checked by CheckAgainst
//	missing_id                warning    the plan or a task has no id (AssignIDs gives the deterministic one)
//	duplicate_id              error      two tasks, or a task and the plan, share an id
//	bad_source                warning    source.sha256 is not 64 lower-case hexadecimal digits
//	self_basis                error      the plan names itself in its basis
//	self_parent               error      the plan is checked against itself
//	basis_cycle               error      the parent names the child in its basis (Document "parent")
//	parent_not_in_basis       info       the child does not name the parent in its basis
//	unknown_parent_task       error      a task implements a task the parent does not have
//	late_deadline             error      a child task is due after the parent task it implements (Parent)
//	laxer_target              error      a child target is less strict than the parent's for the same indicator
//	additive_target           info       a child's total is below the parent's for an additive indicator: its share, not a laxer target
//	target_unit_mismatch      warning    a child and a parent target are in units that cannot be compared (天 and 工作日)
//	target_incomparable       warning    a child and a parent target use comparators that cannot be ordered
//	uncovered_parent_task     info       a parent task no child task implements (Document "parent", Parent)
//	suggested_link            info       a child task that implements nothing, and the parent task it most resembles (Parent)
//
// Decode reports what stops a plan from being read as findings too, each an
// error whose Path is the JSON Pointer of the value:
//
//	decode_syntax             malformed JSON (the line and column are in the message)
//	decode_duplicate_key      a key given twice in one object, also in another case ("title" and "Title")
//	decode_unknown_field      a key the format does not have (matched exactly, case included)
//	decode_type               a value of the wrong JSON type, null where a value is needed, or a number that does not fit
//	decode_value              a value its type refuses (an impossible date, a 文号 that is not one, an unknown status)
//	decode_noncanonical       a value written otherwise than bizenv writes it ("推进中" for in_progress, 10 for "10")
//	decode_null_element       null in a list (tasks: [null])
//	decode_trailing_data      data after the plan
//	decode_encoding           text that is not UTF-8 (GBK, UTF-16), or an unpaired surrogate
//	decode_schema_version     a plan written in a format this release does not read (another major version)
//	decode_empty, decode_too_large
type Finding struct {
	// Code is the stable code (see the table in Finding's documentation).
	Code string `json:"code"`
	// Severity is error, warning or info.
	Severity Severity `json:"severity"`
	// Path is the JSON Pointer (RFC 6901) of the value concerned in the
	// plan checked, or in the parent plan when Document is "parent":
	// /sections/2/tasks/4/responsibility; "" is the whole plan.
	Path string `json:"path"`
	// Document is "parent" for a finding of CheckAgainst whose Path points
	// into the parent plan; empty for the plan checked.
	Document string `json:"document,omitempty"`
	// Task is the task of the plan checked that Path lies in, when it lies
	// in one (a delegated part is a task of its own).
	Task *TaskRef `json:"task,omitempty"`
	// Parent is the parent plan's task a cross-plan finding is about:
	// implemented late, implemented by no task, resembled. Its ID and path
	// name it where its printed number, which repeats across the parent's
	// sections, would not.
	Parent *TaskRef `json:"parent,omitempty"`
	// MessageZh says what is wrong, in Chinese.
	MessageZh string `json:"message_zh"`
	// MessageEn says what is wrong, in English.
	MessageEn string `json:"message_en"`
}

// TaskRef names a task in a finding.
type TaskRef struct {
	// ID is the task's ID; omitted when it has none.
	ID uuid.UUID `json:"id,omitzero"`
	// Key is the task's item key (一/(二)/3; see the ID recipe in ids.go),
	// which names a task without an ID.
	Key string `json:"key"`
	// Number is the task's number as printed.
	Number string `json:"number"`
	// Title is the task's title.
	Title string `json:"title,omitempty"`
	// Path is the task's JSON Pointer in its plan.
	Path string `json:"path"`
}

// String returns "severity code path: message_zh / message_en", with the
// task's number and title after the path when the finding is about a task.
func (f Finding) String() string {
	where := f.Path
	if f.Document != "" {
		where = f.Document + ":" + where
	}
	if f.Task != nil {
		where += " " + f.Task.Label()
	}
	return fmt.Sprintf("%s %s %s: %s / %s", f.Severity, f.Code, where, f.MessageZh, f.MessageEn)
}

// Label returns the task's number and title as people name it: 5「精简审批环节」.
func (r TaskRef) Label() string {
	if r.Title == "" {
		return r.Number
	}
	return r.Number + "「" + r.Title + "」"
}

// Options tune validation.
type Options struct {
	// Directory, when set, resolves every unit name of the plan.
	Directory *org.Directory
}

type findings []Finding

func (fs *findings) add(sev Severity, code, path, zh, en string) {
	*fs = append(*fs, Finding{Code: code, Severity: sev, Path: path, MessageZh: zh, MessageEn: en})
}

var reDeclaredItems = regexp.MustCompile(`(\d+)\s*条`)

var reSHA256 = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Validate checks the plan on its own and returns every finding at once,
// in document order (see Sort), each about a task naming it (Task).
func (p *Plan) Validate(o Options) []Finding {
	var fs findings
	if strings.TrimSpace(p.Title) == "" {
		fs.add(Error, "missing_title", "/title", "缺少标题", "the plan has no title")
	}
	if p.Kind == "" {
		fs.add(Warning, "missing_kind", "/kind", "未注明规划类型", "the plan's kind is not set")
	}
	if p.Period.From <= 0 || p.Period.To < p.Period.From || p.Period.To > 9999 {
		fs.add(Error, "bad_period", "/period", fmt.Sprintf("期间 %d–%d 无效", p.Period.From, p.Period.To), fmt.Sprintf("period %d–%d is invalid", p.Period.From, p.Period.To))
	}
	if p.Source != nil && p.Source.SHA256 != "" && !reSHA256.MatchString(p.Source.SHA256) {
		fs.add(Warning, "bad_source", "/source/sha256", "sha256 应为64位小写十六进制数", "sha256 should be 64 lower-case hexadecimal digits")
	}
	for i, b := range p.Basis {
		if (b.ID != [16]byte{} && b.ID == p.ID) || (!b.DocNumber.IsZero() && b.DocNumber == p.DocNumber) {
			fs.add(Error, "self_basis", pointer("basis", i), "依据中列出了本计划自身", "the plan names itself in its basis")
		}
	}
	p.checkPhases(&fs)
	p.checkIDs(&fs)
	tasks, paths := p.Tasks()
	if len(tasks) == 0 {
		fs.add(Warning, "no_tasks", "/sections", "计划没有任务", "the plan has no task")
	}
	p.checkNumbers(p.Sections, "", &fs, 0)
	if m := reDeclaredItems.FindStringSubmatch(p.Title); m != nil {
		if n, _ := strconv.Atoi(m[1]); n != len(tasks) {
			sev := Error
			if p.Partial {
				sev = Info
			}
			fs.add(sev, "declared_count", "/title", fmt.Sprintf("标题称%d条，实有%d条", n, len(tasks)), fmt.Sprintf("the title declares %d items; the plan has %d", n, len(tasks)))
		}
	}
	validPeriod := p.Period.From > 0 && p.Period.To >= p.Period.From && p.Period.To <= 9999
	names := namesUnits(tasks)
	if !names && len(tasks) > 0 {
		fs.add(Info, "no_units", "/sections", "计划的任务都没有写明责任单位（规划常如此）", "no task of the plan names a responsible unit (as programmes often do)")
	}
	for i, t := range tasks {
		path := paths[i]
		for _, f := range t.Validate(p.Period.End()) {
			code, sev := "task_rule", Error
			switch {
			case f.Field == "responsibility" || strings.HasSuffix(f.Field, ".responsibility"):
				if f.Field == "responsibility" && !names {
					continue
				}
				// A warning, as docimport's no_unit is: the plan says what
				// its document says, and a document that leaves an item
				// without an accountable unit is not made wrong by being
				// transcribed; the unit must be named before the item can
				// be supervised.
				code, sev = "no_accountable", Warning
			case strings.HasPrefix(f.Field, "ledger[") || strings.Contains(f.Field, ".ledger["):
				code = "ledger_rule"
			}
			fs.add(sev, code, path+dottedPointer(f.Field), f.MessageZh, f.MessageEn)
		}
		if validPeriod && t.Deadline != nil && t.Deadline.Kind == task.OnDate {
			if d := t.Deadline.Date; d.After(p.Period.End()) || d.Before(p.Period.Start()) {
				fs.add(Error, "deadline_outside_period", path+"/deadline", fmt.Sprintf("期限 %s 不在计划期 %d–%d 内", d, p.Period.From, p.Period.To),
					fmt.Sprintf("deadline %s is outside the plan's period %d–%d", d, p.Period.From, p.Period.To))
			}
		}
		for j, m := range t.Milestones {
			if validPeriod && !m.Due.IsZero() && (m.Due.After(p.Period.End()) || m.Due.Before(p.Period.Start())) {
				fs.add(Warning, "milestone_outside_period", fmt.Sprintf("%s/milestones/%d/due", path, j), fmt.Sprintf("节点 %s 不在计划期内", m.Due), fmt.Sprintf("milestone %s is outside the plan's period", m.Due))
			}
		}
		if o.Directory != nil {
			checkUnits(o.Directory, t, path, &fs)
		}
	}
	if o.Directory != nil && p.Issuer != "" {
		checkUnitName(o.Directory, p.Issuer, "/issuer", &fs)
	}
	systems := map[string]*indicator.System{}
	for i, s := range p.IndicatorSystems {
		if s == nil {
			continue
		}
		systems[s.Name] = s
		for _, f := range s.Audit(indicator.AuditOptions{}) {
			if f.Rule == "missing_measure" || f.Rule == "mixed_units" {
				continue // fitness for scoring, not a defect of the plan
			}
			sev := Warning
			if f.Severity == indicator.Error {
				sev = Error
			}
			zh, en, _ := strings.Cut(f.Message, " / ")
			fs.add(sev, "indicator_"+f.Rule, pointer("indicator_systems", i)+dottedPointer(f.Path), zh, en)
		}
	}
	for i, t := range p.Targets {
		s := systems[t.System]
		switch {
		case s == nil:
			// A district's target for the city's indicator: Target allows
			// it, and CheckAgainst compares it with the plan above.
			fs.add(Info, "external_indicator", pointer("targets", i), fmt.Sprintf("目标指向本计划以外的指标体系 %q（如上级计划的），由上级计划核对", t.System),
				fmt.Sprintf("the target names system %q, which the plan does not hold (the plan above's?): CheckAgainst compares it", t.System))
		case s.Find(t.Indicator) == nil:
			fs.add(Error, "unknown_indicator", pointer("targets", i, "indicator"), fmt.Sprintf("目标指向不存在的指标 %s %s", t.System, t.Indicator),
				fmt.Sprintf("the target names an indicator system %s does not have: %s", t.System, t.Indicator))
		}
	}
	out := []Finding(fs)
	p.annotate(out, tasks, paths)
	Sort(out)
	return out
}

// checkIDs reports a plan or tasks without an ID, and IDs used twice.
func (p *Plan) checkIDs(fs *findings) {
	if p.ID == uuid.Nil {
		fs.add(Warning, "missing_id", "/id", "计划没有 id（AssignIDs 按固定规则生成）", "the plan has no id (AssignIDs gives the deterministic one)")
	}
	seen := map[uuid.UUID]string{}
	if p.ID != uuid.Nil {
		seen[p.ID] = "/id"
	}
	missing := 0
	p.walkTasks(func(t *task.Task, path string) {
		if t.ID == uuid.Nil {
			if missing++; missing <= 20 {
				fs.add(Warning, "missing_id", path+"/id", fmt.Sprintf("任务 %s 没有 id（AssignIDs 按固定规则生成）", t.Number),
					fmt.Sprintf("task %s has no id (AssignIDs gives the deterministic one)", t.Number))
			}
			return
		}
		if first, dup := seen[t.ID]; dup {
			fs.add(Error, "duplicate_id", path+"/id", fmt.Sprintf("任务 %s 的 id 与 %s 相同", t.Number, first),
				fmt.Sprintf("task %s has the same id as %s", t.Number, first))
			return
		}
		seen[t.ID] = path
	})
	if missing > 20 {
		fs.add(Warning, "missing_id", "/sections", fmt.Sprintf("另有%d个任务没有 id", missing-20), fmt.Sprintf("%d more tasks have no id", missing-20))
	}
}

// walkTasks calls fn for every task, delegated ones included, with its
// path, in document order; each task once.
func (p *Plan) walkTasks(fn func(t *task.Task, path string)) {
	tasks, paths := p.Tasks()
	walkTasksIn(tasks, paths, fn)
}

// walkTasksIn is walkTasks over the tasks and paths Tasks returned.
func walkTasksIn(tasks []*task.Task, paths []string, fn func(t *task.Task, path string)) {
	seen := make(map[*task.Task]bool, len(tasks))
	var del func(t *task.Task, path string)
	del = func(t *task.Task, path string) {
		for i, d := range t.Delegated {
			if d == nil || seen[d] {
				continue
			}
			seen[d] = true
			dp := path + "/delegated/" + strconv.Itoa(i)
			fn(d, dp)
			del(d, dp)
		}
	}
	for i, t := range tasks {
		if seen[t] {
			continue
		}
		seen[t] = true
		fn(t, paths[i])
		del(t, paths[i])
	}
}

// taskRefs returns a TaskRef for every task of the plan, delegated ones
// included, by path; tasks and paths are what Tasks returned.
func (p *Plan) taskRefs(tasks []*task.Task, paths []string) map[string]*TaskRef {
	ts, ks := p.ItemKeys()
	keys := make(map[*task.Task]string, len(ts))
	for i, t := range ts {
		keys[t] = ks[i]
	}
	refs := make(map[string]*TaskRef, len(ts))
	walkTasksIn(tasks, paths, func(t *task.Task, path string) {
		refs[path] = &TaskRef{ID: t.ID, Key: keys[t], Number: t.Number, Title: t.Title, Path: path}
	})
	return refs
}

// annotate sets Task on every finding (of the plan itself) whose path lies
// in a task: the deepest task that holds it. tasks and paths are what
// Tasks returned.
func (p *Plan) annotate(fs []Finding, tasks []*task.Task, paths []string) {
	var refs map[string]*TaskRef
	for i := range fs {
		f := &fs[i]
		if f.Document != "" || f.Task != nil || !strings.HasPrefix(f.Path, "/sections/") {
			continue
		}
		if refs == nil {
			refs = p.taskRefs(tasks, paths)
		}
		for path := f.Path; path != ""; path = path[:strings.LastIndexByte(path, '/')] {
			if r, ok := refs[path]; ok {
				f.Task = r
				break
			}
		}
	}
}

// namesUnits reports whether some task names a lead or responsible unit.
func namesUnits(tasks []*task.Task) bool {
	for _, t := range tasks {
		if len(t.Responsibility.Accountable()) > 0 {
			return true
		}
	}
	return false
}

func (p *Plan) checkPhases(fs *findings) {
	var prev calendar.Date
	for i, ph := range p.Phases {
		path := pointer("phases", i, "end")
		if ph.End.IsZero() {
			fs.add(Warning, "phase_order", path, "阶段缺少截止日期", "the phase has no end date")
			continue
		}
		if !prev.IsZero() && !ph.End.After(prev) {
			fs.add(Warning, "phase_order", path, fmt.Sprintf("阶段截止日期 %s 不晚于前一阶段", ph.End), fmt.Sprintf("phase ends %s, not after the phase before", ph.End))
		}
		if p.Period.To > 0 && (ph.End.Year() > p.Period.To || ph.End.Year() < p.Period.From) {
			fs.add(Warning, "phase_order", path, fmt.Sprintf("阶段截止日期 %s 不在计划期内", ph.End), fmt.Sprintf("phase ends %s, outside the plan's period", ph.End))
		}
		prev = ph.End
	}
}

func (p *Plan) checkNumbers(ss []*Section, prefix string, fs *findings, depth int) {
	if depth > maxDepth {
		fs.add(Error, "duplicate_number", prefix+"/sections", fmt.Sprintf("章节嵌套超过%d层", maxDepth), fmt.Sprintf("sections nest deeper than %d levels", maxDepth))
		return
	}
	seen := map[string]int{}
	for i, s := range ss {
		if s == nil {
			continue
		}
		path := fmt.Sprintf("%s/sections/%d", prefix, i)
		if j, dup := seen[s.Number]; dup && s.Number != "" {
			fs.add(Error, "duplicate_number", path+"/number", fmt.Sprintf("章节编号 %q 与 %s/sections/%d 重复", s.Number, prefix, j), fmt.Sprintf("section number %q repeats %s/sections/%d", s.Number, prefix, j))
		}
		seen[s.Number] = i
		tseen := map[string]int{}
		for j, t := range s.Tasks {
			if t == nil {
				continue
			}
			if k, dup := tseen[t.Number]; dup && t.Number != "" {
				fs.add(Error, "duplicate_number", fmt.Sprintf("%s/tasks/%d/number", path, j), fmt.Sprintf("任务编号 %q 与 %s/tasks/%d 重复", t.Number, path, k), fmt.Sprintf("task number %q repeats %s/tasks/%d", t.Number, path, k))
			}
			tseen[t.Number] = j
		}
		p.checkNumbers(s.Sections, path, fs, depth+1)
	}
}

func checkUnits(d *org.Directory, t *task.Task, path string, fs *findings) {
	r := t.Responsibility
	for _, l := range []struct {
		name  string
		units []string
	}{{"lead", r.Lead}, {"responsible", r.Responsible}, {"supporting", r.Supporting}} {
		for i, u := range l.units {
			checkUnitName(d, u, fmt.Sprintf("%s/responsibility/%s/%d", path, l.name, i), fs)
		}
	}
}

func checkUnitName(d *org.Directory, written, path string, fs *findings) {
	res := d.Resolve(written)
	switch {
	case res.Unit != nil && org.Normalize(res.Unit.Name) != org.Normalize(written) && org.Normalize(res.Unit.FullName) != org.Normalize(written):
		fs.add(Info, "alias_unit", path, fmt.Sprintf("%q 是 %q 的别称", written, res.Unit.Name), fmt.Sprintf("%q is an alias of %q", written, res.Unit.Name))
	case res.Known():
	case len(res.Suggestions) == 0:
		fs.add(Warning, "unknown_unit", path, fmt.Sprintf("单位 %q 不在单位目录中", written), fmt.Sprintf("unit %q is not in the directory", written))
	default:
		sug := strings.Join(res.Suggestions, "、")
		fs.add(Warning, "unknown_unit", path, fmt.Sprintf("单位 %q 不在单位目录中；是否为：%s", written, sug), fmt.Sprintf("unit %q is not in the directory; did you mean: %s", written, strings.Join(res.Suggestions, ", ")))
	}
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}
