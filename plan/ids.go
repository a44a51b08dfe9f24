package plan

import (
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
)

// The recipe of deterministic IDs, so that importing the same document
// twice, in Go or in any other language, gives the same IDs:
//
//  1. fold(s): map U+FF01–U+FF5E (full-width ASCII) to U+0021–U+007E and
//     U+3000 (ideographic space) to U+0020, then trim leading and trailing
//     white space (Unicode White_Space, as Go's strings.TrimSpace). Nothing
//     else is changed.
//  2. The plan's key: "doc:" + fold(文号 as normalised: 辽政办发〔2022〕14号)
//     when the plan has a 文号; otherwise "title:" + fold(title) +
//     "|issuer:" + fold(issuer) + "|issued:" + the date of issue as
//     YYYY-MM-DD (empty when unknown). Two plans without a 文号 share a key
//     only if they share title, issuer and date.
//  3. The plan's ID: UUID version 5 (RFC 9562, SHA-1) in the namespace
//     7a1d8e54-2c1f-5b7e-9a43-6f0d3c2b8e11 of the name "plan#" + key, as
//     UTF-8 bytes.
//  4. A task's item key: the fold of each section number from the top,
//     then of the task's number, joined by "/" (一/(二)/3); a task delegated
//     from another adds ">" and the delegate's number (一/1>东风街道). When
//     the same item key comes again in document order (a number printed
//     twice), the second gets "~2", the third "~3", and so on.
//  5. A task's ID: UUID version 5 in the same namespace of key + "#" +
//     item key.
//
// A task's ID already set (not the nil UUID) is kept. TestIDRecipe pins
// the recipe with literal UUIDs, and examples/python/street_plan.py
// reproduces it with Python's uuid.uuid5 (its Go test compares the IDs).

// Namespace returns the UUID namespace of bizenv's deterministic IDs.
func Namespace() uuid.UUID { return idNamespace }

var idNamespace = uuid.MustParse("7a1d8e54-2c1f-5b7e-9a43-6f0d3c2b8e11")

// fold is step 1 of the recipe.
func fold(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + 0x21
		case r == 0x3000:
			return ' '
		}
		return r
	}, s))
}

// Key returns the plan's identity key (step 2 of the recipe).
func (p *Plan) Key() string {
	if !p.DocNumber.IsZero() {
		return "doc:" + fold(p.DocNumber.String())
	}
	issued := ""
	if !p.Issued.IsZero() {
		issued = p.Issued.String()
	}
	return "title:" + fold(p.Title) + "|issuer:" + fold(p.Issuer) + "|issued:" + issued
}

// PlanID returns the deterministic ID of the plan with key (step 3).
func PlanID(key string) uuid.UUID { return uuid.NewSHA1(idNamespace, []byte("plan#"+key)) }

// TaskID returns the deterministic ID of the task with item key item in
// the plan with key (step 5).
func TaskID(key, item string) uuid.UUID { return uuid.NewSHA1(idNamespace, []byte(key+"#"+item)) }

// ItemKeys returns every task of the plan, delegated ones included, with
// its item key (step 4), in document order.
func (p *Plan) ItemKeys() (tasks []*task.Task, keys []string) {
	seen := map[*task.Task]bool{}
	var del func(t *task.Task, key string)
	del = func(t *task.Task, key string) {
		for _, d := range t.Delegated {
			if d == nil || seen[d] {
				continue
			}
			seen[d] = true
			k := key + ">" + fold(d.Number)
			tasks, keys = append(tasks, d), append(keys, k)
			del(d, k)
		}
	}
	var walk func(ss []*Section, prefix string, depth int)
	walk = func(ss []*Section, prefix string, depth int) {
		if depth > maxDepth {
			return
		}
		for _, s := range ss {
			if s == nil {
				continue
			}
			sp := prefix + fold(s.Number) + "/"
			for _, t := range s.Tasks {
				if t == nil || seen[t] {
					continue
				}
				seen[t] = true
				k := sp + fold(t.Number)
				tasks, keys = append(tasks, t), append(keys, k)
				del(t, k)
			}
			walk(s.Sections, sp, depth+1)
		}
	}
	walk(p.Sections, "", 0)
	count := make(map[string]int, len(keys))
	for i, k := range keys {
		if n := count[k] + 1; n > 1 {
			keys[i] = k + "~" + strconv.Itoa(n)
		}
		count[k]++
	}
	return tasks, keys
}

// AssignIDs gives the plan, and every task without one, its deterministic
// ID by the recipe above, and returns how many IDs it set. IDs already set
// are kept.
func (p *Plan) AssignIDs() int {
	n := 0
	key := p.Key()
	if p.ID == uuid.Nil {
		p.ID = PlanID(key)
		n++
	}
	tasks, keys := p.ItemKeys()
	for i, t := range tasks {
		if t.ID == uuid.Nil {
			t.ID = TaskID(key, keys[i])
			n++
		}
	}
	return n
}
