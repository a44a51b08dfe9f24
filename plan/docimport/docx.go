package docimport

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/plan"
	"golang.org/x/text/width"
)

// The WordprocessingML namespaces: transitional (what Word, WPS and
// LibreOffice write) and strict.
var wordNamespaces = []string{"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"}

// maxZipEntries bounds the entries of a .docx or .xlsx.
const maxZipEntries = 10_000

// unzipped is a zip archive read within a bound on what it unpacks to.
type unzipped struct {
	files map[string]*zip.File
	left  int64 // bytes that may still be unpacked
	max   int
}

// openZip opens a .docx or .xlsx. Its entries are unpacked on demand, and
// all of them together at most max bytes: past that, reading is an error
// wrapping ErrCorrupt (a zip bomb), never a memory blow-up.
func openZip(b []byte, max int) (*unzipped, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("%w: 无法解开 zip 压缩包：%v / cannot open the zip archive: %v", ErrCorrupt, err, err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, fmt.Errorf("%w: 压缩包有 %d 个文件，超过上限 %d / the archive holds %d files, more than the limit of %d", ErrCorrupt, len(zr.File), maxZipEntries, len(zr.File), maxZipEntries)
	}
	u := &unzipped{files: map[string]*zip.File{}, left: int64(max), max: max}
	for _, f := range zr.File {
		u.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	return u, nil
}

// read unpacks one entry; ok is false when there is none.
func (u *unzipped) read(name string) (data []byte, ok bool, err error) {
	f := u.files[name]
	if f == nil {
		return nil, false, nil
	}
	if f.UncompressedSize64 > uint64(u.left) {
		return nil, true, u.tooBig(name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, fmt.Errorf("%w: %s: %v", ErrCorrupt, name, err)
	}
	defer rc.Close()
	buf := bytes.NewBuffer(make([]byte, 0, min(int64(f.UncompressedSize64)+1, u.left+1)))
	_, err = buf.ReadFrom(io.LimitReader(rc, u.left+1))
	data = buf.Bytes()
	if err != nil {
		return nil, true, fmt.Errorf("%w: %s 解压失败：%v / %s cannot be unpacked: %v", ErrCorrupt, name, err, name, err)
	}
	if int64(len(data)) > u.left {
		return nil, true, u.tooBig(name)
	}
	u.left -= int64(len(data))
	return data, true, nil
}

func (u *unzipped) tooBig(name string) error {
	return fmt.Errorf("%w: %s 解压后超过 %d 字节的上限（Options.MaxUnpacked），可能是压缩炸弹 / %s unpacks to more than the %d-byte limit (Options.MaxUnpacked): possibly a zip bomb",
		ErrCorrupt, name, u.max, name, u.max)
}

// zipFormat tells a .docx from an .xlsx by the parts the zip holds.
func zipFormat(b []byte) (Format, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return 0, fmt.Errorf("%w: 无法解开 zip 压缩包：%v / cannot open the zip archive: %v", ErrCorrupt, err, err)
	}
	odf := false
	for _, f := range zr.File {
		switch name := strings.TrimPrefix(f.Name, "/"); {
		case name == "word/document.xml" || strings.HasPrefix(name, "word/document") && strings.HasSuffix(name, ".xml"):
			return FormatDOCX, nil
		case name == "xl/workbook.xml":
			return FormatXLSX, nil
		case name == "mimetype" || name == "content.xml":
			odf = true
		}
	}
	if odf {
		return 0, &FormatError{Format: "odf"}
	}
	return 0, &FormatError{Format: "zip"}
}

// mainDocument finds the main part of a .docx: word/document.xml, or the
// officeDocument the package's relationships name.
func mainDocument(u *unzipped) (string, error) {
	if _, ok := u.files["word/document.xml"]; ok {
		return "word/document.xml", nil
	}
	rels, ok, err := u.read("_rels/.rels")
	if err != nil {
		return "", err
	}
	if ok {
		s := newXMLScanner(rels)
		for {
			t, ok, err := s.next()
			if err != nil || !ok {
				break
			}
			if t.kind == tokStart && localName(t.name) == "Relationship" {
				typ, _ := attr(t.attrs, "Type")
				target, _ := attr(t.attrs, "Target")
				if strings.HasSuffix(typ, "/officeDocument") {
					return strings.TrimPrefix(path.Clean("/"+target), "/"), nil
				}
			}
		}
	}
	for name := range u.files {
		if strings.HasPrefix(name, "word/document") && strings.HasSuffix(name, ".xml") {
			return name, nil
		}
	}
	return "", fmt.Errorf("%w: 没有找到 Word 正文（word/document.xml）/ no Word document part (word/document.xml)", ErrCorrupt)
}

func localName(qname []byte) string {
	if i := bytes.IndexByte(qname, ':'); i >= 0 {
		return string(qname[i+1:])
	}
	return string(qname)
}

// readDOCX reads a Word file into blocks: each paragraph of the body, with
// the number Word's automatic numbering prints in front of it, and each
// table row with its cells (a merged cell's text in every row it spans; a
// one-column table, a frame, as its paragraphs).
func readDOCX(b []byte, max int) ([]block, []Finding, error) {
	u, err := openZip(b, max)
	if err != nil {
		return nil, nil, err
	}
	name, err := mainDocument(u)
	if err != nil {
		return nil, nil, err
	}
	doc, _, err := u.read(name)
	if err != nil {
		return nil, nil, err
	}
	dir := path.Dir(name)
	nums := &numDefs{abstract: map[string]*[9]numLevel{}, nums: map[string]numInst{}}
	if data, ok, err := u.read(dir + "/numbering.xml"); err != nil {
		return nil, nil, err
	} else if ok {
		if err := nums.parse(data); err != nil {
			return nil, nil, xmlError(dir+"/numbering.xml", err)
		}
	}
	styles := map[string]styleDef{}
	if data, ok, err := u.read(dir + "/styles.xml"); err != nil {
		return nil, nil, err
	} else if ok {
		if err := parseStyles(data, styles); err != nil {
			return nil, nil, xmlError(dir+"/styles.xml", err)
		}
	}
	w := &docxWalker{nums: nums, styles: styles, counters: map[string]*numCounter{}}
	if err := w.walk(doc); err != nil {
		return nil, nil, xmlError(name, err)
	}
	// Notes and comments are not read: say so, rather than drop them unsaid.
	for _, part := range []struct{ name, zh, en, real string }{
		{"footnotes.xml", "脚注", "footnotes", `w:id="1"`}, {"endnotes.xml", "尾注", "endnotes", `w:id="1"`}, {"comments.xml", "批注", "comments", "<w:comment "},
	} {
		data, ok, err := u.read(dir + "/" + part.name)
		if err != nil {
			return nil, nil, err
		}
		if ok && bytes.Contains(data, []byte(part.real)) {
			w.findings = append(w.findings, Finding{Code: "docx_content", Severity: plan.Info, seq: 0,
				MessageZh: "Word 文件中有" + part.zh + "，未导入", MessageEn: "the Word file has " + part.en + ", which are not imported"})
		}
	}
	return w.blocks, w.findings, nil
}

// xmlError says which part of a Word file is broken, in Chinese and English.
func xmlError(part string, err error) error {
	return fmt.Errorf("%w: Word 文件的 %s 不是完好的 XML（%v） / %s of the Word file is no well-formed XML (%v)", ErrCorrupt, part, err, part, err)
}

// numLevel is one level of a Word list definition.
type numLevel struct {
	format  string // numFmt: decimal, chineseCounting …
	text    string // lvlText: %1、 （%1） %1.
	start   int
	restart int // lvlRestart: -1 after any higher level (the default), 0 never, n after level n
	legal   bool
	suffix  string // tab, space or nothing
	set     bool
}

// numInst is a w:num: a list using an abstract definition, with start
// overrides.
type numInst struct {
	abs    string
	starts map[int]int
}

// numDefs are the list definitions of numbering.xml.
type numDefs struct {
	wordNS
	abstract map[string]*[9]numLevel
	nums     map[string]numInst
}

// wordNS is the prefix a Word part gives the WordprocessingML namespace:
// w, unless the part's root element declares another ("" for the default
// namespace).
type wordNS struct {
	prefix  string
	learned bool
}

// learn takes the prefix from the part's first start tag.
func (n *wordNS) learn(t xmlTok) {
	if n.learned || t.kind != tokStart {
		return
	}
	n.learned, n.prefix = true, "w"
	if p, ok := nsPrefix(t.attrs, wordNamespaces...); ok {
		n.prefix = p
	}
}

// q returns the qualified name of a WordprocessingML name (w:val for val).
func (n *wordNS) q(local string) string {
	if n.prefix == "" {
		return local
	}
	return n.prefix + ":" + local
}

// parse reads numbering.xml.
func (d *numDefs) parse(data []byte) error {
	s := newXMLScanner(data)
	var abs *[9]numLevel
	var lvl *numLevel
	var inst *numInst
	instID := ""
	override := -1
	for {
		t, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		d.learn(t)
		val := func() string { v, _ := attr(t.attrs, d.q("val")); return v }
		switch t.kind {
		case tokStart:
			switch string(t.name) {
			case d.q("abstractNum"):
				id, _ := attr(t.attrs, d.q("abstractNumId"))
				abs = &[9]numLevel{}
				for i := range abs {
					abs[i] = numLevel{format: "decimal", start: 1, restart: -1}
				}
				d.abstract[id] = abs
			case d.q("lvl"):
				i, err := strconv.Atoi(attrOr(t.attrs, d.q("ilvl")))
				if err == nil && i >= 0 && i < 9 && abs != nil && inst == nil {
					lvl = &abs[i]
					lvl.set = true
				} else {
					lvl = nil
				}
			case d.q("start"):
				if lvl != nil {
					if n, err := strconv.Atoi(val()); err == nil {
						lvl.start = n
					}
				}
			case d.q("numFmt"):
				if lvl != nil {
					lvl.format = val()
				}
			case d.q("lvlText"):
				if lvl != nil {
					lvl.text = val()
				}
			case d.q("lvlRestart"):
				if lvl != nil {
					if n, err := strconv.Atoi(val()); err == nil {
						lvl.restart = n
					}
				}
			case d.q("isLgl"):
				if lvl != nil {
					lvl.legal = true
				}
			case d.q("suff"):
				if lvl != nil {
					lvl.suffix = val()
				}
			case d.q("num"):
				instID = attrOr(t.attrs, d.q("numId"))
				inst = &numInst{starts: map[int]int{}}
			case d.q("abstractNumId"):
				if inst != nil {
					inst.abs = val()
				}
			case d.q("lvlOverride"):
				if n, err := strconv.Atoi(attrOr(t.attrs, d.q("ilvl"))); err == nil {
					override = n
				}
			case d.q("startOverride"):
				if inst != nil && override >= 0 {
					if n, err := strconv.Atoi(val()); err == nil {
						inst.starts[override] = n
					}
				}
			}
		case tokEnd:
			switch string(t.name) {
			case d.q("abstractNum"):
				abs = nil
			case d.q("lvl"):
				lvl = nil
			case d.q("num"):
				if inst != nil {
					d.nums[instID] = *inst
				}
				inst = nil
			case d.q("lvlOverride"):
				override = -1
			}
		}
	}
}

func attrOr(attrs []byte, name string) string {
	v, _ := attr(attrs, name)
	return v
}

// styleDef is what a paragraph style says about numbering.
type styleDef struct {
	numID, ilvl, basedOn string
}

// parseStyles reads the paragraph styles' numbering from styles.xml.
func parseStyles(data []byte, out map[string]styleDef) error {
	s := newXMLScanner(data)
	prefix := "w"
	q := func(local string) string {
		if prefix == "" {
			return local
		}
		return prefix + ":" + local
	}
	first := true
	id := ""
	var cur styleDef
	for {
		t, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if first && t.kind == tokStart {
			first = false
			if p, ok := nsPrefix(t.attrs, wordNamespaces...); ok {
				prefix = p
			}
		}
		switch {
		case t.kind == tokStart && string(t.name) == q("style"):
			id, cur = attrOr(t.attrs, q("styleId")), styleDef{}
		case t.kind == tokStart && string(t.name) == q("numId") && id != "":
			cur.numID = attrOr(t.attrs, q("val"))
		case t.kind == tokStart && string(t.name) == q("ilvl") && id != "":
			cur.ilvl = attrOr(t.attrs, q("val"))
		case t.kind == tokStart && string(t.name) == q("basedOn") && id != "":
			cur.basedOn = attrOr(t.attrs, q("val"))
		case t.kind == tokEnd && string(t.name) == q("style"):
			if id != "" {
				out[id] = cur
			}
			id = ""
		}
	}
}

// numCounter holds the counts of one list.
type numCounter struct {
	v    [9]int
	used [9]bool
}

// docxWalker reads the body of a Word document.
type docxWalker struct {
	nums     *numDefs
	styles   map[string]styleDef
	counters map[string]*numCounter
	wordNS
	val string // the qualified name of the val attribute: w:val

	blocks   []block
	findings []Finding
	seq      int
	paraNo   int // body paragraphs read
	tables   int // tables read

	paras  []*docxPara // open paragraphs (a text box's inside another)
	inRun  int
	skip   int // depth inside content that is not read (deleted text, a fallback)
	tbls   []*docxTable
	inPPr  int
	inText bool
}

// docxPara is a paragraph being read.
type docxPara struct {
	text        strings.Builder
	numID, ilvl string
	style       string
	hasNum      bool
}

// docxTable is a table being read.
type docxTable struct {
	index  int
	rows   [][]string
	row    []string // the current row, by grid column
	merge  []bool   // the current row's cells that continue the one above
	cell   []string // the current cell's paragraphs
	span   int
	vmerge bool
	rowNo  int
	nested []string // text of tables nested in the current cell
}

// local returns an element's name within the WordprocessingML namespace
// (p for w:p), or ok false for an element of another namespace.
func (w *docxWalker) local(name []byte) ([]byte, bool) {
	if w.prefix == "" {
		return name, bytes.IndexByte(name, ':') < 0
	}
	if len(name) > len(w.prefix) && name[len(w.prefix)] == ':' && string(name[:len(w.prefix)]) == w.prefix {
		return name[len(w.prefix)+1:], true
	}
	return nil, false
}

// walk reads document.xml.
func (w *docxWalker) walk(doc []byte) error {
	s := newXMLScanner(doc)
	for {
		t, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if !w.learned {
			w.learn(t)
			w.val = w.q("val")
		}
		if w.skip > 0 {
			switch t.kind {
			case tokStart:
				if !t.empty {
					w.skip++
				}
			case tokEnd:
				w.skip--
			}
			continue
		}
		switch t.kind {
		case tokStart:
			if bytes.Equal(t.name, []byte("mc:Fallback")) {
				if !t.empty {
					w.skip = 1
				}
				continue
			}
			if local, ok := w.local(t.name); ok {
				w.start(local, t)
			}
		case tokEnd:
			if local, ok := w.local(t.name); ok {
				w.end(local)
			}
		case tokText:
			if w.inText && len(w.paras) > 0 {
				if t.cdata || bytes.IndexByte(t.text, '&') < 0 {
					w.paras[len(w.paras)-1].text.Write(t.text)
				} else {
					w.paras[len(w.paras)-1].text.WriteString(decodeEntities(t.text))
				}
			}
		}
	}
}

// start handles the start of an element of the WordprocessingML namespace.
func (w *docxWalker) start(local []byte, t xmlTok) {
	switch string(local) {
	case "del", "moveFrom", "pPrChange", "rPrChange", "instrText", "delText":
		if !t.empty {
			w.skip = 1
		}
		return
	case "p":
		if !t.empty {
			w.paras = append(w.paras, &docxPara{})
		}
		return
	case "tbl":
		w.tables++
		w.tbls = append(w.tbls, &docxTable{index: w.tables})
		return
	}
	if tb := w.table(); tb != nil {
		switch string(local) {
		case "tr":
			tb.rowNo++
			tb.row, tb.merge = nil, nil
			return
		case "gridBefore":
			if n, err := strconv.Atoi(attrOr(t.attrs, w.val)); err == nil && n > 0 && n < 64 {
				for i := 0; i < n; i++ {
					tb.row, tb.merge = append(tb.row, ""), append(tb.merge, false)
				}
			}
			return
		case "tc":
			tb.cell, tb.span, tb.vmerge, tb.nested = nil, 1, false, nil
			return
		case "gridSpan":
			if n, err := strconv.Atoi(attrOr(t.attrs, w.val)); err == nil && n > 1 && n < 64 {
				tb.span = n
			}
			return
		case "vMerge":
			v := attrOr(t.attrs, w.val)
			tb.vmerge = v == "" || v == "continue"
			return
		}
	}
	p := w.para()
	if p == nil {
		return
	}
	switch string(local) {
	case "pPr":
		if !t.empty {
			w.inPPr++
		}
	case "pStyle":
		if w.inPPr > 0 {
			p.style = attrOr(t.attrs, w.val)
		}
	case "numId":
		if w.inPPr > 0 {
			p.numID, p.hasNum = attrOr(t.attrs, w.val), true
		}
	case "ilvl":
		if w.inPPr > 0 {
			p.ilvl = attrOr(t.attrs, w.val)
		}
	case "r":
		if !t.empty {
			w.inRun++
		}
	case "t":
		w.inText = !t.empty
	case "tab":
		if w.inRun > 0 {
			p.text.WriteByte(' ')
		}
	case "br", "cr":
		if w.inRun > 0 {
			p.text.WriteByte('\n')
		}
	case "noBreakHyphen":
		p.text.WriteByte('-')
	}
}

// end handles the end of an element of the WordprocessingML namespace.
func (w *docxWalker) end(local []byte) {
	switch string(local) {
	case "t":
		w.inText = false
	case "r":
		if w.inRun > 0 {
			w.inRun--
		}
	case "pPr":
		if w.inPPr > 0 {
			w.inPPr--
		}
	case "p":
		if n := len(w.paras); n > 0 {
			p := w.paras[n-1]
			w.paras = w.paras[:n-1]
			w.paragraph(p)
		}
	case "tc":
		if tb := w.table(); tb != nil {
			text := strings.Join(append(tb.cell, tb.nested...), "\n")
			tb.row = append(tb.row, text)
			tb.merge = append(tb.merge, tb.vmerge)
			for i := 1; i < tb.span; i++ {
				tb.row, tb.merge = append(tb.row, ""), append(tb.merge, tb.vmerge)
			}
		}
	case "tr":
		if tb := w.table(); tb != nil {
			// A merged cell's text in every row it spans.
			if len(tb.rows) > 0 {
				above := tb.rows[len(tb.rows)-1]
				for i := range tb.row {
					if tb.merge[i] && i < len(above) {
						tb.row[i] = above[i]
					}
				}
			}
			tb.rows = append(tb.rows, tb.row)
		}
	case "tbl":
		if n := len(w.tbls); n > 0 {
			tb := w.tbls[n-1]
			w.tbls = w.tbls[:n-1]
			w.table1(tb)
		}
	}
}

func (w *docxWalker) para() *docxPara {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

func (w *docxWalker) table() *docxTable {
	if len(w.tbls) == 0 {
		return nil
	}
	return w.tbls[len(w.tbls)-1]
}

// paragraph ends a paragraph: its printed number and text go to the table
// cell it stands in, or become blocks.
func (w *docxWalker) paragraph(p *docxPara) {
	text := p.text.String()
	if num := w.number(p); num != "" {
		sep := " "
		if strings.ContainsAny(lastRuneString(num), "、.．)）:：") {
			sep = ""
		}
		text = num + sep + text
	}
	if tb := w.table(); tb != nil && len(w.paras) == 0 {
		if t := cleanDocText(text); t != "" {
			tb.cell = append(tb.cell, t)
		}
		return
	}
	w.paraNo++
	for _, line := range strings.Split(text, "\n") {
		if t := cleanDocText(line); t != "" {
			w.seq++
			w.blocks = append(w.blocks, block{seq: w.seq, at: Location{Paragraph: w.paraNo}, text: t})
		}
	}
}

func lastRuneString(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// cleanDocText folds a paragraph's spaces as the text reader does.
func cleanDocText(s string) string {
	clean, prevSpace := true, true
	for i := 0; i < len(s) && clean; i++ {
		switch c := s[i]; {
		case c == ' ':
			clean = !prevSpace
			prevSpace = true
		case c < ' ', c >= 0xc2 && oddSpace(s[i:]):
			clean = false // a tab, a control or a space of another kind
		default:
			prevSpace = false
		}
	}
	if clean && !prevSpace {
		return s
	}
	s = spaceLike.Replace(s)
	s = strings.ReplaceAll(s, "\t", " ")
	return strings.Join(strings.Fields(s), " ")
}

// oddSpace reports whether s starts with a space other than ' ' (one
// unicode.IsSpace knows, or one spaceLike removes): U+0085, U+00A0, U+1680,
// U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
func oddSpace(s string) bool {
	switch {
	case strings.HasPrefix(s, "\u0085"), strings.HasPrefix(s, "\u00a0"), strings.HasPrefix(s, "\u1680"), strings.HasPrefix(s, "\u3000"),
		strings.HasPrefix(s, "\ufeff"), strings.HasPrefix(s, "\u205f"):
		return true
	case len(s) >= 3 && s[0] == 0xe2 && s[1] == 0x80:
		return s[2] <= 0x8b || s[2] == 0xa8 || s[2] == 0xa9 || s[2] == 0xaf
	}
	return false
}

// table1 ends a table: a nested table's text goes to the cell holding it; a
// one-column table's paragraphs become blocks; other tables' rows become
// row blocks.
func (w *docxWalker) table1(tb *docxTable) {
	if outer := w.table(); outer != nil {
		for _, row := range tb.rows {
			if t := strings.TrimSpace(strings.Join(row, " ")); t != "" {
				outer.nested = append(outer.nested, t)
			}
		}
		return
	}
	cols := 0
	for _, row := range tb.rows {
		if len(row) > cols {
			cols = len(row)
		}
	}
	for r, row := range tb.rows {
		loc := Location{Table: tb.index, Row: r + 1}
		if cols <= 1 {
			for _, cell := range row {
				for _, line := range strings.Split(cell, "\n") {
					if t := cleanDocText(line); t != "" {
						w.seq++
						w.blocks = append(w.blocks, block{seq: w.seq, at: loc, text: t})
					}
				}
			}
			continue
		}
		cells := make([]string, len(row))
		empty := true
		for i, c := range row {
			cells[i] = strings.TrimSpace(c)
			if cells[i] != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		w.seq++
		table, row := tb.index, r+1
		w.blocks = append(w.blocks, block{seq: w.seq, at: loc, tabs: true, cells: cells, text: strings.Join(cells, "\t"), table: table,
			cellAt: func(i int) Location { return Location{Table: table, Row: row, Cell: strconv.Itoa(i + 1)} }})
	}
}

// number returns the number Word prints before a paragraph, from its own
// numbering or its style's, counting as Word counts: each list keeps a
// count per level, a level restarts after a higher one.
func (w *docxWalker) number(p *docxPara) string {
	numID, ilvl := p.numID, p.ilvl
	if !p.hasNum {
		for style, n := p.style, 0; style != "" && n < 16; n++ {
			sd, ok := w.styles[style]
			if !ok {
				break
			}
			if sd.numID != "" {
				numID = sd.numID
				if ilvl == "" {
					ilvl = sd.ilvl
				}
				break
			}
			style = sd.basedOn
		}
	}
	if numID == "" || numID == "0" {
		return ""
	}
	inst, ok := w.nums.nums[numID]
	if !ok {
		return ""
	}
	levels := w.nums.abstract[inst.abs]
	if levels == nil {
		return ""
	}
	lv, err := strconv.Atoi(ilvl)
	if err != nil || lv < 0 || lv > 8 {
		lv = 0
	}
	key := "a" + inst.abs
	if len(inst.starts) > 0 {
		key = "n" + numID
	}
	c := w.counters[key]
	if c == nil {
		c = &numCounter{}
		w.counters[key] = c
	}
	start := func(l int) int {
		if s, ok := inst.starts[l]; ok {
			return s
		}
		return levels[l].start
	}
	if c.used[lv] {
		c.v[lv]++
	} else {
		c.v[lv], c.used[lv] = start(lv), true
	}
	for l := lv + 1; l < 9; l++ {
		if r := levels[l].restart; r < 0 || r > 0 && lv < r {
			c.used[l] = false
		}
	}
	if levels[lv].format == "bullet" || levels[lv].format == "none" && !strings.Contains(levels[lv].text, "%") {
		return ""
	}
	text := levels[lv].text
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			v := c.v[l]
			if !c.used[l] {
				v = start(l)
			}
			f := levels[l].format
			if levels[lv].legal && l != lv {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return strings.TrimSpace(b.String())
}

// formatNumber writes n in a Word number format.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting", "ideographDigital":
		return hanNumeral(n)
	case "chineseLegalSimplified":
		return strings.NewReplacer("一", "壹", "二", "贰", "三", "叁", "四", "肆", "五", "伍", "六", "陆", "七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰").Replace(hanNumeral(n))
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalEnclosedParen":
		return "(" + strconv.Itoa(n) + ")"
	case "decimalEnclosedFullstop":
		return strconv.Itoa(n) + "."
	case "decimalFullWidth", "decimalFullWidth2":
		return width.Widen.String(strconv.Itoa(n))
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 && n <= 26*8 { // A … Z, AA … ZZ, up to eight letters; past that the number
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
