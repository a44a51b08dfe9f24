package indicator

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"
)

// System is an indicator system (指标体系): a tree of indicators of any depth,
// with the counts per level the document declares, if it declares any.
type System struct {
	// Name is the system's name (法治化营商环境优化指标体系).
	Name string `json:"name"`
	// Source names the document and place it comes from.
	Source string `json:"source,omitempty"`
	// Declared are the counts per level the document states: Declared[0]
	// level-1 indicators, Declared[1] level-2 and so on; 0 where it states
	// none. Audit compares them with the tree.
	Declared []int `json:"declared,omitempty"`
	// Roots are the level-1 indicators.
	Roots []*Node `json:"roots"`
}

// Node is one indicator. A node with children is scored from them; a leaf
// carries a Measure. A node's level is its depth (roots are level 1), so it
// is not stored.
type Node struct {
	// Code identifies the node within its system: 1, 1.2, 1.2.3.
	// Observations refer to leaves by code.
	Code string `json:"code"`
	// Name is the indicator's name as the document writes it.
	Name string `json:"name"`
	// Weight is the node's weight among its siblings. When every sibling's
	// weight is zero they count equally.
	Weight decimal.Decimal `json:"weight"`
	// Category groups leaves as a table's first column does (办事便利).
	Category string `json:"category,omitempty"`
	// Children are the node's sub-indicators.
	Children []*Node `json:"children,omitempty"`
	// Measure says how a leaf is measured; branches are scored from their
	// children instead.
	Measure *Measure `json:"measure,omitempty"`
}

// IsLeaf reports whether n has no children.
func (n *Node) IsLeaf() bool { return len(n.Children) == 0 }

// Walk calls fn for every node in depth-first order, with its level (roots
// are 1) and parent (nil for roots); fn returns false to skip the node's
// children. A node met a second time (a cycle, or a node shared by two
// parents) is not entered again, so Walk always ends.
func (s *System) Walk(fn func(n *Node, level int, parent *Node) bool) {
	seen := map[*Node]bool{}
	var walk func(n *Node, level int, parent *Node)
	walk = func(n *Node, level int, parent *Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		if !fn(n, level, parent) {
			return
		}
		for _, c := range n.Children {
			walk(c, level+1, n)
		}
	}
	for _, r := range s.Roots {
		walk(r, 1, nil)
	}
}

// Leaves returns the leaves in depth-first order.
func (s *System) Leaves() []*Node {
	var out []*Node
	s.Walk(func(n *Node, _ int, _ *Node) bool {
		if n.IsLeaf() {
			out = append(out, n)
		}
		return true
	})
	return out
}

// Counts returns the number of nodes at each level: Counts()[0] is the
// number of roots.
func (s *System) Counts() []int {
	var counts []int
	s.Walk(func(_ *Node, level int, _ *Node) bool {
		for len(counts) < level {
			counts = append(counts, 0)
		}
		counts[level-1]++
		return true
	})
	return counts
}

// Find returns the node with code, or nil.
func (s *System) Find(code string) *Node {
	var found *Node
	s.Walk(func(n *Node, _ int, _ *Node) bool {
		if found == nil && n.Code == code {
			found = n
		}
		return found == nil
	})
	return found
}

// AssignCodes gives every node without a code one from its position: the
// second child of the first root is 1.2.
func (s *System) AssignCodes() {
	var assign func(nodes []*Node, prefix string, seen map[*Node]bool)
	assign = func(nodes []*Node, prefix string, seen map[*Node]bool) {
		for i, n := range nodes {
			if n == nil || seen[n] {
				continue
			}
			seen[n] = true
			if n.Code == "" {
				n.Code = prefix + strconv.Itoa(i+1)
			}
			assign(n.Children, n.Code+".", seen)
		}
	}
	assign(s.Roots, "", map[*Node]bool{})
}

// MarshalJSON leaves out unset optional decimals (frontier, worst) rather
// than writing null.
func (m Measure) MarshalJSON() ([]byte, error) {
	type plain Measure
	out := struct {
		plain
		Frontier *decimal.Decimal `json:"frontier,omitempty"`
		Worst    *decimal.Decimal `json:"worst,omitempty"`
	}{plain: plain(m)}
	if m.Frontier.Valid {
		out.Frontier = &m.Frontier.Decimal
	}
	if m.Worst.Valid {
		out.Worst = &m.Worst.Decimal
	}
	return marshalJSON(out)
}

// MarshalJSON writes high only for Between targets.
func (t Target) MarshalJSON() ([]byte, error) {
	type plain Target
	out := struct {
		plain
		High *decimal.Decimal `json:"high,omitempty"`
	}{plain: plain(t)}
	if t.Op == Between {
		out.High = &t.High
	}
	return marshalJSON(out)
}

// marshalJSON is json.Marshal without HTML escaping, so that "<=" stays
// readable; an encoder that wants escaping applies it to the result.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
