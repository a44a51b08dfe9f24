package credit

import (
	"testing"
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
