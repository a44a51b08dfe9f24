package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/internal/cliout"
	"golang.org/x/text/width"
)

// loadCalendar returns the built-in calendar with the --calendar files laid
// over it in order and, with --provisional, the years no notice arranges
// answered provisionally.
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
	if o.provisional {
		return c.WithProvisional()
	}
	return c, nil
}

// unknownYearHint is what the command line says after an unknown year.
func unknownYearHint(year int) string {
	switch {
	case year < 2008:
		return fmt.Sprintf("提示：%d年早于日历收录的第一年（2008年）；如需要，可用 --calendar 加载该年的安排 / hint: %d is before the first year the calendar holds (2008); load that year's arrangement with --calendar if you need it", year, year)
	case year > 2100:
		return fmt.Sprintf("提示：%d年远在任何通知之后，也超出 --provisional 暂定推算的范围（至2100年）/ hint: %d is far beyond any notice, and beyond what --provisional answers (up to 2100)", year, year)
	}
	return "提示：该年的通知发布后，用 bizenv holidays import 通知.txt > 年.json 转换，再以 --calendar 年.json 加载；" +
		"通知发布前可加 --provisional，按法定节假日暂定推算 / " +
		"hint: once that year's notice is out, convert it with bizenv holidays import NOTICE.txt > YEAR.json and load it with --calendar YEAR.json; " +
		"before it, --provisional answers from the statutory holidays, marked provisional"
}

// horizonDays is how close to the calendar's confirmed horizon a date may
// come before the command line warns.
const horizonDays = 60

// warnHorizon warns on standard error when a date asked about or answered
// is within horizonDays of the last day a notice confirms, or past it.
func warnHorizon(e *env, c *calendar.Calendar, dates ...calendar.Date) {
	h := c.Horizon()
	if h.Confirmed.IsZero() {
		return
	}
	var latest calendar.Date
	for _, d := range dates {
		if d.After(latest) {
			latest = d
		}
	}
	if latest.IsZero() || h.DaysLeft(latest) >= horizonDays {
		return
	}
	if h.Provisional {
		fmt.Fprintf(e.stderr, "注意：日历已由通知确认至 %s，%s 距此不足%d天或已超出；其后的日期为暂定，新通知发布后请以 --calendar 加载 / "+
			"note: the calendar is confirmed by notices up to %s, and %s is within %d days of it or past it; later dates are provisional until the next notice is loaded (--calendar)\n",
			h.Confirmed, latest, horizonDays, h.Confirmed, latest, horizonDays)
		return
	}
	fmt.Fprintf(e.stderr, "注意：日历已由通知确认至 %s，%s 距此不足%d天或已超出；其后的日期须加载新通知（--calendar）或使用 --provisional（暂定）/ "+
		"note: the calendar is confirmed by notices up to %s, and %s is within %d days of it or past it; later dates need the next notice (--calendar) or --provisional\n",
		h.Confirmed, latest, horizonDays, h.Confirmed, latest, horizonDays)
}

// provisionalNote says which years an answer rests on provisionally, or
// nothing.
func provisionalNote(c *calendar.Calendar, from, to calendar.Date) (string, []int) {
	if !c.ProvisionalBetween(from, to) {
		return "", nil
	}
	var years []int
	a, b := min(from.Year(), to.Year()), max(from.Year(), to.Year())
	for y := a; y <= b; y++ {
		if c.IsProvisionalYear(y) {
			years = append(years, y)
		}
	}
	ys := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(years)), "、"), "[]")
	return fmt.Sprintf("暂定：%s年尚无国务院通知，按法定节假日推算 / provisional: no State Council notice for %s yet; from the statutory holidays",
		ys, strings.ReplaceAll(ys, "、", ", ")), years
}

// printDate prints an answer date, marked when it is provisional.
func printDate(e *env, c *calendar.Calendar, from, d calendar.Date) {
	if note, _ := provisionalNote(c, from, d); note != "" {
		fmt.Fprintf(e.stdout, "%s\t%s\n", d, note)
		return
	}
	fmt.Fprintln(e.stdout, d)
}

// provisionalMarks are the provisional marks of a JSON answer.
func provisionalMarks(c *calendar.Calendar, from, to calendar.Date) cliout.Provisional {
	note, years := provisionalNote(c, from, to)
	return cliout.Provisional{Provisional: note != "", ProvisionalYears: years, Note: note}
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
		var all []cliout.Day
		var dates []calendar.Date
		for _, a := range args {
			d, err := parseDateArg(e, a)
			if err != nil {
				return err
			}
			info, err := c.Kind(d)
			if err != nil {
				return err
			}
			all = append(all, cliout.Day{DayInfo: info, Workday: info.IsWorking()})
			dates = append(dates, d)
		}
		warnHorizon(e, c, dates...)
		if o.format == "json" {
			return writeJSON(e.stdout, all)
		}
		for _, x := range all {
			line := fmt.Sprintf("%s\t%s\t%s", x.Date, yesNo(x.Workday), x.Kind.Chinese())
			if x.Name != "" {
				line += "\t" + x.Name
			}
			if x.Provisional {
				note, _ := provisionalNote(c, x.Date, x.Date)
				line += "\t" + note
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
		warnHorizon(e, c, d, r)
		if o.format == "json" {
			return writeJSON(e.stdout, cliout.WorkdaySum{From: d, Workdays: n, Date: r, Provisional: provisionalMarks(c, d, r)})
		}
		printDate(e, c, d, r)
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
		warnHorizon(e, c, from, to)
		if o.format == "json" {
			return writeJSON(e.stdout, cliout.WorkdayCount{From: from, To: to, Workdays: n, Provisional: provisionalMarks(c, from, to)})
		}
		if note, _ := provisionalNote(c, from, to); note != "" {
			fmt.Fprintf(e.stdout, "%d\t%s\n", n, note)
			return nil
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
		warnHorizon(e, c, d, r)
		if o.format == "json" {
			return writeJSON(e.stdout, cliout.NextWorkday{From: d, Date: r, Provisional: provisionalMarks(c, d, r)})
		}
		printDate(e, c, d, r)
		return nil
	},
}

// deadlineCmd answers under 民法典 by default, and under a named law's
// rule set with --law (行政处罚法 第八十五条 counts 五日 in working days).
var deadlineCmd = func() *command {
	return &command{
		name: "deadline", usage: "START PERIOD [--law 行政处罚法]",
		summary: "法定期间的最后一日（20工作日、15日、3个月、1年），可按某部法律的期间规则 / the last day of a statutory period, optionally under a law's rules",
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.law, "law", "", "按其期间规则计算的法律：民法典（默认）、行政许可法、行政处罚法、行政强制法、行政复议法 / "+
				"the law whose rules count the period: 民法典 (default), 行政许可法, 行政处罚法, 行政强制法, 行政复议法")
		},
		run: func(e *env, o *options, args []string) error {
			lawName := o.law
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
			var law calendar.Law
			if lawName != "" {
				if law, err = calendar.ParseLaw(lawName); err != nil {
					return err
				}
			}
			c, err := loadCalendar(e, o)
			if err != nil {
				return err
			}
			if lawName == "" {
				due, err := c.Deadline(start, p)
				if err != nil {
					return err
				}
				warnHorizon(e, c, start, due)
				if o.format == "json" {
					return writeJSON(e.stdout, cliout.Deadline{Start: start, Period: p, Deadline: due, Provisional: provisionalMarks(c, start, due)})
				}
				printDate(e, c, start, due)
				return nil
			}
			r, err := c.DeadlineUnder(law, start, p)
			if err != nil {
				return err
			}
			warnHorizon(e, c, start, r.Deadline)
			if o.format == "json" {
				return writeJSON(e.stdout, cliout.Deadline{Start: start, Period: p, Deadline: r.Deadline, Law: &r.Law, Counted: &r.Counted,
					RolledFrom: r.RolledFrom, Articles: r.Articles, Explanation: r.Explain(), Provisional: provisionalMarks(c, start, r.Deadline)})
			}
			printDate(e, c, start, r.Deadline)
			lines := r.Explain()
			if r.Provisional { // printDate has said so
				lines = lines[:len(lines)-1]
			}
			for _, l := range lines {
				fmt.Fprintln(e.stdout, "  "+l)
			}
			return nil
		},
	}
}()

var holidaysCmd = &command{
	name: "holidays", usage: "[YEAR]",
	summary: "一年的节假日安排、调休上班日与来源 / a year's holiday breaks, make-up working days and where they come from",
	subs:    []*command{holidaysImportCmd},
	run: func(e *env, o *options, args []string) error {
		if len(args) > 1 {
			return usagef("最多一个参数 YEAR", "want at most one argument, YEAR")
		}
		today := calendar.Today(nil, e.now)
		year := today.Year()
		if len(args) == 1 {
			y, err := strconv.Atoi(args[0])
			if err != nil || y < calendar.MinYear || y > calendar.MaxYear {
				return usagef("YEAR 应为1–9999之间的年份：%q", "YEAR must be a year from 1 to 9999: %q", args[0])
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
				note = fmt.Sprintf("尚未收录%d年的安排，以下为%d年（可用 --calendar 加载通知，或用 --provisional 暂定推算）/ %d is not known yet; showing %d (load its notice with --calendar, or use --provisional)",
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
		prov, err := c.Provenance(year)
		if err != nil {
			return err
		}
		h := c.Horizon()
		// The deadline of a 20-working-day approval accepted today, the most
		// common statutory limit (行政许可法 第四十二条).
		approval := calendar.Period{N: 20, Unit: calendar.Workdays}
		due, dueErr := c.Deadline(today, approval)
		first, _ := calendar.NewDate(year, 1, 1)
		warnHorizon(e, c, today, first)
		if o.format == "json" {
			v := cliout.Holidays{Year: year, Workdays: workdays, Holidays: orEmpty(blocks), Provenance: prov, Horizon: h, Note: note}
			if dueErr == nil {
				v.Today = today
				v.Approval = &cliout.ApprovalDue{Period: approval, Deadline: due, Provisional: provisionalMarks(c, today, due)}
			}
			return writeJSON(e.stdout, v)
		}
		if note != "" {
			fmt.Fprintln(e.stdout, note)
		}
		fmt.Fprintf(e.stdout, "%d年节假日安排 / holidays in %d（全年工作日 %d 天 / %d working days）\n", year, year, workdays, workdays)
		fmt.Fprintf(e.stdout, "来源 / source: %s\n", provenanceLine(prov))
		if prov.Note != "" {
			fmt.Fprintf(e.stdout, "说明 / note: %s\n", prov.Note)
		}
		fmt.Fprintln(e.stdout)
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
		fmt.Fprintf(e.stdout, "日历已由通知确认至 %s / confirmed by notices up to %s", h.Confirmed, h.Confirmed)
		if h.Provisional {
			fmt.Fprintf(e.stdout, "；暂定推算至 %s / provisional up to %s", h.Last, h.Last)
		}
		fmt.Fprintln(e.stdout)
		if dueErr != nil {
			fmt.Fprintf(e.stdout, "今天 %s 受理、%s办结的审批：%v\n", today, approval, dueErr)
			return nil
		}
		mark := ""
		if n, _ := provisionalNote(c, today, due); n != "" {
			mark = "（" + n + "）"
		}
		fmt.Fprintf(e.stdout, "今天 %s 受理、%s办结的审批，期限为 %s（%s）%s\n", today, approval, due, weekdayZh(due), mark)
		fmt.Fprintf(e.stdout, "An approval accepted today (%s) with a limit of %s is due on %s.\n", today, approval.English(), due)
		return nil
	},
}

// provenanceLine describes where a year comes from, for people.
func provenanceLine(p calendar.Provenance) string {
	if p.Provisional {
		return fmt.Sprintf("暂定：尚无《%s》，按%s推算，不含调休 / provisional: no notice yet; the statutory holidays and their make-up days, without 调休", p.Notice, p.Via)
	}
	var b strings.Builder
	b.WriteString("《" + p.Notice + "》")
	var parts []string
	if p.DocNumber != "" {
		parts = append(parts, p.DocNumber)
	}
	if p.Issued != "" {
		parts = append(parts, p.Issued)
	}
	if len(parts) > 0 {
		b.WriteString("（" + strings.Join(parts, "，") + "）")
	}
	for _, a := range p.Amendments {
		b.WriteString("，经" + a + "调整")
	}
	if p.Checked {
		b.WriteString("；已与通知原文逐日核对 / checked day by day against the notice's text")
	} else {
		b.WriteString("；未与通知原文核对 / not checked against the notice's text")
		if p.Via != "" {
			b.WriteString("（" + p.Via + "）")
		}
	}
	return b.String()
}

var holidaysImportCmd = &command{
	name: "import", usage: "NOTICE.txt",
	summary: "把国务院节假日通知的文字转为 --calendar 可读的 JSON / turn a State Council holiday notice's text into the JSON --calendar reads",
	run: func(e *env, o *options, args []string) error {
		if err := wantArgs(args, 1, "NOTICE.txt"); err != nil {
			return err
		}
		f, err := openInput(e, args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		n, err := calendar.ParseNotice(f)
		if err != nil {
			return err
		}
		base, err := loadCalendar(e, o) // for an extension of a break already known
		if err != nil {
			return err
		}
		ov, err := n.Overlay(base)
		if err != nil {
			return err
		}
		if _, err := base.Merge(ov); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s：%d段假期 / %d breaks; 保存后用 --calendar 加载 / save it and load it with --calendar\n", ov.Source, len(n.Breaks), len(n.Breaks))
		return writeJSON(e.stdout, ov)
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
