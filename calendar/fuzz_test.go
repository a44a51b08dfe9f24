package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// The fuzz targets below run their seed corpora (testdata/fuzz) as ordinary
// tests; explore further with, for example,
//
//	go test ./calendar -run '^$' -fuzz FuzzParseDate -fuzztime 60s

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-12-31", "2025年12月31日", "２０２５年１月５日", "2025/1/5", "2025-02-30", "0000-01-01", "9999-12-31", "2025年1月5号", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("error with a non-zero date: %q -> %v", s, d)
			}
			return
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q -> %s does not read back: %v %v", s, d, back, err)
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var j Date
		if err := json.Unmarshal(b, &j); err != nil || j != d {
			t.Fatalf("JSON round trip of %s: %s -> %v %v", d, b, j, err)
		}
		if _, err := d.AddDays(1); err != nil && d.String() != "9999-12-31" {
			t.Fatalf("AddDays(1) on %s: %v", d, err)
		}
	})
}

func FuzzDateJSON(f *testing.F) {
	for _, s := range []string{`"2025-12-31"`, `null`, `""`, `"2025\u5e741\u67085\u65e5"`, `20251231`, `"2025-02-30"`, `"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var d Date
		if err := d.UnmarshalJSON(b); err != nil {
			return
		}
		out, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back Date
		if err := back.UnmarshalJSON(out); err != nil || back != d {
			t.Fatalf("%s -> %s -> %v %v", b, out, back, err)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"20工作日", "20个工作日内", "15日", "15天", "3个月", "1年", "24小时", "二十个工作日", "一百零五天", "一万万万万万日", "-5日", "９９９９９９９日"} {
		f.Add(s)
	}
	c := China()
	start, _ := ParseDate("2025-06-30")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		back, err := ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("%q -> %v does not read back: %v %v", s, p, back, err)
		}
		if d, err := c.Deadline(start, p); err == nil && d.Before(start) {
			t.Fatalf("deadline %s before start for %v", d, p)
		}
	})
}

func FuzzAddWorkdays(f *testing.F) {
	f.Add(0, 5)
	f.Add(6481, -1)
	f.Add(7000, 1_000_000_000)
	f.Add(-5, 3)
	c := China()
	first, _ := ParseDate("2008-01-01")
	f.Fuzz(func(t *testing.T, offset, n int) {
		d, err := first.AddDays(offset % 8000)
		if err != nil {
			return
		}
		got, err := c.AddWorkdays(d, n)
		if err != nil {
			return
		}
		ok, err := c.IsWorkday(got)
		if err != nil || (n != 0 && !ok) {
			t.Fatalf("AddWorkdays(%s, %d) = %s, not a working day (%v)", d, n, got, err)
		}
		k, err := c.WorkdaysBetween(d, got)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 && k != n {
			t.Fatalf("AddWorkdays(%s, %d) = %s but %d working days between", d, n, got, k)
		}
	})
}

func FuzzParseICS(f *testing.F) {
	f.Add([]byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260721\nDTEND;VALUE=DATE:20260723\nSUMMARY:台风停工(休)\nEND:VEVENT\nEND:VCALENDAR\n"))
	f.Add([]byte("BEGIN:VEVENT\r\nDTSTART:20261010T000000Z\r\nDURATION:P1D\r\nSUMMARY:国庆节(班)\r\nEND:VEVENT\r\n"))
	f.Add([]byte("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nRRULE:FREQ=YEARLY\nEND:VEVENT\n"))
	f.Add([]byte("BEGIN:VEVENT\nSUMMARY:春\n 节\nDTSTART;VALUE=DATE:20250128\nEND:VEVENT\n"))
	c := China()
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := ParseICS(bytes.NewReader(b))
		if err != nil {
			return
		}
		if _, err := c.Merge(o); err != nil {
			return
		}
	})
}

func FuzzParseOverlay(f *testing.F) {
	f.Add([]byte(`{"source":"x","years":[2030],"days":[{"date":"2030-01-01","kind":"holiday","festival":"元旦"}]}`))
	f.Add([]byte(`{"days":[{"date":"2026-10-10","kind":"weekend"},{"date":"2026-07-21","kind":"holiday","name":"台风停工"}]}`))
	f.Add([]byte(`{"years":[1800],"days":[]}`))
	f.Add([]byte(`{"days":[{"date":"2026-10-15","kind":"adjusted"}]}`))
	c := China()
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := ParseOverlay(bytes.NewReader(b))
		if err != nil {
			return
		}
		out, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseOverlay(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		if len(back.Days) != len(o.Days) || back.Source != o.Source {
			t.Fatalf("round trip changed the overlay: %s", out)
		}
		_, _ = c.Merge(o)
	})
}

// FuzzParseNames: holiday and law names read any text without panicking,
// and what they read writes a name that reads back to the same value.
func FuzzParseNames(f *testing.F) {
	for _, s := range []string{"春节", "中秋节、国庆节", "中秋 & 国庆", "Chinese New Year", "五一，端午", "", "、、", "元旦,", "抗战胜利纪念日",
		"行政处罚法", "《中华人民共和国行政许可法》", "ADMINISTRATIVE-PENALTY", "civil", "ｃｉｖｉｌ", "《》", "民法典》"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if fe, err := ParseFestival(s); err == nil {
			b, err := fe.MarshalText()
			if err != nil {
				t.Fatalf("%q read as %d, which does not write: %v", s, fe, err)
			}
			back, err := ParseFestival(string(b))
			if err != nil || back != fe {
				t.Fatalf("%q read as %d, written %q, read back as %d (%v)", s, fe, b, back, err)
			}
		}
		if l, err := ParseLaw(s); err == nil {
			b, err := l.MarshalText()
			if err != nil {
				t.Fatalf("%q read as %d, which does not write: %v", s, l, err)
			}
			back, err := ParseLaw(string(b))
			if err != nil || back != l {
				t.Fatalf("%q read as %d, written %q, read back as %d (%v)", s, l, b, back, err)
			}
		} else if !errors.Is(err, ErrUnknownLaw) {
			t.Fatalf("%q: %v does not wrap ErrUnknownLaw", s, err)
		}
	})
}
