package plan

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
)

// Report is what a plan stands at on a date: what is overdue, what each
// unit owes, and how the indicators stand where observations are given.
type Report struct {
	// Title is the plan's title.
	Title string `json:"title"`
	// AsOf is the report's date.
	AsOf calendar.Date `json:"as_of"`
	// Tasks is the number of tasks.
	Tasks int `json:"tasks"`
	// Overdue are the tasks late on AsOf.
	Overdue []OverdueTask `json:"overdue"`
	// Workload is each unit's tasks by role, largest total first.
	Workload []WorkloadRow `json:"workload"`
	// Attainment is each observation against its target.
	Attainment []AttainmentRow `json:"attainment,omitempty"`
	// Deadlines are every task's fixed due date, for the timeline.
	Deadlines []OverdueTask `json:"deadlines"`
	// Unmatched lists the observations whose indicator no system of the
	// plan measures ("code region period"): reported, not dropped.
	Unmatched []string `json:"unmatched,omitempty"`
	// Actions are the supervision actions (督办) due on AsOf: reminders,
	// supervision, escalation (task.Actions).
	Actions []task.Action `json:"actions"`
	// Undatable are the open tasks whose working days to the due date
	// need a year the calendar does not know, each with the years it
	// needs; the rest of the report is complete without them.
	Undatable []task.Undatable `json:"undatable"`
}

// ReportOptions tunes a report.
type ReportOptions struct {
	// Calendar counts working days for the supervision actions; nil means
	// calendar.China(). Pass calendar.China().WithProvisional() to date
	// years with no holiday notice yet (such actions are marked
	// provisional).
	Calendar *calendar.Calendar
	// Rules are the thresholds of supervision.
	Rules task.Rules
	// Sent are the actions delivered before, so that none is repeated.
	Sent []task.Action
}

// OverdueTask is a task in the report.
type OverdueTask struct {
	// Number is the task's number.
	Number string `json:"number"`
	// Title is the task's title.
	Title string `json:"title"`
	// Due is its due date.
	Due calendar.Date `json:"due"`
	// Units are the accountable units.
	Units []string `json:"units"`
	// Path locates the task in the plan.
	Path string `json:"path"`
	// Late is true when it is overdue on the report's date.
	Late bool `json:"late"`
}

// WorkloadRow is one unit's tasks by role.
type WorkloadRow struct {
	// Unit is the unit as written.
	Unit string `json:"unit"`
	// Lead counts the tasks it leads.
	Lead int `json:"lead"`
	// Joint counts the tasks it answers for jointly.
	Joint int `json:"joint"`
	// Responsible counts the tasks it is responsible for.
	Responsible int `json:"responsible"`
	// Supporting counts the tasks it supports.
	Supporting int `json:"supporting"`
	// Total counts every task it has a part in.
	Total int `json:"total"`
}

// AttainmentRow is one indicator's value against its target.
type AttainmentRow struct {
	// System is the indicator system's name.
	System string `json:"system"`
	// Indicator is the indicator's code.
	Indicator string `json:"indicator"`
	// Name is the indicator's name.
	Name string `json:"name"`
	// Region is the region or unit observed.
	Region string `json:"region"`
	// Target is the target in force, as text.
	Target string `json:"target"`
	// Value is the value observed.
	Value decimal.Decimal `json:"value"`
	// Attainment is met, not_met or no_data.
	Attainment indicator.Attainment `json:"attainment"`
}

// NewReport builds the report of p as of asOf with the default options
// (see NewReportWith).
func NewReport(p *Plan, asOf calendar.Date, observations []indicator.Observation) (*Report, error) {
	return NewReportWith(p, asOf, observations, ReportOptions{})
}

// NewReportWith builds the report of p as of asOf. Observations, if any,
// are judged against the targets of the plan's indicator systems for
// asOf's year; observations of indicators no system measures are listed in
// Unmatched. The supervision actions due on asOf are counted on
// o.Calendar; a task it cannot date (a year with no holiday notice) is
// listed in Undatable with the years it needs, and never fails the report.
func NewReportWith(p *Plan, asOf calendar.Date, observations []indicator.Observation, o ReportOptions) (*Report, error) {
	tasks, paths := p.Tasks()
	r := &Report{Title: p.Title, AsOf: asOf, Tasks: len(tasks), Overdue: []OverdueTask{}, Workload: []WorkloadRow{}}
	end := p.Period.End()
	sv := task.Actions(tasks, asOf, task.Options{End: end, Calendar: o.Calendar, Rules: o.Rules}, o.Sent)
	r.Actions, r.Undatable = sv.Actions, sv.Undatable
	pathOf := map[*task.Task]string{}
	for i, t := range tasks {
		pathOf[t] = paths[i]
	}
	for _, t := range task.Overdue(tasks, asOf, end) {
		due, _ := t.OverdueSince(asOf, end)
		r.Overdue = append(r.Overdue, OverdueTask{Number: t.Number, Title: t.Title, Due: due, Units: t.Responsibility.Accountable(), Path: pathOf[t], Late: true})
	}
	rows := map[string]*WorkloadRow{}
	row := func(u string) *WorkloadRow {
		if rows[u] == nil {
			rows[u] = &WorkloadRow{Unit: u}
		}
		return rows[u]
	}
	task.Walk(tasks, func(t *task.Task) {
		rs := t.Responsibility
		seen := map[string]bool{}
		for _, u := range append(append(append([]string{}, rs.Lead...), rs.Responsible...), rs.Supporting...) {
			if seen[u] {
				continue
			}
			seen[u] = true
			w := row(u)
			switch rs.RoleOf(u) {
			case task.LeadRole:
				w.Lead++
			case task.JointRole:
				w.Joint++
			case task.Responsible:
				w.Responsible++
			case task.Supporting:
				w.Supporting++
			}
			w.Total++
		}
		if t.Deadline != nil && t.Deadline.Kind == task.OnDate {
			r.Deadlines = append(r.Deadlines, OverdueTask{Number: t.Number, Title: t.Title, Due: t.Deadline.Date,
				Units: rs.Accountable(), Path: pathOf[t], Late: t.Overdue(asOf, end)})
		}
	})
	for _, w := range rows {
		r.Workload = append(r.Workload, *w)
	}
	sort.Slice(r.Workload, func(i, j int) bool {
		if r.Workload[i].Total != r.Workload[j].Total {
			return r.Workload[i].Total > r.Workload[j].Total
		}
		return r.Workload[i].Unit < r.Workload[j].Unit
	})
	sort.SliceStable(r.Deadlines, func(i, j int) bool { return r.Deadlines[i].Due.Before(r.Deadlines[j].Due) })
	for _, o := range observations {
		matched := false
		for _, s := range p.IndicatorSystems {
			if s == nil {
				continue
			}
			n := s.Find(o.Indicator)
			if n == nil || n.Measure == nil {
				continue
			}
			a, err := n.Measure.Attainment(decimal.NewNullDecimal(o.Value), o.Unit, asOf.Year())
			if err != nil {
				return nil, fmt.Errorf("observation %s %s: %w", o.Indicator, o.Region, err)
			}
			matched = true
			tg, _ := n.Measure.TargetFor(asOf.Year())
			r.Attainment = append(r.Attainment, AttainmentRow{System: s.Name, Indicator: o.Indicator, Name: n.Name, Region: o.Region,
				Target: tg.String(), Value: o.Value, Attainment: a})
		}
		if !matched {
			r.Unmatched = append(r.Unmatched, fmt.Sprintf("%s %s %s", o.Indicator, o.Region, o.Period))
		}
	}
	return r, nil
}

// WriteText writes the report as readable tables. Text taken from the plan
// is printed with the characters a terminal would act on written as
// visible escapes (see printable): a plan cannot move the cursor, clear
// the screen or reorder what the report shows.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n截至 %s：任务 %d 项，超期 %d 项 / as of %s: %d tasks, %d overdue\n\n", r.Title, r.AsOf, r.Tasks, len(r.Overdue), r.AsOf, r.Tasks, len(r.Overdue))
	if len(r.Overdue) > 0 {
		b.WriteString("超期任务 / overdue\n")
		for _, o := range r.Overdue {
			fmt.Fprintf(&b, "  %-6s %s  期限 %s  %s\n", o.Number, o.Title, o.Due, strings.Join(o.Units, "、"))
		}
		b.WriteString("\n")
	}
	b.WriteString("单位任务量 / workload\n  单位 unit\t牵头 lead\t分工 joint\t责任 resp.\t配合 supp.\t合计 total\n")
	for _, x := range r.Workload {
		fmt.Fprintf(&b, "  %s\t%d\t%d\t%d\t%d\t%d\n", x.Unit, x.Lead, x.Joint, x.Responsible, x.Supporting, x.Total)
	}
	if len(r.Attainment) > 0 {
		b.WriteString("\n指标达标 / indicator attainment\n")
		for _, a := range r.Attainment {
			fmt.Fprintf(&b, "  %s %s %s: %s（目标 %s）%s\n", a.System, a.Indicator, a.Region, a.Value, a.Target, a.Attainment.Chinese())
		}
	}
	for _, u := range r.Unmatched {
		fmt.Fprintf(&b, "  未匹配的监测数据 / unmatched observation: %s\n", u)
	}
	if len(r.Actions) > 0 {
		fmt.Fprintf(&b, "\n督办 / supervision: %d\n", len(r.Actions))
		for _, a := range r.Actions {
			fmt.Fprintf(&b, "  %s %s → %s：%s\n", a.Kind.Chinese(), a.Number, strings.Join(a.Units, "、"), a.Message)
		}
	}
	if len(r.Undatable) > 0 {
		fmt.Fprintf(&b, "\n无法推算 / undatable: %d\n", len(r.Undatable))
		for _, u := range r.Undatable {
			fmt.Fprintf(&b, "  %s %s（需要 %s 年 / needs %s）：%s / %s\n", u.Number, u.Title, yearsText(u.Years, "、"), yearsText(u.Years, ", "), u.MessageZh, u.MessageEn)
		}
	}
	_, err := io.WriteString(w, printable(b.String()))
	return err
}

// printable returns s with the characters a terminal acts on written as
// visible escapes: C0 and C1 control characters (ESC starts the escape
// sequences that move the cursor, recolour or retitle a terminal) except
// the tab and newline the layout uses, DEL, and the bidirectional marks,
// embeddings, overrides and isolates that reorder a line
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). Bytes that are
// not UTF-8 become U+FFFD.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteRune(utf8.RuneError)
		case r < 0x100 && unsafeRune(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		case unsafeRune(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == utf8.RuneError:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func yearsText(ys []int, sep string) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = fmt.Sprint(y)
	}
	return strings.Join(s, sep)
}

// WriteHTML writes the report as one self-contained HTML page (no
// external assets): the overdue list, a workload bar chart and a timeline
// of deadlines, drawn in inline SVG.
func (r *Report) WriteHTML(w io.Writer) error {
	max := 1
	for _, x := range r.Workload {
		if x.Total > max {
			max = x.Total
		}
	}
	type bar struct {
		WorkloadRow
		Y, LeadW, JointW, RespW, SuppW, JointX, RespX, SuppX int
	}
	var bars []bar
	const scale = 400
	for i, x := range r.Workload {
		b := bar{WorkloadRow: x, Y: 20 + i*24}
		b.LeadW, b.JointW, b.RespW, b.SuppW = x.Lead*scale/max, x.Joint*scale/max, x.Responsible*scale/max, x.Supporting*scale/max
		b.JointX = 160 + b.LeadW
		b.RespX = b.JointX + b.JointW
		b.SuppX = b.RespX + b.RespW
		bars = append(bars, b)
	}
	type dot struct {
		OverdueTask
		X, Y int
	}
	var dots []dot
	if n := len(r.Deadlines); n > 0 {
		first, last := r.Deadlines[0].Due, r.Deadlines[n-1].Due
		span := last.Sub(first)
		if span == 0 {
			span = 1
		}
		for i, d := range r.Deadlines {
			dots = append(dots, dot{OverdueTask: d, X: 40 + d.Due.Sub(first)*640/span, Y: 40 + (i%6)*22})
		}
	}
	data := struct {
		*Report
		Bars      []bar
		BarsH     int
		Dots      []dot
		TimelineH int
	}{r, bars, 40 + len(bars)*24, dots, 200}
	return reportTemplate.Execute(w, data)
}

var reportTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{.Title}} — {{.AsOf}}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em} h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}
.late{color:#b00020} .legend span{display:inline-block;width:1em;height:1em;margin:0 .3em 0 1em;vertical-align:middle}
</style></head><body>
<h1>{{.Title}}</h1>
<p>截至 {{.AsOf}}：任务 {{.Tasks}} 项，超期 {{len .Overdue}} 项 / as of {{.AsOf}}: {{.Tasks}} tasks, {{len .Overdue}} overdue</p>
<h2>超期任务 / Overdue</h2>
{{if .Overdue}}<table><tr><th>序号</th><th>任务</th><th>期限</th><th>责任单位</th></tr>
{{range .Overdue}}<tr class="late"><td>{{.Number}}</td><td>{{.Title}}</td><td>{{.Due}}</td><td>{{range $i, $u := .Units}}{{if $i}}、{{end}}{{$u}}{{end}}</td></tr>
{{end}}</table>{{else}}<p>无 / none</p>{{end}}
<h2>单位任务量 / Workload</h2>
<p class="legend"><span style="background:#1f77b4"></span>牵头 lead<span style="background:#ff7f0e"></span>按职责分工 joint<span style="background:#2ca02c"></span>责任 responsible<span style="background:#aaa"></span>配合 supporting</p>
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="{{.BarsH}}" role="img" aria-label="workload">
{{range .Bars}}<text x="0" y="{{.Y}}" font-size="12" dy="12">{{.Unit}}</text>
<rect x="160" y="{{.Y}}" width="{{.LeadW}}" height="16" fill="#1f77b4"/><rect x="{{.JointX}}" y="{{.Y}}" width="{{.JointW}}" height="16" fill="#ff7f0e"/>
<rect x="{{.RespX}}" y="{{.Y}}" width="{{.RespW}}" height="16" fill="#2ca02c"/><rect x="{{.SuppX}}" y="{{.Y}}" width="{{.SuppW}}" height="16" fill="#aaa"/>
<text x="{{.SuppX}}" y="{{.Y}}" dx="{{.SuppW}}" dy="12" font-size="12"> {{.Total}}</text>
{{end}}</svg>
<h2>期限时间轴 / Deadlines</h2>
{{if .Dots}}<svg xmlns="http://www.w3.org/2000/svg" width="720" height="{{.TimelineH}}" role="img" aria-label="deadlines">
<line x1="40" y1="20" x2="680" y2="20" stroke="#888"/>
{{range .Dots}}<circle cx="{{.X}}" cy="{{.Y}}" r="5" fill="{{if .Late}}#b00020{{else}}#1f77b4{{end}}"><title>{{.Number}} {{.Title}} {{.Due}}</title></circle>
<text x="{{.X}}" y="{{.Y}}" dx="7" dy="4" font-size="11">{{.Number}} {{.Due}}</text>
{{end}}</svg>{{else}}<p>没有固定期限的任务 / no fixed deadlines</p>{{end}}
<h2>督办 / Supervision</h2>
{{if .Actions}}<table><tr><th>动作</th><th>序号</th><th>任务</th><th>单位</th><th>说明</th></tr>
{{range .Actions}}<tr><td>{{.Kind.Chinese}}</td><td>{{.Number}}</td><td>{{.Title}}</td><td>{{range $i, $u := .Units}}{{if $i}}、{{end}}{{$u}}{{end}}</td><td>{{.Message}}</td></tr>
{{end}}</table>{{else}}<p>无 / none</p>{{end}}
{{if .Undatable}}<h2>无法推算 / Undatable</h2><table><tr><th>序号</th><th>任务</th><th>期限</th><th>需要的年份</th><th>说明</th></tr>
{{range .Undatable}}<tr><td>{{.Number}}</td><td>{{.Title}}</td><td>{{.Due}}</td><td>{{range $i, $y := .Years}}{{if $i}}、{{end}}{{$y}}{{end}}</td><td>{{.MessageZh}} / {{.MessageEn}}</td></tr>
{{end}}</table>{{end}}
{{if .Attainment}}<h2>指标达标 / Indicators</h2><table><tr><th>指标</th><th>地区</th><th>数值</th><th>目标</th><th>达标</th></tr>
{{range .Attainment}}<tr><td>{{.Name}}</td><td>{{.Region}}</td><td>{{.Value}}</td><td>{{.Target}}</td><td>{{.Attainment.Chinese}}</td></tr>{{end}}</table>{{end}}
</body></html>
`))
