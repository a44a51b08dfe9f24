package approval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAlertsFireOnce(t *testing.T) {
	procs := CatalogProcesses()
	cases := []*Case{highVoltage(t), {ID: "BAD", Process: "no-such", Events: highVoltage(t).Events}}
	now := at(t, "2025-10-28T10:00:00+08:00")
	alerts, errs := Alerts(cases, procs, now, nil, Options{})
	require.Len(t, errs, 1)
	var ce *CaseError
	require.ErrorAs(t, errs[0], &ce)
	assert.Equal(t, "BAD", ce.Case)
	require.Len(t, alerts, 1)
	assert.Equal(t, AlertKey{Case: "HV-1", Level: LevelWarning}, alerts[0].AlertKey)
	assert.Equal(t, "2025-11-03", alerts[0].Due.String())

	fired := map[AlertKey]bool{alerts[0].AlertKey: true}
	again, _ := Alerts(cases, procs, now, fired, Options{})
	assert.Empty(t, again, "a rescan does not fire the same alert")

	late, _ := Alerts(cases, procs, at(t, "2025-11-05T10:00:00+08:00"), fired, Options{})
	require.Len(t, late, 1)
	assert.Equal(t, LevelOverdue, late[0].Level)
	all, _ := Alerts(cases, procs, at(t, "2025-11-05T10:00:00+08:00"), nil, Options{})
	assert.Len(t, all, 2, "never fired: warning and overdue together")
}

// closedCase is a finished high-voltage case that took days working days
// after acceptance on 2025-03-03, with one visit and the given materials.
func closedCase(t testing.TB, id, unit string, days int, materials int) *Case {
	cal := calendar.China()
	start := at(t, "2025-03-03T09:00:00+08:00")
	d, err := cal.AddWorkdays(calendar.DateOf(start.In(calendar.Beijing())), days)
	require.NoError(t, err)
	end := d.In(calendar.Beijing()).Add(10 * time.Hour)
	return &Case{ID: id, Process: "power-high-voltage", Unit: unit, Events: []Event{
		{At: start, Kind: Submitted}, {At: start, Kind: Accepted},
		{At: start, Kind: StageStarted, Stage: "申请受理"}, {At: start.Add(time.Hour), Kind: StageFinished, Stage: "申请受理"},
		{At: start.Add(time.Hour), Kind: Materials, Count: materials}, {At: start.Add(time.Hour), Kind: Visit},
		{At: end, Kind: Finished},
	}}
}

func TestStatistics(t *testing.T) {
	var cases []*Case
	for i, d := range []int{5, 10, 15, 20, 25} {
		unit := "甲供电所"
		if i%2 == 1 {
			unit = "乙供电所"
		}
		cases = append(cases, closedCase(t, fmt.Sprintf("S-%d", i), unit, d, i+1))
	}
	cases = append(cases, highVoltage(t)) // open: not counted
	stats, errs := Statistics(cases, CatalogProcesses(), Options{})
	require.Empty(t, errs)
	require.Len(t, stats, 3, "the process, and each of two units")
	all := stats[0]
	assert.Equal(t, Group{Process: "power-high-voltage"}, all.Group)
	assert.Equal(t, 5, all.Count)
	assert.Equal(t, "15", all.Mean.String())
	assert.Equal(t, "15", all.Median.String())
	assert.Equal(t, "25", all.P90.String())
	assert.Equal(t, "0.8", all.OnTime.String(), "25 working days is late for a 20-day limit")
	assert.False(t, all.Compression.Valid, "no statutory limit for power connection")
	assert.Equal(t, "1", all.Stages.String())
	assert.Equal(t, "3", all.Materials.String())
	assert.Equal(t, "1", all.Visits.String())
	assert.Equal(t, "甲供电所", stats[2].Unit)
	assert.Equal(t, 3, stats[2].Count)
	assert.Equal(t, "乙供电所", stats[1].Unit)
	assert.Equal(t, "15", stats[1].Median.String(), "even count (10 and 20): the mean of the middle two")
}

func TestCompressionAgainstStatutoryLimit(t *testing.T) {
	p := proc(t, "administrative-licence")
	var cases []*Case
	for i, d := range []int{2, 4, 4} { // mean 3.33 of a 20-working-day statutory limit
		start := at(t, "2025-06-02T09:00:00+08:00")
		end, err := calendar.China().AddWorkdays(calendar.DateOf(start.In(calendar.Beijing())), d)
		require.NoError(t, err)
		cases = append(cases, &Case{ID: fmt.Sprint(i), Process: p.ID, Events: []Event{
			{At: start, Kind: Submitted}, {At: start, Kind: Accepted}, {At: end.In(calendar.Beijing()).Add(9 * time.Hour), Kind: Finished}}})
	}
	stats, errs := Statistics(cases, CatalogProcesses(), Options{})
	require.Empty(t, errs)
	require.Len(t, stats, 1)
	require.True(t, stats[0].Compression.Valid)
	assert.Equal(t, "0.8333", stats[0].Compression.Decimal.String(), "1 − 10/60")
}

func TestCaseJSONRoundTrip(t *testing.T) {
	c := highVoltage(t)
	c.Events = append(c.Events, Event{At: at(t, "2025-10-10T09:00:00+08:00"), Kind: Extended, Stage: "供电方案答复",
		Extension: &calendar.Period{N: 5, Unit: calendar.Workdays}, By: "客户经理", Note: "线路改造"})
	b, err := json.Marshal(c)
	require.NoError(t, err)
	back, err := DecodeCase(bytes.NewReader(b))
	require.NoError(t, err)
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
	require.Len(t, back.Events, len(c.Events))
	for i := range c.Events {
		assert.True(t, c.Events[i].At.Equal(back.Events[i].At))
	}
	assert.Contains(t, string(b), `"kind":"paused","reason":"correction"`)
	assert.Contains(t, string(b), `"extension":"5工作日"`)

	for _, bad := range []string{`{"id":"x","process":"p","events":[{"at":"2025-13-01T00:00:00Z","kind":"visit"}]}`,
		`{"id":"x","process":"p","events":[{"at":"2025-01-01T00:00:00Z","kind":"teleport"}]}`,
		`{"id":"x","process":"p","events":[],"colour":"red"}`, `{"id":"x"} {}`, `[`} {
		_, err := DecodeCase(bytes.NewReader([]byte(bad)))
		assert.ErrorIs(t, err, ErrInvalidCase, bad)
	}
}
