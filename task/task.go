package task

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"golang.org/x/text/width"
)

// Liaison is the contact person for a task (专员联络人). The phone number is
// personal data: String masks it, and so do exports unless asked not to.
type Liaison struct {
	// Name is the person's name.
	Name string `json:"name"`
	// Unit is the person's unit.
	Unit string `json:"unit,omitempty"`
	// Phone is the person's phone number, in full; String and exports
	// mask it.
	Phone string `json:"phone,omitempty"`
}

// MaskedPhone returns the phone with its middle hidden: 138****1234.
func (l Liaison) MaskedPhone() string { return MaskPhone(l.Phone) }

// String returns the liaison with the phone masked.
func (l Liaison) String() string {
	s := l.Name
	if l.Unit != "" {
		s = l.Unit + " " + s
	}
	if l.Phone != "" {
		s += " " + l.MaskedPhone()
	}
	return s
}

// MaskPhone hides the middle of a phone number, never fewer than four
// characters: an eleven-character number or longer keeps its first three
// and last four (13812341234 becomes 138****1234, the form mobile numbers
// are shown in), eight to ten keep their first two and last two (the
// landline 24561234 becomes 24****34), and seven or fewer keep only their
// last two.
func MaskPhone(p string) string {
	r := []rune(p)
	n := len(r)
	switch {
	case n == 0:
		return ""
	case n <= 2:
		return strings.Repeat("*", n)
	case n <= 7:
		return strings.Repeat("*", n-2) + string(r[n-2:])
	case n <= 10:
		return string(r[:2]) + strings.Repeat("*", n-4) + string(r[n-2:])
	}
	return string(r[:3]) + strings.Repeat("*", n-7) + string(r[n-4:])
}

// Responsibility says who answers for a task. Unit names are kept as
// written, folded with FoldName (JSON decoding folds them; code that builds
// a Responsibility by hand should too), so that lookups compare alike.
type Responsibility struct {
	// Lead are the lead units (牵头单位), accountable for the whole task.
	Lead []string `json:"lead"`
	// Responsible are the responsible units (责任单位); with Joint, the units
	// jointly accountable, each for its own duty (按职责分工负责).
	Responsible []string `json:"responsible"`
	// Supporting are the supporting units (配合单位).
	Supporting []string `json:"supporting"`
	// Joint marks 按职责分工负责: the Responsible units answer jointly.
	Joint bool `json:"joint"`
	// Liaison is the task's contact person, if named.
	Liaison *Liaison `json:"liaison,omitempty"`
}

// FoldName folds a unit name as written for storage: full-width forms to
// half-width and surrounding spaces trimmed; the characters are otherwise
// kept as the document wrote them.
func FoldName(s string) string { return strings.TrimSpace(width.Fold.String(s)) }

// Accountable returns the units that answer for the task: the leads, or,
// without a lead, the responsible units (jointly, each for its duty, when
// the document says 按职责分工负责 or names several; a plan that lists only
// 责任单位 makes them answer).
func (r Responsibility) Accountable() []string {
	if len(r.Lead) > 0 {
		return r.Lead
	}
	return r.Responsible
}

// Role is a unit's part in a task.
type Role uint8

// The roles, most accountable first.
const (
	NoRole      Role = iota // no part in the task
	LeadRole                // 牵头
	JointRole               // 按职责分工负责, or responsible where no unit leads
	Responsible             // 责任
	Supporting              // 配合
)

var roleNames = []struct{ json, zh string }{{"", ""}, {"lead", "牵头"}, {"joint", "按职责分工负责"}, {"responsible", "责任"}, {"supporting", "配合"}}

// String returns lead, joint, responsible or supporting ("" for none); an
// out-of-range value gives Role(N).
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r].json
	}
	return fmt.Sprintf("Role(%d)", uint8(r))
}

// Chinese returns 牵头, 按职责分工负责, 责任 or 配合 ("" for none).
func (r Role) Chinese() string {
	if int(r) < len(roleNames) {
		return roleNames[r].zh
	}
	return r.String()
}

// MarshalText implements encoding.TextMarshaler: the JSON name.
func (r Role) MarshalText() ([]byte, error) {
	if int(r) >= len(roleNames) {
		return nil, fmt.Errorf("%w: role %d", ErrInvalidValue, uint8(r))
	}
	return []byte(roleNames[r].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese;
// empty text is NoRole).
func (r *Role) UnmarshalText(b []byte) error {
	for i, n := range roleNames {
		if string(b) == n.json || (i > 0 && string(b) == n.zh) {
			*r = Role(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的职责 %q / unknown role %q", ErrInvalidValue, b, b)
}

// RoleOf returns the part unit plays, the most accountable if several.
// Names are compared after FoldName.
func (r Responsibility) RoleOf(unit string) Role { return roleOfFolded(&r, FoldName(unit)) }

// Target is a quantitative target of a milestone: 环节 <= 1 个, 办结 <= 1
// 工作日, 办结率 >= 90 %.
type Target struct {
	// Measure names what is measured (环节, 办结时限, 办结率).
	Measure string `json:"measure"`
	// Op is <=, <, >=, > or ==.
	Op string `json:"op"`
	// Value is the target value.
	Value decimal.Decimal `json:"value"`
	// Unit is the value's unit (个, 工作日, %).
	Unit string `json:"unit"`
}

// Met reports whether v meets the target.
func (t Target) Met(v decimal.Decimal) (bool, error) {
	switch t.Op {
	case "<=":
		return v.LessThanOrEqual(t.Value), nil
	case "<":
		return v.LessThan(t.Value), nil
	case ">=":
		return v.GreaterThanOrEqual(t.Value), nil
	case ">":
		return v.GreaterThan(t.Value), nil
	case "==":
		return v.Equal(t.Value), nil
	}
	return false, fmt.Errorf("%w: 目标 %s 的比较符 %q 无效（应为 <=、<、>=、>、==）/ target %s has an invalid comparator %q", ErrInvalidTask, t.Measure, t.Op, t.Measure, t.Op)
}

// Milestone is a dated step of a task with quantitative targets: 2022年底
// 前，开办企业线下办理压缩至1个环节、1个工作日以内办结.
type Milestone struct {
	// Due is the milestone's date.
	Due calendar.Date `json:"due"`
	// Targets are what must be reached by then.
	Targets []Target `json:"targets,omitempty"`
	// Text is the milestone as the document wrote it.
	Text string `json:"text,omitempty"`
}

// Task is one item of a plan: its number as printed, what is to be done,
// who answers for it, by when, how it is going.
type Task struct {
	// ID identifies the task; deterministic (UUID v5) when imported.
	ID uuid.UUID `json:"id"`
	// Number is the number as printed (9, (三)2, 1.2).
	Number string `json:"number"`
	// Section names the section the task stands in (构建高效便捷的政务环境).
	Section string `json:"section,omitempty"`
	// Title is the task's heading (提升线上服务能力).
	Title string `json:"title"`
	// Body is the text of the item.
	Body string `json:"body,omitempty"`
	// Responsibility says who answers for it.
	Responsibility Responsibility `json:"responsibility"`
	// Start is the day work on the task starts, when it is later than its
	// plan's start (the plan's issue date): recurring reports fall due only
	// for periods after it, and the share of time elapsed (红黄绿灯) counts
	// from it. The zero Date means the plan's start.
	Start calendar.Date `json:"start,omitzero"`
	// Deadline is when it is due, as the document wrote it; nil means the
	// end of its plan's period. An approved extension (延期) in the ledger
	// replaces it: see EffectiveDeadline.
	Deadline *Deadline `json:"deadline,omitempty"`
	// Milestones are dated steps with targets.
	Milestones []Milestone `json:"milestones,omitempty"`
	// Status is the lifecycle the caller set or the document gave; State
	// combines it with the ledger.
	Status Status `json:"status"`
	// Ledger is the progress ledger (台账).
	Ledger Ledger `json:"ledger"`
	// Implements are the IDs of the higher plan's tasks this one carries out.
	Implements []uuid.UUID `json:"implements,omitempty"`
	// Delegated are the parts of the task passed down the chain (district
	// -> street -> community), each a task of its own.
	Delegated []*Task `json:"delegated,omitempty"`
}

// SetStatus moves the task to next, or returns an error wrapping
// ErrInvalidTransition naming the task and both statuses. Done and
// CarriedOver are not set here: a task is closed (销号) through its ledger
// (Record an Apply, approved by a reviewer unless the caller's Policy
// says review is not required), and carried over with a CarryOver entry;
// a closed task is reopened by a Recheck (回头看).
func (t *Task) SetStatus(next Status) error {
	if t.Status == next {
		return nil
	}
	if !t.Status.CanBecome(next) {
		how, howEN := "", ""
		switch next {
		case Done:
			how, howEN = "（已完成须经销号：申请销号并经审核）", " (done only through closure: an application to close, approved)"
		case CarriedOver:
			how, howEN = "（结转须记入台账）", " (carry-over is a ledger entry)"
		}
		return fmt.Errorf("%w: 任务 %s 不能从 %s 变为 %s%s / task %s cannot go from %s to %s%s",
			ErrInvalidTransition, t.Number, t.Status.Chinese(), next.Chinese(), how, t.Number, t.Status, next, howEN)
	}
	t.Status = next
	return nil
}

// Finding is a rule a task breaks.
type Finding struct {
	// Task is the number of the task (or delegated part) concerned.
	Task string `json:"task"`
	// Field locates the problem within the task: responsibility,
	// milestones[1].due, delegated[0].deadline, ledger[2].seq (JSON names;
	// plan.Plan.Validate turns it into a JSON Pointer below the task's,
	// /sections/0/tasks/3/milestones/1/due).
	Field string `json:"field"`
	// MessageZh says what is wrong, in Chinese.
	MessageZh string `json:"message_zh"`
	// MessageEn says what is wrong, in English.
	MessageEn string `json:"message_en"`
}

// Message returns the message in both languages, "中文 / English".
func (f Finding) Message() string { return f.MessageZh + " / " + f.MessageEn }

// String returns "task field: 中文 / English".
func (f Finding) String() string { return f.Task + " " + f.Field + ": " + f.Message() }

// Validate checks the task and everything delegated from it and returns
// every finding at once: no one accountable (neither a lead nor a
// responsible unit), empty unit names, a milestone due after the deadline, a target
// with an invalid comparator, a delegate due after its delegator, a
// delegation cycle, a ledger that breaks its rules (Ledger.Err; field
// ledger[N].field). planEnd stands in for a missing deadline.
func (t *Task) Validate(planEnd calendar.Date) []Finding {
	var out []Finding
	t.validate(planEnd, "", map[*Task]bool{}, &out)
	return out
}

func (t *Task) validate(planEnd calendar.Date, path string, seen map[*Task]bool, out *[]Finding) {
	add := func(field, zh, en string) {
		*out = append(*out, Finding{Task: t.Number, Field: path + field, MessageZh: zh, MessageEn: en})
	}
	if seen[t] {
		add("delegated", "委派形成循环", "the delegation chain loops back on itself")
		return
	}
	seen[t] = true
	defer delete(seen, t)
	r := t.Responsibility
	if len(r.Accountable()) == 0 {
		add("responsibility", "没有责任主体：须有牵头单位，或按职责分工负责的单位", "no one is accountable: a lead unit, or units jointly responsible by duty, is required")
	}
	for name, list := range map[string][]string{"lead": r.Lead, "responsible": r.Responsible, "supporting": r.Supporting} {
		for i, u := range list {
			if FoldName(u) == "" || !utf8.ValidString(u) {
				add(fmt.Sprintf("responsibility.%s[%d]", name, i), "单位名称为空或无效", "the unit name is empty or invalid")
			}
		}
	}
	var ee *EntryError
	if errors.As(t.Ledger.Err(), &ee) {
		add(fmt.Sprintf("ledger[%d].%s", ee.Index, ee.Field), ee.MessageZh, ee.MessageEn)
	}
	var due calendar.Date
	if t.Deadline != nil && t.Deadline.Kind == OnDate {
		due = t.Deadline.Date
	} else if t.Deadline == nil {
		due = planEnd
	}
	if t.Deadline != nil && !t.Deadline.valid() {
		add("deadline", "期限无效", "the deadline is invalid")
	}
	for i, m := range t.Milestones {
		if m.Due.IsZero() {
			add(fmt.Sprintf("milestones[%d].due", i), "节点缺少日期", "the milestone has no date")
		} else if !due.IsZero() && m.Due.After(due) {
			add(fmt.Sprintf("milestones[%d].due", i), fmt.Sprintf("节点日期 %s 晚于任务期限 %s", m.Due, due), fmt.Sprintf("milestone due %s after the task's deadline %s", m.Due, due))
		}
		for j, tg := range m.Targets {
			if _, err := tg.Met(decimal.Zero); err != nil {
				add(fmt.Sprintf("milestones[%d].targets[%d].op", i, j), "比较符无效："+tg.Op, "invalid comparator: "+tg.Op)
			}
		}
	}
	for i, d := range t.Delegated {
		p := fmt.Sprintf("%sdelegated[%d].", path, i)
		if d == nil {
			add(fmt.Sprintf("delegated[%d]", i), "委派任务为空", "a nil delegated task")
			continue
		}
		if dd := d.ownDue(); !due.IsZero() && !dd.IsZero() && dd.After(due) {
			*out = append(*out, Finding{Task: d.Number, Field: p + "deadline", MessageZh: fmt.Sprintf("下级期限 %s 晚于上级期限 %s", dd, due),
				MessageEn: fmt.Sprintf("the delegate is due %s, after its delegator's %s", dd, due)})
		}
		sub := due
		if dd := d.ownDue(); !dd.IsZero() {
			sub = dd
		}
		d.validate(sub, p, seen, out)
	}
}

// ownDue returns the task's own fixed deadline, or the zero Date.
func (t *Task) ownDue() calendar.Date {
	if t.Deadline != nil && t.Deadline.Kind == OnDate {
		return t.Deadline.Date
	}
	return calendar.Date{}
}

// Namespace returns the UUID namespace of bizenv's deterministic (version
// 5) IDs, 7a1d8e54-2c1f-5b7e-9a43-6f0d3c2b8e11. It is a function, not a
// variable, so that no importer can change every ID for the others.
func Namespace() uuid.UUID {
	return uuid.UUID{0x7a, 0x1d, 0x8e, 0x54, 0x2c, 0x1f, 0x5b, 0x7e, 0x9a, 0x43, 0x6f, 0x0d, 0x3c, 0x2b, 0x8e, 0x11}
}

// NewID returns the deterministic ID of the task numbered number in the
// plan whose key is key: the same inputs always give the same ID. The
// recipe, for programs in other languages, is
//
//	UUID v5 (SHA-1, RFC 9562) in the namespace Namespace()
//	of the UTF-8 bytes of FoldName(key) + "#" + FoldName(number)
//
// where FoldName folds full-width forms to half-width and trims spaces.
// The key is the plan's document number (文号) when it has one. A plan
// with none (鞍山市铁西区2025年优化营商环境55条 was issued without one) must
// use its full title instead: an empty key would give the same IDs to the
// items of every such plan.
//
// For the tasks of a plan, use plan.Plan.AssignIDs (or plan.TaskID)
// instead: its recipe, documented in package plan and reproduced in other
// languages, keys a plan without a 文号 by its title, issuer and date, and
// names each task by its section path, so that IDs never collide within
// or across plans. NewID is for tasks kept outside a plan.
func NewID(key, number string) uuid.UUID {
	return uuid.NewSHA1(Namespace(), []byte(FoldName(key)+"#"+FoldName(number)))
}

// UnmarshalJSON reads a responsibility strictly (see internal/strictjson)
// and folds every unit name (see FoldName), so that names compare alike
// however they were typed.
func (r *Responsibility) UnmarshalJSON(b []byte) error {
	type plain Responsibility
	var p plain
	if err := strictjson.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("%w: 责任单位 / responsibility: %w", ErrInvalidTask, err)
	}
	for _, list := range [][]string{p.Lead, p.Responsible, p.Supporting} {
		for i := range list {
			list[i] = FoldName(list[i])
		}
	}
	*r = Responsibility(p).withLists()
	return nil
}

// MarshalJSON writes empty lists as [] rather than null.
func (r Responsibility) MarshalJSON() ([]byte, error) {
	type plain Responsibility
	return json.Marshal(plain(r.withLists()))
}

// withLists returns r with nil unit lists made empty.
func (r Responsibility) withLists() Responsibility {
	for _, l := range []*[]string{&r.Lead, &r.Responsible, &r.Supporting} {
		if *l == nil {
			*l = []string{}
		}
	}
	return r
}
