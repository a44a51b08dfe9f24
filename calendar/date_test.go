package calendar

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mustDate is a test helper: the date or a failed test.
func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	require.NoError(t, err, s)
	return d
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means an error
	}{
		{"2025-12-31", "2025-12-31"},
		{"2025年12月31日", "2025-12-31"},
		{"2025年1月5日", "2025-01-05"},
		{"2025年01月05日", "2025-01-05"},
		{"2025年1月5号", "2025-01-05"},
		{"  2025-01-05\t", "2025-01-05"},
		{"２０２５年１２月３１日", "2025-12-31"},
		{"２０２５－１２－３１", "2025-12-31"},
		{"2025/1/5", "2025-01-05"},
		{"2025.12.31", "2025-12-31"},
		{"2024-02-29", "2024-02-29"},
		{"2000-02-29", "2000-02-29"},
		{"0001-01-01", "0001-01-01"},
		{"9999-12-31", "9999-12-31"},
		{"2025-02-30", ""},
		{"2023-02-29", ""},
		{"1900-02-29", ""},
		{"0000-01-01", ""},
		{"2025-13-01", ""},
		{"2025-00-10", ""},
		{"2025-01-00", ""},
		{"2025-1-5", ""}, // ISO form stays strict
		{"2025/1-5", ""},
		{"2025年12月31", ""},
		{"2025年12月31日前", ""},
		{"2025-12-31T00:00:00Z", ""},
		{"25-12-31", ""},
		{"20251231", ""},
		{"12025-01-01", ""},
		{"", ""},
		{"年月日", ""},
		{"2025-12-311", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if tt.want == "" {
				require.Error(t, err)
				assert.ErrorIs(t, err, ErrInvalidDate)
				var pe *ParseError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, tt.in, pe.Input)
				assert.True(t, d.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.String())
		})
	}
}

func TestParseDateErrorIsBilingual(t *testing.T) {
	_, err := ParseDate("2025-02-30")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "2025年2月只有28天")
	assert.Contains(t, err.Error(), "February 2025 has 28 days")
	assert.Contains(t, err.Error(), `"2025-02-30"`)
}

func TestNewDate(t *testing.T) {
	d, err := NewDate(2025, time.October, 8)
	require.NoError(t, err)
	assert.Equal(t, 2025, d.Year())
	assert.Equal(t, time.October, d.Month())
	assert.Equal(t, 8, d.Day())
	assert.Equal(t, "2025年10月8日", d.Chinese())

	for _, bad := range [][3]int{{0, 1, 1}, {10000, 1, 1}, {2025, 0, 1}, {2025, 13, 1}, {2025, 4, 31}, {2025, 1, -1}} {
		_, err := NewDate(bad[0], time.Month(bad[1]), bad[2])
		assert.ErrorIs(t, err, ErrInvalidDate, "%v", bad)
	}
}

func TestZeroDate(t *testing.T) {
	var z Date
	assert.True(t, z.IsZero())
	assert.Equal(t, "0000-00-00", z.String())
	assert.Equal(t, "", z.Chinese())
	assert.Equal(t, time.Monday, z.Weekday())
	assert.True(t, z.In(time.UTC).IsZero())
	_, err := z.AddDays(1)
	assert.ErrorIs(t, err, ErrOutOfRange)
	assert.True(t, z.Before(mustDate(t, "0001-01-01")))
}

// TestDaysAgreesWithTime checks the day arithmetic against the time package
// on every 97th day across the whole range, and every day of 1999-2101.
func TestDaysAgreesWithTime(t *testing.T) {
	check := func(tm time.Time) {
		d := DateOf(tm)
		require.False(t, d.IsZero(), tm)
		require.Equal(t, tm.Format("2006-01-02"), d.String())
		require.Equal(t, tm.Weekday(), d.Weekday(), tm)
		require.Equal(t, int(tm.Unix()/86400), d.days(), tm)
		require.Equal(t, d, fromDays(d.days()))
		require.True(t, d.In(time.UTC).Equal(tm))
	}
	for tm := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC); tm.Year() <= MaxYear; tm = tm.AddDate(0, 0, 97) {
		check(tm)
	}
	for tm := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC); tm.Year() <= 2101; tm = tm.AddDate(0, 0, 1) {
		check(tm)
	}
	check(time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
}

func TestAddDays(t *testing.T) {
	d := mustDate(t, "2024-02-28")
	for _, tt := range []struct {
		n    int
		want string
	}{{1, "2024-02-29"}, {2, "2024-03-01"}, {366, "2025-02-28"}, {-59, "2023-12-31"}, {0, "2024-02-28"}} {
		got, err := d.AddDays(tt.n)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.String(), tt.n)
	}
	_, err := mustDate(t, "9999-12-31").AddDays(1)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = mustDate(t, "0001-01-01").AddDays(-1)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = d.AddDays(1 << 62)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = d.AddDays(-1 << 62)
	assert.ErrorIs(t, err, ErrOutOfRange)
}

func TestCompareAndSub(t *testing.T) {
	a, b := mustDate(t, "2025-09-30"), mustDate(t, "2025-10-09")
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(mustDate(t, "2025年9月30日")))
	assert.True(t, a.Before(b))
	assert.False(t, a.After(b))
	assert.True(t, b.After(a))
	assert.Equal(t, 9, b.Sub(a))
	assert.Equal(t, -9, a.Sub(b))
	// Packed order is date order across month and year ends.
	assert.True(t, mustDate(t, "2025-01-31").Before(mustDate(t, "2025-02-01")))
	assert.True(t, mustDate(t, "2024-12-31").Before(mustDate(t, "2025-01-01")))
}

func TestDateOfLocation(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	// 2025-12-31 20:00 UTC is already 2026-01-01 in Beijing.
	tm := time.Date(2025, 12, 31, 20, 0, 0, 0, time.UTC)
	assert.Equal(t, "2025-12-31", DateOf(tm).String())
	assert.Equal(t, "2026-01-01", DateOf(tm.In(shanghai)).String())
	in := mustDate(t, "2026-01-01").In(shanghai)
	assert.Equal(t, shanghai, in.Location())
	assert.Equal(t, 0, in.Hour())
	assert.Equal(t, time.UTC, mustDate(t, "2026-01-01").In(nil).Location())
	assert.True(t, DateOf(time.Time{}.AddDate(-5, 0, 0)).IsZero())
}

func TestDateTextAndJSONRoundTrip(t *testing.T) {
	type doc struct {
		Due   Date  `json:"due"`
		Start Date  `json:"start"`
		Maybe *Date `json:"maybe,omitempty"`
	}
	in := doc{Due: mustDate(t, "2025-12-31")}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"due":"2025-12-31","start":null}`, string(b))
	var out doc
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)

	require.NoError(t, json.Unmarshal([]byte(`{"due":"2025年12月31日","start":""}`), &out))
	assert.Equal(t, "2025-12-31", out.Due.String())
	assert.True(t, out.Start.IsZero())
	require.NoError(t, json.Unmarshal([]byte(`{"due":"2025\u5e7412\u670831\u65e5"}`), &out))
	assert.Equal(t, "2025-12-31", out.Due.String())

	for _, bad := range []string{`{"due":"2025-02-30"}`, `{"due":20251231}`, `{"due":true}`, `{"due":"x"}`} {
		err := json.Unmarshal([]byte(bad), &out)
		assert.ErrorIs(t, err, ErrInvalidDate, bad)
	}

	text, err := mustDate(t, "2008-01-01").MarshalText()
	require.NoError(t, err)
	var back Date
	require.NoError(t, back.UnmarshalText(text))
	assert.Equal(t, "2008-01-01", back.String())
	text, err = Date{}.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
}

func TestDateSQL(t *testing.T) {
	d := mustDate(t, "2025-10-08")
	v, err := d.Value()
	require.NoError(t, err)
	assert.Equal(t, "2025-10-08", v)
	v, err = Date{}.Value()
	require.NoError(t, err)
	assert.Nil(t, v)

	var got Date
	for _, src := range []any{"2025-10-08", []byte("2025-10-08"), time.Date(2025, 10, 8, 0, 0, 0, 0, time.UTC), time.Date(2025, 10, 8, 23, 0, 0, 0, time.FixedZone("CST", 8*3600))} {
		require.NoError(t, got.Scan(src), "%T", src)
		assert.Equal(t, d, got, "%T", src)
	}
	require.NoError(t, got.Scan(nil))
	assert.True(t, got.IsZero())
	for _, src := range []any{42, 3.5, "2025-02-30", time.Date(-3, 1, 1, 0, 0, 0, 0, time.UTC)} {
		err := got.Scan(src)
		assert.ErrorIs(t, err, ErrInvalidDate, "%v", src)
	}
	var e error = &ParseError{What: "date", Input: "x"}
	assert.True(t, errors.Is(e, ErrInvalidDate))
	assert.False(t, errors.Is(e, ErrInvalidPeriod))
}
