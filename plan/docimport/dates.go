package docimport

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
)

// reDated finds dated phrases: 2022年底前, 到2022年7月底, 2025年年底前,
// 2023年6月30日前, 2022年上半年; and 年底前 with no year (the plan's year).
// A year written with neither 到 nor 前 nor a month (2021年底水平) is a
// reference, not a deadline.
var reDated = regexp.MustCompile(`(到|至|在|于|截至)?(\d{4})\s*年\s*(?:(年底|年末|底|末)|(上半年)|(\d{1,2})\s*月\s*(?:(底|末|份)|(\d{1,2})\s*日)?)(前|以前|之前)?(起|开始|以来)?|(年底|年末)(前|以前|之前)`)

// reByYear finds "by the year": 到2025年, (a year alone, followed by a
// comma) — the year's end.
var reByYear = regexp.MustCompile(`(?:到|截至)\s*(\d{4})\s*年(?:[,，、:：\s]|$)`)

// reMonthOnly finds a month without a year, before a deadline word:
// 6月底前, 9月30日前. The character before the month is matched so that
// 2022年7月底前 is not read twice.
var reMonthOnly = regexp.MustCompile(`(^|[^\d年.．])(\d{1,2})\s*月\s*(?:(底|末|份)|(\d{1,2})\s*[日号])?\s*(前|以前|之前)`)

// reYearTarget finds a target year with no month before a verb of
// achievement: 2019年实现90%事项网上办, 到2025年完成18个项目 — that year's end.
var reYearTarget = regexp.MustCompile(`(?:到|至)?(\d{4})\s*年\s*(?:全面|基本)?(?:实现|完成|建成|达到)`)

// reMonthly finds a monthly deadline: 每月15日前.
var reMonthly = regexp.MustCompile(`每月\s*(\d{1,2})\s*日\s*(?:前|以前|之前)`)

// reQty finds a quantitative target: 压缩至1个环节, 1个工作日以内,
// 办结率达到90%以上, 不超过40天.
var reQty = regexp.MustCompile(`(不超过|不低于|不少于|不高于|达到|提高到|提高至|提升到|提升至|压缩至|压缩到|压缩在|缩减至|缩减到|压减至|压减到|缩短至|缩短到|控制在|减少至|减少到|降至|降低至|降低到|减至)?\s*(\d+(?:\.\d+)?)\s*(个工作日|工作日|个环节|个小时|小时|分钟|天|%|％|个|家|件|项|户|次)(以内|以下|以上|之内|内)?`)

var lowerWords = map[string]bool{"不超过": true, "不高于": true, "压缩至": true, "压缩到": true, "压缩在": true, "缩减至": true, "缩减到": true,
	"压减至": true, "压减到": true, "缩短至": true, "缩短到": true, "控制在": true, "减少至": true, "减少到": true, "降至": true, "降低至": true, "降低到": true, "减至": true}

// dated is a dated phrase of an item's text.
type dated struct {
	due    calendar.Date
	phrase string
	clause string // from the phrase to the end of its clause
	at     int    // byte offset in the text
}

// findDates returns the item's dated phrases in order. year stands in for
// 年底前 written without a year; 0 means there is none, and such phrases
// are returned in noYear.
func findDates(text string, year int) (out []dated, noYear []string) {
	// add records a dated phrase at start, its date worked out by
	// task.ParseDeadline from canon, the phrase written the way it reads.
	add := func(start int, phrase, canon string) {
		dl, err := task.ParseDeadline(canon)
		if err != nil || dl.Kind != task.OnDate {
			return
		}
		end := len(text)
		if i := strings.IndexAny(text[start:], "。；;"); i >= 0 {
			end = start + i
		}
		out = append(out, dated{due: dl.Date, phrase: phrase, clause: strings.TrimSpace(text[start:end]), at: start})
	}
	for _, m := range reDated.FindAllStringSubmatchIndex(text, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		if g(9) != "" { // 起, 开始, 以来: a start, not a deadline
			continue
		}
		if g(11) == "" && g(1) == "" && g(8) == "" && g(4) == "" { // 2021年底水平: a reference, not a deadline
			continue
		}
		phrase := strings.TrimSpace(g(0))
		switch {
		case g(10) != "": // 年底前 without a year
			if year == 0 {
				noYear = append(noYear, phrase)
				continue
			}
			add(m[0], phrase, fmt.Sprintf("%d年底前", year))
		case g(3) != "":
			add(m[0], phrase, g(2)+"年底前")
		case g(4) != "":
			add(m[0], phrase, g(2)+"年上半年")
		case g(7) != "":
			add(m[0], phrase, g(2)+"年"+g(5)+"月"+g(7)+"日前")
		default: // 7月, 7月底, 7月份: the month's end
			add(m[0], phrase, g(2)+"年"+g(5)+"月底前")
		}
	}
	for _, m := range reByYear.FindAllStringSubmatchIndex(text, -1) {
		add(m[0], strings.TrimRight(text[m[0]:m[1]], ",，、:： "), text[m[2]:m[3]]+"年底前")
	}
	for _, m := range reYearTarget.FindAllStringSubmatchIndex(text, -1) {
		add(m[0], text[m[0]:m[1]], text[m[2]:m[3]]+"年底前")
	}
	for _, m := range reMonthOnly.FindAllStringSubmatchIndex(text, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		start := m[4]
		phrase := strings.TrimSpace(text[start:m[1]])
		if year == 0 {
			noYear = append(noYear, phrase)
			continue
		}
		if g(4) != "" {
			add(start, phrase, fmt.Sprintf("%d年%s月%s日前", year, g(2), g(4)))
		} else {
			add(start, phrase, fmt.Sprintf("%d年%s月底前", year, g(2)))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out, noYear
}

// targets reads the quantitative targets of a clause: 压缩至1个环节，1个工
// 作日以内办结 is 环节 <= 1 个 and 办结时限 <= 1 工作日. A number without a
// comparator word (以内, 达到, 不超过) is not a target.
func targets(clause string) []task.Target {
	var out []task.Target
	prevEnd := 0
	for _, m := range reQty.FindAllStringSubmatchIndex(clause, -1) {
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return clause[m[2*i]:m[2*i+1]]
		}
		verb, num, unit, suffix := g(1), g(2), g(3), g(4)
		if m[4] > 0 && clause[m[4]-1] >= '0' && clause[m[4]-1] <= '9' {
			continue
		}
		op := ""
		switch {
		case lowerWords[verb] || suffix == "以内" || suffix == "以下" || suffix == "之内" || suffix == "内":
			op = "<="
		case verb != "" || suffix == "以上":
			op = ">="
		case len(out) > 0 && strings.Trim(clause[prevEnd:m[0]], "、，, ") == "":
			op = out[len(out)-1].Op // 压缩至10个环节，40个工作日: the verb governs both
		}
		if op == "" {
			continue
		}
		v, err := decimal.NewFromString(num)
		if err != nil {
			continue
		}
		measure := measureBefore(clause[prevEnd:m[0]])
		prevEnd = m[1]
		switch unit {
		case "个环节":
			unit = "个"
			if !strings.HasSuffix(measure, "环节") {
				measure += "环节"
			}
		case "个工作日":
			unit = "工作日"
		case "个小时":
			unit = "小时"
		case "％":
			unit = "%"
		}
		if measure == "" {
			switch unit {
			case "工作日", "天", "小时", "分钟":
				measure = "办理时限"
			default:
				measure = "数量"
			}
		}
		out = append(out, task.Target{Measure: measure, Op: op, Value: v, Unit: unit})
	}
	return out
}

// measureBefore names what a number measures from the text before it:
// the last run of text after punctuation, a date or a leading verb, at
// most 12 characters.
func measureBefore(s string) string {
	if i := strings.LastIndexAny(s, "，,、：:（("); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		s = s[i+n:]
	}
	if loc := reDated.FindAllStringIndex(s, -1); len(loc) > 0 {
		s = s[loc[len(loc)-1][1]:]
	}
	for _, p := range []string{"将", "实现", "确保", "力争", "全市", "全区", "进一步", "使"} {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range []string{"达", "分别", "均", "要", "率先"} {
		s = strings.TrimSuffix(s, p)
	}
	s = strings.TrimSpace(s)
	if rs := []rune(s); len(rs) > 28 {
		s = string(rs[len(rs)-28:])
	}
	return s
}

// Time limits written as a whole (a 完成时限 line or cell) that name a
// part of the plan's year.
var (
	reWholeYear = regexp.MustCompile(`^(?:(\d{4})\s*年)?\s*(?:全年|年内|年底|年末|年底前|年末前|全年完成|年内完成)$`)
	reYearOnly  = regexp.MustCompile(`^(\d{4})\s*年(?:内|底前|完成)?$`)
	reHalfYear  = regexp.MustCompile(`^(?:(\d{4})\s*年)?\s*(上半年|下半年)(?:前|内|完成)?$`)
	reQuarter   = regexp.MustCompile(`^(?:(\d{4})\s*年)?\s*第?([一二三四1-4])季度(?:末|底)?(?:前|内|完成)?$`)
)

// readLimit reads a time limit written for an item (2023年12月底前, 6月底前
// in a one-year plan, 全年, 每月15日前) as its deadline; year stands in for a
// limit written without one (0: none). ok is false when the limit names no
// date this way.
func readLimit(s string, year int) (*task.Deadline, bool) {
	text := s
	s = strings.TrimSpace(strings.TrimRight(s, "。. "))
	s = strings.TrimSuffix(strings.TrimSuffix(s, "完成"), "前完成")
	yearOf := func(g string) int {
		if g == "" {
			return year
		}
		y, _ := strconv.Atoi(g)
		return y
	}
	onDate := func(y int, m time.Month, d int) (*task.Deadline, bool) {
		if y == 0 {
			return nil, false
		}
		if d == 0 { // the month's last day
			ny, nm := y, m+1
			if nm > 12 {
				ny, nm = y+1, 1
			}
			next, err := calendar.NewDate(ny, nm, 1)
			if err != nil {
				return nil, false
			}
			due, _ := next.AddDays(-1)
			return &task.Deadline{Kind: task.OnDate, Date: due, Text: text}, true
		}
		due, err := calendar.NewDate(y, m, d)
		if err != nil {
			return nil, false
		}
		return &task.Deadline{Kind: task.OnDate, Date: due, Text: text}, true
	}
	if m := reWholeYear.FindStringSubmatch(s); m != nil {
		return onDate(yearOf(m[1]), 12, 31)
	}
	if m := reYearOnly.FindStringSubmatch(s); m != nil {
		return onDate(yearOf(m[1]), 12, 31)
	}
	if m := reHalfYear.FindStringSubmatch(s); m != nil {
		if m[2] == "上半年" {
			return onDate(yearOf(m[1]), 6, 30)
		}
		return onDate(yearOf(m[1]), 12, 31)
	}
	if m := reQuarter.FindStringSubmatch(s); m != nil {
		q := strings.Index("一二三四", m[2])/len("一") + 1
		if m[2] >= "1" && m[2] <= "4" {
			q = int(m[2][0] - '0')
		}
		return onDate(yearOf(m[1]), time.Month(3*q), 0)
	}
	if ds, _ := findDates(s, year); len(ds) > 0 {
		latest := ds[0]
		for _, d := range ds[1:] {
			if d.due.After(latest.due) {
				latest = d
			}
		}
		return &task.Deadline{Kind: task.OnDate, Date: latest.due, Text: text}, true
	}
	if d, err := task.ParseDeadline(s); err == nil {
		d.Text = text
		return &d, true
	}
	return nil, false
}
