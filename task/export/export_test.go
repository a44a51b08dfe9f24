package export

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/bizenv/bizenv/calendar"
	"github.com/bizenv/bizenv/task"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

func sample(t *testing.T) []*task.Task {
	d, err := task.ParseDeadline("2025年底前")
	require.NoError(t, err)
	tk := &task.Task{Number: "2", Title: "拓展“高效办成一件事”场景", Deadline: &d, Status: task.InProgress,
		Responsibility: task.Responsibility{Lead: []string{"区数据局"}, Supporting: []string{"区卫健局", "区文旅局"},
			Liaison: &task.Liaison{Name: "李四", Unit: "区数据局", Phone: "13912345678"}}}
	day, _ := calendar.ParseDate("2025-06-30")
	_, err = tk.Ledger.Append(task.Entry{Date: day, Unit: "区数据局", Percent: decimal.NewFromInt(50), Narrative: "完成场景梳理", Evidence: []string{"方案.docx", "会议纪要"}})
	require.NoError(t, err)
	_, err = tk.Ledger.Append(task.Entry{Date: day, Unit: "区数据局", Percent: decimal.NewFromInt(40), Narrative: "更正进度", Corrects: 1})
	require.NoError(t, err)
	return []*task.Task{tk, {Number: "3", Title: "深化工程建设项目审批制度改革", Responsibility: task.Responsibility{Responsible: []string{"区住建局", "区数据局"}, Joint: true}}}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteTasksCSV(&buf, sample(t), Options{}))
	require.True(t, bytes.HasPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF")), "UTF-8 BOM for Excel")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, TaskHeader(), rows[0])
	assert.Equal(t, []string{"2", "拓展“高效办成一件事”场景", "", "区数据局", "", "区卫健局、区文旅局", "", "2025年底前", "", "推进中", "", "", "", "40", "更正进度", "2025-06-30", "李四", "139****5678"}, rows[1])
	assert.Equal(t, "是", rows[2][6])
	assert.Equal(t, "（方案期末）", rows[2][7])
	assert.NotContains(t, buf.String(), "13912345678", "phones are masked by default")

	buf.Reset()
	require.NoError(t, WriteTasksCSV(&buf, sample(t), Options{ShowPhones: true}))
	assert.Contains(t, buf.String(), "13912345678")

	buf.Reset()
	require.NoError(t, WriteLedgerCSV(&buf, sample(t)))
	rows, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3, "both entries, the correction included")
	assert.Equal(t, LedgerHeader(), rows[0])
	assert.Equal(t, []string{"2", "拓展“高效办成一件事”场景", "2", "进展填报", "2025-06-30", "区数据局", "", "", "40", "更正进度", "", "1", "", "待审核", "", "", ""}, rows[2])
	assert.Equal(t, "方案.docx、会议纪要", rows[1][10])
}

// Issue 15 item 10: an XLSX a clerk can use: numbers as numbers, dates as
// dates, widths fitted to the text, a frozen header, the deadline in
// force (the plan's end when there is none), the light and lateness.
func TestXLSX(t *testing.T) {
	asOf, _ := calendar.ParseDate("2026-01-05")
	end, _ := calendar.ParseDate("2025-12-31")
	tasks := sample(t)
	var buf bytes.Buffer
	require.NoError(t, WriteXLSX(&buf, tasks, Options{AsOf: asOf, Task: task.Options{End: end}}))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"任务", "单位", "台账"}, f.GetSheetList())
	rows, err := f.GetRows("任务")
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, "139****5678", rows[1][17])
	col := func(name string) string {
		for i, h := range TaskHeader() {
			if h == name {
				c, _ := excelize.ColumnNumberToName(i + 1)
				return c
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	// number reports a numeric cell: no string type, and a raw value
	// that parses as a number (a date is a serial number with a date format).
	number := func(sheet, cell string) bool {
		ct, err := f.GetCellType(sheet, cell)
		require.NoError(t, err)
		raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		_, perr := strconv.ParseFloat(raw, 64)
		return (ct == excelize.CellTypeNumber || ct == excelize.CellTypeUnset) && perr == nil
	}
	assert.True(t, number("任务", col("进度(%)")+"2"))
	assert.True(t, number("任务", col("应完成日期")+"2"))
	assert.True(t, number("任务", col("超期工作日")+"2"))
	assert.False(t, number("任务", col("序号")+"2"), "a number as printed (1-1, (三)2) stays text")
	v, err := f.GetCellValue("任务", col("应完成日期")+"2")
	require.NoError(t, err)
	assert.Equal(t, "2025-12-31", v, "shown as a date")
	v, err = f.GetCellValue("任务", col("应完成日期")+"3")
	require.NoError(t, err)
	assert.Equal(t, "2025-12-31", v, "item 3 has no deadline of its own: the plan's end, not blank")
	v, err = f.GetCellValue("任务", col("红黄绿灯")+"2")
	require.NoError(t, err)
	assert.Equal(t, "红灯", v)
	v, err = f.GetCellValue("任务", col("是否超期")+"2")
	require.NoError(t, err)
	assert.Equal(t, "是", v)
	raw, err := f.GetCellValue("任务", col("进度(%)")+"2", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "40", raw)
	// The light is coloured.
	sid, err := f.GetCellStyle("任务", col("红黄绿灯")+"2")
	require.NoError(t, err)
	style, err := f.GetStyle(sid)
	require.NoError(t, err)
	assert.Equal(t, []string{"F4C7C3"}, style.Fill.Color)
	// Widths fit the text (a Chinese character is two), and the header is
	// frozen.
	w, err := f.GetColWidth("任务", col("任务"))
	require.NoError(t, err)
	assert.InDelta(t, 2*14+2, w, 0.1, "拓展“高效办成一件事”场景 is 14 characters wide")
	panes, err := f.GetPanes("任务")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)

	units, err := f.GetRows("单位")
	require.NoError(t, err)
	assert.Equal(t, UnitHeader(), units[0])
	assert.Len(t, units, 4, "区数据局 on item 2; 区住建局 and 区数据局 on item 3")
	ledger, err := f.GetRows("台账")
	require.NoError(t, err)
	assert.Len(t, ledger, 3)
	assert.Equal(t, LedgerHeader(), ledger[0])
	assert.True(t, number("台账", "C2"), "the entry's number")
	assert.True(t, number("台账", "E2"), "its date")
}

// Issue 13 item 10: the headers are not package variables an importer can
// change for everyone.
func TestHeadersCannotBeChanged(t *testing.T) {
	h := TaskHeader()
	h[0] = "="
	assert.Equal(t, "序号", TaskHeader()[0])
	l := LedgerHeader()
	l[0] = "="
	assert.Equal(t, "序号", LedgerHeader()[0])
}

// Issue 13 item 9: cells from a plan must not become live formulas in the
// Excel a clerk opens.
func TestCSVFormulaInjection(t *testing.T) {
	tk := &task.Task{Number: "=1+1", Title: `=HYPERLINK("http://evil.example","点击")`,
		Responsibility: task.Responsibility{Lead: []string{"+区数据局"}, Supporting: []string{"@SUM(A1)"},
			Liaison: &task.Liaison{Name: "-2+3", Phone: "\t=cmd"}}}
	day, _ := calendar.ParseDate("2025-06-30")
	_, err := tk.Ledger.Append(task.Entry{Date: day, Unit: "区数据局", Narrative: "\r=1", Evidence: []string{"=A1"}})
	require.NoError(t, err)
	for name, write := range map[string]func(*bytes.Buffer) error{
		"tasks":  func(b *bytes.Buffer) error { return WriteTasksCSV(b, []*task.Task{tk}, Options{ShowPhones: true}) },
		"ledger": func(b *bytes.Buffer) error { return WriteLedgerCSV(b, []*task.Task{tk}) },
	} {
		var buf bytes.Buffer
		require.NoError(t, write(&buf), name)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
		require.NoError(t, err)
		for _, row := range rows[1:] {
			for _, c := range row {
				if c == "" {
					continue
				}
				assert.NotContains(t, "=+-@\t\r", c[:1], "%s: cell %q would run as a formula", name, c)
			}
		}
		assert.Contains(t, buf.String(), `'=HYPERLINK(`, name)
	}
	for in, want := range map[string]string{"=1": "'=1", "+1": "'+1", "-1": "'-1", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx", "区数据局": "区数据局", "": "", "1-2": "1-2"} {
		assert.Equal(t, want, NeutralizeCell(in), in)
	}
}

func TestBulletinXLSX(t *testing.T) {
	day := func(s string) calendar.Date { d, _ := calendar.ParseDate(s); return d }
	d, _ := task.ParseDeadline("2025年10月10日前")
	tk := &task.Task{Number: "2", Title: "拓展“高效办成一件事”场景", Deadline: &d, Responsibility: task.Responsibility{Lead: []string{"区数据局"}}}
	late := &task.Task{Number: "3", Title: "深化工程建设项目审批制度改革", Deadline: &d, Responsibility: task.Responsibility{Lead: []string{"区住建局"}}}
	o := task.Options{Start: day("2025-05-13"), End: day("2025-12-31")}
	at := day("2025-10-09").In(calendar.Beijing())
	_, err := tk.Record(task.Entry{Kind: task.Apply, Date: day("2025-10-09"), Unit: "区数据局", RecordedAt: at, Evidence: []string{"x"}}, o)
	require.NoError(t, err)
	_, err = tk.Record(task.Entry{Kind: task.Approve, Date: day("2025-10-10"), Unit: "区营商局", RecordedAt: at, Ref: 1}, o)
	require.NoError(t, err)
	span, _ := task.MonthSpan(2025, 10)
	b, err := task.NewBulletin([]*task.Task{tk, late}, span, day("2025-11-03"), o, nil, task.ScoreRules{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteBulletinXLSX(&buf, b))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"排名", "销号", "超期"}, f.GetSheetList())
	rows, err := f.GetRows("排名")
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, "区数据局", rows[1][1])
	assert.Equal(t, "1", rows[1][0])
	score, err := f.GetCellValue("排名", "R3", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "95", score, "区住建局: 100 - 5, a number")
	closed, err := f.GetRows("销号")
	require.NoError(t, err)
	assert.Len(t, closed, 2)
	overdue, err := f.GetRows("超期")
	require.NoError(t, err)
	assert.Len(t, overdue, 2)
}
