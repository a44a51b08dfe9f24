package credit

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

// Run: go test ./credit -run '^$' -bench . -benchmem

var sinkUSCC USCC

// BenchmarkUSCC measures the strict and the lenient reader in one run, so
// that their costs compare on the same machine (issue 16, item 15: a clean
// code must cost NormalizeUSCC what it costs ParseUSCC).
func BenchmarkUSCC(b *testing.B) {
	for _, bc := range []struct {
		name string
		f    func() (USCC, error)
	}{
		{"ParseUSCC", func() (USCC, error) { return ParseUSCC("91350100M000100Y43") }},
		{"NormalizeUSCC/clean", func() (USCC, error) {
			u, _, err := NormalizeUSCC("91350100M000100Y43", Options{})
			return u, err
		}},
		{"NormalizeUSCC/typed", func() (USCC, error) {
			u, _, err := NormalizeUSCC(" ９１３５-0100 m000100y43 ", Options{})
			return u, err
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				u, err := bc.f()
				if err != nil {
					b.Fatal(err)
				}
				sinkUSCC = u
			}
		})
	}
}

func BenchmarkDraw(b *testing.B) {
	for _, size := range []struct {
		name                 string
		entities, inspectors int
	}{{"entities=100000/inspectors=1000", 100_000, 1_000}, {"entities=1000000/inspectors=10000", 1_000_000, 10_000}} {
		pop, rs, p := population(size.entities), roster(size.inspectors), drawPolicy()
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				rec, err := Draw(pop, rs, p, "bench-seed")
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(rec.Picks)), "picks")
			}
		})
	}
}

// BenchmarkDrawAdversarial is the roster of TestDrawDoesNotStallOnAnAdversarialRoster:
// 200 000 inspectors of one unit and one of another, distinct units asked
// for, 20 000 entities all drawn. Before the indexed pool every pick
// scanned the roster (about 40 s).
func BenchmarkDrawAdversarial(b *testing.B) {
	pop := population(20_000)
	rs := make([]Inspector, 200_000)
	for i := range rs {
		rs[i] = Inspector{ID: fmt.Sprintf("ZF%06d", i), Unit: "大单位"}
	}
	rs[123_456].Unit = "小单位"
	var cells []CellCheck
	for _, g := range []Grade{"A", "B", "C", "D"} {
		for _, r := range []string{"低", "中", "高"} {
			cells = append(cells, CellCheck{Cell{g, r}, Check{decimal.NewFromInt(100), 1}})
		}
	}
	p := DrawPolicy{Policy: Policy{Cells: cells, DisturbRedList: true}, Inspectors: 2, DistinctUnits: true}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Draw(pop, rs, p, "adversarial"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	pop, rs, p := population(100_000), roster(1_000), drawPolicy()
	rec, err := Draw(pop, rs, p, "bench-seed")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := Verify(rec, pop, rs); err != nil {
			b.Fatal(err)
		}
	}
}
