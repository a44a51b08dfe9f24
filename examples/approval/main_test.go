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
	assert.Contains(t, s, "供电方案答复  limit 10工作日  start 09-28 09:00  due 2025-10-21")
	assert.Contains(t, s, "全程 overall  limit 20工作日  start 09-26 09:30  due 2025-11-03")
	assert.Contains(t, s, "补正暂停 2工作日")
	assert.Contains(t, s, "中秋节、国庆节 2025-10-01至2025-10-08 不计")
}
