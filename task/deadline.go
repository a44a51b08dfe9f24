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
	OnDate     DeadlineKind = iota + 1 // a date: 2025年6月30日前
	Monthly                            // every month by Day: 每月15日前
	Quarterly                          // every quarter by Day of its last month (0: the last day): 每季度末
	Yearly                             // every year by Month and Day (Day 0: the month's last day): 每年3月底
	HalfYearly                         // every half year, by 30 June and 31 December (Day of June and December; 0: the last day): 每半年
	Ongoing                            // no date of its own, kept up for the plan's whole period: 长期坚持, 持续推进
)

var deadlineKindNames = []struct{ json, zh string }{{}, {"date", "定期"}, {"monthly", "每月"}, {"quarterly", "每季度"}, {"yearly", "每年"}, {"half_yearly", "每半年"}, {"ongoing", "长期坚持"}}

// String returns date, monthly, quarterly, yearly, half_yearly or ongoing;
// an out-of-range value gives DeadlineKind(N).
func (k DeadlineKind) String() string {
	if int(k) < len(deadlineKindNames) && k != 0 {
		return deadlineKindNames[k].json
	}
	return fmt.Sprintf("DeadlineKind(%d)", uint8(k))
}

// Chinese returns 定期, 每月, 每季度, 每年, 每半年 or 长期坚持.
func (k DeadlineKind) Chinese() string {
	if int(k) < len(deadlineKindNames) && k != 0 {
		return deadlineKindNames[k].zh
	}
	return k.String()
}

// Recurs reports whether the deadline comes back: monthly, quarterly,
// half-yearly or yearly.
func (k DeadlineKind) Recurs() bool {
	return k == Monthly || k == Quarterly || k == Yearly || k == HalfYearly
}

// MarshalText implements encoding.TextMarshaler.
func (k DeadlineKind) MarshalText() ([]byte, error) {
	if k == 0 || int(k) >= len(deadlineKindNames) {
		return nil, fmt.Errorf("%w: deadline kind %d", ErrInvalidValue, uint8(k))
	}
	return []byte(deadlineKindNames[k].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese).
func (k *DeadlineKind) UnmarshalText(b []byte) error {
	for i, n := range deadlineKindNames {
		if i > 0 && (string(b) == n.json || string(b) == n.zh) {
			*k = DeadlineKind(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的期限类型 %q / unknown deadline kind %q", ErrInvalidValue, b, b)
}

// Deadline is when a task is due: a date (the end of a year is a date,
// 12-31), a recurring date, or none of its own (ongoing: the plan's end).
type Deadline struct {
	// Kind says whether the deadline is a date, recurs, or is ongoing.
	Kind DeadlineKind `json:"kind"`
	// Date is the due date of an OnDate deadline.
	Date calendar.Date `json:"date"`
	// Month is the month (1-12) of a Yearly deadline.
	Month int `json:"month,omitempty"`
	// Day is the day of the month for Monthly, Quarterly, HalfYearly and
	// Yearly deadlines; 0 means the month's last day.
	Day int `json:"day,omitempty"`
	// Until is the last day a recurring or ongoing deadline runs, when the
	// task ends before its plan (the zero Date: the plan's end).
	Until calendar.Date `json:"until,omitzero"`
	// Text is the deadline as the document wrote it.
	Text string `json:"text,omitempty"`
}

// Due returns the deadline's due date on or after asOf, as written (not
// moved off a day off: see Task.Standing): the date itself for OnDate
// (whenever asOf is), the next occurrence for recurring ones, Until for an
// ongoing one that has it. It does not know the plan: an ongoing deadline
// without Until, and a recurring one past its Until, are errors.
func (d Deadline) Due(asOf calendar.Date) (calendar.Date, error) {
	switch d.Kind {
	case OnDate:
		if d.Date.IsZero() {
			return calendar.Date{}, fmt.Errorf("%w: 期限缺少日期 / the deadline has no date", ErrInvalidDeadline)
		}
		return d.Date, nil
	case Ongoing:
		if d.Until.IsZero() {
			return calendar.Date{}, fmt.Errorf("%w: 长期任务的期限是方案的结束日 / an ongoing task is due at its plan's end", ErrInvalidDeadline)
		}
		return d.Until, nil
	case Monthly, Quarterly, Yearly, HalfYearly:
		if asOf.IsZero() {
			return calendar.Date{}, fmt.Errorf("%w: 周期性期限需要参照日期 / a recurring deadline needs a date to count from", ErrInvalidDeadline)
		}
		if !d.valid() {
			break
		}
		if o, ok := d.nextOn(asOf); ok && (d.Until.IsZero() || !o.Date.After(d.Until)) {
			return o.Date, nil
		}
		return calendar.Date{}, fmt.Errorf("%w: %s 之后没有期限 / no due date after %s", ErrInvalidDeadline, asOf, asOf)
	}
	return calendar.Date{}, fmt.Errorf("%w: 无效的期限 %+v / invalid deadline %+v", ErrInvalidDeadline, d, d)
}

// occursIn reports whether a recurring deadline falls in month m.
func (d Deadline) occursIn(m int) bool {
	switch d.Kind {
	case Monthly:
		return true
	case Quarterly:
		return m%3 == 0
	case HalfYearly:
		return m == 6 || m == 12
	case Yearly:
		return m == d.Month
	}
	return false
}

// dayIn returns the occurrence's date in year y, month m: Day, or the
// month's last day when Day is 0 or past it.
func (d Deadline) dayIn(y, m int) (calendar.Date, error) {
	if d.Day < 0 || d.Day > 31 {
		return calendar.Date{}, fmt.Errorf("%w: 日 %d 无效 / day %d is invalid", ErrInvalidDeadline, d.Day, d.Day)
	}
	last := monthEnd(y, m)
	if last.IsZero() {
		return calendar.Date{}, fmt.Errorf("%w: %d年%d月 / %d-%02d", ErrInvalidDeadline, y, m, y, m)
	}
	if d.Day == 0 || d.Day >= last.Day() {
		return last, nil
	}
	return calendar.NewDate(y, time.Month(m), d.Day)
}

// monthEnd returns the last day of month m of year y (zero when out of
// range).
func monthEnd(y, m int) calendar.Date {
	next, err := calendar.NewDate(y, time.Month(m), 28)
	if err != nil {
		return calendar.Date{}
	}
	for {
		n, err := next.AddDays(1)
		if err != nil || n.Month() != next.Month() {
			return next
		}
		next = n
	}
}

// occurrence is one due date of a recurring deadline with the reporting
// period it closes: the month, quarter, half year or year it falls in.
type occurrence struct {
	Date         calendar.Date // as written, not moved off a day off
	From, To     calendar.Date // the reporting period
	monthIndex   int           // year*12 + month-1 of Date
	periodMonths int
}

// occurrenceIn returns the occurrence in month index mi (year*12+month-1),
// if the deadline falls in that month.
func (d Deadline) occurrenceIn(mi int) (occurrence, bool) {
	y, m := mi/12, mi%12+1
	if y < 1 || y > 9999 || !d.occursIn(m) {
		return occurrence{}, false
	}
	day, err := d.dayIn(y, m)
	if err != nil {
		return occurrence{}, false
	}
	months := 1
	switch d.Kind {
	case Quarterly:
		months = 3
	case HalfYearly:
		months = 6
	case Yearly:
		months = m // the year up to the occurrence's month
	}
	first := mi - months + 1
	from, err := calendar.NewDate(first/12, time.Month(first%12+1), 1)
	if err != nil {
		return occurrence{}, false
	}
	return occurrence{Date: day, From: from, To: monthEnd(y, m), monthIndex: mi, periodMonths: months}, true
}

func monthIndex(d calendar.Date) int { return d.Year()*12 + int(d.Month()) - 1 }

// nextOn returns the first occurrence on or after asOf (looking ahead at
// most two years).
func (d Deadline) nextOn(asOf calendar.Date) (occurrence, bool) {
	mi := monthIndex(asOf)
	for i := 0; i < 25; i++ {
		if o, ok := d.occurrenceIn(mi + i); ok && !o.Date.Before(asOf) {
			return o, true
		}
	}
	return occurrence{}, false
}

// lastBefore returns the last occurrence before asOf (looking back at most
// two years).
func (d Deadline) lastBefore(asOf calendar.Date) (occurrence, bool) {
	mi := monthIndex(asOf)
	for i := 0; i < 25; i++ {
		if o, ok := d.occurrenceIn(mi - i); ok && o.Date.Before(asOf) {
			return o, true
		}
	}
	return occurrence{}, false
}

// prev returns the occurrence before o.
func (d Deadline) prev(o occurrence) (occurrence, bool) {
	for i := 1; i < 25; i++ {
		if p, ok := d.occurrenceIn(o.monthIndex - i); ok {
			return p, true
		}
	}
	return occurrence{}, false
}

// next returns the occurrence after o.
func (d Deadline) next(o occurrence) (occurrence, bool) {
	for i := 1; i < 25; i++ {
		if n, ok := d.occurrenceIn(o.monthIndex + i); ok {
			return n, true
		}
	}
	return occurrence{}, false
}

var (
	reYearEnd    = regexp.MustCompile(`^(?:到|在|于)?(\d{4})年(?:年)?(?:底|末|内)(?:前|之前|以前)?$`)
	reMonthEnd   = regexp.MustCompile(`^(?:到|在|于)?(\d{4})年(\d{1,2})月(?:底|末|份)?(?:前|之前|以前)?$`)
	reDate       = regexp.MustCompile(`^(?:到|在|于)?(\d{4})年(\d{1,2})月(\d{1,2})[日号](?:前|之前|以前)?$`)
	reHalf       = regexp.MustCompile(`^(?:到|在|于)?(\d{4})年(上半年|年中|中|下半年)(?:末|底)?(?:前|之前|以前)?$`)
	reQuarter    = regexp.MustCompile(`^(?:到|在|于)?(\d{4})年(?:第)?([一二三四1-4])季度(?:末|底)?(?:前|之前|以前)?$`)
	reMonthly    = regexp.MustCompile(`^每(?:个)?月(\d{1,2})[日号](?:前|之前|以前)?$`)
	reMonthlyEnd = regexp.MustCompile(`^每(?:个)?月(?:底|末)(?:前|之前|以前)?$`)
	reQuarterly  = regexp.MustCompile(`^每(?:个)?季度(?:末|底)?(?:前|之前|以前)?$`)
	reHalfYearly = regexp.MustCompile(`^每(?:个)?半年(?:度)?(?:末|底)?(?:前|之前|以前)?$`)
	reYearly     = regexp.MustCompile(`^每年(\d{1,2})月(?:(\d{1,2})[日号]|底|末)(?:前|之前|以前)?$`)
	reOngoing    = regexp.MustCompile(`^(?:长期坚持|持续推进|长期推进|长期|持续|常态化推进|常态化)$`)
	// reYearless finds the forms a one-year plan writes without its year.
	reYearless = regexp.MustCompile(`^(?:到|在|于)?(年底|年末|年内|年中|上半年|下半年|第?[一二三四1-4]季度|\d{1,2}月)`)
)

var quarterNumber = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// ParseDeadline reads a deadline as plans write it: 2025年底前, 2025年末
// and 2025年内 (12-31), 到2022年7月底 (07-31), 2025年6月30日前,
// 2025年上半年 and 2025年年中 (06-30), 2025年下半年 (12-31), 2025年三季度末
// and 2025年第三季度 (09-30); the recurring 每月15日前, 每月底, 每季度 and
// 每季度末 (the quarter's last day), 每半年 (30 June and 31 December),
// 每年3月底, 每年1月15日前; and 长期坚持 or 持续推进 (ongoing: due at the
// plan's end). ISO dates (2025-06-30) are read too. Full-width digits and
// spaces are folded, and a trailing 完成 or 。 is ignored.
//
// The year-less forms of one-year plans (年底前, 6月底前, 上半年, 三季度末)
// need the plan's year: ParseDeadline refuses them and ParseDeadlineIn
// reads them. Other text returns an error wrapping ErrInvalidDeadline, with
// the text.
func ParseDeadline(text string) (Deadline, error) {
	return parseDeadline(text, 0)
}

// ParseDeadlineIn reads a deadline as ParseDeadline does, and also the
// year-less forms a plan for year writes: 年底前, 年末 and 年内 (12-31),
// 6月底前 (06-30), 9月30日前, 上半年 and 年中 (06-30), 下半年 (12-31),
// 三季度末 and 第三季度 (09-30). 铁西区2025年优化营商环境55条 writes 年底前
// for 2025-12-31. A deadline that names its own year keeps it.
func ParseDeadlineIn(text string, year int) (Deadline, error) {
	if year < 1 || year > 9999 {
		return Deadline{}, fmt.Errorf("%w: %q: 年份 %d 无效 / year %d is invalid", ErrInvalidDeadline, text, year, year)
	}
	return parseDeadline(text, year)
}

func parseDeadline(text string, year int) (Deadline, error) {
	s := strings.Join(strings.Fields(width.Fold.String(text)), "")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "。"), "完成")
	if year > 0 && reYearless.MatchString(s) {
		y := strconv.Itoa(year)
		rest := strings.TrimLeft(s, "到在于")
		if strings.HasPrefix(rest, "年") {
			s = y + rest
		} else {
			s = y + "年" + rest
		}
	}
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	mkDate := func(y, m, d int) (Deadline, error) {
		dt, err := calendar.NewDate(y, time.Month(m), d)
		if err != nil {
			return Deadline{}, fmt.Errorf("%w: %q: %w", ErrInvalidDeadline, text, err)
		}
		return Deadline{Kind: OnDate, Date: dt, Text: text}, nil
	}
	endOf := func(y, m int) (Deadline, error) {
		if m < 1 || m > 12 {
			return Deadline{}, fmt.Errorf("%w: %q: 月份须在1–12之间 / month must be 1 to 12", ErrInvalidDeadline, text)
		}
		d := monthEnd(y, m)
		if d.IsZero() {
			return Deadline{}, fmt.Errorf("%w: %q: 年份无效 / invalid year", ErrInvalidDeadline, text)
		}
		return Deadline{Kind: OnDate, Date: d, Text: text}, nil
	}
	if m := reYearEnd.FindStringSubmatch(s); m != nil {
		return mkDate(atoi(m[1]), 12, 31)
	}
	if m := reMonthEnd.FindStringSubmatch(s); m != nil {
		return endOf(atoi(m[1]), atoi(m[2]))
	}
	if m := reDate.FindStringSubmatch(s); m != nil {
		return mkDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reHalf.FindStringSubmatch(s); m != nil {
		if m[2] == "下半年" {
			return mkDate(atoi(m[1]), 12, 31)
		}
		return mkDate(atoi(m[1]), 6, 30)
	}
	if m := reQuarter.FindStringSubmatch(s); m != nil {
		return endOf(atoi(m[1]), quarterNumber[m[2]]*3)
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
	if reHalfYearly.MatchString(s) {
		return Deadline{Kind: HalfYearly, Text: text}, nil
	}
	if m := reYearly.FindStringSubmatch(s); m != nil {
		mo, d := atoi(m[1]), atoi(m[2])
		if mo >= 1 && mo <= 12 && d >= 0 && d <= 31 {
			return Deadline{Kind: Yearly, Month: mo, Day: d, Text: text}, nil
		}
	}
	if reOngoing.MatchString(s) {
		return Deadline{Kind: Ongoing, Text: text}, nil
	}
	if d, err := calendar.ParseDate(s); err == nil {
		return Deadline{Kind: OnDate, Date: d, Text: text}, nil
	}
	if year == 0 && reYearless.MatchString(s) {
		return Deadline{}, fmt.Errorf("%w: %q 没有写年份：一年期方案的期限用 ParseDeadlineIn 按方案年份读取 / %q has no year: read a one-year plan's deadlines with ParseDeadlineIn and the plan's year", ErrInvalidDeadline, text, text)
	}
	return Deadline{}, fmt.Errorf("%w: 无法解析期限 %q（应如 2025年底前、2025年6月30日前、每月15日前、长期坚持）/ cannot parse deadline %q (want 2025年底前, 2025年6月30日前, 每月15日前, 长期坚持)", ErrInvalidDeadline, text, text)
}

// valid reports whether the deadline's fields fit its kind.
func (d Deadline) valid() bool {
	switch d.Kind {
	case OnDate:
		return !d.Date.IsZero()
	case Monthly, Quarterly, HalfYearly:
		return d.Day >= 0 && d.Day <= 31
	case Yearly:
		return d.Month >= 1 && d.Month <= 12 && d.Day >= 0 && d.Day <= 31
	case Ongoing:
		return true
	}
	return false
}

// clone returns a copy of d that shares nothing with it.
func (d *Deadline) clone() *Deadline {
	if d == nil {
		return nil
	}
	c := *d
	return &c
}
