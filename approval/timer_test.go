package approval

import (
	"strings"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func at(t testing.TB, s string) time.Time {
	t.Helper()
	x, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return x
}

func proc(t testing.TB, id string) *Process {
	t.Helper()
	p, ok := Lookup(id)
	require.True(t, ok, id)
	return &p
}

// highVoltage: accepted Friday 2025-09-26, paused for 补正 from Monday
// 09-29 11:00 to 10-09 15:00 (6 working hours on 09-29, the whole of 09-30,
// 6 hours on 10-09: 2 working days 4 hours; the National Day break in
// between costs nothing), not finished.
func highVoltage(t testing.TB) *Case {
	return &Case{ID: "HV-1", Process: "power-high-voltage", Unit: "国网鞍山供电公司", Events: []Event{
		{At: at(t, "2025-09-26T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-09-26T10:00:00+08:00"), Kind: Accepted},
		{At: at(t, "2025-09-26T10:00:00+08:00"), Kind: StageStarted, Stage: "申请受理"},
		{At: at(t, "2025-09-26T16:00:00+08:00"), Kind: StageFinished, Stage: "申请受理"},
		{At: at(t, "2025-09-28T09:00:00+08:00"), Kind: StageStarted, Stage: "供电方案答复"},
		{At: at(t, "2025-09-29T11:00:00+08:00"), Kind: Paused, Reason: Correction},
		{At: at(t, "2025-10-09T15:00:00+08:00"), Kind: Resumed},
		{At: at(t, "2025-10-09T15:00:00+08:00"), Kind: Materials, Count: 2},
	}}
}

func mustReplay(t testing.TB, c *Case) *State {
	t.Helper()
	s, err := Replay(c, proc(t, c.Process))
	require.NoError(t, err)
	return s
}

// Issue 16 item 5: pauses, stage times and limits count working hours.
func TestWorkdayTimerAcrossNationalDayWithPause(t *testing.T) {
	r, err := Status(highVoltage(t), proc(t, "power-high-voltage"), at(t, "2025-10-14T10:00:00+08:00"), Options{})
	require.NoError(t, err)
	require.NotNil(t, r.Overall)
	o := r.Overall
	assert.Equal(t, Promised, o.Basis)
	// 20 working days from the end of 09-26, plus 20 working hours paused:
	// the 23rd working day after 09-26 (11-04), 4 hours in.
	assert.Equal(t, "2025-11-04", o.Due.String())
	assert.True(t, o.DueAt.Equal(at(t, "2025-11-04T13:00:00+08:00")), "%s", o.DueAt)
	// Worked since: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13 whole
	// and one hour of 10-14 = 57 hours, less 20 paused = 37 hours.
	assert.Equal(t, int64(37*3600), o.ElapsedSeconds)
	assert.Equal(t, 4, o.Elapsed)
	assert.Equal(t, "4工作日5小时", o.ElapsedText())
	assert.Equal(t, 15, o.Remaining)
	assert.Equal(t, "15工作日3小时", o.RemainingText())
	assert.Equal(t, OnTrack, o.Status)
	require.Len(t, o.Explanation.Pauses, 1)
	pe := o.Explanation.Pauses[0]
	assert.Equal(t, int64(20*3600), pe.Seconds)
	assert.Equal(t, 2, pe.Excluded)
	// The hours of 09-29, the whole of 09-30, the hours of 10-09.
	assert.Equal(t, DayPart{Date: mustDay(t, "2025-09-29"), From: 11 * 3600, To: 17 * 3600}, pe.First)
	assert.Equal(t, DayRun{From: mustDay(t, "2025-09-30"), To: mustDay(t, "2025-09-30"), Days: 1}, pe.Whole)
	assert.Equal(t, DayPart{Date: mustDay(t, "2025-10-09"), From: 9 * 3600, To: 15 * 3600}, pe.Last)
	require.Len(t, o.Explanation.Holidays, 1)
	assert.Equal(t, "中秋节、国庆节", o.Explanation.Holidays[0].Name)
	assert.Equal(t, 8, o.Explanation.Holidays[0].Days)
	require.Len(t, o.Explanation.Adjusted, 2)
	assert.Equal(t, "2025-09-28", o.Explanation.Adjusted[0].Date.String())
	assert.Equal(t, "中秋节、国庆节 2025-10-01至2025-10-08 不计；调休上班 2025-09-28（中秋节、国庆节）计入；调休上班 2025-10-11（中秋节、国庆节）计入；"+
		"补正暂停 2工作日4小时（09-29 11:00–17:00、09-30 全天、10-09 09:00–15:00）", o.Explanation.String())
	assert.Equal(t, InProgress, mustReplay(t, highVoltage(t)).Status, "resumed: the clock runs")
	assert.Nil(t, r.Statutory, "no statutory limit for power connection")
	assert.Nil(t, r.Compression)
}

// Issue 16 item 5: a pause overnight costs nothing; a one-hour pause costs
// one working hour; a due time inside a working day is that instant.
func TestPausesInWorkingHours(t *testing.T) {
	p := proc(t, "tax-deregistration-small") // 5 working days
	base := []Event{
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Accepted},
	}
	tests := []struct {
		name   string
		pause  [2]string
		due    string
		dueAt  string
		paused int64
		text   string
	}{
		{"no pause", [2]string{}, "2025-06-09", "2025-06-10T00:00:00+08:00", 0, ""},
		{"overnight 17:00 to 09:00", [2]string{"2025-06-03T17:00:00+08:00", "2025-06-04T09:00:00+08:00"}, "2025-06-09", "2025-06-10T00:00:00+08:00", 0, ""},
		{"one hour", [2]string{"2025-06-03T10:00:00+08:00", "2025-06-03T11:00:00+08:00"}, "2025-06-10", "2025-06-10T10:00:00+08:00", 3600, "补正暂停 1小时（06-03 10:00–11:00）"},
		{"over a weekend, 16:00 Friday to 10:00 Monday", [2]string{"2025-06-06T16:00:00+08:00", "2025-06-09T10:00:00+08:00"}, "2025-06-10", "2025-06-10T11:00:00+08:00", 2 * 3600, "补正暂停 2小时（06-06 16:00–17:00、06-09 09:00–10:00）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Case{ID: "T", Process: p.ID, Events: append([]Event{}, base...)}
			if tt.pause[0] != "" {
				c.Events = append(c.Events, Event{At: at(t, tt.pause[0]), Kind: Paused, Reason: Correction}, Event{At: at(t, tt.pause[1]), Kind: Resumed})
			}
			r, err := Status(c, p, at(t, "2025-06-09T12:00:00+08:00"), Options{})
			require.NoError(t, err)
			o := r.Overall
			assert.Equal(t, tt.due, o.Due.String())
			assert.True(t, o.DueAt.Equal(at(t, tt.dueAt)), "%s", o.DueAt)
			var paused int64
			for _, pe := range o.Explanation.Pauses {
				paused += pe.Seconds
			}
			assert.Equal(t, tt.paused, paused)
			if tt.text != "" {
				assert.Contains(t, o.Explanation.String(), tt.text)
			}
		})
	}
}

func TestWorkingHoursPerProcess(t *testing.T) {
	p := proc(t, "tax-deregistration-small")
	h, err := ParseWorkingHours("08:30-12:00,13:30-17:00")
	require.NoError(t, err)
	p.Hours = h
	c := &Case{ID: "W", Process: p.ID, Events: []Event{
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Accepted},
		{At: at(t, "2025-06-03T11:00:00+08:00"), Kind: Paused, Reason: ExpertReview},
		{At: at(t, "2025-06-03T14:00:00+08:00"), Kind: Resumed},
	}}
	r, err := Status(c, p, at(t, "2025-06-04T09:00:00+08:00"), Options{})
	require.NoError(t, err)
	o := r.Overall
	// 11:00–12:00 and 13:30–14:00 are counted hours: 1.5 hours paused; the
	// lunch break costs nothing.
	require.Len(t, o.Explanation.Pauses, 1)
	assert.Equal(t, int64(90*60), o.Explanation.Pauses[0].Seconds)
	assert.Equal(t, int64(7*3600), o.Explanation.DaySeconds)
	assert.True(t, o.DueAt.Equal(at(t, "2025-06-10T10:00:00+08:00")), "1.5 hours into the day after the fifth working day: %s", o.DueAt)
	assert.Equal(t, "08:30-12:00,13:30-17:00", o.Hours.String())
}

func TestTimerStatuses(t *testing.T) {
	c := highVoltage(t)
	p := proc(t, "power-high-voltage")
	for when, want := range map[string]TimerStatus{
		"2025-10-14T10:00:00+08:00": OnTrack,
		"2025-10-29T13:00:00+08:00": Warning, // 16 working days of 20
		"2025-11-04T12:59:00+08:00": Warning, // the last hour
		"2025-11-04T13:01:00+08:00": Overdue,
	} {
		r, err := Status(c, p, at(t, when), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, r.Overall.Status, when)
	}
	r, err := Status(c, p, at(t, "2025-10-29T13:00:00+08:00"), Options{WarnAt: 90})
	require.NoError(t, err)
	assert.Equal(t, OnTrack, r.Overall.Status, "below a 90% warning share")

	// While paused, the due time moves with every working hour.
	paused := &Case{ID: c.ID, Process: c.Process, Events: c.Events[:6]}
	r1, err := Status(paused, p, at(t, "2025-10-09T10:00:00+08:00"), Options{})
	require.NoError(t, err)
	r2, err := Status(paused, p, at(t, "2025-10-09T12:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.True(t, r1.Overall.DueAt.Equal(at(t, "2025-11-03T16:00:00+08:00")), "15 working hours paused so far: %s", r1.Overall.DueAt)
	assert.True(t, r2.Overall.DueAt.Equal(at(t, "2025-11-04T10:00:00+08:00")), "two working hours later: %s", r2.Overall.DueAt)

	// Finished cases are judged at their end.
	done := &Case{ID: "HV-2", Process: c.Process, Events: append(append([]Event{}, c.Events...),
		Event{At: at(t, "2025-10-10T09:00:00+08:00"), Kind: StageFinished, Stage: "供电方案答复"},
		Event{At: at(t, "2025-11-05T09:00:00+08:00"), Kind: Finished})}
	r, err = Status(done, p, at(t, "2025-12-01T00:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, DoneLate, r.Overall.Status)
	assert.Equal(t, int64(-4*3600), r.Overall.RemainingSeconds, "13:00 to 17:00 on 11-04")
	assert.Equal(t, "超期4小时", r.Overall.RemainingText())
	assert.Equal(t, -1, r.Overall.Remaining, "rounded down")
	r, err = Status(done, p, at(t, "2025-10-20T00:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, OnTrack, r.Overall.Status, "as of a time before it finished, it was still running")
}

// Issue 16 item 2: “as of” means as of.
func TestStatusAsOf(t *testing.T) {
	p := proc(t, "power-high-voltage")
	done := highVoltage(t)
	done.Events = append(done.Events,
		Event{At: at(t, "2025-10-10T09:00:00+08:00"), Kind: StageFinished, Stage: "供电方案答复"},
		Event{At: at(t, "2025-10-20T09:00:00+08:00"), Kind: Visit},
		Event{At: at(t, "2025-10-21T09:00:00+08:00"), Kind: Finished})

	_, err := Status(done, p, at(t, "2025-09-25T10:00:00+08:00"), Options{})
	assert.ErrorIs(t, err, ErrNotSubmitted, "before the application there is no case")
	assert.Contains(t, err.Error(), "HV-1")

	r, err := Status(done, p, at(t, "2025-09-26T09:30:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, Open, r.State.Status, "submitted, not accepted yet")
	assert.Nil(t, r.Overall)

	r, err = Status(done, p, at(t, "2025-10-01T12:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, OnHold, r.State.Status, "paused for 补正 then")
	assert.Zero(t, r.State.Materials, "the materials came later")
	assert.Zero(t, r.State.Visits)
	assert.Equal(t, OnTrack, r.Overall.Status)

	r, err = Status(done, p, at(t, "2025-10-22T12:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, Done, r.State.Status)
	assert.Equal(t, 1, r.State.Visits)
	assert.Equal(t, DoneOnTime, r.Overall.Status)
}

// Issue 16 item 6: a natural-day limit counts holidays; only a last day
// off moves, and the explanation says so.
func TestNaturalDayTimerRollsOverHolidays(t *testing.T) {
	p := proc(t, "complaint-12345") // 3 days; feedback the same day
	c := &Case{ID: "C-1", Process: p.ID, Events: []Event{
		{At: at(t, "2025-09-28T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-09-28T09:30:00+08:00"), Kind: Accepted},
		{At: at(t, "2025-09-28T09:30:00+08:00"), Kind: StageStarted, Stage: "反馈"},
		{At: at(t, "2025-09-28T17:00:00+08:00"), Kind: StageFinished, Stage: "反馈"},
	}}
	r, err := Status(c, p, at(t, "2025-10-02T12:00:00+08:00"), Options{})
	require.NoError(t, err)
	o := r.Overall
	assert.Equal(t, "2025-10-09", o.Due.String(), "10-01 is a holiday: the period ends on the next working day")
	assert.Equal(t, "2025-10-01", o.Explanation.RolledFrom.String())
	assert.Equal(t, 3, o.Elapsed, "09-29 to 10-02 noon: three days and a half, holidays counted")
	s := o.Explanation.String()
	assert.Contains(t, s, "中秋节、国庆节 2025-10-01至2025-10-08 照计（自然日）")
	assert.NotContains(t, s, "不计", "holidays count in natural days")
	assert.Contains(t, s, "期满日 2025-10-01 为休息日，顺延至下一工作日（民法典 第二百零三条）")
	require.Len(t, r.Stages, 1)
	assert.Equal(t, "2025-09-28", r.Stages[0].Due.String(), "same-day feedback on a Sunday worked")
	assert.Equal(t, DoneOnTime, r.Stages[0].Status)
}

func TestHourTimers(t *testing.T) {
	// Round the clock: 供暖维修 24小时.
	p := proc(t, "heating-repair")
	c := &Case{ID: "H-1", Process: p.ID, Events: []Event{
		{At: at(t, "2025-10-01T20:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-10-01T20:00:00+08:00"), Kind: Accepted},
		{At: at(t, "2025-10-02T08:00:00+08:00"), Kind: Paused, Reason: ApplicantRequest},
		{At: at(t, "2025-10-02T14:00:00+08:00"), Kind: Resumed},
	}}
	r, err := Status(c, p, at(t, "2025-10-02T18:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.True(t, r.Overall.DueAt.Equal(at(t, "2025-10-03T02:00:00+08:00")), "24 hours on the clock, holidays or not, plus the 6-hour pause: %s", r.Overall.DueAt)
	assert.Equal(t, 16, r.Overall.Elapsed)
	assert.Equal(t, 8, r.Overall.Remaining)
	assert.Equal(t, OnTrack, r.Overall.Status)

	// In working hours: 企业开办（线上）0.5个工作日 = 4 working hours from
	// acceptance at 16:00 on a Friday: one hour that day, three on Monday.
	p = proc(t, "business-startup-online")
	c = &Case{ID: "B-1", Process: p.ID, Events: []Event{
		{At: at(t, "2025-06-06T16:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-06-06T16:00:00+08:00"), Kind: Accepted},
	}}
	r, err = Status(c, p, at(t, "2025-06-07T18:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.True(t, r.Overall.DueAt.Equal(at(t, "2025-06-09T12:00:00+08:00")), "%s", r.Overall.DueAt)
	assert.Equal(t, 1, r.Overall.Elapsed, "the weekend is not counted")
}

// Issue 12: a due date in a year the calendar does not know still gives
// the elapsed time and names the year; a provisional calendar answers and
// says 暂定.
func TestUnknownYearDueDate(t *testing.T) {
	p := proc(t, "tax-deregistration-general") // 10 working days
	c := &Case{ID: "Y-1", Process: p.ID, Events: []Event{
		{At: at(t, "2027-12-20T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2027-12-21T09:00:00+08:00"), Kind: Accepted},
	}}
	r, err := Status(c, p, at(t, "2027-12-23T12:00:00+08:00"), Options{})
	require.NoError(t, err, "the due date falls in 2028: the timer still runs")
	o := r.Overall
	assert.Equal(t, 2028, o.DueUnknown)
	assert.True(t, o.Due.IsZero())
	assert.Equal(t, int64(8*3600+3*3600), o.ElapsedSeconds, "12-22 and three hours of 12-23")
	assert.Equal(t, int64(10*8*3600-11*3600), o.RemainingSeconds)
	assert.Equal(t, OnTrack, o.Status)
	assert.Contains(t, o.Explanation.String(), "到期日在2028年，尚无该年节假日安排")

	_, err = Status(c, p, at(t, "2028-01-03T12:00:00+08:00"), Options{})
	assert.ErrorIs(t, err, calendar.ErrUnknownYear, "as of a day in 2028 even the elapsed time is unknown")
	assert.Contains(t, err.Error(), "Y-1")

	prov, err := calendar.China().WithProvisional()
	require.NoError(t, err)
	r, err = Status(c, p, at(t, "2027-12-23T12:00:00+08:00"), Options{Calendar: prov})
	require.NoError(t, err)
	o = r.Overall
	assert.Zero(t, o.DueUnknown)
	assert.Equal(t, "2028-01-05", o.Due.String(), "12-22..12-31 is 8 working days; 元旦 is a provisional holiday")
	assert.True(t, o.Provisional)
	assert.Equal(t, []int{2028}, o.Explanation.Provisional)
	assert.Contains(t, o.Explanation.String(), "暂定：2028年尚无国务院节假日通知")
}

// Issue 16 item 3: 行政许可法 第四十二条 — the extension is at most ten
// working days, granted once, approved by someone named, with a reason,
// where the process allows one.
func TestExtensionUnderArticle42(t *testing.T) {
	p := proc(t, "administrative-licence")
	base := func() *Case {
		return &Case{ID: "L-1", Process: p.ID, Events: []Event{
			{At: at(t, "2025-03-03T09:00:00+08:00"), Kind: Submitted},
			{At: at(t, "2025-03-03T09:00:00+08:00"), Kind: Accepted},
		}}
	}
	ok := Event{At: at(t, "2025-03-20T09:00:00+08:00"), Kind: Extended, Extension: &calendar.Period{N: 10, Unit: calendar.Workdays}, By: "区政府分管领导", Note: "情况复杂"}
	c := base()
	require.NoError(t, c.Append(p, ok))
	r, err := Status(c, p, at(t, "2025-03-21T09:00:00+08:00"), Options{})
	require.NoError(t, err)
	require.NotNil(t, r.Statutory)
	assert.Equal(t, 30, r.Statutory.Limit.N)
	assert.Equal(t, "2025-04-15", r.Statutory.Due.String(), "30 working days from 03-03; 清明 04-04 skipped")
	assert.Contains(t, r.Statutory.Explanation.String(), "延长 10工作日")

	with := func(mut func(*Event)) Event {
		e := ok
		e.Extension = &calendar.Period{N: 10, Unit: calendar.Workdays}
		mut(&e)
		return e
	}
	tests := []struct {
		name     string
		e        Event
		sentinel error
		want     string
	}{
		{"thirty days", with(func(e *Event) { e.Extension.N = 30 }), ErrInvalidEvent, "exceeds the 10 workdays"},
		{"natural days", with(func(e *Event) { e.Extension.Unit = calendar.Days }), ErrInvalidEvent, "exceeds"},
		{"hours", with(func(e *Event) { e.Extension = &calendar.Period{N: 1_000_000, Unit: calendar.Hours} }), ErrInvalidEvent, "exceeds"},
		{"no approver", with(func(e *Event) { e.By = "" }), ErrInvalidEvent, "who approved it"},
		{"no reason", with(func(e *Event) { e.Note = "" }), ErrInvalidEvent, "reason"},
		{"no period", with(func(e *Event) { e.Extension = nil }), ErrInvalidEvent, "needs a period"},
		{"an unknown stage", with(func(e *Event) { e.Stage = "审查" }), ErrUnknownStage, "no stage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			err := c.Append(p, tt.e)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.Contains(t, err.Error(), tt.want)
			assert.Len(t, c.Events, 2, "a rejected event writes nothing")
		})
	}
	// Once only.
	c = base()
	require.NoError(t, c.Append(p, ok))
	err = c.Append(p, Event{At: at(t, "2025-03-25T09:00:00+08:00"), Kind: Extended, Extension: &calendar.Period{N: 5, Unit: calendar.Workdays}, By: "局长", Note: "再延"})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	assert.Contains(t, err.Error(), "already been extended once")
	// A promised-limit process that allows none.
	hv := proc(t, "power-high-voltage")
	c = highVoltage(t)
	err = c.Append(hv, Event{At: at(t, "2025-10-10T09:00:00+08:00"), Kind: Extended, Extension: &calendar.Period{N: 5, Unit: calendar.Workdays}, By: "客户经理", Note: "线路改造"})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	assert.Contains(t, err.Error(), "allows no extension")
}

// Issue 13 item 6: extensions in hours are bounded: one, at most the
// process's cap, so the due time cannot overflow into the past.
func TestHourExtensionsAreBounded(t *testing.T) {
	p := proc(t, "heating-repair")
	p.Extension = &calendar.Period{N: 1_000_000, Unit: calendar.Hours}
	c := &Case{ID: "H-9", Process: p.ID, Events: []Event{
		{At: at(t, "2025-10-01T20:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-10-01T20:00:00+08:00"), Kind: Accepted},
	}}
	big := Event{At: at(t, "2025-10-01T21:00:00+08:00"), Kind: Extended, Extension: &calendar.Period{N: 1_000_000, Unit: calendar.Hours}, By: "经理", Note: "测试"}
	require.NoError(t, c.Append(p, big))
	for range 2 {
		big.At = big.At.Add(time.Hour)
		assert.ErrorIs(t, c.Append(p, big), ErrInvalidEvent, "a second extension")
	}
	r, err := Status(c, p, at(t, "2025-10-02T21:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.True(t, r.Overall.DueAt.After(c.Events[0].At), "the due time is after the start, not in 1782: %s", r.Overall.DueAt)
	assert.Equal(t, 2139, r.Overall.DueAt.Year())
}

// Issue 16 item 4: 行政许可法 第三十二条 — an incomplete application is told
// once, within five (working) days, what to supply, or it is accepted on
// the day the materials were received.
func TestIncompleteApplicationArticle32(t *testing.T) {
	p := proc(t, "administrative-licence")
	sub := Event{At: at(t, "2025-03-03T09:00:00+08:00"), Kind: Submitted} // Monday
	tests := []struct {
		name    string
		events  []Event
		asOf    string
		deemed  bool
		start   string // "" when the clock has not started
		due     string // the statutory due date
		deemedS string
	}{
		{"within the five days, nothing yet", nil, "2025-03-07T12:00:00+08:00", false, "", "", ""},
		{"neither accepted nor told by 03-10: deemed accepted on 03-03", nil, "2025-03-11T10:00:00+08:00", true, "2025-03-03T09:00:00+08:00", "2025-03-31", "2025-03-03"},
		{"told on time, accepted when complete", []Event{{At: at(t, "2025-03-05T10:00:00+08:00"), Kind: CorrectionNotice},
			{At: at(t, "2025-03-12T10:00:00+08:00"), Kind: Accepted}}, "2025-03-13T10:00:00+08:00", false, "2025-03-12T10:00:00+08:00", "2025-04-10", ""},
		{"told too late", []Event{{At: at(t, "2025-03-12T10:00:00+08:00"), Kind: CorrectionNotice}}, "2025-03-13T10:00:00+08:00", true, "2025-03-03T09:00:00+08:00", "2025-03-31", "2025-03-03"},
		{"accepted too late, never told", []Event{{At: at(t, "2025-03-14T10:00:00+08:00"), Kind: Accepted}}, "2025-03-17T10:00:00+08:00", true, "2025-03-03T09:00:00+08:00", "2025-03-31", "2025-03-03"},
		{"accepted on time", []Event{{At: at(t, "2025-03-06T10:00:00+08:00"), Kind: Accepted}}, "2025-03-07T10:00:00+08:00", false, "2025-03-06T10:00:00+08:00", "2025-04-03", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Case{ID: "N-1", Process: p.ID, Events: append([]Event{sub}, tt.events...)}
			r, err := Status(c, p, at(t, tt.asOf), Options{})
			require.NoError(t, err)
			require.NotNil(t, r.Acceptance)
			a := r.Acceptance
			assert.Equal(t, "2025-03-10", a.NoticeDue.String(), "five working days after 03-03")
			assert.Equal(t, tt.deemed, a.Deemed)
			if tt.start == "" {
				assert.True(t, a.Start.IsZero())
				assert.Nil(t, r.Statutory)
				assert.Contains(t, a.String(), "2025-03-10")
				return
			}
			assert.True(t, a.Start.Equal(at(t, tt.start)), "%s", a.Start)
			require.NotNil(t, r.Statutory)
			assert.Equal(t, tt.due, r.Statutory.Due.String())
			if tt.deemed {
				assert.Equal(t, tt.deemedS, r.Statutory.Explanation.Deemed.String())
				assert.Contains(t, r.Statutory.Explanation.String(), "第三十二条")
				assert.Contains(t, a.String(), "即为受理")
			}
		})
	}
	// Told once: a second notice is rejected.
	c := &Case{ID: "N-2", Process: p.ID, Events: []Event{sub, {At: at(t, "2025-03-04T09:00:00+08:00"), Kind: CorrectionNotice}}}
	err := c.Append(p, Event{At: at(t, "2025-03-05T09:00:00+08:00"), Kind: CorrectionNotice})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	assert.Contains(t, err.Error(), "told once")
}

// Issue 16 item 7: the statutory and the promised limit side by side, with
// the compression achieved.
func TestStatutoryAndPromisedSideBySide(t *testing.T) {
	p := proc(t, "property-registration") // promised 3 working days, statutory 30 (不动产登记暂行条例 第二十条)
	c := &Case{ID: "P-1", Process: p.ID, Events: []Event{
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Accepted},
		{At: at(t, "2025-06-04T17:00:00+08:00"), Kind: Finished},
	}}
	r, err := Status(c, p, at(t, "2025-06-10T00:00:00+08:00"), Options{})
	require.NoError(t, err)
	require.NotNil(t, r.Overall)
	require.NotNil(t, r.Statutory)
	assert.Equal(t, Promised, r.Overall.Basis)
	assert.Equal(t, Statutory, r.Statutory.Basis)
	assert.Equal(t, "2025-06-05", r.Overall.Due.String())
	assert.Equal(t, "2025-07-14", r.Statutory.Due.String())
	assert.Equal(t, DoneOnTime, r.Overall.Status)
	assert.Equal(t, DoneOnTime, r.Statutory.Status)
	require.NotNil(t, r.Compression)
	assert.Equal(t, "0.9", r.Compression.Promised.Decimal.String(), "3 of 30 working days promised")
	assert.Equal(t, "0.9333", r.Compression.Achieved.String(), "2 of 30 working days used")

	// 政府采购法 第四十六条: 30 natural days beside 10 promised working days.
	p = proc(t, "procurement-contract")
	c = &Case{ID: "G-1", Process: p.ID, Events: []Event{
		{At: at(t, "2025-09-26T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-09-26T09:00:00+08:00"), Kind: Accepted},
	}}
	r, err = Status(c, p, at(t, "2025-10-20T09:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, "2025-10-27", r.Statutory.Due.String(), "30 days from 09-26 is 10-26, a Sunday: the next working day")
	assert.Equal(t, "2025-10-26", r.Statutory.Explanation.RolledFrom.String())
	assert.Equal(t, Overdue, r.Overall.Status, "10 working days ran out on 10-16")
	assert.Equal(t, OnTrack, r.Statutory.Status)
	assert.False(t, r.Compression.Promised.Valid, "working days against natural days")
}

func TestAmendedCalendarMovesDueDates(t *testing.T) {
	c := highVoltage(t)
	p := proc(t, c.Process)
	asOf := at(t, "2025-10-14T10:00:00+08:00")
	before, err := Status(c, p, asOf, Options{})
	require.NoError(t, err)
	closure, err := calendar.ParseOverlay(strings.NewReader(`{"source":"台风停工","days":[{"date":"2025-10-20","kind":"holiday","name":"台风停工"}]}`))
	require.NoError(t, err)
	cal, err := calendar.China().Merge(closure)
	require.NoError(t, err)
	after, err := Status(c, p, asOf, Options{Calendar: cal})
	require.NoError(t, err)
	assert.Equal(t, "2025-11-04", before.Overall.Due.String())
	assert.Equal(t, "2025-11-05", after.Overall.Due.String(), "a local closure moves the due date a working day")
	assert.Contains(t, after.Overall.Explanation.String(), "台风停工 2025-10-20至2025-10-20 不计")
}

// Issue 16 item 1: nothing panics on nil or unknown inputs.
func TestNilAndUnknownInputs(t *testing.T) {
	p := proc(t, "power-high-voltage")
	c := highVoltage(t)
	now := at(t, "2025-10-14T10:00:00+08:00")
	_, err := Status(nil, p, now, Options{})
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = Status(c, nil, now, Options{})
	assert.ErrorIs(t, err, ErrInvalidProcess)
	_, err = Status(c, p, time.Time{}, Options{})
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = Status(c, proc(t, "water-small"), now, Options{})
	assert.ErrorIs(t, err, ErrInvalidCase, "a case for another process")
	_, err = Status(&Case{ID: "E", Process: p.ID}, p, now, Options{})
	assert.ErrorIs(t, err, ErrInvalidCase, "no events")
	_, err = Replay(nil, p)
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = Replay(c, nil)
	assert.ErrorIs(t, err, ErrInvalidProcess)
	var nilCase *Case
	assert.ErrorIs(t, nilCase.Append(p, Event{}), ErrInvalidCase)
	assert.ErrorIs(t, c.Append(nil, Event{At: now, Kind: Visit}), ErrInvalidProcess)
	assert.Nil(t, nilCase.Clone())
	var nilProc *Process
	assert.ErrorIs(t, nilProc.Validate(), ErrInvalidProcess)
	_, ok := nilProc.Stage("x")
	assert.False(t, ok)
	assert.Nil(t, nilProc.Clone())
	months := p.Clone()
	months.Promised = &calendar.Period{N: 1, Unit: calendar.Months}
	_, err = Status(c, months, now, Options{})
	assert.ErrorIs(t, err, ErrInvalidProcess, "timers do not count months")
	_, err = Replay(c, months)
	assert.ErrorIs(t, err, ErrInvalidProcess)
	assert.ErrorIs(t, c.Clone().Append(months, Event{At: now, Kind: Visit}), ErrInvalidProcess)
	_, err = DecodeCase(nil)
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = DecodeCases(nil)
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = CatalogFor(p.Jurisdiction.Region, "", calendar.Date{})
	assert.ErrorIs(t, err, ErrInvalidCase)
}

// 民法典 第二百零一条: time on the start day is not counted, by the elapsed
// time or by the remaining time.
func TestStartDayNotCounted(t *testing.T) {
	p := proc(t, "water-small") // 报装设计 1 working day
	c := &Case{ID: "W-1", Process: p.ID, Events: []Event{
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Accepted},
		{At: at(t, "2025-06-02T09:30:00+08:00"), Kind: StageStarted, Stage: "报装设计"},
		{At: at(t, "2025-06-02T16:00:00+08:00"), Kind: StageFinished, Stage: "报装设计"},
	}}
	r, err := Status(c, p, at(t, "2025-06-02T18:00:00+08:00"), Options{})
	require.NoError(t, err)
	require.Len(t, r.Stages, 1)
	s := r.Stages[0]
	assert.Zero(t, s.ElapsedSeconds)
	assert.Equal(t, int64(8*3600), s.RemainingSeconds, "the whole working day after the start day")
	assert.Equal(t, "2025-06-03 24:00", s.DueText())
	assert.Equal(t, DoneOnTime, s.Status)
}
