package docimport

import (
	"fmt"
	"strconv"

	"github.com/bizenv/bizenv/plan"
)

// Location says where in the input something is: a line of a text, a
// paragraph or a table row of a Word file, a cell of an Excel sheet. Only
// the fields of the input's format are set.
type Location struct {
	// Line is the 1-based line of a text.
	Line int `json:"line,omitempty"`
	// Paragraph is the 1-based paragraph of a Word file's body (a table's
	// paragraphs are counted by Table and Row instead).
	Paragraph int `json:"paragraph,omitempty"`
	// Table is the 1-based table of a Word file, in document order.
	Table int `json:"table,omitempty"`
	// Sheet is the name of an Excel sheet.
	Sheet string `json:"sheet,omitempty"`
	// Row is the 1-based row of a Word table or an Excel sheet.
	Row int `json:"row,omitempty"`
	// Cell is an Excel cell (C7), or the 1-based column of a Word table
	// row ("3").
	Cell string `json:"cell,omitempty"`
}

// IsZero reports whether the location names no place.
func (l Location) IsZero() bool { return l == Location{} }

// String says where in English: "line 7", "paragraph 12", "table 2 row 5",
// "sheet 任务 cell C7".
func (l Location) String() string {
	switch {
	case l.Line > 0:
		return "line " + strconv.Itoa(l.Line)
	case l.Sheet != "" && l.Cell != "":
		return "sheet " + l.Sheet + " cell " + l.Cell
	case l.Sheet != "":
		return "sheet " + l.Sheet + " row " + strconv.Itoa(l.Row)
	case l.Table > 0 && l.Cell != "":
		return fmt.Sprintf("table %d row %d cell %s", l.Table, l.Row, l.Cell)
	case l.Table > 0:
		return fmt.Sprintf("table %d row %d", l.Table, l.Row)
	case l.Paragraph > 0:
		return "paragraph " + strconv.Itoa(l.Paragraph)
	}
	return "start"
}

// Zh says where in Chinese: 第 7 行, 第 12 段, 第 2 个表格第 5 行, 工作表“任务”C7 单元格.
func (l Location) Zh() string {
	switch {
	case l.Line > 0:
		return fmt.Sprintf("第 %d 行", l.Line)
	case l.Sheet != "" && l.Cell != "":
		return fmt.Sprintf("工作表“%s”%s 单元格", l.Sheet, l.Cell)
	case l.Sheet != "":
		return fmt.Sprintf("工作表“%s”第 %d 行", l.Sheet, l.Row)
	case l.Table > 0 && l.Cell != "":
		return fmt.Sprintf("第 %d 个表格第 %d 行第 %s 列", l.Table, l.Row, l.Cell)
	case l.Table > 0:
		return fmt.Sprintf("第 %d 个表格第 %d 行", l.Table, l.Row)
	case l.Paragraph > 0:
		return fmt.Sprintf("第 %d 段", l.Paragraph)
	}
	return "开头"
}

// Finding is something the importer could not read with confidence, or a
// defect of the document it noticed, with where it is. Code is stable:
// programs may switch on it. The codes:
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
//	deadline_no_year       warning   a time limit without a year (年底前, 6月底前) in a plan of several years; no deadline set
//	deadline_ongoing       info      the time limit is 长期坚持 / 持续推进: no due date, the plan's end applies
//	deadline_unread        warning   a time limit (完成时限) the importer cannot read; kept in the item's text
//	column_gap             warning   a column (专栏N) number skips or repeats
//	unnumbered_items       info      the items are unnumbered paragraphs, numbered here by position
//	item_level             info      the items are numbered in a style other than 1. (（一）, （1）, 第X条): says which
//	declared_rule          info      a note (第一责任单位为牵头单位，下同; 以下均需…落实) changes how later unit lists are read
//	section_units          info      units named for a whole section apply to its items that name none
//	unit_phrase            warning   a task table's unit cell the importer cannot read as units; kept in the item's text
//	table_no_header        warning   table rows without a header the importer knows; kept as text
//	table_header           warning   a task table's header cell the importer cannot map; its cells are kept in the items' text
//	table_row              warning   a table row the importer cannot place; left out, or kept as text
//	table_target           warning   a target cell the importer cannot read; the indicator has no target
//	table_attribute        warning   an attribute cell that is neither 约束性 nor 预期性
//	page_chrome            info      web page furniture (分享, 附件, 扫一扫…) left out
//	docx_content           info      a Word file's footnotes, endnotes or comments, which the importer does not read
type Finding struct {
	// Location is where the finding is: its Line for a text.
	Location
	// Code is the stable code (see the table in Finding's documentation).
	Code string `json:"code"`
	// Severity is error, warning or info.
	Severity plan.Severity `json:"severity"`
	// MessageZh says what, in Chinese.
	MessageZh string `json:"message_zh"`
	// MessageEn says what, in English.
	MessageEn string `json:"message_en"`
	// Text is the start of the line, for people.
	Text string `json:"text,omitempty"`

	seq int // the block's position in the input, for ordering
}

// String returns "第 N 行 / line N: severity code: message_zh / message_en
// «text»", with the paragraph, table row or cell for a Word or Excel file.
func (f Finding) String() string {
	s := fmt.Sprintf("%s / %s: %s %s: %s / %s", f.Location.Zh(), f.Location, f.Severity, f.Code, f.MessageZh, f.MessageEn)
	if f.Text != "" {
		s += " «" + f.Text + "»"
	}
	return s
}

// shorten cuts s to 40 characters for a finding's Text.
func shorten(s string) string {
	n := 0
	for i := range s {
		if n == 40 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
