package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/calendar"
	"golang.org/x/text/width"
)

// loadCalendar returns the built-in calendar with the --calendar files laid
// over it in order.
func loadCalendar(e *env, o *options) (*calendar.Calendar, error) {
	c := calendar.China()
	var years []int
	if o.years != "" {
		for _, s := range strings.Split(o.years, ",") {
			y, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				return nil, usagef("--calendar-years 应为逗号分隔的年份：%q", "--calendar-years must be years separated by commas: %q", o.years)
			}
			years = append(years, y)
		}
	}
	for _, name := range o.calendars {
		ov, err := readOverlay(e, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		ov.Years = append(ov.Years, years...)
		if ov.Source == "" {
			ov.Source = name
		}
		if c, err = c.Merge(ov); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return c, nil
}

// readOverlay reads a JSON overlay or an ICS feed (told apart by the .ics
// extension or, for standard input, by its first line).
func readOverlay(e *env, name string) (*calendar.Overlay, error) {
	var r io.Reader
	if name == "-" {
		b, err := io.ReadAll(io.LimitReader(e.stdin, 16<<20))
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(strings.TrimSpace(string(b)), "BEGIN:VCALENDAR") {
			return calendar.ParseICS(strings.NewReader(string(b)))
		}
		return calendar.ParseOverlay(strings.NewReader(string(b)))
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("无法打开日历文件 / cannot open calendar file: %w", err)
	}
	defer f.Close()
	r = f
	if strings.EqualFold(filepath.Ext(name), ".ics") {
		return calendar.ParseICS(r)
	}
	return calendar.ParseOverlay(r)
}

// parseDateArg reads a date argument; "today" is the date in Beijing.
func parseDateArg(e *env, s string) (calendar.Date, error) {
	if s == "today" || s == "今天" {
		return calendar.Today(nil, e.now), nil
	}
	return calendar.ParseDate(s)
}

func wantArgs(args []string, n int, usage string) error {
	if len(args) != n {
		return usagef("需要 %d 个参数（%s），实际 %d 个", "want %d arguments (%s), got %d", n, usage, len(args))
	}
	return nil
}

var workdayIsCmd = &command{
	name: "is", usage: "DATE...",
	summary: "判断是否为工作日及原因 / whether each date is a working day, and why",
	run: func(e *env, o *options, args []string) error {
		if len(args) == 0 {
			return usagef("至少需要一个日期", "want at least one date")
		}
		c, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		type out struct {
			calendar.DayInfo
			Workday bool `json:"workday"`
		}
		var all []out
		for _, a := range args {
			d, err := parseDateArg(e, a)
			if err != nil {
				return err
			}
			info, err := c.Kind(d)
			if err != nil {
				return err
			}
			all = append(all, out{info, info.IsWorking()})
		}
		if o.format == "json" {
			return writeJSON(e.stdout, all)
		}
		for _, x := range all {
			line := fmt.Sprintf("%s\t%s\t%s", x.Date, yesNo(x.Workday), x.Kind.Chinese())
			if x.Name != "" {
				line += "\t" + x.Name
			}
			fmt.Fprintln(e.stdout, line)
		}
		return nil
	},
}

func yesNo(b bool) string {
	if b {
		return "工作日 workday"
	}
	return "非工作日 day-off"
}

var workdayAddCmd = &command{
	name: "add", usage: "DATE N",
	summary: "DATE 之后第 N 个工作日（N 为负则向前）/ the N-th working day after DATE (before it when N < 0)",
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 2, "DATE N"); err != nil {
			return err
		}
		d, err := parseDateArg(e, args[0])
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(args[1])
		if err != nil {
			return usagef("N 应为整数：%q", "N must be an integer: %q", args[1])
		}
		c, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		r, err := c.AddWorkdays(d, n)
		if err != nil {
			return err
		}
		if o.format == "json" {
			return writeJSON(e.stdout, map[string]any{"from": d, "workdays": n, "date": r})
		}
		fmt.Fprintln(e.stdout, r)
		return nil
	},
}

var workdayBetweenCmd = &command{
	name: "between", usage: "FROM TO",
	summary: "(FROM, TO] 之间的工作日数 / the working days in (FROM, TO]",
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 2, "FROM TO"); err != nil {
			return err
		}
		from, err := parseDateArg(e, args[0])
		if err != nil {
			return err
		}
		to, err := parseDateArg(e, args[1])
		if err != nil {
			return err
		}
		c, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		n, err := c.WorkdaysBetween(from, to)
		if err != nil {
			return err
		}
		if o.format == "json" {
			return writeJSON(e.stdout, map[string]any{"from": from, "to": to, "workdays": n})
		}
		fmt.Fprintln(e.stdout, n)
		return nil
	},
}

var workdayNextCmd = &command{
	name: "next", usage: "DATE",
	summary: "DATE 之后的第一个工作日 / the first working day after DATE",
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 1, "DATE"); err != nil {
			return err
		}
		d, err := parseDateArg(e, args[0])
		if err != nil {
			return err
		}
		c, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		r, err := c.NextWorkday(d)
		if err != nil {
			return err
		}
		if o.format == "json" {
			return writeJSON(e.stdout, map[string]any{"from": d, "date": r})
		}
		fmt.Fprintln(e.stdout, r)
		return nil
	},
}

var deadlineCmd = &command{
	name: "deadline", usage: "START PERIOD",
	summary: "法定期间的最后一日（20工作日、15日、3个月、1年）/ the last day of a statutory period",
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 2, "START PERIOD"); err != nil {
			return err
		}
		start, err := parseDateArg(e, args[0])
		if err != nil {
			return err
		}
		p, err := calendar.ParsePeriod(args[1])
		if err != nil {
			return err
		}
		c, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		due, err := c.Deadline(start, p)
		if err != nil {
			return err
		}
		if o.format == "json" {
			return writeJSON(e.stdout, map[string]any{"start": start, "period": p, "deadline": due})
		}
		fmt.Fprintln(e.stdout, due)
		return nil
	},
}

var holidaysCmd = &command{
	name: "holidays", usage: "[YEAR]",
	summary: "一年的节假日安排与调休上班日 / a year's holiday breaks and make-up working days",
	run: func(e *env, o *options, args []string) error {
		if len(args) > 1 {
			return usagef("最多一个参数 YEAR", "want at most one argument, YEAR")
		}
		today := calendar.Today(nil, e.now)
		year := today.Year()
		if len(args) == 1 {
			y, err := strconv.Atoi(args[0])
			if err != nil {
				return usagef("YEAR 应为四位年份：%q", "YEAR must be a year: %q", args[0])
			}
			year = y
		}
		c, err := loadCalendar(e, o)
		if err != nil {
			return err
		}
		note := ""
		if len(args) == 0 && !c.Knows(year) {
			// This year's notice is not in this release (or a --calendar
			// file): show the latest year known, and say so.
			years := c.Years()
			if len(years) > 0 && years[len(years)-1] < year {
				note = fmt.Sprintf("尚未收录%d年的安排，以下为%d年（可用 --calendar 加载）/ %d is not known yet; showing %d (load it with --calendar)",
					year, years[len(years)-1], year, years[len(years)-1])
				year = years[len(years)-1]
			}
		}
		blocks, err := c.Holidays(year)
		if err != nil {
			return err
		}
		workdays, err := c.WorkdaysIn(year)
		if err != nil {
			return err
		}
		// The deadline of a 20-working-day approval accepted today, the most
		// common statutory limit (行政许可法 第四十二条).
		approval := calendar.Period{N: 20, Unit: calendar.Workdays}
		due, dueErr := c.Deadline(today, approval)
		if o.format == "json" {
			v := map[string]any{"year": year, "workdays": workdays, "holidays": blocks}
			if note != "" {
				v["note"] = note
			}
			if dueErr == nil {
				v["today"] = today
				v["approval"] = map[string]any{"period": approval, "deadline": due}
			}
			return writeJSON(e.stdout, v)
		}
		if note != "" {
			fmt.Fprintln(e.stdout, note)
		}
		fmt.Fprintf(e.stdout, "%d年节假日安排 / holidays in %d（全年工作日 %d 天 / %d working days）\n\n", year, year, workdays, workdays)
		for _, b := range blocks {
			fmt.Fprintf(e.stdout, "%s %s 至 %s  共%d天", padRight(b.Name, 16), b.From, b.To, b.Days)
			if len(b.Workdays) > 0 {
				var ws []string
				for _, w := range b.Workdays {
					ws = append(ws, fmt.Sprintf("%s（%s）", w, weekdayZh(w)))
				}
				fmt.Fprintf(e.stdout, "  调休上班 %s", strings.Join(ws, "、"))
			}
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprintln(e.stdout)
		if dueErr != nil {
			fmt.Fprintf(e.stdout, "今天 %s 受理、%s办结的审批：%v\n", today, approval, dueErr)
			return nil
		}
		fmt.Fprintf(e.stdout, "今天 %s 受理、%s办结的审批，期限为 %s（%s）\n", today, approval, due, weekdayZh(due))
		fmt.Fprintf(e.stdout, "An approval accepted today (%s) with a limit of %s is due on %s.\n", today, approval.English(), due)
		return nil
	},
}

// padRight pads s with spaces to cols terminal columns, counting East Asian
// wide characters as two.
func padRight(s string, cols int) string {
	w := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	if w >= cols {
		return s
	}
	return s + strings.Repeat(" ", cols-w)
}

func weekdayZh(d calendar.Date) string {
	return [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}[d.Weekday()]
}
