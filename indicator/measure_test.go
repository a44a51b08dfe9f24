package indicator

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestParseTarget(t *testing.T) {
	tests := []struct {
		text string
		dir  Direction
		want string // Target.String(), "" for an error
	}{
		{"不超过 40 天", Lower, "<= 40 天"},
		{"不超过 15 天工作日", Lower, "<= 15 工作日"},
		{"100%", Higher, ">= 100 %"},
		{"0.2 年", Lower, "<= 0.2 年"},
		{"300 亿元", Higher, ">= 300 亿元"},
		{"压缩至2个环节", Lower, "<= 2 环节"},
		{"320 天", Higher, ">= 320 天"},
		{"5 天", Lower, "<= 5 天"},
		{"3 个", Lower, "<= 3 个"},
		{"1000 条", Higher, ">= 1000 条"},
		{"2000 家", Higher, ">= 2000 家"},
		{"20%", Higher, ">= 20 %"},
		{"１００％", Higher, ">= 100 %"},
		{"3个工作日以内", 0, "<= 3 工作日"},
		{"90%以上", 0, ">= 90 %"},
		{"不低于90%", 0, ">= 90 %"},
		{"超过 50 家", 0, "> 50 家"},
		{"低于 5 天", 0, "< 5 天"},
		{"1-3天", Band, "between 1 and 3 天"},
		{"1至3个工作日", Band, "between 1 and 3 工作日"},
		{"是", 0, "== 1 是否"},
		{"否", 0, "== 0 是否"},
		{"24 小时", Lower, "<= 24 小时"},
		{"5 平方公里", Higher, ">= 5 平方公里"}, // an unknown unit is kept as written
		{"100%", 0, ""},                 // bare value, no direction
		{"100%", Band, ""},
		{"很好", Higher, ""},
		{"", Higher, ""},
		{"不超过", Lower, ""},
		{"40", Lower, ""}, // no unit
		{"3-1天", Band, ""},
		{"不超过40天以上", Lower, ""},
		{"1.2.3 天", Lower, ""},
		{".5 天", Lower, ""},
		{"5. 天", Lower, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := ParseTarget(tt.text, tt.dir)
			if tt.want == "" {
				assert.ErrorIs(t, err, ErrInvalidTarget)
				var te *TargetError
				assert.ErrorAs(t, err, &te)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
			assert.Equal(t, tt.text, got.Text)
		})
	}
}

func TestTargetJSON(t *testing.T) {
	tg, err := ParseTarget("不超过 40 天", Lower)
	require.NoError(t, err)
	tg.Year, tg.Text = 2025, ""
	b, err := json.Marshal(tg)
	require.NoError(t, err)
	assert.JSONEq(t, `{"op": "<=", "value": "40", "unit": "天", "year": 2025}`, string(b))
	var back Target
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Value.Equal(tg.Value))
	assert.Equal(t, tg.String(), back.String())

	band := Target{Op: Between, Value: dec("1"), High: dec("3"), Unit: Days}
	b, err = json.Marshal(band)
	require.NoError(t, err)
	assert.JSONEq(t, `{"op": "between", "value": "1", "high": "3", "unit": "天"}`, string(b))

	assert.Error(t, json.Unmarshal([]byte(`{"op":"≈","value":"1","unit":"天"}`), &back))
}

func TestTargetMet(t *testing.T) {
	tg := Target{Op: AtMost, Value: dec("40"), Unit: Days}
	for v, want := range map[string]bool{"39": true, "40": true, "40.01": false} {
		ok, err := tg.Met(dec(v), Days)
		require.NoError(t, err)
		assert.Equal(t, want, ok, v)
	}
	ok, err := tg.Met(dec("40"), NaturalDays)
	require.NoError(t, err)
	assert.True(t, ok, "自然日 and 天 are one unit")
	_, err = tg.Met(dec("30"), Workdays)
	assert.ErrorIs(t, err, ErrUnitMismatch, "天 and 工作日 are different units")
	_, err = tg.Met(dec("0.1"), Years)
	assert.ErrorIs(t, err, ErrUnitMismatch)

	money := Target{Op: AtLeast, Value: dec("300"), Unit: HundredMillionYuan}
	ok, err = money.Met(dec("3000000"), TenThousandYuan) // 300 亿元 exactly
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = money.Met(dec("2999999.9999"), TenThousandYuan)
	require.NoError(t, err)
	assert.False(t, ok)
	_, err = Target{Value: dec("1"), Unit: Days}.Met(dec("1"), Days)
	assert.ErrorIs(t, err, ErrInvalidTarget)
}

func TestUnits(t *testing.T) {
	v, err := HundredMillionYuan.Convert(dec("300"), TenThousandYuan)
	require.NoError(t, err)
	assert.Equal(t, "3000000", v.String())
	v, err = TenThousandYuan.Convert(dec("1.23456"), Yuan)
	require.NoError(t, err)
	assert.Equal(t, "12345.6", v.String())
	v, err = Yuan.Convert(dec("1"), HundredMillionYuan)
	require.NoError(t, err)
	assert.Equal(t, "0.00000001", v.String(), "exact, no rounding")
	for _, pair := range [][2]Unit{{Days, Workdays}, {Days, Years}, {Items, Firms}, {Percent, Items}, {"公里", "米"}} {
		assert.False(t, pair[0].Compatible(pair[1]), pair)
		_, err := pair[0].Convert(dec("1"), pair[1])
		assert.ErrorIs(t, err, ErrUnitMismatch, pair)
	}
	assert.True(t, Unit("公里").Compatible("公里"))
	assert.Equal(t, Duration, Workdays.DefaultKind())
	assert.Equal(t, Money, TenThousandYuan.DefaultKind())
	assert.False(t, Unit("").Valid())
	assert.False(t, Unit("5天").Valid())
}

func TestAttainmentAndProgress(t *testing.T) {
	m := &Measure{Unit: Days, Direction: Lower, Attribute: Binding,
		Baseline: &Baseline{Value: dec("100"), Period: mustPeriod(t, "2020")},
		Targets:  []Target{{Op: AtMost, Value: dec("40"), Unit: Days, Year: 2025}}}
	a, err := m.Attainment(decimal.NewNullDecimal(dec("35")), "", 2025)
	require.NoError(t, err)
	assert.Equal(t, Met, a)
	a, err = m.Attainment(decimal.NewNullDecimal(dec("41")), "", 2024)
	require.NoError(t, err)
	assert.Equal(t, NotMet, a, "the 2025 target is the one in force in 2024")
	a, err = m.Attainment(decimal.NullDecimal{}, "", 2025)
	require.NoError(t, err)
	assert.Equal(t, NoData, a, "missing data is no data, never not met")
	a, err = m.Attainment(decimal.NewNullDecimal(dec("1")), "", 2026)
	require.NoError(t, err)
	assert.Equal(t, NoData, a, "no target in force after 2025")

	for v, want := range map[string]string{"100": "0", "70": "50", "40": "100", "10": "100", "130": "0", "60": "66.666667"} {
		p, err := m.Progress(decimal.NewNullDecimal(dec(v)), "", 2025)
		require.NoError(t, err)
		require.True(t, p.Valid, v)
		assert.True(t, p.Decimal.Equal(dec(want)), "%s: %s", v, p.Decimal)
	}
	up := &Measure{Unit: Percent, Direction: Higher, Baseline: &Baseline{Value: dec("60")},
		Targets: []Target{{Op: AtLeast, Value: dec("100"), Unit: Percent, Year: 2025}}}
	p, err := up.Progress(decimal.NewNullDecimal(dec("90")), "", 2025)
	require.NoError(t, err)
	assert.Equal(t, "75", p.Decimal.String())
	flat := &Measure{Unit: Percent, Direction: Higher, Baseline: &Baseline{Value: dec("100")},
		Targets: []Target{{Op: AtLeast, Value: dec("100"), Unit: Percent, Year: 2025}}}
	p, err = flat.Progress(decimal.NewNullDecimal(dec("100")), "", 2025)
	require.NoError(t, err)
	assert.False(t, p.Valid, "target equals baseline: no distance, no data")
	_, err = m.Progress(decimal.NewNullDecimal(dec("1")), Workdays, 2025)
	assert.ErrorIs(t, err, ErrUnitMismatch)
}

func TestDTF(t *testing.T) {
	assert.Equal(t, "50", DTF(dec("5"), dec("10"), dec("0")).Decimal.String())
	assert.Equal(t, "25", DTF(dec("7.5"), dec("0"), dec("10")).Decimal.String(), "lower is better: frontier 0")
	assert.Equal(t, "100", DTF(dec("12"), dec("10"), dec("0")).Decimal.String(), "clamped")
	assert.Equal(t, "0", DTF(dec("-3"), dec("10"), dec("0")).Decimal.String(), "clamped")
	assert.Equal(t, "33.333333", DTF(dec("1"), dec("3"), dec("0")).Decimal.String())
	assert.Equal(t, "66.666667", DTF(dec("2"), dec("3"), dec("0")).Decimal.String(), "rounded half up")
	assert.False(t, DTF(dec("5"), dec("5"), dec("5")).Valid, "frontier equal to worst: no data")
}

func mustPeriod(t testing.TB, s string) Period {
	t.Helper()
	p, err := ParsePeriod(s)
	require.NoError(t, err)
	return p
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2025": "2025", "2025Q3": "2025Q3", "2025q1": "2025Q1", "2025-06": "2025-06",
		"2025年": "2025", "2025年第3季度": "2025Q3", "2025年6月": "2025-06", "2025年12月": "2025-12",
	} {
		p, err := ParsePeriod(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, p.String(), in)
	}
	for _, bad := range []string{"", "25", "2025Q5", "2025Q0", "2025-13", "2025-6", "2025-00", "0000", "abcd", "2025Q+1", "+202", "2025年13月", "2025年第5季度", "2025年-1月"} {
		_, err := ParsePeriod(bad)
		assert.ErrorIs(t, err, ErrInvalidPeriod, bad)
	}
	p := mustPeriod(t, "2025Q3")
	assert.Equal(t, 2025, p.Year())
	assert.Equal(t, 3, p.Quarter())
	assert.Equal(t, 0, p.Month())
	b, err := json.Marshal(map[string]Period{"p": p})
	require.NoError(t, err)
	assert.JSONEq(t, `{"p":"2025Q3"}`, string(b))
}

func TestEnumsText(t *testing.T) {
	var d Direction
	require.NoError(t, d.UnmarshalText([]byte("越低越好")))
	assert.Equal(t, Lower, d)
	assert.ErrorIs(t, d.UnmarshalText([]byte("up")), ErrInvalidValue)
	var a Attribute
	require.NoError(t, a.UnmarshalText([]byte("约束性")))
	assert.Equal(t, Binding, a)
	b, err := Indicative.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "indicative", string(b))
	_, err = Direction(9).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidValue)
	assert.Equal(t, "Direction(9)", Direction(9).String())
	assert.Equal(t, "预期性", Indicative.Chinese())
}
