package approval

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/shopspring/decimal"
)

// Options are the clock a timer runs on.
type Options struct {
	// Calendar decides working days; nil means calendar.China(). With
	// calendar.China().WithProvisional(), years without a notice are
	// answered provisionally and every timer that touches one says so.
	Calendar *calendar.Calendar
	// Location turns instants into dates and clock times; nil means
	// calendar.Beijing().
	Location *time.Location
	// WarnAt is the share of the limit, in percent, at which a running
	// timer turns to Warning; 0 means 80.
	WarnAt int
}

func (o Options) withDefaults() Options {
	if o.Calendar == nil {
		o.Calendar = calendar.China()
	}
	if o.Location == nil {
		o.Location = calendar.Beijing()
	}
	if o.WarnAt <= 0 {
		o.WarnAt = 80
	}
	return o
}

// Timer is one limit's clock: the whole case's promised or statutory
// limit, or one stage's.
//
// Time is counted as the limit's unit counts it. A working-day limit
// counts the process's working hours (Process.Hours) on working days, from
// the end of the day the clock started (民法典 第二百零一条: the start day is
// not counted); a one-hour pause costs an hour, and a pause overnight costs
// nothing. An hour limit counts working hours from the instant it started
// (round the clock when the process says so). A natural-day limit counts
// every day, holidays included, from the end of the start day; only a last
// day that is a day off moves, to the next working day (民法典 第二百零三条),
// and its pauses are counted on the clock.
type Timer struct {
	// Basis says whether the limit is promised or statutory.
	Basis Basis `json:"basis"`
	// Stage is the stage timed; empty for the whole case.
	Stage string `json:"stage,omitempty"`
	// Limit is the limit with its approved extension added.
	Limit calendar.Period `json:"limit"`
	// Hours are the working hours counted (a natural-day limit counts the
	// clock instead).
	Hours WorkingHours `json:"hours"`
	// Start is when the clock started (acceptance, deemed acceptance, or
	// the stage's start).
	Start time.Time `json:"start"`
	// End is when it stopped for good; zero while running.
	End time.Time `json:"end"`
	// Elapsed is the time counted so far in whole units of the limit,
	// pauses excluded.
	Elapsed int `json:"elapsed"`
	// Remaining is the time left in whole units, rounded down: negative
	// once overdue.
	Remaining int `json:"remaining"`
	// ElapsedSeconds is Elapsed in seconds of counted time (working
	// time for working-day and hour limits).
	ElapsedSeconds int64 `json:"elapsed_seconds"`
	// RemainingSeconds is Remaining in seconds of counted time: negative
	// once overdue.
	RemainingSeconds int64 `json:"remaining_seconds"`
	// Due is the limit's last day; zero when DueUnknown.
	Due calendar.Date `json:"due"`
	// DueAt is the instant the limit runs out: where the counted time ends
	// inside a working day, that instant; where it ends with a whole day,
	// 24:00 of Due (民法典 第二百零三条第二款). Zero when DueUnknown.
	DueAt time.Time `json:"due_at"`
	// DueUnknown is the year whose holiday arrangement the due date
	// needs when the calendar does not know it yet: the due date is
	// unknown until that year's notice (or a provisional calendar). The
	// elapsed and remaining time are still given. 0 otherwise.
	DueUnknown int `json:"due_unknown_year,omitempty"`
	// Provisional reports that a day from Start to the due date (or to the
	// time asked) is in a provisional year: the answer may change when that
	// year's notice comes.
	Provisional bool `json:"provisional"`
	// Status is how the limit stands.
	Status TimerStatus `json:"status"`
	// Explanation says what moved the due date.
	Explanation Explanation `json:"explanation"`
}

// DueText is the due time in words: 2025-11-04 13:00, or 2025-10-30 24:00
// when the limit lasts the whole day, or 待2028年通知 when the due date
// needs a year the calendar does not know.
func (t *Timer) DueText() string {
	switch {
	case t.DueUnknown != 0:
		return fmt.Sprintf("待%d年通知", t.DueUnknown)
	case t.Due.IsZero():
		return ""
	case t.DueAt.Equal(t.Due.In(t.DueAt.Location()).AddDate(0, 0, 1)):
		return t.Due.String() + " 24:00"
	}
	return t.Due.String() + " " + t.DueAt.Format("15:04")
}

// ElapsedText is Elapsed in words: 4工作日5小时, 16小时, 3日2小时.
func (t *Timer) ElapsedText() string {
	return amount(t.ElapsedSeconds, t.Limit.Unit, t.Explanation.DaySeconds)
}

// RemainingText is the time left in words, or 超期 and the time past.
func (t *Timer) RemainingText() string {
	if t.RemainingSeconds < 0 {
		return "超期" + amount(-t.RemainingSeconds, t.Limit.Unit, t.Explanation.DaySeconds)
	}
	return amount(t.RemainingSeconds, t.Limit.Unit, t.Explanation.DaySeconds)
}

// amount writes seconds of counted time in a limit's unit: 2工作日4小时,
// 5小时30分, 3日.
func amount(sec int64, u calendar.Unit, day int64) string {
	var b strings.Builder
	if day <= 0 {
		day = daySeconds
	}
	switch u {
	case calendar.Workdays, calendar.Days:
		if n := sec / day; n > 0 || sec == 0 {
			fmt.Fprintf(&b, "%d%s", n, u)
		}
		sec %= day
	}
	if h := sec / 3600; h > 0 || (b.Len() == 0 && sec < 60) {
		fmt.Fprintf(&b, "%d小时", h)
	}
	if m := sec % 3600 / 60; m > 0 {
		fmt.Fprintf(&b, "%d分", m)
	}
	return b.String()
}

// ClockTime is a time of day in seconds after midnight, written 11:00, or
// 11:00:30 when it is not on a whole minute (24:00 for the end of a day).
type ClockTime int32

// String returns HH:MM, or HH:MM:SS when the seconds are not zero.
func (c ClockTime) String() string {
	if c%60 != 0 {
		return fmt.Sprintf("%s:%02d", hhmm(int32(c)), int32(c)%60)
	}
	return hhmm(int32(c))
}

// MarshalText implements encoding.TextMarshaler: HH:MM, or HH:MM:SS when
// the seconds are not zero, so that every time of day reads back.
func (c ClockTime) MarshalText() ([]byte, error) {
	if c < 0 || c > daySeconds {
		return nil, fmt.Errorf("%w: 时刻 %d 超出一天 / time of day %d is outside a day", ErrInvalidCase, int32(c), int32(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: HH:MM or HH:MM:SS,
// 00:00 to 24:00.
func (c *ClockTime) UnmarshalText(b []byte) error {
	s := string(b)
	var sec int32
	if len(s) > 3 && strings.Count(s, ":") == 2 {
		ss := s[len(s)-2:]
		n, err := strconv.Atoi(ss)
		if s[len(s)-3] != ':' || err != nil || !digits(ss) || n > 59 {
			return fmt.Errorf("%w: 无法解析时刻 %q（应为 HH:MM 或 HH:MM:SS）/ cannot parse time of day %q (want HH:MM or HH:MM:SS)", ErrInvalidCase, b, b)
		}
		s, sec = s[:len(s)-3], int32(n)
	}
	v, ok := clockTime(s)
	if !ok || (v == daySeconds && sec != 0) {
		return fmt.Errorf("%w: 无法解析时刻 %q（应为 HH:MM 或 HH:MM:SS）/ cannot parse time of day %q (want HH:MM or HH:MM:SS)", ErrInvalidCase, b, b)
	}
	*c = ClockTime(v + sec)
	return nil
}

// DayPart is part of one day: From to To on Date. The zero DayPart is
// none, and marshals as null.
type DayPart struct {
	// Date is the day.
	Date calendar.Date `json:"date"`
	// From is when the part begins on Date.
	From ClockTime `json:"from"`
	// To is when it ends on Date (24:00 for the end of the day).
	To ClockTime `json:"to"`
}

// IsZero reports whether p is the zero DayPart.
func (p DayPart) IsZero() bool { return p.Date.IsZero() }

type dayPartJSON DayPart

// MarshalJSON implements json.Marshaler: null for the zero DayPart.
func (p DayPart) MarshalJSON() ([]byte, error) {
	if p.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(dayPartJSON(p))
}

// UnmarshalJSON implements json.Unmarshaler: null is the zero DayPart.
func (p *DayPart) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = DayPart{}
		return nil
	}
	return json.Unmarshal(b, (*dayPartJSON)(p))
}

// DayRun is a run of whole working days, From to To, Days of them (days
// off between them are not in the run). The zero DayRun is none, and
// marshals as null.
type DayRun struct {
	// From is the first working day of the run.
	From calendar.Date `json:"from"`
	// To is the last working day of the run.
	To calendar.Date `json:"to"`
	// Days is how many working days the run holds.
	Days int `json:"days"`
}

type dayRunJSON DayRun

// MarshalJSON implements json.Marshaler: null for the zero DayRun.
func (r DayRun) MarshalJSON() ([]byte, error) {
	if r.Days == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(dayRunJSON(r))
}

// UnmarshalJSON implements json.Unmarshaler: null is the zero DayRun.
func (r *DayRun) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*r = DayRun{}
		return nil
	}
	return json.Unmarshal(b, (*dayRunJSON)(r))
}

// PauseEffect is what one pause did to a limit.
type PauseEffect struct {
	// Reason is why the clock stopped.
	Reason PauseReason `json:"reason"`
	// From is when it stopped.
	From time.Time `json:"from"`
	// To is when it resumed; zero while still paused.
	To time.Time `json:"to"`
	// Excluded is the time not counted, in whole units of the limit.
	Excluded int `json:"excluded"`
	// Seconds is the time not counted, in seconds of counted time.
	Seconds int64 `json:"seconds"`
	// First, Whole and Last name the working time a pause took out of a
	// working-day or hour limit: the hours of its first working day, the
	// whole working days, the hours of its last day (each zero when there
	// is none). Days between them that are not working days, and hours
	// outside the working hours, cost nothing. A natural-day limit's pause
	// is counted on the clock, from From to To.
	First DayPart `json:"first"`
	// Whole is the run of whole working days the pause took (see First).
	Whole DayRun `json:"whole"`
	// Last is the hours of the pause's last working day (see First).
	Last DayPart `json:"last"`
}

// Explanation lists what lies between a timer's start and its due date:
// the holidays, the weekend days worked, the pauses and extensions, the
// deemed acceptance, whether a natural-day limit ending on a day off was
// carried to the next working day, and whether anything is provisional or
// unknown.
type Explanation struct {
	// Unit is the unit of the limit.
	Unit calendar.Unit `json:"unit"`
	// DaySeconds is the counted length of one day in the limit's unit:
	// the working hours of a working day (28800 for 09:00–17:00), or 86400
	// for natural days and round-the-clock hours.
	DaySeconds int64 `json:"day_seconds"`
	// Holidays are the breaks between start and due date: not counted by
	// a working-day or hour limit; counted, as every day is, by a
	// natural-day limit.
	Holidays []calendar.HolidayBlock `json:"holidays,omitempty"`
	// Adjusted are the weekend days worked (调休) in that span, counted by
	// a working-day limit.
	Adjusted []calendar.DayInfo `json:"adjusted,omitempty"`
	// Pauses are the pauses that moved the due date.
	Pauses []PauseEffect `json:"pauses,omitempty"`
	// Extensions are the approved extensions added to the limit.
	Extensions []calendar.Period `json:"extensions,omitempty"`
	// Deemed is the day the application was deemed accepted, because it
	// was neither accepted nor told what to supply within the notice period
	// (行政许可法 第三十二条); zero otherwise.
	Deemed calendar.Date `json:"deemed"`
	// RolledFrom is the day a natural-day limit would have ended on, when
	// that was a day off (民法典 第二百零三条); zero otherwise.
	RolledFrom calendar.Date `json:"rolled_from"`
	// DueUnknown is the year the due date needs and the calendar does not
	// know; 0 otherwise.
	DueUnknown int `json:"due_unknown_year,omitempty"`
	// Provisional are the provisional years the timer touched.
	Provisional []int `json:"provisional,omitempty"`
}

// String says it in Chinese: "中秋节、国庆节 2025-10-01至2025-10-08 不计；
// 调休上班 2025-10-11（中秋节、国庆节）计入；补正暂停 2工作日4小时（…）".
func (e Explanation) String() string {
	var parts []string
	natural := e.Unit == calendar.Days
	if !e.Deemed.IsZero() {
		parts = append(parts, fmt.Sprintf("未在期限内一次告知补正，自收到申请材料之日 %s 起即为受理（行政许可法 第三十二条）", e.Deemed))
	}
	for _, h := range e.Holidays {
		if natural {
			parts = append(parts, fmt.Sprintf("%s %s至%s 照计（自然日）", h.Name, h.From, h.To))
		} else {
			parts = append(parts, fmt.Sprintf("%s %s至%s 不计", h.Name, h.From, h.To))
		}
	}
	if !natural {
		for _, a := range e.Adjusted {
			parts = append(parts, fmt.Sprintf("调休上班 %s（%s）计入", a.Date, a.Name))
		}
	}
	for _, p := range e.Pauses {
		s := fmt.Sprintf("%s暂停 %s", p.Reason.Chinese(), amount(p.Seconds, e.Unit, e.DaySeconds))
		if w := p.where(); w != "" {
			s += "（" + w + "）"
		}
		parts = append(parts, s)
	}
	for _, x := range e.Extensions {
		parts = append(parts, "延长 "+x.String())
	}
	if !e.RolledFrom.IsZero() {
		parts = append(parts, fmt.Sprintf("期满日 %s 为休息日，顺延至下一工作日（民法典 第二百零三条）", e.RolledFrom))
	}
	if e.DueUnknown != 0 {
		parts = append(parts, fmt.Sprintf("到期日在%d年，尚无该年节假日安排，待国务院通知发布后确定", e.DueUnknown))
	}
	if len(e.Provisional) > 0 {
		ys := make([]string, len(e.Provisional))
		for i, y := range e.Provisional {
			ys[i] = fmt.Sprint(y)
		}
		parts = append(parts, fmt.Sprintf("暂定：%s年尚无国务院节假日通知，按法定节假日推算", strings.Join(ys, "、")))
	}
	if len(parts) == 0 {
		return "无节假日、暂停或延长"
	}
	return strings.Join(parts, "；")
}

// where names the working time a pause excluded: 09-29 11:00–17:00、
// 09-30 全天、10-09 09:00–15:00.
func (p PauseEffect) where() string {
	var b strings.Builder
	sep := func() {
		if b.Len() > 0 {
			b.WriteString("、")
		}
	}
	md := func(d calendar.Date) string { return fmt.Sprintf("%02d-%02d", int(d.Month()), d.Day()) }
	if !p.First.IsZero() {
		fmt.Fprintf(&b, "%s %s–%s", md(p.First.Date), p.First.From, p.First.To)
	}
	switch {
	case p.Whole.Days == 1:
		sep()
		fmt.Fprintf(&b, "%s 全天", md(p.Whole.From))
	case p.Whole.Days > 1:
		sep()
		fmt.Fprintf(&b, "%s至%s %d个工作日", md(p.Whole.From), md(p.Whole.To), p.Whole.Days)
	}
	if !p.Last.IsZero() {
		sep()
		fmt.Fprintf(&b, "%s %s–%s", md(p.Last.Date), p.Last.From, p.Last.To)
	}
	return b.String()
}

// Acceptance is how a case came to be accepted under 行政许可法 第三十二条,
// for a process with a notice period (Process.Notice): an incomplete
// application must be told everything it lacks, once, within that period,
// or it is accepted on the day its materials were received.
type Acceptance struct {
	// Submitted is when the materials were received.
	Submitted time.Time `json:"submitted"`
	// Notice is the period to tell the applicant (5工作日).
	Notice calendar.Period `json:"notice"`
	// NoticeDue is the last day to accept or tell; zero when the case was
	// accepted the day it came in (no notice period ran), or when
	// NoticeDueUnknown.
	NoticeDue calendar.Date `json:"notice_due"`
	// NoticeDueUnknown is the year NoticeDue needs and the calendar does
	// not know; 0 otherwise.
	NoticeDueUnknown int `json:"notice_due_unknown_year,omitempty"`
	// Notified is when the applicant was told what to supply; zero if
	// never.
	Notified time.Time `json:"notified"`
	// Accepted is the logged acceptance; zero if none yet.
	Accepted time.Time `json:"accepted"`
	// Deemed reports that the application counts as accepted on the day
	// it was received, because it was neither accepted nor told by
	// NoticeDue.
	Deemed bool `json:"deemed"`
	// Start is when the case's clock starts: Accepted, or Submitted when
	// Deemed; zero while it waits.
	Start time.Time `json:"start"`
}

// String describes the acceptance in Chinese and English.
func (a *Acceptance) String() string {
	switch {
	case a.Deemed:
		return fmt.Sprintf("逾期（%s）未一次告知补正，自收到申请材料之日 %s 起即为受理（行政许可法 第三十二条）/ not told what to supply by %s: accepted as of %s, the day the materials were received",
			a.NoticeDue, a.Submitted.Format("2006-01-02"), a.NoticeDue, a.Submitted.Format("2006-01-02"))
	case a.NoticeDueUnknown != 0:
		return fmt.Sprintf("告知补正期限在%d年，尚无该年节假日安排 / the notice period ends in %d, which the calendar does not know yet", a.NoticeDueUnknown, a.NoticeDueUnknown)
	case !a.Notified.IsZero() && !a.Notified.After(a.NoticeDue.In(a.Submitted.Location()).AddDate(0, 0, 1)):
		return fmt.Sprintf("已于 %s 一次告知补正；补齐后受理起算 / told what to supply on %s; the clock starts when the materials are complete and the case accepted",
			a.Notified.Format("2006-01-02 15:04"), a.Notified.Format("2006-01-02 15:04"))
	case !a.Accepted.IsZero():
		return fmt.Sprintf("%s 受理 / accepted on %s", a.Accepted.Format("2006-01-02 15:04"), a.Accepted.Format("2006-01-02 15:04"))
	}
	return fmt.Sprintf("待受理：应于 %s 前受理或一次告知补正，逾期即视为自收到材料之日受理 / awaiting acceptance: accept or tell what to supply by %s, or it counts as accepted on the day received",
		a.NoticeDue, a.NoticeDue)
}

// Compression is how much shorter than the statutory limit a case is, or
// is promised to be.
type Compression struct {
	// Promised is 1 − promised limit / statutory limit (3工作日 of 30 is
	// 0.9), when both are in the same unit.
	Promised decimal.NullDecimal `json:"promised"`
	// Achieved is 1 − time used / statutory limit, the time used counted
	// as the statutory timer counts it, so far or at the end.
	Achieved decimal.Decimal `json:"achieved"`
}

// Report is a case's timers as of an instant.
type Report struct {
	// Case is the case ID.
	Case string `json:"case"`
	// Process is the process ID.
	Process string `json:"process"`
	// At is the instant the timers are as of.
	At time.Time `json:"at"`
	// State is the case as its log stood at At (events after At are not
	// replayed).
	State *State `json:"state"`
	// Acceptance is how the case was accepted, for a process with a
	// notice period (行政许可法 第三十二条); nil otherwise.
	Acceptance *Acceptance `json:"acceptance,omitempty"`
	// Overall times the whole case against the promised limit (承诺时限);
	// nil when the process promises none or the clock has not started.
	Overall *Timer `json:"overall,omitempty"`
	// Statutory times the whole case against the statutory limit
	// (法定时限), beside Overall; nil when the law sets none or the clock
	// has not started.
	Statutory *Timer `json:"statutory,omitempty"`
	// Compression compares the case with the statutory limit; nil without
	// one.
	Compression *Compression `json:"compression,omitempty"`
	// Stages times each started stage that has its own limit.
	Stages []Timer `json:"stages,omitempty"`
}

// Status returns c's timers as of at, with explanations: only the events
// up to at are replayed, so the answer is what was known at that instant.
// Each whole-case limit (promised and statutory) and each started stage
// with a limit gets a timer; Compression compares the case with the
// statutory limit.
//
// A nil case or process, a process that fails Validate, a case for another
// process or a zero at is an error; so is an instant before the case was
// submitted (ErrNotSubmitted). A due date in a year the calendar does not
// know is not an error: the timer gives the time elapsed and remaining and
// names the year in DueUnknown. Only when at itself (or a timer's start)
// lies in such a year is the answer an error wrapping
// calendar.ErrUnknownYear.
func Status(c *Case, p *Process, at time.Time, opts Options) (*Report, error) {
	return status(c, p, at, opts, true)
}

func status(c *Case, p *Process, at time.Time, opts Options, explain bool) (*Report, error) {
	if c == nil {
		return nil, fmt.Errorf("%w: 未给出办件 / no case given", ErrInvalidCase)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if at.IsZero() {
		return nil, fmt.Errorf("%w: 未给出计时截至的时刻 / no instant given to time the case as of", ErrInvalidCase)
	}
	r := &Report{Case: c.ID, Process: p.ID, At: at, State: &State{}}
	ev := evaluator{o: opts.withDefaults(), explain: explain, st: r.State}
	err := ev.eval(c, p, at, func(t *Timer) {
		switch {
		case t.Stage != "":
			r.Stages = append(r.Stages, *t)
		case t.Basis == Statutory:
			r.Statutory = t
		default:
			r.Overall = t
		}
	})
	if err != nil {
		return nil, err
	}
	if ev.hasAcc {
		a := ev.acc
		r.Acceptance = &a
	}
	if r.Statutory != nil && p.Statutory.N > 0 {
		r.Compression = compression(p, r.Statutory.ElapsedSeconds, r.Statutory.Explanation.DaySeconds)
	}
	return r, nil
}

// compression compares used seconds of statutory time with p's statutory
// limit.
func compression(p *Process, used, day int64) *Compression {
	limit := int64(p.Statutory.N) * unitSeconds(p.Statutory.Unit, day)
	c := &Compression{Achieved: oneMinus(used, limit)}
	if p.Promised != nil && p.Promised.Unit == p.Statutory.Unit {
		c.Promised = decimal.NewNullDecimal(oneMinus(int64(p.Promised.N), int64(p.Statutory.N)))
	}
	return c
}

// oneMinus returns 1 − num/den to four decimal places, num/den rounded
// half up (num >= 0, den > 0), without the allocations of a decimal
// division.
func oneMinus(num, den int64) decimal.Decimal {
	x := (2*10000*num + den) / (2 * den)
	return decimal.New(10000-x, -4)
}

func unitSeconds(u calendar.Unit, day int64) int64 {
	switch u {
	case calendar.Hours:
		return 3600
	case calendar.Days:
		return daySeconds
	}
	return day
}

// evaluator times cases; scans reuse one for many cases.
type evaluator struct {
	o       Options // with defaults
	explain bool
	st      *State     // the state replayed into; reused by scans
	scratch *Timer     // the timer scans reuse; nil: each timer gets its own (Status)
	acc     Acceptance // valid when hasAcc
	hasAcc  bool
	// undated is the first error of a due date the calendar could not
	// place, for scans to report.
	undated error
}

// eval replays the events of c up to at into ev.st and calls fn with each
// timer: the promised and the statutory whole-case timers, then each timed
// stage's.
func (ev *evaluator) eval(c *Case, p *Process, at time.Time, fn func(*Timer)) error {
	ev.hasAcc, ev.undated = false, nil
	// The events up to at: a valid log is in time order, so a binary
	// search finds them (an invalid one is rejected by the replay of its
	// prefix, or answers as of the events it has before at).
	n := len(c.Events)
	if n > 0 && c.Events[n-1].At.After(at) {
		lo, hi := 0, n-1 // the first event after at is in [lo, hi]
		for lo < hi {
			if m := int(uint(lo+hi) >> 1); c.Events[m].At.After(at) {
				hi = m
			} else {
				lo = m + 1
			}
		}
		n = lo
	}
	if n == 0 && len(c.Events) > 0 {
		return fmt.Errorf("%w: 办件 %s 于 %s 提交，早于此时刻 %s 尚不存在 / case %s was submitted at %s: it did not exist at %s",
			ErrNotSubmitted, c.ID, c.Events[0].At.Format(time.RFC3339), at.Format(time.RFC3339), c.ID, c.Events[0].At.Format(time.RFC3339), at.Format(time.RFC3339))
	}
	if err := replayInto(c, p, ev.st, n); err != nil {
		return err
	}
	st := ev.st
	start := st.Accepted
	if p.Notice != nil {
		start = ev.acceptance(p, at)
	}
	pauses := st.Pauses
	wrap := func(stage string, err error) error {
		if stage == "" {
			return fmt.Errorf("approval: 办件 %s / case %s: %w", c.ID, c.ID, err)
		}
		return fmt.Errorf("approval: 办件 %s 环节 %s / case %s stage %s: %w", c.ID, stage, c.ID, stage, err)
	}
	if !start.IsZero() {
		ext := ev.extensions("")
		for _, l := range [2]struct {
			b Basis
			p *calendar.Period
		}{{Promised, p.Promised}, {Statutory, p.Statutory}} {
			if l.p == nil {
				continue
			}
			t := ev.slot()
			if err := ev.timer(t, l.b, "", *l.p, ext, start, st.Ended, at, p.Hours, pauses); err != nil {
				return wrap("", err)
			}
			if ev.hasAcc && ev.acc.Deemed {
				t.Explanation.Deemed = calendar.DateOf(start.In(ev.o.Location))
			}
			fn(t)
		}
	}
	for _, ss := range st.Stages {
		stage, _ := p.Stage(ss.Name)
		if stage.Limit == nil {
			continue
		}
		t := ev.slot()
		if err := ev.timer(t, Promised, ss.Name, *stage.Limit, ev.extensions(ss.Name), ss.Started, ss.Finished, at, p.Hours, pauses); err != nil {
			return wrap(ss.Name, err)
		}
		fn(t)
	}
	return nil
}

// slot returns where a timer is written: the scratch one that scans
// reuse, or a fresh Timer that a report keeps.
func (ev *evaluator) slot() *Timer {
	if ev.scratch != nil {
		return ev.scratch
	}
	return new(Timer)
}

// acceptance applies 行政许可法 第三十二条 and returns when the case's
// clock starts (zero while it waits).
func (ev *evaluator) acceptance(p *Process, at time.Time) time.Time {
	st := ev.st
	ev.acc = Acceptance{Submitted: st.Submitted, Notice: *p.Notice, Notified: st.Notified, Accepted: st.Accepted, Start: st.Accepted}
	ev.hasAcc = true
	a := &ev.acc
	loc := ev.o.Location
	submitted := calendar.DateOf(st.Submitted.In(loc))
	if !st.Accepted.IsZero() && calendar.DateOf(st.Accepted.In(loc)) == submitted {
		return a.Start // accepted the day it came in: no notice period ran
	}
	due, err := ev.o.Calendar.Deadline(submitted, *p.Notice)
	if err != nil {
		var uy *calendar.UnknownYearError
		if errors.As(err, &uy) {
			a.NoticeDueUnknown = uy.Year
		}
		return a.Start
	}
	a.NoticeDue = due
	dueAt := endOf(due, loc)
	timelyNotice := !st.Notified.IsZero() && !st.Notified.After(dueAt)
	timelyAccept := !st.Accepted.IsZero() && !st.Accepted.After(dueAt)
	if !timelyNotice && !timelyAccept && at.After(dueAt) {
		a.Deemed, a.Start = true, st.Submitted
	}
	return a.Start
}

func (ev *evaluator) extensions(stage string) []calendar.Period {
	var ext []calendar.Period
	for _, x := range ev.st.Extensions {
		if x.Stage == stage {
			ext = append(ext, x.Period)
		}
	}
	return ext
}

// timer runs one clock from start to end (zero: still running) as of at.
func (ev *evaluator) timer(t *Timer, basis Basis, stage string, limit calendar.Period, ext []calendar.Period, start, end, at time.Time,
	hours WorkingHours, pauses []Pause) error {
	o := ev.o
	*t = Timer{Basis: basis, Stage: stage, Limit: limit, Start: start, End: end}
	for _, x := range ext {
		if x.Unit != limit.Unit {
			return fmt.Errorf("%w: 延长 %s 与时限 %s 单位不同 / extension %s is not in the limit's unit (%s)", ErrInvalidEvent, x, limit, x.English(), limit.English())
		}
		t.Limit.N += x.N
	}
	stop := at
	if !end.IsZero() && end.Before(at) {
		stop = end
	}
	if stop.Before(start) {
		stop = start
	}
	startDate := calendar.DateOf(start.In(o.Location))
	natural := limit.Unit == calendar.Days
	if natural {
		hours = RoundTheClock()
	}
	t.Hours = hours
	k := newClock(o.Calendar, o.Location, hours, startDate)
	unit := unitSeconds(limit.Unit, k.perDay)
	t.Explanation.Unit, t.Explanation.DaySeconds = limit.Unit, k.perDay
	if ev.explain && len(ext) > 0 {
		t.Explanation.Extensions = ext
	}
	// Where counting starts: the end of the start day for days, the start
	// itself for hours (民法典 第二百零一条).
	countFrom := k.refEnd
	var s int64
	if limit.Unit == calendar.Hours {
		countFrom = start
		v, err := k.value(start)
		if err != nil {
			return err
		}
		s = v
	}
	stopV, err := k.value(stop)
	if err != nil {
		return err
	}
	stopV = max(stopV, s) // time before counting starts (the start day) is not counted
	budget := int64(t.Limit.N) * unit
	var excluded int64
	// The effects are gathered on the stack and copied out once, at their
	// number, rather than sized for every pause (many start after the limit
	// ran out).
	var buf [16]PauseEffect
	effects := buf[:0]
	for _, p := range pauses {
		a, b := p.From, p.To
		if b.IsZero() || b.After(stop) {
			b = stop
		}
		if a.Before(countFrom) {
			a = countFrom
		}
		if !b.After(a) {
			continue
		}
		pa, err := k.point(a)
		if err != nil {
			return err
		}
		if pa.v > s+budget+excluded {
			// It began after the limit ran out, and does not revive it; nor
			// do the pauses after it (the log is in time order).
			break
		}
		pb, err := k.point(b)
		if err != nil {
			return err
		}
		x := pb.v - pa.v
		if x <= 0 {
			continue
		}
		excluded += x
		if ev.explain {
			pe := PauseEffect{Reason: p.Reason, From: p.From, To: p.To, Excluded: int(x / unit), Seconds: x}
			if err := k.excludedParts(&pe, pa, pb); err != nil {
				return err
			}
			effects = append(effects, pe)
		}
	}
	if len(effects) > 0 {
		t.Explanation.Pauses = append(make([]PauseEffect, 0, len(effects)), effects...)
	}
	dueV := s + budget + excluded
	used := max(stopV-s-excluded, 0)
	t.ElapsedSeconds, t.RemainingSeconds = used, dueV-stopV
	t.Elapsed = int(used / unit)
	late := false
	dueAt, whole, err := k.instant(dueV)
	var due calendar.Date
	if err == nil {
		switch {
		case natural:
			due = calendar.DateOf(dueAt.Add(-time.Nanosecond).In(o.Location))
			var rolled calendar.Date
			if rolled, err = o.Calendar.WorkdayOnOrAfter(due); err == nil && rolled != due {
				t.Explanation.RolledFrom = due
				due, dueAt = rolled, endOf(rolled, o.Location)
				t.RemainingSeconds = int64(dueAt.Sub(stop) / time.Second)
			}
		case whole:
			due = calendar.DateOf(dueAt.In(o.Location))
			dueAt = endOf(due, o.Location)
		default:
			due = calendar.DateOf(dueAt.In(o.Location))
		}
	}
	if err != nil {
		var uy *calendar.UnknownYearError
		if !errors.As(err, &uy) {
			return err
		}
		t.DueUnknown, t.Explanation.DueUnknown = uy.Year, uy.Year
		if ev.undated == nil {
			ev.undated = err
		}
	} else {
		t.Due, t.DueAt = due, dueAt
		late = stop.After(dueAt)
	}
	t.Remaining = int(floorDiv(t.RemainingSeconds, unit))
	t.Status = timerStatus(!end.IsZero() && !end.After(at), late, used*100 >= int64(o.WarnAt)*budget)
	// Provisional years from the start to the due date (or to the time
	// asked, when later or when the due date is unknown).
	last := calendar.DateOf(stop.In(o.Location))
	if !due.IsZero() && due.After(last) {
		last = due
	}
	if o.Calendar.ProvisionalBetween(startDate, last) {
		t.Provisional = true
		for y := startDate.Year(); y <= last.Year(); y++ {
			if o.Calendar.IsProvisionalYear(y) {
				t.Explanation.Provisional = append(t.Explanation.Provisional, y)
			}
		}
	}
	if ev.explain {
		// The days that moved the due date: up to it, or, when it is
		// unknown, up to the time asked.
		upTo := due
		if upTo.IsZero() {
			upTo = calendar.DateOf(stop.In(o.Location))
		}
		if err := explainDays(&t.Explanation, o.Calendar, startDate, upTo); err != nil {
			return err
		}
	}
	return nil
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// excludedParts names in pe the counted time between a and b (a pause
// clipped to the timer): the hours of the first working day, the run of
// whole working days, the hours of the last.
func (k *clock) excludedParts(pe *PauseEffect, a, b point) error {
	if k.h.always {
		return nil // counted on the clock: From and To say it
	}
	var err error
	if a.work, err = k.isWork(a); err != nil {
		return err
	}
	if b.work, err = k.isWork(b); err != nil {
		return err
	}
	open, close := k.h.w[0].from, k.h.w[k.h.n-1].to
	part := func(d calendar.Date, from, to int32) DayPart {
		from, to = max(from, open), min(to, close)
		if to <= from {
			return DayPart{}
		}
		return DayPart{Date: d, From: ClockTime(from), To: ClockTime(to)}
	}
	if a.d == b.d {
		if a.work {
			pe.First = part(a.d, a.sec, b.sec)
		}
		return nil
	}
	if a.work {
		pe.First = part(a.d, a.sec, daySeconds)
	}
	// The whole working days strictly between the two dates.
	between := b.n - a.n
	if b.work {
		between--
	}
	if between > 0 {
		first, err := k.cal.AddWorkdays(a.d, 1)
		if err != nil {
			return err
		}
		last := first
		if between > 1 {
			if last, err = k.cal.AddWorkdays(a.d, between); err != nil {
				return err
			}
		}
		pe.Whole = DayRun{From: first, To: last, Days: between}
	}
	if b.work {
		pe.Last = part(b.d, 0, b.sec)
	}
	return nil
}

// explainDays lists the holidays (merged into breaks) and adjusted working
// days in (from, to].
func explainDays(e *Explanation, cal *calendar.Calendar, from, to calendar.Date) error {
	days, err := cal.Special(from, to)
	if err != nil {
		var uy *calendar.UnknownYearError
		if errors.As(err, &uy) {
			return nil // DueUnknown says so
		}
		return err
	}
	blocks := 0
	var last calendar.DayInfo
	for _, info := range days {
		if info.Kind == calendar.Adjusted {
			continue
		}
		if blocks == 0 || last.Name != info.Name || !nextDay(last.Date, info.Date) {
			blocks++
		}
		last = info
	}
	if blocks > 0 {
		e.Holidays = make([]calendar.HolidayBlock, 0, blocks)
	}
	// The adjusted days are gathered in place, at the front of the slice
	// Special returned (the write index never passes the read index).
	adjusted := days[:0]
	for _, info := range days {
		d := info.Date
		if info.Kind == calendar.Adjusted {
			adjusted = append(adjusted, info)
			continue
		}
		if n := len(e.Holidays); n > 0 && e.Holidays[n-1].Name == info.Name && nextDay(e.Holidays[n-1].To, d) {
			e.Holidays[n-1].To = d
			e.Holidays[n-1].Days++
			continue
		}
		e.Holidays = append(e.Holidays, calendar.HolidayBlock{Festival: info.Festival, Name: info.Name, From: d, To: d, Days: 1})
	}
	if len(adjusted) > 0 {
		e.Adjusted = adjusted[:len(adjusted):len(adjusted)]
	}
	return nil
}

// nextDay reports whether d is the day after p, mostly without converting
// either to a day number.
func nextDay(p, d calendar.Date) bool {
	if p.Year() == d.Year() && p.Month() == d.Month() {
		return d.Day() == p.Day()+1
	}
	return d.Sub(p) == 1
}

func timerStatus(done, late, warn bool) TimerStatus {
	switch {
	case done && late:
		return DoneLate
	case done:
		return DoneOnTime
	case late:
		return Overdue
	case warn:
		return Warning
	}
	return OnTrack
}
