package approval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/org"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedDir is shared/seeds beside the repository: the plans the catalog
// quotes. Tests that need them skip where they are absent.
var seedDir = filepath.Join("..", "..", "shared", "seeds")

var seedFiles = map[string]string{
	docCity:     "000_1c5c9fd9257229b5.txt",
	docHighTech: "002_d1cd5678f5edca50.txt",
	docProvince: "003_06c3c32fe5354fe4.txt",
	docBayuquan: "004_d78822511846185f.txt",
}

func mustDay(t testing.TB, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	require.NoError(t, err)
	return d
}

func TestCatalogValidates(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range Catalog() {
		require.NoError(t, p.Validate(), p.ID)
		assert.NotEmpty(t, p.Source, p.ID)
		assert.NotEmpty(t, p.Name, p.ID)
		assert.NotEmpty(t, p.Service, p.ID)
		assert.NotEmpty(t, p.Citations, p.ID)
		assert.NotEmpty(t, p.Jurisdiction.Name, p.ID)
		assert.False(t, p.Validity.From.IsZero(), "%s has a first day in force", p.ID)
		assert.NotEmpty(t, p.Validity.Basis, p.ID)
		assert.False(t, ids[p.ID], "duplicate id %s", p.ID)
		ids[p.ID] = true
		assert.True(t, p.Promised != nil || p.Statutory != nil || len(p.Stages) > 0, p.ID)
		for _, c := range p.Citations {
			assert.NotEmpty(t, c.Quote, p.ID)
			assert.Contains(t, []string{"promised", "statutory", "stages", "steps", "extension", "notice", "hours", "pauses"}, c.Of, p.ID)
		}
	}
	for _, id := range []string{"construction-permit", "business-startup", "power-high-voltage", "power-low-voltage", "water-small", "water-large",
		"gas-small", "property-registration", "procurement-contract", "tax-deregistration-general", "complaint-12345", "heating-repair",
		"administrative-licence", "administrative-licence-joint", "property-registration-law", "procurement-contract-law",
		"hightech-business-startup", "hightech-power-high-voltage", "hightech-power-low-voltage", "hightech-water", "hightech-gas"} {
		assert.True(t, ids[id], id)
	}
	_, ok := Lookup("no-such")
	assert.False(t, ok)
	// Fresh copies: changing one changes nothing else.
	a := Catalog()
	a[0].Stages = append(a[0].Stages, Stage{Name: "x"})
	if a[0].Promised != nil {
		a[0].Promised.N = 999
	}
	b := Catalog()
	assert.NotEqual(t, a[0].Stages, b[0].Stages)
}

// Issue 16 item 8: every figure quoted from a seed plan is in that plan,
// word for word, and no stage name appears that a source does not print.
func TestCatalogAgainstSeeds(t *testing.T) {
	texts := map[string]string{}
	for doc, f := range seedFiles {
		b, err := os.ReadFile(filepath.Join(seedDir, f))
		if err != nil {
			t.Skip("seed documents not found beside the repository (shared/seeds)")
		}
		texts[doc] = string(b)
	}
	for _, p := range Catalog() {
		var stageQuotes []string
		for _, c := range p.Citations {
			if text, ok := texts[c.Document]; ok {
				assert.True(t, c.Checked, "%s: a seed quote is checked", p.ID)
				assert.Contains(t, text, c.Quote, "%s quotes %s", p.ID, c.Document)
			}
			if c.Of == "stages" || c.Of == "promised" {
				stageQuotes = append(stageQuotes, c.Quote)
			}
		}
		for _, s := range p.Stages {
			assert.True(t, strings.Contains(strings.Join(stageQuotes, "|"), s.Name), "%s: stage %s is named in a source", p.ID, s.Name)
		}
	}
}

// Issue 16 item 8, figure by figure.
func TestCatalogFigures(t *testing.T) {
	// 12345 is the 高新区's promise, not a province document's.
	c := proc(t, "complaint-12345")
	assert.Equal(t, HighTechZone, c.Jurisdiction.Zone)
	assert.Contains(t, c.Citations[0].Document, "高新区")
	assert.Equal(t, "3日", c.Promised.String())
	// The 高新区 plan's own limits.
	for id, want := range map[string]struct {
		steps   int
		promise string
	}{
		"hightech-business-startup":   {2, "1工作日"},
		"hightech-power-high-voltage": {5, "48日"},
		"hightech-power-low-voltage":  {2, "12日"},
		"hightech-water":              {3, "5日"},
		"hightech-gas":                {3, "2日"},
	} {
		p := proc(t, id)
		assert.Equal(t, want.steps, p.Steps, id)
		assert.Equal(t, want.promise, p.Promised.String(), id)
		assert.Empty(t, p.Stages, "%s: the plan names no steps", id)
	}
	// Water design: 1 working day for small projects, 4 for larger ones.
	assert.Equal(t, "1工作日", proc(t, "water-small").Stages[0].Limit.String())
	assert.Equal(t, "4工作日", proc(t, "water-large").Stages[0].Limit.String())
	// 不动产登记暂行条例 第二十条: 30 working days.
	pr := proc(t, "property-registration")
	assert.Equal(t, "30工作日", pr.Statutory.String())
	assert.Equal(t, 3, pr.Steps)
	assert.Empty(t, pr.Stages, "鲅鱼圈's plan gives 3 steps without naming them")
	assert.Equal(t, "第二十条", pr.Citations[1].Provision)
	// 政府采购法 第四十六条: 30 days for signing.
	pc := proc(t, "procurement-contract")
	assert.Equal(t, "30日", pc.Statutory.String())
	assert.Equal(t, "第四十六条第一款", pc.Citations[1].Provision)
	// 企业开办: one step, no invented name.
	assert.Empty(t, proc(t, "business-startup").Stages)
	// 行政许可法 第四十二条 and 第三十二条.
	al := proc(t, "administrative-licence")
	assert.Equal(t, "10工作日", al.Extension.String())
	assert.Equal(t, "5工作日", al.Notice.String())
	assert.Nil(t, al.Promised, "the law sets the limit; no plan promises one")
	// The promised processes of the plans allow no extension.
	for _, p := range Catalog() {
		if p.Jurisdiction.Region.IsZero() {
			continue
		}
		assert.Nil(t, p.Extension, p.ID)
	}
}

// Issue 16 item 8: each process has a jurisdiction and a validity, and a
// caller picks the catalog for a region on a date.
func TestCatalogFor(t *testing.T) {
	bayuquan, err := org.ParseRegion("210804")
	require.NoError(t, err)
	anshan, err := org.ParseRegion("210300")
	require.NoError(t, err)
	ids := func(region org.Region, zone, day string) []string {
		ps, err := CatalogFor(region, zone, mustDay(t, day))
		require.NoError(t, err)
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	national := []string{"administrative-licence", "administrative-licence-joint", "procurement-contract-law", "property-registration-law"}

	in2023 := ids(bayuquan, "", "2023-06-01")
	assert.Contains(t, in2023, "power-high-voltage-2022", "25 working days, due by the end of 2022, bind in 2023")
	assert.NotContains(t, in2023, "power-high-voltage")
	assert.Contains(t, in2023, "tax-deregistration-general", "the province's plan covers 鲅鱼圈")
	assert.NotContains(t, in2023, "construction-permit-city", "鞍山's plan does not cover 营口")
	in2024 := ids(bayuquan, "", "2024-06-01")
	assert.Contains(t, in2024, "power-high-voltage", "20 working days from 2024")
	assert.NotContains(t, in2024, "power-high-voltage-2022")
	assert.NotContains(t, in2024, "hightech-water")
	// 鲅鱼圈's targets expired with its plan at the end of 2024; on
	// 2026-11-29 only the laws remain.
	assert.Equal(t, national, ids(bayuquan, "", "2026-11-29"))
	assert.Equal(t, national, ids(org.Region{}, "", "2026-11-29"))

	zone := ids(anshan, HighTechZone, "2022-09-01")
	for _, id := range []string{"hightech-business-startup", "hightech-power-high-voltage", "complaint-12345", "construction-permit"} {
		assert.Contains(t, zone, id)
	}
	assert.NotContains(t, ids(anshan, HighTechZone, "2022-07-01"), "hightech-business-startup", "due by the end of July 2022")
	assert.NotContains(t, ids(anshan, "", "2022-09-01"), "complaint-12345", "the zone's plan binds in the zone only")
	assert.Contains(t, ids(anshan, "", "2025-06-01"), "construction-permit-city", "the city's 2025 target")
}

func TestValidateRejects(t *testing.T) {
	base := proc(t, "administrative-licence")
	for name, mut := range map[string]func(p *Process){
		"no id":                        func(p *Process) { p.ID = "" },
		"a limit in months":            func(p *Process) { p.Statutory = &calendar.Period{N: 1, Unit: calendar.Months} },
		"an extension in another unit": func(p *Process) { p.Extension = &calendar.Period{N: 10, Unit: calendar.Days} },
		"a zero extension":             func(p *Process) { p.Extension = &calendar.Period{N: 0, Unit: calendar.Workdays} },
		"a notice in hours":            func(p *Process) { p.Notice = &calendar.Period{N: 5, Unit: calendar.Hours} },
		"working days round the clock": func(p *Process) { p.Hours = RoundTheClock() },
		"a repeated stage":             func(p *Process) { p.Extension = nil; p.Stages = []Stage{{Name: "a"}, {Name: "a"}} },
		"an empty stage name":          func(p *Process) { p.Stages = []Stage{{Name: ""}} },
		"an invalid period":            func(p *Process) { p.Statutory = &calendar.Period{N: -1, Unit: calendar.Workdays} },
		"validity backwards":           func(p *Process) { p.Validity.To = mustDay(t, "2000-01-01") },
	} {
		p := base.Clone()
		mut(p)
		assert.ErrorIs(t, p.Validate(), ErrInvalidProcess, name)
	}
}

// 行政强制法 第六十九条, kept for callers of the deprecated helper.
func TestEnforcementPeriod(t *testing.T) {
	assert.Equal(t, calendar.Period{N: 10, Unit: calendar.Workdays}, EnforcementPeriod(10))
	assert.Equal(t, calendar.Period{N: 15, Unit: calendar.Days}, EnforcementPeriod(15))
	counted, _, _, err := calendar.CompulsionLaw.Count(mustDay(t, "2025-01-01"), calendar.Period{N: 10, Unit: calendar.Days})
	require.NoError(t, err)
	assert.Equal(t, EnforcementPeriod(10), counted, "the same rule as the calendar's")
}
