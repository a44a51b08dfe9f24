package credit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Codes as printed on public business licences and annual reports, and
// the example of GB 32100-2015 (91350100M000100Y43): each passes both
// check characters, which a wrong algorithm would not.
var published = []string{
	"91350100M000100Y43",
	"91330100799655058B",
	"9144030071526726XG",
	"91110000710925462X",
	"91110108551385082Q",
	"91440300708461136T",
}

func TestParseUSCCPublished(t *testing.T) {
	for _, s := range published {
		u, err := ParseUSCC(s)
		require.NoError(t, err, s)
		assert.Equal(t, s, u.String())
		assert.Equal(t, byte('9'), u.Authority())
		assert.Equal(t, "企业", u.OrgTypeName())
		assert.Equal(t, "工商（市场监管）", u.AuthorityName())
		assert.False(t, u.CheckTolerated())
	}
	u, _ := ParseUSCC("91350100M000100Y43")
	assert.Equal(t, "350100", u.DivisionCode())
	assert.Equal(t, "M000100Y-4", u.OrgCode())
	r, ok := u.Region()
	require.True(t, ok)
	assert.Equal(t, "福州市", r.Name())
}

// withCheck makes a code from 17 characters by computing the 18th, for
// building cases that fail only the rule under test.
func withCheck(s17 string) string {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(charValue[s17[i]]) * weights18[i]
	}
	return s17 + string(alphabet[(31-sum%31)%31])
}

func TestParseUSCCRules(t *testing.T) {
	good := "91350100M000100Y43"
	tests := []struct {
		name, in, rule string
		pos            int
	}{
		{"short", good[:17], RuleLength, 0},
		{"long", good + "0", RuleLength, 0},
		{"letter I", "91350100M000100I43", RuleAlphabet, 16},
		{"lower case", "91350100m000100Y43", RuleAlphabet, 9},
		{"full width", "９1350100M000100Y4", RuleLength, 0},
		{"authority B", withCheck("B1350100M000100Y4"), RuleAuthority, 1},
		{"type 4 for authority 9", withCheck("94350100M000100Y4"), RuleOrgType, 2},
		{"Y with type 2", withCheck("Y2350100M000100Y4"), RuleOrgType, 2},
		{"division letter", withCheck("913501A0M000100Y4"), RuleDivision, 7},
		{"province 99", withCheck("91990100M000100Y4"), RuleDivision, 3},
		{"org check", withCheck("91350100M000100Y5"), RuleOrgCheck, 17},
		{"check", "91350100M000100Y44", RuleCheck, 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseUSCC(tt.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidUSCC)
			var ue *USCCError
			require.ErrorAs(t, err, &ue)
			assert.Equal(t, tt.rule, ue.Rule)
			assert.Equal(t, tt.pos, ue.Position)
			assert.Contains(t, err.Error(), " / ")
		})
	}
	// Authorities A, N and Y, which a popular validator rejects.
	for _, s17 := range []string{"A1350100M000100Y4", "N2350100M000100Y4", "Y1350100M000100Y4"} {
		_, err := ParseUSCC(withCheck(s17))
		assert.NoError(t, err, s17)
	}
	// Prefix 10: a body registered at national level, with no region.
	u, err := ParseUSCC(withCheck("11100000M000100Y4"))
	require.NoError(t, err)
	_, ok := u.Region()
	assert.False(t, ok, "prefix 10 is national, not a region")
}

func TestParseUSCCAuthorities(t *testing.T) {
	// Build, for every authority/type pair GB 32100 allows, a code whose
	// two check characters are right, and parse it.
	org := "M000100Y" // body whose check character is 4
	for a, types := range authorityTypes {
		for _, ty := range types {
			code := withCheck(string(a) + string(ty) + "350100" + org + "4")
			u, err := ParseUSCC(code)
			require.NoError(t, err, code)
			assert.NotEmpty(t, u.OrgTypeName(), code)
			assert.NotEmpty(t, u.AuthorityName(), code)
		}
	}
}

func TestNormalizeUSCC(t *testing.T) {
	u, changes, err := NormalizeUSCC(" ９１３５-0100 m000100y43 ", Options{})
	require.NoError(t, err)
	assert.Equal(t, "91350100M000100Y43", u.String())
	assert.Len(t, changes, 3)
	_, _, err = NormalizeUSCC("91350100M000100Y44", Options{})
	assert.ErrorIs(t, err, ErrInvalidUSCC)
	u, changes, err = NormalizeUSCC("91350100M000100Y44", Options{TolerateCheck: true})
	require.NoError(t, err)
	assert.True(t, u.CheckTolerated())
	assert.Contains(t, changes[len(changes)-1], "pilot")
}

func TestUSCCText(t *testing.T) {
	u, _ := ParseUSCC(published[0])
	b, err := json.Marshal(map[string]USCC{"c": u, "z": {}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"c":"91350100M000100Y43","z":""}`, string(b))
	var back map[string]USCC
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, u, back["c"])
	assert.Error(t, json.Unmarshal([]byte(`{"c":"91350100M000100Y44"}`), &back))
	var s USCC
	require.NoError(t, s.Scan([]byte(published[0])))
	assert.Equal(t, u, s)
	require.NoError(t, s.Scan(nil))
	assert.True(t, s.IsZero())
	assert.ErrorIs(t, s.Scan(12), ErrInvalidUSCC)
	v, err := u.Value()
	require.NoError(t, err)
	assert.Equal(t, published[0], v)
}

func d(t testing.TB, s string) calendar.Date {
	t.Helper()
	x, err := calendar.ParseDate(s)
	require.NoError(t, err)
	return x
}

func TestGrades(t *testing.T) {
	for score, want := range map[string]Grade{"95": "A", "90": "A", "89.99": "B", "70": "B", "69": "C", "40": "C", "39.5": "D", "0": "D"} {
		g, _, err := TaxGrade(TaxFacts{Year: 2025, Score: decimal.RequireFromString(score)})
		require.NoError(t, err)
		assert.Equal(t, want, g, score)
	}
	g, _, _ := TaxGrade(TaxFacts{Year: 2025, Score: decimal.NewFromInt(95), NewlyEstablished: true})
	assert.Equal(t, Grade("M"), g)
	g, _, _ = TaxGrade(TaxFacts{Year: 2025, Score: decimal.NewFromInt(95), NewlyEstablished: true, DirectD: true})
	assert.Equal(t, Grade("D"), g, "direct determination wins")
	_, _, err := TaxGrade(TaxFacts{Year: 2025, Score: decimal.NewFromInt(101)})
	assert.ErrorIs(t, err, ErrInvalidGrade)
	tax, err := TaxCredit(2025)
	require.NoError(t, err)
	better, err := tax.Better("M", "C")
	require.NoError(t, err)
	assert.True(t, better)
	_, err = MarketRisk().Better("A", "E")
	assert.ErrorIs(t, err, ErrInvalidGrade)
	l := Listing{List: RedList, Reason: "纳税信用A级", From: d(t, "2025-01-01"), Until: d(t, "2025-12-31")}
	assert.True(t, l.Active(d(t, "2025-06-01")))
	assert.False(t, l.Active(d(t, "2026-01-01")))
}

func TestRecordsAndRepair(t *testing.T) {
	u, _ := ParseUSCC(published[1])
	rules := RepairRuleSets()[1].Publicity // 令第36号
	rec := Record{ID: "R1", Subject: u, Kind: Penalty, Severity: General, Decided: d(t, "2025-01-31"), Issuer: "区市场监管局", Publicity: rules[General]}
	until, err := rec.PublicUntil()
	require.NoError(t, err)
	assert.Equal(t, "2026-01-31", until.String())
	from, err := rec.RepairFrom()
	require.NoError(t, err)
	assert.Equal(t, "2025-05-01", from.String(), "after three months: 04-30 is the last day")
	for day, want := range map[string]RecordStatus{"2025-01-30": NotYetValid, "2025-06-01": Active, "2026-02-01": Expired} {
		st, err := rec.Status(d(t, day))
		require.NoError(t, err)
		assert.Equal(t, want, st, day)
	}
	minor := Record{ID: "R0", Kind: Penalty, Severity: Minor, Decided: d(t, "2026-05-03"), Publicity: rules[Minor]}
	from, _ = minor.RepairFrom()
	assert.Equal(t, "2026-05-03", from.String(), "minor: once the duties are fulfilled")
	assert.False(t, rules[Minor].Published)

	rp := Repair{Record: "R1", Applied: d(t, "2025-04-20"), Met: []string{CondDutiesFulfilled}}
	findings, err := rp.Check(rec, nil, DefaultRepairLimits())
	require.NoError(t, err)
	require.Len(t, findings, 1)
	assert.Contains(t, findings[0], "before repair is allowed")

	rp = Repair{Record: "R1", Applied: d(t, "2025-09-29"), Met: []string{CondDutiesFulfilled}}
	step, err := rp.Next(nil, DefaultRepairLimits())
	require.NoError(t, err)
	assert.Equal(t, Step{Name: "accept", Due: d(t, "2025-10-10")}, step, "three working days over National Day: 09-30, 10-09, 10-10")
	rp.Accepted = d(t, "2025-10-10")
	rp.Decided, rp.Approved = d(t, "2025-10-20"), true
	findings, err = rp.Check(rec, nil, DefaultRepairLimits())
	require.NoError(t, err)
	require.Len(t, findings, 1, "decided 10-20, after its five working days ending 10-17")
	require.NoError(t, rp.Apply(&rec))
	st, _ := rec.Status(d(t, "2025-10-21"))
	assert.Equal(t, Repaired, st)
	assert.Error(t, Repair{Record: "R9", Approved: true, Decided: d(t, "2025-10-20")}.Apply(&rec))
	assert.Error(t, Repair{Record: "R1"}.Apply(&rec))
}

func TestPolicyAndAcceptance(t *testing.T) {
	p := Policy{Cells: []CellCheck{{Cell{"A", "低"}, Check{decimal.NewFromInt(3), 1}}, {Cell{"D", "高"}, Check{decimal.NewFromInt(100), 4}}}}
	c, exempt, ok := p.For(Entity{Grade: "D", Risk: "高"})
	assert.True(t, ok)
	assert.False(t, exempt)
	assert.Equal(t, 4, c.PerYear)
	_, exempt, _ = p.For(Entity{Grade: "A", Risk: "低", Red: true, Field: "餐饮"})
	assert.True(t, exempt, "red list: non-disturbance")
	_, exempt, ok = p.For(Entity{Grade: "A", Risk: "低", Red: true, Field: "药品"})
	assert.False(t, exempt, "key fields are always checked")
	assert.True(t, ok)
	_, _, ok = p.For(Entity{Grade: "B", Risk: "中"})
	assert.False(t, ok)

	rule := AcceptanceRule{Scheme: MarketRisk(), Worst: "B"}
	e, err := rule.Eligible("A", nil, d(t, "2025-06-01"))
	require.NoError(t, err)
	assert.True(t, e.NotifyCommit && e.AcceptDeficient)
	e, err = rule.Eligible("C", nil, d(t, "2025-06-01"))
	require.NoError(t, err)
	assert.False(t, e.NotifyCommit)
	serious := Record{ID: "S1", Kind: SeriousDishonesty, Severity: Serious, Decided: d(t, "2025-01-01"), Publicity: RepairRuleSets()[1].Publicity[Serious]}
	e, _ = rule.Eligible("A", []Record{serious}, d(t, "2025-06-01"))
	assert.False(t, e.AcceptDeficient)
	assert.Contains(t, e.Reasons[0], "S1")
	serious.Repaired = d(t, "2025-05-01")
	e, _ = rule.Eligible("A", []Record{serious}, d(t, "2025-06-01"))
	assert.True(t, e.AcceptDeficient, "repaired: allowed again")

	u, _ := ParseUSCC(published[2])
	cm := Commitment{ID: "C1", Subject: u, Made: d(t, "2025-03-01"), Verify: d(t, "2025-06-01"), Content: "具备消防安全条件"}
	br, err := cm.Breach(d(t, "2025-06-02"), "区住建局", General)
	require.NoError(t, err)
	assert.Equal(t, CommitmentBreach, br.Kind)
	e, _ = rule.Eligible("A", []Record{br}, d(t, "2025-07-01"))
	assert.False(t, e.NotifyCommit, "a past false commitment excludes")
	_, err = cm.Breach(d(t, "2025-01-01"), "x", General)
	assert.Error(t, err)
}

// population makes n entities with valid codes, spread over grades, risks
// and fields.
func population(n int) []Entity {
	grades := []Grade{"A", "B", "C", "D"}
	risks := []string{"低", "中", "高"}
	fields := []string{"餐饮", "药品", "建材", "特种设备"}
	out := make([]Entity, n)
	for i := range out {
		u, err := Compose('9', '1', "210303", fmt.Sprintf("MA%06d", i%1000000))
		if err != nil {
			panic(err)
		}
		out[i] = Entity{Code: u, Name: fmt.Sprintf("企业%d", i), Grade: grades[i%4], Risk: risks[i%3], Field: fields[i%4], Red: i%17 == 0}
	}
	return out
}

func roster(n int) []Inspector {
	out := make([]Inspector, n)
	for i := range out {
		out[i] = Inspector{ID: fmt.Sprintf("执法%05d", i), Unit: fmt.Sprintf("单位%d", i%7), Qualifications: []string{"餐饮", "药品", "建材", "特种设备"}}
	}
	return out
}

func drawPolicy() DrawPolicy {
	var cells []CellCheck
	for _, g := range []Grade{"A", "B", "C", "D"} {
		for _, r := range []string{"低", "中", "高"} {
			pct := map[Grade]int64{"A": 3, "B": 5, "C": 10, "D": 30}[g]
			cells = append(cells, CellCheck{Cell{g, r}, Check{decimal.NewFromInt(pct), 1}})
		}
	}
	return DrawPolicy{Policy: Policy{Cells: cells}, Inspectors: 2, DistinctUnits: true, RequireQualification: true}
}

func TestDrawIsReproducibleAndTamperEvident(t *testing.T) {
	pop, rs, p := population(1000), roster(40), drawPolicy()
	rec, err := Draw(pop, rs, p, "2025Q3-公开摇号-8831")
	require.NoError(t, err)
	assert.Equal(t, 1000, rec.Entities)
	exempt := 0
	for _, e := range pop {
		if e.Red && e.Field != "药品" && e.Field != "特种设备" {
			exempt++
		}
	}
	assert.Equal(t, 30, exempt)
	assert.Equal(t, exempt, rec.Exempt, "red-listed outside key fields; 药品 and 特种设备 are checked all the same")
	assert.NotEmpty(t, rec.Picks)
	for _, pk := range rec.Picks {
		require.Len(t, pk.Inspectors, 2)
		assert.NotEqual(t, pk.Inspectors[0], pk.Inspectors[1])
	}
	again, err := Draw(pop, rs, p, "2025Q3-公开摇号-8831")
	require.NoError(t, err)
	assert.Equal(t, rec, again, "same inputs and seed, same record")
	// Input order does not matter: the inputs are canonicalised.
	rev := append([]Entity(nil), pop...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	shuffled, err := Draw(rev, rs, p, "2025Q3-公开摇号-8831")
	require.NoError(t, err)
	assert.Equal(t, rec.Result, shuffled.Result)
	other, err := Draw(pop, rs, p, "another seed")
	require.NoError(t, err)
	assert.NotEqual(t, rec.Result, other.Result)

	// Round trip through JSON, then verify.
	b, err := json.Marshal(rec)
	require.NoError(t, err)
	back, err := DecodeDrawRecord(bytes.NewReader(b))
	require.NoError(t, err)
	require.NoError(t, Verify(back, pop, rs))

	// Tampering with the inputs or the record is detected.
	pop2 := append([]Entity(nil), pop...)
	pop2[5].Grade = "A"
	assert.ErrorContains(t, Verify(back, pop2, rs), "population differs")
	rs2 := append([]Inspector(nil), rs...)
	rs2[3].Unit = "别的单位"
	assert.ErrorContains(t, Verify(back, pop, rs2), "roster differs")
	forged := *back
	forged.Picks = append([]Pick(nil), back.Picks...)
	forged.Picks[0].Inspectors = []string{"执法00000", "执法00001"}
	assert.ErrorContains(t, Verify(&forged, pop, rs), "picks were altered")
	forged = *back
	forged.Result = resultHash(forged.Picks[1:])
	forged.Picks = forged.Picks[1:]
	assert.ErrorContains(t, Verify(&forged, pop, rs), "differs at pick 1")
	forged = *back
	forged.Policy.Inspectors = 3
	assert.ErrorContains(t, Verify(&forged, pop, rs), "policy was altered")
	forged = *back
	forged.Seed = "another seed"
	assert.Error(t, Verify(&forged, pop, rs))
}

func TestDrawExclusionsAndErrors(t *testing.T) {
	pop := population(10)
	rs := roster(3)
	for i := range rs {
		rs[i].Unit = "同一单位"
	}
	p := drawPolicy()
	p.Cells = []CellCheck{{Cell{"A", "低"}, Check{decimal.NewFromInt(100), 1}}, {Cell{"B", "中"}, Check{decimal.NewFromInt(100), 1}}, {Cell{"C", "高"}, Check{decimal.NewFromInt(100), 1}}, {Cell{"D", "低"}, Check{decimal.NewFromInt(100), 1}}}
	_, err := Draw(pop, rs, p, "s")
	assert.ErrorIs(t, err, ErrInvalidDraw, "distinct units cannot be met")
	assert.Contains(t, err.Error(), "eligible inspectors")
	p.DistinctUnits = false
	rs[0].Excluded = []USCC{pop[1].Code}
	rec, err := Draw(pop, rs, p, "s")
	require.NoError(t, err)
	for _, pk := range rec.Picks {
		if pk.Entity == pop[1].Code {
			assert.NotContains(t, pk.Inspectors, rs[0].ID, "an excluded inspector never checks the entity")
		}
	}
	assert.NotEmpty(t, rec.Unmatched, "entities no cell covers are listed")

	_, err = Draw(pop, rs, p, "")
	assert.ErrorIs(t, err, ErrInvalidDraw)
	dup := append(population(2), population(2)[0])
	_, err = Draw(dup, rs, p, "s")
	assert.ErrorContains(t, err, "appears twice")
	_, err = Draw(pop, nil, p, "s")
	assert.ErrorContains(t, err, "roster is empty")
	bad := p
	bad.Cells = []CellCheck{{Cell{"A", "低"}, Check{decimal.NewFromInt(101), 1}}}
	_, err = Draw(pop, rs, bad, "s")
	assert.ErrorIs(t, err, ErrInvalidDraw)
}

func TestReadCSV(t *testing.T) {
	pop, err := ReadPopulation(strings.NewReader("\uFEFFcode,name,grade,risk,field,red\n91350100M000100Y43,示例企业,A,低,餐饮,否\n91330100799655058B,另一企业,B,中,药品,true\n"))
	require.NoError(t, err)
	require.Len(t, pop, 2)
	assert.True(t, pop[1].Red)
	_, err = ReadPopulation(strings.NewReader("code,grade,risk\n91350100M000100Y44,A,低\n"))
	assert.ErrorContains(t, err, "line 2")
	_, err = ReadPopulation(strings.NewReader("code,grade\n"))
	assert.ErrorContains(t, err, "risk")
	_, err = ReadPopulation(strings.NewReader("code,grade,risk,red\n91350100M000100Y43,A,低,maybe\n"))
	assert.ErrorContains(t, err, "line 2")
	rs, err := ReadRoster(strings.NewReader("id,name,unit,qualifications,excluded\nZF001,张三,区市场监管局,餐饮;药品,91350100M000100Y43\n"))
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.IsType(t, Roster{}, rs)
	assert.Equal(t, []string{"餐饮", "药品"}, rs[0].Qualifications)
	assert.Len(t, rs[0].Excluded, 1)
	_, err = ReadRoster(strings.NewReader("id,unit,excluded\nZF001,x,bad\n"))
	assert.ErrorContains(t, err, "line 2")
	pol, err := DecodeDrawPolicy(strings.NewReader(`{"cells":[{"grade":"A","risk":"低","percent":"3","per_year":1}],"inspectors":2}`))
	require.NoError(t, err)
	assert.Equal(t, "3", pol.Cells[0].Percent.String())
	_, err = DecodeDrawPolicy(strings.NewReader(`{"cells":[],"colour":1}`))
	assert.ErrorIs(t, err, ErrInvalidDraw)
}

func TestCompose(t *testing.T) {
	u, err := Compose('9', '1', "350100", "M000100Y")
	require.NoError(t, err)
	assert.Equal(t, "91350100M000100Y43", u.String(), "the standard's example, rebuilt")
	_, err = Compose('9', '4', "350100", "M000100Y")
	assert.ErrorIs(t, err, ErrInvalidUSCC)
	_, err = Compose('9', '1', "3501", "M000100Y")
	assert.ErrorIs(t, err, ErrInvalidUSCC)
	_, err = Compose('9', '1', "350100", "M000100I")
	assert.ErrorIs(t, err, ErrInvalidUSCC)
}
