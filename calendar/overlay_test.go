package calendar

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func openFixture(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func TestParseOverlayAndMerge(t *testing.T) {
	o, err := ParseOverlay(openFixture(t, "overlay-2030-fixture.json"))
	require.NoError(t, err)
	require.Len(t, o.Days, 11)

	base := China()
	c, err := base.Merge(o)
	require.NoError(t, err)

	// The declared year becomes known; 2028-2029 stay unknown.
	assert.True(t, c.Knows(2030))
	assert.False(t, c.Knows(2029))
	assert.False(t, base.Knows(2030), "Merge leaves the receiver unchanged")
	assert.Equal(t, append(base.Sources(), o.Source), c.Sources())

	info, err := c.Kind(mustDate(t, "2030-02-04"))
	require.NoError(t, err)
	assert.Equal(t, DayInfo{Date: mustDate(t, "2030-02-04"), Kind: Holiday, Festival: SpringFestival, Name: "春节"}, info)
	ok, err := c.IsWorkday(mustDate(t, "2030-01-26"))
	require.NoError(t, err)
	assert.True(t, ok, "a Saturday worked")

	// A day of a known year overrides that day only.
	info, err = c.Kind(mustDate(t, "2026-07-21"))
	require.NoError(t, err)
	assert.Equal(t, Holiday, info.Kind)
	assert.Equal(t, "台风停工", info.Name)
	assert.Equal(t, Festival(0), info.Festival)
	ok, err = c.IsWorkday(mustDate(t, "2026-10-10"))
	require.NoError(t, err)
	assert.False(t, ok, "the make-up Saturday cancelled")
	ok, err = base.IsWorkday(mustDate(t, "2026-10-10"))
	require.NoError(t, err)
	assert.True(t, ok)
	info, err = c.Kind(mustDate(t, "2026-10-01"))
	require.NoError(t, err)
	assert.Equal(t, NationalDay, info.Festival, "the rest of 2026 is unchanged")

	// The gap 2028-2029 is never crossed by counting.
	_, err = c.AddWorkdays(mustDate(t, "2027-12-30"), 5)
	assert.ErrorIs(t, err, ErrUnknownYear)
	var ue *UnknownYearError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, 2028, ue.Year)
	_, err = c.AddWorkdays(mustDate(t, "2030-01-03"), -5)
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, 2029, ue.Year)
	_, err = c.WorkdaysBetween(mustDate(t, "2026-12-30"), mustDate(t, "2030-01-03"))
	assert.ErrorIs(t, err, ErrUnknownYear)
	got, err := c.AddWorkdays(mustDate(t, "2030-01-31"), 2)
	require.NoError(t, err)
	assert.Equal(t, "2030-02-11", got.String())
}

func TestMergeReplacesDeclaredYearWhole(t *testing.T) {
	o := &Overlay{Years: []int{2025}, Days: []DayInfo{{Date: mustDate(t, "2025-03-05"), Kind: Holiday, Name: "测试"}}}
	c, err := China().Merge(o)
	require.NoError(t, err)
	ok, err := c.IsWorkday(mustDate(t, "2025-10-08"))
	require.NoError(t, err)
	assert.True(t, ok, "the built-in 2025 break is dropped with the year")
	n, err := c.WorkdaysIn(2025)
	require.NoError(t, err)
	assert.Equal(t, 260, n, "261 weekdays in 2025, one closed")
	// Days of 2024 set by the built-in data stay.
	ok, err = c.IsWorkday(mustDate(t, "2024-10-01"))
	require.NoError(t, err)
	assert.False(t, ok)
}

func TestMergeErrors(t *testing.T) {
	base := China()
	tests := []struct {
		name string
		o    Overlay
		want string
	}{
		{"undeclared unknown year", Overlay{Days: []DayInfo{{Date: mustDate(t, "2031-01-01"), Kind: Holiday}}}, "2031"},
		{"adjusted weekday", Overlay{Days: []DayInfo{{Date: mustDate(t, "2025-10-15"), Kind: Adjusted}}}, "2025-10-15"},
		{"workday on a weekend", Overlay{Days: []DayInfo{{Date: mustDate(t, "2025-10-18"), Kind: Workday}}}, "adjusted"},
		{"weekend on a weekday", Overlay{Days: []DayInfo{{Date: mustDate(t, "2025-10-15"), Kind: Weekend}}}, "holiday"},
		{"duplicate", Overlay{Days: []DayInfo{{Date: mustDate(t, "2025-10-15"), Kind: Holiday}, {Date: mustDate(t, "2025-10-15"), Kind: Holiday}}}, "/days/0"},
		{"zero date", Overlay{Days: []DayInfo{{Kind: Holiday}}}, "date is missing"},
		{"year out of range", Overlay{Years: []int{1800}}, "1800"},
		{"bad kind", Overlay{Days: []DayInfo{{Date: mustDate(t, "2025-10-15"), Kind: 7}}}, "unknown kind"},
		{"restored day with a name", Overlay{Days: []DayInfo{{Date: mustDate(t, "2025-10-15"), Kind: Workday, Name: "x"}}}, "ordinary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := base.Merge(&tt.o)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidData)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	c, err := base.Merge(nil)
	require.NoError(t, err)
	assert.Same(t, base, c)
}

func TestParseOverlayErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"days":[{"date":"2025-02-30","kind":"holiday"}]}`, "/days/0/date"},
		{`{"days":[{"date":"2025-10-15","kind":"holliday"}]}`, "holliday"},
		{`{"days":[{"date":"2025-10-15","kind":"holiday","colour":"red"}]}`, "colour"},
		{`{"days":[{"date":"2025-10-15","kind":"holiday","festival":"圣诞节"}]}`, "圣诞节"},
		{`{"dayz":[]}`, "dayz"},
		{`{"days":[{"date":"2027-01-01","festival":"元旦"}]}`, "kind is missing"},
		{`{"days":[]} {}`, "after the JSON value"},
		{`[1,2]`, "want an object"},
		{``, "top level"},
		{`{"days":[],"days":[{"date":"2025-10-15","kind":"holiday"}]}`, "given twice"},
		{`{"Days":[]}`, "unknown field"},
		{"\xff\xfe{\x00}\x00", "UTF-16"},
		{"{\"source\":\"\xb9\xfa\"}", "GBK"},
		{`{"days":[null]}`, "null"},
		{`{"days":[{"date":"2025-10-15","kind":"holiday"},{"date":"2025-10-32","kind":"holiday"},{"date":"2025-10-16","kind":"adjusted"}]}`, "/days/1"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseOverlay(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidData)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestOverlayJSONRoundTrip(t *testing.T) {
	o, err := ParseOverlay(openFixture(t, "overlay-2030-fixture.json"))
	require.NoError(t, err)
	b, err := json.Marshal(o)
	require.NoError(t, err)
	back, err := ParseOverlay(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, o, back)
}

func TestParseICS(t *testing.T) {
	o, err := ParseICS(openFixture(t, "closures.ics"))
	require.NoError(t, err)
	assert.Equal(t, "某区本地停工安排（测试夹具）", o.Source)
	assert.Equal(t, []DayInfo{
		{Date: mustDate(t, "2026-07-21"), Kind: Holiday, Name: "台风停工"},
		{Date: mustDate(t, "2026-07-22"), Kind: Holiday, Name: "台风停工"},
		{Date: mustDate(t, "2026-07-25"), Kind: Adjusted, Name: "台风停工"},
		{Date: mustDate(t, "2026-12-28"), Kind: Holiday, Festival: NewYear},
	}, o.Days)

	c, err := China().Merge(o)
	require.NoError(t, err)
	got, err := c.AddWorkdays(mustDate(t, "2026-07-20"), 1)
	require.NoError(t, err)
	assert.Equal(t, "2026-07-23", got.String(), "two closed days skipped")
	got, err = c.AddWorkdays(mustDate(t, "2026-07-24"), 1)
	require.NoError(t, err)
	assert.Equal(t, "2026-07-25", got.String(), "the Saturday made up is worked")
}

func TestParseICSCRLFAndDeclaredYear(t *testing.T) {
	o, err := ParseICS(openFixture(t, "crlf-2030.ics"))
	require.NoError(t, err)
	require.Len(t, o.Days, 3)
	_, err = China().Merge(o)
	assert.ErrorIs(t, err, ErrInvalidData, "2030 is unknown until declared")
	o.Years = []int{2030}
	c, err := China().Merge(o)
	require.NoError(t, err)
	got, err := c.NextWorkday(mustDate(t, "2029-12-31"))
	assert.ErrorIs(t, err, ErrUnknownYear)
	assert.True(t, got.IsZero())
	got, err = c.NextWorkday(mustDate(t, "2030-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "2030-01-04", got.String())
}

func TestParseICSErrors(t *testing.T) {
	ev := func(body string) string {
		return "BEGIN:VCALENDAR\nBEGIN:VEVENT\n" + body + "\nEND:VEVENT\nEND:VCALENDAR\n"
	}
	tests := []struct{ name, in, want string }{
		{"no dtstart", ev("SUMMARY:春节"), "DTSTART"},
		{"bad date", ev("DTSTART;VALUE=DATE:20250230"), "line 3"},
		{"garbage date", ev("DTSTART:2025-01-01"), "DTSTART"},
		{"too long", ev("DTSTART;VALUE=DATE:20250101\nDTEND;VALUE=DATE:20260101"), "1 to 60 days"},
		{"end before start", ev("DTSTART;VALUE=DATE:20250105\nDTEND;VALUE=DATE:20250101"), "1 to 60 days"},
		{"rrule", ev("DTSTART;VALUE=DATE:20250101\nRRULE:FREQ=YEARLY"), "RRULE"},
		{"bad duration", ev("DTSTART;VALUE=DATE:20250101\nDURATION:PT5H"), "DURATION"},
		{"unterminated", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\n", "END:VEVENT"},
		{"nested", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VEVENT\n", "inside"},
		{"stray end", "BEGIN:VCALENDAR\nEND:VEVENT\n", "without BEGIN"},
		{"overlap", ev("DTSTART;VALUE=DATE:20250101\nDTEND;VALUE=DATE:20250103\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250102"), "already set"},
		{"adjusted weekday", ev("DTSTART;VALUE=DATE:20250102\nSUMMARY:补班"), "Saturday or Sunday"},
		{"long line", strings.Repeat("X", 70000), "must start with BEGIN:VCALENDAR"},
		{"empty", "", "must start with BEGIN:VCALENDAR"},
		{"json", `{"days":[]}`, "must start with BEGIN:VCALENDAR"},
		{"utf-16", "\xff\xfeB\x00E\x00", "UTF-16"},
		{"gbk", "BEGIN:VCALENDAR\nX-WR-CALNAME:\xb9\xfa\n", "not valid UTF-8"},
		{"no events", "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "no events"},
		{"truncated", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nEND:VEVENT\n", "END:VCALENDAR"},
		{"after the end", ev("DTSTART;VALUE=DATE:20250101") + "BEGIN:VEVENT\n", "after END:VCALENDAR"},
		{"binary", "BEGIN:VCALENDAR\n\x01\x02", "control characters"},
		{"too large", "BEGIN:VCALENDAR\n" + strings.Repeat("X-A:b\n", maxICSBytes/6+1), "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseICS(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidData)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// A long feed of folded lines parses in linear time: each logical line is
// built once (folded lines were once joined with +=, 42 s for 1 MB).
func TestParseICSFoldedLinesAreLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\nX-WR-CALNAME:a")
	for b.Len() < 3<<20 {
		b.WriteString("\n bcdefghij")
	}
	b.WriteString("\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nSUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR\n")
	start := time.Now()
	o, err := ParseICS(strings.NewReader(b.String()))
	require.NoError(t, err)
	assert.Len(t, o.Days, 1)
	assert.Greater(t, len(o.Source), 2<<20, "the folded name is kept whole")
	assert.Less(t, time.Since(start), 10*time.Second, "a stall, not a slowdown: quadratic joining took minutes")
}
