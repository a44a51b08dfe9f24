package task

import (
	"crypto/sha1"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/google/uuid"
)

// ActionKind is what supervision (督办) asks for: the rungs of the ladder.
type ActionKind uint8

// The actions, in rising order of force.
const (
	// Remind (提醒) goes out before a due date.
	Remind ActionKind = iota + 1
	// Supervise (督办) goes out when a due date has passed: a supervision
	// notice (督办单) that asks for a written reply by a date of its own.
	Supervise
	// Summons (约谈) calls the unit's leaders in.
	Summons
	// PublicNotice (通报) names the unit before the others. Its JSON name
	// "escalate" is read too, the name of the older rung.
	PublicNotice
	// Accountability (问责) holds the people responsible to account.
	Accountability
	// Posted (挂牌督办) puts the matter under posted, named supervision.
	Posted
)

var actionNames = []struct{ json, zh string }{{}, {"remind", "提醒"}, {"supervise", "督办"}, {"summons", "约谈"}, {"notice", "通报"}, {"accountability", "问责"}, {"posted", "挂牌督办"}}

// String returns remind, supervise, summons, notice, accountability or
// posted; an out-of-range value gives ActionKind(N).
func (k ActionKind) String() string {
	if int(k) < len(actionNames) && k != 0 {
		return actionNames[k].json
	}
	return fmt.Sprintf("ActionKind(%d)", uint8(k))
}

// Chinese returns 提醒, 督办, 约谈, 通报, 问责 or 挂牌督办.
func (k ActionKind) Chinese() string {
	if int(k) < len(actionNames) && k != 0 {
		return actionNames[k].zh
	}
	return k.String()
}

// MarshalText implements encoding.TextMarshaler.
func (k ActionKind) MarshalText() ([]byte, error) {
	if k == 0 || int(k) >= len(actionNames) {
		return nil, fmt.Errorf("%w: action kind %d", ErrInvalidValue, uint8(k))
	}
	return []byte(actionNames[k].json), nil
}

// UnmarshalText implements encoding.TextUnmarshaler (English or Chinese;
// escalate, the older name, reads as PublicNotice).
func (k *ActionKind) UnmarshalText(b []byte) error {
	if string(b) == "escalate" {
		*k = PublicNotice
		return nil
	}
	for i, n := range actionNames {
		if i > 0 && (string(b) == n.json || string(b) == n.zh) {
			*k = ActionKind(i)
			return nil
		}
	}
	return fmt.Errorf("%w: 未知的督办动作 %q / unknown action %q", ErrInvalidValue, b, b)
}

// Rung is one step of the supervision ladder after the reminder: what it
// is, and when it falls due for a unit that has missed a due date. It is
// due when any condition set holds: the unit is Late working days late;
// Repeats actions have already gone out for that due date; or (Unanswered)
// a notice of a lower rung asked for a reply that did not come by its
// reply date.
type Rung struct {
	// Kind is the action: supervise, summons, notice, accountability or
	// posted.
	Kind ActionKind `json:"kind"`
	// Late is the working days late from which the rung is due; 0 for no
	// such condition.
	Late int `json:"late,omitempty"`
	// Repeats is the number of actions already sent for the same due date
	// from which the rung is due; 0 for no such condition.
	Repeats int `json:"repeats,omitempty"`
	// Unanswered makes the rung due once a lower rung's notice is
	// unanswered past its reply date.
	Unanswered bool `json:"unanswered,omitempty"`
	// ReplyDays asks for a written reply within this many working days of
	// the action (the 督办单's 反馈时限); 0 asks for none.
	ReplyDays int `json:"reply_days,omitempty"`
}

// Rules are the supervision ladder: the reminder before each due date,
// then the rungs after it.
type Rules struct {
	// RemindBefore: remind a unit that has not yet done its part (or
	// reported for the period) when the due date is this many working days
	// away or fewer; 0 means 3 (a bizenv default).
	RemindBefore int `json:"remind_before,omitempty"`
	// Ladder are the rungs after a due date is missed, weakest first;
	// nil means DefaultLadder.
	Ladder []Rung `json:"ladder,omitempty"`
}

// DefaultLadder returns the ladder used when Rules.Ladder is nil. The
// seed plans name the rungs (督办, 约谈, 通报, 问责, 挂牌督办: 鲅鱼圈's 保障措施
// and item 79, 铁西's item 54) but not when each applies; these thresholds
// are bizenv defaults for callers to replace with their own rules:
//   - 督办 from the first working day late, with a reply (督办单) due within
//     5 working days;
//   - 约谈 from 10 working days late, or once a 督办单 goes unanswered;
//   - 通报 from 20 working days late;
//   - 问责 from 40 working days late.
//
// Each rung goes out once per due date; Rung.Repeats lets a caller climb
// by the number of actions sent instead.
func DefaultLadder() []Rung {
	return []Rung{
		{Kind: Supervise, Late: 1, ReplyDays: 5},
		{Kind: Summons, Late: 10, Unanswered: true},
		{Kind: PublicNotice, Late: 20},
		{Kind: Accountability, Late: 40},
	}
}

// Validate reports rules that cannot be applied, as an error wrapping
// ErrInvalidRules naming the rung: a reminder rung in the ladder, a rung
// with no condition, negative thresholds, or rungs not in rising order of
// force.
func (r Rules) Validate() error {
	var errs []error
	bad := func(i int, zh, en string) {
		errs = append(errs, fmt.Errorf("%w: 第%d级 / rung %d: %s / %s", ErrInvalidRules, i+1, i+1, zh, en))
	}
	if r.RemindBefore < 0 {
		errs = append(errs, fmt.Errorf("%w: 提前提醒的工作日数不能为负 / remind_before cannot be negative", ErrInvalidRules))
	}
	for i, g := range r.Ladder {
		switch {
		case g.Kind <= Remind || int(g.Kind) >= len(actionNames):
			bad(i, "动作须为督办、约谈、通报、问责或挂牌督办", "the kind must be supervise, summons, notice, accountability or posted")
		case g.Late < 0 || g.Repeats < 0 || g.ReplyDays < 0:
			bad(i, "天数和次数不能为负", "days and counts cannot be negative")
		case g.Late == 0 && g.Repeats == 0 && !g.Unanswered:
			bad(i, "没有触发条件（late、repeats 或 unanswered）", "no condition (late, repeats or unanswered)")
		case i > 0 && g.Kind <= r.Ladder[i-1].Kind:
			bad(i, "各级须按力度递增", "rungs must rise in force")
		}
	}
	return errors.Join(errs...)
}

func (r Rules) withDefaults() Rules {
	if r.RemindBefore == 0 {
		r.RemindBefore = 3
	}
	if r.Ladder == nil {
		r.Ladder = DefaultLadder()
	}
	return r
}

// Reply is a unit's written reply to a supervision notice (督办单反馈).
type Reply struct {
	// On is the date of the reply.
	On calendar.Date `json:"on"`
	// At is the instant it was recorded.
	At time.Time `json:"at,omitzero"`
	// Unit and By say who replied.
	Unit string `json:"unit"`
	By   string `json:"by,omitempty"` // the person who replied
	// Text is the reply.
	Text string `json:"text"`
}

// Action is one supervision step for the caller to deliver: to whom,
// copied to whom, about what, why, and, for a 督办单, by when to reply.
// Actions are data: the caller delivers them, records replies
// (RecordReply) and passes what it sent back to Actions, so that nothing
// is sent twice.
type Action struct {
	// ID identifies the action: a UUID v5 of the task, unit, kind, due
	// date and day (the same action decided twice has the same ID).
	ID uuid.UUID `json:"id"`
	// Kind is the rung.
	Kind ActionKind `json:"kind"`
	// Task is the task's ID.
	Task uuid.UUID `json:"task"`
	// Number is the task's number as printed.
	Number string `json:"number"`
	// Title is the task's title.
	Title string `json:"title"`
	// Unit is the unit addressed (主送): an accountable unit.
	Unit string `json:"unit"`
	// Copy are the task's other units, copied (抄送): the other leads, the
	// responsible and the supporting units.
	Copy []string `json:"copy"`
	// Due is the due date the action is about (moved off a day off).
	Due calendar.Date `json:"due"`
	// On is the date the action was decided (the asOf of Actions).
	On calendar.Date `json:"on"`
	// Days is working days to the due date (Remind) or past it.
	Days int `json:"days"`
	// ReplyBy is the date a written reply is due (督办单反馈时限), or zero.
	ReplyBy calendar.Date `json:"reply_by"`
	// Reply is the unit's reply, once recorded.
	Reply *Reply `json:"reply,omitempty"`
	// Provisional reports that a date or count rests on a year the
	// calendar answers for only provisionally (no holiday notice yet).
	Provisional bool `json:"provisional,omitempty"`
	// MessageZh and MessageEn say why, in Chinese and English: the text
	// delivered to the unit.
	MessageZh string `json:"message_zh"`
	MessageEn string `json:"message_en"` // the message in English
}

// Message returns the message in both languages, "中文 / English".
func (a Action) Message() string { return a.MessageZh + " / " + a.MessageEn }

// RecordReply records the unit's reply to the action. It returns an error
// wrapping ErrInvalidEntry when the action asks for no reply, has one
// already, or the reply has no date, comes before the action, or is from
// another unit. A reply after ReplyBy is recorded, and counts as
// unanswered for the ladder.
func (a *Action) RecordReply(r Reply) error {
	bad := func(zh, en string) error {
		return fmt.Errorf("%w: 任务 %s 的%s / the %s on task %s: %s / %s", ErrInvalidEntry, a.Number, a.Kind.Chinese(), a.Kind, a.Number, zh, en)
	}
	switch {
	case a.ReplyBy.IsZero():
		return bad("不要求反馈", "asks for no reply")
	case a.Reply != nil:
		return bad("已有反馈", "has a reply already")
	case r.On.IsZero():
		return bad("反馈缺少日期", "the reply has no date")
	case r.On.Before(a.On):
		return bad("反馈早于督办", "the reply comes before the notice")
	case FoldName(r.Unit) != FoldName(a.Unit):
		return bad("反馈须由主送单位作出："+a.Unit, "the reply must come from the unit addressed: "+a.Unit)
	case strings.TrimSpace(r.Text) == "":
		return bad("反馈内容为空", "the reply is empty")
	}
	a.Reply = &r
	return nil
}

// unanswered reports whether the action asked for a reply that had not
// come by its reply date, as of asOf.
func (a *Action) unanswered(asOf calendar.Date) bool {
	if a.ReplyBy.IsZero() || !asOf.After(a.ReplyBy) {
		return false
	}
	return a.Reply == nil || a.Reply.On.After(a.ReplyBy)
}

// actionID is the UUID v5, in Namespace(), of "action#", the task's ID
// (16 bytes), the unit, and the kind, due date and day as text.
func actionID(task uuid.UUID, unit string, k ActionKind, due, on calendar.Date) uuid.UUID {
	var buf [160]byte
	ns := Namespace()
	b := append(buf[:0], ns[:]...)
	b = append(b, "action#"...)
	b = append(b, task[:]...)
	b = append(b, unit...)
	b = append(b, '#', byte(k), '#')
	b = appendDate(b, due)
	b = append(b, '#')
	b = appendDate(b, on)
	sum := sha1.Sum(b)
	var u uuid.UUID
	copy(u[:], sum[:16])
	u[6] = (u[6] & 0x0f) | 0x50 // version 5
	u[8] = (u[8] & 0x3f) | 0x80 // RFC 4122 variant
	return u
}

// appendDate appends d as YYYY-MM-DD.
func appendDate(b []byte, d calendar.Date) []byte {
	y, m, dd := d.Year(), int(d.Month()), d.Day()
	return append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// Undatable is a task that a function over many tasks could not date as
// of its day, because the calendar does not know a year it needs; the
// function answers for every other task and lists this one instead of
// failing as a whole.
type Undatable struct {
	// Task is the task's ID.
	Task uuid.UUID `json:"task"`
	// Number is the task's number as printed.
	Number string `json:"number"`
	// Title is the task's title.
	Title string `json:"title"`
	// Due is the due date that could not be counted to, when known.
	Due calendar.Date `json:"due"`
	// Years are the years the calendar must know to date the task: load
	// their holiday notices (calendar.ParseNotice, Calendar.Merge), or
	// answer provisionally (Calendar.WithProvisional).
	Years []int `json:"years"`
	// MessageZh and MessageEn say what is missing, in Chinese and English.
	MessageZh string `json:"message_zh"`
	MessageEn string `json:"message_en"` // the message in English
	// Err is the calendar's error.
	Err error `json:"-"`
}

// String returns the task's number and the message in both languages.
func (u Undatable) String() string {
	return u.Number + ": " + u.MessageZh + " / " + u.MessageEn
}

// undatable describes t, which could not be dated between from and to
// (in either order) because of err.
func undatable(t *Task, due, from, to calendar.Date, cal *calendar.Calendar, err error) Undatable {
	if to.Before(from) {
		from, to = to, from
	}
	var years []int
	if !from.IsZero() && !to.IsZero() {
		for y := from.Year(); y <= to.Year(); y++ {
			if !cal.Knows(y) {
				years = append(years, y)
			}
		}
	}
	var uy *calendar.UnknownYearError
	if len(years) == 0 && errors.As(err, &uy) {
		years = []int{uy.Year}
	}
	u := Undatable{Task: t.ID, Number: t.Number, Title: t.Title, Due: due, Years: years, Err: err}
	if len(years) > 0 {
		zh, en := yearList(years, "、"), yearList(years, ", ")
		u.MessageZh = fmt.Sprintf("日历没有%s年的节假日安排，无法推算期限 %s 的工作日；待该年放假通知发布后加载，或按法定节假日暂定推算", zh, due)
		u.MessageEn = fmt.Sprintf("the calendar has no holiday arrangement for %s, so working days to the deadline %s cannot be counted; load that year's notice, or answer provisionally from the statutory holidays", en, due)
	} else {
		u.MessageZh = "无法推算期限 " + due.String() + "：" + err.Error()
		u.MessageEn = "cannot count to the deadline " + due.String() + ": " + err.Error()
	}
	return u
}

func yearList(years []int, sep string) string {
	s := make([]string, len(years))
	for i, y := range years {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, sep)
}

// provisionalYears returns the years from from to to (in either order)
// that cal answers for only provisionally.
func provisionalYears(cal *calendar.Calendar, from, to calendar.Date) []int {
	if to.Before(from) {
		from, to = to, from
	}
	if from.IsZero() || !cal.ProvisionalBetween(from, to) {
		return nil
	}
	var ys []int
	for y := from.Year(); y <= to.Year(); y++ {
		if cal.IsProvisionalYear(y) {
			ys = append(ys, y)
		}
	}
	return ys
}

// Supervision is what Actions decides as of a day: the actions due, and
// the tasks it could not date.
type Supervision struct {
	// AsOf is the day decided on.
	AsOf calendar.Date `json:"as_of"`
	// Actions are the actions due that day, in task order.
	Actions []Action `json:"actions"`
	// Undatable are the open tasks whose due date or working-day count
	// needs a year the calendar does not know.
	Undatable []Undatable `json:"undatable"`
	// Ended reports that AsOf is after the plan's end (Options.End): the
	// plan is closed out (see CloseOut) and no action is given.
	Ended bool `json:"ended,omitempty"`
}

// Actions decides the supervision due as of asOf for tasks (delegated ones
// included), unit by unit (see Task.Standing):
//   - a unit whose due date (recurring ones too) is o.Rules.RemindBefore
//     working days away or fewer, and which has not yet done its part (or
//     reported for the period), is reminded (提醒);
//   - a unit that has missed a due date gets the strongest rung of the
//     ladder that is due and stronger than any already sent for that due
//     date (督办 with a reply date, 约谈, 通报, 问责 …);
//   - at most one action goes to a unit about a task in a day: none when
//     sent already holds one for that day;
//   - each action is addressed to the accountable unit and copies the
//     task's other units; group phrases are expanded through o.Directory.
//
// sent are the actions delivered before (with any replies recorded);
// nothing in it is sent again. After the plan's end (o.End) no action is
// given: the plan is closed out (Ended is set; see CloseOut).
//
// A task whose dates need a year the calendar does not know never fails
// the call: it is listed in Undatable with the years it needs. An action
// counted over a provisional year says so. The error is for rules that
// cannot be applied (Rules.Validate) only.
func Actions(tasks []*Task, asOf calendar.Date, o Options, sent []Action) (Supervision, error) {
	if err := o.Rules.Validate(); err != nil {
		return Supervision{}, err
	}
	r := o.Rules.withDefaults()
	s := Supervision{AsOf: asOf, Actions: []Action{}, Undatable: []Undatable{}}
	if !o.End.IsZero() && asOf.After(o.End) {
		s.Ended = true
		return s, nil
	}
	type tu struct {
		task uuid.UUID
		unit string
	}
	type tud struct {
		tu
		due calendar.Date
	}
	today := map[tu]bool{}
	strongest := map[tud]ActionKind{}
	count := map[tud]int{}
	unanswered := map[tud]bool{}
	eng := newEngine(o)
	for i := range sent {
		a := &sent[i]
		u := eng.r.canon(a.Unit)
		k := tud{tu{a.Task, u}, a.Due}
		if a.On == asOf {
			today[k.tu] = true
		}
		if a.Kind > strongest[k] {
			strongest[k] = a.Kind
		}
		count[k]++
		if a.unanswered(asOf) {
			unanswered[k] = true
		}
	}
	Walk(tasks, func(t *Task) {
		st, err := eng.standing(t, newViewAt(t, asOf), asOf, 0, false)
		if err != nil {
			s.Undatable = append(s.Undatable, eng.undatableOf(t, asOf, err))
			return
		}
		if !st.State.Open() || st.State == Suspended {
			return
		}
		ps := eng.r.parties(t)
		for _, us := range st.Units {
			if us.Unit == "" || us.Due.IsZero() || today[tu{t.ID, us.Unit}] {
				continue
			}
			k := tud{tu{t.ID, us.Unit}, us.Due}
			var kind ActionKind
			var rung Rung
			switch {
			case us.Late:
				for _, g := range r.Ladder {
					due := (g.Late > 0 && us.DaysLate >= g.Late) || (g.Repeats > 0 && count[k] >= g.Repeats) || (g.Unanswered && unanswered[k])
					if due && g.Kind > strongest[k] {
						kind, rung = g.Kind, g
					}
				}
			case !us.Done && !us.ReportedForDue && us.DaysLeft <= r.RemindBefore && strongest[k] < Remind:
				kind = Remind
			}
			if kind == 0 {
				continue
			}
			a := Action{Kind: kind, Task: t.ID, Number: t.Number, Title: t.Title, Unit: us.Unit, Copy: ps.others(us.Unit),
				Due: us.Due, On: asOf}
			if a.Copy == nil {
				a.Copy = []string{}
			}
			// The messages are built by appending (no fmt): an action is made
			// for every unit due one, and districts run this over every task.
			zh := make([]byte, 0, 160)
			en := make([]byte, 0, 160)
			if kind == Remind {
				a.Days = us.DaysLeft
				if us.DaysLeft == 0 {
					zh = appendDate(append(zh, "今日（"...), us.Due)
					zh = append(zh, "）到期"...)
					en = appendDate(append(en, "due today ("...), us.Due)
					en = append(en, ')')
				} else {
					zh = appendDate(append(zh, "距期限 "...), us.Due)
					zh = strconv.AppendInt(append(zh, " 还有"...), int64(us.DaysLeft), 10)
					zh = append(zh, "个工作日"...)
					en = strconv.AppendInt(en, int64(us.DaysLeft), 10)
					en = appendDate(append(en, " working days to the deadline "...), us.Due)
				}
				if us.ReportedForDue || us.From.IsZero() {
					zh = append(zh, "，请按时完成"...)
					en = append(en, ": please finish on time"...)
				} else {
					zh = append(zh, "，请按时报送本期进展"...)
					en = append(en, ": please report this period's progress on time"...)
				}
			} else {
				a.Days = us.DaysLate
				zh = appendDate(append(zh, "已超过期限 "...), us.Due)
				zh = strconv.AppendInt(append(zh, ' '), int64(us.DaysLate), 10)
				zh = append(append(zh, "个工作日，予以"...), kind.Chinese()...)
				en = strconv.AppendInt(en, int64(us.DaysLate), 10)
				en = appendDate(append(en, " working days past the deadline "...), us.Due)
				en = append(append(en, ": "...), kind.String()...)
				if n := count[k]; n > 0 {
					zh = strconv.AppendInt(append(zh, "（此前已发出"...), int64(n), 10)
					zh = append(zh, "次）"...)
					en = strconv.AppendInt(append(en, " ("...), int64(n), 10)
					en = append(en, " actions before)"...)
				}
				if unanswered[k] && rung.Unanswered {
					zh = append(zh, "，督办单逾期未反馈"...)
					en = append(en, "; the supervision notice went unanswered"...)
				}
				if rung.ReplyDays > 0 {
					by, err := eng.cal.AddWorkdays(asOf, rung.ReplyDays)
					if err != nil {
						s.Undatable = append(s.Undatable, undatable(t, us.Due, asOf, asOf, eng.cal, err))
						continue
					}
					a.ReplyBy = by
					zh = appendDate(append(zh, "；请于 "...), by)
					zh = append(zh, " 前书面反馈"...)
					en = appendDate(append(en, "; reply in writing by "...), by)
				}
			}
			to := us.Due
			if a.ReplyBy.After(to) {
				to = a.ReplyBy
			}
			if prov := provisionalYears(eng.cal, asOf, to); len(prov) > 0 {
				a.Provisional = true
				zh = append(zh, fmt.Sprintf("（暂定：%s年放假通知尚未发布）", yearList(prov, "、"))...)
				en = append(en, fmt.Sprintf(" (provisional: no holiday notice for %s yet)", yearList(prov, ", "))...)
			}
			a.MessageZh, a.MessageEn = string(zh), string(en)
			a.ID = actionID(t.ID, us.Unit, kind, us.Due, asOf)
			s.Actions = append(s.Actions, a)
		}
	})
	return s, nil
}
