// Package export writes task lists and their progress ledgers (台账) as CSV
// and XLSX, the forms district offices exchange. It lives apart from
// package task so that the core does not carry the XLSX library.
//
// Liaison phone numbers are personal data: they are masked (138****1234)
// unless Options.ShowPhones is set. Cells that a spreadsheet would run as
// formulas (=, +, -, @ first) are written inert (see NeutralizeCell).
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/bizenv/bizenv/task"
	"github.com/xuri/excelize/v2"
)

// Options tunes an export.
type Options struct {
	// ShowPhones writes liaison phone numbers in full; by default they are
	// masked.
	ShowPhones bool
}

// TaskHeader returns the header row of the task sheet, a new slice on
// every call: no importer can change the header the others write.
func TaskHeader() []string {
	return []string{"序号", "任务", "牵头单位", "责任单位", "配合单位", "按职责分工负责", "完成时限", "状态", "进度(%)", "最新进展", "联络人", "联系电话"}
}

// LedgerHeader returns the header row of the ledger sheet, a new slice on
// every call.
func LedgerHeader() []string {
	return []string{"序号", "任务", "条目", "日期", "填报单位", "进度(%)", "进展情况", "佐证材料", "更正条目"}
}

func join(xs []string) string { return strings.Join(xs, "、") }

// taskRows returns one row per task (delegated ones included).
func taskRows(tasks []*task.Task, o Options) [][]string {
	var rows [][]string
	task.Walk(tasks, func(t *task.Task) {
		r := t.Responsibility
		joint := ""
		if r.Joint {
			joint = "是"
		}
		deadline := ""
		if t.Deadline != nil {
			deadline = t.Deadline.Text
			if deadline == "" && t.Deadline.Kind == task.OnDate {
				deadline = t.Deadline.Date.String()
			}
		}
		progress, latest := "", ""
		if p, ok := t.Progress(); ok {
			progress = p.String()
		}
		cur := t.Ledger.Current()
		if len(cur) > 0 {
			latest = cur[len(cur)-1].Narrative
		}
		liaison, phone := "", ""
		if r.Liaison != nil {
			liaison = r.Liaison.Name
			phone = r.Liaison.MaskedPhone()
			if o.ShowPhones {
				phone = r.Liaison.Phone
			}
		}
		rows = append(rows, []string{t.Number, t.Title, join(r.Lead), join(r.Responsible), join(r.Supporting), joint,
			deadline, t.Status.Chinese(), progress, latest, liaison, phone})
	})
	return rows
}

// ledgerRows returns one row per ledger entry of every task.
func ledgerRows(tasks []*task.Task) [][]string {
	var rows [][]string
	task.Walk(tasks, func(t *task.Task) {
		for _, e := range t.Ledger.Entries() {
			corrects := ""
			if e.Corrects > 0 {
				corrects = fmt.Sprint(e.Corrects)
			}
			rows = append(rows, []string{t.Number, t.Title, fmt.Sprint(e.Seq), e.Date.String(), e.Unit, e.Percent.String(),
				e.Narrative, join(e.Evidence), corrects})
		}
	})
	return rows
}

// WriteTasksCSV writes the task list as CSV in UTF-8 with a byte-order
// mark, so that Excel shows the Chinese.
func WriteTasksCSV(w io.Writer, tasks []*task.Task, o Options) error {
	return writeCSV(w, TaskHeader(), taskRows(tasks, o))
}

// WriteLedgerCSV writes every ledger entry of the tasks as CSV in UTF-8
// with a byte-order mark. Corrections are rows of their own that name the
// entry they correct: nothing is left out.
func WriteLedgerCSV(w io.Writer, tasks []*task.Task) error {
	return writeCSV(w, LedgerHeader(), ledgerRows(tasks))
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
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
			safe[i] = NeutralizeCell(c)
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
// cell is returned unchanged. The CSV writers apply it to every cell taken
// from a plan.
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

// WriteXLSX writes a workbook with two sheets, 任务 (the task list) and 台账
// (the ledger), to w.
func WriteXLSX(w io.Writer, tasks []*task.Task, o Options) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "任务"); err != nil {
		return err
	}
	if _, err := f.NewSheet("台账"); err != nil {
		return err
	}
	for _, sh := range []struct {
		name   string
		header []string
		rows   [][]string
	}{{"任务", TaskHeader(), taskRows(tasks, o)}, {"台账", LedgerHeader(), ledgerRows(tasks)}} {
		sw, err := f.NewStreamWriter(sh.name)
		if err != nil {
			return err
		}
		for i, row := range append([][]string{sh.header}, sh.rows...) {
			cells := make([]any, len(row))
			for j, c := range row {
				cells[j] = c
			}
			cell, err := excelize.CoordinatesToCellName(1, i+1)
			if err != nil {
				return err
			}
			if err := sw.SetRow(cell, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.Write(w)
}
