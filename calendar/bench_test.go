package calendar

import "testing"

// Run: go test ./calendar -run '^$' -bench . -benchmem
// Each constant-time method is measured beside naive day-by-day loops over
// the same data (naiveAdd, naiveBetween in calendar_test.go).

var (
	sinkDate Date
	sinkInt  int
	sinkBool bool
)

func BenchmarkAddWorkdays(b *testing.B) {
	c := China()
	d := mustDate(b, "2021-03-15")
	b.Run("table/250", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sinkDate, _ = c.AddWorkdays(d, 250)
		}
	})
	b.Run("day-by-day/250", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sinkDate, _ = naiveAdd(c, d, 250)
		}
	})
}

func BenchmarkWorkdaysBetween(b *testing.B) {
	c := China()
	from, to := mustDate(b, "2020-01-01"), mustDate(b, "2024-12-31") // five years
	b.Run("table/5y", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sinkInt, _ = c.WorkdaysBetween(from, to)
		}
	})
	b.Run("day-by-day/5y", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sinkInt, _ = naiveBetween(c, from, to)
		}
	})
}

func BenchmarkIsWorkday(b *testing.B) {
	c := China()
	d := mustDate(b, "2025-10-08")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkBool, _ = c.IsWorkday(d)
	}
}

func BenchmarkKind(b *testing.B) {
	c := China()
	d := mustDate(b, "2025-10-08")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		info, _ := c.Kind(d)
		sinkBool = info.IsWorking()
	}
}

func BenchmarkDeadline(b *testing.B) {
	c := China()
	d := mustDate(b, "2025-09-30")
	p := Period{7, Days}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkDate, _ = c.Deadline(d, p)
	}
}

func BenchmarkParseDate(b *testing.B) {
	for _, s := range []string{"2025-12-31", "2025年12月31日"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sinkDate, _ = ParseDate(s)
			}
		})
	}
}

// BenchmarkProvisional compares the provisional path (a 2028 date on
// China().WithProvisional()) with the confirmed path (the same questions
// for 2025 on China()): a provisional answer must cost no more than twice
// a confirmed one.
func BenchmarkProvisional(b *testing.B) {
	confirmed := China()
	provisional, err := China().WithProvisional()
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		c    *Calendar
		d    Date
	}{
		{"confirmed", confirmed, mustDate(b, "2025-09-20")},
		{"provisional", provisional, mustDate(b, "2028-09-20")},
	}
	for _, cs := range cases {
		b.Run("Kind/"+cs.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				info, _ := cs.c.Kind(cs.d)
				sinkBool = info.Provisional
			}
		})
		b.Run("AddWorkdays20/"+cs.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sinkDate, _ = cs.c.AddWorkdays(cs.d, 20)
			}
		})
		b.Run("Deadline20工作日+ProvisionalBetween/"+cs.name, func(b *testing.B) {
			b.ReportAllocs()
			p := Period{20, Workdays}
			for i := 0; i < b.N; i++ {
				sinkDate, _ = cs.c.Deadline(cs.d, p)
				sinkBool = cs.c.ProvisionalBetween(cs.d, sinkDate)
			}
		})
	}
}

// BenchmarkWithProvisional is the one-off cost of building a provisional
// calendar (75 years of statutory days, lunar dates computed once).
func BenchmarkWithProvisional(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := China().WithProvisional(); err != nil {
			b.Fatal(err)
		}
	}
}
