package approval

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/bizenv/bizenv/calendar"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseWorkingHours(t *testing.T) {
	tests := []struct {
		in, want string
		perDay   time.Duration
	}{
		{"09:00-17:00", "09:00-17:00", 8 * time.Hour},
		{"9:00–17:00", "09:00-17:00", 8 * time.Hour},
		{"08:30-12:00,13:30-17:30", "08:30-12:00,13:30-17:30", 7*time.Hour + 30*time.Minute},
		{"08:30至12:00、13:30至17:30", "08:30-12:00,13:30-17:30", 7*time.Hour + 30*time.Minute},
		{"09:00-12:00,12:00-17:00", "09:00-17:00", 8 * time.Hour},
		{"00:00-24:00", "00:00-24:00", 24 * time.Hour},
		{"全天", "全天", 24 * time.Hour},
		{"round-the-clock", "全天", 24 * time.Hour},
	}
	for _, tt := range tests {
		h, err := ParseWorkingHours(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, h.String(), tt.in)
		assert.Equal(t, tt.perDay, h.PerDay(), tt.in)
		back, err := ParseWorkingHours(h.String())
		require.NoError(t, err)
		assert.Equal(t, h, back)
	}
	for _, bad := range []string{"", "9-17", "17:00-09:00", "09:00-09:00", "09:00-12:00,11:00-17:00", "25:00-26:00", "09:60-17:00",
		"1:00-2:00,3:00-4:00,5:00-6:00,7:00-8:00,9:00-10:00", "24:00-24:00", "09:00"} {
		_, err := ParseWorkingHours(bad)
		assert.ErrorIs(t, err, ErrInvalidProcess, bad)
	}
	var zero WorkingHours
	assert.Equal(t, "09:00-17:00", zero.String(), "the default")
	assert.Equal(t, 8*time.Hour, zero.PerDay())
	assert.False(t, zero.IsRoundTheClock())
	assert.True(t, RoundTheClock().IsRoundTheClock())

	type wrap struct {
		H WorkingHours `json:"h"`
	}
	b, err := json.Marshal(wrap{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"h":"09:00-17:00"}`, string(b))
	var w wrap
	require.NoError(t, json.Unmarshal([]byte(`{"h":"08:00-16:00"}`), &w))
	assert.Equal(t, "08:00-16:00", w.H.String())
	require.NoError(t, json.Unmarshal([]byte(`{"h":""}`), &w))
	assert.Equal(t, WorkingHours{}, w.H)
	assert.Error(t, json.Unmarshal([]byte(`{"h":"soon"}`), &w))
}

// The clock's date of an instant agrees with the time package for every
// day from 1900 to 2200, in Beijing and in a zone with a daylight-saving
// rule, and is the zero Date outside years 1–9999.
func TestClockDateOfInstant(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("UTC-5", -5*3600)
	}
	for _, loc := range []*time.Location{calendar.Beijing(), ny} {
		k := newClock(calendar.China(), loc, WorkingHours{}, calendar.DateOf(time.Date(2025, 1, 1, 0, 0, 0, 0, loc)))
		for d := time.Date(1900, 1, 1, 23, 30, 15, 0, loc); d.Year() < 2200; d = d.AddDate(0, 0, 1) {
			got, sec := k.secOfDay(d)
			if got.Year() != d.Year() || got.Month() != d.Month() || got.Day() != d.Day() || sec != 23*3600+30*60+15 {
				t.Fatalf("%s: the clock says %s and %d s", d, got, sec)
			}
		}
		got, _ := k.secOfDay(time.Date(0, 3, 1, 12, 0, 0, 0, loc)) // 0000-03-01
		assert.True(t, got.IsZero())
		got, _ = k.secOfDay(time.Date(-400, 3, 1, 12, 0, 0, 0, loc))
		assert.True(t, got.IsZero())
		got, _ = k.secOfDay(time.Date(1, 1, 1, 0, 0, 0, 0, loc))
		assert.Equal(t, "0001-01-01", got.String())
	}
}
