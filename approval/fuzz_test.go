package approval

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// Seed corpora are in testdata/fuzz; explore further with, for example,
//
//	go test ./approval -run '^$' -fuzz FuzzCase -fuzztime 60s

func FuzzCase(f *testing.F) {
	b, _ := json.Marshal(highVoltage(f))
	f.Add(b)
	f.Add([]byte(`{"id":"x","process":"heating-repair","events":[{"at":"2025-10-01T20:00:00+08:00","kind":"submitted"},{"at":"2025-10-01T20:00:00+08:00","kind":"accepted"},{"at":"2025-10-02T08:00:00+08:00","kind":"paused","reason":"补正"}]}`))
	f.Add([]byte(`{"id":"x","process":"complaint-12345","events":[{"at":"2025-09-28T09:00:00Z","kind":"submitted"},{"at":"2025-09-28T09:30:00Z","kind":"accepted"},{"at":"2025-09-28T09:30:00Z","kind":"stage_started","stage":"反馈"},{"at":"2025-09-28T10:00:00Z","kind":"extended","stage":"反馈","extension":"1日"}]}`))
	f.Add([]byte(`{"id":"x","process":"administrative-licence","events":[{"at":"2026-12-30T09:00:00+08:00","kind":"submitted"},{"at":"2026-12-30T09:00:00+08:00","kind":"accepted"}]}`))
	procs := CatalogProcesses()
	now := time.Date(2025, 11, 1, 10, 0, 0, 0, calendar.Beijing())
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := DecodeCase(bytes.NewReader(b))
		if err != nil {
			return
		}
		out, err := json.Marshal(c)
		if err != nil {
			return // a value no decoder produces, such as an unknown kind number
		}
		back, err := DecodeCase(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the case:\n%s\n%s", out, again)
		}
		p := procs[c.Process]
		if p == nil {
			return
		}
		if _, err := Replay(c, p); err != nil {
			return
		}
		r, err := Status(c, p, now, Options{})
		if err != nil {
			return
		}
		for _, tm := range append(r.Stages, timersOf(r)...) {
			if tm.Status == 0 || tm.Limit.N < 0 {
				t.Fatalf("bad timer %+v", tm)
			}
			_ = tm.Explanation.String()
		}
		_, _ = Alerts([]*Case{c}, procs, now, nil, Options{})
		_, _ = Statistics([]*Case{c}, procs, Options{})
	})
}

func timersOf(r *Report) []Timer {
	if r.Overall == nil {
		return nil
	}
	return []Timer{*r.Overall}
}
