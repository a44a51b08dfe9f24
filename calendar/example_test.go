package calendar_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
)

func ExampleParseDate() {
	for _, s := range []string{"2025-12-31", "2025年1月5日", "2025-02-30"} {
		d, err := calendar.ParseDate(s)
		fmt.Println(d, err != nil)
	}
	// Output:
	// 2025-12-31 false
	// 2025-01-05 false
	// 0000-00-00 true
}

func ExampleNewDate() {
	d, err := calendar.NewDate(2025, time.October, 8)
	fmt.Println(d, d.Weekday(), err)
	_, err = calendar.NewDate(2025, time.February, 29)
	fmt.Println(errors.Is(err, calendar.ErrInvalidDate))
	// Output:
	// 2025-10-08 Wednesday <nil>
	// true
}

func ExampleDateOf() {
	beijing := time.FixedZone("CST", 8*3600)
	t := time.Date(2025, 12, 31, 20, 0, 0, 0, time.UTC)
	fmt.Println(calendar.DateOf(t), calendar.DateOf(t.In(beijing)))
	// Output: 2025-12-31 2026-01-01
}

func ExampleDate_In() {
	d, _ := calendar.ParseDate("2025-10-09")
	fmt.Println(d.In(time.FixedZone("CST", 8*3600)))
	// Output: 2025-10-09 00:00:00 +0800 CST
}

func ExampleDate_AddDays() {
	d, _ := calendar.ParseDate("2024-02-28")
	next, _ := d.AddDays(1)
	fmt.Println(next)
	// Output: 2024-02-29
}

func ExampleDate_Sub() {
	a, _ := calendar.ParseDate("2025-09-30")
	b, _ := calendar.ParseDate("2025-10-09")
	fmt.Println(b.Sub(a), a.Compare(b), a.Before(b), a.After(b))
	// Output: 9 -1 true false
}

func ExampleDate_Chinese() {
	d, _ := calendar.ParseDate("2025-12-31")
	fmt.Println(d.Chinese())
	// Output: 2025年12月31日
}

func ExampleDate_Scan() {
	var d calendar.Date
	// A driver hands a DATE column over as a time.Time at midnight UTC.
	err := d.Scan(time.Date(2025, 10, 8, 0, 0, 0, 0, time.UTC))
	v, _ := d.Value()
	fmt.Println(d, err, v)
	// Output: 2025-10-08 <nil> 2025-10-08
}

func ExampleChina() {
	c := calendar.China()
	years := c.Years()
	fmt.Println(years[0], years[len(years)-1], c.Knows(2028))
	// Output: 2008 2027 false
}

func ExampleCalendar_IsWorkday() {
	c := calendar.China()
	for _, s := range []string{"2025-09-28", "2025-10-08", "2028-01-04"} {
		d, _ := calendar.ParseDate(s)
		ok, err := c.IsWorkday(d)
		fmt.Println(s, ok, errors.Is(err, calendar.ErrUnknownYear))
	}
	// Output:
	// 2025-09-28 true false
	// 2025-10-08 false false
	// 2028-01-04 false true
}

func ExampleCalendar_Kind() {
	c := calendar.China()
	for _, s := range []string{"2025-01-28", "2025-09-28", "2025-10-12", "2025-10-13"} {
		d, _ := calendar.ParseDate(s)
		info, _ := c.Kind(d)
		if info.Name != "" {
			fmt.Println(s, info.Kind, info.Name)
		} else {
			fmt.Println(s, info.Kind)
		}
	}
	// Output:
	// 2025-01-28 holiday 春节
	// 2025-09-28 adjusted 中秋节、国庆节
	// 2025-10-12 weekend
	// 2025-10-13 workday
}

func ExampleCalendar_AddWorkdays() {
	c := calendar.China()
	d, _ := calendar.ParseDate("2025-09-30")
	due, _ := c.AddWorkdays(d, 5) // 10-11, a Saturday, is worked
	back, _ := c.AddWorkdays(due, -5)
	fmt.Println(due, back)
	// Output: 2025-10-14 2025-09-30
}

func ExampleCalendar_WorkdaysBetween() {
	c := calendar.China()
	from, _ := calendar.ParseDate("2025-09-30")
	to, _ := calendar.ParseDate("2025-10-14")
	n, _ := c.WorkdaysBetween(from, to)
	m, _ := c.WorkdaysBetween(to, from)
	fmt.Println(n, m)
	// Output: 5 -5
}

func ExampleCalendar_NextWorkday() {
	d, _ := calendar.ParseDate("2025-09-30")
	next, _ := calendar.China().NextWorkday(d)
	fmt.Println(next)
	// Output: 2025-10-09
}

func ExampleCalendar_WorkdayOnOrAfter() {
	c := calendar.China()
	a, _ := calendar.ParseDate("2025-10-04")
	b, _ := calendar.ParseDate("2025-10-09")
	x, _ := c.WorkdayOnOrAfter(a)
	y, _ := c.WorkdayOnOrAfter(b)
	fmt.Println(x, y)
	// Output: 2025-10-09 2025-10-09
}

func ExampleCalendar_WorkdaysIn() {
	c := calendar.China()
	n24, _ := c.WorkdaysIn(2024)
	n25, _ := c.WorkdaysIn(2025)
	fmt.Println(n24, n25)
	// Output: 251 248
}

func ExampleCalendar_Holidays() {
	hs, _ := calendar.China().Holidays(2025)
	for _, h := range hs {
		fmt.Println(h.Name, h.From, h.To, h.Days, h.Workdays)
	}
	// Output:
	// 元旦 2025-01-01 2025-01-01 1 []
	// 春节 2025-01-28 2025-02-04 8 [2025-01-26 2025-02-08]
	// 清明节 2025-04-04 2025-04-06 3 []
	// 劳动节 2025-05-01 2025-05-05 5 [2025-04-27]
	// 端午节 2025-05-31 2025-06-02 3 []
	// 中秋节、国庆节 2025-10-01 2025-10-08 8 [2025-09-28 2025-10-11]
}

func ExampleCalendar_Sources() {
	src := calendar.China().Sources()
	fmt.Println(src[len(src)-1])
	// Output: 国务院办公厅关于2027年部分节假日安排的通知
}

func ExampleCalendar_Deadline() {
	c := calendar.China()
	start, _ := calendar.ParseDate("2025-09-30")
	for _, s := range []string{"7天", "20工作日", "1个月"} {
		p, _ := calendar.ParsePeriod(s)
		due, _ := c.Deadline(start, p)
		fmt.Println(s, due)
	}
	// Output:
	// 7天 2025-10-09
	// 20工作日 2025-11-04
	// 1个月 2025-10-30
}

func ExampleCalendar_DeadlineAt() {
	c := calendar.China()
	beijing := time.FixedZone("CST", 8*3600)
	start := time.Date(2025, 9, 30, 15, 0, 0, 0, beijing)
	h24, _ := calendar.ParsePeriod("24小时")
	d7, _ := calendar.ParsePeriod("7天")
	a, _ := c.DeadlineAt(start, h24)
	b, _ := c.DeadlineAt(start, d7)
	fmt.Println(a)
	fmt.Println(b) // 24:00 of 2025-10-09
	// Output:
	// 2025-10-01 15:00:00 +0800 CST
	// 2025-10-10 00:00:00 +0800 CST
}

func ExampleParsePeriod() {
	for _, s := range []string{"20个工作日内", "十五日", "3个月", "24小时", "20周"} {
		p, err := calendar.ParsePeriod(s)
		fmt.Println(p, p.English(), err != nil)
	}
	// Output:
	// 20工作日 20 workdays false
	// 15日 15 days false
	// 3个月 3 months false
	// 24小时 24 hours false
	// 0日 0 days true
}

func ExampleParseFestival() {
	f, _ := calendar.ParseFestival("国庆、中秋")
	fmt.Println(f, "/", f.English(), f.Has(calendar.NationalDay))
	// Output: 中秋节、国庆节 / Mid-Autumn Festival & National Day true
}

func ExampleParseOverlay() {
	// A local closure on top of the official calendar.
	o, err := calendar.ParseOverlay(strings.NewReader(`{
	  "source": "某区台风停工通知",
	  "days": [{"date": "2026-07-21", "kind": "holiday", "name": "台风停工"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := calendar.China().Merge(o)
	d, _ := calendar.ParseDate("2026-07-20")
	next, _ := c.NextWorkday(d)
	info, _ := c.Kind(d)
	fmt.Println(next, info.Kind)
	closed, _ := calendar.ParseDate("2026-07-21")
	info, _ = c.Kind(closed)
	fmt.Println(closed, info.Kind, info.Name)
	// Output:
	// 2026-07-22 workday
	// 2026-07-21 holiday 台风停工
}

func ExampleCalendar_Merge() {
	// A year the built-in data does not have yet is declared in Years and
	// replaces nothing else. (Made-up days, for illustration only.)
	o := &calendar.Overlay{Source: "示例", Years: []int{2030}}
	for _, s := range []string{"2030-01-01", "2030-01-02"} {
		d, _ := calendar.ParseDate(s)
		o.Days = append(o.Days, calendar.DayInfo{Date: d, Kind: calendar.Holiday, Festival: calendar.NewYear})
	}
	c, err := calendar.China().Merge(o)
	fmt.Println(err, c.Knows(2030), c.Knows(2029), calendar.China().Knows(2030))
	// Output: <nil> true false false
}

func ExampleParseICS() {
	feed := "BEGIN:VCALENDAR\r\n" +
		"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260721\r\nDTEND;VALUE=DATE:20260723\r\nSUMMARY:台风停工(休)\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260725\r\nSUMMARY:台风停工(班)\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	o, err := calendar.ParseICS(strings.NewReader(feed))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range o.Days {
		fmt.Println(d.Date, d.Kind, d.Name)
	}
	// Output:
	// 2026-07-21 holiday 台风停工
	// 2026-07-22 holiday 台风停工
	// 2026-07-25 adjusted 台风停工
}

func ExampleUnknownYearError() {
	d, _ := calendar.ParseDate("2028-03-01")
	_, err := calendar.China().IsWorkday(d)
	var ue *calendar.UnknownYearError
	if errors.As(err, &ue) {
		fmt.Println(ue.Year, ue.First, ue.Last)
	}
	// Output: 2028 2008 2027
}

func ExampleDate_Weekday() {
	d, _ := calendar.ParseDate("2025-09-28")
	fmt.Println(d.Weekday())
	// Output: Sunday
}

func ExampleDate_Compare() {
	a, _ := calendar.ParseDate("2025-10-01")
	b, _ := calendar.ParseDate("2025年10月1日")
	fmt.Println(a.Compare(b), a == b)
	// Output: 0 true
}

func ExampleDate_IsZero() {
	var d calendar.Date
	b, _ := json.Marshal(struct {
		Due calendar.Date `json:"due"`
	}{d})
	fmt.Println(d.IsZero(), d, string(b))
	// Output: true 0000-00-00 {"due":null}
}

func ExampleDate_MarshalJSON() {
	d, _ := calendar.ParseDate("2025年12月31日")
	b, _ := json.Marshal(map[string]calendar.Date{"deadline": d})
	fmt.Println(string(b))
	// Output: {"deadline":"2025-12-31"}
}

func ExampleCalendar_Knows() {
	c := calendar.China()
	fmt.Println(c.Knows(2008), c.Knows(2027), c.Knows(2007), c.Knows(2028))
	// Output: true true false false
}

func ExampleDayKind_Chinese() {
	for k := calendar.Workday; k <= calendar.Adjusted; k++ {
		fmt.Println(k, k.Chinese(), k.IsWorking())
	}
	// Output:
	// workday 工作日 true
	// weekend 休息日 false
	// holiday 节假日 false
	// adjusted 调休上班 true
}

func ExampleOverlay_Validate() {
	d, _ := calendar.ParseDate("2025-10-15") // a Wednesday
	o := calendar.Overlay{Days: []calendar.DayInfo{{Date: d, Kind: calendar.Adjusted}}}
	err := o.Validate()
	fmt.Println(errors.Is(err, calendar.ErrInvalidData))
	// Output: true
}

func ExamplePeriod_String() {
	p := calendar.Period{N: 3, Unit: calendar.Months}
	b, _ := json.Marshal(map[string]calendar.Period{"limit": p})
	fmt.Println(p, p.English(), string(b))
	// Output: 3个月 3 months {"limit":"3个月"}
}

func ExampleCalendar_Special() {
	from, _ := calendar.ParseDate("2025-09-26")
	to, _ := calendar.ParseDate("2025-10-12")
	days, _ := calendar.China().Special(from, to)
	for _, d := range days {
		fmt.Println(d.Date, d.Kind)
	}
	// Output:
	// 2025-09-28 adjusted
	// 2025-10-01 holiday
	// 2025-10-02 holiday
	// 2025-10-03 holiday
	// 2025-10-04 holiday
	// 2025-10-05 holiday
	// 2025-10-06 holiday
	// 2025-10-07 holiday
	// 2025-10-08 holiday
	// 2025-10-11 adjusted
}

func ExampleToday() {
	// 06:30 in Beijing on 1 January is still 31 December in UTC: the date
	// of an instant depends on where it is counted.
	now := time.Date(2026, 12, 31, 22, 30, 0, 0, time.UTC)
	fmt.Println(calendar.DateOf(now), calendar.Today(nil, now), calendar.Today(time.UTC, now))
	// Output: 2026-12-31 2027-01-01 2026-12-31
}

func ExampleParseNotice() {
	text := `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。1月31日（周日）、2月14日（周日）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。`
	n, err := calendar.ParseNotice(strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	o, _ := n.Overlay(nil)
	c, _ := calendar.China().Merge(o) // the text gives exactly the built-in 2027
	days, _ := c.WorkdaysIn(2027)
	fmt.Println(n.Year, len(n.Breaks), n.Breaks[1].From, n.Breaks[1].To, n.Breaks[1].Workdays, days)
	// Output: 2027 7 2027-02-05 2027-02-13 [2027-01-31 2027-02-14] 248
}

func ExampleCalendar_WithProvisional() {
	c, err := calendar.China().WithProvisional()
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := calendar.ParseDate("2028-01-25")
	info, _ := c.Kind(d)
	fmt.Println(info.Kind, info.Name, info.Provisional)
	p, _ := c.Provenance(2028)
	fmt.Println(p.Provisional, p.Via)
	// Output:
	// holiday 春节（除夕） true
	// true 《全国年节及纪念日放假办法》（国务院令第795号）第二条、第六条
}

func ExampleCalendar_Provenance() {
	p, _ := calendar.China().Provenance(2026)
	fmt.Println(p.DocNumber, p.Issued, p.Checked)
	p, _ = calendar.China().Provenance(2027)
	fmt.Println(p.Checked, p.Via)
	// Output:
	// 国办发明电〔2025〕7号 2025-11-04 true
	// false github.com/6tail/lunar-go v1.4.7 (HolidayUtil), checked against 国务院令第795号
}

func ExampleCalendar_Horizon() {
	h := calendar.China().Horizon()
	d, _ := calendar.ParseDate("2027-11-15")
	fmt.Println(h.Confirmed, h.DaysLeft(d))
	// Output: 2027-12-31 46
}
