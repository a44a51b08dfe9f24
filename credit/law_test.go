package credit

import (
	"strings"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 16, item 10. 国家税务总局公告2018年第8号 一: M is for an enterprise
// that did none of the acts that make D directly (《纳税信用管理办法（试行）》
// 第二十条) and is (一) newly established, or (二) without business income
// in the year AND scoring 70 or more. Before, a score of 30 without income
// gave M.
func TestTaxGradeM_Gonggao2018No8(t *testing.T) {
	tests := []struct {
		name string
		f    TaxFacts
		want Grade
	}{
		{"no income, 30: scored as anyone (the bug gave M)", TaxFacts{Score: decimal.NewFromInt(30), NoBusinessIncome: true}, "D"},
		{"no income, 50", TaxFacts{Score: decimal.NewFromInt(50), NoBusinessIncome: true}, "C"},
		{"no income, 69.99", TaxFacts{Score: decimal.RequireFromString("69.99"), NoBusinessIncome: true}, "C"},
		{"no income, 70 (含70分)", TaxFacts{Score: decimal.NewFromInt(70), NoBusinessIncome: true}, "M"},
		{"no income, 95: M, not A", TaxFacts{Score: decimal.NewFromInt(95), NoBusinessIncome: true}, "M"},
		{"newly established, 30", TaxFacts{Score: decimal.NewFromInt(30), NewlyEstablished: true}, "M"},
		{"newly established, direct D (第二十条)", TaxFacts{Score: decimal.NewFromInt(95), NewlyEstablished: true, DirectD: true}, "D"},
		{"no income, 80, direct D", TaxFacts{Score: decimal.NewFromInt(80), NoBusinessIncome: true, DirectD: true}, "D"},
		{"income, 95", TaxFacts{Score: decimal.NewFromInt(95)}, "A"},
	}
	for _, year := range []int{2018, 2024, 2025, 2030} { // 2018 rules, and the 2025 measures carrying them over
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				f := tt.f
				f.Year = year
				g, rules, err := TaxGrade(f)
				require.NoError(t, err)
				assert.Equal(t, tt.want, g, "year %d under %s", year, rules.ID)
			})
		}
	}
}

// Issue 16, item 10: 《纳税缴费信用管理办法》（国家税务总局公告2025年第12号）,
// in force from 2025-07-01, replaces 《纳税信用管理办法（试行）》（公告2014年第40号，
// from 2014-10-01） as 公告2018年第8号 amended it. The rules are picked by the
// evaluation year — the set in force on its 31 December — and before 2018
// there was no M.
func TestTaxRulesByEvaluationYear_Gonggao2014No40_2018No8_2025No12(t *testing.T) {
	for year, want := range map[int]string{2014: "sat-2014-40", 2017: "sat-2014-40", 2018: "sat-2018-8", 2024: "sat-2018-8",
		2025: "sat-2025-12", 2026: "sat-2025-12", 2030: "sat-2025-12", 9999: "sat-2025-12"} {
		r, err := TaxRulesFor(year)
		require.NoError(t, err, year)
		assert.Equal(t, want, r.ID, year)
	}
	for _, year := range []int{2013, 0, -1, 10000} {
		_, err := TaxRulesFor(year)
		assert.ErrorIs(t, err, ErrInvalidGrade, year)
		assert.Contains(t, err.Error(), " / ")
	}
	r25, _ := TaxRulesFor(2025)
	assert.Contains(t, r25.Source, "国家税务总局公告2025年第12号")
	assert.Equal(t, "2025-07-01", r25.From.String())
	assert.NotEmpty(t, r25.Unconfirmed, "what was carried over without reading the text is said")

	// Under the 2014 measures: four grades; no M for income-less
	// enterprises, and a newly established one is not evaluated.
	g, _, err := TaxGrade(TaxFacts{Year: 2016, Score: decimal.NewFromInt(80), NoBusinessIncome: true})
	require.NoError(t, err)
	assert.Equal(t, Grade("B"), g)
	_, _, err = TaxGrade(TaxFacts{Year: 2016, Score: decimal.NewFromInt(80), NewlyEstablished: true})
	assert.ErrorIs(t, err, ErrInvalidGrade)
	assert.Contains(t, err.Error(), "not evaluated")
	s, err := TaxCredit(2016)
	require.NoError(t, err)
	_, ok := s.Rank("M")
	assert.False(t, ok, "no M before 公告2018年第8号")

	// The sets follow one another without a gap, each with a source.
	sets := TaxRuleSets()
	for i, r := range sets {
		assert.False(t, r.From.IsZero(), r.ID)
		assert.NotEmpty(t, r.Source, r.ID)
		assert.Len(t, r.Labels, len(r.Grades), r.ID)
		if i > 0 {
			next, err := sets[i-1].Until.AddDays(1)
			require.NoError(t, err)
			assert.Equal(t, r.From, next, "%s follows %s", r.ID, sets[i-1].ID)
		}
	}
	assert.True(t, sets[len(sets)-1].Until.IsZero(), "the last set is in force")

	// Scores are bounded before any arithmetic expands them.
	start := time.Now()
	_, _, err = TaxGrade(TaxFacts{Year: 2025, Score: decimal.New(1, -1_000_000_000)})
	assert.ErrorIs(t, err, ErrInvalidGrade)
	assert.Less(t, time.Since(start), time.Second)
}

// Issue 16, item 11: 国办发〔2025〕22号 “明确信用修复办理期限” sets 3 working days
// for the department to decide whether to accept and 10 working days, as a
// rule, from the application to the result (extensible for complex cases).
// The README said the national rules set no figure.
func TestRepairLimits_Guobanfa2025No22(t *testing.T) {
	l := RepairLimitsOn(d(t, "2025-06-22"))
	assert.Equal(t, calendar.Period{N: 3, Unit: calendar.Workdays}, l.Accept)
	assert.Equal(t, calendar.Period{N: 10, Unit: calendar.Workdays}, l.Feedback)
	for _, step := range []string{StepAccept, StepFeedback} {
		assert.Contains(t, l.Sources[step], "国办发〔2025〕22号", step)
		assert.Contains(t, l.Sources[step], "明确信用修复办理期限", step)
	}
	for _, step := range []string{StepDecide, StepObjection} {
		assert.NotContains(t, l.Sources, step, "no national figure confirmed: bizenv's default")
	}
	assert.Empty(t, RepairLimitsOn(d(t, "2025-06-21")).Sources, "before the plan, bizenv's defaults only")

	rec := Record{ID: "R1", Kind: Penalty, Severity: General, Decided: d(t, "2026-04-01"), Publicity: RepairRuleSets()[1].Publicity[General]}
	rp := Repair{Record: "R1", Applied: d(t, "2026-09-01"), Accepted: d(t, "2026-09-03"), Decided: d(t, "2026-09-16"), Approved: true,
		Met: []string{CondDutiesFulfilled, CondCommitment}}
	findings, err := rp.Check(rec, nil, l)
	require.NoError(t, err)
	require.Len(t, findings, 2, "decided after its default limit and after the 10-day feedback limit: %v", findings)
	assert.Contains(t, findings[0], "bizenv's default limit")
	assert.Contains(t, findings[1], "feedback done on 2026-09-16, after its limit of 10 workdays, 2026-09-15 (国办发〔2025〕22号“明确信用修复办理期限”)")
	assert.Contains(t, RepairLimitsSource, "could not be confirmed", "what was not confirmed is said")
	rp.Extended = true
	findings, err = rp.Check(rec, nil, l)
	require.NoError(t, err)
	assert.Len(t, findings, 1, "an extended case is not held to the 10 days")

	rp = Repair{Record: "R1", Applied: d(t, "2026-09-01"), Accepted: d(t, "2026-09-11")}
	step, err := rp.Next(nil, l)
	require.NoError(t, err)
	assert.Equal(t, Step{Name: StepDecide, Due: d(t, "2026-09-15")}, step, "the feedback limit comes before acceptance + 5")
}

// Issue 16, item 12: publicity and repair conditions follow the rules in
// force on the decision date — 国家发展改革委令2023年第58号 until 2026-03-31,
// 令第36号《信用修复管理办法》 from 2026-04-01.
func TestRulesByDecisionDate_Ling2023No58_Ling36(t *testing.T) {
	y := func(n int) calendar.Period { return calendar.Period{N: n, Unit: calendar.Years} }
	m := func(n int) calendar.Period { return calendar.Period{N: n, Unit: calendar.Months} }
	tests := []struct {
		decided string
		s       Severity
		id      string
		pub     bool
		min     calendar.Period
		max     calendar.Period
	}{
		{"2023-05-01", General, "ndrc-2023-58", true, m(3), y(3)},
		{"2026-03-31", General, "ndrc-2023-58", true, m(3), y(3)},
		{"2026-03-31", Serious, "ndrc-2023-58", true, m(3), y(3)},
		{"2026-04-01", Minor, "ndrc-2025-36", false, m(0), m(3)},
		{"2026-04-01", General, "ndrc-2025-36", true, m(3), y(1)},
		{"2026-04-01", Serious, "ndrc-2025-36", true, y(1), y(3)},
		{"2030-12-31", Serious, "ndrc-2025-36", true, y(1), y(3)},
	}
	for _, tt := range tests {
		r, err := RepairRulesOn(d(t, tt.decided))
		require.NoError(t, err)
		assert.Equal(t, tt.id, r.ID, tt.decided)
		p, err := PublicityOn(tt.s, d(t, tt.decided))
		require.NoError(t, err)
		assert.Equal(t, tt.pub, p.Published, "%s %s", tt.decided, tt.s)
		assert.Equal(t, tt.min, p.Min, "%s %s", tt.decided, tt.s)
		assert.Equal(t, tt.max, p.Max, "%s %s", tt.decided, tt.s)
		assert.NotEmpty(t, p.Source)
	}
	_, err := RepairRulesOn(d(t, "2023-04-30"))
	assert.ErrorIs(t, err, ErrInvalidRecord)
	_, err = PublicityOn("grave", d(t, "2026-04-01"))
	assert.ErrorIs(t, err, ErrInvalidRecord)

	// 令第36号 requires a public credit commitment; the 2023 measures did not.
	for decided, wantCommitment := range map[string]bool{"2025-11-03": false, "2026-04-02": true} {
		rec := Record{ID: "R", Kind: Penalty, Severity: General, Decided: d(t, decided)}
		rec.Publicity, err = PublicityOn(General, rec.Decided)
		require.NoError(t, err)
		rp := Repair{Record: "R", Applied: d(t, "2026-08-03"), Met: []string{CondDutiesFulfilled}}
		findings, err := rp.Check(rec, calendar.China(), RepairLimitsOn(rp.Applied))
		require.NoError(t, err)
		joined := strings.Join(findings, "\n")
		if wantCommitment {
			assert.Contains(t, joined, "condition commitment not shown", decided)
			assert.Contains(t, joined, "令第36号", decided)
		} else {
			assert.NotContains(t, joined, "commitment", decided)
		}
	}

	// A breach is published under the rules of the day it was found.
	c := Commitment{ID: "C", Made: d(t, "2025-01-02")}
	old, err := c.Breach(d(t, "2026-03-31"), "x", General)
	require.NoError(t, err)
	assert.Equal(t, y(3), old.Publicity.Max)
	current, err := c.Breach(d(t, "2026-04-01"), "x", General)
	require.NoError(t, err)
	assert.Equal(t, y(1), current.Publicity.Max)

	sets := RepairRuleSets()
	for i, r := range sets {
		assert.NotEmpty(t, r.Source, r.ID)
		assert.NotEmpty(t, r.Conditions, r.ID)
		for s, p := range r.Publicity {
			assert.NotEmpty(t, p.Source, "%s %s", r.ID, s)
		}
		if i > 0 {
			next, err := sets[i-1].Until.AddDays(1)
			require.NoError(t, err)
			assert.Equal(t, r.From, next, "%s follows %s", r.ID, sets[i-1].ID)
		}
	}
	assert.True(t, sets[len(sets)-1].Until.IsZero())
}

// Issue 16, item 13. 国办发〔2020〕42号: a past false commitment excludes
// 告知承诺 until the credit is repaired; under 令第36号 publication stops by
// itself at the longest period. A breach that has lapsed no longer blocks;
// before, an expired record blocked for good.
func TestLapsedBreachNoLongerBlocks_Guobanfa2020No42(t *testing.T) {
	rule := AcceptanceRule{Scheme: MarketRisk(), Worst: "B"}
	c := Commitment{ID: "C1", Made: d(t, "2026-04-10"), Content: "具备消防安全条件"}
	breach, err := c.Breach(d(t, "2026-05-06"), "区住建局", General) // published at most 1 year: to 2027-05-06
	require.NoError(t, err)
	for day, want := range map[string]bool{"2026-05-05": true, "2026-05-06": false, "2027-05-06": false, "2027-05-07": true, "2030-01-01": true} {
		e, err := rule.Eligible("A", []Record{breach}, d(t, day))
		require.NoError(t, err)
		assert.Equal(t, want, e.NotifyCommit, day)
		assert.Equal(t, want, e.AcceptDeficient, day)
	}
	serious := Record{ID: "S1", Kind: SeriousDishonesty, Severity: Serious, Decided: d(t, "2026-04-01"), Publicity: RepairRuleSets()[1].Publicity[Serious]}
	e, err := rule.Eligible("A", []Record{serious}, d(t, "2029-04-02"))
	require.NoError(t, err)
	assert.True(t, e.NotifyCommit, "a serious record past its three years")
	e, err = rule.Eligible("A", []Record{serious}, d(t, "2029-04-01"))
	require.NoError(t, err)
	assert.False(t, e.NotifyCommit)
	assert.Contains(t, e.Reasons[0], "S1")
}

// Issue 16, item 14: the key fields and red-list non-disturbance are bizenv
// defaults that callers set, and say so; a policy's own list overrides them.
func TestKeyFieldsAndRedListAreBizenvDefaults(t *testing.T) {
	assert.Contains(t, KeyFieldsSource, "bizenv 默认值")
	assert.Contains(t, KeyFieldsSource, "bizenv's default, not a list from a rule")
	assert.Contains(t, KeyFieldsSource, "国发〔2019〕18号")
	assert.Equal(t, []string{"疫苗", "药品", "特种设备", "危险化学品"}, DefaultKeyFields(), "part of bizenv-draw/1: never changes")

	red := Entity{Grade: "A", Risk: "低", Red: true, Field: "餐饮"}
	p := Policy{Cells: []CellCheck{{Cell{"A", "低"}, Check{decimal.NewFromInt(3), 1}}}}
	_, exempt, _ := p.For(red)
	assert.True(t, exempt, "bizenv's default: red-listed outside key fields are left out")
	p.DisturbRedList = true
	_, exempt, ok := p.For(red)
	assert.True(t, ok)
	assert.False(t, exempt, "a caller whose rules keep them in the draw")
	p = Policy{Cells: p.Cells, KeyFields: []string{"餐饮"}}
	_, exempt, _ = p.For(red)
	assert.False(t, exempt, "the caller's key fields replace the default")
	_, exempt, _ = p.For(Entity{Grade: "A", Risk: "低", Red: true, Field: "药品"})
	assert.True(t, exempt, "and 药品 is then not a key field")
}
