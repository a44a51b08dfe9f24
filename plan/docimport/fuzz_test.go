package docimport

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds the importer arbitrary text, with the seed documents
// (where present) and the committed corpus as seeds: it must never panic,
// and what it returns must be valid JSON that plan.Decode reads back.
func FuzzParse(f *testing.F) {
	// The seeds in pieces of 40 lines: small inputs let the fuzzer mutate
	// and minimise fast (whole seeds are imported by the other tests).
	for _, name := range seedFiles {
		b, err := os.ReadFile(filepath.Join(seedDir, name))
		if err != nil {
			continue
		}
		lines := bytes.SplitAfter(b, []byte("\n"))
		for i := 0; i < len(lines); i += 40 {
			f.Add(bytes.Join(lines[i:min(i+40, len(lines))], nil))
		}
	}
	f.Add([]byte("一、任务\n1.编制清单。2022年底前完成。(牵头单位:区数据局)\n专栏 1：指标\n类别\t指标\t2025 年目标\t属性\n甲\t乙\t100%\t约束性\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := Parse(b, Options{MaxBytes: 1 << 20})
		if err != nil {
			return
		}
		for _, fd := range res.Findings {
			if fd.Line <= 0 {
				t.Fatalf("finding without a line: %v", fd)
			}
		}
		out, err := json.Marshal(res.Plan)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if !json.Valid(out) {
			t.Fatal("invalid JSON")
		}
	})
}
