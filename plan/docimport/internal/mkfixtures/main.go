// Command mkfixtures writes the Word and Excel versions of the 铁西 plan
// (鞍山市铁西区2025年优化营商环境55条, shared/seeds/001) that
// plan/docimport's tests import and compare with the text:
//
//   - tiexi.docx: the plan as Word writes it, every number (一、 （一） 1. and
//     the safeguards' 1.) Word's automatic numbering, not typed;
//   - tiexi-table.docx: the plan as a task table in Word (序号, 章节, 小节,
//     重点任务, 具体内容, 牵头单位, 责任单位, 完成时限), the 章节 and 小节 cells
//     merged down their rows;
//   - tiexi-table.xlsx: the same table in Excel, with a title row merged
//     across and the same merged cells.
//
// The table's cells come from the plan docimport reads from the text
// (checked against the golden rows): its tasks' titles, texts, units as the
// text writes them (X、Y按职责分工负责 for units jointly responsible) and the
// time limit each item's text sets.
//
//	go run ./plan/docimport/internal/mkfixtures -seeds ../shared/seeds -out plan/docimport/testdata
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/bizenv/bizenv/plan"
	"github.com/bizenv/bizenv/plan/docimport"
	"github.com/bizenv/bizenv/plan/docimport/internal/docxgen"
	"github.com/xuri/excelize/v2"
)

const seed = "001_8014e610d742b867.txt"

var (
	reL1 = regexp.MustCompile(`^([一二三四五六七八九十]+)、(.*)$`)
	reL2 = regexp.MustCompile(`^[(（]([一二三四五六七八九十]+)[)）](.*)$`)
	reL3 = regexp.MustCompile(`^(\d+)[.．、]\s*(.*)$`)
)

func main() {
	seeds := flag.String("seeds", filepath.Join("..", "shared", "seeds"), "the seed documents")
	out := flag.String("out", filepath.Join("plan", "docimport", "testdata"), "where to write the files")
	flag.Parse()
	if err := run(*seeds, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkfixtures:", err)
		os.Exit(1)
	}
}

func run(seeds, out string) error {
	text, err := os.ReadFile(filepath.Join(seeds, seed))
	if err != nil {
		return err
	}
	d, err := wordPlan(string(text))
	if err != nil {
		return err
	}
	if err := write(filepath.Join(out, "tiexi.docx"), d); err != nil {
		return err
	}
	res, err := docimport.Parse(text, docimport.Options{})
	if err != nil {
		return err
	}
	rows := tableRows(res.Plan)
	if err := write(filepath.Join(out, "tiexi-table.docx"), wordTable(res.Plan.Title, rows)); err != nil {
		return err
	}
	return writeXLSX(filepath.Join(out, "tiexi-table.xlsx"), res.Plan.Title, rows)
}

func write(path string, d *docxgen.Doc) error {
	b, err := d.Bytes()
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// wordPlan writes the text as Word paragraphs, its numbers made Word's
// automatic numbering. Each number Word will print is checked against the
// number the text prints.
func wordPlan(text string) (*docxgen.Doc, error) {
	d := docxgen.New()
	main := d.List(
		docxgen.Level{Format: "chineseCounting", Text: "%1、"},
		docxgen.Level{Format: "chineseCounting", Text: "(%2)", Restart: docxgen.Never},
		docxgen.Level{Format: "decimal", Text: "%3.", Restart: docxgen.Never},
	)
	guard := d.List(docxgen.Level{Format: "decimal", Text: "%1. "})
	var n1, n2, n3, ng int
	inGuard := false
	for i, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		check := func(got, want int) error {
			if got != want {
				return fmt.Errorf("line %d: Word would print %d where the text prints %d", i+1, got, want)
			}
			return nil
		}
		switch {
		case reL1.MatchString(line):
			m := reL1.FindStringSubmatch(line)
			n1++
			if err := check(n1, hanValue(m[1])); err != nil {
				return nil, err
			}
			inGuard = strings.Contains(m[2], "保障措施")
			d.NumPara(main, 0, m[2])
		case reL2.MatchString(line):
			m := reL2.FindStringSubmatch(line)
			n2++
			if err := check(n2, hanValue(m[1])); err != nil {
				return nil, err
			}
			d.NumPara(main, 1, m[2])
		case reL3.MatchString(line) && inGuard:
			m := reL3.FindStringSubmatch(line)
			ng++
			v, _ := strconv.Atoi(m[1])
			if err := check(ng, v); err != nil {
				return nil, err
			}
			d.NumPara(guard, 0, m[2])
		case reL3.MatchString(line):
			m := reL3.FindStringSubmatch(line)
			n3++
			v, _ := strconv.Atoi(m[1])
			if err := check(n3, v); err != nil {
				return nil, err
			}
			d.NumPara(main, 2, m[2])
		default:
			d.Para(line)
		}
	}
	return d, nil
}

func hanValue(s string) int {
	n, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n, cur = n+cur*10, 0
			continue
		}
		cur = strings.IndexRune("一二三四五六七八九", r)/len("一") + 1
	}
	return n + cur
}

// row is a task table's row.
type row struct {
	num, chapter, section, title, body, lead, resp, limit string
}

// tableRows are the plan's tasks as a task table's rows.
func tableRows(p *plan.Plan) []row {
	var rows []row
	for _, s := range p.Sections {
		chapter := s.Number + "、" + s.Title
		add := func(sec *plan.Section) {
			secName := ""
			if sec != s {
				secName = sec.Number + sec.Title
			}
			for _, t := range sec.Tasks {
				r := t.Responsibility
				resp := strings.Join(r.Responsible, "、")
				if r.Joint {
					resp += "按职责分工负责"
				}
				limit := ""
				if t.Deadline != nil {
					limit = t.Deadline.Text
				}
				rows = append(rows, row{num: t.Number, chapter: chapter, section: secName, title: t.Title, body: t.Body,
					lead: strings.Join(r.Lead, "、"), resp: resp, limit: limit})
			}
		}
		add(s)
		for _, sub := range s.Sections {
			add(sub)
		}
	}
	return rows
}

var header = []string{"序号", "章节", "小节", "重点任务", "具体内容", "牵头单位", "责任单位", "完成时限"}

func (r row) cells() []string {
	return []string{r.num, r.chapter, r.section, r.title, r.body, r.lead, r.resp, r.limit}
}

// wordTable writes the rows as a Word table under the title, the 章节 and
// 小节 cells merged down the rows they hold.
func wordTable(title string, rows []row) *docxgen.Doc {
	d := docxgen.New()
	d.Para(title + "任务分解表")
	table := [][]docxgen.Cell{}
	var head []docxgen.Cell
	for _, h := range header {
		head = append(head, docxgen.Cell{Text: h})
	}
	table = append(table, head)
	for i, r := range rows {
		var cells []docxgen.Cell
		for c, v := range r.cells() {
			cell := docxgen.Cell{Text: v}
			if c == 1 || c == 2 {
				prev := ""
				if i > 0 {
					prev = rows[i-1].cells()[c]
					if c == 2 && rows[i-1].chapter != r.chapter {
						prev = ""
					}
				}
				switch {
				case v != "" && v == prev:
					cell = docxgen.Cell{VMerge: "continue"}
				case v != "":
					cell.VMerge = "restart"
				}
			}
			cells = append(cells, cell)
		}
		table = append(table, cells)
	}
	d.Table(table)
	return d
}

// writeXLSX writes the rows as a sheet under a title row merged across,
// the 章节 and 小节 cells merged down the rows they hold.
func writeXLSX(path, title string, rows []row) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "任务分解表"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	set := func(c, r int, v string) error {
		cell, err := excelize.CoordinatesToCellName(c, r)
		if err != nil {
			return err
		}
		return f.SetCellStr(sheet, cell, v)
	}
	merge := func(c, r1, r2 int) error {
		if r2 <= r1 {
			return nil
		}
		a, _ := excelize.CoordinatesToCellName(c, r1)
		b, _ := excelize.CoordinatesToCellName(c, r2)
		return f.MergeCell(sheet, a, b)
	}
	if err := set(1, 1, title+"任务分解表"); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, "A1", "H1"); err != nil {
		return err
	}
	for c, h := range header {
		if err := set(c+1, 2, h); err != nil {
			return err
		}
	}
	for i, r := range rows {
		for c, v := range r.cells() {
			if v == "" {
				continue
			}
			if c == 1 || c == 2 {
				if i > 0 && rows[i-1].cells()[c] == v && (c == 1 || rows[i-1].chapter == r.chapter) {
					continue // merged below
				}
			}
			if err := set(c+1, i+3, v); err != nil {
				return err
			}
		}
	}
	for c := 1; c <= 2; c++ {
		start := 0
		for i := 1; i <= len(rows); i++ {
			if i == len(rows) || rows[i].cells()[c] != rows[start].cells()[c] || c == 2 && rows[i].chapter != rows[start].chapter {
				if rows[start].cells()[c] != "" {
					if err := merge(c+1, start+3, i-1+3); err != nil {
						return err
					}
				}
				start = i
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
