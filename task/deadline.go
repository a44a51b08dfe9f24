package task

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"golang.org/x/text/width"
)

// DeadlineKind says how a deadline recurs.
type DeadlineKind uint8

// The kinds of deadline.
const (
	OnDate    DeadlineKind = iota + 1 // a date: 2025年6月30日前
	Monthly                           // every month by Day: 每月15日前
	Quarterly                         // every quarter by Day of its last month (0: the last day)
	Yearly                            // every year by Month and Day (Day 0: the month's last day)
)

var deadlineKindNames = []string{"", "date", "monthly", "quarterly", "yearly"}

// String returns date, monthly, quarterly or yearly.
func (k DeadlineKind) String() string {
	if int(k) < len(deadlineKindNames) && k != 0 {
		return deadlineKindNames[k]
	}
	return fmt.Sprintf("DeadlineKind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler.
func (k DeadlineKind) MarshalText() ([]byte, error) {
	if k == 0 || int(k) >= len(deadlineKindNames) {
		return nil, fmt.Errorf("%w: deadline kind %d", ErrInvalidValue, uint8(k))
	}
	return []byte(deadlineKindNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *DeadlineKind) UnmarshalText(b []byte) error {
	for i, n := range deadlineKindNames[1:] {
		if string(b) == n {
			*k = DeadlineKind(i + 1)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的期限类型 %q / unknown deadline kind %q", ErrInvalidValue, b, b)
}

// Deadline is when a task is due: a date (the end of a year is a date,
// 12-31), or a recurring date.
type Deadline struct {
	// Kind says whether the deadline is a date or recurs.
	Kind DeadlineKind `json:"kind"`
	// Date is the due date of an OnDate deadline.
	Date calendar.Date `json:"date"`
	// Month is the month (1-12) of a Yearly deadline.
	Month int `json:"month,omitempty"`
	// Day is the day of the month for Monthly, Quarterly and Yearly
	// deadlines; 0 means the month's last day.
	Day int `json:"day,omitempty"`
	// Text is the deadline as the document wrote it.
	Text string `json:"text,omitempty"`
}

// Due returns the deadline's due date on or after asOf: the date itself
// for OnDate (whenever asOf is), the next occurrence for recurring ones.
func (d Deadline) Due(asOf calendar.Date) (calendar.Date, error) {
	switch d.Kind {
	case OnDate:
		if d.Date.IsZero() {
			return calendar.Date{}, fmt.Errorf("%w: 期限缺少日期 / the deadline has no date", ErrInvalidDeadline)
		}
		return d.Date, nil
	case Monthly, Quarterly, Yearly:
		if asOf.IsZero() {
			return calendar.Date{}, fmt.Errorf("%w: 周期性期限需要参照日期 / a recurring deadline needs a date to count from", ErrInvalidDeadline)
		}
		y, m := asOf.Year(), int(asOf.Month())
		for i := 0; i < 25; i++ { // at most two years of months
			if d.occursIn(m) {
				day, err := d.dayIn(y, m)
				if err != nil {
					return calendar.Date{}, err
				}
				if !day.Before(asOf) {
					return day, nil
				}
			}
			if m++; m > 12 {
				m, y = 1, y+1
			}
		}
	}
	return calendar.Date{}, fmt.Errorf("%w: 无效的期限 %+v / invalid deadline %+v", ErrInvalidDeadline, d, d)
}

func (d Deadline) occursIn(m int) bool {
	switch d.Kind {
	case Monthly:
		return true
	case Quarterly:
		return m%3 == 0
	}
	return m == d.Month
}

func (d Deadline) dayIn(y, m int) (calendar.Date, error) {
	last, _ := calendar.NewDate(y, time.Month(m)+1, 1)
	if m == 12 {
		last, _ = calendar.NewDate(y+1, 1, 1)
	}
	last, err := last.AddDays(-1)
	if err != nil {
		return calendar.Date{}, err
	}
	if d.Day <= 0 || d.Day >= last.Day() {
		if d.Day > 31 || d.Day < 0 {
			return calendar.Date{}, fmt.Errorf("%w: 日 %d 无效 / day %d is invalid", ErrInvalidDeadline, d.Day, d.Day)
		}
		return last, nil
	}
	return calendar.NewDate(y, time.Month(m), d.Day)
}

var (
	reYearEnd    = regexp.MustCompile(`^(?:到|在)?(\d{4})年(?:底|末)(?:前|之前)?$`)
	reMonthEnd   = regexp.MustCompile(`^(?:到|在)?(\d{4})年(\d{1,2})月(?:底|末)(?:前|之前)?$`)
	reDate       = regexp.MustCompile(`^(?:到|在)?(\d{4})年(\d{1,2})月(\d{1,2})[日号](?:前|之前)?$`)
	reHalf       = regexp.MustCompile(`^(?:到|在)?(\d{4})年(上半年|年中)(?:前|之前)?$`)
	reMonthly    = regexp.MustCompile(`^每月(\d{1,2})[日号](?:前|之前)?$`)
	reMonthlyEnd = regexp.MustCompile(`^每月(?:底|末)(?:前|之前)?$`)
	reQuarterly  = regexp.MustCompile(`^每(?:个)?季度(?:末|底)?(?:前|之前)?$`)
	reYearly     = regexp.MustCompile(`^每年(\d{1,2})月(?:(\d{1,2})[日号]|底|末)(?:前|之前)?$`)
)

// ParseDeadline reads a deadline as plans write it: 2025年底前 and 2025年末
// (12-31), 到2022年7月底 (07-31), 2025年6月30日前, 2025年上半年 (06-30),
// 每月15日前, 每月底, 每季度 (the quarter's last day), 每年3月底, 每年1月15日前.
// ISO dates (2025-06-30) are read too. Full-width digits and spaces are
// folded. Other text returns an error wrapping ErrInvalidDeadline, with the
// text.
func ParseDeadline(text string) (Deadline, error) {
	s := strings.Join(strings.Fields(width.Fold.String(text)), "")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "完成"), "。")
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	mkDate := func(y, m, d int) (Deadline, error) {
		dt, err := calendar.NewDate(y, time.Month(m), d)
		if err != nil {
			return Deadline{}, fmt.Errorf("%w: %q: %v", ErrInvalidDeadline, text, err)
		}
		return Deadline{Kind: OnDate, Date: dt, Text: text}, nil
	}
	monthEnd := func(y, m int) (Deadline, error) {
		if m < 1 || m > 12 {
			return Deadline{}, fmt.Errorf("%w: %q: 月份须在1–12之间 / month must be 1 to 12", ErrInvalidDeadline, text)
		}
		d, err := Deadline{Kind: Yearly, Month: m}.dayIn(y, m)
		if err != nil {
			return Deadline{}, fmt.Errorf("%w: %q: %v", ErrInvalidDeadline, text, err)
		}
		return Deadline{Kind: OnDate, Date: d, Text: text}, nil
	}
	if m := reYearEnd.FindStringSubmatch(s); m != nil {
		return mkDate(atoi(m[1]), 12, 31)
	}
	if m := reMonthEnd.FindStringSubmatch(s); m != nil {
		return monthEnd(atoi(m[1]), atoi(m[2]))
	}
	if m := reDate.FindStringSubmatch(s); m != nil {
		return mkDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reHalf.FindStringSubmatch(s); m != nil {
		return mkDate(atoi(m[1]), 6, 30)
	}
	if m := reMonthly.FindStringSubmatch(s); m != nil {
		if d := atoi(m[1]); d >= 1 && d <= 31 {
			return Deadline{Kind: Monthly, Day: d, Text: text}, nil
		}
	}
	if reMonthlyEnd.MatchString(s) {
		return Deadline{Kind: Monthly, Text: text}, nil
	}
	if reQuarterly.MatchString(s) {
		return Deadline{Kind: Quarterly, Text: text}, nil
	}
	if m := reYearly.FindStringSubmatch(s); m != nil {
		mo, d := atoi(m[1]), atoi(m[2])
		if mo >= 1 && mo <= 12 && d >= 0 && d <= 31 {
			return Deadline{Kind: Yearly, Month: mo, Day: d, Text: text}, nil
		}
	}
	if d, err := calendar.ParseDate(s); err == nil {
		return Deadline{Kind: OnDate, Date: d, Text: text}, nil
	}
	return Deadline{}, fmt.Errorf("%w: 无法解析期限 %q（应如 2025年底前、2025年6月30日前、每月15日前）/ cannot parse deadline %q (want 2025年底前, 2025年6月30日前, 每月15日前)", ErrInvalidDeadline, text, text)
}

// valid reports whether the deadline's fields fit its kind.
func (d Deadline) valid() bool {
	switch d.Kind {
	case OnDate:
		return !d.Date.IsZero()
	case Monthly, Quarterly:
		return d.Day >= 0 && d.Day <= 31
	case Yearly:
		return d.Month >= 1 && d.Month <= 12 && d.Day >= 0 && d.Day <= 31
	}
	return false
}

// lastTwo returns the last occurrence of a recurring deadline before asOf
// and the one before it, looking back at most two years.
func (d Deadline) lastTwo(asOf calendar.Date) (last, before calendar.Date, ok bool) {
	if !d.valid() || d.Kind == OnDate || asOf.IsZero() {
		return calendar.Date{}, calendar.Date{}, false
	}
	y, m := asOf.Year(), int(asOf.Month())
	found := 0
	for i := 0; i < 25 && found < 2; i++ {
		if d.occursIn(m) {
			day, err := d.dayIn(y, m)
			if err == nil && day.Before(asOf) {
				if found == 0 {
					last = day
				} else {
					before = day
				}
				found++
			}
		}
		if m--; m < 1 {
			m, y = 12, y-1
		}
		if y < 1 {
			break
		}
	}
	if found == 1 { // the first period: anything before it counts
		before, _ = calendar.NewDate(1, 1, 1)
		found = 2
	}
	return last, before, found == 2
}
