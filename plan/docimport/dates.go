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
	// The patterns run clause by clause, on the clauses that hold a digit or
	// 年底/年末: no dated phrase crosses a comma or a full stop, and a long
	// text costs its length once, not once per pattern and position.
	for base := 0; base < len(text); {
		// Jump to the clause of the next digit or 年底/年末: most of an
		// item's text has none.
		at := nextDateAnchor(text, base)
		if at < 0 {
			break
		}
		if i := lastClauseEnd(text[base:at]); i >= 0 {
			base += i
		}
		end := len(text)
		if i := strings.IndexAny(text[at:], "。；;，,"); i >= 0 {
			end = at + i
		}
		_, n := utf8.DecodeRuneInString(text[end:])
		next := end + n
		c := text[base:next] // with its separator: a pattern's $ is the text's end only
		// Within the clause, the window around its digits and 年底/年末: a
		// pattern starts at most two words before a number and ends a few
		// words after it.
		lo, hi := len(c), 0
		if i := strings.IndexAny(c, "0123456789"); i >= 0 {
			lo, hi = i, strings.LastIndexAny(c, "0123456789")+1
		}
		for _, w := range []string{"年底", "年末"} {
			if i := strings.Index(c, w); i >= 0 {
				lo, hi = min(lo, i), max(hi, strings.LastIndex(c, w)+len(w))
			}
		}
		if lo > hi {
			base = next
			continue
		}
		lo, hi = runeStart(c, lo-9), runeStart(c, hi+36)
		base += lo
		c = c[lo:hi]
		digits, months, prefixed, byYear, ends := dateStarts(c)
		for _, m := range anchoredMatches(reDatedAt, c, merge(digits, prefixed, ends)) {
			g := func(i int) string {
				if m[2*i] < 0 {
					return ""
				}
				return c[m[2*i]:m[2*i+1]]
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
				add(base+m[0], phrase, fmt.Sprintf("%d年底前", year))
			case g(3) != "":
				add(base+m[0], phrase, g(2)+"年底前")
			case g(4) != "":
				add(base+m[0], phrase, g(2)+"年上半年")
			case g(7) != "":
				add(base+m[0], phrase, g(2)+"年"+g(5)+"月"+g(7)+"日前")
			default: // 7月, 7月底, 7月份: the month's end
				add(base+m[0], phrase, g(2)+"年"+g(5)+"月底前")
			}
		}
		for _, m := range anchoredMatches(reByYearAt, c, byYear) {
			add(base+m[0], strings.TrimRight(c[m[0]:m[1]], ",，、:： "), c[m[2]:m[3]]+"年底前")
		}
		for _, m := range anchoredMatches(reYearTargetAt, c, merge(digits, prefixed)) {
			add(base+m[0], c[m[0]:m[1]], c[m[2]:m[3]]+"年底前")
		}
		for _, m := range anchoredMatches(reMonthOnlyAt, c, months) {
			g := func(i int) string {
				if m[2*i] < 0 {
					return ""
				}
				return c[m[2*i]:m[2*i+1]]
			}
			start := m[4]
			phrase := strings.TrimSpace(c[start:m[1]])
			if year == 0 {
				noYear = append(noYear, phrase)
				continue
			}
			if g(4) != "" {
				add(base+start, phrase, fmt.Sprintf("%d年%s月%s日前", year, g(2), g(4)))
			} else {
				add(base+start, phrase, fmt.Sprintf("%d年%s月底前", year, g(2)))
			}
		}
		base = next
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out, noYear
}

// nextDateAnchor returns the offset of the first digit, 年底 or 年末 of
// text at or after from, or -1.
func nextDateAnchor(text string, from int) int {
	at := -1
	for i := from; i < len(text); i++ {
		if text[i] >= '0' && text[i] <= '9' {
			at = i
			break
		}
	}
	limit := len(text)
	if at >= 0 {
		limit = at
	}
	for _, w := range []string{"年底", "年末"} {
		if i := strings.Index(text[from:limit], w); i >= 0 && (at < 0 || from+i < at) {
			at, limit = from+i, from+i
		}
	}
	return at
}

// lastClauseEnd returns the offset just past the last clause separator of
// s (。；;，,), or -1 when it has none.
func lastClauseEnd(s string) int {
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		switch r {
		case '。', '；', ';', '，', ',':
			return i + n
		}
	}
	return -1
}

// The date patterns anchored, to be tried only where a match can start.
var (
	reDatedAt      = anchor(reDated)
	reByYearAt     = anchor(reByYear)
	reYearTargetAt = anchor(reYearTarget)
	reMonthOnlyAt  = anchor(reMonthOnly)
	reQtyAt        = anchor(reQty)
)

func anchor(re *regexp.Regexp) *regexp.Regexp { return regexp.MustCompile(`^(?:` + re.String() + `)`) }

// maxMatch bounds how far past its start a date or target pattern reads.
const maxMatch = 96

// anchoredMatches finds what re.FindAllStringSubmatchIndex(s, -1) finds for
// the pattern anchored is re's anchored form of, trying it only at the
// positions where a match can start, in increasing order; a match's span
// hides the positions inside it. It costs a few steps per position where
// the unanchored search costs the pattern's size at every byte.
func anchoredMatches(anchored *regexp.Regexp, s string, starts []int) [][]int {
	var out [][]int
	end := 0
	for _, st := range starts {
		if st < end {
			continue
		}
		w := s[st:runeStart(s, st+maxMatch)]
		m := anchored.FindStringSubmatchIndex(w)
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += st
			}
		}
		out = append(out, m)
		end = max(m[1], st+1)
	}
	return out
}

// dateStarts lists where the date patterns can start in s: each digit;
// the character before a one- or two-digit month (6月底前); 到, 至, 在, 于
// and 截至 before a digit; 到 and 截至 anywhere (到 2025 年); 年底 and 年末.
func dateStarts(s string) (digits, months, prefixed, byYear, ends []int) {
	prev := -1 // the previous rune's offset
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			// Only where a year (2025 年) or a month (6 月) can follow.
			if yearAt(s, i) {
				digits = append(digits, i)
				for _, w := range []string{"截至", "到", "至", "在", "于"} {
					if strings.HasSuffix(s[:i], w) {
						prefixed = append(prefixed, i-len(w))
					}
				}
			}
			if !monthAt(s, i) {
				break
			}
			if prev < 0 {
				months = append(months, i)
			} else if p, _ := utf8.DecodeRuneInString(s[prev:]); !(p >= '0' && p <= '9') && p != '年' && p != '.' && p != '．' {
				months = append(months, prev)
			}
		case r == '到':
			byYear = append(byYear, i)
		case r == '截' && strings.HasPrefix(s[i:], "截至"):
			byYear = append(byYear, i)
		case r == '年' && (strings.HasPrefix(s[i:], "年底") || strings.HasPrefix(s[i:], "年末")):
			ends = append(ends, i)
		}
		prev = i
	}
	return
}

// targetStarts lists where a target can start in s: at its number, a
// verb (不超过, 压缩至 …) or the space before a number.
func targetStarts(s string) []int {
	var starts []int
	for i, r := range s {
		if r >= '0' && r <= '9' || r == ' ' || r == '\t' || r == '\n' || strings.ContainsRune("不达提压缩控减降", r) {
			starts = append(starts, i)
		}
	}
	return starts
}

// yearAt reports whether four digits and 年 (spaces between allowed) stand
// at s[i:].
func yearAt(s string, i int) bool {
	if i+4 > len(s) {
		return false
	}
	for k := i; k < i+4; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return strings.HasPrefix(strings.TrimLeft(s[i+4:], " \t\n"), "年")
}

// monthAt reports whether one or two digits and 月 stand at s[i:].
func monthAt(s string, i int) bool {
	k := i
	for k < len(s) && k < i+2 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	return k > i && strings.HasPrefix(strings.TrimLeft(s[k:], " \t\n"), "月")
}

// merge returns the positions of the lists in increasing order, each once.
func merge(lists ...[]int) []int {
	var out []int
	for _, l := range lists {
		out = append(out, l...)
	}
	sort.Ints(out)
	k := 0
	for i, v := range out {
		if i == 0 || v != out[k-1] {
			out[k] = v
			k++
		}
	}
	return out[:k]
}

// runeStart returns the start of the rune at or before byte i of s, i
// clamped to s.
func runeStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// targets reads the quantitative targets of a clause: 压缩至1个环节，1个工
// 作日以内办结 is 环节 <= 1 个 and 办结时限 <= 1 工作日. A number without a
// comparator word (以内, 达到, 不超过) is not a target.
func targets(clause string) []task.Target {
	var out []task.Target
	prevEnd := 0
	// The pattern runs on the window around the clause's digits (a verb
	// before a number, a unit and 以内 after it), its matches placed back.
	lo := strings.IndexAny(clause, "0123456789")
	if lo < 0 {
		return nil
	}
	hi := strings.LastIndexAny(clause, "0123456789") + 1
	lo, hi = runeStart(clause, lo-16), runeStart(clause, hi+20)
	w := clause[lo:hi]
	ms := anchoredMatches(reQtyAt, w, targetStarts(w))
	for _, m := range ms {
		for i := range m {
			if m[i] >= 0 {
				m[i] += lo
			}
		}
	}
	for _, m := range ms {
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
