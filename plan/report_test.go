package plan

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/indicator"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func excerpt(t *testing.T) *Plan {
	f, err := os.Open(filepath.Join("..", "examples", "data", "tiexi-2025-excerpt.json"))
	require.NoError(t, err)
	defer f.Close()
	p, err := Decode(f)
	require.NoError(t, err)
	return p
}

func TestReport(t *testing.T) {
	p := excerpt(t)
	r, err := NewReport(p, day(t, "2025-10-09"), nil)
	require.NoError(t, err)
	assert.Equal(t, 5, r.Tasks)
	require.Len(t, r.Overdue, 1)
	assert.Equal(t, "5", r.Overdue[0].Number)
	assert.Equal(t, "sections[0].sections[1].tasks[0]", r.Overdue[0].Path)
	require.NotEmpty(t, r.Workload)
	assert.Equal(t, WorkloadRow{Unit: "区数据局", Lead: 3, Joint: 1, Total: 4}, r.Workload[0], "sorted by total")
	assert.Len(t, r.Deadlines, 2)

	late, err := NewReport(p, day(t, "2026-01-05"), nil)
	require.NoError(t, err)
	assert.Len(t, late.Overdue, 4, "all open tasks after the period; item 4 is done")

	var text bytes.Buffer
	require.NoError(t, r.WriteText(&text))
	assert.Contains(t, text.String(), "完善智能办理服务")
	var html bytes.Buffer
	require.NoError(t, r.WriteHTML(&html))
	h := html.String()
	assert.True(t, strings.HasPrefix(h, "<!DOCTYPE html>"))
	assert.Contains(t, h, "<svg")
	assert.Contains(t, h, "区数据局")
	assert.NotContains(t, h, " src=", "self-contained: no external assets")
	assert.NotContains(t, h, "<link")
	assert.NotContains(t, h, "<script")
}

func TestReportAttainment(t *testing.T) {
	c := city(t)
	c.IndicatorSystems[0].Roots[0].Children[0].Measure.Targets = []indicator.Target{tgt(indicator.AtMost, "40", indicator.Days)}
	period, _ := indicator.YearPeriod(2025)
	obs := []indicator.Observation{
		{Indicator: "1.8", Region: "铁西区", Period: period, Value: decimal.NewFromInt(38)},
		{Indicator: "1.8", Region: "铁东区", Period: period, Value: decimal.NewFromInt(45)},
		{Indicator: "9.9", Region: "铁东区", Period: period, Value: decimal.NewFromInt(1)},
	}
	r, err := NewReport(c, day(t, "2025-12-31"), obs)
	require.NoError(t, err)
	require.Len(t, r.Attainment, 2)
	assert.Equal(t, []string{"9.9 铁东区 2025"}, r.Unmatched, "an observation of an unknown indicator is reported, not dropped")
	assert.Equal(t, indicator.Met, r.Attainment[0].Attainment)
	assert.Equal(t, indicator.NotMet, r.Attainment[1].Attainment)
	obs[0].Unit = indicator.Workdays
	_, err = NewReport(c, day(t, "2025-12-31"), obs)
	assert.ErrorIs(t, err, indicator.ErrUnitMismatch)
}

// Issue 13 item 9: terminal escape sequences from a plan must not reach
// the text report.
func TestReportTextIsTerminalSafe(t *testing.T) {
	p := excerpt(t)
	p.Title = "铁西\x1b[2J\x1b]0;pwned\x07区"
	tasks, _ := p.Tasks()
	tasks[4].Title = "完善\u202e智能\u009b办理"
	tasks[4].Responsibility.Lead = []string{"区数据局\x1b[31m"}
	r, err := NewReport(p, day(t, "2025-10-09"), nil)
	require.NoError(t, err)
	var text bytes.Buffer
	require.NoError(t, r.WriteText(&text))
	s := text.String()
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u009b"} {
		assert.NotContains(t, s, bad)
	}
	assert.Contains(t, s, `铁西\x1b[2J\x1b]0;pwned\x07区`, "shown, not acted on")
	assert.Contains(t, s, `完善\u202e智能\x9b办理`)
}
