package approval

import (
	"database/sql"
	"database/sql/driver"
	"encoding"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enum is what every enumeration of the package implements.
type enum interface {
	encoding.TextMarshaler
	driver.Valuer
}

// Issue 17 item 5: every enumeration that marshals also unmarshals, and
// stores its JSON name in a database, read back by Scan.
func TestEnumsRoundTrip(t *testing.T) {
	type target interface {
		encoding.TextUnmarshaler
		sql.Scanner
	}
	var all []struct {
		v   enum
		new func() target
	}
	add := func(v enum, n func() target) {
		all = append(all, struct {
			v   enum
			new func() target
		}{v, n})
	}
	for k := Submitted; k <= CorrectionNotice; k++ {
		add(k, func() target { return new(EventKind) })
	}
	for r := PauseReason(0); r <= ApplicantRequest; r++ {
		add(r, func() target { return new(PauseReason) })
	}
	for s := Open; s <= Cancelled; s++ {
		add(s, func() target { return new(CaseStatus) })
	}
	for s := OnTrack; s <= DoneLate; s++ {
		add(s, func() target { return new(TimerStatus) })
	}
	for b := Promised; b <= Statutory; b++ {
		add(b, func() target { return new(Basis) })
	}
	for _, m := range []Mode{"", Normal, AcceptDeficient, NotifyCommit} {
		add(m, func() target { return new(Mode) })
	}
	for _, l := range []Level{LevelWarning, LevelOverdue} {
		add(l, func() target { return new(Level) })
	}
	for _, tt := range all {
		name := fmt.Sprintf("%T(%v)", tt.v, tt.v)
		text, err := tt.v.MarshalText()
		require.NoError(t, err, name)
		back := tt.new()
		require.NoError(t, back.UnmarshalText(text), name)
		assert.Equal(t, tt.v, deref(back), name)

		val, err := tt.v.Value()
		require.NoError(t, err, name)
		assert.Equal(t, string(text), val, "%s stores its JSON name", name)
		for _, src := range []any{val, []byte(val.(string))} {
			back = tt.new()
			require.NoError(t, back.Scan(src), name)
			assert.Equal(t, tt.v, deref(back), name)
		}
		b, err := json.Marshal(tt.v)
		require.NoError(t, err)
		back = tt.new()
		require.NoError(t, json.Unmarshal(b, back), name)
		assert.Equal(t, tt.v, deref(back), name)
	}
	// Chinese names read too.
	var s CaseStatus
	require.NoError(t, s.UnmarshalText([]byte("已办结")))
	assert.Equal(t, Done, s)
	var ts TimerStatus
	require.NoError(t, ts.UnmarshalText([]byte("超期")))
	assert.Equal(t, Overdue, ts)
	var k EventKind
	require.NoError(t, k.UnmarshalText([]byte("一次告知补正")))
	assert.Equal(t, CorrectionNotice, k)
}

func deref(v any) any {
	switch x := v.(type) {
	case *EventKind:
		return *x
	case *PauseReason:
		return *x
	case *CaseStatus:
		return *x
	case *TimerStatus:
		return *x
	case *Basis:
		return *x
	case *Mode:
		return *x
	case *Level:
		return *x
	}
	panic(fmt.Sprintf("deref %T", v))
}

func TestEnumsRejectUnknown(t *testing.T) {
	for _, v := range []enum{EventKind(0), EventKind(99), PauseReason(99), CaseStatus(0), CaseStatus(9), TimerStatus(0), TimerStatus(9),
		Basis(0), Basis(3), Mode("fast"), Level(""), Level("red")} {
		_, err := v.MarshalText()
		assert.Error(t, err, "%T %v", v, v)
		_, err = v.Value()
		assert.Error(t, err, "%T %v", v, v)
	}
	for _, u := range []sql.Scanner{new(EventKind), new(CaseStatus), new(TimerStatus), new(Basis), new(Level)} {
		assert.Error(t, u.Scan("nonsense"), "%T", u)
		assert.Error(t, u.Scan(nil), "%T: NULL", u)
		assert.Error(t, u.Scan(int64(2)), "%T: a number is not a name", u)
	}
	var r PauseReason = Correction
	require.NoError(t, r.Scan(nil), "a pause reason may be NULL")
	assert.Zero(t, r)
	var m Mode = Normal
	require.NoError(t, m.Scan(nil))
	assert.Equal(t, Mode(""), m)
	assert.Equal(t, "CaseStatus(9)", CaseStatus(9).String())
	assert.Equal(t, "TimerStatus(9)", TimerStatus(9).String())
	assert.Equal(t, "EventKind(99)", EventKind(99).String())
	assert.Equal(t, "PauseReason(99)", PauseReason(99).String())
	assert.Equal(t, "Basis(3)", Basis(3).String())
	assert.Equal(t, "承诺时限", Promised.Chinese())
	assert.Equal(t, "告知承诺", NotifyCommit.Chinese())
	assert.Equal(t, "一般受理", Mode("").Chinese())
	assert.Equal(t, "超期", LevelOverdue.Chinese())
}

// A Report written as JSON reads back into the package's own types.
func TestReportJSONRoundTrip(t *testing.T) {
	r, err := Status(highVoltage(t), proc(t, "power-high-voltage"), at(t, "2025-10-14T10:00:00+08:00"), Options{})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back Report
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	assert.Equal(t, OnTrack, back.Overall.Status)
	assert.Equal(t, InProgress, back.State.Status)
}

// Issue 17 item 5: everything the package writes as JSON reads back into
// its own types.
func TestOutputsRoundTrip(t *testing.T) {
	cat := Catalog()
	b, err := json.Marshal(cat)
	require.NoError(t, err)
	var back []Process
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	assert.Equal(t, cat[0].Jurisdiction, back[0].Jurisdiction)

	alerts, _ := Alerts([]*Case{highVoltage(t)}, CatalogProcesses(), at(t, "2025-11-05T10:00:00+08:00"), nil, Options{})
	require.NotEmpty(t, alerts)
	b, err = json.Marshal(alerts)
	require.NoError(t, err)
	var ab []Alert
	require.NoError(t, json.Unmarshal(b, &ab))
	assert.Equal(t, alerts[0].AlertKey, ab[0].AlertKey)
	assert.True(t, alerts[0].DueAt.Equal(ab[0].DueAt))

	stats, _ := Statistics([]*Case{closedCase(t, "S", "u", 5, 1)}, CatalogProcesses(), Options{})
	b, err = json.Marshal(stats)
	require.NoError(t, err)
	var sb []Stats
	require.NoError(t, json.Unmarshal(b, &sb))
	b2, err = json.Marshal(sb)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
}

// A column that is NULL or not a name is an error wrapping ErrInvalidCase
// (the package's promise), naming the type.
func TestScanErrorsWrapTheSentinel(t *testing.T) {
	var k EventKind
	for _, src := range []any{nil, int64(2), 1.5} {
		err := k.Scan(src)
		assert.ErrorIs(t, err, ErrInvalidCase, "%v", src)
		assert.ErrorContains(t, err, "approval.EventKind")
	}
	assert.Error(t, k.Scan("nonsense"))
}
