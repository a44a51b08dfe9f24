// Package docimport reads an issued plan document — its text, a Word file
// (.docx) or an Excel workbook (.xlsx), told apart by content, not by name —
// into a plan.Plan, with findings for what it could not read with
// confidence.
//
// The import runs in steps, each testable alone:
//
//  1. A format reader turns the document into one stream of blocks:
//     paragraphs, and table rows with their cells. The text reader cleans
//     lines, joins those a page break or a PDF's extraction split, reads
//     tab-separated lines and rows between pipes as table rows, and rebuilds
//     a table pasted one cell per line (序号 / 重点工作 / 责任单位 / 完成时限 …,
//     as a web page's copy gives it). The Word reader (archive/zip and a
//     bounded XML scanner) prints Word's automatic numbering in front of each
//     paragraph as Word shows it (numbering.xml: formats, restarts, start
//     overrides, numbering through styles) and gives each table row its
//     cells, a merged cell's text in every row it spans. The Excel reader
//     (excelize) gives every sheet's rows, a merged cell's value in every row
//     it spans.
//  2. The outline decides, from the document, which numbering styles head
//     sections (第一章, 一、, （一）, 1., 第一条 …) and which one numbers the items:
//     the style whose paragraphs name units; without units, 1. or 第X条, （一）
//     with text after its title, or unnumbered headline paragraphs (标题。正文).
//     A unit-less item whose run-in parts (1)(2) each name units becomes a
//     heading over them; a heading that names units and holds no item is an
//     item.
//  3. A responsibility grammar reads unit phrases with one table of labels
//     and roles (牵头单位, 牵头部门, 牵头责任单位, 主责单位 → lead; 责任单位, 责任部门 →
//     responsible; 配合单位, 配合部门, 协办单位, 参与单位 → supporting; the verbs
//     X牵头, X负责, X按职责分工负责, Y配合), in （） () 〔〕, with ；，, a space or
//     nothing between clauses; a time limit written there or on a 完成时限 /
//     时限要求 line is the deadline, never a unit; declared rules (第一责任单位为
//     牵头单位，下同; 以下均需…落实，不再列出) change how later lists are read; units
//     named for a whole section (以下各项责任单位为…, a heading's bracket, unit
//     lines under a heading) apply to its items that name none.
//  4. Task tables (任务分解表) are read by their header words, not positions:
//     序号, 重点任务/工作任务/具体措施, 牵头单位, 责任单位, 完成时限, sections in 章节 or
//     类别 columns or in rows across the table, several rows per task; a
//     header cell the importer cannot map is reported, its cells kept in the
//     items' text. Tab-separated indicator tables (一级指标, 2025年目标, 属性)
//     become indicator systems.
//  5. The header gives the title (also one split over two lines; a table's
//     header cell is no title), the document's own 文号 (a number cited in the
//     preamble goes with the basis it names), the issuer and the date; dates
//     and targets are read as before (2022年底前, 到2022年7月底, 6月底前 in a
//     one-year plan, 全年, a target year alone: 到2025年完成…, 每月15日前;
//     压缩至1个环节 is 环节 <= 1 个). 长期坚持 and 持续推进 name no date: reported,
//     and kept in the item's text.
//
// What it cannot read with confidence is a Finding with its Location — the
// line of a text, the paragraph or table row of a Word file, the sheet and
// cell of an Excel file — in Chinese and English (the codes are listed on
// Finding), never dropped silently. Input that is no document the importer
// reads is an error: empty, binary, not UTF-8 (GBK is detected and named,
// with the command that converts it), larger than Options.MaxBytes, a
// legacy .doc/.wps/.xls or a PDF (a *FormatError saying how to convert it),
// or a damaged or oversized .docx/.xlsx (ErrCorrupt; what a file unpacks to
// is bounded by Options.MaxUnpacked, and the XML's nesting and element
// count are bounded too).
//
// IDs are deterministic, by the recipe of plan.Plan.AssignIDs: UUID v5 of
// the plan's key (its 文号, or its title, issuer and date) and each task's
// section path. Importing the same document twice — or the same plan as
// text and as a Word file — gives the same IDs.
//
// An import is a draft for a person to check: the plans in examples/data
// were imported with this package (bizenv import), reviewed against the
// text, and carry the review in plan.Source.
package docimport
