package calendar

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxEventDays bounds one ICS event: no announced break is longer.
const maxEventDays = 60

// maxICSBytes bounds an iCalendar feed: a century of holidays is far less.
const maxICSBytes = 4 << 20

// ParseICS reads holidays from an iCalendar feed (RFC 5545), as published by
// holiday-calendar services for Chinese holidays, and returns them as an
// Overlay to merge with Calendar.Merge.
//
// Each VEVENT sets the days from DTSTART up to (not including) DTEND, or
// DTSTART plus DURATION, or DTSTART alone. An event whose SUMMARY contains
// 班 (上班, 补班) or the word "work" sets adjusted working days; any other
// event sets days off. The SUMMARY, without a trailing (休) or (班), names
// the holiday: a known holiday name (春节, 国庆 ...) gives the Festival, any
// other text is kept as the day's Name.
//
// Only all-day data is used: a DTSTART with a time keeps its date. The
// input must be a UTF-8 feed that starts with BEGIN:VCALENDAR, ends with
// END:VCALENDAR and has at least one event, at most 4 MiB: anything else
// (an empty file, JSON, UTF-16, a truncated feed) is an error, never an
// empty calendar. RRULE, events longer than 60 days, malformed dates, days
// that do not fit their weekday and unterminated events are errors
// wrapping ErrInvalidData that give the line. The returned overlay declares
// no Years: set o.Years before merging to make the feed define whole years
// the calendar does not know.
func ParseICS(r io.Reader) (*Overlay, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxICSBytes+1))
	if err != nil {
		return nil, dataErr("ics", "line 1", msg{"无法读取：" + err.Error(), "cannot read: " + err.Error()})
	}
	if len(b) > maxICSBytes {
		return nil, dataErr("ics", "top level", msg{fmt.Sprintf("日历文件超过%d字节", maxICSBytes), fmt.Sprintf("the feed is larger than %d bytes", maxICSBytes)})
	}
	if err := checkICSText(b); err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	lines := unfoldICS(b)
	if len(lines) == 0 || !strings.EqualFold(strings.TrimSpace(lines[0].text), "BEGIN:VCALENDAR") {
		return nil, dataErr("ics", "line 1", msg{"不是 iCalendar 日历：应以 BEGIN:VCALENDAR 开头", "not an iCalendar feed: it must start with BEGIN:VCALENDAR"})
	}
	o := &Overlay{}
	var ev *icsEvent
	seen := map[Date]int{}
	ended := false
	for _, l := range lines {
		name, value := splitICSLine(l.text)
		if ended {
			return nil, l.err(msg{"END:VCALENDAR 之后还有内容", "data after END:VCALENDAR"})
		}
		switch {
		case name == "END" && strings.EqualFold(value, "VCALENDAR"):
			if ev != nil {
				return nil, l.err(msg{"VEVENT 没有 END:VEVENT", "VEVENT without END:VEVENT"})
			}
			ended = true
		case name == "BEGIN" && strings.EqualFold(value, "VEVENT"):
			if ev != nil {
				return nil, l.err(msg{"VEVENT 嵌套", "VEVENT inside VEVENT"})
			}
			ev = &icsEvent{line: l.n}
		case name == "END" && strings.EqualFold(value, "VEVENT"):
			if ev == nil {
				return nil, l.err(msg{"END:VEVENT 没有对应的 BEGIN", "END:VEVENT without BEGIN"})
			}
			days, err := ev.days()
			if err != nil {
				return nil, err
			}
			for _, d := range days {
				if prev, dup := seen[d.Date]; dup {
					return nil, l.err(msg{fmt.Sprintf("%s 已由第%d行的事件设定", d.Date, prev),
						fmt.Sprintf("%s is already set by the event at line %d", d.Date, prev)})
				}
				if m := checkDay(d); m != nil {
					return nil, dataErr("ics", fmt.Sprintf("line %d", ev.line), *m)
				}
				seen[d.Date] = ev.line
			}
			o.Days = append(o.Days, days...)
			if len(o.Days) > maxOverlayDays {
				return nil, l.err(msg{fmt.Sprintf("最多%d天", maxOverlayDays), fmt.Sprintf("at most %d days", maxOverlayDays)})
			}
			ev = nil
		case ev == nil:
			// Calendar-level properties (VERSION, PRODID, X-WR-CALNAME ...).
			if name == "X-WR-CALNAME" && o.Source == "" {
				o.Source = unescapeICS(value)
			}
		case name == "DTSTART" || name == "DTEND":
			d, err := icsDate(value)
			if err != nil {
				return nil, l.err(msg{fmt.Sprintf("%s 不是有效日期：%q", name, value), fmt.Sprintf("%s is not a valid date: %q", name, value)})
			}
			if name == "DTSTART" {
				ev.start = d
			} else {
				ev.end = d
			}
		case name == "DURATION":
			days, ok := icsDuration(value)
			if !ok {
				return nil, l.err(msg{fmt.Sprintf("DURATION 只支持整天或整周：%q", value), fmt.Sprintf("DURATION must be whole days or weeks: %q", value)})
			}
			ev.duration = days
		case name == "SUMMARY":
			ev.summary = unescapeICS(value)
		case name == "RRULE" || name == "RDATE":
			return nil, l.err(msg{"不支持重复事件（" + name + "）", "recurring events (" + name + ") are not supported"})
		}
	}
	last := lines[len(lines)-1].n
	switch {
	case ev != nil:
		return nil, dataErr("ics", fmt.Sprintf("line %d", ev.line), msg{"VEVENT 没有 END:VEVENT", "VEVENT without END:VEVENT"})
	case !ended:
		return nil, dataErr("ics", fmt.Sprintf("line %d", last), msg{"缺少 END:VCALENDAR：文件可能不完整", "no END:VCALENDAR: the feed may be truncated"})
	case len(o.Days) == 0:
		return nil, dataErr("ics", fmt.Sprintf("line %d", last), msg{"日历中没有任何事件", "the feed has no events"})
	}
	if err := o.validate("ics"); err != nil {
		return nil, err
	}
	return o, nil
}

// checkICSText refuses what is not UTF-8 text: UTF-16 (which Windows tools
// write), control bytes, invalid UTF-8.
func checkICSText(b []byte) error {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || len(b) >= 2 && (b[0] == 0 || b[1] == 0) {
		return dataErr("ics", "line 1", msg{"文件是 UTF-16 编码，请另存为 UTF-8", "the feed is UTF-16: save it as UTF-8"})
	}
	line := 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return dataErr("ics", fmt.Sprintf("line %d", line), msg{fmt.Sprintf("第%d字节不是有效的 UTF-8", i+1), fmt.Sprintf("byte %d is not valid UTF-8", i+1)})
		case r == '\n':
			line++
		case r < 0x20 && r != '\r' && r != '\t':
			return dataErr("ics", fmt.Sprintf("line %d", line), msg{"含有控制字符，不是日历文本", "control characters: not a calendar's text"})
		}
		i += n
	}
	return nil
}

// unfoldICS splits the feed into logical lines, joining folded ones
// (RFC 5545 §3.1: a line that starts with a space or tab continues the one
// before). It is linear in the input: each logical line is built once.
func unfoldICS(b []byte) []icsLine {
	var lines []icsLine
	var cur strings.Builder
	start := 0
	flush := func() {
		if cur.Len() > 0 {
			lines = append(lines, icsLine{n: start, text: cur.String()})
			cur.Reset()
		}
	}
	n := 0
	for len(b) > 0 {
		n++
		i := bytes.IndexByte(b, '\n')
		var raw []byte
		if i < 0 {
			raw, b = b, nil
		} else {
			raw, b = b[:i], b[i+1:]
		}
		raw = bytes.TrimRight(raw, "\r")
		if len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t') && cur.Len() > 0 {
			cur.Write(raw[1:])
			continue
		}
		flush()
		if len(raw) == 0 {
			continue
		}
		start = n
		cur.Write(raw)
	}
	flush()
	return lines
}

type icsLine struct {
	n    int
	text string
}

func (l icsLine) err(m msg) error { return dataErr("ics", fmt.Sprintf("line %d", l.n), m) }

type icsEvent struct {
	line       int
	start, end Date
	duration   int
	summary    string
}

// days expands the event into day settings.
func (e *icsEvent) days() ([]DayInfo, error) {
	at := func(m msg) error { return dataErr("ics", fmt.Sprintf("line %d", e.line), m) }
	if e.start.IsZero() {
		return nil, at(msg{"事件缺少 DTSTART", "event has no DTSTART"})
	}
	n := 1
	switch {
	case !e.end.IsZero():
		n = e.end.Sub(e.start)
	case e.duration > 0:
		n = e.duration
	}
	if n < 1 || n > maxEventDays {
		return nil, at(msg{fmt.Sprintf("事件须为1–%d天（%s 起 %d 天）", maxEventDays, e.start, n),
			fmt.Sprintf("an event must last 1 to %d days (%d from %s)", maxEventDays, n, e.start)})
	}
	kind, f, name := classifySummary(e.summary)
	out := make([]DayInfo, 0, n)
	for i := 0; i < n; i++ {
		d, err := e.start.AddDays(i)
		if err != nil {
			return nil, at(msg{"日期超出范围", "date out of range"})
		}
		out = append(out, DayInfo{Date: d, Kind: kind, Festival: f, Name: name})
	}
	return out, nil
}

// classifySummary reads "春节(休)", "国庆节 补班", "New Year's Day (Workday)".
func classifySummary(s string) (DayKind, Festival, string) {
	kind := Holiday
	lower := strings.ToLower(s)
	if strings.Contains(s, "班") || strings.Contains(lower, "work") {
		kind = Adjusted
	}
	name := strings.TrimSpace(s)
	for _, suffix := range []string{"(休)", "（休）", "(班)", "（班）", "补班", "上班", "放假", "假期"} {
		name = strings.TrimSpace(strings.TrimSuffix(name, suffix))
	}
	if i := strings.IndexAny(name, "(（"); i > 0 {
		name = strings.TrimSpace(name[:i]) // "New Year's Day (Holiday)"
	}
	if f, ok := festivalByName(name); ok {
		return kind, f, ""
	}
	return kind, 0, name
}

// splitICSLine splits NAME;PARAM=V:VALUE into the upper-cased name and the
// value; parameters are not needed for all-day dates and are dropped.
func splitICSLine(s string) (name, value string) {
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return strings.ToUpper(s), ""
	}
	head := s[:colon]
	if semi := strings.IndexByte(head, ';'); semi >= 0 {
		head = head[:semi]
	}
	return strings.ToUpper(head), s[colon+1:]
}

// icsDate reads 20250101 or 20250101T000000[Z], keeping the date.
func icsDate(v string) (Date, error) {
	v = strings.TrimSpace(v)
	if len(v) > 8 {
		if v[8] != 'T' {
			return Date{}, ErrInvalidDate
		}
		v = v[:8]
	}
	if len(v) != 8 {
		return Date{}, ErrInvalidDate
	}
	y, err1 := strconv.Atoi(v[:4])
	m, err2 := strconv.Atoi(v[4:6])
	d, err3 := strconv.Atoi(v[6:])
	if err1 != nil || err2 != nil || err3 != nil || strings.ContainsAny(v, "+- ") {
		return Date{}, ErrInvalidDate
	}
	return NewDate(y, time.Month(m), d)
}

// icsDuration reads P3D, P1W, P1DT0H0M0S (whole days only).
func icsDuration(v string) (int, bool) {
	v = strings.TrimPrefix(strings.TrimSpace(v), "+")
	if !strings.HasPrefix(v, "P") {
		return 0, false
	}
	v = strings.TrimSuffix(v[1:], "T0H0M0S")
	v = strings.TrimSuffix(v, "T0H")
	if len(v) < 2 {
		return 0, false
	}
	n, err := strconv.Atoi(v[:len(v)-1])
	if err != nil || n < 0 || n > maxEventDays {
		return 0, false
	}
	switch v[len(v)-1] {
	case 'D':
		return n, true
	case 'W':
		return 7 * n, n*7 <= maxEventDays
	}
	return 0, false
}

// unescapeICS undoes RFC 5545 TEXT escaping.
func unescapeICS(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	r := strings.NewReplacer(`\n`, "\n", `\N`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`)
	return r.Replace(s)
}
