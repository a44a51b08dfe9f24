package docimport

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"golang.org/x/text/width"
)

var (
	reDocNo     = regexp.MustCompile(`\p{Han}{1,12}[〔\[(（【]\s*(?:19|20)\d\d\s*[〕\])）】]\s*\d{1,5}\s*号`)
	reIssued    = regexp.MustCompile(`^(.*?)\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
	reNotice    = regexp.MustCompile(`关于印发\s*《?(.+?)》?\s*的通知`)
	reTitleish  = regexp.MustCompile(`方案|规划|措施|\d+\s*条|意见|计划|办法|纲要|要点|清单|细则|规定|分解表|分工表|任务表|责任表|台账`)
	reYearSpan  = regexp.MustCompile(`((?:19|20)\d\d)\s*[-—–~至－]+\s*((?:19|20)\d\d)`)
	reYear      = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)
	reBookTitle = regexp.MustCompile(`《([^《》]{2,80})》`)
	reAgency    = regexp.MustCompile(`(?:人民政府|办公室|办公厅|委员会|管委会|管理委员会|工作领导小组)$`)
	reCites     = regexp.MustCompile(`根据|按照|依据|贯彻|落实|参照|结合|转发|对照`)
	reIssuerOf  = regexp.MustCompile(`^(.{2,30}?(?:人民政府|办公室|办公厅|委员会|管委会|管理委员会|工作领导小组))关于`)
)

// maxHeaderLine bounds the header lines read for a number, a date or a
// title: longer ones are prose (the preamble), read only for the basis.
const maxHeaderLine = 4096

// docNumber is a document number written in a header line: the plan's own,
// or one the line cites (根据《…》(国办发〔2019〕39号)).
type docNumber struct {
	text  string
	start int
	cited bool
}

// docNumbers finds the document numbers of a header line and tells the
// line's own from those it cites: a number after a 《title》, or in a long
// sentence citing (根据, 贯彻, 落实 …) before it, is cited.
func docNumbers(s string) []docNumber {
	var out []docNumber
	for _, loc := range reDocNo.FindAllStringIndex(s, -1) {
		before := strings.TrimRight(s[:loc[0]], " (（")
		cited := strings.HasSuffix(before, "》") || utf8.RuneCountInString(s) > 50 && reCites.MatchString(s[:loc[0]])
		out = append(out, docNumber{text: s[loc[0]:loc[1]], start: loc[0], cited: cited})
	}
	return out
}

// outsideBooks reports whether byte offset i of s stands outside 《》.
func outsideBooks(s string, i int) bool {
	return strings.Count(s[:i], "《") <= strings.Count(s[:i], "》")
}

// readHeader reads the document number, issuer, date and title from the
// blocks before the body, and the basis from the preamble. Only the
// document's own number is the plan's: a number cited in the preamble goes
// with the basis it names.
func (p *parser) readHeader() {
	pl := p.plan
	lines := make([]string, len(p.header))
	for i, b := range p.header {
		lines[i] = b.text
	}
	var title, notice string
	titleAt, titleFrom := -1, -1
	used := map[int]bool{} // lines read as number, date, issuer or title
	for i := 0; i < len(lines); i++ {
		s := lines[i]
		if len(s) > maxHeaderLine {
			continue // prose, not a number, date or title line
		}
		own := ""
		for _, d := range docNumbers(s) {
			if !d.cited && own == "" {
				own = d.text
			}
		}
		if own != "" && pl.DocNumber.IsZero() {
			if d, err := plan.ParseDocNumber(own); err == nil {
				pl.DocNumber = d
				used[i] = true
				// The number beside the title (永营办发〔2021〕3号 永城市…方案,
				// …实施意见(池政〔2017〕101号)): the rest may be the title.
				s = strings.TrimSpace(strings.Replace(s, own, "", 1))
				s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "()"), "（）"))
				s = strings.TrimLeft(s, ":：")
			}
		}
		// A notice title over several lines: 关于印发《… / …》的通知.
		if k := strings.Index(s, "关于印发"); k >= 0 && outsideBooks(s, k) && !strings.Contains(s, "的通知") {
			joined, j := s, i
			for j+1 < len(lines) && j-i < 3 && !strings.Contains(joined, "的通知") {
				j++
				joined += lines[j]
			}
			if strings.Contains(joined, "的通知") {
				for k := i; k <= j; k++ {
					used[k] = true
				}
				s, i = joined, j
			}
		}
		if m := reNotice.FindStringSubmatchIndex(s); m != nil && outsideBooks(s, m[0]) {
			notice = cleanTitle(s[m[2]:m[3]])
			used[i] = true
			continue
		}
		if m := reIssued.FindStringSubmatch(s); m != nil && utf8.RuneCountInString(s) <= 40 && pl.Issued.IsZero() {
			y, _ := strconv.Atoi(m[2])
			mo, _ := strconv.Atoi(m[3])
			d, _ := strconv.Atoi(m[4])
			if date, err := calendar.NewDate(y, time.Month(mo), d); err == nil {
				pl.Issued = date
				used[i] = true
				if issuer := strings.TrimSpace(m[1]); reAgency.MatchString(issuer) {
					pl.Issuer = issuer
				} else if i > 0 && reAgency.MatchString(lines[i-1]) {
					pl.Issuer = lines[i-1]
					used[i-1] = true
				}
			}
			continue
		}
		if s != "" && utf8.RuneCountInString(s) <= 60 && !strings.ContainsAny(s, "。，,") && !strings.HasPrefix(s, "《") &&
			reTitleish.MatchString(s) && !strings.Contains(s, "关于印发") {
			title, titleAt, titleFrom = cleanTitle(s), i, i
			// A title split over two lines: the line before, when it is
			// no sentence, number, date or notice of its own.
			if i > 0 && !used[i-1] && titleStart(lines[i-1]) && utf8.RuneCountInString(lines[i-1]+s) <= 60 {
				title, titleFrom = cleanTitle(lines[i-1]+s), i-1
			}
			if i+1 < len(lines) {
				if next := lines[i+1]; reYearSpan.MatchString(next) && utf8.RuneCountInString(next) <= 16 {
					title += cleanTitle(next)
					used[i+1] = true
				}
			}
		}
	}
	if title == "" {
		title = notice
	}
	pl.Title = title
	if pl.Issuer == "" {
		if m := reIssuerOf.FindStringSubmatch(title); m != nil {
			pl.Issuer = m[1]
		}
	}
	// The cover notice: the other lines before the title; the preamble:
	// those after it (all of them when there is no title).
	var noticeText, preamble []string
	for i, s := range lines {
		switch {
		case used[i] || i >= titleFrom && i <= titleAt:
		case i < titleFrom:
			noticeText = append(noticeText, s)
		default:
			preamble = append(preamble, s)
		}
	}
	pl.Notice, pl.Preamble = strings.Join(noticeText, "\n"), strings.Join(preamble, "\n")
	for _, s := range lines[titleAt+1:] {
		for _, m := range reBookTitle.FindAllStringSubmatchIndex(s, -1) {
			t := cleanTitle(s[m[2]:m[3]])
			if t == title || t == notice || utf8.RuneCountInString(t) < 6 || hasRef(pl.Basis, t) {
				continue
			}
			ref := plan.Ref{Title: t}
			// 《…》(国办发〔2019〕39号): the number the basis carries.
			tail := s[m[1]:]
			if len(tail) > 80 {
				tail = tail[:80]
			}
			after := strings.TrimLeft(tail, " (（")
			for _, d := range docNumbers(tail) {
				if strings.HasPrefix(after, d.text) {
					if n, err := plan.ParseDocNumber(d.text); err == nil {
						ref.DocNumber = n
					}
				}
			}
			pl.Basis = append(pl.Basis, ref)
		}
	}
}

// titleStart reports whether a header line may be the first line of a
// title split over two: short, no sentence, no bracket, notice or date.
func titleStart(s string) bool {
	return s != "" && utf8.RuneCountInString(s) <= 40 && !strings.ContainsAny(s, "。，,:：;；") && !reTitleish.MatchString(s) &&
		!strings.HasPrefix(s, "(") && !strings.HasPrefix(s, "（") && !strings.HasPrefix(s, "《") && !reAgency.MatchString(s) &&
		!reDocNo.MatchString(s) && !reIssued.MatchString(s) && !isAddressee(s)
}

func hasRef(refs []plan.Ref, title string) bool {
	for _, r := range refs {
		if r.Title == title {
			return true
		}
	}
	return false
}

// kindFromTitle reads the kind of document from its title.
func kindFromTitle(title string) plan.Kind {
	switch {
	case strings.Contains(title, "规划"):
		return plan.Programme
	case reItemCount.MatchString(title):
		return plan.ItemList
	case strings.Contains(title, "措施"):
		return plan.Measures
	}
	return plan.ActionPlan
}

// periodFromTitle reads the period from the title: (2021-2025年), 十四五,
// 2025年.
func periodFromTitle(title string) plan.Period {
	t := string(width.Fold.String(title))
	if m := reYearSpan.FindStringSubmatch(t); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a <= b {
			return plan.Period{From: a, To: b}
		}
	}
	for _, x := range []struct {
		name string
		from int
	}{{"十三五", 2016}, {"十四五", 2021}, {"十五五", 2026}} {
		if strings.Contains(t, x.name) {
			return plan.Period{From: x.from, To: x.from + 4}
		}
	}
	if m := reYear.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		return plan.Period{From: y, To: y}
	}
	return plan.Period{}
}
