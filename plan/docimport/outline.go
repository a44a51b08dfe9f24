package docimport

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// role is what a paragraph is in a document's outline.
type role uint8

const (
	roleProse   role = iota // unnumbered text: an item's body, a section's text, or (paraItems) an item
	roleHeading             // a section heading, at depth
	roleItem                // the start of an item (a task)
	roleSub                 // a numbered part of an item, deeper than the items: the item's text
	roleAside               // a numbered line out of its sequence (a column's or a list's): text where it stands
	roleText                // a numbered line of a text section below its headings: the section's text
)

// outline is how a document numbers itself: which numbering styles head
// sections, which one numbers the items, and what each paragraph is.
type outline struct {
	top       numKind   // the style of the top-level headings (一、 or 第一章); numNone: the items stand in one untitled section
	levels    []numKind // the styles that head sections, outermost first
	item      numKind   // the style that numbers the items; numNone with paraItems
	paraItems bool      // the items are unnumbered headline paragraphs (标题。正文)
	start     int       // the first block of the body; blocks before it are the header
	nums      []numbering
	roles     []role
	depth     []int // a heading's depth (0: top level)
}

// entry is a numbered paragraph of a task section while the outline is
// worked out.
type entry struct {
	i        int // block index
	kind     numKind
	inline   bool // its paragraph ends with a unit phrase
	lines    bool // responsibility lines follow it
	body     bool // it has text after its title
	parent   *entry
	children []*entry
}

func (e *entry) units() bool { return e.inline || e.lines }

// hasUnitsBelow reports whether an entry below e names units.
func (e *entry) hasUnitsBelow() bool {
	for _, c := range e.children {
		if c.units() || c.hasUnitsBelow() {
			return true
		}
	}
	return false
}

// makeOutline works out a document's outline from its blocks:
//
//   - the top level is 第一章 where chapters are used, else 一、; without
//     either the body starts at the first numbered line and stands in one
//     untitled section;
//   - the item level is the style whose paragraphs name units (at their
//     end in a bracket, or on 牵头单位：lines after them) most often; where
//     no unit is named anywhere, 1. (or 第X条) when the task sections use it,
//     else （一） when its paragraphs have text after their titles, else
//     unnumbered headline paragraphs;
//   - an item without units whose numbered parts each name their own is a
//     heading, and its parts the items ((1)…(X牵头负责)(2)…); a heading that
//     names units and has no item under it is an item.
func makeOutline(bs []block, rs *rules) outline {
	o := outline{nums: make([]numbering, len(bs)), roles: make([]role, len(bs)), depth: make([]int, len(bs)), start: len(bs)}
	present := map[numKind]bool{}
	for i, b := range bs {
		if b.tabs {
			continue
		}
		o.nums[i] = parseNumbering(b.text)
		if k := o.nums[i].kind; k != numNone {
			present[k] = true
		}
	}
	switch {
	case present[numChapter]:
		o.top = numChapter
	case present[numHan]:
		o.top = numHan
	}
	for i, b := range bs {
		if b.tabs {
			continue
		}
		k := o.nums[i].kind
		if o.top != numNone && k == o.top || o.top == numNone && (k == numParenHan || k == numArabic || k == numArticle) {
			o.start = i
			break
		}
	}
	// The entries of the task sections, nested by style.
	var entries []*entry
	var stack []*entry
	kind := taskSection
	next := 1      // the （一） number a section heading continues with
	paraUnits := 0 // unnumbered paragraphs that end with units
	var col columnTracker
	for i := o.start; i < len(bs); i++ {
		b := bs[i]
		if b.tabs {
			continue
		}
		nb := o.nums[i]
		if nb.kind != numNone && nb.kind == o.top {
			kind = kindOf(nb.rest)
			stack, next = nil, 1
			col = columnTracker{}
			continue
		}
		if col.inColumn(b.text, nb, next) {
			stack = nil
			continue
		}
		if kind != taskSection {
			continue
		}
		if nb.kind == numParenHan {
			if nb.n != next {
				continue // a list's (一), not a section
			}
			next = nb.n + 1
		}
		if nb.kind != numNone {
			e := &entry{i: i, kind: nb.kind, inline: endsWithUnits(nb.rest, rs), body: hasBody(nb.rest)}
			for len(stack) > 0 && stack[len(stack)-1].kind >= e.kind {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				e.parent = stack[len(stack)-1]
				e.parent.children = append(e.parent.children, e)
			}
			stack = append(stack, e)
			entries = append(entries, e)
			continue
		}
		if isUnitLine(b.text) || unitBracketLine(b.text, rs) {
			if len(stack) > 0 {
				stack[len(stack)-1].lines = true
			}
			continue
		}
		if endsWithUnits(b.text, rs) && strings.Contains(b.text, "。") {
			if len(stack) > 0 && stack[len(stack)-1].body && !stack[len(stack)-1].units() {
				stack[len(stack)-1].inline = true
			} else {
				paraUnits++
			}
		}
	}
	// The item level.
	count := map[numKind]int{}
	units := map[numKind]int{}
	bodies := map[numKind]int{}
	for _, e := range entries {
		count[e.kind]++
		if e.units() {
			units[e.kind]++
		}
		if e.body {
			bodies[e.kind]++
		}
	}
	best, bestN := numNone, 0
	for k := numKind(1); k < numKinds; k++ {
		if units[k] >= bestN && units[k] > 0 {
			best, bestN = k, units[k]
		}
	}
	switch {
	case bestN > 0 && paraUnits > bestN:
		o.paraItems = true
	case bestN > 0:
		o.item = best
	case paraUnits > 0:
		o.paraItems = true
	case count[numArabic] > 0:
		o.item = numArabic
	case count[numArticle] > 0:
		o.item = numArticle
	case count[numParenHan] > 0 && 2*bodies[numParenHan] > count[numParenHan]:
		o.item = numParenHan
	case count[numParenArabic] > 0 && count[numParenHan]+count[numArabic] == 0:
		o.item = numParenArabic
	default:
		o.paraItems = true
	}
	// The heading levels: the top, and the styles above the items the task
	// sections use.
	if o.top != numNone {
		o.levels = append(o.levels, o.top)
	}
	for k := numKind(1); k < numKinds; k++ {
		if k == o.top || !present[k] {
			continue
		}
		if o.paraItems || k < o.item {
			if count[k] > 0 || k == numParenHan && o.top != numNone {
				o.levels = append(o.levels, k)
			}
		}
	}
	// Per entry: a unit-less item whose parts name units is a heading; a
	// heading with units and no item under it is an item.
	split := map[int]bool{}   // entries read as headings though of the item style
	promote := map[int]bool{} // entries read as items though of a heading style
	if !o.paraItems {
		for _, e := range entries {
			switch {
			case e.kind == o.item && !e.units() && len(e.children) > 0:
				n := 0
				for _, c := range e.children {
					if c.inline {
						n++
					}
				}
				if n > 0 {
					split[e.i] = true
					for _, c := range e.children {
						promote[c.i] = true
					}
				}
			case e.kind < o.item && e.kind != o.top && e.units() && !e.hasUnitsBelow() && !hasKindBelow(e, o.item):
				promote[e.i] = true
			}
		}
	}
	// Roles. A heading's depth is its level's (under the untitled section
	// when there is no top level); an item's is the depth of the section it
	// goes into, so that it closes any deeper one.
	off := 0
	if o.top == numNone {
		off = 1
	}
	kind = taskSection
	next = 1
	col = columnTracker{}
	for i := o.start; i < len(bs); i++ {
		if bs[i].tabs {
			continue
		}
		nb := o.nums[i]
		if nb.kind != numNone && nb.kind == o.top {
			o.roles[i], o.depth[i] = roleHeading, 0
			kind = kindOf(nb.rest)
			next = 1
			col = columnTracker{}
			continue
		}
		if col.inColumn(bs[i].text, nb, next) || nb.kind == numNone {
			continue
		}
		d := indexOf(o.levels, nb.kind)
		switch {
		case kind != taskSection:
			if d >= 0 && d <= 1 {
				o.roles[i], o.depth[i] = roleHeading, d+off
			} else {
				o.roles[i] = roleText
			}
			continue
		case nb.kind == numParenHan && d >= 0 && !promote[i]:
			if nb.n != next {
				o.roles[i] = roleAside
				continue
			}
			next = nb.n + 1
			o.roles[i], o.depth[i] = roleHeading, d+off
		case promote[i] && d >= 0:
			o.roles[i], o.depth[i] = roleItem, d+off
		case promote[i]:
			o.roles[i], o.depth[i] = roleItem, len(o.levels)+off+1
		case split[i]:
			o.roles[i], o.depth[i] = roleHeading, len(o.levels)+off
		case d >= 0:
			o.roles[i], o.depth[i] = roleHeading, d+off
		case !o.paraItems && nb.kind == o.item:
			o.roles[i], o.depth[i] = roleItem, len(o.levels)+off
		case !o.paraItems && nb.kind > o.item:
			o.roles[i] = roleSub
		case o.paraItems:
			o.roles[i] = roleSub
		default:
			o.roles[i] = roleAside
		}
	}
	return o
}

// columnTracker follows a column (专栏N) as the assembler reads it, so
// that the column's own (一) items are not taken for section headings: a
// (N) continuing the column's items is the column's, as is one that is
// neither the next section's number nor a heading; a numbered heading or
// item, a unit line, or text after the column's items ends it.
type columnTracker struct {
	open, items bool
	next        int
}

// inColumn reports whether a block belongs to an open column.
func (c *columnTracker) inColumn(text string, nb numbering, sectionNext int) bool {
	if strings.HasPrefix(text, "专栏") && reColumn.MatchString(text) {
		*c = columnTracker{open: true, next: 1}
		return true
	}
	if !c.open {
		return false
	}
	switch {
	case strings.HasPrefix(text, "亮点工程") && reFlagship.MatchString(text):
		return true
	case nb.kind == numParenHan:
		if nb.n == c.next || !(nb.n == sectionNext || isHeading(nb.rest)) {
			c.items, c.next = true, nb.n+1
			return true
		}
	case nb.kind == numHan || nb.kind == numArabic || nb.kind == numArticle || nb.kind == numChapter || isRespLine(text):
	case !c.items:
		return true
	}
	c.open = false
	return false
}

// hasKindBelow reports whether an entry of kind k stands below e.
func hasKindBelow(e *entry, k numKind) bool {
	for _, c := range e.children {
		if c.kind == k || hasKindBelow(c, k) {
			return true
		}
	}
	return false
}

func indexOf(ks []numKind, k numKind) int {
	for i, x := range ks {
		if x == k {
			return i
		}
	}
	return -1
}

// hasBody reports whether the text after a number has text after its
// title: 实施…管理。印发实施…, or a long sentence.
func hasBody(s string) bool {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "。"); i >= 0 {
		return strings.TrimSpace(strings.TrimRight(s[i+len("。"):], "。 ")) != ""
	}
	return utf8.RuneCountInString(s) > 40
}

// endsWithUnits reports whether s ends with a unit phrase: a bracket
// naming units, or a last sentence 市发展改革委牵头负责。
func endsWithUnits(s string, rs *rules) bool {
	if before, inner, ok := trailingBracket(s); ok {
		if ph, ok := parsePhrase(inner, roleNone, bareAllowed(before, inner), rs); ok && ph.units() > 0 {
			return true
		}
	}
	_, ph, ok := trailingSentenceUnits(s, rs)
	return ok && ph.units() > 0
}

// unitBracketLine reports whether s is a unit bracket standing alone on
// its line: （区政务服务中心负责）.
func unitBracketLine(s string, rs *rules) bool {
	before, inner, ok := trailingBracket(s)
	if !ok || before != "" {
		return false
	}
	ph, ok := parsePhrase(inner, roleNone, true, rs)
	return ok && ph.units() > 0
}

// isUnitLine reports whether s is a line naming units: 牵头单位：X.
func isUnitLine(s string) bool {
	l, _, _, ok := labelBefore(s)
	return ok && isRespLine(s) && (l.role == roleLead || l.role == roleResp || l.role == roleSupport)
}

// reNotUnit are words that start a bracket that is no unit list even where
// its words end like units: (含高新区), (以下简称…).
var reNotUnit = regexp.MustCompile(`^(?:含|包括|不含|除|即|如|以下|下称|简称|注|其中|详见|见)`)

// bareAllowed reports whether a bracket may be read as a bare unit list
// (units with neither label nor verb: (区数据局、区财政局)): only after a
// sentence's end, so that 综合协调组(“放管服”改革组) keeps its bracket, and not
// when it starts like a note (含…, 以下简称…).
func bareAllowed(before, inner string) bool {
	b := strings.TrimSpace(before)
	return !reNotUnit.MatchString(strings.TrimSpace(inner)) &&
		(strings.HasSuffix(b, "。") || strings.HasSuffix(b, "；") || strings.HasSuffix(b, ";"))
}

// reActionWord are words of a sentence, not of a unit name.
var reActionWord = regexp.MustCompile(`要|加强|推进|建立|完善|落实|开展|做好|强化|提升|各级|积极|认真|切实|统筹|按照|确保|及时|共同|全面`)

// trailingSentenceUnits reads units written as an item's last sentence,
// with no bracket: …工作。市发展改革委牵头负责。 (or 由X牵头，Y配合。).
func trailingSentenceUnits(s string, rs *rules) (before string, ph phrase, ok bool) {
	t := strings.TrimRight(strings.TrimSpace(s), "。 ")
	i := strings.LastIndex(t, "。")
	if i < 0 {
		return s, ph, false
	}
	last := strings.TrimPrefix(strings.TrimSpace(t[i+len("。"):]), "由")
	if last == "" || utf8.RuneCountInString(last) > 60 {
		return s, ph, false
	}
	if _, _, _, isLabel := labelBefore(last); isLabel {
		return s, ph, false
	}
	if _, _, ok := verbAfter(last); !ok {
		return s, ph, false
	}
	ph, ok = parsePhrase(last, roleNone, false, rs)
	if !ok || ph.units() == 0 {
		return s, phrase{}, false
	}
	for _, us := range [][]string{ph.r.Lead, ph.r.Responsible, ph.r.Supporting} {
		for _, u := range us {
			if reActionWord.MatchString(u) || utf8.RuneCountInString(u) > 20 {
				return s, phrase{}, false
			}
		}
	}
	return t[:i+len("。")], ph, true
}

// hasRunInOne reports whether s holds (1) or （1） after its start: the
// first of a run of numbered parts.
func hasRunInOne(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != '1' {
			continue
		}
		before := strings.TrimRight(s[:i], " ")
		if (strings.HasSuffix(before, "(") || strings.HasSuffix(before, "（")) && len(before) > 3 {
			return true
		}
	}
	return false
}

// reRunIn finds a run-in number inside a paragraph: (1), （2）.
var reRunIn = regexp.MustCompile(`[(（]\s*(\d{1,2})\s*[)）]`)

// splitRunIn cuts paragraphs holding run-in numbered parts that each end
// with their own units — 1.深化商事制度改革。(1)…(市工商质监局牵头负责)(2)…
// (市工商质监局牵头负责) — into the paragraph's head and one paragraph per
// part, so that the outline sees the parts as the items they are. A part
// starts after a sentence's end or a closing bracket, the numbers run 1, 2,
// 3 …, and at least two parts end with units; otherwise the paragraph is
// left whole.
func splitRunIn(bs []block, rs *rules) []block {
	out := make([]block, 0, len(bs))
	for _, b := range bs {
		if b.tabs || !hasRunInOne(b.text) {
			out = append(out, b)
			continue
		}
		var cuts []int
		want := 1
		for _, m := range reRunIn.FindAllStringSubmatchIndex(b.text, -1) {
			n := 0
			for _, c := range b.text[m[2]:m[3]] {
				n = n*10 + int(c-'0')
			}
			if n != want || m[0] == 0 {
				continue
			}
			prev := lastRune(b.text[:m[0]])
			if !strings.ContainsRune("。；;）)〕", prev) {
				continue
			}
			cuts = append(cuts, m[0])
			want++
		}
		if len(cuts) < 2 {
			out = append(out, b)
			continue
		}
		parts := []string{b.text[:cuts[0]]}
		for k, c := range cuts {
			end := len(b.text)
			if k+1 < len(cuts) {
				end = cuts[k+1]
			}
			parts = append(parts, b.text[c:end])
		}
		withUnits := 0
		for _, part := range parts[1:] {
			if endsWithUnits(part, rs) {
				withUnits++
			}
		}
		if withUnits < 2 {
			out = append(out, b)
			continue
		}
		for _, part := range parts {
			if part = strings.TrimSpace(part); part != "" {
				nb := b
				nb.text = part
				out = append(out, nb)
			}
		}
	}
	return out
}
