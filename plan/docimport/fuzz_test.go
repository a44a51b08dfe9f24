package docimport

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/plan/docimport/internal/docxgen"
)

// FuzzParse feeds the importer arbitrary text, with the seed documents
// (where present) and the committed corpus as seeds: it must never panic,
// and what it returns must be valid JSON that plan.Decode reads back.
func FuzzParse(f *testing.F) {
	// The seeds in pieces of 40 lines: small inputs let the fuzzer mutate
	// and minimise fast (whole seeds are imported by the other tests).
	for _, name := range seedFiles {
		b, err := os.ReadFile(filepath.Join(seedDir, name))
		if err != nil {
			continue
		}
		lines := bytes.SplitAfter(b, []byte("\n"))
		for i := 0; i < len(lines); i += 40 {
			f.Add(bytes.Join(lines[i:min(i+40, len(lines))], nil))
		}
	}
	f.Add([]byte("一、任务\n1.编制清单。2022年底前完成。(牵头单位:区数据局)\n专栏 1：指标\n类别\t指标\t2025 年目标\t属性\n甲\t乙\t100%\t约束性\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var res *Result
		var err error
		inTime(t, func() { res, err = Parse(b, Options{MaxBytes: 1 << 20}) })
		if err != nil {
			return
		}
		checkResult(t, res, res.Format == FormatText)
	})
}

// checkResult is what every fuzz target asks of a result: findings that
// say where they are (a text's by its line), and a plan that marshals to
// JSON plan.Decode reads back.
func checkResult(t *testing.T, res *Result, text bool) {
	t.Helper()
	for _, fd := range res.Findings {
		if text && fd.Line <= 0 {
			t.Fatalf("finding without a line: %v", fd)
		}
		if fd.MessageZh == "" || fd.MessageEn == "" {
			t.Fatalf("finding without a message: %v", fd)
		}
	}
	out, err := json.Marshal(res.Plan)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	if _, err := plan.Decode(bytes.NewReader(out)); err != nil {
		t.Fatalf("the plan does not decode: %v\n%s", err, out)
	}
}

// inTime runs f and fails the test if it takes more than ten seconds: a
// hang is a finding the fuzzer keeps, not a run that never ends.
func inTime(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import took more than 10 s")
	}
}

// docxOf packs a document.xml and a numbering.xml into a .docx.
func docxOf(document, numbering []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string][]byte{"word/document.xml": document, "word/numbering.xml": numbering} {
		if len(body) == 0 && name != "word/document.xml" {
			continue
		}
		w, _ := zw.Create(name)
		w.Write(body)
	}
	zw.Close()
	return buf.Bytes()
}

// docxParts returns a generated Word file's document.xml and numbering.xml.
func docxParts(t testing.TB, d *docxgen.Doc) (document, numbering []byte) {
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		switch f.Name {
		case "word/document.xml":
			document = data
		case "word/numbering.xml":
			numbering = data
		}
	}
	return document, numbering
}

// FuzzDOCX feeds the Word reader arbitrary document.xml and numbering.xml
// (packed into a .docx, so that the fuzzer works on the XML, not on the
// zip's checksums): it must never panic, every error must wrap ErrCorrupt,
// and a result must pass checkResult.
func FuzzDOCX(f *testing.F) {
	d := docxgen.New()
	n := d.List(docxgen.Level{Format: "chineseCounting", Text: "%1、"}, docxgen.Level{Format: "decimal", Text: "%2.", Restart: docxgen.Never})
	d.Para("某区2024年优化营商环境方案\n2024年1月5日")
	d.NumPara(n, 0, "政务环境")
	d.NumPara(n, 1, "推行一网通办。整合系统。（牵头单位：区数据局；完成时限：6月底前）")
	d.Table([][]docxgen.Cell{{{Text: "序号"}, {Text: "重点任务"}, {Text: "责任单位"}}, {{Text: "1"}, {Text: "压缩时限", VMerge: "restart"}, {Text: "区政务服务中心"}},
		{{Text: "2"}, {VMerge: "continue"}, {Text: "区税务局"}}, {{Text: "二、法治环境", Span: 3}}})
	doc, num := docxParts(f, d)
	f.Add(doc, num)
	f.Add([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、任务</w:t></w:r></w:p></w:body></w:document>`), []byte(nil))
	f.Fuzz(func(t *testing.T, document, numbering []byte) {
		var res *Result
		var err error
		inTime(t, func() { res, err = Parse(docxOf(document, numbering), Options{MaxUnpacked: 8 << 20}) })
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("an error that is not ErrCorrupt: %v", err)
			}
			return
		}
		checkResult(t, res, false)
	})
}

// FuzzXLSX feeds the Excel reader an arbitrary first worksheet (packed into
// a workbook): it must never panic, every error must wrap ErrCorrupt, and a
// result must pass checkResult.
func FuzzXLSX(f *testing.F) {
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>重点任务</t></is></c><c r="C1" t="inlineStr"><is><t>牵头单位</t></is></c><c r="D1" t="inlineStr"><is><t>完成时限</t></is></c></row>` +
		`<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>推行一网通办</t></is></c><c r="C2" t="inlineStr"><is><t>区数据局</t></is></c><c r="D2" t="inlineStr"><is><t>2024年底前</t></is></c></row>` +
		`</sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		var res *Result
		var err error
		inTime(t, func() { res, err = Parse(xlsxOf(sheet), Options{MaxUnpacked: 8 << 20}) })
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("an error that is not ErrCorrupt: %v", err)
			}
			return
		}
		checkResult(t, res, false)
	})
}

// xlsxOf packs a worksheet into the smallest workbook Excel opens.
func xlsxOf(sheet []byte) []byte {
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="任务" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		w, _ := zw.Create(name)
		w.Write([]byte(parts[name]))
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write(sheet)
	zw.Close()
	return buf.Bytes()
}

// FuzzTable feeds the table step rows of arbitrary cells (tab-separated
// lines, each a row of one table, as the Word and Excel readers give them):
// it must never panic, and the result must pass checkResult.
func FuzzTable(f *testing.F) {
	f.Add("序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t推行一网通办。整合系统。\t区数据局\t区直各部门\t2024年6月底前\n\t\t\t区财政局\t\n一、法治环境\n2\t规范执法\t区司法局牵头，区公安分局配合\t\t长期坚持")
	f.Add("序号\t领域\t工作任务\t责任单位\t经费\n1\t政务\t推行\t区数据局\t50万\n2\t\t帮办\t\t\n3\t法治\t执法\t区司法局；完成时限：全年\t")
	f.Add("一级指标\t二级指标\t2025年目标\t属性\n营商环境\t开办时间\t不超过1个工作日\t约束性\n\t审批时限\t50%\t预期性")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		var blocks []block
		for i, line := range strings.Split(text, "\n") {
			cells := strings.Split(line, "\t")
			row := i + 1
			blocks = append(blocks, block{seq: row, at: Location{Table: 1, Row: row}, tabs: true, cells: cells, text: line, table: 1,
				cellAt: func(c int) Location { return Location{Table: 1, Row: row, Cell: strconv.Itoa(c + 1)} }})
		}
		var res *Result
		inTime(t, func() { res = build(blocks, nil, Options{}) })
		for _, fd := range res.Findings {
			if fd.Location.IsZero() && fd.Code != "no_title" && fd.Code != "no_header" && fd.Code != "no_period" && fd.Code != "no_numbering" && fd.Code != "period_inferred" {
				t.Fatalf("a finding of a table without its place: %v", fd)
			}
		}
		checkResult(t, res, false)
	})
}
