package calendar

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want Period
		ok   bool
	}{
		{"20工作日", Period{20, Workdays}, true},
		{"20个工作日", Period{20, Workdays}, true},
		{"20个工作日内", Period{20, Workdays}, true},
		{"3个工作日以内", Period{3, Workdays}, true},
		{"15日", Period{15, Days}, true},
		{"15天", Period{15, Days}, true},
		{" 15 天 ", Period{15, Days}, true},
		{"15个自然日", Period{15, Days}, true},
		{"15自然日", Period{15, Days}, true},
		{"3个月", Period{3, Months}, true},
		{"3月", Period{}, false}, // March, not three months
		{"1年", Period{1, Years}, true},
		{"24小时", Period{24, Hours}, true},
		{"24个小时", Period{24, Hours}, true},
		{"２０工作日", Period{20, Workdays}, true},
		{"二十个工作日", Period{20, Workdays}, true},
		{"十五日", Period{15, Days}, true},
		{"两个月", Period{2, Months}, true},
		{"一百二十天", Period{120, Days}, true},
		{"一百零五天", Period{105, Days}, true},
		{"三万天", Period{30000, Days}, true},
		{"0日", Period{0, Days}, true},
		{"", Period{}, false},
		{"工作日", Period{}, false},
		{"20", Period{}, false},
		{"20周", Period{}, false},
		{"-5日", Period{}, false},
		{"5.5日", Period{}, false},
		{"二三日", Period{}, false},
		{"十十日", Period{}, false},
		{"百日", Period{}, false},
		{"9999999日", Period{}, false},
		{"一万万万万万万万万日", Period{}, false},
		{"20工作日工作日", Period{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePeriod(tt.in)
			if !tt.ok {
				assert.ErrorIs(t, err, ErrInvalidPeriod)
				var pe *ParseError
				assert.ErrorAs(t, err, &pe)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, p)
			// The canonical form reads back to the same period.
			back, err := ParsePeriod(p.String())
			require.NoError(t, err)
			assert.Equal(t, p, back)
		})
	}
}

func TestPeriodText(t *testing.T) {
	type limit struct {
		Limit Period `json:"limit"`
	}
	in := limit{Period{20, Workdays}}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"limit":"20工作日"}`, string(b))
	var out limit
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
	assert.Error(t, json.Unmarshal([]byte(`{"limit":"20周"}`), &out))
	_, err = Period{-1, Days}.MarshalText()
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	_, err = Period{1, Unit(9)}.MarshalText()
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	assert.Equal(t, "20 workdays", Period{20, Workdays}.English())
	assert.Equal(t, "Unit(9)", Unit(9).String())
}

func TestDeadline(t *testing.T) {
	c := China()
	tests := []struct {
		start, period, want, why string
	}{
		{"2025-09-30", "7天", "2025-10-09", "the 7th day, 10-07, is in the National Day break; 10-08 too"},
		{"2025-09-30", "20工作日", "2025-11-04", "working days skip the break and count 10-11"},
		{"2025-09-30", "5工作日", "2025-10-14", "10-11, a Saturday, is worked"},
		{"2025-01-20", "15日", "2025-02-05", "the 15th day, 02-04, is the last day of the Spring Festival break"},
		{"2025-10-31", "1日", "2025-11-03", "11-01 is a Saturday"},
		{"2025-09-21", "7天", "2025-09-28", "09-28 is a Sunday worked under 调休: not a day off"},
		{"2025-01-31", "1个月", "2025-02-28", "no 31st in February: the month's last day"},
		{"2024-01-31", "1个月", "2024-02-29", "leap year"},
		{"2025-03-31", "1个月", "2025-04-30", "no 31st in April"},
		{"2025-09-01", "1个月", "2025-10-09", "10-01 is National Day"},
		{"2024-02-29", "1年", "2025-02-28", "no 29 February in 2025"},
		{"2025-02-28", "3个月", "2025-05-28", "the corresponding day"},
		{"2025-05-06", "0日", "2025-05-06", "a zero period ends on its start"},
		{"2025-10-01", "0工作日", "2025-10-01", "a zero period ends on its start"},
	}
	for _, tt := range tests {
		t.Run(tt.start+"+"+tt.period, func(t *testing.T) {
			p, err := ParsePeriod(tt.period)
			require.NoError(t, err)
			got, err := c.Deadline(mustDate(t, tt.start), p)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String(), tt.why)
		})
	}
}

func TestDeadlineErrors(t *testing.T) {
	c := China()
	_, err := c.Deadline(mustDate(t, "2027-12-20"), Period{30, Days})
	assert.ErrorIs(t, err, ErrUnknownYear, "2028-01-19 cannot be classified")
	_, err = c.Deadline(mustDate(t, "2027-12-20"), Period{1, Years})
	assert.ErrorIs(t, err, ErrUnknownYear)
	_, err = c.Deadline(mustDate(t, "2028-01-04"), Period{0, Days})
	assert.ErrorIs(t, err, ErrUnknownYear, "the start must be known too")
	_, err = c.Deadline(mustDate(t, "2025-01-01"), Period{24, Hours})
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	_, err = c.Deadline(mustDate(t, "2025-01-01"), Period{-3, Days})
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	_, err = c.Deadline(mustDate(t, "2025-01-01"), Period{maxPeriod, Years})
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = c.Deadline(Date{}, Period{1, Days})
	assert.ErrorIs(t, err, ErrInvalidDate)
}

func TestDeadlineAt(t *testing.T) {
	c := China()
	beijing := time.FixedZone("CST", 8*3600)
	start := time.Date(2025, 9, 30, 15, 0, 0, 0, beijing)

	got, err := c.DeadlineAt(start, Period{7, Days})
	require.NoError(t, err)
	assert.True(t, got.Equal(time.Date(2025, 10, 10, 0, 0, 0, 0, beijing)), "24:00 of 2025-10-09: %s", got)
	assert.Equal(t, beijing, got.Location())

	got, err = c.DeadlineAt(start, Period{24, Hours})
	require.NoError(t, err)
	assert.True(t, got.Equal(start.Add(24*time.Hour)), "hours run on the clock, holidays or not")

	_, err = c.DeadlineAt(time.Date(2030, 1, 1, 0, 0, 0, 0, beijing), Period{1, Days})
	assert.ErrorIs(t, err, ErrUnknownYear)
	_, err = c.DeadlineAt(time.Time{}.AddDate(-3, 0, 0), Period{1, Days})
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = c.DeadlineAt(start, Period{-1, Hours})
	assert.ErrorIs(t, err, ErrInvalidPeriod)
}

func TestUnitText(t *testing.T) {
	for u := Days; u <= Hours; u++ {
		b, err := u.MarshalText()
		require.NoError(t, err)
		var back Unit
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, u, back)
		require.NoError(t, back.UnmarshalText([]byte(u.English())))
		assert.Equal(t, u, back)
	}
	var u Unit
	assert.ErrorIs(t, u.UnmarshalText([]byte("weeks")), ErrInvalidPeriod)
	_, err := Unit(9).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidPeriod)
}
