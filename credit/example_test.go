package credit_test

import (
	"fmt"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/credit"
	"github.com/shopspring/decimal"
)

func ExampleParseUSCC() {
	u, err := credit.ParseUSCC("91350100M000100Y43")
	fmt.Println(u, err)
	r, _ := u.Region()
	fmt.Println(u.AuthorityName(), u.OrgTypeName(), r.Name(), u.OrgCode())
	_, err = credit.ParseUSCC("91350100M000100Y44")
	fmt.Println(err)
	// Output:
	// 91350100M000100Y43 <nil>
	// 工商（市场监管） 企业 福州市 M000100Y-4
	// credit: 统一社会信用代码无效 / invalid unified social credit code "91350100M000100Y44": 第18位 / position 18: 校验码应为 3 / the check character should be 3
}

func ExampleNormalizeUSCC() {
	u, changes, err := credit.NormalizeUSCC("９１３５-0100 m000100y43", credit.Options{})
	fmt.Println(u, err)
	for _, c := range changes {
		fmt.Println(c)
	}
	// Output:
	// 91350100M000100Y43 <nil>
	// 全角字符转为半角 / full-width characters folded
	// 去除空格和连字符 / spaces and hyphens removed
	// 小写字母转为大写 / lower case raised
}

func ExampleTaxGrade() {
	for _, f := range []credit.TaxFacts{
		{Year: 2024, Score: decimal.NewFromInt(86)},
		{Year: 2024, Score: decimal.NewFromInt(86), NoBusinessIncome: true},
		{Year: 2024, Score: decimal.NewFromInt(30), NoBusinessIncome: true}, // below 70: no M
		{Year: 2024, Score: decimal.NewFromInt(30), NewlyEstablished: true},
	} {
		g, rules, err := credit.TaxGrade(f)
		fmt.Println(g, rules.ID, err)
	}
	// Output:
	// B sat-2018-8 <nil>
	// M sat-2018-8 <nil>
	// D sat-2018-8 <nil>
	// M sat-2018-8 <nil>
}

func ExampleTaxRulesFor() {
	for _, year := range []int{2016, 2024, 2025, 2030} {
		r, _ := credit.TaxRulesFor(year)
		fmt.Println(year, r.ID, r.Grades)
	}
	// Output:
	// 2016 sat-2014-40 [A B C D]
	// 2024 sat-2018-8 [A B M C D]
	// 2025 sat-2025-12 [A B M C D]
	// 2030 sat-2025-12 [A B M C D]
}

func ExamplePublicityOn() {
	for _, decided := range []string{"2026-03-31", "2026-04-01"} {
		d, _ := calendar.ParseDate(decided)
		r, _ := credit.RepairRulesOn(d)
		fmt.Println(decided, r.ID)
		for _, s := range []credit.Severity{credit.Minor, credit.General, credit.Serious} {
			p, _ := credit.PublicityOn(s, d)
			fmt.Println(" ", s, p.Published, p.Min, p.Max)
		}
	}
	// Output:
	// 2026-03-31 ndrc-2023-58
	//   minor true 3个月 3年
	//   general true 3个月 3年
	//   serious true 3个月 3年
	// 2026-04-01 ndrc-2025-36
	//   minor false 0个月 3个月
	//   general true 3个月 1年
	//   serious true 1年 3年
}

func ExampleRepairLimitsOn() {
	applied, _ := calendar.ParseDate("2026-09-28")
	limits := credit.RepairLimitsOn(applied)
	fmt.Println(limits.Accept, limits.Feedback, len(limits.Sources))
	r := credit.Repair{Record: "R1", Applied: applied}
	step, _ := r.Next(nil, limits)
	fmt.Println(step.Name, step.Due)
	// Output:
	// 3工作日 10工作日 2
	// accept 2026-10-08
}

func ExampleAcceptanceRule_Eligible() {
	rule := credit.AcceptanceRule{Scheme: credit.MarketRisk(), Worst: "B"}
	made, _ := calendar.ParseDate("2026-04-10")
	found, _ := calendar.ParseDate("2026-05-06")
	c := credit.Commitment{ID: "C1", Made: made, Content: "具备消防安全条件"}
	breach, _ := c.Breach(found, "区住建局", credit.General) // 令第36号: published 3 months to 1 year
	for _, day := range []string{"2026-11-29", "2027-05-07"} {
		d, _ := calendar.ParseDate(day)
		e, _ := rule.Eligible("A", []credit.Record{breach}, d)
		fmt.Println(day, e.NotifyCommit)
	}
	// Output:
	// 2026-11-29 false
	// 2027-05-07 true
}

func ExampleDraw() {
	pop := []credit.Entity{}
	for _, c := range []string{"91350100M000100Y43", "91330100799655058B", "9144030071526726XG", "91110000710925462X"} {
		u, _ := credit.ParseUSCC(c)
		pop = append(pop, credit.Entity{Code: u, Grade: "C", Risk: "高", Field: "餐饮"})
	}
	roster := []credit.Inspector{{ID: "ZF01", Unit: "区市场监管局"}, {ID: "ZF02", Unit: "区市场监管局"}, {ID: "ZF03", Unit: "区卫健局"}}
	policy := credit.DrawPolicy{Policy: credit.Policy{Cells: []credit.CellCheck{
		{Cell: credit.Cell{Grade: "C", Risk: "高"}, Check: credit.Check{Percent: decimal.NewFromInt(50), PerYear: 2}}}}}
	rec, _ := credit.Draw(pop, roster, policy, "2025-07-01 摇号 0426")
	fmt.Println(len(rec.Picks), len(rec.Picks[0].Inspectors))
	fmt.Println(credit.Verify(rec, pop, roster))
	// Output:
	// 2 2
	// <nil>
}
