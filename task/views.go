package task

import (
	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/org"
)

// Walk calls fn for every task and everything delegated from it, depth
// first, each task once even if reached twice (a delegation cycle ends).
func Walk(tasks []*Task, fn func(*Task)) {
	seen := make(map[*Task]bool, len(tasks))
	var walk func(t *Task)
	walk = func(t *Task) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		fn(t)
		for _, d := range t.Delegated {
			walk(d)
		}
	}
	for _, t := range tasks {
		walk(t)
	}
}

// Workload is what one unit owes: its tasks by role.
type Workload struct {
	// Unit is the unit, folded.
	Unit string `json:"unit"`
	// Lead are the tasks it leads (牵头).
	Lead []*Task `json:"lead"`
	// Joint are the tasks it answers for jointly (按职责分工负责).
	Joint []*Task `json:"joint"`
	// Responsible are the tasks it is responsible for (责任单位).
	Responsible []*Task `json:"responsible"`
	// Supporting are the tasks it supports (配合).
	Supporting []*Task `json:"supporting"`
}

// add files t under role (nowhere for NoRole).
func (w *Workload) add(t *Task, role Role) {
	switch role {
	case LeadRole:
		w.Lead = append(w.Lead, t)
	case JointRole:
		w.Joint = append(w.Joint, t)
	case Responsible:
		w.Responsible = append(w.Responsible, t)
	case Supporting:
		w.Supporting = append(w.Supporting, t)
	}
}

// Accountable returns the number of tasks the unit answers for: as lead or
// jointly by duty.
func (w Workload) Accountable() int { return len(w.Lead) + len(w.Joint) }

// WorkloadOf returns unit's tasks among tasks (delegated ones included),
// each under the unit's most accountable role. Names are compared after
// FoldName, and task names are expected folded (JSON decoding folds them).
// Group phrases are not expanded: see WorkloadIn.
func WorkloadOf(tasks []*Task, unit string) Workload {
	w := Workload{Unit: FoldName(unit)}
	u := w.Unit
	Walk(tasks, func(t *Task) {
		w.add(t, roleOfFolded(&t.Responsibility, u))
	})
	return w
}

// WorkloadIn returns unit's tasks as WorkloadOf does, with names resolved
// through o.Directory: aliases count as the unit, and a group phrase
// (各镇（街道）) counts for each of its member units, so that a street
// named only through 各镇（街道） has the tasks. With OpenOnly, finished,
// cancelled and carried-over tasks are left out: what the unit still owes.
func WorkloadIn(tasks []*Task, unit string, o Options, openOnly bool) Workload {
	r := o.resolver()
	u := r.canon(unit)
	w := Workload{Unit: u}
	Walk(tasks, func(t *Task) {
		if openOnly && !t.State().Open() {
			return
		}
		w.add(t, r.parties(t).role(u))
	})
	return w
}

// UnitRole is a unit's part in a task.
type UnitRole struct {
	// Unit is the unit.
	Unit string `json:"unit"`
	// Role is its most accountable part.
	Role Role `json:"role"`
}

// UnitRoles returns each unit of the task once, leads first, then the
// responsible and the supporting units, each with its most accountable
// role; names are resolved, and group phrases expanded to their members,
// through o.Directory.
func (t *Task) UnitRoles(o Options) []UnitRole {
	ps := o.resolver().parties(t)
	var out []UnitRole
	for _, l := range [][]string{ps.lead, ps.responsible, ps.supporting} {
		for _, u := range l {
			dup := false
			for _, x := range out {
				dup = dup || x.Unit == u
			}
			if !dup {
				out = append(out, UnitRole{Unit: u, Role: ps.role(u)})
			}
		}
	}
	return out
}

// roleOfFolded returns the part the folded name u plays in r, whose lists
// hold folded names.
func roleOfFolded(r *Responsibility, u string) Role {
	return parties{lead: r.Lead, responsible: r.Responsible, supporting: r.Supporting, joint: r.Joint}.role(u)
}

// Overdue returns the tasks (delegated ones included) that are late as of
// asOf under o (see Task.Standing: some accountable unit has missed a due
// date), in walk order. A task whose dates need a year the calendar does
// not know is listed in undatable instead, and never fails the call.
func Overdue(tasks []*Task, asOf calendar.Date, o Options) (late []*Task, undatable []Undatable) {
	eng := newEngine(o)
	Walk(tasks, func(t *Task) {
		st, err := eng.standing(t, newViewAt(t, asOf), asOf, 0, false)
		switch {
		case err != nil:
			undatable = append(undatable, eng.undatableOf(t, asOf, err))
		case st.Late:
			late = append(late, t)
		}
	})
	return late, undatable
}

// Matrix counts tasks by unit and section: how many tasks each unit has a
// part in within each section.
type Matrix struct {
	// Units are the units in Chinese (pinyin) order.
	Units []string `json:"units"`
	// Sections are the sections in the order they first appear.
	Sections []string `json:"sections"`
	// Counts[i][j] is the number of tasks of Sections[j] in which Units[i]
	// has a part.
	Counts [][]int `json:"counts"`
}

// NewMatrix builds the unit × section matrix of tasks.
func NewMatrix(tasks []*Task) Matrix {
	secIdx := map[string]int{}
	var m Matrix
	counts := map[string]map[int]int{}
	Walk(tasks, func(t *Task) {
		j, ok := secIdx[t.Section]
		if !ok {
			j = len(m.Sections)
			secIdx[t.Section] = j
			m.Sections = append(m.Sections, t.Section)
		}
		seen := map[string]bool{}
		r := t.Responsibility
		for _, list := range [][]string{r.Lead, r.Responsible, r.Supporting} {
			for _, u := range list {
				if seen[u] {
					continue
				}
				seen[u] = true
				if counts[u] == nil {
					counts[u] = map[int]int{}
					m.Units = append(m.Units, u)
				}
				counts[u][j]++
			}
		}
	})
	org.SortNames(m.Units)
	m.Counts = make([][]int, len(m.Units))
	for i, u := range m.Units {
		m.Counts[i] = make([]int, len(m.Sections))
		for j, n := range counts[u] {
			m.Counts[i][j] = n
		}
	}
	return m
}
