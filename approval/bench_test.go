package approval

import (
	"fmt"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// Run: go test ./approval -run '^$' -bench . -benchmem

// longCase has 50 events: accepted, then 16 pause/resume pairs and
// materials, over four months of 2025.
func longCase(tb testing.TB) *Case {
	start := at(tb, "2025-01-06T09:00:00+08:00")
	c := &Case{ID: "L", Process: "administrative-licence", Events: []Event{{At: start, Kind: Submitted}, {At: start, Kind: Accepted}}}
	t := start
	for len(c.Events) < 50 {
		t = t.Add(50 * time.Hour)
		c.Events = append(c.Events, Event{At: t, Kind: Paused, Reason: Correction})
		t = t.Add(20 * time.Hour)
		c.Events = append(c.Events, Event{At: t, Kind: Resumed})
		c.Events = append(c.Events, Event{At: t, Kind: Materials, Count: 1})
	}
	c.Events = c.Events[:50]
	if c.Events[49].Kind == Paused {
		c.Events[49] = Event{At: t, Kind: Visit}
	}
	return c
}

func BenchmarkStatus50Events(b *testing.B) {
	c := longCase(b)
	p := proc(b, c.Process)
	now := at(b, "2025-05-06T10:00:00+08:00")
	if _, err := Status(c, p, now, Options{}); err != nil {
		b.Fatal(err)
	}
	b.Run("with-explanation", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_, _ = Status(c, p, now, Options{})
		}
	})
	b.Run("timers-only", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_, _ = status(c, p, now, Options{}, false)
		}
	})
}

// BenchmarkWorkingTime measures the working time from one instant to
// another: the clock, in constant time from the calendar's tables, beside
// a naive walk day by day over the same calendar.
func BenchmarkWorkingTime(b *testing.B) {
	cal := calendar.China()
	loc := calendar.Beijing()
	from := at(b, "2025-01-06T11:30:00+08:00")
	to := at(b, "2025-12-19T15:45:00+08:00")
	k := newClock(cal, loc, WorkingHours{}, calendar.DateOf(from.In(loc)))
	want := int64(0)
	b.Run("clock", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			va, _ := k.value(from)
			vb, _ := k.value(to)
			want = vb - va
		}
	})
	b.Run("naive-day-by-day", func(b *testing.B) {
		b.ReportAllocs()
		var got int64
		for i := 0; i < b.N; i++ {
			got = naiveWorkingSeconds(cal, loc, from, to)
		}
		if got != want {
			b.Fatalf("naive %d, clock %d", got, want)
		}
	})
}

// naiveWorkingSeconds counts 09:00–17:00 on each working day from a to b,
// one day at a time.
func naiveWorkingSeconds(cal *calendar.Calendar, loc *time.Location, a, b time.Time) int64 {
	var total int64
	for d := calendar.DateOf(a.In(loc)); !d.After(calendar.DateOf(b.In(loc))); d, _ = d.AddDays(1) {
		if ok, _ := cal.IsWorkday(d); !ok {
			continue
		}
		open, close := d.In(loc).Add(9*time.Hour), d.In(loc).Add(17*time.Hour)
		if a.After(open) {
			open = a
		}
		if b.Before(close) {
			close = b
		}
		if close.After(open) {
			total += int64(close.Sub(open) / time.Second)
		}
	}
	return total
}

// openCases makes n cases of four processes, accepted over the two months
// before 2025-06-30 (so that, as of that day, some are on track, some in
// warning and some overdue), a third of them paused once.
func openCases(tb testing.TB, n int, closed bool) []*Case {
	ids := []string{"power-high-voltage", "property-registration", "administrative-licence", "complaint-12345"}
	base := at(tb, "2025-04-28T09:00:00+08:00")
	cases := make([]*Case, n)
	for i := range cases {
		start := base.Add(time.Duration(i%1400) * time.Hour)
		c := &Case{ID: fmt.Sprintf("C%07d", i), Process: ids[i%4], Unit: fmt.Sprintf("unit-%d", i%50),
			Events: []Event{{At: start, Kind: Submitted}, {At: start.Add(time.Hour), Kind: Accepted}}}
		if i%3 == 0 {
			c.Events = append(c.Events, Event{At: start.Add(30 * time.Hour), Kind: Paused, Reason: Correction},
				Event{At: start.Add(80 * time.Hour), Kind: Resumed})
		}
		c.Events = append(c.Events, Event{At: start.Add(81 * time.Hour), Kind: Materials, Count: 2}, Event{At: start.Add(82 * time.Hour), Kind: Visit})
		if closed {
			c.Events = append(c.Events, Event{At: start.Add(time.Duration(100+i%300) * time.Hour), Kind: Finished})
		}
		cases[i] = c
	}
	return cases
}

func BenchmarkAlerts(b *testing.B) {
	procs := CatalogProcesses()
	now := at(b, "2025-06-30T10:00:00+08:00")
	for _, n := range []int{100_000, 1_000_000} {
		cases := openCases(b, n, false)
		if n == 1_000_000 {
			// Every case alerting: the worst case.
			b.Run("all-overdue/open-cases=1000000", func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					alerts, _ := Alerts(cases, procs, at(b, "2025-12-31T10:00:00+08:00"), nil, Options{})
					b.ReportMetric(float64(len(alerts)), "alerts")
				}
			})
		}
		b.Run(fmt.Sprintf("open-cases=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var alerts []Alert
			for i := 0; i < b.N; i++ {
				var errs []error
				alerts, errs = Alerts(cases, procs, now, nil, Options{})
				if len(errs) > 0 {
					b.Fatal(errs[0])
				}
			}
			b.ReportMetric(float64(len(alerts)), "alerts")
		})
	}
}

func BenchmarkStatistics(b *testing.B) {
	procs := CatalogProcesses()
	for _, n := range []int{100_000, 1_000_000} {
		cases := openCases(b, n, true)
		b.Run(fmt.Sprintf("closed-cases=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				_, errs := Statistics(cases, procs, Options{Calendar: calendar.China()})
				if len(errs) > 0 {
					b.Fatal(errs[0])
				}
			}
		})
	}
}
