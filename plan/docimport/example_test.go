package docimport_test

import (
	"fmt"
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
