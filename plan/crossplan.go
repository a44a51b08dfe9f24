package plan

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// names reports whether ref names plan p.
func (r Ref) names(p *Plan) bool {
	switch {
	case r.ID != uuid.Nil && p.ID != uuid.Nil:
		return r.ID == p.ID
	case !r.DocNumber.IsZero() && !p.DocNumber.IsZero():
		return r.DocNumber == p.DocNumber
	case r.Title != "":
		return normTitle(r.Title) == normTitle(p.Title)
	}
	return false
}

func normTitle(s string) string {
	return strings.NewReplacer("《", "", "》", "", " ", "", "\u3000", "", "—", "-", "–", "-").Replace(s)
}

// CheckAgainst compares child with the plan above it and returns every
// finding at once: the basis links, each child task that implements a
// parent task (it must exist and be due no later), each child target
// against the parent's for the same indicator (it must be at least as
// strict; units are converted within a family and reported when they
// cannot be: 天 and 工作日 differ), the parent tasks no child task
// implements (coverage), and, for child tasks that implement nothing, the
// parent task they most resemble (suggestions, never links).
func CheckAgainst(child, parent *Plan) []Finding {
	var fs findings
	if child == parent || (child.ID != uuid.Nil && child.ID == parent.ID) || (!child.DocNumber.IsZero() && child.DocNumber == parent.DocNumber) {
		fs.add(Error, "self_parent", "", "计划不能以自身为上级", "a plan cannot be checked against itself")
		return fs
	}
	ptasks, ppaths := parent.Tasks()
	var prefs map[string]*TaskRef // made when a finding names a parent task
	refOf := func(j int) *TaskRef {
		if prefs == nil {
			prefs = parent.taskRefs(ptasks, ppaths)
		}
		return refIn(prefs, ptasks[j], ppaths[j])
	}
	named := false
	for _, b := range child.Basis {
		named = named || b.names(parent)
	}
	if !named {
		fs.add(Info, "parent_not_in_basis", "/basis", fmt.Sprintf("依据中未列出上级计划《%s》", parent.Title), fmt.Sprintf("the basis does not name the parent plan %q", parent.Title))
	}
	for i, b := range parent.Basis {
		if b.names(child) {
			fs = append(fs, Finding{Code: "basis_cycle", Severity: Error, Path: pointer("basis", i), Document: "parent",
				MessageZh: "上级计划的依据中列出了本计划，形成循环", MessageEn: "the parent names this plan in its basis: a cycle"})
		}
	}

	byID := make(map[uuid.UUID]int, len(ptasks))
	for i, t := range ptasks {
		if t.ID != uuid.Nil {
			byID[t.ID] = i
		}
	}
	implemented := make([]bool, len(ptasks))
	ctasks, cpaths := child.Tasks()
	var unlinked []int
	for i, t := range ctasks {
		if len(t.Implements) == 0 {
			unlinked = append(unlinked, i)
		}
		for k, id := range t.Implements {
			j, ok := byID[id]
			path := fmt.Sprintf("%s/implements/%d", cpaths[i], k)
			if !ok {
				fs.add(Error, "unknown_parent_task", path, fmt.Sprintf("上级计划没有任务 %s", id), fmt.Sprintf("the parent plan has no task %s", id))
				continue
			}
			implemented[j] = true
			cd, pd := dueOf(t, child), dueOf(ptasks[j], parent)
			if !cd.IsZero() && !pd.IsZero() && cd.After(pd) {
				pr := refOf(j)
				fs = append(fs, Finding{Code: "late_deadline", Severity: Error, Path: cpaths[i] + "/deadline", Parent: pr,
					MessageZh: fmt.Sprintf("期限 %s 晚于所落实的上级任务 %s（%s）的期限 %s", cd, pr.Label(), pr.Path, pd),
					MessageEn: fmt.Sprintf("due %s, after %s, the deadline of parent task %s (%s) it implements", cd, pd, pr.Label(), pr.Path)})
			}
		}
	}
	for j, done := range implemented {
		if !done {
			fs = append(fs, Finding{Code: "uncovered_parent_task", Severity: Info, Path: ppaths[j], Document: "parent", Parent: refOf(j),
				MessageZh: fmt.Sprintf("上级任务 %s「%s」没有下级任务落实", ptasks[j].Number, ptasks[j].Title),
				MessageEn: fmt.Sprintf("parent task %s %q is implemented by no child task", ptasks[j].Number, ptasks[j].Title)})
		}
	}
	suggestLinks(ctasks, cpaths, unlinked, ptasks, refOf, &fs)
	compareTargets(child, parent, &fs)
	out := []Finding(fs)
	child.annotate(out, ctasks, cpaths)
	Sort(out)
	return out
}

// dueOf returns a task's fixed due date, or its plan's end.
func dueOf(t *task.Task, p *Plan) calendar.Date {
	if t.Deadline != nil && t.Deadline.Kind == task.OnDate {
		return t.Deadline.Date
	}
	if p.Period.To > 0 {
		return p.Period.End()
	}
	return calendar.Date{}
}

// compareTargets compares targets for the same indicator (by name).
func compareTargets(child, parent *Plan, fs *findings) {
	pt := map[string][]Target{}
	for _, t := range parent.Targets {
		pt[t.Name] = append(pt[t.Name], t)
	}
	for i, ct := range child.Targets {
		for _, p := range pt[ct.Name] {
			path := pointer("targets", i)
			c, q := ct.Target, p.Target
			v, err := c.Unit.Convert(c.Value, q.Unit)
			if err != nil {
				fs.add(Warning, "target_unit_mismatch", path, fmt.Sprintf("指标「%s」本级以%s计、上级以%s计，无法比较", ct.Name, c.Unit, q.Unit),
					fmt.Sprintf("%q is in %s here and in %s above: they cannot be compared", ct.Name, c.Unit, q.Unit))
				continue
			}
			lax := false
			switch {
			case isUpper(c.Op) && isUpper(q.Op):
				lax = v.GreaterThan(q.Value) || (v.Equal(q.Value) && c.Op == indicator.AtMost && q.Op == indicator.Below)
			case isLower(c.Op) && isLower(q.Op):
				lax = v.LessThan(q.Value) || (v.Equal(q.Value) && c.Op == indicator.AtLeast && q.Op == indicator.Above)
			default:
				fs.add(Warning, "target_incomparable", path, fmt.Sprintf("指标「%s」本级目标 %s 与上级目标 %s 的比较方式不同", ct.Name, c, q),
					fmt.Sprintf("%q: the target %s and the parent's %s compare differently", ct.Name, c, q))
				continue
			}
			if lax && (ct.Additive || p.Additive) && isLower(c.Op) {
				fs.add(Info, "additive_target", path, fmt.Sprintf("指标「%s」为总量，本级目标 %s 是上级目标 %s 的一部分", ct.Name, c, q),
					fmt.Sprintf("%q is a total: the target %s is a share of the parent's %s", ct.Name, c, q))
				continue
			}
			if lax {
				fs.add(Error, "laxer_target", path, fmt.Sprintf("指标「%s」目标 %s 宽于上级目标 %s", ct.Name, c, q),
					fmt.Sprintf("%q: the target %s is less strict than the parent's %s", ct.Name, c, q))
			}
		}
	}
}

func isUpper(o indicator.Op) bool { return o == indicator.AtMost || o == indicator.Below }
func isLower(o indicator.Op) bool { return o == indicator.AtLeast || o == indicator.Above }

// suggestLinks proposes, for each unlinked child task, the parent task
// whose title shares the most character pairs (Dice coefficient at least
// 0.5). Parent titles are indexed by character pairs; pairs common to more
// than maxPairShare parent tasks (营商, 环境, 推进 ...) say little and are
// ignored, which also keeps the work per child task bounded.
// maxPairShare is the most parent tasks a character pair may be shared by
// and still count towards a suggestion.
const maxPairShare = 64

func suggestLinks(ctasks []*task.Task, cpaths []string, unlinked []int, ptasks []*task.Task, refOf func(j int) *TaskRef, fs *findings) {
	if len(unlinked) == 0 || len(ptasks) == 0 {
		return
	}
	index := map[[2]rune][]int32{}
	sizes := make([]int, len(ptasks))
	for j, t := range ptasks {
		bs := bigrams(t.Title)
		sizes[j] = len(bs)
		for b := range bs {
			index[b] = append(index[b], int32(j))
		}
	}
	count := map[int32]int{}
	for _, i := range unlinked {
		bs := bigrams(ctasks[i].Title)
		if len(bs) == 0 {
			continue
		}
		clear(count)
		for b := range bs {
			if l := index[b]; len(l) <= maxPairShare {
				for _, j := range l {
					count[j]++
				}
			}
		}
		best, score := -1, 0.0
		keys := make([]int32, 0, len(count))
		for j := range count {
			keys = append(keys, j)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		for _, j := range keys {
			s := 2 * float64(count[j]) / float64(len(bs)+sizes[j])
			if s > score {
				best, score = int(j), s
			}
		}
		if best >= 0 && score >= 0.5 {
			pr := refOf(best)
			*fs = append(*fs, Finding{Code: "suggested_link", Severity: Info, Path: cpaths[i] + "/implements", Parent: pr,
				MessageZh: fmt.Sprintf("未注明落实的上级任务；与上级任务 %s（%s）相近", pr.Label(), pr.Path),
				MessageEn: fmt.Sprintf("implements nothing; it resembles parent task %s (%s)", pr.Label(), pr.Path)})
		}
	}
}

// bigrams returns the set of adjacent character pairs of s, punctuation
// and spaces left out.
func bigrams(s string) map[[2]rune]bool {
	var rs []rune
	for _, r := range s {
		if r >= utf8.RuneSelf && !strings.ContainsRune("“”《》、，。（）：；", r) || r >= '0' && r <= '9' || r >= 'A' && r <= 'z' {
			rs = append(rs, r)
		}
	}
	out := make(map[[2]rune]bool, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out[[2]rune{rs[i], rs[i+1]}] = true
	}
	return out
}

// refIn returns the TaskRef of t at path: from refs, or made from t when
// refs lacks it (a task that stands twice in the plan is walked once).
func refIn(refs map[string]*TaskRef, t *task.Task, path string) *TaskRef {
	if r := refs[path]; r != nil {
		return r
	}
	return &TaskRef{ID: t.ID, Number: t.Number, Title: t.Title, Path: path}
}
