// Command draw runs a district's quarterly double-random draw (双随机、一公开)
// over 1,000 enterprises of 鞍山市铁西区 and 40 inspectors from four units:
// the ratio by credit risk class and industry risk, red-listed enterprises
// left undisturbed except in key fields, two inspectors from different
// units for each enterprise drawn, nobody checking an enterprise they are
// excluded from. It prints a summary, publishes the record's hashes, and
// re-runs the draw from the record to show that anyone can verify it.
//
// The enterprises, inspectors and seed are made up for the example (the
// codes are well-formed, built with credit.Compose).
//
//	go run ./examples/draw
package main

import (
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/bizenv/bizenv/credit"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "draw:", err)
		os.Exit(1)
	}
}

func run(out io.Writer) error {
	classes := []credit.Grade{"A", "B", "C", "D"} // 国市监信发〔2022〕6号 risk classes
	risks := []string{"低", "中", "高"}
	fields := []string{"餐饮", "零售", "建材", "药品", "特种设备", "危险化学品"}
	var pop []credit.Entity
	for i := 0; i < 1000; i++ {
		u, err := credit.Compose('9', '1', "210303", fmt.Sprintf("MA0T%04d", i))
		if err != nil {
			return err
		}
		pop = append(pop, credit.Entity{Code: u, Name: fmt.Sprintf("铁西示例企业%04d", i),
			Grade: classes[(i*7)%10%4], Risk: risks[i%3], Field: fields[i%len(fields)], Red: i%25 == 0})
	}
	units := []string{"区市场监管局", "区卫健局", "区应急局", "区住建局"}
	var roster []credit.Inspector
	for i := 0; i < 40; i++ {
		in := credit.Inspector{ID: fmt.Sprintf("ZF-%03d", i+1), Unit: units[i%4], Qualifications: fields}
		if i%10 == 0 { // conflicts: kinship or a recent inspection
			in.Excluded = []credit.USCC{pop[i].Code, pop[i+1].Code}
		}
		roster = append(roster, in)
	}
	pct := map[credit.Grade]int64{"A": 2, "B": 5, "C": 15, "D": 40}
	var cells []credit.CellCheck
	for _, g := range classes {
		for j, r := range risks {
			cells = append(cells, credit.CellCheck{Cell: credit.Cell{Grade: g, Risk: r},
				Check: credit.Check{Percent: decimal.NewFromInt(pct[g] + int64(j)), PerYear: 4}})
		}
	}
	// The key fields, where red-listed enterprises are drawn all the same, are
	// set here from the district's own list; bizenv's default
	// (credit.DefaultKeyFields) is not quoted from a rule.
	policy := credit.DrawPolicy{Policy: credit.Policy{Cells: cells, KeyFields: []string{"药品", "特种设备", "危险化学品"}},
		Inspectors: 2, DistinctUnits: true, RequireQualification: true}

	rec, err := credit.Draw(pop, roster, policy, "2025Q4 公开摇号 7 19 26 31 33 + 08")
	if err != nil {
		return err
	}
	byCell := map[credit.Cell]int{}
	for _, p := range rec.Picks {
		byCell[p.Cell]++
	}
	keys := make([]credit.Cell, 0, len(byCell))
	for c := range byCell {
		keys = append(keys, c)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Grade != keys[j].Grade {
			return keys[i].Grade < keys[j].Grade
		}
		return keys[i].Risk < keys[j].Risk
	})
	fmt.Fprintf(out, "2025年第四季度双随机抽查：主体 %d 户，红名单免扰 %d 户，抽中 %d 户\n", rec.Entities, rec.Exempt, len(rec.Picks))
	for _, c := range keys {
		fmt.Fprintf(out, "  %s类 %s风险：%d 户\n", c.Grade, c.Risk, byCell[c])
	}
	for _, p := range rec.Picks[:3] {
		fmt.Fprintf(out, "  %s → %v\n", p.Entity, p.Inspectors)
	}
	fmt.Fprintf(out, "公开：种子 %q\n  名录库 SHA-256 %s\n  人员库 SHA-256 %s\n  结果 SHA-256 %s\n", rec.Seed, rec.Population, rec.Roster, rec.Result)
	if err := credit.Verify(rec, pop, roster); err != nil {
		return err
	}
	fmt.Fprintln(out, "复核：按公开记录重新抽取，结果一致 / verified: re-running the published record gives the same result")
	forged := *rec // someone moves a pick to another cell of the published record
	forged.Picks = append([]credit.Pick(nil), rec.Picks...)
	forged.Picks[0].Cell.Risk = "极高"
	fmt.Fprintln(out, "改动记录后复核 / after editing the record:", credit.Verify(&forged, pop, roster))
	pop[10].Red = !pop[10].Red // someone edits the population afterwards
	fmt.Fprintln(out, "改动名录库后复核 / after editing the population:", credit.Verify(rec, pop, roster))
	return nil
}
