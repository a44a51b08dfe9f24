package export

import (
	"bytes"
	"encoding/csv"
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
	assert.Equal(t, []string{"2", "拓展“高效办成一件事”场景", "区数据局", "", "区卫健局、区文旅局", "", "2025年底前", "推进中", "40", "更正进度", "李四", "139****5678"}, rows[1])
	assert.Equal(t, "是", rows[2][5])
	assert.NotContains(t, buf.String(), "13912345678", "phones are masked by default")

	buf.Reset()
	require.NoError(t, WriteTasksCSV(&buf, sample(t), Options{ShowPhones: true}))
	assert.Contains(t, buf.String(), "13912345678")

	buf.Reset()
	require.NoError(t, WriteLedgerCSV(&buf, sample(t)))
	rows, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3, "both entries, the correction included")
	assert.Equal(t, []string{"2", "拓展“高效办成一件事”场景", "2", "2025-06-30", "区数据局", "40", "更正进度", "", "1"}, rows[2])
	assert.Equal(t, "方案.docx、会议纪要", rows[1][7])
}

func TestXLSX(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteXLSX(&buf, sample(t), Options{}))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"任务", "台账"}, f.GetSheetList())
	rows, err := f.GetRows("任务")
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, "139****5678", rows[1][11])
	ledger, err := f.GetRows("台账")
	require.NoError(t, err)
	assert.Len(t, ledger, 3)
	assert.Equal(t, LedgerHeader(), ledger[0])
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
