package indicator

import (
	"fmt"
	"strconv"
	"strings"
)

// Period is a monitoring period: a year (2025), a quarter (2025Q3) or a
// month (2025-06). Periods are small comparable values; the zero Period is
// "no period".
type Period struct {
	year    uint16
	quarter uint8 // 1-4, or 0
	month   uint8 // 1-12, or 0
}

// YearPeriod returns the period for a whole year.
func YearPeriod(year int) (Period, error) { return newPeriod(year, 0, 0) }

// QuarterPeriod returns the period for quarter q (1-4) of year.
func QuarterPeriod(year, q int) (Period, error) { return newPeriod(year, q, 0) }

// MonthPeriod returns the period for month m (1-12) of year.
func MonthPeriod(year, m int) (Period, error) { return newPeriod(year, 0, m) }

func newPeriod(y, q, m int) (Period, error) {
	if y < 1 || y > 9999 || q < 0 || q > 4 || m < 0 || m > 12 {
		return Period{}, errf(ErrInvalidPeriod, "无效的期间 %d/%d/%d", "invalid period %d/%d/%d", y, q, m)
	}
	return Period{uint16(y), uint8(q), uint8(m)}, nil
}

// ParsePeriod reads 2025, 2025Q3 (or 2025q3, 2025年第3季度) and 2025-06 (or
// 2025年6月).
func ParsePeriod(s string) (Period, error) {
	bad := func() (Period, error) {
		return Period{}, errf(ErrInvalidPeriod, "无法解析期间 %q（应如 2025、2025Q3、2025-06）",
			"cannot parse period %q (want 2025, 2025Q3 or 2025-06)", s)
	}
	t := strings.TrimSpace(s)
	if len(t) < 4 {
		return bad()
	}
	y, err := strconv.Atoi(t[:4])
	if err != nil || t[0] == '+' || t[0] == '-' {
		return bad()
	}
	rest := strings.TrimPrefix(t[4:], "年")
	num := func(s string, max int) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= 1 && n <= max && s[0] != '+' && s[0] != '-'
	}
	var p Period
	switch {
	case rest == "":
		p, err = YearPeriod(y)
	case rest[0] == 'Q' || rest[0] == 'q':
		q, ok := num(rest[1:], 4)
		if !ok || len(rest) != 2 {
			return bad()
		}
		p, err = QuarterPeriod(y, q)
	case strings.HasPrefix(rest, "第") && strings.HasSuffix(rest, "季度"):
		q, ok := num(strings.TrimSuffix(strings.TrimPrefix(rest, "第"), "季度"), 4)
		if !ok {
			return bad()
		}
		p, err = QuarterPeriod(y, q)
	case rest[0] == '-' && len(rest) == 3:
		m, ok := num(rest[1:], 12)
		if !ok {
			return bad()
		}
		p, err = MonthPeriod(y, m)
	case strings.HasSuffix(rest, "月"):
		m, ok := num(strings.TrimSuffix(rest, "月"), 12)
		if !ok || len(rest) > len("12月") {
			return bad()
		}
		p, err = MonthPeriod(y, m)
	default:
		return bad()
	}
	if err != nil {
		return bad()
	}
	return p, nil
}

// Year returns the period's year (0 for the zero Period).
func (p Period) Year() int { return int(p.year) }

// Quarter returns the quarter (1-4) of a quarterly period, else 0.
func (p Period) Quarter() int { return int(p.quarter) }

// Month returns the month (1-12) of a monthly period, else 0.
func (p Period) Month() int { return int(p.month) }

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p == Period{} }

// String returns 2025, 2025Q3 or 2025-06 ("" for the zero Period).
func (p Period) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.quarter != 0:
		return fmt.Sprintf("%04dQ%d", p.year, p.quarter)
	case p.month != 0:
		return fmt.Sprintf("%04d-%02d", p.year, p.month)
	}
	return fmt.Sprintf("%04d", p.year)
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParsePeriod; empty
// text gives the zero Period.
func (p *Period) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = Period{}
		return nil
	}
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
