package indicator

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Severity ranks a finding.
type Severity uint8

// The severities.
const (
	// Warning is an inconsistency in the document (declared counts that do
	// not match its table, weights that do not add up); the system can
	// still be evaluated.
	Warning Severity = iota + 1
	// Error is a problem that prevents evaluation (a cycle, a duplicate
	// code, a negative weight, a measure without a direction).
	Error
)

// String returns warning or error.
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) {
	if s != Warning && s != Error {
		return nil, errf(ErrInvalidValue, "无效的严重程度 %d", "invalid severity %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: warning or error.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "warning":
		*s = Warning
	case "error":
		*s = Error
	default:
		return errf(ErrInvalidValue, "未知的严重程度 %q（应为 warning 或 error）", "unknown severity %q (want warning or error)", string(b))
	}
	return nil
}

// Finding is one problem Audit found.
type Finding struct {
	// Severity says whether the finding prevents evaluation.
	Severity Severity `json:"severity"`
	// Rule is a stable identifier: declared_count, duplicate_name,
	// missing_name, cycle, nil_node, weight_sum, negative_weight,
	// missing_measure, measure_on_branch, mixed_units, duplicate_code,
	// missing_code, bad_measure.
	Rule string `json:"rule"`
	// Path locates the node: roots[1].children[0] (code 2.1 名称).
	Path string `json:"path"`
	// Message says what is wrong, in Chinese and English.
	Message string `json:"message"`
}

// String returns "severity rule path: message".
func (f Finding) String() string {
	return fmt.Sprintf("%s %s %s: %s", f.Severity, f.Rule, f.Path, f.Message)
}

// AuditOptions tunes Audit.
type AuditOptions struct {
	// WeightTolerance is how far sibling weights may sum from 1; zero means
	// 0.001.
	WeightTolerance decimal.Decimal
}

// Audit checks the system's shape and returns every finding at once:
// declared counts against the tree at each level, duplicate names under one
// parent, cycles and shared nodes, sibling weights that do not sum to 1,
// negative weights, leaves without a measure, siblings with incompatible
// units, missing or duplicate codes, and measures that cannot be evaluated.
func (s *System) Audit(opts AuditOptions) []Finding {
	tol := opts.WeightTolerance
	if tol.IsZero() {
		tol = decimal.New(1, -3)
	}
	var out []Finding
	add := func(sev Severity, rule, path string, m msg) {
		out = append(out, Finding{sev, rule, path, m.String()})
	}
	seen := map[*Node]string{}
	codes := map[string]string{}
	counts := []int{}
	var visit func(nodes []*Node, level int, path string)
	visit = func(nodes []*Node, level int, path string) {
		names := map[string]string{}
		sum, weighted := decimal.Zero, false
		var unit Unit
		unitPath := ""
		for i, n := range nodes {
			p := fmt.Sprintf("%s[%d]", path, i)
			if n == nil {
				add(Error, "nil_node", p, msg{"空节点", "nil node"})
				continue
			}
			where := fmt.Sprintf("%s (%s %s)", p, n.Code, n.Name)
			if first, dup := seen[n]; dup {
				add(Error, "cycle", where, msg{"节点重复出现（循环或被多个上级共用），首次位于 " + first,
					"node appears again (a cycle, or shared by two parents); first at " + first})
				continue
			}
			seen[n] = p
			for len(counts) < level {
				counts = append(counts, 0)
			}
			counts[level-1]++
			if strings.TrimSpace(n.Name) == "" {
				add(Warning, "missing_name", where, msg{"指标没有名称", "indicator has no name"})
			} else if first, dup := names[n.Name]; dup {
				add(Warning, "duplicate_name", where, msg{"同一上级下名称重复，另见 " + first, "duplicate name under one parent; also at " + first})
			} else {
				names[n.Name] = p
			}
			if n.Code == "" {
				add(Error, "missing_code", where, msg{"指标没有编码（可用 AssignCodes）", "indicator has no code (see AssignCodes)"})
			} else if first, dup := codes[n.Code]; dup {
				add(Error, "duplicate_code", where, msg{"编码重复，另见 " + first, "duplicate code; also at " + first})
			} else {
				codes[n.Code] = p
			}
			if n.Weight.IsNegative() {
				add(Error, "negative_weight", where, msg{"权重为负：" + n.Weight.String(), "negative weight: " + n.Weight.String()})
			}
			if !n.Weight.IsZero() {
				weighted = true
			}
			sum = sum.Add(n.Weight)
			if n.IsLeaf() {
				if n.Measure == nil {
					add(Warning, "missing_measure", where, msg{"末级指标没有度量（单位、方向、目标）", "leaf has no measure (unit, direction, targets)"})
				} else {
					for _, m := range checkMeasure(n.Measure) {
						add(Error, "bad_measure", where, m)
					}
					if unit == "" {
						unit, unitPath = n.Measure.Unit, where
					} else if !unit.Compatible(n.Measure.Unit) {
						add(Warning, "mixed_units", where, msg{
							fmt.Sprintf("单位 %s 与同级 %s 的单位 %s 不可比", n.Measure.Unit, unitPath, unit),
							fmt.Sprintf("unit %s cannot be compared with %s of sibling %s", n.Measure.Unit, unit, unitPath)})
					}
				}
			} else if n.Measure != nil {
				add(Warning, "measure_on_branch", where, msg{"有下级的指标由下级计分，其度量不参与计算", "a node with children is scored from them; its measure is not used"})
			}
			visit(n.Children, level+1, p+".children")
		}
		if weighted && sum.Sub(decimal.NewFromInt(1)).Abs().GreaterThan(tol) {
			add(Warning, "weight_sum", path, msg{"同级权重之和为 " + sum.String() + "，不是 1", "sibling weights sum to " + sum.String() + ", not 1"})
		}
	}
	visit(s.Roots, 1, "roots")
	for i, d := range s.Declared {
		got := 0
		if i < len(counts) {
			got = counts[i]
		}
		if d > 0 && d != got {
			add(Warning, "declared_count", fmt.Sprintf("declared[%d]", i), msg{
				fmt.Sprintf("文件称%d个%s级指标，表中实有%d个", d, levelZh(i+1), got),
				fmt.Sprintf("the document declares %d level-%d indicators; its table has %d", d, i+1, got)})
		}
	}
	return out
}

func levelZh(l int) string {
	z := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if l < len(z) {
		return z[l]
	}
	return fmt.Sprint(l)
}

// checkMeasure returns what makes a measure unusable.
func checkMeasure(m *Measure) []msg {
	var out []msg
	if !m.Unit.Valid() {
		out = append(out, msg{fmt.Sprintf("单位无效：%q", m.Unit), fmt.Sprintf("invalid unit %q", m.Unit)})
	}
	if m.Direction == 0 || m.Direction > Band {
		out = append(out, msg{"缺少方向（higher、lower 或 band）", "direction is missing (higher, lower or band)"})
	}
	for i, t := range m.Targets {
		switch {
		case t.Op == 0 || t.Op > Between:
			out = append(out, msg{fmt.Sprintf("targets[%d] 缺少比较方式", i), fmt.Sprintf("targets[%d] has no comparator", i)})
		case !t.Unit.Compatible(m.Unit):
			out = append(out, msg{fmt.Sprintf("targets[%d] 的单位 %s 与度量单位 %s 不可比", i, t.Unit, m.Unit),
				fmt.Sprintf("targets[%d] unit %s cannot be compared with the measure's unit %s", i, t.Unit, m.Unit)})
		case t.Op == Between && t.High.LessThan(t.Value):
			out = append(out, msg{fmt.Sprintf("targets[%d] 区间上限小于下限", i), fmt.Sprintf("targets[%d] has its upper end below its lower end", i)})
		}
	}
	if m.Frontier.Valid && m.Worst.Valid && m.Frontier.Decimal.Equal(m.Worst.Decimal) {
		out = append(out, msg{"前沿值等于最差值", "frontier equals worst"})
	}
	return out
}

// Errors returns only the findings of severity Error.
func Errors(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Severity == Error {
			out = append(out, f)
		}
	}
	return out
}
