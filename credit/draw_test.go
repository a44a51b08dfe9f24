package credit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The results of bizenv-draw/1 as first published (commit 59ec240's code):
// the indexed pairing must give exactly what the plain scan gave, or every
// record published before would fail verification.
func TestDrawResultsUnchangedSinceFirstPublished(t *testing.T) {
	rec, err := Draw(population(1000), roster(40), drawPolicy(), "2025Q3-公开摇号-8831")
	require.NoError(t, err)
	assert.Equal(t, "c7191df7f7a0a56b70e11cafad8449e8e94bb504336ef5fed82a5169fbe2e33d", rec.Result)
	assert.Equal(t, "5183283461c54d8beeb6a859981a5db4629c7f8002597d716b4a0751464a7830", rec.PolicyHash)
	assert.Len(t, rec.Picks, 124)

	// Three units, uneven qualifications, exclusions, three inspectors an
	// entity: most pairings end in the scan.
	pop := population(1000)
	rs := roster(40)
	for i := range rs {
		rs[i].Unit = fmt.Sprintf("单位%d", i%3)
		rs[i].Qualifications = rs[i].Qualifications[:1+i%4]
	}
	for i := 0; i < 40; i += 3 {
		rs[i].Excluded = []USCC{pop[i*7].Code, pop[i*11].Code}
	}
	p := drawPolicy()
	p.Inspectors = 3
	p.Cells[0].Percent = decimal.NewFromInt(100)
	rec, err = Draw(pop, rs, p, "pin-2")
	require.NoError(t, err)
	assert.Equal(t, "dbf446d8334f27a09523fde704de2d2327c1fe6c3303cb90d3229f31f99edda5", rec.Result)
	assert.Len(t, rec.Picks, 200)
}

// naivePair is bizenv-draw/1's pairing as first written: random tries, then
// a scan of the whole roster. The indexed pool must choose the same.
func naivePair(e *Entity, rs []Inspector, p DrawPolicy, k int, rng *rand.Rand) ([]int32, bool) {
	eligible := func(c int, chosen []int32) bool {
		r := &rs[c]
		for _, x := range chosen {
			if int(x) == c || (p.DistinctUnits && rs[x].Unit == r.Unit) {
				return false
			}
		}
		if slices.Contains(r.Excluded, e.Code) {
			return false
		}
		return !p.RequireQualification || slices.Contains(r.Qualifications, e.Field)
	}
	var chosen []int32
	for len(chosen) < k {
		found := -1
		for try := 0; try < 32; try++ {
			if c := rng.IntN(len(rs)); eligible(c, chosen) {
				found = c
				break
			}
		}
		if found < 0 {
			start := rng.IntN(len(rs))
			for s := 0; s < len(rs); s++ {
				if c := (start + s) % len(rs); eligible(c, chosen) {
					found = c
					break
				}
			}
		}
		if found < 0 {
			return chosen, false
		}
		chosen = append(chosen, int32(found))
	}
	return chosen, true
}

// The pool's answer equals the plain scan's, and it draws the same random
// numbers, on rosters made to defeat the random tries: few units, rare
// qualifications, long exclusion lists, codes that differ only in being
// tolerated.
func TestPoolPairsAsTheScanDid(t *testing.T) {
	src := rand.New(rand.NewPCG(1, 2))
	fields := []string{"餐饮", "药品", "建材", "特种设备", "危化"}
	pop := population(300)
	for round := 0; round < 300; round++ {
		n := 1 + src.IntN(60)
		units := 1 + src.IntN(5)
		var rs []Inspector
		for i := 0; i < n; i++ {
			in := Inspector{ID: fmt.Sprintf("ZF%03d", i), Unit: fmt.Sprintf("u%d", src.IntN(units))}
			for _, f := range fields {
				if src.IntN(4) == 0 {
					in.Qualifications = append(in.Qualifications, f)
				}
			}
			for j := src.IntN(40); j > 0; j-- {
				in.Excluded = append(in.Excluded, pop[src.IntN(len(pop))].Code)
			}
			rs = append(rs, in)
		}
		rs, _, err := canonicalRoster(rs, MaxRoster)
		require.NoError(t, err)
		p := DrawPolicy{Inspectors: 1 + src.IntN(4), DistinctUnits: src.IntN(2) == 0, RequireQualification: src.IntN(2) == 0}
		pl := newPool(rs, p)
		for x := 0; x < 20; x++ {
			e := pop[src.IntN(len(pop))]
			e.Field = fields[src.IntN(len(fields))]
			if src.IntN(10) == 0 { // the same digits, tolerated: not the excluded code
				e.Code.pilot = true
			}
			seed := [32]byte{byte(round), byte(x)}
			r1, r2 := rand.New(rand.NewChaCha8(seed)), rand.New(rand.NewChaCha8(seed))
			want, ok := naivePair(&e, rs, p, p.Inspectors, r1)
			got, err := pl.pair(&e, p.Inspectors, r2, nil)
			if !ok {
				require.Error(t, err, "round %d", round)
				continue
			}
			require.NoError(t, err, "round %d", round)
			require.Equal(t, want, got, "round %d entity %d", round, x)
			require.Equal(t, r1.Uint64(), r2.Uint64(), "the same random numbers consumed")
		}
	}
}

// Issue 13, item 1: a forged record whose policy asks for 2^62 inspectors
// an entity crashed Verify (makeslice: cap out of range). Every count that
// sizes memory is bounded now; each bound is tested here.
func TestDrawBounds(t *testing.T) {
	pop, rs := population(20), roster(5)
	rec, err := Draw(pop, rs, drawPolicy(), "s")
	require.NoError(t, err)

	forged := *rec
	forged.Policy.Inspectors = 1 << 62
	forged.PolicyHash = policyHashOrEmpty(forged.Policy)
	assert.NotPanics(t, func() { err = Verify(&forged, pop, rs) })
	assert.ErrorContains(t, err, "inspectors is 4611686018427387904; an entity gets 0 (meaning 2) to 20 inspectors")
	b, _ := json.Marshal(forged)
	_, err = DecodeDrawRecord(bytes.NewReader(b))
	assert.ErrorContains(t, err, "inspectors is 4611686018427387904", "refused when read, before any draw")

	many := make([]CellCheck, MaxCells+1)
	for i := range many {
		many[i] = CellCheck{Cell{Grade(fmt.Sprint(i)), "低"}, Check{decimal.NewFromInt(1), 1}}
	}
	keys := make([]string, MaxKeyFields+1)
	for i := range keys {
		keys[i] = fmt.Sprint(i)
	}
	cellOf := func(pct decimal.Decimal, perYear int) []CellCheck {
		return []CellCheck{{Cell{"A", "低"}, Check{pct, perYear}}}
	}
	cell := func(pct string, perYear int) []CellCheck { return cellOf(decimal.RequireFromString(pct), perYear) }
	tests := []struct {
		name string
		p    DrawPolicy
		want string
	}{
		{"inspectors past the bound", DrawPolicy{Inspectors: MaxInspectorsPerEntity + 1}, "to 20 inspectors"},
		{"inspectors negative", DrawPolicy{Inspectors: -1}, "to 20 inspectors"},
		{"inspectors at MaxInt", DrawPolicy{Inspectors: math.MaxInt}, "to 20 inspectors"},
		{"cells", DrawPolicy{Policy: Policy{Cells: many}}, "cells has 10001 items, at most 10000"},
		{"tiny percent, huge exponent", DrawPolicy{Policy: Policy{Cells: cellOf(decimal.New(1, -1_000_000_000), 1)}}, "at most 6 decimal places"},
		{"huge percent exponent", DrawPolicy{Policy: Policy{Cells: cellOf(decimal.New(1, 1_000_000_000), 1)}}, "at most 6 decimal places"},
		{"seven decimal places", DrawPolicy{Policy: Policy{Cells: cell("0.0000001", 1)}}, "at most 6 decimal places"},
		{"percent over 100", DrawPolicy{Policy: Policy{Cells: cell("100.5", 1)}}, "must be 0 to 100"},
		{"negative percent", DrawPolicy{Policy: Policy{Cells: cell("-1", 1)}}, "must be 0 to 100"},
		{"per_year past the bound", DrawPolicy{Policy: Policy{Cells: cell("3", MaxPerYear+1)}}, "per_year is 367"},
		{"per_year negative", DrawPolicy{Policy: Policy{Cells: cell("3", -1)}}, "per_year is -1"},
		{"key fields", DrawPolicy{Policy: Policy{KeyFields: keys}}, "key_fields has 1001 items"},
		{"long key field", DrawPolicy{Policy: Policy{KeyFields: []string{strings.Repeat("x", MaxText+1)}}}, "key_fields[0] is 1001 bytes long"},
		{"long grade", DrawPolicy{Policy: Policy{Cells: []CellCheck{{Cell{Grade(strings.Repeat("A", MaxText+1)), "低"}, Check{}}}}}, "cells[0].grade is 1001 bytes"},
		{"repeated cell", DrawPolicy{Policy: Policy{Cells: append(cell("3", 1), cell("5", 1)...)}}, "cells[1] repeats the grade and risk of cells[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Draw(pop, rs, tt.p, "s")
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidDraw)
			assert.Contains(t, err.Error(), tt.want)
			assert.Less(t, time.Since(start), time.Second, "refused before any arithmetic on it")
		})
	}

	_, err = Draw(pop, rs, drawPolicy(), strings.Repeat("种", MaxText))
	assert.ErrorContains(t, err, "seed is 3000 bytes long")
	long := slices.Clone(pop)
	long[3].Name = strings.Repeat("x", MaxText+1)
	_, err = Draw(long, rs, drawPolicy(), "s")
	assert.ErrorContains(t, err, "name is 1001 bytes long")
	gbk := slices.Clone(pop)
	gbk[3].Field = "\xb0\xa1"
	_, err = Draw(gbk, rs, drawPolicy(), "s")
	assert.ErrorContains(t, err, "field is not valid UTF-8")
	wide := roster(5)
	wide[1].Excluded = make([]USCC, MaxListItems+1)
	_, err = Draw(pop, wide, drawPolicy(), "s")
	assert.ErrorContains(t, err, "excluded has 10001 items")
	wide = roster(5)
	wide[1].Qualifications = make([]string, MaxListItems+1)
	_, err = Draw(pop, wide, drawPolicy(), "s")
	assert.ErrorContains(t, err, "qualifications has 10001 items")
	semi := roster(5)
	semi[2].Qualifications = []string{"餐饮;药品"}
	_, err = Draw(pop, semi, drawPolicy(), "s")
	assert.ErrorContains(t, err, "holds a semicolon", "[\"a;b\"] and [\"a\",\"b\"] would hash alike")

	// The population and roster bounds, on the mechanism: MaxEntities of
	// entities would take a gigabyte to build in a test.
	_, _, err = canonicalPopulation(pop, 19)
	assert.ErrorContains(t, err, "population has 20 items, at most 19")
	_, _, err = canonicalRoster(rs, 4)
	assert.ErrorContains(t, err, "roster has 5 items, at most 4")
	big := *rec
	big.Entities = 21
	assert.ErrorContains(t, big.check(20), "entities is 21, it must be 0 to 20")
	big = *rec
	big.Unmatched = make([]USCC, 21)
	assert.ErrorContains(t, big.check(20), "unmatched has 21 items, at most 20")
	big = *rec
	big.Picks = make([]Pick, 21)
	assert.ErrorContains(t, big.check(20), "picks has 21 items, at most 20")
	big = *rec
	big.Picks = []Pick{{Inspectors: make([]string, MaxInspectorsPerEntity+1)}}
	assert.ErrorContains(t, big.check(MaxEntities), "picks[0].inspectors has 21 items")
	big = *rec
	big.Exempt = big.Entities + 1
	assert.ErrorContains(t, big.check(MaxEntities), "exempt is 21, it must be 0 to 20")
	big = *rec
	big.Seed = strings.Repeat("x", MaxText+1)
	assert.ErrorContains(t, Verify(&big, pop, rs), "seed is 1001 bytes long")
	if !testing.Short() {
		_, err = DecodeDrawRecord(io.MultiReader(strings.NewReader(`{"seed":"`), io.LimitReader(repeat('x'), MaxRecordBytes)))
		assert.ErrorContains(t, err, "larger than 268435456 bytes")
	}
}

// repeat is an endless reader of one byte; it copies blocks, so that it
// stays fast under the race detector.
type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	block := bytes.Repeat([]byte{byte(r)}, 1<<16)
	n := 0
	for n < len(p) {
		n += copy(p[n:], block)
	}
	return n, nil
}

// policyHashOrEmpty hashes a policy that may be out of bounds, as a forger
// would, without expanding huge exponents.
func policyHashOrEmpty(p DrawPolicy) string {
	if p.check() != nil {
		for _, c := range p.Cells {
			if e := c.Percent.Exponent(); e < -MaxPercentPlaces || e > 2 {
				return ""
			}
		}
	}
	return policyHash(p)
}

// Issue 13: no input of a few megabytes runs for long. Before the indexed
// pool, a roster of one big unit and one small, with distinct units asked
// for, made every pick scan the roster: 2 000 entities × 200 000 inspectors
// (a 6 MB roster CSV) took 3.9 s, and time grew with entities × inspectors;
// 20 000 entities now take well under a second.
func TestDrawDoesNotStallOnAnAdversarialRoster(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 200 000 inspectors")
	}
	pop := population(20_000)
	rs := make([]Inspector, 200_000)
	for i := range rs {
		rs[i] = Inspector{ID: fmt.Sprintf("ZF%06d", i), Unit: "大单位"}
		if i%3 == 1 {
			rs[i].Excluded = []USCC{pop[i%len(pop)].Code}
		}
	}
	rs[123_456].Unit = "小单位"
	var cells []CellCheck
	for _, g := range []Grade{"A", "B", "C", "D"} {
		for _, r := range []string{"低", "中", "高"} {
			cells = append(cells, CellCheck{Cell{g, r}, Check{decimal.NewFromInt(100), 1}})
		}
	}
	p := DrawPolicy{Policy: Policy{Cells: cells, DisturbRedList: true}, Inspectors: 2, DistinctUnits: true}
	start := time.Now()
	rec, err := Draw(pop, rs, p, "adversarial")
	require.NoError(t, err)
	assert.Len(t, rec.Picks, 20_000)
	for _, pk := range rec.Picks {
		require.Contains(t, pk.Inspectors, "ZF123456", "the one inspector of the other unit is in every pair")
	}
	assert.Less(t, time.Since(start), 20*time.Second)
	t.Logf("20 000 picks over 200 000 inspectors: %v", time.Since(start))
}

// The policy hash is the SHA-256 of the policy's JSON as first published,
// and no package setting of shopspring/decimal (which any importer can
// change) alters it or the numbers drawn.
func TestPolicyHashIgnoresDecimalSettings(t *testing.T) {
	policies := []DrawPolicy{drawPolicy(), {}, {Policy: Policy{Cells: []CellCheck{}, KeyFields: []string{"药品"}, DisturbRedList: true}, Inspectors: 3}}
	p := drawPolicy()
	p.Cells[2].Percent = decimal.RequireFromString("12.345678")
	policies = append(policies, p)
	for i, p := range policies {
		want, err := json.Marshal(p)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(canonicalPolicyJSON(p)), "policy %d", i)
	}
	pop, rs := population(300), roster(12)
	p = drawPolicy()
	p.Cells[0].Percent = decimal.RequireFromString("33.333333")
	before, err := Draw(pop, rs, p, "s")
	require.NoError(t, err)

	quotes, precision := decimal.MarshalJSONWithoutQuotes, decimal.DivisionPrecision
	defer func() { decimal.MarshalJSONWithoutQuotes, decimal.DivisionPrecision = quotes, precision }()
	decimal.MarshalJSONWithoutQuotes, decimal.DivisionPrecision = true, 0
	after, err := Draw(pop, rs, p, "s")
	require.NoError(t, err)
	assert.Equal(t, before, after)
	b, err := json.Marshal(after)
	require.NoError(t, err)
	back, err := DecodeDrawRecord(bytes.NewReader(b))
	require.NoError(t, err)
	assert.NoError(t, Verify(back, pop, rs), "a record written with unquoted decimals still verifies")
}

// An empty list of key fields is written as none, so it must mean what
// none means, or a record would not verify after a JSON round trip.
func TestEmptyKeyFieldsMeanTheDefault(t *testing.T) {
	pop, rs := population(200), roster(12)
	p := drawPolicy()
	p.KeyFields = []string{}
	rec, err := Draw(pop, rs, p, "s")
	require.NoError(t, err)
	p.KeyFields = nil
	same, err := Draw(pop, rs, p, "s")
	require.NoError(t, err)
	assert.Equal(t, same.Result, rec.Result)
	b, err := json.Marshal(rec)
	require.NoError(t, err)
	back, err := DecodeDrawRecord(bytes.NewReader(b))
	require.NoError(t, err)
	assert.NoError(t, Verify(back, pop, rs))
}
