package docimport

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// workbook writes sheets of rows; merges are cell ranges ("B3:B5") per
// sheet, their value in the first cell.
func workbook(t *testing.T, sheets map[string][][]string, order []string, merges map[string][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			require.NoError(t, f.SetSheetName("Sheet1", name))
		} else {
			_, err := f.NewSheet(name)
			require.NoError(t, err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				require.NoError(t, err)
				require.NoError(t, f.SetCellStr(name, cell, v))
			}
		}
		for _, m := range merges[name] {
			a, b, _ := strings.Cut(m, ":")
			require.NoError(t, f.MergeCell(name, a, b))
		}
	}
	buf, err := f.WriteToBuffer()
	require.NoError(t, err)
	return buf.Bytes()
}

// TestXLSX: each sheet is a task table; a title row above the header is
// the plan's title; a merged section cell stands for every row it spans; a
// cell the importer cannot read is reported by its sheet and cell.
func TestXLSX(t *testing.T) {
	sheets := map[string][][]string{
		"任务分解": {
			{"某区2024年优化营商环境任务分解表"},
			{"序号", "重点领域", "工作任务", "牵头单位", "责任单位", "完成时限", "经费"},
			{"1", "政务环境", "推行一网通办。整合审批系统。", "区数据局", "区直各部门", "2024年6月底前", "50万元"},
			{"2", "", "推行帮办代办。", "区政务服务中心", "", "全年", ""},
			{"3", "法治环境", "规范涉企检查。", "区司法局", "区市场监管局", "下季度", ""},
		},
		"补充任务": {
			{"序号", "工作任务", "责任单位"},
			{"4", "优化纳税服务。", "区税务局牵头，区财政局配合"},
		},
	}
	b := workbook(t, sheets, []string{"任务分解", "补充任务"}, map[string][]string{"任务分解": {"A1:G1", "B3:B4"}})
	f, err := DetectFormat(b)
	require.NoError(t, err)
	assert.Equal(t, FormatXLSX, f)
	res, err := Parse(b, Options{Source: "tasks.xlsx"})
	require.NoError(t, err)
	p := res.Plan
	assert.Equal(t, "某区2024年优化营商环境任务分解表", p.Title)
	// The second sheet has no 领域 column: its task stands in the plan's
	// one section, before the sections the first sheet's column opened.
	assert.Equal(t, []string{"|4|优化纳税服务|L:区税务局|S:区财政局", "|1|推行一网通办|L:区数据局|R:区直各部门|D:2024-06-30",
		"|2|推行帮办代办|L:区政务服务中心|D:2024-12-31", "|3|规范涉企检查|L:区司法局|R:区市场监管局"}, brief(p))
	tasks, _ := p.Tasks()
	require.Len(t, tasks, 4)
	assert.Equal(t, "政务环境", tasks[2].Section, "the merged section cell stands for both rows")
	assert.Contains(t, tasks[1].Body, "经费：50万元")
	found := map[string]Location{}
	for _, fd := range res.Findings {
		found[fd.Code] = fd.Location
	}
	assert.Equal(t, Location{Sheet: "任务分解", Row: 2, Cell: "G2"}, found["table_header"])
	assert.Equal(t, Location{Sheet: "任务分解", Row: 5, Cell: "F5"}, found["deadline_unread"])
	for _, fd := range res.Findings {
		if fd.Code == "deadline_unread" {
			assert.Contains(t, fd.String(), "工作表“任务分解”F5 单元格 / sheet 任务分解 cell F5")
		}
	}
}

// TestXLSXBad: a damaged workbook and one unpacking past the bound are
// errors, never a panic.
func TestXLSXBad(t *testing.T) {
	big := make([][]string, 0, 2000)
	big = append(big, []string{"序号", "工作任务", "责任单位"})
	for i := 0; i < 2000; i++ {
		big = append(big, []string{"1", strings.Repeat("推行一网通办", 50), "区数据局"})
	}
	b := workbook(t, map[string][][]string{"S": big}, []string{"S"}, nil)
	_, err := Parse(b, Options{MaxUnpacked: 64 << 10})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.Contains(t, err.Error(), " / ")

	broken := zipOf(t, map[string]string{"xl/workbook.xml": "<workbook><sheets><sheet name=\"a\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"})
	_, err = Parse(broken, Options{})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrCorrupt)
}
