package approval

import (
	"errors"
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

// highVoltage: accepted Friday 2025-09-26, paused for 补正 on 09-29 and
// resumed on 10-09 (two working days, 09-30 and 10-09, the National Day
// break in between), not finished.
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

func TestWorkdayTimerAcrossNationalDayWithPause(t *testing.T) {
	r, err := Status(highVoltage(t), proc(t, "power-high-voltage"), at(t, "2025-10-14T10:00:00+08:00"), Options{})
	require.NoError(t, err)
	require.NotNil(t, r.Overall)
	o := r.Overall
	assert.Equal(t, "2025-11-03", o.Due.String(), "20 working days + 2 paused, skipping the break, counting 09-28 and 10-11")
	assert.True(t, o.DueAt.Equal(at(t, "2025-11-04T00:00:00+08:00")))
	// Working days in (09-26, 10-14]: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13, 10-14 = 8; 2 paused.
	assert.Equal(t, 6, o.Elapsed)
	assert.Equal(t, OnTrack, o.Status)
	require.Len(t, o.Explanation.Pauses, 1)
	assert.Equal(t, 2, o.Explanation.Pauses[0].Excluded)
	require.Len(t, o.Explanation.Holidays, 1)
	assert.Equal(t, "中秋节、国庆节", o.Explanation.Holidays[0].Name)
	assert.Equal(t, 8, o.Explanation.Holidays[0].Days)
	require.Len(t, o.Explanation.Adjusted, 2)
	assert.Equal(t, "2025-09-28", o.Explanation.Adjusted[0].Date.String())
	assert.Equal(t, "中秋节、国庆节 2025-10-01至2025-10-08 不计；调休上班 2025-09-28（中秋节、国庆节）计入；调休上班 2025-10-11（中秋节、国庆节）计入；补正暂停 2工作日",
		o.Explanation.String())
	assert.Equal(t, InProgress, mustReplay(t, highVoltage(t)).Status, "resumed: the clock runs")
}

func mustReplay(t testing.TB, c *Case) *State {
	t.Helper()
	s, err := Replay(c, proc(t, c.Process))
	require.NoError(t, err)
	return s
}

func TestTimerStatuses(t *testing.T) {
	c := highVoltage(t)
	p := proc(t, "power-high-voltage")
	for when, want := range map[string]TimerStatus{
		"2025-10-14T10:00:00+08:00": OnTrack,
		"2025-10-28T10:00:00+08:00": Warning, // 16 of 20 counted
		"2025-11-03T23:00:00+08:00": Warning, // the last day
		"2025-11-04T00:00:00+08:00": Overdue,
	} {
		r, err := Status(c, p, at(t, when), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, r.Overall.Status, when)
	}
	r, err := Status(c, p, at(t, "2025-10-28T10:00:00+08:00"), Options{WarnAt: 90})
	require.NoError(t, err)
	assert.Equal(t, OnTrack, r.Overall.Status, "16/20 is below a 90% warning share")

	// While paused, the due date moves day by day.
	paused := &Case{ID: c.ID, Process: c.Process, Events: c.Events[:6]}
	r1, err := Status(paused, p, at(t, "2025-10-09T10:00:00+08:00"), Options{})
	require.NoError(t, err)
	r2, err := Status(paused, p, at(t, "2025-10-10T10:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, "2025-11-03", r1.Overall.Due.String())
	assert.Equal(t, "2025-11-04", r2.Overall.Due.String())

	// Finished cases are judged at their end.
	done := &Case{ID: "HV-2", Process: c.Process, Events: append(append([]Event{}, c.Events...),
		Event{At: at(t, "2025-10-10T09:00:00+08:00"), Kind: StageFinished, Stage: "供电方案答复"},
		Event{At: at(t, "2025-11-05T09:00:00+08:00"), Kind: Finished})}
	r, err = Status(done, p, at(t, "2025-12-01T00:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, DoneLate, r.Overall.Status)
	assert.Equal(t, -2, r.Overall.Remaining, "two working days late: 11-04 and 11-05")
	r, err = Status(done, p, at(t, "2025-10-20T00:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, OnTrack, r.Overall.Status, "as of a time before it finished, it was still running")
}

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
	assert.Equal(t, "2025-10-09", r.Overall.Due.String(), "10-01 is a holiday: the period ends on the next working day")
	assert.Equal(t, "2025-10-01", r.Overall.Explanation.RolledFrom.String())
	assert.Equal(t, 4, r.Overall.Elapsed)
	require.Len(t, r.Stages, 1)
	assert.Equal(t, "2025-09-28", r.Stages[0].Due.String(), "same-day feedback on a Sunday worked")
	assert.Equal(t, DoneOnTime, r.Stages[0].Status)
}

func TestHourTimer(t *testing.T) {
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
}

func TestUnknownYearSurfaces(t *testing.T) {
	p := proc(t, "power-high-voltage")
	c := &Case{ID: "Y-1", Process: p.ID, Events: []Event{
		{At: at(t, "2027-12-20T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2027-12-21T09:00:00+08:00"), Kind: Accepted},
	}}
	_, err := Status(c, p, at(t, "2027-12-22T09:00:00+08:00"), Options{})
	assert.ErrorIs(t, err, calendar.ErrUnknownYear, "the due date falls in 2028")
	assert.Contains(t, err.Error(), "Y-1")
}

func TestReplayRejects(t *testing.T) {
	p := proc(t, "power-high-voltage")
	base := []Event{
		{At: at(t, "2025-09-26T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-09-26T10:00:00+08:00"), Kind: Accepted},
	}
	later := at(t, "2025-09-27T10:00:00+08:00")
	tests := []struct {
		name  string
		extra []Event
		want  error
		text  string
	}{
		{"resume without pause", []Event{{At: later, Kind: Resumed}}, ErrInvalidEvent, "resumed without a pause"},
		{"out of order", []Event{{At: at(t, "2025-09-25T10:00:00+08:00"), Kind: Visit}}, ErrInvalidEvent, "before the previous"},
		{"finish twice", []Event{{At: later, Kind: Finished}, {At: later, Kind: Finished}}, ErrInvalidEvent, "has ended"},
		{"unknown stage", []Event{{At: later, Kind: StageStarted, Stage: "勘察"}}, ErrUnknownStage, "勘察"},
		{"pause without reason", []Event{{At: later, Kind: Paused}}, ErrInvalidEvent, "needs a reason"},
		{"finish while paused", []Event{{At: later, Kind: Paused, Reason: Correction}, {At: later, Kind: Finished}}, ErrInvalidEvent, "while paused"},
		{"two stages at once", []Event{{At: later, Kind: StageStarted, Stage: "申请受理"}, {At: later, Kind: StageStarted, Stage: "装表接电"}}, ErrInvalidEvent, "has not finished"},
		{"stage twice", []Event{{At: later, Kind: StageStarted, Stage: "申请受理"}, {At: later, Kind: StageFinished, Stage: "申请受理"}, {At: later, Kind: StageStarted, Stage: "申请受理"}}, ErrInvalidEvent, "already run"},
		{"accepted twice", []Event{{At: later, Kind: Accepted}}, ErrInvalidEvent, "accepted twice"},
		{"no time", []Event{{Kind: Visit}}, ErrInvalidEvent, "no time"},
		{"empty extension", []Event{{At: later, Kind: Extended}}, ErrInvalidEvent, "needs a period"},
		{"negative materials", []Event{{At: later, Kind: Materials, Count: -1}}, ErrInvalidEvent, "negative"},
		{"unknown kind", []Event{{At: later, Kind: 99}}, ErrInvalidEvent, "unknown event kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Case{ID: "X-9", Process: p.ID, Events: append(append([]Event{}, base...), tt.extra...)}
			_, err := Replay(c, p)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			var ee *EventError
			if errors.As(err, &ee) {
				assert.Equal(t, "X-9", ee.Case)
			}
			assert.Contains(t, err.Error(), tt.text)
			assert.Contains(t, err.Error(), "X-9")
		})
	}
	_, err := Replay(&Case{ID: "X", Process: p.ID}, p)
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = Replay(&Case{ID: "X", Process: "water", Events: base}, p)
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = Replay(&Case{Process: p.ID, Events: base}, p)
	assert.ErrorIs(t, err, ErrInvalidCase)
	_, err = Replay(&Case{ID: "X", Process: p.ID, Events: base[1:]}, p)
	assert.ErrorIs(t, err, ErrInvalidEvent, "the first event must be submitted")

	// Append keeps the log unchanged on a rejected event.
	c := &Case{ID: "A-1", Process: p.ID, Events: append([]Event{}, base...)}
	require.Error(t, c.Append(p, Event{At: later, Kind: Resumed}))
	assert.Len(t, c.Events, 2)
	require.NoError(t, c.Append(p, Event{At: later, Kind: Paused, Reason: ExpertReview}))
	assert.Len(t, c.Events, 3)
}

func TestExtension(t *testing.T) {
	p := proc(t, "administrative-licence")
	c := &Case{ID: "L-1", Process: p.ID, Events: []Event{
		{At: at(t, "2025-03-03T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-03-03T09:00:00+08:00"), Kind: Accepted},
		{At: at(t, "2025-03-20T09:00:00+08:00"), Kind: Extended, Extension: &calendar.Period{N: 10, Unit: calendar.Workdays}, By: "区政府分管领导", Note: "情况复杂"},
	}}
	r, err := Status(c, p, at(t, "2025-03-21T09:00:00+08:00"), Options{})
	require.NoError(t, err)
	assert.Equal(t, 30, r.Overall.Limit.N)
	assert.Equal(t, "2025-04-15", r.Overall.Due.String(), "30 working days from 03-03; 清明 04-04 skipped")
	c.Events[2].Extension = &calendar.Period{N: 10, Unit: calendar.Days}
	_, err = Status(c, p, at(t, "2025-03-21T09:00:00+08:00"), Options{})
	assert.ErrorIs(t, err, ErrInvalidEvent, "an extension in another unit")
}

func TestEnforcementPeriod(t *testing.T) {
	assert.Equal(t, calendar.Period{N: 10, Unit: calendar.Workdays}, EnforcementPeriod(10))
	assert.Equal(t, calendar.Period{N: 15, Unit: calendar.Days}, EnforcementPeriod(15))
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
	assert.Equal(t, "2025-11-03", before.Overall.Due.String())
	assert.Equal(t, "2025-11-04", after.Overall.Due.String(), "a local closure moves the due date a working day")
	assert.Contains(t, after.Overall.Explanation.String(), "台风停工 2025-10-20至2025-10-20 不计")
}

func TestCatalogCitesEverySource(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range Catalog() {
		assert.NotEmpty(t, p.Source, p.ID)
		assert.NotEmpty(t, p.Name, p.ID)
		assert.False(t, ids[p.ID], "duplicate id %s", p.ID)
		ids[p.ID] = true
		assert.True(t, p.Promised != nil || len(p.Stages) > 0, p.ID)
	}
	for _, id := range []string{"construction-permit", "business-startup", "power-high-voltage", "power-low-voltage", "water",
		"gas-small", "property-registration", "procurement-contract", "tax-deregistration-general", "complaint-12345", "heating-repair",
		"administrative-licence", "administrative-licence-joint"} {
		assert.True(t, ids[id], id)
	}
	_, ok := Lookup("no-such")
	assert.False(t, ok)
}
