package calendar

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Notice is a State Council notice on holidays (国务院办公厅关于××年部分节假日
// 安排的通知, or a notice that changes such an arrangement), as ParseNotice
// reads it from its text. Overlay turns it into calendar data.
type Notice struct {
	// Title is the notice's title, without line breaks and spaces.
	Title string `json:"title"`
	// DocNumber is its 文号 (国办发明电〔2023〕7号), when the text gives it.
	DocNumber string `json:"doc_number,omitempty"`
	// Issued is the date it was signed, when the text gives it.
	Issued Date `json:"issued,omitempty"`
	// Year is the year arranged, or for an amendment the year amended.
	Year int `json:"year"`
	// Amendment reports a notice that changes an arrangement already made
	// (the 2015 Victory Day break, the 2019 change to 劳动节, the 2020
	// extension of the Spring Festival break) rather than arranging a year.
	Amendment bool `json:"amendment,omitempty"`
	// Breaks are the breaks the notice announces, in the order written.
	Breaks []NoticeBreak `json:"breaks"`
}

// NoticeBreak is one break a notice announces.
type NoticeBreak struct {
	// Festival is the holiday (or holidays, for a combined break).
	Festival Festival `json:"festival"`
	// From and To are the first and last day off. From is zero for an
	// extension ("延长2020年春节假期至2月2日"), which starts the day after
	// the break it extends.
	From Date `json:"from,omitempty"`
	To   Date `json:"to"`
	// Days is the count the text gives (共7天, 放假1天), or 0.
	Days int `json:"days,omitempty"`
	// Workdays are the weekend days worked for the break (上班).
	Workdays []Date `json:"workdays,omitempty"`
	// Line is the line of the text where the break is announced.
	Line int `json:"line"`
}

// maxNoticeBytes bounds the text ParseNotice reads: a notice is a page.
const maxNoticeBytes = 1 << 20

// The seven holidays an annual notice must arrange.
const annualFestivals = NewYear | SpringFestival | Qingming | LabourDay | DragonBoat | MidAutumn | NationalDay

// ParseNotice reads the text of a State Council notice on holidays, as
// published (full-width or ASCII punctuation, any line breaks), and
// returns what it announces. It reads every form the notices of 2008–2026
// use:
//
//	一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//	二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
//	三、清明节：4月5日放假，4月6日（星期一）补休。
//	四、劳动节：5月1日放假，与周末连休。
//	六、中秋节、国庆节：9月30日至10月7日放假调休，共8天。9月29日（星期六）上班。
//	一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
//	二、春节：2月6日—12日（即农历除夕至正月初六）放假，共7天。其中……2月2日（星期六）、2月3日（星期日）上班。
//	一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。
//
// and the title, 文号 and date signed. It checks what the text says
// against itself: each weekday written beside a date (星期六, 周日), each
// count (共7天), that every day worked is a Saturday or Sunday, that an
// annual notice arranges all seven holidays, and that every item ends its
// sentence. A text it cannot read fully is an error wrapping ErrInvalidData
// that names the line and the phrase (*DataError with Format "notice"),
// never a partial year.
func ParseNotice(r io.Reader) (*Notice, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxNoticeBytes+1))
	if err != nil {
		return nil, noticeErr(0, "", msg{"无法读取：" + err.Error(), "cannot read: " + err.Error()})
	}
	if len(b) > maxNoticeBytes {
		return nil, noticeErr(0, "", msg{fmt.Sprintf("文本超过%d字节，不像一份通知", maxNoticeBytes),
			fmt.Sprintf("the text is larger than %d bytes: not a notice", maxNoticeBytes)})
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		return nil, noticeErr(0, "", msg{"文本不是 UTF-8（可能是 GBK：iconv -f GBK -t UTF-8）",
			"the text is not UTF-8 (GBK? convert with iconv -f GBK -t UTF-8)"})
	}
	if i := bytes.IndexFunc(b, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\r' && r != '\t' }); i >= 0 {
		line := bytes.Count(b[:i], []byte{'\n'}) + 1
		return nil, noticeErr(line, "", msg{"文本含有控制字符，不是通知的文字", "the text has control characters: not a notice's text"})
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), maxNoticeBytes+1)
	for sc.Scan() {
		lines = append(lines, normalizeNoticeLine(sc.Text()))
	}
	p := &noticeParser{lines: lines}
	return p.parse()
}

// normalizeNoticeLine folds full-width forms to ASCII (the published
// notices use ，：（）; stored copies often have ,:()), and trims.
func normalizeNoticeLine(s string) string {
	s = foldWidth(strings.ReplaceAll(s, "\u00a0", " "))
	return strings.TrimSpace(s)
}

func noticeErr(line int, phrase string, m msg) *DataError {
	where := "text"
	if line > 0 {
		where = fmt.Sprintf("line %d", line)
	}
	if phrase != "" {
		if r := []rune(phrase); len(r) > 40 {
			phrase = string(r[:40]) + "…"
		}
		m.zh = fmt.Sprintf("“%s”：%s", phrase, m.zh)
		m.en = fmt.Sprintf("%q: %s", phrase, m.en)
	}
	return dataErr("notice", where, m)
}

type noticeParser struct {
	lines []string
	n     *Notice
}

var (
	reItem      = regexp.MustCompile(`^([一二三四五六七八九十]+)、\s*`)
	reTitle     = regexp.MustCompile(`国务院(?:办公厅)?关于.{2,80}?的通知`)
	reDocNumber = regexp.MustCompile(`((?:国\s*办\s*)?发\s*明\s*电)\s*[〔\[［(]\s*(\d{4})\s*[〕\]］)]\s*(\d{1,3})\s*号`)
	reYear      = regexp.MustCompile(`(\d{4})年`)
	reSignedAR  = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日\s*$`)
	reSignedZH  = regexp.MustCompile(`([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$`)
	// A date as notices write it: 2018年12月30日, 10月1日, 3日; with the
	// annotation that may follow it: （周四）, （农历腊月二十八、周日）.
	reDate     = regexp.MustCompile(`(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(\([^()]*\))?`)
	reWeekday  = regexp.MustCompile(`(?:星期|周)([一二三四五六日天])`)
	reCount    = regexp.MustCompile(`(?:共|放假)(\d{1,2})天`)
	reRangeSep = regexp.MustCompile(`^\s*(?:至|—|–|-|－|~|～)\s*$`)
)

// headerLines bounds the lines read for the title, 文号 and year.
const headerLines = 40

// closing starts the paragraphs after the items.
var closing = []string{"节假日期间", "鼓励", "国务院办公厅", "国务院", "调休放假期间", "劳动节期间"}

func (p *noticeParser) parse() (*Notice, error) {
	p.n = &Notice{}
	p.header()
	if p.n.Title == "" && p.n.Year == 0 {
		return nil, noticeErr(0, "", msg{"找不到通知的标题或年份：这不像国务院关于节假日安排的通知",
			"no title or year found: this does not look like a State Council notice on holidays"})
	}
	items := p.items()
	for _, it := range items {
		if err := p.item(it); err != nil {
			return nil, err
		}
	}
	if len(p.n.Breaks) == 0 {
		return nil, noticeErr(0, "", msg{"通知中找不到任何放假安排", "the notice announces no break"})
	}
	if !p.n.Amendment {
		var got Festival
		for _, b := range p.n.Breaks {
			got |= b.Festival
		}
		if missing := annualFestivals &^ got; missing != 0 {
			last := items[len(items)-1]
			return nil, noticeErr(last.line, "", msg{
				fmt.Sprintf("通知没有安排%s：文本可能不完整", missing),
				fmt.Sprintf("the notice arranges no %s: the text may be incomplete", missing.English())})
		}
	}
	return p.n, nil
}

// header reads the title, 文号, year and date signed.
func (p *noticeParser) header() {
	n := p.n
	var head strings.Builder
	for i, l := range p.lines {
		if i >= 12 || reItem.MatchString(l) {
			break
		}
		head.WriteString(strings.Join(strings.Fields(l), ""))
	}
	if m := reTitle.FindString(head.String()); m != "" {
		n.Title = m
	}
	// The 文号 and the year stand in the header, before the items: only the
	// first lines are looked at, so that a long text costs no more.
	top := p.lines[:min(len(p.lines), headerLines)]
	for _, l := range top {
		if m := reDocNumber.FindStringSubmatch(l); m != nil {
			prefix := strings.Join(strings.Fields(m[1]), "")
			if !strings.HasPrefix(prefix, "国") {
				prefix = "国" + prefix // 国发明电
			}
			n.DocNumber = fmt.Sprintf("%s〔%s〕%s号", prefix, m[2], m[3])
			break
		}
	}
	n.Amendment = n.Title != "" && !strings.Contains(n.Title, "部分节假日安排")
	if m := reYear.FindStringSubmatch(n.Title); m != nil {
		n.Year, _ = strconv.Atoi(m[1])
	}
	if n.Year == 0 {
		// No year in the title: the year the introduction names (现将2015年
		// 元旦、春节…), or else the first year the text names before the items.
		for _, l := range top {
			if reItem.MatchString(l) {
				break
			}
			if i := strings.Index(l, "年元旦"); i >= 4 {
				if y, err := strconv.Atoi(l[i-4 : i]); err == nil {
					n.Year = y
					break
				}
			}
		}
	}
	for _, l := range top {
		if n.Year != 0 || reItem.MatchString(l) {
			break
		}
		if m := reYear.FindStringSubmatch(l); m != nil {
			n.Year, _ = strconv.Atoi(m[1])
		}
	}
	// The date signed: the last date at the end of one of the last lines.
	for i := len(p.lines) - 1; i >= 0 && i >= len(p.lines)-6; i-- {
		if d, ok := signedDate(p.lines[i]); ok {
			n.Issued = d
			break
		}
	}
}

func signedDate(l string) (Date, bool) {
	if m := reSignedAR.FindStringSubmatch(l); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		v, err := NewDate(y, time.Month(mo), d)
		return v, err == nil
	}
	if m := reSignedZH.FindStringSubmatch(l); m != nil {
		y := 0
		for _, r := range m[1] {
			if r == '○' { // a circle, often typed for 〇
				r = '〇'
			}
			y = y*10 + chineseDigits[r]
		}
		mo, _, ok1 := chineseNumber(m[2])
		d, _, ok2 := chineseNumber(m[3])
		if !ok1 || !ok2 {
			return Date{}, false
		}
		v, err := NewDate(y, time.Month(mo), d)
		return v, err == nil
	}
	return Date{}, false
}

// noticeItem is one numbered item (一、…) with the lines that continue it;
// for a notice without items, a paragraph of its body.
type noticeItem struct {
	line     int
	text     string
	numbered bool
}

// items collects the numbered items, each with the lines that continue it
// (an item's heading may stand on a line of its own). A notice that numbers
// none (the 2015 Victory Day notice) gives its paragraphs instead.
func (p *noticeParser) items() []noticeItem {
	var items []noticeItem
	in := false
	for i, l := range p.lines {
		switch {
		case reItem.MatchString(l):
			items = append(items, noticeItem{i + 1, l, true})
			in = true
		case l == "":
		case in && !startsWithAny(l, closing):
			items[len(items)-1].text += l
		default:
			in = false
		}
	}
	if len(items) > 0 {
		return items
	}
	for i, l := range p.lines {
		if (strings.Contains(l, "放假") || strings.Contains(l, "上班")) && reDate.MatchString(l) {
			items = append(items, noticeItem{i + 1, l, false})
		}
	}
	return items
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// dateTok is a date found in an item, with where it stands.
type dateTok struct {
	d          Date
	start, end int // byte offsets in the item's text
	explicitY  bool
}

// item reads one item: its holiday, its break and the days worked.
func (p *noticeParser) item(it noticeItem) error {
	text := reItem.ReplaceAllString(it.text, "")
	hasBreakWords := strings.Contains(text, "放假") || strings.Contains(text, "上班") || strings.Contains(text, "延长")
	if !hasBreakWords {
		return nil // 二、各地区、各部门要抓紧做好……
	}
	if !strings.HasSuffix(text, "。") {
		return noticeErr(it.line, lastRunes(text, 20), msg{"条目没有以句号结束：文本可能被截断", "the item does not end its sentence: the text may be truncated"})
	}
	// The holiday: named before the first date, or by the title.
	first := reDate.FindStringIndex(text)
	head := text
	if first != nil {
		head = text[:first[0]]
	}
	f := festivalsIn(head)
	if first == nil && !strings.Contains(text, "延长") {
		if it.numbered && f != 0 {
			return noticeErr(it.line, firstRunes(text, 30), msg{fmt.Sprintf("%s的安排中没有日期", f), fmt.Sprintf("the item for %s gives no date", f.English())})
		}
		return nil // 调休放假期间，各地区、各部门要……
	}
	if f == 0 {
		f = festivalsIn(p.n.Title)
	}
	if f == 0 {
		return noticeErr(it.line, lastRunes(head, 20)+firstRunes(text, 20), msg{"看不出是哪个节日的安排", "cannot tell which holiday this item arranges"})
	}
	// Years of dates without one: the notice's year, or the year before
	// for a December day of 元旦.
	defYear := p.n.Year
	var toks []dateTok
	for _, m := range reDate.FindAllStringSubmatchIndex(text, -1) {
		tok, err := p.date(it, text, m, defYear, f, toks)
		if err != nil {
			return err
		}
		toks = append(toks, tok)
	}
	b := NoticeBreak{Festival: f, Line: it.line}
	// Clauses: split at ，；。： outside brackets, and read each.
	clauseStart, depth := 0, 0
	for i := 0; i <= len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if i < len(text) {
			switch r {
			case '(':
				depth++
			case ')':
				depth = max(depth-1, 0)
			}
		}
		if i < len(text) && (depth > 0 || !(r == ',' || r == ';' || r == '。' || r == ':')) {
			i += size
			continue
		}
		clause, cs := text[clauseStart:i], clauseStart
		if i < len(text) {
			i += size
		} else {
			i++
		}
		clauseStart = i
		var in []dateTok
		for _, t := range toks {
			if t.start >= cs && t.end <= cs+len(clause) {
				in = append(in, t)
			}
		}
		if err := p.clause(it, clause, cs, text, in, &b); err != nil {
			return err
		}
	}
	if b.To.IsZero() {
		if len(b.Workdays) > 0 {
			return noticeErr(it.line, firstRunes(text, 30), msg{"只有上班日，没有放假日期", "days worked but no days off"})
		}
		return noticeErr(it.line, firstRunes(text, 30), msg{"找不到放假的日期", "no days off found"})
	}
	if all := reCount.FindAllStringSubmatch(text, -1); all != nil && !b.From.IsZero() {
		m := all[len(all)-1] // the whole break's count comes last (2015: 放假1天 … 共3天)
		b.Days, _ = strconv.Atoi(m[1])
		if got := b.To.Sub(b.From) + 1; got != b.Days {
			return noticeErr(it.line, m[0], msg{fmt.Sprintf("写明%d天，但 %s 至 %s 是%d天", b.Days, b.From, b.To, got),
				fmt.Sprintf("the text says %d days, but %s to %s is %d", b.Days, b.From, b.To, got)})
		}
	}
	for _, w := range b.Workdays {
		if !isWeekend(w) {
			return noticeErr(it.line, w.Chinese(), msg{fmt.Sprintf("%s 是%s，调休上班只能是周六或周日", w, weekdayZh[w.Weekday()]),
				fmt.Sprintf("%s is a %s: only a Saturday or Sunday is worked in exchange", w, w.Weekday())})
		}
		if !b.From.IsZero() && !w.Before(b.From) && !w.After(b.To) {
			return noticeErr(it.line, w.Chinese(), msg{fmt.Sprintf("%s 既放假又上班", w), fmt.Sprintf("%s is both off and worked", w)})
		}
	}
	p.n.Breaks = append(p.n.Breaks, b)
	return nil
}

// date reads one date match and checks its weekday annotation.
func (p *noticeParser) date(it noticeItem, text string, m []int, defYear int, f Festival, prev []dateTok) (dateTok, error) {
	sub := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return text[m[2*k]:m[2*k+1]]
	}
	phrase := text[m[0]:m[1]]
	tok := dateTok{start: m[0], end: m[1]}
	y, mo := defYear, 0
	if s := sub(1); s != "" {
		y, _ = strconv.Atoi(s)
		tok.explicitY = true
	}
	if s := sub(2); s != "" {
		mo, _ = strconv.Atoi(s)
	}
	day, _ := strconv.Atoi(sub(3))
	// A day without a month continues the date before it: 1月1日至3日,
	// 2月20日（星期六）、21日（星期日）.
	if mo == 0 {
		if len(prev) == 0 {
			return tok, noticeErr(it.line, phrase, msg{"日期缺少月份", "the date has no month"})
		}
		last := prev[len(prev)-1].d
		mo = int(last.Month())
		if !tok.explicitY {
			y = last.Year()
		}
	} else if !tok.explicitY {
		if len(prev) > 0 && prev[len(prev)-1].explicitY && int(prev[len(prev)-1].d.Month()) <= mo {
			y = prev[len(prev)-1].d.Year() // 2012年1月1日至…，2011年12月31日 / 2019年1月1日 … 1月
		} else if f.Has(NewYear) && mo == 12 {
			y = defYear - 1
		}
	}
	d, err := NewDate(y, time.Month(mo), day)
	if err != nil {
		return tok, noticeErr(it.line, phrase, msg{"不是有效的日期", "not a valid date"})
	}
	tok.d = d
	if ann := sub(4); ann != "" {
		if wm := reWeekday.FindStringSubmatch(ann); wm != nil {
			want := strings.Index("日一二三四五六", wm[1]) / 3
			if wm[1] == "天" {
				want = 0
			}
			if int(d.Weekday()) != want {
				return tok, noticeErr(it.line, phrase, msg{fmt.Sprintf("%s 是%s，不是%s", d, weekdayZh[d.Weekday()], wm[0]),
					fmt.Sprintf("%s is a %s, not %s", d, d.Weekday(), wm[0])})
			}
		}
	}
	return tok, nil
}

// clause reads one clause of an item into the break.
func (p *noticeParser) clause(it noticeItem, clause string, cs int, text string, toks []dateTok, b *NoticeBreak) error {
	switch {
	case strings.Contains(clause, "正常上班"):
		return nil // 2月3日（星期一）起正常上班
	case strings.Contains(clause, "上班"):
		for _, t := range toks {
			if !slices.Contains(b.Workdays, t.d) {
				b.Workdays = append(b.Workdays, t.d)
			}
		}
		return nil
	case strings.Contains(clause, "延长"):
		if len(toks) != 1 {
			return noticeErr(it.line, clause, msg{"延长假期应写明延长至哪一天", "an extension names the day it runs to"})
		}
		b.To = toks[0].d
		return nil
	case strings.Contains(clause, "与周末连休"):
		if b.To.IsZero() {
			return noticeErr(it.line, clause, msg{"“与周末连休”之前没有放假日期", "与周末连休 with no day off before it"})
		}
		from, to := b.From, b.To
		for d, _ := from.AddDays(-1); isWeekend(d); d, _ = d.AddDays(-1) {
			from = d
		}
		for d, _ := to.AddDays(1); isWeekend(d); d, _ = d.AddDays(1) {
			to = d
		}
		if from == b.From && to == b.To {
			return noticeErr(it.line, clause, msg{fmt.Sprintf("%s 不与周末相邻", b.To), fmt.Sprintf("%s is not next to a weekend", b.To)})
		}
		b.From, b.To = from, to
		return nil
	case strings.Contains(clause, "补休"):
		if b.To.IsZero() || len(toks) != 1 {
			return noticeErr(it.line, clause, msg{"补休应跟在放假日期之后，写明一天", "补休 follows the day off and names one day"})
		}
		if d := toks[0].d; d.After(b.To) {
			b.To = d
		}
		return nil
	case strings.Contains(clause, "放假"):
		if len(toks) == 0 {
			return nil // 放假1天，不调休 / 共3天
		}
		from, to, err := rangeOf(it, clause, cs, text, toks)
		if err != nil {
			return err
		}
		switch {
		case b.To.IsZero():
			b.From, b.To = from, to
		case from.Sub(b.To) <= 1 && b.From.Sub(to) <= 1:
			// A wider statement of the same break (2015: 9月3日全国放假1天
			// … 9月3日至5日调休放假): the union.
			if from.Before(b.From) {
				b.From = from
			}
			if to.After(b.To) {
				b.To = to
			}
		default:
			return noticeErr(it.line, clause, msg{fmt.Sprintf("一个条目中有两段不相连的放假日期（%s 至 %s，%s 至 %s）", b.From, b.To, from, to),
				fmt.Sprintf("two separate breaks in one item (%s to %s, %s to %s)", b.From, b.To, from, to)})
		}
	}
	return nil
}

// rangeOf reads the days off of a clause: one date, or two joined by 至
// or a dash.
func rangeOf(it noticeItem, clause string, cs int, text string, toks []dateTok) (Date, Date, error) {
	if len(toks) == 1 {
		return toks[0].d, toks[0].d, nil
	}
	if len(toks) == 2 && reRangeSep.MatchString(text[toks[0].end:toks[1].start]) {
		from, to := toks[0].d, toks[1].d
		if to.Before(from) || to.Sub(from) > maxEventDays {
			return Date{}, Date{}, noticeErr(it.line, clause, msg{fmt.Sprintf("%s 至 %s 不是一段假期", from, to),
				fmt.Sprintf("%s to %s is not a break", from, to)})
		}
		return from, to, nil
	}
	return Date{}, Date{}, noticeErr(it.line, clause, msg{"读不出放假的起止日期", "cannot read the first and last day off"})
}

// festivalsIn finds the holidays named in s (元旦, “五一”国际劳动节, 中秋节、国庆节).
func festivalsIn(s string) Festival {
	var f Festival
	for i, n := range festivalNames {
		names := append([]string{n.zh}, n.aliases...)
		for _, name := range names {
			if utf8.RuneCountInString(name) >= 2 && strings.Contains(s, name) {
				f |= 1 << i
				break
			}
		}
	}
	if strings.Contains(s, "抗日战争") && strings.Contains(s, "纪念日") {
		f |= VictoryDay
	}
	return f
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-n:])
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// Overlay returns the notice as calendar data to merge with Calendar.Merge:
// for an annual notice, its year whole (Years), with every day off and
// every day worked; for an amendment, the days it changes. base is needed
// only for an extension (延长…假期至), to find where the break it extends
// ends; it may be nil otherwise.
func (n *Notice) Overlay(base *Calendar) (*Overlay, error) {
	o := &Overlay{Source: n.Title, DocNumber: n.DocNumber, Checked: true}
	if o.Source == "" {
		o.Source = fmt.Sprintf("国务院办公厅关于%d年部分节假日安排的通知", n.Year)
	}
	if !n.Issued.IsZero() {
		o.Issued = n.Issued.String()
	}
	if !n.Amendment {
		o.Years = []int{n.Year}
	}
	for _, b := range n.Breaks {
		from := b.From
		if from.IsZero() {
			var err error
			if from, err = extensionStart(base, b); err != nil {
				return nil, err
			}
		}
		for d := from; !d.After(b.To); d, _ = d.AddDays(1) {
			o.Days = append(o.Days, DayInfo{Date: d, Kind: Holiday, Festival: b.Festival})
		}
		for _, w := range b.Workdays {
			o.Days = append(o.Days, DayInfo{Date: w, Kind: Adjusted, Festival: b.Festival})
		}
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return o, nil
}

// extensionStart finds the day after the break an extension extends: the
// last day off of that holiday before the extension's end.
func extensionStart(base *Calendar, b NoticeBreak) (Date, error) {
	if base == nil {
		return Date{}, noticeErr(b.Line, "", msg{"延长假期的通知需要原有安排（base 日历）", "an extension needs the calendar it extends (base)"})
	}
	for d, _ := b.To.AddDays(-1); b.To.Sub(d) <= maxEventDays; d, _ = d.AddDays(-1) {
		info, err := base.Kind(d)
		if err != nil {
			return Date{}, err
		}
		if info.Kind == Holiday && info.Festival.Has(b.Festival) {
			return d.AddDays(1)
		}
	}
	return Date{}, noticeErr(b.Line, "", msg{fmt.Sprintf("%s 之前的%d天内没有%s假期可延长", b.To, maxEventDays, b.Festival),
		fmt.Sprintf("no %s break in the %d days before %s to extend", b.Festival.English(), maxEventDays, b.To)})
}
