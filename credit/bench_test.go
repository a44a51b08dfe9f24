package credit

import (
	"testing"
)

// Run: go test ./credit -run '^$' -bench . -benchmem

var sinkUSCC USCC

func BenchmarkParseUSCC(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		u, err := ParseUSCC("91350100M000100Y43")
		if err != nil {
			b.Fatal(err)
		}
		sinkUSCC = u
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
