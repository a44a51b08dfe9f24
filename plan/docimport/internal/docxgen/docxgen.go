// Package docxgen writes small Word files (.docx) the way Word does — runs
// with fonts and sizes, automatic numbering defined in numbering.xml,
// tables with merged cells — for plan/docimport's tests, fixtures and
// benchmarks. It writes only what those need; it is no general library.
package docxgen

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
)

// Level is one level of a list: the number format (decimal,
// chineseCounting …), the text with %1..%9 for the levels' numbers, and
// where it starts. Restart, when set, is w:lvlRestart (0: never restart).
type Level struct {
	Format  string // w:numFmt: decimal, chineseCounting …
	Text    string // w:lvlText: %1、 （%2） %3.
	Start   int    // w:start; 0 is 1
	Restart *int   // w:lvlRestart, when set
}

// Never is a Restart that keeps a level counting across its higher levels
// (1. to 55. running on across sections).
var Never = new(int)

// Cell is a table cell: its text (paragraphs separated by \n), the grid
// columns it spans, and its vertical merge: "restart" starts a merged
// cell, "continue" continues the one above.
type Cell struct {
	Text   string // paragraphs separated by \n
	Span   int    // grid columns spanned; 0 is 1
	VMerge string // restart, continue or ""
}

// Doc is a Word document being written.
type Doc struct {
	body      strings.Builder
	abstracts []string
	nums      []string
	styles    []string
	absOf     map[int]int
	rsid      int
}

// New returns an empty document.
func New() *Doc { return &Doc{} }

// List defines a list and returns its numId for NumPara.
func (d *Doc) List(levels ...Level) int {
	id := len(d.abstracts)
	var b strings.Builder
	fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>`, id)
	for i, l := range levels {
		start := l.Start
		if start == 0 {
			start = 1
		}
		fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>`, i, start, l.Format)
		if l.Restart != nil {
			fmt.Fprintf(&b, `<w:lvlRestart w:val="%d"/>`, *l.Restart)
		}
		fmt.Fprintf(&b, `<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="420"/></w:pPr></w:lvl>`, esc(l.Text), 420*(i+1))
	}
	b.WriteString(`</w:abstractNum>`)
	d.abstracts = append(d.abstracts, b.String())
	return d.addNum(id, nil)
}

// Instance adds another numId for the list numID uses, with start
// overrides (level -> start): the same list, restarting.
func (d *Doc) Instance(numID int, starts map[int]int) int {
	return d.addNum(d.absOf[numID], starts)
}

func (d *Doc) addNum(abs int, starts map[int]int) int {
	numID := len(d.nums) + 1
	var b strings.Builder
	fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>`, numID, abs)
	for lvl := 0; lvl < 9; lvl++ {
		if s, ok := starts[lvl]; ok {
			fmt.Fprintf(&b, `<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>`, lvl, s)
		}
	}
	b.WriteString(`</w:num>`)
	d.nums = append(d.nums, b.String())
	if d.absOf == nil {
		d.absOf = map[int]int{}
	}
	d.absOf[numID] = abs
	return numID
}

// Style defines a paragraph style carrying a list's numbering at a level.
func (d *Doc) Style(id string, numID, ilvl int) {
	d.styles = append(d.styles, fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr></w:style>`, id, id, ilvl, numID))
}

// Para adds a paragraph; \n in text is a line break within it.
func (d *Doc) Para(text string) { d.para(text, "", -1, 0) }

// NumPara adds a paragraph numbered by a list at a level.
func (d *Doc) NumPara(numID, ilvl int, text string) { d.para(text, "", numID, ilvl) }

// StylePara adds a paragraph of a style.
func (d *Doc) StylePara(style, text string) { d.para(text, style, -1, 0) }

// Raw adds XML to the body as written (a text box, tracked changes).
func (d *Doc) Raw(xml string) { d.body.WriteString(xml) }

func (d *Doc) para(text, style string, numID, ilvl int) {
	d.body.WriteString(d.paraXML(text, style, numID, ilvl))
}

func (d *Doc) paraXML(text, style string, numID, ilvl int) string {
	d.rsid++
	var b strings.Builder
	fmt.Fprintf(&b, `<w:p w:rsidR="00%06X" w:rsidRDefault="00%06X"><w:pPr>`, d.rsid, d.rsid+7)
	if style != "" {
		fmt.Fprintf(&b, `<w:pStyle w:val="%s"/>`, style)
	}
	if numID >= 0 {
		fmt.Fprintf(&b, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, numID)
	}
	b.WriteString(`<w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:pPr>`)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:r><w:br/></w:r>`)
		}
		// Word cuts text into runs where the formatting or the edit
		// session changes: at brackets here.
		for _, run := range splitRuns(line) {
			fmt.Fprintf(&b, `<w:r w:rsidRPr="00%06X"><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, d.rsid, esc(run))
		}
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

// splitRuns cuts a line before each bracket, as edits leave runs.
func splitRuns(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if (r == '（' || r == '(') && i > start {
			out = append(out, s[start:i])
			start = i
		}
	}
	return append(out, s[start:])
}

// Table adds a table; rows may differ in their number of cells (spans).
func (d *Doc) Table(rows [][]Cell) {
	cols := 0
	for _, r := range rows {
		n := 0
		for _, c := range r {
			n += max(c.Span, 1)
		}
		cols = max(cols, n)
	}
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>`)
	for i := 0; i < cols; i++ {
		b.WriteString(`<w:gridCol w:w="1800"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range rows {
		b.WriteString(`<w:tr>`)
		for _, c := range r {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/>`)
			if c.Span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, c.Span)
			}
			switch c.VMerge {
			case "restart":
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case "continue":
				b.WriteString(`<w:vMerge/>`)
			}
			b.WriteString(`</w:tcPr>`)
			for _, p := range strings.Split(c.Text, "\n") {
				b.WriteString(d.paraXML(p, "", -1, 0))
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

const nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// Bytes writes the .docx.
func (d *Doc) Bytes() ([]byte, error) {
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + nsW + `><w:body>` + d.body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
		{"word/numbering.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + nsW + `>` + strings.Join(d.abstracts, "") + strings.Join(d.nums, "") + `</w:numbering>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + nsW + `><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` + strings.Join(d.styles, "") + `</w:styles>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func esc(s string) string { return html.EscapeString(s) }
