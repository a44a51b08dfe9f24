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
	// 10 working days from the end of 09-28, plus the 20 working hours of
	// the pause: 13:00 on the 13th working day after 09-28.
	assert.Contains(t, s, "供电方案答复  limit 10工作日  start 09-28 09:00  due 2025-10-22 13:00")
	assert.Contains(t, s, "全程 overall  limit 20工作日  start 09-26 09:30  due 2025-11-04 13:00")
	assert.Contains(t, s, "装表接电  limit 9工作日  start 10-17 09:00  due 2025-10-30 24:00  elapsed 1小时")
	assert.Contains(t, s, "补正暂停 2工作日4小时（09-29 11:00–17:00、09-30 全天、10-09 09:00–15:00）")
	assert.Contains(t, s, "中秋节、国庆节 2025-10-01至2025-10-08 不计")
}
