package indicator

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// Seed corpora are in testdata/fuzz; explore further with, for example,
//
//	go test ./indicator -run '^$' -fuzz FuzzParseTarget -fuzztime 60s

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"不超过 40 天", "不超过 15 天工作日", "100%", "0.2 年", "300 亿元", "压缩至2个环节", "1-3天", "是", "90%以上", "≥ 5 个", "很好", "1.2.3天"} {
		f.Add(s, uint8(Higher))
		f.Add(s, uint8(Lower))
	}
	f.Fuzz(func(t *testing.T, s string, dir uint8) {
		tg, err := ParseTarget(s, Direction(dir))
		if err != nil {
			return
		}
		if !tg.Unit.Valid() || tg.Op == 0 || tg.Value.IsNegative() {
			t.Fatalf("%q parsed to an unusable target %+v", s, tg)
		}
		if tg.Op != Between {
			back, err := ParseTarget(tg.Op.String()+tg.Value.String()+string(tg.Unit), 0)
			if err != nil || back.String() != tg.String() {
				t.Fatalf("%q -> %s does not read back: %v %v", s, tg, back, err)
			}
		}
		b, err := json.Marshal(tg)
		if err != nil {
			t.Fatal(err)
		}
		var j Target
		if err := json.Unmarshal(b, &j); err != nil || j.String() != tg.String() {
			t.Fatalf("JSON round trip of %s: %s %v", tg, b, err)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025", "2025Q3", "2025-06", "2025年第3季度", "2025年6月", "2025Q5", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		back, err := ParsePeriod(p.String())
		if err != nil || back != p {
			t.Fatalf("%q -> %s -> %v %v", s, p, back, err)
		}
	})
}

func FuzzDecodeSystem(f *testing.F) {
	for _, name := range SeedNames() {
		b, _ := seedFiles.ReadFile("data/" + name + ".json")
		f.Add(b)
	}
	f.Add([]byte(`{"roots":[{"code":"1","name":"a","weight":"-1","measure":{"unit":"天","direction":"band","targets":[{"op":"between","value":"3","high":"1","unit":"天"}]}}]}`))
	f.Add([]byte(`{"declared":[1,2],"roots":[{"code":"1","children":[{"code":"1"}]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sys, err := DecodeSystem(bytes.NewReader(b))
		if err != nil {
			return
		}
		_ = sys.Audit(AuditOptions{})
		_ = sys.Counts()
		out, err := json.Marshal(sys)
		if err != nil {
			return // e.g. an enum out of range set by no decoder: not reachable from JSON
		}
		back, err := DecodeSystem(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the system:\n%s\n%s", out, again)
		}
		ds, err := NewDataset(sys)
		if err != nil {
			return
		}
		for _, l := range ds.leaves {
			if l.Measure != nil {
				_ = ds.Add(Observation{Indicator: l.Code, Region: "a", Period: Period{year: 2025}, Value: dec("1")})
				_ = ds.Add(Observation{Indicator: l.Code, Region: "b", Period: Period{year: 2025}, Value: dec("2.5")})
			}
		}
		res, err := ds.Evaluate(Period{year: 2025})
		if err == nil {
			_, _ = res.Ranking("")
		}
	})
}

func FuzzObservationJSON(f *testing.F) {
	f.Add([]byte(`{"indicator":"1.1","region":"210303","period":"2025Q3","value":"40.5","unit":"天","status":"final","source":"统计局"}`))
	f.Add([]byte(`{"indicator":"1.1","period":"2025-13","value":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var o Observation
		if err := json.Unmarshal(b, &o); err != nil {
			return
		}
		out, err := json.Marshal(o)
		if err != nil {
			return
		}
		var back Observation
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip changed the observation:\n%s\n%s", out, again)
		}
	})
}

func FuzzDecodeObservations(f *testing.F) {
	for _, s := range []string{
		`[{"indicator":"1.1","region":"铁西区","period":"2025","value":"12.5","status":"final"}]`,
		`[{"indicator":"1.1","region":"210303","period":"2025Q3","value":3,"unit":"天","status":"provisional","source":"统计局"}]`,
		`[]`, `[null]`, `[{"indicator":"1.1","indicator":"1.2"}]`, `{"a":1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		obs, err := DecodeObservations(bytes.NewReader(b))
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidObservation)
			return
		}
		out, err := json.Marshal(obs)
		require.NoError(t, err)
		back, err := DecodeObservations(bytes.NewReader(out))
		require.NoError(t, err, "%s", out)
		require.Equal(t, len(obs), len(back))
		for i := range obs {
			require.True(t, obs[i].Value.Equal(back[i].Value))
			require.Equal(t, obs[i].Period, back[i].Period)
		}
	})
}
