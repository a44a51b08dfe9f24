package indicator_test

import (
	"fmt"

	"github.com/bizenv/bizenv/indicator"
	"github.com/shopspring/decimal"
)

func ExampleParseTarget() {
	for _, s := range []string{"不超过 40 天", "不超过 15 天工作日", "压缩至2个环节", "300 亿元"} {
		t, err := indicator.ParseTarget(s, indicator.Higher)
		fmt.Println(t, err)
	}
	t, _ := indicator.ParseTarget("0.2 年", indicator.Lower) // a bare value takes the direction
	fmt.Println(t)
	// Output:
	// <= 40 天 <nil>
	// <= 15 工作日 <nil>
	// <= 2 环节 <nil>
	// >= 300 亿元 <nil>
	// <= 0.2 年
}

func ExampleUnit_Convert() {
	v, _ := indicator.HundredMillionYuan.Convert(decimal.RequireFromString("300"), indicator.TenThousandYuan)
	_, err := indicator.Days.Convert(decimal.NewFromInt(40), indicator.Workdays)
	fmt.Println(v, err != nil)
	// Output: 3000000 true
}

func ExampleParsePeriod() {
	for _, s := range []string{"2025", "2025Q3", "2025年6月"} {
		p, _ := indicator.ParsePeriod(s)
		fmt.Println(p)
	}
	// Output:
	// 2025
	// 2025Q3
	// 2025-06
}

func ExampleSeed() {
	sys, _ := indicator.Seed("anshan-column1")
	for _, leaf := range sys.Leaves()[7:9] {
		t, _ := leaf.Measure.TargetFor(2025)
		fmt.Println(leaf.Name, t, leaf.Measure.Attribute.Chinese())
	}
	// Output:
	// 工程建设项目从立项到不动产登记全流程审批时限 <= 40 天 约束性
	// 全过程办理水电气时长 <= 15 工作日 约束性
}

func ExampleSystem_Audit() {
	sys, _ := indicator.Seed("anshan-column2")
	fmt.Println(sys.Counts())
	for _, f := range sys.Audit(indicator.AuditOptions{}) {
		if f.Rule == "declared_count" {
			fmt.Println(f.Message)
		}
	}
	// Output:
	// [4 9 39]
	// 文件称37个三级指标，表中实有39个 / the document declares 37 level-3 indicators; its table has 39
}

func ExampleMeasure_Attainment() {
	m := &indicator.Measure{Unit: indicator.Days, Direction: indicator.Lower,
		Targets: []indicator.Target{{Op: indicator.AtMost, Value: decimal.NewFromInt(40), Unit: indicator.Days, Year: 2025}}}
	for _, v := range []decimal.NullDecimal{decimal.NewNullDecimal(decimal.NewFromInt(38)), decimal.NewNullDecimal(decimal.NewFromInt(45)), {}} {
		a, _ := m.Attainment(v, "", 2025)
		fmt.Println(a, a.Chinese())
	}
	// Output:
	// met 达标
	// not_met 未达标
	// no_data 无数据
}

func ExampleMeasure_Progress() {
	m := &indicator.Measure{Unit: indicator.Days, Direction: indicator.Lower,
		Baseline: &indicator.Baseline{Value: decimal.NewFromInt(100)},
		Targets:  []indicator.Target{{Op: indicator.AtMost, Value: decimal.NewFromInt(40), Unit: indicator.Days, Year: 2025}}}
	p, _ := m.Progress(decimal.NewNullDecimal(decimal.NewFromInt(70)), "", 2025)
	fmt.Println(p.Decimal, "%")
	// Output: 50 %
}

func ExampleDTF() {
	// Lower is better: the frontier is the smallest value.
	s := indicator.DTF(decimal.NewFromInt(30), decimal.NewFromInt(20), decimal.NewFromInt(40))
	flat := indicator.DTF(decimal.NewFromInt(5), decimal.NewFromInt(5), decimal.NewFromInt(5))
	fmt.Println(s.Decimal, flat.Valid)
	// Output: 50 false
}

func ExampleDataset_Evaluate() {
	sys := &indicator.System{Roots: []*indicator.Node{
		{Code: "1", Name: "审批时限", Measure: &indicator.Measure{Unit: indicator.Days, Direction: indicator.Lower}},
		{Code: "2", Name: "一网应用率", Measure: &indicator.Measure{Unit: indicator.Percent, Direction: indicator.Higher}},
	}}
	ds, _ := indicator.NewDataset(sys)
	p, _ := indicator.ParsePeriod("2025")
	add := func(code, region, value string) {
		_ = ds.Add(indicator.Observation{Indicator: code, Region: region, Period: p, Value: decimal.RequireFromString(value), Status: indicator.Final})
	}
	add("1", "铁东区", "35")
	add("1", "铁西区", "20")
	add("1", "立山区", "40")
	add("2", "铁东区", "100")
	add("2", "铁西区", "90") // 立山区 reported no 一网应用率: no data, not zero
	res, _ := ds.Evaluate(p)
	ranks, _ := res.Ranking("")
	for _, r := range ranks {
		fmt.Println(r.Rank, r.Region, r.Score, res.Coverage("2", r.Region))
	}
	// Output:
	// 1 铁东区 62.5 1
	// 2 铁西区 50 1
	// 3 立山区 0 0
}
