package task

import (
	"fmt"
	"strconv"

	"github.com/bizenv/bizenv/calendar"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Light is a traffic light (红黄绿灯): how a task, or a unit's part in it,
// stands as of a date.
type Light uint8

// The lights. The zero Light is no light: the task is not judged
// (suspended, cancelled or carried over).
const (
	NoLight Light = iota
	Green         // 绿灯: on track, or finished
	Yellow        // 黄灯: lagging
	Red           // 红灯: overdue
)

var lightNames = []struct{ json, zh string }{{"", ""}, {"green", "绿灯"}, {"yellow", "黄灯"}, {"red", "红灯"}}

// String returns "", green, yellow or red; an out-of-range value gives
// Light(N).
func (l Light) String() string {
	if int(l) < len(lightNames) {
		return lightNames[l].json
	}
	return fmt.Sprintf("Light(%d)", uint8(l))
}

// Chinese returns "", 绿灯, 黄灯 or 红灯.
func (l Light) Chinese() string {
	if int(l) < len(lightNames) {
		return lightNames[l].zh
	}
	return l.String()
}

// MarshalText implements encoding.TextMarshaler.
func (l Light) MarshalText() ([]byte, error) {
	if int(l) >= len(lightNames) {
		return nil, fmt.Errorf("%w: light %d", ErrInvalidValue, uint8(l))
	}
	return []byte(lightNames[l].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese;
// empty text is NoLight).
func (l *Light) UnmarshalText(b []byte) error {
	for i, n := range lightNames {
		if string(b) == n.json || (i > 0 && string(b) == n.zh) {
			*l = Light(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的灯色 %q / unknown light %q", ErrInvalidValue, b, b)
}

// LightRules are the thresholds of the traffic lights. The zero value is
// the bizenv default.
type LightRules struct {
	// Lag is how many percentage points a unit's progress may trail the
	// share of time elapsed (from the task's start to its due date) before
	// its light turns yellow. 0 is the rule "时间过半、任务过半": by the time
	// half the time is gone, half the work is done.
	Lag decimal.Decimal `json:"lag"`
	// DueSoon: yellow when the due date is this many working days away or
	// fewer and the unit has not reported (for the period, on a recurring
	// deadline); 0 means 5 (a bizenv default).
	DueSoon int `json:"due_soon,omitempty"`
}

// Validate reports thresholds that cannot be applied, wrapping
// ErrInvalidRules.
func (r LightRules) Validate() error {
	if r.Lag.IsNegative() || r.Lag.GreaterThan(hundred) || r.DueSoon < 0 {
		return fmt.Errorf("%w: 红黄绿灯的阈值无效（lag 0–100，due_soon 不为负）/ light thresholds out of range (lag 0–100, due_soon not negative)", ErrInvalidRules)
	}
	return nil
}

// TaskLight is a task's light as of a date, with each accountable unit's.
type TaskLight struct {
	// Task, Number and Title name the task.
	Task   uuid.UUID `json:"task"`
	Number string    `json:"number"` // as printed
	Title  string    `json:"title"`  // the task's title
	// Light is the worst of the units' lights (green when finished).
	Light Light `json:"light"`
	// State is the task's status.
	State Status `json:"state"`
	// Due is the due date in question (see Standing.Due).
	Due calendar.Date `json:"due"`
	// Progress is the task's progress; Elapsed the share of its time gone,
	// in percent, when it has a start and a fixed due date.
	Progress decimal.Decimal     `json:"progress"`
	Elapsed  decimal.NullDecimal `json:"elapsed"` // percent of the time gone; null without a start or a date
	// Units are the accountable units' lights.
	Units []UnitLight `json:"units"`
	// ReasonZh and ReasonEn explain the task's light.
	ReasonZh string `json:"reason_zh"`
	ReasonEn string `json:"reason_en"` // the reason in English
	// Provisional reports that a date rests on a provisional year.
	Provisional bool `json:"provisional,omitempty"`
}

// UnitLight is one unit's light on a task.
type UnitLight struct {
	// Unit is the unit; Role its part.
	Unit string `json:"unit"`
	Role Role   `json:"role"` // its part in the task
	// Light is its light.
	Light Light `json:"light"`
	// Progress is its latest progress in force.
	Progress decimal.Decimal `json:"progress"`
	// ReasonZh and ReasonEn explain the light.
	ReasonZh string `json:"reason_zh"`
	ReasonEn string `json:"reason_en"` // the reason in English
}

// Board is the lights of many tasks as of a day.
type Board struct {
	// AsOf is the day.
	AsOf calendar.Date `json:"as_of"`
	// Tasks are the tasks' lights, in walk order (delegated parts after
	// their task).
	Tasks []TaskLight `json:"tasks"`
	// Green, Yellow and Red count the tasks by light.
	Green  int `json:"green"`
	Yellow int `json:"yellow"` // tasks lagging
	Red    int `json:"red"`    // tasks overdue
	// Undatable are the tasks that could not be dated.
	Undatable []Undatable `json:"undatable"`
}

// Lights returns the traffic lights (红黄绿灯) of tasks (delegated ones
// included) as of asOf, per task and per accountable unit:
//   - red: the unit is late (see Task.Standing);
//   - yellow: the unit's progress trails the share of time elapsed by more
//     than o.Lights.Lag percentage points (时间过半、任务过半; for a fixed
//     deadline, with the time counted from the task's or plan's start), or
//     the due date is o.Lights.DueSoon working days away or fewer and the
//     unit has not reported (for the period, on a recurring deadline);
//   - green: otherwise, and for a finished task or a unit whose part is
//     done.
//
// The task's light is the worst of its units'. Suspended, cancelled and
// carried-over tasks have no light. The error is for thresholds that
// cannot be applied only; a task that cannot be dated is listed in
// Undatable.
func Lights(tasks []*Task, asOf calendar.Date, o Options) (Board, error) {
	if err := o.Lights.Validate(); err != nil {
		return Board{}, err
	}
	b := Board{AsOf: asOf, Tasks: make([]TaskLight, 0, len(tasks)), Undatable: []Undatable{}}
	eng := newEngine(o)
	Walk(tasks, func(t *Task) {
		tl, err := eng.light(t, newViewAt(t, asOf), asOf)
		if err != nil {
			b.Undatable = append(b.Undatable, eng.undatableOf(t, asOf, err))
			return
		}
		switch tl.Light {
		case Green:
			b.Green++
		case Yellow:
			b.Yellow++
		case Red:
			b.Red++
		}
		b.Tasks = append(b.Tasks, tl)
	})
	return b, nil
}

// LightOf returns one task's light as of asOf (see Lights).
func (t *Task) LightOf(asOf calendar.Date, o Options) (TaskLight, error) {
	if err := o.Lights.Validate(); err != nil {
		return TaskLight{}, err
	}
	return newEngine(o).light(t, newViewAt(t, asOf), asOf)
}

func (e *engine) light(t *Task, v *view, asOf calendar.Date) (TaskLight, error) {
	st, err := e.standing(t, v, asOf, 0, true)
	if err != nil {
		return TaskLight{}, err
	}
	tl := TaskLight{Task: t.ID, Number: t.Number, Title: t.Title, State: st.State, Due: st.Due, Progress: st.Progress,
		Provisional: st.Provisional, Units: []UnitLight{}}
	switch st.State {
	case Suspended, Cancelled, CarriedOver:
		tl.ReasonZh, tl.ReasonEn = st.State.Chinese(), st.State.String()
		return tl, nil
	case Done:
		tl.Light, tl.ReasonZh, tl.ReasonEn = Green, "已完成", "finished"
		return tl, nil
	}
	dueSoon := e.o.Lights.DueSoon
	if dueSoon == 0 {
		dueSoon = 5
	}
	var elapsed decimal.NullDecimal
	start, _ := e.window(t, st.Deadline)
	fixed := st.Deadline == nil || !st.Deadline.Kind.Recurs()
	// The share of time gone, in tenths of a percent, from the start to the
	// due date: (asOf - start) / (due - start), rounded half up.
	share := int64(-1)
	for _, us := range st.Units {
		if fixed && !start.IsZero() && !us.Due.IsZero() && us.Due.After(start) && !asOf.Before(start) {
			num, den := int64(min(asOf.Sub(start), us.Due.Sub(start))), int64(us.Due.Sub(start))
			share = (num*2000 + den) / (2 * den)
			elapsed = decimal.NewNullDecimal(decimal.New(share, -1))
			break
		}
	}
	lag, lagWhole := wholePercent(e.o.Lights.Lag)
	behind := func(p decimal.Decimal) bool {
		if share < 0 {
			return false
		}
		if n, ok := wholePercent(p); ok && lagWhole {
			return (n+lag)*10 < share
		}
		return p.Add(e.o.Lights.Lag).LessThan(elapsed.Decimal)
	}
	tl.Light = Green
	tl.Units = make([]UnitLight, 0, len(st.Units))
	for _, us := range st.Units {
		ul := UnitLight{Unit: us.Unit, Role: us.Role, Progress: us.Progress, Light: Green, ReasonZh: "按计划推进", ReasonEn: "on track"}
		switch {
		case us.Done:
			ul.ReasonZh, ul.ReasonEn = "本单位任务已完成", "its part is done"
		case us.Late:
			ul.Light = Red
			zh := strconv.AppendInt(append(make([]byte, 0, 64), "超期"...), int64(us.DaysLate), 10)
			zh = appendDate(append(zh, "个工作日（期限 "...), us.Due)
			en := strconv.AppendInt(make([]byte, 0, 64), int64(us.DaysLate), 10)
			en = appendDate(append(en, " working days late (due "...), us.Due)
			ul.ReasonZh, ul.ReasonEn = string(append(zh, "）"...)), string(append(en, ')'))
		case !us.Due.IsZero() && us.DaysLeft <= dueSoon && !(fixed && us.Reported) && !us.ReportedForDue:
			ul.Light = Yellow
			zh := appendDate(append(make([]byte, 0, 96), "距期限 "...), us.Due)
			zh = strconv.AppendInt(append(zh, " 仅"...), int64(us.DaysLeft), 10)
			en := strconv.AppendInt(make([]byte, 0, 64), int64(us.DaysLeft), 10)
			en = appendDate(append(en, " working days to "...), us.Due)
			ul.ReasonZh, ul.ReasonEn = string(append(zh, "个工作日，尚未报送进展"...)), string(append(en, " and nothing reported"...))
		case fixed && behind(us.Progress):
			ul.Light = Yellow
			zh := appendTenths(append(make([]byte, 0, 64), "时间已过"...), share)
			zh = appendPercent(append(zh, "%，进度仅"...), us.Progress)
			en := appendTenths(make([]byte, 0, 64), share)
			en = appendPercent(append(en, "% of the time gone, "...), us.Progress)
			ul.ReasonZh, ul.ReasonEn = string(append(zh, '%')), string(append(en, "% done"...))
		}
		if ul.Light > tl.Light || (ul.Light == tl.Light && tl.ReasonZh == "") {
			tl.Light, tl.ReasonZh, tl.ReasonEn = ul.Light, ul.ReasonZh, ul.ReasonEn
			if len(st.Units) > 1 && ul.Unit != "" {
				tl.ReasonZh, tl.ReasonEn = ul.Unit+"："+ul.ReasonZh, ul.Unit+": "+ul.ReasonEn
			}
		}
		tl.Units = append(tl.Units, ul)
	}
	tl.Elapsed = elapsed
	return tl, nil
}

// appendTenths appends n tenths as a decimal: 517 is 51.7, 500 is 50.
func appendTenths(b []byte, n int64) []byte {
	b = strconv.AppendInt(b, n/10, 10)
	if n%10 != 0 {
		b = append(b, '.', byte('0'+n%10))
	}
	return b
}

// appendPercent appends a percent as decimal.Decimal.String writes it.
func appendPercent(b []byte, p decimal.Decimal) []byte {
	if n, ok := wholePercent(p); ok {
		return strconv.AppendInt(b, n, 10)
	}
	return append(b, p.String()...)
}
