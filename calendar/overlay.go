package calendar

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/bizenv/bizenv/internal/strictjson"
)

// Overlay is calendar data supplied by the caller, to be merged on top of a
// Calendar with Merge: the arrangement for a year the built-in data does not
// have yet, a correction, or local closures (a typhoon day, a local
// holiday). A calendar holds years 1900 to 2199.
//
// Its JSON form, read by ParseOverlay:
//
//	{
//	  "source": "国务院办公厅关于2027年部分节假日安排的通知",
//	  "years": [2027],
//	  "days": [
//	    {"date": "2027-01-01", "kind": "holiday", "festival": "元旦"},
//	    {"date": "2027-02-06", "kind": "adjusted", "festival": "春节"},
//	    {"date": "2026-07-21", "kind": "holiday", "name": "台风停工"}
//	  ]
//	}
//
// kind is one of:
//   - holiday: a day off (any day of the week); festival names the holiday,
//     or name a local closure;
//   - adjusted: a Saturday or Sunday worked (调休上班); festival names the
//     holiday it makes up for;
//   - workday: a weekday restored to an ordinary working day;
//   - weekend: a Saturday or Sunday restored to an ordinary day off.
type Overlay struct {
	// Source names where the data comes from (a notice, a file); it is
	// listed by Calendar.Sources and names the years in Years in their
	// Provenance.
	Source string `json:"source,omitempty"`
	// DocNumber is the notice's 文号, where known.
	DocNumber string `json:"doc_number,omitempty"`
	// Issued is when the notice was signed (2026-11-04, or a month).
	Issued string `json:"issued,omitempty"`
	// Checked reports that the days were read from, or checked against,
	// the notice's own text (ParseNotice sets it).
	Checked bool `json:"checked,omitempty"`
	// Years are whole years the overlay defines. Merge drops whatever the
	// calendar said about them; every day of such a year that Days does not
	// list is ordinary (worked Monday to Friday, off at weekends).
	Years []int `json:"years,omitempty"`
	// Days are the days the overlay sets. For a day of a year in Years, they
	// complete the year; for a day of another year, they override what the
	// calendar says of that one day and leave the rest of the year alone.
	Days []DayInfo `json:"days"`
}

// maxOverlayDays bounds the days one overlay may set (a century of days).
const maxOverlayDays = 36600

// Validate checks the overlay on its own and returns every problem found,
// joined: years outside the calendar's range, zero dates, kinds that do not
// fit the weekday (an adjusted Wednesday), a date set twice, unknown kinds.
func (o *Overlay) Validate() error { return o.validate("json") }

// validate checks the overlay, naming the format it was read from.
func (o *Overlay) validate(format string) error {
	var errs []error
	for i, y := range o.Years {
		if y < firstCalendarYear || y > lastCalendarYear {
			errs = append(errs, dataErr(format, fmt.Sprintf("/years/%d", i), msg{
				fmt.Sprintf("年份 %d 须在%d–%d之间", y, firstCalendarYear, lastCalendarYear),
				fmt.Sprintf("year %d must be %d to %d", y, firstCalendarYear, lastCalendarYear)}))
		}
	}
	if len(o.Days) > maxOverlayDays {
		errs = append(errs, dataErr(format, "/days", msg{
			fmt.Sprintf("最多%d天", maxOverlayDays), fmt.Sprintf("at most %d days", maxOverlayDays)}))
		return errors.Join(errs...)
	}
	seen := make(map[Date]int, len(o.Days))
	for i, d := range o.Days {
		if err := checkDay(d); err != nil {
			errs = append(errs, dataErr(format, fmt.Sprintf("/days/%d", i), *err))
			continue
		}
		if j, dup := seen[d.Date]; dup {
			errs = append(errs, dataErr(format, fmt.Sprintf("/days/%d", i), msg{
				fmt.Sprintf("%s 与 /days/%d 重复", d.Date, j), fmt.Sprintf("%s is already set by /days/%d", d.Date, j)}))
			continue
		}
		seen[d.Date] = i
	}
	return errors.Join(errs...)
}

// checkDay checks one day setting against its weekday.
func checkDay(d DayInfo) *msg {
	if d.Date.IsZero() {
		return &msg{"缺少日期", "date is missing"}
	}
	if y := d.Date.Year(); y < firstCalendarYear || y > lastCalendarYear {
		return &msg{fmt.Sprintf("%s 须在%d–%d年之间", d.Date, firstCalendarYear, lastCalendarYear),
			fmt.Sprintf("%s must be in %d to %d", d.Date, firstCalendarYear, lastCalendarYear)}
	}
	weekend := d.Date.Weekday() == time.Saturday || d.Date.Weekday() == time.Sunday
	if (d.Kind == Workday || d.Kind == Weekend) && (d.Festival != 0 || d.Name != "") {
		return &msg{fmt.Sprintf("%s 恢复为普通日（%s），不能带节日或名称", d.Date, d.Kind),
			fmt.Sprintf("%s is restored to an ordinary %s and cannot carry a festival or name", d.Date, d.Kind)}
	}
	switch d.Kind {
	case Holiday:
	case Adjusted:
		if !weekend {
			return &msg{fmt.Sprintf("%s 是%s，调休上班只能是周六或周日", d.Date, weekdayZh[d.Date.Weekday()]),
				fmt.Sprintf("%s is a %s: only a Saturday or Sunday can be an adjusted working day", d.Date, d.Date.Weekday())}
		}
	case Workday:
		if weekend {
			return &msg{fmt.Sprintf("%s 是%s，周末上班请用 adjusted", d.Date, weekdayZh[d.Date.Weekday()]),
				fmt.Sprintf("%s is a %s: use kind adjusted for a weekend day worked", d.Date, d.Date.Weekday())}
		}
	case Weekend:
		if !weekend {
			return &msg{fmt.Sprintf("%s 是%s，工作日放假请用 holiday", d.Date, weekdayZh[d.Date.Weekday()]),
				fmt.Sprintf("%s is a %s: use kind holiday for a weekday off", d.Date, d.Date.Weekday())}
		}
	default:
		return &msg{fmt.Sprintf("未知的日期类型 %d", d.Kind), fmt.Sprintf("unknown kind %d", d.Kind)}
	}
	if d.Festival >= 1<<len(festivalNames) {
		return &msg{"未知的节日", "unknown holiday"}
	}
	if len(d.Name) > 200 {
		return &msg{"名称过长（最多200字节）", "name too long (at most 200 bytes)"}
	}
	return nil
}

var weekdayZh = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// ParseOverlay reads an Overlay from JSON (the form shown on Overlay) and
// validates it. Unknown fields, duplicate keys, malformed dates, a missing
// kind, kinds that do not fit the weekday and dates set twice are errors
// wrapping ErrInvalidData that name the entry by its JSON Pointer (/days/3); all of them are
// reported at once.
func ParseOverlay(r io.Reader) (*Overlay, error) {
	var raw struct {
		Source    string `json:"source"`
		DocNumber string `json:"doc_number"`
		Issued    string `json:"issued"`
		Checked   bool   `json:"checked"`
		Years     []int  `json:"years"`
		Days      []struct {
			Date     Date     `json:"date"`
			Kind     *DayKind `json:"kind"` // required: a missing kind is no default
			Festival Festival `json:"festival"`
			Name     string   `json:"name"`
		} `json:"days"`
	}
	if err := strictjson.Decode(r, maxOverlayBytes, &raw); err != nil {
		return nil, jsonErr(err)
	}
	if len(raw.Days) > maxOverlayDays {
		return nil, dataErr("json", "/days", msg{fmt.Sprintf("最多%d天", maxOverlayDays), fmt.Sprintf("at most %d days", maxOverlayDays)})
	}
	o := &Overlay{Source: raw.Source, DocNumber: raw.DocNumber, Issued: raw.Issued, Checked: raw.Checked,
		Years: raw.Years, Days: make([]DayInfo, 0, len(raw.Days))}
	var errs []error
	for i, d := range raw.Days {
		if d.Kind == nil {
			errs = append(errs, dataErr("json", fmt.Sprintf("/days/%d", i), msg{
				"缺少 kind（holiday、adjusted、workday 或 weekend）", "kind is missing (holiday, adjusted, workday or weekend)"}))
			continue
		}
		o.Days = append(o.Days, DayInfo{Date: d.Date, Kind: *d.Kind, Festival: d.Festival, Name: d.Name})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return o, nil
}

// maxOverlayBytes bounds an overlay's JSON.
const maxOverlayBytes = 16 << 20

// jsonErr turns a strict decoding error into one DataError per problem,
// each naming its line, column and JSON Pointer.
func jsonErr(err error) error {
	var se *strictjson.Error
	if !errors.As(err, &se) {
		return dataErr("json", "top level", msg{"无法读取：" + err.Error(), "cannot read: " + err.Error()})
	}
	errs := make([]error, 0, len(se.Problems))
	for _, p := range se.Problems {
		where := p.Where()
		if where == "" {
			where = "top level"
		}
		errs = append(errs, &DataError{Format: "json", Where: where, Reason: p.Message(), err: p.Err})
	}
	return errors.Join(errs...)
}

// Merge returns a new calendar: c with o applied on top. The rule for
// conflicts is that the overlay wins: a year in o.Years is replaced whole
// (c's data for that year is dropped), and a day in o.Days overrides what c
// said of that day. A day in a year that neither c knows nor o.Years
// declares is an error, as is any problem Validate finds; c is never
// changed.
func (c *Calendar) Merge(o *Overlay) (*Calendar, error) {
	if o == nil {
		return c, nil
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	declared := make(map[int]bool, len(o.Years))
	for _, y := range o.Years {
		declared[y] = true
	}
	source := o.Source
	if source == "" {
		source = "loaded overlay"
	}
	prov := make([]Provenance, 0, len(c.provenance)+len(o.Years))
	for _, p := range c.provenance {
		if !declared[p.Year] {
			p.Amendments = slices.Clone(p.Amendments)
			prov = append(prov, p)
		}
	}
	for _, y := range o.Years {
		prov = append(prov, Provenance{Year: y, Notice: o.Source, DocNumber: o.DocNumber, Issued: o.Issued,
			Checked: o.Checked, Via: "loaded: " + source})
	}
	slices.SortFunc(prov, func(a, b Provenance) int { return a.Year - b.Year })
	prov = slices.CompactFunc(prov, func(a, b Provenance) bool { return a.Year == b.Year })
	settings := make([]setting, 0, len(c.settings)+len(o.Days))
	for _, s := range c.settings {
		if !declared[s.date.Year()] {
			settings = append(settings, s)
		}
	}
	var errs []error
	for i, d := range o.Days {
		y := d.Date.Year()
		if !declared[y] && !c.knows(y) {
			errs = append(errs, dataErr("json", fmt.Sprintf("/days/%d", i), msg{
				fmt.Sprintf("日历不知道%d年，请在 years 中声明", y),
				fmt.Sprintf("the calendar does not know %d: list it in years", y)}))
			continue
		}
		if !declared[y] {
			if k, found := slices.BinarySearchFunc(prov, y, func(p Provenance, y int) int { return p.Year - y }); found &&
				!slices.Contains(prov[k].Amendments, source) {
				prov[k].Amendments = append(prov[k].Amendments, source)
			}
		}
		l := label{f: d.Festival, name: d.Name}
		if l.name == l.f.String() {
			l.name = "" // the festival's own name: one label, not two
		}
		settings = append(settings, setting{d.Date, d.Kind, l})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sources := c.Sources()
	if o.Source != "" {
		sources = append(sources, o.Source)
	}
	return build(spec{settings: settings, sources: sources, provenance: prov, withProv: c.withProv})
}
