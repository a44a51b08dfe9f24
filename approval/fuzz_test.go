package approval

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// Seed corpora are committed in testdata/fuzz; explore further with, for
// example,
//
//	go test ./approval -run '^$' -fuzz '^FuzzCase$' -fuzztime 60s
//	go test ./approval -run '^$' -fuzz '^FuzzCases$' -fuzztime 60s

// fuzzSeeds are cases as JSON: each kind of event and limit.
func fuzzSeeds(f *testing.F) [][]byte {
	b, _ := json.Marshal(highVoltage(f))
	return [][]byte{b,
		[]byte(`{"id":"x","process":"heating-repair","events":[{"at":"2025-10-01T20:00:00+08:00","kind":"submitted"},{"at":"2025-10-01T20:00:00+08:00","kind":"accepted"},{"at":"2025-10-02T08:00:00+08:00","kind":"paused","reason":"补正"}]}`),
		[]byte(`{"id":"x","process":"complaint-12345","events":[{"at":"2025-09-28T09:00:00Z","kind":"submitted"},{"at":"2025-09-28T09:30:00Z","kind":"accepted"},{"at":"2025-09-28T09:30:00Z","kind":"stage_started","stage":"反馈"},{"at":"2025-09-28T10:00:00Z","kind":"stage_finished","stage":"反馈"}]}`),
		[]byte(`{"id":"x","process":"administrative-licence","events":[{"at":"2026-12-30T09:00:00+08:00","kind":"submitted"},{"at":"2026-12-30T09:00:00+08:00","kind":"accepted"},{"at":"2027-01-04T10:00:00+08:00","kind":"extended","extension":"10工作日","by":"局长","note":"复杂"}]}`),
		[]byte(`{"id":"x","process":"administrative-licence","events":[{"at":"2025-03-03T09:00:00+08:00","kind":"submitted"},{"at":"2025-03-05T09:00:00+08:00","kind":"correction_notice"},{"at":"2025-03-12T09:00:00+08:00","kind":"accepted"},{"at":"2025-03-20T09:00:00+08:00","kind":"finished"}]}`),
		[]byte(`{"id":"x","process":"property-registration","unit":"u","mode":"容缺受理","events":[{"at":"2027-12-28T09:00:00+08:00","kind":"submitted"},{"at":"2027-12-28T09:00:00+08:00","kind":"accepted"},{"at":"2027-12-29T09:00:00+08:00","kind":"visit"},{"at":"2027-12-30T09:00:00+08:00","kind":"finished"}]}`),
		[]byte(`{"id":"x","process":"procurement-contract","events":[{"at":"2025-09-26T09:00:00+08:00","kind":"submitted"},{"at":"2025-09-26T09:00:00+08:00","kind":"accepted"},{"at":"2025-09-27T09:00:00+08:00","kind":"withdrawn"}]}`),
	}
}

// checkCase runs one decoded case through everything: re-encoding,
// replay, Status at several instants, Alerts, Statistics, and an append to
// a copy; none may panic, and the invariants below must hold.
func checkCase(t *testing.T, c *Case, procs Processes, cal *calendar.Calendar) {
	out, err := json.Marshal(c)
	if err != nil {
		return // a value no decoder produces
	}
	back, err := DecodeCase(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("re-reading %s: %v", out, err)
	}
	if again, _ := json.Marshal(back); !bytes.Equal(out, again) {
		t.Fatalf("round trip changed the case:\n%s\n%s", out, again)
	}
	p := procs[c.Process]
	if p == nil {
		return
	}
	if _, err := Replay(c, p); err != nil {
		return
	}
	instants := []time.Time{time.Date(2025, 11, 1, 10, 0, 0, 0, calendar.Beijing()), time.Date(2027, 12, 31, 10, 0, 0, 0, calendar.Beijing())}
	// Around at most eight events, spread over the log, so that a long log
	// costs the harness linear time, as it costs Status.
	step := max(len(c.Events)/8, 1)
	for i := 0; i < len(c.Events); i += step {
		e := c.Events[i]
		instants = append(instants, e.At, e.At.Add(-time.Second), e.At.Add(90*time.Minute))
	}
	for _, now := range instants {
		for _, o := range []Options{{}, {Calendar: cal}} {
			r, err := Status(c, p, now, o)
			if err != nil {
				if !errors.Is(err, ErrNotSubmitted) && !errors.Is(err, calendar.ErrUnknownYear) && !errors.Is(err, calendar.ErrOutOfRange) &&
					!errors.Is(err, calendar.ErrInvalidDate) { // a date past year 9999 in the timer's zone
					t.Fatalf("Status as of %s: %v", now, err)
				}
				continue
			}
			timers := r.Stages
			for _, x := range []*Timer{r.Overall, r.Statutory} {
				if x != nil {
					timers = append(timers, *x)
				}
			}
			for _, tm := range timers {
				if tm.Status == 0 || tm.Limit.N < 0 || tm.ElapsedSeconds < 0 {
					t.Fatalf("bad timer %+v", tm)
				}
				if tm.DueUnknown == 0 && (tm.Due.IsZero() || tm.DueAt.Before(tm.Start)) {
					t.Fatalf("a due time before the start: %+v", tm)
				}
				_ = tm.Explanation.String()
				_ = tm.ElapsedText() + tm.RemainingText()
			}
			if _, err := json.Marshal(r); err != nil {
				t.Fatalf("the report does not marshal: %v", err)
			}
		}
	}
	_, _ = Alerts([]*Case{c, nil}, procs, instants[0], nil, Options{})
	_, _ = Statistics([]*Case{c, nil}, procs, Options{})
	// Appending to a copy leaves the original as it was.
	cp := *c
	_ = cp.Append(p, Event{At: c.Events[len(c.Events)-1].At.Add(time.Minute), Kind: Visit})
	if now, _ := json.Marshal(c); !bytes.Equal(now, out) {
		t.Fatalf("appending to a copy changed the original:\n%s\n%s", out, now)
	}
}

func FuzzCase(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	procs := CatalogProcesses()
	cal, err := calendar.China().WithProvisional()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := DecodeCase(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrInvalidCase) {
				t.Fatalf("an error that is not ErrInvalidCase: %v", err)
			}
			return
		}
		checkCase(t, c, procs, cal)
	})
}

func FuzzCases(f *testing.F) {
	seeds := fuzzSeeds(f)
	f.Add(bytes.Join(seeds, []byte("\n")))
	f.Add(append([]byte("\ufeff"), bytes.Join(seeds[:3], []byte("\r\n\n"))...))
	f.Add([]byte("{}\n{bad\n"))
	f.Add([]byte("\xff\xfe{\x00}\x00"))
	procs := CatalogProcesses()
	cal, err := calendar.China().WithProvisional()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		cases, err := DecodeCases(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrInvalidCase) {
				t.Fatalf("an error that is not ErrInvalidCase: %v", err)
			}
			return
		}
		if len(cases) > 3 {
			cases = cases[:3]
		}
		for _, c := range cases {
			checkCase(t, c, procs, cal)
		}
	})
}

// FuzzTimeOfDay: working hours and a time of day read any text without
// panicking, and what they read writes back to text that reads to the
// same value.
func FuzzTimeOfDay(f *testing.F) {
	for _, s := range []string{"09:00-17:00", "08:30-12:00,13:30-17:30", "全天", "24小时", "9:00—12:00，14:00至17:30", "00:00-24:00",
		"10:15:30", "24:00", "23:59:59", "+9:00", "10:15:", "", "17:00-09:00", "08:00-09:00,08:30-10:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if h, err := ParseWorkingHours(s); err == nil {
			back, err := ParseWorkingHours(h.String())
			if err != nil || back.String() != h.String() || back.PerDay() != h.PerDay() {
				t.Fatalf("%q read as %q, which reads back as %q (%v)", s, h.String(), back.String(), err)
			}
		}
		var c ClockTime
		if err := c.UnmarshalText([]byte(s)); err == nil {
			b, err := c.MarshalText()
			if err != nil {
				t.Fatalf("%q read as %d, which does not write: %v", s, c, err)
			}
			var back ClockTime
			if err := back.UnmarshalText(b); err != nil || back != c {
				t.Fatalf("%q read as %d, written %q, read back as %d (%v)", s, c, b, back, err)
			}
		}
	})
}
