package credit

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// Seed corpora are in testdata/fuzz; explore further with, one at a time,
//
//	go test ./credit -run '^$' -fuzz FuzzParseUSCC -fuzztime 60s
//	go test ./credit -run '^$' -fuzz FuzzNormalizeUSCC -fuzztime 60s
//	go test ./credit -run '^$' -fuzz FuzzDecodeDrawRecord -fuzztime 60s
//	go test ./credit -run '^$' -fuzz FuzzDecodeDrawPolicy -fuzztime 60s
//	go test ./credit -run '^$' -fuzz FuzzReadPopulation -fuzztime 60s
//	go test ./credit -run '^$' -fuzz FuzzReadRoster -fuzztime 60s
//	go test ./credit -run '^$' -fuzz FuzzDrawAndVerify -fuzztime 60s
//
// Each must never panic; the decoders must refuse with ErrInvalidDraw or
// read what they write back unchanged.

func FuzzParseUSCC(f *testing.F) {
	for _, s := range append(published, "91350100M000100Y44", "", "９１", "Y1350100M000100Y4X", "11100000000000000X", "91350100M000100Y4中", "91350100M000100Y4\xff") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ParseUSCC(s)
		if err != nil {
			var ue *USCCError
			if !u.IsZero() || !errors.As(err, &ue) || !errors.Is(err, ErrInvalidUSCC) {
				t.Fatalf("error %v with code %v for %q", err, u, s)
			}
			if ue.Position < 0 || ue.Position > len([]rune(s)) {
				t.Fatalf("position %d outside %q", ue.Position, s)
			}
			if strings.Count(err.Error(), "invalid unified social credit code") != 1 {
				t.Fatalf("message %q", err)
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
	for _, s := range []string{" ９１３５-0100 m000100y43 ", "91350100M000100Y44", "9135 0100 M000 100Y 43", "—", "91350100M000100Y4中", "\u3000"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, tolerate bool) {
		u, changes, err := NormalizeUSCC(s, Options{TolerateCheck: tolerate})
		if err != nil {
			var ue *USCCError
			if !errors.As(err, &ue) || ue.Input != s {
				t.Fatalf("error %v does not name the input %q", err, s)
			}
			if ue.Position < 0 || ue.Position > len([]rune(s)) {
				t.Fatalf("position %d outside %q", ue.Position, s)
			}
			return
		}
		if u.CheckTolerated() && !tolerate {
			t.Fatalf("check tolerated without the option: %q", s)
		}
		if u.String() != s && len(changes) == 0 {
			t.Fatalf("%q read as %s with no change reported", s, u)
		}
		if again, _, err := NormalizeUSCC(u.String(), Options{TolerateCheck: tolerate}); err != nil || again != u {
			t.Fatalf("%q: the code read, %s, does not read again: %v", s, u, err)
		}
	})
}

func FuzzDecodeDrawRecord(f *testing.F) {
	pop, rs := population(30), roster(6)
	rec, err := Draw(pop, rs, drawPolicy(), "seed")
	if err != nil {
		f.Fatal(err)
	}
	b, _ := json.Marshal(rec)
	f.Add(b)
	f.Add([]byte(`{"seed":"x","picks":[{"entity":"91350100M000100Y43","inspectors":["a"]}]}`))
	f.Add([]byte(`{"picks":[{"entity":"91350100M000100Y44"}]}`))
	f.Add([]byte(`{"policy":{"inspectors":4611686018427387904,"cells":[{"grade":"A","risk":"低","percent":"1e-9000","per_year":1}]}}`))
	f.Add(bytes.Replace(b, []byte(`"seed":`), []byte(`"seed":"other","seed":`), 1))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := DecodeDrawRecord(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrInvalidDraw) {
				t.Fatalf("error not wrapping ErrInvalidDraw: %v", err)
			}
			return
		}
		verr := Verify(r, pop, rs)
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("a record read does not write: %v", err)
		}
		back, err := DecodeDrawRecord(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		if !reflect.DeepEqual(normalRecord(r), normalRecord(back)) {
			t.Fatalf("round trip changed the record:\n%+v\n%+v", r, back)
		}
		if again := Verify(back, pop, rs); (again == nil) != (verr == nil) {
			t.Fatalf("verify differs after a round trip: %v, then %v", verr, again)
		}
	})
}

// normalRecord makes empty slices nil, which JSON cannot tell apart from
// absent ones.
func normalRecord(r *DrawRecord) DrawRecord {
	c := *r
	if len(c.Unmatched) == 0 {
		c.Unmatched = nil
	}
	if len(c.Picks) == 0 {
		c.Picks = nil
	}
	c.Policy = normalPolicy(c.Policy)
	return c
}

func normalPolicy(p DrawPolicy) DrawPolicy {
	if len(p.Cells) == 0 {
		p.Cells = nil
	}
	if len(p.KeyFields) == 0 {
		p.KeyFields = nil
	}
	return p
}

func FuzzDecodeDrawPolicy(f *testing.F) {
	f.Add([]byte(policyJSON))
	f.Add([]byte(`{"cells":[{"grade":"A","risk":"低","percent":3.5,"per_year":1}],"key_fields":["药品"],"disturb_red_list":true,"inspectors":3,"distinct_units":true,"require_qualification":true}`))
	f.Add([]byte(policyJSON + `{}`))
	f.Add([]byte(`{"cells":[{"grade":"A","risk":"低","percent":"1e-9000"}]}`))
	f.Add([]byte(`{"inspectors":1e3}`))
	f.Add([]byte("\uFEFF" + policyJSON))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodeDrawPolicy(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrInvalidDraw) {
				t.Fatalf("error not wrapping ErrInvalidDraw: %v", err)
			}
			return
		}
		if err := p.check(); err != nil {
			t.Fatalf("a policy read fails its own check: %v", err)
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if canon := canonicalPolicyJSON(p); !bytes.Equal(canon, out) {
			t.Fatalf("canonical JSON %s differs from %s", canon, out)
		}
		back, err := DecodeDrawPolicy(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		if policyHash(back) != policyHash(p) {
			t.Fatalf("round trip changed the policy: %s", out)
		}
	})
}

// writeCSV writes rows under a header as encoding/csv does.
func writeCSV(header []string, rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(header)
	_ = w.WriteAll(rows)
	return b.Bytes()
}

func FuzzReadPopulation(f *testing.F) {
	f.Add([]byte("\uFEFFcode,name,grade,risk,field,red\n91350100M000100Y43,示例企业,A,低,餐饮,否\n91330100799655058B,另一企业,B,中,药品,true\n"))
	f.Add([]byte("code,grade,risk\n91350100M000100Y43,A,低\n91350100M000100Y43,A,低\n"))
	f.Add([]byte("risk,code,grade\n\"低\",91350100M000100Y43,\"A\"\"\"\n"))
	f.Add([]byte("code,grade,risk,name\n91350100M000100Y43,A,低,\xb0\xa1\n"))
	f.Add([]byte("\xff\xfec\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		pop, err := ReadPopulation(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrInvalidDraw) {
				t.Fatalf("error not wrapping ErrInvalidDraw: %v", err)
			}
			return
		}
		rows := make([][]string, len(pop))
		for i, e := range pop {
			if e.Code.IsZero() {
				t.Fatalf("entity %d read without a code", i)
			}
			rows[i] = []string{e.Code.String(), string(e.Grade), e.Risk, e.Name, e.Field, strconv.FormatBool(e.Red)} // populationColumns
		}
		back, err := ReadPopulation(bytes.NewReader(writeCSV(populationColumns, rows)))
		if err != nil {
			t.Fatalf("re-reading: %v", err)
		}
		if len(back) != len(pop) || (len(pop) > 0 && !reflect.DeepEqual(back, pop)) {
			t.Fatalf("round trip changed the population:\n%+v\n%+v", pop, back)
		}
	})
}

func FuzzReadRoster(f *testing.F) {
	f.Add([]byte("id,name,unit,qualifications,excluded\nZF001,张三,区市场监管局,餐饮;药品,91350100M000100Y43\n"))
	f.Add([]byte("\uFEFFunit,id\nx,a\nx,a\n"))
	f.Add([]byte("id,unit,excluded\nZF01,x,91350100M000100Y44\n"))
	f.Add([]byte("id,unit,qualifications\nZF01,x, ; ;a;\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := ReadRoster(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrInvalidDraw) {
				t.Fatalf("error not wrapping ErrInvalidDraw: %v", err)
			}
			return
		}
		rows := make([][]string, len(rs))
		for i, r := range rs {
			ex := make([]string, len(r.Excluded))
			for j, u := range r.Excluded {
				ex[j] = u.String()
			}
			rows[i] = []string{r.ID, r.Unit, r.Name, strings.Join(r.Qualifications, ";"), strings.Join(ex, ";")}
		}
		back, err := ReadRoster(bytes.NewReader(writeCSV(rosterColumns, rows)))
		if err != nil {
			t.Fatalf("re-reading: %v", err)
		}
		if len(back) != len(rs) || (len(rs) > 0 && !reflect.DeepEqual(back, rs)) {
			t.Fatalf("round trip changed the roster:\n%+v\n%+v", rs, back)
		}
	})
}

// FuzzDrawAndVerify reads all three inputs of a draw, draws, and checks that
// the record verifies, also after a JSON round trip: whatever the inputs, a
// draw is reproducible, and never panics.
func FuzzDrawAndVerify(f *testing.F) {
	pop := "code,grade,risk,field,red\n91350100M000100Y43,C,高,餐饮,false\n91330100799655058B,C,高,餐饮,false\n9144030071526726XG,C,高,药品,true\n91110000710925462X,A,低,餐饮,true\n"
	roster := "id,unit,qualifications,excluded\nZF01,甲,餐饮;药品,\nZF02,乙,餐饮;药品,91350100M000100Y43\nZF03,丙,餐饮,\n"
	policy := `{"cells":[{"grade":"C","risk":"高","percent":"100","per_year":2},{"grade":"A","risk":"低","percent":"10","per_year":1}],"inspectors":2,"distinct_units":true,"require_qualification":true}`
	f.Add([]byte(pop), []byte(roster), []byte(policy), "2025Q3")
	f.Add([]byte(pop), []byte("id,unit\nZF01,甲\n"), []byte(`{"cells":[{"grade":"C","risk":"高","percent":"50"}],"inspectors":1}`), "s")
	f.Add([]byte(pop), []byte(roster), []byte(`{"cells":[{"grade":"C","risk":"高","percent":"33.333333"}],"key_fields":["餐饮"],"disturb_red_list":true}`), "")
	f.Fuzz(func(t *testing.T, popCSV, rosterCSV, policyJSON []byte, seed string) {
		pop, err := ReadPopulation(bytes.NewReader(popCSV))
		if err != nil {
			return
		}
		rs, err := ReadRoster(bytes.NewReader(rosterCSV))
		if err != nil {
			return
		}
		p, err := DecodeDrawPolicy(bytes.NewReader(policyJSON))
		if err != nil {
			return
		}
		rec, err := Draw(pop, rs, p, seed)
		if err != nil {
			if !errors.Is(err, ErrInvalidDraw) {
				t.Fatalf("error not wrapping ErrInvalidDraw: %v", err)
			}
			return
		}
		if err := Verify(rec, pop, rs); err != nil {
			t.Fatalf("a fresh record does not verify: %v", err)
		}
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeDrawRecord(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("the record does not read back: %v\n%s", err, b)
		}
		if err := Verify(back, pop, rs); err != nil {
			t.Fatalf("the record read back does not verify: %v", err)
		}
	})
}
