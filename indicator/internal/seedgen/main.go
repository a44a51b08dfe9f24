// Command seedgen turns the indicator tables of the seed documents into the
// JSON systems shipped in indicator/data. It reads the document text as
// published (tab-separated tables, a blank cell meaning "as above") and
// keeps each table as the document prints it, so that Audit can report
// where a document's declared counts and its own table disagree.
//
//	go run ./indicator/internal/seedgen -seeds ../shared/seeds -out indicator/data
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/bizenv/bizenv/indicator"
)

// anshan is the city programme: 鞍山市优化营商环境“十四五”规划.
const anshan = "000_1c5c9fd9257229b5.txt"

// directions of 专栏1's indicators. The table gives no direction; these are
// read from each indicator's meaning (a time limit or a number of steps is
// better lower, everything else higher; 成本降低 is a reduction, so higher).
var column1Directions = map[string]indicator.Direction{
	"政务服务事项平均办理时限":           indicator.Lower,
	"政务服务事项平均办理环节":           indicator.Lower,
	"工程建设项目从立项到不动产登记全流程审批时限": indicator.Lower,
	"全过程办理水电气时长":             indicator.Lower,
	"执行合同结案平均时长":             indicator.Lower,
	"办理破产案件平均时长":             indicator.Lower,
}

// national18 are the 18 first-level indicators of the China business
// environment evaluation (中国营商环境评价), as published in 国家发展和改革委员会
// 《中国营商环境报告2020》.
var national18 = []string{
	"开办企业", "劳动力市场监管", "办理建筑许可", "政府采购", "招标投标", "获得电力",
	"获得用水用气", "登记财产", "获得信贷", "保护中小投资者", "知识产权创造、保护和运用",
	"跨境贸易", "纳税", "执行合同", "办理破产", "市场监管", "政务服务", "包容普惠创新",
}

func main() {
	seeds := flag.String("seeds", "../shared/seeds", "folder of the seed documents")
	out := flag.String("out", "indicator/data", "folder to write the systems to")
	flag.Parse()
	systems, err := generate(*seeds)
	if err != nil {
		fmt.Fprintln(os.Stderr, "seedgen:", err)
		os.Exit(2)
	}
	for name, sys := range systems {
		b, err := encode(sys)
		if err == nil {
			err = os.WriteFile(filepath.Join(*out, name+".json"), b, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "seedgen:", err)
			os.Exit(2)
		}
	}
}

func encode(sys *indicator.System) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(sys)
	return buf.Bytes(), err
}

// generate returns the systems by file name.
func generate(seeds string) (map[string]*indicator.System, error) {
	lines, err := readLines(filepath.Join(seeds, anshan))
	if err != nil {
		return nil, err
	}
	c1, err := column1(lines)
	if err != nil {
		return nil, err
	}
	c2, err := treeTable(lines, "专栏 2：", "一级指标\t二级指标\t三级指标", 3)
	if err != nil {
		return nil, err
	}
	c2.Name = "法治化营商环境优化指标体系"
	c2.Source = "鞍山市优化营商环境“十四五”规划 专栏2 亮点工程一"
	c2.Declared = []int{4, 9, 37} // "共包含 4 个一级指标，9 个二级指标，37 个三级指标"
	c3, err := treeTable(lines, "专栏 3：", "一级指标\t二级指标\t三级指标", 3)
	if err != nil {
		return nil, err
	}
	c3.Name = "信用环境监测指标体系"
	c3.Source = "鞍山市优化营商环境“十四五”规划 专栏3 亮点工程一"
	nat := &indicator.System{Name: "中国营商环境评价一级指标", Source: "国家发展和改革委员会《中国营商环境报告2020》", Declared: []int{18}}
	for _, n := range national18 {
		nat.Roots = append(nat.Roots, &indicator.Node{Name: n})
	}
	nat.AssignCodes()
	return map[string]*indicator.System{
		"anshan-column1": c1, "anshan-column2": c2, "anshan-column3": c3, "national-evaluation": nat,
	}, nil
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		lines = append(lines, strings.TrimRight(sc.Text(), "\r"))
	}
	return lines, sc.Err()
}

// tableAfter returns the tab-separated rows that follow the header line,
// after the line starting with marker; blank lines inside the table are
// skipped, and the table ends at the first line of prose (no tab, or the
// next 亮点工程 heading, tagged or not).
func tableAfter(lines []string, marker, header string) ([][]string, error) {
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), marker) {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, fmt.Errorf("%s not found", marker)
	}
	for i := start; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != header {
			continue
		}
		var rows [][]string
		for _, l := range lines[i+1:] {
			if strings.TrimSpace(l) == "" {
				continue
			}
			t := strings.TrimSpace(l)
			if !strings.Contains(l, "\t") || strings.HasPrefix(t, "<p>") || strings.HasPrefix(t, "亮点工程") {
				break // the text after the table
			}
			rows = append(rows, strings.Split(l, "\t"))
		}
		return rows, nil
	}
	return nil, fmt.Errorf("%s: header %q not found", marker, header)
}

// column1 reads 专栏1: 类别, 指标, 2025年目标, 属性.
func column1(lines []string) (*indicator.System, error) {
	rows, err := tableAfter(lines, "专栏 1：", "类别\t指标\t2025 年目标\t属性")
	if err != nil {
		return nil, err
	}
	sys := &indicator.System{Name: "营商环境主要优化指标", Source: "鞍山市优化营商环境“十四五”规划 专栏1"}
	var cat *indicator.Node
	for i, r := range rows {
		if len(r) != 4 {
			return nil, fmt.Errorf("专栏1 row %d: %d cells, want 4", i+1, len(r))
		}
		if c := strings.TrimSpace(r[0]); c != "" {
			cat = &indicator.Node{Name: c}
			sys.Roots = append(sys.Roots, cat)
		}
		if cat == nil {
			return nil, fmt.Errorf("专栏1 row %d: no category", i+1)
		}
		name := strings.TrimSpace(r[1])
		dir, ok := column1Directions[name]
		if !ok {
			dir = indicator.Higher
		}
		t, err := indicator.ParseTarget(strings.TrimSpace(r[2]), dir)
		if err != nil {
			return nil, fmt.Errorf("专栏1 %s: %w", name, err)
		}
		t.Year = 2025
		var attr indicator.Attribute
		if err := attr.UnmarshalText([]byte(strings.TrimSpace(r[3]))); err != nil {
			return nil, fmt.Errorf("专栏1 %s: %w", name, err)
		}
		cat.Children = append(cat.Children, &indicator.Node{Name: name, Category: cat.Name, Measure: &indicator.Measure{
			Unit: t.Unit, Kind: t.Unit.DefaultKind(), Direction: dir, Attribute: attr, Frequency: indicator.Yearly,
			Targets: []indicator.Target{t},
		}})
	}
	sys.AssignCodes()
	return sys, nil
}

// treeTable reads a table whose columns are the levels of a tree; a blank
// cell continues the node above.
func treeTable(lines []string, marker, header string, levels int) (*indicator.System, error) {
	rows, err := tableAfter(lines, marker, header)
	if err != nil {
		return nil, err
	}
	sys := &indicator.System{}
	path := make([]*indicator.Node, levels)
	for i, r := range rows {
		if len(r) > levels {
			return nil, fmt.Errorf("%s row %d: %d cells, want %d", marker, i+1, len(r), levels)
		}
		for lv, cell := range r {
			name := strings.TrimSpace(cell)
			if name == "" {
				continue
			}
			n := &indicator.Node{Name: name}
			if lv == 0 {
				sys.Roots = append(sys.Roots, n)
			} else if p := path[lv-1]; p != nil {
				p.Children = append(p.Children, n)
			} else {
				return nil, fmt.Errorf("%s row %d: %q has no parent", marker, i+1, name)
			}
			path[lv] = n
			for k := lv + 1; k < levels; k++ {
				path[k] = nil
			}
		}
	}
	sys.AssignCodes()
	return sys, nil
}
