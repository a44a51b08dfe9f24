package plan

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/indicator"
	"github.com/bizenv/bizenv/task"
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
	assert.Equal(t, "/sections/0/sections/1/tasks/0", r.Overdue[0].Path)
	require.NotEmpty(t, r.Workload)
	assert.Equal(t, WorkloadRow{Unit: "区数据局", Lead: 3, Joint: 1, Total: 4}, r.Workload[0], "sorted by total")
	require.Len(t, r.Deadlines, 5, "two dates of their own, three at the plan's end")
	planEnd := 0
	for _, d := range r.Deadlines {
		if d.PlanEnd {
			planEnd++
			assert.Equal(t, "2025-12-31", d.Due.String())
		}
	}
	assert.Equal(t, 3, planEnd)
	assert.Equal(t, 1, r.Lights.Red)
	assert.Equal(t, 1, r.Finished, "item 4 is done")
	assert.Nil(t, r.CloseOut)

	late, err := NewReport(p, day(t, "2026-01-05"), nil)
	require.NoError(t, err)
	assert.Len(t, late.Overdue, 4, "all open tasks after the period; item 4 is done")
	require.NotNil(t, late.CloseOut, "past the plan's end: the close-out")
	assert.Empty(t, late.Actions, "instead of escalations")
	assert.Len(t, late.CloseOut.Finished, 1)
	assert.Len(t, late.CloseOut.Unfinished, 4)
	var text bytes.Buffer
	require.NoError(t, r.WriteText(&text))
	golden(t, "report-excerpt-2025-10-09.txt", text.Bytes())
	text.Reset()
	require.NoError(t, late.WriteText(&text))
	golden(t, "report-excerpt-2026-01-05.txt", text.Bytes())
	for _, l := range []Lang{LangZh, LangEn} {
		text.Reset()
		require.NoError(t, r.WriteTextIn(&text, l))
		golden(t, "report-excerpt-2025-10-09."+string(l)+".txt", text.Bytes())
		text.Reset()
		require.NoError(t, late.WriteTextIn(&text, l))
		golden(t, "report-excerpt-2026-01-05."+string(l)+".txt", text.Bytes())
	}

	text.Reset()
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

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// golden compares got with testdata/name, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
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

func decodeFile(t *testing.T, name string) *Plan {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "examples", "data", name))
	require.NoError(t, err)
	defer f.Close()
	p, err := Decode(f)
	require.NoError(t, err)
	return p
}

// Issue 15 item 10: the HTML timeline has an axis, an "as of" line, and
// labels that never overlap, for the 铁西 and the 鲅鱼圈 plans and a plan
// with a deadline every few days.
func TestTimelineLayout(t *testing.T) {
	dense := decodeFile(t, "tiexi-2025-55.json")
	tasks, _ := dense.Tasks()
	for i, tk := range tasks {
		d, _ := calendar.NewDate(2025, time.Month(6+i/10), 1+(i*3)%28)
		tk.Deadline = &task.Deadline{Kind: task.OnDate, Date: d}
	}
	for name, c := range map[string]struct {
		p    *Plan
		asOf string
	}{
		"tiexi":    {decodeFile(t, "tiexi-2025-55.json"), "2025-10-20"},
		"bayuquan": {decodeFile(t, "bayuquan-2021-2024.json"), "2022-11-10"},
		"dense":    {dense, "2025-08-15"},
	} {
		r, err := NewReport(c.p, day(t, c.asOf), nil)
		require.NoError(t, err, name)
		tl := r.layoutTimeline()
		require.NotNil(t, tl, name)
		assert.NotEmpty(t, tl.Ticks, "%s: an axis with ticks", name)
		assert.True(t, tl.ShowAsOf, name)
		assert.True(t, tl.AsOfX >= tl.X0 && tl.AsOfX <= tl.X1, "%s: the as-of line on the axis", name)
		for i, a := range tl.Marks {
			assert.True(t, a.X >= tl.X0 && a.X <= tl.X1, "%s: mark %s on the axis", name, a.Due)
			aw := textWidth(a.Label, 12)
			assert.LessOrEqual(t, a.LabelX+aw, tl.Width, "%s: label %q inside the picture", name, a.Label)
			assert.GreaterOrEqual(t, a.LabelX, 0, name)
			for _, b := range tl.Marks[i+1:] {
				if a.Lane != b.Lane {
					continue
				}
				bw := textWidth(b.Label, 12)
				overlap := a.LabelX < b.LabelX+bw && b.LabelX < a.LabelX+aw
				assert.False(t, overlap, "%s: %q and %q overlap in lane %d", name, a.Label, b.Label, a.Lane)
			}
		}
	}
}

// TestReportHTMLInChromium renders the report of the 铁西 and 鲅鱼圈 plans in
// headless Chromium, when it is installed (Debian's package), and checks
// that a screenshot comes out; the layout itself is checked above.
func TestReportHTMLInChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("SKIPPED: chromium is not installed (apt-get install chromium); the HTML was not rendered")
	}
	if testing.Short() {
		t.Skip("SKIPPED in -short mode: rendering takes seconds")
	}
	dir := t.TempDir()
	for name, c := range map[string]string{"tiexi-2025-55.json": "2025-10-20", "bayuquan-2021-2024.json": "2022-11-10"} {
		r, err := NewReport(decodeFile(t, name), day(t, c), nil)
		require.NoError(t, err)
		page := filepath.Join(dir, name+".html")
		f, err := os.Create(page)
		require.NoError(t, err)
		require.NoError(t, r.WriteHTML(f))
		require.NoError(t, f.Close())
		shot := filepath.Join(dir, name+".png")
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		out, err := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--screenshot="+shot, "--window-size=1400,2000", "file://"+page).CombinedOutput()
		cancel()
		require.NoError(t, err, "%s", out)
		info, err := os.Stat(shot)
		require.NoError(t, err)
		assert.Greater(t, info.Size(), int64(20_000), "%s: a page with charts, not a blank one", name)
	}
}

// The report's JSON reads back into a Report (attainment aside: see
// indicator.Attainment).
func TestReportJSONRoundTrip(t *testing.T) {
	p := excerpt(t)
	for _, d := range []string{"2025-10-09", "2026-01-05"} {
		r, err := NewReport(p, day(t, d), nil)
		require.NoError(t, err)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back Report
		require.NoError(t, json.Unmarshal(b, &back))
		again, err := json.Marshal(&back)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(again), d)
	}
}
