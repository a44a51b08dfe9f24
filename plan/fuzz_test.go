package plan

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Seed corpora are in testdata/fuzz; explore further with
//
//	go test ./plan -run '^$' -fuzz FuzzDecode -fuzztime 60s

func FuzzDecode(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "examples", "data", "tiexi-2025-excerpt.json")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"title":"x","kind":"item_list","period":{"from":2025,"to":2025},"basis":[{"title":"x"}],"sections":[{"number":"一","title":"a","tasks":[{"number":"1","title":"t","responsibility":{"lead":["区数据局"]},"deadline":{"kind":"date","date":"2026-01-01"}}]}]}`))
	f.Add([]byte(`{"sections":[{"number":"1","sections":[{"number":"1","sections":[]}]}],"targets":[{"system":"s","indicator":"1","name":"n","target":{"op":"<=","value":"1","unit":"天"}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Decode(bytes.NewReader(b))
		if err != nil {
			return
		}
		_ = p.Validate(Options{})
		_ = CheckAgainst(p, &Plan{Title: "上级", Period: Period{2021, 2025}})
		if _, err := NewReport(p, p.Period.End(), nil); err != nil {
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			return
		}
		back, err := Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the plan:\n%s\n%s", out, again)
		}
	})
}

func FuzzParseDocNumber(f *testing.F) {
	for _, s := range []string{"辽政办发〔2022〕14号", "辽政办发[2022]14号", "鲅政办发（2022）1号", "x", "〔2022〕1号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDocNumber(s)
		if err != nil {
			return
		}
		back, err := ParseDocNumber(d.String())
		if err != nil || back != d {
			t.Fatalf("%q -> %s -> %v %v", s, d, back, err)
		}
	})
}

// FuzzDecodeBaseline: a baseline file never panics, and one that reads
// writes back to itself; its Split takes any findings.
func FuzzDecodeBaseline(f *testing.F) {
	f.Add([]byte(`{"schema_version":"1.1","findings":[{"key":"missing_title /title","code":"missing_title","severity":"error","path":"/title","message_zh":"缺少标题","message_en":"the plan has no title"}]}`))
	f.Add([]byte(`{"findings":[{"key":"x"},{"key":"x","severity":"warning"}]}`))
	f.Add([]byte(`{"findings":[{"code":"x"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		bl, err := DecodeBaseline(bytes.NewReader(b))
		if err != nil {
			return
		}
		fresh, gone := bl.Split([]Finding{{Code: "missing_title", Severity: Error, Path: "/title"}})
		if len(fresh)+len(bl.Findings)-len(gone) < 1 {
			t.Fatalf("a finding was lost: %d new, %d known, %d gone", len(fresh), len(bl.Findings), len(gone))
		}
		out, err := json.Marshal(bl)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeBaseline(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the baseline:\n%s\n%s", out, again)
		}
	})
}
