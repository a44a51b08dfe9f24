package docimport

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bizenv/bizenv/plan"
)

// block is one paragraph or table row of a document in reading order: what
// every format reader (text, .docx, .xlsx) gives the steps after it.
type block struct {
	seq    int      // position in reading order; a text's line number
	at     Location // where it is, for findings
	text   string   // a paragraph's text, cleaned; a row's cells joined by tabs
	tabs   bool     // a table row: a tab-separated line, or a row of a Word table or Excel sheet
	cells  []string // a row's cells, when the reader knows them (nil: split text at tabs)
	table  int      // rows of one Word table or Excel sheet share it; 0 for text
	gap    bool     // a text's line after an empty line: a new paragraph
	mark   bool     // a text's line that started with a list marker (- • >)
	cellAt func(i int) Location
}

// rowCells returns a row's cells, without empty cells at the end.
func (b block) rowCells() []string {
	cells := b.cells
	if cells == nil {
		cells = strings.Split(b.text, "\t")
	}
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// cellLocation returns the location of a row's cell i (0-based).
func (b block) cellLocation(i int) Location {
	if b.cellAt != nil {
		return b.cellAt(i)
	}
	return b.at
}

// spaceLike are the characters read as a space: no-break, ideographic,
// zero-width and other spaces documents carry.
var spaceLike = strings.NewReplacer("\u00a0", " ", "\u3000", " ", "\u200b", "", "\ufeff", "", "\u2002", " ", "\u2003", " ", "\u2009", " ", "\r", "", "\f", "")

// readText cuts a document's text into blocks: its lines, cleaned, with
// tab-separated lines and rows written between pipes (| a | b |) as table
// rows, a table pasted one cell per line (as a web page gives it) rebuilt
// into rows, and lines a page break or an extraction split joined again.
func readText(b []byte) ([]block, []Finding) {
	lines := splitLines(b)
	var fs []Finding
	lines = rebuildFlatTables(lines, &fs)
	lines = joinLines(lines, &fs)
	return lines, fs
}

// splitLines cuts the text into cleaned lines, keeping line numbers. Table
// rows keep their tabs (trailing ones removed); other lines have runs of
// spaces and tabs collapsed.
func splitLines(b []byte) []block {
	var out []block
	no := 0
	gap := false
	for len(b) > 0 {
		no++
		var raw []byte
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			raw, b = b[:i], b[i+1:]
		} else {
			raw, b = b, nil
		}
		s := spaceLike.Replace(string(raw))
		l := block{seq: no, at: Location{Line: no}, tabs: strings.Contains(s, "\t"), gap: gap}
		s = strings.TrimRight(s, " \t")
		if strings.Contains(s, "\t") {
			l.text = strings.TrimLeft(s, " ")
		} else {
			l.text = strings.Join(strings.Fields(s), " ")
			stripped := stripMarker(l.text)
			l.mark = stripped != l.text
			l.text = stripped
			if cells, ok := pipeRow(l.text); ok {
				l.tabs, l.cells, l.text = true, cells, strings.Join(cells, "\t")
			}
		}
		if strings.TrimSpace(l.text) != "" {
			out = append(out, l)
			gap = false
		} else {
			gap = true
		}
	}
	return out
}

// pipeRow reads a row written between pipes: | 序号 | 重点任务 | 牵头单位 |.
func pipeRow(s string) ([]string, bool) {
	if !strings.HasPrefix(s, "|") || !strings.HasSuffix(s, "|") || strings.Count(s, "|") < 3 {
		return nil, false
	}
	parts := strings.Split(s[1:len(s)-1], "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts, true
}

// stripMarker removes a leading list or quote marker (-, >, •, *).
func stripMarker(s string) string {
	for {
		t := strings.TrimLeft(s, " ")
		switch {
		case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "> "), strings.HasPrefix(t, "* "):
			s = t[2:]
		case strings.HasPrefix(t, "•"):
			s = t[len("•"):]
		default:
			return strings.TrimSpace(t)
		}
	}
}

// cellText is a line of a table pasted one cell per line: the line without
// the pipe a web page's copy leaves at its end ("责任单位 |").
func cellText(s string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "|"))
}

// rebuildFlatTables finds tables pasted one cell per line: a run of at
// least three lines that are each a task table's header word (序号, 重点
// 任务, 牵头单位, 完成时限 …), with a task column and a unit or time-limit
// column, then the cells row by row. With a 序号 column a row starts at
// its number; without one, every N lines are a row. A row with too many
// lines gives the extra lines to the task column; one with too few is
// reported.
func rebuildFlatTables(lines []block, fs *[]Finding) []block {
	out := make([]block, 0, len(lines))
	tableID := 0
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && !lines[j].tabs && len(lines[j].text) <= 48 && utf8.RuneCountInString(cellText(lines[j].text)) <= 12 &&
			headerRole(cellText(lines[j].text)).role != colUnknown {
			j++
		}
		var header []string
		for _, l := range lines[i:j] {
			header = append(header, cellText(l.text))
		}
		if j-i < 3 || !taskHeaderOK(header) {
			out = append(out, lines[i])
			i++
			continue
		}
		tableID--
		n := len(header)
		out = append(out, block{seq: lines[i].seq, at: lines[i].at, tabs: true, cells: header, text: strings.Join(header, "\t"), table: tableID})
		numCol, taskCol := -1, 0
		for c, h := range header {
			switch headerRole(h).role {
			case colNumber:
				if numCol < 0 {
					numCol = c
				}
			case colTask:
				taskCol = c
			}
		}
		k := j
		expect := 1
		for k < len(lines) && !lines[k].tabs {
			var cells []block
			switch {
			case numCol == 0:
				if !isNumberCell(lines[k].text, expect) {
					// A section written across the table (一、政务环境) between rows.
					if nb := parseNumbering(cellText(lines[k].text)); nb.kind != numNone && nb.kind != numArabic && k+1 < len(lines) && isNumberCell(lines[k+1].text, expect) {
						out = append(out, block{seq: lines[k].seq, at: lines[k].at, tabs: true, cells: []string{cellText(lines[k].text)}, text: cellText(lines[k].text), table: tableID})
						k++
						continue
					}
					goto done
				}
				m := k + 1
				for m < len(lines) && !lines[m].tabs && !(m-k >= 2 && isNumberCell(lines[m].text, expect+1)) && m-k < n+16 {
					if m-k >= n && (isStructural(cellText(lines[m].text)) || !strings.HasSuffix(strings.TrimSpace(lines[m].text), "|") && strings.HasSuffix(strings.TrimSpace(lines[k].text), "|")) {
						break
					}
					m++
				}
				cells = lines[k:m]
				expect++
				k = m
			default:
				if k+n > len(lines) || isStructural(cellText(lines[k].text)) {
					goto done
				}
				cells = lines[k : k+n]
				k += n
			}
			texts := make([]string, 0, n)
			for _, c := range cells {
				texts = append(texts, cellText(c.text))
			}
			switch {
			case len(texts) > n:
				extra := len(texts) - n
				merged := strings.Join(texts[taskCol:taskCol+extra+1], "")
				texts = append(append(append([]string{}, texts[:taskCol]...), merged), texts[taskCol+extra+1:]...)
			case len(texts) < n:
				*fs = append(*fs, finding(cells[0], plan.Warning, "table_row",
					fmt.Sprintf("表格此行只有 %d 格，表头有 %d 格；按顺序填入，其余为空", len(texts), n),
					fmt.Sprintf("the table row has %d cells and the header %d; filled in order, the rest left empty", len(texts), n)))
				for len(texts) < n {
					texts = append(texts, "")
				}
			}
			out = append(out, block{seq: cells[0].seq, at: cells[0].at, tabs: true, cells: texts, text: strings.Join(texts, "\t"), table: tableID})
		}
	done:
		i = k
	}
	return out
}

// isNumberCell reports whether a line of a pasted table is the number n.
func isNumberCell(s string, n int) bool {
	s = strings.TrimRight(cellText(s), ".．、")
	return s == fmt.Sprint(n)
}

// finding makes a finding about a block.
func finding(b block, sev plan.Severity, code, zh, en string) Finding {
	return Finding{Location: b.at, seq: b.seq, Code: code, Severity: sev, MessageZh: zh, MessageEn: en, Text: shorten(b.text)}
}

// joinLines joins lines a page break or an extraction split: a
// responsibility line ending in 、 or followed by a line starting with 、
// (a unit list broken across lines), and prose lines that end mid-
// sentence followed by prose.
func joinLines(in []block, fs *[]Finding) []block {
	out := make([]block, 0, len(in))
	var b strings.Builder
	for i := 0; i < len(in); i++ {
		l := in[i]
		if l.tabs {
			out = append(out, l)
			continue
		}
		b.Reset()
		b.WriteString(l.text)
		resp, structural := isRespLine(l.text), isStructural(l.text)
		last := l.text            // the last piece joined: where the text now ends
		open := openDepth(l.text) // brackets left open: a unit bracket broken over lines
		bracketJoins := 0
		for i+1 < len(in) && !in[i+1].tabs && !(in[i+1].gap && titleLike(b.String())) {
			next := in[i+1].text
			if resp {
				broken := strings.HasSuffix(last, "、") || strings.HasSuffix(last, "，") || strings.HasPrefix(next, "、") || strings.HasPrefix(next, "，")
				if !broken || isStructural(next) {
					break
				}
				*fs = append(*fs, finding(in[i+1], plan.Info, "joined_units", "单位名单跨行，已与上一行合并", "a unit list continued on this line; joined with the line above"))
				if !strings.HasSuffix(last, "、") && !strings.HasSuffix(last, "，") && !strings.HasPrefix(next, "、") && !strings.HasPrefix(next, "，") {
					b.WriteString("、")
				}
			} else if open > 0 && bracketJoins < 3 && !isStructural(next) {
				bracketJoins++ // (牵头单位: / 区数据局): the bracket goes on
			} else {
				ends := endsSentence(last, b.Len())
				if ends && structural && last == l.text && midSentence(last, b.Len(), l.mark) {
					ends = false // a short first line past its title's full stop
				}
				if ends || isStructural(next) || structural && !midSentence(last, b.Len(), l.mark) ||
					strings.HasSuffix(last, "通知") || isAddressee(next) {
					break
				}
			}
			b.WriteString(next)
			last = next
			open = max(open+openDepth(next), 0)
			i++
		}
		if b.Len() != len(l.text) {
			l.text = b.String()
		}
		out = append(out, l)
	}
	return out
}

// openDepth is how many brackets a line leaves open (negative: closes
// more than it opens).
func openDepth(s string) int {
	d := 0
	for _, r := range s {
		switch {
		case isOpen(r):
			d++
		case isClose(r):
			d--
		}
	}
	return d
}

// titleLike reports whether a line reads as a title or heading, not as
// prose an extraction broke: short and without a comma or full stop. Such a
// line followed by an empty line is not joined with the next.
func titleLike(s string) bool {
	return len(s) <= 240 && utf8.RuneCountInString(s) <= 60 && !strings.ContainsAny(s, "。，,；;：:")
}

// isAddressee reports whether s is a notice's addressee line: 各有关单位:.
func isAddressee(s string) bool {
	return strings.HasPrefix(s, "各") && (strings.HasSuffix(s, ":") || strings.HasSuffix(s, "："))
}

// isStructural reports whether s starts a heading, item, column or
// responsibility line, or is furniture.
func isStructural(s string) bool {
	return parseNumbering(s).kind != numNone || strings.HasPrefix(s, "专栏") && reColumn.MatchString(s) ||
		strings.HasPrefix(s, "亮点工程") && reFlagship.MatchString(s) || isRespLine(s) || isChromeWord(s) ||
		(strings.HasPrefix(s, "近期") || strings.HasPrefix(s, "中期") || strings.HasPrefix(s, "远期")) && rePhase.MatchString(s)
}

// endsSentence reports whether a line ending in last (n bytes in all)
// ends a sentence or is a short heading.
func endsSentence(last string, n int) bool {
	r, _ := utf8.DecodeLastRuneInString(last)
	return strings.ContainsRune(sentenceEnds, r) || n < 90 && utf8.RuneCountInString(last) < 30
}

// midSentence reports whether a long structural line ends mid-sentence
// (an item whose text runs on to the next line).
func midSentence(last string, n int, marked bool) bool {
	r, _ := utf8.DecodeLastRuneInString(last)
	if strings.ContainsRune(sentenceEnds, r) {
		return false
	}
	// Long, or past its title's full stop: the item's text runs on (a
	// PDF's text breaks lines at the page's width). A web page's list
	// line (- …) is read as before.
	return n >= 90 || !marked && strings.Contains(last, "。")
}

// sentenceEnds are the characters that end a sentence or a heading.
const sentenceEnds = "。；;！？!?：:”\"）)》"
