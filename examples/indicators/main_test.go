package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	require.NoError(t, runFile(&out, filepath.Join("..", "data", "anshan-2021-2025-programme.json")))
	s := out.String()
	assert.Contains(t, s, "工程建设项目从立项到不动产登记全流程审批时限")
	assert.Contains(t, s, "不超过 15 天工作日")
	assert.Contains(t, s, "2025年前沿距离排名")
	for _, d := range districts {
		assert.Equal(t, 3, strings.Count(s, d), "%s: in the table header and both rankings", d)
	}
	table := strings.TrimSpace(s[:strings.Index(s, "每格")])
	assert.Len(t, strings.Split(table, "\n"), 1+26*2, "a header and two rows (2024, 2025) per indicator")
}
