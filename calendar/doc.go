// Package calendar is the clock of bizenv: civil dates, China's official
// working-day calendar, and statutory periods.
//
// # Dates
//
// Date is a day with no time of day and no time zone, as deadlines in plans
// are written: ParseDate reads 2025-12-31 and 2025年12月31日, String writes
// 2025-12-31. Dates compare with == and Compare, convert to and from
// time.Time in a location of the caller's choosing (DateOf, Date.In), and
// marshal to text, JSON and SQL DATE columns.
//
// # The official calendar
//
// China's working days are not Monday to Friday: each year the State Council
// announces the statutory holidays and the weekend days worked to make up
// for the days moved next to them (调休). China returns that calendar for
// 2008 through 2027, transcribed from the notices; Provenance names each
// year's notice, its 文号 and date, and whether the days were checked
// against the notice's text. A question about any other year returns an
// error wrapping ErrUnknownYear; the calendar never guesses.
//
// Horizon tells how far the calendar reaches. Past it, by explicit opt-in
// only, WithProvisional answers from the statutory holidays that the law
// fixes (国务院令第795号: 除夕 to 初三, 清明, 5月1日–2日, 端午, 中秋,
// 10月1日–3日, and 补假 for those on a weekend), without the 调休 that only
// the notice can give; every such answer says it is provisional
// (DayInfo.Provisional, IsProvisional, ProvisionalBetween).
//
// When a new notice appears, ParseNotice reads its text as published and
// Notice.Overlay turns it into data to merge: a clerk pastes the notice and
// is done. Beijing and Today give the official zone and today's date in it.
//
// IsWorkday and Kind classify a day (workday, weekend, holiday with its
// name, adjusted working day with the holiday it makes up for).
// AddWorkdays, WorkdaysBetween and NextWorkday count working days in
// constant time, without allocating, from precomputed tables.
//
// Years announced after this release, corrections and local closures are
// loaded without upgrading: ParseOverlay reads a JSON file, ParseICS an
// iCalendar feed, and Calendar.Merge lays either over a calendar. The rule
// for conflicts is that the loaded data wins; see Overlay.
//
// # Statutory periods
//
// ParsePeriod reads limits as documents write them (20工作日, 15日, 3个月,
// 1年, 24小时) and Calendar.Deadline finds the last day of a period under
// 民法典 第二百零一至二百零三条 and 行政许可法 第八十二条: the start day is not
// counted; a month or year ends on the corresponding day or the month's
// last day; a period in days, months or years whose last day is a day off
// ends on the next working day; working-day periods skip days off.
//
// A period can also be counted under a named law's rules (Law, ParseLaw,
// Calendar.DeadlineUnder): 行政处罚法 第八十五条 and 行政强制法 第六十九条 count
// short periods in working days, 行政许可法 第八十二条 its periods in working
// days; the version of the law in force on the start day applies, and the
// answer names the articles that decided it.
//
// No function here reads the clock: pass today's date, or the instant a
// period starts, as an argument.
package calendar
