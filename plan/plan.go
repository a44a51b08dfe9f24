package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/internal/contract"
	"github.com/bizenv/bizenv/internal/strictjson"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// ErrInvalidPlan reports a plan that cannot be read.
var ErrInvalidPlan = errors.New("plan: invalid plan")

// Kind is the kind of plan document.
type Kind string

// The kinds of plan.
const (
	Programme  Kind = "programme"   // 规划
	ActionPlan Kind = "action_plan" // 行动方案
	Measures   Kind = "measures"    // 若干措施
	ItemList   Kind = "item_list"   // N条 (55条, 66条)
)

var kindNames = []struct {
	kind Kind
	zh   string
}{{"", ""}, {Programme, "规划"}, {ActionPlan, "行动方案"}, {Measures, "若干措施"}, {ItemList, "N条"}}

// Chinese returns 规划, 行动方案, 若干措施 or N条 ("" when unset or unknown).
func (k Kind) Chinese() string {
	for _, n := range kindNames {
		if n.kind == k {
			return n.zh
		}
	}
	return ""
}

// UnmarshalText implements encoding.TextUnmarshaler: programme,
// action_plan, measures or item_list (or 规划, 行动方案, 若干措施, N条);
// empty text is an unset kind. Anything else is an error wrapping
// ErrInvalidPlan.
func (k *Kind) UnmarshalText(b []byte) error {
	for _, n := range kindNames {
		if string(b) == string(n.kind) || (n.zh != "" && string(b) == n.zh) {
			*k = n.kind
			return nil
		}
	}
	return &ValueError{Input: string(b),
		MessageZh: fmt.Sprintf("未知的计划类型 %q（应为 programme、action_plan、measures 或 item_list）", b),
		MessageEn: fmt.Sprintf("unknown kind %q (want programme, action_plan, measures or item_list)", b)}
}

// Period is the span of years a plan covers (2021–2025).
type Period struct {
	// From is the first year.
	From int `json:"from"`
	// To is the last year.
	To int `json:"to"`
}

// Start returns 1 January of From.
func (p Period) Start() calendar.Date { d, _ := calendar.NewDate(p.From, 1, 1); return d }

// End returns 31 December of To.
func (p Period) End() calendar.Date { d, _ := calendar.NewDate(p.To, 12, 31); return d }

// Ref names another plan: by ID, by document number, or by title.
type Ref struct {
	// ID is the plan's ID, when known; omitted from JSON when unknown (a
	// nil UUID is never written, as it would look like a real ID).
	ID uuid.UUID `json:"id,omitzero"`
	// DocNumber is the plan's document number, when it has one; omitted
	// from JSON when it has none.
	DocNumber DocNumber `json:"doc_number,omitzero"`
	// Title is the plan's title as cited (《》 optional).
	Title string `json:"title,omitempty"`
}

// Phase is a stage of a plan: 近期, 中期, 远期, with its end date.
type Phase struct {
	// Name is the phase's name: 近期, 中期, 远期.
	Name string `json:"name"`
	// End is the phase's last day.
	End calendar.Date `json:"end"`
	// Goals are the phase's goals as written.
	Goals string `json:"goals,omitempty"`
}

// Section is a part of the plan: 一、 (chapter), （一） (section), and the
// items (tasks) under it.
type Section struct {
	// Number is the number as printed: 一, (一), 1.
	Number string `json:"number"`
	// Title is the heading.
	Title string `json:"title"`
	// Text is the section's own text, before its items.
	Text string `json:"text,omitempty"`
	// Sections are the sub-sections.
	Sections []*Section `json:"sections,omitempty"`
	// Tasks are the items of the section.
	Tasks []*task.Task `json:"tasks,omitempty"`
}

// Column is a boxed panel (专栏): a table of indicators, a list of
// flagship projects.
type Column struct {
	// Number is the column's number (专栏1 is "1").
	Number string `json:"number"`
	// Title is the column's title.
	Title string `json:"title"`
	// Text is the column's text.
	Text string `json:"text,omitempty"`
	// Systems names the indicator systems the column holds (their Name).
	Systems []string `json:"systems,omitempty"`
	// Flagships are the flagship projects the column lists.
	Flagships []Flagship `json:"flagships,omitempty"`
}

// Flagship is a flagship project (亮点工程).
type Flagship struct {
	// Number is the project's number (亮点工程一 is "一").
	Number string `json:"number"`
	// Title is the project's title.
	Title string `json:"title"`
	// Text describes the project.
	Text string `json:"text,omitempty"`
}

// Version is an iteration of a programme (鞍心营商 1.0, 2.0, 3.0).
type Version struct {
	// Name is the version (1.0, 2.0).
	Name string `json:"name"`
	// Date is when it was issued or is due.
	Date calendar.Date `json:"date"`
	// Text describes the version.
	Text string `json:"text,omitempty"`
}

// Target is a target the plan sets for an indicator of one of its systems
// (or of the plan above): "工程建设项目审批时限 <= 40 天 by 2025".
type Target struct {
	// System is the indicator system's name.
	System string `json:"system"`
	// Indicator is the indicator's code in that system.
	Indicator string `json:"indicator"`
	// Name is the indicator's name, for people and for matching across
	// plans.
	Name string `json:"name"`
	// Target is the target itself.
	Target indicator.Target `json:"target"`
	// Additive marks a total or a count that adds up over regions
	// (累计减税降费金额, 新增市场主体数): a district's target is its share of
	// the city's, so CheckAgainst does not call a smaller one laxer (it
	// says additive_target instead). Either plan's target may say so.
	Additive bool `json:"additive,omitempty"`
}

// SchemaVersion is the version of the plan JSON this release writes.
//
// Compatibility policy: the version is MAJOR.MINOR. A minor version adds
// optional fields and codes only, so a reader of 1.x reads every 1.y (an
// older reader rejects the fields it does not know, as every bizenv reader
// does: upgrade the reader first). A major version changes or removes
// something and is read only by a release that says so. A plan without
// schema_version is 1.0, the format before versions were written.
const SchemaVersion = "1.1"

// Plan is a plan document.
type Plan struct {
	// SchemaVersion is the version of the format the plan was written in
	// (see the constant SchemaVersion); empty for 1.0. json.Marshal always
	// writes the current version.
	SchemaVersion string `json:"schema_version,omitempty"`
	// ID identifies the plan; deterministic (UUID v5) when imported.
	ID uuid.UUID `json:"id"`
	// Title is the plan's title.
	Title string `json:"title"`
	// Kind is the kind of document.
	Kind Kind `json:"kind"`
	// DocNumber is the document number (文号), if any.
	DocNumber DocNumber `json:"doc_number"`
	// Issuer is the issuing body as written (印发单位).
	Issuer string `json:"issuer"`
	// Issued is the date of issue.
	Issued calendar.Date `json:"issued"`
	// Period is the span of years the plan covers.
	Period Period `json:"period"`
	// Notice is the text of the cover notice (通知) the plan was issued
	// with, as written: addressees, the 印发 sentence, publication marks.
	Notice string `json:"notice,omitempty"`
	// Preamble is the text between the title and the first heading: why
	// and on what basis the plan is made (为…，制定本方案).
	Preamble string `json:"preamble,omitempty"`
	// Basis names the plans this one implements (依据).
	Basis []Ref `json:"basis"`
	// Phases are the plan's stages.
	Phases []Phase `json:"phases"`
	// Sections is the section tree with the tasks.
	Sections []*Section `json:"sections"`
	// Columns are the boxed panels (专栏).
	Columns []Column `json:"columns"`
	// Versions are the programme's iterations.
	Versions []Version `json:"versions,omitempty"`
	// Safeguards are the 保障措施: text, not tasks.
	Safeguards []string `json:"safeguards"`
	// IndicatorSystems are the indicator systems the plan sets out.
	IndicatorSystems []*indicator.System `json:"indicator_systems"`
	// Targets are targets the plan sets for indicators.
	Targets []Target `json:"targets,omitempty"`
	// Partial marks a file holding part of a document (an excerpt): a
	// count the title declares is then not expected to match.
	Partial bool `json:"partial,omitempty"`
	// Source says where the plan came from, when it was imported from a
	// document's text.
	Source *Source `json:"source,omitempty"`
}

// Source is the provenance of an imported plan: the text it was read
// from, by what, and who checked it.
type Source struct {
	// Name names the text: a file name, a URL, an archive reference.
	Name string `json:"name,omitempty"`
	// SHA256 is the hex SHA-256 of the text imported, so that a reader can
	// tell whether the text they hold is the one.
	SHA256 string `json:"sha256,omitempty"`
	// Importer names the program that read the text (plan/docimport).
	Importer string `json:"importer,omitempty"`
	// Review says who checked the plan against the text, when, and what
	// they changed by hand.
	Review string `json:"review,omitempty"`
}

// Tasks returns every task of the plan in document order (delegated parts
// not included), with the JSON Pointer of each
// (/sections/0/sections/1/tasks/2).
func (p *Plan) Tasks() (tasks []*task.Task, paths []string) {
	var walk func(ss []*Section, prefix string, depth int)
	walk = func(ss []*Section, prefix string, depth int) {
		if depth > maxDepth {
			return
		}
		for i, s := range ss {
			if s == nil {
				continue
			}
			path := prefix + "/sections/" + strconv.Itoa(i)
			for j, t := range s.Tasks {
				if t != nil {
					tasks = append(tasks, t)
					paths = append(paths, path+"/tasks/"+strconv.Itoa(j))
				}
			}
			walk(s.Sections, path, depth+1)
		}
	}
	walk(p.Sections, "", 0)
	return tasks, paths
}

// Limits on a decoded plan.
const (
	// MaxPlanBytes bounds the JSON Decode reads: 256 MiB.
	MaxPlanBytes = 256 << 20
	// maxDepth bounds section nesting.
	maxDepth = 16
)

// Decode reads a plan from JSON through the module's strict decoding:
// unknown fields (matched exactly, case included), a key given twice, a
// value of the wrong type, an impossible date, null in a list, text that
// is not UTF-8 (a GBK file) and data after the plan are errors, and a plan
// larger than MaxPlanBytes is refused. Memory stays proportional to the
// input. Every problem found is returned at once as a *DecodeError, whose
// findings carry a stable code and the JSON Pointer of the value.
func Decode(r io.Reader) (*Plan, error) {
	var p Plan
	if err := strictjson.DecodeWith(r, MaxPlanBytes, &p, contract.Options()); err != nil {
		return nil, decodeError(err)
	}
	if v := p.SchemaVersion; v != "" {
		m := reVersion.FindStringSubmatch(v)
		switch {
		case m == nil:
			return nil, &DecodeError{Findings: []Finding{{Code: "decode_schema_version", Severity: Error, Path: "/schema_version",
				MessageZh: fmt.Sprintf("格式版本 %q 应为“主版本.次版本”，如 %s", v, SchemaVersion),
				MessageEn: fmt.Sprintf("the format version %q should be MAJOR.MINOR, such as %s", v, SchemaVersion)}}}
		case m[1] != "1":
			return nil, &DecodeError{Findings: []Finding{{Code: "decode_schema_version", Severity: Error, Path: "/schema_version",
				MessageZh: fmt.Sprintf("本版本只能读取 1.x 格式的计划，而该计划为 %s", v),
				MessageEn: fmt.Sprintf("this release reads plans of format 1.x, not %s", v)}}}
		}
	}
	return &p, nil
}

// reVersion is the form of schema_version: MAJOR.MINOR, without leading
// zeros.
var reVersion = regexp.MustCompile(`^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$`)

// MarshalJSON writes the plan with schema_version set to the current
// SchemaVersion: what is written is in the current format.
func (p Plan) MarshalJSON() ([]byte, error) {
	type plain Plan
	v := plain(p)
	v.SchemaVersion = SchemaVersion
	return json.Marshal(v)
}

// DecodeError is a plan that could not be decoded: every problem found, as
// findings (code decode_*, severity error, the JSON Pointer as Path, and
// the line and column in the message). It matches ErrInvalidPlan with
// errors.Is.
type DecodeError struct {
	// Findings are the problems, in document order.
	Findings []Finding
	err      error
	baseline bool // a baseline, not a plan
}

// Error lists the first problems in Chinese and English.
func (e *DecodeError) Error() string {
	var b strings.Builder
	if e.baseline {
		b.WriteString("plan: 无法读取基线 / cannot read the baseline: ")
	} else {
		b.WriteString("plan: 无法读取计划 / cannot read the plan: ")
	}
	for i, f := range e.Findings {
		if i == 3 {
			fmt.Fprintf(&b, "；另有%d处 / and %d more", len(e.Findings)-3, len(e.Findings)-3)
			break
		}
		if i > 0 {
			b.WriteString("；")
		}
		if f.Path != "" {
			b.WriteString(f.Path + ": ")
		}
		if f.MessageZh == f.MessageEn {
			b.WriteString(f.MessageZh)
		} else {
			b.WriteString(f.MessageZh + " / " + f.MessageEn)
		}
	}
	return b.String()
}

// Malformed reports whether the input is not a plan at all: empty, not
// UTF-8, not JSON, too large, followed by other data, or a JSON value
// that is not an object. Otherwise the input is a plan with problems in
// its fields, each a finding at its place (bizenv check prints them as
// findings and exits 1; it exits 2 for a malformed input).
func (e *DecodeError) Malformed() bool {
	for _, f := range e.Findings {
		switch f.Code {
		case "decode_empty", "decode_encoding", "decode_syntax", "decode_too_large", "decode_trailing_data":
			return true
		case "decode_type":
			if f.Path == "" {
				return true
			}
		}
	}
	return len(e.Findings) == 0
}

// Is reports whether target is ErrInvalidPlan.
func (e *DecodeError) Is(target error) bool { return target == ErrInvalidPlan }

// Unwrap returns the underlying decoding error, so that errors.Is finds
// the sentinels of the values' own types (calendar.ErrInvalidDate …).
func (e *DecodeError) Unwrap() error { return e.err }

// decodeError turns a strict decoding error into findings.
func decodeError(err error) error {
	var se *strictjson.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("%w: 无法读取 / cannot read: %w", ErrInvalidPlan, err)
	}
	de := &DecodeError{err: err}
	for _, p := range se.Problems {
		where, whereEn := p.LineColumn()
		if where != "" {
			where, whereEn = where+"：", whereEn+": "
		}
		zh, en := p.ZH, p.EN
		if z, e, ok := bilingual(p.Err); ok {
			zh, en = z, e
		}
		de.Findings = append(de.Findings, Finding{Code: "decode_" + p.Code, Severity: Error, Path: p.Pointer,
			MessageZh: where + zh, MessageEn: whereEn + en})
	}
	return de
}

// bilingual returns what a value's own decoding error says, in Chinese and
// English apart, for the errors that say it apart.
func bilingual(err error) (zh, en string, ok bool) {
	var ve *ValueError
	if errors.As(err, &ve) {
		return ve.MessageZh, ve.MessageEn, true
	}
	var pe *calendar.ParseError
	if errors.As(err, &pe) {
		rz, re, _ := strings.Cut(pe.Reason, " / ")
		if re == "" {
			re = rz
		}
		if pe.What == "period" {
			return fmt.Sprintf("无法解析期间 %q：%s", pe.Input, rz), fmt.Sprintf("cannot parse period %q: %s", pe.Input, re), true
		}
		return fmt.Sprintf("无法解析日期 %q：%s", pe.Input, rz), fmt.Sprintf("cannot parse date %q: %s", pe.Input, re), true
	}
	var b interface{ Messages() (zh, en string) }
	if errors.As(err, &b) {
		zh, en = b.Messages()
		return zh, en, true
	}
	return "", "", false
}
