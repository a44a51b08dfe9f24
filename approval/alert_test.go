package approval

import (
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
	now := at(t, "2025-10-29T14:00:00+08:00")
	alerts, errs := Alerts(cases, procs, now, nil, Options{})
	require.Len(t, errs, 1)
	var ce *CaseError
	require.ErrorAs(t, errs[0], &ce)
	assert.Equal(t, "BAD", ce.Case)
	assert.Equal(t, 1, ce.Index)
	require.Len(t, alerts, 1)
	assert.Equal(t, AlertKey{Case: "HV-1", Basis: Promised, Level: LevelWarning}, alerts[0].AlertKey)
	assert.Equal(t, "2025-11-04", alerts[0].Due.String())

	fired := map[AlertKey]bool{alerts[0].AlertKey: true}
	again, _ := Alerts(cases, procs, now, fired, Options{})
	assert.Empty(t, again, "a rescan does not fire the same alert")

	late, _ := Alerts(cases, procs, at(t, "2025-11-05T10:00:00+08:00"), fired, Options{})
	require.Len(t, late, 1)
	assert.Equal(t, LevelOverdue, late[0].Level)
	all, _ := Alerts(cases, procs, at(t, "2025-11-05T10:00:00+08:00"), nil, Options{})
	assert.Len(t, all, 2, "never fired: warning and overdue together")

	// Before the case was submitted there is nothing to alert, and no error.
	none, errs := Alerts(cases[:1], procs, at(t, "2025-09-01T10:00:00+08:00"), nil, Options{})
	assert.Empty(t, none)
	assert.Empty(t, errs)
}

// Issue 16 item 7: the statutory limit alerts in its own right.
func TestAlertsOnStatutoryLimit(t *testing.T) {
	p := proc(t, "property-registration")
	c := &Case{ID: "PR-1", Process: p.ID, Events: []Event{
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2025-06-02T09:00:00+08:00"), Kind: Accepted},
	}}
	alerts, errs := Alerts([]*Case{c}, CatalogProcesses(), at(t, "2025-07-15T10:00:00+08:00"), nil, Options{})
	require.Empty(t, errs)
	var keys []AlertKey
	for _, a := range alerts {
		keys = append(keys, a.AlertKey)
	}
	assert.Equal(t, []AlertKey{
		{Case: "PR-1", Basis: Promised, Level: LevelWarning}, {Case: "PR-1", Basis: Promised, Level: LevelOverdue},
		{Case: "PR-1", Basis: Statutory, Level: LevelWarning}, {Case: "PR-1", Basis: Statutory, Level: LevelOverdue},
	}, keys, "30 working days ran out on 07-14")
}

// Issue 12 and issue 13 item 11: a scan computes what it can; a nil case,
// nil processes, and a case it cannot date are reported, with the year.
func TestAlertsComputeWhatTheyCan(t *testing.T) {
	p := proc(t, "tax-deregistration-general")
	undatable := &Case{ID: "U-1", Process: p.ID, Events: []Event{
		{At: at(t, "2027-12-01T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2027-12-01T09:00:00+08:00"), Kind: Accepted},
	}}
	dated := &Case{ID: "D-1", Process: p.ID, Events: []Event{
		{At: at(t, "2027-12-20T09:00:00+08:00"), Kind: Submitted},
		{At: at(t, "2027-12-20T09:00:00+08:00"), Kind: Accepted},
	}}
	// As of 12-31 10:00, D-1 has used 8 working days and an hour of its
	// 10, due in 2028; U-1, accepted 12-01, is overdue.
	cases := []*Case{nil, dated, undatable}
	alerts, errs := Alerts(cases, CatalogProcesses(), at(t, "2027-12-31T10:00:00+08:00"), nil, Options{})
	require.Len(t, errs, 2)
	var ce *CaseError
	require.ErrorAs(t, errs[0], &ce)
	assert.Equal(t, 0, ce.Index, "the nil case")
	require.ErrorAs(t, errs[1], &ce)
	assert.Equal(t, "D-1", ce.Case)
	assert.Equal(t, 2028, ce.Year, "its due date needs the 2028 notice")
	assert.ErrorIs(t, errs[1], calendar.ErrUnknownYear)
	assert.Contains(t, errs[1].Error(), "2028")
	var got []string
	for _, a := range alerts {
		got = append(got, fmt.Sprint(a.Case, " ", a.Level))
	}
	assert.Equal(t, []string{"D-1 warning", "U-1 warning", "U-1 overdue"}, got, "D-1's elapsed time still warns")

	_, errs = Alerts([]*Case{dated}, nil, at(t, "2027-12-31T10:00:00+08:00"), nil, Options{})
	require.Len(t, errs, 1, "nil processes: every case's process is unknown")
	assert.ErrorIs(t, errs[0], ErrInvalidCase)

	// With a provisional calendar the due date is known, and marked.
	prov, err := calendar.China().WithProvisional()
	require.NoError(t, err)
	alerts, errs = Alerts([]*Case{dated}, CatalogProcesses(), at(t, "2027-12-31T10:00:00+08:00"), nil, Options{Calendar: prov})
	require.Empty(t, errs)
	require.Len(t, alerts, 1)
	assert.True(t, alerts[0].Provisional)
	assert.False(t, alerts[0].Due.IsZero())
}

// closedCase is a finished high-voltage case that took days working days
// after acceptance on 2025-03-03 (to 10:00 of the last, an hour into it),
// with one visit and the given materials.
func closedCase(t testing.TB, id, unit string, days int, materials int) *Case {
	cal := calendar.China()
	start := at(t, "2025-03-03T09:00:00+08:00")
	d, err := cal.AddWorkdays(calendar.DateOf(start.In(calendar.Beijing())), days)
	require.NoError(t, err)
	end := d.In(calendar.Beijing()).Add(9 * time.Hour)
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
		// Each finishes at 09:00 on its day: days-1 working days counted.
		cases = append(cases, closedCase(t, fmt.Sprintf("S-%d", i), unit, d, i+1))
	}
	cases = append(cases, highVoltage(t)) // open: not counted
	stats, errs := Statistics(cases, CatalogProcesses(), Options{})
	require.Empty(t, errs)
	require.Len(t, stats, 3, "the process, and each of two units")
	all := stats[0]
	assert.Equal(t, Group{Process: "power-high-voltage"}, all.Group)
	assert.Equal(t, 5, all.Count)
	assert.Equal(t, "20工作日", all.Limit.String())
	assert.Equal(t, "14", all.Mean.String())
	assert.Equal(t, "14", all.Median.String())
	assert.Equal(t, "24", all.P90.String())
	assert.Equal(t, "0.8", all.OnTime.String(), "24 working days is late for a 20-day limit")
	assert.False(t, all.Compression.Valid, "no statutory limit for power connection")
	assert.Equal(t, "1", all.Stages.String())
	assert.Equal(t, "3", all.Materials.String())
	assert.Equal(t, "1", all.Visits.String())
	assert.Equal(t, "甲供电所", stats[2].Unit)
	assert.Equal(t, 3, stats[2].Count)
	assert.Equal(t, "乙供电所", stats[1].Unit)
	assert.Equal(t, "14", stats[1].Median.String(), "even count (9 and 19): the mean of the middle two")
}

func TestCompressionAgainstStatutoryLimit(t *testing.T) {
	p := proc(t, "administrative-licence")
	var cases []*Case
	for i, d := range []int{2, 4, 4} { // mean 3.33 of a 20-working-day statutory limit
		start := at(t, "2025-06-02T09:00:00+08:00")
		end, err := calendar.China().AddWorkdays(calendar.DateOf(start.In(calendar.Beijing())), d)
		require.NoError(t, err)
		cases = append(cases, &Case{ID: fmt.Sprint(i), Process: p.ID, Events: []Event{
			{At: start, Kind: Submitted}, {At: start, Kind: Accepted}, {At: end.In(calendar.Beijing()).Add(17 * time.Hour), Kind: Finished}}})
	}
	stats, errs := Statistics(cases, CatalogProcesses(), Options{})
	require.Empty(t, errs)
	require.Len(t, stats, 1)
	assert.Equal(t, "20工作日", stats[0].Limit.String(), "no promise: the statutory limit")
	require.True(t, stats[0].Compression.Valid)
	assert.Equal(t, "0.8333", stats[0].Compression.Decimal.String(), "1 − 10/60")

	// Promised and statutory in different units: 政府采购法 第四十六条.
	pc := proc(t, "procurement-contract")
	start := at(t, "2025-09-01T09:00:00+08:00")
	c := &Case{ID: "G", Process: pc.ID, Events: []Event{{At: start, Kind: Submitted}, {At: start, Kind: Accepted},
		{At: at(t, "2025-09-04T00:00:00+08:00"), Kind: Finished}}}
	stats, errs = Statistics([]*Case{c}, CatalogProcesses(), Options{})
	require.Empty(t, errs)
	require.Len(t, stats, 1)
	assert.Equal(t, "10工作日", stats[0].Limit.String())
	assert.Equal(t, "0.9333", stats[0].Compression.Decimal.String(), "2 of 30 natural days used (09-02 and 09-03)")
}

func TestStatisticsComputeWhatTheyCan(t *testing.T) {
	p := proc(t, "tax-deregistration-general")
	// Ends in 2027, due in 2028: counted, on time.
	early := &Case{ID: "E", Process: p.ID, Events: []Event{
		{At: at(t, "2027-12-27T09:00:00+08:00"), Kind: Submitted}, {At: at(t, "2027-12-27T09:00:00+08:00"), Kind: Accepted},
		{At: at(t, "2027-12-30T17:00:00+08:00"), Kind: Finished}}}
	// Ends in 2028: cannot be measured without that year.
	late := &Case{ID: "L", Process: p.ID, Events: []Event{
		{At: at(t, "2027-12-27T09:00:00+08:00"), Kind: Submitted}, {At: at(t, "2027-12-27T09:00:00+08:00"), Kind: Accepted},
		{At: at(t, "2028-01-10T17:00:00+08:00"), Kind: Finished}}}
	stats, errs := Statistics([]*Case{early, nil, late}, CatalogProcesses(), Options{})
	require.Len(t, errs, 2)
	var ce *CaseError
	require.ErrorAs(t, errs[1], &ce)
	assert.Equal(t, "L", ce.Case)
	assert.Equal(t, 2028, ce.Year)
	require.Len(t, stats, 1)
	assert.Equal(t, 1, stats[0].Count)
	assert.Equal(t, "1", stats[0].OnTime.String())
	_, errs = Statistics([]*Case{early}, nil, Options{})
	assert.Len(t, errs, 1)
}
