package docimport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/plan"
)

// table is an indicator table being read: tab-separated cells under a
// header naming the levels (类别 / 指标, 一级指标..四级指标), the target
// (2025年目标) and the attribute (属性). A blank level cell continues the
// row above.
type table struct {
	levels []int // cell index of each level
	target int   // cell index of the target, or -1
	attr   int   // cell index of the attribute, or -1
	year   int   // the target's year, from the header
	ncols  int
	sys    *indicator.System
	path   []*indicator.Node
	col    *colBuild
	where  string // 专栏N 亮点工程X, for the system's source
}

var (
	reLevelHeader = regexp.MustCompile(`^([一二三四])级指标$`)
	reSeparator   = regexp.MustCompile(`^[-:|\s]*$`)
	reLowerName   = regexp.MustCompile(`时限|时长|环节|用时|跑动次数`)
	reBuildVerb   = regexp.MustCompile(`^(?:构建|建立|打造|完善|建设|形成)`)
)

// readHeader reads a header row; ok is false when the cells name no level.
func readTableHeader(cells []string) (t *table, ok bool) {
	t = &table{target: -1, attr: -1, ncols: len(cells)}
	category := -1
	for i, c := range cells {
		c = strings.Join(strings.Fields(c), "")
		switch {
		case reLevelHeader.MatchString(c):
			n := chineseNumber(reLevelHeader.FindStringSubmatch(c)[1])
			for len(t.levels) < n {
				t.levels = append(t.levels, -1)
			}
			t.levels[n-1] = i
		case c == "类别" || c == "类型" || c == "领域":
			category = i
		case c == "指标" || c == "指标名称":
			if category >= 0 {
				t.levels = []int{category, i}
			} else {
				t.levels = []int{i}
			}
		case strings.Contains(c, "目标"):
			t.target = i
			if m := reYear.FindStringSubmatch(c); m != nil {
				t.year, _ = strconv.Atoi(m[1])
			}
		case c == "属性" || c == "指标属性":
			t.attr = i
		}
	}
	for _, l := range t.levels {
		if l < 0 {
			return nil, false
		}
	}
	return t, len(t.levels) > 0
}

// tableRow reads a table row: a tab-separated line, a row of a Word table
// or an Excel sheet. The first row of a table is its header: an
// indicator table's (一级指标, 指标, 2025年目标) or a task table's (重点任务,
// 牵头单位, 完成时限); rows under no header the importer knows are kept as
// text.
func (p *parser) tableRow(l block) {
	cells := l.rowCells()
	if p.ttable != nil {
		p.taskRow(l, cells)
		return
	}
	if p.table == nil {
		if t, ok := readTableHeader(cells); ok {
			p.openTable(t)
			return
		}
		if t, ok := readTaskHeader(l, cells); ok {
			p.openTaskTable(l, t)
			return
		}
		if t := p.lastTask; t != nil && len(cells) <= len(t.cols) && p.container() != nil {
			// The task table goes on after a heading between its rows, or
			// in a table of its own with no header (a Word table per
			// section): the columns of the last header.
			p.reopenTaskTable(l, t)
			p.taskRow(l, cells)
			return
		}
		p.add(l, plan.Warning, "table_no_header", "表格行没有可识别的表头，作为正文保留", "table cells without a header the importer knows; kept as text")
		text := strings.Join(strings.Fields(strings.Join(cells, " ")), " ")
		if !p.started {
			p.header = append(p.header, block{seq: l.seq, at: l.at, text: text})
			return
		}
		p.prose(block{seq: l.seq, at: l.at, text: text})
		return
	}
	t := p.table
	if reSeparator.MatchString(strings.Join(cells, "")) {
		return
	}
	if len(cells) > t.ncols {
		p.add(l, plan.Warning, "table_row", fmt.Sprintf("此行有 %d 格，表头只有 %d 格，未导入", len(cells), t.ncols),
			fmt.Sprintf("the row has %d cells and the header %d; left out", len(cells), t.ncols))
		return
	}
	cell := func(i int) string {
		if i < 0 || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}
	var node *indicator.Node
	for lv, ci := range t.levels {
		name := cell(ci)
		if name == "" {
			continue
		}
		n := &indicator.Node{Name: name}
		if lv == 0 {
			t.sys.Roots = append(t.sys.Roots, n)
		} else if parent := t.path[lv-1]; parent != nil {
			parent.Children = append(parent.Children, n)
			if lv == len(t.levels)-1 && len(t.levels) == 2 {
				n.Category = parent.Name
			}
		} else {
			p.add(l, plan.Warning, "table_row", fmt.Sprintf("“%s”上面没有上级指标，未导入", name), fmt.Sprintf("%q has no parent above it; left out", name))
			return
		}
		t.path[lv] = n
		for k := lv + 1; k < len(t.path); k++ {
			t.path[k] = nil
		}
		node = n
	}
	if node == nil || t.target < 0 && t.attr < 0 {
		return
	}
	target, attrText := cell(t.target), cell(t.attr)
	if target == "" && attrText == "" {
		return
	}
	dir := indicator.Higher
	if reLowerName.MatchString(node.Name) && !strings.Contains(node.Name, "降低") {
		dir = indicator.Lower
	}
	m := &indicator.Measure{Direction: dir, Frequency: indicator.Yearly}
	if target != "" {
		tg, err := indicator.ParseTarget(target, dir)
		if err != nil {
			p.add(l, plan.Warning, "table_target", fmt.Sprintf("无法读取“%s”的目标：%v", node.Name, err), fmt.Sprintf("cannot read the target of %q: %v", node.Name, err))
			return
		}
		tg.Year = t.year
		m.Unit, m.Kind = tg.Unit, tg.Unit.DefaultKind()
		m.Targets = []indicator.Target{tg}
	}
	if attrText != "" {
		if err := m.Attribute.UnmarshalText([]byte(attrText)); err != nil {
			p.add(l, plan.Warning, "table_attribute", fmt.Sprintf("“%s”的属性“%s”应为约束性或预期性", node.Name, attrText),
				fmt.Sprintf("the attribute %q of %q should be 约束性 or 预期性", attrText, node.Name))
		}
	}
	node.Measure = m
}

// openTable starts a table under the open column or section.
func (p *parser) openTable(t *table) {
	name := ""
	switch {
	case p.flag != nil && p.flag.Title != "":
		name = reBuildVerb.ReplaceAllString(p.flag.Title, "")
	case p.col != nil:
		name = p.col.Title
	case p.container() != nil:
		name = p.container().Title + "指标"
	default:
		name = "指标"
	}
	if p.col != nil {
		t.col = p.col
		t.where = "专栏" + p.col.Number
		if p.flag != nil {
			t.where += " 亮点工程" + p.flag.Number
		}
	}
	t.sys = &indicator.System{Name: name, Declared: p.declared}
	t.path = make([]*indicator.Node, len(t.levels))
	p.declared = nil
	p.table = t
}

// closeTable ends the open table: an indicator table's system joins the
// plan, and its targets the plan's targets.
func (p *parser) closeTable() {
	p.closeTaskTable()
	t := p.table
	if t == nil {
		return
	}
	p.table = nil
	if len(t.sys.Roots) == 0 {
		return
	}
	t.sys.AssignCodes()
	t.sys.Source = t.where
	p.plan.IndicatorSystems = append(p.plan.IndicatorSystems, t.sys)
	if t.col != nil {
		t.col.Systems = append(t.col.Systems, t.sys.Name)
	}
	t.sys.Walk(func(n *indicator.Node, _ int, _ *indicator.Node) bool {
		if n.Measure != nil {
			for _, tg := range n.Measure.Targets {
				p.plan.Targets = append(p.plan.Targets, plan.Target{System: t.sys.Name, Indicator: n.Code, Name: n.Name, Target: tg})
			}
		}
		return true
	})
}
