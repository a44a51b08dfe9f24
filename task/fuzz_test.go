package task

import (
	"bytes"
	"encoding/json"
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
		_ = tk.Overdue(planEnd, planEnd)
		_ = Actions([]*Task{tk}, planEnd, Options{End: planEnd}, nil)
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
