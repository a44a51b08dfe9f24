package calendar

import (
	"slices"
)

// HolidayBlock is one announced break: consecutive days off for a holiday,
// and the weekend days worked to make up for it.
type HolidayBlock struct {
	// Festival is the holiday (or holidays, for a combined break).
	Festival Festival `json:"festival,omitempty"`
	// Name is the name for people: Festival's Chinese name, or a local
	// closure's own name.
	Name string `json:"name"`
	// From is the first day off.
	From Date `json:"from"`
	// To is the last day off, inclusive.
	To Date `json:"to"`
	// Days is the number of days off, From to To.
	Days int `json:"days"`
	// Workdays lists the weekend days worked for this break (调休上班).
	Workdays []Date `json:"workdays,omitempty"`
}

// Holidays returns the breaks that touch year, in date order. A break that
// runs across New Year (2018-12-30 to 2019-01-01) is returned whole for both
// years. Make-up working days are attached to the nearest break of the same
// holiday.
func (c *Calendar) Holidays(year int) ([]HolidayBlock, error) {
	if !c.knows(year) {
		return nil, c.unknown(year)
	}
	// Scan beyond the year so that breaks across New Year come whole and
	// every make-up day finds its own break.
	lo, hi := pack(year, 1, 1).days()-c.start, pack(year, 12, 31).days()-c.start
	scanLo, scanHi := max(0, lo-scanMargin), min(len(c.code)-1, hi+scanMargin)
	var blocks []HolidayBlock
	var blockLabel []uint16
	var adjusted []int
	for i := scanLo; i <= scanHi; i++ {
		b := c.code[i]
		if c.lo[c.yearAt(i)-c.first] == 0 {
			continue
		}
		switch DayKind(b & 3) {
		case Holiday:
			d := fromDays(c.start + i)
			l := c.labels[b>>2]
			if n := len(blocks); n > 0 && blocks[n-1].To.days() == d.days()-1 &&
				(blockLabel[n-1] == b>>2 || l.f != 0 && blocks[n-1].Festival == l.f) {
				// One break: the same label, or the same holiday under
				// another name (春节（除夕）, 国庆节（补假）).
				blocks[n-1].To = d
				blocks[n-1].Days++
				continue
			}
			name := l.display
			if l.f != 0 {
				name = l.f.String()
			}
			blocks = append(blocks, HolidayBlock{Festival: l.f, Name: name, From: d, To: d, Days: 1})
			blockLabel = append(blockLabel, b>>2)
		case Adjusted:
			adjusted = append(adjusted, i)
		}
	}
	for _, i := range adjusted {
		best, dist := -1, 0
		for k, bl := range blocks {
			if blockLabel[k] != c.code[i]>>2 {
				continue
			}
			dd := abs(bl.From.days() - c.start - i)
			if e := abs(bl.To.days() - c.start - i); e < dd {
				dd = e
			}
			if dd <= maxMakeUpDistance && (best < 0 || dd < dist) {
				best, dist = k, dd
			}
		}
		if best >= 0 {
			blocks[best].Workdays = append(blocks[best].Workdays, fromDays(c.start+i))
		}
	}
	out := blocks[:0]
	for _, bl := range blocks {
		if bl.To.Year() >= year && bl.From.Year() <= year {
			out = append(out, bl)
		}
	}
	return slices.Clip(out), nil
}

const (
	scanMargin        = 100 // days scanned beyond the year asked for
	maxMakeUpDistance = 40  // days at most between a make-up day and its break
)

func (c *Calendar) yearAt(i int) int { return fromDays(c.start + i).Year() }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Special returns the holidays and adjusted working days in (from, to], in
// date order: the days that make counting working days differ from
// counting Monday to Friday. It scans the precomputed table, about a
// nanosecond a day. Every day in the range must be in a known year.
func (c *Calendar) Special(from, to Date) ([]DayInfo, error) {
	i, err := c.index(from)
	if err != nil {
		return nil, err
	}
	j, err := c.index(to)
	if err != nil {
		return nil, err
	}
	if fy, ty := from.Year()-c.first, to.Year(); ty > c.hi[fy] {
		return nil, c.unknown(c.hi[fy] + 1)
	}
	n := 0
	for k := i + 1; k <= j; k++ {
		if kind := DayKind(c.code[k] & 3); kind == Holiday || kind == Adjusted {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	out := make([]DayInfo, 0, n)
	for k := i + 1; k <= j; k++ {
		b := c.code[k]
		if kind := DayKind(b & 3); kind == Holiday || kind == Adjusted {
			l := c.labels[b>>2]
			out = append(out, DayInfo{Date: fromDays(c.start + k), Kind: kind, Festival: l.f, Name: l.display})
		}
	}
	return out, nil
}
