package plan

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/internal/termtext"
	"github.com/bizenv/bizenv/org"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
)

// TaskOptions returns the task.Options of the plan's span: Start, the
// later of its issue date and the first day of its period (recurring
// reports fall due for periods after it); End, the last day of its period.
// Fill in the calendar, directory and rules as needed.
func (p *Plan) TaskOptions() task.Options {
	start := p.Period.Start()
	if p.Issued.After(start) {
		start = p.Issued
	}
	return task.Options{Start: start, End: p.Period.End()}
}

// Report is what a plan stands at on a date: what is overdue, the traffic
// lights, what each unit still owes, the supervision due that day, and how
// the indicators stand where observations are given; past the plan's
// period, its close-out.
type Report struct {
	// Title is the plan's title.
	Title string `json:"title"`
	// AsOf is the report's date.
	AsOf calendar.Date `json:"as_of"`
	// Tasks is the number of tasks (delegated parts not counted).
	Tasks int `json:"tasks"`
	// Finished counts the tasks done (closed, or all parts done).
	Finished int `json:"finished"`
	// Overdue are the tasks late on AsOf.
	Overdue []OverdueTask `json:"overdue"`
	// Lights count the tasks (delegated parts included) by traffic light.
	Lights LightCounts `json:"lights"`
	// Workload is each unit's open tasks by role, largest total first;
	// finished tasks are counted apart.
	Workload []WorkloadRow `json:"workload"`
	// Attainment is each observation against its target.
	Attainment []AttainmentRow `json:"attainment,omitempty"`
	// Deadlines are every task's due date in force, for the timeline: its
	// own fixed date, or the plan's end (PlanEnd) when it has none.
	Deadlines []OverdueTask `json:"deadlines"`
	// Unmatched lists the observations whose indicator no system of the
	// plan measures ("code region period"): reported, not dropped.
	Unmatched []string `json:"unmatched,omitempty"`
	// Actions are the supervision actions (督办) due on AsOf (task.Actions).
	Actions []task.Action `json:"actions"`
	// Undatable are the open tasks whose dates need a year the calendar
	// does not know, each with the years it needs; the rest of the report
	// is complete without them.
	Undatable []task.Undatable `json:"undatable"`
	// Start and End are the plan's span (see TaskOptions).
	Start calendar.Date `json:"start"`
	End   calendar.Date `json:"end"` // the last day of the plan's period
	// CloseOut is set past the plan's period: what was finished, carried
	// over (结转) and to which plan, or left open. No action is given then.
	CloseOut *task.CloseOut `json:"close_out,omitempty"`
}

// LightCounts count tasks by traffic light.
type LightCounts struct {
	Green  int `json:"green"`  // on track or finished
	Yellow int `json:"yellow"` // lagging
	Red    int `json:"red"`    // overdue
}

// OverdueTask is a task in the report.
type OverdueTask struct {
	// Number is the task's number.
	Number string `json:"number"`
	// Title is the task's title.
	Title string `json:"title"`
	// Due is its due date (moved off a day off), the one missed when late.
	Due calendar.Date `json:"due"`
	// Units are the accountable units (the late ones, when late).
	Units []string `json:"units"`
	// Path is the task's JSON Pointer in the plan
	// (/sections/0/tasks/3/delegated/1 for a delegated part).
	Path string `json:"path"`
	// Late is true when it is overdue on the report's date.
	Late bool `json:"late"`
	// DaysLate counts the working days late.
	DaysLate int `json:"days_late,omitempty"`
	// Light is its traffic light on the report's date.
	Light task.Light `json:"light"`
	// Done is true when it is finished.
	Done bool `json:"done,omitempty"`
	// PlanEnd is true when Due is the plan's end, the task having no date
	// of its own.
	PlanEnd bool `json:"plan_end,omitempty"`
}

// WorkloadRow is one unit's open tasks by role.
type WorkloadRow struct {
	// Unit is the unit as written (or as the directory names it).
	Unit string `json:"unit"`
	// Lead counts the open tasks it leads.
	Lead int `json:"lead"`
	// Joint counts the open tasks it answers for jointly.
	Joint int `json:"joint"`
	// Responsible counts the open tasks it is responsible for.
	Responsible int `json:"responsible"`
	// Supporting counts the open tasks it supports.
	Supporting int `json:"supporting"`
	// Total counts every open task it has a part in.
	Total int `json:"total"`
	// Finished counts the finished tasks it had a part in: not workload.
	Finished int `json:"finished"`
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

// ReportOptions tunes a report. The zero value is the bizenv default.
type ReportOptions struct {
	// Calendar counts working days; nil means calendar.China(). Pass
	// calendar.China().WithProvisional() to date years with no holiday
	// notice yet (such answers are marked provisional).
	Calendar *calendar.Calendar
	// Directory resolves unit names and expands group phrases (各镇（街道）)
	// into their member units, for the workload and the supervision.
	Directory *org.Directory
	// KeepDayOff keeps due dates that fall on a day off (see task.Options).
	KeepDayOff bool
	// Rules are the supervision ladder; Lights the traffic-light
	// thresholds; Progress the progress rule.
	Rules    task.Rules
	Lights   task.LightRules // the traffic-light thresholds
	Progress task.Rollup     // the progress rule
	// Sent are the actions delivered before, so that none is repeated.
	Sent []task.Action
}

// NewReport builds the report of p as of asOf with the default options
// (see NewReportWith).
func NewReport(p *Plan, asOf calendar.Date, observations []indicator.Observation) (*Report, error) {
	return NewReportWith(p, asOf, observations, ReportOptions{})
}

// NewReportWith builds the report of p as of asOf under the plan's span
// (TaskOptions) and o. Observations, if any, are judged against the
// targets of the plan's indicator systems for asOf's year; observations of
// indicators no system measures are listed in Unmatched. A task whose
// dates need a year the calendar does not know is listed in Undatable with
// the years it needs, and never fails the report. Past the plan's period
// the report gives its close-out instead of supervision.
func NewReportWith(p *Plan, asOf calendar.Date, observations []indicator.Observation, o ReportOptions) (*Report, error) {
	tasks, _ := p.Tasks()
	to := p.TaskOptions()
	to.Calendar, to.Directory, to.KeepDayOff = o.Calendar, o.Directory, o.KeepDayOff
	to.Rules, to.Lights, to.Progress = o.Rules, o.Lights, o.Progress
	r := &Report{Title: p.Title, AsOf: asOf, Tasks: len(tasks), Overdue: []OverdueTask{}, Workload: []WorkloadRow{}, Deadlines: []OverdueTask{},
		Start: to.Start, End: to.End}
	sv, err := task.Actions(tasks, asOf, to, o.Sent)
	if err != nil {
		return nil, err
	}
	r.Actions, r.Undatable = sv.Actions, sv.Undatable
	if sv.Ended {
		c := task.CloseOutOf(tasks, asOf, to)
		r.CloseOut = &c
	}
	board, err := task.Lights(tasks, asOf, to)
	if err != nil {
		return nil, err
	}
	if sv.Ended { // the supervision was skipped: the lights still date every task
		r.Undatable = board.Undatable
	}
	r.Lights = LightCounts{Green: board.Green, Yellow: board.Yellow, Red: board.Red}
	pathOf := map[*task.Task]string{} // delegated parts included
	p.walkTasks(func(t *task.Task, path string) { pathOf[t] = path })
	byTask := map[string]task.TaskLight{}
	for _, tl := range board.Tasks {
		byTask[tl.Task.String()+"#"+tl.Number] = tl
	}
	rows := map[string]*WorkloadRow{}
	row := func(u string) *WorkloadRow {
		if rows[u] == nil {
			rows[u] = &WorkloadRow{Unit: u}
		}
		return rows[u]
	}
	topLevel := map[*task.Task]bool{}
	for _, t := range tasks {
		topLevel[t] = true
	}
	task.Walk(tasks, func(t *task.Task) {
		key := t.ID.String() + "#" + t.Number
		tl, dated := byTask[key]
		state := tl.State
		if !dated { // an undatable task: its state all the same
			state = t.State()
		}
		done := state == task.Done
		if done && topLevel[t] {
			r.Finished++
		}
		for _, pr := range t.UnitRoles(to) {
			x := row(pr.Unit)
			if done || !state.Open() {
				if done {
					x.Finished++
				}
				continue
			}
			switch pr.Role {
			case task.LeadRole:
				x.Lead++
			case task.JointRole:
				x.Joint++
			case task.Responsible:
				x.Responsible++
			case task.Supporting:
				x.Supporting++
			}
			x.Total++
		}
		if !dated {
			return
		}
		ot := OverdueTask{Number: t.Number, Title: t.Title, Due: tl.Due, Path: pathOf[t], Light: tl.Light, Done: done}
		for _, u := range tl.Units {
			ot.Units = append(ot.Units, u.Unit)
		}
		if tl.Light == task.Red {
			st, err := t.Standing(asOf, to)
			if err == nil && st.Late {
				ot.Late, ot.DaysLate, ot.Due, ot.Units = true, st.DaysLate, st.Due, nil
				for _, u := range st.Units {
					if u.Late {
						ot.Units = append(ot.Units, u.Unit)
					}
				}
				r.Overdue = append(r.Overdue, ot)
			}
		}
		switch d := t.EffectiveDeadline(); {
		case d != nil && d.Kind == task.OnDate:
			ot.Due = d.Date
		case (d == nil || d.Kind == task.Ongoing) && !r.End.IsZero():
			ot.Due, ot.PlanEnd = r.End, true
			if d != nil && !d.Until.IsZero() {
				ot.Due, ot.PlanEnd = d.Until, false
			}
		default:
			return
		}
		if len(ot.Units) == 0 {
			ot.Units = t.Responsibility.Accountable()
		}
		r.Deadlines = append(r.Deadlines, ot)
	})
	for _, w := range rows {
		r.Workload = append(r.Workload, *w)
	}
	sort.Slice(r.Workload, func(i, j int) bool {
		if r.Workload[i].Total != r.Workload[j].Total {
			return r.Workload[i].Total > r.Workload[j].Total
		}
		if r.Workload[i].Finished != r.Workload[j].Finished {
			return r.Workload[i].Finished > r.Workload[j].Finished
		}
		return r.Workload[i].Unit < r.Workload[j].Unit
	})
	sort.SliceStable(r.Deadlines, func(i, j int) bool { return r.Deadlines[i].Due.Before(r.Deadlines[j].Due) })
	for _, ob := range observations {
		matched := false
		for _, s := range p.IndicatorSystems {
			if s == nil {
				continue
			}
			n := s.Find(ob.Indicator)
			if n == nil || n.Measure == nil {
				continue
			}
			a, err := n.Measure.Attainment(decimal.NewNullDecimal(ob.Value), ob.Unit, asOf.Year())
			if err != nil {
				return nil, fmt.Errorf("observation %s %s: %w", ob.Indicator, ob.Region, err)
			}
			matched = true
			tg, _ := n.Measure.TargetFor(asOf.Year())
			r.Attainment = append(r.Attainment, AttainmentRow{System: s.Name, Indicator: ob.Indicator, Name: n.Name, Region: ob.Region,
				Target: tg.String(), Value: ob.Value, Attainment: a})
		}
		if !matched {
			r.Unmatched = append(r.Unmatched, fmt.Sprintf("%s %s %s", ob.Indicator, ob.Region, ob.Period))
		}
	}
	return r, nil
}

// WriteText writes the report as readable tables, aligned by display
// width (a Chinese character takes two columns), in Chinese and English.
// Text taken from the plan is printed with the characters a terminal
// would act on written as visible escapes (see internal/termtext): a plan
// cannot move the cursor, clear the screen or reorder what the report
// shows.
func (r *Report) WriteText(w io.Writer) error { return r.WriteTextIn(w, LangBoth) }

// WriteTextIn is WriteText in the language l: both (as WriteText), Chinese
// only or English only — headings, sentences and the messages of actions
// and of undatable tasks.
func (r *Report) WriteTextIn(w io.Writer, l Lang) error {
	var b strings.Builder
	c := termtext.SafeLine
	colon := ": "
	if l == LangZh {
		colon = "："
	}
	fmt.Fprintf(&b, "%s\n", c(r.Title))
	b.WriteString(l.Pick(
		fmt.Sprintf("截至 %s：任务 %d 项，已完成 %d 项，超期 %d 项；红灯 %d、黄灯 %d、绿灯 %d", r.AsOf, r.Tasks, r.Finished, len(r.Overdue), r.Lights.Red, r.Lights.Yellow, r.Lights.Green),
		fmt.Sprintf("as of %s: %d tasks, %d finished, %d overdue; red %d, yellow %d, green %d", r.AsOf, r.Tasks, r.Finished, len(r.Overdue), r.Lights.Red, r.Lights.Yellow, r.Lights.Green)) + "\n")
	if r.CloseOut != nil {
		b.WriteString(l.Pick(fmt.Sprintf("方案期已于 %s 结束：不再督办，见收尾情况", r.End), fmt.Sprintf("the plan's period ended on %s: no supervision, see the close-out", r.End)) + "\n")
	}
	b.WriteString("\n")
	if len(r.Overdue) > 0 {
		b.WriteString(l.Pick("超期任务", "overdue") + "\n")
		rows := [][]string{{l.label("序号", "no."), l.label("任务", "task"), l.label("期限", "due"), l.label("超期", "late"), l.label("单位", "units")}}
		for _, o := range r.Overdue {
			late := fmt.Sprintf("%d工作日", o.DaysLate)
			if l == LangEn {
				late = fmt.Sprintf("%d workdays", o.DaysLate)
			}
			rows = append(rows, []string{c(o.Number), c(o.Title), o.Due.String(), late, c(strings.Join(o.Units, "、"))})
		}
		termtext.Table(&b, "  ", rows)
		b.WriteString("\n")
	}
	if l == LangBoth {
		b.WriteString("单位任务量（未完成；已完成另计）/ open workload (finished tasks apart)\n")
	} else {
		b.WriteString(l.Pick("单位任务量（未完成；已完成另计）", "open workload (finished tasks apart)") + "\n")
	}
	rows := [][]string{{l.label("单位", "unit"), l.label("牵头", "lead"), l.label("分工", "joint"), l.label("责任", "resp."), l.label("配合", "supp."), l.label("合计", "total"), l.label("已完成", "done")}}
	for _, x := range r.Workload {
		rows = append(rows, []string{c(x.Unit), strconv.Itoa(x.Lead), strconv.Itoa(x.Joint), strconv.Itoa(x.Responsible), strconv.Itoa(x.Supporting),
			strconv.Itoa(x.Total), strconv.Itoa(x.Finished)})
	}
	termtext.Table(&b, "  ", rows, 1, 2, 3, 4, 5, 6)
	if len(r.Actions) > 0 {
		fmt.Fprintf(&b, "\n%s%s%d\n", l.Pick("督办", "supervision"), colon, len(r.Actions))
		rows := [][]string{{l.label("动作", "action"), l.label("序号", "no."), l.label("主送", "to"), l.label("说明", "why")}}
		for _, a := range r.Actions {
			kind := a.Kind.Chinese()
			if l == LangEn {
				kind = a.Kind.String()
			}
			rows = append(rows, []string{kind, c(a.Number), c(a.Unit), l.Pick(c(a.MessageZh), c(a.MessageEn))})
		}
		termtext.Table(&b, "  ", rows)
	}
	if len(r.Undatable) > 0 {
		fmt.Fprintf(&b, "\n%s%s%d\n", l.Pick("无法推算", "undatable"), colon, len(r.Undatable))
		for _, u := range r.Undatable {
			needs := l.Pick("需要 "+yearsText(u.Years, "、")+" 年", "needs "+yearsText(u.Years, ", "))
			sep := "："
			if l == LangEn {
				sep = ": "
			}
			fmt.Fprintf(&b, "  %s %s（%s）%s%s\n", c(u.Number), c(u.Title), needs, sep, l.Pick(c(u.MessageZh), c(u.MessageEn)))
		}
	}
	if co := r.CloseOut; co != nil {
		fmt.Fprintf(&b, "\n%s%s%s\n", l.Pick("收尾", "close-out"), colon, l.Pick(
			fmt.Sprintf("已完成 %d，已结转 %d，未完成 %d，已取消 %d，暂缓 %d", len(co.Finished), len(co.CarriedOver), len(co.Unfinished), len(co.Cancelled), len(co.Suspended)),
			fmt.Sprintf("finished %d, carried over %d, unfinished %d, cancelled %d, suspended %d", len(co.Finished), len(co.CarriedOver), len(co.Unfinished), len(co.Cancelled), len(co.Suspended))))
		for _, t := range co.CarriedOver {
			fmt.Fprintf(&b, "  %s%s%s %s → %s（%s）\n", l.Pick("结转", "carried over"), colon, c(t.Number), c(t.Title), c(t.To), c(t.Reason))
		}
		for _, t := range co.Unfinished {
			fmt.Fprintf(&b, "  %s%s%s %s（%s）\n", l.Pick("未完成", "unfinished"), colon, c(t.Number), c(t.Title), c(strings.Join(t.Units, "、")))
		}
	}
	if len(r.Attainment) > 0 {
		b.WriteString("\n" + l.Pick("指标达标", "indicator attainment") + "\n")
		for _, a := range r.Attainment {
			att := a.Attainment.Chinese()
			if l == LangEn {
				att = a.Attainment.String()
			}
			target := "目标"
			if l == LangEn {
				target = "target"
			}
			fmt.Fprintf(&b, "  %s %s %s: %s（%s %s）%s\n", c(a.System), c(a.Indicator), c(a.Region), a.Value, target, c(a.Target), att)
		}
	}
	for _, u := range r.Unmatched {
		fmt.Fprintf(&b, "  %s%s%s\n", l.Pick("未匹配的监测数据", "unmatched observation"), colon, c(u))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func yearsText(ys []int, sep string) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, sep)
}

// Layout of the HTML charts, in pixels.
const (
	chartX0     = 70   // the timeline's left end
	chartX1     = 1010 // its right end
	axisY       = 56   // the axis
	laneY0      = 88   // the first lane of labels
	laneH       = 20   // between lanes
	barLabelW   = 230  // the workload chart's label column
	barScaleMax = 560  // the longest bar
	barH        = 16
	barStep     = 24
)

// textWidth estimates, generously, the pixels s takes at size px:
// Chinese characters a little over the font size, others about two thirds
// of it (measured in headless Chromium with the Noto fonts Debian ships).
func textWidth(s string, size float64) int {
	w := 0.0
	for _, r := range s {
		if termtext.Width(string(r)) == 2 {
			w += size * 1.05
		} else {
			w += size * 0.65
		}
	}
	return int(w + 0.5)
}

type timelineMark struct {
	X, LabelX, LabelY, Lane int
	Color, Label, Tip       string
	Due                     calendar.Date
}

type tick struct {
	X     int
	Label string
}

type timeline struct {
	Width, Height int
	Marks         []timelineMark
	Ticks         []tick
	AsOfX         int
	ShowAsOf      bool
	AsOf          calendar.Date
	AxisY         int
	X0, X1        int
	AsOfLabelX    int
}

// layoutTimeline places one mark per due date on an axis from the plan's
// start to its end (stretched to the deadlines and the report's date), and
// the labels in lanes below it so that no two overlap.
func (r *Report) layoutTimeline() *timeline {
	if len(r.Deadlines) == 0 {
		return nil
	}
	from, to := r.Start, r.End
	for _, d := range r.Deadlines {
		if from.IsZero() || d.Due.Before(from) {
			from = d.Due
		}
		if to.IsZero() || d.Due.After(to) {
			to = d.Due
		}
	}
	if r.AsOf.After(to) {
		to = r.AsOf
	}
	if r.AsOf.Before(from) {
		from = r.AsOf
	}
	span := max(to.Sub(from), 1)
	x := func(d calendar.Date) int { return chartX0 + d.Sub(from)*(chartX1-chartX0)/span }
	tl := &timeline{Width: chartX1 + 60, AxisY: axisY, X0: chartX0, X1: chartX1, AsOf: r.AsOf, AsOfX: x(r.AsOf), ShowAsOf: true}
	tl.AsOfLabelX = tl.AsOfX + 4
	if tl.AsOfX > chartX1-150 {
		tl.AsOfLabelX = tl.AsOfX - 150
	}
	// Ticks: months, quarters or years, whichever gives at most 16.
	months := (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1
	step := 1
	for months/step > 16 {
		step = map[int]int{1: 3, 3: 6, 6: 12, 12: 24}[step]
		if step == 0 {
			step = 60
		}
	}
	for m := 0; m <= months; m++ {
		mi := from.Year()*12 + int(from.Month()) - 1 + m
		y, mo := mi/12, mi%12+1
		if (mo-1)%step != 0 {
			continue
		}
		d, err := calendar.NewDate(y, time.Month(mo), 1)
		if err != nil || d.Before(from) || d.After(to) {
			continue
		}
		label := fmt.Sprintf("%d-%02d", y, mo)
		if step >= 12 {
			label = strconv.Itoa(y)
		}
		tl.Ticks = append(tl.Ticks, tick{X: x(d), Label: label})
	}
	// One mark per date.
	type group struct {
		due                         calendar.Date
		numbers                     []string
		late, done, yellow, planEnd int
		titles                      []string
	}
	var groups []*group
	for _, d := range r.Deadlines {
		if len(groups) == 0 || groups[len(groups)-1].due != d.Due {
			groups = append(groups, &group{due: d.Due})
		}
		g := groups[len(groups)-1]
		g.numbers = append(g.numbers, d.Number)
		g.titles = append(g.titles, d.Number+" "+d.Title)
		if d.PlanEnd {
			g.planEnd++
		}
		switch {
		case d.Late:
			g.late++
		case d.Done:
			g.done++
		case d.Light == task.Yellow:
			g.yellow++
		}
	}
	var laneEnd []int
	for _, g := range groups {
		m := timelineMark{X: x(g.due), Due: g.due, Color: "#1f77b4", Tip: strings.Join(g.titles, "\n")}
		switch {
		case g.late > 0:
			m.Color = "#c62828"
		case g.yellow > 0:
			m.Color = "#f9a825"
		case g.done == len(g.numbers):
			m.Color = "#2e7d32"
		}
		nums := g.numbers
		more := ""
		if len(nums) > 4 {
			nums, more = nums[:4], fmt.Sprintf("…共%d项", len(g.numbers))
		}
		if g.planEnd > 0 {
			more += fmt.Sprintf("（期末%d项）", g.planEnd)
			if len(g.numbers) > 4 {
				nums, more = nil, fmt.Sprintf("共%d项（其中无期限、到方案期末%d项）", len(g.numbers), g.planEnd)
			}
		}
		m.Label = fmt.Sprintf("%d-%02d-%02d：%s%s", g.due.Year(), int(g.due.Month()), g.due.Day(), strings.Join(nums, "、"), more)
		w := textWidth(m.Label, 12)
		left := m.X - 4
		if left+w > tl.Width-10 {
			left = tl.Width - 10 - w
		}
		lane := 0
		for lane < len(laneEnd) && laneEnd[lane] > left-8 {
			lane++
		}
		if lane == len(laneEnd) {
			laneEnd = append(laneEnd, 0)
		}
		laneEnd[lane] = left + w
		m.Lane, m.LabelX, m.LabelY = lane, left, laneY0+lane*laneH
		tl.Marks = append(tl.Marks, m)
	}
	tl.Height = laneY0 + len(laneEnd)*laneH + 16
	return tl
}

// WriteHTML writes the report as one self-contained HTML page (no external
// assets): the traffic lights, the overdue list, a workload chart of open
// tasks, a timeline of the fixed deadlines with an axis and a line at the
// report's date (labels in lanes, never overlapping), the supervision due,
// and the close-out past the plan's end; drawn in inline SVG.
func (r *Report) WriteHTML(w io.Writer) error {
	maxTotal := 1
	for _, x := range r.Workload {
		maxTotal = max(maxTotal, x.Total+x.Finished)
	}
	type bar struct {
		WorkloadRow
		Y, X, LeadW, JointW, RespW, SuppW, DoneW, JointX, RespX, SuppX, DoneX, EndX int
	}
	var bars []bar
	labelW := 60
	for _, x := range r.Workload {
		labelW = max(labelW, textWidth(x.Unit, 12)+12)
	}
	labelW = min(labelW, barLabelW)
	for i, x := range r.Workload {
		if x.Total == 0 && x.Finished == 0 {
			continue
		}
		b := bar{WorkloadRow: x, Y: 28 + i*barStep, X: labelW}
		b.LeadW, b.JointW, b.RespW, b.SuppW = x.Lead*barScaleMax/maxTotal, x.Joint*barScaleMax/maxTotal, x.Responsible*barScaleMax/maxTotal, x.Supporting*barScaleMax/maxTotal
		b.DoneW = x.Finished * barScaleMax / maxTotal
		b.JointX = labelW + b.LeadW
		b.RespX = b.JointX + b.JointW
		b.SuppX = b.RespX + b.RespW
		b.DoneX = b.SuppX + b.SuppW
		b.EndX = b.DoneX + b.DoneW + 6
		bars = append(bars, b)
	}
	data := struct {
		*Report
		Bars     []bar
		BarsH    int
		BarsW    int
		Timeline *timeline
	}{r, bars, 40 + len(bars)*barStep, labelW + barScaleMax + 60, r.layoutTimeline()}
	return reportTemplate.Execute(w, data)
}

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"join":  func(xs []string) string { return strings.Join(xs, "、") },
	"sub5":  func(y int) int { return y - 5 },
	"sub12": func(y int) int { return y - 12 },
}).Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{.Title}} — {{.AsOf}}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.4em} h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th,td.k{white-space:nowrap}
td.n{text-align:right}
.late{color:#b00020} .legend span{display:inline-block;width:1em;height:1em;margin:0 .3em 0 1em;vertical-align:middle}
.light{display:inline-block;padding:.1em .7em;border-radius:1em;color:#fff;margin-right:.5em}
.red{background:#c62828} .yellow{background:#f9a825;color:#222} .green{background:#2e7d32}
svg text{font-family:inherit}
</style></head><body>
<h1>{{.Title}}</h1>
<p>截至 {{.AsOf}}：任务 {{.Tasks}} 项，已完成 {{.Finished}} 项，超期 {{len .Overdue}} 项 / as of {{.AsOf}}: {{.Tasks}} tasks, {{.Finished}} finished, {{len .Overdue}} overdue</p>
<p><span class="light red">红灯 {{.Lights.Red}}</span><span class="light yellow">黄灯 {{.Lights.Yellow}}</span><span class="light green">绿灯 {{.Lights.Green}}</span></p>
{{if .CloseOut}}<p>方案期已于 {{.End}} 结束，不再督办，见下方收尾情况 / the plan's period ended on {{.End}}: no supervision, see the close-out below.</p>{{end}}
{{with .CloseOut}}<h2>收尾 / Close-out</h2>
<p>已完成 {{len .Finished}}，已结转 {{len .CarriedOver}}，未完成 {{len .Unfinished}}，已取消 {{len .Cancelled}}，暂缓 {{len .Suspended}} / finished {{len .Finished}}, carried over {{len .CarriedOver}}, unfinished {{len .Unfinished}}, cancelled {{len .Cancelled}}, suspended {{len .Suspended}}</p>
{{if .CarriedOver}}<h3>已结转 / Carried over</h3><table><tr><th>序号</th><th>任务</th><th>结转至</th><th>日期</th><th>理由</th></tr>{{range .CarriedOver}}<tr><td>{{.Number}}</td><td>{{.Title}}</td><td>{{.To}}</td><td>{{.Date}}</td><td>{{.Reason}}</td></tr>{{end}}</table>{{end}}
{{if .Finished}}<h3>已完成 / Finished</h3><table><tr><th>序号</th><th>任务</th><th>单位</th><th>销号日期</th></tr>{{range .Finished}}<tr><td>{{.Number}}</td><td>{{.Title}}</td><td>{{join .Units}}</td><td>{{if not .Date.IsZero}}{{.Date}}{{end}}</td></tr>{{end}}</table>{{end}}
{{end}}
<h2>{{if .CloseOut}}未完成（期末超期）/ Unfinished, overdue at the end{{else}}超期任务 / Overdue{{end}}</h2>
{{if .Overdue}}<table><tr><th>序号</th><th>任务</th><th>期限</th><th>超期（工作日）</th><th>超期单位</th></tr>
{{range .Overdue}}<tr class="late"><td>{{.Number}}</td><td>{{.Title}}</td><td>{{.Due}}</td><td class="n">{{.DaysLate}}</td><td>{{join .Units}}</td></tr>
{{end}}</table>{{else}}<p>无 / none</p>{{end}}
<h2>单位任务量（未完成）/ Open workload</h2>
<p class="legend"><span style="background:#1f77b4"></span>牵头 lead<span style="background:#ff7f0e"></span>按职责分工 joint<span style="background:#2ca02c"></span>责任 responsible<span style="background:#aaa"></span>配合 supporting<span style="background:#ddd;border:1px solid #999"></span>已完成（不计入）finished</p>
<svg xmlns="http://www.w3.org/2000/svg" width="{{.BarsW}}" height="{{.BarsH}}" role="img" aria-label="workload">
<text x="{{$.BarsW}}" y="14" font-size="11" text-anchor="end" fill="#666">未完成 / 已完成</text>
{{range .Bars}}<text x="0" y="{{.Y}}" dy="12" font-size="12">{{.Unit}}</text>
<rect x="{{.X}}" y="{{.Y}}" width="{{.LeadW}}" height="16" fill="#1f77b4"/><rect x="{{.JointX}}" y="{{.Y}}" width="{{.JointW}}" height="16" fill="#ff7f0e"/>
<rect x="{{.RespX}}" y="{{.Y}}" width="{{.RespW}}" height="16" fill="#2ca02c"/><rect x="{{.SuppX}}" y="{{.Y}}" width="{{.SuppW}}" height="16" fill="#aaa"/>
<rect x="{{.DoneX}}" y="{{.Y}}" width="{{.DoneW}}" height="16" fill="#ddd" stroke="#999" stroke-width=".5"/>
<text x="{{.EndX}}" y="{{.Y}}" dy="12" font-size="12">{{.Total}}{{if .Finished}} / {{.Finished}}{{end}}</text>
{{end}}</svg>
<h2>期限时间轴 / Deadlines</h2>
{{with .Timeline}}<p class="legend"><span style="background:#c62828;border-radius:50%"></span>超期 late<span style="background:#f9a825;border-radius:50%"></span>滞后 lagging<span style="background:#1f77b4;border-radius:50%"></span>推进中 open<span style="background:#2e7d32;border-radius:50%"></span>已完成 done</p>
<svg xmlns="http://www.w3.org/2000/svg" width="{{.Width}}" height="{{.Height}}" role="img" aria-label="deadlines">
<line x1="{{.X0}}" y1="{{.AxisY}}" x2="{{.X1}}" y2="{{.AxisY}}" stroke="#555" stroke-width="1.5"/>
{{range .Ticks}}<line x1="{{.X}}" y1="{{$.Timeline.AxisY}}" x2="{{.X}}" y2="{{sub5 $.Timeline.AxisY}}" stroke="#555"/><text x="{{.X}}" y="{{sub12 $.Timeline.AxisY}}" font-size="11" text-anchor="middle" fill="#555">{{.Label}}</text>
{{end}}{{range .Marks}}<line x1="{{.X}}" y1="{{$.Timeline.AxisY}}" x2="{{.X}}" y2="{{.LabelY}}" stroke="{{.Color}}" stroke-width=".7" stroke-dasharray="2,2"/>
<circle cx="{{.X}}" cy="{{$.Timeline.AxisY}}" r="5" fill="{{.Color}}"><title>{{.Tip}}</title></circle>
<text x="{{.LabelX}}" y="{{.LabelY}}" dy="4" font-size="12" fill="{{.Color}}"><title>{{.Tip}}</title>{{.Label}}</text>
{{end}}{{if .ShowAsOf}}<line x1="{{.AsOfX}}" y1="8" x2="{{.AsOfX}}" y2="{{.Height}}" stroke="#c62828" stroke-width="1.5" stroke-dasharray="5,3"/>
<text x="{{.AsOfLabelX}}" y="18" font-size="12" fill="#c62828">截至 {{.AsOf}} / as of</text>{{end}}
</svg>{{else}}<p>没有固定期限的任务 / no fixed deadlines</p>{{end}}
<h2>督办 / Supervision</h2>
{{if .Actions}}<table><tr><th>动作</th><th>序号</th><th>任务</th><th>主送</th><th>抄送</th><th>说明</th></tr>
{{range .Actions}}<tr><td class="k">{{.Kind.Chinese}}</td><td class="k">{{.Number}}</td><td>{{.Title}}</td><td class="k">{{.Unit}}</td><td>{{join .Copy}}</td><td>{{.MessageZh}}<br>{{.MessageEn}}</td></tr>
{{end}}</table>{{else}}<p>无 / none</p>{{end}}
{{if .Undatable}}<h2>无法推算 / Undatable</h2><table><tr><th>序号</th><th>任务</th><th>期限</th><th>需要的年份</th><th>说明</th></tr>
{{range .Undatable}}<tr><td>{{.Number}}</td><td>{{.Title}}</td><td>{{.Due}}</td><td>{{range $i, $y := .Years}}{{if $i}}、{{end}}{{$y}}{{end}}</td><td>{{.MessageZh}}<br>{{.MessageEn}}</td></tr>
{{end}}</table>{{end}}
{{if .Attainment}}<h2>指标达标 / Indicators</h2><table><tr><th>指标</th><th>地区</th><th>数值</th><th>目标</th><th>达标</th></tr>
{{range .Attainment}}<tr><td>{{.Name}}</td><td>{{.Region}}</td><td>{{.Value}}</td><td>{{.Target}}</td><td>{{.Attainment.Chinese}}</td></tr>{{end}}</table>{{end}}
</body></html>
`))
