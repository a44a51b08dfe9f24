package calendar

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// MinYear and MaxYear bound the years a Date can hold.
const (
	MinYear = 1
	MaxYear = 9999
)

// Date is a civil date: a year, a month and a day, with no time of day and no
// time zone. Plan deadlines and holidays are dates, not instants, so they
// never shift when a server changes zone.
//
// Dates are small comparable values: == tells whether two dates are the
// same day, Compare orders them. The zero Date is "no date": IsZero reports
// it, String prints 0000-00-00, and it marshals to an empty text, JSON null
// and SQL NULL. A non-zero Date is always a real day between 0001-01-01 and
// 9999-12-31; the constructors reject anything else.
type Date struct {
	// v packs year<<9 | month<<5 | day, so that integer order is date order.
	v uint32
}

func pack(y, m, d int) Date { return Date{uint32(y)<<9 | uint32(m)<<5 | uint32(d)} }

// NewDate returns the date year-month-day. It returns an error wrapping
// ErrInvalidDate when the day does not exist (2025-02-30) or the year is
// outside MinYear..MaxYear.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if r, ok := checkYMD(year, int(month), day); !ok {
		return Date{}, parseErr("date", fmt.Sprintf("%04d-%02d-%02d", year, int(month), day), r)
	}
	return pack(year, int(month), day), nil
}

// checkYMD reports whether y-m-d is a real day, and why not.
func checkYMD(y, m, d int) (msg, bool) {
	switch {
	case y < MinYear || y > MaxYear:
		return msg{"年份须在1–9999之间", "year must be 1 to 9999"}, false
	case m < 1 || m > 12:
		return msg{"月份须在1–12之间", "month must be 1 to 12"}, false
	case d < 1 || d > daysIn(y, m):
		return msg{fmt.Sprintf("%d年%d月只有%d天", y, m, daysIn(y, m)),
			fmt.Sprintf("%s %d has %d days", time.Month(m), y, daysIn(y, m))}, false
	}
	return msg{}, true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DateOf returns the date of t in t's own location, or the zero Date when
// that year is outside MinYear..MaxYear.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	if y < MinYear || y > MaxYear {
		return Date{}
	}
	return pack(y, int(m), d)
}

// In returns midnight at the start of d in loc (UTC when loc is nil). The
// zero Date gives the zero time.Time.
func (d Date) In(loc *time.Location) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// Year returns d's year (0 for the zero Date).
func (d Date) Year() int { return int(d.v >> 9) }

// Month returns d's month (0 for the zero Date).
func (d Date) Month() time.Month { return time.Month(d.v >> 5 & 15) }

// Day returns d's day of the month (0 for the zero Date).
func (d Date) Day() int { return int(d.v & 31) }

// IsZero reports whether d is the zero Date, "no date".
func (d Date) IsZero() bool { return d.v == 0 }

// String returns d as YYYY-MM-DD; the zero Date gives 0000-00-00.
func (d Date) String() string {
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

func (d Date) appendTo(b []byte) []byte {
	y, m, dd := d.Year(), int(d.Month()), d.Day()
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+dd/10), byte('0'+dd%10))
}

// Chinese returns d as written in official documents: 2025年12月31日.
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

// Compare returns -1 if d is before o, 0 if they are the same day and +1 if
// d is after o. The zero Date sorts before every other date.
func (d Date) Compare(o Date) int {
	switch {
	case d.v < o.v:
		return -1
	case d.v > o.v:
		return 1
	}
	return 0
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.v < o.v }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.v > o.v }

// days returns the number of days from 1970-01-01 to d (proleptic
// Gregorian), after H. Hinnant's days_from_civil.
func (d Date) days() int {
	y, m, dd := d.Year(), int(d.Month()), d.Day()
	if m <= 2 {
		y--
	}
	era := y / 400 // y >= 0 for every valid Date
	yoe := y - era*400
	mp := m - 3
	if m <= 2 {
		mp = m + 9
	}
	doy := (153*mp+2)/5 + dd - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Bounds of days(), for range checks.
var (
	minDays = pack(MinYear, 1, 1).days()
	maxDays = pack(MaxYear, 12, 31).days()
)

// fromDays is the inverse of days; z must be within minDays..maxDays.
func fromDays(z int) Date {
	z += 719468
	era := z / 146097 // z >= 0 in range
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
		y++
	}
	return pack(y, m, dd)
}

// AddDays returns the date n days after d (before it when n is negative).
// It returns an error wrapping ErrOutOfRange when d is the zero Date or the
// result would leave years 1 to 9999.
func (d Date) AddDays(n int) (Date, error) {
	if d.IsZero() {
		return Date{}, fmt.Errorf("%w: 零值日期不能运算 / the zero Date has no days to add to", ErrOutOfRange)
	}
	z := d.days()
	if n > maxDays-z || n < minDays-z {
		return Date{}, fmt.Errorf("%w: %s %+d 天超出0001–9999年 / %s %+d days leaves years 1–9999", ErrOutOfRange, d, n, d, n)
	}
	return fromDays(z + n), nil
}

// Sub returns the number of days from o to d: positive when d is after o.
// Zero Dates count as 0001-01-01.
func (d Date) Sub(o Date) int { return d.orMin().days() - o.orMin().days() }

func (d Date) orMin() Date {
	if d.IsZero() {
		return pack(MinYear, 1, 1)
	}
	return d
}

// Weekday returns the day of the week of d. The zero Date gives Monday,
// the weekday of 0001-01-01.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	w := (d.orMin().days() + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// ParseDate parses a date written as 2025-12-31 (also 2025/12/31 and
// 2025.12.31, with one- or two-digit month and day) or as in official
// documents, 2025年12月31日 (日 or 号). Full-width digits and surrounding
// spaces are accepted. Anything else, or a day that does not exist, returns
// a *ParseError wrapping ErrInvalidDate.
func ParseDate(s string) (Date, error) {
	in := s
	s = strings.TrimSpace(foldWidth(s))
	y, rest, ok := digits(s, 4, 4)
	if !ok {
		return Date{}, parseErr("date", in, msg{"应以四位年份开头，如 2025-12-31 或 2025年12月31日", "want a four-digit year first, as in 2025-12-31 or 2025年12月31日"})
	}
	var sep1, sep2, end string
	switch {
	case strings.HasPrefix(rest, "年"):
		sep1, sep2 = "年", "月"
	case rest != "" && strings.ContainsRune("-/.", rune(rest[0])):
		sep1 = rest[:1]
		sep2 = sep1
	default:
		return Date{}, parseErr("date", in, msg{"年份后应为 - 或 年", "want - or 年 after the year"})
	}
	rest = rest[len(sep1):]
	minW := 1
	if sep1 == "-" {
		minW = 2 // ISO 8601 stays strict: 2025-01-05
	}
	m, rest, ok := digits(rest, minW, 2)
	if !ok || !strings.HasPrefix(rest, sep2) {
		return Date{}, parseErr("date", in, msg{"月份应为一或两位数字，后接 " + sep2, "want a one- or two-digit month followed by " + sep2})
	}
	rest = rest[len(sep2):]
	d, rest, ok := digits(rest, minW, 2)
	if !ok {
		return Date{}, parseErr("date", in, msg{"日应为一或两位数字", "want a one- or two-digit day"})
	}
	if sep1 == "年" {
		switch {
		case strings.HasPrefix(rest, "日"):
			end = "日"
		case strings.HasPrefix(rest, "号"):
			end = "号"
		default:
			return Date{}, parseErr("date", in, msg{"日期应以 日 结尾", "want 日 after the day"})
		}
	}
	if rest[len(end):] != "" {
		return Date{}, parseErr("date", in, msg{"日期后有多余内容", "unexpected text after the date"})
	}
	if r, ok := checkYMD(y, m, d); !ok {
		return Date{}, parseErr("date", in, r)
	}
	return pack(y, m, d), nil
}

// foldWidth folds full-width forms (２０２５－１２) to ASCII. Text without them,
// the common case, is returned as it is without allocating.
func foldWidth(s string) string {
	for _, r := range s {
		if r == '\u3000' || (r >= '\uFF01' && r <= '\uFF5E') {
			return width.Fold.String(s)
		}
	}
	return s
}

// digits reads between min and max ASCII digits from the front of s.
func digits(s string, min, max int) (n int, rest string, ok bool) {
	i := 0
	for i < len(s) && i < max && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i < min || (i < len(s) && i == max && s[i] >= '0' && s[i] <= '9') {
		return 0, s, false
	}
	return n, s[i:], true
}
