package calendar

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Unit is the unit a Period counts in.
type Unit uint8

// The units of a period. The zero Unit is Days.
const (
	// Days are natural days (日, 天, 自然日).
	Days Unit = iota
	// Workdays are working days on the official calendar (工作日).
	Workdays
	// Months are calendar months (个月).
	Months
	// Years are calendar years (年).
	Years
	// Hours are hours (小时), counted on the clock.
	Hours
)

var unitNames = [...]struct{ zh, en string }{
	Days:     {"日", "days"},
	Workdays: {"工作日", "workdays"},
	Months:   {"个月", "months"},
	Years:    {"年", "years"},
	Hours:    {"小时", "hours"},
}

// String returns the unit as written in a period: 日, 工作日, 个月, 年, 小时.
func (u Unit) String() string {
	if int(u) < len(unitNames) {
		return unitNames[u].zh
	}
	return fmt.Sprintf("Unit(%d)", uint8(u))
}

// English returns the unit's English name: days, workdays, months, years,
// hours.
func (u Unit) English() string {
	if int(u) < len(unitNames) {
		return unitNames[u].en
	}
	return fmt.Sprintf("Unit(%d)", uint8(u))
}

// maxPeriod bounds N so that no period can overflow date arithmetic.
const maxPeriod = 1_000_000

// Period is a time limit such as 20工作日, 15日, 3个月, 1年 or 24小时. The
// zero Period is 0日.
type Period struct {
	// N is the number of units, 0 to 1,000,000.
	N int
	// Unit is what N counts.
	Unit Unit
}

// String returns the period as ParsePeriod reads it: 20工作日, 15日, 3个月.
func (p Period) String() string { return fmt.Sprintf("%d%s", p.N, p.Unit) }

// English returns the period in English: "20 workdays".
func (p Period) English() string { return fmt.Sprintf("%d %s", p.N, p.Unit.English()) }

// MarshalText implements encoding.TextMarshaler with String's form.
func (p Period) MarshalText() ([]byte, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParsePeriod.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

func (p Period) check() error {
	if p.N < 0 || p.N > maxPeriod || int(p.Unit) >= len(unitNames) {
		return parseErr("period", fmt.Sprintf("%d %s", p.N, p.Unit), msg{
			fmt.Sprintf("期间须为0–%d的整数，单位为日、工作日、个月、年或小时", maxPeriod),
			fmt.Sprintf("want 0 to %d days, workdays, months, years or hours", maxPeriod)})
	}
	return nil
}

// periodUnits maps the written units to Units. A bare 月 is not a unit: "3月"
// is March in a plan, not three months.
var periodUnits = []struct {
	text string
	u    Unit
}{
	{"个工作日", Workdays}, {"工作日", Workdays},
	{"个自然日", Days}, {"自然日", Days},
	{"个小时", Hours}, {"小时", Hours},
	{"个月", Months},
	{"日", Days}, {"天", Days}, {"年", Years},
}

// ParsePeriod reads a time limit as the plans and statutes write it: a
// number, Arabic (20, full-width ２０) or Chinese (二十, 两), then a unit:
// 工作日 or 个工作日; 日, 天, 自然日 or 个自然日; 个月; 年; 小时 or 个小时;
// optionally followed by 内 or 以内 (20个工作日内). Spaces are ignored. Anything else returns a *ParseError wrapping
// ErrInvalidPeriod.
func ParsePeriod(s string) (Period, error) {
	in := s
	s = strings.Join(strings.Fields(foldWidth(s)), "")
	n, rest, ok := leadingNumber(s)
	if !ok {
		return Period{}, parseErr("period", in, msg{"应以数字开头，如 20工作日、15日、3个月", "want a number first, as in 20工作日, 15日, 3个月"})
	}
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, "以内"), "内") // 20个工作日内
	for _, u := range periodUnits {
		if rest == u.text {
			p := Period{N: n, Unit: u.u}
			if err := p.check(); err != nil {
				return Period{}, parseErr("period", in, msg{fmt.Sprintf("期间不能超过%d", maxPeriod), fmt.Sprintf("a period can be at most %d", maxPeriod)})
			}
			return p, nil
		}
	}
	return Period{}, parseErr("period", in, msg{"单位应为 工作日、日、天、自然日、个月、年 或 小时", "want a unit of 工作日, 日, 天, 自然日, 个月, 年 or 小时"})
}

// leadingNumber reads an Arabic or Chinese number (up to 9,999,999) from the
// front of s.
func leadingNumber(s string) (int, string, bool) {
	if n, rest, ok := digits(s, 1, 7); ok {
		return n, rest, true
	}
	return chineseNumber(s)
}

var chineseDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var chineseUnits = map[rune]int{'十': 10, '百': 100, '千': 1000, '万': 10000}

// chineseNumber reads a Chinese numeral below 100,000 (二十, 十五, 一百二十,
// 三万) from the front of s.
func chineseNumber(s string) (int, string, bool) {
	total, cur, seen, i := 0, -1, false, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if d, ok := chineseDigits[r]; ok {
			if cur >= 0 && cur != 0 {
				return 0, s, false // two digits in a row: 二三
			}
			cur = d
		} else if u, ok := chineseUnits[r]; ok {
			if cur < 0 {
				if u != 10 || seen {
					return 0, s, false
				}
				cur = 1 // 十五
			}
			if u == 10000 {
				total = (total + cur) * u
			} else {
				total += cur * u
			}
			if total > 1e8 {
				return 0, s, false // far beyond any period; stop before overflow
			}
			cur = -1
		} else {
			break
		}
		seen = true
		i += size
	}
	if !seen {
		return 0, s, false
	}
	if cur > 0 {
		total += cur
	}
	return total, s[i:], true
}

// Deadline returns the last day of a period that starts on start, under the
// rules of 民法典 第二百零一至二百零三条 and 行政许可法 第八十二条:
//
//   - the start day itself is not counted;
//   - Workdays: the N-th working day after start (days off are skipped);
//   - Days: the N-th day after start;
//   - Months and Years: the day of the same number in the month N months (or
//     years) on, or that month's last day when it has no such day
//     (2025-01-31 + 1个月 = 2025-02-28);
//   - when the last day of a Days, Months or Years period is not a working
//     day (a statutory holiday, a rest day moved next to it, or a weekend
//     day not worked under 调休), the period ends on the next working day.
//
// A period of 0 ends on start. Hours need a clock time: use DeadlineAt.
// It returns ErrUnknownYear when a day it must classify is in a year the
// calendar does not know.
func (c *Calendar) Deadline(start Date, p Period) (Date, error) {
	if err := p.check(); err != nil {
		return Date{}, err
	}
	if _, err := c.index(start); err != nil {
		return Date{}, err
	}
	if p.N == 0 {
		return start, nil
	}
	if p.Unit == Workdays {
		return c.AddWorkdays(start, p.N)
	}
	last, err := lastDay(start, p)
	if err != nil {
		return Date{}, err
	}
	return c.WorkdayOnOrAfter(last)
}

// lastDay returns the last day of a period in days, months or years before
// any day off moves it (民法典 第二百零一、二百零二条).
func lastDay(start Date, p Period) (Date, error) {
	switch p.Unit {
	case Days:
		return start.AddDays(p.N)
	case Months:
		return addMonths(start, p.N)
	case Years:
		return addMonths(start, 12*p.N)
	case Hours:
		return Date{}, fmt.Errorf("%w: 以小时计的期间需要起算时刻，请用 DeadlineAt / a period in hours needs a start time: use DeadlineAt", ErrInvalidPeriod)
	}
	return Date{}, fmt.Errorf("%w: %s 不是以日、月或年计的期间 / %s is not a period of days, months or years", ErrInvalidPeriod, p, p.English())
}

// DeadlineAt returns the instant a period that starts at start expires.
// Hours run on the clock from start (民法典 第二百零一条), with no
// adjustment for days off. Every other unit ends at 24:00 of the last day
// Deadline gives, in start's location: the returned instant is the
// midnight that ends that day.
func (c *Calendar) DeadlineAt(start time.Time, p Period) (time.Time, error) {
	if err := p.check(); err != nil {
		return time.Time{}, err
	}
	if p.Unit == Hours {
		return start.Add(time.Duration(p.N) * time.Hour), nil
	}
	d := DateOf(start)
	if d.IsZero() {
		return time.Time{}, fmt.Errorf("%w: %s 超出0001–9999年 / %s is outside years 1–9999", ErrOutOfRange, start, start)
	}
	last, err := c.Deadline(d, p)
	if err != nil {
		return time.Time{}, err
	}
	return last.In(start.Location()).AddDate(0, 0, 1), nil
}

// addMonths returns the day with d's day number n months after d, or that
// month's last day.
func addMonths(d Date, n int) (Date, error) {
	m := d.Year()*12 + int(d.Month()) - 1 + n
	y, mo := m/12, m%12+1
	if y > MaxYear {
		return Date{}, fmt.Errorf("%w: %s 之后%d个月超出9999年 / %s plus %d months is after year 9999", ErrOutOfRange, d, n, d, n)
	}
	return pack(y, mo, min(d.Day(), daysIn(y, mo))), nil
}

// MarshalText implements encoding.TextMarshaler with the Chinese unit
// (日, 工作日, 个月, 年, 小时).
func (u Unit) MarshalText() ([]byte, error) {
	if int(u) >= len(unitNames) {
		return nil, parseErr("period", u.String(), msg{"未知的期间单位", "unknown period unit"})
	}
	return []byte(unitNames[u].zh), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it takes the Chinese
// or the English name (workdays, days, months, years, hours).
func (u *Unit) UnmarshalText(b []byte) error {
	for i, n := range unitNames {
		if string(b) == n.zh || string(b) == n.en {
			*u = Unit(i)
			return nil
		}
	}
	return parseErr("period", string(b), msg{"单位应为 日、工作日、个月、年 或 小时", "want a unit of 日, 工作日, 个月, 年 or 小时"})
}
