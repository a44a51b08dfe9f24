package docimport_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/plan/docimport"
)

func Example() {
	text := `鞍山市铁西区人民政府办公室
2025年5月13日
鞍山市铁西区2025年优化营商环境55条
一、构建高效便捷的政务环境
(一)以流程再造优化审批服务效能
1.编制政务服务事项清单。对全区政务服务事项进行梳理。(牵头单位:区数据局)
2.拓展“高效办成一件事”场景。年底前推出一个“高效办成一件事”主题场景。(牵头单位:区数据局)
3.深化工程建设项目审批制度改革。全面优化审批流程。(区住建局、区数据局按职责分工负责)
七、保障措施
1. 加强组织领导。各部门要按照责任分工，推进部门间业务协调。
`
	res, err := docimport.Import(strings.NewReader(text), docimport.Options{Source: "tiexi.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := res.Plan
	fmt.Println(p.Title, p.Issuer, p.Issued, p.Period.From)
	tasks, _ := p.Tasks()
	for _, t := range tasks {
		due := "—"
		if t.Deadline != nil {
			due = t.Deadline.Date.String()
		}
		fmt.Println(t.Number, t.Title, t.Responsibility.Accountable(), due)
	}
	fmt.Println(len(p.Safeguards), "safeguard")
	for _, f := range res.Findings {
		fmt.Println(f)
	}
	// Output:
	// 鞍山市铁西区2025年优化营商环境55条 鞍山市铁西区人民政府办公室 2025-05-13 2025
	// 1 编制政务服务事项清单 [区数据局] —
	// 2 拓展“高效办成一件事”场景 [区数据局] 2025-12-31
	// 3 深化工程建设项目审批制度改革 [区住建局 区数据局] —
	// 1 safeguard
}

func ExampleImport_findings() {
	text := "一、具体任务\n（一）政务环境\n1、打造服务模式。内容。\n牵头单位：营商环境建设办\n责任部门：市场监督分局、税务分局\n、大数据局\n2、加强监督。内容。\n2、完善环境。内容。\n牵头单位：自然资源和住建办\n"
	res, _ := docimport.Import(strings.NewReader(text), docimport.Options{Title: "高新区方案", Period: plan2022})
	for _, f := range res.Findings {
		fmt.Println(f.Line, f.Code)
	}
	// Output:
	// 1 no_header
	// 6 joined_units
	// 7 no_unit
	// 8 duplicate_number
}

var plan2022 = plan.Period{From: 2022, To: 2022}

// A Word file: Word's automatic numbering gives the printed numbers the
// importer reads; findings name the paragraph or table row.
func ExampleImport_word() {
	f, err := os.Open("testdata/tiexi.docx") // the 铁西 plan, every number Word's own
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	res, err := docimport.Import(f, docimport.Options{Source: "tiexi.docx"})
	if err != nil {
		fmt.Println(err)
		return
	}
	tasks, _ := res.Plan.Tasks()
	fmt.Println(res.Format, res.Plan.Title, len(tasks))
	fmt.Println(tasks[2].Number, tasks[2].Title, tasks[2].Responsibility.Responsible, tasks[2].Responsibility.Joint)
	// Output:
	// docx 鞍山市铁西区2025年优化营商环境55条 55
	// 3 深化工程建设项目审批制度改革 [区住建局 区数据局] true
}

// A task table: its columns are found by their header words; a time limit
// is the deadline, 长期坚持 names none.
func ExampleImport_taskTable() {
	table := "某区2024年营商环境任务分解表\n" +
		"序号\t重点任务\t牵头单位\t配合单位\t完成时限\n" +
		"1\t推行一网通办。整合审批系统。\t区数据局\t区直各部门\t6月底前\n" +
		"2\t开展满意度评价。\t区营商局\t\t长期坚持\n"
	res, err := docimport.Import(strings.NewReader(table), docimport.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	tasks, _ := res.Plan.Tasks()
	for _, t := range tasks {
		due := "—"
		if t.Deadline != nil {
			due = t.Deadline.Date.String()
		}
		fmt.Println(t.Number, t.Title, t.Responsibility.Lead, t.Responsibility.Supporting, due)
	}
	for _, f := range res.Findings {
		fmt.Println(f.Location, f.Code)
	}
	// Output:
	// 1 推行一网通办 [区数据局] [区直各部门] 2024-06-30
	// 2 开展满意度评价 [区营商局] [] —
	// line 1 no_header
	// line 4 deadline_ongoing
}

// The drafting styles of other offices: （一） items under 一、, units as
// X牵头，Y按职责分工负责 in 〔〕 or (), and a standing note that adds a unit to
// the items after it.
func ExampleImport_styles() {
	text := "一、进一步破除隐性门槛\n" +
		"（一）实施负面清单管理。畅通意见反馈渠道。〔省发展改革委牵头，省级有关单位按职责分工负责。以下均需各市、县（市、区）政府落实，不再列出〕\n" +
		"（二）优化工业产品管理制度。(省市场监管局牵头,省级有关单位按职责分工负责)\n"
	res, _ := docimport.Import(strings.NewReader(text), docimport.Options{Title: "某省实施意见", Period: plan2022})
	tasks, _ := res.Plan.Tasks()
	for _, t := range tasks {
		fmt.Println(t.Number, t.Title, t.Responsibility.Lead, t.Responsibility.Responsible)
	}
	// Output:
	// (一) 实施负面清单管理 [省发展改革委] [省级有关单位]
	// (二) 优化工业产品管理制度 [省市场监管局] [省级有关单位 各市、县(市、区)政府]
}

func ExampleDetectFormat() {
	for _, b := range [][]byte{
		[]byte("一、任务\n1.推行网上办理。（区数据局负责）\n"),
		[]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 a legacy .doc"),
	} {
		f, err := docimport.DetectFormat(b)
		if errors.Is(err, docimport.ErrFormat) {
			fmt.Println(strings.Contains(err.Error(), "libreoffice --headless --convert-to docx"))
			continue
		}
		fmt.Println(f)
	}
	// Output:
	// text
	// true
}

func ExampleLocation() {
	for _, l := range []docimport.Location{{Line: 7}, {Paragraph: 12}, {Table: 2, Row: 5, Cell: "3"}, {Sheet: "任务", Row: 7, Cell: "C7"}} {
		fmt.Println(l.Zh(), "/", l)
	}
	// Output:
	// 第 7 行 / line 7
	// 第 12 段 / paragraph 12
	// 第 2 个表格第 5 行第 3 列 / table 2 row 5 cell 3
	// 工作表“任务”C7 单元格 / sheet 任务 cell C7
}
