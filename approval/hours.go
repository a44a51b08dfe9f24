package approval

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

// WorkingHours are the hours of a working day in which a process's time
// counts: pauses, stage times and limits in working days or hours are all
// measured in them, so that a pause from 17:00 to 09:00 the next morning
// costs nothing and a one-hour pause costs an hour.
//
// The zero WorkingHours is the default: 09:00–17:00 on each working day of
// the calendar, eight hours (国务院关于职工工作时间的规定 第三条: 职工每日工作
// 8小时; the window itself is bizenv's default, since the seeds name none:
// a process sets its own). RoundTheClock counts every hour of every day,
// days off included, for services that run day and night (供暖维修).
//
// WorkingHours is a small comparable value.
type WorkingHours struct {
	w      [maxWindows]window
	n      uint8
	always bool
}

// window is a span of a day, in seconds after midnight: from < to <= 86400.
type window struct{ from, to int32 }

const (
	maxWindows = 4
	daySeconds = 24 * 3600
)

// defaultHours is 09:00–17:00.
var defaultHours = WorkingHours{w: [maxWindows]window{{9 * 3600, 17 * 3600}}, n: 1}

// RoundTheClock returns working hours that count every hour of every day,
// weekends and holidays included.
func RoundTheClock() WorkingHours { return WorkingHours{always: true} }

// norm returns h with the default filled in.
func (h WorkingHours) norm() WorkingHours {
	if h.n == 0 && !h.always {
		return defaultHours
	}
	return h
}

// IsRoundTheClock reports whether every hour of every day counts.
func (h WorkingHours) IsRoundTheClock() bool { return h.always }

// PerDay returns the time counted on one working day (24 hours round the
// clock).
func (h WorkingHours) PerDay() time.Duration {
	return time.Duration(h.norm().daySeconds()) * time.Second
}

func (h WorkingHours) daySeconds() int64 {
	if h.always {
		return daySeconds
	}
	var s int64
	for _, w := range h.w[:h.n] {
		s += int64(w.to - w.from)
	}
	return s
}

// String returns the hours as ParseWorkingHours reads them: 09:00-17:00,
// 08:30-12:00,13:30-17:30, or 全天 for round the clock.
func (h WorkingHours) String() string {
	h = h.norm()
	if h.always {
		return "全天"
	}
	var b strings.Builder
	for i, w := range h.w[:h.n] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(hhmm(w.from))
		b.WriteByte('-')
		b.WriteString(hhmm(w.to))
	}
	return b.String()
}

func hhmm(s int32) string { return fmt.Sprintf("%02d:%02d", s/3600, s%3600/60) }

// ParseWorkingHours reads working hours: one or more windows HH:MM-HH:MM
// separated by commas (09:00-17:00, 08:30-12:00,13:30-17:30), at most four,
// in order and not overlapping; 24:00 may end the last. 全天, 24小时 or
// round-the-clock mean every hour of every day. The dash may also be –, —,
// ~ or 至, the comma ， 、 or ;. Anything else is an error wrapping
// ErrInvalidProcess.
func ParseWorkingHours(s string) (WorkingHours, error) {
	in := s
	s = strings.TrimSpace(s)
	bad := func(zh, en string) (WorkingHours, error) {
		return WorkingHours{}, fmt.Errorf("%w: 无法解析工作时间 %q：%s / cannot parse working hours %q: %s", ErrInvalidProcess, in, zh, in, en)
	}
	switch strings.ToLower(s) {
	case "全天", "24小时", "round-the-clock", "24x7", "always":
		return RoundTheClock(), nil
	case "":
		return bad("为空", "empty")
	}
	s = strings.NewReplacer("–", "-", "—", "-", "~", "-", "至", "-", "，", ",", "、", ",", ";", ",", "：", ":", " ", "").Replace(s)
	parts := strings.Split(s, ",")
	if len(parts) > maxWindows {
		return bad(fmt.Sprintf("最多%d段", maxWindows), fmt.Sprintf("at most %d windows", maxWindows))
	}
	var h WorkingHours
	last := int32(-1)
	for _, p := range parts {
		from, to, ok := strings.Cut(p, "-")
		if !ok {
			return bad("每段应为 HH:MM-HH:MM", "want HH:MM-HH:MM for each window")
		}
		f, ok1 := clockTime(from)
		t, ok2 := clockTime(to)
		if !ok1 || !ok2 || f >= t || f == daySeconds {
			return bad("时刻应为 00:00–24:00，且开始早于结束", "want times from 00:00 to 24:00, each window starting before it ends")
		}
		if f < last {
			return bad("各段应按时间先后且不重叠", "windows must be in order and must not overlap")
		}
		if f == last { // 09:00-12:00,12:00-17:00 is one window
			h.w[h.n-1].to = t
		} else {
			h.w[h.n] = window{f, t}
			h.n++
		}
		last = t
	}
	return h, nil
}

// clockTime reads HH:MM (or H:MM) as seconds after midnight; 24:00 is the
// end of the day.
func clockTime(s string) (int32, bool) {
	hs, ms, ok := strings.Cut(s, ":")
	if !ok || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return 0, false
	}
	if !digits(hs) || !digits(ms) {
		return 0, false
	}
	hh, err1 := strconv.Atoi(hs)
	mm, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 || hh > 24 || (hh == 24 && mm != 0) {
		return 0, false
	}
	return int32(hh*3600 + mm*60), true
}

// digits reports whether s is one or more ASCII digits (strconv.Atoi also
// takes a sign).
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (h WorkingHours) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with
// ParseWorkingHours; empty text is the default.
func (h *WorkingHours) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*h = WorkingHours{}
		return nil
	}
	v, err := ParseWorkingHours(string(b))
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// partial returns the seconds counted on a working day from 00:00 to sec.
func (h *WorkingHours) partial(sec int32) int64 {
	var s int64
	for _, w := range h.w[:h.n] {
		switch {
		case sec <= w.from:
			return s
		case sec < w.to:
			return s + int64(sec-w.from)
		}
		s += int64(w.to - w.from)
	}
	return s
}

// at returns the earliest second of a working day at which rem seconds
// (0 < rem <= daySeconds()) have been counted since 00:00.
func (h *WorkingHours) at(rem int64) int32 {
	for _, w := range h.w[:h.n] {
		if d := int64(w.to - w.from); rem <= d {
			return w.from + int32(rem)
		} else {
			rem -= d
		}
	}
	return h.w[h.n-1].to
}

// clock counts the time of one process on a calendar: working seconds on
// working days within the working hours (or every second, round the
// clock). Values are relative to the end of ref: 0 is 24:00 of ref.
type clock struct {
	cal    *calendar.Calendar
	loc    *time.Location
	h      WorkingHours // normalised
	perDay int64        // seconds counted on a working day
	ref    calendar.Date
	refEnd time.Time // 24:00 of ref
	// fixed is set when loc is China Standard Time, whose offset (off)
	// never changes: no zone lookup is needed per instant.
	fixed bool
	off   int64
}

func newClock(cal *calendar.Calendar, loc *time.Location, h WorkingHours, ref calendar.Date) clock {
	h = h.norm()
	k := clock{cal: cal, loc: loc, h: h, perDay: h.daySeconds(), ref: ref, refEnd: endOf(ref, loc)}
	if loc == calendar.Beijing() {
		k.fixed, k.off = true, 8*3600
	}
	return k
}

// endOf returns 24:00 of d in loc: the midnight that ends it.
func endOf(d calendar.Date, loc *time.Location) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc)
}

// unixEpoch is day 0 of the seconds time.Time.Unix counts.
var unixEpoch = calendar.DateOf(time.Unix(0, 0).UTC())

// secOfDay returns the date of t in the clock's location and the seconds
// since its midnight.
func (k *clock) secOfDay(t time.Time) (calendar.Date, int32) {
	off := k.off
	if !k.fixed {
		_, o := t.In(k.loc).Zone()
		off = int64(o)
	}
	u := t.Unix() + off // seconds since 1970-01-01 00:00 local
	days := u / daySeconds
	if u%daySeconds < 0 {
		days--
	}
	date, _ := unixEpoch.AddDays(int(days)) // zero outside years 1–9999: the calendar refuses it
	return date, int32(u - days*daySeconds)
}

// point is an instant as the clock sees it.
type point struct {
	t    time.Time
	d    calendar.Date // its date in the clock's location
	sec  int32         // seconds since that date's midnight
	work bool          // d is a working day
	n    int           // working days in (ref, d]; negative before ref
	v    int64         // the clock's value at t
	lazy bool          // work was not looked up (t is after the day's close)
}

// isWork returns whether the point's day is a working day, looking it up
// if point did not need to.
func (k *clock) isWork(p point) (bool, error) {
	if !p.lazy {
		return p.work, nil
	}
	return k.cal.IsWorkday(p.d)
}

// point returns t as the clock sees it. It needs the calendar for every
// day from ref to t.
func (k *clock) point(t time.Time) (point, error) {
	if k.h.always {
		return point{t: t, v: int64(t.Sub(k.refEnd) / time.Second)}, nil
	}
	d, sec := k.secOfDay(t)
	n, err := k.cal.WorkdaysBetween(k.ref, d)
	if err != nil {
		return point{}, err
	}
	// From the close of the day on, the value is the same whether d is a
	// working day or not.
	if sec >= k.h.w[k.h.n-1].to {
		return point{t: t, d: d, sec: sec, n: n, v: int64(n) * k.perDay, work: false, lazy: true}, nil
	}
	// d is a working day when the n-th working day after ref is d itself
	// (a cheaper lookup than IsWorkday).
	var work bool
	if n >= 1 {
		last, err := k.cal.AddWorkdays(k.ref, n)
		if err != nil {
			return point{}, err
		}
		work = last == d
	} else if work, err = k.cal.IsWorkday(d); err != nil {
		return point{}, err
	}
	p := point{t: t, d: d, sec: sec, work: work, n: n, v: int64(n) * k.perDay}
	if work {
		p.v += k.h.partial(sec) - k.perDay
	}
	return p, nil
}

// value returns the time counted from 24:00 of ref to t (negative before),
// in seconds.
func (k *clock) value(t time.Time) (int64, error) {
	p, err := k.point(t)
	return p.v, err
}

// instant returns the earliest instant at which value v is reached, and
// whether it is the close of a working day (the budget then lasts to 24:00
// of that day: 民法典 第二百零三条第二款).
func (k *clock) instant(v int64) (time.Time, bool, error) {
	if k.h.always {
		return k.refEnd.Add(time.Duration(v) * time.Second), false, nil
	}
	q, rem := v/k.perDay, v%k.perDay
	if rem < 0 {
		q, rem = q-1, rem+k.perDay
	}
	whole := rem == 0
	if !whole {
		q++ // the (q+1)-th working day, part of the way
	}
	d, err := k.workday(int(q))
	if err != nil {
		return time.Time{}, false, err
	}
	if whole {
		return d.In(k.loc).Add(time.Duration(k.h.w[k.h.n-1].to) * time.Second), true, nil
	}
	return d.In(k.loc).Add(time.Duration(k.h.at(rem)) * time.Second), false, nil
}

// workday returns the q-th working day after ref (q >= 1), or for q <= 0
// the working day whose close has value q*perDay.
func (k *clock) workday(q int) (calendar.Date, error) {
	if q >= 1 {
		return k.cal.AddWorkdays(k.ref, q)
	}
	work, err := k.cal.IsWorkday(k.ref)
	if err != nil {
		return calendar.Date{}, err
	}
	if work {
		return k.cal.AddWorkdays(k.ref, q)
	}
	return k.cal.AddWorkdays(k.ref, q-1)
}
