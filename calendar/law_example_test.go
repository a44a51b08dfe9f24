package calendar_test

import (
	"fmt"

	"github.com/bizenv/bizenv/calendar"
)

func ExampleCalendar_DeadlineUnder() {
	c := calendar.China()
	start, _ := calendar.ParseDate("2026-09-30")
	five, _ := calendar.ParsePeriod("5日")
	for _, law := range []calendar.Law{calendar.CivilCode, calendar.PenaltyLaw} {
		r, err := c.DeadlineUnder(law, start, five)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(law, r.Counted, r.Deadline, r.Articles[0].Number)
	}
	// Output:
	// 民法典 5日 2026-10-08 第二百零一条
	// 行政处罚法 5工作日 2026-10-13 第八十五条
}

func ExampleParseLaw() {
	law, _ := calendar.ParseLaw("《中华人民共和国行政强制法》")
	ten, _ := calendar.ParsePeriod("十日")
	start, _ := calendar.ParseDate("2026-09-30")
	counted, art, _, _ := law.Count(start, ten)
	fmt.Println(law, counted)
	fmt.Println(art)
	// Output:
	// 行政强制法 10工作日
	// 行政强制法 第六十九条：本法中十日以内期限的规定是指工作日，不含法定节假日。
}
