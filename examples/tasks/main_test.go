package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(&out))
	s := out.String()
	assert.Contains(t, s, "区数据局：牵头 3 项，按职责分工负责 1 项，共 4 项")
	assert.Contains(t, s, "2025-12-31 超期 1 项：1-1 北陶街道")
	assert.Contains(t, s, "提醒 2 → 区数据局：今日（2025-12-31）到期")
	assert.Contains(t, s, "2026-01-05 超期 5 项：1 区数据局；1-1 北陶街道；2 区数据局；3 区住建局、区数据局；5 区数据局")
	assert.Contains(t, s, "不再督办", "past the plan's end")
	assert.Contains(t, s, "1. 编制政务服务事项清单（lead，80%）", "(60 + 100) / 2 from the streets")
}
