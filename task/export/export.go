// Package export writes task lists, their progress ledgers (台账) and
// bulletins as CSV and XLSX, the forms district offices exchange. It lives
// apart from package task so that the core does not carry the XLSX
// library.
//
// The workbooks are meant to be opened by a clerk and used as they are:
// numbers are numbers and dates are dates (not text), columns are as wide
// as their text (a Chinese character counts two), the header row stays in
// view (frozen), and each task shows its deadline in force (the plan's end
// when it has none), its traffic light (红黄绿灯, coloured) and whether it
// is overdue as of the export's date.
//
// Liaison phone numbers are personal data: they are masked (138****1234)
// unless Options.ShowPhones is set. Cells that a spreadsheet would run as
// formulas (=, +, -, @ first) are written inert in CSV (see
// NeutralizeCell); in XLSX every text is a string cell, never a formula.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/internal/termtext"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Options tunes an export.
type Options struct {
	// ShowPhones writes liaison phone numbers in full; by default they are
	// masked.
	ShowPhones bool
	// AsOf is the day the export speaks for: the deadline in force, the
	// traffic light and lateness are given as of it. The zero Date leaves
	// those columns empty.
	AsOf calendar.Date
	// Task are the plan's span, calendar, directory and rules the tasks
	// are judged by (plan.Plan.TaskOptions gives the span).
	Task task.Options
}

// TaskHeader returns the header row of the task sheet, a new slice on
// every call: no importer can change the header the others write.
func TaskHeader() []string {
	return []string{"序号", "任务", "章节", "牵头单位", "责任单位", "配合单位", "按职责分工负责", "完成时限（原文）", "应完成日期", "状态",
		"红黄绿灯", "是否超期", "超期工作日", "进度(%)", "最新进展", "最新填报日期", "联络人", "联系电话"}
}

// LedgerHeader returns the header row of the ledger sheet, a new slice on
// every call.
func LedgerHeader() []string {
	return []string{"序号", "任务", "条目", "类型", "日期", "填报单位", "填报人", "记录时间", "进度(%)", "进展情况", "佐证材料",
		"更正条目", "审核条目", "审核状态", "理由", "新期限", "结转至"}
}

// UnitHeader returns the header row of the per-unit sheet.
func UnitHeader() []string {
	return []string{"序号", "任务", "单位", "职责", "进度(%)", "红黄绿灯", "应完成日期", "是否超期", "超期工作日", "说明"}
}

func join(xs []string) string { return strings.Join(xs, "、") }

// Cells are typed: string, int, decimal.Decimal, calendar.Date, time.Time
// (an instant) or task.Light; nil is an empty cell.

// taskRows returns one row per task (delegated ones included), and one
// row per task and accountable unit.
func taskRows(tasks []*task.Task, o Options) (rows, units [][]any) {
	task.Walk(tasks, func(t *task.Task) {
		r := t.Responsibility
		var joint any
		if r.Joint {
			joint = "是"
		}
		var written any
		if d := t.Deadline; d != nil {
			written = d.Text
			if d.Text == "" && d.Kind == task.OnDate {
				written = d.Date
			} else if d.Text == "" {
				written = d.Kind.Chinese()
			}
		} else {
			written = "（方案期末）"
		}
		var due, light, late, days, lastDate any
		state := t.State()
		if !o.AsOf.IsZero() {
			tl, err := t.LightOf(o.AsOf, o.Task)
			st, err2 := t.Standing(o.AsOf, o.Task)
			switch {
			case err != nil || err2 != nil:
				late = "无法推算（缺少节假日安排）"
			default:
				state, light = st.State, tl.Light
				if !st.Due.IsZero() {
					due = st.Due
				}
				late = "否"
				if st.Late {
					late, days = "是", st.DaysLate
				}
				for _, u := range st.Units {
					var ud any
					if !u.Due.IsZero() {
						ud = u.Due
					}
					ul, reason := task.NoLight, ""
					for _, x := range tl.Units {
						if x.Unit == u.Unit {
							ul, reason = x.Light, x.ReasonZh
						}
					}
					var ulate, udays any = "否", nil
					if u.Late {
						ulate, udays = "是", u.DaysLate
					}
					units = append(units, []any{t.Number, t.Title, u.Unit, roleZh(u.Role), u.Progress, ul, ud, ulate, udays, reason})
				}
			}
			if due == nil {
				if d := t.EffectiveDeadline(); d != nil && d.Kind == task.OnDate {
					due = d.Date
				} else if !o.Task.End.IsZero() && (d == nil || d.Kind == task.Ongoing) {
					due = o.Task.End
				}
			}
		}
		var progress any
		if p, ok := t.ProgressWith(o.Task); ok {
			progress = p
		}
		var latest any
		cur := t.Ledger.Current()
		for i := len(cur) - 1; i >= 0; i-- {
			if cur[i].Kind == task.Report || cur[i].Kind == task.Apply {
				latest, lastDate = cur[i].Narrative, cur[i].Date
				break
			}
		}
		var liaison, phone any
		if r.Liaison != nil {
			liaison = r.Liaison.Name
			phone = r.Liaison.MaskedPhone()
			if o.ShowPhones {
				phone = r.Liaison.Phone
			}
		}
		rows = append(rows, []any{t.Number, t.Title, t.Section, join(r.Lead), join(r.Responsible), join(r.Supporting), joint,
			written, due, state.Chinese(), light, late, days, progress, latest, lastDate, liaison, phone})
	})
	return rows, units
}

func roleZh(r task.Role) string {
	return map[task.Role]string{task.LeadRole: "牵头", task.JointRole: "按职责分工负责", task.Responsible: "责任", task.Supporting: "配合"}[r]
}

// ledgerRows returns one row per ledger entry of every task.
func ledgerRows(tasks []*task.Task) [][]any {
	var rows [][]any
	nz := func(n int) any {
		if n == 0 {
			return nil
		}
		return n
	}
	task.Walk(tasks, func(t *task.Task) {
		for _, e := range t.Ledger.Entries() {
			var recorded, percent, deadline any
			if !e.RecordedAt.IsZero() {
				recorded = e.RecordedAt
			}
			if e.Kind == task.Report || e.Kind == task.Apply {
				percent = e.Percent
			}
			if e.Deadline != nil {
				deadline = e.Deadline.Text
				if e.Deadline.Kind == task.OnDate {
					deadline = e.Deadline.Date
				}
			}
			rows = append(rows, []any{t.Number, t.Title, e.Seq, e.Kind.Chinese(), e.Date, e.Unit, e.Reporter, recorded, percent,
				e.Narrative, join(e.Evidence), nz(e.Corrects), nz(e.Ref), e.Review.Chinese(), e.Reason, deadline, e.To})
		}
	})
	return rows
}

// text is a cell as CSV writes it.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case decimal.Decimal:
		return x.String()
	case calendar.Date:
		if x.IsZero() {
			return ""
		}
		return x.String()
	case time.Time:
		return x.In(calendar.Beijing()).Format("2006-01-02 15:04")
	case task.Light:
		return x.Chinese()
	}
	return fmt.Sprint(v)
}

// WriteTasksCSV writes the task list as CSV in UTF-8 with a byte-order
// mark, so that Excel shows the Chinese.
func WriteTasksCSV(w io.Writer, tasks []*task.Task, o Options) error {
	rows, _ := taskRows(tasks, o)
	return writeCSV(w, TaskHeader(), rows)
}

// WriteLedgerCSV writes every ledger entry of the tasks as CSV in UTF-8
// with a byte-order mark. Corrections, reviews and every step of closure
// are rows of their own that name the entry they concern: nothing is left
// out.
func WriteLedgerCSV(w io.Writer, tasks []*task.Task) error {
	return writeCSV(w, LedgerHeader(), ledgerRows(tasks))
}

func writeCSV(w io.Writer, header []string, rows [][]any) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, c := range row {
			safe[i] = NeutralizeCell(text(c))
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// NeutralizeCell makes a CSV cell that a spreadsheet would run as a
// formula inert, as OWASP recommends against CSV injection: a cell that
// starts with =, +, -, @, a tab or a carriage return gets a single quote
// in front ('=HYPERLINK(…) shows as text in Excel and WPS). Every other
// cell is returned unchanged. The CSV writers apply it to every cell.
func NeutralizeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// sheet is one worksheet to write.
type sheet struct {
	name   string
	header []string
	rows   [][]any
}

// WriteXLSX writes a workbook to w: 任务 (the task list), 单位 (each
// accountable unit's part, when Options.AsOf is set) and 台账 (the ledger).
func WriteXLSX(w io.Writer, tasks []*task.Task, o Options) error {
	rows, units := taskRows(tasks, o)
	sheets := []sheet{{"任务", TaskHeader(), rows}}
	if !o.AsOf.IsZero() {
		sheets = append(sheets, sheet{"单位", UnitHeader(), units})
	}
	sheets = append(sheets, sheet{"台账", LedgerHeader(), ledgerRows(tasks)})
	return writeXLSX(w, sheets)
}

// styles are the workbook's cell styles.
type styles struct {
	header, date, datetime, number, text int
	light                                map[task.Light]int
}

func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{light: map[task.Light]int{}}
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	border := []excelize.Border{{Type: "bottom", Color: "999999", Style: 1}}
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}},
		Border: border, Alignment: &excelize.Alignment{Vertical: "center"}})
	dateFmt, dtFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	s.date = mk(&excelize.Style{CustomNumFmt: &dateFmt})
	s.datetime = mk(&excelize.Style{CustomNumFmt: &dtFmt})
	s.number = mk(&excelize.Style{NumFmt: 0})
	s.text = mk(&excelize.Style{NumFmt: 49}) // @: text, so that 1-1 or 0412 stay as written
	for l, c := range map[task.Light]string{task.Red: "F4C7C3", task.Yellow: "FCE8B2", task.Green: "B7E1CD"} {
		s.light[l] = mk(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	}
	return s, err
}

// cell turns a typed value into an XLSX cell and the width of its text.
func (s *styles) cell(v any) (excelize.Cell, int) {
	switch x := v.(type) {
	case nil:
		return excelize.Cell{}, 0
	case string:
		return excelize.Cell{StyleID: s.text, Value: x}, termtext.Width(x)
	case int:
		return excelize.Cell{StyleID: s.number, Value: x}, len(strconv.Itoa(x))
	case decimal.Decimal:
		return excelize.Cell{StyleID: s.number, Value: x.InexactFloat64()}, len(x.String())
	case calendar.Date:
		if x.IsZero() {
			return excelize.Cell{}, 0
		}
		return excelize.Cell{StyleID: s.date, Value: time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)}, 10
	case time.Time:
		b := x.In(calendar.Beijing())
		return excelize.Cell{StyleID: s.datetime, Value: time.Date(b.Year(), b.Month(), b.Day(), b.Hour(), b.Minute(), b.Second(), 0, time.UTC)}, 16
	case task.Light:
		if x == task.NoLight {
			return excelize.Cell{}, 0
		}
		return excelize.Cell{StyleID: s.light[x], Value: x.Chinese()}, 4
	}
	t := fmt.Sprint(v)
	return excelize.Cell{StyleID: s.text, Value: t}, termtext.Width(t)
}

// maxColumnWidth bounds a column's width, in characters; longer text
// wraps in the cell when the clerk widens it.
const maxColumnWidth = 60

func writeXLSX(w io.Writer, sheets []sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		cells := make([][]any, 0, len(sh.rows)+1)
		widths := make([]int, len(sh.header))
		head := make([]any, len(sh.header))
		for j, h := range sh.header {
			head[j] = excelize.Cell{StyleID: st.header, Value: h}
			widths[j] = termtext.Width(h)
		}
		cells = append(cells, head)
		for _, row := range sh.rows {
			out := make([]any, len(row))
			for j, v := range row {
				c, wd := st.cell(v)
				out[j] = c
				if j < len(widths) && wd > widths[j] {
					widths[j] = wd
				}
			}
			cells = append(cells, out)
		}
		sw, err := f.NewStreamWriter(sh.name)
		if err != nil {
			return err
		}
		for j, wd := range widths {
			if err := sw.SetColWidth(j+1, j+1, float64(min(wd, maxColumnWidth)+2)); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
			return err
		}
		for r, row := range cells {
			ref, err := excelize.CoordinatesToCellName(1, r+1)
			if err != nil {
				return err
			}
			if err := sw.SetRow(ref, row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// WriteBulletinXLSX writes a bulletin as a workbook: 排名 (each unit's
// line, best first), 销号 (the tasks closed in the period) and 超期 (the tasks
// late at its end).
func WriteBulletinXLSX(w io.Writer, b *task.Bulletin) error {
	kinds := []task.ActionKind{task.Remind, task.Supervise, task.Summons, task.PublicNotice, task.Accountability, task.Posted}
	header := []string{"名次", "单位", "任务数", "到期事项", "按时", "逾期", "按时率(%)", "应报", "漏报", "销号", "超期任务"}
	for _, k := range kinds {
		header = append(header, k.Chinese())
	}
	header = append(header, "得分", "说明")
	var units [][]any
	for _, u := range b.Units {
		var rate any
		if u.OnTimeRate.Valid {
			rate = u.OnTimeRate.Decimal
		}
		row := []any{u.Rank, u.Unit, u.Tasks, u.Due, u.OnTime, u.Late, rate, u.ReportsDue, u.ReportsMissed, u.Closed, u.Overdue}
		for _, k := range kinds {
			row = append(row, u.Actions[k])
		}
		units = append(units, append(row, u.Score, u.ReasonZh))
	}
	var closed [][]any
	for _, c := range b.Closed {
		onTime := "逾期"
		if c.OnTime {
			onTime = "按时"
		}
		var due any
		if !c.Due.IsZero() {
			due = c.Due
		}
		closed = append(closed, []any{c.Number, c.Title, join(c.Units), due, c.Applied, c.Approved, onTime})
	}
	var late [][]any
	for _, l := range b.Overdue {
		late = append(late, []any{l.Number, l.Title, join(l.Units), l.Due})
	}
	return writeXLSX(w, []sheet{
		{"排名", header, units},
		{"销号", []string{"序号", "任务", "责任单位", "应完成日期", "申请日期", "销号日期", "是否按时"}, closed},
		{"超期", []string{"序号", "任务", "超期单位", "应完成日期"}, late},
	})
}
