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
	assert.Contains(t, s, "主体 1000 户")
	assert.Contains(t, s, "verified: re-running the published record gives the same result")
	assert.Contains(t, s, "the population differs")
	assert.Contains(t, s, "gives pick 1 another cell", "every field of the record is verified")
}
