package task

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// Seed corpora are in testdata/fuzz; explore further with
//
//	go test ./task -run '^$' -fuzz FuzzDecodeTask -fuzztime 60s

func FuzzDecodeTask(f *testing.F) {
	for _, tk := range firstFive(f) {
		b, _ := json.Marshal(tk)
		f.Add(b)
	}
	f.Add([]byte(`{"number":"1","title":"x","responsibility":{"lead":["区数据局"],"liaison":{"name":"张三","phone":"13812341234"}},"deadline":{"kind":"monthly","day":15},"status":"in_progress","ledger":[{"seq":1,"date":"2025-01-01","unit":"x","percent":"10"},{"seq":2,"date":"2025-01-02","unit":"x","percent":"5","corrects":1}],"delegated":[{"number":"1-1","responsibility":{"lead":["兴盛街道"]},"deadline":{"kind":"date","date":"2025-06-30"}}]}`))
	f.Add([]byte(`{"deadline":{"kind":"yearly","month":13},"milestones":[{"due":"2025-02-30"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tk, err := DecodeTask(bytes.NewReader(b))
		if err != nil {
			return
		}
		_ = tk.Validate(planEnd)
		_, _ = tk.Progress()
		_, _ = tk.Standing(planEnd, Options{End: planEnd})
		_, _ = Actions([]*Task{tk}, planEnd, Options{End: planEnd}, nil)
		_, _ = Lights([]*Task{tk}, planEnd, Options{End: planEnd})
		out, err := json.Marshal(tk)
		if err != nil {
			return
		}
		back, err := DecodeTask(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the task:\n%s\n%s", out, again)
		}
	})
}

func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{"2025年底前", "到2022年7月底", "2025年6月30日前", "每月15日前", "每季度", "每年3月底", "2025-09-30", "尽快"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDeadline(s)
		if err != nil {
			return
		}
		if !d.valid() {
			t.Fatalf("%q parsed to an invalid deadline %+v", s, d)
		}
		if _, err := d.Due(planEnd); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
	})
}

func FuzzDecodeTasks(f *testing.F) {
	b, _ := json.Marshal(firstFive(f))
	f.Add(b)
	f.Add([]byte(`[{"number":"1"},null]`))
	f.Add([]byte(`[{"number":"1","Number":"2"}]`))
	f.Add([]byte("\ufeff[]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ts, err := DecodeTasks(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrInvalidTask) {
				t.Fatalf("error not wrapping ErrInvalidTask: %v", err)
			}
			return
		}
		_, _ = Overdue(ts, planEnd, Options{End: planEnd})
		out, err := json.Marshal(ts)
		if err != nil {
			return
		}
		back, err := DecodeTasks(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the tasks:\n%s\n%s", out, again)
		}
	})
}

func FuzzLedgerJSON(f *testing.F) {
	f.Add([]byte(`[{"seq":1,"date":"2025-01-01","unit":"区数据局","percent":"10","evidence":["铁数发〔2025〕3号"]},{"seq":2,"date":"2025-01-02","unit":"区数据局","percent":"5","corrects":1}]`))
	f.Add([]byte(`[{"seq":2,"date":"2025-01-01","unit":"x","percent":"1"}]`))
	f.Add([]byte(`[{"seq":1,"seq":1}]`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var l Ledger
		if err := l.UnmarshalJSON(b); err != nil {
			if !errors.Is(err, ErrInvalidEntry) {
				t.Fatalf("error not wrapping ErrInvalidEntry: %v", err)
			}
			if l.Len() != 0 {
				t.Fatalf("a rejected ledger kept %d entries", l.Len())
			}
			return
		}
		_, _ = l.Progress()
		out, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		var back Ledger
		if err := back.UnmarshalJSON(out); err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the ledger:\n%s\n%s", out, again)
		}
	})
}

func FuzzResponsibilityJSON(f *testing.F) {
	f.Add([]byte(`{"lead":["区数据局"],"responsible":["区住建局","区数据局"],"supporting":[],"joint":true,"liaison":{"name":"张三","unit":"区数据局","phone":"13812341234"}}`))
	f.Add([]byte(`{"lead":["区数据局　"," 区数据局"]}`))
	f.Add([]byte(`{"lead":[null]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Responsibility
		if err := r.UnmarshalJSON(b); err != nil {
			if !errors.Is(err, ErrInvalidTask) {
				t.Fatalf("error not wrapping ErrInvalidTask: %v", err)
			}
			return
		}
		_ = r.Accountable()
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Responsibility
		if err := back.UnmarshalJSON(out); err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the responsibility:\n%s\n%s", out, again)
		}
	})
}

func FuzzParseDeadlineIn(f *testing.F) {
	for _, s := range []string{"年底前", "6月底前", "上半年", "三季度末", "第三季度", "下半年", "9月30日前", "年中", "每半年", "长期坚持", "2026年6月底前", "13月底前"} {
		f.Add(s, 2025)
	}
	f.Add("年底前", 0)
	f.Add("年底前", 9999)
	f.Fuzz(func(t *testing.T, s string, year int) {
		d, err := ParseDeadlineIn(s, year)
		if err != nil {
			if !errors.Is(err, ErrInvalidDeadline) {
				t.Fatalf("%q %d: error not wrapping ErrInvalidDeadline: %v", s, year, err)
			}
			return
		}
		if !d.valid() {
			t.Fatalf("%q %d parsed to an invalid deadline %+v", s, year, d)
		}
		if d.Kind != Ongoing {
			if _, err := d.Due(planEnd); err != nil {
				t.Fatalf("%q: %v", s, err)
			}
		}
	})
}

func FuzzDecodeActions(f *testing.F) {
	f.Add([]byte(`[{"id":"00000000-0000-0000-0000-000000000000","kind":"supervise","task":"5fc2a2a9-774f-5dba-9369-0b715a692178","number":"1","title":"x","unit":"区数据局","copy":["区财政局"],"due":"2025-10-10","on":"2025-10-13","days":2,"reply_by":"2025-10-20","reply":{"on":"2025-10-15","unit":"区数据局","text":"ok"},"message_zh":"a","message_en":"b"}]`))
	f.Add([]byte(`[{"kind":"escalate","task":"5fc2a2a9-774f-5dba-9369-0b715a692178","unit":"x","due":"2025-10-10","on":"2025-10-13"}]`))
	f.Add([]byte(`[{"kind":"remind","kind":"notice"}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		as, err := DecodeActions(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrInvalidValue) {
				t.Fatalf("error not wrapping ErrInvalidValue: %v", err)
			}
			return
		}
		out, err := json.Marshal(as)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeActions(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the actions:\n%s\n%s", out, again)
		}
		_, _ = Actions(nil, planEnd, Options{}, as)
	})
}

// FuzzEnumText reads any text as every enum of the package: a name read
// writes back to a name that reads to the same value.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"done", "已完成", "monthly", "每半年", "notice", "escalate", "通报", "lead", "牵头", "apply", "回头看", "pending", "red", "红灯", "mean_of_units", "", "carried_over"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for name, c := range enums() {
			v := c.fresh()
			if err := v.(encoding.TextUnmarshaler).UnmarshalText(b); err != nil {
				if !errors.Is(err, ErrInvalidValue) {
					t.Fatalf("%s %q: error not wrapping ErrInvalidValue: %v", name, b, err)
				}
				continue
			}
			text, err := v.(encoding.TextMarshaler).MarshalText()
			if err != nil {
				t.Fatalf("%s %q read but does not write: %v", name, b, err)
			}
			back := c.fresh()
			if err := back.(encoding.TextUnmarshaler).UnmarshalText(text); err != nil {
				t.Fatalf("%s %q: its name %q does not read: %v", name, b, text, err)
			}
			if reflect.ValueOf(back).Elem().Interface() != reflect.ValueOf(v).Elem().Interface() {
				t.Fatalf("%s %q: round trip changed the value", name, b)
			}
		}
	})
}
