package calendar

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// Calendar is an official working-day calendar: for each year it knows,
// which days are worked and which are not, and why. Every question about a
// year it does not know returns an error wrapping ErrUnknownYear; it never
// falls back to Monday to Friday.
//
// A year is known when a notice (built in, or loaded with Merge) arranges
// it, or, on a calendar made with WithProvisional, provisionally from the
// statutory holidays alone; Provenance tells which, and every answer about a
// provisional day says so.
//
// A Calendar is immutable and safe for concurrent use. Lookups run in
// constant time from precomputed tables and do not allocate: IsWorkday,
// Kind, AddWorkdays and WorkdaysBetween cost a few nanoseconds whatever the
// distance. Merge and WithProvisional return a new Calendar; the receiver
// is unchanged.
type Calendar struct {
	first, last int      // years spanned by the tables
	lo, hi      []int    // per year: first and last year of its run of known years; 0 when unknown
	provisional []bool   // per year: answered from the statutory days alone (nil when none is)
	start       int      // days() of first-01-01
	monthStart  []int32  // per year and month: the table index of its first day
	code        []uint16 // per day: kind | label<<2
	cum         []int32  // per day: working days from the first day up to and including it
	work        []Date   // the working days, ascending
	labels      []named  // labels[0] is "no label"

	// What the calendar was built from, kept so that Merge and
	// WithProvisional can build anew.
	settings   []setting // confirmed days, in the order applied
	sources    []string
	provenance []Provenance // confirmed years, ascending
	withProv   bool         // WithProvisional was asked for
}

// label names the holiday of a day.
type label struct {
	f    Festival
	name string
}

// String returns the label's name for people.
func (l label) String() string {
	if l.name != "" {
		return l.name
	}
	return l.f.String()
}

// named is a label with its name for people worked out once, so that
// lookups do not allocate.
type named struct {
	label
	display string
}

// setting is one day as a notice or a loaded file sets it.
type setting struct {
	date Date
	kind DayKind
	l    label
}

// Bounds of the years a Calendar can hold.
const (
	firstCalendarYear = 1900
	lastCalendarYear  = 2199
	maxLabels         = 1 << 14 // code keeps 14 bits for the label
)

// spec is what a Calendar is built from.
type spec struct {
	settings   []setting
	sources    []string
	provenance []Provenance // one per confirmed year
	withProv   bool
}

var china = sync.OnceValue(func() *Calendar {
	var sp spec
	for _, n := range builtin {
		sp.sources = append(sp.sources, n.title)
		if n.year != 0 {
			sp.provenance = append(sp.provenance, n.provenance())
		} else {
			i := slices.IndexFunc(sp.provenance, func(p Provenance) bool { return p.Year == n.amends })
			sp.provenance[i].Amendments = append(sp.provenance[i].Amendments, n.amendment())
		}
		for _, b := range n.rest {
			from, err1 := ParseDate(b.from)
			to, err2 := ParseDate(b.to)
			if err1 != nil || err2 != nil || to.Before(from) {
				panic("calendar: bad built-in block " + b.from + ".." + b.to) // caught by TestChinaBuilds
			}
			for d := from; !d.After(to); d, _ = d.AddDays(1) {
				sp.settings = append(sp.settings, setting{d, Holiday, label{f: b.f}})
			}
		}
		for _, s := range n.work {
			d, err := ParseDate(s.date)
			if err != nil {
				panic("calendar: bad built-in date " + s.date)
			}
			sp.settings = append(sp.settings, setting{d, Adjusted, label{f: s.f}})
		}
	}
	c, err := build(sp)
	if err != nil {
		panic(err) // caught by TestChinaBuilds
	}
	return c
})

// China returns the official calendar of the People's Republic of China for
// 2008 through 2027: statutory holidays and the weekend days worked in their
// place (调休), as the State Council announced them year by year, including
// the 2015 Victory Day, the 2019 change to 劳动节 and the 2020 extension of
// the Spring Festival break. Provenance tells, year by year, which notice
// each comes from and whether it was checked against the notice's text. It
// returns the same immutable value on every call.
//
// For years after the last one announced, China().WithProvisional() answers
// from the statutory holidays alone, marking every such answer provisional.
func China() *Calendar { return china() }

// WithProvisional returns a calendar that also answers, provisionally, for
// every year from 2025 through 2100 that no notice arranges: from the
// statutory holidays of 国务院令第795号 and ordinary weekends, with the days
// that make up for statutory days on a weekend (第六条), as the comment on
// provisionalSettings explains. Such years have no 调休: the notice, when it
// comes, may move days off and make weekend days working days.
//
// Every answer that touches a provisional year says so: DayInfo.Provisional,
// Provenance(year).Provisional, IsProvisional and ProvisionalBetween. Years
// merged in later (Merge with an overlay that declares them) replace the
// provisional ones. Without WithProvisional an unknown year is an error
// wrapping ErrUnknownYear.
func (c *Calendar) WithProvisional() (*Calendar, error) {
	if c.withProv {
		return c, nil
	}
	sp := c.spec()
	sp.withProv = true
	return build(sp)
}

func (c *Calendar) spec() spec {
	return spec{settings: c.settings, sources: c.sources, provenance: c.provenance, withProv: c.withProv}
}

// build makes the tables from the confirmed years (those in sp.provenance),
// the provisional years when asked for, and the day settings, applied in
// order (a later setting for the same day wins).
func build(sp spec) (*Calendar, error) {
	c := &Calendar{sources: slices.Clip(sp.sources), settings: slices.Clip(sp.settings),
		provenance: slices.Clip(sp.provenance), withProv: sp.withProv}
	years := make([]int, 0, len(sp.provenance))
	for _, p := range sp.provenance {
		years = append(years, p.Year)
	}
	var provYears []int
	var provSettings []setting
	if sp.withProv {
		for y := provisionalFrom; y <= provisionalThrough; y++ {
			if slices.Contains(years, y) {
				continue
			}
			s, err := provisionalSettings(y)
			if err != nil {
				return nil, err
			}
			provYears = append(provYears, y)
			provSettings = append(provSettings, s...)
		}
	}
	all := append(slices.Clone(years), provYears...)
	if len(all) == 0 {
		c.labels = []named{{}}
		return c, nil
	}
	c.first, c.last = slices.Min(all), slices.Max(all)
	if c.first < firstCalendarYear || c.last > lastCalendarYear {
		return nil, fmt.Errorf("%w: 日历年份须在%d–%d年之间 / calendar years must be %d to %d",
			ErrInvalidData, firstCalendarYear, lastCalendarYear, firstCalendarYear, lastCalendarYear)
	}
	n := c.last - c.first + 1
	c.lo, c.hi = make([]int, n), make([]int, n)
	for _, y := range all {
		c.lo[y-c.first] = y
	}
	if len(provYears) > 0 {
		c.provisional = make([]bool, n)
		for _, y := range provYears {
			c.provisional[y-c.first] = true
		}
	}
	for i := 0; i < n; {
		if c.lo[i] == 0 {
			i++
			continue
		}
		j := i
		for j+1 < n && c.lo[j+1] != 0 {
			j++
		}
		for k := i; k <= j; k++ {
			c.lo[k], c.hi[k] = c.first+i, c.first+j
		}
		i = j + 1
	}
	c.start = pack(c.first, 1, 1).days()
	days := pack(c.last, 12, 31).days() - c.start + 1
	c.monthStart = make([]int32, 12*n)
	for y := c.first; y <= c.last; y++ {
		for m := 1; m <= 12; m++ {
			c.monthStart[(y-c.first)*12+m-1] = int32(pack(y, m, 1).days() - c.start)
		}
	}
	c.code = make([]uint16, days)
	for i := range c.code {
		if w := (c.start + i + 4) % 7; w == int(time.Saturday) || w == int(time.Sunday) {
			c.code[i] = uint16(Weekend)
		}
	}
	c.labels = []named{{}}
	index := map[label]int{}
	// Provisional days first, so that a confirmed day of a neighbouring
	// year's notice (an 元旦 break starting in December) wins.
	for _, list := range [][]setting{provSettings, sp.settings} {
		for _, s := range list {
			y := s.date.Year()
			if !c.knows(y) {
				return nil, fmt.Errorf("%w: %s 所在年份未声明 / %s is in a year the calendar does not know",
					ErrInvalidData, s.date, s.date)
			}
			li, ok := index[s.l]
			if !ok {
				if len(c.labels) == maxLabels {
					return nil, fmt.Errorf("%w: 节日名称超过%d个 / more than %d holiday names", ErrInvalidData, maxLabels-1, maxLabels-1)
				}
				li = len(c.labels)
				index[s.l] = li
				c.labels = append(c.labels, named{s.l, s.l.String()})
			}
			c.code[s.date.days()-c.start] = uint16(s.kind) | uint16(li)<<2
		}
	}
	c.cum = make([]int32, days)
	var count int32
	for i, b := range c.code {
		if c.lo[c.yearAt(i)-c.first] != 0 && DayKind(b&3).IsWorking() {
			count++
			c.work = append(c.work, fromDays(c.start+i))
		}
		c.cum[i] = count
	}
	c.work = slices.Clip(c.work)
	return c, nil
}

func (c *Calendar) knows(y int) bool {
	return y >= c.first && y <= c.last && c.lo[y-c.first] != 0
}

// Knows reports whether the calendar answers for year: from a notice, or
// provisionally (see IsProvisionalYear).
func (c *Calendar) Knows(year int) bool { return c.knows(year) }

// IsProvisionalYear reports whether the calendar answers for year only
// provisionally, from the statutory holidays, because no notice arranges
// it yet.
func (c *Calendar) IsProvisionalYear(year int) bool {
	return c.provisional != nil && year >= c.first && year <= c.last && c.provisional[year-c.first]
}

// IsProvisional reports whether d is in a provisional year: any answer
// about d may change when that year's notice comes.
func (c *Calendar) IsProvisional(d Date) bool { return c.IsProvisionalYear(d.Year()) }

// ProvisionalBetween reports whether any day from from to to (in either
// order) is in a provisional year: whether a count or a due date over
// that span rests on provisional days.
func (c *Calendar) ProvisionalBetween(from, to Date) bool {
	if c.provisional == nil {
		return false
	}
	a, b := from.Year(), to.Year()
	if a > b {
		a, b = b, a
	}
	for y := max(a, c.first); y <= min(b, c.last); y++ {
		if c.provisional[y-c.first] {
			return true
		}
	}
	return false
}

// Years returns the years the calendar knows, in order, provisional ones
// included.
func (c *Calendar) Years() []int {
	var ys []int
	for y := c.first; y <= c.last && c.lo != nil; y++ {
		if c.knows(y) {
			ys = append(ys, y)
		}
	}
	return ys
}

// Sources returns the notices and files the calendar was built from, in the
// order they were applied.
func (c *Calendar) Sources() []string { return slices.Clone(c.sources) }

func (c *Calendar) unknown(y int) error {
	return &UnknownYearError{Year: y, First: c.first, Last: c.last}
}

// index returns the table index of d, or an error for the zero Date and for
// a year the calendar does not know. The check is small enough to inline;
// the error is built out of line.
func (c *Calendar) index(d Date) (int, error) {
	yi := int(d.v>>9) - c.first
	if yi < 0 || yi >= len(c.lo) || c.lo[yi] == 0 {
		return 0, c.indexErr(d)
	}
	return int(c.monthStart[yi*12+int(d.v>>5&15)-1]) + int(d.v&31) - 1, nil
}

// indexErr is the error of index for a date it refuses.
func (c *Calendar) indexErr(d Date) error {
	if d.IsZero() {
		return fmt.Errorf("%w: 零值日期 / the zero Date is not a day", ErrInvalidDate)
	}
	return c.unknown(d.Year())
}

// Kind tells what kind of day d is and, for holidays and make-up working
// days, which holiday; Provisional is set for a day of a provisional year.
func (c *Calendar) Kind(d Date) (DayInfo, error) {
	i, err := c.index(d)
	if err != nil {
		return DayInfo{}, err
	}
	b := c.code[i]
	l := &c.labels[b>>2]
	prov := c.provisional != nil && c.provisional[d.Year()-c.first]
	return DayInfo{Date: d, Kind: DayKind(b & 3), Festival: l.f, Name: l.display, Provisional: prov}, nil
}

// IsWorkday reports whether d is a working day: a weekday that is not a day
// off, or a weekend day worked under 调休.
func (c *Calendar) IsWorkday(d Date) (bool, error) {
	i, err := c.index(d)
	if err != nil {
		return false, err
	}
	return DayKind(c.code[i] & 3).IsWorking(), nil
}

// AddWorkdays returns the n-th working day after d, d itself not counted
// (行政许可法 第八十二条: periods in working days exclude days off). A
// negative n counts backwards, to the |n|-th working day before d; n == 0
// returns d. It returns ErrUnknownYear when d, the result, or a year between
// them is not known. It runs in constant time.
func (c *Calendar) AddWorkdays(d Date, n int) (Date, error) {
	i, err := c.index(d)
	if err != nil {
		return Date{}, err
	}
	if n == 0 {
		return d, nil
	}
	y := d.Year() - c.first
	var k int // index into c.work of the answer
	if n > 0 {
		k = int(c.cum[i]) - 1 + n
		if n > len(c.work) || k >= len(c.work) {
			return Date{}, c.unknown(c.hi[y] + 1)
		}
	} else {
		k = int(c.cum[i]) + n
		if DayKind(c.code[i] & 3).IsWorking() {
			k--
		}
		if n < -len(c.work) || k < 0 {
			return Date{}, c.unknown(c.lo[y] - 1)
		}
	}
	r := c.work[k]
	switch ry := r.Year(); {
	case ry > c.hi[y]:
		return Date{}, c.unknown(c.hi[y] + 1)
	case ry < c.lo[y]:
		return Date{}, c.unknown(c.lo[y] - 1)
	}
	return r, nil
}

// WorkdaysBetween returns the number of working days in (from, to]: after
// from, up to and including to. It is negative when to is before from
// (minus the working days in (to, from]). When to is after from,
// AddWorkdays(from, n) for the n it returns is the last working day on or
// before to. It runs in constant time.
func (c *Calendar) WorkdaysBetween(from, to Date) (int, error) {
	i, err := c.index(from)
	if err != nil {
		return 0, err
	}
	j, err := c.index(to)
	if err != nil {
		return 0, err
	}
	if fy, ty := from.Year()-c.first, to.Year(); ty > c.hi[fy] {
		return 0, c.unknown(c.hi[fy] + 1)
	} else if ty < c.lo[fy] {
		return 0, c.unknown(c.lo[fy] - 1)
	}
	return int(c.cum[j]) - int(c.cum[i]), nil
}

// NextWorkday returns the first working day after d (d not included): the
// same as AddWorkdays(d, 1).
func (c *Calendar) NextWorkday(d Date) (Date, error) { return c.AddWorkdays(d, 1) }

// WorkdayOnOrAfter returns d when it is a working day, and otherwise the
// first working day after it: where a period whose last day is a day off
// ends (民法典 第二百零三条).
func (c *Calendar) WorkdayOnOrAfter(d Date) (Date, error) {
	i, err := c.index(d)
	if err != nil {
		return Date{}, err
	}
	if DayKind(c.code[i] & 3).IsWorking() {
		return d, nil
	}
	return c.AddWorkdays(d, 1)
}

// WorkdaysIn returns the number of working days in year.
func (c *Calendar) WorkdaysIn(year int) (int, error) {
	if !c.knows(year) {
		return 0, c.unknown(year)
	}
	first := pack(year, 1, 1).days() - c.start
	last := pack(year, 12, 31).days() - c.start
	n := int(c.cum[last])
	if first > 0 {
		n -= int(c.cum[first-1])
	}
	return n, nil
}
