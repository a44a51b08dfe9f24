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
	require.NoError(t, run(&out, filepath.Join("..", "data", "tiexi-2025-excerpt.json"), "2025-10-09"))
	s := out.String()
	assert.Contains(t, s, "declared_count")
	assert.Contains(t, s, "超期 1 项")
	assert.Contains(t, s, "区数据局")
	assert.Error(t, run(&out, "no-such.json", "2025-10-09"))
}
