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
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out strings.Builder
	require.NoError(t, run(&out, filepath.Join("..", "data", "tiexi-2025-55.json"), "2025-10-20", dir))
	s := out.String()
	assert.Contains(t, s, "55 项任务")
	assert.Contains(t, s, "26  22  4        区数据局", "区数据局 leads 23 items and shares 4; item 1 is done: not workload")
	assert.Contains(t, s, "51. 开展拖欠企业账款问题专项整治（区工信局、区财政局，应于 2025-06-16）", "区财政局 never reported")
	assert.Contains(t, s, "督办 51 → 区工信局：已超过期限 2025-10-15", "区工信局 has no October report")

	read := func(name string) [][]string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).ReadAll()
		require.NoError(t, err)
		return rows
	}
	assert.Len(t, read("tasks.csv"), 56, "a header and 55 tasks")
	assert.Len(t, read("ledger.csv"), 10, "a header, 7 reports, and item 1's application to close and its approval")
	info, err := os.Stat(filepath.Join(dir, "tiexi-2025.xlsx"))
	require.NoError(t, err)
	assert.Positive(t, info.Size())

	// On 2025-06-01 nothing is overdue: the plan was issued on 13 May, so
	// the first monthly report of item 51 is due by 15 June.
	out.Reset()
	require.NoError(t, run(&out, filepath.Join("..", "data", "tiexi-2025-55.json"), "2025-06-01", t.TempDir()))
	assert.Contains(t, out.String(), "超期 / overdue: 0")
}
