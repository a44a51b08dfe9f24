package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// Issue 15: examples/tiexi runs the whole year.
func TestRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "made") // -out DIR is made when missing
	var out strings.Builder
	require.NoError(t, run(&out, filepath.Join("..", "data", "tiexi-2025-55.json"), "2025-12-31", dir))
	s := out.String()
	assert.Contains(t, s, "55 项任务")
	// Monthly reports from several units, a unit that skips July climbing
	// the ladder, one action a day.
	assert.Contains(t, s, "2025-07-16 督办 51 → 区工信局（抄送 区财政局）", "区工信局 skipped July; 区财政局 reported")
	assert.Contains(t, s, "2025-07-24 约谈 51 → 区工信局", "the 督办单 went unanswered")
	assert.Contains(t, s, "2025-08-12 通报 51 → 区工信局", "20 working days late")
	assert.Contains(t, s, "2025-10-09 更正 3 区住建局 80% → 70%：任务进度 62% → 57%", "a correction moves only its unit's share")
	// 销号 applied for, returned and approved.
	assert.Contains(t, s, "2025-10-09 申请销号 2 区数据局")
	assert.Contains(t, s, "2025-10-11 退回 2 区营商局：缺少办件量和群众满意度佐证")
	assert.Contains(t, s, "2025-10-28 审核通过 2 区营商局 → 已完成")
	// A 回头看 reopening.
	assert.Contains(t, s, "2025-11-20 回头看 1 区营商局：回头看：清单未随10月市级事项调整动态更新 → 推进中")
	assert.Contains(t, s, "2025-12-12 审核通过 1 区营商局 → 已完成")
	// A delegation to three streets; the late one supervised; the parent
	// done when all are.
	assert.Contains(t, s, "2025-07-01 委派 46 → 46-1 兴盛街道、46-2 北陶街道、46-3 永乐街道（9月30日前）")
	assert.Contains(t, s, "2025-10-09 督办 46-3 → 永乐街道")
	// The October bulletin with a ranking.
	assert.Contains(t, s, "铁西区优化营商环境工作10月调度通报")
	assert.Regexp(t, `\s1  区财政局\s+1\s+1\s+0\s+100\s`, s, "reported October on time: first")
	assert.Regexp(t, `\s18  区工信局\s+1\s+0\s+1\s+0\s+1\s+0\s+0\s+1\s+98\n`, s, "reported October late: last, 2 points off")
	assert.Contains(t, s, "2025-10-16 督办 51 → 区工信局")
	assert.Contains(t, s, "46-3  提升主动服务企业能力      2025-10-14  2025-10-15  逾期 late")
	// The close-out, with a carry-over.
	assert.Contains(t, s, "收尾（2026-01-05）/ close-out: 已完成 7，已结转 1，未完成 50")
	assert.Contains(t, s, "结转 33 实行透明化公共资源交易 → 铁西区2026年优化营商环境实施方案")

	read := func(name string) [][]string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).ReadAll()
		require.NoError(t, err)
		return rows
	}
	assert.Len(t, read("tasks.csv"), 1+55+3, "a header, 55 tasks and 46's three parts")
	ledger := read("ledger.csv")
	assert.Len(t, ledger, 1+58, "every report and every step of closure, re-check and carry-over")

	// An XLSX a clerk opens without fixing anything.
	f, err := excelize.OpenFile(filepath.Join(dir, "tiexi-2025.xlsx"))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"任务", "单位", "台账"}, f.GetSheetList())
	panes, err := f.GetPanes("任务")
	require.NoError(t, err)
	assert.True(t, panes.Freeze, "the header stays in view")
	raw, err := f.GetCellValue("任务", "I2", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "46022", raw, "item 1's due date, 2025-12-31, is a date (serial number), not text")
	shown, err := f.GetCellValue("任务", "I2")
	require.NoError(t, err)
	assert.Equal(t, "2025-12-31", shown)
	for _, name := range []string{"bulletin-2025-10.html", "bulletin-2025-10.xlsx", "report-2026-01-05.html"} {
		info, err := os.Stat(filepath.Join(dir, name))
		require.NoError(t, err, name)
		assert.Positive(t, info.Size(), name)
	}

	// Run to 1 June only: nothing is late, since the plan, issued on 13 May,
	// asks for item 51's first report by 15 June.
	out.Reset()
	require.NoError(t, run(&out, filepath.Join("..", "data", "tiexi-2025-55.json"), "2025-06-01", t.TempDir()))
	assert.NotContains(t, out.String(), "督办 51")
	assert.NotContains(t, out.String(), "调度通报", "October is not reached")
}
