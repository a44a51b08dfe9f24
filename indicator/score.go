package indicator

import (
	"github.com/shopspring/decimal"
)

// Scores are percentages with six decimal places: 0 to 100.
const scorePlaces = 6

var hundred = decimal.NewFromInt(100)

// Attainment is whether an observed value meets its target.
type Attainment uint8

// The attainments. The zero Attainment is NoData.
const (
	NoData Attainment = iota // no value, or no target in force
	Met
	NotMet
)

// String returns no_data, met or not_met.
func (a Attainment) String() string {
	switch a {
	case NoData:
		return "no_data"
	case Met:
		return "met"
	case NotMet:
		return "not_met"
	}
	return "Attainment(?)"
}

// Chinese returns 无数据, 达标 or 未达标.
func (a Attainment) Chinese() string {
	switch a {
	case NoData:
		return "无数据"
	case Met:
		return "达标"
	case NotMet:
		return "未达标"
	}
	return "Attainment(?)"
}

// MarshalText implements encoding.TextMarshaler.
func (a Attainment) MarshalText() ([]byte, error) {
	if a > NotMet {
		return nil, errf(ErrInvalidValue, "无效的达标情况 %d", "invalid attainment %d", uint8(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: no_data, met or
// not_met (or the Chinese 无数据, 达标, 未达标).
func (a *Attainment) UnmarshalText(b []byte) error {
	for _, v := range []Attainment{NoData, Met, NotMet} {
		if string(b) == v.String() || string(b) == v.Chinese() {
			*a = v
			return nil
		}
	}
	return errf(ErrInvalidValue, "未知的达标情况 %q（应为 no_data、met 或 not_met）", "unknown attainment %q (want no_data, met or not_met)", string(b))
}

// Attainment compares v (in unit u; empty means the measure's unit) with the
// target in force for year (see TargetFor). A missing value (v not Valid)
// or no target gives NoData, never NotMet.
func (m *Measure) Attainment(v decimal.NullDecimal, u Unit, year int) (Attainment, error) {
	t, ok := m.TargetFor(year)
	if !v.Valid || !ok {
		return NoData, nil
	}
	if u == "" {
		u = m.Unit
	}
	met, err := t.Met(v.Decimal, u)
	if err != nil {
		return NoData, err
	}
	if met {
		return Met, nil
	}
	return NotMet, nil
}

// Progress returns how far v has come from the baseline towards the target
// in force for year, as a percentage clamped to 0–100 with six decimal
// places: (v − baseline) / (target − baseline) × 100, which works in either
// direction. For a Between target the nearer end of the band is the target.
// It is not Valid (no data) when v is missing, there is no baseline or no
// target, or the target equals the baseline (there is no distance to
// cover). Units must convert to the measure's unit.
func (m *Measure) Progress(v decimal.NullDecimal, u Unit, year int) (decimal.NullDecimal, error) {
	t, ok := m.TargetFor(year)
	if !v.Valid || !ok || m.Baseline == nil {
		return decimal.NullDecimal{}, nil
	}
	if u == "" {
		u = m.Unit
	}
	x, err := u.Convert(v.Decimal, m.Unit)
	if err != nil {
		return decimal.NullDecimal{}, err
	}
	target, err := t.Unit.Convert(t.Value, m.Unit)
	if err != nil {
		return decimal.NullDecimal{}, err
	}
	b := m.Baseline.Value
	if t.Op == Between {
		hi, err := t.Unit.Convert(t.High, m.Unit)
		if err != nil {
			return decimal.NullDecimal{}, err
		}
		switch {
		case b.GreaterThan(hi):
			target = hi
		case !b.LessThan(target):
			return decimal.NullDecimal{}, nil // the baseline is in the band already
		}
	}
	if target.Equal(b) {
		return decimal.NullDecimal{}, nil
	}
	p := x.Sub(b).Mul(hundred).DivRound(target.Sub(b), scorePlaces)
	return decimal.NewNullDecimal(clamp(p)), nil
}

// DTF returns the distance-to-frontier score of x: (worst − x) / (worst −
// frontier) × 100, clamped to 0–100, with six decimal places. The same
// formula serves both directions (for a lower-is-better measure the
// frontier is the smallest value). It is not Valid (no data) when frontier
// equals worst: with no spread there is no distance to measure.
func DTF(x, frontier, worst decimal.Decimal) decimal.NullDecimal {
	d := worst.Sub(frontier)
	if d.IsZero() {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(clamp(worst.Sub(x).Mul(hundred).DivRound(d, scorePlaces)))
}

func clamp(p decimal.Decimal) decimal.Decimal {
	if p.IsNegative() {
		return decimal.Zero
	}
	if p.GreaterThan(hundred) {
		return hundred
	}
	return p
}
