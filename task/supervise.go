package task

import (
	"fmt"

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
	// Message says why, in Chinese and English.
	Message string `json:"message"`
}

// Actions turns the state of tasks (delegated ones included) as of asOf
// into actions: remind the accountable units when a fixed due date is
// RemindBefore working days away or fewer; supervise when it has passed;
// escalate when the task is EscalateLate working days late or has had
// EscalateAfter reminders and supervisions for that due date. sent are the
// actions delivered before; an action already sent for the same task, kind
// and due date is not repeated; the caller stores what it delivers. Working days come from cal (nil:
// calendar.China()); a date outside its years is an error.
func Actions(tasks []*Task, asOf, planEnd calendar.Date, cal *calendar.Calendar, rules Rules, sent []Action) ([]Action, error) {
	if cal == nil {
		cal = calendar.China()
	}
	r := rules.withDefaults()
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
	var out []Action
	var err error
	Walk(tasks, func(t *Task) {
		if err != nil || !t.Status.Open() || t.Status == Suspended {
			return
		}
		due, ok := t.Due(asOf, planEnd)
		if missed, late := t.OverdueSince(asOf, planEnd); late {
			due, ok = missed, true // a recurring report missed: supervise that one
		}
		if !ok {
			return
		}
		emit := func(k ActionKind, days int, zh, en string) {
			if done[key{t.ID, k, due}] {
				return
			}
			out = append(out, Action{Kind: k, Task: t.ID, Number: t.Number, Title: t.Title, Units: t.Responsibility.Accountable(),
				Due: due, On: asOf, Days: days, Message: zh + " / " + en})
		}
		if !asOf.After(due) {
			left, e := cal.WorkdaysBetween(asOf, due)
			if e != nil {
				err = fmt.Errorf("task %s: %w", t.Number, e)
				return
			}
			if left <= r.RemindBefore {
				emit(Remind, left, fmt.Sprintf("距期限 %s 还有%d个工作日", due, left), fmt.Sprintf("%d working days to the deadline %s", left, due))
			}
			return
		}
		late, e := cal.WorkdaysBetween(due, asOf)
		if e != nil {
			err = fmt.Errorf("task %s: %w", t.Number, e)
			return
		}
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
	if err != nil {
		return nil, err
	}
	return out, nil
}
