package credit

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Seed corpora are in testdata/fuzz; explore further with
//
//	go test ./credit -run '^$' -fuzz FuzzParseUSCC -fuzztime 60s

func FuzzParseUSCC(f *testing.F) {
	for _, s := range append(published, "91350100M000100Y44", "", "９１", "Y1350100M000100Y4X", "11100000000000000X") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ParseUSCC(s)
		if err != nil {
			if !u.IsZero() {
				t.Fatalf("error with a non-zero code for %q", s)
			}
			return
		}
		if u.String() != s {
			t.Fatalf("%q -> %q", s, u.String())
		}
		if _, ok := authorityTypes[u.Authority()]; !ok || u.OrgTypeName() == "" {
			t.Fatalf("%q parsed with an unknown authority or type", s)
		}
		_, _ = u.Region()
		_ = u.OrgCode()
	})
}

func FuzzNormalizeUSCC(f *testing.F) {
	for _, s := range []string{" ９１３５-0100 m000100y43 ", "91350100M000100Y44", "9135 0100 M000 100Y 43", "—"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, tolerate bool) {
		u, changes, err := NormalizeUSCC(s, Options{TolerateCheck: tolerate})
		if err != nil {
			return
		}
		if u.CheckTolerated() && !tolerate {
			t.Fatalf("check tolerated without the option: %q", s)
		}
		if u.String() != s && len(changes) == 0 {
			t.Fatalf("%q read as %s with no change reported", s, u)
		}
	})
}

func FuzzDecodeDrawRecord(f *testing.F) {
	rec, err := Draw(population(30), roster(6), drawPolicy(), "seed")
	if err != nil {
		f.Fatal(err)
	}
	b, _ := json.Marshal(rec)
	f.Add(b)
	f.Add([]byte(`{"seed":"x","picks":[{"entity":"91350100M000100Y43","inspectors":["a"]}]}`))
	f.Add([]byte(`{"picks":[{"entity":"91350100M000100Y44"}]}`))
	pop, rs := population(30), roster(6)
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := DecodeDrawRecord(bytes.NewReader(b))
		if err != nil {
			return
		}
		_ = Verify(r, pop, rs)
		out, err := json.Marshal(r)
		if err != nil {
			return
		}
		back, err := DecodeDrawRecord(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the record")
		}
	})
}
