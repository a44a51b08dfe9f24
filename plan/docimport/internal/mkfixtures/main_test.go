package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFixturesAreGenerated writes the fixtures again and compares them with
// the committed ones, so that the files and the program cannot drift
// apart. It is skipped where the seeds are not present.
func TestFixturesAreGenerated(t *testing.T) {
	seeds := filepath.Join("..", "..", "..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(filepath.Join(seeds, seed)); err != nil {
		t.Skip("seed documents not found beside the repository")
	}
	out := t.TempDir()
	require.NoError(t, run(seeds, out))
	for _, name := range []string{"tiexi.docx", "tiexi-table.docx", "tiexi-table.xlsx"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
		require.NoError(t, err)
		assert.Equal(t, want, got, "testdata/%s is stale: go run ./plan/docimport/internal/mkfixtures", name)
	}
}
