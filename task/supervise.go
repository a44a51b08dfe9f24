package task

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/calendar"
	"github.com/google/uuid"
)

// ActionKind is what supervision (督办) asks for.
type ActionKind uint8

// The actions, in rising order of force.
const (
	Remind    ActionKind = iota + 1 // 提醒: due soon
	Supervise                       // 督办: overdue
	Escalate                        // 通报 / 提级督办: repeatedly or long overdue
)

var actionNames = []struct{ json, zh string }{{}, {"remind", "提醒"}, {"supervise", "督办"}, {"escalate", "通报"}}

// String returns remind, supervise or escalate.
func (k ActionKind) String() string {
	if int(k) < len(actionNames) && k != 0 {
		return actionNames[k].json
	}
	return fmt.Sprintf("ActionKind(%d)", uint8(k))
}

// Chinese returns 提醒, 督办 or 通报.
func (k ActionKind) Chinese() string {
	if int(k) < len(actionNames) && k != 0 {
		return actionNames[k].zh
	}
	return k.String()
}

// MarshalText implements encoding.TextMarshaler.
func (k ActionKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *ActionKind) UnmarshalText(b []byte) error {
	for i, n := range actionNames {
		if i > 0 && (string(b) == n.json || string(b) == n.zh) {
			*k = ActionKind(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的督办动作 %q / unknown action %q", ErrInvalidValue, b, b)
}

// Rules are the thresholds of supervision, in working days.
type Rules struct {
	// RemindBefore: remind when the due date is this many working days
	// away or fewer; 0 means 3.
	RemindBefore int
	// EscalateAfter: escalate once this many reminders and supervisions
	// have been sent for the same due date; 0 means 3.
	EscalateAfter int
	// EscalateLate: escalate once a task is this many working days late;
	// 0 means 10.
	EscalateLate int
}

func (r Rules) withDefaults() Rules {
	if r.RemindBefore <= 0 {
		r.RemindBefore = 3
	}
	if r.EscalateAfter <= 0 {
		r.EscalateAfter = 3
	}
	if r.EscalateLate <= 0 {
		r.EscalateLate = 10
	}
	return r
}

// Options is what the tasks of one plan are judged against: the plan's
// end, the working-day calendar and the caller's rules. The zero Options
// uses calendar.China() and the default rules, and gives tasks with no
// deadline no due date.
type Options struct {
	// End is the last day of the plan's period: the due date of a task
	// with no deadline of its own.
	End calendar.Date
	// Calendar counts working days; nil means calendar.China(). Use
	// calendar.China().WithProvisional() to date years with no notice yet:
	// every answer that rests on such a year is then marked provisional.
	Calendar *calendar.Calendar
	// Rules are the thresholds of supervision.
	Rules Rules
}

func (o Options) calendar() *calendar.Calendar {
	if o.Calendar == nil {
		return calendar.China()
	}
	return o.Calendar
}

// Action is one supervision step for the caller to deliver: whom, about
// what, why.
type Action struct {
	// Kind is remind, supervise or escalate.
	Kind ActionKind `json:"kind"`
	// Task is the task's ID.
	Task uuid.UUID `json:"task"`
	// Number is the task's number as printed.
	Number string `json:"number"`
	// Title is the task's title.
	Title string `json:"title"`
	// Units are the accountable units the action goes to.
	Units []string `json:"units"`
	// Due is the due date the action is about.
	Due calendar.Date `json:"due"`
	// On is the date the action was decided (the asOf of Actions).
	On calendar.Date `json:"on"`
	// Days is working days to the due date (Remind) or past it (Supervise,
	// Escalate).
	Days int `json:"days"`
	// Provisional reports that Days was counted over a year the calendar
	// answers for only provisionally (no holiday notice yet): the count may
	// change when the notice comes.
	Provisional bool `json:"provisional,omitempty"`
	// Message says why, in Chinese and English.
	Message string `json:"message"`
}

// Undatable is a task that a function over many tasks could not date as
// of its day, because the calendar does not know a year it needs; the
// function answers for every other task and lists this one instead of
// failing as a whole.
type Undatable struct {
	// Task is the task's ID.
	Task uuid.UUID `json:"task"`
	// Number is the task's number as printed.
	Number string `json:"number"`
	// Title is the task's title.
	Title string `json:"title"`
	// Due is the due date that could not be counted to, when known.
	Due calendar.Date `json:"due"`
	// Years are the years the calendar must know to date the task: load
	// their holiday notices (calendar.ParseNotice, Calendar.Merge), or
	// answer provisionally (Calendar.WithProvisional).
	Years []int `json:"years"`
	// MessageZh and MessageEn say what is missing, in Chinese and English.
	MessageZh string `json:"message_zh"`
	MessageEn string `json:"message_en"`
	// Err is the calendar's error.
	Err error `json:"-"`
}

// String returns the task's number and the message in both languages.
func (u Undatable) String() string {
	return u.Number + ": " + u.MessageZh + " / " + u.MessageEn
}

// undatable describes t, which could not be dated between from and to
// (in either order) because of err.
func undatable(t *Task, due, from, to calendar.Date, cal *calendar.Calendar, err error) Undatable {
	if to.Before(from) {
		from, to = to, from
	}
	var years []int
	if !from.IsZero() && !to.IsZero() {
		for y := from.Year(); y <= to.Year(); y++ {
			if !cal.Knows(y) {
				years = append(years, y)
			}
		}
	}
	var uy *calendar.UnknownYearError
	if len(years) == 0 && errors.As(err, &uy) {
		years = []int{uy.Year}
	}
	u := Undatable{Task: t.ID, Number: t.Number, Title: t.Title, Due: due, Years: years, Err: err}
	if len(years) > 0 {
		zh, en := yearList(years, "、"), yearList(years, ", ")
		u.MessageZh = fmt.Sprintf("日历没有%s年的节假日安排，无法推算期限 %s 的工作日；待该年放假通知发布后加载，或按法定节假日暂定推算", zh, due)
		u.MessageEn = fmt.Sprintf("the calendar has no holiday arrangement for %s, so working days to the deadline %s cannot be counted; load that year's notice, or answer provisionally from the statutory holidays", en, due)
	} else {
		u.MessageZh = "无法推算期限 " + due.String() + "：" + err.Error()
		u.MessageEn = "cannot count to the deadline " + due.String() + ": " + err.Error()
	}
	return u
}

func yearList(years []int, sep string) string {
	s := make([]string, len(years))
	for i, y := range years {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, sep)
}

// provisionalYears returns the years from from to to (in either order)
// that cal answers for only provisionally.
func provisionalYears(cal *calendar.Calendar, from, to calendar.Date) []int {
	if to.Before(from) {
		from, to = to, from
	}
	if !cal.ProvisionalBetween(from, to) {
		return nil
	}
	var ys []int
	for y := from.Year(); y <= to.Year(); y++ {
		if cal.IsProvisionalYear(y) {
			ys = append(ys, y)
		}
	}
	return ys
}

// Supervision is what Actions decides as of a day: the actions due, and
// the tasks it could not date.
type Supervision struct {
	// AsOf is the day decided on.
	AsOf calendar.Date `json:"as_of"`
	// Actions are the actions due that day, in task order.
	Actions []Action `json:"actions"`
	// Undatable are the open tasks whose due date or working-day count
	// needs a year the calendar does not know.
	Undatable []Undatable `json:"undatable"`
}

// Actions turns the state of tasks (delegated ones included) as of asOf
// into actions: remind the accountable units when a fixed due date is
// RemindBefore working days away or fewer; supervise when it has passed;
// escalate when the task is EscalateLate working days late or has had
// EscalateAfter reminders and supervisions for that due date. sent are the
// actions delivered before; an action already sent for the same task, kind
// and due date is not repeated; the caller stores what it delivers.
//
// Working days come from o.Calendar. A task whose count needs a year the
// calendar does not know never fails the call: it is listed in Undatable
// with the years it needs, and every other task is answered. An action
// counted over a provisional year says so (Action.Provisional).
func Actions(tasks []*Task, asOf calendar.Date, o Options, sent []Action) Supervision {
	cal := o.calendar()
	r := o.Rules.withDefaults()
	type key struct {
		task uuid.UUID
		kind ActionKind
		due  calendar.Date
	}
	done := map[key]bool{}
	count := map[key]int{} // reminders and supervisions per task and due date (kind 0)
	for _, a := range sent {
		done[key{a.Task, a.Kind, a.Due}] = true
		if a.Kind == Remind || a.Kind == Supervise {
			count[key{a.Task, 0, a.Due}]++
		}
	}
	s := Supervision{AsOf: asOf, Actions: []Action{}, Undatable: []Undatable{}}
	Walk(tasks, func(t *Task) {
		if !t.Status.Open() || t.Status == Suspended {
			return
		}
		due, ok := t.Due(asOf, o.End)
		if missed, late := t.OverdueSince(asOf, o.End); late {
			due, ok = missed, true // a recurring report missed: supervise that one
		}
		if !ok {
			return
		}
		days, err := cal.WorkdaysBetween(asOf, due)
		if err != nil {
			s.Undatable = append(s.Undatable, undatable(t, due, asOf, due, cal, err))
			return
		}
		prov := provisionalYears(cal, asOf, due)
		emit := func(k ActionKind, days int, zh, en string) {
			if done[key{t.ID, k, due}] {
				return
			}
			if len(prov) > 0 {
				zh += fmt.Sprintf("（暂定：%s年放假通知尚未发布）", yearList(prov, "、"))
				en += fmt.Sprintf(" (provisional: no holiday notice for %s yet)", yearList(prov, ", "))
			}
			s.Actions = append(s.Actions, Action{Kind: k, Task: t.ID, Number: t.Number, Title: t.Title, Units: t.Responsibility.Accountable(),
				Due: due, On: asOf, Days: days, Provisional: len(prov) > 0, Message: zh + " / " + en})
		}
		if !asOf.After(due) {
			if days <= r.RemindBefore {
				emit(Remind, days, fmt.Sprintf("距期限 %s 还有%d个工作日", due, days), fmt.Sprintf("%d working days to the deadline %s", days, due))
			}
			return
		}
		late := -days
		emit(Supervise, late, fmt.Sprintf("已超过期限 %s %d个工作日", due, late), fmt.Sprintf("%d working days past the deadline %s", late, due))
		switch n := count[key{t.ID, 0, due}]; {
		case late >= r.EscalateLate:
			emit(Escalate, late, fmt.Sprintf("超期%d个工作日（达%d个），提级通报", late, r.EscalateLate),
				fmt.Sprintf("%d working days late (%d or more): escalated", late, r.EscalateLate))
		case n >= r.EscalateAfter:
			emit(Escalate, late, fmt.Sprintf("已提醒督办%d次（达%d次）仍未完成，提级通报", n, r.EscalateAfter),
				fmt.Sprintf("still open after %d reminders and supervisions (%d or more): escalated", n, r.EscalateAfter))
		}
	})
	return s
}
