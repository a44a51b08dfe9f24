// Command indicators runs the city programme's main indicators (专栏1 of
// 鞍山市优化营商环境“十四五”规划, read from the plan shipped in
// examples/data, which was imported from the issued text) over five districts for 2024 and 2025 and
// prints, for each indicator, every district's value, whether it meets the
// 2025 target and its progress from the 2020 baseline, then a
// distance-to-frontier ranking of the districts.
//
// The district values and baselines are made up for the example, from a
// fixed seed; the indicators, targets and attributes are the programme's.
//
//	go run ./examples/indicators
package main

import (
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/plan"
	"github.com/shopspring/decimal"
)

var districts = []string{"铁东区", "铁西区", "立山区", "千山区", "海城市"}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "indicators:", err)
		os.Exit(1)
	}
}

func run(out io.Writer) error {
	return runFile(out, filepath.Join("examples", "data", "anshan-2021-2025-programme.json"))
}

// runFile reads 专栏1 from the city programme as shipped (imported from the
// issued text) and scores it.
func runFile(out io.Writer, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	p, err := plan.Decode(f)
	if err != nil {
		return err
	}
	var sys *indicator.System
	for _, s := range p.IndicatorSystems {
		if s.Name == "营商环境主要优化指标" {
			sys = s
		}
	}
	if sys == nil {
		return fmt.Errorf("%s: no system 营商环境主要优化指标 (专栏1)", file)
	}
	rng := rand.New(rand.NewSource(2025))
	baseYear, _ := indicator.YearPeriod(2020)
	ds, err := indicator.NewDataset(sys)
	if err != nil {
		return err
	}
	years := []int{2024, 2025}
	for _, leaf := range sys.Leaves() {
		m := leaf.Measure
		t, _ := m.TargetFor(2025)
		// A made-up 2020 baseline, a distance from the target.
		far := decimal.NewFromFloat(0.6 + 0.2*rng.Float64())
		if m.Direction == indicator.Lower {
			far = decimal.NewFromFloat(1.5 + rng.Float64())
		}
		m.Baseline = &indicator.Baseline{Value: t.Value.Mul(far).Round(1), Period: baseYear}
		for _, y := range years {
			p, _ := indicator.YearPeriod(y)
			for _, d := range districts {
				// Each district closes part of the gap, more in 2025.
				share := decimal.NewFromFloat(rng.Float64()*0.9 + 0.1*float64(y-2023))
				v := m.Baseline.Value.Add(t.Value.Sub(m.Baseline.Value).Mul(share)).Round(1)
				if v.IsNegative() {
					v = decimal.Zero
				}
				if m.Unit == indicator.Percent && v.GreaterThan(decimal.NewFromInt(100)) {
					v = decimal.NewFromInt(100)
				}
				err := ds.Add(indicator.Observation{Indicator: leaf.Code, Region: d, Period: p, Value: v, Status: indicator.Final, Source: "示例数据 / example data"})
				if err != nil {
					return err
				}
			}
		}
	}

	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "指标\t2025目标\t属性\t年份\t%s\n", strings.Join(districts, "\t"))
	for _, leaf := range sys.Leaves() {
		m := leaf.Measure
		t, _ := m.TargetFor(2025)
		for i, y := range years {
			p, _ := indicator.YearPeriod(y)
			name, target, attr := leaf.Name, t.Text, m.Attribute.Chinese()
			if i > 0 {
				name, target, attr = "", "", ""
			}
			cells := make([]string, len(districts))
			for k, d := range districts {
				v, ok := ds.Value(leaf.Code, d, p)
				nv := decimal.NullDecimal{Decimal: v, Valid: ok}
				a, err := m.Attainment(nv, "", y)
				if err != nil {
					return err
				}
				prog, err := m.Progress(nv, "", y)
				if err != nil {
					return err
				}
				mark := "✗"
				if a == indicator.Met {
					mark = "✓"
				}
				cells[k] = fmt.Sprintf("%s %s %s%%", v, mark, prog.Decimal.Round(0))
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\n", name, target, attr, y, strings.Join(cells, "\t"))
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(out, "\n每格：数值 达标(✓/✗) 自2020年基期起的进度 / each cell: value, target met, progress from the 2020 baseline")
	for _, y := range years {
		p, _ := indicator.YearPeriod(y)
		res, err := ds.Evaluate(p)
		if err != nil {
			return err
		}
		ranks, err := res.Ranking("")
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\n%d年前沿距离排名 / distance-to-frontier ranking, %d\n", y, y)
		w = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		fmt.Fprintf(w, "名次\t地区\t总分\t%s\n", categoryNames(sys))
		for _, r := range ranks {
			var cats []string
			for _, c := range sys.Roots {
				s, ok := res.Score(c.Code, r.Region)
				if ok {
					cats = append(cats, s.StringFixed(1))
				} else {
					cats = append(cats, "无数据")
				}
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", r.Rank, r.Region, r.Score.StringFixed(1), strings.Join(cats, "\t"))
		}
		if err := w.Flush(); err != nil {
			return err
		}
		for _, n := range res.Notes() {
			fmt.Fprintln(out, "注 / note:", n)
		}
	}
	return nil
}

func categoryNames(sys *indicator.System) string {
	var names []string
	for _, c := range sys.Roots {
		names = append(names, c.Name)
	}
	return strings.Join(names, "\t")
}
