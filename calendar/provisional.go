package calendar

import (
	"fmt"
	"slices"
	"sync"
	"time"

	lunar "github.com/6tail/lunar-go/calendar"
)

// Provisional years.
//
// Before the State Council announces a year, its statutory holidays are
// already fixed by law: 《全国年节及纪念日放假办法》 as amended by 国务院令
// 第795号 (in force 2025-01-01), 第二条: 元旦 (1月1日), 春节 (农历除夕 to 正月
// 初三, four days), 清明节 (the day of the solar term), 劳动节 (5月1日、2日),
// 端午节 (农历五月初五), 中秋节 (农历八月十五) and 国庆节 (10月1日至3日), 13
// days in all; and 第六条: a holiday for all citizens that falls on a
// Saturday or Sunday is made up on a working day (补假). Only the 调休
// arrangement (which weekdays are taken off and which weekend days worked in
// exchange) waits for the notice.
//
// A provisional year is answered from those rules alone: the statutory days
// and ordinary weekends, with each statutory day that falls on a weekend, or
// on the same day as another holiday's (中秋节 on 3 October 2028), made up
// on the first working day after the break. Where the made-up days land is
// bizenv's reading (the notices have put them after the break, as in 2015's
// "4月5日放假，4月6日（星期一）补休"); everything else is the law's.
//
// The lunar dates and the 清明 solar term come from github.com/6tail/lunar-go,
// a library made for Chinese calendar conversion; TestLunarDates pins them
// for 2025–2035 against a table checked with Debian's lunar and
// python3-lunardate packages.

const (
	// provisionalFrom is the first year the rules of 国务院令第795号 govern.
	provisionalFrom = 2025
	// provisionalThrough is the last year a provisional calendar answers.
	provisionalThrough = 2100
)

// statutory is a year's statutory holidays under 国务院令第795号.
type statutory struct {
	eve, qingming, dragonBoat, midAutumn Date // 除夕, 清明, 端午, 中秋
}

// lunarDays computes the lunar holidays of every year a provisional
// calendar may answer, once. lunar-go panics on dates it cannot convert;
// none of these should, and a panic becomes an error rather than a crash.
var lunarDays = sync.OnceValues(func() (t []statutory, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("%w: 农历换算失败 / lunar conversion failed: %v", ErrInvalidData, r)
		}
	}()
	t = make([]statutory, provisionalThrough-provisionalFrom+1)
	for y := provisionalFrom; y <= provisionalThrough; y++ {
		first := lunar.NewLunarFromYmd(y, 1, 1) // 正月初一 of lunar year y, in January or February of y
		eve, err := solarDate(first.GetSolar())
		if err != nil {
			return nil, err
		}
		eve, _ = eve.AddDays(-1)
		qm, ok := first.GetJieQiTable()["清明"]
		if !ok {
			return nil, fmt.Errorf("%w: %d年没有清明 / no 清明 in %d", ErrInvalidData, y, y)
		}
		s := statutory{eve: eve}
		if s.qingming, err = solarDate(qm); err != nil {
			return nil, err
		}
		if s.dragonBoat, err = solarDate(lunar.NewLunarFromYmd(y, 5, 5).GetSolar()); err != nil {
			return nil, err
		}
		if s.midAutumn, err = solarDate(lunar.NewLunarFromYmd(y, 8, 15).GetSolar()); err != nil {
			return nil, err
		}
		for _, d := range []Date{s.eve, s.qingming, s.dragonBoat, s.midAutumn} {
			if d.Year() != y {
				return nil, fmt.Errorf("%w: %s 不在%d年 / %s is not in %d", ErrInvalidData, d, y, d, y)
			}
		}
		t[y-provisionalFrom] = s
	}
	return t, nil
})

func solarDate(s *lunar.Solar) (Date, error) {
	return NewDate(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
}

// statutoryDay is one statutory holiday of a year: a day and its holiday.
// A day can appear twice (中秋节 on 3 October).
type statutoryDay struct {
	d Date
	f Festival
}

// statutoryDays returns the 13 statutory holidays of year (2025–2100).
func statutoryDays(year int) ([]statutoryDay, error) {
	t, err := lunarDays()
	if err != nil {
		return nil, err
	}
	if year < provisionalFrom || year > provisionalThrough {
		return nil, &UnknownYearError{Year: year, First: provisionalFrom, Last: provisionalThrough}
	}
	s := t[year-provisionalFrom]
	days := []statutoryDay{{pack(year, 1, 1), NewYear}}
	for i := range 4 {
		d, _ := s.eve.AddDays(i)
		days = append(days, statutoryDay{d, SpringFestival})
	}
	days = append(days, statutoryDay{s.qingming, Qingming},
		statutoryDay{pack(year, 5, 1), LabourDay}, statutoryDay{pack(year, 5, 2), LabourDay},
		statutoryDay{s.dragonBoat, DragonBoat}, statutoryDay{s.midAutumn, MidAutumn})
	for d := 1; d <= 3; d++ {
		days = append(days, statutoryDay{pack(year, 10, d), NationalDay})
	}
	return days, nil
}

// Names of the days a provisional year marks out.
const (
	eveName    = "春节（除夕）"
	makeUpMark = "（补假）"
)

// provisionalSettings returns the days off of a provisional year: each
// holiday's statutory days, joined into one break with any holiday whose
// days touch them, and extended past the break by the working days that
// make up for statutory days on a weekend or on the same day as another
// (第六条).
func provisionalSettings(year int) ([]setting, error) {
	days, err := statutoryDays(year)
	if err != nil {
		return nil, err
	}
	// Group the statutory days into breaks: days of holidays that overlap
	// or touch form one break (中秋节 on 30 September or 3 October joins
	// 国庆节).
	type brk struct {
		from, to Date
		f        Festival
		entries  []Date
	}
	slices.SortStableFunc(days, func(a, b statutoryDay) int { return a.d.Compare(b.d) })
	var breaks []brk
	for _, sd := range days {
		if n := len(breaks); n > 0 && sd.d.Sub(breaks[n-1].to) <= 1 {
			b := &breaks[n-1]
			b.to = sd.d
			b.f |= sd.f
			b.entries = append(b.entries, sd.d)
			continue
		}
		breaks = append(breaks, brk{sd.d, sd.d, sd.f, []Date{sd.d}})
	}
	off := map[Date]bool{}
	for _, b := range breaks {
		for d := b.from; !d.After(b.to); d, _ = d.AddDays(1) {
			off[d] = true
		}
	}
	var out []setting
	for _, b := range breaks {
		// Every statutory entry needs a weekday of its own: those on a
		// weekend, and the second holiday of a shared day, are made up.
		weekdays := map[Date]bool{}
		for _, d := range b.entries {
			if !isWeekend(d) {
				weekdays[d] = true
			}
		}
		makeUp := len(b.entries) - len(weekdays)
		for d := b.from; !d.After(b.to); d, _ = d.AddDays(1) {
			l := label{f: b.f}
			if b.f == SpringFestival && d == b.from {
				l.name = eveName
			}
			out = append(out, setting{d, Holiday, l})
		}
		for d, _ := b.to.AddDays(1); makeUp > 0; d, _ = d.AddDays(1) {
			l := label{f: b.f}
			if !isWeekend(d) && !off[d] {
				l.name = b.f.String() + makeUpMark
				makeUp--
			}
			off[d] = true
			out = append(out, setting{d, Holiday, l})
		}
	}
	return out, nil
}

func isWeekend(d Date) bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}
