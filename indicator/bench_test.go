package indicator

import (
	"fmt"
	"math/rand"
	"runtime"
	"testing"

	"github.com/shopspring/decimal"
)

// Run: go test ./indicator -run '^$' -bench . -benchmem -benchtime 1x
//
// The system has the shape 专栏8 declares: 5, 13, 61 and 167 indicators
// over four levels.

// shapedSystem builds a tree with counts[i] nodes at level i+1, spread as
// evenly as possible over their parents, with mixed directions.
func shapedSystem(counts []int) *System {
	sys := &System{Name: "bench", Declared: counts}
	level := make([]*Node, counts[0])
	for i := range level {
		level[i] = &Node{}
	}
	sys.Roots = level
	for _, n := range counts[1:] {
		next := make([]*Node, n)
		for i := range next {
			next[i] = &Node{}
			p := level[i*len(level)/n]
			p.Children = append(p.Children, next[i])
		}
		level = next
	}
	for i, leaf := range level {
		leaf.Measure = &Measure{Unit: Percent, Direction: Direction(1 + i%2)}
	}
	sys.AssignCodes()
	sys.Walk(func(n *Node, _ int, _ *Node) bool { n.Name = "指标" + n.Code; return true })
	return sys
}

// benchData loads regions × periods observations of every leaf.
func benchData(b *testing.B, regions, periods int) *Dataset {
	b.Helper()
	sys := shapedSystem([]int{5, 13, 61, 167})
	ds, err := NewDataset(sys)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewSource(1))
	leaves := sys.Leaves()
	names := make([]string, regions)
	for r := range names {
		names[r] = fmt.Sprintf("R%04d", r)
	}
	for p := 0; p < periods; p++ {
		per, _ := MonthPeriod(2024+p/12, 1+p%12)
		for _, l := range leaves {
			for _, name := range names {
				o := Observation{Indicator: l.Code, Region: name, Period: per, Value: decimal.New(rng.Int63n(100000), -2)}
				if err := ds.Add(o); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	return ds
}

func BenchmarkEvaluate(b *testing.B) {
	for _, size := range []struct {
		name             string
		regions, periods int
	}{{"tenth/100x20", 100, 20}, {"full/1000x20", 1000, 20}} {
		ds := benchData(b, size.regions, size.periods)
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		heap := ms.HeapAlloc
		periods := make([]Period, size.periods)
		for p := range periods {
			periods[p], _ = MonthPeriod(2024+p/12, 1+p%12)
		}
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			obs := float64(167 * size.regions * size.periods)
			for i := 0; i < b.N; i++ {
				for _, p := range periods {
					if _, err := ds.Evaluate(p); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(obs, "observations")
			b.ReportMetric(float64(heap)/(1<<20), "dataset-MiB")
		})
		if size.regions == 100 {
			b.Run("decimal-baseline/"+size.name, func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					for _, p := range periods {
						naiveEvaluate(ds, p)
					}
				}
			})
		}
	}
}

// naiveEvaluate is the straightforward decimal computation over the same
// data, the baseline the fixed-point path is measured against.
func naiveEvaluate(ds *Dataset, p Period) map[string]map[string]decimal.Decimal {
	data := map[string]map[string]decimal.Decimal{}
	for _, l := range ds.leaves {
		m := map[string]decimal.Decimal{}
		for _, r := range ds.regions {
			if v, ok := ds.Value(l.Code, r, p); ok {
				m[r] = v
			}
		}
		data[l.Code] = m
	}
	return referenceScores(ds.sys, data, p.Year())
}

func BenchmarkAdd(b *testing.B) {
	sys := shapedSystem([]int{5, 13, 61, 167})
	leaves := sys.Leaves()
	per, _ := YearPeriod(2025)
	v := decimal.New(12345, -2)
	b.ReportAllocs()
	var ds *Dataset
	for i := 0; i < b.N; i++ {
		if i%(167*1000) == 0 {
			ds, _ = NewDataset(sys)
		}
		l := leaves[i%167]
		_ = ds.Add(Observation{Indicator: l.Code, Region: regionName(i / 167 % 1000), Period: per, Value: v})
	}
}

var regionNames = func() []string {
	out := make([]string, 1000)
	for i := range out {
		out[i] = fmt.Sprintf("R%04d", i)
	}
	return out
}()

func regionName(i int) string { return regionNames[i] }

func BenchmarkParseTarget(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseTarget("不超过 15 天工作日", Lower); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndScore is the whole job: build the observations, add them,
// and score every period; sys-MiB is the memory the Go runtime obtained
// from the system by the end.
func BenchmarkLoadAndScore(b *testing.B) {
	for _, size := range []struct {
		name             string
		regions, periods int
	}{{"tenth/100x20", 100, 20}, {"full/1000x20", 1000, 20}} {
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				ds := benchData(b, size.regions, size.periods)
				for p := 0; p < size.periods; p++ {
					per, _ := MonthPeriod(2024+p/12, 1+p%12)
					if _, err := ds.Evaluate(per); err != nil {
						b.Fatal(err)
					}
				}
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MiB")
			b.ReportMetric(float64(167*size.regions*size.periods), "observations")
		})
	}
}
