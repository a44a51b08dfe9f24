package task

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/internal/termtext"
	"github.com/bizenv/bizenv/org"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Span is the period a bulletin covers (调度期): a month (月调度), a quarter
// (季通报) or a year (年度考核), or any run of days, both ends included.
type Span struct {
	// From and To are the first and last day.
	From calendar.Date `json:"from"`
	To   calendar.Date `json:"to"` // the last day, included
	// Name names the period for people: 2025年10月.
	Name string `json:"name"`
}

// MonthSpan returns month m of year y: 2025年10月.
func MonthSpan(y int, m time.Month) (Span, error) {
	from, err := calendar.NewDate(y, m, 1)
	if err != nil {
		return Span{}, fmt.Errorf("%w: %d年%d月 / %d-%02d", ErrInvalidValue, y, m, y, int(m))
	}
	return Span{From: from, To: monthEnd(y, int(m)), Name: fmt.Sprintf("%d年%d月", y, m)}, nil
}

// QuarterSpan returns quarter q (1–4) of year y: 2025年第三季度.
func QuarterSpan(y, q int) (Span, error) {
	if q < 1 || q > 4 {
		return Span{}, fmt.Errorf("%w: 季度须为1–4：%d / the quarter must be 1 to 4: %d", ErrInvalidValue, q, q)
	}
	from, err := calendar.NewDate(y, time.Month(q*3-2), 1)
	if err != nil {
		return Span{}, fmt.Errorf("%w: %d年 / %d", ErrInvalidValue, y, y)
	}
	return Span{From: from, To: monthEnd(y, q*3), Name: fmt.Sprintf("%d年第%s季度", y, [...]string{"", "一", "二", "三", "四"}[q])}, nil
}

// YearSpan returns year y: 2025年.
func YearSpan(y int) (Span, error) {
	from, err := calendar.NewDate(y, 1, 1)
	if err != nil {
		return Span{}, fmt.Errorf("%w: %d年 / %d", ErrInvalidValue, y, y)
	}
	return Span{From: from, To: monthEnd(y, 12), Name: fmt.Sprintf("%d年", y)}, nil
}

func (s Span) contains(d calendar.Date) bool { return !d.Before(s.From) && !d.After(s.To) }

// ScoreRules are how a bulletin scores each unit (考核). A unit starts from
// Full and loses PerLate for each deadline it missed in the period,
// PerMissed for each periodic report it did not make on time, and
// PerAction for each action it received; the score is never below 0. A
// unit that received any action of a Forfeit kind in the period scores 0
// (不得分): 鲅鱼圈's plan says "无故任务落实不力，相关绩效考核指标不得分",
// which a caller writes as Forfeit: notice and accountability.
//
// The zero ScoreRules means DefaultScoreRules.
type ScoreRules struct {
	// Full is the full score.
	Full decimal.Decimal `json:"full"`
	// PerLate is deducted for each deadline missed.
	PerLate decimal.Decimal `json:"per_late"`
	// PerMissed is deducted for each periodic report not made on time.
	PerMissed decimal.Decimal `json:"per_missed"`
	// PerAction is deducted for each action received, by kind.
	PerAction map[ActionKind]decimal.Decimal `json:"per_action,omitempty"`
	// Forfeit are the kinds of action that cost the whole score.
	Forfeit []ActionKind `json:"forfeit,omitempty"`
}

// DefaultScoreRules returns the bizenv default scoring, for callers to
// replace with their own assessment rules: 100 points; 5 off per deadline
// missed; 2 per report not made on time; 5 per 约谈, 10 per 通报, 20 per
// 问责 or 挂牌督办; no forfeit.
func DefaultScoreRules() ScoreRules {
	return ScoreRules{Full: decimal.NewFromInt(100), PerLate: decimal.NewFromInt(5), PerMissed: decimal.NewFromInt(2),
		PerAction: map[ActionKind]decimal.Decimal{Summons: decimal.NewFromInt(5), PublicNotice: decimal.NewFromInt(10),
			Accountability: decimal.NewFromInt(20), Posted: decimal.NewFromInt(20)}}
}

func (r ScoreRules) isZero() bool {
	return r.Full.IsZero() && r.PerLate.IsZero() && r.PerMissed.IsZero() && len(r.PerAction) == 0 && len(r.Forfeit) == 0
}

// Validate reports rules that cannot be applied, wrapping ErrInvalidRules.
func (r ScoreRules) Validate() error {
	bad := r.Full.IsNegative() || r.PerLate.IsNegative() || r.PerMissed.IsNegative()
	for k, v := range r.PerAction {
		bad = bad || v.IsNegative() || k == 0 || int(k) >= len(actionNames)
	}
	for _, k := range r.Forfeit {
		bad = bad || k == 0 || int(k) >= len(actionNames)
	}
	if bad {
		return fmt.Errorf("%w: 考核规则的分值不能为负，动作须为已知种类 / scores cannot be negative, and actions must be known kinds", ErrInvalidRules)
	}
	return nil
}

// UnitScore is one unit's line of a bulletin.
type UnitScore struct {
	// Rank is the unit's place, 1 first; units with the same score, rate
	// and misses share a place.
	Rank int `json:"rank"`
	// Unit is the unit.
	Unit string `json:"unit"`
	// Tasks counts the tasks it answers for that were open at some time
	// in the period.
	Tasks int `json:"tasks"`
	// Due counts what fell due in the period: deadlines and periodic
	// reports; OnTime those met on time, Late those missed.
	Due    int `json:"due"`
	OnTime int `json:"on_time"` // met on time
	Late   int `json:"late"`    // missed
	// OnTimeRate is OnTime / Due in percent, null when nothing fell due.
	OnTimeRate decimal.NullDecimal `json:"on_time_rate"`
	// ReportsDue and ReportsMissed count the periodic reports due in the
	// period and those not made on time.
	ReportsDue    int `json:"reports_due"`
	ReportsMissed int `json:"reports_missed"` // periodic reports not made on time
	// Closed counts its tasks closed (销号) in the period.
	Closed int `json:"closed"`
	// Overdue counts its tasks still late at the end of the period.
	Overdue int `json:"overdue"`
	// Actions counts the actions it received in the period, by kind.
	Actions map[ActionKind]int `json:"actions"`
	// Score is its score by the rules; Forfeited reports a score lost
	// whole (不得分), with the reason.
	Score     decimal.Decimal `json:"score"`
	Forfeited bool            `json:"forfeited,omitempty"` // the whole score lost (不得分)
	ReasonZh  string          `json:"reason_zh,omitempty"` // why, in Chinese
	ReasonEn  string          `json:"reason_en,omitempty"` // why, in English
}

// ClosedTask is a task closed (销号) in a bulletin's period.
type ClosedTask struct {
	// Task, Number and Title name it; Units are its accountable units.
	Task   uuid.UUID `json:"task"`
	Number string    `json:"number"` // as printed
	Title  string    `json:"title"`  // the task's title
	Units  []string  `json:"units"`  // its accountable units
	// Due is its due date in force (zero when it has none); Applied the
	// date of the application approved, Approved the date of approval.
	Due      calendar.Date `json:"due"`
	Applied  calendar.Date `json:"applied"`  // the date of the application approved
	Approved calendar.Date `json:"approved"` // the date of approval (销号)
	// OnTime reports that it was applied for on or before Due.
	OnTime bool `json:"on_time"`
}

// LateTask is a task late at the end of a bulletin's period.
type LateTask struct {
	// Task, Number and Title name it.
	Task   uuid.UUID `json:"task"`
	Number string    `json:"number"` // as printed
	Title  string    `json:"title"`  // the task's title
	// Units are the units late on it.
	Units []string `json:"units"`
	// Due is the due date missed.
	Due calendar.Date `json:"due"`
}

// Bulletin is a report for a period (月调度, 季通报, 年度考核): the tasks
// closed, on time or late, what each unit met and missed, the actions it
// received, its score and its rank.
type Bulletin struct {
	// Title names the bulletin (the caller's: 铁西区优化营商环境工作10月调度通报).
	Title string `json:"title"`
	// Span is the period; AsOf the day the bulletin was made (what happened
	// after Span.To is not counted).
	Span Span          `json:"span"`
	AsOf calendar.Date `json:"as_of"` // the day the bulletin was made
	// Tasks counts the tasks (delegated parts included) open at some time
	// in the period.
	Tasks int `json:"tasks"`
	// Closed are the tasks closed in the period; ClosedOnTime and
	// ClosedLate count them.
	Closed       []ClosedTask `json:"closed"`
	ClosedOnTime int          `json:"closed_on_time"` // closed on or before the due date
	ClosedLate   int          `json:"closed_late"`    // closed after it
	// Overdue are the tasks late at the end of the period.
	Overdue []LateTask `json:"overdue"`
	// Units are the units, best first.
	Units []UnitScore `json:"units"`
	// Rules are the score rules applied.
	Rules ScoreRules `json:"rules"`
	// Undatable are the tasks that could not be dated.
	Undatable []Undatable `json:"undatable"`
}

// NewBulletin makes the bulletin of tasks (delegated parts included) for
// span, as of asOf, under o, with sent the actions delivered (those dated
// in the span are counted) and rules the scoring (the zero ScoreRules:
// DefaultScoreRules). For each accountable unit (group phrases expanded
// through o.Directory):
//   - a fixed deadline (or the plan's end) falling in the span is met on
//     time when the unit's part was done by then (its application to close
//     or its own 100% report dated on or before it), and missed otherwise;
//   - a periodic report (每月15日前 …) due in the span is on time when the
//     unit reported in its period by the due date, and missed otherwise;
//   - a task is overdue at the end when a due date before the end found
//     its part undone (or, for reports, unreported since);
//
// due dates moved off days off and counted from o.Start as Task.Standing
// does. The error is for rules that cannot be applied only.
func NewBulletin(tasks []*Task, span Span, asOf calendar.Date, o Options, sent []Action, rules ScoreRules) (*Bulletin, error) {
	if span.From.IsZero() || span.To.Before(span.From) {
		return nil, fmt.Errorf("%w: 调度期无效 / the period is invalid: %s–%s", ErrInvalidValue, span.From, span.To)
	}
	if rules.isZero() {
		rules = DefaultScoreRules()
	}
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	cut := span.To
	if asOf.Before(cut) {
		cut = asOf
	}
	eng := newEngine(o)
	b := &Bulletin{Span: span, AsOf: asOf, Closed: []ClosedTask{}, Overdue: []LateTask{}, Units: []UnitScore{}, Rules: rules, Undatable: []Undatable{}}
	rows := map[string]*UnitScore{}
	row := func(u string) *UnitScore {
		if rows[u] == nil {
			rows[u] = &UnitScore{Unit: u, Actions: map[ActionKind]int{}}
		}
		return rows[u]
	}
	Walk(tasks, func(t *Task) {
		if err := eng.bulletinTask(b, t, span, cut, row); err != nil {
			b.Undatable = append(b.Undatable, eng.undatableOf(t, cut, err))
		}
	})
	for i := range sent {
		a := &sent[i]
		if span.contains(a.On) && !a.On.After(asOf) {
			row(eng.r.canon(a.Unit)).Actions[a.Kind]++
		}
	}
	for _, r := range rows {
		if r.Due > 0 {
			r.OnTimeRate = decimal.NewNullDecimal(decimal.NewFromInt(int64(r.OnTime)).Mul(hundred).DivRound(decimal.NewFromInt(int64(r.Due)), 1))
		}
		score := rules.Full.Sub(rules.PerLate.Mul(decimal.NewFromInt(int64(r.Late - r.ReportsMissed)))).
			Sub(rules.PerMissed.Mul(decimal.NewFromInt(int64(r.ReportsMissed))))
		for k, n := range r.Actions {
			score = score.Sub(rules.PerAction[k].Mul(decimal.NewFromInt(int64(n))))
		}
		for _, k := range rules.Forfeit {
			if n := r.Actions[k]; n > 0 {
				score, r.Forfeited = decimal.Zero, true
				r.ReasonZh = fmt.Sprintf("本期受到%s%d次，任务落实不力，相关考核指标不得分", k.Chinese(), n)
				r.ReasonEn = fmt.Sprintf("received %d %s action(s) in the period: tasks not carried out, no score", n, k)
				break
			}
		}
		if score.IsNegative() {
			score = decimal.Zero
		}
		r.Score = score
		b.Units = append(b.Units, *r)
	}
	rankUnits(b.Units)
	return b, nil
}

// rankUnits orders units best first: score, on-time rate (none last),
// fewer misses, then name in Chinese order; equal scores, rates and misses
// share a rank.
func rankUnits(us []UnitScore) {
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = u.Unit
	}
	org.SortNames(names)
	order := make(map[string]int, len(names))
	for i, n := range names {
		order[n] = i
	}
	rate := func(u UnitScore) decimal.Decimal {
		if u.OnTimeRate.Valid {
			return u.OnTimeRate.Decimal
		}
		return decimal.NewFromInt(-1)
	}
	sort.SliceStable(us, func(i, j int) bool {
		a, b := us[i], us[j]
		if c := a.Score.Cmp(b.Score); c != 0 {
			return c > 0
		}
		if c := rate(a).Cmp(rate(b)); c != 0 {
			return c > 0
		}
		if a.Late != b.Late {
			return a.Late < b.Late
		}
		return order[a.Unit] < order[b.Unit]
	})
	for i := range us {
		us[i].Rank = i + 1
		if i > 0 && us[i].Score.Equal(us[i-1].Score) && rate(us[i]).Equal(rate(us[i-1])) && us[i].Late == us[i-1].Late {
			us[i].Rank = us[i-1].Rank
		}
	}
}

// bulletinTask adds one task to the bulletin.
func (e *engine) bulletinTask(b *Bulletin, t *Task, span Span, cut calendar.Date, row func(string) *UnitScore) error {
	v := newViewAt(t, cut)
	state := t.stateWith(v.all, &v.st, cut, 0)
	if t.Status == Cancelled {
		return nil
	}
	approved, applied, isClosed := closedOn(v.all, &v.st)
	if isClosed && approved.Before(span.From) {
		return nil // finished before the period
	}
	if c, ok := entryAt(v.all, v.st.carryOver); ok && state == CarriedOver && c.Date.Before(span.From) {
		return nil
	}
	dl := effectiveDeadline(t, v.all, &v.st)
	start, end := e.window(t, dl)
	if !start.IsZero() && start.After(span.To) {
		return nil // not yet started
	}
	ps := e.r.parties(t)
	units := ps.accountable()
	b.Tasks++
	var fixedDue calendar.Date
	if dl == nil || !dl.Kind.Recurs() {
		written := end
		if dl != nil && dl.Kind == OnDate {
			written = dl.Date
		}
		if !written.IsZero() {
			d, err := e.shift(written)
			if err != nil {
				return err
			}
			fixedDue = d
		}
	}
	if isClosed && span.contains(approved) && !approved.After(b.AsOf) {
		ct := ClosedTask{Task: t.ID, Number: t.Number, Title: t.Title, Units: units, Due: fixedDue, Applied: applied, Approved: approved,
			OnTime: fixedDue.IsZero() || !applied.After(fixedDue)}
		b.Closed = append(b.Closed, ct)
		if ct.OnTime {
			b.ClosedOnTime++
		} else {
			b.ClosedLate++
		}
		for _, u := range units {
			row(u).Closed++
		}
	}
	// doneBy reports whether unit u's part was done by day d: an
	// application to close (approved or pending) or the unit's own 100%.
	doneBy := func(u string, d calendar.Date) bool {
		for i := range v.all {
			x := &v.all[i]
			if x.Date.After(d) {
				continue
			}
			if x.Kind == Apply && x.Seq == v.st.apply {
				return true
			}
			if v.inForce(x) && x.Kind == Report && x.Percent.GreaterThanOrEqual(hundred) && e.r.canon(x.Unit) == u {
				return true
			}
		}
		return false
	}
	var late []string
	var lateDue calendar.Date
	for _, u := range units {
		r := row(u)
		r.Tasks++
		if dl != nil && dl.Kind.Recurs() && dl.valid() {
			// Every occurrence due in the span, then where the unit stands at
			// its end.
			oc, ok := dl.lastBefore(span.From)
			if !ok {
				oc, ok = dl.nextOn(span.From)
			}
			for i := 0; ok && i < 400; i++ {
				s, err := e.shift(oc.Date)
				if err != nil {
					return err
				}
				if s.After(cut) {
					break
				}
				if !s.Before(span.From) && counts(oc, start, end) && !(isClosed && approved.Before(s)) {
					r.Due++
					r.ReportsDue++
					if v.reportedIn(e.r, u, oc.From, s) {
						r.OnTime++
					} else {
						r.Late++
						r.ReportsMissed++
					}
				}
				oc, ok = dl.next(oc)
			}
			after, err := cut.AddDays(1)
			if err != nil {
				return err
			}
			last, _, hasLast, _, err := e.recurring(dl, after, start, end)
			if err != nil {
				return err
			}
			if hasLast && !isClosed && !doneBy(u, cut) && !v.reportedIn(e.r, u, last.From, cut) {
				s, err := e.shift(last.Date)
				if err != nil {
					return err
				}
				late, lateDue = append(late, u), s
				r.Overdue++
			}
			continue
		}
		if fixedDue.IsZero() {
			continue
		}
		done := doneBy(u, fixedDue)
		if span.contains(fixedDue) && !fixedDue.After(cut) {
			r.Due++
			if done {
				r.OnTime++
			} else {
				r.Late++
			}
		}
		if fixedDue.Before(cut) && !doneBy(u, cut) && !(isClosed && !approved.After(cut)) && state != CarriedOver {
			late, lateDue = append(late, u), fixedDue
			r.Overdue++
		}
	}
	if len(late) > 0 {
		b.Overdue = append(b.Overdue, LateTask{Task: t.ID, Number: t.Number, Title: t.Title, Units: late, Due: lateDue})
	}
	return nil
}

// WriteText writes the bulletin as aligned tables (a Chinese character
// takes two columns), text from the plan made safe for a terminal.
func (b *Bulletin) WriteText(w io.Writer) error {
	var s strings.Builder
	c := termtext.SafeLine
	title := b.Title
	if title == "" {
		title = "工作通报 / bulletin"
	}
	fmt.Fprintf(&s, "%s\n%s（%s–%s），截至 %s / %s to %s, as of %s\n", c(title), c(b.Span.Name), b.Span.From, b.Span.To, b.AsOf, b.Span.From, b.Span.To, b.AsOf)
	fmt.Fprintf(&s, "任务 %d 项；本期销号 %d 项（按时 %d、逾期 %d）；期末超期 %d 项 / %d tasks; %d closed (%d on time, %d late); %d overdue at the end\n\n",
		b.Tasks, len(b.Closed), b.ClosedOnTime, b.ClosedLate, len(b.Overdue), b.Tasks, len(b.Closed), b.ClosedOnTime, b.ClosedLate, len(b.Overdue))
	rows := [][]string{{"名次", "单位 unit", "到期", "按时", "逾期", "按时率%", "漏报", "销号", "超期", "督办类", "得分 score"}}
	for _, u := range b.Units {
		rate := "—"
		if u.OnTimeRate.Valid {
			rate = u.OnTimeRate.Decimal.String()
		}
		acts := 0
		for k, n := range u.Actions {
			if k > Remind {
				acts += n
			}
		}
		score := u.Score.String()
		if u.Forfeited {
			score += " 不得分"
		}
		rows = append(rows, []string{strconv.Itoa(u.Rank), c(u.Unit), strconv.Itoa(u.Due), strconv.Itoa(u.OnTime), strconv.Itoa(u.Late), rate,
			strconv.Itoa(u.ReportsMissed), strconv.Itoa(u.Closed), strconv.Itoa(u.Overdue), strconv.Itoa(acts), score})
	}
	termtext.Table(&s, "  ", rows, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	if len(b.Closed) > 0 {
		s.WriteString("\n本期销号 / closed\n")
		rows := [][]string{{"序号", "任务", "申请", "销号", "按时"}}
		for _, x := range b.Closed {
			on := "逾期 late"
			if x.OnTime {
				on = "按时 on time"
			}
			rows = append(rows, []string{c(x.Number), c(x.Title), x.Applied.String(), x.Approved.String(), on})
		}
		termtext.Table(&s, "  ", rows)
	}
	if len(b.Overdue) > 0 {
		s.WriteString("\n期末超期 / overdue at the end\n")
		rows := [][]string{{"序号", "任务", "应完成", "超期单位"}}
		for _, x := range b.Overdue {
			rows = append(rows, []string{c(x.Number), c(x.Title), x.Due.String(), c(strings.Join(x.Units, "、"))})
		}
		termtext.Table(&s, "  ", rows)
	}
	for _, u := range b.Units {
		if u.Forfeited {
			fmt.Fprintf(&s, "\n%s：%s / %s\n", c(u.Unit), c(u.ReasonZh), c(u.ReasonEn))
		}
	}
	for _, u := range b.Undatable {
		fmt.Fprintf(&s, "\n无法推算 / undatable: %s\n", c(u.String()))
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// WriteHTML writes the bulletin as one self-contained HTML page: the
// ranking with each unit's score as a bar, the tasks closed and the tasks
// overdue.
func (b *Bulletin) WriteHTML(w io.Writer) error {
	type bar struct {
		UnitScore
		Width int
		Rate  string
	}
	var bars []bar
	full := b.Rules.Full
	if !full.IsPositive() {
		full = hundred
	}
	for _, u := range b.Units {
		x := bar{UnitScore: u, Width: int(u.Score.Mul(decimal.NewFromInt(240)).Div(full).IntPart()), Rate: "—"}
		if u.OnTimeRate.Valid {
			x.Rate = u.OnTimeRate.Decimal.String() + "%"
		}
		bars = append(bars, x)
	}
	return bulletinTemplate.Execute(w, struct {
		*Bulletin
		Bars []bar
	}{b, bars})
}

var bulletinTemplate = template.Must(template.New("bulletin").Funcs(template.FuncMap{
	"join": func(xs []string) string { return strings.Join(xs, "、") },
	"acts": func(m map[ActionKind]int) string {
		var parts []string
		for k := Remind; k <= Posted; k++ {
			if n := m[k]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s%d", k.Chinese(), n))
			}
		}
		return strings.Join(parts, "、")
	},
}).Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{if .Title}}{{.Title}}{{else}}工作通报{{end}} — {{.Span.Name}}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.4em} h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:middle}
td.n{text-align:right} .bar{display:inline-block;height:.9em;background:#1f77b4;vertical-align:middle;margin-right:.4em}
.forfeit{color:#b00020} .late{color:#b00020}
</style></head><body>
<h1>{{if .Title}}{{.Title}}{{else}}工作通报 / Bulletin{{end}}</h1>
<p>{{.Span.Name}}（{{.Span.From}}–{{.Span.To}}），截至 {{.AsOf}}：任务 {{.Tasks}} 项；本期销号 {{len .Closed}} 项（按时 {{.ClosedOnTime}}、逾期 {{.ClosedLate}}）；期末超期 {{len .Overdue}} 项</p>
<h2>排名 / Ranking</h2>
<table><tr><th>名次</th><th>单位</th><th>到期</th><th>按时</th><th>逾期</th><th>按时率</th><th>漏报</th><th>销号</th><th>超期</th><th>收到督办</th><th>得分</th></tr>
{{range .Bars}}<tr{{if .Forfeited}} class="forfeit"{{end}}><td class="n">{{.Rank}}</td><td>{{.Unit}}</td><td class="n">{{.Due}}</td><td class="n">{{.OnTime}}</td><td class="n">{{.Late}}</td><td class="n">{{.Rate}}</td><td class="n">{{.ReportsMissed}}</td><td class="n">{{.Closed}}</td><td class="n">{{.Overdue}}</td><td>{{acts .Actions}}</td><td><span class="bar" style="width:{{.Width}}px"></span>{{.Score}}{{if .Forfeited}} 不得分（{{.ReasonZh}}）{{end}}</td></tr>
{{end}}</table>
<h2>本期销号 / Closed</h2>
{{if .Closed}}<table><tr><th>序号</th><th>任务</th><th>责任单位</th><th>申请</th><th>销号</th><th>按时</th></tr>
{{range .Closed}}<tr><td>{{.Number}}</td><td>{{.Title}}</td><td>{{join .Units}}</td><td>{{.Applied}}</td><td>{{.Approved}}</td><td>{{if .OnTime}}按时{{else}}<span class="late">逾期</span>{{end}}</td></tr>
{{end}}</table>{{else}}<p>无 / none</p>{{end}}
<h2>期末超期 / Overdue at the end</h2>
{{if .Overdue}}<table><tr><th>序号</th><th>任务</th><th>应完成</th><th>超期单位</th></tr>
{{range .Overdue}}<tr class="late"><td>{{.Number}}</td><td>{{.Title}}</td><td>{{.Due}}</td><td>{{join .Units}}</td></tr>
{{end}}</table>{{else}}<p>无 / none</p>{{end}}
</body></html>
`))
