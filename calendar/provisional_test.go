package calendar

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLunarDates pins the lunar holidays and the 清明 solar term that
// provisional years are built from. github.com/6tail/lunar-go computes them;
// the table was checked against two independent implementations on
// 2026-11-29: Debian's python3-lunardate 0.2.0 (the lunar dates) and the
// npm package chinese-days 1.5.7 (src/solar_terms, the 清明 dates), which
// agree with lunar-go on every entry. 2025 and 2026 also agree with those
// years' notices (除夕 2025-01-28; 中秋 2026-09-25).
func TestLunarDates(t *testing.T) {
	want := map[int][4]string{ // 除夕, 清明, 端午, 中秋
		2025: {"2025-01-28", "2025-04-04", "2025-05-31", "2025-10-06"},
		2026: {"2026-02-16", "2026-04-05", "2026-06-19", "2026-09-25"},
		2027: {"2027-02-05", "2027-04-05", "2027-06-09", "2027-09-15"},
		2028: {"2028-01-25", "2028-04-04", "2028-05-28", "2028-10-03"},
		2029: {"2029-02-12", "2029-04-04", "2029-06-16", "2029-09-22"},
		2030: {"2030-02-02", "2030-04-05", "2030-06-05", "2030-09-12"},
		2031: {"2031-01-22", "2031-04-05", "2031-06-24", "2031-10-01"},
		2032: {"2032-02-10", "2032-04-04", "2032-06-12", "2032-09-19"},
		2033: {"2033-01-30", "2033-04-04", "2033-06-01", "2033-09-08"},
		2034: {"2034-02-18", "2034-04-05", "2034-06-20", "2034-09-27"},
		2035: {"2035-02-07", "2035-04-05", "2035-06-10", "2035-09-16"},
	}
	tab, err := lunarDays()
	require.NoError(t, err)
	for y, w := range want {
		s := tab[y-provisionalFrom]
		got := [4]string{s.eve.String(), s.qingming.String(), s.dragonBoat.String(), s.midAutumn.String()}
		assert.Equal(t, w, got, "%d", y)
	}
	// Every year the provisional calendar answers has its lunar holidays
	// in that year and in their seasons.
	for y := provisionalFrom; y <= provisionalThrough; y++ {
		s := tab[y-provisionalFrom]
		assert.True(t, s.eve.Month() == time.January || s.eve.Month() == time.February, "%d 除夕 %s", y, s.eve)
		assert.True(t, s.qingming.Month() == time.April && s.qingming.Day() >= 4 && s.qingming.Day() <= 6, "%d 清明 %s", y, s.qingming)
		assert.True(t, s.dragonBoat.Month() == time.May || s.dragonBoat.Month() == time.June, "%d 端午 %s", y, s.dragonBoat)
		assert.True(t, s.midAutumn.Month() == time.September || s.midAutumn.Month() == time.October, "%d 中秋 %s", y, s.midAutumn)
	}
}

// checkLaw checks a year against 《全国年节及纪念日放假办法》 as amended by
// 国务院令第795号: every one of the 13 statutory days (第二条) is a day off,
// and every weekday off beyond them is accounted for: by a statutory day on
// a weekend or shared with another holiday, made up on a working day
// (第六条), or by a weekend day worked in exchange (调休). So the weekdays
// off are the 13 statutory days plus the weekend days worked.
func checkLaw(t *testing.T, c *Calendar, year int) {
	t.Helper()
	days, err := statutoryDays(year)
	require.NoError(t, err)
	require.Len(t, days, 13)
	for _, sd := range days {
		info, err := c.Kind(sd.d)
		require.NoError(t, err)
		assert.Equal(t, Holiday, info.Kind, "%d: statutory day %s (%s) is off", year, sd.d, sd.f)
		assert.True(t, info.Festival.Has(sd.f), "%d: %s belongs to %s, not %s", year, sd.d, sd.f, info.Festival)
	}
	weekdaysOff, adjusted := 0, 0
	for d := pack(year, 1, 1); d.Year() == year; d, _ = d.AddDays(1) {
		info, err := c.Kind(d)
		require.NoError(t, err)
		switch {
		case info.Kind == Holiday && !isWeekend(d):
			weekdaysOff++
		case info.Kind == Adjusted:
			adjusted++
		}
	}
	assert.Equal(t, len(days)+adjusted, weekdaysOff, "%d: weekdays off = 13 statutory days + %d weekend days worked", year, adjusted)
}

// TestYear2027FollowsTheLaw checks the 2027 days taken from lunar-go (the
// notice's text could not be reached) against every rule of 国务院令第795号,
// as 2025 and 2026, transcribed from their notices, follow them.
func TestYear2027FollowsTheLaw(t *testing.T) {
	for _, y := range []int{2025, 2026, 2027} {
		checkLaw(t, China(), y)
	}
	n, err := China().WorkdaysIn(2027)
	require.NoError(t, err)
	assert.Equal(t, 248, n, "261 weekdays, 18 off, 5 weekend days worked")
	p, err := China().Provenance(2027)
	require.NoError(t, err)
	assert.False(t, p.Checked, "not checked against the notice's text")
	assert.Contains(t, p.Via, "lunar-go v1.4.7")
	assert.False(t, p.Provisional)
}

func TestProvisionalIsOptIn(t *testing.T) {
	c := China()
	d := mustDate(t, "2028-01-25")
	_, err := c.Kind(d)
	assert.ErrorIs(t, err, ErrUnknownYear)
	assert.False(t, c.IsProvisional(d))
	_, err = c.Provenance(2028)
	assert.ErrorIs(t, err, ErrUnknownYear)

	p, err := c.WithProvisional()
	require.NoError(t, err)
	assert.False(t, c.Knows(2028), "the receiver is unchanged")
	info, err := p.Kind(d)
	require.NoError(t, err)
	assert.Equal(t, DayInfo{Date: d, Kind: Holiday, Festival: SpringFestival, Name: "春节（除夕）", Provisional: true}, info)
	assert.True(t, p.IsProvisional(d))
	same, err := p.WithProvisional()
	require.NoError(t, err)
	assert.Same(t, p, same)

	// Confirmed years stay as the notices have them, and unmarked.
	info, err = p.Kind(mustDate(t, "2027-02-14"))
	require.NoError(t, err)
	assert.Equal(t, DayInfo{Date: mustDate(t, "2027-02-14"), Kind: Adjusted, Festival: SpringFestival, Name: "春节"}, info)
	assert.False(t, p.IsProvisionalYear(2027))
	assert.True(t, p.ProvisionalBetween(mustDate(t, "2027-12-01"), mustDate(t, "2028-01-10")))
	assert.True(t, p.ProvisionalBetween(mustDate(t, "2028-01-10"), mustDate(t, "2027-12-01")))
	assert.False(t, p.ProvisionalBetween(mustDate(t, "2026-12-01"), mustDate(t, "2027-12-31")))
	assert.False(t, c.ProvisionalBetween(mustDate(t, "2026-12-01"), mustDate(t, "2030-01-10")))

	// The years before the rules of 2025 are never made up.
	_, err = p.Kind(mustDate(t, "2007-10-01"))
	assert.ErrorIs(t, err, ErrUnknownYear)
	_, err = p.Kind(mustDate(t, "2101-01-01"))
	assert.ErrorIs(t, err, ErrUnknownYear)
}

// TestProvisionalYears pins what the law fixes for years without a
// notice, and checks every provisional year against it.
func TestProvisionalYears(t *testing.T) {
	p, err := China().WithProvisional()
	require.NoError(t, err)
	for y := 2028; y <= provisionalThrough; y++ {
		checkLaw(t, p, y)
		if t.Failed() {
			return
		}
	}
	tests := []struct {
		year  int
		name  string
		from  string
		to    string
		days  int
		why   string
		extra []string // days named 补假
	}{
		{2028, "元旦", "2028-01-01", "2028-01-03", 3, "1 January 2028 is a Saturday: made up on Monday 3 January (第六条)", []string{"2028-01-03"}},
		{2028, "春节", "2028-01-25", "2028-01-28", 4, "除夕 to 初三, Tuesday to Friday", nil},
		{2028, "清明节", "2028-04-04", "2028-04-04", 1, "a Tuesday", nil},
		{2028, "劳动节", "2028-05-01", "2028-05-02", 2, "Monday and Tuesday", nil},
		{2028, "端午节", "2028-05-28", "2028-05-29", 2, "a Sunday: made up on Monday", []string{"2028-05-29"}},
		{2028, "中秋节、国庆节", "2028-10-01", "2028-10-05", 5,
			"国庆 1–3 October (a Sunday among them) and 中秋 on 3 October: two days made up, on 4 and 5 October",
			[]string{"2028-10-04", "2028-10-05"}},
		{2030, "春节", "2030-02-02", "2030-02-07", 6, "除夕 on a Saturday, 初一 on a Sunday: made up on 6 and 7 February",
			[]string{"2030-02-06", "2030-02-07"}},
		{2031, "中秋节、国庆节", "2031-10-01", "2031-10-06", 6, "中秋 on 1 October, 4–5 October a weekend: one day made up, on 6 October",
			[]string{"2031-10-06"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d %s", tt.year, tt.name), func(t *testing.T) {
			blocks, err := p.Holidays(tt.year)
			require.NoError(t, err)
			var got *HolidayBlock
			for i := range blocks {
				if blocks[i].Name == tt.name && blocks[i].From.Year() == tt.year {
					got = &blocks[i]
				}
			}
			require.NotNil(t, got, "%v", blocks)
			assert.Equal(t, tt.from, got.From.String(), tt.why)
			assert.Equal(t, tt.to, got.To.String(), tt.why)
			assert.Equal(t, tt.days, got.Days, tt.why)
			assert.Empty(t, got.Workdays, "a provisional year has no 调休")
			for _, s := range tt.extra {
				info, err := p.Kind(mustDate(t, s))
				require.NoError(t, err)
				assert.Contains(t, info.Name, "补假", s)
				assert.True(t, info.Provisional)
			}
		})
	}
	n, err := p.WorkdaysIn(2028)
	require.NoError(t, err)
	assert.Equal(t, 260-13, n, "2028 has 260 weekdays; 13 statutory days, each on a weekday or made up on one")
}

func TestProvisionalArithmetic(t *testing.T) {
	p, err := China().WithProvisional()
	require.NoError(t, err)
	// 20 working days from 2027-12-10 cross into provisional 2028: 元旦
	// (Saturday) made up on Monday 3 January.
	due, err := p.AddWorkdays(mustDate(t, "2027-12-10"), 20)
	require.NoError(t, err)
	assert.Equal(t, "2028-01-10", due.String())
	assert.True(t, p.ProvisionalBetween(mustDate(t, "2027-12-10"), due))
	_, err = China().AddWorkdays(mustDate(t, "2027-12-10"), 20)
	assert.ErrorIs(t, err, ErrUnknownYear)
	// The example of the issue: 20 working days from 2028-09-20.
	due, err = p.Deadline(mustDate(t, "2028-09-20"), Period{20, Workdays})
	require.NoError(t, err)
	assert.Equal(t, "2028-10-24", due.String(), "9 working days to 6 October (1–5 October off), 11 more to 24 October")
	n, err := p.WorkdaysBetween(mustDate(t, "2026-12-31"), mustDate(t, "2035-12-31"))
	require.NoError(t, err)
	assert.Greater(t, n, 8*240)
}

// A notice merged over a provisional calendar replaces the provisional
// year, and the later years stay provisional.
func TestMergeOverProvisional(t *testing.T) {
	p, err := China().WithProvisional()
	require.NoError(t, err)
	o := &Overlay{Source: "测试：假设的2028年通知", Years: []int{2028}, Checked: true,
		Days: []DayInfo{{Date: mustDate(t, "2028-01-01"), Kind: Holiday, Festival: NewYear}}}
	m, err := p.Merge(o)
	require.NoError(t, err)
	assert.False(t, m.IsProvisionalYear(2028))
	assert.True(t, m.IsProvisionalYear(2029))
	prov, err := m.Provenance(2028)
	require.NoError(t, err)
	assert.Equal(t, Provenance{Year: 2028, Notice: o.Source, Checked: true, Via: "loaded: " + o.Source}, prov)
	ok, err := m.IsWorkday(mustDate(t, "2028-01-25"))
	require.NoError(t, err)
	assert.True(t, ok, "the merged year is replaced whole: no provisional 除夕 remains")
	h := m.Horizon()
	assert.Equal(t, "2028-12-31", h.Confirmed.String())
	assert.Equal(t, "2100-12-31", h.Last.String())
	assert.True(t, h.Provisional)
}

func TestProvenance(t *testing.T) {
	c := China()
	p, err := c.Provenance(2026)
	require.NoError(t, err)
	assert.Equal(t, Provenance{Year: 2026, Notice: "国务院办公厅关于2026年部分节假日安排的通知",
		DocNumber: "国办发明电〔2025〕7号", Issued: "2025-11-04", Checked: true}, p)
	p, err = c.Provenance(2020)
	require.NoError(t, err)
	assert.Equal(t, []string{"国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）"}, p.Amendments)
	p.Amendments[0] = "changed"
	again, _ := c.Provenance(2020)
	assert.NotEqual(t, "changed", again.Amendments[0], "a copy")
	p, err = c.Provenance(2008)
	require.NoError(t, err)
	assert.False(t, p.Checked, "only part of the 2008 text was found")
	assert.NotEmpty(t, p.Note)
	for _, y := range c.Years() {
		p, err := c.Provenance(y)
		require.NoError(t, err)
		assert.Equal(t, y, p.Year)
		assert.Contains(t, p.Notice, fmt.Sprint(y))
		assert.NotEmpty(t, p.Issued, y)
		assert.NotEmpty(t, p.String())
	}
	_, err = c.Provenance(1999)
	assert.True(t, errors.Is(err, ErrUnknownYear))

	// A local closure in a known year is an amendment of that year.
	m, err := c.Merge(&Overlay{Source: "台风停工通知", Days: []DayInfo{{Date: mustDate(t, "2026-07-21"), Kind: Holiday, Name: "台风停工"}}})
	require.NoError(t, err)
	p, err = m.Provenance(2026)
	require.NoError(t, err)
	assert.Equal(t, []string{"台风停工通知"}, p.Amendments)
	p, _ = c.Provenance(2026)
	assert.Empty(t, p.Amendments, "the receiver is unchanged")

	pp, err := c.WithProvisional()
	require.NoError(t, err)
	p, err = pp.Provenance(2029)
	require.NoError(t, err)
	assert.True(t, p.Provisional)
	assert.Contains(t, p.String(), "暂定")
	assert.Contains(t, p.Via, "国务院令第795号")
}

func TestHorizon(t *testing.T) {
	h := China().Horizon()
	assert.Equal(t, Horizon{Confirmed: mustDate(t, "2027-12-31"), Last: mustDate(t, "2027-12-31")}, h)
	assert.Equal(t, 32, h.DaysLeft(mustDate(t, "2027-11-29")))
	assert.Equal(t, -1, h.DaysLeft(mustDate(t, "2028-01-01")))
	var empty Calendar
	assert.Equal(t, Horizon{}, empty.Horizon())
}
