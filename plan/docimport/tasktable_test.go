package docimport

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHeaderRole: columns are found by their header words, with spaces and
// notes in brackets ignored; the unit and time-limit words come from the
// grammar's one table of labels.
func TestHeaderRole(t *testing.T) {
	cases := map[string]colRole{
		"序号": colNumber, "编 号": colNumber, "重点任务": colTask, "工作任务": colTask, "方案内容": colTask, "具体措施": colTask,
		"牵头单位": colLead, "牵头部门": colLead, "牵头单位（部门）": colLead, "主责单位": colLead, "责任单位": colResp, "责任部门": colResp,
		"配合单位": colSupport, "协办单位": colSupport, "完成时限": colDeadline, "时间节点": colDeadline, "完成时限(2025年)": colDeadline,
		"章节": colSection, "类别": colSection, "领域": colSection, "任务名称": colTitle, "责任领导": colLeader, "联系人": colLiaison,
		"联系电话": colPhone, "备注": colNote, "预期目标": colNote, "资金来源": colUnknown, "": colUnknown,
	}
	for cell, want := range cases {
		assert.Equal(t, want.String(), headerRole(cell).role.String(), cell)
	}
}

// tsv joins rows of cells with tabs, each as wide as the first (a
// spreadsheet's export: a row across the table keeps its empty cells).
func tsv(rows ...[]string) string {
	var b strings.Builder
	for _, r := range rows {
		for len(r) < len(rows[0]) {
			r = append(r, "")
		}
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// flat writes rows one cell per line, each ending " |", as a web page's
// copy gives a table.
func flat(rows ...[]string) string {
	var b strings.Builder
	for _, r := range rows {
		for _, c := range r {
			b.WriteString(c + " |\n")
		}
	}
	return b.String()
}

// pipes writes rows between pipes.
func pipes(rows ...[]string) string {
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", len(r)) + "\n")
		}
	}
	return b.String()
}

// TestTaskTableForms: the same task table as tab-separated text, pasted one
// cell per line, and between pipes, imports to the same tasks.
func TestTaskTableForms(t *testing.T) {
	rows := [][]string{
		{"序号", "重点任务", "牵头单位", "配合单位", "完成时限"},
		{"1", "推行一网通办。整合审批系统。", "区数据局", "区直各部门", "2024年6月底前"},
		{"2", "压缩开办时间。企业开办一日办结。", "区市场监管局", "区税务局、区人社局", "长期坚持"},
		{"3", "优化纳税服务。", "区税务局", "", "2024年12月31日前"},
	}
	want := []string{"|1|推行一网通办|L:区数据局|S:区直各部门|D:2024-06-30", "|2|压缩开办时间|L:区市场监管局|S:区税务局,区人社局",
		"|3|优化纳税服务|L:区税务局|D:2024-12-31"}
	for name, text := range map[string]string{"tab-separated": tsv(rows...), "one cell per line": flat(rows...), "pipes": pipes(rows...)} {
		t.Run(name, func(t *testing.T) {
			res, err := Parse([]byte("某区2024年营商环境任务分解表\n"+text), Options{})
			require.NoError(t, err)
			assert.Equal(t, "某区2024年营商环境任务分解表", res.Plan.Title)
			assert.Equal(t, want, brief(res.Plan))
			assert.Contains(t, codes(res.Findings), "deadline_ongoing")
			assert.NotContains(t, codes(res.Findings), "no_numbering")
		})
	}
}

// TestTaskTableShapes: sections in a column (a blank cell continues the one
// above, as a merged cell does) or in rows across the table, several rows
// per task, a person's column kept in the text, an unmappable header
// reported with its cell.
func TestTaskTableShapes(t *testing.T) {
	runStyles(t, []styleCase{
		{name: "section column with blank cells continuing",
			text: "某县2025年任务清单\n" + tsv([]string{"序号", "领域", "工作任务", "责任单位", "完成时限"},
				[]string{"1", "政务环境", "推行一网通办", "县数据局", "全年"},
				[]string{"2", "", "推行帮办代办", "县政务服务中心", "6月底前"},
				[]string{"3", "法治环境", "规范涉企检查", "县司法局", "持续推进"}),
			want: []string{"|1|推行一网通办|R:县数据局|D:2025-12-31", "|2|推行帮办代办|R:县政务服务中心|D:2025-06-30", "|3|规范涉企检查|R:县司法局"}},
		{name: "two section columns and rows across the table",
			text: tsv([]string{"序号", "章节", "小节", "具体措施", "牵头单位"},
				[]string{"一、政务环境"},
				[]string{"1", "", "（一）审批", "压缩审批时限", "市行政审批局"},
				[]string{"2", "", "", "推行容缺受理", "市行政审批局"},
				[]string{"二、法治环境"},
				[]string{"3", "", "（一）执法", "推行柔性执法", "市司法局"}),
			want: []string{"一(一)|1|压缩审批时限|L:市行政审批局", "一(一)|2|推行容缺受理|L:市行政审批局", "二(一)|3|推行柔性执法|L:市司法局"}},
		{name: "a table going on after a heading, without its header",
			text: "一、政务环境\n" + tsv([]string{"序号", "重点任务", "牵头单位"}, []string{"1", "推行一网通办", "区数据局"}) +
				"二、法治环境\n" + tsv([]string{"2", "规范涉企检查", "区司法局"}),
			want: []string{"一|1|推行一网通办|L:区数据局", "二|2|规范涉企检查|L:区司法局"}},
		{name: "several rows per task",
			text: "某区2024年行动方案分解表\n" + tsv([]string{"序号", "重点任务", "具体措施", "责任单位", "完成时限"},
				[]string{"1", "优化企业开办", "推行一网通办", "区市场监管局", "2024年6月底前"},
				[]string{"", "", "推行电子印章", "区公安分局", "2024年9月底前"},
				[]string{"2", "优化获得电力", "压减接电时间", "区供电公司", "2024年12月底前"},
				[]string{"2", "优化获得电力", "推行线上报装", "区供电公司", ""}),
			want: []string{"|1|优化企业开办|R:区市场监管局,区公安分局|D:2024-09-30", "|2|优化获得电力|R:区供电公司|D:2024-12-31"}},
		{name: "unmappable header, a person, a verb phrase in a unit cell",
			text: "某开发区2025年重点工作及责任清单\n" + tsv([]string{"序号", "重点工作", "责任领导", "责任单位", "资金来源", "完成时限"},
				[]string{"1", "推进园区扩区。", "张三", "规划建设局牵头，财政局配合", "专项债", "全年"}),
			want:  []string{"|1|推进园区扩区|L:规划建设局|S:财政局|D:2025-12-31"},
			codes: []string{"table_header"}},
	})
	res, err := Parse([]byte(tsv([]string{"序号", "重点工作", "责任领导", "责任单位", "资金来源"}, []string{"1", "推进园区扩区。", "张三", "规划建设局", "专项债"})), Options{})
	require.NoError(t, err)
	tasks, _ := res.Plan.Tasks()
	require.Len(t, tasks, 1)
	assert.Equal(t, "责任领导：张三\n资金来源：专项债", tasks[0].Body, "nothing of the row is dropped")
	for _, f := range res.Findings {
		if f.Code == "table_header" {
			assert.Equal(t, Location{Line: 1}, f.Location)
			assert.Equal(t, "资金来源", f.Text)
		}
	}
}

// TestFlatTableRows: a pasted table's rows with a task cell broken over
// lines, and one with a missing cell, reported.
func TestFlatTableRows(t *testing.T) {
	text := "序号\n重点任务\n责任单位\n完成时限\n1\n推进园区污水管网建设，\n加快配套工程。\n规划建设局\n全年\n2\n盘活存量土地。\n改革办\n3\n优化服务。\n招商部\n全年\n"
	res, err := Parse([]byte("2025年开发区重点工作清单\n"+text), Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"|1|推进园区污水管网建设，加快配套工程|R:规划建设局|D:2025-12-31", "|2|盘活存量土地|R:改革办", "|3|优化服务|R:招商部|D:2025-12-31"}, brief(res.Plan))
	assert.Contains(t, codes(res.Findings), "table_row")
}
