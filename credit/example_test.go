package credit_test

import (
	"fmt"

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
	g, _ := credit.TaxGrade(decimal.NewFromInt(86), false, false)
	m, _ := credit.TaxGrade(decimal.NewFromInt(86), true, false)
	fmt.Println(g, m)
	// Output: B M
}

func ExampleDefaultPublicity() {
	rules := credit.DefaultPublicity()
	for _, s := range []credit.Severity{credit.Minor, credit.General, credit.Serious} {
		fmt.Println(s, rules[s].Published, rules[s].Min, rules[s].Max)
	}
	// Output:
	// minor false 0个月 3个月
	// general true 3个月 1年
	// serious true 1年 3年
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
