package task

import (
	"fmt"
	"strconv"

	"github.com/google/uuid"
)

// Delegate passes the task down the chain to units (streets, communities):
// one part per unit, appended to t.Delegated and returned. Each part
//   - is numbered after the task: 51-1, 51-2 … (continuing after the parts
//     the task has);
//   - has the ID uuid.NewSHA1(t.ID, "delegated#" + FoldName(unit)), so that
//     delegating again to the same unit in another run gives the same ID;
//   - stands in the task's section, with its title and start;
//   - is led by its unit, accountable for its part (accountability for the
//     whole stays with the task's own units);
//   - is due by due, or by the task's deadline in force when due is nil.
//
// It returns an error wrapping ErrInvalidTask, and changes nothing, when
// the task has no ID, a unit is empty, named twice or already has a part,
// or due is invalid or later than the task's own fixed deadline (a
// delegate is never due after its delegator).
//
// The task then follows its parts (see State and ProgressWith): it is done
// when every part is done, and its progress is the mean of theirs.
func (t *Task) Delegate(units []string, due *Deadline) ([]*Task, error) {
	bad := func(zh, en string) error {
		return fmt.Errorf("%w: 任务 %s 委派 / delegating task %s: %s / %s", ErrInvalidTask, t.Number, t.Number, zh, en)
	}
	if t.ID == uuid.Nil {
		return nil, bad("任务没有 ID，下级任务的 ID 无从推出", "the task has no ID to derive its parts' IDs from")
	}
	if len(units) == 0 {
		return nil, bad("没有指定单位", "no unit named")
	}
	parent := t.EffectiveDeadline()
	if due == nil {
		due = parent
	} else if !due.valid() {
		return nil, bad("期限无效", "the deadline is invalid")
	} else if parent != nil && parent.Kind == OnDate && due.Kind == OnDate && due.Date.After(parent.Date) {
		return nil, bad(fmt.Sprintf("下级期限 %s 晚于上级期限 %s", due.Date, parent.Date), fmt.Sprintf("the part would be due %s, after the task's %s", due.Date, parent.Date))
	} else if parent != nil && parent.Kind == OnDate && due.Kind != OnDate {
		return nil, bad("上级为定期任务，下级须有不晚于它的日期", "the task has a fixed deadline: a part needs a date no later than it")
	}
	have := map[string]bool{}
	for _, d := range t.Delegated {
		if d != nil {
			for _, u := range d.Responsibility.Lead {
				have[FoldName(u)] = true
			}
		}
	}
	n := len(t.Delegated)
	parts := make([]*Task, 0, len(units))
	for _, u := range units {
		name := FoldName(u)
		switch {
		case name == "":
			return nil, bad("单位名称为空", "a unit name is empty")
		case have[name]:
			return nil, bad(name+"已有委派任务或重复", name+" already has a part, or is named twice")
		}
		have[name] = true
		n++
		parts = append(parts, &Task{
			ID:             uuid.NewSHA1(t.ID, []byte("delegated#"+name)),
			Number:         t.Number + "-" + strconv.Itoa(n),
			Section:        t.Section,
			Title:          t.Title,
			Start:          t.Start,
			Responsibility: Responsibility{Lead: []string{name}, Responsible: []string{}, Supporting: []string{}},
			Deadline:       due.clone(),
		})
	}
	t.Delegated = append(t.Delegated, parts...)
	return parts, nil
}
