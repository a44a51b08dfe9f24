package docimport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
)

// Line patterns besides the numbering (numbering.go).
var (
	reColumn    = regexp.MustCompile(`^专栏\s*(\d{1,3})\s*[：:]?\s*(.*)$`)
	reFlagship  = regexp.MustCompile(`^亮点工程\s*([一二三四五六七八九十]{1,3})\s*[：:]\s*(.*)$`)
	rePhase     = regexp.MustCompile(`^(近期|中期|远期)\s*[(（]\s*(?:到|至)?\s*(\d{4})\s*年\s*(?:末|底)?\s*[)）]\s*[，,：:]?\s*(.*)$`)
	reChrome    = regexp.MustCompile(`^(?:附件|视频|分享|扫一扫|责任编辑|当前位置|【字号|发布时间|来源|打印|关闭)`)
	reDeclared  = regexp.MustCompile(`(\d+)\s*个\s*([一二三四])级指标`)
	reTextSec   = regexp.MustCompile(`指导思想|基本原则|工作原则|工作目标|总体要求|主要目标|总体目标|前言|建设成效|面临形势|发展基础|发展环境|总则|附则`)
	reGuardSec  = regexp.MustCompile(`保障措施|保障机制|组织保障|组织实施|保障体系`)
	rePurpose   = regexp.MustCompile(`^(?:为了|为)|制定本(?:办法|方案|措施|规定|细则)|本(?:办法|方案|措施|规定|细则)(?:所称|适用于|自)|适用于|解释|施行`)
	reItemCount = regexp.MustCompile(`\d+\s*条$`) // 55条: an N-item list
)

// sectionKind says what a top-level section holds.
type sectionKind uint8

const (
	textSection  sectionKind = iota // 指导思想, 工作目标: text
	taskSection                     // the tasks
	guardSection                    // 保障措施: safeguards
)

func kindOf(title string) sectionKind {
	switch {
	case reGuardSec.MatchString(title):
		return guardSection
	case reTextSec.MatchString(title) && !strings.Contains(title, "任务"):
		return textSection
	}
	return taskSection
}

// colBuild is a column being read, its flagships kept by pointer.
type colBuild struct {
	plan.Column
	flags []*plan.Flagship
}

// item is an open task with what the importer knows about it.
type item struct {
	t       *task.Task
	b       block // where it starts
	hasResp bool
	key     string          // section path and number, for the ID
	secs    []*plan.Section // the sections it stands in, outermost first
	limit   string          // a time limit written for it: 完成时限, in its unit bracket, in a table cell
	limitAt block
	implied []string // units a declared rule gives every following item
	ownUnit bool     // it names units of its own
}

// parser assembles a plan from a document's blocks.
type parser struct {
	o        Options
	blocks   []block
	ol       outline
	plan     *plan.Plan
	findings []Finding

	started   bool    // the body has begun
	header    []block // blocks before the body
	secs      []*plan.Section
	secKind   sectionKind // what the open top-level section holds
	next      int         // the number the next （一） section heading should carry
	cur       *item
	items     []*item
	lastNum   int // the last item number read (numbering may run on across sections)
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
	table     *table     // an indicator table being read
	ttable    *taskTable // a task table being read
	lastTask  *taskTable // the last task table read, whose columns rows without a header take
	paraSeq   int
	guard     *string // the safeguard being read
	rules     rules
	secUnits  map[*plan.Section]*phrase
	levelTold bool
}

// add records a finding about a block.
func (p *parser) add(b block, sev plan.Severity, code, zh, en string) {
	p.findings = append(p.findings, finding(b, sev, code, zh, en))
}

// first is the first block, for findings about the whole document (a
// Word or Excel file with no text: the start, no place in it).
func (p *parser) first() block {
	if len(p.blocks) > 0 {
		return p.blocks[0]
	}
	return block{seq: 1}
}

// run reads every block, then settles the header, the IDs and the dates.
func (p *parser) run() {
	p.texts = map[*string]*strings.Builder{}
	p.secUnits = map[*plan.Section]*phrase{}
	p.ol = makeOutline(p.blocks, &p.rules)
	numbered := false
	for i, b := range p.blocks {
		if b.tabs && p.table == nil && p.ttable == nil && len(b.rowCells()) <= 1 {
			// One cell: a line with trailing tabs, a title row above a sheet's header.
			b.tabs = false
			if b.cells != nil {
				b.text = strings.TrimSpace(strings.Join(b.rowCells(), ""))
			}
			if b.text == "" {
				continue
			}
		}
		if !b.tabs {
			p.closeTable()
		} else if t := p.ttable; t != nil && b.table != t.id {
			p.closeTable()
		}
		if b.tabs {
			p.tableRow(b)
			continue
		}
		if isChrome(b.text) {
			p.add(b, plan.Info, "page_chrome", "网页附带内容，未导入", "web page furniture, left out")
			continue
		}
		nb := p.ol.nums[i]
		if i >= p.ol.start && nb.kind != numNone && nb.kind == p.ol.top {
			numbered = true
			p.openTop(b, nb)
			continue
		}
		if !p.started && i == p.ol.start {
			// No 一、 heading: the items start the body, in one section
			// without number or title.
			p.openUntitled()
		}
		if !p.started {
			if hasRule(b.text) {
				ph, _ := parsePhrase(b.text, roleNone, false, &p.rules)
				p.noteRules(b, ph)
			}
			p.header = append(p.header, b)
			continue
		}
		numbered = p.line(i, b) || numbered
	}
	p.closeTable()
	if !numbered && len(p.items) == 0 {
		p.add(p.first(), plan.Error, "no_numbering", "全文没有编号的标题或条目（一、（一）1.），不是可导入的规划文本", "the text has no numbered heading or item (一、 （一） 1.): it is not a plan this importer can read")
	}
	p.readHeader()
	p.finish()
}

// isChromeWord reports whether s starts with a word of web page furniture.
func isChromeWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("附视分扫责当【发来打关", r) && reChrome.MatchString(s)
}

// isChrome reports whether a line is web page furniture: 分享, 附件, 扫一扫….
func isChrome(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("附视分扫责当【发来打关", r) && utf8.RuneCountInString(s) < 40 && reChrome.MatchString(s)
}

// openTop starts a top-level section (一、, 第一章).
func (p *parser) openTop(b block, nb numbering) {
	p.closeItem()
	p.col, p.flag, p.guard = nil, nil, nil
	p.started = true
	title := strings.TrimRight(nb.rest, "。 ")
	p.secKind = kindOf(title)
	p.secs, p.next = nil, 1
	p.seenNums, p.paraSeq = map[int]int{}, 0
	if p.secKind == guardSection {
		return
	}
	sec := &plan.Section{Number: nb.label, Title: title}
	if before, inner, ok := trailingBracket(title); ok {
		if ph, ok := parsePhrase(inner, roleNone, bareAllowed(before, inner), &p.rules); ok && ph.units() > 0 {
			sec.Title = before
			p.sectionUnits(b, sec, ph)
		}
	}
	p.plan.Sections = append(p.plan.Sections, sec)
	p.secs = []*plan.Section{sec}
}

// openUntitled starts the one untitled section of a document with no
// top-level heading.
func (p *parser) openUntitled() {
	p.started = true
	p.secKind = taskSection
	sec := &plan.Section{}
	p.plan.Sections = append(p.plan.Sections, sec)
	p.secs, p.next = []*plan.Section{sec}, 1
	p.seenNums, p.paraSeq = map[int]int{}, 0
}

// container is the section new tasks and text go to.
func (p *parser) container() *plan.Section {
	if len(p.secs) == 0 {
		return nil
	}
	return p.secs[len(p.secs)-1]
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

// line reads one block of the body; it reports whether it was numbered.
func (p *parser) line(i int, b block) bool {
	s := b.text
	nb := p.ol.nums[i]
	role := p.ol.roles[i]
	if m := reColumn.FindStringSubmatch(s); m != nil {
		p.closeItem()
		n, _ := strconv.Atoi(m[1])
		if n != p.lastCol+1 {
			p.add(b, plan.Warning, "column_gap", fmt.Sprintf("专栏%d 接在专栏%d 之后", n, p.lastCol), fmt.Sprintf("column %d follows column %d", n, p.lastCol))
		}
		p.lastCol = n
		p.col = &colBuild{Column: plan.Column{Number: m[1], Title: cleanTitle(m[2])}}
		p.cols = append(p.cols, p.col)
		p.colItems, p.flag, p.declared, p.colNext = false, nil, nil, 1
		return true
	}
	if p.col != nil && p.inColumn(b, nb) {
		return true
	}
	if p.secKind == guardSection {
		p.safeguard(b, nb)
		return nb.kind != numNone
	}
	if (role == roleHeading || role == roleAside) && nb.kind == numParenHan && p.secKind == taskSection && indexOf(p.ol.levels, numParenHan) > 0 {
		// (一) heads a section when it continues the sections' sequence;
		// out of it, it is a list inside a section.
		if nb.n == p.next {
			role = roleHeading
		} else {
			role = roleAside
		}
	}
	switch role {
	case roleHeading:
		depth := p.ol.depth[i]
		if nb.kind == numParenHan {
			depth = indexOf(p.ol.levels, numParenHan)
			if p.ol.top == numNone {
				depth++
			}
		}
		p.openSection(b, nb, depth)
		return true
	case roleAside:
		if p.cur != nil && !p.cur.hasResp {
			p.appendText(&p.cur.t.Body, s)
		} else if sec := p.container(); sec != nil {
			p.appendText(&sec.Text, s)
		}
		return true
	case roleText:
		if sec := p.container(); sec != nil {
			p.appendText(&sec.Text, s)
		}
		return true
	case roleItem:
		if p.secKind == taskSection {
			if d := p.ol.depth[i]; d > 0 && d < len(p.secs) {
				p.closeItem()
				p.secs = p.secs[:d] // an item closes the sections deeper than its own
			}
			p.openItem(b, nb)
		} else if sec := p.container(); sec != nil {
			p.appendText(&sec.Text, s)
		}
		return true
	}
	if isRespLine(s) {
		p.respLine(b)
		return false
	}
	if _, inner, ok := trailingBracket(s); ok && unitBracketLine(s, &p.rules) {
		p.respPhrase(b, inner, true)
		return false
	}
	if role == roleSub && p.cur != nil {
		p.appendText(&p.cur.t.Body, s) // a numbered part of the item, wherever its units stand
		return true
	}
	if m := rePhase.FindStringSubmatch(s); m != nil && p.secKind == textSection {
		y, _ := strconv.Atoi(m[2])
		if end, err := calendar.NewDate(y, 12, 31); err == nil {
			p.plan.Phases = append(p.plan.Phases, plan.Phase{Name: m[1], End: end, Goals: m[3]})
			return false
		}
	}
	p.prose(b)
	return false
}

// inColumn reads a block inside an open column; it reports false when the
// block ends the column (and is to be read as usual).
func (p *parser) inColumn(b block, nb numbering) bool {
	s := b.text
	if m := reFlagship.FindStringSubmatch(s); m != nil {
		p.flag = &plan.Flagship{Number: m[1], Title: cleanTitle(m[2])}
		p.col.flags = append(p.col.flags, p.flag)
		return true
	}
	if nb.kind == numParenHan {
		// (N) continuing the column's items is an item; otherwise, the
		// next section's number or a heading ends the column.
		n := nb.n
		if n == p.colNext || !(n == p.next || isHeading(nb.rest)) {
			title, body := splitHeadline(nb.rest)
			p.flag = &plan.Flagship{Number: nb.label, Title: title, Text: body}
			p.col.flags = append(p.col.flags, p.flag)
			p.colItems, p.colNext = true, n+1
			return true
		}
		p.col, p.flag = nil, nil
		return false
	}
	if nb.kind == numHan || nb.kind == numArabic || nb.kind == numArticle || nb.kind == numChapter || isRespLine(s) {
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

// openSection starts a section heading at depth (1: under a top-level
// section); its title is the heading's first sentence, the rest its text.
// Units named in a bracket at its end are the section's (see
// sectionUnits).
func (p *parser) openSection(b block, nb numbering, depth int) {
	p.closeItem()
	if len(p.secs) == 0 {
		return
	}
	if depth < 1 {
		depth = 1
	}
	if depth > len(p.secs) {
		depth = len(p.secs)
	}
	rest := nb.rest
	var ph phrase
	hasUnits := false
	if before, inner, ok := trailingBracket(rest); ok && p.secKind == taskSection {
		if x, ok := parsePhrase(inner, roleNone, bareAllowed(before, inner), &p.rules); ok && x.units() > 0 {
			rest, ph, hasUnits = before, x, true
		}
	}
	title, body := splitHeadline(rest)
	sec := &plan.Section{Number: nb.label, Title: title, Text: body}
	parent := p.secs[depth-1]
	parent.Sections = append(parent.Sections, sec)
	p.secs = append(p.secs[:depth:depth], sec)
	if nb.kind == numParenHan {
		p.next = nb.n + 1
	}
	p.seenNums, p.paraSeq = map[int]int{}, 0
	if hasUnits {
		p.sectionUnits(b, sec, ph)
	}
}

// sectionUnits keeps units named for a whole section (in its heading, on
// lines under it before its first item, or as 以下各项责任单位为…): its
// items that name no unit of a role take the section's.
func (p *parser) sectionUnits(b block, sec *plan.Section, ph phrase) {
	p.noteRules(b, ph)
	if old := p.secUnits[sec]; old != nil {
		old.r.Lead = append(old.r.Lead, ph.r.Lead...)
		old.r.Responsible = append(old.r.Responsible, ph.r.Responsible...)
		old.r.Supporting = append(old.r.Supporting, ph.r.Supporting...)
		old.r.Joint = old.r.Joint || ph.r.Joint
		return
	}
	own := ph // a copy: the lists grow when more units come for the section
	own.r.Lead = append([]string(nil), ph.r.Lead...)
	own.r.Responsible = append([]string(nil), ph.r.Responsible...)
	own.r.Supporting = append([]string(nil), ph.r.Supporting...)
	p.secUnits[sec] = &own
	p.add(b, plan.Info, "section_units", "为整节写明的单位，适用于本节未写单位的条目", "units named for the whole section; they apply to its items that name none")
}

// noteRules takes the declared rules a phrase holds.
func (p *parser) noteRules(b block, ph phrase) {
	if ph.first && !p.rules.firstIsLead {
		p.rules.firstIsLead = true
		p.add(b, plan.Info, "declared_rule", "文件声明第一个单位为牵头单位，此后的单位名单按此读取", "the document declares the first unit of a list the lead; the unit lists from here on are read so")
	}
	if len(ph.implied) > 0 {
		p.rules.implied = ph.implied
		p.add(b, plan.Info, "declared_rule", "文件声明以下各项均需“"+strings.Join(ph.implied, "、")+"”落实，此后的条目都计入这些单位",
			"the document declares that every following item also falls to "+strings.Join(ph.implied, ", ")+"; they are added to the items from here on")
	}
}

// openItem starts a task from a numbered item.
func (p *parser) openItem(b block, nb numbering) {
	p.closeItem()
	sec := p.container()
	if sec == nil {
		return
	}
	n := nb.n
	switch {
	case p.seenNums[n] > 0:
		p.add(b, plan.Warning, "duplicate_number", fmt.Sprintf("编号 %d 在本节重复", n), fmt.Sprintf("number %d repeats in this section", n))
	case n != p.lastNum+1 && n != 1:
		p.add(b, plan.Warning, "numbering_gap", fmt.Sprintf("编号 %d 接在 %d 之后", n, p.lastNum), fmt.Sprintf("number %d follows %d", n, p.lastNum))
	}
	p.seenNums[n]++
	p.lastNum = n
	key := p.sectionPath() + "/" + nb.label
	if k := p.seenNums[n]; k > 1 {
		key += "#" + strconv.Itoa(k)
	}
	if nb.kind != numArabic && !p.levelTold {
		p.levelTold = true
		p.add(b, plan.Info, "item_level", "条目按“"+nb.kind.String()+"”编号", "the items are numbered "+nb.kind.String())
	}
	p.startTask(b, sec, nb.label, nb.rest, key)
	if nb.kind == numArticle && !p.cur.hasResp && rePurpose.MatchString(nb.rest) {
		// A purpose or scope article is no task.
		sec.Tasks = sec.Tasks[:len(sec.Tasks)-1]
		p.items = p.items[:len(p.items)-1]
		p.cur = nil
		p.appendText(&sec.Text, b.text)
	}
}

// sectionPath is the numbers of the open sections: 三(一).
func (p *parser) sectionPath() string {
	s := ""
	for _, sec := range p.secs {
		s += sec.Number
	}
	return s
}

// startTask opens a task with its number and the item's text: title,
// body and the units written at its end.
func (p *parser) startTask(b block, sec *plan.Section, num, text, key string) {
	t := &task.Task{Number: num, Section: sec.Title}
	it := &item{t: t, b: b, key: key, secs: append([]*plan.Section(nil), p.secs...), implied: p.rules.implied}
	if before, inner, ok := trailingBracket(text); ok {
		if ph, ok := parsePhrase(inner, roleNone, bareAllowed(before, inner), &p.rules); ok && ph.units() > 0 {
			p.take(it, b, ph)
			text = before
			if !strings.HasSuffix(text, "。") {
				text += "。"
			}
		}
	} else if before, ph, ok := trailingSentenceUnits(text, &p.rules); ok {
		p.take(it, b, ph)
		text = before
	}
	t.Title, t.Body = splitHeadline(text)
	sec.Tasks = append(sec.Tasks, t)
	p.cur = it
	p.items = append(p.items, it)
}

// take gives an item what a unit phrase says.
func (p *parser) take(it *item, b block, ph phrase) {
	p.noteRules(b, ph)
	r := &it.t.Responsibility
	r.Lead = append(r.Lead, ph.r.Lead...)
	r.Responsible = append(r.Responsible, ph.r.Responsible...)
	r.Supporting = append(r.Supporting, ph.r.Supporting...)
	r.Joint = r.Joint || ph.r.Joint
	if ph.liaison != nil {
		r.Liaison = ph.liaison
	}
	if ph.units() > 0 {
		it.hasResp, it.ownUnit = true, true
	}
	if ph.deadline != "" {
		it.limit, it.limitAt = joinNonEmpty(it.limit, ph.deadline), b
	}
	if ph.leader != "" {
		p.appendText(&it.t.Body, ph.leader)
	}
}

// splitHeadline splits "标题。正文" into the first sentence (the title,
// without 。) and the rest.
func splitHeadline(s string) (title, body string) {
	s = strings.TrimSpace(s)
	i := strings.Index(s, "。")
	if i < 0 {
		return strings.TrimRight(s, "；; "), ""
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len("。"):])
}

// closeItem ends the open task.
func (p *parser) closeItem() { p.cur = nil }

// respLine reads a 牵头单位：/责任单位：/完成时限： line for the open task,
// or, before the first item of a section, for the section's items.
func (p *parser) respLine(b block) { p.respPhrase(b, b.text, false) }

// respPhrase reads a unit phrase standing on a line of its own: a
// responsibility line, or a unit bracket alone (bare: a bare list allowed).
func (p *parser) respPhrase(b block, text string, bare bool) {
	ph, ok := parsePhrase(text, roleNone, bare, &p.rules)
	if p.cur == nil {
		if sec := p.container(); ok && ph.units() > 0 && sec != nil && len(sec.Tasks) == 0 && len(sec.Sections) == 0 && p.secKind == taskSection {
			p.sectionUnits(b, sec, ph)
			return
		}
		p.add(b, plan.Warning, "orphan_responsibility", "责任单位行前没有条目，保留在节的正文中", "a responsibility line follows no item; kept in the section's text")
		if sec := p.container(); sec != nil {
			p.appendText(&sec.Text, b.text)
		}
		return
	}
	p.cur.hasResp = true
	if ok {
		p.take(p.cur, b, ph)
	}
}

// prose reads a block of text that is no heading or item.
func (p *parser) prose(b block) {
	sec := p.container()
	if !strings.Contains(b.text, "以下") {
		// no section units, no declared rule: the patterns below need it or 第一
	} else if m := reSectionUnits.FindStringSubmatch(b.text); m != nil && sec != nil && p.secKind == taskSection {
		if ph, ok := parsePhrase(m[1]+"："+m[2], roleNone, false, &p.rules); ok && ph.units() > 0 {
			p.sectionUnits(b, sec, ph)
			p.appendText(&sec.Text, b.text)
			return
		}
	}
	if hasRule(b.text) {
		ph, _ := parsePhrase(b.text, roleNone, false, &p.rules)
		p.noteRules(b, ph)
	}
	if p.secKind == taskSection && p.ol.paraItems && sec != nil {
		if title, body := splitHeadline(b.text); utf8.RuneCountInString(title) <= 24 && strings.Contains(b.text, "。") {
			p.closeItem()
			p.paraSeq++
			num := strconv.Itoa(p.paraSeq)
			if p.paraSeq == 1 && len(p.items) == 0 {
				p.add(b, plan.Info, "unnumbered_items", "条目是不带编号的段落（标题。正文），按位置编号", "the items are unnumbered paragraphs (headline。body), numbered here by position")
			}
			p.startTask(b, sec, num, title+"。"+body, p.sectionPath()+"/"+num)
			return
		}
	}
	if p.cur != nil && !p.cur.hasResp && p.secKind == taskSection {
		text := b.text
		// The item's last paragraph may end with its units.
		if before, inner, ok := trailingBracket(text); ok {
			if ph, ok := parsePhrase(inner, roleNone, bareAllowed(before, inner), &p.rules); ok && ph.units() > 0 {
				p.take(p.cur, b, ph)
				text = before
			}
		}
		if text != "" {
			p.appendText(&p.cur.t.Body, text)
		}
		return
	}
	if sec != nil {
		p.appendText(&sec.Text, b.text)
	}
}

// safeguard reads a block of the safeguards section: each numbered block
// starts a safeguard, text runs on.
func (p *parser) safeguard(b block, nb numbering) {
	if nb.kind == numParenHan || nb.kind == numArabic || nb.kind == numArticle {
		rest := nb.rest
		p.guard = &rest
		p.guards = append(p.guards, p.guard)
		return
	}
	if p.guard == nil {
		s := b.text
		p.guard = &s
		p.guards = append(p.guards, p.guard)
		return
	}
	p.appendText(p.guard, b.text)
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
