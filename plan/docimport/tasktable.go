package docimport

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/task"
)

// colRole is what a task table's column holds.
type colRole uint8

const (
	colUnknown  colRole = iota
	colNumber           // 序号
	colSection          // 章节, 类别, 领域: the section the row stands in
	colTitle            // 任务名称: the task's title
	colTask             // 重点任务, 具体措施: the task's text
	colLead             // 牵头单位
	colResp             // 责任单位
	colSupport          // 配合单位
	colDeadline         // 完成时限
	colLeader           // 责任领导: a person, kept in the text
	colLiaison          // 联系人
	colPhone            // 联系电话
	colNote             // 备注, 预期目标: kept in the text
)

// headerWords are the header cells a task table's columns are found by,
// besides the labels of the responsibility grammar (牵头单位, 责任单位,
// 完成时限 …), which name the unit and time-limit columns.
var headerWords = map[string]colRole{
	"序号": colNumber, "编号": colNumber, "序": colNumber, "任务序号": colNumber, "项目序号": colNumber, "条目序号": colNumber,
	"章节": colSection, "类别": colSection, "领域": colSection, "板块": colSection, "类型": colSection, "分类": colSection,
	"专项": colSection, "方面": colSection, "重点领域": colSection, "任务类别": colSection, "工作类别": colSection,
	"所属领域": colSection, "改革领域": colSection, "专项行动": colSection, "行动": colSection, "部分": colSection,
	"任务分类": colSection, "环境类别": colSection, "一级任务": colSection, "主要方面": colSection, "篇章": colSection, "小节": colSection,
	"任务名称": colTitle, "事项名称": colTitle, "工作名称": colTitle, "项目名称": colTitle, "名称": colTitle,
	"改革事项": colTitle, "重点事项": colTitle, "任务事项": colTitle, "工作事项": colTitle, "事项": colTitle, "标题": colTitle,
	"重点任务": colTask, "工作任务": colTask, "主要任务": colTask, "任务内容": colTask, "工作内容": colTask,
	"方案内容": colTask, "具体措施": colTask, "工作措施": colTask, "主要措施": colTask, "重点工作": colTask,
	"具体任务": colTask, "任务": colTask, "措施": colTask, "政策措施": colTask, "具体内容": colTask, "内容": colTask,
	"工作举措": colTask, "举措": colTask, "改革任务": colTask, "任务举措": colTask, "主要内容": colTask, "目标任务": colTask,
	"具体举措": colTask, "落实举措": colTask, "措施内容": colTask, "重点举措": colTask, "改革举措": colTask, "工作重点": colTask,
	"任务措施": colTask, "具体工作": colTask, "工作要求": colTask, "重点工作任务": colTask, "主要工作": colTask,
	"牵头": colLead, "责任": colResp, "配合": colSupport, "协办": colSupport,
	"进度安排": colDeadline, "推进时限": colDeadline, "时间安排": colDeadline, "完成时间节点": colDeadline, "节点": colDeadline,
	"备注": colNote, "预期目标": colNote, "工作目标": colNote, "目标": colNote, "预期成效": colNote, "工作标准": colNote,
	"完成标准": colNote, "考核标准": colNote, "佐证材料": colNote, "成果形式": colNote, "预期成果": colNote,
	"评价标准": colNote, "目标要求": colNote, "完成情况": colNote, "进展情况": colNote, "工作成效": colNote,
}

// reHeaderNote is a note in a header cell: 牵头单位（部门）, 完成时限(2025年).
var reHeaderNote = regexp.MustCompile(`[(（][^()（）]*[)）]`)

// labelColumn is the column a label of the responsibility grammar heads.
var labelColumn = map[unitRole]colRole{
	roleLead: colLead, roleResp: colResp, roleSupport: colSupport, roleDeadline: colDeadline,
	roleLeader: colLeader, roleLiaison: colLiaison, rolePhone: colPhone,
}

// headerCell is a header cell read: the role of its column.
type headerCell struct {
	role colRole
	word string // the cell as written
}

// headerRole reads a header cell: its words without spaces and notes in
// brackets, looked up in headerWords and the responsibility grammar's
// labels.
func headerRole(cell string) headerCell {
	if len(cell) > 120 {
		return headerCell{colUnknown, cell} // a sentence, not a header word
	}
	w := strings.Join(strings.Fields(cell), "")
	w = strings.Trim(w, "*:：")
	key := w
	if strings.ContainsAny(w, "(（") {
		key = reHeaderNote.ReplaceAllString(w, "")
	}
	if r, ok := headerWords[key]; ok {
		return headerCell{r, w}
	}
	for _, l := range labels {
		if !l.before || key != l.word {
			continue
		}
		if c, ok := labelColumn[l.role]; ok {
			return headerCell{c, w}
		}
	}
	return headerCell{colUnknown, w}
}

// taskHeaderOK reports whether header cells make a task table's header:
// a task (or title) column and a unit or time-limit column.
func taskHeaderOK(cells []string) bool {
	task, other := false, false
	for _, c := range cells {
		switch headerRole(c).role {
		case colTask, colTitle:
			task = true
		case colLead, colResp, colSupport, colDeadline:
			other = true
		}
	}
	return task && other
}

// taskTable is a task table being read.
type taskTable struct {
	id       int // the block's table
	cols     []headerCell
	num      int   // the 序号 column, or -1
	secs     []int // the section columns, outer first
	title    int   // the title column, or -1
	text     int   // the task's text column, or -1
	base     []*plan.Section
	secVals  []string
	secOpen  []*plan.Section
	cur      *item
	lastNum  string
	lastText string
	seq      int             // the position of the table's last task, for tables without numbers
	rowSecs  []*plan.Section // sections opened by rows written across the table
	rowKinds []numKind
}

// readTaskHeader reads a task table's header row: the columns by their
// header words, not their position. A header cell it cannot map is
// reported; its cells are kept in the tasks' text.
func readTaskHeader(b block, cells []string) (*taskTable, bool) {
	if !taskHeaderOK(cells) {
		return nil, false
	}
	t := &taskTable{id: b.table, num: -1, title: -1, text: -1}
	var tasks []int
	for i, c := range cells {
		h := headerRole(c)
		t.cols = append(t.cols, h)
		switch h.role {
		case colNumber:
			if t.num < 0 {
				t.num = i
			}
		case colSection:
			t.secs = append(t.secs, i)
		case colTitle:
			if t.title < 0 {
				t.title = i
			}
		case colTask:
			tasks = append(tasks, i)
		}
	}
	// Two task columns (重点任务, 具体措施): the first is the title.
	switch {
	case len(tasks) >= 2 && t.title < 0:
		t.title, t.text = tasks[0], tasks[1]
		for _, i := range tasks[2:] {
			t.cols[i].role = colNote
		}
	case len(tasks) >= 1:
		t.text = tasks[0]
		for _, i := range tasks[1:] {
			t.cols[i].role = colNote
		}
	}
	t.secVals = make([]string, len(t.secs))
	t.secOpen = make([]*plan.Section, len(t.secs))
	return t, true
}

// openTaskTable starts a task table under the open section (or, before any
// heading, in one untitled section).
func (p *parser) openTaskTable(b block, t *taskTable) {
	p.closeItem()
	if !p.started {
		p.openUntitled()
	}
	t.base = append([]*plan.Section(nil), p.secs...)
	for i, h := range t.cols {
		if h.role == colUnknown && h.word != "" {
			p.add(cellBlock(b, i, h.word), plan.Warning, "table_header", "表头“"+h.word+"”无法对应到条目的字段，此列内容保留在条目正文中",
				"the header “"+h.word+"” maps to no field of an item; the column's cells are kept in the items' text")
		}
	}
	p.ttable = t
}

// cellBlock is a block standing for one cell of a row, for findings.
func cellBlock(b block, i int, text string) block {
	return block{seq: b.seq, at: b.cellLocation(i), text: text}
}

// closeTaskTable ends the open task table.
func (p *parser) closeTaskTable() {
	if p.ttable == nil {
		return
	}
	p.lastTask, p.ttable = p.ttable, nil
	p.closeItem()
}

// reopenTaskTable reads rows with the columns of the last task table,
// under the section now open.
func (p *parser) reopenTaskTable(b block, last *taskTable) {
	t := &taskTable{id: b.table, cols: last.cols, num: last.num, secs: last.secs, title: last.title, text: last.text, seq: last.seq}
	t.base = append([]*plan.Section(nil), p.secs...)
	t.secVals = make([]string, len(t.secs))
	t.secOpen = make([]*plan.Section, len(t.secs))
	p.closeItem()
	p.ttable = t
}

// taskRow reads a row of a task table: a new task when its number (or,
// without a number column, its task text) changes; with the same number
// or a blank number and text, more of the task above (several rows per
// task; merged cells arrive filled in by the readers). A row with one cell
// written across the table is a section.
func (p *parser) taskRow(b block, cells []string) {
	t := p.ttable
	get := func(i int) string {
		if i < 0 || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}
	nonEmpty, only := 0, ""
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			nonEmpty++
			only = strings.TrimSpace(c)
		}
	}
	if nonEmpty == 0 || reSeparator.MatchString(strings.Join(cells, "")) {
		return
	}
	if nonEmpty == 1 && (len(cells) == 1 || get(t.text) == "" && get(t.title) == "") && parseNumbering(only).kind != numArabic {
		p.tableSection(b, only)
		return
	}
	if nonEmpty == 1 && get(t.num) != "" {
		return // a number alone: an empty row
	}
	// Sections named in their columns; a blank cell continues the one above.
	for k, ci := range t.secs {
		v := get(ci)
		if v == "" || v == t.secVals[k] {
			continue
		}
		t.secVals[k] = v
		for j := k + 1; j < len(t.secs); j++ {
			t.secVals[j], t.secOpen[j] = "", nil
		}
		parent := p.tableParent(k)
		nb := parseNumbering(v)
		sec := &plan.Section{Title: cleanTitle(v)}
		if nb.kind != numNone && nb.kind != numArabic {
			sec.Number, sec.Title = nb.label, cleanTitle(nb.rest)
		}
		parent.Sections = append(parent.Sections, sec)
		t.secOpen[k] = sec
		p.closeItem()
		t.cur = nil
	}
	num := strings.TrimRight(get(t.num), ".．、")
	text := get(t.text)
	title := get(t.title)
	cont := t.cur != nil && p.cur == t.cur && (num != "" && num == t.lastNum ||
		num == "" && (text == "" && title == "" || text == t.lastText && title == "" || t.num >= 0 && text != "" && title == ""))
	if !cont {
		if text == "" && title == "" {
			p.add(b, plan.Warning, "table_row", "表格此行没有任务内容，未导入", "the table row has no task text; left out")
			return
		}
		sec := p.tableContainer()
		t.seq++
		if num == "" {
			num = strconv.Itoa(t.seq)
		} else if n, err := strconv.Atoi(num); err == nil {
			t.seq = n
		}
		whole := text
		if title != "" {
			whole = cleanCell(title) + "。" + cleanCell(text)
			if text == "" {
				whole = cleanCell(title)
			}
		} else {
			whole = cleanCell(text)
		}
		p.closeItem()
		key := p.tablePath() + "/" + num
		p.startTask(b, sec, num, whole, key)
		t.cur, t.lastNum, t.lastText = p.cur, num, text
	} else if text != "" && text != t.lastText {
		p.appendText(&t.cur.t.Body, cleanCell(text))
		t.lastText = text
	}
	it := t.cur
	for i, h := range t.cols {
		v := get(i)
		if v == "" || i == t.num || i == t.title || i == t.text || h.role == colSection {
			continue
		}
		switch h.role {
		case colLead, colResp, colSupport:
			def := map[colRole]unitRole{colLead: roleLead, colResp: roleResp, colSupport: roleSupport}[h.role]
			ph, ok := parsePhrase(v, def, true, &p.rules)
			if !ok || ph.units() == 0 && ph.deadline == "" {
				if v != "无" && v != "/" && v != "—" && v != "-" {
					p.add(cellBlock(b, i, v), plan.Warning, "unit_phrase", "无法把“"+shorten(v)+"”读作单位，保留在条目正文中", "cannot read “"+shorten(v)+"” as units; kept in the item's text")
					p.appendText(&it.t.Body, h.word+"："+v)
				}
				continue
			}
			p.mergeUnits(it, cellBlock(b, i, v), ph)
		case colDeadline:
			if !strings.Contains(it.limit, v) {
				it.limit, it.limitAt = joinNonEmpty(it.limit, v), cellBlock(b, i, v)
			}
		case colLiaison:
			if it.t.Responsibility.Liaison == nil {
				it.t.Responsibility.Liaison = &task.Liaison{}
			}
			it.t.Responsibility.Liaison.Name = v
		case colPhone:
			if it.t.Responsibility.Liaison == nil {
				it.t.Responsibility.Liaison = &task.Liaison{}
			}
			it.t.Responsibility.Liaison.Phone = v
		default: // 责任领导, 备注, an unmapped column: kept in the text
			line := h.word + "：" + v
			if h.word == "" {
				line = v
			}
			if !strings.Contains(it.t.Body, line) {
				p.appendText(&it.t.Body, line)
			}
		}
	}
}

// mergeUnits adds units read from a table cell to an item, each once.
func (p *parser) mergeUnits(it *item, b block, ph phrase) {
	p.noteRules(b, ph)
	r := &it.t.Responsibility
	add := func(dst *[]string, units []string) {
		for _, u := range units {
			if r.RoleOf(u) == task.NoRole {
				*dst = append(*dst, u)
			}
		}
	}
	add(&r.Lead, ph.r.Lead)
	add(&r.Responsible, ph.r.Responsible)
	add(&r.Supporting, ph.r.Supporting)
	r.Joint = r.Joint || ph.r.Joint
	if ph.units() > 0 {
		it.hasResp, it.ownUnit = true, true
	}
	if ph.deadline != "" && !strings.Contains(it.limit, ph.deadline) {
		it.limit, it.limitAt = joinNonEmpty(it.limit, ph.deadline), b
	}
	if ph.leader != "" {
		p.appendText(&it.t.Body, ph.leader)
	}
}

// tableSection opens a section from a row written across the table
// (一、政务环境 or （一）…): nested by its numbering under the table's base.
func (p *parser) tableSection(b block, text string) {
	t := p.ttable
	p.closeItem()
	t.cur = nil
	nb := parseNumbering(text)
	// A row numbered as the document's headings are (二、法治环境 where the
	// text has 一、) is such a heading: the table's rows go under it.
	if nb.kind != numNone && nb.kind == p.ol.top {
		p.openTop(b, nb)
		t.base, t.rowSecs, t.rowKinds = append([]*plan.Section(nil), p.secs...), nil, nil
		t.resetSections()
		return
	}
	if d := indexOf(p.ol.levels, nb.kind); nb.kind != numNone && d > 0 && len(p.secs) > 0 {
		if p.ol.top == numNone {
			d++
		}
		p.openSection(b, nb, d)
		t.base, t.rowSecs, t.rowKinds = append([]*plan.Section(nil), p.secs...), nil, nil
		t.resetSections()
		return
	}
	sec := &plan.Section{Title: cleanTitle(text)}
	if nb.kind != numNone {
		sec.Number, sec.Title = nb.label, cleanTitle(nb.rest)
	}
	// A deeper numbering nests under the row section above it.
	for len(t.rowSecs) > 0 && (nb.kind == numNone || t.rowKinds[len(t.rowKinds)-1] >= nb.kind) {
		t.rowSecs, t.rowKinds = t.rowSecs[:len(t.rowSecs)-1], t.rowKinds[:len(t.rowKinds)-1]
	}
	parent := p.tableParent(0)
	if len(t.rowSecs) > 0 {
		parent = t.rowSecs[len(t.rowSecs)-1]
	}
	parent.Sections = append(parent.Sections, sec)
	t.rowSecs, t.rowKinds = append(t.rowSecs, sec), append(t.rowKinds, nb.kind)
	t.resetSections()
}

// resetSections forgets the sections the columns opened.
func (t *taskTable) resetSections() {
	for k := range t.secOpen {
		t.secVals[k], t.secOpen[k] = "", nil
	}
}

// tableParent is the section a table's section column k opens under: the
// section of the column before it, a row section, or the table's base.
func (p *parser) tableParent(k int) *plan.Section {
	t := p.ttable
	for j := k - 1; j >= 0; j-- {
		if t.secOpen[j] != nil {
			return t.secOpen[j]
		}
	}
	if len(t.rowSecs) > 0 {
		return t.rowSecs[len(t.rowSecs)-1]
	}
	if len(t.base) > 0 {
		return t.base[len(t.base)-1]
	}
	return p.container()
}

// tableContainer is the section a table's next task goes to.
func (p *parser) tableContainer() *plan.Section {
	t := p.ttable
	for j := len(t.secOpen) - 1; j >= 0; j-- {
		if t.secOpen[j] != nil {
			return t.secOpen[j]
		}
	}
	return p.tableParent(0)
}

// tablePath is the section path of the table's open sections, for IDs.
func (p *parser) tablePath() string {
	t := p.ttable
	s := ""
	for _, sec := range t.base {
		s += sec.Number
	}
	for _, sec := range t.rowSecs {
		s += sec.Number + sec.Title
	}
	for _, sec := range t.secOpen {
		if sec != nil {
			s += "/" + sec.Title
		}
	}
	return s
}

// cleanCell joins a cell's lines and removes the spaces a PDF's line
// breaks leave between Chinese characters (工作机 制).
func cleanCell(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "")), " ")
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && rs[i-1] >= utf8.RuneSelf && rs[i+1] >= utf8.RuneSelf {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// String names a column role, for tests and messages.
func (c colRole) String() string {
	return [...]string{"unknown", "number", "section", "title", "task", "lead", "responsible", "supporting", "deadline", "leader", "liaison", "phone", "note"}[c]
}
