package docimport

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
	"github.com/google/uuid"
	"golang.org/x/text/width"
)

// Options tune an import. The document fields (Title, DocNumber, Issuer,
// Issued, Period, Kind), when set, replace what the importer reads from
// the text: use them for documents whose header is missing.
type Options struct {
	// Source names where the text came from (a file name, a URL); it is
	// kept in the plan's Source.
	Source string
	// Title replaces the title read from the text.
	Title string
	// DocNumber replaces the document number read from the text.
	DocNumber plan.DocNumber
	// Issuer replaces the issuer read from the text.
	Issuer string
	// Issued replaces the date of issue read from the text.
	Issued calendar.Date
	// Period replaces the period read from the title or the deadlines.
	Period plan.Period
	// Kind replaces the kind read from the title.
	Kind plan.Kind
	// MaxBytes bounds the input; 0 means DefaultMaxBytes.
	MaxBytes int
}

// Finding is something the importer could not read with confidence, or
// a defect of the document it noticed, with the line it is on. Code is
// stable: programs may switch on it. The codes:
//
//	code                   severity  meaning
//	no_numbering           error     the text has no numbered heading or item: it is not a plan
//	no_title               warning   no title found (pass Options.Title)
//	no_period              warning   no period in the title and no dated deadline (pass Options.Period)
//	period_inferred        info      the period was read from the deadlines, not the title
//	no_header              info      no document number, issuer or date of issue found
//	duplicate_number       warning   an item number repeats within its section
//	numbering_gap          warning   an item number skips or goes back
//	no_unit                warning   an item names no responsible unit
//	orphan_responsibility  warning   a responsibility line follows no item; it is kept in the section text
//	joined_units           info      a unit list broken across lines was joined
//	deadline_no_year       warning   年底前 without a year in a plan of several years; no deadline set
//	column_gap             warning   a column (专栏N) number skips or repeats
//	unnumbered_items       info      the items are unnumbered paragraphs, numbered here by position
//	table_no_header        warning   tab-separated rows without a header the importer knows; kept as text
//	table_row              warning   a table row with more cells than its header; left out of the system
//	table_target           warning   a target cell the importer cannot read; the indicator has no target
//	table_attribute        warning   an attribute cell that is neither 约束性 nor 预期性
//	page_chrome            info      web page furniture (分享, 附件, 扫一扫…) left out
type Finding struct {
	// Line is the 1-based line of the input.
	Line int `json:"line"`
	// Code is the stable code (see the table above).
	Code string `json:"code"`
	// Severity is error, warning or info.
	Severity plan.Severity `json:"severity"`
	// MessageZh says what, in Chinese.
	MessageZh string `json:"message_zh"`
	// MessageEn says what, in English.
	MessageEn string `json:"message_en"`
	// Text is the start of the line, for people.
	Text string `json:"text,omitempty"`
}

// String returns "line N: severity code: message_zh / message_en «text»".
func (f Finding) String() string {
	s := fmt.Sprintf("line %d: %s %s: %s / %s", f.Line, f.Severity, f.Code, f.MessageZh, f.MessageEn)
	if f.Text != "" {
		s += " «" + f.Text + "»"
	}
	return s
}

// Result is an imported plan and what the importer found on the way.
type Result struct {
	// Plan is the plan read from the text.
	Plan *plan.Plan `json:"plan"`
	// Findings are in line order.
	Findings []Finding `json:"findings"`
}

// Importer names this importer in a plan's Source.
const Importer = "bizenv plan/docimport 1"

// Import reads a document's text from r (UTF-8, at most Options.MaxBytes)
// and returns the plan with findings. Input that is not a document's text
// (empty, binary, not UTF-8, too large) is an error wrapping ErrEmpty,
// ErrBinary, ErrEncoding or ErrTooLarge; everything else is read, and what
// cannot be read with confidence is a finding.
func Import(r io.Reader, o Options) (*Result, error) {
	b, err := readLimited(r, o.maxBytes())
	if err != nil {
		return nil, err
	}
	return Parse(b, o)
}

// maxBytes is MaxBytes, or DefaultMaxBytes when it is not set.
func (o Options) maxBytes() int {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Parse is Import on text already in memory.
func Parse(text []byte, o Options) (*Result, error) {
	if max := o.maxBytes(); len(text) > max {
		return nil, tooLarge(max)
	}
	b, err := checkText(text)
	if err != nil {
		return nil, err
	}
	p := &parser{o: o, lines: splitLines(b), texts: map[*string]*strings.Builder{}, plan: &plan.Plan{Basis: []plan.Ref{}, Phases: []plan.Phase{}, Sections: []*plan.Section{},
		Columns: []plan.Column{}, Safeguards: []string{}, IndicatorSystems: nil}}
	sum := sha256.Sum256(b)
	p.plan.Source = &plan.Source{Name: o.Source, SHA256: hex.EncodeToString(sum[:]), Importer: Importer}
	p.run()
	sort.SliceStable(p.findings, func(i, j int) bool { return p.findings[i].Line < p.findings[j].Line })
	if p.findings == nil {
		p.findings = []Finding{}
	}
	return &Result{Plan: p.plan, Findings: p.findings}, nil
}

// Line patterns. Numbers: 一、 (level 1), (一) (level 2), 1. or 1、
// (level 3), (1) (level 4).
var (
	reL1        = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})\s*、\s*(.*)$`)
	reL2        = regexp.MustCompile(`^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.*)$`)
	reL3        = regexp.MustCompile(`^(\d{1,3})\s*[.．、]\s*([^\d.．].*)$`)
	reL4        = regexp.MustCompile(`^[(（]\s*(\d{1,3})\s*[)）]\s*(.*)$`)
	reColumn    = regexp.MustCompile(`^专栏\s*(\d{1,3})\s*[：:]?\s*(.*)$`)
	reFlagship  = regexp.MustCompile(`^亮点工程\s*([一二三四五六七八九十]{1,3})\s*[：:]\s*(.*)$`)
	rePhase     = regexp.MustCompile(`^(近期|中期|远期)\s*[(（]\s*(?:到|至)?\s*(\d{4})\s*年\s*(?:末|底)?\s*[)）]\s*[，,：:]?\s*(.*)$`)
	reChrome    = regexp.MustCompile(`^(?:附件|视频|分享|扫一扫|责任编辑|当前位置|【字号|发布时间|来源|打印|关闭)`)
	reDocNo     = regexp.MustCompile(`\p{Han}{1,12}[〔\[(（【]\s*(?:19|20)\d\d\s*[〕\])）】]\s*\d{1,5}\s*号`)
	reIssued    = regexp.MustCompile(`^(.*?)\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
	reNotice    = regexp.MustCompile(`关于印发\s*《?(.+?)》?\s*的通知`)
	reTitleish  = regexp.MustCompile(`方案|规划|措施|\d+\s*条|意见|计划|办法|纲要`)
	reYearSpan  = regexp.MustCompile(`((?:19|20)\d\d)\s*[-—–~至－]+\s*((?:19|20)\d\d)`)
	reYear      = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)
	reItemCount = regexp.MustCompile(`\d+\s*条$`) // 55条: an N-item list
	reDeclared  = regexp.MustCompile(`(\d+)\s*个\s*([一二三四])级指标`)
	reBookTitle = regexp.MustCompile(`《([^《》]{2,80})》`)
	reAgency    = regexp.MustCompile(`(?:人民政府|办公室|办公厅|委员会|管委会|管理委员会|工作领导小组)$`)
	reTextSec   = regexp.MustCompile(`指导思想|基本原则|工作原则|工作目标|总体要求|主要目标|总体目标|前言|建设成效|面临形势|发展基础|发展环境`)
	reGuardSec  = regexp.MustCompile(`保障措施|保障机制|组织保障|组织实施|保障体系`)
)

// sectionKind says what a level-1 section holds.
type sectionKind uint8

const (
	textSection  sectionKind = iota // 指导思想, 工作目标: text
	taskSection                     // the tasks
	guardSection                    // 保障措施: safeguards
)

// colBuild is a column being read, its flagships kept by pointer.
type colBuild struct {
	plan.Column
	flags []*plan.Flagship
}

// item is an open task with what the importer knows about it.
type item struct {
	t       *task.Task
	line    int
	hasResp bool
	key     string // section path and number, for the ID
}

type parser struct {
	o        Options
	lines    []line
	plan     *plan.Plan
	findings []Finding

	started   bool   // the first level-1 heading has been read
	header    []line // lines before the first level-1 heading
	l1        *plan.Section
	l1Kind    sectionKind
	l2        *plan.Section
	l2Next    int // the number the next level-2 heading should carry
	cur       *item
	items     []*item
	lastNum   int  // the last level-3 number read (numbering may run on across sections)
	flat      bool // the text has no 一、 heading: items stand in one untitled section
	seenNums  map[int]int
	col       *colBuild
	cols      []*colBuild
	lastCol   int // the last column's number
	guards    []*string
	texts     map[*string]*strings.Builder
	colItems  bool // the open column has (一)-style items
	colNext   int  // the number the column's next (一)-style item should carry
	flag      *plan.Flagship
	declared  []int
	table     *table
	paragraph bool // items are unnumbered paragraphs (headline。body)
	paraSeq   int
	guard     *string // the safeguard being read
}

func (p *parser) add(l line, sev plan.Severity, code, zh, en string) {
	t := l.text
	if rs := []rune(t); len(rs) > 40 {
		t = string(rs[:40]) + "…"
	}
	p.findings = append(p.findings, Finding{Line: l.no, Code: code, Severity: sev, MessageZh: zh, MessageEn: en, Text: t})
}

// run reads every line, then settles the header, the IDs and the dates.
func (p *parser) run() {
	p.flat = !p.hasL1()
	p.paragraph = !p.hasNumberedItems()
	lines := p.joinLines()
	numbered := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.tabs && p.table == nil && !strings.Contains(l.text, "\t") {
			l.tabs = false // one cell: a line with trailing tabs
		}
		if !l.tabs && p.table != nil {
			p.closeTable()
		}
		if l.tabs {
			p.tableRow(l)
			continue
		}
		if reChrome.MatchString(l.text) && utf8.RuneCountInString(l.text) < 40 {
			p.add(l, plan.Info, "page_chrome", "网页附带内容，未导入", "web page furniture, left out")
			continue
		}
		if m := reL1.FindStringSubmatch(l.text); m != nil {
			numbered = true
			p.openL1(l, m[1], m[2])
			continue
		}
		if !p.started && p.flat && (reL2.MatchString(l.text) || reL3.MatchString(l.text)) {
			// No 一、 heading anywhere: the items start the body, in one
			// section without number or title.
			p.openL1(l, "", "")
		}
		if !p.started {
			p.header = append(p.header, l)
			continue
		}
		numbered = p.line(l) || numbered
	}
	p.closeTable()
	if !numbered {
		l := line{no: 1}
		if len(p.lines) > 0 {
			l = p.lines[0]
		}
		p.add(l, plan.Error, "no_numbering", "全文没有编号的标题或条目（一、（一）1.），不是可导入的规划文本", "the text has no numbered heading or item (一、 （一） 1.): it is not a plan this importer can read")
	}
	p.readHeader()
	p.finish()
}

// hasNumberedItems reports whether any level-3 item (1. or 1、) stands in
// a task section; without one, items are headline paragraphs.
func (p *parser) hasNumberedItems() bool {
	kind := textSection
	if p.flat {
		kind = taskSection
	}
	for _, l := range p.lines {
		if l.tabs {
			continue
		}
		if m := reL1.FindStringSubmatch(l.text); m != nil {
			kind = kindOf(m[2])
			continue
		}
		if kind == taskSection && reL3.MatchString(l.text) {
			return true
		}
	}
	return false
}

// hasL1 reports whether the text has a level-1 heading (一、).
func (p *parser) hasL1() bool {
	for _, l := range p.lines {
		if !l.tabs && reL1.MatchString(l.text) {
			return true
		}
	}
	return false
}

func kindOf(title string) sectionKind {
	switch {
	case reGuardSec.MatchString(title):
		return guardSection
	case reTextSec.MatchString(title) && !strings.Contains(title, "任务"):
		return textSection
	}
	return taskSection
}

// joinLines joins lines a page break or an extraction split: a
// responsibility line ending in 、 or followed by a line starting with 、
// (a unit list broken across lines), and prose lines that end mid-
// sentence followed by prose.
func (p *parser) joinLines() []line {
	in := p.lines
	out := make([]line, 0, len(in))
	var b strings.Builder
	for i := 0; i < len(in); i++ {
		l := in[i]
		if l.tabs {
			out = append(out, l)
			continue
		}
		b.Reset()
		b.WriteString(l.text)
		resp, structural := reRespLine.MatchString(l.text), isStructural(l.text)
		last := l.text // the last piece joined: where the text now ends
		for i+1 < len(in) && !in[i+1].tabs {
			next := in[i+1].text
			if resp {
				broken := strings.HasSuffix(last, "、") || strings.HasSuffix(last, "，") || strings.HasPrefix(next, "、") || strings.HasPrefix(next, "，")
				if !broken || isStructural(next) {
					break
				}
				p.add(in[i+1], plan.Info, "joined_units", "单位名单跨行，已与上一行合并", "a unit list continued on this line; joined with the line above")
				if !strings.HasSuffix(last, "、") && !strings.HasSuffix(last, "，") && !strings.HasPrefix(next, "、") && !strings.HasPrefix(next, "，") {
					b.WriteString("、")
				}
			} else if endsSentence(last, b.Len()) || isStructural(next) || structural && !midSentence(last, b.Len()) ||
				strings.HasSuffix(last, "通知") || isAddressee(next) {
				break
			}
			b.WriteString(next)
			last = next
			i++
		}
		if b.Len() != len(l.text) {
			l.text = b.String()
		}
		out = append(out, l)
	}
	return out
}

// isAddressee reports whether s is a notice's addressee line: 各有关单位:.
func isAddressee(s string) bool {
	return strings.HasPrefix(s, "各") && (strings.HasSuffix(s, ":") || strings.HasSuffix(s, "："))
}

// isStructural reports whether s starts a heading, item, column or
// responsibility line, or is furniture.
func isStructural(s string) bool {
	return reL1.MatchString(s) || reL2.MatchString(s) || reL3.MatchString(s) || reL4.MatchString(s) ||
		reColumn.MatchString(s) || reFlagship.MatchString(s) || reRespLine.MatchString(s) || reChrome.MatchString(s) ||
		rePhase.MatchString(s)
}

// endsSentence reports whether a line ending in last (n bytes in all)
// ends a sentence or is a short heading.
func endsSentence(last string, n int) bool {
	r, _ := utf8.DecodeLastRuneInString(last)
	return strings.ContainsRune(sentenceEnds, r) || n < 90 && utf8.RuneCountInString(last) < 30
}

// midSentence reports whether a long structural line ends mid-sentence
// (an item whose text runs on to the next line).
func midSentence(last string, n int) bool {
	r, _ := utf8.DecodeLastRuneInString(last)
	return n >= 90 && !strings.ContainsRune(sentenceEnds, r)
}

// sentenceEnds are the characters that end a sentence or a heading.
const sentenceEnds = "。；;！？!?：:”\"）)》"

// openL1 starts a level-1 section.
func (p *parser) openL1(l line, num, title string) {
	p.closeItem()
	p.col, p.flag, p.guard = nil, nil, nil
	p.started = true
	title = strings.TrimRight(title, "。 ")
	p.l1Kind = kindOf(title)
	p.l2, p.l2Next = nil, 1
	p.seenNums, p.paraSeq = map[int]int{}, 0
	if p.l1Kind == guardSection {
		p.l1 = nil
		return
	}
	p.l1 = &plan.Section{Number: num, Title: title}
	p.plan.Sections = append(p.plan.Sections, p.l1)
}

// container is the section new tasks and text go to.
func (p *parser) container() *plan.Section {
	if p.l2 != nil {
		return p.l2
	}
	return p.l1
}

// appendText adds a line to the text at dst, through a builder, so that
// a long text is built in linear time; flushTexts writes the texts back.
func (p *parser) appendText(dst *string, s string) {
	b := p.texts[dst]
	if b == nil {
		b = &strings.Builder{}
		b.WriteString(*dst)
		p.texts[dst] = b
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(s)
}

// flushTexts writes the texts built by appendText to their fields.
func (p *parser) flushTexts() {
	for dst, b := range p.texts {
		*dst = b.String()
	}
	p.texts = map[*string]*strings.Builder{}
}

// line reads one line after the first heading; it reports whether the
// line was numbered.
func (p *parser) line(l line) bool {
	s := l.text
	if m := reColumn.FindStringSubmatch(s); m != nil {
		p.closeItem()
		n, _ := strconv.Atoi(m[1])
		if n != p.lastCol+1 {
			p.add(l, plan.Warning, "column_gap", fmt.Sprintf("专栏%d 接在专栏%d 之后", n, p.lastCol), fmt.Sprintf("column %d follows column %d", n, p.lastCol))
		}
		p.lastCol = n
		p.col = &colBuild{Column: plan.Column{Number: m[1], Title: cleanTitle(m[2])}}
		p.cols = append(p.cols, p.col)
		p.colItems, p.flag, p.declared, p.colNext = false, nil, nil, 1
		return true
	}
	if p.col != nil && p.inColumn(l) {
		return true
	}
	if p.l1Kind == guardSection {
		p.safeguard(l)
		return reL2.MatchString(s) || reL3.MatchString(s)
	}
	if m := reL2.FindStringSubmatch(s); m != nil {
		if chineseNumber(m[1]) == p.l2Next || p.l1Kind != taskSection {
			p.openL2(l, m[1], m[2])
			return true
		}
		// A (一) list inside a section, out of the sections' sequence:
		// part of the open item, or of the section's text.
		if p.cur != nil && !p.cur.hasResp {
			p.appendText(&p.cur.t.Body, s)
		} else if sec := p.container(); sec != nil {
			p.appendText(&sec.Text, s)
		}
		return true
	}
	if m := reL3.FindStringSubmatch(s); m != nil {
		if p.l1Kind == taskSection {
			p.openItem(l, m[1], m[2])
		} else if sec := p.container(); sec != nil {
			p.appendText(&sec.Text, s)
		}
		return true
	}
	if m := reRespLine.FindStringSubmatch(s); m != nil {
		p.respLine(l, m)
		return false
	}
	if reL4.MatchString(s) && p.cur != nil && !p.cur.hasResp {
		p.appendText(&p.cur.t.Body, s)
		return true
	}
	if m := rePhase.FindStringSubmatch(s); m != nil && p.l1Kind == textSection {
		y, _ := strconv.Atoi(m[2])
		if end, err := calendar.NewDate(y, 12, 31); err == nil {
			p.plan.Phases = append(p.plan.Phases, plan.Phase{Name: m[1], End: end, Goals: m[3]})
			return false
		}
	}
	p.prose(l)
	return false
}

// inColumn reads a line inside an open column; it reports false when the
// line ends the column (and is to be read as usual).
func (p *parser) inColumn(l line) bool {
	s := l.text
	if m := reFlagship.FindStringSubmatch(s); m != nil {
		p.flag = &plan.Flagship{Number: m[1], Title: cleanTitle(m[2])}
		p.col.flags = append(p.col.flags, p.flag)
		return true
	}
	if m := reL2.FindStringSubmatch(s); m != nil {
		// (N) continuing the column's items is an item; otherwise, the
		// next section's number or a heading ends the column.
		n := chineseNumber(m[1])
		if n == p.colNext || !(n == p.l2Next || isHeading(m[2])) {
			title, body := splitHeadline(m[2])
			p.flag = &plan.Flagship{Number: "(" + m[1] + ")", Title: title, Text: body}
			p.col.flags = append(p.col.flags, p.flag)
			p.colItems, p.colNext = true, n+1
			return true
		}
		p.col, p.flag = nil, nil
		return false
	}
	if reL1.MatchString(s) || reL3.MatchString(s) || reRespLine.MatchString(s) {
		p.col, p.flag = nil, nil
		return false
	}
	if m := reDeclared.FindAllStringSubmatch(s, -1); m != nil {
		p.declared = make([]int, 4)
		for _, d := range m {
			n, _ := strconv.Atoi(d[1])
			p.declared[chineseNumber(d[2])-1] = n
		}
		for len(p.declared) > 0 && p.declared[len(p.declared)-1] == 0 {
			p.declared = p.declared[:len(p.declared)-1]
		}
	}
	switch {
	case p.flag != nil && !p.colItems:
		p.appendText(&p.flag.Text, s)
	case p.colItems:
		p.col, p.flag = nil, nil
		return false
	case p.col.Text == "":
		p.col.Text = s
	default:
		p.col, p.flag = nil, nil
		return false
	}
	return true
}

// isHeading reports whether the text after (一) is a heading: short, one
// sentence.
func isHeading(s string) bool {
	s = strings.TrimRight(s, "。 ")
	return utf8.RuneCountInString(s) <= 30 && !strings.ContainsAny(s, "。；")
}

// openL2 starts a level-2 section under the open level-1 section; its
// title is the heading's first sentence, the rest its text.
func (p *parser) openL2(l line, num, rest string) {
	p.closeItem()
	title, body := splitHeadline(rest)
	n := chineseNumber(num)
	if p.l1 == nil {
		return
	}
	p.l2 = &plan.Section{Number: "(" + num + ")", Title: title, Text: body}
	p.l1.Sections = append(p.l1.Sections, p.l2)
	p.l2Next = n + 1
	p.seenNums, p.paraSeq = map[int]int{}, 0
}

// openItem starts a task from a numbered item.
func (p *parser) openItem(l line, num, text string) {
	p.closeItem()
	sec := p.container()
	if sec == nil {
		return
	}
	n, _ := strconv.Atoi(num)
	switch {
	case p.seenNums[n] > 0:
		p.add(l, plan.Warning, "duplicate_number", fmt.Sprintf("编号 %d 在本节重复", n), fmt.Sprintf("number %d repeats in this section", n))
	case n != p.lastNum+1 && n != 1:
		p.add(l, plan.Warning, "numbering_gap", fmt.Sprintf("编号 %d 接在 %d 之后", n, p.lastNum), fmt.Sprintf("number %d follows %d", n, p.lastNum))
	}
	p.seenNums[n]++
	p.lastNum = n
	key := sectionPath(p.l1, p.l2) + "/" + num
	if k := p.seenNums[n]; k > 1 {
		key += "#" + strconv.Itoa(k)
	}
	p.startTask(l, sec, num, text, key)
}

func sectionPath(l1, l2 *plan.Section) string {
	s := ""
	if l1 != nil {
		s = l1.Number
	}
	if l2 != nil {
		s += l2.Number
	}
	return s
}

// startTask opens a task with its number and the item's text: title,
// body and an inline responsibility.
func (p *parser) startTask(l line, sec *plan.Section, num, text, key string) {
	t := &task.Task{Number: num, Section: sec.Title}
	it := &item{t: t, line: l.no, key: key}
	if before, inner, ok := trailingParen(text); ok {
		if r, ok := inlineResponsibility(inner); ok {
			t.Responsibility, it.hasResp = r, true
			text = before
			if !strings.HasSuffix(text, "。") {
				text += "。"
			}
		}
	}
	t.Title, t.Body = splitHeadline(text)
	sec.Tasks = append(sec.Tasks, t)
	p.cur = it
	p.items = append(p.items, it)
}

// splitHeadline splits "标题。正文" into the first sentence (the title,
// without 。) and the rest.
func splitHeadline(s string) (title, body string) {
	s = strings.TrimSpace(s)
	i := strings.Index(s, "。")
	if i < 0 {
		return strings.TrimRight(s, "；; "), ""
	}
	return s[:i], strings.TrimSpace(s[i+len("。"):])
}

// closeItem ends the open task.
func (p *parser) closeItem() { p.cur = nil }

// respLine reads a 牵头单位：/责任单位：/责任部门： line for the open task.
func (p *parser) respLine(l line, m []string) {
	if p.cur == nil {
		p.add(l, plan.Warning, "orphan_responsibility", "责任单位行前没有条目，保留在节的正文中", "a responsibility line follows no item; kept in the section's text")
		if sec := p.container(); sec != nil {
			p.appendText(&sec.Text, l.text)
		}
		return
	}
	assign(&p.cur.t.Responsibility, m[1], splitUnits(m[3]))
	p.cur.hasResp = true
}

// prose reads a line of text that is no heading or item.
func (p *parser) prose(l line) {
	sec := p.container()
	if p.l1Kind == taskSection && p.paragraph && sec != nil {
		if title, body := splitHeadline(l.text); utf8.RuneCountInString(title) <= 24 && strings.Contains(l.text, "。") {
			p.closeItem()
			p.paraSeq++
			num := strconv.Itoa(p.paraSeq)
			if p.paraSeq == 1 && len(p.items) == 0 {
				p.add(l, plan.Info, "unnumbered_items", "条目是不带编号的段落（标题。正文），按位置编号", "the items are unnumbered paragraphs (headline。body), numbered here by position")
			}
			p.startTask(l, sec, num, title+"。"+body, sectionPath(p.l1, p.l2)+"/"+num)
			return
		}
	}
	if p.cur != nil && !p.cur.hasResp && p.l1Kind == taskSection {
		p.appendText(&p.cur.t.Body, l.text)
		return
	}
	if sec != nil {
		p.appendText(&sec.Text, l.text)
	}
}

// safeguard reads a line of the safeguards section: each numbered line
// starts a safeguard, text runs on.
func (p *parser) safeguard(l line) {
	s := l.text
	for _, re := range []*regexp.Regexp{reL2, reL3} {
		if m := re.FindStringSubmatch(s); m != nil {
			p.guard = &m[2]
			p.guards = append(p.guards, p.guard)
			return
		}
	}
	if p.guard == nil {
		p.guard = &s
		p.guards = append(p.guards, p.guard)
		return
	}
	p.appendText(p.guard, s)
}

// chineseNumber reads 一..九十九.
func chineseNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	n, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
			continue
		}
		cur = digits[r]
	}
	return n + cur
}

// cleanTitle removes spaces between Chinese characters and a trailing 。.
func cleanTitle(s string) string {
	rs := []rune(strings.TrimSpace(s))
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && (rs[i-1] >= utf8.RuneSelf || rs[i+1] >= utf8.RuneSelf) {
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), "。")
}

// readHeader reads the document number, issuer, date and title from the
// lines before the first heading, and the basis from the preamble.
func (p *parser) readHeader() {
	pl := p.plan
	var title, notice string
	titleAt := -1
	used := map[int]bool{} // lines read as number, date, issuer or title
	for i, l := range p.header {
		s := l.text
		if m := reDocNo.FindString(s); m != "" && pl.DocNumber.IsZero() {
			if d, err := plan.ParseDocNumber(m); err == nil {
				pl.DocNumber = d
				used[i] = true
			}
		}
		if m := reNotice.FindStringSubmatch(s); m != nil {
			notice = cleanTitle(m[1])
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
				} else if i > 0 && reAgency.MatchString(p.header[i-1].text) {
					pl.Issuer = p.header[i-1].text
					used[i-1] = true
				}
			}
			continue
		}
		if utf8.RuneCountInString(s) <= 60 && !strings.ContainsAny(s, "。，,") && !strings.HasPrefix(s, "《") &&
			reTitleish.MatchString(s) && !strings.Contains(s, "关于印发") {
			title, titleAt = cleanTitle(s), i
			if i+1 < len(p.header) {
				if next := p.header[i+1].text; reYearSpan.MatchString(next) && utf8.RuneCountInString(next) <= 16 {
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
	// The cover notice: the other lines before the title; the preamble:
	// those after it (all of them when there is no title).
	var noticeText, preamble []string
	for i, l := range p.header {
		switch {
		case used[i] || i == titleAt:
		case i < titleAt:
			noticeText = append(noticeText, l.text)
		default:
			preamble = append(preamble, l.text)
		}
	}
	pl.Notice, pl.Preamble = strings.Join(noticeText, "\n"), strings.Join(preamble, "\n")
	for _, l := range p.header[titleAt+1:] {
		for _, m := range reBookTitle.FindAllStringSubmatch(l.text, -1) {
			t := cleanTitle(m[1])
			if t == title || t == notice || utf8.RuneCountInString(t) < 6 || hasRef(pl.Basis, t) {
				continue
			}
			pl.Basis = append(pl.Basis, plan.Ref{Title: t})
		}
	}
}

func hasRef(refs []plan.Ref, title string) bool {
	for _, r := range refs {
		if r.Title == title {
			return true
		}
	}
	return false
}

// finish applies the options, settles kind and period, IDs and dates.
func (p *parser) finish() {
	pl, o := p.plan, p.o
	p.flushTexts()
	for _, c := range p.cols {
		for _, f := range c.flags {
			c.Flagships = append(c.Flagships, *f)
		}
		pl.Columns = append(pl.Columns, c.Column)
	}
	for _, g := range p.guards {
		pl.Safeguards = append(pl.Safeguards, *g)
	}
	first := line{no: 1}
	if len(p.lines) > 0 {
		first = p.lines[0]
	}
	if o.Title != "" {
		pl.Title = o.Title
	}
	if !o.DocNumber.IsZero() {
		pl.DocNumber = o.DocNumber
	}
	if o.Issuer != "" {
		pl.Issuer = o.Issuer
	}
	if !o.Issued.IsZero() {
		pl.Issued = o.Issued
	}
	if pl.Title == "" {
		p.add(first, plan.Warning, "no_title", "没有找到标题，请用 Options.Title 给出", "no title found; give one with Options.Title")
	}
	if pl.DocNumber.IsZero() && pl.Issuer == "" && pl.Issued.IsZero() {
		p.add(first, plan.Info, "no_header", "没有找到文号、印发单位和印发日期", "no document number, issuer or date of issue found")
	}
	pl.Kind = kindFromTitle(pl.Title)
	if o.Kind != "" {
		pl.Kind = o.Kind
	}
	pl.Period = periodFromTitle(pl.Title)
	if o.Period != (plan.Period{}) {
		pl.Period = o.Period
	}
	year := 0
	if pl.Period.From != 0 && pl.Period.From == pl.Period.To {
		year = pl.Period.From
	}
	// Dates, then the period from them when the title gives none.
	minY, maxY := 0, 0
	for _, it := range p.items {
		p.dates(it, year)
		if d := it.t.Deadline; d != nil && d.Kind == task.OnDate {
			if y := d.Date.Year(); minY == 0 || y < minY {
				minY = y
			}
			if y := d.Date.Year(); y > maxY {
				maxY = y
			}
		}
		for _, m := range it.t.Milestones {
			if y := m.Due.Year(); minY == 0 || y < minY {
				minY = y
			}
		}
	}
	if pl.Period == (plan.Period{}) {
		if minY != 0 {
			pl.Period = plan.Period{From: minY, To: maxY}
			p.add(first, plan.Info, "period_inferred", fmt.Sprintf("标题没有年份，按期限推定为 %d—%d 年", minY, maxY),
				fmt.Sprintf("the title gives no years; the period %d-%d is read from the deadlines", minY, maxY))
		} else {
			p.add(first, plan.Warning, "no_period", "标题没有年份，条目也没有期限，请用 Options.Period 给出", "no years in the title and no deadline in the items; give the period with Options.Period")
		}
	}
	for _, sys := range pl.IndicatorSystems {
		if strings.HasPrefix(sys.Source, "专栏") {
			sys.Source = strings.TrimSpace(pl.Title + " " + sys.Source)
		}
	}
	key := pl.DocNumber.String()
	if key == "" {
		key = pl.Title
	}
	pl.ID = uuid.NewSHA1(task.Namespace(), []byte("plan#"+task.FoldName(key)))
	count := map[string]int{}
	for _, it := range p.items {
		count[it.t.Number]++
	}
	anyUnits := p.anyUnits()
	for _, it := range p.items {
		k := it.t.Number
		if count[k] > 1 {
			k = it.key
		}
		it.t.ID = task.NewID(key, k)
		r := &it.t.Responsibility
		for _, l := range []*[]string{&r.Lead, &r.Responsible, &r.Supporting} {
			if *l == nil {
				*l = []string{} // empty lists, not null, in JSON
			}
		}
		if len(r.Lead)+len(r.Responsible)+len(r.Supporting) == 0 && anyUnits {
			p.add(line{no: it.line, text: it.t.Number + "." + it.t.Title}, plan.Warning, "no_unit", "条目没有写明责任单位", "the item names no responsible unit")
		}
	}
}

// anyUnits reports whether some item names a unit: a document that names
// none (a programme) is not reported item by item.
func (p *parser) anyUnits() bool {
	for _, it := range p.items {
		r := it.t.Responsibility
		if len(r.Lead)+len(r.Responsible)+len(r.Supporting) > 0 {
			return true
		}
	}
	return false
}

// dates reads an item's deadline and milestones from its text.
func (p *parser) dates(it *item, year int) {
	t := it.t
	text := t.Title + "。" + t.Body
	ds, noYear := findDates(text, year)
	for _, s := range noYear {
		p.add(line{no: it.line, text: s}, plan.Warning, "deadline_no_year", "“"+s+"”没有年份，规划跨多年，未设期限", "“"+s+"” gives no year and the plan spans several years; no deadline set")
	}
	var latest *dated
	for i := range ds {
		d := &ds[i]
		if latest == nil || d.due.After(latest.due) {
			latest = d
		}
		if tg := targets(d.clause); len(tg) > 0 || len(ds) > 1 {
			t.Milestones = append(t.Milestones, task.Milestone{Due: d.due, Targets: tg, Text: d.clause})
		}
	}
	if latest != nil {
		t.Deadline = &task.Deadline{Kind: task.OnDate, Date: latest.due, Text: latest.phrase}
		return
	}
	if m := reMonthly.FindStringSubmatch(text); m != nil {
		if d, err := task.ParseDeadline(m[0]); err == nil {
			t.Deadline = &d
		}
	}
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
	for name, from := range map[string]int{"十三五": 2016, "十四五": 2021, "十五五": 2026} {
		if strings.Contains(t, name) {
			return plan.Period{From: from, To: from + 4}
		}
	}
	if m := reYear.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		return plan.Period{From: y, To: y}
	}
	return plan.Period{}
}
